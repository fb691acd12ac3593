//! The numbered list of all steps (after GOV.UK's step-by-step navigation), the
//! current one marked `aria-current="step"`.

use crate::components::context::use_guide;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepListProps {
    pub current: usize,
    pub on_select: Callback<usize>,
}

#[function_component(StepList)]
pub fn step_list(props: &StepListProps) -> Html {
    let context = use_guide();
    let g = context.guide();
    html! {
        <nav class="kg-step-list" aria-label={g.ui.all_steps}>
            <ol>
                { for g.steps.iter().enumerate().map(|(i, step)| {
                    let onclick = props.on_select.reform(move |_| i);
                    let current = i == props.current;
                    html! {
                        <li key={step.id} class={classes!(current.then_some("kg-step-current"), (i < props.current).then_some("kg-step-done"))}>
                            <button type="button" aria-current={current.then_some("step")} {onclick} data-kg-goto={(i + 1).to_string()}>
                                <span class="kg-step-list-number" aria-hidden="true">{ i + 1 }</span>
                                <span>{ context.text(step.title) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
