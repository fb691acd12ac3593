//! The before-the-procedure and aftercare checklists: real checkboxes in groups,
//! each group with its progress, remembered on this device.

use crate::components::context::{use_guide, use_guide_state, GuideContext, RenderMode};
use crate::components::heading::Heading;
use crate::components::pictogram::{has_pictogram, pictogram};
use crate::components::source_refs::source_refs;
use crate::components::timeline::Timeline;
use crate::content::{text, Checklist, ChecklistGroup, ChecklistItem, TickKey};
use crate::embed::events::HostEvent;
use crate::islands::Island;
use crate::state::{Action, GuideState};
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
    // Progress is announced politely after each tick ("Caring for your cuts: 3 of 5 done").
    let announcement = use_state(String::new);
    let announce = {
        let announcement = announcement.clone();
        Callback::from(move |text: String| announcement.set(text))
    };
    let notice = match state.persistence {
        Persistence::Remembered => None,
        Persistence::VisitOnly => Some(g.ui.storage_visit_only),
        Persistence::ResetAfterUnreadable => Some(g.ui.storage_reset),
    };
    let clearing = use_clear_controls(&context, &state);
    // "Clear my ticks" clears every list and the date, so it shows wherever there is any.
    let offer_clear = !state.ticks.is_empty()
        || (props.list == Checklist::Aftercare && state.procedure_date.is_some());
    html! {
        <div class="kg-section" data-section={props.list.name()} data-kg-island={Island::for_checklist(props.list).marker()}>
            <Heading depth={1} focusable=true node_ref={clearing.heading_ref.clone()}>{ heading }</Heading>
            if !(context.mode == RenderMode::Page) {
                <p>{ intro }</p>
            }
            if let Some(notice) = notice {
                <p class="kg-notice" role="status">{ notice }</p>
            }
            if props.list == Checklist::Aftercare {
                <Timeline />
            }
            { for props.list.groups(g).iter().map(|group| html! {
                <Group key={group.id} list={props.list} group={group} on_announce={announce.clone()} />
            }) }
            <p class="kg-visually-hidden" aria-live="polite" aria-atomic="true">{ (*announcement).clone() }</p>
            { clear_controls(&context, props.list, &clearing, offer_clear) }
        </div>
    }
}

/// "Clear my ticks", its confirmation, and where focus goes as they replace each other.
struct ClearControls {
    confirming: bool,
    heading_ref: NodeRef,
    clear_ref: NodeRef,
    keep_ref: NodeRef,
    ask: Callback<MouseEvent>,
    cancel: Callback<MouseEvent>,
    clear: Callback<MouseEvent>,
}

/// The clear controls replace each other, so focus is moved on purpose each time
/// (never left to fall to the page).
#[hook]
fn use_clear_controls(context: &GuideContext, state: &GuideState) -> ClearControls {
    let confirming = use_state(|| false);
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
    let answer = |show_question: bool, focus_to: FocusAfter| {
        let (confirming, focus) = (confirming.clone(), focus.clone());
        Callback::from(move |_| {
            confirming.set(show_question);
            focus.set((focus.0.wrapping_add(1), focus_to));
        })
    };
    // The quiz's answers are cleared with the ticks, and the host told, as "Start again" does.
    let answered = !state.answers.is_empty();
    let clear = {
        let (after, context) = (answer(false, FocusAfter::Heading), context.clone());
        Callback::from(move |event| {
            context.dispatch(Action::ClearTicks);
            let key = &context.config.storage_key;
            crate::storage::remove_backup::<crate::storage::Saved>(key);
            crate::storage::remove_backup::<crate::storage::understanding::Answers>(key);
            if answered {
                let total = context.guide().understanding.len();
                context.emit(HostEvent::Understanding {
                    answered: 0,
                    correct: 0,
                    total,
                });
            }
            after.emit(event);
        })
    };
    ClearControls {
        confirming: *confirming,
        ask: answer(true, FocusAfter::Question),
        cancel: answer(false, FocusAfter::ClearButton),
        clear,
        heading_ref,
        clear_ref,
        keep_ref,
    }
}

/// The clear button, or the question it asks; nothing on the standalone page.
fn clear_controls(
    context: &GuideContext,
    list: Checklist,
    controls: &ClearControls,
    offer_clear: bool,
) -> Html {
    let ui = &context.guide().ui;
    let question_id = format!("kg-confirm-{}", list.name());
    html! {
        <div class="kg-clear" hidden={context.mode == RenderMode::Page}>
            if controls.confirming {
                <div class="kg-confirm" role="group" aria-labelledby={question_id.clone()}>
                    <p id={question_id}>{ ui.clear_confirm }</p>
                    <button type="button" class="kg-button kg-button-secondary" ref={controls.keep_ref.clone()} onclick={controls.cancel.clone()}>{ ui.clear_no }</button>
                    <button type="button" class="kg-button kg-button-danger" onclick={controls.clear.clone()}>{ ui.clear_yes }</button>
                </div>
            } else if offer_clear {
                <button type="button" class="kg-button kg-button-secondary" ref={controls.clear_ref.clone()} onclick={controls.ask.clone()}>{ ui.clear_ticks }</button>
            }
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
                    let counts = (done, total);
                    let onchange = on_tick(&context, props, key.clone(), item.id, &title, counts);
                    check_item(&context, item, &key, checked, onchange)
                }) }
            </ul>
        </fieldset>
    }
}

/// What ticking or unticking an item does: the state, the announcement, the host event.
fn on_tick(
    context: &GuideContext,
    props: &GroupProps,
    key: TickKey,
    item_id: &str,
    title: &str,
    (done, total): (usize, usize),
) -> Callback<Event> {
    let (context, list, item_id) = (context.clone(), props.list.name(), item_id.to_string());
    let (on_announce, title, total) = (
        props.on_announce.clone(),
        title.to_string(),
        total.to_string(),
    );
    Callback::from(move |event: Event| {
        let checked = event.target_unchecked_into::<HtmlInputElement>().checked();
        let now_done = if checked {
            done + 1
        } else {
            done.saturating_sub(1)
        };
        let ui = &context.guide().ui;
        on_announce.emit(text::ui(
            ui.progress_announcement,
            &[
                ("group", &title),
                ("done", &now_done.to_string()),
                ("total", &total),
            ],
        ));
        context.dispatch(Action::SetTick {
            key: key.clone(),
            checked,
        });
        context.emit(HostEvent::Tick {
            list,
            item: item_id.clone(),
            checked,
        });
    })
}

/// One item: a real checkbox and its label (the practice's wording when it gave one).
fn check_item(
    context: &GuideContext,
    item: &'static ChecklistItem,
    key: &TickKey,
    checked: bool,
    onchange: Callback<Event>,
) -> Html {
    let id = key.element_id();
    html! {
        <li key={key.as_str()} class={classes!("kg-check", checked.then_some("kg-check-done"))}>
            <input type="checkbox" class="kg-checkbox" id={id.clone()} {checked} {onchange}
                data-key={key.to_string()} />
            <label for={id} class={has_pictogram(item.id).then_some("kg-check-pictured")}>
                { pictogram(item.id) }
                <span class="kg-check-text" data-kg-item={key.to_string()}>{ context.item_text(key, item.text) }</span>
                if let Some(detail) = item.detail {
                    <span class="kg-check-detail">{ context.text(detail) }</span>
                }
            </label>
            { source_refs(context.guide(), item.sources) }
        </li>
    }
}
