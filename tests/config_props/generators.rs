//! Generators: the hostile values a host page can hand the widget.

use crate::oracles::attribute_names;
use kyphoplasty_guide_core::content::{guide, Lang};
use kyphoplasty_guide_core::Config;
use proptest::prelude::*;
use std::collections::HashMap;

/// Payloads a compromised CMS, a careless copy-paste or an attacker could put in an attribute.
pub(crate) const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.test/x.js></SCRIPT>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "</section><script>alert(1)</script>",
    "</p></div></section><h1>owned</h1>",
    "<!-- ",
    "]]><![CDATA[",
    "<style>*{display:none}</style>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "tel:911\"onclick=\"alert(1)",
    "911\" onmouseover=\"alert(1)",
    "+1 (555) 010-0199<script>",
    "red;background:url(x)",
    "#fff}",
    "#fff;}:host{display:none}",
    "#005eb8;background:url(javascript:alert(1))",
    "expression(alert(1))",
    "#0000ff !important",
    "url(data:image/svg+xml,<svg onload=alert(1)>)",
    "{practice_name}{emergency_number}{number}",
    "{{{{",
    "&lt;script&gt;",
    "&#x3C;script&#x3E;",
    "\u{0}<script>",
    "%3Cscript%3E",
    "../../etc/passwd",
    "__proto__",
    "constructor",
    "kyphoplasty-guide:v1:default",
];

/// Numbers in every shape someone might type, and some nobody should.
pub(crate) const NUMBERS: &[&str] = &[
    "0",
    "1",
    "3",
    "8",
    "9",
    "99",
    "100",
    "-1",
    "-0",
    "+3",
    "03",
    "3.0",
    "3.5",
    "1e9",
    "1e1",
    "NaN",
    "Infinity",
    "-Infinity",
    "0x10",
    " 3 ",
    "3px",
    "٣",
    "３",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999999999",
    "-9223372036854775808",
    "2",
    "6",
    "7",
    "112",
    "999",
    "000",
    "911",
    "(555) 010-0199",
    "+1 555 010 0199",
    "+44 20 7946 0958",
    "++1",
    "1+1",
    "+",
    "()",
    "-",
    ".",
    "555.010.0199",
];

/// Dates, valid, impossible and malformed.
pub(crate) const DATES: &[&str] = &[
    "2026-11-24",
    "2026-02-29",
    "2028-02-29",
    "2026-02-31",
    "2026-13-40",
    "1899-12-31",
    "2201-01-01",
    "0000-00-00",
    "24/11/2026",
    "11/24/2026",
    "2026-1-1",
    "2026-11-24T10:00:00Z",
    "tomorrow",
    "",
];

/// Values that are valid for some attribute, so the "kept" paths are exercised too.
pub(crate) const VALID: &[&str] = &[
    "en",
    "es",
    "es-MX",
    "EN_us",
    "zh-CN",
    "vi",
    "ar",
    "en ar",
    "vi,zh-Hans,xx",
    "fr",
    "Riverside Spine Center",
    "Clínica Norte",
    "(555) 010-0199",
    "+1 555 010 0199",
    "112",
    "overview procedure before aftercare warnings risks questions understanding sources",
    "aftercare, procedure",
    "warnings",
    "before,before",
    "#06A",
    "#005eb8",
    "#ffcc00",
    "#FFFFFF",
    "#000",
    "clinic-2",
    "default",
    "a_b-C",
    "Do not lift more than 5 lb for 3 weeks.",
    "https://www.example-spine.com/kyphoplasty",
    "HTTP://clinic.example/guide?lang=es#aftercare",
    "https://clínica.example/guía",
    "https://",
    "ftp://example.org/guide",
    "https://example.org/a b",
];

/// Characters that break naive text handling.
pub(crate) const ODD_CHARS: &[char] = &[
    '\u{0}',
    '\u{7}',
    '\u{8}',
    '\t',
    '\n',
    '\r',
    '\u{1b}',
    '\u{7f}',
    '\u{85}',
    '\u{a0}',
    '\u{ad}',
    '\u{200b}',
    '\u{200d}',
    '\u{200e}',
    '\u{200f}',
    '\u{202a}',
    '\u{202b}',
    '\u{202e}',
    '\u{2066}',
    '\u{2069}',
    '\u{2028}',
    '\u{2029}',
    '\u{feff}',
    '\u{fffd}',
    '\u{fffe}',
    '\u{10ffff}',
    '\u{301}',
    '\u{308}',
    '\u{36f}',
    '\u{5d0}',
    '\u{5d1}',
    '\u{627}',
    '\u{644}',
    '\u{e01}',
    '\u{1f600}',
    '\u{1f468}',
    '\u{1f3fd}',
    '\u{1f1fa}',
    '\u{1f1f8}',
    '<',
    '>',
    '"',
    '\'',
    '&',
    '`',
    '=',
    '/',
    '\\',
    ';',
    ':',
    '{',
    '}',
    '(',
    ')',
    '#',
    '+',
    '-',
    '.',
    ',',
    ' ',
    '%',
    '٣',
    '３',
];

pub(crate) fn odd_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ODD_CHARS), 0..max).prop_map(String::from_iter)
}

/// Any Unicode scalar values, control characters included.
pub(crate) fn any_unicode(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..max).prop_map(String::from_iter)
}

/// A repeated unit, up to about 100 KB.
pub(crate) fn huge() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            prop::sample::select(PAYLOADS).prop_map(str::to_string),
            prop::sample::select(VALID).prop_map(str::to_string),
            odd_string(4),
            Just("9".to_string()),
            Just("\u{301}".to_string()),
        ],
        1usize..100_000,
    )
        .prop_map(|(unit, bytes)| {
            let unit = if unit.is_empty() {
                "x".to_string()
            } else {
                unit
            };
            unit.repeat((bytes / unit.len()).max(1))
        })
}

/// One hostile attribute value.
pub(crate) fn value() -> impl Strategy<Value = String> {
    let fixed = prop_oneof![
        prop::sample::select(PAYLOADS),
        prop::sample::select(NUMBERS),
        prop::sample::select(DATES),
        prop::sample::select(VALID),
    ]
    .prop_map(str::to_string);
    prop_oneof![
        4 => fixed.clone(),
        2 => (odd_string(8), fixed.clone(), odd_string(8)).prop_map(|(a, b, c)| format!("{a}{b}{c}")),
        2 => (fixed.clone(), fixed).prop_map(|(a, b)| format!("{a}{b}")),
        2 => any_unicode(64),
        1 => any_unicode(400),
        2 => odd_string(64),
        1 => "\\PC{0,80}",
        1 => huge(),
    ]
}

pub(crate) type Attributes = HashMap<&'static str, String>;

/// A random subset of the attributes, each with a hostile value.
pub(crate) fn attributes() -> impl Strategy<Value = Attributes> {
    prop::collection::vec(
        prop::option::weighted(0.6, value()),
        attribute_names().len(),
    )
    .prop_map(|values| {
        attribute_names()
            .iter()
            .zip(values)
            .filter_map(|(name, value)| value.map(|v| (*name, v)))
            .collect()
    })
}

pub(crate) fn page_lang() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        prop::sample::select(&["en", "es", "es-419", "fr", "", "x"][..]).prop_map(str::to_string),
        any_unicode(8),
    ])
}

pub(crate) fn config_of(attributes: &Attributes, page_lang: Option<&str>) -> Config {
    Config::from_attributes(|name| attributes.get(name).cloned(), page_lang)
}

/// The keys of every checklist item, for wording JSON.
pub(crate) fn item_keys() -> Vec<String> {
    let g = guide(Lang::En);
    let mut keys = Vec::new();
    for (list, groups) in [("before", g.before), ("aftercare", g.aftercare)] {
        for group in groups {
            for item in group.items {
                keys.push(format!("{list}/{}", item.id));
            }
        }
    }
    keys
}
