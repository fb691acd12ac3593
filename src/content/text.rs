//! Fills `{placeholders}` in content and interface text.
//!
//! Content may only use the practice parameters the build allows; interface strings
//! use their own named values ("Step {current} of {total}").

use super::{Guide, Lang, ParamDefaults};

/// The values a practice can set, already falling back to the language's defaults.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PracticeValues {
    pub practice_name: Option<String>,
    pub emergency_number: Option<String>,
    pub lifting_limit: Option<String>,
    pub follow_up: Option<String>,
    pub driving: Option<String>,
    pub return_to_work: Option<String>,
}

impl PracticeValues {
    /// The value for a placeholder name: the practice's, else the guide's default.
    pub fn resolve<'a>(&'a self, name: &str, defaults: &'a ParamDefaults) -> Option<&'a str> {
        let (set, default) = match name {
            "practice_name" => (&self.practice_name, defaults.practice_name),
            "emergency_number" => (&self.emergency_number, defaults.emergency_number),
            "lifting_limit" => (&self.lifting_limit, defaults.lifting_limit),
            "follow_up" => (&self.follow_up, defaults.follow_up),
            "driving" => (&self.driving, defaults.driving),
            "return_to_work" => (&self.return_to_work, defaults.return_to_work),
            _ => return None,
        };
        Some(set.as_deref().unwrap_or(default))
    }

    /// Whether the practice gave its own wording for a parameter (its timing then wins
    /// over the guide's default timing for that point).
    pub fn is_set(&self, name: &str) -> bool {
        match name {
            "lifting_limit" => self.lifting_limit.is_some(),
            "follow_up" => self.follow_up.is_some(),
            "driving" => self.driving.is_some(),
            "return_to_work" => self.return_to_work.is_some(),
            _ => false,
        }
    }

    /// The same values for a guide shown in another language than the practice wrote
    /// in: names and numbers stay, written instructions fall back to the guide's own.
    pub fn for_other_language(&self) -> PracticeValues {
        PracticeValues {
            practice_name: self.practice_name.clone(),
            emergency_number: self.emergency_number.clone(),
            ..PracticeValues::default()
        }
    }

    /// The emergency number to show and dial.
    pub fn emergency_number<'a>(&'a self, guide: &'a Guide) -> &'a str {
        self.emergency_number
            .as_deref()
            .unwrap_or(guide.params.emergency_number)
    }

    /// The practice's name, or the language's "your care team".
    pub fn practice_name<'a>(&'a self, guide: &'a Guide) -> &'a str {
        self.practice_name
            .as_deref()
            .unwrap_or(guide.params.practice_name)
    }
}

/// Replaces each `{name}` for which `lookup` has a value; leaves others as they are.
pub fn fill<'a>(template: &str, lookup: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match lookup(name) {
                    Some(value) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Fills content text with the practice's values (or the defaults); the emergency
/// number kept left to right (see [`ltr`]).
pub fn content(template: &str, guide: &Guide, values: &PracticeValues) -> String {
    let number = values
        .resolve("emergency_number", &guide.params)
        .map(|n| ltr(n, guide.lang));
    fill(template, |name| match name {
        "emergency_number" => number.as_deref(),
        _ => values.resolve(name, &guide.params),
    })
}

/// A phone number for text in `lang`, kept left to right. In right-to-left text a
/// number's spaces, hyphens and brackets would otherwise take the text's direction
/// and its groups come out in reverse ("0199 010 555 1+"); the Unicode isolates
/// (U+2066 … U+2069, the plain-text form of `<bdi dir="ltr">`) keep it whole wherever
/// the string goes: text, labels, the printed sheet. Left-to-right text needs nothing.
pub fn ltr(number: &str, lang: Lang) -> String {
    if lang.is_rtl() {
        format!("\u{2066}{number}\u{2069}")
    } else {
        number.to_string()
    }
}

/// Fills an interface string with named values, e.g. `[("current", "3")]`.
pub fn ui(template: &str, args: &[(&str, &str)]) -> String {
    fill(template, |name| {
        args.iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| *value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{guide, Lang};

    #[test]
    fn numbers_stay_left_to_right_in_right_to_left_text() {
        assert_eq!(ltr("+1 555 010 0199", Lang::En), "+1 555 010 0199");
        assert_eq!(ltr("911", Lang::Ar), "\u{2066}911\u{2069}");
        let g = guide(Lang::Ar);
        let filled = content("Call {emergency_number}.", g, &PracticeValues::default());
        assert_eq!(
            filled,
            format!("Call \u{2066}{}\u{2069}.", g.params.emergency_number)
        );
    }

    #[test]
    fn fills_named_values_and_keeps_unknown_ones() {
        assert_eq!(
            ui(
                "Step {current} of {total}",
                &[("current", "3"), ("total", "8")]
            ),
            "Step 3 of 8"
        );
        assert_eq!(ui("{missing} stays", &[]), "{missing} stays");
        assert_eq!(ui("unclosed { brace", &[]), "unclosed { brace");
    }

    #[test]
    fn practice_values_override_defaults() {
        let g = guide(Lang::En);
        let mut values = PracticeValues::default();
        assert_eq!(
            content("Call {emergency_number}.", g, &values),
            format!("Call {}.", g.params.emergency_number)
        );
        values.emergency_number = Some("112".into());
        values.practice_name = Some("Riverside Spine".into());
        assert_eq!(content("Call {emergency_number}.", g, &values), "Call 112.");
        assert_eq!(values.practice_name(g), "Riverside Spine");
    }

    #[test]
    fn every_content_placeholder_resolves() {
        let values = PracticeValues::default();
        for lang in Lang::ALL {
            let g = guide(lang);
            for step in g.steps {
                for text in step.body.iter().chain([&step.title, &step.alt]) {
                    assert!(
                        !content(text, g, &values).contains('{'),
                        "{lang:?} {}: {text}",
                        step.id
                    );
                }
            }
        }
    }
}
