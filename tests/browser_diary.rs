//! Browser tests of "My visit" (wasm-bindgen-test in headless Chromium): the diary clicked
//! in a real DOM, read back from the page and from localStorage.
#![cfg(target_arch = "wasm32")]

mod support;

use support::browser::{find, load_english, render_in_page, settle, text, wait_for};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Each test has its own storage key, so tests never see (or clear) each other's diary.
fn key(name: &str) -> String {
    format!("kyphoplasty-guide:diary:v1:{name}")
}

/// Removes a test's diary and its backup.
fn forget(name: &str) {
    let _ = storage().remove_item(&key(name));
    let _ = storage().remove_item(&format!("{}:unreadable", key(name)));
}

async fn mount(storage_key: &str) -> Element {
    load_english();
    let root = render_in_page(&[
        ("sections", "visit warnings"),
        ("storage-key", storage_key),
        ("practice-phone", "(555) 010-0199"),
    ]);
    settle().await;
    root
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector)
        .map(|l| l.length())
        .unwrap_or(0)
}

fn storage() -> web_sys::Storage {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .expect("storage")
}

fn run(script: &str) {
    let _ = js_sys::Function::new_no_args(script).call0(&wasm_bindgen::JsValue::NULL);
}

/// Today and `days` from it, as the widget writes dates.
fn day(days: i32) -> String {
    // Noon today plus whole days: no month underflow, no daylight-saving edge.
    let now = js_sys::Date::new_0();
    now.set_hours(12);
    let d = js_sys::Date::new(&(now.get_time() + f64::from(days) * 86_400_000.0).into());
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// What the diary key holds once the widget has saved (effects run after the render;
/// a busy machine can take a moment), or after a second of waiting.
async fn saved_diary(name: &str, expect: impl Fn(&str) -> bool) -> String {
    let mut value = String::new();
    for _ in 0..40 {
        value = storage()
            .get_item(&key(name))
            .ok()
            .flatten()
            .unwrap_or_default();
        if expect(&value) {
            break;
        }
        settle().await;
    }
    value
}

async fn save_day(root: &Element, pain: u8) {
    find(root, &format!("#kg-pain-{pain}")).click();
    settle().await;
    find(root, ".kg-diary-save").click();
    settle().await;
}

#[wasm_bindgen_test]
async fn an_entry_is_added_changed_deleted_and_read_by_the_next_widget() {
    forget("diary-test-0");
    let root = mount("diary-test-0").await;
    assert_eq!(count(&root, ".kg-diary-empty"), 1);
    save_day(&root, 4).await;
    assert!(text(&root, ".kg-diary-pain").contains("Pain 4 of 10: Moderate"));
    let saved = saved_diary("diary-test-0", |v| v.contains("\"pain\":4")).await;
    assert!(saved.contains("\"pain\":4"), "{saved}");

    // A second widget on the same key (a reload) has it; another key does not.
    let again = mount("diary-test-0").await;
    assert!(text(&again, ".kg-diary-pain").contains("Pain 4 of 10"));
    let other = mount("another-diary").await;
    assert_eq!(count(&other, ".kg-diary-entry"), 0);

    find(&root, ".kg-diary-edit").click();
    settle().await;
    let four: HtmlInputElement = find(&root, "#kg-pain-4").unchecked_into();
    assert!(four.checked(), "the form holds the entry being changed");
    save_day(&root, 1).await;
    assert_eq!(count(&root, ".kg-diary-entry"), 1);
    assert!(text(&root, ".kg-diary-pain").contains("Pain 1 of 10: Mild"));
    find(&root, ".kg-diary-delete").click();
    settle().await;
    assert_eq!(count(&root, ".kg-diary-entry"), 0);
    assert_eq!(
        saved_diary("diary-test-0", str::is_empty).await,
        "",
        "an empty diary leaves no key"
    );
    forget("diary-test-0");
}

#[wasm_bindgen_test]
async fn a_damaged_diary_is_backed_up_and_the_patient_told() {
    forget("diary-test-1");
    storage()
        .set_item(&key("diary-test-1"), "{\"version\":1,\"entries\":7}")
        .expect("set");
    let root = mount("diary-test-1").await;
    assert!(text(&root, ".kg-visit .kg-notice").contains("could not read the diary"));
    assert_eq!(
        storage()
            .get_item(&format!("{}:unreadable", key("diary-test-1")))
            .ok()
            .flatten()
            .as_deref(),
        Some("{\"version\":1,\"entries\":7}")
    );
    forget("diary-test-1");
}

#[wasm_bindgen_test]
async fn a_full_storage_keeps_the_entry_for_the_visit_and_says_so() {
    forget("diary-test-2");
    let root = mount("diary-test-2").await;
    run("window.kgSetItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
    save_day(&root, 6).await;
    // The refused save happens in an effect after the render: storage stays full until then.
    wait_for(&root, ".kg-visit .kg-notice").await;
    run("Storage.prototype.setItem = window.kgSetItem;");
    assert!(text(&root, ".kg-visit .kg-notice").contains("not saving your diary"));
    assert_eq!(count(&root, ".kg-diary-entry"), 1);
    forget("diary-test-2");
}

#[wasm_bindgen_test]
async fn what_another_tab_writes_appears() {
    forget("diary-test-3");
    let root = mount("diary-test-3").await;
    let value = format!(
        r#"{{"version":1,"entries":[{{"date":"{}","pain":9}}],"own":["From the other tab"]}}"#,
        day(0)
    );
    storage()
        .set_item(&key("diary-test-3"), &value)
        .expect("set");
    run(&format!(
        "window.dispatchEvent(new StorageEvent('storage', {{ key: {k:?}, newValue: localStorage.getItem({k:?}) }}));",
        k = key("diary-test-3")
    ));
    settle().await;
    assert!(text(&root, ".kg-diary-pain").contains("Pain 9 of 10: Severe"));
    assert_eq!(text(&root, ".kg-own-text"), "From the other tab");
    forget("diary-test-3");
}

#[wasm_bindgen_test]
async fn the_safety_line_follows_the_pain() {
    forget("diary-test-4");
    let yesterday = format!(
        r#"{{"version":1,"entries":[{{"date":"{}","pain":5}}]}}"#,
        day(-1)
    );
    storage()
        .set_item(&key("diary-test-4"), &yesterday)
        .expect("set");
    let root = mount("diary-test-4").await;
    save_day(&root, 5).await;
    assert_eq!(count(&root, ".kg-safety"), 0, "the same pain: no line");
    save_day(&root, 2).await;
    assert_eq!(count(&root, ".kg-safety"), 0, "less pain: no line");
    save_day(&root, 7).await;
    assert!(text(&root, ".kg-safety")
        .contains("Your pain grows stronger, or the medicine you take for it does not work."));
    assert_eq!(
        find(&root, ".kg-safety a").get_attribute("href").as_deref(),
        Some("tel:5550100199")
    );
    forget("diary-test-4");
}

#[wasm_bindgen_test]
async fn the_chart_table_and_own_questions_hold_text_only() {
    forget("diary-test-5");
    let value = format!(
        r#"{{"version":1,"entries":[{{"date":"{}","pain":3}},{{"date":"{}","pain":6,"note":"<img src=x>"}}]}}"#,
        day(-2),
        day(0)
    );
    storage()
        .set_item(&key("diary-test-5"), &value)
        .expect("set");
    let root = mount("diary-test-5").await;
    assert_eq!(count(&root, ".kg-chart-dot"), 2);
    assert_eq!(count(&root, ".kg-diary-table tbody tr"), 2);
    assert_eq!(text(&root, ".kg-diary-table caption"), "Pain by day");
    let input: HtmlInputElement = find(&root, "#kg-own-input").unchecked_into();
    input.set_value("<b>bold</b>\u{202e}");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").expect("event"))
        .expect("dispatch");
    settle().await;
    find(&root, ".kg-own-add-button").click();
    settle().await;
    assert_eq!(text(&root, ".kg-own-text"), "<b>bold</b>");
    assert_eq!(count(&root, ".kg-visit b, .kg-visit img"), 0);
    forget("diary-test-5");
}
