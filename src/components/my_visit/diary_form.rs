//! The diary's entry form: the day, pain from 0 to 10 on large buttons, and the optional
//! getting around, pain medicine and note. One entry a day: choosing a day that has one
//! loads it, so saving changes it.
//!
//! Built of native radios and inputs (no `<form>`: the loader never builds one into the
//! document), so keyboards, screen readers and forced colours get what they expect.

use crate::components::context::{use_guide, use_guide_state, GuideContext};
use crate::components::diary_words::{is_anchor, mobility_word, pain_word};
use crate::content::{text, Ui};
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
    use_open_request(props.open.clone(), &draft, &state.diary, &pain_ref);
    let on_date = on_date(&draft, &state.diary);
    let on_note = on_note(&draft);
    let save = on_save(&context, &draft, &problem, &props.on_announce, &pain_ref);
    let today = state.today.clone();
    html! {
        <div class="kg-diary-form">
            { date_field(ui, &draft.date, today, date_ref, on_date) }
            { pain_scale(ui, &draft, &problem, &pain_ref) }
            { choice_group(ui.diary_mobility_legend, mobility_choices(ui, &draft)) }
            { choice_group(ui.diary_medicine_legend, medicine_choices(ui, &draft)) }
            { note_field(ui, &draft.note, on_note) }
            <button type="button" class="kg-button kg-diary-save" onclick={save}>{ ui.diary_save }</button>
        </div>
    }
}

/// "Change" on an entry: load that day and take focus (not on the first render).
#[hook]
fn use_open_request(
    open: (u32, String),
    draft: &UseStateHandle<Draft>,
    diary: &Diary,
    pain_ref: &NodeRef,
) {
    let (draft, diary, pain_ref) = (draft.clone(), diary.clone(), pain_ref.clone());
    use_effect_with(open, move |(request, day)| {
        if *request > 0 {
            draft.set(Draft::for_day(day, &diary));
            focus_first_pain(&pain_ref);
        }
    });
}

/// Moves focus to the pain scale's first button (0).
fn focus_first_pain(pain_ref: &NodeRef) {
    if let Some(first) = pain_ref.cast::<web_sys::HtmlElement>() {
        let _ = first.focus();
    }
}

/// A real day chosen loads that day's entry (or an empty one); a half-typed date does not.
fn on_date(draft: &UseStateHandle<Draft>, diary: &Diary) -> Callback<Event> {
    let (draft, diary) = (draft.clone(), diary.clone());
    Callback::from(move |event: Event| {
        let value = event.target_unchecked_into::<HtmlInputElement>().value();
        if crate::calendar::Date::parse_iso(&value).is_some() {
            draft.set(Draft::for_day(&value, &diary));
        }
    })
}

/// Keeps the note in the draft as it is typed.
fn on_note(draft: &UseStateHandle<Draft>) -> Callback<InputEvent> {
    let draft = draft.clone();
    Callback::from(move |event: InputEvent| {
        let mut next = (*draft).clone();
        next.note = event.target_unchecked_into::<HtmlInputElement>().value();
        draft.set(next);
    })
}

/// Saves the draft as the day's entry and says so; without a pain number it shows the
/// problem and moves focus to the scale instead.
fn on_save(
    context: &GuideContext,
    draft: &UseStateHandle<Draft>,
    problem: &UseStateHandle<bool>,
    on_announce: &Callback<String>,
    pain_ref: &NodeRef,
) -> Callback<MouseEvent> {
    let (context, draft, problem) = (context.clone(), draft.clone(), problem.clone());
    let (on_announce, pain_ref) = (on_announce.clone(), pain_ref.clone());
    Callback::from(move |_| {
        let Some(pain) = draft.pain else {
            problem.set(true);
            focus_first_pain(&pain_ref);
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
        let date = crate::components::diary_words::entry_date(&entry.date, context.lang);
        context.dispatch(Action::SaveEntry(entry));
        context.emit(crate::embed::events::HostEvent::Diary { action: "entry" });
        on_announce.emit(text::ui(ui.diary_saved, &[("date", &date)]));
    })
}

/// The day, no later than today.
fn date_field(
    ui: &Ui,
    date: &str,
    today: Option<String>,
    date_ref: NodeRef,
    on_date: Callback<Event>,
) -> Html {
    html! {
        <p class="kg-field">
            <label for="kg-diary-date">{ ui.diary_day_label }</label>
            <input type="date" id="kg-diary-date" class="kg-input" ref={date_ref} value={date.to_string()}
                max={today} onchange={on_date} />
        </p>
    }
}

/// Pain from 0 to 10, with the problem shown (and announced) when saving without one.
fn pain_scale(
    ui: &Ui,
    draft: &UseStateHandle<Draft>,
    problem: &UseStateHandle<bool>,
    pain_ref: &NodeRef,
) -> Html {
    html! {
        <fieldset class="kg-pain-scale" aria-describedby={(**problem).then_some("kg-pain-problem")}>
            <legend>{ ui.diary_pain_legend }</legend>
            <ul class="kg-pain-choices">{ for (0..=10u8).map(|n| pain_button(ui, n, draft, problem, pain_ref)) }</ul>
            if **problem {
                <p class="kg-field-problem" id="kg-pain-problem" role="alert">{ ui.diary_pick_pain }</p>
            }
        </fieldset>
    }
}

/// One pain number's radio; its word is shown at the anchors and read out at the others.
fn pain_button(
    ui: &Ui,
    n: u8,
    draft: &UseStateHandle<Draft>,
    problem: &UseStateHandle<bool>,
    pain_ref: &NodeRef,
) -> Html {
    let checked = draft.pain == Some(n);
    let onchange = {
        let (draft, problem) = (draft.clone(), problem.clone());
        Callback::from(move |_| {
            draft.set(Draft {
                pain: Some(n),
                ..(*draft).clone()
            });
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
}

/// One optional question (getting around, pain medicine) and its choices.
fn choice_group(legend: &'static str, choices: Vec<Html>) -> Html {
    html! {
        <fieldset class="kg-choice-group">
            <legend>{ legend }</legend>
            <ul class="kg-choices">{ for choices }</ul>
        </fieldset>
    }
}

fn mobility_choices(ui: &Ui, draft: &UseStateHandle<Draft>) -> Vec<Html> {
    let choices = Mobility::ALL.into_iter().map(|m| {
        let checked = draft.mobility == Some(m);
        let toggle = toggle(draft, |d| &mut d.mobility, m);
        let id = format!("kg-mobility-{}", m.name());
        choice("kg-mobility", id, mobility_word(ui, m), checked, toggle)
    });
    choices.collect()
}

fn medicine_choices(ui: &Ui, draft: &UseStateHandle<Draft>) -> Vec<Html> {
    let answers = [(true, ui.answer_yes), (false, ui.answer_no)];
    let choices = answers.into_iter().map(|(took, label)| {
        let checked = draft.medicine == Some(took);
        let toggle = toggle(draft, |d| &mut d.medicine, took);
        choice(
            "kg-medicine",
            format!("kg-medicine-{took}"),
            label,
            checked,
            toggle,
        )
    });
    choices.collect()
}

/// Optional choices: choosing the chosen one again takes it back.
fn toggle<T: Copy + PartialEq + 'static>(
    draft: &UseStateHandle<Draft>,
    field: fn(&mut Draft) -> &mut Option<T>,
    value: T,
) -> Callback<()> {
    let draft = draft.clone();
    Callback::from(move |_| {
        let mut next = (*draft).clone();
        let chosen = field(&mut next);
        *chosen = if *chosen == Some(value) {
            None
        } else {
            Some(value)
        };
        draft.set(next);
    })
}

/// An optional choice's radio, which a click toggles (see [`toggle`]).
fn choice(
    name: &'static str,
    id: String,
    label: &'static str,
    checked: bool,
    toggle: Callback<()>,
) -> Html {
    html! {
        <li key={id.clone()}>
            <input type="radio" {name} id={id.clone()} {checked} onclick={toggle.reform(|_| ())} />
            <label for={id}>{ label }</label>
        </li>
    }
}

/// The optional note, with its length limit said and kept.
fn note_field(ui: &Ui, note: &str, on_note: Callback<InputEvent>) -> Html {
    let max = NOTE_MAX.to_string();
    html! {
        <p class="kg-field">
            <label for="kg-diary-note">{ ui.diary_note_label }</label>
            <input type="text" id="kg-diary-note" class="kg-input" maxlength={max.clone()} value={note.to_string()}
                oninput={on_note} aria-describedby="kg-diary-note-hint" autocomplete="off" />
            <span class="kg-field-hint" id="kg-diary-note-hint">{ text::ui(ui.diary_note_hint, &[("max", &max)]) }</span>
        </p>
    }
}
