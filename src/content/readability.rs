//! Reading-grade check for the English content (Flesch-Kincaid grade level).
//!
//! Patients often have low health literacy; plain-language guidance asks for US
//! grade 6 to 8; this guide aims for grade 6. The test prints every section's
//! grade and the whole guide's grade, and fails if any of them is above grade 6.

use super::text::{content, PracticeValues};
use super::{guide, Guide, Lang};

/// Flesch-Kincaid grade of a text.
pub fn grade(text: &str) -> f64 {
    let sentences = text
        .split(['.', '!', '?', ':', ';'])
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count()
        .max(1);
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '—')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let word_count = words.len().max(1) as f64;
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    0.39 * (word_count / sentences as f64) + 11.8 * (syllables as f64 / word_count) - 15.59
}

/// Vowel-group syllable estimate, with the common silent-e and -le rules.
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    if w.len() <= 3 {
        return 1;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut count = 0;
    let mut previous = false;
    for &c in &w {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    let n = w.len();
    let consonant_le = w[n - 2] == 'l' && !vowel(w[n - 3]);
    if w[n - 1] == 'e' && !consonant_le && count > 1 {
        count -= 1;
    }
    if n > 2
        && w[n - 2] == 'e'
        && (w[n - 1] == 'd' || w[n - 1] == 's')
        && !"td".contains(w[n - 3])
        && count > 1
    {
        count -= 1;
    }
    count.max(1)
}

// Long: a list of every section's text, one entry per section, read top to bottom.
/// Each section's English text, with the default practice values filled in.
pub fn sections(g: &Guide) -> Vec<(&'static str, String)> {
    let values = PracticeValues::default();
    let join = |parts: Vec<&str>| {
        parts
            .iter()
            .map(|t| {
                let filled = content(t, g, &values);
                let end = filled.trim_end();
                if end.ends_with(['.', '?', '!', ':']) {
                    filled
                } else {
                    format!("{end}.")
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let checklist = |groups: &[super::ChecklistGroup]| {
        let mut parts = Vec::new();
        for group in groups {
            for item in group.items {
                parts.push(item.text);
                parts.extend(item.detail);
            }
        }
        parts
    };
    vec![
        (
            "intro",
            join(
                g.key_points
                    .iter()
                    .map(|k| k.text)
                    .chain(g.intro.iter().map(|p| p.text))
                    .chain([g.disclaimer.text])
                    .collect(),
            ),
        ),
        (
            "steps",
            join(
                g.steps
                    .iter()
                    .flat_map(|s| s.body.iter().copied())
                    .collect(),
            ),
        ),
        ("before", join(checklist(g.before))),
        ("aftercare", join(checklist(g.aftercare))),
        (
            "timeline",
            join(g.timeline.iter().map(|m| m.text).collect()),
        ),
        (
            "warnings",
            join(
                g.care_team
                    .iter()
                    .chain(g.emergency)
                    .map(|w| w.text)
                    .collect(),
            ),
        ),
        ("risks", join(g.risks.iter().map(|t| t.text).collect())),
        (
            "benefits",
            join(g.benefits.iter().map(|t| t.text).collect()),
        ),
        ("faq", join(g.faq.iter().map(|q| q.answer).collect())),
        (
            "glossary",
            join(g.glossary.iter().map(|t| t.definition).collect()),
        ),
        (
            "visit",
            join(g.visit_questions.iter().map(|q| q.text).collect()),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_estimates_are_sensible() {
        assert_eq!(syllables("the"), 1);
        assert_eq!(syllables("needle"), 2);
        assert_eq!(syllables("balloon"), 2);
        assert_eq!(syllables("vertebra"), 3);
        assert_eq!(syllables("procedure"), 3);
        assert_eq!(syllables("anesthetic"), 4);
    }

    #[test]
    fn grade_separates_plain_from_dense_text() {
        let plain =
            grade("You lie on your front. The doctor numbs your back. It does not take long.");
        let dense = grade("Percutaneous vertebral augmentation necessitates fluoroscopic visualization of the pedicular trajectory throughout cannulation.");
        assert!(plain < 4.0, "{plain}");
        assert!(dense > 14.0, "{dense}");
    }

    /// Highest Flesch-Kincaid grade allowed, for each section and for the whole guide.
    const MAX_GRADE: f64 = 6.0;

    #[test]
    fn every_english_section_and_the_whole_guide_read_at_grade_six_or_below() {
        let mut too_hard = Vec::new();
        let sections = sections(guide(Lang::En));
        for (name, text) in &sections {
            let g = grade(text);
            println!("reading grade {name:>10}: {g:4.1}");
            if g > MAX_GRADE {
                too_hard.push(format!("{name} ({g:.1})"));
            }
        }
        let whole = sections
            .iter()
            .map(|(_, text)| text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let g = grade(&whole);
        println!("reading grade {:>10}: {g:4.1}", "all");
        if g > MAX_GRADE {
            too_hard.push(format!("the whole guide ({g:.1})"));
        }
        assert!(
            too_hard.is_empty(),
            "above grade {MAX_GRADE}: {}",
            too_hard.join(", ")
        );
    }
}
