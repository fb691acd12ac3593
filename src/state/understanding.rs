//! The rules of "Check your understanding": which answers count, and the score the
//! host event reports. The answers are ids (see `storage::understanding`), checked here
//! against the quiz so a stale or foreign answer never counts.

use crate::content::QuizQuestion;
use crate::storage::understanding::Answers;

/// How far the patient got: the counts the host event carries, never the answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub answered: usize,
    pub correct: usize,
    pub total: usize,
}

/// The score of `answers` on `quiz`: only answers to its questions with its options count.
pub fn score(answers: &Answers, quiz: &[QuizQuestion]) -> Score {
    let mut score = Score {
        total: quiz.len(),
        ..Score::default()
    };
    for question in quiz {
        let picked = answers
            .picked
            .get(question.id)
            .and_then(|id| question.option(id));
        if let Some(option) = picked {
            score.answered += 1;
            if option.correct {
                score.correct += 1;
            }
        }
    }
    score
}

/// Records the patient's pick, if the question and the option are the quiz's own.
pub fn answer(answers: &mut Answers, quiz: &[QuizQuestion], question: &str, option: &str) {
    let known = quiz
        .iter()
        .find(|q| q.id == question)
        .is_some_and(|q| q.option(option).is_some());
    if known {
        answers
            .picked
            .insert(question.to_string(), option.to_string());
    }
}

/// Keeps only the answers this quiz can read (saved by an older quiz, or another tab's).
pub fn known(answers: Answers, quiz: &[QuizQuestion]) -> Answers {
    let mut kept = Answers::default();
    for (question, option) in &answers.picked {
        answer(&mut kept, quiz, question, option);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{guide, Lang, Section};
    use crate::state::{Action, GuideState};
    use std::rc::Rc;
    use yew::Reducible;

    fn quiz() -> &'static [QuizQuestion] {
        guide(Lang::En).understanding
    }

    fn state() -> Rc<GuideState> {
        Rc::new(GuideState::new(Lang::En, Section::Understanding, 0, 8))
    }

    fn answer_action(q: &QuizQuestion, correct: bool) -> Action {
        let option = q
            .options
            .iter()
            .find(|o| o.correct == correct)
            .expect("option");
        Action::Answer {
            question: q.id.to_string(),
            option: option.id.to_string(),
        }
    }

    #[test]
    fn answering_counts_what_is_right_and_a_new_pick_replaces_the_old() {
        let (first, second) = (&quiz()[0], &quiz()[1]);
        let s = state().reduce(answer_action(first, true));
        let s = s.reduce(answer_action(second, false));
        assert_eq!(
            score(&s.answers, quiz()),
            Score {
                answered: 2,
                correct: 1,
                total: quiz().len()
            }
        );
        let s = s.reduce(answer_action(second, true));
        assert_eq!(score(&s.answers, quiz()).correct, 2);
        assert_eq!(s.answers.picked.len(), 2);
    }

    #[test]
    fn unknown_questions_and_options_are_refused() {
        let s = state().reduce(Action::Answer {
            question: "no-such-question".into(),
            option: "x".into(),
        });
        let s = s.reduce(Action::Answer {
            question: quiz()[0].id.into(),
            option: "no-such-option".into(),
        });
        assert!(s.answers.is_empty());
    }

    #[test]
    fn start_again_and_clear_my_ticks_both_forget_the_answers() {
        let answered = state().reduce(answer_action(&quiz()[0], true));
        assert!(answered
            .clone()
            .reduce(Action::ClearAnswers)
            .answers
            .is_empty());
        assert!(answered.reduce(Action::ClearTicks).answers.is_empty());
    }

    #[test]
    fn restored_answers_keep_only_what_this_quiz_can_read() {
        let mut saved = Answers::default();
        saved.picked.insert("old-question".into(), "a".into());
        saved
            .picked
            .insert(quiz()[0].id.into(), "not-an-option".into());
        let right = quiz()[1].correct_option().expect("one is correct");
        saved.picked.insert(quiz()[1].id.into(), right.id.into());
        let s = state().reduce(Action::RestoreAnswers(saved));
        assert_eq!(s.answers.picked.len(), 1);
        assert_eq!(score(&s.answers, quiz()).correct, 1);
    }

    #[test]
    fn the_score_of_nothing_is_zero_of_every_question() {
        let none = score(&Answers::default(), quiz());
        assert_eq!(
            (none.answered, none.correct, none.total),
            (0, 0, quiz().len())
        );
    }
}
