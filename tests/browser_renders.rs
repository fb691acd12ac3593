//! How much of the widget one patient action re-renders, counted in debug builds by
//! `components::context::render_count` (each component that reads the context counts once
//! per render). A tick should re-render the checklist, not the whole guide.
#![cfg(target_arch = "wasm32")]

use gloo::timers::future::TimeoutFuture;
mod support;

use kyphoplasty_guide_core::components::context::render_count::renders;
use support::browser::{find, load_english, render_in_page, wait_for};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(sections: &str) -> Element {
    load_english();
    render_in_page(&[("sections", sections), ("storage-key", "render-count")])
}

/// Waits until no component has rendered for 150 ms (up to five seconds), so that a
/// busy machine's late first render or its effects are not charged to the click.
async fn settle() -> u32 {
    let mut seen = renders();
    for _ in 0..100 {
        TimeoutFuture::new(150).await;
        let now = renders();
        if now == seen {
            return now;
        }
        seen = now;
    }
    seen
}

/// Component renders caused by one click on `selector`.
async fn renders_for_click(root: &Element, selector: &str) -> u32 {
    wait_for(root, selector).await;
    let before = settle().await;
    find(root, selector).click();
    settle().await.saturating_sub(before)
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
