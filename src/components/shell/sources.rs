//! The documents the guide rests on, numbered as the "Sources 1, 4" references cite
//! them: title, who published it, year and public link where there is one, and the
//! content's review stamp. Always complete, whether or not the references are shown.
//!
//! Each entry can take focus: a reference opens this section and the loader moves focus
//! to its entry, so a screen reader lands on the document.

use crate::components::context::use_guide;
use crate::components::heading::Heading;
use crate::components::review_stamp::ReviewStamp;
use crate::components::source_refs::entry_id;
use yew::prelude::*;

#[function_component(Sources)]
pub fn sources() -> Html {
    let context = use_guide();
    let g = context.guide();
    html! {
        <div class="kg-section" data-section="sources">
            <Heading depth={1} focusable=true>{ g.ui.sources_heading }</Heading>
            <p>{ g.ui.sources_intro }</p>
            <ReviewStamp />
            <ol class="kg-sources">
                { for g.sources.iter().enumerate().map(|(i, s)| html! {
                    <li key={s.id} id={entry_id(i)} tabindex="-1">
                        // Titles are the documents' own, in English: read with English sounds.
                        <cite lang="en">{ s.title }</cite>{ ". " }{ s.publisher }
                        if let Some(year) = s.year {
                            { " " }{ year.to_string() }{ "." }
                        }
                        if let Some(url) = s.url {
                            { " " }<a class="kg-source-link" href={url} rel="noopener noreferrer" target="_blank">{ url }</a>
                        }
                    </li>
                }) }
            </ol>
            <Heading depth={2}>{ g.ui.about_heading }</Heading>
            <p>{ context.text(g.disclaimer.text) }</p>
            <p>{ g.ui.general_information }</p>
        </div>
    }
}
