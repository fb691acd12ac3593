//! Writes the checked guides as Rust source (`$OUT_DIR/content.rs`).
//!
//! One language per visitor: the wasm must not carry every language's text. So the
//! guide is split in two:
//! - **the skeleton**, `assemble(lang, text)`: every language's guide has the same
//!   structure (the same items, ids, scenes and sources), so one function builds any
//!   of them. Strings that are the same in every language (ids, source ids, links)
//!   stay literals in it;
//! - **the text**, one table per language (`TEXT_EN`, …): every string that differs
//!   between languages, in the order `assemble` reads them. Native builds (tests, the
//!   `static-guide` renderer) compile the tables in; the renderer writes each into
//!   its language's document, and the wasm gets it from there at run time.
//!
//! `TEXT_FORMAT` fingerprints the skeleton, so a document from another build is refused
//! rather than read into the wrong fields.

use crate::content::{LANGS, RIGHT_TO_LEFT};
use crate::schema::*;
use std::fmt::Write;

/// Collects the strings of one language's guide, in order, leaving a numbered token
/// in the generated source where each goes.
#[derive(Default)]
struct Strings {
    values: Vec<String>,
}

/// Marks a string's place in the source; replaced once every language is seen.
const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';

impl Strings {
    fn s(&mut self, value: &str) -> String {
        self.values.push(value.to_string());
        format!("{OPEN}{}{CLOSE}", self.values.len() - 1)
    }

    fn opt(&mut self, value: &Option<String>) -> String {
        match value {
            Some(v) => format!("Some({})", self.s(v)),
            None => "None".into(),
        }
    }

    /// A list of text (paragraphs of a step): built at run time, so leaked.
    fn texts(&mut self, list: &[String]) -> String {
        let items: Vec<String> = list.iter().map(|v| self.s(v)).collect();
        format!("vec![{}].leak()", items.join(", "))
    }
}

/// Source ids are the same in every language: a literal slice, no run-time cost.
fn ids(list: &[String]) -> String {
    let items: Vec<String> = list.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", items.join(", "))
}

fn scene(name: &str) -> String {
    let mut chars = name.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('X');
    format!("Scene::{first}{}", chars.as_str())
}

/// `zh-Hans` → `ZhHans`: a tag as a Rust identifier.
fn variant_name(lang: &str) -> String {
    lang.split('-')
        .map(|part| {
            let mut chars = part.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('X');
            format!("{first}{}", chars.as_str())
        })
        .collect()
}

fn variant(lang: &str) -> String {
    format!("Lang::{}", variant_name(lang))
}

/// `zh-Hans` → `TEXT_ZH_HANS`, the name of a language's compiled-in text table.
fn table_name(lang: &str) -> String {
    format!("TEXT_{}", lang.replace('-', "_").to_ascii_uppercase())
}

/// The `Lang` enum, one variant per folder the build read (build/content.rs `LANGS`),
/// so adding a language is adding it there and its folder, nowhere else in Rust.
fn lang_enum(out: &mut String) {
    let _ = writeln!(out, "/// Every tag, space-separated, for messages (a literal: joining them at run time costs\n/// the wasm more).\npub const LANG_TAGS: &str = {:?};\n", LANGS.join(" "));
    out.push_str("/// A language the guide is written in: one per folder of `content/`.\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Lang {\n");
    for lang in LANGS {
        let _ = writeln!(out, "    /// `{lang}`\n    {},", variant_name(lang));
    }
    out.push_str("}\n\nimpl Lang {\n    /// Every shipped language, in the order the language menu lists them.\n    pub const ALL: [Lang; LANG_COUNT] = [");
    let all: Vec<String> = LANGS.iter().map(|l| variant(l)).collect();
    out.push_str(&all.join(", "));
    out.push_str("];\n\n    /// The BCP 47 tag, used for `lang` attributes, file names, dates and speech.\n    pub fn tag(self) -> &'static str {\n        match self {\n");
    for lang in LANGS {
        let _ = writeln!(out, "            {} => {lang:?},", variant(lang));
    }
    let rtl: Vec<String> = RIGHT_TO_LEFT.iter().map(|l| variant(l)).collect();
    let rtl = if rtl.is_empty() {
        "false".to_string()
    } else {
        format!("matches!(self, {})", rtl.join(" | "))
    };
    let _ = write!(out, "        }}\n    }}\n\n    /// Whether the language is written right to left (its guide mirrors).\n    pub fn is_rtl(self) -> bool {{\n        {rtl}\n    }}\n}}\n\n");
}

fn groups(t: &mut Strings, groups: &[Group]) -> String {
    let mut out = String::from("vec![");
    for g in groups {
        let _ = write!(
            out,
            "ChecklistGroup {{ id: {}, title: {}, items: vec![",
            t.s(&g.id),
            t.s(&g.title)
        );
        for i in &g.item {
            let _ = write!(
                out,
                "ChecklistItem {{ id: {}, text: {}, detail: {}, sources: {} }},",
                t.s(&i.id),
                t.s(&i.text),
                t.opt(&i.detail),
                ids(&i.sources)
            );
        }
        out.push_str("].leak() },");
    }
    out.push_str("].leak()");
    out
}

fn warnings(t: &mut Strings, list: &[Warning]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|w| {
            format!(
                "WarningSign {{ id: {}, text: {}, sources: {} }}",
                t.s(&w.id),
                t.s(&w.text),
                ids(&w.sources)
            )
        })
        .collect();
    format!("vec![{}].leak()", items.join(", "))
}

fn topics(t: &mut Strings, list: &[Topic]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|topic| {
            format!(
                "Topic {{ id: {}, title: {}, text: {}, sources: {}, signs: {} }}",
                t.s(&topic.id),
                t.s(&topic.title),
                t.s(&topic.text),
                ids(&topic.sources),
                ids(&topic.signs)
            )
        })
        .collect();
    format!("vec![{}].leak()", items.join(", "))
}

/// One language's guide as a Rust expression, its strings replaced by tokens. The parts
/// are written in the order of the `Guide` struct; the tokens are numbered in that order.
fn guide_expr(guide: &Guide, t: &mut Strings) -> String {
    let mut out = String::from("Guide {\n    lang,\n");
    interface_and_sources(&mut out, guide, t);
    introduction_and_steps(&mut out, guide, t);
    care(&mut out, guide, t);
    reference(&mut out, guide, t);
    out.push('}');
    out
}

/// `    {name}: vec![`, one line per item, then `    ].leak(),`.
fn list<T>(out: &mut String, name: &str, items: &[T], mut line: impl FnMut(&T) -> String) {
    let _ = writeln!(out, "    {name}: vec![");
    for item in items {
        let _ = writeln!(out, "        {},", line(item));
    }
    out.push_str("    ].leak(),\n");
}

/// The interface strings, the sources, the review and the parameters' defaults.
fn interface_and_sources(out: &mut String, guide: &Guide, t: &mut Strings) {
    out.push_str("    ui: Ui {\n");
    for (key, value) in &guide.ui {
        let _ = writeln!(out, "        {key}: {},", t.s(value));
    }
    out.push_str("    },\n");
    list(out, "sources", &guide.sources, |s| {
        let year = s.year.map_or("None".into(), |y| format!("Some({y})"));
        format!(
            "Source {{ id: {}, title: {}, publisher: {}, year: {year}, url: {} }}",
            t.s(&s.id),
            t.s(&s.title),
            t.s(&s.publisher),
            t.opt(&s.url)
        )
    });
    let _ = writeln!(
        out,
        "    review: Review {{ version: {}, last_reviewed: {}, next_review: {} }},",
        t.s(&guide.review.version),
        t.s(&guide.review.last_reviewed),
        t.s(&guide.review.next_review)
    );
    out.push_str("    params: ParamDefaults {\n");
    for p in crate::content::PARAMS {
        let value = guide.params.get(*p).map(String::as_str).unwrap_or_default();
        let _ = writeln!(out, "        {p}: {},", t.s(value));
    }
    out.push_str("    },\n");
}

/// The key points, the introduction, the disclaimer and the procedure's steps.
fn introduction_and_steps(out: &mut String, guide: &Guide, t: &mut Strings) {
    list(out, "key_points", &guide.key_points, |k| {
        format!(
            "KeyPoint {{ id: {}, text: {}, sources: {} }}",
            t.s(&k.id),
            t.s(&k.text),
            ids(&k.sources)
        )
    });
    list(out, "intro", &guide.intro, |p| {
        format!(
            "Paragraph {{ id: {}, heading: {}, text: {}, sources: {} }}",
            t.s(&p.id),
            t.s(&p.heading),
            t.s(&p.text),
            ids(&p.sources)
        )
    });
    let _ = writeln!(
        out,
        "    disclaimer: Statement {{ text: {}, sources: {} }},",
        t.s(&guide.disclaimer.text),
        ids(&guide.disclaimer.sources)
    );
    list(out, "steps", &guide.steps, |s| {
        format!(
            "Step {{ id: {}, scene: {}, title: {}, body: {}, alt: {}, sources: {} }}",
            t.s(&s.id),
            scene(&s.scene),
            t.s(&s.title),
            t.texts(&s.body),
            t.s(&s.alt),
            ids(&s.sources)
        )
    });
}

/// Before and after: the checklists, the timeline, the warning signs, risks and benefits.
fn care(out: &mut String, guide: &Guide, t: &mut Strings) {
    let _ = writeln!(out, "    before: {},", groups(t, &guide.before));
    let _ = writeln!(out, "    aftercare: {},", groups(t, &guide.aftercare));
    list(out, "timeline", &guide.timeline, |m| {
        let offset = m
            .offset_hours
            .map_or("None".into(), |h| format!("Some({h})"));
        format!(
            "Milestone {{ id: {}, offset_hours: {offset}, title: {}, text: {}, sources: {} }}",
            t.s(&m.id),
            t.s(&m.title),
            t.s(&m.text),
            ids(&m.sources)
        )
    });
    let _ = writeln!(out, "    care_team: {},", warnings(t, &guide.care_team));
    let _ = writeln!(out, "    emergency: {},", warnings(t, &guide.emergency));
    let _ = writeln!(
        out,
        "    unreachable: WarningSign {{ id: {}, text: {}, sources: {} }},",
        t.s(&guide.unreachable.id),
        t.s(&guide.unreachable.text),
        ids(&guide.unreachable.sources)
    );
    let _ = writeln!(out, "    risks: {},", topics(t, &guide.risks));
    let _ = writeln!(out, "    benefits: {},", topics(t, &guide.benefits));
}

/// The questions and answers, the glossary and the questions to ask at the visit.
fn reference(out: &mut String, guide: &Guide, t: &mut Strings) {
    list(out, "faq", &guide.faq, |q| {
        format!(
            "Question {{ id: {}, question: {}, answer: {}, sources: {} }}",
            t.s(&q.id),
            t.s(&q.question),
            t.s(&q.answer),
            ids(&q.sources)
        )
    });
    list(out, "glossary", &guide.glossary, |term| {
        format!(
            "Term {{ id: {}, term: {}, definition: {}, sources: {} }}",
            t.s(&term.id),
            t.s(&term.term),
            t.s(&term.definition),
            ids(&term.sources)
        )
    });
    list(out, "visit_questions", &guide.visit_questions, |q| {
        format!(
            "AskQuestion {{ id: {}, text: {}, sources: {} }}",
            t.s(&q.id),
            t.s(&q.text),
            ids(&q.sources)
        )
    });
    let quiz = crate::understanding::expr(guide, &mut |value| t.s(value));
    let _ = writeln!(out, "    understanding: {quiz},");
}

/// The skeleton and the text tables: each token becomes a literal when every language
/// has the same string there, else `t[n]`, the n-th entry of the language's table.
struct Split {
    skeleton: String,
    tables: Vec<Vec<String>>,
}

fn split(guides: &[Guide]) -> Result<Split, String> {
    let mut shapes = Vec::new();
    for guide in guides {
        let mut strings = Strings::default();
        let expr = guide_expr(guide, &mut strings);
        shapes.push((expr, strings.values));
    }
    let (reference, _) = &shapes[0];
    for (guide, (expr, _)) in guides.iter().zip(&shapes).skip(1) {
        if expr != reference {
            let line = reference
                .lines()
                .zip(expr.lines())
                .find(|(a, b)| a != b)
                .map(|(a, b)| format!("\n  {}: {a}\n  {}: {b}", guides[0].lang, guide.lang))
                .unwrap_or_default();
            return Err(format!(
                "content/{} does not have the same items as content/{} (every language needs the same ids, sources and optional parts):{line}",
                guide.lang, guides[0].lang
            ));
        }
    }
    let mut tables = vec![Vec::new(); guides.len()];
    let mut skeleton = String::new();
    let mut rest = reference.as_str();
    while let Some(open) = rest.find(OPEN) {
        skeleton.push_str(&rest[..open]);
        let after = &rest[open + OPEN.len_utf8()..];
        let close = after.find(CLOSE).ok_or("unclosed string token")?;
        let index: usize = after[..close].parse().map_err(|_| "bad string token")?;
        let values: Vec<&String> = shapes.iter().map(|(_, v)| &v[index]).collect();
        if values.iter().all(|v| *v == values[0]) {
            let _ = write!(skeleton, "{:?}", values[0]);
        } else {
            let _ = write!(skeleton, "t[{}]", tables[0].len());
            for (table, value) in tables.iter_mut().zip(values) {
                table.push(value.clone());
            }
        }
        rest = &after[close + CLOSE.len_utf8()..];
    }
    skeleton.push_str(rest);
    Ok(Split { skeleton, tables })
}

/// FNV-1a: a stable fingerprint of the skeleton, not a security hash.
fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// Each language's text table as JSON (`$OUT_DIR/text-<lang>.json`), the form the
/// wasm reads, for the browser tests that mount the widget without a loader.
pub fn text_json(guides: &[Guide]) -> Result<Vec<(String, String)>, String> {
    let Split { tables, .. } = split(guides)?;
    Ok(guides
        .iter()
        .zip(tables)
        .map(|(g, table)| {
            (
                g.lang.clone(),
                serde_json::to_string(&table).unwrap_or_default(),
            )
        })
        .collect())
}

/// The generated module: the `Ui` string table type, `assemble`, and the text tables.
pub fn render(guides: &[Guide]) -> Result<String, String> {
    let Split { skeleton, tables } = split(guides)?;
    let count = tables[0].len();
    let mut out = String::from("// @generated by build/codegen.rs from content/. Do not edit.\n\n");
    out.push_str("/// Interface strings (buttons, headings, labels), one field per key of `content/<lang>/ui.toml`.\n");
    out.push_str("#[derive(Debug, PartialEq)]\n#[allow(missing_docs)]\npub struct Ui {\n");
    for key in guides[0].ui.keys() {
        let _ = writeln!(out, "    pub {key}: &'static str,");
    }
    out.push_str("}\n\n");
    let _ = writeln!(out, "/// How many strings each language's text table holds.\npub const TEXT_COUNT: usize = {count};");
    let _ = writeln!(out, "/// Fingerprint of the skeleton: a text table made for another build is refused.\npub const TEXT_FORMAT: &str = {:?};", fingerprint(&skeleton));
    out.push_str("/// Each language named in its own words (\"Español\"), so the language menu can\n/// list it before that language's text is downloaded.\npub const LANGUAGE_NAMES: [(Lang, &str); LANG_COUNT] = [\n");
    for guide in guides {
        let name = guide
            .ui
            .get("language_name")
            .map(String::as_str)
            .unwrap_or_default();
        let _ = writeln!(out, "    ({}, {name:?}),", variant(&guide.lang));
    }
    out.push_str("];\n\n");
    lang_enum(&mut out);
    out.push_str("/// Builds one language's guide from its text table. Called once per language and\n/// page; the guide lives as long as the page, so its parts are leaked, not freed.\n");
    out.push_str("#[allow(clippy::too_many_lines)]\npub fn assemble(lang: Lang, t: &'static [&'static str; TEXT_COUNT]) -> Guide {\n");
    out.push_str(&skeleton);
    out.push_str("\n}\n\n");
    for (guide, table) in guides.iter().zip(&tables) {
        let name = table_name(&guide.lang);
        let _ = writeln!(
            out,
            "/// The text of the guide in `{}` (native builds only: the wasm downloads it).",
            guide.lang
        );
        let _ = writeln!(
            out,
            "#[cfg(not(target_arch = \"wasm32\"))]\npub static {name}: [&str; TEXT_COUNT] = ["
        );
        for value in table {
            let _ = writeln!(out, "    {value:?},");
        }
        out.push_str("];\n\n");
    }
    let _ = writeln!(out, "/// Every language the build found, matching `Lang::ALL`.\npub const LANG_COUNT: usize = {};", LANGS.len());
    let tables: Vec<String> = LANGS
        .iter()
        .map(|l| format!("&{}", table_name(l)))
        .collect();
    let _ = writeln!(out, "/// Each language's text table, in `Lang::ALL` order (native builds only).\n#[cfg(not(target_arch = \"wasm32\"))]\npub static TEXTS: [&[&str; TEXT_COUNT]; LANG_COUNT] = [{}];", tables.join(", "));
    out.push_str(&evidence_table(&guides[0]));
    Ok(out)
}

/// The locators of every statement, the same in every language: native builds only
/// (the evidence pack is written at build time; the wasm never shows it).
fn evidence_table(guide: &Guide) -> String {
    let mut out = String::from(
        "/// The passages each statement rests on, by `<file>/<item key>` (see `content/evidence/`).\n#[cfg(not(target_arch = \"wasm32\"))]\npub static EVIDENCE: &[(&str, &[Locator])] = &[\n",
    );
    for (key, locators) in &guide.evidence {
        let list: Vec<String> = locators
            .iter()
            .map(|l| {
                format!(
                    "Locator {{ source: {:?}, section: {:?}, start: {:?}, end: {:?} }}",
                    l.source, l.section, l.start, l.end
                )
            })
            .collect();
        let _ = writeln!(out, "    ({key:?}, &[{}]),", list.join(", "));
    }
    out.push_str("];\n");
    out
}
