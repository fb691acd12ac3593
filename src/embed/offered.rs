//! Which languages a practice offers (`languages`) and which one a patient sees first
//! (`lang`, then the page's own `lang`, then English, always among those offered).
//! Apart from `config` because both rules are about languages and the loader applies
//! the same ones (`KINDS.languages`, `firstLanguage`).

use crate::content::{Lang, LANG_TAGS};

/// The languages a `languages` value names, in the practice's order (a menu of the
/// practice's choosing), and one warning for the tags this guide lacks. Nothing usable
/// means every language: a typo must not take a patient's language away.
pub fn read_languages(raw: Option<&str>) -> (Vec<Lang>, Option<String>) {
    let Some(raw) = raw else {
        return (Lang::ALL.to_vec(), None);
    };
    let mut offered = Vec::new();
    let mut unknown = Vec::new();
    for tag in raw
        .split([',', ' '])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        match Lang::from_tag(tag) {
            Some(lang) if !offered.contains(&lang) => offered.push(lang),
            Some(_) => {}
            None => unknown.push(tag.chars().take(20).collect::<String>()),
        }
    }
    if offered.is_empty() {
        let shown: String = raw.chars().take(60).collect();
        let warning = format!(
            "languages=\"{shown}\" names no language of this guide; offering all (known: {LANG_TAGS})"
        );
        return (Lang::ALL.to_vec(), Some(warning));
    }
    let warning = (!unknown.is_empty()).then(|| {
        let first: Vec<String> = unknown.iter().take(5).cloned().collect();
        format!(
            "languages: unknown tag(s) {} ignored (known: {LANG_TAGS})",
            first.join(", ")
        )
    });
    (offered, warning)
}

/// The first language shown: the `lang` attribute, else the page's `lang`, else
/// English, else the first offered, whichever is offered first in that order; and a
/// warning when the `lang` attribute names something that cannot be shown.
pub fn first_language(
    offered: &[Lang],
    attribute: Option<&str>,
    page: Option<&str>,
) -> (Lang, Option<String>) {
    let asked = attribute.map(|tag| (tag, Lang::from_tag(tag)));
    let warning = asked.and_then(|(tag, lang)| {
        let shown: String = tag.chars().take(60).collect();
        match lang {
            None => Some(format!(
                "lang=\"{shown}\" is not valid; using the page's language or English"
            )),
            Some(lang) if !offered.contains(&lang) => Some(format!(
                "lang=\"{shown}\" is not among the offered languages; using the page's language or English"
            )),
            Some(_) => None,
        }
    });
    let candidates = [
        asked.and_then(|(_, lang)| lang),
        page.and_then(Lang::from_tag),
        Some(Lang::En),
    ];
    let first = candidates
        .into_iter()
        .flatten()
        .find(|lang| offered.contains(lang))
        .or_else(|| offered.first().copied())
        .unwrap_or(Lang::En);
    (first, warning)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_read_in_the_practices_order_and_bad_tags_warn_once() {
        assert_eq!(read_languages(None), (Lang::ALL.to_vec(), None));
        let (offered, warning) = read_languages(Some("vi, zh-CN en vi"));
        assert_eq!(offered, vec![Lang::Vi, Lang::ZhHans, Lang::En]);
        assert_eq!(warning, None);
        let (offered, warning) = read_languages(Some("ar,klingon,,fr"));
        assert_eq!(offered, vec![Lang::Ar]);
        let warning = warning.unwrap_or_default();
        assert!(warning.contains("klingon, fr"), "{warning}");
    }

    #[test]
    fn nothing_valid_offers_every_language() {
        let (offered, warning) = read_languages(Some("xx yy"));
        assert_eq!(offered, Lang::ALL.to_vec());
        assert!(warning.is_some_and(|w| w.contains("offering all")));
    }

    #[test]
    fn the_first_language_is_lang_then_the_page_then_english_within_the_offer() {
        let all = Lang::ALL;
        assert_eq!(
            first_language(&all, Some("ar"), Some("vi")),
            (Lang::Ar, None)
        );
        assert_eq!(first_language(&all, None, Some("vi-VN")), (Lang::Vi, None));
        assert_eq!(first_language(&all, None, Some("de")), (Lang::En, None));
        let (lang, warning) = first_language(&all, Some("fr"), Some("zh"));
        assert_eq!(lang, Lang::ZhHans);
        assert!(warning.is_some());
        let only = [Lang::Vi, Lang::Ar];
        let (lang, warning) = first_language(&only, Some("es"), Some("en"));
        assert_eq!(lang, Lang::Vi);
        assert!(warning.is_some_and(|w| w.contains("not among")));
        assert_eq!(first_language(&only, None, Some("ar")), (Lang::Ar, None));
    }
}
