//! "My questions": the guide's questions worth asking (with their sources), which the
//! patient ticks, and up to twenty of their own. Their own text is only ever rendered as
//! text (Yew escapes it), isolated with `dir="auto"`, and cut to its limit by the reducer.

use crate::components::context::{use_guide, use_guide_state, GuideContext, RenderMode};
use crate::components::heading::Heading;
use crate::components::source_refs::source_refs;
use crate::content::{text, AskQuestion, Ui};
use crate::diary::{Diary, OWN_MAX, QUESTION_MAX};
use crate::embed::events::HostEvent;
use crate::state::Action;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MyQuestionsProps {
    pub on_announce: Callback<String>,
}

#[function_component(MyQuestions)]
pub fn my_questions(props: &MyQuestionsProps) -> Html {
    let context = use_guide();
    let state = use_guide_state();
    let g = context.guide();
    let ui = &g.ui;
    let diary = &state.diary;
    let draft = use_state(String::new);
    let (input_ref, own_heading_ref) = (use_node_ref(), use_node_ref());
    let add = on_add(&context, &draft, &input_ref, &props.on_announce);
    html! {
        <div class="kg-my-questions">
            <Heading depth={2}>{ ui.pick_heading }</Heading>
            <p>{ ui.pick_intro }</p>
            <ul class="kg-pick-list">
                { for g.visit_questions.iter().map(|q| pick_item(&context, diary, q)) }
            </ul>
            <Heading depth={2} class="kg-own-heading" node_ref={own_heading_ref.clone()} focusable=true>{ ui.own_heading }</Heading>
            if !diary.own.is_empty() {
                <ol class="kg-own-list">
                    { for diary.own.iter().enumerate().map(|(i, question)| {
                        own_item(&context, &own_heading_ref, &props.on_announce, i, question)
                    }) }
                </ol>
            }
            { own_add(ui, diary.own.len(), &draft, input_ref, add) }
        </div>
    }
}

/// Adds the typed question (not a blank one), says so, and leaves focus in the box for
/// the next.
fn on_add(
    context: &GuideContext,
    draft: &UseStateHandle<String>,
    input_ref: &NodeRef,
    on_announce: &Callback<String>,
) -> Callback<()> {
    let (context, draft, input_ref) = (context.clone(), draft.clone(), input_ref.clone());
    let on_announce = on_announce.clone();
    Callback::from(move |_: ()| {
        if draft.trim().is_empty() {
            return;
        }
        context.dispatch(Action::AddOwnQuestion((*draft).clone()));
        context.emit(HostEvent::Diary { action: "question" });
        on_announce.emit(context.guide().ui.own_added.to_string());
        draft.set(String::new());
        if let Some(input) = input_ref.cast::<web_sys::HtmlElement>() {
            let _ = input.focus();
        }
    })
}

/// One of the guide's questions: a checkbox on screen, a box to tick by hand on paper.
fn pick_item(context: &GuideContext, diary: &Diary, q: &AskQuestion) -> Html {
    let g = context.guide();
    let page = context.mode == RenderMode::Page;
    let picked = diary.picked.contains(q.id);
    let id = format!("kg-pick-{}", q.id);
    let onchange = {
        let (context, qid) = (context.clone(), q.id.to_string());
        Callback::from(move |e: Event| {
            let picked = e.target_unchecked_into::<HtmlInputElement>().checked();
            context.dispatch(Action::PickQuestion {
                id: qid.clone(),
                picked,
            });
            context.emit(HostEvent::Diary { action: "question" });
        })
    };
    html! {
        <li key={q.id} class={classes!("kg-pick", (!picked).then_some("kg-pick-off"))}>
            if page {
                <span class="kg-print-box" aria-hidden="true"></span>
                <span>{ context.text(q.text) }</span>
            } else {
                <input type="checkbox" class="kg-pick-box" id={id.clone()} checked={picked} {onchange} />
                <label for={id}>{ context.text(q.text) }</label>
            }
            { source_refs(g, q.sources) }
        </li>
    }
}

/// One of the patient's own questions, as text, with its "Remove" button; focus moves to
/// the list's heading once the button is gone.
fn own_item(
    context: &GuideContext,
    heading: &NodeRef,
    on_announce: &Callback<String>,
    i: usize,
    question: &str,
) -> Html {
    let ui = &context.guide().ui;
    let remove = {
        let (context, heading) = (context.clone(), heading.clone());
        let on_announce = on_announce.clone();
        Callback::from(move |_| {
            context.dispatch(Action::RemoveOwnQuestion(i));
            on_announce.emit(context.guide().ui.own_removed.to_string());
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        })
    };
    html! {
        <li key={format!("{i}-{question}")} class="kg-own">
            <span class="kg-own-text" dir="auto">{ question.to_string() }</span>
            <button type="button" class="kg-button kg-button-secondary kg-own-remove" onclick={remove}
                aria-label={text::ui(ui.own_remove_label, &[("question", question)])}>{ ui.own_remove }</button>
        </li>
    }
}

/// The box for a question of their own (Enter adds it too), or, at the limit, why not.
fn own_add(
    ui: &Ui,
    own: usize,
    draft: &UseStateHandle<String>,
    input_ref: NodeRef,
    add: Callback<()>,
) -> Html {
    let (count, max) = (own.to_string(), OWN_MAX.to_string());
    let on_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_key = {
        let add = add.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                add.emit(());
            }
        })
    };
    html! {
        <div class="kg-own-add">
            if own >= OWN_MAX {
                <p class="kg-field-hint">{ text::ui(ui.own_full, &[("max", &max)]) }</p>
            } else {
                <p class="kg-field">
                    <label for="kg-own-input">{ ui.own_label }</label>
                    <input type="text" id="kg-own-input" class="kg-input" ref={input_ref} maxlength={QUESTION_MAX.to_string()}
                        value={(**draft).clone()} oninput={on_input} onkeydown={on_key} autocomplete="off"
                        aria-describedby="kg-own-count" />
                    <span class="kg-field-hint" id="kg-own-count">{ text::ui(ui.own_count, &[("count", &count), ("max", &max)]) }</span>
                </p>
                <button type="button" class="kg-button kg-own-add-button" onclick={add.reform(|_| ())}>{ ui.own_add }</button>
            }
        </div>
    }
}
