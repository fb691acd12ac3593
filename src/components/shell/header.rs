//! The guide's header: its title, the practice's name, and the tools (Print, Send to
//! my phone, Show sources, the language menu).
//!
//! On a small screen the tools fold behind one "More" button (a disclosure: a button
//! with `aria-expanded` and the tools after it), so the header stays one line above the
//! emergency strip; the stylesheet decides when, the markup is the same at every size.
//! The header is the document's: the loader runs every tool in it (plain script, before
//! and after the wasm, issue 24); this component draws them and the status line the
//! loader fills in, with the words it says.

use super::language_menu::LanguageMenu;
use crate::components::context::use_guide;
use crate::components::heading::Heading;
use crate::components::sources_toggle::SourcesToggle;
use crate::content::text;
use yew::prelude::*;

#[function_component(Header)]
pub fn header() -> Html {
    let context = use_guide();
    let g = context.guide();
    let practice = context.config.values.practice_name.as_deref();
    let practice_if = context.shown_if("practice_name");
    html! {
        <header class="kg-header">
            <div class="kg-header-text">
                <Heading class="kg-title" part="kg-title">{ g.ui.title }</Heading>
                if let Some(name) = practice {
                    <p class="kg-practice" data-kg-if={practice_if} hidden={practice_if.is_some()}>
                        { text::ui(g.ui.from_practice, &[("practice_name", name)]) }
                    </p>
                }
            </div>
            <button type="button" class="kg-more" aria-expanded="false" aria-controls="kg-tools">
                { g.ui.more }
            </button>
            <div class="kg-tools" id="kg-tools">
                <button type="button" class="kg-button kg-button-secondary kg-print" aria-label={g.ui.print_label}>
                    { g.ui.print }
                </button>
                <button type="button" class="kg-button kg-button-secondary kg-share"
                    data-kg-title={g.ui.title} data-kg-copied={g.ui.share_copied}
                    data-kg-by-hand={g.ui.share_by_hand} data-kg-link-label={g.ui.share_link_label}>
                    { g.ui.share }
                </button>
                <SourcesToggle />
                <LanguageMenu />
            </div>
            <div class="kg-share-status" role="status" aria-live="polite"></div>
        </header>
    }
}
