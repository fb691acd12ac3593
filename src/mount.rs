//! `mount`: called by the loader once per element, to put the live widget where the
//! loader's document (see `crate::document`) is. The top layer: the wasm entry point.
//!
//! May use: `components`, `embed`, `content`.

use crate::components::app::{App, AppProps, Resume};
use crate::content::{Lang, Section, TickKey};
use crate::embed::Config;
use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlLinkElement, ShadowRoot};
use yew::{AppHandle, Callback};

/// One live widget: the loader keeps it on the element, refreshes it when an
/// attribute changes and destroys it when the element leaves the page.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    app: std::rc::Rc<std::cell::RefCell<Option<AppHandle<App>>>>,
    _listeners: Vec<EventListener>,
    /// The first render, waiting for its task (dropped with the widget, it never runs).
    _render: Option<gloo::timers::callback::Timeout>,
}

#[wasm_bindgen]
impl Widget {
    /// Re-reads the element's attributes and updates the widget in place.
    pub fn refresh(&mut self) {
        let props = props_for(&self.host);
        if let Some(app) = self.app.borrow_mut().as_mut() {
            app.update(props);
        }
    }

    /// Unmounts the widget and frees its state.
    pub fn destroy(self) {
        if let Some(app) = self.app.borrow_mut().take() {
            app.destroy();
        }
    }
}

/// Where the patient was in the loader's document, and what they ticked there.
fn resume_from(root: &ShadowRoot) -> Option<Resume> {
    let guide = root
        .query_selector(".kg-mount[data-kg-document] .kg")
        .ok()
        .flatten()?;
    let mut ticks = Vec::new();
    if let Ok(boxes) = guide.query_selector_all("input[data-key]:checked") {
        for i in 0..boxes.length() {
            let key = boxes
                .item(i)
                .and_then(|node| node.dyn_into::<Element>().ok())
                .and_then(|input| input.get_attribute("data-key"))
                .and_then(|key| TickKey::parse(&key));
            ticks.extend(key);
        }
    }
    Some(Resume {
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
        ticks,
        contents_open: guide
            .query_selector(".kg-nav-toggle[aria-expanded='true']")
            .ok()
            .flatten()
            .is_some(),
    })
}

fn props_for(host: &HtmlElement) -> AppProps {
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
    AppProps {
        config,
        host: Some(element.clone()),
        ..AppProps::default()
    }
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

/// Renders the live widget into `root` once its stylesheet has loaded (so nothing
/// shows unstyled) and from a task after this one, hidden, and calls `on_rendered` with its container after the first
/// render: the loader then swaps it for its document in the same frame. The widget
/// opens where the patient was in the document. The loader links the stylesheet as
/// soon as the element connects; `mount` links it only if the loader did not.
///
/// `guide_document` is the text table of the language the loader shows
/// (`kyphoplasty-guide-text-<lang>.json`: the wasm carries no language's text), and
/// `load_document(tag)` returns a promise of another language's, for a language switch.
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    root: ShadowRoot,
    stylesheet_url: String,
    stylesheet_integrity: Option<String>,
    on_rendered: Option<js_sys::Function>,
    guide_document: JsValue,
    load_document: Option<js_sys::Function>,
) -> Result<Widget, JsValue> {
    crate::embed::languages::install(load_document);
    crate::embed::languages::load_document(&guide_document).map_err(JsValue::from)?;
    let link = stylesheet_link(&root, &stylesheet_url, stylesheet_integrity)?;
    let container = hidden_container(&root)?;
    let app = std::rc::Rc::new(std::cell::RefCell::new(None));
    let render = {
        let (app, host, root) = (app.clone(), host.clone(), root.clone());
        move || {
            let props = AppProps {
                resume: resume_from(&root),
                on_rendered: Some(swap_in(container.clone(), host.clone(), on_rendered)),
                ..props_for(&host)
            };
            let handle = yew::Renderer::<App>::with_root_and_props(container, props).render();
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
        app,
        _listeners: listeners,
        _render: later,
    })
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

/// The live widget's container, hidden until the loader swaps it in for its document
/// (which stays meanwhile). Before the loader's <slot>: the stylesheet hides the slot
/// (the practice's fallback) only once a container has content, so a guide that fails
/// to render leaves the fallback showing.
fn hidden_container(root: &ShadowRoot) -> Result<Element, JsValue> {
    let container = gloo::utils::document().create_element("div")?;
    container.set_attribute("class", "kg-mount")?;
    container.set_attribute("hidden", "")?;
    root.prepend_with_node_1(&container)?;
    Ok(container)
}

/// After the first render: the loader's `on_rendered` swaps the widget in; without one,
/// the widget shows itself.
fn swap_in(
    shown: Element,
    host: HtmlElement,
    on_rendered: Option<js_sys::Function>,
) -> Callback<()> {
    Callback::from(move |_| match &on_rendered {
        Some(swap) => drop(swap.call1(&JsValue::NULL, &shown)),
        None => {
            let _ = shown.remove_attribute("hidden");
            release_reserved_space(&host);
        }
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
