//! Native tests of "My visit": the section rendered with a given diary, asserting on what
//! a patient (and a screen reader) gets: days from the procedure, the table alternative,
//! the safety line only when pain rises, and own questions as text only.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use kyphoplasty_guide_core::calendar::Date;
use kyphoplasty_guide_core::components::context::{GuideContext, RenderMode};
use kyphoplasty_guide_core::components::visit::Visit;
use kyphoplasty_guide_core::content::{Lang, Section};
use kyphoplasty_guide_core::diary::{Diary, Entry, Mobility};
use kyphoplasty_guide_core::state::GuideState;
use kyphoplasty_guide_core::storage::Persistence;
use kyphoplasty_guide_core::Config;
use support::examples::example;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
struct HarnessProps {
    diary: Diary,
    lang: Lang,
    procedure: Option<String>,
    today: Option<String>,
    persistence: Persistence,
}

#[function_component(Harness)]
fn harness(props: &HarnessProps) -> Html {
    let practice = example("practice");
    let config = Config::from_attributes(|name| practice.get(name), None);
    let props = props.clone();
    let state = use_reducer(move || {
        let mut state = GuideState::new(props.lang, Section::Visit, 0, 8)
            .with_diary(props.diary.sanitised(), props.persistence);
        state.procedure_date = props.procedure.as_deref().and_then(Date::parse_iso);
        state.today = props.today;
        state
    });
    let context = GuideContext::new(
        config,
        state.lang,
        RenderMode::Interactive,
        None,
        state.dispatcher(),
    );
    html! {
        <ContextProvider<GuideContext> {context}>
            <ContextProvider<UseReducerHandle<GuideState>> context={state}>
                <Visit />
            </ContextProvider<UseReducerHandle<GuideState>>>
        </ContextProvider<GuideContext>>
    }
}

fn render(props: HarnessProps) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(
        yew::LocalServerRenderer::<Harness>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

fn entry(date: &str, pain: u8) -> Entry {
    Entry {
        date: date.into(),
        pain,
        mobility: None,
        medicine: None,
        note: String::new(),
    }
}

fn diary(entries: &[(&str, u8)]) -> Diary {
    let mut d = Diary::default();
    for (date, pain) in entries {
        d.save_entry(entry(date, *pain));
    }
    d
}

fn props(d: Diary) -> HarnessProps {
    HarnessProps {
        diary: d,
        lang: Lang::En,
        procedure: Some("2026-11-24".into()),
        today: Some("2026-11-29".into()),
        persistence: Persistence::Remembered,
    }
}

#[test]
fn entries_read_as_days_from_the_procedure_and_the_table_has_every_entry() {
    let mut d = diary(&[("2026-11-21", 7), ("2026-11-23", 8)]);
    let mut e = entry("2026-11-29", 3);
    e.mobility = Some(Mobility::Less);
    e.medicine = Some(true);
    e.note = "Walked a bit".into();
    d.save_entry(e);
    let html = render(props(d));
    assert!(html.contains("3 days before"), "{html}");
    assert!(html.contains("1 day before"));
    assert!(html.contains("Day 5 after"));
    assert!(html.contains("Pain 3 of 10: Mild"));
    assert!(html.contains("Getting around: Less than usual"));
    // The chart is an image with a name, and its alternative is a real table.
    assert!(html.contains(r#"role="img""#));
    assert!(html.contains("aria-label=\"Chart of your pain by day."));
    let table = &html[html
        .find("<table class=\"kg-diary-table\"")
        .expect("a table")..];
    let table = &table[..table.find("</table>").expect("closed")];
    assert!(table.contains("<caption>Pain by day</caption>"));
    assert_eq!(
        table.matches("<th scope=\"row\">").count(),
        3,
        "one row a day"
    );
    assert!(table.contains("<td>Day 5 after</td><td>3</td><td>Less than usual</td><td>Yes</td>"));
    // The CSV download and the procedure day marked on the chart.
    assert!(html.contains("href=\"data:text/csv;charset=utf-8,"));
    assert!(html.contains("class=\"kg-chart-procedure\""));
    assert!(html.contains("Change your entry for 2026-11-29"));
    // On paper: the practice and the procedure date head the page.
    assert!(html.contains("Procedure date: 2026-11-24"));
    assert!(
        html.contains("Your care team&#x27;s phone: (555) 010-0199")
            || html.contains("Your care team's phone: (555) 010-0199")
    );
}

#[test]
fn the_safety_line_shows_when_pain_rises_and_not_otherwise() {
    let line = "Your pain grows stronger, or the medicine you take for it does not work.";
    let rising = render(props(diary(&[("2026-11-28", 3), ("2026-11-29", 5)])));
    assert!(rising.contains(line), "{rising}");
    assert!(rising.contains("Your pain today is higher than in your last entry."));
    assert!(
        rising.contains("href=\"tel:5550100199\""),
        "the practice's phone"
    );
    assert!(
        rising.contains(">Warning signs</button>"),
        "the way to the emergency signs"
    );

    let above_before = render(props(diary(&[
        ("2026-11-22", 4),
        ("2026-11-27", 8),
        ("2026-11-29", 6),
    ])));
    assert!(above_before.contains("Your pain today is higher than before the procedure."));

    for quiet in [
        diary(&[("2026-11-28", 5), ("2026-11-29", 3)]),
        diary(&[("2026-11-28", 5), ("2026-11-29", 5)]),
        diary(&[("2026-11-29", 9)]),
        diary(&[("2026-11-27", 2), ("2026-11-28", 6)]),
    ] {
        let html = render(props(quiet.clone()));
        assert!(!html.contains(line), "{quiet:?}");
        assert!(!html.contains("kg-safety"), "{quiet:?}");
    }
}

#[test]
fn hostile_own_questions_and_notes_are_text_only() {
    let mut d = Diary::default();
    d.add_own("<script>alert(1)</script><img src=x onerror=alert(2)>");
    d.add_own(&format!("\u{202e}evil\u{202c}{}", "long ".repeat(1000)));
    let mut e = entry("2026-11-29", 2);
    e.note = "<b onclick=x>bold</b>".into();
    d.save_entry(e);
    let html = render(props(d));
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("<b onclick"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;b onclick=x&gt;bold&lt;/b&gt;"));
    assert!(
        !html.contains('\u{202e}'),
        "no bidi override reaches the page"
    );
    assert!(!html.contains(&"long ".repeat(60)), "cut to its limit");
    assert!(html.contains("dir=\"auto\""));
}

#[test]
fn an_empty_diary_explains_itself_with_a_blank_diary_and_the_questions_in_both_languages() {
    for (lang, heading, question) in [
        (
            Lang::En,
            "My diary and questions",
            "When may I drive again?",
        ),
        (
            Lang::Es,
            "Mi diario y mis preguntas",
            "¿Cuándo puedo volver a manejar?",
        ),
    ] {
        let html = render(HarnessProps {
            lang,
            ..props(Diary::default())
        });
        assert!(html.contains(heading), "{lang:?}");
        assert!(html.contains(question), "{lang:?}");
        assert!(html.contains("kg-blank-diary"), "{lang:?}");
        assert!(!html.contains("kg-chart-svg"), "no chart without entries");
        assert!(!html.contains("kg-visit-clear"), "nothing to clear");
    }
}

#[test]
fn the_section_says_when_the_diary_is_not_kept() {
    let html = render(HarnessProps {
        persistence: Persistence::VisitOnly,
        ..props(Diary::default())
    });
    assert!(html.contains("This browser is not saving your diary."));
    let html = render(HarnessProps {
        persistence: Persistence::ResetAfterUnreadable,
        ..props(Diary::default())
    });
    assert!(html.contains("We could not read the diary saved earlier"));
}
