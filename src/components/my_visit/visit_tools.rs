//! "Print my diary and questions", the CSV download, and "Clear my diary and questions",
//! which asks first (as "Clear my ticks" does) and moves focus on purpose each time.

use crate::components::context::{use_guide, use_guide_state, GuideContext};
use crate::components::diary_words::csv_words;
use crate::diary::csv::{data_url, diary_csv};
use crate::embed::events::HostEvent;
use crate::state::Action;
use yew::prelude::*;

/// The name the download gets.
pub const CSV_NAME: &str = "my-pain-diary.csv";

#[derive(Properties, PartialEq)]
pub struct VisitToolsProps {
    /// The section's heading, which takes focus once the diary (and these buttons) are gone.
    pub heading_ref: NodeRef,
    pub on_announce: Callback<String>,
}

#[function_component(VisitTools)]
pub fn visit_tools(props: &VisitToolsProps) -> Html {
    let context = use_guide();
    let state = use_guide_state();
    let ui = &context.guide().ui;
    let diary = &state.diary;
    let confirming = use_state(|| false);
    let (clear_ref, keep_ref) = (use_node_ref(), use_node_ref());
    let move_focus = use_focus_move([
        keep_ref.clone(),
        clear_ref.clone(),
        props.heading_ref.clone(),
    ]);
    let ask = on_confirming(&confirming, &move_focus, true, 0);
    let keep = on_confirming(&confirming, &move_focus, false, 1);
    let clear = on_clear(&context, &confirming, &props.on_announce, move_focus);
    let print = {
        let context = context.clone();
        Callback::from(move |event: MouseEvent| {
            context.emit(HostEvent::Diary { action: "print" });
            print_visit(&event);
        })
    };
    let download = {
        let context = context.clone();
        Callback::from(move |_| context.emit(HostEvent::Diary { action: "download" }))
    };
    let csv = (!diary.entries.is_empty())
        .then(|| data_url(&diary_csv(diary, state.procedure_date, &csv_words(ui))));
    html! {
        <div class="kg-visit-tools">
            if !diary.is_empty() {
                <button type="button" class="kg-button kg-button-secondary kg-visit-print" onclick={print}>{ ui.visit_print }</button>
            }
            if let Some(href) = csv {
                <a class="kg-button kg-button-secondary kg-visit-csv" {href} download={CSV_NAME} onclick={download}>{ ui.visit_download }</a>
            }
            <div class="kg-clear">
                if *confirming {
                    <div class="kg-confirm" role="group" aria-labelledby="kg-confirm-visit">
                        <p id="kg-confirm-visit">{ ui.visit_clear_confirm }</p>
                        <button type="button" class="kg-button kg-button-secondary" ref={keep_ref} onclick={keep}>{ ui.visit_clear_no }</button>
                        <button type="button" class="kg-button kg-button-danger" onclick={clear}>{ ui.visit_clear_yes }</button>
                    </div>
                } else if !diary.is_empty() {
                    <button type="button" class="kg-button kg-button-secondary kg-visit-clear" ref={clear_ref} onclick={ask}>{ ui.visit_clear }</button>
                }
            </div>
        </div>
    }
}

/// Moves focus to one of `refs` (by its index) after the render that shows it, as the
/// button it goes to may only exist then. Never on the first render.
#[hook]
fn use_focus_move(refs: [NodeRef; 3]) -> Callback<u8> {
    let focus = use_state(|| (0u32, 0u8));
    use_effect_with(*focus, move |(n, target)| {
        if *n > 0 {
            if let Some(el) = refs[usize::from(*target)].cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
    Callback::from(move |target: u8| focus.set((focus.0.wrapping_add(1), target)))
}

/// Opens ("Clear") or closes ("Keep") the question, moving focus to `target`.
fn on_confirming(
    confirming: &UseStateHandle<bool>,
    move_focus: &Callback<u8>,
    open: bool,
    target: u8,
) -> Callback<MouseEvent> {
    let (confirming, move_focus) = (confirming.clone(), move_focus.clone());
    Callback::from(move |_| {
        confirming.set(open);
        move_focus.emit(target);
    })
}

/// Clears the diary and questions (and their backup), says so, and moves focus to the
/// section's heading.
fn on_clear(
    context: &GuideContext,
    confirming: &UseStateHandle<bool>,
    on_announce: &Callback<String>,
    move_focus: Callback<u8>,
) -> Callback<MouseEvent> {
    let (context, confirming) = (context.clone(), confirming.clone());
    let on_announce = on_announce.clone();
    Callback::from(move |_| {
        context.dispatch(Action::ClearDiary);
        crate::storage::remove_backup::<crate::diary::Diary>(&context.config.storage_key);
        context.emit(HostEvent::Diary { action: "clear" });
        on_announce.emit(context.guide().ui.visit_cleared.to_string());
        confirming.set(false);
        move_focus.emit(2);
    })
}

/// Prints the diary rather than the aftercare sheet: marks the guide for `print.css`
/// until the browser says printing is over.
fn print_visit(event: &MouseEvent) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let guide = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(".kg").ok().flatten());
        let (Some(guide), Some(window)) = (guide, web_sys::window()) else {
            return;
        };
        let _ = guide.set_attribute("data-kg-printing", "visit");
        let marked = guide.clone();
        gloo::events::EventListener::once(&window, "afterprint", move |_| {
            let _ = marked.remove_attribute("data-kg-printing");
        })
        .forget();
        let _ = window.print();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = event;
}
