//! The list of the guide's parts. Buttons, not links: the widget lives inside
//! someone else's page, so it must not change the page's URL or scroll.

use super::context::use_guide;
use crate::embed::events::HostEvent;
use crate::state::{Action, Section};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SectionNavProps {
    pub sections: Vec<Section>,
    pub current: Section,
}

/// The name of a section in the patient's language.
pub fn section_title(ui: &crate::content::Ui, section: Section) -> &'static str {
    match section {
        Section::Overview => ui.section_overview,
        Section::Procedure => ui.section_procedure,
        Section::Before => ui.section_before,
        Section::Aftercare => ui.section_aftercare,
        Section::Warnings => ui.section_warnings,
        Section::Risks => ui.section_risks,
        Section::Questions => ui.section_questions,
        Section::Visit => ui.section_visit,
        Section::Sources => ui.section_sources,
    }
}

#[function_component(SectionNav)]
pub fn section_nav(props: &SectionNavProps) -> Html {
    let context = use_guide();
    let ui = &context.guide().ui;
    let items = props.sections.iter().map(|&section| {
        let current = section == props.current;
        let onclick = {
            let context = context.clone();
            Callback::from(move |_| {
                context.state.dispatch(Action::Open(section));
                context.emit(HostEvent::Section {
                    name: section.name(),
                });
            })
        };
        let class = classes!(
            "kg-nav-button",
            (section == Section::Warnings).then_some("kg-nav-warning"),
        );
        html! {
            <li>
                <button type="button" {class} aria-current={current.then_some("true")} {onclick}
                    data-section={section.name()}>
                    { section_title(ui, section) }
                </button>
            </li>
        }
    });
    html! {
        <nav class="kg-nav" aria-label={ui.sections_label}>
            <ul>{ for items }</ul>
        </nav>
    }
}
