//! Native tests: the whole widget rendered to HTML with Yew's server renderer,
//! asserting on the real text and structure a patient would get.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use kyphoplasty_guide_core::components::app::{App, AppProps};
use kyphoplasty_guide_core::content::{guide, Lang};
use kyphoplasty_guide_core::Config;
use std::collections::HashMap;
use support::examples::example;

fn render(attributes: &[(&str, &str)]) -> String {
    let map: HashMap<String, String> = attributes
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let config = Config::from_attributes(|name| map.get(name).cloned(), None);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async move {
        yew::LocalServerRenderer::<App>::with_props(AppProps {
            config,
            ..AppProps::default()
        })
        .hydratable(false)
        .render()
        .await
    })
}

#[test]
fn the_widget_is_a_named_region_with_its_title_and_emergency_number() {
    let html = render(&example("minimal").pairs());
    assert!(
        html.starts_with(
            r#"<section lang="en" dir="ltr" aria-label="Balloon kyphoplasty guide" class="kg">"#
        ),
        "{html}"
    );
    assert!(html.contains(
        "<h2 part=\"kg-title\" class=\"kg-title\">Your guide to balloon kyphoplasty</h2>"
    ));
    assert!(html.contains(r#"href="tel:911""#));
    assert!(html.contains("In an emergency, call 911."));
}

#[test]
fn every_section_is_listed_in_the_navigation_in_order() {
    let page = render(&example("minimal").pairs());
    let start = page.find("<nav").expect("a nav");
    let html = &page[start..];
    let positions: Vec<usize> = [
        "Overview",
        "The procedure",
        "Before",
        "Aftercare",
        "Warning signs",
        "Risks and benefits",
        "Questions",
        "My visit",
        "Sources",
    ]
    .iter()
    .map(|name| {
        html.find(&format!(">{name}</button>"))
            .unwrap_or_else(|| panic!("{name} missing"))
    })
    .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
}

#[test]
fn each_procedure_step_renders_its_text_and_illustration_alternative() {
    let g = guide(Lang::En);
    for (i, step) in g.steps.iter().enumerate() {
        let n = (i + 1).to_string();
        let html = render(&[("sections", "procedure"), ("start-step", &n)]);
        assert!(html.contains(&format!("Step {n} of 8")), "step {n}");
        assert!(html.contains(&escape(step.title)), "title of step {n}");
        assert!(html.contains(&escape(step.body[0])), "body of step {n}");
        assert!(
            html.contains(&format!("-desc\">{}</desc>", escape(step.alt))),
            "alt of step {n}"
        );
        assert_eq!(html.matches(r#"aria-current="step""#).count(), 1);
        let scene = format!("{:?}", step.scene).to_lowercase();
        assert!(
            html.contains(&format!("kg-ill-scene-{scene}")),
            "scene of step {n}"
        );
    }
}

#[test]
fn checklists_render_every_item_as_a_checkbox_with_progress() {
    let g = guide(Lang::En);
    let html = render(&[("sections", "before")]);
    let items: usize = g.before.iter().map(|group| group.items.len()).sum();
    assert_eq!(html.matches(r#"type="checkbox""#).count(), items);
    for group in g.before {
        assert!(html.contains(&format!("0 of {} done", group.items.len())));
    }
}

#[test]
fn practice_values_appear_in_the_text() {
    let html = render(
        &example("practice")
            .with(&[("sections", "warnings"), ("emergency-number", "112")])
            .pairs(),
    );
    assert!(html.contains("Contact Riverside Spine if:"));
    assert!(html.contains(r#"href="tel:5550100199""#));
    assert!(html.contains("Call 112 now if:"));
    assert!(html.contains(r#"<span class="kg-visually-hidden">Immediate action required: </span>"#));
}

#[test]
fn heading_levels_follow_the_attribute() {
    let html = render(&[("heading-level", "3"), ("sections", "overview")]);
    assert!(html.contains(r#"<h3 part="kg-title" class="kg-title">"#));
    assert!(html.contains("<h4 tabindex=\"-1\">Overview</h4>"));
    assert!(html.contains("<h5>"));
}

#[test]
fn spanish_renders_the_whole_guide_in_spanish() {
    let html = render(
        &example("spanish")
            .with(&[("sections", "aftercare")])
            .pairs(),
    );
    assert!(html.contains(r#"lang="es""#));
    assert!(html.contains("Su guía sobre la cifoplastia con balón"));
    assert!(html.contains(&escape(
        guide(Lang::Es).aftercare[0].items[0]
            .text
            .split('{')
            .next()
            .unwrap_or_default()
    )));
    assert!(!html.contains("Your guide"));
}

#[test]
fn markup_in_attributes_is_shown_as_text_never_as_markup() {
    let html = render(
        &example("hostile-name")
            .with(&[("sections", "warnings")])
            .pairs(),
    );
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;"));
}

#[test]
fn the_overview_opens_with_the_key_points_and_their_sources_in_both_languages() {
    for lang in Lang::ALL {
        let g = guide(lang);
        let html = render(&[("lang", lang.tag()), ("sections", "overview")]);
        let start = html
            .find(r#"<aside aria-labelledby="kg-key-points-overview" class="kg-key-points">"#)
            .unwrap_or_else(|| panic!("{lang:?}: no key points box"));
        let end = start + html[start..].find("</aside>").expect("closed");
        let aside = &html[start..end];
        assert!(aside.contains(&escape(g.ui.key_points_heading)), "{lang:?}");
        assert!(
            start < html.find(&escape(g.intro[0].heading)).expect("intro"),
            "{lang:?}: the box comes first"
        );
        let points = aside.matches(r#"class="kg-key-point-text""#).count();
        assert_eq!(points, g.key_points.len(), "{lang:?}");
        assert!((5..=6).contains(&points));
        assert_eq!(
            aside.matches(r#"class="kg-refs""#).count(),
            points,
            "{lang:?}: each point cites its sources"
        );
        assert!(
            aside.contains("911"),
            "{lang:?}: the emergency number is filled in"
        );
        assert!(!aside.contains('{'), "{lang:?}: no placeholder left");
    }
}

#[test]
fn each_aftercare_group_title_has_its_pictogram_hidden_from_screen_readers() {
    for lang in Lang::ALL {
        let html = render(&[("lang", lang.tag()), ("sections", "aftercare")]);
        for group in guide(lang).aftercare {
            let legend = format!(
                r#"<legend id="kg-group-aftercare-{}" class="kg-group-title">"#,
                group.id
            );
            let start = html
                .find(&legend)
                .unwrap_or_else(|| panic!("{lang:?}: {}", group.id));
            let rest = &html[start..];
            let legend_html = &rest[..rest.find("</legend>").expect("closed")];
            assert!(
                legend_html.contains(r#"class="kg-pictogram""#)
                    && legend_html.contains(r#"aria-hidden="true""#),
                "{lang:?}: {} has no decorative pictogram: {legend_html}",
                group.id
            );
            assert!(legend_html.contains(r#"stroke="currentColor""#));
        }
        let before = render(&[("lang", lang.tag()), ("sections", "before")]);
        let body = &before[before.find("kg-body").expect("body")..];
        let body = &body[..body.find("kg-print-sheet").unwrap_or(body.len())];
        assert!(
            !body.contains("kg-pictogram"),
            "{lang:?}: before-groups get none"
        );
    }
}

#[test]
fn the_sources_section_lists_real_documents_with_links_and_the_review_stamp_in_both_languages() {
    for lang in Lang::ALL {
        let g = guide(lang);
        let html = render(&[
            ("lang", lang.tag()),
            ("sections", "sources"),
            (
                "reviewed-by",
                "Dr. A. Rivera, Riverside Spine Center, November 2026",
            ),
        ]);
        assert!(
            !html.contains("notes"),
            "{lang:?}: the project notes are not a source"
        );
        for (i, s) in g.sources.iter().enumerate() {
            assert!(
                html.contains(&format!("id=\"kg-source-{}\"", i + 1)),
                "{lang:?} {}",
                s.id
            );
            let title = s.title.replace('&', "&amp;");
            assert!(html.contains(&title), "{lang:?} {}", s.id);
            if let Some(url) = s.url {
                assert!(url.starts_with("https://"));
                assert!(
                    html.contains(&format!("href=\"{}\"", escape(url))),
                    "{lang:?} {}",
                    s.id
                );
            }
        }
        assert!(g.sources.iter().filter(|s| s.url.is_some()).count() >= 10);
        assert!(html.contains(g.review.last_reviewed) && html.contains(g.review.version));
        assert!(
            html.contains("Dr. A. Rivera, Riverside Spine Center, November 2026"),
            "{lang:?}"
        );
    }
}

#[test]
fn each_citation_is_one_short_phrase_of_links_named_by_their_titles() {
    let g = guide(Lang::En);
    let html = render(&[("sections", "overview")]);
    assert!(
        !html.contains("kg-refs-list"),
        "no list per citation any more"
    );
    let first = &html[html.find(r#"<p class="kg-refs">"#).expect("a citation")..];
    let first = &first[..first.find("</p>").expect("closed")];
    assert!(
        first.contains("<span class=\"kg-refs-label\">Sources</span>"),
        "{first}"
    );
    let title = escape(g.sources[0].title);
    assert!(
        first.contains(&format!("aria-label=\"Source 1: {title}\"")),
        "{first}"
    );
    assert!(first.contains("href=\"#kg-source-1\""), "{first}");
    assert!(!first.contains("<li"));
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

#[test]
fn warning_signs_show_the_practice_phone_only_when_configured() {
    let with = render(&[
        ("sections", "warnings"),
        ("practice-phone", "+1 555 010 0199"),
        ("practice-name", "Clinic"),
    ]);
    let urgent = &with[with.find("kg-card-urgent").expect("the care team's card")..];
    assert!(urgent.contains(r#"href="tel:+15550100199""#), "{urgent}");
    let without = render(&[("sections", "warnings")]);
    let urgent = &without[without
        .find("kg-card-urgent")
        .expect("the care team's card")..];
    let card = &urgent[..urgent.find("kg-card-unreachable").expect("the card's end")];
    assert!(!card.contains("tel:"), "{card}");
    assert!(card.contains("kg-card-note"), "{card}");
    assert!(without.contains("Call 911 now if"));
}
