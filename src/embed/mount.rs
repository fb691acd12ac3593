//! `mount`: called by the loader once per element.

use super::config::Config;
use crate::components::app::{App, AppProps};
use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlLinkElement, ShadowRoot};
use yew::AppHandle;

/// One live widget: the loader keeps it on the element, refreshes it when an
/// attribute changes and destroys it when the element leaves the page.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    app: std::rc::Rc<std::cell::RefCell<Option<AppHandle<App>>>>,
    _listeners: Vec<EventListener>,
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
    }
}

/// Renders the guide into `root` once its stylesheet has loaded (so nothing shows
/// unstyled). The loader links the stylesheet as soon as the element connects, so it
/// loads while the wasm does; `mount` links it only if the loader did not. Until the
/// guide renders, the element's own content stays visible through the loader's `<slot>`.
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    root: ShadowRoot,
    stylesheet_url: String,
    stylesheet_integrity: Option<String>,
) -> Result<Widget, JsValue> {
    let document = gloo::utils::document();
    let link = match root.query_selector("link[rel='stylesheet']")? {
        Some(link) => link,
        None => {
            let link = document.create_element("link")?;
            link.set_attribute("rel", "stylesheet")?;
            link.set_attribute("href", &stylesheet_url)?;
            if let Some(integrity) = stylesheet_integrity {
                link.set_attribute("integrity", &integrity)?;
                link.set_attribute("crossorigin", "anonymous")?;
            }
            root.prepend_with_node_1(&link)?;
            link
        }
    };
    let container = document.create_element("div")?;
    container.set_attribute("class", "kg-mount")?;
    // Before the loader's <slot>: the stylesheet hides the slot (the practice's
    // fallback) only once this container has content, so a guide that fails to
    // render leaves the fallback showing.
    root.prepend_with_node_1(&container)?;

    let app = std::rc::Rc::new(std::cell::RefCell::new(None));
    let render = {
        let app = app.clone();
        let host = host.clone();
        move || {
            let handle =
                yew::Renderer::<App>::with_root_and_props(container, props_for(&host)).render();
            *app.borrow_mut() = Some(handle);
            release_reserved_space(&host);
        }
    };
    let loaded = link
        .dyn_ref::<HtmlLinkElement>()
        .and_then(HtmlLinkElement::sheet)
        .is_some();
    let mut listeners = Vec::new();
    if loaded {
        render();
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
