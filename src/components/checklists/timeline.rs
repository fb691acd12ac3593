//! The recovery timeline: what to expect, and when. With the procedure date, every
//! milestone shows its calendar date and the dates can go into the patient's
//! calendar; without it, times are relative ("After 48 hours").

use crate::calendar::recovery::{
    calendar_file, data_url, effective_offset, long_date, milestone_date,
};
use crate::calendar::Date;
use crate::components::context::{use_guide, use_guide_state, GuideContext, RenderMode};
use crate::components::heading::Heading;
use crate::components::source_refs::source_refs;
use crate::content::{text, Milestone, Ui};
use crate::state::Action;
use web_sys::HtmlInputElement;
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

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// On the printed sheet (which, like the standalone page, has no date field and no
    /// download).
    #[prop_or_default]
    pub print_sheet: bool,
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let context = use_guide();
    let state = use_guide_state();
    let g = context.guide();
    let procedure = state.procedure_date;
    let date_input = use_node_ref();
    let on_paper = props.print_sheet || context.mode == RenderMode::Page;
    // Paper has no download link, so it does not build the file either.
    let download = procedure
        .filter(|_| !on_paper)
        .map(|day| data_url(&calendar_file(g, context.values(), day, now_millis())));
    html! {
        <div class="kg-block kg-timeline-block">
            <Heading depth={2}>{ g.ui.timeline_heading }</Heading>
            <p>{ g.ui.timeline_intro }</p>
            if !on_paper {
                { date_field(&context, procedure, date_input) }
            }
            <ol class="kg-timeline">
                { for g.timeline.iter().map(|m| milestone(&context, procedure, m)) }
            </ol>
            if let Some(href) = download {
                <a class="kg-button kg-button-secondary kg-download" href={href} download="kyphoplasty-recovery.ics">
                    { g.ui.download_calendar }
                </a>
            }
        </div>
    }
}

/// The procedure date field, with its clear button once a date is set.
fn date_field(context: &GuideContext, procedure: Option<Date>, date_input: NodeRef) -> Html {
    let ui = &context.guide().ui;
    let on_date = set_date(context);
    let clear_date = clear_date(context, &date_input);
    html! {
        <div class="kg-date-field">
            <label for="kg-date">{ ui.procedure_date_label }</label>
            <p class="kg-hint" id="kg-date-hint">{ ui.procedure_date_hint }</p>
            <div class="kg-date-row">
                <input type="date" id="kg-date" class="kg-date-input" aria-describedby="kg-date-hint" ref={date_input}
                    value={procedure.map(Date::to_iso).unwrap_or_default()} onchange={on_date} />
                if procedure.is_some() {
                    <button type="button" class="kg-button kg-button-secondary" onclick={clear_date}>{ ui.clear_date }</button>
                }
            </div>
        </div>
    }
}

/// The date field's change: the date enters here, checked once by the calendar's rule.
fn set_date(context: &GuideContext) -> Callback<Event> {
    let context = context.clone();
    Callback::from(move |event: Event| {
        let value = event.target_unchecked_into::<HtmlInputElement>().value();
        context.dispatch(Action::SetProcedureDate(Date::parse_iso(&value)));
    })
}

/// The clear button: forgets the date and, as the button goes with it, focuses the
/// date field rather than the page.
fn clear_date(context: &GuideContext, date_input: &NodeRef) -> Callback<MouseEvent> {
    let context = context.clone();
    let date_input = date_input.clone();
    Callback::from(move |_| {
        context.dispatch(Action::SetProcedureDate(None));
        if let Some(input) = date_input.cast::<web_sys::HtmlElement>() {
            let _ = input.focus();
        }
    })
}

/// One milestone: when, what, and its sources.
fn milestone(context: &GuideContext, procedure: Option<Date>, m: &Milestone) -> Html {
    html! {
        <li key={m.id} class="kg-milestone">
            { milestone_when(context, procedure, m) }
            <p class="kg-milestone-title"><strong>{ context.text(m.title) }</strong></p>
            <p>{ context.text(m.text) }</p>
            { source_refs(context.guide(), m.sources) }
        </li>
    }
}

/// A milestone's time: its calendar date with the procedure date, else relative.
fn milestone_when(context: &GuideContext, procedure: Option<Date>, m: &Milestone) -> Html {
    let ui = &context.guide().ui;
    let offset = effective_offset(m, context.values());
    // A milestone without a time of its own that carries a practice's instruction (the
    // driving milestone: no date of ours on driving) happens when the care team says.
    let label = |hours: Option<u32>| match hours {
        None if practice_timing(m.text).is_some() => ui.when_care_team.to_string(),
        hours => relative_time(ui, hours),
    };
    let relative = match (offset, m.offset_hours) {
        (None, Some(_)) => ui.when_care_team.to_string(),
        _ => label(offset),
    };
    // The document marks every practice value as set; the guide's own timing
    // is kept beside "when your care team says" for the loader to choose.
    let timed_by = practice_timing(m.text).filter(|_| context.draws_everything());
    let own_timing = timed_by.map(|_| label(m.offset_hours));
    let dated = procedure
        .and_then(|day| milestone_date(day, m, context.values()))
        .map(|d| long_date(d, context.lang));
    html! {
        <p class="kg-milestone-when">
            if let Some(date) = dated {
                <span class="kg-milestone-date">{ date }</span>
                <span class="kg-milestone-relative">{ relative }</span>
            } else if let Some(names) = timed_by {
                <span data-kg-if={names} hidden=true>{ relative }</span>
                <span data-kg-unless={names}>{ own_timing.unwrap_or_default() }</span>
            } else {
                { relative }
            }
        </p>
    }
}

/// The practice settings whose own wording decides a milestone's timing, as the
/// space-separated names `data-kg-if` takes; `None` for a milestone none of them times.
fn practice_timing(template: &str) -> Option<&'static str> {
    const TIMED: [&str; 4] = ["lifting_limit", "follow_up", "driving", "return_to_work"];
    let used: Vec<&str> = TIMED
        .into_iter()
        .filter(|name| template.contains(&format!("{{{name}}}")))
        .collect();
    match used.as_slice() {
        [] => None,
        [one] => Some(one),
        _ => Some("lifting_limit follow_up driving return_to_work"),
    }
}

fn now_millis() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now();
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}
