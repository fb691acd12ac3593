//! Keeps a practice's `accent` colour readable: white text on it, and it as text (links,
//! the "Sources 1, 4" numbers) on white and on the guide's light surface boxes, must reach
//! WCAG's 4.5:1. A colour that fails is darkened until it passes.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads `#rgb` or `#rrggbb`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let full: String = match hex.len() {
            3 => hex.chars().flat_map(|c| [c, c]).collect(),
            6 => hex.to_string(),
            _ => return None,
        };
        let byte = |i: usize| u8::from_str_radix(full.get(i..i + 2)?, 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG contrast ratio against white.
    pub fn contrast_with_white(self) -> f64 {
        self.contrast_with(Rgb(255, 255, 255))
    }

    /// WCAG contrast ratio against `other` (the lighter over the darker, each plus 0.05).
    pub fn contrast_with(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance() + 0.05, other.luminance() + 0.05);
        a.max(b) / a.min(b)
    }

    fn darker(self, factor: f64) -> Rgb {
        let scale = |c: u8| (f64::from(c) * factor).round().clamp(0.0, 255.0) as u8;
        Rgb(scale(self.0), scale(self.1), scale(self.2))
    }
}

/// The minimum contrast for normal text (WCAG 2.2, 1.4.3).
pub const MIN_CONTRAST: f64 = 4.5;

/// The light surface of the key points and cards (`--kg-surface` in styles/base.css): the
/// darkest background the accent is read on as text, so readable there is readable on white.
pub const SURFACE: Rgb = Rgb(0xf0, 0xf4, 0xf5);

/// The colour to use for `requested`: itself when readable, else the nearest darker
/// shade that is, with the contrast it reached on the light surface (its hardest case).
pub fn readable_accent(requested: Rgb) -> (Rgb, f64) {
    let mut colour = requested;
    let mut factor: f64 = 1.0;
    while colour.contrast_with(SURFACE) < MIN_CONTRAST && factor > 0.0 {
        factor -= 0.02;
        colour = requested.darker(factor.max(0.0));
    }
    (colour, colour.contrast_with(SURFACE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_short_and_long_forms() {
        assert_eq!(Rgb::parse("#0a6"), Some(Rgb(0x00, 0xaa, 0x66)));
        assert_eq!(Rgb::parse("#005EB8"), Some(Rgb(0x00, 0x5e, 0xb8)));
        for bad in ["005eb8", "#12345", "#ggg", "red", "#ffé", ""] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn contrast_matches_known_values() {
        assert!((Rgb(0, 0, 0).contrast_with_white() - 21.0).abs() < 0.01);
        assert!((Rgb(255, 255, 255).contrast_with_white() - 1.0).abs() < 0.01);
        // NHS blue is about 6.4:1 on white.
        assert!(
            (Rgb::parse("#005eb8")
                .map(Rgb::contrast_with_white)
                .unwrap_or(0.0)
                - 6.4)
                .abs()
                < 0.1
        );
    }

    #[test]
    fn readable_colours_are_kept_and_pale_ones_darkened_until_they_pass() {
        let blue = Rgb(0x00, 0x5e, 0xb8);
        assert_eq!(readable_accent(blue).0, blue);
        for pale in [Rgb(255, 204, 0), Rgb(255, 255, 255), Rgb(120, 200, 255)] {
            let (used, contrast) = readable_accent(pale);
            assert!(
                contrast >= MIN_CONTRAST && used.contrast_with(SURFACE) >= MIN_CONTRAST,
                "{pale:?} -> {used:?} at {contrast}"
            );
            assert_ne!(used, pale);
        }
    }
}
