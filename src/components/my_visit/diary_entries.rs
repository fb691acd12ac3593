//! The diary's entries, newest first, each with its day from the procedure and its
//! "Change" and "Delete" buttons.

use crate::calendar::Date;
use crate::components::context::{use_guide, use_guide_state, GuideContext};
use crate::components::diary_words::{entry_date, mobility_word, pain_word, relative_text};
use crate::content::text;
use crate::diary::Entry;
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiaryEntriesProps {
    /// Opens an entry's day in the form.
    pub on_edit: Callback<String>,
    pub on_announce: Callback<String>,
    /// The list's heading, which takes focus after a delete (its button is gone).
    pub heading_ref: NodeRef,
}

#[function_component(DiaryEntries)]
pub fn diary_entries(props: &DiaryEntriesProps) -> Html {
    let context = use_guide();
    let state = use_guide_state();
    let ui = &context.guide().ui;
    let entries = &state.diary.entries;
    if entries.is_empty() {
        return html! { <p class="kg-diary-empty">{ ui.diary_empty }</p> };
    }
    html! {
        <ul class="kg-diary-list">
            { for entries.values().rev().map(|e| entry_item(&context, props, state.procedure_date, e)) }
        </ul>
    }
}

/// One entry: its day (and day from the procedure), what was noted, and its buttons.
fn entry_item(
    context: &GuideContext,
    props: &DiaryEntriesProps,
    procedure: Option<Date>,
    e: &Entry,
) -> Html {
    let ui = &context.guide().ui;
    let date = entry_date(&e.date, context.lang);
    let relative = relative_text(ui, &e.date, procedure);
    let edit = props.on_edit.reform({
        let day = e.date.clone();
        move |_| day.clone()
    });
    let delete = on_delete(context, props, &e.date, &date);
    let pain = text::ui(
        ui.diary_pain_value,
        &[
            ("pain", &e.pain.to_string()),
            ("word", pain_word(ui, e.pain)),
        ],
    );
    html! {
        <li key={e.date.clone()} class="kg-diary-entry" data-date={e.date.clone()}>
            <p class="kg-diary-when">
                <strong>{ date.clone() }</strong>
                if let Some(relative) = relative { <span class="kg-diary-relative">{ relative }</span> }
            </p>
            <p class="kg-diary-pain">
                { pain }
            </p>
            if let Some(m) = e.mobility {
                <p>{ text::ui(ui.diary_mobility_value, &[("value", mobility_word(ui, m))]) }</p>
            }
            if let Some(took) = e.medicine {
                <p>{ text::ui(ui.diary_medicine_value, &[("value", if took { ui.answer_yes } else { ui.answer_no })]) }</p>
            }
            if !e.note.is_empty() {
                <p class="kg-diary-note" dir="auto">{ e.note.clone() }</p>
            }
            <p class="kg-diary-actions">
                <button type="button" class="kg-button kg-button-secondary kg-diary-edit" onclick={edit}
                    aria-label={text::ui(ui.diary_edit_label, &[("date", &date)])}>{ ui.diary_edit }</button>
                <button type="button" class="kg-button kg-button-secondary kg-diary-delete" onclick={delete}
                    aria-label={text::ui(ui.diary_delete_label, &[("date", &date)])}>{ ui.diary_delete }</button>
            </p>
        </li>
    }
}

/// Deletes the day's entry, says so, and moves focus to the list's heading.
fn on_delete(
    context: &GuideContext,
    props: &DiaryEntriesProps,
    day: &str,
    date: &str,
) -> Callback<MouseEvent> {
    let (context, day, date) = (context.clone(), day.to_string(), date.to_string());
    let (on_announce, heading) = (props.on_announce.clone(), props.heading_ref.clone());
    Callback::from(move |_| {
        context.dispatch(Action::DeleteEntry(day.clone()));
        context.emit(crate::embed::events::HostEvent::Diary { action: "delete" });
        on_announce.emit(text::ui(
            context.guide().ui.diary_deleted,
            &[("date", &date)],
        ));
        if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    })
}
