//! The recovery timeline: what to expect, and when, after the procedure.

use super::context::use_guide;
use super::heading::Heading;
use super::source_refs::SourceRefs;
use crate::content::{text, Ui};
use yew::prelude::*;

/// "After 48 hours", "After 3 days": a milestone's time relative to the procedure.
pub fn relative_time(ui: &Ui, offset_hours: Option<u32>) -> String {
    match offset_hours {
        None => ui.when_later.to_string(),
        Some(0) => ui.when_day_of.to_string(),
        Some(h) if h < 72 => text::ui(ui.when_hours, &[("hours", &h.to_string())]),
        Some(h) if h < 14 * 24 => text::ui(ui.when_days, &[("days", &(h / 24).to_string())]),
        Some(h) => text::ui(ui.when_weeks, &[("weeks", &(h / (24 * 7)).to_string())]),
    }
}

#[function_component(Timeline)]
pub fn timeline() -> Html {
    let context = use_guide();
    let g = context.guide();
    html! {
        <div class="kg-block kg-timeline-block">
            <Heading depth={2}>{ g.ui.timeline_heading }</Heading>
            <p>{ g.ui.timeline_intro }</p>
            <ol class="kg-timeline">
                { for g.timeline.iter().map(|m| html! {
                    <li key={m.id} class="kg-milestone">
                        <p class="kg-milestone-when">{ relative_time(&g.ui, m.offset_hours) }</p>
                        <p class="kg-milestone-title"><strong>{ context.text(m.title) }</strong></p>
                        <p>{ context.text(m.text) }</p>
                        <SourceRefs ids={m.sources.to_vec()} />
                    </li>
                }) }
            </ol>
        </div>
    }
}
