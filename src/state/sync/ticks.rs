//! The ticks, the procedure date and the sources choice, saved together (`storage::Saved`).

use super::Synced;
use crate::state::{Action, GuideState};
use crate::storage::{Persistence, Saved, VERSION};

impl Synced for Saved {
    fn of(state: &GuideState) -> Saved {
        Saved {
            version: VERSION,
            ticks: state.ticks.clone(),
            procedure_date: state.procedure_date,
            show_sources: Some(state.show_sources),
        }
    }

    fn held(self) -> Saved {
        Saved {
            version: VERSION,
            show_sources: Some(self.show_sources.unwrap_or(true)),
            ..self
        }
    }

    fn restore(self) -> Action {
        Action::Restore(self)
    }

    fn persistence(state: &GuideState) -> Persistence {
        state.persistence
    }

    fn set_persistence(persistence: Persistence) -> Action {
        Action::SetPersistence(persistence)
    }
}
