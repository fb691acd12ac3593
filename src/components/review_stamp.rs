//! The content's own stamp, "Content version 2.0, last reviewed on 2026-12-01. Next
//! review due by 2027-12-01." (NHS.UK shows both dates, so a reader can tell stale words), and,
//! when the practice set `reviewed-by`, its clinician's review beside it. Shown in the
//! Sources section (so in the static guide too) and on the printed sheet: a portal or
//! a patient can see how current the words are and who vouches for them.

use super::context::use_guide;
use crate::content::text;
use yew::prelude::*;

#[function_component(ReviewStamp)]
pub fn review_stamp() -> Html {
    let context = use_guide();
    let g = context.guide();
    let stamp = text::ui(
        g.ui.review_stamp,
        &[
            ("version", g.review.version),
            ("date", g.review.last_reviewed),
            ("next", g.review.next_review),
        ],
    );
    let reviewer_if = context.shown_if("reviewed_by");
    html! {
        <p class="kg-review-stamp">
            <span>{ stamp }</span>
            if let Some(reviewer) = context.config.reviewed_by.as_deref() {
                { " " }
                <span class="kg-reviewed-by" data-kg-if={reviewer_if} hidden={reviewer_if.is_some()}>
                    { text::ui(g.ui.reviewed_by, &[("reviewer", reviewer)]) }
                </span>
            }
        </p>
    }
}
