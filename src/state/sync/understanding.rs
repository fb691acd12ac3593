//! The quiz's answers, under their own key (`storage::understanding`).

use super::Synced;
use crate::state::{Action, GuideState};
use crate::storage::understanding::Answers;
use crate::storage::Persistence;

impl Synced for Answers {
    fn of(state: &GuideState) -> Answers {
        state.answers.clone()
    }

    fn restore(self) -> Action {
        Action::RestoreAnswers(self)
    }

    fn persistence(state: &GuideState) -> Persistence {
        state.answers_persistence
    }

    fn set_persistence(persistence: Persistence) -> Action {
        Action::SetAnswersPersistence(persistence)
    }
}
