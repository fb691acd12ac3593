//! What every component needs, in two contexts `App` provides: the read-mostly
//! [`GuideContext`] (configuration, language, render mode, dispatcher), read with
//! [`use_guide`], and the state, read with [`use_guide_state`] by the views that show it.

use crate::content::text::{self, PracticeValues};
use crate::content::{guide, Guide, Lang, TickKey};
use crate::embed::events::HostEvent;
use crate::embed::Config;
use crate::state::{Action, GuideState};
use yew::prelude::*;

/// What every view reads and seldom changes: the configuration, the language shown,
/// where the rendering goes, and the way to dispatch. Kept apart from the state (see
/// [`use_guide_state`]) so a tick re-renders only the views that show ticks.
#[derive(Clone, PartialEq)]
pub struct GuideContext {
    pub config: Config,
    /// The language the patient is reading.
    pub lang: Lang,
    /// The practice's values as they apply to the language shown: its written
    /// instructions only in the language it configured (see [`GuideContext::new`]).
    pub values: PracticeValues,
    /// The `<kyphoplasty-guide>` element, for host events; `None` when server-rendered.
    pub host: Option<web_sys::Element>,
    /// Where this rendering goes: the live widget, the loader's first paint, or a page.
    pub mode: RenderMode,
    /// Sends actions to the state; the same for the widget's whole life.
    pub dispatcher: UseReducerDispatcher<GuideState>,
}

/// Where a rendering of the guide is shown, which decides how much of it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum RenderMode {
    /// The live widget in the browser: one section and one step at a time.
    #[default]
    Interactive,
    /// The loader's first paint, written at build time (`crate::document`): the same
    /// markup as the live widget, but every section and every step is present (all but
    /// the first hidden) and the practice's values are marked for the loader to fill in.
    Document,
    /// The standalone page (`guide-en.html`): every section one after another, and no
    /// control that needs a script.
    Page,
}

impl GuideContext {
    /// The context for the current state. A practice writes its instructions in one
    /// language (the element's `lang`); shown in another, the guide uses its own wording
    /// rather than mix languages, keeping only the practice's name and numbers.
    pub fn new(
        config: Config,
        lang: Lang,
        mode: RenderMode,
        host: Option<web_sys::Element>,
        dispatcher: UseReducerDispatcher<GuideState>,
    ) -> Self {
        let values = if lang == config.lang {
            config.values.clone()
        } else {
            config.values.for_other_language()
        };
        GuideContext {
            config,
            lang,
            values,
            host,
            mode,
            dispatcher,
        }
    }

    /// The guide in the language the patient is reading.
    pub fn guide(&self) -> &'static Guide {
        guide(self.lang)
    }

    /// Changes the state.
    pub fn dispatch(&self, action: Action) {
        self.dispatcher.dispatch(action);
    }

    /// The practice's values, falling back to the language's defaults.
    pub fn values(&self) -> &PracticeValues {
        &self.values
    }

    /// Content text with the practice's values filled in.
    pub fn text(&self, template: &str) -> String {
        text::content(template, self.guide(), self.values())
    }

    /// A checklist item's text: the practice's own wording when it gave one for this language.
    pub fn item_text(&self, key: &TickKey, template: &str) -> String {
        match self
            .config
            .wording
            .item(self.lang, self.config.lang, key.as_str())
        {
            Some(own) => own.to_string(),
            None => self.text(template),
        }
    }

    /// The emergency number to show and dial.
    pub fn emergency_number(&self) -> &str {
        self.values().emergency_number(self.guide())
    }

    /// A phone number as shown in this language's text: kept left to right
    /// (`text::ltr`), for the emergency number and the practice's phone.
    pub fn ltr(&self, number: &str) -> String {
        text::ltr(number, self.lang)
    }

    /// The `tel:` link for the emergency number. In the document it dials the language's
    /// default until the loader puts in the practice's number.
    pub fn emergency_tel(&self) -> Option<String> {
        let number = match self.mode {
            RenderMode::Document => self.guide().params.emergency_number,
            _ => self.emergency_number(),
        };
        crate::embed::config::tel_link(number)
    }

    /// The practice's `tel:` link and its phone number as shown (kept on one line with
    /// non-breaking spaces and hyphens). In the document both are left for the loader.
    pub fn practice_call(&self) -> Option<(String, String)> {
        if self.mode == RenderMode::Document {
            return Some((
                "tel:".into(),
                crate::content::marker("practice_phone_nowrap"),
            ));
        }
        self.config.practice_tel().zip(
            self.config
                .practice_phone
                .as_deref()
                .map(|p| p.replace(' ', "\u{a0}").replace('-', "\u{2011}")),
        )
    }

    /// In the document, `data-kg-if` for a part shown only when the practice set one of
    /// `names` (space-separated); the loader shows or hides it. Absent elsewhere.
    pub fn shown_if(&self, names: &'static str) -> Option<&'static str> {
        (self.mode == RenderMode::Document).then_some(names)
    }

    /// The address a printed page's QR code and the Share button give: the practice's
    /// `share-url` or the page's own (the document's marker at build time); `None` on
    /// the standalone page, which is not shared from paper.
    pub fn share_url(&self) -> Option<AttrValue> {
        self.config.share_url_or_page().map(AttrValue::from)
    }

    /// Whether every section and step is drawn (the document), not just the current one.
    pub fn draws_everything(&self) -> bool {
        self.mode == RenderMode::Document
    }

    /// Tells the host page (for its own analytics) what the patient did.
    pub fn emit(&self, event: HostEvent) {
        event.dispatch(self.host.as_ref());
    }
}

/// The widget's context. Components outside `App` (tests) must provide one.
#[hook]
pub fn use_guide() -> GuideContext {
    render_count::count();
    match use_context::<GuideContext>() {
        Some(context) => context,
        None => panic!("use_guide() needs a GuideContext provider (App provides one)"),
    }
}

/// The widget's state, for the views that show it: they re-render on every change.
#[hook]
pub fn use_guide_state() -> UseReducerHandle<GuideState> {
    match use_context::<UseReducerHandle<GuideState>>() {
        Some(state) => state,
        None => panic!("use_guide_state() needs a state provider (App provides one)"),
    }
}

/// How many times components read the context: each read is one component rendering.
/// Debug builds only (the browser tests measure how much a tick re-renders); release
/// builds carry none of it.
pub mod render_count {
    #[cfg(debug_assertions)]
    thread_local!(static RENDERS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });

    /// Counts one component render.
    pub(crate) fn count() {
        #[cfg(debug_assertions)]
        RENDERS.with(|renders| renders.set(renders.get() + 1));
    }

    /// Component renders so far on this thread (always 0 in release builds).
    pub fn renders() -> u32 {
        #[cfg(debug_assertions)]
        return RENDERS.with(|renders| renders.get());
        #[cfg(not(debug_assertions))]
        0
    }
}
