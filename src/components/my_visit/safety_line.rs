//! The gentle safety line under the diary: when today's pain is higher than the last entry
//! or than before the procedure, the care-team warning card's own line about pain, the
//! practice's phone, and the way to every warning sign. It never says what the pain means.

use crate::components::context::{use_guide, use_guide_state};
use crate::content::text;
use crate::diary::{pain_rise, Rise};
use yew::prelude::*;

/// The care-team sign this line repeats (content/*/warnings.toml).
const PAIN_SIGN: &str = "pain-worse";

#[function_component(SafetyLine)]
pub fn safety_line() -> Html {
    let context = use_guide();
    let state = use_guide_state();
    let g = context.guide();
    let Some(today) = state.today.clone() else {
        return Html::default();
    };
    let procedure = state.procedure_date;
    let Some(sign) = g.care_team.iter().find(|w| w.id == PAIN_SIGN) else {
        return Html::default();
    };
    let Some(rise) = pain_rise(&state.diary, &today, procedure) else {
        return Html::default();
    };
    let practice = context.values().practice_name(g).to_string();
    html! {
        <div class="kg-safety" role="status">
            <p class="kg-safety-why">{ if rise == Rise::SinceLastEntry { g.ui.safety_last } else { g.ui.safety_before } }</p>
            <p class="kg-safety-heading"><strong>{ text::ui(g.ui.care_team_heading, &[("practice_name", &practice)]) }</strong></p>
            <p class="kg-safety-sign">{ context.text(sign.text) }</p>
            if let Some((tel, phone)) = context.practice_call() {
                <a class="kg-card-call kg-card-call-urgent" href={tel}>
                    { text::ui(g.ui.care_team_call, &[("practice_name", &practice), ("phone", &phone)]) }
                </a>
            } else {
                <p class="kg-card-note">{ g.ui.care_team_no_phone }</p>
            }
            <button type="button" class="kg-button kg-button-warning">{ g.ui.see_warning_signs }</button>
        </div>
    }
}
