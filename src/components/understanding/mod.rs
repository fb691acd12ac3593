//! "Check your understanding": a few multiple-choice questions, each with feedback at
//! once and a link to the part of the guide that says it (teach-back, done privately).
//!
//! Self-contained: it reads only the two contexts (`use_guide`, `use_guide_state`) and
//! its own content (`Guide::understanding`), so it can be mounted on its own. Without
//! the wasm (the document, the standalone page) each question keeps its answer behind a
//! `<details>`; the live widget shows feedback instead, announced politely.
//!
//! One component; its parts (a question, the feedback, "Start again") are functions in
//! their own files: every part re-renders with the answers anyway, and each further Yew
//! component would cost the wasm about a kilobyte.

mod feedback;
mod question;
mod start_again;

use super::context::{use_guide, use_guide_state, GuideContext, RenderMode};
use super::heading::Heading;
use crate::content::text;
use crate::embed::events::HostEvent;
use crate::state::understanding::{score, Score};
use crate::state::{Action, GuideState};
use crate::storage::Persistence;
use yew::prelude::*;

/// The whole part: heading, what it is for, the questions, the score and "Start again".
#[function_component(Understanding)]
pub fn understanding() -> Html {
    let context = use_guide();
    let state = use_guide_state();
    let g = context.guide();
    let ui = &g.ui;
    let quiz = g.understanding;
    let heading_ref = use_node_ref();
    // "Your answers are cleared", said once the button that did it has gone.
    let cleared = use_state(|| false);
    let live = context.mode == RenderMode::Interactive;
    let current = score(&state.answers, quiz);
    let on_pick = on_pick(&context, &state, &cleared);
    let notice = match state.answers_persistence {
        Persistence::Remembered => None,
        Persistence::VisitOnly => Some(ui.understanding_storage_visit_only),
        Persistence::ResetAfterUnreadable => Some(ui.understanding_storage_reset),
    };
    html! {
        <div class="kg-section kg-quiz" data-section="understanding" data-kg-island={crate::islands::Island::Understanding.marker()}>
            <Heading depth={1} focusable=true node_ref={heading_ref.clone()}>{ ui.section_understanding }</Heading>
            <p>{ ui.understanding_intro }</p>
            if !live {
                <p class="kg-quiz-how">{ ui.understanding_static }</p>
            }
            if let (true, Some(notice)) = (live, notice) {
                <p class="kg-notice" role="status">{ notice }</p>
            }
            <ol class="kg-quiz-list">
                { for quiz.iter().enumerate().map(|(i, q)| {
                    let picked = state.answers.picked.get(q.id).and_then(|id| q.option(id));
                    html! { <li key={q.id}>{ question::question(&context, (q, i + 1, quiz.len()), picked, &on_pick) }</li> }
                }) }
            </ol>
            if live && current.answered > 0 {
                { score_line(ui, current) }
            }
            if live {
                { start_again::start_again(&context, current, &heading_ref, &cleared) }
            }
        </div>
    }
}

/// What picking an option does: the state, and the host event with the new counts.
fn on_pick(
    context: &GuideContext,
    state: &UseReducerHandle<GuideState>,
    cleared: &UseStateHandle<bool>,
) -> Callback<(&'static str, &'static str)> {
    let (context, state, cleared) = (context.clone(), state.clone(), cleared.clone());
    Callback::from(move |(question, option): (&'static str, &'static str)| {
        let quiz = context.guide().understanding;
        let mut after = state.answers.clone();
        crate::state::understanding::answer(&mut after, quiz, question, option);
        let now = score(&after, quiz);
        cleared.set(false);
        context.dispatch(Action::Answer {
            question: question.to_string(),
            option: option.to_string(),
        });
        context.emit(HostEvent::Understanding {
            answered: now.answered,
            correct: now.correct,
            total: now.total,
        });
    })
}

/// "You answered 3 of 8 questions. 2 were right." and where to ask.
fn score_line(ui: &crate::content::Ui, current: Score) -> Html {
    html! {
        <p class="kg-quiz-score">
            { text::ui(ui.understanding_score, &[
                ("answered", &current.answered.to_string()),
                ("total", &current.total.to_string()),
                ("correct", &current.correct.to_string()),
            ]) }
            { " " }{ ui.understanding_ask }
        </p>
    }
}
