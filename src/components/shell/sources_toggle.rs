//! The "Show sources" switch in the header: some readers want every statement's
//! sources in view, others find the numbers in the way. A toggle button
//! (`aria-pressed`), remembered on this device with the ticks. Hiding only removes the
//! references beside the text on screen: the Sources section still lists every
//! document either way. The loader runs it (and tells the live widget, which saves it).

use crate::components::context::use_guide;
use yew::prelude::*;

#[function_component(SourcesToggle)]
pub fn sources_toggle() -> Html {
    let context = use_guide();
    html! {
        <button type="button" class="kg-button kg-button-secondary kg-sources-toggle" aria-pressed="true">
            { context.guide().ui.show_sources }
        </button>
    }
}
