//! The live root's effects (see [`super::live`]), one hook each: what it does besides
//! rendering the islands.

use super::print_sheet::PRINT_PARTS;
use crate::embed::events::HostEvent;
use crate::embed::{languages, Config};
use crate::state::{Action, GuideState, Walkthrough};
use yew::prelude::*;

/// A changed `lang` or `start-step` attribute: the reducer decides what changed (see
/// `GuideState::configured`); a new language is loaded first. On the first render
/// nothing has changed, so a patient's switch made in the document stays.
#[hook]
pub fn use_configuration(state: &UseReducerHandle<GuideState>, config: &Config) {
    let state = state.clone();
    use_effect_with(
        (config.lang, config.start_step),
        move |&(lang, start_step)| {
            let (was_lang, _) = state.configured;
            let dispatcher = state.dispatcher();
            let configure = move |lang| dispatcher.dispatch(Action::Configure { lang, start_step });
            if lang == was_lang {
                configure(lang);
            } else {
                // If the language cannot be had, the guide stays in the one it shows.
                languages::request(lang, move |ok| configure(if ok { lang } else { was_lang }));
            }
        },
    );
}

/// Tells the host page when a walkthrough starts and ends, from one place whatever
/// started or ended it (its buttons, its last step, leaving the procedure).
#[hook]
pub fn use_walkthrough_events(
    state: &UseReducerHandle<GuideState>,
    host: Option<web_sys::Element>,
) {
    let running = state.walkthrough != Walkthrough::Off;
    let state = state.clone();
    use_effect_with(running, move |running| {
        // Not on the first render: the guide never starts a walkthrough by itself.
        if *running || state.walk_end.is_some() {
            HostEvent::Walkthrough {
                end: (!*running).then(|| state.walk_end.map_or("stopped", |e| e.name())),
                step: state.step + 1,
                total: state.step_count,
            }
            .dispatch(host.as_ref());
        }
    });
}

/// How many of the print sheet's parts are drawn: all at once at build time; live, none
/// in the render that takes the sheet over and then one more per task, so no task draws
/// the whole sheet at once (the sheet is most of the guide's elements: a long task at 4x
/// CPU, issue 24). Printing comes later than that.
#[hook]
pub fn use_print_parts(live: bool) -> u8 {
    let drawn = use_state(|| if live { 0 } else { PRINT_PARTS });
    {
        let drawn = drawn.clone();
        use_effect_with(*drawn, move |&n| {
            let next = (n < PRINT_PARTS)
                .then(|| gloo::timers::callback::Timeout::new(0, move || drawn.set(n + 1)));
            move || drop(next)
        });
    }
    *drawn
}

/// The practice's accent colour on the document's guide, as the configuration made it
/// readable (a pale one darkened, with a warning): the loader keeps the default colour
/// for an accent it cannot use as given. Set through the CSSOM, which a strict CSP
/// allows (a style attribute would not be).
#[hook]
pub fn use_accent(guide: &web_sys::Element, accent: Option<String>) {
    use_effect_with((guide.clone(), accent), |(guide, accent)| {
        if let Some(guide) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(guide) {
            let style = guide.style();
            let _ = match accent {
                Some(colour) => style.set_property("--kg-accent", colour),
                None => style.remove_property("--kg-accent").map(|_| ()),
            };
        }
    });
}

/// Keeps the document's `data-kg-step` on the live step, as the loader keeps it on the
/// document's: the loader reads it to open a new document (a language switch) at the
/// patient's step, and the stylesheet and tests read it as the step shown.
#[hook]
pub fn use_step_on_document(guide: &web_sys::Element, step: usize) {
    use_effect_with((guide.clone(), step), move |(guide, step)| {
        let _ = guide.set_attribute("data-kg-step", &(step + 1).to_string());
    });
}
