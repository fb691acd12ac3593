//! Build script: turns `content/` into checked Rust data.
//!
//! The shipped wasm carries no text parser for the guide: everything is parsed and
//! validated here, and a mistake in a content file stops the build with a message
//! that names the file and the item.

mod attributes;
mod codegen;
mod content;
mod evidence;
mod schema;
mod shape;
mod svg;
mod understanding;

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
    println!("cargo:rerun-if-changed=src/embed/attributes.toml");
    let schema = std::fs::read_to_string("src/embed/attributes.toml")
        .map_err(|e| format!("cannot read src/embed/attributes.toml: {e}"))
        .and_then(|text| attributes::render(&text));
    match schema {
        Ok(rust) => {
            let out = Path::new(&out_dir).join("attributes.rs");
            if let Err(error) = std::fs::write(&out, rust) {
                panic!("cannot write {}: {error}", out.display());
            }
        }
        Err(error) => panic!("{error}"),
    }
    println!("cargo:rerun-if-changed=src/components/illustration/scene.svg");
    let scene = std::fs::read_to_string("src/components/illustration/scene.svg")
        .map_err(|e| format!("cannot read src/components/illustration/scene.svg: {e}"))
        .and_then(|text| svg::render(&text))
        .unwrap_or_else(|error| panic!("{error}"));
    let file = Path::new(&out_dir).join("scene.rs");
    if let Err(error) = std::fs::write(&file, scene) {
        panic!("cannot write {}: {error}", file.display());
    }
    let out = Path::new(&out_dir).join("content.rs");
    let rust = codegen::render(&guides).unwrap_or_else(|error| panic!("{error}"));
    for (lang, json) in codegen::text_json(&guides).unwrap_or_else(|error| panic!("{error}")) {
        let file = Path::new(&out_dir).join(format!("text-{lang}.json"));
        if let Err(error) = std::fs::write(&file, json) {
            panic!("cannot write {}: {error}", file.display());
        }
    }
    if let Err(error) = std::fs::write(&out, rust) {
        panic!("cannot write {}: {error}", out.display());
    }
}
