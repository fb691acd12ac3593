//! `mount`: called by the loader once per element, to bring the islands of the loader's
//! document (see `crate::document`) to life. The document stays on screen for good; the
//! live root (`crate::components::live`) renders each island into its host there. The
//! top layer: the wasm entry point.
//!
//! May use: `components`, `embed`, `content`, `state`.

use crate::components::live::{Live, LiveProps, Outside, Resume};
use crate::content::{Lang, Section};
use crate::embed::Config;
use crate::state::Action;
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlLinkElement, ShadowRoot};
use yew::{AppHandle, Callback};

/// One live widget: the loader keeps it on the element, tells it what its shell did,
/// refreshes it when an attribute changes and destroys it when the element leaves.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    root: ShadowRoot,
    app: Rc<RefCell<Option<AppHandle<Live>>>>,
    /// The props the root was last given, to change one of them.
    props: Rc<RefCell<Option<LiveProps>>>,
    outside: Outside,
    _listeners: Vec<EventListener>,
    /// The first render, waiting for its task (dropped with the widget, it never runs).
    _render: Option<gloo::timers::callback::Timeout>,
}

#[wasm_bindgen]
impl Widget {
    /// Re-reads the element's attributes and updates the islands in place.
    pub fn refresh(&mut self) {
        let config = props_for(&self.host).0;
        self.update(|props| props.config = config);
    }

    /// The loader shows a new document (a language switch, a changed attribute): the
    /// islands move into it, in its language, whose text table `text` is (if another).
    pub fn remount(&mut self, text: JsValue) -> Result<(), JsValue> {
        let lang = if text.is_object() {
            Some(crate::embed::languages::load_document(&text).map_err(JsValue::from)?)
        } else {
            None
        };
        let Some(guide) = shown_guide(&self.root) else {
            return Ok(());
        };
        if let Some(lang) = lang {
            self.outside.dispatch(Action::SetLang(lang));
        }
        self.update(|props| {
            props.guide = guide;
            props.generation = props.generation.wrapping_add(1);
        });
        Ok(())
    }

    /// The loader opened a part of the guide (its section buttons are the only ones).
    pub fn open_section(&self, name: &str) {
        if let Some(section) = Section::from_name(name) {
            self.outside.dispatch(Action::Open(section));
        }
    }

    /// The loader's "Show sources" switch: kept on the device with the ticks.
    pub fn show_sources(&self, show: bool) {
        self.outside.dispatch(Action::SetShowSources(show));
    }

    /// Unmounts the islands and frees the state.
    pub fn destroy(self) {
        if let Some(app) = self.app.borrow_mut().take() {
            app.destroy();
        }
    }
}

impl Widget {
    fn update(&self, change: impl FnOnce(&mut LiveProps)) {
        let mut props = self.props.borrow_mut();
        if let (Some(props), Some(app)) = (props.as_mut(), self.app.borrow_mut().as_mut()) {
            change(props);
            app.update(props.clone());
        }
    }
}

/// The document's guide (its `.kg` root) that the loader shows.
fn shown_guide(root: &ShadowRoot) -> Option<Element> {
    root.query_selector(".kg-mount[data-kg-document] .kg")
        .ok()
        .flatten()
}

/// Where the patient was in the loader's document.
fn resume_from(guide: &Element) -> Resume {
    Resume {
        lang: guide
            .get_attribute("lang")
            .as_deref()
            .and_then(Lang::from_tag),
        section: guide
            .get_attribute("data-kg-section")
            .as_deref()
            .and_then(Section::from_name),
        step: guide
            .get_attribute("data-kg-step")
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(1)),
    }
}

/// The configuration from the element's attributes, and the element.
fn props_for(host: &HtmlElement) -> (Config, Element) {
    let element: &Element = host;
    let page_lang = gloo::utils::document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"));
    let wording = element
        .query_selector(":scope > script[type='application/json']")
        .ok()
        .flatten()
        .and_then(|script| script.text_content());
    let config = Config::from_attributes(|name| element.get_attribute(name), page_lang.as_deref())
        .with_wording(wording.as_deref());
    config.report_warnings();
    (config, element.clone())
}

/// Reads the text table of the language the loader shows (see `mount`), so that `mount`,
/// called by the loader from a later task, only renders: the two together were one long
/// task at 4x CPU (issue 24). A table from another build is refused here, and the
/// document stays.
#[wasm_bindgen]
pub fn prepare(guide_document: JsValue) -> Result<(), JsValue> {
    crate::embed::languages::load_document(&guide_document)
        .map(|_| ())
        .map_err(JsValue::from)
}

/// Brings the islands of the loader's document in `root` to life, once the stylesheet
/// has loaded and from a task after this one: one Yew root, in a hidden container,
/// renders each island into its host in the document, one per task, the one on screen
/// first (see `crate::components::live`). `on_claim(host, done)` is called before a host
/// is emptied (`done` false) and once its island is in it (true), so the loader can keep
/// focus and what the patient typed; `on_rendered()` once every island is live.
///
/// `guide_document` is the text table of the language the loader shows
/// (`kyphoplasty-guide-text-<lang>.json`: the wasm carries no language's text), and
/// `load_document(tag)` returns a promise of another language's, for a changed `lang`.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    root: ShadowRoot,
    stylesheet_url: String,
    stylesheet_integrity: Option<String>,
    on_rendered: Option<js_sys::Function>,
    guide_document: JsValue,
    load_document: Option<js_sys::Function>,
    on_claim: Option<js_sys::Function>,
) -> Result<Widget, JsValue> {
    crate::embed::languages::install(load_document);
    crate::embed::languages::load_document(&guide_document).map_err(JsValue::from)?;
    let link = stylesheet_link(&root, &stylesheet_url, stylesheet_integrity)?;
    let container = hidden_container(&root)?;
    let app = Rc::new(RefCell::new(None));
    let kept_props = Rc::new(RefCell::new(None));
    let outside = Outside::default();
    let render = {
        let (app, kept_props, outside) = (app.clone(), kept_props.clone(), outside.clone());
        let (host, root) = (host.clone(), root.clone());
        move || {
            let Some(guide) = shown_guide(&root) else {
                return; // no document to bring to life: it stays the fallback
            };
            let props = live_props(&host, guide, outside, on_claim, on_rendered);
            *kept_props.borrow_mut() = Some(props.clone());
            let handle = yew::Renderer::<Live>::with_root_and_props(container, props).render();
            *app.borrow_mut() = Some(handle);
        }
    };
    let loaded = link
        .dyn_ref::<HtmlLinkElement>()
        .and_then(HtmlLinkElement::sheet)
        .is_some();
    let mut listeners = Vec::new();
    let mut later = None;
    if loaded {
        // In a task of its own: this one has read the attributes and the document, and
        // the two together were a long task at 4x CPU (issue 24).
        later = Some(gloo::timers::callback::Timeout::new(0, render));
    } else {
        listeners.push(EventListener::once(&link, "load", move |_| render()));
        let host_on_error = host.clone();
        listeners.push(EventListener::once(&link, "error", move |_| {
            web_sys::console::error_1(&"<kyphoplasty-guide>: the stylesheet did not load; showing the page's own content.".into());
            release_reserved_space(&host_on_error);
        }));
    }
    Ok(Widget {
        host,
        root,
        app,
        props: kept_props,
        outside,
        _listeners: listeners,
        _render: later,
    })
}

/// The live root's first props: the element's configuration, where the patient is in
/// `guide`, and the loader's callbacks.
fn live_props(
    host: &HtmlElement,
    guide: Element,
    outside: Outside,
    on_claim: Option<js_sys::Function>,
    on_rendered: Option<js_sys::Function>,
) -> LiveProps {
    let (config, element) = props_for(host);
    LiveProps {
        config,
        host: Some(element),
        resume: resume_from(&guide),
        guide,
        generation: 0,
        outside,
        on_claim: on_claim.map(js_callback2),
        on_rendered: Some(rendered(host.clone(), on_rendered)),
    }
}

/// The shadow root's stylesheet: the loader's link, or one made here if it made none.
fn stylesheet_link(
    root: &ShadowRoot,
    url: &str,
    integrity: Option<String>,
) -> Result<Element, JsValue> {
    if let Some(link) = root.query_selector("link[rel='stylesheet']")? {
        return Ok(link);
    }
    let link = gloo::utils::document().create_element("link")?;
    link.set_attribute("rel", "stylesheet")?;
    link.set_attribute("href", url)?;
    if let Some(integrity) = integrity {
        link.set_attribute("integrity", &integrity)?;
        link.set_attribute("crossorigin", "anonymous")?;
    }
    root.prepend_with_node_1(&link)?;
    Ok(link)
}

/// The live root's own container, hidden and empty: the islands render into the
/// document through portals. Before the loader's <slot>, like the document's.
fn hidden_container(root: &ShadowRoot) -> Result<Element, JsValue> {
    let container = gloo::utils::document().create_element("div")?;
    container.set_attribute("class", "kg-mount")?;
    container.set_attribute("hidden", "")?;
    root.prepend_with_node_1(&container)?;
    Ok(container)
}

/// A loader function called with an island's host and whether its island is in it.
fn js_callback2(function: js_sys::Function) -> Callback<(Element, bool)> {
    Callback::from(move |(host, done): (Element, bool)| {
        let _ = function.call2(&JsValue::NULL, &host, &JsValue::from_bool(done));
    })
}

/// Once every island is live: the loader's `on_rendered`; without a loader, the
/// reserved height goes.
fn rendered(host: HtmlElement, on_rendered: Option<js_sys::Function>) -> Callback<()> {
    Callback::from(move |_| match &on_rendered {
        Some(done) => drop(done.call0(&JsValue::NULL)),
        None => release_reserved_space(&host),
    })
}

/// The loader reserves a screen's height while the guide loads, so the page does not
/// jump when it appears; once it is on screen (or has failed) the reservation goes.
fn release_reserved_space(host: &HtmlElement) {
    if host.has_attribute("data-kg-reserved") {
        let _ = host.style().remove_property("min-height");
        let _ = host.remove_attribute("data-kg-reserved");
    }
}

/// Runs once when the wasm starts: a panic (a bug) is reported once in the console and
/// every guide on the page falls back to the practice's own content, since the
/// WebAssembly instance they share cannot be trusted after it.
#[wasm_bindgen(start)]
pub fn start() {
    yew::set_custom_panic_hook(Box::new(|info| {
        use std::sync::atomic::{AtomicBool, Ordering};
        static REPORTED: AtomicBool = AtomicBool::new(false);
        if REPORTED.swap(true, Ordering::SeqCst) {
            return;
        }
        web_sys::console::error_1(&format!("<kyphoplasty-guide>: an internal error stopped the guide; showing the page's fallback content. {info}").into());
        if let Ok(hosts) = gloo::utils::document().query_selector_all("kyphoplasty-guide") {
            for i in 0..hosts.length() {
                if let Some(host) = hosts
                    .item(i)
                    .and_then(|n| wasm_bindgen::JsCast::dyn_into::<Element>(n).ok())
                {
                    let _ = host.set_attribute("data-kg-failed", "");
                }
            }
        }
    }));
}

/// Stops the WebAssembly with a real panic, so the end-to-end tests can prove that a
/// panic leaves the guide readable as a document. It gives a page no power it lacks:
/// any page script can already remove the guide.
#[wasm_bindgen(js_name = "__kgPanicForTests")]
pub fn panic_for_tests() {
    panic!("a panic asked for by a test");
}
