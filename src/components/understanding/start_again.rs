//! "Start again": clears every answer at once (they are the patient's own practice, so
//! no confirmation), says so politely, tells the host, and puts focus on the heading
//! (the button itself disappears).

use crate::components::context::GuideContext;
use crate::embed::events::HostEvent;
use crate::state::understanding::Score;
use crate::state::Action;
use crate::storage::understanding::Answers;
use yew::prelude::*;

/// The button (while anything is answered) and the polite line that says it worked.
/// `heading` takes focus once the answers are gone; `cleared` says they just were.
pub fn start_again(
    context: &GuideContext,
    current: Score,
    heading: &NodeRef,
    cleared: &UseStateHandle<bool>,
) -> Html {
    let ui = &context.guide().ui;
    let onclick = {
        let (context, cleared, heading) = (context.clone(), cleared.clone(), heading.clone());
        let total = current.total;
        Callback::from(move |_: MouseEvent| {
            context.dispatch(Action::ClearAnswers);
            crate::storage::remove_backup::<Answers>(&context.config.storage_key);
            context.emit(HostEvent::Understanding {
                answered: 0,
                correct: 0,
                total,
            });
            cleared.set(true);
            if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        })
    };
    html! {
        <div class="kg-quiz-again">
            if current.answered > 0 {
                <button type="button" class="kg-button kg-button-secondary" {onclick}>{ ui.understanding_start_again }</button>
            }
            <p class="kg-visually-hidden" aria-live="polite" aria-atomic="true">
                if **cleared && current.answered == 0 { { ui.understanding_cleared } }
            </p>
        </div>
    }
}
