//! What an answer gets at once: right or not (in words, not colour alone), why, and a
//! link to the part of the guide that says it.

use crate::components::context::{use_guide, RenderMode};
use crate::components::section_nav::section_title;
use crate::content::{text, QuizOption, QuizQuestion};
use crate::embed::events::HostEvent;
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FeedbackProps {
    pub question: &'static QuizQuestion,
    pub picked: &'static QuizOption,
}

/// The feedback for the option picked.
#[function_component(Feedback)]
pub fn feedback(props: &FeedbackProps) -> Html {
    let context = use_guide();
    let ui = &context.guide().ui;
    let q = props.question;
    let verdict = if props.picked.correct {
        ui.understanding_right.to_string()
    } else {
        let answer = q
            .correct_option()
            .map(|o| context.text(o.text))
            .unwrap_or_default();
        text::ui(ui.understanding_not_quite, &[("answer", &answer)])
    };
    let class = if props.picked.correct {
        "kg-quiz-right"
    } else {
        "kg-quiz-wrong"
    };
    html! {
        <>
            <p class={classes!("kg-quiz-verdict", class)}>
                <span class="kg-quiz-mark" aria-hidden="true">{ if props.picked.correct { "✓" } else { "✗" } }</span>
                <strong>{ verdict }</strong>
            </p>
            <p>{ context.text(q.why) }</p>
            <SeeAlso question={q} />
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct SeeAlsoProps {
    pub question: &'static QuizQuestion,
}

/// "Read more in Warning signs": opens that part of the guide. A real link on the
/// standalone page (every part is on it), a link that opens the part in the live widget,
/// and in the document a button the loader opens the part from (`data-section`).
#[function_component(SeeAlso)]
pub fn see_also(props: &SeeAlsoProps) -> Html {
    let context = use_guide();
    let ui = &context.guide().ui;
    let section = props.question.link;
    // A practice that leaves that part out of `sections` gets no link to nowhere.
    if context.mode == RenderMode::Interactive && !context.config.sections.contains(&section) {
        return Html::default();
    }
    let label = text::ui(
        ui.understanding_read_more,
        &[("section", section_title(ui, section))],
    );
    let href = format!("#kg-{}", section.name());
    let content = match context.mode {
        RenderMode::Page => html! { <a class="kg-quiz-link" {href}>{ label }</a> },
        RenderMode::Document => html! {
            <button type="button" class="kg-quiz-link kg-link-button" data-section={section.name()}>{ label }</button>
        },
        RenderMode::Interactive => {
            let context = context.clone();
            let onclick = Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                context.dispatch(Action::OpenAndFocus(section));
                context.emit(HostEvent::Section {
                    name: section.name(),
                });
            });
            html! { <a class="kg-quiz-link" {href} {onclick}>{ label }</a> }
        }
    };
    html! { <p class="kg-quiz-see">{ content }</p> }
}
