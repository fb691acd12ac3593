//! The plain-language limits every language keeps: short sentences, short paragraphs
//! (four sentences, or four sentences' length where a language splits them shorter: see
//! `ParagraphLimit`), checklist items no longer than a sentence.
//!
//! A reading-ease formula exists for English (Flesch-Kincaid) and Spanish
//! (Fernández-Huerta), checked in `readability`. Chinese, Vietnamese and Arabic have
//! no formula used and validated for patient text as widely as those two: Chinese
//! readability formulas count character strokes and word frequency from corpora this
//! crate does not carry, Vietnamese and Arabic ones are research tools without an agreed
//! "easy" score, and a syllable count means nothing for Chinese. Sentence length is the
//! one measure that carries across, so each language gets a ceiling in its own unit:
//! - English, Spanish, Arabic: words (Arabic joins "and", "the", "with" to the word,
//!   so its sentences hold fewer words than English, never more);
//! - Vietnamese: space-separated syllables, the only unit its spelling marks (a word
//!   is one or two of them), with a ceiling half again as high;
//! - Chinese: characters, each Han character one unit and each run of Latin letters or
//!   digits ("CT", "48") one unit; 40 is about what 20 English words become.

use super::readability::{paragraphs, sections, sentences};
use super::text::{content, PracticeValues};
use super::{guide, Lang};

/// How a language's sentence length is counted.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    Words,
    Syllables,
    Characters,
}

/// The unit and the most of them a sentence may hold. A new language must choose.
fn ceiling(lang: Lang) -> (Unit, usize) {
    match lang {
        Lang::En | Lang::Es | Lang::Ar => (Unit::Words, 20),
        Lang::Vi => (Unit::Syllables, 30),
        Lang::ZhHans => (Unit::Characters, 40),
    }
}

/// How long a paragraph may be. English and Spanish count sentences (four at most).
/// Chinese, Vietnamese and Arabic writers split one English sentence into two or three
/// short ones, which is the plain style those languages' patient materials use, so their
/// paragraphs are limited by the length of four full sentences in the language's unit.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ParagraphLimit {
    Sentences(usize),
    Length(usize),
}

/// The paragraph limit of `lang`: see [`ParagraphLimit`].
fn paragraph_limit(lang: Lang) -> ParagraphLimit {
    match lang {
        Lang::En | Lang::Es => ParagraphLimit::Sentences(4),
        Lang::Vi | Lang::ZhHans | Lang::Ar => ParagraphLimit::Length(4 * ceiling(lang).1),
    }
}

/// Whether `c` is a Han (Chinese) character.
fn is_han(c: char) -> bool {
    matches!(u32::from(c), 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// A sentence's length in `unit`.
fn length(text: &str, unit: Unit) -> usize {
    match unit {
        // A number counts as a word, as a reader meets it.
        Unit::Words | Unit::Syllables => text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count(),
        Unit::Characters => {
            let mut count = 0;
            let mut in_run = false;
            for c in text.chars() {
                if is_han(c) {
                    count += 1;
                    in_run = false;
                } else if c.is_alphanumeric() {
                    count += usize::from(!in_run);
                    in_run = true;
                } else {
                    in_run = false;
                }
            }
            count
        }
    }
}

#[test]
fn lengths_count_each_scripts_unit() {
    assert_eq!(length("Do not lift more than 10 lb.", Unit::Words), 7);
    assert_eq!(length("Không nâng vật nặng.", Unit::Syllables), 4);
    assert_eq!(length("术后48小时内不要开车。", Unit::Characters), 10);
    assert_eq!(length("做CT检查", Unit::Characters), 4);
    assert_eq!(length("لا تقود السيارة لمدة 48 ساعة.", Unit::Words), 6);
    let long_chinese = "您".repeat(41);
    assert!(length(&long_chinese, Unit::Characters) > ceiling(Lang::ZhHans).1);
}

#[test]
fn no_sentence_runs_past_its_languages_ceiling() {
    let mut long = Vec::new();
    for lang in Lang::ALL {
        let (unit, max) = ceiling(lang);
        for (name, text) in sections(guide(lang)) {
            for sentence in sentences(&text) {
                let count = length(sentence, unit);
                if count > max {
                    long.push(format!(
                        "{} {name}: {count} {unit:?}: {sentence}",
                        lang.tag()
                    ));
                }
            }
        }
    }
    assert!(
        long.is_empty(),
        "{} sentence(s) too long:\n{}",
        long.len(),
        long.join("\n")
    );
}

#[test]
fn paragraphs_keep_to_four_sentences_and_checklist_items_to_one_sentences_length() {
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let (unit, max) = ceiling(lang);
        for (id, text) in paragraphs(guide(lang)) {
            let said = sentences(&text);
            let too_long = match paragraph_limit(lang) {
                ParagraphLimit::Sentences(most) => said.len() > most,
                ParagraphLimit::Length(most) => {
                    said.iter().map(|s| length(s, unit)).sum::<usize>() > most
                }
            };
            if too_long {
                problems.push(format!("{} {id}: {} sentences", lang.tag(), said.len()));
            }
        }
        let g = guide(lang);
        for item in g
            .before
            .iter()
            .chain(g.aftercare)
            .flat_map(|group| group.items)
        {
            let count = length(&content(item.text, g, &PracticeValues::default()), unit);
            if count > max {
                problems.push(format!(
                    "{} checklist {}: {count} {unit:?}",
                    lang.tag(),
                    item.id
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
