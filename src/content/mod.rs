//! The guide's content: generated at build time from `content/` (see `build/`),
//! typed by [`model`], and filled with a practice's own values by [`text`].
//!
//! The bottom layer. May use: nothing else in the crate.

mod checklist;
#[cfg(not(target_arch = "wasm32"))]
pub mod evidence;
mod marker;
pub mod model;
#[cfg(test)]
mod plain_language;
#[cfg(test)]
mod readability;
mod registry;
mod section;
pub mod text;
mod understanding;

pub use checklist::{Checklist, TickKey};
pub use marker::{marker, VALUE_NAMES};
pub use model::*;
#[cfg(not(target_arch = "wasm32"))]
pub use registry::table as text_table;
pub use registry::{guide, is_loaded, load, TextError};
pub use section::Section;
pub use understanding::{QuizOption, QuizQuestion};

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// `lang` named in its own words ("Español"), known before its text is: the
/// language menu lists every language so.
pub fn language_name(lang: Lang) -> &'static str {
    LANGUAGE_NAMES
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or("", |(_, label)| label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_is_built_and_matches_its_tag() {
        assert_eq!(Lang::ALL.len(), LANG_COUNT);
        for lang in Lang::ALL {
            assert_eq!(guide(lang).lang, lang);
        }
    }

    #[test]
    fn steps_follow_the_procedure_scenes_in_order() {
        use Scene::*;
        let expected = [
            Fracture, Incision, Needle, Balloon, Inflate, Cavity, Cement, Closed,
        ];
        for lang in Lang::ALL {
            let scenes: Vec<Scene> = guide(lang).steps.iter().map(|s| s.scene).collect();
            assert_eq!(scenes, expected, "{lang:?}");
        }
    }

    #[test]
    fn tags_pick_the_language_a_patient_expects() {
        let cases = [
            ("en", Some(Lang::En)),
            ("EN-gb", Some(Lang::En)),
            ("es_MX", Some(Lang::Es)),
            ("zh", Some(Lang::ZhHans)),
            ("zh-CN", Some(Lang::ZhHans)),
            ("zh-SG", Some(Lang::ZhHans)),
            ("zh-Hans-HK", Some(Lang::ZhHans)),
            ("zh-TW", Some(Lang::ZhHans)),
            ("zh-Hant", Some(Lang::ZhHans)),
            ("vi-VN", Some(Lang::Vi)),
            ("ar-EG", Some(Lang::Ar)),
            ("fr", None),
            ("", None),
            ("-", None),
        ];
        for (tag, lang) in cases {
            assert_eq!(Lang::from_tag(tag), lang, "{tag:?}");
        }
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
            assert_eq!(lang.dir() == "rtl", lang == Lang::Ar, "{lang:?}");
            assert!(!language_name(lang).is_empty(), "{lang:?}");
        }
    }

    #[test]
    fn languages_hold_the_same_items() {
        let ids = |g: &Guide| {
            let mut ids: Vec<&str> = g.steps.iter().map(|s| s.id).collect();
            for group in g.before.iter().chain(g.aftercare) {
                ids.extend(group.items.iter().map(|i| i.id));
            }
            ids.extend(g.care_team.iter().chain(g.emergency).map(|w| w.id));
            ids.extend(g.glossary.iter().map(|t| t.id));
            ids
        };
        let en = guide(Lang::En);
        for lang in Lang::ALL {
            assert_eq!(ids(en), ids(guide(lang)), "{lang:?}");
        }
    }

    #[test]
    fn every_cited_source_is_listed() {
        for lang in Lang::ALL {
            let g = guide(lang);
            let cited = g.steps.iter().flat_map(|s| s.sources.iter());
            for id in cited.chain(g.disclaimer.sources) {
                assert!(g.source(id).is_some(), "{lang:?}: {id}");
            }
        }
    }

    #[test]
    fn emergency_signs_cover_the_content_notes_list() {
        // content-notes.md: every one of these belongs under "call emergency services".
        let ids: Vec<&str> = guide(Lang::En).emergency.iter().map(|w| w.id).collect();
        assert!(
            ids.len() >= 7,
            "only {} emergency signs: {ids:?}",
            ids.len()
        );
    }
}
