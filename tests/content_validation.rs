//! The build's content checks, proven to fail on bad files with a message that names
//! the file and the item (the build script runs the same code on `content/`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/content.rs"]
#[allow(dead_code)]
mod content;
#[path = "../build/evidence.rs"]
#[allow(dead_code)]
mod evidence;
#[path = "../build/schema.rs"]
#[allow(dead_code)]
mod schema;
#[path = "../build/shape.rs"]
#[allow(dead_code)]
mod shape;
#[path = "../build/understanding.rs"]
#[allow(dead_code)]
mod understanding;

use std::path::{Path, PathBuf};

/// A scratch copy of `content/`, so each test can break one thing.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("kg-content-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for lang in content::LANGS {
            std::fs::create_dir_all(dir.join(lang)).expect("mkdir");
            for file in content::FILES {
                let from = Path::new("content").join(lang).join(format!("{file}.toml"));
                std::fs::copy(&from, dir.join(lang).join(format!("{file}.toml"))).expect("copy");
            }
        }
        std::fs::create_dir_all(dir.join("evidence")).expect("mkdir");
        for file in content::statement_files() {
            let name = format!("{file}.toml");
            std::fs::copy(
                Path::new("content/evidence").join(&name),
                dir.join("evidence").join(&name),
            )
            .expect("copy");
        }
        Scratch(dir)
    }

    /// Changes `content/<dir>/<file>.toml`: a language's file, or (`dir` = "evidence") the
    /// locators of one file.
    fn edit(&self, dir: &str, file: &str, change: impl Fn(String) -> String) {
        let path = self.0.join(dir).join(format!("{file}.toml"));
        let text = std::fs::read_to_string(&path).expect("read");
        let changed = change(text.clone());
        assert_ne!(text, changed, "the edit must change {dir}/{file}");
        std::fs::write(path, changed).expect("write");
    }

    fn errors(&self) -> Vec<String> {
        match content::load_all(&self.0) {
            Ok(_) => Vec::new(),
            Err(errors) => errors,
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn assert_error(errors: &[String], needles: &[&str]) {
    assert!(
        errors.iter().any(|e| needles.iter().all(|n| e.contains(n))),
        "no error mentions {needles:?}; got {errors:#?}"
    );
}

#[test]
fn the_shipped_content_is_valid() {
    let errors = Scratch::new("valid").errors();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn malformed_toml_names_the_file() {
    let s = Scratch::new("malformed");
    s.edit("es", "steps", |t| t.replacen("[[step]]", "[[step]\n", 1));
    assert_error(&s.errors(), &["content/es/steps.toml", "not valid TOML"]);
}

#[test]
fn an_item_missing_in_one_language_is_named() {
    let s = Scratch::new("missing");
    s.edit("es", "warnings", |t| {
        let start = t.rfind("[[emergency.item]]").expect("an emergency item");
        t[..start].to_string()
    });
    assert_error(
        &s.errors(),
        &["content/es/warnings.toml", "emergency.item", "items"],
    );
}

#[test]
fn an_unknown_source_id_is_named_with_its_item() {
    let s = Scratch::new("source");
    s.edit("evidence", "glossary", |t| {
        let line = t
            .lines()
            .find(|l| l.starts_with("source = "))
            .expect("a locator");
        t.replacen(line, "source = \"made-up\"", 1)
    });
    let errors = s.errors();
    assert_error(
        &errors,
        &["content/en/glossary.toml", "unknown source id \"made-up\""],
    );
}

#[test]
fn an_unknown_parameter_is_named() {
    let s = Scratch::new("param");
    s.edit("en", "before", |t| {
        t.replacen("text = \"", "text = \"{surgeon_name} ", 1)
    });
    assert_error(
        &s.errors(),
        &[
            "content/en/before.toml",
            "group[0]",
            "unknown parameter {surgeon_name}",
        ],
    );
}

#[test]
fn an_empty_field_is_named() {
    let s = Scratch::new("empty");
    s.edit("es", "faq", |t| {
        let at = t.find("question = \"").expect("a question");
        let end = t[at + 12..].find('"').expect("closing quote") + at + 12;
        format!("{}question = \"\"{}", &t[..at], &t[end + 1..])
    });
    assert_error(
        &s.errors(),
        &["content/es/faq.toml", "question[0]", "empty text"],
    );
}

#[test]
fn a_misspelt_key_is_rejected() {
    let s = Scratch::new("key");
    s.edit("en", "risks", |t| t.replacen("title = ", "titel = ", 1));
    assert_error(&s.errors(), &["content/en/risks.toml"]);
}

#[test]
fn an_unknown_scene_is_named() {
    let s = Scratch::new("scene");
    s.edit("en", "steps", |t| {
        t.replacen("scene = \"fracture\"", "scene = \"explosion\"", 1)
    });
    s.edit("es", "steps", |t| {
        t.replacen("scene = \"fracture\"", "scene = \"explosion\"", 1)
    });
    assert_error(
        &s.errors(),
        &["content/en/steps.toml", "unknown scene \"explosion\""],
    );
}

#[test]
fn a_language_file_cannot_cite_on_its_own() {
    // Citations live in content/evidence/, shared by every language, so a translation
    // cannot rest on other sources than its English item.
    let s = Scratch::new("shared");
    s.edit("es", "steps", |t| {
        t.replacen("\nscene = ", "\nsources = [\"aans\"]\nscene = ", 1)
    });
    assert_error(
        &s.errors(),
        &["content/es/steps.toml", "unknown field `sources`"],
    );
}

#[test]
fn an_item_without_evidence_and_evidence_without_an_item_are_named() {
    let s = Scratch::new("no-evidence");
    s.edit("evidence", "visit", |t| {
        // Every locator of the first item goes, however many it has.
        let id = first_id(&t);
        let blocks: Vec<&str> = t.split("\n[[").collect();
        let kept: Vec<&str> = blocks
            .iter()
            .enumerate()
            .filter(|(i, block)| *i == 0 || !block.starts_with(&format!("{id}]]")))
            .map(|(_, block)| *block)
            .collect();
        format!(
            "{}\n[[no-such-question]]\nsource = \"aans\"\nsection = \"s\"\nstart = \"a\"\nend = \"b\"\n",
            kept.join("\n[[")
        )
    });
    let errors = s.errors();
    assert_error(&errors, &["content/evidence", "visit/", "no evidence"]);
    assert_error(
        &errors,
        &["content/evidence", "visit/no-such-question", "no such item"],
    );
}

#[test]
fn a_locator_quotes_no_more_than_four_words_at_each_end() {
    let s = Scratch::new("long-locator");
    s.edit("evidence", "risks", |t| {
        format!("{t}\n[[{}]]\nsource = \"aans\"\nsection = \"Risks\"\nstart = \"one two three four five\"\nend = \"x\"\n", first_id(&t))
    });
    assert_error(
        &s.errors(),
        &["content/evidence/risks.toml", "5 words", "1 to 4"],
    );
}

/// The first item key in an evidence file (`[[cement-leak]]` → `cement-leak`).
fn first_id(evidence: &str) -> String {
    let start = evidence.find("[[").expect("a locator") + 2;
    let end = evidence[start..].find("]]").expect("closed") + start;
    evidence[start..end].to_string()
}

#[test]
fn a_source_without_title_or_publisher_is_named() {
    let s = Scratch::new("no-title");
    s.edit("en", "sources", |t| {
        t.replacen(
            "title = \"Discharge Instructions for Kyphoplasty\"\n",
            "",
            1,
        )
        .replacen(
            "publisher = \"BayCare Health System, health library (US). No date shown.\"\n",
            "publisher = \"  \"\n",
            1,
        )
    });
    let errors = s.errors();
    assert_error(
        &errors,
        &[
            "content/en/sources.toml",
            "baycare-discharge",
            "has no title",
        ],
    );
    assert_error(
        &errors,
        &[
            "content/en/sources.toml",
            "baycare-discharge",
            "has no publisher",
        ],
    );
}

#[test]
fn a_link_that_is_not_https_is_named() {
    let s = Scratch::new("http-link");
    s.edit("en", "sources", |t| {
        t.replacen(
            "url = \"https://baycare.org/",
            "url = \"http://baycare.org/",
            1,
        )
    });
    s.edit("es", "sources", |t| {
        t.replacen(
            "url = \"https://baycare.org/",
            "url = \"http://baycare.org/",
            1,
        )
    });
    assert_error(
        &s.errors(),
        &[
            "content/en/sources.toml",
            "baycare-discharge",
            "not an https address",
        ],
    );
}

#[test]
fn citing_the_project_notes_is_refused() {
    let s = Scratch::new("notes");
    s.edit("evidence", "warnings", |t| {
        format!("{t}\n[[chest-pain]]\nsource = \"notes\"\nsection = \"s\"\nstart = \"a\"\nend = \"b\"\n")
    });
    for lang in ["en", "es", "zh-Hans", "vi", "ar"] {
        s.edit(lang, "sources", |t| {
            format!("{t}\n[[source]]\nid = \"notes\"\ntitle = \"Content notes\"\npublisher = \"This project.\"\n")
        });
    }
    let errors = s.errors();
    assert_error(
        &errors,
        &["content/en/warnings.toml", "chest-pain", "cites \"notes\""],
    );
    assert_error(
        &errors,
        &["content/en/sources.toml", "notes", "not a public document"],
    );
}

#[test]
fn a_translation_with_another_link_or_review_date_is_named() {
    let s = Scratch::new("review");
    s.edit("es", "sources", |t| {
        t.replacen("last_reviewed = \"", "last_reviewed = \"1", 1)
    });
    assert_error(
        &s.errors(),
        &["content/es/sources.toml", "review.last_reviewed"],
    );
}

/// "Check your understanding": a quiz that would teach the wrong thing stops the build.
#[path = "content_validation/understanding.rs"]
mod understanding_checks;

#[test]
fn a_translation_that_drops_a_placeholder_or_leaves_a_string_empty_is_named() {
    let s = Scratch::new("placeholder");
    s.edit("ar", "aftercare", |t| {
        // The first string that names the practice loses it (any language's wording).
        t.replacen("{practice_name}", "", 1)
    });
    s.edit("vi", "intro", |t| {
        let start = t.find("text = \"").expect("an intro text");
        let end = start + t[start + 8..].find('"').expect("its end") + 8;
        format!("{}text = \"\"{}", &t[..start], &t[end + 1..])
    });
    let errors = s.errors();
    assert_error(
        &errors,
        &["content/ar/aftercare.toml", "placeholders", "practice_name"],
    );
    assert_error(&errors, &["content/vi/intro.toml", "empty text"]);
}

#[test]
fn a_language_missing_a_file_is_named() {
    let s = Scratch::new("missing-file");
    std::fs::remove_file(s.0.join("zh-Hans").join("glossary.toml")).expect("remove");
    assert_error(
        &s.errors(),
        &["content/zh-Hans/glossary.toml", "cannot read"],
    );
}
