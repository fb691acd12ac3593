//! The "Show sources" switch in the header: some readers want every statement's
//! sources in view, others find the numbers in the way. A toggle button
//! (`aria-pressed`), remembered on this device with the ticks. Hiding only removes the
//! references beside the text on screen: the Sources section still lists every
//! document either way.

use super::context::{use_guide, use_guide_state};
use crate::state::Action;
use yew::prelude::*;

#[function_component(SourcesToggle)]
pub fn sources_toggle() -> Html {
    let context = use_guide();
    let state = use_guide_state();
    let show = state.show_sources;
    let onclick = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::SetShowSources(!show)))
    };
    html! {
        <button type="button" class="kg-button kg-button-secondary kg-sources-toggle"
            aria-pressed={if show { "true" } else { "false" }} {onclick}>
            { context.guide().ui.show_sources }
        </button>
    }
}
