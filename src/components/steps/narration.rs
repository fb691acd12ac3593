//! The walkthrough's voice (a hook, used by `Walkthrough`): reads one step aloud,
//! paragraph by paragraph, with the browser's speech synthesis, then says the step is
//! done. Where there is no voice for the guide's language (no speech synthesis, no
//! Spanish voice, or a voice that never starts), it waits each paragraph's reading
//! time instead, so the walkthrough still moves on at a reading pace (and the
//! walkthrough's status says the device has no voice for the language).
//!
//! Paragraph by paragraph, because pausing is cancelling: `speechSynthesis.pause()`
//! does nothing on some phones, so Pause stops the voice and Continue starts again at
//! the paragraph it was reading (long utterances also stop early in some browsers).
//! Methods are called through `Reflect`, so a missing or odd speech object (a
//! polyfill, a test's stub) means "no voice", never a trap.

use std::sync::atomic::{AtomicUsize, Ordering};
use yew::prelude::*;

/// Who spoke last: 0 for "Read this step aloud", a narration's number otherwise. A
/// narration that stops cancels the voice only while it is still its own, so pausing
/// the walkthrough to read a step aloud does not silence the reading.
static VOICE: AtomicUsize = AtomicUsize::new(0);

/// Marks the voice as `owner`'s (see [`VOICE`]).
pub fn claim_voice(owner: usize) {
    VOICE.store(owner, Ordering::Relaxed);
}

/// How long a paragraph stays when nothing reads it aloud: about 15 characters a
/// second (a slow, careful reader), and a moment to look at the picture.
pub fn reading_ms(text: &str) -> u32 {
    let chars = u32::try_from(text.chars().count()).unwrap_or(u32::MAX / 100);
    700 + 65 * chars.min(10_000)
}

/// Whether the browser can read `lang` aloud: it has speech synthesis and, once it has
/// listed its voices, one of them speaks that language.
pub fn narrates(lang: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        speech::synthesis().is_some_and(|s| speech::voice_for(&s, lang).is_ok())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        false
    }
}

/// While `playing`, narrates `chunks` (the step's title and paragraphs) of `step` in
/// `lang`, then calls `on_done(step)`. Stopping (a pause, another step, leaving) cancels
/// the voice; playing the same step again goes on from the paragraph it was in.
#[hook]
pub fn use_narration(
    playing: bool,
    step: usize,
    lang: &'static str,
    chunks: Vec<String>,
    on_done: Callback<usize>,
) {
    // (step, paragraph) to read next, and whether speech failed once (then the rest of
    // the visit uses reading times: a voice that fails tends to fail again).
    let next = use_mut_ref(|| (usize::MAX, 0usize));
    let mute = use_mut_ref(|| false);
    use_effect_with((playing, step, lang), move |&(playing, step, lang)| {
        #[cfg(target_arch = "wasm32")]
        let run = playing.then(|| {
            if next.borrow().0 != step {
                *next.borrow_mut() = (step, 0);
            }
            let run = std::rc::Rc::new(speech::Run::new(step, lang, chunks, next, mute, on_done));
            run.go();
            run
        });
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (playing, step, lang, chunks, next, mute, on_done);
        move || {
            #[cfg(target_arch = "wasm32")]
            if let Some(run) = run {
                run.stop();
            }
        }
    });
}

/// The device's best voice for `lang`; `None` lets the browser choose (it has not
/// listed its voices yet) or, where [`narrates`] is false, there is none to use.
#[cfg(target_arch = "wasm32")]
pub fn voice(lang: &str) -> Option<wasm_bindgen::JsValue> {
    speech::voice_for(&speech::synthesis()?, lang)
        .ok()
        .flatten()
}

#[cfg(target_arch = "wasm32")]
mod speech {
    use super::reading_ms;
    use gloo::events::EventListener;
    use gloo::timers::callback::Timeout;
    use js_sys::{Array, Function, Reflect};
    use std::cell::{Cell, RefCell};
    use std::rc::{Rc, Weak};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::SpeechSynthesisUtterance;
    use yew::Callback;

    /// `window.speechSynthesis`, where there is one and utterances can be made.
    pub fn synthesis() -> Option<JsValue> {
        let window: JsValue = web_sys::window()?.into();
        let synth = Reflect::get(&window, &"speechSynthesis".into()).ok()?;
        let utterance = Reflect::get(&window, &"SpeechSynthesisUtterance".into()).ok()?;
        (synth.is_object() && utterance.is_function()).then_some(synth)
    }

    /// Calls `target.method(...args)`; `None` if it is missing or throws.
    fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Option<JsValue> {
        let function: Function = Reflect::get(target, &method.into()).ok()?.dyn_into().ok()?;
        let list: Array = args.iter().copied().collect();
        function.apply(target, &list).ok()
    }

    /// The voice to use for `lang`: `Ok(None)` lets the browser choose (it has not
    /// listed its voices yet); `Err` when none of its voices speaks the language, so a
    /// Spanish guide is never read with an English voice (see `voice::voice_rank`).
    pub fn voice_for(synth: &JsValue, lang: &str) -> Result<Option<JsValue>, ()> {
        let voices: Array = call(synth, "getVoices", &[])
            .and_then(|v| v.dyn_into().ok())
            .unwrap_or_default();
        if voices.length() == 0 {
            return Ok(None);
        }
        voices
            .iter()
            .filter_map(|voice| {
                let tag = Reflect::get(&voice, &"lang".into()).ok()?.as_string()?;
                Some((crate::components::voice::voice_rank(&tag, lang)?, voice))
            })
            .min_by_key(|(rank, _)| *rank)
            .map(|(_, voice)| Some(voice))
            .ok_or(())
    }

    /// What a timer or an utterance's event does next. One type for every timer and
    /// every listener: each closure type would be its own copy of the glue code.
    #[derive(Clone)]
    enum Then {
        /// The step is read: on to the next one.
        Done,
        /// This paragraph is read (or its reading time is over): the next one.
        Read,
        /// The voice failed, or never started (`started` still false): read by time.
        Fail(Option<Rc<Cell<bool>>>),
        /// The voice started.
        Started(Rc<Cell<bool>>),
        /// An error event: a failure unless it was a cancel (a pause, another reading).
        Error,
    }

    /// Numbers narrations, for [`super::VOICE`] (0 is Read aloud's).
    static RUNS: AtomicUsize = AtomicUsize::new(1);

    /// One narration of one step, from the paragraph `next` points at.
    pub struct Run {
        id: usize,
        alive: Cell<bool>,
        spoke: Cell<bool>,
        step: usize,
        lang: &'static str,
        chunks: Vec<String>,
        next: Rc<RefCell<(usize, usize)>>,
        mute: Rc<RefCell<bool>>,
        on_done: Callback<usize>,
        listeners: RefCell<Vec<EventListener>>,
        timers: RefCell<Vec<Timeout>>,
    }

    impl Run {
        pub fn new(
            step: usize,
            lang: &'static str,
            chunks: Vec<String>,
            next: Rc<RefCell<(usize, usize)>>,
            mute: Rc<RefCell<bool>>,
            on_done: Callback<usize>,
        ) -> Self {
            Run {
                id: RUNS.fetch_add(1, Ordering::Relaxed),
                alive: Cell::new(true),
                spoke: Cell::new(false),
                step,
                lang,
                chunks,
                next,
                mute,
                on_done,
                listeners: RefCell::default(),
                timers: RefCell::default(),
            }
        }

        /// Reads the next paragraph, or, when all are read, says the step is done
        /// after a moment on the picture.
        pub fn go(self: &Rc<Self>) {
            if !self.alive.get() {
                return;
            }
            self.listeners.borrow_mut().clear();
            self.timers.borrow_mut().clear();
            let index = self.next.borrow().1;
            let Some(text) = self.chunks.get(index).cloned() else {
                self.later(1000, Then::Done);
                return;
            };
            if !*self.mute.borrow() && self.speak(&text) {
                return;
            }
            self.later(reading_ms(&text), Then::Read);
        }

        fn then(self: &Rc<Self>, then: Then, event: Option<&web_sys::Event>) {
            match then {
                Then::Done => self.on_done.emit(self.step),
                Then::Read => {
                    self.next.borrow_mut().1 += 1;
                    self.go();
                }
                Then::Started(started) => started.set(true),
                Then::Error => {
                    let error = event
                        .and_then(|e| Reflect::get(e, &"error".into()).ok())
                        .and_then(|e| e.as_string());
                    if !matches!(error.as_deref(), Some("interrupted" | "canceled")) {
                        self.then(Then::Fail(None), None);
                    }
                }
                Then::Fail(started) => {
                    if started.is_some_and(|s| s.get()) {
                        return;
                    }
                    *self.mute.borrow_mut() = true;
                    self.cancel();
                    self.go();
                }
            }
        }

        fn later(self: &Rc<Self>, ms: u32, then: Then) {
            let weak: Weak<Run> = Rc::downgrade(self);
            let timer = Timeout::new(ms, move || {
                if let Some(run) = weak.upgrade().filter(|r| r.alive.get()) {
                    run.then(then, None);
                }
            });
            self.timers.borrow_mut().push(timer);
        }

        fn on(self: &Rc<Self>, target: &web_sys::EventTarget, name: &'static str, then: Then) {
            let weak: Weak<Run> = Rc::downgrade(self);
            self.listeners
                .borrow_mut()
                .push(EventListener::new(target, name, move |event| {
                    if let Some(run) = weak.upgrade().filter(|r| r.alive.get()) {
                        run.then(then.clone(), Some(event));
                    }
                }));
        }

        /// Starts reading `text` aloud; false when there is no voice for it.
        fn speak(self: &Rc<Self>, text: &str) -> bool {
            let Some(synth) = synthesis() else {
                return false;
            };
            let Ok(voice) = voice_for(&synth, self.lang) else {
                return false;
            };
            let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
                return false;
            };
            utterance.set_lang(self.lang);
            utterance.set_rate(0.9);
            if let Some(voice) = voice {
                let _ = Reflect::set(&utterance, &"voice".into(), &voice);
            }
            let started = Rc::new(Cell::new(false));
            self.on(&utterance, "start", Then::Started(started.clone()));
            self.on(&utterance, "end", Then::Read);
            self.on(&utterance, "error", Then::Error);
            call(&synth, "cancel", &[]);
            super::claim_voice(self.id);
            if call(&synth, "speak", &[&utterance]).is_none() {
                return false;
            }
            self.spoke.set(true);
            // A voice that has not started after a few seconds will not: read by time.
            self.later(4000, Then::Fail(Some(started)));
            true
        }

        fn cancel(&self) {
            if self.spoke.replace(false) && super::VOICE.load(Ordering::Relaxed) == self.id {
                if let Some(synth) = synthesis() {
                    call(&synth, "cancel", &[]);
                }
            }
        }

        /// Ends this narration: no more voice, timers or events.
        pub fn stop(&self) {
            self.alive.set(false);
            self.listeners.borrow_mut().clear();
            self.timers.borrow_mut().clear();
            self.cancel();
        }
    }
}
