//! The diary's entry form: the day, pain from 0 to 10 on large buttons, and the optional
//! getting around, pain medicine and note. One entry a day: choosing a day that has one
//! loads it, so saving changes it.
//!
//! Built of native radios and inputs (no `<form>`: the loader never builds one into the
//! document), so keyboards, screen readers and forced colours get what they expect.

use super::context::{use_guide, use_guide_state};
use super::diary_words::{is_anchor, mobility_word, pain_word};
use crate::content::text;
use crate::diary::{Diary, Entry, Mobility, NOTE_MAX};
use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiaryFormProps {
    /// The day the form opens on (today), and a counter bumped by "Change" on an entry:
    /// each bump loads that day and moves focus to the form.
    pub open: (u32, String),
    /// Announces what happened, politely.
    pub on_announce: Callback<String>,
}

/// What the form holds before it is saved.
#[derive(Clone, Debug, PartialEq)]
struct Draft {
    date: String,
    pain: Option<u8>,
    mobility: Option<Mobility>,
    medicine: Option<bool>,
    note: String,
}

impl Draft {
    /// The day's saved entry, or an empty one.
    fn for_day(date: &str, diary: &Diary) -> Draft {
        match diary.entries.get(date) {
            Some(e) => Draft {
                date: date.to_string(),
                pain: Some(e.pain),
                mobility: e.mobility,
                medicine: e.medicine,
                note: e.note.clone(),
            },
            None => Draft {
                date: date.to_string(),
                pain: None,
                mobility: None,
                medicine: None,
                note: String::new(),
            },
        }
    }
}

#[function_component(DiaryForm)]
pub fn diary_form(props: &DiaryFormProps) -> Html {
    let context = use_guide();
    let state = use_guide_state();
    let ui = &context.guide().ui;
    let draft = {
        let (day, diary) = (props.open.1.clone(), state.diary.clone());
        use_state(move || Draft::for_day(&day, &diary))
    };
    let problem = use_state(|| false);
    let (date_ref, pain_ref) = (use_node_ref(), use_node_ref());
    {
        // "Change" on an entry: load that day and take focus (not on the first render).
        let (draft, diary, pain_ref) = (draft.clone(), state.diary.clone(), pain_ref.clone());
        use_effect_with(props.open.clone(), move |(request, day)| {
            if *request > 0 {
                draft.set(Draft::for_day(day, &diary));
                if let Some(first) = pain_ref.cast::<web_sys::HtmlElement>() {
                    let _ = first.focus();
                }
            }
        });
    }
    let set = |change: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            change(&mut next, value);
            draft.set(next);
        })
    };
    let on_date = {
        let (draft, diary) = (draft.clone(), state.diary.clone());
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            if crate::calendar::Date::parse_iso(&value).is_some() {
                draft.set(Draft::for_day(&value, &diary));
            }
        })
    };
    let on_note = {
        let set_note = set(|d, v| d.note = v);
        Callback::from(move |event: InputEvent| {
            set_note.emit(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let save = {
        let (context, draft, problem) = (context.clone(), draft.clone(), problem.clone());
        let (on_announce, pain_ref) = (props.on_announce.clone(), pain_ref.clone());
        Callback::from(move |_| {
            let Some(pain) = draft.pain else {
                problem.set(true);
                if let Some(first) = pain_ref.cast::<web_sys::HtmlElement>() {
                    let _ = first.focus();
                }
                return;
            };
            problem.set(false);
            let entry = Entry {
                date: draft.date.clone(),
                pain,
                mobility: draft.mobility,
                medicine: draft.medicine,
                note: draft.note.clone(),
            };
            let ui = &context.guide().ui;
            let date = super::diary_words::entry_date(&entry.date, context.lang);
            context.dispatch(Action::SaveEntry(entry));
            context.emit(crate::embed::events::HostEvent::Diary { action: "entry" });
            on_announce.emit(text::ui(ui.diary_saved, &[("date", &date)]));
        })
    };
    let today = state.today.clone();
    let pain_buttons = (0..=10u8).map(|n| {
        let checked = draft.pain == Some(n);
        let onchange = {
            let (draft, problem) = (draft.clone(), problem.clone());
            Callback::from(move |_| {
                draft.set(Draft { pain: Some(n), ..(*draft).clone() });
                problem.set(false);
            })
        };
        let word = pain_word(ui, n);
        let id = format!("kg-pain-{n}");
        html! {
            <li key={n} class={classes!("kg-pain-choice", format!("kg-pain-{n}"))}>
                <input type="radio" name="kg-pain" id={id.clone()} value={n.to_string()} {checked} {onchange}
                    ref={if n == 0 { pain_ref.clone() } else { NodeRef::default() }} />
                <label for={id}>
                    <span class="kg-pain-number">{ n }</span>
                    if is_anchor(n) {
                        <span class="kg-pain-word">{ word }</span>
                    } else {
                        <span class="kg-visually-hidden">{ word }</span>
                    }
                </label>
            </li>
        }
    });
    // Optional choices: choosing the chosen one again takes it back.
    let choice = |name: &'static str,
                  id: String,
                  label: &'static str,
                  checked: bool,
                  toggle: Callback<()>| {
        html! {
            <li key={id.clone()}>
                <input type="radio" {name} id={id.clone()} {checked} onclick={toggle.reform(|_| ())} />
                <label for={id}>{ label }</label>
            </li>
        }
    };
    let mobility = Mobility::ALL.into_iter().map(|m| {
        let checked = draft.mobility == Some(m);
        let draft = draft.clone();
        let toggle = Callback::from(move |_| {
            let mobility = if draft.mobility == Some(m) {
                None
            } else {
                Some(m)
            };
            draft.set(Draft {
                mobility,
                ..(*draft).clone()
            });
        });
        choice(
            "kg-mobility",
            format!("kg-mobility-{}", m.name()),
            mobility_word(ui, m),
            checked,
            toggle,
        )
    });
    let medicine = [(true, ui.answer_yes), (false, ui.answer_no)]
        .into_iter()
        .map(|(took, label)| {
            let checked = draft.medicine == Some(took);
            let draft = draft.clone();
            let toggle = Callback::from(move |_| {
                let medicine = if draft.medicine == Some(took) {
                    None
                } else {
                    Some(took)
                };
                draft.set(Draft {
                    medicine,
                    ..(*draft).clone()
                });
            });
            choice(
                "kg-medicine",
                format!("kg-medicine-{took}"),
                label,
                checked,
                toggle,
            )
        });
    let max = NOTE_MAX.to_string();
    html! {
        <div class="kg-diary-form">
            <p class="kg-field">
                <label for="kg-diary-date">{ ui.diary_day_label }</label>
                <input type="date" id="kg-diary-date" class="kg-input" ref={date_ref} value={draft.date.clone()}
                    max={today} onchange={on_date} />
            </p>
            <fieldset class="kg-pain-scale" aria-describedby={(*problem).then_some("kg-pain-problem")}>
                <legend>{ ui.diary_pain_legend }</legend>
                <ul class="kg-pain-choices">{ for pain_buttons }</ul>
                if *problem {
                    <p class="kg-field-problem" id="kg-pain-problem" role="alert">{ ui.diary_pick_pain }</p>
                }
            </fieldset>
            <fieldset class="kg-choice-group">
                <legend>{ ui.diary_mobility_legend }</legend>
                <ul class="kg-choices">{ for mobility }</ul>
            </fieldset>
            <fieldset class="kg-choice-group">
                <legend>{ ui.diary_medicine_legend }</legend>
                <ul class="kg-choices">{ for medicine }</ul>
            </fieldset>
            <p class="kg-field">
                <label for="kg-diary-note">{ ui.diary_note_label }</label>
                <input type="text" id="kg-diary-note" class="kg-input" maxlength={max.clone()} value={draft.note.clone()}
                    oninput={on_note} aria-describedby="kg-diary-note-hint" autocomplete="off" />
                <span class="kg-field-hint" id="kg-diary-note-hint">{ text::ui(ui.diary_note_hint, &[("max", &max)]) }</span>
            </p>
            <button type="button" class="kg-button kg-diary-save" onclick={save}>{ ui.diary_save }</button>
        </div>
    }
}
