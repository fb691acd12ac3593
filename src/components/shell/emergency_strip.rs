//! The emergency line on every part of the guide, with the way to the warning signs
//! (the loader opens them from the button's class, before and after the wasm).

use crate::components::context::{use_guide, GuideContext};
use crate::content::{text, Section};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmergencyStripProps {
    /// The open section: on the warning signs the shortcut to them is not needed.
    pub section: Section,
}

#[function_component(EmergencyStrip)]
pub fn emergency_strip(props: &EmergencyStripProps) -> Html {
    let context = use_guide();
    html! {
        <div class="kg-emergency-strip">
            { emergency_line(&context) }
            if props.section != Section::Warnings || context.draws_everything() {
                <button type="button" class="kg-button kg-button-warning">
                    { context.guide().ui.see_warning_signs }
                </button>
            }
        </div>
    }
}

/// "In an emergency, call 911. Call 911": on every section, and in the static guide.
pub fn emergency_line(context: &GuideContext) -> Html {
    let ui = &context.guide().ui;
    let number = &context.ltr(context.emergency_number());
    html! {
        <p>
            <span>{ text::ui(ui.emergency_strip, &[("number", number)]) }</span>
            {" "}
            if let Some(tel) = context.emergency_tel() {
                <a class="kg-call" href={tel} data-kg-tel="emergency_number">{ text::ui(ui.emergency_call, &[("number", number)]) }</a>
            }
        </p>
    }
}
