//! Keeps a widget's state and localStorage in step: saves every change, and takes
//! changes made in another tab (the `storage` event).

use crate::state::GuideState;
use yew::prelude::*;

/// Saves ticks and the procedure date whenever they change; reloads when the
/// `storage-key` changes or another tab writes the same key.
#[cfg(target_arch = "wasm32")]
#[hook]
pub fn use_persistence(state: &UseReducerHandle<GuideState>, storage_key: &str) {
    browser::use_sync(state, storage_key);
}

/// Server rendering has no storage: nothing to keep in step.
#[cfg(not(target_arch = "wasm32"))]
#[hook]
pub fn use_persistence(state: &UseReducerHandle<GuideState>, storage_key: &str) {
    let _ = (state, storage_key);
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use crate::state::Action;
    use crate::storage::{self, Loaded, Persistence};
    use gloo::events::EventListener;
    use std::cell::RefCell;
    use std::collections::BTreeSet;
    use std::rc::Rc;

    type Snapshot = (BTreeSet<String>, Option<String>, bool);

    #[hook]
    pub fn use_sync(state: &UseReducerHandle<GuideState>, storage_key: &str) {
        // What storage holds as far as we know: saving the same again is skipped,
        // so the first render never overwrites what it just loaded.
        let last = use_mut_ref(|| {
            Some((
                state.ticks.clone(),
                state.procedure_date.clone(),
                state.show_sources,
            ))
        });
        let key = storage_key.to_string();

        {
            // A new storage key after start: load that widget's list instead.
            let state = state.clone();
            let last = last.clone();
            let first = use_mut_ref(|| true);
            use_effect_with(key.clone(), move |key| {
                if !std::mem::replace(&mut *first.borrow_mut(), false) {
                    let (saved, persistence) = storage::load_initial(key);
                    let show = saved.show_sources.unwrap_or(true);
                    *last.borrow_mut() =
                        Some((saved.ticks.clone(), saved.procedure_date.clone(), show));
                    state.dispatch(Action::Restore {
                        ticks: saved.ticks,
                        procedure_date: saved.procedure_date,
                    });
                    state.dispatch(Action::SetShowSources(show));
                    state.dispatch(Action::SetPersistence(persistence));
                }
            });
        }
        {
            let state_for_save = state.clone();
            let last = last.clone();
            let key = key.clone();
            let snapshot: Snapshot = (
                state.ticks.clone(),
                state.procedure_date.clone(),
                state.show_sources,
            );
            use_effect_with(snapshot, move |snapshot| {
                if last.borrow().as_ref() != Some(snapshot) {
                    let saved =
                        storage::save(&key, &snapshot.0, snapshot.1.as_deref(), Some(snapshot.2));
                    *last.borrow_mut() = Some(snapshot.clone());
                    if !saved && state_for_save.persistence != Persistence::VisitOnly {
                        state_for_save.dispatch(Action::SetPersistence(Persistence::VisitOnly));
                    }
                }
            });
        }
        {
            let state = state.clone();
            use_effect_with(key, move |key| {
                let watched = storage::key(key);
                let key_for_listener = key.clone();
                let listener = Rc::new(RefCell::new(None::<EventListener>));
                if let Some(window) = web_sys::window() {
                    let l = EventListener::new(&window, "storage", move |event| {
                        use wasm_bindgen::JsCast;
                        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                            return;
                        };
                        if event.key().as_deref() != Some(watched.as_str()) {
                            return;
                        }
                        let saved = match event.new_value().map(|raw| (storage::decode(&raw), raw))
                        {
                            Some((Loaded::Data(saved), _)) => saved,
                            None => Default::default(),
                            Some((_, raw)) => {
                                // Another tab wrote something unreadable: keep it aside and put
                                // back what this tab shows, so a reload loses nothing.
                                storage::back_up(&key_for_listener, &raw);
                                if let Some((ticks, date, show)) = last.borrow().clone() {
                                    let _ = storage::save(
                                        &key_for_listener,
                                        &ticks,
                                        date.as_deref(),
                                        Some(show),
                                    );
                                }
                                return;
                            }
                        };
                        let show = saved.show_sources.unwrap_or(true);
                        *last.borrow_mut() =
                            Some((saved.ticks.clone(), saved.procedure_date.clone(), show));
                        state.dispatch(Action::Restore {
                            ticks: saved.ticks,
                            procedure_date: saved.procedure_date,
                        });
                        state.dispatch(Action::SetShowSources(show));
                    });
                    *listener.borrow_mut() = Some(l);
                }
                move || drop(listener.take())
            });
        }
    }
}
