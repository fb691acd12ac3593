//! Reading checks: Flesch-Kincaid grade for English, Fernández-Huerta for Spanish; the
//! plain-language limits every language keeps (sentences, paragraphs, checklist items)
//! are in `plain_language`.
//!
//! Patients often have low health literacy; plain-language guidance asks for US
//! grade 6 to 8; this guide aims for grade 6 in English and a Fernández-Huerta score
//! of 80 or more ("fairly easy") in Spanish. The tests print every section's score and
//! the whole guide's, and fail past those limits.

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

/// Fernández-Huerta reading ease of a Spanish text, in its corrected form (as textstat
/// and the INFLESZ literature compute it): 206.84 − 0.60·P − 1.02·L, with P the syllables
/// per 100 words and L the words per sentence. 80 and above reads as "fairly easy".
pub fn fernandez_huerta(text: &str) -> f64 {
    let sentences = sentences(text).len().max(1) as f64;
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '—')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let count = words.len().max(1) as f64;
    let syllables: usize = words.iter().map(|w| syllables_es(w)).sum();
    206.84 - 0.60 * (syllables as f64 * 100.0 / count) - 1.02 * (count / sentences)
}

/// Spanish syllables: one per vowel group, where two strong vowels (a, e, o) or an
/// accented weak one (í, ú) start a new syllable (hiatus), as in "le-er" and "dí-a".
pub fn syllables_es(word: &str) -> usize {
    let letters: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let strong = |c: char| "aeoáéó".contains(c);
    let vowel = |c: char| "aeiouáéíóúü".contains(c);
    let mut count = 0;
    let mut previous: Option<char> = None;
    for (i, &c) in letters.iter().enumerate() {
        // "qu" and "gu" before e or i: the u is silent, part of the consonant.
        let silent_u = c == 'u'
            && i > 0
            && "qg".contains(letters[i - 1])
            && letters.get(i + 1).is_some_and(|n| "eéií".contains(*n));
        if !vowel(c) || silent_u {
            previous = None;
            continue;
        }
        let new_syllable = match previous {
            None => true,
            Some(p) => (strong(p) && strong(c)) || "íú".contains(c) || "íú".contains(p),
        };
        if new_syllable {
            count += 1;
        }
        previous = Some(c);
    }
    count.max(1)
}

/// Where a sentence (or a clause a reader pauses at) ends: the Latin marks, and
/// Chinese's full-width and Arabic's own question mark and semicolon.
pub(super) const SENTENCE_ENDS: [char; 11] =
    ['.', '!', '?', ':', ';', '。', '！', '？', '：', '；', '؟'];

/// The sentences of a text, split where `grade` splits them (and at the other
/// scripts' marks, which English and Spanish text never holds).
pub(super) fn sentences(text: &str) -> Vec<&str> {
    text.split(SENTENCE_ENDS)
        .map(str::trim)
        .filter(|s| s.chars().any(char::is_alphabetic))
        .collect()
}

/// Every paragraph of running text (intro, step bodies, timeline, risks, answers), by id.
pub(super) fn paragraphs(g: &Guide) -> Vec<(String, String)> {
    let values = PracticeValues::default();
    let fill = |t: &str| content(t, g, &values);
    let mut out: Vec<(String, String)> = g
        .intro
        .iter()
        .map(|p| (p.id.to_string(), fill(p.text)))
        .collect();
    for s in g.steps {
        out.extend(s.body.iter().map(|b| (s.id.to_string(), fill(b))));
    }
    out.extend(g.timeline.iter().map(|m| (m.id.to_string(), fill(m.text))));
    out.extend(
        g.risks
            .iter()
            .chain(g.benefits)
            .map(|t| (t.id.to_string(), fill(t.text))),
    );
    out.extend(g.faq.iter().map(|q| (q.id.to_string(), fill(q.answer))));
    out.extend(g.understanding.iter().flat_map(|q| {
        q.options
            .iter()
            .map(move |o| (format!("{}/{}", q.id, o.id), fill(o.feedback)))
    }));
    out
}

/// The quiz's words a patient reads: each question, its options, and their feedback.
fn understanding(g: &Guide) -> Vec<&'static str> {
    g.understanding
        .iter()
        .flat_map(|q| {
            std::iter::once(q.question).chain(q.options.iter().flat_map(|o| [o.text, o.feedback]))
        })
        .collect()
}

// Long: a list of every section's text, one entry per section, read top to bottom.
/// Each section's text, with the default practice values filled in.
pub fn sections(g: &Guide) -> Vec<(&'static str, String)> {
    let values = PracticeValues::default();
    let join = |parts: Vec<&str>| {
        parts
            .iter()
            .map(|t| {
                let filled = content(t, g, &values);
                let end = filled.trim_end();
                if end.ends_with(SENTENCE_ENDS) {
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
                    .chain([&g.unreachable])
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
        ("understanding", join(understanding(g))),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lowest Fernández-Huerta score allowed for a Spanish section (80: "fairly easy").
    const MIN_FERNANDEZ_HUERTA: f64 = 80.0;

    #[test]
    fn every_spanish_section_scores_eighty_or_more_on_fernandez_huerta() {
        let mut too_hard = Vec::new();
        for (name, text) in sections(guide(Lang::Es)) {
            let score = fernandez_huerta(&text);
            println!("Fernández-Huerta {name:>10}: {score:5.1}");
            if score < MIN_FERNANDEZ_HUERTA {
                too_hard.push(format!("{name} ({score:.1})"));
            }
        }
        assert!(
            too_hard.is_empty(),
            "under {MIN_FERNANDEZ_HUERTA}: {}",
            too_hard.join(", ")
        );
    }

    #[test]
    fn spanish_syllables_and_scores_are_sensible() {
        assert_eq!(syllables_es("casa"), 2);
        assert_eq!(syllables_es("médula"), 3);
        assert_eq!(syllables_es("vértebra"), 3);
        assert_eq!(syllables_es("cuidado"), 3, "ui is one diphthong");
        assert_eq!(syllables_es("procedimiento"), 5);
        assert_eq!(syllables_es("cemento"), 3);
        assert_eq!(syllables_es("día"), 2, "an accented i breaks the diphthong");
        assert_eq!(
            syllables_es("leer"),
            2,
            "two strong vowels are two syllables"
        );
        let plain = fernandez_huerta("Usted se va a su casa hoy. No maneje. Tome sus pastillas.");
        let dense = fernandez_huerta("La cifoplastia percutánea con balón intravertebral restablece considerablemente la altura vertebral comprometida.");
        assert!(plain > 80.0, "{plain}");
        assert!(dense < 40.0, "{dense}");
    }

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
