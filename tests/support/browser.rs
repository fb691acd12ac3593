//! The widget in a real page (wasm-bindgen-test in headless Chromium): the text tables it
//! is given, a fresh element it renders into, and finding things in it. Shared by
//! `tests/browser.rs` and `tests/browser_diary.rs`; each waits for the render its own way.

use kyphoplasty_guide_core::components::live::{Live, LiveProps, Outside};
use kyphoplasty_guide_core::embed::languages;
use kyphoplasty_guide_core::islands::Island;
use kyphoplasty_guide_core::Config;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A language's document as the loader hands it over: the wasm carries no text, so
/// the tests give it the text tables the build wrote (the same ones the documents carry).
pub fn guide_document(lang: &str) -> wasm_bindgen::JsValue {
    let text = match lang {
        "es" => include_str!(concat!(env!("OUT_DIR"), "/text-es.json")),
        "zh-Hans" => include_str!(concat!(env!("OUT_DIR"), "/text-zh-Hans.json")),
        "vi" => include_str!(concat!(env!("OUT_DIR"), "/text-vi.json")),
        "ar" => include_str!(concat!(env!("OUT_DIR"), "/text-ar.json")),
        _ => include_str!(concat!(env!("OUT_DIR"), "/text-en.json")),
    };
    let json = format!(
        r#"{{"format":1,"lang":"{lang}","textFormat":"{}","text":{text}}}"#,
        kyphoplasty_guide_core::content::TEXT_FORMAT
    );
    js_sys::JSON::parse(&json).expect("the build's text table is JSON")
}

/// Loads English only.
pub fn load_english() {
    languages::load_document(&guide_document("en")).expect("English loads");
}

/// Loads English, and gives the widget a loader-like fetcher for the other language
/// (a promise of its text table, as the loader's `loadText` returns).
pub fn load_languages() {
    load_english();
    let fetch = Closure::<dyn Fn(String) -> js_sys::Promise>::new(|tag: String| {
        js_sys::Promise::resolve(&guide_document(&tag))
    });
    languages::install(Some(fetch.into_js_value().unchecked_into()));
}

thread_local! {
    /// The way into the last widget's state, as the loader's shell has it.
    static OUTSIDE: RefCell<Outside> = RefCell::new(Outside::default());
}

/// What the loader's shell tells the last widget rendered (a section opened, a language).
pub fn shell() -> Outside {
    OUTSIDE.with(|outside| outside.borrow().clone())
}

/// Renders a widget with the given attributes at the end of the page (its text loaded
/// first), as the loader does: a document's guide with a host for each island (its
/// section's panel, or the print sheet; only the sections the configuration keeps, as
/// the loader removes the others), and the live root, in a container of its own, taking
/// the islands over. Returns the guide; the caller waits for the islands to render.
pub fn render_in_page(attributes: &[(&str, &str)]) -> Element {
    let document = gloo::utils::document();
    let body = document.body().expect("body");
    let guide = document.create_element("div").expect("div");
    guide.set_class_name("kg");
    body.append_child(&guide).expect("append");
    let attrs: Vec<(String, String)> = attributes
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let config = Config::from_attributes(
        |name| {
            attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        },
        None,
    );
    guide
        .set_attribute("lang", config.lang.tag())
        .expect("lang");
    for island in Island::ALL {
        let host = document.create_element("div").expect("div");
        match island.section() {
            Some(section) if config.sections.contains(&section) => {
                host.set_attribute("data-kg-panel", section.name())
                    .expect("panel");
            }
            Some(_) => continue,
            None => host
                .set_attribute("data-kg-island", island.marker())
                .expect("marker"),
        }
        guide.append_child(&host).expect("append");
    }
    let container = document.create_element("div").expect("div");
    body.append_child(&container).expect("append");
    let outside = Outside::default();
    OUTSIDE.with(|last| *last.borrow_mut() = outside.clone());
    yew::Renderer::<Live>::with_root_and_props(
        container,
        LiveProps {
            config,
            host: None,
            guide: guide.clone(),
            resume: Default::default(),
            generation: 0,
            outside,
            on_claim: None,
            on_rendered: None,
        },
    )
    .render();
    guide
}

pub fn find(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

pub fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// Waits (up to five seconds) until `selector` matches in `root`: on a busy machine a
/// render and the effects after it can take longer than a fixed pause.
pub async fn wait_for(root: &Element, selector: &str) {
    for _ in 0..250 {
        if root.query_selector(selector).ok().flatten().is_some() {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(20).await;
    }
}

/// Waits until the page has stopped changing: its HTML the same over two polls 25 ms
/// apart (after at least 20 ms, at most five seconds). A fixed pause was too short on a
/// busy CI machine, where a render and the effects after it (saving, announcing) can
/// take far longer than on an idle one.
pub async fn settle() {
    let body = gloo::utils::document().body().expect("body");
    gloo::timers::future::TimeoutFuture::new(20).await;
    let mut seen = body.inner_html();
    let mut quiet_polls = 0;
    for _ in 0..200 {
        gloo::timers::future::TimeoutFuture::new(25).await;
        let now = body.inner_html();
        if now == seen {
            quiet_polls += 1;
            if quiet_polls == 2 {
                return;
            }
        } else {
            quiet_polls = 0;
            seen = now;
        }
    }
}
