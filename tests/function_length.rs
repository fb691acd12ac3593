//! No function in `src/` or `build/` runs over [`LIMIT`] lines without a reason written
//! beside it (issue 16): a comment line directly above the function, or above its doc
//! comment and attributes, that starts `// Long:` and says why.
//!
//! A function's length is from its first line (`pub fn …`, not its doc comment or
//! attributes) to its closing brace. Closures count as part of the function they are
//! in; nested functions and methods (impl and trait items) are measured too. A
//! `#[function_component]` whose body is mostly `html! {}` counts like any other.
//!
//! Also a quick report: `cargo test --test function_length -- --show-output` lists the
//! longest functions even when none is over ([`TOP`] of them at least, or as many as
//! `FUNCTION_LENGTH_TOP` says). `tests/function_length.test.mjs` does the same for
//! `scripts/`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::fmt::Write;
use std::path::Path;
use support::source::rust_files;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};

/// About 60 lines: what fits on a screen, so a reader sees a function whole.
const LIMIT: usize = 60;
/// How many of the longest functions the report lists at least, unless
/// `FUNCTION_LENGTH_TOP` says another number.
const TOP: usize = 10;
/// The folders measured, from the crate root.
const DIRS: [&str; 2] = ["src", "build"];
/// What a reason starts with.
const MARK: &str = "// Long:";

/// One measured function.
#[derive(Debug)]
struct Function {
    /// `src/…/file.rs:line`, the line of its signature.
    place: String,
    lines: usize,
    /// With the module, impl or trait it is in: `tests::parses`, `Stepper::view`.
    name: String,
    /// The text after `// Long:`, if written.
    reason: Option<String>,
}

impl Function {
    fn over(&self) -> bool {
        self.lines > LIMIT
    }

    fn unexcused(&self) -> bool {
        self.over() && self.reason.is_none()
    }
}

/// Walks one file's syntax tree, measuring every function with a body.
struct Measure<'a> {
    file: &'a str,
    source: Vec<&'a str>,
    /// Names of the modules, impls and traits around the current item.
    scope: Vec<String>,
    found: Vec<Function>,
}

impl Measure<'_> {
    fn record(&mut self, ident: &syn::Ident, attrs: &[syn::Attribute], first: usize, last: usize) {
        let mut name = self.scope.join("::");
        if !name.is_empty() {
            name.push_str("::");
        }
        name.push_str(&ident.to_string());
        let attr_lines: Vec<(usize, usize)> = attrs
            .iter()
            .map(|a| (a.span().start().line, a.span().end().line))
            .collect();
        self.found.push(Function {
            place: format!("{}:{first}", self.file),
            lines: last - first + 1,
            name,
            reason: reason(&self.source, first, &attr_lines),
        });
    }

    fn scoped(&mut self, name: String, walk: impl FnOnce(&mut Self)) {
        self.scope.push(name);
        walk(self);
        self.scope.pop();
    }
}

/// The first line of a function: its visibility if it has one, else its signature.
fn first_line(vis: &syn::Visibility, sig: &syn::Signature) -> usize {
    match vis {
        syn::Visibility::Inherited => sig.span().start().line,
        _ => vis.span().start().line,
    }
}

fn last_line(block: &syn::Block) -> usize {
    block.brace_token.span.close().end().line
}

impl<'ast> Visit<'ast> for Measure<'_> {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        let (first, last) = (first_line(&f.vis, &f.sig), last_line(&f.block));
        self.record(&f.sig.ident, &f.attrs, first, last);
        let name = f.sig.ident.to_string();
        self.scoped(name, |m| visit::visit_item_fn(m, f));
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        let (first, last) = (first_line(&f.vis, &f.sig), last_line(&f.block));
        self.record(&f.sig.ident, &f.attrs, first, last);
        let name = f.sig.ident.to_string();
        self.scoped(name, |m| visit::visit_impl_item_fn(m, f));
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        if let Some(block) = &f.default {
            let first = f.sig.span().start().line;
            self.record(&f.sig.ident, &f.attrs, first, last_line(block));
        }
        let name = f.sig.ident.to_string();
        self.scoped(name, |m| visit::visit_trait_item_fn(m, f));
    }

    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        self.scoped(type_name(&i.self_ty), |m| visit::visit_item_impl(m, i));
    }

    fn visit_item_trait(&mut self, t: &'ast syn::ItemTrait) {
        self.scoped(t.ident.to_string(), |m| visit::visit_item_trait(m, t));
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        self.scoped(m.ident.to_string(), |me| visit::visit_item_mod(me, m));
    }
}

/// `Stepper` for `impl Component for Stepper`, `Vec` for `impl<T> Trait for Vec<T>`.
fn type_name(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(p) => p
            .path
            .segments
            .last()
            .map_or_else(|| "_".into(), |s| s.ident.to_string()),
        syn::Type::Reference(r) => type_name(&r.elem),
        _ => "_".into(),
    }
}

/// The reason written above the function whose signature is on line `first` (1-based):
/// the comment lines and attributes directly above it are read upwards, and the first
/// `// Long: …` among them with some text after the colon is the reason.
fn reason(source: &[&str], first: usize, attrs: &[(usize, usize)]) -> Option<String> {
    let in_attr = |line: usize| attrs.iter().any(|&(a, b)| (a..=b).contains(&line));
    for line in (1..first).rev() {
        let text = source.get(line - 1).map_or("", |t| t.trim());
        if let Some(why) = text.strip_prefix(MARK).map(str::trim) {
            if !why.is_empty() {
                return Some(why.to_string());
            }
        }
        if !(in_attr(line) || text.starts_with("//")) {
            break;
        }
    }
    None
}

/// Every function with a body in one file's source; `file` names it in the report.
fn measure(file: &str, source: &str) -> Vec<Function> {
    let tree = syn::parse_file(source).unwrap_or_else(|e| {
        let at = e.span().start();
        panic!("{file}:{}:{}: cannot parse: {e}", at.line, at.column + 1)
    });
    let mut m = Measure {
        file,
        source: source.lines().collect(),
        scope: Vec::new(),
        found: Vec::new(),
    };
    m.visit_file(&tree);
    m.found
}

fn measure_crate() -> Vec<Function> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in DIRS {
        files.extend(rust_files(&root.join(dir)));
    }
    let mut all = Vec::new();
    for path in files {
        let source = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let name = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        all.extend(measure(&name, &source));
    }
    all
}

/// The table: every function over the limit, then the longest others up to [`TOP`] rows,
/// longest first.
fn report(mut all: Vec<Function>) -> (String, usize) {
    all.sort_by(|a, b| b.lines.cmp(&a.lines).then_with(|| a.place.cmp(&b.place)));
    let over = all.iter().filter(|f| f.over()).count();
    let unexcused = all.iter().filter(|f| f.unexcused()).count();
    let mut out = format!(
        "Function length in {}/ (limit {LIMIT} lines; `{MARK} <why>` above a function lets it be longer):\n\
         {} functions, {over} over the limit, {unexcused} of them without a reason.\n",
        DIRS.join("/, "),
        all.len(),
    );
    let top = std::env::var("FUNCTION_LENGTH_TOP")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(TOP);
    for f in all.iter().take(over.max(top)) {
        let status = match (&f.reason, f.over()) {
            (_, false) => "ok".to_string(),
            (None, true) => "OVER, NO REASON".to_string(),
            (Some(why), true) => format!("over, {MARK} {why}"),
        };
        let _ = writeln!(
            out,
            "{:>5}  {:<44} {}  [{status}]",
            f.lines, f.place, f.name
        );
    }
    (out, unexcused)
}

#[test]
fn no_function_is_over_the_limit_without_a_reason() {
    let (table, unexcused) = report(measure_crate());
    println!("{table}");
    assert_eq!(
        unexcused, 0,
        "{unexcused} function(s) above are over {LIMIT} lines without a reason: split each \
         into parts a reader can follow, or write `{MARK} <why>` on the line above it"
    );
}

#[cfg(test)]
mod checker {
    use super::*;

    /// A function of `body` lines between its signature and its closing brace.
    fn long_fn(above: &str, body: usize) -> String {
        let lines = "    let _ = 1;\n".repeat(body);
        format!("{above}pub fn long() {{\n{lines}}}\n")
    }

    #[test]
    fn counts_from_the_signature_to_the_closing_brace() {
        let source = long_fn("/// Docs.\n#[inline]\n", 59);
        let found = measure("x.rs", &source);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].lines, found[0].place.as_str()), (61, "x.rs:3"));
        assert!(found[0].unexcused());
    }

    #[test]
    fn a_reason_above_the_doc_comment_or_the_signature_counts() {
        for above in [
            "// Long: one table, row by row.\n/// Docs.\n#[allow(dead_code)]\n",
            "/// Docs.\n// Long: one table, row by row.\n",
        ] {
            let found = measure("x.rs", &long_fn(above, 80));
            assert_eq!(found[0].reason.as_deref(), Some("one table, row by row."));
        }
    }

    #[test]
    fn a_reason_must_be_directly_above_and_say_something() {
        for above in [
            "// Long: far away.\n\n",
            "// Long:\n",
            "// long: lower case.\n",
        ] {
            let found = measure("x.rs", &long_fn(above, 80));
            assert!(found[0].unexcused(), "{above:?}");
        }
    }

    #[test]
    fn measures_methods_nested_fns_and_trait_defaults() {
        let source = "mod m {\n  impl S {\n    fn a() {\n      fn b() {}\n    }\n  }\n}\n\
                      trait T {\n  fn c() {}\n  fn d();\n}\n";
        let found = measure("x.rs", source);
        let names: Vec<(&str, usize)> = found.iter().map(|f| (f.name.as_str(), f.lines)).collect();
        assert_eq!(names, [("m::S::a", 3), ("m::S::a::b", 1), ("T::c", 1)]);
    }
}
