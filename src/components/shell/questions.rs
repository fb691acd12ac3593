//! Questions people ask, and the medical words used in the guide.

use crate::components::context::use_guide;
use crate::components::heading::Heading;
use crate::components::source_refs::source_refs;
use yew::prelude::*;

#[function_component(Questions)]
pub fn questions() -> Html {
    let context = use_guide();
    let g = context.guide();
    html! {
        <div class="kg-section" data-section="questions">
            <Heading depth={1} focusable=true>{ g.ui.questions_heading }</Heading>
            <div class="kg-faq">
                { for g.faq.iter().map(|q| html! {
                    <details key={q.id} class="kg-details">
                        <summary>{ context.text(q.question) }</summary>
                        <div class="kg-details-body">
                            <p>{ context.text(q.answer) }</p>
                            { source_refs(context.guide(), q.sources) }
                        </div>
                    </details>
                }) }
            </div>
            <Heading depth={2}>{ g.ui.glossary_heading }</Heading>
            <dl class="kg-glossary">
                { for g.glossary.iter().map(|t| html! {
                    <div key={t.id} class="kg-term" id={format!("kg-term-{}", t.id)}>
                        <dt>{ t.term }</dt>
                        <dd>{ context.text(t.definition) }</dd>
                    </div>
                }) }
            </dl>
        </div>
    }
}
