//! Recovery calendar: procedure-date arithmetic and the downloadable `.ics` file.
//!
//! Pure std Rust so it can be unit-tested natively and adds nothing to the wasm
//! beyond the code itself. Dates are the patient's local calendar dates (no time
//! zone): milestones are all-day events, which every calendar app shows on the
//! same day regardless of where the file is opened.
//!
//! May use: `content`.

mod date;
mod ics;
pub mod recovery;

pub use date::{utc_stamp, Date};
pub use ics::{build_ics, CalendarEvent};
