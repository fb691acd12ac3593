//! "Sources: 1, 4" under a statement: every fact shows what it rests on.
//!
//! A plain function rather than a component: it has no state, and each component
//! costs its own copy of Yew's lifecycle code in the wasm.

use crate::content::Guide;
use yew::prelude::*;

/// The numbers of the sources (as listed in the Sources section), with their titles on hover.
pub fn source_refs(guide: &'static Guide, ids: &[&str]) -> Html {
    let mut numbers: Vec<usize> = ids
        .iter()
        .filter_map(|id| guide.sources.iter().position(|s| s.id == *id))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let refs = numbers.into_iter().map(|index| {
        let source = &guide.sources[index];
        html! { <li title={source.title}>{ index + 1 }</li> }
    });
    html! {
        <div class="kg-refs">
            <span class="kg-refs-label">{ guide.ui.sources_label }</span>
            <ul class="kg-refs-list">{ for refs }</ul>
        </div>
    }
}
