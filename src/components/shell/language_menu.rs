//! The language menu: a disclosure button naming the language shown ("Language:
//! English") and the list of the languages the practice offers, each named in its own
//! words and marked with its own `lang` and `dir`, so a patient who cannot read the
//! current language still finds theirs and a screen reader says it in the right voice.
//!
//! The header is the document's (issue 24): the loader opens and closes the list
//! (Escape, arrows, a click elsewhere) and switches the language, downloading its
//! document on first use and re-mounting the islands into it; this component only
//! draws the menu at build time, so the wasm carries nothing for it.
//! With one language offered there is nothing to choose, and no menu.

use crate::components::context::use_guide;
use crate::content::{language_name, text};
use yew::prelude::*;

#[function_component(LanguageMenu)]
pub fn language_menu() -> Html {
    let context = use_guide();
    let offered = context.config.languages.clone();
    if offered.len() < 2 {
        return html! {};
    }
    let ui = &context.guide().ui;
    let current = context.lang;
    let label = text::ui(ui.language_menu, &[("language", language_name(current))]);
    html! {
        <div class="kg-lang-menu">
            <button type="button" class="kg-button kg-button-secondary kg-lang-toggle"
                aria-expanded="false" aria-controls="kg-lang-list">
                { label }
            </button>
            <ul class="kg-lang-list" id="kg-lang-list" aria-label={ui.languages_label}>
                { for offered.iter().map(|lang| html! {
                    <li>
                        <button type="button" class="kg-lang" lang={lang.tag()} dir={lang.dir()}
                            aria-current={(*lang == current).then_some("true")}>
                            { language_name(*lang) }
                        </button>
                    </li>
                }) }
            </ul>
        </div>
    }
}
