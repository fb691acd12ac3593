//! One question: a `fieldset` whose `legend` asks it, a radio button for each option,
//! and the feedback (live) or the answer behind a `<details>` (without the wasm).

use super::feedback::{feedback, see_also};
use crate::components::context::{GuideContext, RenderMode};
use crate::content::{text, QuizOption, QuizQuestion};
use yew::prelude::*;

/// The question `q`, number `number` of `total`, with the option the patient picked;
/// `on_pick` gets (question id, option id).
pub fn question(
    context: &GuideContext,
    (q, number, total): (&'static QuizQuestion, usize, usize),
    picked: Option<&'static QuizOption>,
    on_pick: &Callback<(&'static str, &'static str)>,
) -> Html {
    let ui = &context.guide().ui;
    let live = context.mode == RenderMode::Interactive;
    // The document is swapped for the live widget in the same shadow root: names of
    // their own keep one copy's radios from unchecking the other's.
    let name = if live {
        format!("kg-quiz-{}", q.id)
    } else {
        format!("kg-quiz-document-{}", q.id)
    };
    let number = text::ui(
        ui.understanding_question_number,
        &[
            ("number", &number.to_string()),
            ("total", &total.to_string()),
        ],
    );
    html! {
        <fieldset class="kg-quiz-question" id={format!("kg-quiz-{}", q.id)}>
            <legend>
                <span class="kg-quiz-number">{ number }</span>
                <span class="kg-quiz-text">{ context.text(q.question) }</span>
            </legend>
            <ul class="kg-quiz-options">
                { for q.options.iter().map(|option| option_item(context, (q, option), &name, picked, on_pick)) }
            </ul>
            if live {
                <div class="kg-quiz-feedback" aria-live="polite" aria-atomic="true">
                    if let Some(picked) = picked {
                        { feedback(context, q, picked) }
                    }
                </div>
            } else {
                { answer_disclosure(context, q) }
            }
        </fieldset>
    }
}

/// One option: a radio button and its label (a 44 px target, the whole row).
fn option_item(
    context: &GuideContext,
    (q, option): (&'static QuizQuestion, &'static QuizOption),
    name: &str,
    picked: Option<&'static QuizOption>,
    on_pick: &Callback<(&'static str, &'static str)>,
) -> Html {
    let checked = picked.is_some_and(|p| p.id == option.id);
    let live = context.mode == RenderMode::Interactive;
    let onchange = on_pick.reform(move |_: Event| (q.id, option.id));
    let id = format!("{name}-{}", option.id);
    html! {
        <li key={option.id} class={classes!("kg-quiz-option", (live && checked).then_some("kg-quiz-picked"))}>
            <input type="radio" id={id.clone()} name={name.to_string()} value={option.id} {checked} {onchange} />
            <label for={id}>{ context.text(option.text) }</label>
        </li>
    }
}

/// Without the wasm: the right answer, its feedback (why it is right), and where the
/// guide says it, behind a disclosure.
fn answer_disclosure(context: &GuideContext, q: &'static QuizQuestion) -> Html {
    let ui = &context.guide().ui;
    html! {
        <details class="kg-quiz-answer">
            <summary>{ ui.understanding_show_answer }</summary>
            if let Some(correct) = q.correct_option() {
                <p><strong>{ text::ui(ui.understanding_answer, &[("answer", &context.text(correct.text))]) }</strong></p>
                <p class="kg-quiz-why">{ context.text(correct.feedback) }</p>
            }
            { see_also(context, q) }
        </details>
    }
}
