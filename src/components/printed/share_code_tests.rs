use super::*;

/// The dark modules of a drawn code, read back from its path.
fn dark_modules(path: &str) -> Vec<(i32, i32)> {
    path.split('M')
        .filter(|p| !p.is_empty())
        .map(|p| {
            assert!(
                p.ends_with("h1v1h-1z"),
                "each module is one unit square: {p}"
            );
            let (x, y) = p.trim_end_matches("h1v1h-1z").split_once(',').expect("x,y");
            (x.parse().expect("x"), y.parse().expect("y"))
        })
        .collect()
}

#[test]
fn a_short_address_is_a_version_3_code_with_a_four_module_quiet_zone() {
    let url = "https://www.example-spine.com/kyphoplasty";
    let (size, path) = qr_svg_path(url).expect("fits");
    // 41 bytes at error correction M need version 3 (29 modules a side).
    let modules = size - 2 * QUIET_ZONE;
    assert_eq!(modules, 29);
    let dark = dark_modules(&path);
    assert!(!dark.is_empty());
    for (x, y) in &dark {
        assert!(
            (QUIET_ZONE..size - QUIET_ZONE).contains(x),
            "x {x} inside the quiet zone"
        );
        assert!(
            (QUIET_ZONE..size - QUIET_ZONE).contains(y),
            "y {y} inside the quiet zone"
        );
    }
    // The three finder patterns: their corners are dark, just inside the quiet zone.
    let q = QUIET_ZONE;
    for corner in [(q, q), (q + modules - 1, q), (q, q + modules - 1)] {
        assert!(dark.contains(&corner), "finder corner {corner:?}");
    }
}

#[test]
fn error_correction_is_m_and_never_raised() {
    let url = "https://e.org";
    // Boosting would raise a short text to H; the format bits must say M.
    let code = encode(url).expect("fits");
    assert_eq!(code.error_correction_level(), QrCodeEcc::Medium);
    let (size, _) = qr_svg_path(url).expect("fits");
    assert_eq!(size, code.size() + 8);
}

#[test]
fn the_longest_allowed_address_still_makes_a_code() {
    let url = format!("https://e.org/{}", "a".repeat(286));
    let (size, _) = qr_svg_path(&url).expect("300 characters fit");
    assert!(size - 8 <= 77, "version 15 or lower at M: {size}");
    assert!(qr_svg_path(&"a".repeat(5000)).is_none());
}

#[test]
fn only_web_addresses_are_drawn() {
    assert!(is_web_address("HTTPS://example.org"));
    assert!(is_web_address("http://example.org"));
    assert!(!is_web_address("\u{E000}share_url\u{E001}"));
    assert!(!is_web_address(""));
}
