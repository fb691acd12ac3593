//! `App`'s effects, one hook each: what the root does besides laying out the guide.

use super::print_sheet::PRINT_PARTS;
use crate::embed::events::HostEvent;
use crate::embed::{languages, Config};
use crate::state::{Action, GuideState, Walkthrough};
use yew::prelude::*;

/// Tells the loader once the first render is in the DOM.
#[hook]
pub fn use_rendered(on_rendered: Option<Callback<()>>) {
    use_effect_with((), move |_| {
        if let Some(callback) = on_rendered {
            callback.emit(());
        }
    });
}

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

/// The practice's accent colour, set through the CSSOM, which a strict CSP allows (a
/// style attribute would not be).
#[hook]
pub fn use_accent(root: &NodeRef, accent: Option<String>) {
    let root = root.clone();
    use_effect_with(accent, move |accent| {
        if let Some(element) = root.cast::<web_sys::HtmlElement>() {
            let style = element.style();
            let _ = match accent {
                Some(colour) => style.set_property("--kg-accent", colour),
                None => style.remove_property("--kg-accent").map(|_| ()),
            };
        }
    });
}

/// Moves focus to the open section's heading when the state asks (the control the
/// patient used is about to disappear).
#[hook]
pub fn use_focus_request(root: &NodeRef, request: u32) {
    let root = root.clone();
    use_effect_with(request, move |request| {
        if *request > 0 {
            let heading = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector(".kg-body [tabindex='-1']").ok().flatten())
                .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok());
            if let Some(heading) = heading {
                let _ = heading.focus();
            }
        }
    });
}

/// How many of the print sheet's parts (`PrintSheet`'s `parts`) are drawn: all at once at
/// build time; in the live widget none in its first render and then one more per task,
/// so the task that renders the widget and swaps it in for the document does only what
/// shows, and no later task draws the whole sheet at once (the sheet is most of the
/// widget's elements; one long task at 4x CPU was the whole guide, issue 24). Printing
/// comes later than that.
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
