//! "Sources: 1, 4" under a statement: every fact shows what it rests on.

use super::context::use_guide;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceRefsProps {
    pub ids: Vec<&'static str>,
}

/// The numbers of the sources (as listed in the Sources section), with their titles on hover.
#[function_component(SourceRefs)]
pub fn source_refs(props: &SourceRefsProps) -> Html {
    let context = use_guide();
    let guide = context.guide();
    let mut numbers: Vec<usize> = props
        .ids
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
