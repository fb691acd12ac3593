//! "Read this step aloud" with the browser's own speech synthesis, in a voice that
//! speaks the guide's language. Hidden where the browser has none; where it has no
//! voice for the language, pressing it says so (a polite status) instead of reading in
//! another language's voice. Stops when the step changes. It stops only its own reading
//! (the walkthrough may be speaking the new step), and pressing it pauses a running
//! walkthrough, so the two never talk at once.

use crate::components::context::{use_guide, use_guide_state};
use crate::state::{Action, GuideState, Walk, Walkthrough};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReadAloudProps {
    /// What to read: the step's title and text.
    pub text: AttrValue,
}

/// Whether this browser can speak.
fn speech_available() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &"speechSynthesis".into()).ok())
            .is_some_and(|s| s.is_object())
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

#[cfg(target_arch = "wasm32")]
fn synthesis() -> Option<web_sys::SpeechSynthesis> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &"speechSynthesis".into())
        .ok()?
        .dyn_into()
        .ok()
}

fn stop() {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = synthesis() {
        s.cancel();
    }
}

/// Whether the voice is this button's (a state handle would read stale in cleanup).
type Own = Rc<RefCell<bool>>;
/// The `end` and `error` listeners on the utterance being read, held while it is.
type Listeners = Rc<RefCell<Vec<gloo::events::EventListener>>>;

#[function_component(ReadAloud)]
pub fn read_aloud(props: &ReadAloudProps) -> Html {
    let context = use_guide();
    let state = use_guide_state();
    let ui = &context.guide().ui;
    // The document always has the button (the loader hides it where speech is missing),
    // so nothing moves when the live widget takes over.
    let available = context.draws_everything() || speech_available();
    let speaking = use_state(|| false);
    // Set when pressed on a device with no voice for the language; a new step clears it.
    let no_voice = use_state(|| false);
    // Whether the voice is this button's (a state handle would read stale in cleanup).
    let own = use_mut_ref(|| false);
    let listeners = use_mut_ref(Vec::<gloo::events::EventListener>::new);
    use_stop_on_change(props.text.clone(), speaking.clone(), own.clone());
    {
        let no_voice = no_voice.clone();
        use_effect_with((props.text.clone(), state.lang), move |_| {
            no_voice.set(false)
        });
    }
    if !available {
        return html! {};
    }
    let onclick = {
        let reading = toggle_reading(&state, props.text.clone(), &speaking, own, listeners);
        let (lang, no_voice) = (state.lang.tag(), no_voice.clone());
        Callback::from(move |event: MouseEvent| {
            let voiceless = !super::narration::narrates(lang);
            no_voice.set(voiceless);
            if !voiceless {
                reading.emit(event);
            }
        })
    };
    html! {
        <>
            <button type="button" class="kg-button kg-button-secondary kg-read-aloud" {onclick}>
                <span aria-hidden="true">{ if *speaking { "■ " } else { "▶ " } }</span>
                { if *speaking { ui.stop_reading } else { ui.read_aloud } }
            </button>
            <p class="kg-voice-status" role="status">{ if *no_voice { ui.no_voice } else { "" } }</p>
        </>
    }
}

/// A new step (or language) stops reading the old one, and so does leaving; only this
/// button's own reading is stopped, as the walkthrough may be speaking the new step.
#[hook]
fn use_stop_on_change(text: AttrValue, speaking: UseStateHandle<bool>, own: Own) {
    use_effect_with(text, move |_| {
        if std::mem::take(&mut *own.borrow_mut()) {
            stop();
        }
        speaking.set(false);
        move || {
            if std::mem::take(&mut *own.borrow_mut()) {
                stop();
            }
        }
    });
}

/// The button's press: pauses a running walkthrough, then stops reading if it was,
/// else starts.
fn toggle_reading(
    state: &UseReducerHandle<GuideState>,
    text: AttrValue,
    speaking: &UseStateHandle<bool>,
    own: Own,
    listeners: Listeners,
) -> Callback<MouseEvent> {
    let speaking = speaking.clone();
    let lang = state.lang.tag();
    let state = state.clone();
    Callback::from(move |_| {
        if state.walkthrough == Walkthrough::Playing {
            state.dispatch(Action::Walk(Walk::Pause));
        }
        stop();
        *own.borrow_mut() = false;
        if *speaking {
            speaking.set(false);
            return;
        }
        speak(&text, lang, &speaking, &own, &listeners);
    })
}

/// Reads `text` aloud in `lang`, marking the voice as this button's until it ends.
#[cfg(target_arch = "wasm32")]
fn speak(
    text: &str,
    lang: &str,
    speaking: &UseStateHandle<bool>,
    own: &Own,
    listeners: &Listeners,
) {
    if let (Some(s), Ok(utterance)) = (
        synthesis(),
        web_sys::SpeechSynthesisUtterance::new_with_text(text),
    ) {
        utterance.set_lang(lang);
        utterance.set_rate(0.9);
        if let Some(voice) = super::narration::voice(lang) {
            let _ = js_sys::Reflect::set(&utterance, &"voice".into(), &voice);
        }
        let mut held = listeners.borrow_mut();
        held.clear();
        for event in ["end", "error"] {
            let speaking = speaking.clone();
            let own = own.clone();
            held.push(gloo::events::EventListener::new(
                &utterance,
                event,
                move |_| {
                    *own.borrow_mut() = false;
                    speaking.set(false);
                },
            ));
        }
        s.speak(&utterance);
        crate::components::narration::claim_voice(0);
        *own.borrow_mut() = true;
        speaking.set(true);
    }
}

/// Off the browser there is no voice to read with.
#[cfg(not(target_arch = "wasm32"))]
fn speak(
    _text: &str,
    _lang: &str,
    _speaking: &UseStateHandle<bool>,
    _own: &Own,
    _listeners: &Listeners,
) {
}
