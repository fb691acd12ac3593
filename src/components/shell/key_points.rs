//! The "Key points to remember" box at the top of the overview (and so in the static
//! guide; not on the printed sheet, which must stay within two pages): the five or six things a patient must keep in mind (PEMAT item 11, "the
//! material has a summary"). Each line keeps its sources like every other statement.
//!
//! An `<aside>` labelled by its own heading, so a screen reader lists it as a
//! landmark ("Key points to remember, complementary") and a person can jump to it;
//! the points are a plain list, so the count is announced.

use crate::components::context::use_guide;
use crate::components::heading::Heading;
use crate::components::source_refs::source_refs;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KeyPointsProps {
    /// Where the box sits, so each copy's heading id is its own (the overview and the
    /// print sheet are in the same shadow root).
    pub place: &'static str,
}

#[function_component(KeyPoints)]
pub fn key_points(props: &KeyPointsProps) -> Html {
    let context = use_guide();
    let g = context.guide();
    let heading_id = format!("kg-key-points-{}", props.place);
    html! {
        <aside class="kg-key-points" aria-labelledby={heading_id.clone()}>
            <Heading depth={2} id={AttrValue::from(heading_id)} class="kg-key-points-title">
                { g.ui.key_points_heading }
            </Heading>
            <ul class="kg-key-points-list">
                { for g.key_points.iter().map(|point| html! {
                    <li key={point.id}>
                        <span class="kg-key-point-text">{ context.text(point.text) }</span>
                        { source_refs(g, point.sources) }
                    </li>
                }) }
            </ul>
        </aside>
    }
}
