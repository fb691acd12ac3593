//! What an answer gets at once: right or not (in words, not colour alone), that option's
//! own feedback (why it is right, or why not and what to do instead), and a link to the
//! part of the guide that says it.

use crate::components::context::{GuideContext, RenderMode};
use crate::content::{text, QuizOption, QuizQuestion};
use yew::prelude::*;

/// The feedback for the option `picked` of the question `q`.
pub fn feedback(context: &GuideContext, q: &'static QuizQuestion, picked: &QuizOption) -> Html {
    let ui = &context.guide().ui;
    let (verdict, class, mark) = if picked.correct {
        (ui.understanding_right.to_string(), "kg-quiz-right", "✓")
    } else {
        let answer = q
            .correct_option()
            .map(|o| context.text(o.text))
            .unwrap_or_default();
        let verdict = text::ui(ui.understanding_not_quite, &[("answer", &answer)]);
        (verdict, "kg-quiz-wrong", "✗")
    };
    html! {
        <>
            <p class={classes!("kg-quiz-verdict", class)}>
                <span class="kg-quiz-mark" aria-hidden="true">{ mark }</span>
                <strong>{ verdict }</strong>
            </p>
            <p class="kg-quiz-why">{ context.text(picked.feedback) }</p>
            { see_also(context, q) }
        </>
    }
}

/// 'Read more in the part "Warning signs"': opens that part of the guide. A real link on the
/// standalone page (every part is on it), a link that opens the part in the live widget,
/// and in the document a button the loader opens the part from (`data-section`).
pub fn see_also(context: &GuideContext, q: &'static QuizQuestion) -> Html {
    let ui = &context.guide().ui;
    let section = q.link;
    // A practice that leaves that part out of `sections` gets no link to nowhere.
    if context.mode == RenderMode::Interactive && !context.config.sections.contains(&section) {
        return Html::default();
    }
    let label = text::ui(
        ui.understanding_read_more,
        &[("section", section.title(ui))],
    );
    let href = format!("#kg-{}", section.name());
    // The loader opens the part (and moves focus to its heading), before and after the
    // wasm: opening parts is its own. Live, a link, as the quiz's feedback reads.
    let content = match context.mode {
        RenderMode::Page => html! { <a class="kg-quiz-link" {href}>{ label }</a> },
        RenderMode::Interactive => html! {
            <a class="kg-quiz-link" {href} data-section={section.name()}>{ label }</a>
        },
        RenderMode::Document => html! {
            <button type="button" class="kg-quiz-link kg-link-button" data-section={section.name()}>{ label }</button>
        },
    };
    html! { <p class="kg-quiz-see">{ content }</p> }
}
