//! Build script: turns `content/` into checked Rust data.
//!
//! The shipped wasm carries no text parser for the guide: everything is parsed and
//! validated here, and a mistake in a content file stops the build with a message
//! that names the file and the item.

mod codegen;
mod content;
mod schema;
mod shape;

use std::path::Path;

fn main() {
    let root = Path::new("content");
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=build");

    let guides = match content::load_all(root) {
        Ok(guides) => guides,
        Err(errors) => {
            for error in &errors {
                println!("cargo:warning={error}");
            }
            panic!(
                "content/ has {} problem(s):\n{}",
                errors.len(),
                errors.join("\n")
            );
        }
    };
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let out = Path::new(&out_dir).join("content.rs");
    if let Err(error) = std::fs::write(&out, codegen::render(&guides)) {
        panic!("cannot write {}: {error}", out.display());
    }
}
