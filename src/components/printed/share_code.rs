//! A QR code of the guide's address for paper: a patient holding the printed sheet or
//! diary scans it to open the guide again on their phone. Self-contained (its only prop
//! is the address), so it can go wherever a printed part is drawn.
//!
//! Drawn as SVG: black modules on white, a quiet zone of four modules, error
//! correction M (`qrcodegen`, which has no dependencies). Where the address is not
//! known when drawn (the build-time document, whose address the loader fills in) only
//! the address is printed, in text.

use crate::components::context::use_guide;
use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};
use std::fmt::Write;
use yew::prelude::*;

/// The light margin around the code, in modules, that readers need (ISO/IEC 18004).
pub const QUIET_ZONE: i32 = 4;

#[derive(Properties, PartialEq)]
pub struct ShareCodeProps {
    /// The address to encode and print (`share-url`, or the page's own).
    pub url: AttrValue,
}

#[function_component(ShareCode)]
pub fn share_code(props: &ShareCodeProps) -> Html {
    let context = use_guide();
    let ui = &context.guide().ui;
    let drawn = is_web_address(&props.url)
        .then(|| qr_svg_path(&props.url))
        .flatten();
    let words = if drawn.is_some() {
        ui.share_scan
    } else {
        ui.share_open
    };
    html! {
        <div class="kg-share-code">
            if let Some((size, path)) = drawn {
                <svg class="kg-share-qr" viewBox={format!("0 0 {size} {size}")} role="img"
                    aria-label={crate::content::text::ui(ui.share_code_label, &[("url", &props.url)])}
                    shape-rendering="crispEdges">
                    <rect width={size.to_string()} height={size.to_string()} fill="#fff" />
                    <path d={path} fill="#000" />
                </svg>
            }
            <p class="kg-share-words">
                <span class="kg-share-scan">{ words }</span>
                <span class="kg-share-address">{ props.url.to_string() }</span>
            </p>
        </div>
    }
}

/// Only a real address becomes a code (the document's marker is printed as text).
fn is_web_address(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The QR code of `text` at error correction M, never raised (a code's level is what
/// the printed page promises); `None` if the text is too long for any QR code.
fn encode(text: &str) -> Option<QrCode> {
    // One byte-mode segment: an address is lowercase, which the denser alphanumeric mode
    // cannot hold, so choosing modes would only add code to the wasm.
    let segments = [QrSegment::make_bytes(text.as_bytes())];
    QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::MIN,
        Version::MAX,
        None,
        false,
    )
    .ok()
}

/// The code for `text` at error correction M (never raised, so every code is alike),
/// as the SVG's side length in modules (quiet zone included) and one path of its dark
/// modules; `None` if the text is too long for any QR code.
pub fn qr_svg_path(text: &str) -> Option<(i32, String)> {
    let code = encode(text)?;
    let modules = code.size();
    let mut path = String::with_capacity((modules * modules) as usize * 6);
    for y in 0..modules {
        for x in 0..modules {
            if code.get_module(x, y) {
                let _ = write!(path, "M{},{}h1v1h-1z", x + QUIET_ZONE, y + QUIET_ZONE);
            }
        }
    }
    Some((modules + 2 * QUIET_ZONE, path))
}

#[cfg(test)]
#[path = "share_code_tests.rs"]
mod tests;
