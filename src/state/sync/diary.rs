//! Keeps the diary and its own localStorage key in step, like `hooks` does for the ticks:
//! saves every change, reloads when the `storage-key` changes, and takes what another tab
//! wrote (the `storage` event).

use crate::state::GuideState;
use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
#[hook]
pub fn use_diary_persistence(state: &UseReducerHandle<GuideState>, storage_key: &str) {
    browser::use_sync(state, storage_key);
}

/// Server rendering has no storage: nothing to keep in step.
#[cfg(not(target_arch = "wasm32"))]
#[hook]
pub fn use_diary_persistence(state: &UseReducerHandle<GuideState>, storage_key: &str) {
    let _ = (state, storage_key);
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use crate::diary::Diary;
    use crate::state::Action;
    use crate::storage::diary as store;
    use crate::storage::{Loaded, Persistence};
    use gloo::events::EventListener;
    use std::cell::RefCell;
    use std::rc::Rc;

    #[hook]
    pub fn use_sync(state: &UseReducerHandle<GuideState>, storage_key: &str) {
        // What storage holds as far as we know: the same diary is not saved again, so the
        // first render never rewrites what it just loaded.
        let last = use_mut_ref(|| Some(state.diary.clone()));
        let key = storage_key.to_string();
        {
            // A new storage key after start: that widget's diary instead.
            let (state, last) = (state.clone(), last.clone());
            let first = use_mut_ref(|| true);
            use_effect_with(key.clone(), move |key| {
                if !std::mem::replace(&mut *first.borrow_mut(), false) {
                    let (diary, persistence) = store::load_initial(key);
                    *last.borrow_mut() = Some(diary.clone());
                    state.dispatch(Action::RestoreDiary(diary));
                    state.dispatch(Action::SetDiaryPersistence(persistence));
                }
            });
        }
        {
            let (state_for_save, last, key) = (state.clone(), last.clone(), key.clone());
            use_effect_with(state.diary.clone(), move |diary| {
                if last.borrow().as_ref() != Some(diary) {
                    let saved = store::save(&key, diary);
                    *last.borrow_mut() = Some(diary.clone());
                    if !saved && state_for_save.diary_persistence != Persistence::VisitOnly {
                        state_for_save
                            .dispatch(Action::SetDiaryPersistence(Persistence::VisitOnly));
                    }
                }
            });
        }
        {
            let state = state.clone();
            use_effect_with(key, move |key| {
                let watched = store::key(key);
                let key = key.clone();
                let listener = Rc::new(RefCell::new(None::<EventListener>));
                if let Some(window) = web_sys::window() {
                    let l = EventListener::new(&window, "storage", move |event| {
                        use wasm_bindgen::JsCast;
                        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                            return;
                        };
                        // `key()` is null when another tab cleared all of the origin's storage.
                        let ours = match event.key() {
                            Some(k) => k == watched,
                            None => true,
                        };
                        if !ours {
                            return;
                        }
                        let diary = match event.new_value().map(|raw| (store::decode(&raw), raw)) {
                            Some((Loaded::Data(diary), _)) => diary,
                            None => Diary::default(),
                            Some((_, raw)) => {
                                // Another tab wrote something unreadable: keep it aside and put
                                // back what this tab shows, so a reload loses nothing.
                                store::back_up(&key, &raw);
                                if let Some(diary) = last.borrow().clone() {
                                    let _ = store::save(&key, &diary);
                                }
                                return;
                            }
                        };
                        *last.borrow_mut() = Some(diary.clone());
                        state.dispatch(Action::RestoreDiary(diary));
                    });
                    *listener.borrow_mut() = Some(l);
                }
                move || drop(listener.take())
            });
        }
    }
}
