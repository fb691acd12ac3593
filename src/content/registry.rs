//! Which languages' guides exist in this page, built by `assemble` from their text.
//!
//! Native builds (tests, the `static-guide` renderer) compile every language's text in.
//! The wasm compiles none: the loader hands over the text of the language the patient
//! reads (it came with that language's document), and a language switch downloads the
//! other. So `guide` can only answer for a language that has been loaded; asked for
//! another, it answers with one that has (the guide never shows an empty page).

use super::{assemble, Guide, Lang, LANG_COUNT, TEXT_COUNT, TEXT_FORMAT};

/// Why a text table was refused; the loader then keeps its document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextError {
    /// Made by another build of the guide: its strings would land in the wrong places.
    OtherBuild { found: String },
    /// Not the number of strings this build reads.
    WrongLength { found: usize },
}

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TextError::OtherBuild { found } => write!(
                f,
                "the guide's text file is from another version (format {found}, this one reads {TEXT_FORMAT}); serve the files of one build together"
            ),
            TextError::WrongLength { found } => write!(
                f,
                "the guide's text file has {found} strings where this version reads {TEXT_COUNT}"
            ),
        }
    }
}

fn index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// Checks a text table and builds its guide, once per language and page.
fn build(lang: Lang, format: &str, text: Vec<String>) -> Result<&'static Guide, TextError> {
    if format != TEXT_FORMAT {
        return Err(TextError::OtherBuild {
            found: format.chars().take(20).collect(),
        });
    }
    let found = text.len();
    let strings: Vec<&'static str> = text
        .into_iter()
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect();
    let table: Box<[&'static str; TEXT_COUNT]> = strings
        .into_boxed_slice()
        .try_into()
        .map_err(|_| TextError::WrongLength { found })?;
    Ok(Box::leak(Box::new(assemble(lang, Box::leak(table)))))
}

#[cfg(target_arch = "wasm32")]
mod loaded {
    use super::*;
    use std::cell::RefCell;

    thread_local! {
        static GUIDES: RefCell<[Option<&'static Guide>; LANG_COUNT]> =
            const { RefCell::new([None; LANG_COUNT]) };
    }

    /// Makes `lang` available from its text table (a second load of it is a no-op).
    pub fn load(lang: Lang, format: &str, text: Vec<String>) -> Result<(), TextError> {
        if is_loaded(lang) {
            return Ok(());
        }
        let guide = build(lang, format, text)?;
        GUIDES.with(|g| g.borrow_mut()[index(lang)] = Some(guide));
        Ok(())
    }

    /// Whether `lang`'s text is here, so switching to it needs no download.
    pub fn is_loaded(lang: Lang) -> bool {
        GUIDES.with(|g| g.borrow()[index(lang)].is_some())
    }

    /// The guide in `lang`, or in a language that is loaded.
    ///
    /// # Panics
    /// Before any language is loaded: `mount` loads one before it renders anything.
    pub fn guide(lang: Lang) -> &'static Guide {
        GUIDES.with(|g| {
            let g = g.borrow();
            g[index(lang)]
                .or_else(|| g.iter().flatten().next().copied())
                .expect("mount loads a language before anything renders")
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod loaded {
    use super::*;
    use crate::content::TEXTS;
    use std::sync::OnceLock;

    /// A language's compiled-in text table: the `static-guide` renderer writes it into
    /// that language's document for the wasm.
    pub fn table(lang: Lang) -> &'static [&'static str; TEXT_COUNT] {
        TEXTS[index(lang)]
    }

    /// Every language is compiled in natively; this still checks the table, as the wasm does.
    pub fn load(lang: Lang, format: &str, text: Vec<String>) -> Result<(), TextError> {
        build(lang, format, text).map(|_| ())
    }

    /// Natively every language is always here.
    pub fn is_loaded(lang: Lang) -> bool {
        let _ = lang;
        true
    }

    /// The guide in `lang`, built from the compiled-in text on first use.
    pub fn guide(lang: Lang) -> &'static Guide {
        static GUIDES: OnceLock<[&'static Guide; LANG_COUNT]> = OnceLock::new();
        GUIDES.get_or_init(|| {
            Lang::ALL.map(|lang| &*Box::leak(Box::new(assemble(lang, table(lang)))))
        })[index(lang)]
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use loaded::table;
pub use loaded::{guide, is_loaded, load};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::content::TEXT_ES;

    #[test]
    fn a_table_from_this_build_is_read() {
        for lang in Lang::ALL {
            let text: Vec<String> = table(lang).iter().map(|s| s.to_string()).collect();
            assert_eq!(load(lang, TEXT_FORMAT, text), Ok(()), "{lang:?}");
        }
    }

    #[test]
    fn a_table_from_another_build_or_cut_short_is_refused() {
        let text: Vec<String> = TEXT_ES.iter().map(|s| s.to_string()).collect();
        assert!(matches!(
            load(Lang::Es, "0123456789abcdef", text.clone()),
            Err(TextError::OtherBuild { .. })
        ));
        let short = text[..text.len() - 1].to_vec();
        assert_eq!(
            load(Lang::Es, TEXT_FORMAT, short),
            Err(TextError::WrongLength {
                found: TEXT_COUNT - 1
            })
        );
    }
}
