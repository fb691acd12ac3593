//! The printable blank diary: what the section offers where it cannot keep one (no
//! WebAssembly, the standalone page), so a patient can still bring their pain by day.

use crate::components::context::use_guide;
use yew::prelude::*;

/// Lines on the blank diary: a week before and after fits one page.
const ROWS: usize = 14;

#[function_component(BlankDiary)]
pub fn blank_diary() -> Html {
    let context = use_guide();
    let ui = &context.guide().ui;
    let scale = format!(
        "0 {} · 5 {} · 10 {}",
        ui.pain_none, ui.pain_moderate, ui.pain_worst
    );
    html! {
        <table class="kg-diary-table kg-blank-diary">
            <caption>{ ui.visit_blank_caption }<span class="kg-blank-scale">{ scale }</span></caption>
            <thead>
                <tr>
                    <th scope="col">{ ui.col_date }</th>
                    <th scope="col">{ ui.col_pain }</th>
                    <th scope="col">{ ui.col_mobility }</th>
                    <th scope="col">{ ui.col_medicine }</th>
                    <th scope="col">{ ui.col_note }</th>
                </tr>
            </thead>
            <tbody>
                { for (0..ROWS).map(|i| html! {
                    <tr key={i}><td></td><td></td><td></td><td></td><td></td></tr>
                }) }
            </tbody>
        </table>
    }
}
