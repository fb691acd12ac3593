//! Risks and benefits, side by side and honest.

use crate::components::context::use_guide;
use crate::components::heading::Heading;
use crate::components::source_refs::source_refs;
use crate::content::Topic;
use yew::prelude::*;

#[function_component(Risks)]
pub fn risks() -> Html {
    let context = use_guide();
    let g = context.guide();
    let topics = |list: &'static [Topic]| {
        html! {
            <ul class="kg-topics">
                { for list.iter().map(|t| html! {
                    <li key={t.id}>
                        <strong class="kg-topic-title">{ context.text(t.title) }</strong>
                        <p>{ context.text(t.text) }</p>
                        if !t.signs.is_empty() {
                            // The loader opens the warning signs from this class, as it
                            // does for the emergency strip's button.
                            <button type="button" class="kg-button kg-button-warning kg-risk-signs">{ g.ui.risk_signs }</button>
                        }
                        { source_refs(context.guide(), t.sources) }
                    </li>
                }) }
            </ul>
        }
    };
    html! {
        <div class="kg-section" data-section="risks">
            <Heading depth={1} focusable=true>{ g.ui.section_risks }</Heading>
            <div class="kg-columns">
                <div class="kg-block">
                    <Heading depth={2}>{ g.ui.benefits_heading }</Heading>
                    { topics(g.benefits) }
                </div>
                <div class="kg-block">
                    <Heading depth={2}>{ g.ui.risks_heading }</Heading>
                    <p>{ g.ui.risks_intro }</p>
                    { topics(g.risks) }
                </div>
            </div>
        </div>
    }
}
