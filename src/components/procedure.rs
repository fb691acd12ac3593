//! The procedure, step by step: the illustration with the controls to move through it
//! right under it (Previous, Next, "Play the procedure", labels), the step's text, and
//! the numbered list of steps; arrow keys and swipes move too.

use super::context::{use_guide, GuideContext};
use super::heading::Heading;
use super::illustration::{Illustration, IllustrationLabels};
use super::read_aloud::ReadAloud;
use super::source_refs::source_refs;
use super::step_list::StepList;
use super::walkthrough::{controls, narrates, use_walkthrough};
use crate::content::{text, Scene, Ui};
use crate::embed::events::HostEvent;
use crate::state::{Action, Walkthrough as Walk};
use web_sys::{HtmlInputElement, KeyboardEvent, PointerEvent};
use yew::prelude::*;

/// The illustration's part names in the patient's language.
pub fn labels(ui: &Ui) -> IllustrationLabels {
    IllustrationLabels {
        vertebral_body: ui.label_vertebral_body,
        disc: ui.label_disc,
        pedicle: ui.label_pedicle,
        spinal_canal: ui.label_spinal_canal,
        cortex: ui.label_cortex,
        spongy_bone: ui.label_spongy_bone,
        needle: ui.label_needle,
        balloon: ui.label_balloon,
        cavity: ui.label_cavity,
        cement: ui.label_cement,
        skin: ui.label_skin,
        top_view: ui.label_top_view,
        side_view: ui.label_side_view,
        usual_height: ui.label_usual_height,
    }
}

#[function_component(Procedure)]
pub fn procedure() -> Html {
    let context = use_guide();
    let g = context.guide();
    let state = &context.state;
    let index = state.step.min(g.steps.len().saturating_sub(1));
    let Some(step) = g.steps.get(index) else {
        return html! {};
    };
    let total = g.steps.len();
    let (current, count) = ((index + 1).to_string(), total.to_string());
    // While the walkthrough reads the step aloud, the live region gives only its number:
    // the voice says the title, and a screen reader should not say it over the voice.
    let announcement = if state.walkthrough == Walk::Playing && narrates(state.lang.tag()) {
        text::ui(
            g.ui.step_progress,
            &[("current", &current), ("total", &count)],
        )
    } else {
        text::ui(
            g.ui.step_announcement,
            &[
                ("current", &current),
                ("total", &count),
                ("title", &context.text(step.title)),
            ],
        )
    };

    let go = {
        let context = context.clone();
        Callback::from(move |action: Action| {
            let before = context.state.step;
            let target = match action {
                Action::NextStep => (before + 1).min(total - 1),
                Action::PreviousStep => before.saturating_sub(1),
                Action::GoToStep(n) => n.min(total - 1),
                _ => before,
            };
            if target != before {
                context.state.dispatch(Action::GoToStep(target));
                if let Some(step) = context.guide().steps.get(target) {
                    context.emit(HostEvent::Step {
                        number: target + 1,
                        id: step.id,
                        total,
                    });
                }
            }
        })
    };
    let onkeydown = {
        let go = go.clone();
        Callback::from(move |event: KeyboardEvent| {
            let in_slider = event
                .target_dyn_into::<HtmlInputElement>()
                .is_some_and(|input| input.type_() == "range");
            if in_slider || event.alt_key() || event.ctrl_key() || event.meta_key() {
                return;
            }
            match event.key().as_str() {
                "ArrowRight" => go.emit(Action::NextStep),
                "ArrowLeft" => go.emit(Action::PreviousStep),
                _ => return,
            }
            event.prevent_default();
        })
    };
    let previous = {
        let go = go.clone();
        Callback::from(move |_| go.emit(Action::PreviousStep))
    };
    let next = {
        let go = go.clone();
        Callback::from(move |_| go.emit(Action::NextStep))
    };
    let toggle_labels = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ToggleLabels))
    };
    let on_inflate = {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            if let Ok(value) = input.value().parse::<f64>() {
                state.dispatch(Action::SetInflation(value / 100.0));
            }
        })
    };
    let percent = ((state.inflation * 100.0).round() as u32).to_string();
    let swipe = use_swipe(go.clone());
    let walk = use_walkthrough(&context);

    html! {
        <div class="kg-section kg-procedure" data-section="procedure" {onkeydown}>
            <Heading depth={1} focusable=true>{ g.ui.procedure_heading }</Heading>
            { for g.steps.iter().enumerate()
                .filter(|(i, _)| *i == index || context.draws_everything())
                .map(|(i, step)| {
                    let title = context.text(step.title);
                    let progress = text::ui(
                        g.ui.step_progress,
                        &[("current", &(i + 1).to_string()), ("total", &total.to_string())],
                    );
                    let spoken = step_words(&context, i).join(" ");
                    let (at_start, at_end) = (i == 0, i + 1 == total);
                    html! {
                        <div class="kg-stepper" data-kg-step={(i + 1).to_string()} hidden={i != index}>
                            // The picture with its controls right under it: on a phone the
                            // stage stays in view while the text scrolls (styles: .kg-stage).
                            <div class="kg-stage" onpointerdown={swipe.0.clone()} onpointerup={swipe.1.clone()}>
                                <Illustration
                                    scene={step.scene}
                                    inflation={if step.scene == Scene::Inflate { state.inflation } else { 1.0 }}
                                    show_labels={state.show_labels}
                                    labels={labels(&g.ui)}
                                    title={AttrValue::from(title.clone())}
                                    description={AttrValue::from(context.text(step.alt))} />
                                <div class="kg-pager">
                                    <p class="kg-stage-progress">{ progress.clone() }</p>
                                    <button type="button" class="kg-button kg-button-secondary kg-previous"
                                        aria-disabled={at_start.then_some("true")} aria-label={g.ui.previous_step} onclick={previous.clone()}>
                                        <span aria-hidden="true">{ "‹ " }</span>{ g.ui.previous }
                                    </button>
                                    <button type="button" class="kg-button kg-next"
                                        aria-disabled={at_end.then_some("true")} aria-label={g.ui.next_step} onclick={next.clone()}>
                                        { g.ui.next }<span aria-hidden="true">{ " ›" }</span>
                                    </button>
                                </div>
                                <div class="kg-stage-controls">
                                    { controls(&context, &walk) }
                                </div>
                            </div>
                            // The picture's own settings: under it, but not held on screen.
                            <div class="kg-stage-extras">
                                <label class="kg-toggle">
                                    <input type="checkbox" checked={state.show_labels} onchange={toggle_labels.clone()} />
                                    <span>{ g.ui.show_labels }</span>
                                </label>
                                if step.scene == Scene::Inflate {
                                    <div class="kg-slider">
                                        <label for="kg-inflate">{ g.ui.inflate_label }</label>
                                        <input id="kg-inflate" type="range" min="0" max="100" step="5" value={percent.clone()}
                                            aria-valuetext={text::ui(g.ui.inflate_value, &[("percent", &percent)])}
                                            oninput={on_inflate.clone()} />
                                        <p class="kg-hint">{ g.ui.inflate_hint }</p>
                                    </div>
                                }
                            </div>
                            <div class="kg-step-text">
                                <Heading depth={2} class="kg-step-title">
                                    <span class="kg-step-number">{ progress }</span>
                                    { title }
                                </Heading>
                                { for step.body.iter().map(|p| html! { <p>{ context.text(p) }</p> }) }
                                { source_refs(context.guide(), step.sources) }
                                <ReadAloud text={AttrValue::from(spoken)} />
                            </div>
                        </div>
                    }
                }) }
            <StepList current={index} on_select={go.reform(Action::GoToStep)} />
            <p class="kg-visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</p>
        </div>
    }
}

/// What reading step `index` aloud says: its title, then each paragraph.
pub fn step_words(context: &GuideContext, index: usize) -> Vec<String> {
    context.guide().steps.get(index).map_or(Vec::new(), |step| {
        std::iter::once(context.text(step.title))
            .chain(step.body.iter().map(|p| context.text(p)))
            .collect()
    })
}

/// Horizontal swipes on the illustration move between steps on touch screens
/// (left: next, right: previous); vertical movement stays scrolling.
#[hook]
fn use_swipe(go: Callback<Action>) -> (Callback<PointerEvent>, Callback<PointerEvent>) {
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
            go.emit(if dx < 0 {
                Action::NextStep
            } else {
                Action::PreviousStep
            });
        }
    });
    (down, up)
}
