//! What every component needs: the state, the configuration, the guide in the
//! current language. Provided once by `App`, read with [`use_guide`].

use crate::content::text::{self, PracticeValues};
use crate::content::{guide, Guide};
use crate::embed::events::HostEvent;
use crate::embed::Config;
use crate::state::GuideState;
use yew::prelude::*;

/// The shared view of one widget instance.
#[derive(Clone, PartialEq)]
pub struct GuideContext {
    pub state: UseReducerHandle<GuideState>,
    pub config: Config,
    /// The practice's values as they apply to the language shown: its written
    /// instructions only in the language it configured (see [`GuideContext::new`]).
    pub values: PracticeValues,
    /// The `<kyphoplasty-guide>` element, for host events; `None` when server-rendered.
    pub host: Option<web_sys::Element>,
    /// The static HTML guide: no script, so nothing is remembered or downloaded.
    pub static_page: bool,
}

impl GuideContext {
    /// The context for the current state. A practice writes its instructions in one
    /// language (the element's `lang`); shown in another, the guide uses its own wording
    /// rather than mix languages, keeping only the practice's name and numbers.
    pub fn new(
        state: UseReducerHandle<GuideState>,
        config: Config,
        host: Option<web_sys::Element>,
    ) -> Self {
        let values = if state.lang == config.lang {
            config.values.clone()
        } else {
            config.values.for_other_language()
        };
        GuideContext {
            state,
            config,
            values,
            host,
            static_page: false,
        }
    }

    /// The guide in the language the patient is reading.
    pub fn guide(&self) -> &'static Guide {
        guide(self.state.lang)
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
    pub fn item_text(&self, key: &str, template: &str) -> String {
        match self
            .config
            .wording
            .item(self.state.lang, self.config.lang, key)
        {
            Some(own) => own.to_string(),
            None => self.text(template),
        }
    }

    /// The emergency number to show and dial.
    pub fn emergency_number(&self) -> &str {
        self.values().emergency_number(self.guide())
    }

    /// Tells the host page (for its own analytics) what the patient did.
    pub fn emit(&self, event: HostEvent) {
        event.dispatch(self.host.as_ref());
    }
}

/// The widget's context. Components outside `App` (tests) must provide one.
#[hook]
pub fn use_guide() -> GuideContext {
    match use_context::<GuideContext>() {
        Some(context) => context,
        None => panic!("use_guide() needs a GuideContext provider (App provides one)"),
    }
}
