//! Where the guide's text comes from in the browser. Each language has a text table
//! (`kyphoplasty-guide-text-<lang>.json`, beside the document the loader shows first);
//! the loader fetches the shown language's with the wasm and hands it to `prepare` and
//! `mount`, and a language switch asks the loader for the other.
//! Natively every language is compiled in, so a switch is immediate.

use crate::content::Lang;

/// Makes `lang` available, then calls `done(true)`; `done(false)` when its text could
/// not be had (offline, a server without the file), after saying so in the console.
pub fn request(lang: Lang, done: impl FnOnce(bool) + 'static) {
    if crate::content::is_loaded(lang) {
        done(true);
        return;
    }
    #[cfg(target_arch = "wasm32")]
    browser::fetch(lang, done);
    #[cfg(not(target_arch = "wasm32"))]
    done(false);
}

#[cfg(target_arch = "wasm32")]
pub use browser::{install, load_document};

#[cfg(target_arch = "wasm32")]
mod browser {
    use crate::content::{self, Lang};
    use js_sys::{Array, Function, Promise, Reflect};
    use std::cell::RefCell;
    use wasm_bindgen::{JsCast, JsValue};

    thread_local! {
        /// The loader's `loadText(tag)`: a promise of that language's text table.
        static FETCH: RefCell<Option<Function>> = const { RefCell::new(None) };
    }

    /// Keeps the loader's text fetcher for later language switches.
    pub fn install(fetch: Option<Function>) {
        if fetch.is_some() {
            FETCH.with(|f| *f.borrow_mut() = fetch);
        }
    }

    /// Reads a text table's `lang`, `textFormat` and `text`, and loads that language (once:
    /// a language already loaded is not read again).
    pub fn load_document(document: &JsValue) -> Result<Lang, String> {
        let field = |name: &str| Reflect::get(document, &name.into()).unwrap_or(JsValue::UNDEFINED);
        let lang = field("lang")
            .as_string()
            .as_deref()
            .and_then(Lang::from_tag)
            .ok_or("the guide's text table names no language of this guide")?;
        if content::is_loaded(lang) {
            return Ok(lang); // already read (`prepare`, or an earlier guide on the page)
        }
        let format = field("textFormat").as_string().unwrap_or_default();
        let text = field("text");
        if !Array::is_array(&text) {
            return Err("the guide's text table has no text (an older build's file?)".into());
        }
        let strings: Option<Vec<String>> =
            Array::from(&text).iter().map(|s| s.as_string()).collect();
        let strings = strings.ok_or("the guide's text holds something other than strings")?;
        content::load(lang, &format, strings).map_err(|e| e.to_string())?;
        Ok(lang)
    }

    pub fn fetch(lang: Lang, done: impl FnOnce(bool) + 'static) {
        let promise = FETCH.with(|f| {
            f.borrow()
                .as_ref()
                .and_then(|fetch| fetch.call1(&JsValue::NULL, &lang.tag().into()).ok())
        });
        let Some(promise) = promise.and_then(|p| p.dyn_into::<Promise>().ok()) else {
            report(lang, "the page has no way to fetch it");
            done(false);
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(document) => load_document(&document).map(|_| ()),
                Err(error) => Err(error
                    .as_string()
                    .unwrap_or_else(|| "the download failed".into())),
            };
            if let Err(why) = &loaded {
                report(lang, why);
            }
            done(loaded.is_ok());
        });
    }

    fn report(lang: Lang, why: &str) {
        web_sys::console::error_1(
            &format!("<kyphoplasty-guide>: the guide in \"{}\" did not load, staying in this language: {why}", lang.tag()).into(),
        );
    }
}
