//! The address printed pages and "Send to my phone" give (`share-url`): the rule an
//! attribute must meet, and the host page's own address when it has none. Apart from
//! `config` because it is the one attribute read from the page's location.

use super::config::bounds;

/// Whether `raw` can be shared and put in a QR code: an `http:` or `https:` address
/// with a host, no spaces, quotes or angle brackets, up to the schema's length. The
/// loader applies the same rule (`KINDS.url`).
pub fn share_url_valid(raw: &str) -> bool {
    let lower = raw.get(..8).unwrap_or(raw).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &raw[8..]
    } else if lower.starts_with("http://") {
        &raw[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    raw.chars().count() <= bounds("share-url").1
        && !host.is_empty()
        && !raw
            .chars()
            .any(|c| c.is_whitespace() || "<>\"\\`^{}|".contains(c))
}

/// The host page's address without its query and fragment.
#[cfg(target_arch = "wasm32")]
pub(super) fn page_address() -> Option<String> {
    let location = web_sys::window()?.location();
    let origin = location.origin().ok()?;
    let path = location.pathname().ok()?;
    // Not held to the attribute's length: the page is the practice's own choice.
    (origin.starts_with("https://") || origin.starts_with("http://"))
        .then(|| format!("{origin}{path}"))
}

/// At build time there is no page.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn page_address() -> Option<String> {
    None
}
