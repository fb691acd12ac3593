//! The before-the-procedure and aftercare checklists: real checkboxes in groups,
//! each group with its progress, remembered on this device.

use super::context::{use_guide, use_guide_state, RenderMode};
use super::heading::Heading;
use super::pictogram::pictogram;
use super::source_refs::source_refs;
use super::timeline::Timeline;
use crate::content::{text, Checklist, ChecklistGroup, TickKey};
use crate::embed::events::HostEvent;
use crate::state::Action;
use crate::storage::Persistence;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChecklistSectionProps {
    pub list: Checklist,
}

/// A checklist section; aftercare also shows the recovery timeline.
#[function_component(ChecklistSection)]
pub fn checklist_section(props: &ChecklistSectionProps) -> Html {
    let context = use_guide();
    let state = use_guide_state();
    let g = context.guide();
    let (heading, intro) = match props.list {
        Checklist::Aftercare => (g.ui.aftercare_heading, g.ui.aftercare_intro),
        Checklist::Before => (g.ui.before_heading, g.ui.before_intro),
    };
    let groups = props.list.groups(g);
    let list_name = props.list.name();
    let confirming = use_state(|| false);
    // Progress is announced politely after each tick ("Caring for your cuts: 3 of 5 done").
    let announcement = use_state(String::new);
    let announce = {
        let announcement = announcement.clone();
        Callback::from(move |text: String| announcement.set(text))
    };
    let any_ticked = state.ticks.iter().any(|t| t.list() == Some(props.list))
        || (props.list == Checklist::Aftercare && state.procedure_date.is_some());
    let notice = match state.persistence {
        Persistence::Remembered => None,
        Persistence::VisitOnly => Some(g.ui.storage_visit_only),
        Persistence::ResetAfterUnreadable => Some(g.ui.storage_reset),
    };
    // The clear controls replace each other, so focus is moved on purpose each time
    // (never left to fall to the page).
    let (heading_ref, clear_ref, keep_ref) = (use_node_ref(), use_node_ref(), use_node_ref());
    let focus = use_state(|| (0u32, FocusAfter::Nothing));
    {
        let refs = (heading_ref.clone(), clear_ref.clone(), keep_ref.clone());
        use_effect_with(*focus, move |(_, target)| {
            let node = match target {
                FocusAfter::Nothing => None,
                FocusAfter::Question => Some(&refs.2),
                FocusAfter::ClearButton => Some(&refs.1),
                FocusAfter::Heading => Some(&refs.0),
            };
            if let Some(element) = node.and_then(|r| r.cast::<web_sys::HtmlElement>()) {
                let _ = element.focus();
            }
        });
    }
    let move_focus = {
        let focus = focus.clone();
        move |target: FocusAfter| focus.set((focus.0.wrapping_add(1), target))
    };
    let ask = {
        let confirming = confirming.clone();
        let move_focus = move_focus.clone();
        Callback::from(move |_| {
            confirming.set(true);
            move_focus(FocusAfter::Question);
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        let move_focus = move_focus.clone();
        Callback::from(move |_| {
            confirming.set(false);
            move_focus(FocusAfter::ClearButton);
        })
    };
    let clear = {
        let confirming = confirming.clone();
        let state = state.clone();
        let storage_key = context.config.storage_key.clone();
        Callback::from(move |_| {
            state.dispatch(Action::ClearTicks);
            crate::storage::remove_backup::<crate::storage::Saved>(&storage_key);
            confirming.set(false);
            move_focus(FocusAfter::Heading);
        })
    };
    html! {
        <div class="kg-section" data-section={list_name}>
            <Heading depth={1} focusable=true node_ref={heading_ref}>{ heading }</Heading>
            if !(context.mode == RenderMode::Page) {
                <p>{ intro }</p>
            }
            if let Some(notice) = notice {
                <p class="kg-notice" role="status">{ notice }</p>
            }
            if props.list == Checklist::Aftercare {
                <Timeline print={context.mode == RenderMode::Page} />
            }
            { for groups.iter().map(|group| html! {
                <Group key={group.id} list={props.list} group={group} on_announce={announce.clone()} />
            }) }
            <p class="kg-visually-hidden" aria-live="polite" aria-atomic="true">{ (*announcement).clone() }</p>
            <div class="kg-clear" hidden={context.mode == RenderMode::Page}>
                if *confirming {
                    <div class="kg-confirm" role="group" aria-labelledby={format!("kg-confirm-{list_name}")}>
                        <p id={format!("kg-confirm-{list_name}")}>{ g.ui.clear_confirm }</p>
                        <button type="button" class="kg-button kg-button-secondary" ref={keep_ref} onclick={cancel}>{ g.ui.clear_no }</button>
                        <button type="button" class="kg-button kg-button-danger" onclick={clear}>{ g.ui.clear_yes }</button>
                    </div>
                } else if any_ticked || !state.ticks.is_empty() {
                    <button type="button" class="kg-button kg-button-secondary" ref={clear_ref} onclick={ask}>{ g.ui.clear_ticks }</button>
                }
            </div>
        </div>
    }
}

/// Where focus goes after one of the clear controls is used.
#[derive(Clone, Copy, PartialEq)]
enum FocusAfter {
    Nothing,
    /// The confirmation appeared: its safe answer, "No, keep them".
    Question,
    /// The patient kept their ticks: back to "Clear my ticks".
    ClearButton,
    /// The ticks are gone, and with them the button: the section's heading.
    Heading,
}

#[derive(Properties, PartialEq)]
struct GroupProps {
    list: Checklist,
    group: &'static ChecklistGroup,
    on_announce: Callback<String>,
}

#[function_component(Group)]
fn group(props: &GroupProps) -> Html {
    let context = use_guide();
    let state = use_guide_state();
    let g = context.guide();
    let group = props.group;
    let keys: Vec<TickKey> = group
        .items
        .iter()
        .map(|i| TickKey::new(props.list, i.id))
        .collect();
    let done = keys.iter().filter(|k| state.is_ticked(k)).count();
    let total = group.items.len();
    let (done_text, total_text) = (done.to_string(), total.to_string());
    let progress = text::ui(
        g.ui.checklist_progress,
        &[("done", &done_text), ("total", &total_text)],
    );
    let title = context.text(group.title);
    let heading_id = format!("kg-group-{}-{}", props.list.name(), group.id);
    html! {
        <fieldset class="kg-group" aria-describedby={format!("{heading_id}-progress")}>
            <legend id={heading_id.clone()} class="kg-group-title">
                if props.list == Checklist::Aftercare { { pictogram(group.id) } }
                { title.clone() }
            </legend>
            <p class="kg-progress" id={format!("{heading_id}-progress")}>
                <span class={classes!("kg-progress-text", (done == total).then_some("kg-progress-complete"))}>
                    { progress }
                </span>
                <progress max={total_text.clone()} value={done_text.clone()} aria-hidden="true"></progress>
            </p>
            <ul class="kg-checklist">
                { for group.items.iter().zip(keys).map(|(item, key)| {
                    let checked = state.is_ticked(&key);
                    let id = key.element_id();
                    let onchange = {
                        let context = context.clone();
                        let key = key.clone();
                        let list = props.list.name();
                        let item_id = item.id.to_string();
                        let on_announce = props.on_announce.clone();
                        let (title, total) = (title.clone(), total.to_string());
                        Callback::from(move |event: Event| {
                            let checked = event.target_unchecked_into::<HtmlInputElement>().checked();
                            let now_done = if checked { done + 1 } else { done.saturating_sub(1) };
                            let ui = &context.guide().ui;
                            on_announce.emit(text::ui(
                                ui.progress_announcement,
                                &[("group", &title), ("done", &now_done.to_string()), ("total", &total)],
                            ));
                            context.dispatch(Action::SetTick { key: key.clone(), checked });
                            context.emit(HostEvent::Tick { list, item: item_id.clone(), checked });
                        })
                    };
                    html! {
                        <li key={key.as_str()} class={classes!("kg-check", checked.then_some("kg-check-done"))}>
                            <input type="checkbox" class="kg-checkbox" id={id.clone()} {checked} {onchange}
                                data-key={key.to_string()} />
                            <label for={id}>
                                <span class="kg-check-text" data-kg-item={key.to_string()}>{ context.item_text(&key, item.text) }</span>
                                if let Some(detail) = item.detail {
                                    <span class="kg-check-detail">{ context.text(detail) }</span>
                                }
                            </label>
                            { source_refs(context.guide(), item.sources) }
                        </li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}
