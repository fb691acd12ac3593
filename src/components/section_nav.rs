//! The list of the guide's parts. Buttons, not links: the widget lives inside
//! someone else's page, so it must not change the page's URL or scroll.
//!
//! On a small screen the list folds behind one "Contents: <part>" button (after
//! GOV.UK's contents list, as a disclosure: a button with `aria-expanded` and the list
//! after it), so the start of the guide's text is on the first screen. The stylesheet
//! decides when it folds (`kg-nav-toggle` is not shown on a wide guide, where the list
//! always shows); the markup is the same at every size, and the loader runs the same
//! disclosure in the document.

use super::context::{use_guide, use_guide_state};
use crate::content::Section;
use crate::embed::events::HostEvent;
use crate::state::Action;
use web_sys::{HtmlElement, KeyboardEvent};
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
        Section::Understanding => ui.section_understanding,
        Section::Sources => ui.section_sources,
    }
}

/// Moves focus to the Contents button if it is shown (the list folds on this screen):
/// the button the patient pressed is about to be hidden with the list.
fn focus_toggle(toggle: &NodeRef) {
    if let Some(button) = toggle.cast::<HtmlElement>() {
        if button.offset_height() > 0 {
            let _ = button.focus();
        }
    }
}

#[function_component(SectionNav)]
pub fn section_nav(props: &SectionNavProps) -> Html {
    let context = use_guide();
    let state = use_guide_state();
    let ui = &context.guide().ui;
    let open = state.contents_open;
    let toggle = use_node_ref();
    let items = props.sections.iter().map(|&section| {
        let current = section == props.current;
        let onclick = {
            let context = context.clone();
            let toggle = toggle.clone();
            Callback::from(move |_| {
                focus_toggle(&toggle);
                context.dispatch(Action::Open(section));
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
    let on_toggle = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::SetContentsOpen(!open)))
    };
    // Escape closes the open list and gives focus back to its button.
    let onkeydown = {
        let state = state.clone();
        let toggle = toggle.clone();
        Callback::from(move |event: KeyboardEvent| {
            if open && event.key() == "Escape" {
                focus_toggle(&toggle);
                state.dispatch(Action::SetContentsOpen(false));
            }
        })
    };
    html! {
        <nav class="kg-nav" aria-label={ui.sections_label} {onkeydown}>
            <button type="button" class="kg-nav-toggle" ref={toggle.clone()} onclick={on_toggle}
                aria-expanded={if open { "true" } else { "false" }} aria-controls="kg-nav-list">
                <span class="kg-nav-toggle-label">{ ui.contents }</span>
                {" "}
                <span class="kg-nav-toggle-current">{ section_title(ui, props.current) }</span>
            </button>
            <ul id="kg-nav-list">{ for items }</ul>
        </nav>
    }
}
