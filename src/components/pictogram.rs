//! A small drawing beside each aftercare group title (PEMAT item 26: visual aids
//! that help a patient find and remember the actions).
//!
//! Decorative on purpose: the group title beside it already says what it means, so
//! the drawing is `aria-hidden` and has no text alternative of its own. Lines only,
//! in `currentColor`, so it follows the text colour in dark mode, in forced colours
//! and on a greyscale printout. A plain function, like `source_refs`: no state, so
//! no component lifecycle code in the wasm.

use yew::prelude::*;

/// The drawing for an aftercare group id, or nothing for a group without one.
pub fn pictogram(group_id: &str) -> Html {
    match shape(group_id) {
        Some(shape) => html! {
            <svg class="kg-pictogram" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true"
                focusable="false" fill="none" stroke="currentColor" stroke-width="2"
                stroke-linecap="round" stroke-linejoin="round">
                { shape }
            </svg>
        },
        None => Html::default(),
    }
}

/// Whether a group has a drawing (the content test checks every aftercare group does).
pub fn has_pictogram(group_id: &str) -> bool {
    shape(group_id).is_some()
}

/// The lines of each drawing, on a 24 by 24 grid.
fn shape(group_id: &str) -> Option<Html> {
    let shape = match group_id {
        // An adhesive bandage, across the box.
        "wound-care" => html! { <>
            <rect x="2" y="8" width="20" height="8" rx="4" transform="rotate(-45 12 12)" />
            <rect x="9.5" y="9.5" width="5" height="5" transform="rotate(-45 12 12)" />
        </> },
        // A person walking.
        "activity" => html! { <>
            <circle cx="14" cy="4" r="2" />
            <path d="M13 7 11 14 14 17 14 21M11 14 9 18 6 20M12.5 9 16 11.5M12.5 9 9 11.5" />
        </> },
        // A capsule.
        "pain-and-medicines" => html! { <>
            <rect x="3" y="8.5" width="18" height="7" rx="3.5" transform="rotate(-45 12 12)" />
            <path d="M9.5 9.5 14.5 14.5" />
        </> },
        // A house.
        "at-home" => html! { <path d="M3 11 12 3l9 8M5.5 9v12h13V9M10 21v-6h4v6" /> },
        // A calendar page with a tick.
        "follow-up" => html! { <>
            <rect x="3" y="5" width="18" height="16" rx="2" />
            <path d="M3 10h18M8 3v4M16 3v4M8.5 15.5 11 18l4.5-5" />
        </> },
        _ => return None,
    };
    Some(shape)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{guide, Lang};

    #[test]
    fn every_aftercare_group_has_a_pictogram() {
        for lang in Lang::ALL {
            for group in guide(lang).aftercare {
                assert!(has_pictogram(group.id), "{lang:?}: {}", group.id);
            }
        }
    }

    #[test]
    fn an_unknown_group_gets_none() {
        assert!(!has_pictogram("no-such-group"));
    }
}
