//! A small drawing beside each aftercare group title, beside the key actions (the lifting
//! limit, ice, checking the cuts) and on the call buttons (PEMAT item 26: visual aids
//! that help a patient find and remember the actions).
//!
//! Decorative on purpose: the group title beside it already says what it means, so
//! the drawing is `aria-hidden` and has no text alternative of its own. Lines only,
//! in `currentColor`, so it follows the text colour in dark mode, in forced colours
//! and on a greyscale printout. A plain function, like `source_refs`: no state, so
//! no component lifecycle code in the wasm.

use yew::prelude::*;

/// The drawing for an aftercare group or a key action (by its item id, or `call`), or
/// nothing for one without a drawing.
pub fn pictogram(id: &str) -> Html {
    match shape(id) {
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
fn shape(id: &str) -> Option<Html> {
    if let Some(action) = action_shape(id) {
        return Some(action);
    }
    let shape = match id {
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

/// The key actions' drawings: aftercare items by id, and the call buttons.
fn action_shape(id: &str) -> Option<Html> {
    let shape = match id {
        // A box with an arrow up, struck through: no heavy lifting.
        "lifting" => html! { <>
            <rect x="5" y="13" width="14" height="8" rx="1" />
            <path d="M12 10V3M9 6l3-3 3 3M3 21 21 3" />
        </> },
        // A snowflake: ice.
        "ice" => {
            html! { <path d="M12 2v20M3.3 7l17.4 10M3.3 17 20.7 7M9.5 3.5 12 6l2.5-2.5M9.5 20.5 12 18l2.5 2.5" /> }
        }
        // A magnifying glass: look at the cuts.
        "check-cuts" => html! { <>
            <circle cx="10" cy="10" r="6" />
            <path d="M14.5 14.5 21 21" />
        </> },
        // A telephone handset: call.
        "call" => {
            html! { <path d="M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z" /> }
        }
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
    fn the_key_actions_have_their_drawings() {
        for lang in Lang::ALL {
            let g = guide(lang);
            let ids: Vec<&str> = g
                .aftercare
                .iter()
                .flat_map(|group| group.items)
                .map(|i| i.id)
                .collect();
            for action in ["lifting", "ice", "check-cuts"] {
                assert!(
                    ids.contains(&action),
                    "{lang:?}: no aftercare item {action}"
                );
                assert!(has_pictogram(action));
            }
        }
        assert!(has_pictogram("call"));
    }

    #[test]
    fn an_unknown_group_gets_none() {
        assert!(!has_pictogram("no-such-group"));
    }
}
