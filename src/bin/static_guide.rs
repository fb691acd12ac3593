//! Writes the guide without the WebAssembly, from the same components as the widget.
//! `static-guide <out dir>` writes, for each language:
//! - `kyphoplasty-guide-en.json`: the document the loader shows at once (see
//!   `kyphoplasty_guide_core::document`);
//! - `kyphoplasty-guide-rest-en.json`: the document's parts hidden at first, which
//!   the loader asks for after the first paint (`document::split`);
//! - `kyphoplasty-guide-text-en.json`: that language's text table, which only the wasm
//!   reads, so the loader fetches it with the wasm, after the document has painted;
//! - `guide-en.html`: the whole guide as a standalone page (linking
//!   `kyphoplasty-guide.css` beside it), for search engines and links;
//! - `evidence-en.html`: the evidence pack, every statement with the passages it rests
//!   on, for the clinician who reviews the guide for a practice.
//!
//! `--attributes FILE` and `--languages FILE` also write what the build stamps into
//! the loader: the attributes' rules, and the languages (tag, own name, direction), so
//! the loader's list is the Rust one.

use kyphoplasty_guide_core::components::evidence_pack::{EvidencePack, EvidencePackProps};
use kyphoplasty_guide_core::components::static_guide::{StaticGuide, StaticGuideProps};
use kyphoplasty_guide_core::content::{self, guide, Lang};
use kyphoplasty_guide_core::document;
use kyphoplasty_guide_core::embed::attributes;
use kyphoplasty_guide_core::Config;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = PathBuf::from(args.first().cloned().unwrap_or_else(|| "dist".into()));
    // `--attributes FILE`: also write the attribute rules the loader is stamped with.
    if let Some(path) = args
        .iter()
        .position(|a| a == "--attributes")
        .and_then(|i| args.get(i + 1))
    {
        write(std::path::Path::new(path), attributes::ATTRIBUTES_JSON);
    }
    if let Some(path) = args
        .iter()
        .position(|a| a == "--languages")
        .and_then(|i| args.get(i + 1))
    {
        write(std::path::Path::new(path), &languages_json());
    }
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(runtime) => runtime,
        Err(error) => fail(&format!("cannot start a runtime: {error}")),
    };
    for lang in Lang::ALL {
        write_document(&runtime, &out, lang);
        write_page(&runtime, &out, lang);
        write_evidence(&runtime, &out, lang);
    }
}

/// Every language as the loader needs it before any text is here: its tag, its name in
/// its own words (the language menu), and its direction.
fn languages_json() -> String {
    let list: Vec<serde_json::Value> = Lang::ALL
        .iter()
        .map(|lang| {
            serde_json::json!({
                "tag": lang.tag(),
                "name": content::language_name(*lang),
                "dir": lang.dir(),
            })
        })
        .collect();
    serde_json::Value::Array(list).to_string()
}

/// `kyphoplasty-guide-<lang>.json`: the document the loader shows, and beside it
/// `kyphoplasty-guide-text-<lang>.json`, the language's text table for the wasm.
fn write_document(runtime: &tokio::runtime::Runtime, out: &std::path::Path, lang: Lang) {
    let html = runtime.block_on(document::render(lang));
    let tree = match document::to_tree(&html, lang) {
        Ok(tree) => tree,
        Err(error) => fail(&format!("the {} document: {error}", lang.tag())),
    };
    // The head (the shell and the part shown first) and the rest (every part hidden at
    // first, one line each), so the first paint waits for the head alone (issue 24).
    let ui = &guide(lang).ui;
    let (head, rest) = document::split(tree, lang.tag(), ui.part_loading, ui.part_not_loaded);
    let json = serde_json::json!({ "format": 1, "lang": lang.tag(), "tree": head }).to_string();
    write(
        &out.join(format!("kyphoplasty-guide-{}.json", lang.tag())),
        &json,
    );
    write(
        &out.join(format!("kyphoplasty-guide-rest-{}.json", lang.tag())),
        &rest,
    );
    // The text table is a file of its own (issue 24): the wasm has no text of its own,
    // but the patient reads the document long before the wasm is asked for, so the
    // table is not among the bytes loaded before the guide is readable.
    let text = serde_json::json!({
        "format": 1,
        "lang": lang.tag(),
        "textFormat": content::TEXT_FORMAT,
        "text": content::text_table(lang).as_slice(),
    })
    .to_string();
    write(
        &out.join(format!("kyphoplasty-guide-text-{}.json", lang.tag())),
        &text,
    );
}

/// `guide-<lang>.html`: the standalone page, readable and printable with no script.
fn write_page(runtime: &tokio::runtime::Runtime, out: &std::path::Path, lang: Lang) {
    // The guide is the page here, so its title is the page's <h1>.
    let config = Config::from_attributes(
        |name| match name {
            "lang" => Some(lang.tag().to_string()),
            "heading-level" => Some("1".to_string()),
            _ => None,
        },
        None,
    );
    let body = runtime.block_on(
        yew::LocalServerRenderer::<StaticGuide>::with_props(StaticGuideProps { config })
            .hydratable(false)
            .render(),
    );
    let g = guide(lang);
    let other = Lang::ALL.into_iter().filter(|l| *l != lang);
    let alternates: String = other
        .map(|l| {
            format!(
                "<link rel=\"alternate\" hreflang=\"{0}\" href=\"guide-{0}.html\">\n",
                l.tag()
            )
        })
        .collect();
    let description = g.intro.first().map(|p| escape(p.text)).unwrap_or_default();
    let page = format!(
        "<!doctype html>\n<html lang=\"{tag}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n{alternates}<link rel=\"stylesheet\" href=\"kyphoplasty-guide.css\">\n</head>\n<body>\n<div class=\"kg-mount\">{body}</div>\n</body>\n</html>\n",
        tag = lang.tag(),
        dir = lang.dir(),
        title = escape(g.ui.title),
    );
    write(&out.join(format!("guide-{}.html", lang.tag())), &page);
}

/// `evidence-<lang>.html`: the review pack, a plain page with the guide's stylesheet.
fn write_evidence(runtime: &tokio::runtime::Runtime, out: &std::path::Path, lang: Lang) {
    let body = runtime.block_on(
        yew::LocalServerRenderer::<EvidencePack>::with_props(EvidencePackProps { lang })
            .hydratable(false)
            .render(),
    );
    let g = guide(lang);
    let page = format!(
        "<!doctype html>\n<html lang=\"{tag}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n<title>{title}: {guide_title}</title>\n<link rel=\"stylesheet\" href=\"kyphoplasty-guide.css\">\n</head>\n<body>\n<div class=\"kg-mount\">{body}</div>\n</body>\n</html>\n",
        tag = lang.tag(),
        dir = lang.dir(),
        title = escape(g.ui.evidence_title),
        guide_title = escape(g.ui.title),
    );
    write(&out.join(format!("evidence-{}.html", lang.tag())), &page);
}

fn write(path: &std::path::Path, text: &str) {
    if let Err(error) = std::fs::write(path, text) {
        fail(&format!("cannot write {}: {error}", path.display()));
    }
    println!("wrote {}", path.display());
}

fn fail(message: &str) -> ! {
    eprintln!("static-guide: {message}");
    std::process::exit(1);
}

/// Escapes text for an HTML attribute or element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
