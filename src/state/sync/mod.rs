//! Keeps the state and localStorage in step: every change saved, a new `storage-key`
//! loaded, another tab's change taken (the `storage` event). One hook, [`use_sync`], for
//! each kind of saved data ([`Synced`]: the ticks, the diary); on the server there is no
//! storage and it does nothing.

mod diary;
mod ticks;
mod understanding;

use super::{Action, GuideState};
use crate::storage::{Persistence, Record};
use yew::prelude::*;

/// Saved data that mirrors part of the state.
pub trait Synced: Record + Clone + PartialEq + 'static {
    /// This data as the state holds it now.
    fn of(state: &GuideState) -> Self;
    /// What puts saved data into the state.
    fn restore(self) -> Action;
    /// The data as the state holds it once restored (defaults filled in), so what was
    /// just loaded is not taken for a change and saved again.
    fn held(self) -> Self {
        self
    }
    /// Whether this data is being remembered, as the state says.
    fn persistence(state: &GuideState) -> Persistence;
    /// What records how well this data is remembered.
    fn set_persistence(persistence: Persistence) -> Action;
}

/// Keeps the ticks (with the date and the sources choice) and the diary in step with
/// their keys for `storage_key`. `unsaved_ticks`: the first state holds ticks the
/// patient made in the loader's document before the wasm arrived, which storage does
/// not hold yet, so the first render saves them (a patient who leaves then loses none).
#[hook]
pub fn use_storage_sync(
    state: &UseReducerHandle<GuideState>,
    storage_key: &str,
    unsaved_ticks: bool,
) {
    use_sync::<crate::storage::Saved>(state, storage_key, unsaved_ticks);
    use_sync::<crate::diary::Diary>(state, storage_key, false);
    use_sync::<crate::storage::understanding::Answers>(state, storage_key, false);
}

#[cfg(not(target_arch = "wasm32"))]
#[hook]
fn use_sync<T: Synced>(state: &UseReducerHandle<GuideState>, storage_key: &str, unsaved: bool) {
    let _ = (state, storage_key, unsaved);
}

#[cfg(target_arch = "wasm32")]
#[hook]
fn use_sync<T: Synced>(state: &UseReducerHandle<GuideState>, storage_key: &str, unsaved: bool) {
    // What storage holds as far as we know: the same data is not saved again, so the
    // first render never rewrites what it just loaded (unless the first state holds
    // more than storage, `unsaved`).
    let last = use_mut_ref(|| (!unsaved).then(|| T::of(state)));
    browser::use_reload_on_new_key::<T>(state, storage_key, &last);
    browser::use_save::<T>(state, storage_key, &last);
    browser::use_other_tabs::<T>(state, storage_key, &last);
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use crate::storage::{self, Loaded};
    use gloo::events::EventListener;
    use std::cell::RefCell;
    use std::rc::Rc;

    type Last<T> = Rc<RefCell<Option<T>>>;

    /// A new storage key after start: that widget's data instead.
    #[hook]
    pub fn use_reload_on_new_key<T: Synced>(
        state: &UseReducerHandle<GuideState>,
        storage_key: &str,
        last: &Last<T>,
    ) {
        let (state, last) = (state.clone(), last.clone());
        let loaded_for = use_mut_ref(|| storage_key.to_string());
        use_effect_with(storage_key.to_string(), move |key| {
            if *loaded_for.borrow() != *key {
                *loaded_for.borrow_mut() = key.clone();
                let (data, persistence) = storage::load_initial::<T>(key);
                *last.borrow_mut() = Some(data.clone().held());
                state.dispatch(data.restore());
                state.dispatch(T::set_persistence(persistence));
            }
        });
    }

    /// Saves every change; says "visit only" once when the browser refuses.
    #[hook]
    pub fn use_save<T: Synced>(
        state: &UseReducerHandle<GuideState>,
        storage_key: &str,
        last: &Last<T>,
    ) {
        let (handle, last, key) = (state.clone(), last.clone(), storage_key.to_string());
        use_effect_with(T::of(state), move |data| {
            if last.borrow().as_ref() != Some(data) {
                let saved = storage::save(&key, data);
                *last.borrow_mut() = Some(data.clone());
                if !saved && T::persistence(&handle) != Persistence::VisitOnly {
                    handle.dispatch(T::set_persistence(Persistence::VisitOnly));
                }
            }
        });
    }

    /// Takes what another tab wrote under the same key.
    #[hook]
    pub fn use_other_tabs<T: Synced>(
        state: &UseReducerHandle<GuideState>,
        storage_key: &str,
        last: &Last<T>,
    ) {
        let (state, last) = (state.clone(), last.clone());
        use_effect_with(storage_key.to_string(), move |key| {
            let key = key.clone();
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "storage", move |event| {
                    use wasm_bindgen::JsCast;
                    if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
                        take_change::<T>(&state, &key, &last, event);
                    }
                })
            });
            move || drop(listener)
        });
    }

    fn take_change<T: Synced>(
        state: &UseReducerHandle<GuideState>,
        key: &str,
        last: &Last<T>,
        event: &web_sys::StorageEvent,
    ) {
        // `key()` is null when another tab cleared all of the origin's storage.
        if event.key().is_some_and(|k| k != T::key(key)) {
            return;
        }
        let data = match event.new_value().map(|raw| (T::decode(&raw), raw)) {
            Some((Loaded::Data(data), _)) => data,
            None => T::default(),
            Some((_, raw)) => {
                // Another tab wrote something unreadable: keep it aside and put back what
                // this tab shows, so a reload loses nothing.
                storage::back_up::<T>(key, &raw);
                if let Some(data) = last.borrow().clone() {
                    let _ = storage::save(key, &data);
                }
                return;
            }
        };
        *last.borrow_mut() = Some(data.clone().held());
        state.dispatch(data.restore());
    }
}
