//! Browser tests: the widget mounted in a real DOM (headless Chromium via
//! wasm-bindgen-test-runner), clicked, and its state read back from the page.
#![cfg(target_arch = "wasm32")]

mod support;

use support::browser::{find, load_languages, render_in_page, settle, text, wait_for};
use support::examples::example;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a widget with the given attributes into a fresh element and waits for it to render.
async fn mount(attributes: &[(&str, &str)]) -> Element {
    load_languages();
    let root = render_in_page(attributes);
    settle().await;
    root
}

fn clear_storage() {
    if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
        let _ = storage.clear();
    }
}

#[wasm_bindgen_test]
async fn next_and_previous_move_through_the_steps() {
    let root = mount(&example("procedure").pairs()).await;
    assert!(text(&root, ".kg-step-title").contains("Step 1 of 8"));
    find(&root, ".kg-next").click();
    settle().await;
    assert!(text(&root, ".kg-step-title").contains("Step 2 of 8"));
    assert!(text(&root, "[aria-current=\"step\"]")
        .contains(&text(&root, ".kg-step-title").replace("Step 2 of 8", "")));
    find(&root, ".kg-previous").click();
    find(&root, ".kg-previous").click();
    settle().await;
    assert!(
        text(&root, ".kg-step-title").contains("Step 1 of 8"),
        "stays on the first step"
    );
}

#[wasm_bindgen_test]
async fn the_step_list_jumps_to_a_step_and_marks_it_current() {
    let root = mount(&example("procedure").pairs()).await;
    let buttons = root
        .query_selector_all(".kg-step-list button")
        .expect("buttons");
    assert_eq!(buttons.length(), 8);
    buttons
        .item(4)
        .expect("fifth")
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    assert!(text(&root, ".kg-step-title").contains("Step 5 of 8"));
    assert_eq!(
        find(&root, ".kg-step-list li:nth-child(5) button")
            .get_attribute("aria-current")
            .as_deref(),
        Some("step")
    );
}

#[wasm_bindgen_test]
async fn ticking_updates_progress_and_is_saved() {
    clear_storage();
    let root = mount(&[("sections", "before"), ("storage-key", "browser-test")]).await;
    let first_progress = text(&root, ".kg-progress-text");
    assert!(first_progress.starts_with("0 of"), "{first_progress}");
    find(&root, ".kg-checkbox").click();
    settle().await;
    assert!(text(&root, ".kg-progress-text").starts_with("1 of"));
    let checkbox: HtmlInputElement = find(&root, ".kg-checkbox").unchecked_into();
    assert!(checkbox.checked());
    // Saved by an effect after the render: waited for (up to five seconds) on a busy machine.
    let read = || {
        gloo::utils::window()
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| {
                s.get_item("kyphoplasty-guide:v1:browser-test")
                    .ok()
                    .flatten()
            })
            .unwrap_or_default()
    };
    for _ in 0..250 {
        if read().contains("before/") {
            break;
        }
        settle().await;
    }
    let saved = read();
    assert!(saved.contains("before/"), "saved: {saved}");

    // A second widget with the same key starts with the tick; another key does not.
    let same = mount(&[("sections", "before"), ("storage-key", "browser-test")]).await;
    assert!(text(&same, ".kg-progress-text").starts_with("1 of"));
    let other = mount(&[("sections", "before"), ("storage-key", "another")]).await;
    assert!(text(&other, ".kg-progress-text").starts_with("0 of"));
    clear_storage();
}

#[wasm_bindgen_test]
async fn unreadable_saved_data_is_backed_up_and_the_patient_told() {
    clear_storage();
    let storage = gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .expect("storage");
    storage
        .set_item("kyphoplasty-guide:v1:corrupt", "{not json")
        .expect("set");
    let root = mount(&[("sections", "before"), ("storage-key", "corrupt")]).await;
    assert!(text(&root, ".kg-notice").contains("could not read"));
    assert_eq!(
        storage
            .get_item("kyphoplasty-guide:v1:corrupt:unreadable")
            .ok()
            .flatten()
            .as_deref(),
        Some("{not json")
    );
    clear_storage();
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_every_string() {
    let root = mount(&example("minimal").pairs()).await;
    assert_eq!(
        text(&root, ".kg-title"),
        "Your guide to balloon kyphoplasty"
    );
    find(&root, ".kg-lang[lang='es']").click();
    // The other language's table comes through a promise: on a busy machine the render
    // after it can take longer than a fixed pause.
    wait_for(&root, ".kg[lang='es']").await;
    assert_eq!(
        text(&root, ".kg-title"),
        "Su guía sobre la cifoplastia con balón"
    );
    assert_eq!(
        find(&root, ".kg").get_attribute("lang").as_deref(),
        Some("es")
    );
    assert_eq!(text(&root, ".kg-lang-toggle"), "Idioma: Español");
    // Arabic turns the whole guide right to left.
    find(&root, ".kg-lang[lang='ar']").click();
    wait_for(&root, ".kg[lang='ar']").await;
    assert_eq!(
        find(&root, ".kg").get_attribute("dir").as_deref(),
        Some("rtl")
    );
}

#[wasm_bindgen_test]
async fn warning_signs_show_the_practice_phone_only_when_configured() {
    let with = mount(&[
        ("sections", "warnings"),
        ("practice-phone", "+1 555 010 0199"),
        ("practice-name", "Clinic"),
    ])
    .await;
    assert_eq!(
        find(&with, ".kg-card-urgent a")
            .get_attribute("href")
            .as_deref(),
        Some("tel:+15550100199")
    );
    let without = mount(&[("sections", "warnings")]).await;
    assert!(without
        .query_selector(".kg-card-urgent a")
        .ok()
        .flatten()
        .is_none());
    assert!(text(&without, ".kg-card-emergency").contains("Call 911 now if"));
}

fn dispatch_key(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

fn dispatch_pointer(target: &Element, kind: &str, x: i32, y: i32) {
    let init = web_sys::PointerEventInit::new();
    init.set_pointer_type("touch");
    init.set_client_x(x);
    init.set_client_y(y);
    init.set_bubbles(true);
    let event = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn arrow_keys_change_the_step_but_not_inside_the_slider() {
    let root = mount(&example("start-step").pairs()).await;
    let stage: Element = find(&root, ".kg-next").into();
    dispatch_key(&stage, "ArrowRight");
    settle().await;
    assert!(text(&root, ".kg-step-title").contains("Step 6 of 8"));
    dispatch_key(&stage, "ArrowLeft");
    settle().await;
    assert!(text(&root, ".kg-step-title").contains("Step 5 of 8"));
    let slider: Element = find(&root, "input[type=range]").into();
    dispatch_key(&slider, "ArrowLeft");
    settle().await;
    assert!(
        text(&root, ".kg-step-title").contains("Step 5 of 8"),
        "the slider keeps its arrows"
    );
}

#[wasm_bindgen_test]
async fn the_slider_inflates_the_balloon_and_says_how_far() {
    let root = mount(&example("start-step").pairs()).await;
    let slider: HtmlInputElement = find(&root, "input[type=range]").unchecked_into();
    assert_eq!(slider.value(), "100");
    slider.set_value("40");
    let event = web_sys::InputEvent::new("input").expect("event");
    slider.dispatch_event(&event).expect("dispatch");
    settle().await;
    let slider: HtmlInputElement = find(&root, "input[type=range]").unchecked_into();
    assert_eq!(
        slider.get_attribute("aria-valuetext").as_deref(),
        Some("40% inflated")
    );
    let figure = find(&root, ".kg-ill");
    let inflation = figure
        .style()
        .get_property_value("--kg-ill-inflation")
        .unwrap_or_default();
    assert!(
        inflation.trim().starts_with("0.4"),
        "css variable: {inflation}"
    );
}

#[wasm_bindgen_test]
async fn swiping_the_illustration_moves_between_steps() {
    let root = mount(&[("sections", "procedure"), ("start-step", "2")]).await;
    let stage: Element = find(&root, ".kg-stage").into();
    dispatch_pointer(&stage, "pointerdown", 300, 200);
    dispatch_pointer(&stage, "pointerup", 150, 210);
    settle().await;
    assert!(
        text(&root, ".kg-step-title").contains("Step 3 of 8"),
        "swipe left: next"
    );
    dispatch_pointer(&stage, "pointerdown", 100, 200);
    dispatch_pointer(&stage, "pointerup", 260, 190);
    settle().await;
    assert!(
        text(&root, ".kg-step-title").contains("Step 2 of 8"),
        "swipe right: previous"
    );
    dispatch_pointer(&stage, "pointerdown", 100, 100);
    dispatch_pointer(&stage, "pointerup", 140, 300);
    settle().await;
    assert!(
        text(&root, ".kg-step-title").contains("Step 2 of 8"),
        "a vertical drag scrolls, it does not swipe"
    );
}

#[wasm_bindgen_test]
async fn step_changes_and_ticks_are_announced() {
    let root = mount(&example("procedure").pairs()).await;
    find(&root, ".kg-next").click();
    settle().await;
    assert!(text(&root, ".kg-procedure [aria-live=polite]").starts_with("Step 2 of 8: "));
    let list = mount(&[("sections", "before"), ("storage-key", "announce")]).await;
    find(&list, ".kg-checkbox").click();
    settle().await;
    let said = text(&list, ".kg-section > [aria-live=polite]");
    assert!(said.contains(": 1 of "), "announced: {said}");
    clear_storage();
}

#[wasm_bindgen_test]
async fn the_warning_signs_shortcut_moves_focus_to_the_warnings() {
    let root = mount(&example("minimal").pairs()).await;
    find(&root, ".kg-emergency-strip button").click();
    // Focus moves in an effect after the render: on a busy machine that can take more
    // than one pause, so wait (up to a second) before asserting where it landed.
    let focused_heading = || {
        gloo::utils::document()
            .active_element()
            .is_some_and(|e| e.text_content().as_deref() == Some("Warning signs"))
    };
    for _ in 0..50 {
        if focused_heading() {
            break;
        }
        settle().await;
    }
    let active = gloo::utils::document().active_element().expect("focus");
    assert_eq!(active.text_content().as_deref(), Some("Warning signs"));
    assert_eq!(active.get_attribute("tabindex").as_deref(), Some("-1"));
}

#[wasm_bindgen_test]
async fn dragging_the_slider_on_a_touch_screen_does_not_change_the_step() {
    let root = mount(&example("start-step").pairs()).await;
    let slider: Element = find(&root, "input[type=range]").into();
    dispatch_pointer(&slider, "pointerdown", 300, 400);
    dispatch_pointer(&slider, "pointerup", 120, 402);
    settle().await;
    assert!(text(&root, ".kg-step-title").contains("Step 5 of 8"));
}
