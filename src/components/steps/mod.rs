//! The stepper island: the procedure step by step, its illustration's controls, the
//! step list, the walkthrough and reading aloud.

pub mod narration;
pub mod procedure;
pub mod read_aloud;
pub mod step_list;
pub mod stepper;
pub mod walkthrough;
