//! "Play the procedure": a narrated walkthrough, like the animated players patients
//! know, but one they can read, pause and follow at their own pace. It reads each
//! step aloud in the guide's language, the illustration makes that step's change, and
//! it moves on when the voice ends (without a voice, after a reading time). Pause and
//! Stop show while it runs; any step change of the patient's own pauses it (the rule is
//! in `crate::state`). It never starts by itself, and it needs the wasm: the stylesheet
//! hides it in the static document.
//!
//! Its polite status says only what the voice does not ("Paused"); the step's own
//! announcement leaves out the title the voice reads (see `Procedure`).
//!
//! A hook and a view rather than a component: `Procedure` draws the controls under
//! each step's picture, and a component of its own would cost the wasm a few KB of
//! Yew's per-component code for no gain.

use crate::components::context::GuideContext;
pub use crate::components::narration::narrates;
use crate::components::narration::use_narration;
use crate::state::GuideState;
use crate::state::{Action, Walk, WalkEnd, Walkthrough as Mode};
use yew::prelude::*;

/// The walkthrough's buttons and what they do.
pub struct Controls {
    main: NodeRef,
    stop: NodeRef,
    on_main: Callback<MouseEvent>,
    on_stop: Callback<MouseEvent>,
}

fn focus(button: &NodeRef) {
    if let Some(button) = button.cast::<web_sys::HtmlElement>() {
        let _ = button.focus();
    }
}

/// Runs the walkthrough's voice for the current step, and makes its buttons.
#[hook]
pub fn use_walkthrough(context: &GuideContext, state: &GuideState) -> Controls {
    let mode = state.walkthrough;
    let (main, stop) = (use_node_ref(), use_node_ref());
    let step = state.step;
    let total = state.step_count;
    let chunks = crate::components::stepper::step_words(context, step);
    let on_done = {
        let context = context.clone();
        let (main, stop) = (main.clone(), stop.clone());
        Callback::from(move |from: usize| {
            // After the last step Stop goes: if it has focus, focus stays on the main button.
            let on_stop = stop
                .cast::<web_sys::Element>()
                .is_some_and(|s| s.matches(":focus").unwrap_or(false));
            if from + 1 == total && on_stop {
                focus(&main);
            }
            context.dispatch(Action::Walk(Walk::Advance { from }))
        })
    };
    use_narration(
        mode == Mode::Playing,
        step,
        state.lang.tag(),
        chunks,
        on_done,
    );
    let on_main = {
        let context = context.clone();
        Callback::from(move |_| {
            context.dispatch(Action::Walk(match mode {
                Mode::Off => Walk::Start,
                Mode::Playing => Walk::Pause,
                Mode::Paused => Walk::Resume,
            }))
        })
    };
    let on_stop = {
        let context = context.clone();
        let main = main.clone();
        Callback::from(move |_| {
            // Stop is about to go: focus stays on the walkthrough's main button.
            focus(&main);
            context.dispatch(Action::Walk(Walk::Stop))
        })
    };
    Controls {
        main,
        stop,
        on_main,
        on_stop,
    }
}

/// "Play the procedure" (or Pause, or Continue), Stop while it runs, and the polite status.
pub fn controls(context: &GuideContext, state: &GuideState, controls: &Controls) -> Html {
    let ui = &context.guide().ui;
    let mode = state.walkthrough;
    let (label, icon) = match mode {
        Mode::Off => (ui.walk_play, "kg-walk-icon kg-walk-icon-play"),
        Mode::Playing => (ui.walk_pause, "kg-walk-icon kg-walk-icon-pause"),
        Mode::Paused => (ui.walk_resume, "kg-walk-icon kg-walk-icon-play"),
    };
    // Played without a voice for the language, it moves on by reading time: say why
    // nothing is heard, rather than read in another language's voice.
    let silent;
    let status = match (mode, state.walk_end) {
        (Mode::Playing, _) if !narrates(context.lang.tag()) => {
            silent = format!("{} {}", ui.walk_playing, ui.no_voice);
            silent.as_str()
        }
        (Mode::Playing, _) => ui.walk_playing,
        (Mode::Paused, _) => ui.walk_paused,
        (Mode::Off, Some(WalkEnd::Finished)) => ui.walk_finished,
        (Mode::Off, Some(WalkEnd::Stopped)) => ui.walk_stopped,
        (Mode::Off, _) => "",
    };
    html! {
        <div class="kg-walk">
            <button type="button" ref={controls.main.clone()} class="kg-button kg-walk-main" onclick={controls.on_main.clone()}>
                <span class={icon} aria-hidden="true"></span>
                { label }
            </button>
            if mode != Mode::Off {
                <button type="button" ref={controls.stop.clone()} class="kg-button kg-button-secondary kg-walk-stop"
                    onclick={controls.on_stop.clone()}>
                    <span class="kg-walk-icon kg-walk-icon-stop" aria-hidden="true"></span>
                    { ui.walk_stop }
                </button>
            }
            <p class="kg-visually-hidden" role="status">{ status }</p>
        </div>
    }
}
