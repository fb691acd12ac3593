//! "Play the procedure": where the narrated walkthrough is, and what its controls ask.

/// The narrated walkthrough of the procedure ("Play the procedure"), live widget only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Walkthrough {
    #[default]
    Off,
    /// Reading the current step aloud (or waiting its reading time), then moving on.
    Playing,
    /// Stopped where it was; "Continue" goes on from there.
    Paused,
}

/// Why a walkthrough ended: the host event's `reason`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkEnd {
    /// It played the last step to the end.
    Finished,
    /// The patient pressed Stop.
    Stopped,
    /// The patient opened another part of the guide.
    Left,
}

impl WalkEnd {
    /// The word in the host event's detail.
    pub fn name(self) -> &'static str {
        match self {
            WalkEnd::Finished => "finished",
            WalkEnd::Stopped => "stopped",
            WalkEnd::Left => "left",
        }
    }
}

/// What the walkthrough's controls (and its narration) ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Walk {
    Start,
    Pause,
    Resume,
    Stop,
    /// The narration of step `from` (0-based) is over: go to the next step, or end
    /// after the last. Ignored unless playing on that step (a late timer, say).
    Advance {
        from: usize,
    },
}
