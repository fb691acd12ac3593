//! The evidence pack (`evidence-<lang>.html`): every statement of the guide, in the order
//! a patient reads it, each with the passages it rests on, so that a practice's clinician
//! can review the whole guide in one sitting. Each citation is a `<cite>` naming the
//! document, then its section and the passage's first and last words; for a public
//! document, a link opens it with that passage highlighted (a text fragment).
//! Rendered at build time only (`static-guide`); the wasm never shows it.

use crate::content::evidence::{statements, Cited};
use crate::content::text::{self, PracticeValues};
use crate::content::{guide, Guide, Lang, Locator};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EvidencePackProps {
    pub lang: Lang,
}

#[function_component(EvidencePack)]
pub fn evidence_pack(props: &EvidencePackProps) -> Html {
    let g = guide(props.lang);
    let cited = statements(g);
    let stamp = text::ui(
        g.ui.review_stamp,
        &[
            ("version", g.review.version),
            ("date", g.review.last_reviewed),
            ("next", g.review.next_review),
        ],
    );
    // One list per part of the guide, in reading order.
    let mut parts: Vec<(crate::content::Section, Vec<&Cited>)> = Vec::new();
    for c in &cited {
        match parts.last_mut() {
            Some((section, list)) if *section == c.section => list.push(c),
            _ => parts.push((c.section, vec![c])),
        }
    }
    html! {
        <main class="kg kg-evidence">
            <h1>{ g.ui.evidence_title }</h1>
            <p>{ g.ui.evidence_intro }</p>
            <p class="kg-review-stamp">{ stamp }</p>
            { for parts.iter().map(|(section, list)| html! { <>
                <h2>{ section.title(&g.ui) }</h2>
                <ol class="kg-evidence-list">
                    { for list.iter().map(|c| statement(g, c)) }
                </ol>
            </> }) }
        </main>
    }
}

/// One statement: its label, its words (with the guide's default values), its citations.
fn statement(g: &'static Guide, c: &Cited) -> Html {
    let values = PracticeValues::default();
    html! {
        <li id={format!("ev-{}", c.key.replace('/', "-"))} data-key={c.key.clone()}>
            if !c.label.is_empty() {
                <p class="kg-evidence-label"><strong>{ text::content(c.label, g, &values) }</strong></p>
            }
            { for c.texts.iter().map(|t| html! { <p>{ text::content(t, g, &values) }</p> }) }
            <ul class="kg-evidence-cites">
                { for c.locators().iter().map(|l| citation(g, l)) }
            </ul>
        </li>
    }
}

/// `<cite>Document</cite>, section: "first words … last words"`, linked where public.
fn citation(g: &'static Guide, locator: &Locator) -> Html {
    let source = g.source(locator.source);
    let title = source.map_or(locator.source, |s| s.title);
    let passage = text::ui(
        g.ui.evidence_passage,
        &[("start", locator.start), ("end", locator.end)],
    );
    let link = source.and_then(|s| s.url).map(|url| locator.link(url));
    // A section heading may end with its own colon ("Get help right away if:").
    let section = locator.section.trim_end_matches(':');
    // The documents, their sections and their words are in English, whatever the pack's language.
    html! {
        <li>
            <cite lang="en">{ title }</cite>{ ", " }<span lang="en">{ section }</span>{ ": " }
            if let Some(href) = link {
                <a href={href} rel="noopener noreferrer" lang="en">{ passage }</a>
            } else {
                <span lang="en">{ passage }</span>
            }
        </li>
    }
}
