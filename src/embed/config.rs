//! The widget's configuration, read from the element's attributes.
//!
//! Attributes come from someone else's page, so every value is checked: a bad one
//! is replaced by a safe default and named in one console warning, and the widget
//! always renders.

use super::attributes::{rule, Kind, ATTRIBUTES};
use super::offered::{first_language, read_languages};
use super::share_url::{page_address, share_url_valid};
use super::wording::{self, Wording};
use crate::content::text::PracticeValues;
use crate::content::Lang;
use crate::content::Section;

/// The limits of a bounded attribute, from the schema (`attributes.toml`).
pub(super) fn bounds(name: &str) -> (usize, usize) {
    match rule(name) {
        Kind::Integer { min, max } => (min, max),
        Kind::Text { max } | Kind::Key { max } | Kind::Url { max } => (0, max),
        _ => (0, usize::MAX),
    }
}

/// Every attribute's value in schema order, in one loop over the schema: control
/// characters dropped, surrounding space trimmed, empty as absent, and free text shown to
/// patients cut to its schema length (with one warning). Each kind's own checks follow in
/// `Config::from_attributes`.
fn read_all(
    get: &impl Fn(&str) -> Option<String>,
    warnings: &mut Vec<String>,
) -> Vec<Option<String>> {
    ATTRIBUTES
        .iter()
        .map(|attribute| {
            let cleaned: String = get(attribute.name)?
                .chars()
                .filter(|c| !c.is_control())
                .collect();
            let value = cleaned.trim();
            if value.is_empty() {
                return None;
            }
            match attribute.kind {
                Kind::Text { max } if value.chars().count() > max => {
                    let name = attribute.name;
                    warnings.push(format!(
                        "{name}: longer than {max} characters; using the first {max}"
                    ));
                    Some(value.chars().take(max).collect())
                }
                _ => Some(value.to_string()),
            }
        })
        .collect()
}

/// Everything a practice can set on `<kyphoplasty-guide>`, already validated.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Language to show first: the `lang` attribute, else the page's, else English,
    /// always one of `languages`.
    pub lang: Lang,
    /// The languages the menu offers (`languages`), in the practice's order; never empty.
    pub languages: Vec<Lang>,
    /// The practice's own wording for name, emergency number and instructions.
    pub values: PracticeValues,
    /// The practice phone as the patient should read it, e.g. "(555) 010-0199".
    pub practice_phone: Option<String>,
    /// The practice's own clinical review of the guide, e.g. "Dr. A. Rivera, Riverside
    /// Spine Center, November 2026": shown beside the content's review stamp, so a
    /// patient sees who vouches for the words. Free text, cleaned like every attribute.
    pub reviewed_by: Option<String>,
    /// The address the printed pages' QR code and the Share button give (`share-url`);
    /// `None` means the host page's own address, which only the browser knows
    /// ([`Config::share_url_or_page`]).
    pub share_url: Option<String>,
    /// Sections to show, in order. Always includes the warning signs.
    pub sections: Vec<Section>,
    /// Zero-based procedure step to open on.
    pub start_step: usize,
    /// Heading level of the widget's title (1 to 6), so it fits the host page's outline.
    pub heading_level: u8,
    /// A `#rrggbb` colour for buttons and highlights.
    pub accent: Option<String>,
    /// Names this widget's saved ticks, so two widgets on one site keep separate lists.
    pub storage_key: String,
    /// The practice's own wording for checklist items (the element's JSON block).
    pub wording: Wording,
    /// One message per attribute that was not usable, naming the value used instead.
    pub warnings: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config::from_attributes(|_| None, None)
    }
}

/// The raw `sections`, `start-step`, `heading-level`, `accent` and `storage-key`
/// values, named so they cannot be read in the wrong order.
struct LayoutAttributes {
    sections: Option<String>,
    start_step: Option<String>,
    heading_level: Option<String>,
    accent: Option<String>,
    storage_key: Option<String>,
}

impl Config {
    /// Reads every attribute through `get` (so tests need no DOM).
    pub fn from_attributes(
        get: impl Fn(&str) -> Option<String>,
        page_lang: Option<&str>,
    ) -> Config {
        let mut warnings = Vec::new();
        let mut values = read_all(&get, &mut warnings);
        let mut take = |name: &str| {
            ATTRIBUTES
                .iter()
                .position(|a| a.name == name)
                .and_then(|i| values[i].take())
        };
        let values = PracticeValues {
            practice_name: take("practice-name"),
            emergency_number: take("emergency-number"),
            lifting_limit: take("lifting-limit"),
            follow_up: take("follow-up"),
            driving: take("driving"),
            return_to_work: take("return-to-work"),
        };
        let reviewed_by = take("reviewed-by");
        let share_raw = take("share-url");
        let phone_raw = take("practice-phone");
        let (languages, languages_warning) = read_languages(take("languages").as_deref());
        let (lang, lang_warning) = first_language(&languages, take("lang").as_deref(), page_lang);
        warnings.extend(languages_warning.into_iter().chain(lang_warning));
        let layout = LayoutAttributes {
            sections: take("sections"),
            start_step: take("start-step"),
            heading_level: take("heading-level"),
            accent: take("accent"),
            storage_key: take("storage-key"),
        };

        let mut config = Config {
            lang,
            languages,
            values,
            practice_phone: None,
            reviewed_by,
            share_url: None,
            sections: Section::ALL.to_vec(),
            start_step: 0,
            heading_level: 2,
            accent: None,
            storage_key: "default".into(),
            wording: Wording::default(),
            warnings,
        };
        config.practice_phone = config.read_phone(phone_raw.as_deref());
        config.share_url = config.read_share_url(share_raw.as_deref());
        config.check_emergency_number();
        config.read_layout(layout);
        config
    }

    /// An emergency number that cannot be dialled gives way to the language's default.
    fn check_emergency_number(&mut self) {
        if let Some(number) = self.values.emergency_number.clone() {
            if phone_chars(&number).is_none() {
                self.warn("emergency-number", &number, "the default for the language");
                self.values.emergency_number = None;
            }
        }
    }

    /// The attributes that shape the widget rather than its words.
    fn read_layout(&mut self, raw: LayoutAttributes) {
        if let Some(raw) = raw.sections {
            self.sections = self.read_sections(&raw);
        }
        if let Some(raw) = raw.start_step {
            let (min, max) = bounds("start-step");
            self.start_step = self.read_number("start-step", &raw, min, max, 1) - 1;
        }
        if let Some(raw) = raw.heading_level {
            let (min, max) = bounds("heading-level");
            self.heading_level = self.read_number("heading-level", &raw, min, max, 2) as u8;
        }
        if let Some(raw) = raw.accent {
            self.accent = self.read_accent(&raw);
        }
        if let Some(raw) = raw.storage_key {
            self.storage_key = self.read_storage_key(&raw);
        }
    }

    /// Adds the practice's wording from the element's `<script type="application/json">`.
    pub fn with_wording(mut self, json: Option<&str>) -> Config {
        if let Some(json) = json {
            let (parsed, mut warnings) = wording::parse(json);
            self.wording = parsed;
            self.warnings.append(&mut warnings);
        }
        self
    }

    fn warn(&mut self, attribute: &str, value: &str, used: &str) {
        let shown: String = value.chars().take(60).collect();
        self.warnings.push(format!(
            "{attribute}=\"{shown}\" is not valid; using {used}"
        ));
    }

    fn read_phone(&mut self, raw: Option<&str>) -> Option<String> {
        let raw = raw?;
        match phone_chars(raw) {
            Some(_) => Some(raw.to_string()),
            None => {
                self.warn("practice-phone", raw, "no phone");
                None
            }
        }
    }

    fn read_share_url(&mut self, raw: Option<&str>) -> Option<String> {
        let raw = raw?;
        if share_url_valid(raw) {
            return Some(raw.to_string());
        }
        let max = bounds("share-url").1;
        self.warn(
            "share-url",
            raw,
            &format!("this page's address (an http:// or https:// address of up to {max} characters is needed)"),
        );
        None
    }

    /// The address to share: the practice's `share-url`, else the host page's address
    /// without its query and fragment (which may carry a patient's details, and would
    /// make the QR code denser). `None` only where there is no page (at build time).
    pub fn share_url_or_page(&self) -> Option<String> {
        self.share_url.clone().or_else(page_address)
    }

    fn read_sections(&mut self, raw: &str) -> Vec<Section> {
        let mut sections = Vec::new();
        let mut unknown = Vec::new();
        for name in raw
            .split([',', ' '])
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            match Section::from_name(name) {
                Some(section) if !sections.contains(&section) => sections.push(section),
                Some(_) => {}
                None => unknown.push(name.chars().take(30).collect::<String>()),
            }
        }
        if sections.is_empty() {
            self.warn("sections", raw, "all sections");
            return Section::ALL.to_vec();
        }
        if !unknown.is_empty() {
            // A literal rather than joined from `Section::ALL` (a join costs the wasm a
            // kilobyte); `tests::unknown_sections_name_every_known_one` keeps it in step.
            self.warnings.push(format!(
                "sections: unknown name(s) {} ignored (known: overview procedure before aftercare warnings risks questions visit understanding sources)",
                unknown
                    .iter()
                    .take(5)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
                    + if unknown.len() > 5 { ", …" } else { "" }
            ));
        }
        if !sections.contains(&Section::Warnings) {
            self.warnings.push(
                "sections: the warning signs cannot be hidden; adding them at the end".into(),
            );
            sections.push(Section::Warnings);
        }
        sections
    }

    fn read_number(
        &mut self,
        attribute: &str,
        raw: &str,
        min: usize,
        max: usize,
        default: usize,
    ) -> usize {
        match raw.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => n,
            _ => {
                self.warn(attribute, raw, &default.to_string());
                default
            }
        }
    }

    fn read_accent(&mut self, raw: &str) -> Option<String> {
        use super::colour::{readable_accent, Rgb};
        let Some(requested) = Rgb::parse(raw) else {
            self.warn("accent", raw, "the default colour");
            return None;
        };
        let (used, contrast) = readable_accent(requested);
        if used != requested {
            let tenths = |ratio: f64| {
                let t = (ratio * 10.0).round() as u32;
                format!("{}.{}", t / 10, t % 10)
            };
            self.warnings.push(format!(
                "accent=\"{raw}\" has a contrast of {}:1 on the guide's light panels, below 4.5:1; using {} ({}:1) so text stays readable",
                tenths(requested.contrast_with(super::colour::SURFACE)),
                used.hex(),
                tenths(contrast)
            ));
        }
        Some(used.hex())
    }

    fn read_storage_key(&mut self, raw: &str) -> String {
        let valid = raw.len() <= bounds("storage-key").1
            && raw
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if valid {
            raw.to_string()
        } else {
            self.warn("storage-key", raw, "\"default\"");
            "default".into()
        }
    }

    /// A `tel:` URL for the practice phone: digits and a leading `+` only.
    pub fn practice_tel(&self) -> Option<String> {
        self.practice_phone.as_deref().and_then(tel_link)
    }

    /// Logs each warning once per page, so a patient's console is not flooded on every refresh.
    #[cfg(target_arch = "wasm32")]
    pub fn report_warnings(&self) {
        thread_local! {
            static REPORTED: std::cell::RefCell<std::collections::HashSet<String>> = Default::default();
        }
        for warning in &self.warnings {
            let fresh = REPORTED.with(|seen| seen.borrow_mut().insert(warning.clone()));
            if fresh {
                gloo::console::warn!(format!("<kyphoplasty-guide>: {warning}"));
            }
        }
    }
}

/// A `tel:` URL for a phone number, the one way both the practice's and the emergency
/// number are dialled; `None` when the text is not a phone number.
pub fn tel_link(number: &str) -> Option<String> {
    phone_chars(number).map(|digits| format!("tel:{digits}"))
}

/// The dialable part of a phone number (digits and a leading `+`), or `None` when the
/// text has anything a phone number would not (letters, markup, a URL scheme).
pub fn phone_chars(raw: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_digit() || " +-().".contains(c);
    if raw.len() > 40 || !raw.chars().all(allowed) {
        return None;
    }
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty()
        || raw
            .trim_start()
            .get(1..)
            .is_some_and(|rest| rest.contains('+'))
    {
        return None;
    }
    let plus = if raw.trim_start().starts_with('+') {
        "+"
    } else {
        ""
    };
    Some(format!("{plus}{digits}"))
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
