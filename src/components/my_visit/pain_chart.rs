//! A small chart of pain by day, and the table that is its text alternative.
//!
//! Plain SVG, no charting library. Everything is drawn in `currentColor` and told apart
//! by shape (dots joined by a line, a dashed line for the procedure day), so it reads in
//! greyscale, on paper and in forced colours. Screen readers get the table, which is
//! also what prints as "the table of entries".

use crate::calendar::Date;
use crate::components::context::use_guide;
use crate::components::diary_words::{entry_date, mobility_word, relative_text, short_date};
use crate::content::Lang;
use crate::diary::Diary;
use yew::prelude::*;

// Whole numbers only: formatting an `f64` would bring float printing into the wasm.
const WIDTH: i64 = 320;
const HEIGHT: i64 = 150;
const LEFT: i64 = 28;
const RIGHT: i64 = 12;
const TOP: i64 = 20;
const BOTTOM: i64 = 22;

/// Days since the epoch of a saved date (saved dates are checked when stored).
fn day(date: &str) -> Option<i64> {
    Date::parse_iso(date).map(|d| d.days_since_epoch())
}

#[derive(Properties, PartialEq)]
pub struct PainChartProps {
    pub diary: Diary,
    pub procedure: Option<Date>,
}

/// The height of a pain score on the chart: 10 at the top, 0 at the bottom.
fn y(pain: u8) -> i64 {
    TOP + (10 - i64::from(pain)) * (HEIGHT - TOP - BOTTOM) / 10
}

/// A day (days since the epoch) as the chart's axis writes it.
fn day_label(d: i64, lang: Lang) -> String {
    short_date(
        Date {
            year: 1970,
            month: 1,
            day: 1,
        }
        .add_days(d),
        lang,
    )
}

/// The pain scale: lines across at 0, 5 and 10, numbered on the left.
fn grid() -> Html {
    html! {
        { for [0u8, 5, 10].into_iter().map(|p| html! {
            <g key={p}>
                <line class="kg-chart-grid" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()}
                    y1={y(p).to_string()} y2={y(p).to_string()} />
                <text class="kg-chart-axis" x={(LEFT - 6).to_string()} y={(y(p) + 4).to_string()} text-anchor="end">{ p }</text>
            </g>
        }) }
    }
}

#[function_component(PainChart)]
pub fn pain_chart(props: &PainChartProps) -> Html {
    let context = use_guide();
    let ui = &context.guide().ui;
    let points: Vec<(i64, u8)> = props
        .diary
        .entries
        .values()
        .filter_map(|e| day(&e.date).map(|d| (d, e.pain)))
        .collect();
    let procedure = props.procedure.map(|p| p.days_since_epoch());
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return Html::default();
    };
    let start = procedure.map_or(first.0, |p| p.min(first.0));
    let end = procedure.map_or(last.0, |p| p.max(last.0));
    let span = (end - start).max(1);
    let x = |d: i64| LEFT + (d - start) * (WIDTH - LEFT - RIGHT) / span;
    let line: Vec<String> = points
        .iter()
        .map(|(d, p)| format!("{},{}", x(*d), y(*p)))
        .collect();
    let short = |d: i64| day_label(d, context.lang);
    html! {
        <figure class="kg-chart">
            <svg class="kg-chart-svg" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label={ui.chart_label} focusable="false">
                { grid() }
                if let Some(p) = procedure {
                    <line class="kg-chart-procedure" x1={x(p).to_string()} x2={x(p).to_string()}
                        y1={(TOP - 4).to_string()} y2={(HEIGHT - BOTTOM).to_string()} />
                    <text class="kg-chart-label" x={x(p).to_string()} y={(TOP - 8).to_string()}
                        text-anchor={if x(p) > WIDTH / 2 { "end" } else { "start" }}>{ ui.chart_procedure }</text>
                }
                <polyline class="kg-chart-line" points={line.join(" ")} />
                { for points.iter().map(|(d, p)| html! {
                    <circle key={*d} class="kg-chart-dot" cx={x(*d).to_string()} cy={y(*p).to_string()} r="4" />
                }) }
                <text class="kg-chart-axis" x={LEFT.to_string()} y={(HEIGHT - 6).to_string()} text-anchor="start">{ short(start) }</text>
                if end != start {
                    <text class="kg-chart-axis" x={(WIDTH - RIGHT).to_string()} y={(HEIGHT - 6).to_string()} text-anchor="end">{ short(end) }</text>
                }
            </svg>
            <DiaryTable diary={props.diary.clone()} procedure={props.procedure} />
        </figure>
    }
}

/// Every entry in a table: for screen readers on screen (the chart's alternative), and
/// printed for the visit.
#[function_component(DiaryTable)]
pub fn diary_table(props: &PainChartProps) -> Html {
    let context = use_guide();
    let ui = &context.guide().ui;
    let lang = context.lang;
    let procedure = props.procedure;
    html! {
        <table class="kg-diary-table">
            <caption>{ ui.table_caption }</caption>
            <thead>
                <tr>
                    <th scope="col">{ ui.col_date }</th>
                    if procedure.is_some() { <th scope="col">{ ui.col_day }</th> }
                    <th scope="col">{ ui.col_pain }</th>
                    <th scope="col">{ ui.col_mobility }</th>
                    <th scope="col">{ ui.col_medicine }</th>
                    <th scope="col">{ ui.col_note }</th>
                </tr>
            </thead>
            <tbody>
                { for props.diary.entries.values().map(|e| html! {
                    <tr key={e.date.clone()}>
                        <th scope="row">{ entry_date(&e.date, lang) }</th>
                        if procedure.is_some() {
                            <td>{ relative_text(ui, &e.date, procedure).unwrap_or_default() }</td>
                        }
                        <td>{ e.pain }</td>
                        <td>{ e.mobility.map(|m| mobility_word(ui, m)).unwrap_or_default() }</td>
                        <td>{ e.medicine.map(|t| if t { ui.answer_yes } else { ui.answer_no }).unwrap_or_default() }</td>
                        <td dir="auto">{ e.note.clone() }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
