//! "Sources 1, 4" after a statement: every fact shows what it rests on, quietly.
//!
//! One short phrase, not a list: a screen reader used to hear "list, list item,
//! position 1, set size 2" after every paragraph. Each number is a link whose
//! accessible name gives the document ("Source 1: Balloon Kyphoplasty"); in the
//! widget the loader opens the Sources section and focuses that entry without touching
//! the host page's URL; in the static guide it is a plain in-page link. The references can
//! be hidden on screen (the "Show sources" switch).

use super::context::use_guide;
use crate::content::{text, Guide};
use yew::prelude::*;

/// The references for `ids`, numbered as the Sources section lists them.
pub fn source_refs(guide: &'static Guide, ids: &[&str]) -> Html {
    let mut numbers: Vec<usize> = ids
        .iter()
        .filter_map(|id| guide.sources.iter().position(|s| s.id == *id))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    if numbers.is_empty() {
        return Html::default();
    }
    html! { <SourceRefs {numbers} /> }
}

/// The element id of a source's entry in the Sources section (one per shadow root or page).
pub fn entry_id(index: usize) -> String {
    format!("kg-source-{}", index + 1)
}

#[derive(Properties, PartialEq)]
pub struct SourceRefsProps {
    /// Indexes into the guide's sources, sorted.
    pub numbers: Vec<usize>,
}

#[function_component(SourceRefs)]
pub fn source_refs_view(props: &SourceRefsProps) -> Html {
    let context = use_guide();
    let g = context.guide();
    let links = props.numbers.iter().enumerate().map(|(i, &index)| {
        let number = (index + 1).to_string();
        let title = g.sources.get(index).map(|s| s.title).unwrap_or_default();
        let label = text::ui(
            g.ui.source_ref_label,
            &[("number", &number), ("title", title)],
        );
        html! { <>
            if i > 0 { { ", " } }
            <a class="kg-ref" href={format!("#{}", entry_id(index))} aria-label={label}>{ number }</a>
        </> }
    });
    html! {
        <p class="kg-refs">
            <span class="kg-refs-label">{ g.ui.sources_short }</span>{ " " }
            { for links }
        </p>
    }
}
