//! "Check your understanding": the teach-back quiz's content, generated from
//! `content/<lang>/understanding.toml` (checked by `build/understanding.rs`).

use super::Section;

/// One answer a patient can pick.
#[derive(Debug, PartialEq)]
pub struct QuizOption {
    pub id: &'static str,
    pub text: &'static str,
    /// The build lets exactly one option of a question be correct.
    pub correct: bool,
    /// Shown when this option is picked: why it is right, or why not and what to do
    /// instead (the right option's is the question's "why").
    pub feedback: &'static str,
}

/// A multiple-choice question; each option carries its own feedback.
#[derive(Debug, PartialEq)]
pub struct QuizQuestion {
    pub id: &'static str,
    pub question: &'static str,
    pub options: &'static [QuizOption],
    /// The part of the guide that says it, so the patient can read more there.
    pub link: Section,
    /// The item of that part it rests on (empty when the link names the whole part).
    pub link_item: &'static str,
    pub sources: &'static [&'static str],
}

impl QuizQuestion {
    /// The right answer (the build guarantees there is exactly one).
    pub fn correct_option(&self) -> Option<&'static QuizOption> {
        self.options.iter().find(|o| o.correct)
    }

    /// The option with this id, if the question has it.
    pub fn option(&self, id: &str) -> Option<&'static QuizOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

#[cfg(test)]
mod tests {
    use crate::content::{guide, Lang, Section};

    #[test]
    fn every_question_has_one_correct_option_and_links_elsewhere_in_the_guide() {
        for lang in Lang::ALL {
            let quiz = guide(lang).understanding;
            assert!((6..=8).contains(&quiz.len()), "{lang:?}");
            for q in quiz {
                assert_eq!(
                    q.options.iter().filter(|o| o.correct).count(),
                    1,
                    "{}",
                    q.id
                );
                assert_ne!(q.link, Section::Understanding, "{}", q.id);
                for o in q.options {
                    assert!(!o.feedback.trim().is_empty(), "{}/{}", q.id, o.id);
                }
                assert!(!q.sources.is_empty(), "{}", q.id);
            }
        }
    }

    #[test]
    fn languages_share_questions_options_and_answers() {
        let shape = |lang| {
            guide(lang)
                .understanding
                .iter()
                .map(|q| {
                    let options: Vec<_> = q.options.iter().map(|o| (o.id, o.correct)).collect();
                    (q.id, options, q.link, q.link_item)
                })
                .collect::<Vec<_>>()
        };
        for lang in Lang::ALL {
            assert_eq!(shape(Lang::En), shape(lang), "{lang:?}");
        }
    }
}
