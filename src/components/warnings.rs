//! Warning signs as two care cards (after NHS.UK's urgent and emergency cards).
//! The urgency is spoken first through a visually hidden prefix in each heading;
//! the emergency card is red and never collapsed.

use super::context::{use_guide, GuideContext};
use super::heading::Heading;
use super::pictogram::pictogram;
use super::source_refs::source_refs;
use crate::content::{text, Guide, WarningSign};
use yew::prelude::*;

#[function_component(Warnings)]
pub fn warnings() -> Html {
    let context = use_guide();
    let g = context.guide();
    html! {
        <div class="kg-section" data-section="warnings">
            <Heading depth={1} focusable=true>{ g.ui.warnings_heading }</Heading>
            { emergency_card(&context) }
            { care_team_card(&context) }
            { source_refs(g, &cited(g)) }
        </div>
    }
}

/// The red card: call the emergency number now.
fn emergency_card(context: &GuideContext) -> Html {
    let g = context.guide();
    let number = context.ltr(context.emergency_number());
    html! {
        <div class="kg-card kg-card-emergency">
            <Heading depth={2} class="kg-card-heading">
                <span class="kg-visually-hidden">{ g.ui.emergency_prefix }{" "}</span>
                { text::ui(g.ui.emergency_heading, &[("number", &number)]) }
            </Heading>
            <div class="kg-card-content">
                { signs(context, g.emergency) }
                if let Some(tel) = context.emergency_tel() {
                    <a class="kg-card-call" href={tel} data-kg-tel="emergency_number">{ pictogram("call") }{ text::ui(g.ui.emergency_call, &[("number", &number)]) }</a>
                }
            </div>
        </div>
    }
}

/// The urgent card: call the care team today.
fn care_team_card(context: &GuideContext) -> Html {
    let g = context.guide();
    let practice = context.values().practice_name(g).to_string();
    // The document holds both: the call link, and the note for a practice without a phone.
    let phone_if = context.shown_if("practice_phone");
    html! {
        <div class="kg-card kg-card-urgent">
            <Heading depth={2} class="kg-card-heading">
                <span class="kg-visually-hidden">{ g.ui.care_team_prefix }{" "}</span>
                { text::ui(g.ui.care_team_heading, &[("practice_name", &practice)]) }
            </Heading>
            <div class="kg-card-content">
                { signs(context, g.care_team) }
                if let Some((tel, phone)) = context.practice_call() {
                    <a class="kg-card-call kg-card-call-urgent" href={tel} data-kg-tel="practice_phone" data-kg-if={phone_if} hidden={phone_if.is_some()}>
                        { pictogram("call") }{ text::ui(g.ui.care_team_call, &[("practice_name", &practice), ("phone", &context.ltr(&phone))]) }
                    </a>
                }
                if context.practice_call().is_none() || phone_if.is_some() {
                    <p class="kg-card-note" data-kg-unless={phone_if}>{ g.ui.care_team_no_phone }</p>
                }
                <p class="kg-card-unreachable">{ context.text(g.unreachable.text) }</p>
            </div>
        </div>
    }
}

/// A card's list of signs.
fn signs(context: &GuideContext, list: &'static [WarningSign]) -> Html {
    html! {
        <ul class="kg-card-list">
            { for list.iter().map(|w| html! { <li key={w.id}>{ context.text(w.text) }</li> }) }
        </ul>
    }
}

/// The sources of both cards' signs, each once, in the order first cited.
fn cited(g: &'static Guide) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for w in g
        .care_team
        .iter()
        .chain(g.emergency)
        .chain([&g.unreachable])
    {
        for id in w.sources {
            if !ids.contains(id) {
                ids.push(id);
            }
        }
    }
    ids
}
