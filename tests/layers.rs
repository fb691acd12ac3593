//! The crate's layers point one way: each top-level module's opening comment says which
//! other modules it may use (`//! May use: `a`, `b`.`), this test checks every `crate::`
//! path in the module against that line, and checks the lines themselves form no cycle,
//! so no module imports one above it.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use support::source::rust_files;

/// The top-level module a file belongs to (`src/components/app.rs` → `components`);
/// `None` for the crate root and the binaries, which may use anything.
fn top_module(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.trim_end_matches(".rs");
    (name != "lib" && name != "bin").then(|| name.to_string())
}

/// The code of a file without its comments. A `//` inside a string (a URL) also cuts
/// the rest of its line; no `crate::` path follows one on the same line in `src/`.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules named by `crate::<name>` in some code.
fn crate_paths(code: &str) -> BTreeSet<String> {
    code.match_indices("crate::")
        .filter(|(at, _)| {
            // `kyphoplasty_guide_core::` or `$crate::` are not this crate's own paths here.
            !code[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
        })
        .map(|(at, _)| {
            code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .collect()
}

/// The names reached through enough `super::` to climb to the crate root: from
/// `src/x/y.rs` (two levels deep), `super::super::name`.
fn root_paths_through_super(src: &Path, file: &Path, code: &str) -> BTreeSet<String> {
    let relative = file.strip_prefix(src).unwrap_or(file);
    let mut depth = relative.components().count();
    if relative.ends_with("mod.rs") {
        depth -= 1;
    }
    let climb = "super::".repeat(depth);
    code.match_indices(&climb)
        .map(|(at, _)| {
            code[at + climb.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .collect()
}

/// A module's declared neighbours, from its opening comment's `May use:` line.
fn may_use(src: &Path, module: &str) -> BTreeSet<String> {
    let root = [
        src.join(format!("{module}.rs")),
        src.join(module).join("mod.rs"),
    ]
    .into_iter()
    .find(|p| p.exists())
    .unwrap_or_else(|| panic!("no root file for module {module}"));
    let text = fs::read_to_string(&root).expect("module root is readable");
    let line = text
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .find(|l| l.contains("May use:"))
        .unwrap_or_else(|| {
            panic!(
                "{}: its opening comment needs a `May use:` line",
                root.display()
            )
        });
    line.split('`')
        .skip(1)
        .step_by(2)
        .map(|name| name.split("::").next().unwrap_or(name).to_string())
        .collect()
}

fn declared_layers(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = rust_files(src)
        .iter()
        .filter_map(|f| top_module(src, f))
        .collect();
    modules
        .into_iter()
        .map(|m| {
            let uses = may_use(src, &m);
            (m, uses)
        })
        .collect()
}

#[test]
fn every_module_uses_only_what_its_opening_comment_allows() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let layers = declared_layers(&src);
    let mut wrong = Vec::new();
    for file in rust_files(&src) {
        let Some(module) = top_module(&src, &file) else {
            continue;
        };
        let code = code_of(&fs::read_to_string(&file).expect("readable"));
        for used in root_paths_through_super(&src, &file, &code) {
            if used != module && layers.contains_key(&used) {
                wrong.push(format!(
                    "{}: reaches `{used}` through `super`",
                    file.display()
                ));
            }
        }
        for used in crate_paths(&code) {
            if used != module && !layers[&module].contains(&used) {
                wrong.push(format!(
                    "{}: uses `{used}`, which `{module}` may not",
                    file.display()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_layers_form_no_cycle_and_name_only_real_modules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let layers = declared_layers(&src);
    // Peel off modules that use nothing left; what cannot be peeled is a cycle.
    let mut left = layers.clone();
    let mut order = Vec::new();
    while !left.is_empty() {
        let free: Vec<String> = left
            .iter()
            .filter(|(_, uses)| uses.iter().all(|u| !left.contains_key(u)))
            .map(|(m, _)| m.clone())
            .collect();
        assert!(
            !free.is_empty(),
            "the `May use:` lines form a cycle among {left:?}"
        );
        for m in free {
            left.remove(&m);
            order.push(m);
        }
    }
    for (module, uses) in &layers {
        for used in uses {
            assert!(
                layers.contains_key(used),
                "{module} may use `{used}`, which is no module"
            );
        }
    }
    order.reverse();
    println!("layers, top down: {}", order.join(" > "));
}
