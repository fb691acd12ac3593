//! "My visit": the pain diary, its chart, the gentle safety line and the questions to
//! bring to the care team, all kept on this device only.
//!
//! The same markup serves the live widget and the document. Where the WebAssembly cannot
//! run (`data-kg-state="static"`) or on the standalone page, the stylesheet swaps the live
//! part for an explanation and a blank diary to print and fill in by hand.

#[cfg(not(target_arch = "wasm32"))]
use crate::components::blank_diary::BlankDiary;
use crate::components::context::{use_guide, use_guide_state, RenderMode};
use crate::components::diary_entries::DiaryEntries;
use crate::components::diary_form::DiaryForm;
use crate::components::heading::Heading;
use crate::components::my_questions::MyQuestions;
use crate::components::pain_chart::PainChart;
use crate::components::safety_line::SafetyLine;
use crate::components::visit_tools::VisitTools;
use crate::state::GuideState;
use crate::storage::Persistence;
use yew::prelude::*;

/// The explanation and blank diary, for where the diary cannot be kept. Only the document
/// and the standalone page need it (the live widget never shows it), so the wasm leaves
/// it out.
#[cfg(not(target_arch = "wasm32"))]
fn static_part(context: &crate::components::context::GuideContext) -> Html {
    let ui = &context.guide().ui;
    html! {
        <div class="kg-visit-static">
            if let Some(url) = context.share_url() {
                <crate::components::share_code::ShareCode {url} />
            }
            <p>{ ui.visit_static }</p>
            <BlankDiary />
        </div>
    }
}

#[cfg(target_arch = "wasm32")]
fn static_part(_: &crate::components::context::GuideContext) -> Html {
    Html::default()
}

/// On paper only: who the diary is for and when the procedure was, so the care team can
/// read the page on its own. Drawn only with a diary to print (never in the document).
fn print_header(context: &crate::components::context::GuideContext, state: &GuideState) -> Html {
    let g = context.guide();
    let practice = context.config.values.practice_name.clone();
    let phone = context.config.practice_phone.clone();
    let procedure = state
        .procedure_date
        .map(|d| crate::components::diary_words::entry_date(&d.to_iso(), context.lang));
    html! {
        <div class="kg-visit-print-header">
            if let Some(url) = context.share_url() {
                <crate::components::share_code::ShareCode {url} />
            }
            if let Some(name) = practice { <p><strong>{ name }</strong></p> }
            if let Some(phone) = phone { <p>{ crate::content::text::ui(g.ui.print_phone, &[("phone", &context.ltr(&phone))]) }</p> }
            if let Some(date) = procedure { <p>{ crate::content::text::ui(g.ui.visit_print_procedure, &[("date", &date)]) }</p> }
        </div>
    }
}

#[function_component(Visit)]
pub fn visit() -> Html {
    let context = use_guide();
    let state = use_guide_state();
    let ui = &context.guide().ui;
    let page = context.mode == RenderMode::Page;
    let announcement = use_state(String::new);
    let announce = {
        let announcement = announcement.clone();
        Callback::from(move |text: String| announcement.set(text))
    };
    // The day the form shows: today at first, an entry's day after its "Change".
    let open = {
        let today = state.today.clone().unwrap_or_default();
        use_state(move || (0u32, today))
    };
    let on_edit = {
        let open = open.clone();
        Callback::from(move |day: String| open.set((open.0.wrapping_add(1), day)))
    };
    let (heading_ref, entries_ref) = (use_node_ref(), use_node_ref());
    let notice = match state.diary_persistence {
        Persistence::Remembered => None,
        Persistence::VisitOnly => Some(ui.visit_only),
        Persistence::ResetAfterUnreadable => Some(ui.visit_reset),
    };
    html! {
        <div class="kg-section kg-visit" data-section="visit" data-kg-island={crate::islands::Island::Visit.marker()}>
            <Heading depth={1} focusable=true node_ref={heading_ref.clone()}>{ ui.visit_heading }</Heading>
            <p>{ ui.visit_intro }</p>
            <p>{ ui.visit_private }</p>
            if context.mode == RenderMode::Interactive && !state.diary.is_empty() {
                { print_header(&context, &state) }
            }
            if let Some(notice) = notice {
                <p class="kg-notice" role="status">{ notice }</p>
            }
            { static_part(&context) }
            if !page {
                <div class="kg-visit-live">
                    <Heading depth={2} class="kg-diary-heading">{ ui.diary_heading }</Heading>
                    <DiaryForm open={(*open).clone()} on_announce={announce.clone()} />
                    <SafetyLine />
                    if !state.diary.entries.is_empty() {
                        <Heading depth={2} class="kg-chart-heading">{ ui.chart_heading }</Heading>
                        <PainChart diary={state.diary.clone()} procedure={state.procedure_date} />
                    }
                    <Heading depth={2} class="kg-entries-heading" focusable=true node_ref={entries_ref.clone()}>{ ui.diary_entries_heading }</Heading>
                    <DiaryEntries {on_edit} on_announce={announce.clone()} heading_ref={entries_ref} />
                </div>
            }
            <MyQuestions on_announce={announce.clone()} />
            if !page {
                <VisitTools {heading_ref} on_announce={announce} />
            }
            <p class="kg-visually-hidden" aria-live="polite" aria-atomic="true">{ (*announcement).clone() }</p>
        </div>
    }
}
