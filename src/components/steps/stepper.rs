//! One step of the procedure: the picture with Previous and Next right under it, its
//! settings (labels, the balloon slider), and the step's text; and what a step is made
//! of that others use too (the part names, the words read aloud).

use crate::components::context::GuideContext;
use crate::components::heading::Heading;
use crate::components::illustration::{Illustration, IllustrationLabels};
use crate::components::read_aloud::ReadAloud;
use crate::components::source_refs::source_refs;
use crate::components::walkthrough::{controls, Controls};
use crate::content::{text, Scene, Ui};
use crate::state::{Action, GuideState, StepMove};
use web_sys::{HtmlInputElement, PointerEvent};
use yew::prelude::*;

/// What the step views need from the procedure's controls.
pub struct StepHandlers {
    pub go: Callback<StepMove>,
    pub swipe: (Callback<PointerEvent>, Callback<PointerEvent>),
    pub walk: Controls,
}

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

/// What reading step `index` aloud says: its title, then each paragraph.
pub fn step_words(context: &GuideContext, index: usize) -> Vec<String> {
    context.guide().steps.get(index).map_or(Vec::new(), |step| {
        std::iter::once(context.text(step.title))
            .chain(step.body.iter().map(|p| context.text(p)))
            .collect()
    })
}

/// Step `index`, shown when it is the patient's (the document draws every step).
pub fn stepper(
    context: &GuideContext,
    state: &GuideState,
    index: usize,
    handlers: &StepHandlers,
) -> Html {
    let g = context.guide();
    let Some(step) = g.steps.get(index) else {
        return Html::default();
    };
    let total = g.steps.len();
    let progress = text::ui(
        g.ui.step_progress,
        &[
            ("current", &(index + 1).to_string()),
            ("total", &total.to_string()),
        ],
    );
    let title = context.text(step.title);
    let inflation = if step.scene == Scene::Inflate {
        state.inflation
    } else {
        1.0
    };
    html! {
        <div class="kg-stepper" data-kg-step={(index + 1).to_string()} data-kg-step-id={step.id} hidden={index != state.step}>
            // The picture with its controls right under it: on a phone the
            // stage stays in view while the text scrolls (styles: .kg-stage).
            <div class="kg-stage" onpointerdown={handlers.swipe.0.clone()} onpointerup={handlers.swipe.1.clone()}>
                <Illustration
                    scene={step.scene}
                    {inflation}
                    show_labels={state.show_labels}
                    labels={labels(&g.ui)}
                    title={AttrValue::from(title.clone())}
                    description={AttrValue::from(context.text(step.alt))} />
                { pager(context, index, &progress, &handlers.go) }
                <div class="kg-stage-controls">
                    { controls(context, state, &handlers.walk) }
                </div>
            </div>
            { extras(context, state, step.scene == Scene::Inflate) }
            <div class="kg-step-text">
                <Heading depth={2} class="kg-step-title">
                    <span class="kg-step-number">{ progress }</span>
                    { title }
                </Heading>
                { for step.body.iter().map(|p| html! { <p>{ context.text(p) }</p> }) }
                { source_refs(g, step.sources) }
                <ReadAloud text={AttrValue::from(step_words(context, index).join(" "))} />
            </div>
        </div>
    }
}

/// "Step n of 8", Previous and Next.
fn pager(context: &GuideContext, index: usize, progress: &str, go: &Callback<StepMove>) -> Html {
    let ui = &context.guide().ui;
    let (at_start, at_end) = (index == 0, index + 1 == context.guide().steps.len());
    html! {
        <div class="kg-pager">
            <p class="kg-stage-progress">{ progress.to_string() }</p>
            <button type="button" class="kg-button kg-button-secondary kg-previous"
                aria-disabled={at_start.then_some("true")} aria-label={ui.previous_step} onclick={go.reform(|_| StepMove::Previous)}>
                <span aria-hidden="true">{ "‹ " }</span>{ ui.previous }
            </button>
            <button type="button" class="kg-button kg-next"
                aria-disabled={at_end.then_some("true")} aria-label={ui.next_step} onclick={go.reform(|_| StepMove::Next)}>
                { ui.next }<span aria-hidden="true">{ " ›" }</span>
            </button>
        </div>
    }
}

/// The picture's own settings: under it, but not held on screen.
fn extras(context: &GuideContext, state: &GuideState, inflating: bool) -> Html {
    let ui = &context.guide().ui;
    let toggle_labels = {
        let dispatcher = context.dispatcher.clone();
        Callback::from(move |_: Event| dispatcher.dispatch(Action::ToggleLabels))
    };
    let on_inflate = {
        let dispatcher = context.dispatcher.clone();
        Callback::from(move |event: InputEvent| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            if let Ok(value) = input.value().parse::<f64>() {
                dispatcher.dispatch(Action::SetInflation(value / 100.0));
            }
        })
    };
    let percent = ((state.inflation * 100.0).round() as u32).to_string();
    html! {
        <div class="kg-stage-extras">
            <label class="kg-toggle">
                <input type="checkbox" checked={state.show_labels} onchange={toggle_labels} />
                <span>{ ui.show_labels }</span>
            </label>
            if inflating {
                <div class="kg-slider">
                    <label for="kg-inflate">{ ui.inflate_label }</label>
                    <input id="kg-inflate" type="range" min="0" max="100" step="5" value={percent.clone()}
                        aria-valuetext={text::ui(ui.inflate_value, &[("percent", &percent)])}
                        oninput={on_inflate} />
                    <p class="kg-hint">{ ui.inflate_hint }</p>
                </div>
            }
        </div>
    }
}
