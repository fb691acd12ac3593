//! Tests of the reducer (`state/mod.rs`): every rule, without a browser.
use super::*;
use crate::content::Checklist;

fn state() -> Rc<GuideState> {
    Rc::new(GuideState::new(Lang::En, Section::Procedure, 0, 8))
}

#[test]
fn steps_stay_within_the_procedure() {
    let s = state().reduce(Action::Step(StepMove::Previous));
    assert_eq!(s.step, 0);
    let s = s.reduce(Action::Step(StepMove::To(42)));
    assert_eq!(s.step, 7);
    let s = s.reduce(Action::Step(StepMove::Next));
    assert_eq!(s.step, 7);
    let s = s.reduce(Action::Step(StepMove::Previous));
    assert_eq!(s.step, 6);
}

#[test]
fn inflation_is_clamped_and_resets_on_a_new_step() {
    let s = state().reduce(Action::SetInflation(2.0));
    assert_eq!(s.inflation, 1.0);
    let s = s.reduce(Action::SetInflation(f64::NAN));
    assert_eq!(s.inflation, 1.0);
    let s = s
        .reduce(Action::SetInflation(0.25))
        .reduce(Action::Step(StepMove::Next));
    assert_eq!(s.inflation, 1.0);
}

#[test]
fn ticks_are_added_removed_and_cleared() {
    let key = TickKey::new(Checklist::Before, "allergies");
    let s = state().reduce(Action::SetTick {
        key: key.clone(),
        checked: true,
    });
    assert!(s.is_ticked(&key));
    let s = s.reduce(Action::SetTick {
        key: key.clone(),
        checked: false,
    });
    assert!(!s.is_ticked(&key));
    let s = s
        .reduce(Action::SetProcedureDate(Date::parse_iso("2026-11-24")))
        .reduce(Action::SetTick {
            key: key.clone(),
            checked: true,
        })
        .reduce(Action::ClearTicks);
    assert!(s.ticks.is_empty());
    assert_eq!(s.procedure_date, None, "clearing forgets the date too");
}

#[test]
fn the_walkthrough_plays_pauses_resumes_and_stops() {
    let s = state().reduce(Action::Walk(Walk::Start));
    assert_eq!(
        (s.walkthrough, s.step, s.walk_end),
        (Walkthrough::Playing, 0, None)
    );
    let s = s.reduce(Action::Walk(Walk::Advance { from: 0 }));
    assert_eq!((s.walkthrough, s.step), (Walkthrough::Playing, 1));
    // A late timer for a step already left changes nothing.
    let s = s.reduce(Action::Walk(Walk::Advance { from: 0 }));
    assert_eq!(s.step, 1);
    let s = s.reduce(Action::Walk(Walk::Pause));
    assert_eq!(s.walkthrough, Walkthrough::Paused);
    let s = s.reduce(Action::Walk(Walk::Advance { from: 1 }));
    assert_eq!(s.step, 1, "paused, it does not move on");
    let s = s.reduce(Action::Walk(Walk::Resume));
    assert_eq!(s.walkthrough, Walkthrough::Playing);
    let s = s.reduce(Action::Walk(Walk::Stop));
    assert_eq!(
        (s.walkthrough, s.walk_end),
        (Walkthrough::Off, Some(WalkEnd::Stopped))
    );
    assert_eq!(s.step, 1, "stopping keeps the step");
}

#[test]
fn a_manual_step_change_pauses_the_walkthrough() {
    for action in [
        Action::Step(StepMove::Next),
        Action::Step(StepMove::Previous),
        Action::Step(StepMove::To(4)),
        Action::SetLang(Lang::Es),
    ] {
        let s = state()
            .reduce(Action::Step(StepMove::To(2)))
            .reduce(Action::Walk(Walk::Start))
            .reduce(action.clone());
        assert_eq!(s.walkthrough, Walkthrough::Paused, "{action:?}");
    }
}

#[test]
fn the_walkthrough_ends_after_the_last_step_or_when_the_patient_leaves() {
    let s = state()
        .reduce(Action::Step(StepMove::To(7)))
        .reduce(Action::Walk(Walk::Start));
    assert_eq!(s.step, 0, "at the end, it starts from the first step");
    let s = s
        .reduce(Action::Step(StepMove::To(7)))
        .reduce(Action::Walk(Walk::Resume));
    let s = s.reduce(Action::Walk(Walk::Advance { from: 7 }));
    assert_eq!(
        (s.walkthrough, s.walk_end),
        (Walkthrough::Off, Some(WalkEnd::Finished))
    );
    let s = s
        .reduce(Action::Walk(Walk::Start))
        .reduce(Action::Open(Section::Warnings));
    assert_eq!(
        (s.walkthrough, s.walk_end),
        (Walkthrough::Off, Some(WalkEnd::Left))
    );
    let s = state()
        .reduce(Action::Walk(Walk::Start))
        .reduce(Action::Open(Section::Procedure));
    assert_eq!(
        s.walkthrough,
        Walkthrough::Playing,
        "the same part keeps it going"
    );
}

#[test]
fn sections_read_their_attribute_names() {
    for section in Section::ALL {
        assert_eq!(Section::from_name(section.name()), Some(section));
    }
    assert_eq!(Section::from_name(" AfterCare "), Some(Section::Aftercare));
    assert_eq!(Section::from_name("nope"), None);
}

#[test]
fn the_shell_tells_the_state_which_part_is_open_and_whether_sources_show() {
    // The loader opens the parts; the state hears of it (it ends a walkthrough when the
    // patient leaves the procedure) and keeps the sources switch to save it.
    let s = state().reduce(Action::Open(Section::Sources));
    assert_eq!(s.section, Section::Sources);
    let s = s.reduce(Action::SetShowSources(false));
    assert!(!s.show_sources);
}

#[test]
fn diary_entries_are_added_edited_deleted_and_cleared_apart_from_the_ticks() {
    let entry = |pain| Entry {
        date: "2026-11-25".into(),
        pain,
        mobility: None,
        medicine: Some(true),
        note: "<b>x</b>".into(),
    };
    let key = TickKey::new(Checklist::Before, "allergies");
    let s = state()
        .reduce(Action::SetTick {
            key: key.clone(),
            checked: true,
        })
        .reduce(Action::SaveEntry(entry(6)))
        .reduce(Action::SaveEntry(entry(3)));
    assert_eq!(s.diary.entries.len(), 1);
    assert_eq!(s.diary.entries["2026-11-25"].pain, 3);
    let s = s
        .reduce(Action::AddOwnQuestion("Can I swim?".into()))
        .reduce(Action::PickQuestion {
            id: "driving".into(),
            picked: true,
        })
        .reduce(Action::RemoveOwnQuestion(7));
    assert_eq!(s.diary.own.len(), 1);
    let s = s.reduce(Action::ClearTicks);
    assert!(!s.diary.is_empty(), "clearing ticks keeps the diary");
    let s = s
        .reduce(Action::SetTick { key, checked: true })
        .reduce(Action::ClearDiary);
    assert!(s.diary.is_empty());
    assert_eq!(s.ticks.len(), 1, "clearing the diary keeps the ticks");
    let s = s
        .reduce(Action::SaveEntry(entry(4)))
        .reduce(Action::DeleteEntry("2026-11-25".into()));
    assert!(s.diary.entries.is_empty());
}

#[test]
fn an_unchanged_attribute_leaves_the_patients_choice_and_a_changed_one_overrides_it() {
    let s = state()
        .reduce(Action::SetLang(Lang::Es))
        .reduce(Action::Step(StepMove::To(4)))
        .reduce(Action::Configure {
            lang: Lang::En,
            start_step: 0,
        });
    assert_eq!(
        (s.lang, s.step),
        (Lang::Es, 4),
        "nothing changed: the patient's choice stays"
    );
    let s = s.reduce(Action::Configure {
        lang: Lang::En,
        start_step: 2,
    });
    assert_eq!(
        (s.lang, s.step),
        (Lang::Es, 2),
        "a new start-step opens that step"
    );
    let s = s
        .reduce(Action::SetLang(Lang::Es))
        .reduce(Action::Configure {
            lang: Lang::Es,
            start_step: 99,
        });
    assert_eq!(
        (s.lang, s.step),
        (Lang::Es, 7),
        "a new lang switches; the step stays in bounds"
    );
}

#[test]
fn step_moves_stay_within_the_steps() {
    let s = state();
    assert_eq!(s.step_after(StepMove::Previous), 0);
    assert_eq!(s.step_after(StepMove::To(20)), 7);
    let s = s.reduce(Action::Step(StepMove::To(7)));
    assert_eq!(s.step_after(StepMove::Next), 7);
}

#[test]
fn a_changed_attribute_pauses_a_playing_walkthrough_and_an_unchanged_one_does_not() {
    let playing = state().reduce(Action::Walk(Walk::Start));
    let same = playing.clone().reduce(Action::Configure {
        lang: Lang::En,
        start_step: 0,
    });
    assert_eq!(same.walkthrough, Walkthrough::Playing);
    let moved = playing.reduce(Action::Configure {
        lang: Lang::En,
        start_step: 3,
    });
    assert_eq!((moved.step, moved.walkthrough), (3, Walkthrough::Paused));
}
