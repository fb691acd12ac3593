//! The procedure, step by step: the illustration with the controls to move through it
//! right under it (Previous, Next, "Play the procedure", labels), the step's text, and
//! the numbered list of steps; arrow keys and swipes move too.

use crate::components::context::{use_guide, use_guide_state, GuideContext};
use crate::components::heading::Heading;
use crate::components::step_list::StepList;
use crate::components::stepper::{stepper, StepHandlers};
use crate::components::walkthrough::{narrates, use_walkthrough};
use crate::content::text;
use crate::embed::events::HostEvent;
use crate::islands::Island;
use crate::state::{Action, GuideState, StepMove, Walkthrough as Walk};
use web_sys::{HtmlInputElement, KeyboardEvent, PointerEvent};
use yew::prelude::*;

#[function_component(Procedure)]
pub fn procedure() -> Html {
    let context = use_guide();
    let state = use_guide_state();
    let g = context.guide();
    let index = state.step;
    let go = {
        let (context, state) = (context.clone(), state.clone());
        Callback::from(move |step_move: StepMove| {
            let target = state.step_after(step_move);
            if target != state.step {
                context.dispatch(Action::Step(StepMove::To(target)));
                if let Some(step) = context.guide().steps.get(target) {
                    let total = state.step_count;
                    context.emit(HostEvent::Step {
                        number: target + 1,
                        id: step.id,
                        total,
                    });
                }
            }
        })
    };
    let handlers = StepHandlers {
        go: go.clone(),
        swipe: use_swipe(go.clone(), context.lang.is_rtl()),
        walk: use_walkthrough(&context, &state),
    };
    html! {
        <div class="kg-section kg-procedure" data-section="procedure" data-kg-island={Island::Stepper.marker()} onkeydown={arrow_keys(go.clone(), context.lang.is_rtl())}>
            <Heading depth={1} focusable=true>{ g.ui.procedure_heading }</Heading>
            { for (0..g.steps.len())
                .filter(|i| *i == index || context.draws_everything())
                .map(|i| stepper(&context, &state, i, &handlers)) }
            <StepList current={index} on_select={go.reform(StepMove::To)} />
            <p class="kg-visually-hidden" aria-live="polite" aria-atomic="true">{ announcement(&context, &state) }</p>
        </div>
    }
}

/// What the live region says after a step change. While the walkthrough reads the step
/// aloud it gives only the number: the voice says the title, and a screen reader should
/// not say it over the voice.
fn announcement(context: &GuideContext, state: &GuideState) -> String {
    let g = context.guide();
    let Some(step) = g.steps.get(state.step) else {
        return String::new();
    };
    let (current, count) = ((state.step + 1).to_string(), g.steps.len().to_string());
    if state.walkthrough == Walk::Playing && narrates(context.lang.tag()) {
        text::ui(
            g.ui.step_progress,
            &[("current", &current), ("total", &count)],
        )
    } else {
        let title = context.text(step.title);
        let values = [
            ("current", current.as_str()),
            ("total", &count),
            ("title", &title),
        ];
        text::ui(g.ui.step_announcement, &values)
    }
}

/// Left and right arrows move through the steps (not inside the slider, and not with a
/// modifier key, which belongs to the browser). Right to left, the next step lies to
/// the left, where the Next button is.
fn arrow_keys(go: Callback<StepMove>, rtl: bool) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        let in_slider = event
            .target_dyn_into::<HtmlInputElement>()
            .is_some_and(|input| input.type_() == "range");
        if in_slider || event.alt_key() || event.ctrl_key() || event.meta_key() {
            return;
        }
        let (forward, back) = if rtl {
            ("ArrowLeft", "ArrowRight")
        } else {
            ("ArrowRight", "ArrowLeft")
        };
        match event.key().as_str() {
            key if key == forward => go.emit(StepMove::Next),
            key if key == back => go.emit(StepMove::Previous),
            _ => return,
        }
        event.prevent_default();
    })
}

/// Horizontal swipes on the illustration move between steps on touch screens
/// (left: next, right: previous; the other way round right to left, as pages turn);
/// vertical movement stays scrolling.
#[hook]
fn use_swipe(
    go: Callback<StepMove>,
    rtl: bool,
) -> (Callback<PointerEvent>, Callback<PointerEvent>) {
    let start = use_mut_ref(|| None::<(i32, i32)>);
    let down = {
        let start = start.clone();
        Callback::from(move |event: PointerEvent| {
            let touch = event.pointer_type() == "touch" || event.pointer_type() == "pen";
            // A drag on the slider or the labels toggle is theirs, not a swipe.
            let on_control = event
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|target| {
                    target
                        .closest("input, label, button")
                        .ok()
                        .flatten()
                        .is_some()
                });
            *start.borrow_mut() =
                (touch && !on_control).then(|| (event.client_x(), event.client_y()));
        })
    };
    let up = Callback::from(move |event: PointerEvent| {
        let Some((x, y)) = start.borrow_mut().take() else {
            return;
        };
        let (dx, dy) = (event.client_x() - x, event.client_y() - y);
        if dx.abs() >= 50 && dx.abs() > dy.abs() * 2 {
            go.emit(if (dx < 0) != rtl {
                StepMove::Next
            } else {
                StepMove::Previous
            });
        }
    });
    (down, up)
}
