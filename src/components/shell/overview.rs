//! What a compression fracture is and what kyphoplasty does, in plain words.

use crate::components::context::use_guide;
use crate::components::heading::Heading;
use crate::components::key_points::KeyPoints;
use crate::components::source_refs::source_refs;
use yew::prelude::*;

#[function_component(Overview)]
pub fn overview() -> Html {
    let context = use_guide();
    let g = context.guide();
    html! {
        <div class="kg-section" data-section="overview">
            <Heading depth={1} focusable=true>{ g.ui.section_overview }</Heading>
            <KeyPoints place="overview" />
            { for g.intro.iter().map(|p| html! {
                <div class="kg-block" key={p.id}>
                    <Heading depth={2}>{ context.text(p.heading) }</Heading>
                    <p>{ context.text(p.text) }</p>
                    { source_refs(context.guide(), p.sources) }
                </div>
            }) }
        </div>
    }
}
