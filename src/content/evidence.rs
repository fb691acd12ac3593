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
    use Section::*;
    let mut out = Vec::new();
    for k in g.key_points {
        out.push(Cited::new(
            format!("intro/key-point/{}", k.id),
            Overview,
            "",
            vec![k.text],
        ));
    }
    for p in g.intro {
        out.push(Cited::new(
            format!("intro/{}", p.id),
            Overview,
            p.heading,
            vec![p.text],
        ));
    }
    for s in g.steps {
        let mut texts = s.body.to_vec();
        texts.push(s.alt);
        out.push(Cited::new(
            format!("steps/{}", s.id),
            Procedure,
            s.title,
            texts,
        ));
    }
    for (file, section, groups) in [
        ("before", Before, g.before),
        ("aftercare", Aftercare, g.aftercare),
    ] {
        for group in groups {
            for i in group.items {
                let texts = std::iter::once(i.text).chain(i.detail).collect();
                out.push(Cited::new(
                    format!("{file}/{}/{}", group.id, i.id),
                    section,
                    "",
                    texts,
                ));
            }
        }
    }
    for m in g.timeline {
        out.push(Cited::new(
            format!("timeline/{}", m.id),
            Aftercare,
            m.title,
            vec![m.text],
        ));
    }
    for w in g
        .care_team
        .iter()
        .chain(g.emergency)
        .chain([&g.unreachable])
    {
        out.push(Cited::new(
            format!("warnings/{}", w.id),
            Warnings,
            "",
            vec![w.text],
        ));
    }
    for (file, topics) in [("risks", g.risks), ("benefits", g.benefits)] {
        for t in topics {
            out.push(Cited::new(
                format!("{file}/{}", t.id),
                Risks,
                t.title,
                vec![t.text],
            ));
        }
    }
    for q in g.faq {
        out.push(Cited::new(
            format!("faq/{}", q.id),
            Questions,
            q.question,
            vec![q.answer],
        ));
    }
    for t in g.glossary {
        out.push(Cited::new(
            format!("glossary/{}", t.id),
            Questions,
            t.term,
            vec![t.definition],
        ));
    }
    for q in g.visit_questions {
        out.push(Cited::new(
            format!("visit/{}", q.id),
            Visit,
            "",
            vec![q.text],
        ));
    }
    out
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
