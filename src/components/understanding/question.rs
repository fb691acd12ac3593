//! One question: a `fieldset` whose `legend` asks it, a radio button for each option,
//! and the feedback (live) or the answer behind a `<details>` (without the wasm).

use super::feedback::{Feedback, SeeAlso};
use crate::components::context::{use_guide, GuideContext, RenderMode};
use crate::content::{text, QuizOption, QuizQuestion};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub question: &'static QuizQuestion,
    /// 1-based, for "Question 2 of 8".
    pub number: usize,
    pub total: usize,
    /// The id of the option the patient picked, if any.
    #[prop_or_default]
    pub picked: Option<AttrValue>,
    /// Called with (question id, option id) when the patient picks an option.
    pub on_pick: Callback<(&'static str, &'static str)>,
}

#[function_component(Question)]
pub fn question(props: &QuestionProps) -> Html {
    let context = use_guide();
    let ui = &context.guide().ui;
    let q = props.question;
    let live = context.mode == RenderMode::Interactive;
    // The document is swapped for the live widget in the same shadow root: names of
    // their own keep one copy's radios from unchecking the other's.
    let name = if live {
        format!("kg-quiz-{}", q.id)
    } else {
        format!("kg-quiz-document-{}", q.id)
    };
    let legend_id = format!("{name}-legend");
    let number = text::ui(
        ui.understanding_question_number,
        &[
            ("number", &props.number.to_string()),
            ("total", &props.total.to_string()),
        ],
    );
    let picked = props.picked.as_deref().and_then(|id| q.option(id));
    html! {
        <fieldset class="kg-quiz-question" id={format!("kg-quiz-{}", q.id)}>
            <legend id={legend_id}>
                <span class="kg-quiz-number">{ number }</span>
                <span class="kg-quiz-text">{ context.text(q.question) }</span>
            </legend>
            <ul class="kg-quiz-options">
                { for q.options.iter().map(|option| option_item(&context, props, &name, option, picked)) }
            </ul>
            if live {
                <div class="kg-quiz-feedback" aria-live="polite" aria-atomic="true">
                    if let Some(picked) = picked {
                        <Feedback question={q} {picked} />
                    }
                </div>
            } else {
                { answer_disclosure(&context, q) }
            }
        </fieldset>
    }
}

/// One option: a radio button and its label (a 44 px target, the whole row).
fn option_item(
    context: &GuideContext,
    props: &QuestionProps,
    name: &str,
    option: &'static QuizOption,
    picked: Option<&'static QuizOption>,
) -> Html {
    let checked = picked.is_some_and(|p| p.id == option.id);
    let live = context.mode == RenderMode::Interactive;
    let onchange = {
        let (on_pick, question, option) = (props.on_pick.clone(), props.question.id, option.id);
        Callback::from(move |_: Event| on_pick.emit((question, option)))
    };
    let id = format!("{name}-{}", option.id);
    html! {
        <li key={option.id} class={classes!("kg-quiz-option", (live && checked).then_some("kg-quiz-picked"))}>
            <input type="radio" id={id.clone()} name={name.to_string()} value={option.id} {checked} {onchange} />
            <label for={id}>{ context.text(option.text) }</label>
        </li>
    }
}

/// Without the wasm: the answer, why, and where the guide says it, behind a disclosure.
fn answer_disclosure(context: &GuideContext, q: &'static QuizQuestion) -> Html {
    let ui = &context.guide().ui;
    html! {
        <details class="kg-quiz-answer">
            <summary>{ ui.understanding_show_answer }</summary>
            if let Some(correct) = q.correct_option() {
                <p><strong>{ text::ui(ui.understanding_answer, &[("answer", &context.text(correct.text))]) }</strong></p>
            }
            <p>{ context.text(q.why) }</p>
            <SeeAlso question={q} />
        </details>
    }
}
