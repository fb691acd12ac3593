//! The leaflets the guide rests on, numbered as the "Sources:" lines cite them.

use super::context::use_guide;
use super::heading::Heading;
use yew::prelude::*;

#[function_component(Sources)]
pub fn sources() -> Html {
    let context = use_guide();
    let g = context.guide();
    html! {
        <div class="kg-section" data-section="sources">
            <Heading depth={1} focusable=true>{ g.ui.sources_heading }</Heading>
            <p>{ g.ui.sources_intro }</p>
            <ol class="kg-sources">
                { for g.sources.iter().map(|s| html! {
                    <li key={s.id}><cite>{ s.title }</cite>{ ". " }{ s.publisher }</li>
                }) }
            </ol>
            <Heading depth={2}>{ g.ui.about_heading }</Heading>
            <p>{ context.text(g.disclaimer.text) }</p>
            <p>{ g.ui.general_information }</p>
        </div>
    }
}
