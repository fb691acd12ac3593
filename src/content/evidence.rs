//! The guide as a clinician reviews it: every statement in reading order, each with the
//! passages it rests on (`content/evidence/`, shared by every language). Native builds
//! only: the evidence pack is written at build time and the wasm never carries it.

use super::{Guide, Locator, Section, EVIDENCE};

/// One statement of the guide and where it stands.
#[derive(Debug)]
pub struct Cited {
    /// Its key in `content/evidence/`: `<file>/<item key>`, as the build names it.
    pub key: String,
    /// The part of the guide that shows it.
    pub section: Section,
    /// Its heading or title, where it has one; empty for a checklist item or a sign.
    pub label: &'static str,
    /// Its text, one or more paragraphs, placeholders still in.
    pub texts: Vec<&'static str>,
}

impl Cited {
    fn new(key: String, section: Section, label: &'static str, texts: Vec<&'static str>) -> Cited {
        Cited {
            key,
            section,
            label,
            texts,
        }
    }

    /// The passages this statement rests on.
    pub fn locators(&self) -> &'static [Locator] {
        locators(&self.key)
    }
}

/// The passages the statement with `key` rests on (none for the disclaimer).
pub fn locators(key: &str) -> &'static [Locator] {
    EVIDENCE
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(&[], |(_, locators)| *locators)
}

/// Every statement, in the order a patient meets them.
pub fn statements(g: &'static Guide) -> Vec<Cited> {
    let mut out = Vec::new();
    overview_and_steps(g, &mut out);
    checklists(g, &mut out);
    care(g, &mut out);
    reference(g, &mut out);
    understanding(g, &mut out);
    out
}

/// "Check your understanding": each question with its right answer and every option's
/// feedback (a wrong option's feedback teaches what to do instead, so it is a claim too).
fn understanding(g: &'static Guide, out: &mut Vec<Cited>) {
    out.extend(g.understanding.iter().map(|q| {
        let texts = std::iter::once(q.question)
            .chain(q.correct_option().map(|o| o.text))
            .chain(q.options.iter().map(|o| o.feedback))
            .collect();
        Cited::new(
            format!("understanding/{}", q.id),
            Section::Understanding,
            "",
            texts,
        )
    }));
}

/// The key points, the introduction and the procedure's steps (body and picture text).
fn overview_and_steps(g: &'static Guide, out: &mut Vec<Cited>) {
    use Section::{Overview, Procedure};
    out.extend(g.key_points.iter().map(|k| {
        Cited::new(
            format!("intro/key-point/{}", k.id),
            Overview,
            "",
            vec![k.text],
        )
    }));
    out.extend(
        g.intro
            .iter()
            .map(|p| Cited::new(format!("intro/{}", p.id), Overview, p.heading, vec![p.text])),
    );
    out.extend(g.steps.iter().map(|s| {
        let texts = s.body.iter().copied().chain([s.alt]).collect();
        Cited::new(format!("steps/{}", s.id), Procedure, s.title, texts)
    }));
}

/// Both checklists, item by item, each with its detail.
fn checklists(g: &'static Guide, out: &mut Vec<Cited>) {
    use Section::{Aftercare, Before};
    for (file, section, groups) in [
        ("before", Before, g.before),
        ("aftercare", Aftercare, g.aftercare),
    ] {
        for group in groups {
            out.extend(group.items.iter().map(|i| {
                let texts = std::iter::once(i.text).chain(i.detail).collect();
                Cited::new(format!("{file}/{}/{}", group.id, i.id), section, "", texts)
            }));
        }
    }
}

/// The recovery timeline, the warning signs, the risks and the benefits.
fn care(g: &'static Guide, out: &mut Vec<Cited>) {
    use Section::{Aftercare, Risks, Warnings};
    out.extend(g.timeline.iter().map(|m| {
        Cited::new(
            format!("timeline/{}", m.id),
            Aftercare,
            m.title,
            vec![m.text],
        )
    }));
    let signs = g
        .care_team
        .iter()
        .chain(g.emergency)
        .chain([&g.unreachable]);
    out.extend(signs.map(|w| Cited::new(format!("warnings/{}", w.id), Warnings, "", vec![w.text])));
    for (file, topics) in [("risks", g.risks), ("benefits", g.benefits)] {
        out.extend(
            topics
                .iter()
                .map(|t| Cited::new(format!("{file}/{}", t.id), Risks, t.title, vec![t.text])),
        );
    }
}

/// The questions people ask, the glossary and the questions for the visit.
fn reference(g: &'static Guide, out: &mut Vec<Cited>) {
    use Section::{Questions, Visit};
    out.extend(g.faq.iter().map(|q| {
        Cited::new(
            format!("faq/{}", q.id),
            Questions,
            q.question,
            vec![q.answer],
        )
    }));
    out.extend(g.glossary.iter().map(|t| {
        Cited::new(
            format!("glossary/{}", t.id),
            Questions,
            t.term,
            vec![t.definition],
        )
    }));
    out.extend(
        g.visit_questions
            .iter()
            .map(|q| Cited::new(format!("visit/{}", q.id), Visit, "", vec![q.text])),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{guide, Lang};

    #[test]
    fn every_statement_has_its_evidence_and_every_locator_a_statement() {
        let cited = statements(guide(Lang::En));
        for c in &cited {
            assert!(!c.locators().is_empty(), "{}: no evidence", c.key);
        }
        for (key, _) in EVIDENCE {
            assert!(
                cited.iter().any(|c| c.key == *key),
                "{key}: evidence for no statement"
            );
        }
    }

    #[test]
    fn each_statement_lists_the_sources_its_locators_name() {
        let g = guide(Lang::En);
        let cited = statements(g);
        let warning = cited
            .iter()
            .find(|c| c.key.starts_with("warnings/"))
            .expect("a sign");
        let sign = g
            .care_team
            .iter()
            .chain(g.emergency)
            .find(|w| warning.key.ends_with(w.id));
        let named: Vec<&str> = warning.locators().iter().map(|l| l.source).collect();
        for source in sign.expect("its sign").sources {
            assert!(named.contains(source), "{source} cited without a locator");
        }
    }
}
