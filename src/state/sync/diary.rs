//! The pain diary and the questions, under their own key (`storage::diary`).

use super::Synced;
use crate::diary::Diary;
use crate::state::{Action, GuideState};
use crate::storage::Persistence;

impl Synced for Diary {
    fn of(state: &GuideState) -> Diary {
        state.diary.clone()
    }

    fn restore(self) -> Action {
        Action::RestoreDiary(self)
    }

    fn persistence(state: &GuideState) -> Persistence {
        state.diary_persistence
    }

    fn set_persistence(persistence: Persistence) -> Action {
        Action::SetDiaryPersistence(persistence)
    }
}
