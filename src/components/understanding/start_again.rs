//! "Start again": clears every answer at once (they are the patient's own practice, so
//! no confirmation), says so politely, tells the host, and puts focus on the heading
//! (the button itself disappears).

use crate::components::context::use_guide;
use crate::embed::events::HostEvent;
use crate::state::Action;
use crate::storage::understanding::Answers;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartAgainProps {
    /// How many questions are answered: the button shows only when some are.
    pub answered: usize,
    pub total: usize,
    /// The section's heading, where focus goes once the answers are cleared.
    pub heading: NodeRef,
}

#[function_component(StartAgain)]
pub fn start_again(props: &StartAgainProps) -> Html {
    let context = use_guide();
    let ui = &context.guide().ui;
    let announcement = use_state(String::new);
    let onclick = {
        let (context, announcement) = (context.clone(), announcement.clone());
        let (heading, total) = (props.heading.clone(), props.total);
        let cleared = ui.understanding_cleared;
        Callback::from(move |_: MouseEvent| {
            context.dispatch(Action::ClearAnswers);
            crate::storage::remove_backup::<Answers>(&context.config.storage_key);
            context.emit(HostEvent::Understanding {
                answered: 0,
                correct: 0,
                total,
            });
            announcement.set(cleared.to_string());
            if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        })
    };
    html! {
        <div class="kg-quiz-again">
            if props.answered > 0 {
                <button type="button" class="kg-button kg-button-secondary" {onclick}>{ ui.understanding_start_again }</button>
            }
            <p class="kg-visually-hidden" aria-live="polite" aria-atomic="true">
                if props.answered == 0 { { (*announcement).clone() } }
            </p>
        </div>
    }
}
