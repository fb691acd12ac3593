//! The printed aftercare sheet: hidden on screen, the only thing printed. A patient
//! gets one or two clean pages: the practice's phone, the timeline with dates, the
//! aftercare checklist with empty boxes to tick by hand, and the warning signs; and a
//! QR code back to the guide.

use crate::components::context::{use_guide, RenderMode};
use crate::components::live_hooks::use_print_parts;
use crate::components::pictogram::pictogram;
use crate::components::review_stamp::ReviewStamp;
use crate::components::share_code::ShareCode;
use crate::components::timeline::Timeline;
use crate::components::warnings::Warnings;
use crate::content::{text, Checklist, TickKey};
use crate::islands::Island;
use yew::prelude::*;

/// How many parts the sheet is drawn in: the QR code (encoding it tries every mask, the
/// heaviest part at 4x CPU), the warning signs, the timeline, the rest.
pub const PRINT_PARTS: u8 = 4;

/// The sheet; live, its parts are drawn one per task after it is taken over
/// ([`use_print_parts`]), so no task draws the whole sheet; at build time all at once.
#[function_component(PrintSheet)]
pub fn print_sheet() -> Html {
    let context = use_guide();
    let parts = use_print_parts(context.mode == RenderMode::Interactive);
    let g = context.guide();
    let practice = context.config.values.practice_name.clone();
    let (name_if, phone_if) = (
        context.shown_if("practice_name"),
        context.shown_if("practice_phone"),
    );
    html! {
        <div class="kg-print-sheet" data-kg-island={Island::PrintSheet.marker()}>
            if let Some(url) = context.share_url().filter(|_| parts >= 1) {
                <ShareCode {url} />
            }
            <p class="kg-print-title">{ g.ui.print_heading }</p>
            if let Some(name) = practice {
                <p class="kg-print-practice" data-kg-if={name_if} hidden={name_if.is_some()}>{ name }</p>
            }
            if let Some(phone) = context.config.practice_phone.clone() {
                <p class="kg-print-practice" data-kg-if={phone_if} hidden={phone_if.is_some()}>{ text::ui(g.ui.print_phone, &[("phone", &context.ltr(&phone))]) }</p>
            }
            if parts >= 2 {
                <Warnings />
            }
            if parts >= 3 {
                <Timeline print_sheet=true />
            }
            if parts >= 4 {
                <AftercareList />
            }
        </div>
    }
}

/// The aftercare checklist with empty boxes to tick by hand, the disclaimer and the
/// review stamp: the sheet's last part.
#[function_component(AftercareList)]
fn aftercare_list_view() -> Html {
    let context = use_guide();
    let g = context.guide();
    html! {
        <>
            <div class="kg-print-checklist">
                <p class="kg-print-subtitle">{ g.ui.aftercare_heading }</p>
                { for g.aftercare.iter().map(|group| html! {
                    <div class="kg-print-group" key={group.id}>
                        <p class="kg-print-group-title">{ pictogram(group.id) }{ context.text(group.title) }</p>
                        <ul>
                            { for group.items.iter().map(|item| {
                                let key = TickKey::new(Checklist::Aftercare, item.id);
                                html! {
                                    <li key={item.id}>
                                        <span class="kg-print-box" aria-hidden="true"></span>
                                        <span>
                                            { context.item_text(&key, item.text) }
                                            if let Some(detail) = item.detail {
                                                <span class="kg-print-detail">{ context.text(detail) }</span>
                                            }
                                        </span>
                                    </li>
                                }
                            }) }
                        </ul>
                    </div>
                }) }
            </div>
            <p class="kg-print-footer">{ context.text(g.disclaimer.text) }</p>
            <ReviewStamp />
        </>
    }
}
