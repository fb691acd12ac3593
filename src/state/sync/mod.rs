//! Keeps the state and localStorage in step: every change saved, another tab's change taken.
//! Hooks for `App`; on the server there is no storage and they do nothing.

pub mod diary;
pub mod ticks;
