//! The printed aftercare sheet: hidden on screen, the only thing printed. A patient
//! gets one or two clean pages: the practice's phone, the timeline with dates, the
//! aftercare checklist with empty boxes to tick by hand, and the warning signs; and a
//! QR code back to the guide.

use super::context::use_guide;
use super::pictogram::pictogram;
use super::review_stamp::ReviewStamp;
use super::share_code::ShareCode;
use super::timeline::Timeline;
use super::warnings::Warnings;
use crate::content::{text, Checklist, TickKey};
use yew::prelude::*;

/// How many parts the sheet is drawn in: the warning signs, the timeline, the rest.
pub const PRINT_PARTS: u8 = 3;

#[derive(Properties, PartialEq)]
pub struct PrintSheetProps {
    /// How many of its parts to draw (up to [`PRINT_PARTS`]): the live widget draws
    /// them one per task after its first render (`use_print_parts`), so no task draws the
    /// whole sheet; at build time all at once.
    #[prop_or(PRINT_PARTS)]
    pub parts: u8,
}

#[function_component(PrintSheet)]
pub fn print_sheet(props: &PrintSheetProps) -> Html {
    let context = use_guide();
    let g = context.guide();
    let practice = context.config.values.practice_name.clone();
    let (name_if, phone_if) = (
        context.shown_if("practice_name"),
        context.shown_if("practice_phone"),
    );
    html! {
        <div class="kg-print-sheet">
            if let Some(url) = context.share_url() {
                <ShareCode {url} />
            }
            <p class="kg-print-title">{ g.ui.print_heading }</p>
            if let Some(name) = practice {
                <p class="kg-print-practice" data-kg-if={name_if} hidden={name_if.is_some()}>{ name }</p>
            }
            if let Some(phone) = context.config.practice_phone.clone() {
                <p class="kg-print-practice" data-kg-if={phone_if} hidden={phone_if.is_some()}>{ text::ui(g.ui.print_phone, &[("phone", &context.ltr(&phone))]) }</p>
            }
            if props.parts >= 1 {
                <Warnings />
            }
            if props.parts >= 2 {
                <Timeline print_sheet=true />
            }
            if props.parts >= 3 {
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
