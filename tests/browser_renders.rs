//! How much of the widget one patient action re-renders, counted in debug builds by
//! `components::context::render_count` (each component that reads the context counts once
//! per render). A tick should re-render the checklist, not the whole guide.
#![cfg(target_arch = "wasm32")]

use gloo::timers::future::TimeoutFuture;
use kyphoplasty_guide_core::components::app::{App, AppProps};
use kyphoplasty_guide_core::components::context::render_count::renders;
use kyphoplasty_guide_core::embed::languages;
use kyphoplasty_guide_core::Config;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn load_english() {
    let json = format!(
        r#"{{"format":1,"lang":"en","textFormat":"{}","text":{}}}"#,
        kyphoplasty_guide_core::content::TEXT_FORMAT,
        include_str!(concat!(env!("OUT_DIR"), "/text-en.json"))
    );
    let document = js_sys::JSON::parse(&json).expect("the build's text table is JSON");
    languages::load_document(&document).expect("English loads");
}

async fn mount(sections: &str) -> Element {
    load_english();
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let sections = sections.to_string();
    let config = Config::from_attributes(
        |name| match name {
            "sections" => Some(sections.clone()),
            "storage-key" => Some("render-count".into()),
            _ => None,
        },
        None,
    );
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            config,
            ..AppProps::default()
        },
    )
    .render();
    TimeoutFuture::new(30).await;
    root
}

fn find(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

/// Component renders caused by one click on `selector`.
async fn renders_for_click(root: &Element, selector: &str) -> u32 {
    TimeoutFuture::new(30).await;
    let before = renders();
    find(root, selector).click();
    TimeoutFuture::new(50).await;
    renders() - before
}

#[wasm_bindgen_test]
async fn a_tick_re_renders_only_what_shows_ticks() {
    if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
        let _ = storage.clear();
    }
    let root = mount("aftercare overview procedure warnings sources").await;
    let tick = renders_for_click(&root, ".kg-checkbox").await;
    // Measured: 56 when every view read one context holding the state (each source
    // reference re-rendered), 12 with the state in a context of its own.
    assert!(tick > 0, "a tick re-renders the checklist");
    assert!(
        tick <= 16,
        "one tick re-rendered {tick} components; only the views that show ticks should"
    );
}
