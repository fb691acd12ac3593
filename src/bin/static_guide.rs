//! Writes the whole guide as static HTML pages, one per language, from the same
//! components as the widget: `static-guide <out dir>` writes `guide-en.html` and
//! `guide-es.html` (linking `kyphoplasty-guide.css` beside them).

use kyphoplasty_guide_core::components::static_guide::{StaticGuide, StaticGuideProps};
use kyphoplasty_guide_core::content::{guide, Lang};
use kyphoplasty_guide_core::Config;
use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("static-guide: cannot start a runtime: {error}");
            std::process::exit(1);
        }
    };
    for lang in Lang::ALL {
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
            "<!doctype html>\n<html lang=\"{tag}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n{alternates}<link rel=\"stylesheet\" href=\"kyphoplasty-guide.css\">\n</head>\n<body>\n<div class=\"kg-mount\">{body}</div>\n</body>\n</html>\n",
            tag = lang.tag(),
            title = escape(g.ui.title),
        );
        let path = out.join(format!("guide-{}.html", lang.tag()));
        if let Err(error) = std::fs::write(&path, page) {
            eprintln!("static-guide: cannot write {}: {error}", path.display());
            std::process::exit(1);
        }
        println!("wrote {}", path.display());
    }
}

/// Escapes text for an HTML attribute or element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
