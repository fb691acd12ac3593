//! The quiz's own checks (`build/understanding.rs`): each proven to fail on a bad file,
//! in both languages where the mistake can be made in one.

use super::{assert_error, Scratch};

/// Changes the first question of `understanding.toml` in every language.
fn edit_both(s: &Scratch, change: impl Fn(String) -> String) {
    s.edit("en", "understanding", &change);
    s.edit("es", "understanding", &change);
}

#[test]
fn a_question_with_no_correct_option_is_named() {
    let s = Scratch::new("quiz-none-correct");
    edit_both(&s, |t| t.replacen("correct = true\n", "", 1));
    assert_error(
        &s.errors(),
        &[
            "content/en/understanding.toml",
            "legs-weak",
            "no option has correct = true",
        ],
    );
}

#[test]
fn a_question_with_two_correct_options_is_named() {
    let s = Scratch::new("quiz-two-correct");
    edit_both(&s, |t| {
        t.replacen(
            "id = \"wait-morning\"\n",
            "id = \"wait-morning\"\ncorrect = true\n",
            1,
        )
    });
    assert_error(
        &s.errors(),
        &[
            "content/en/understanding.toml",
            "legs-weak",
            "2 options have correct = true",
        ],
    );
}

#[test]
fn a_correct_answer_that_differs_between_languages_is_refused() {
    let s = Scratch::new("quiz-answer-differs");
    s.edit("es", "understanding", |t| {
        t.replacen("correct = true\n", "", 1).replacen(
            "id = \"wait-morning\"\n",
            "id = \"wait-morning\"\ncorrect = true\n",
            1,
        )
    });
    assert_error(&s.errors(), &["content/es/understanding.toml", "correct"]);
}

#[test]
fn an_option_without_its_own_feedback_is_named() {
    let s = Scratch::new("quiz-no-feedback");
    edit_both(&s, |t| {
        // Drop the second option's feedback ("wait-morning" in the first question).
        let at = t
            .match_indices("\nfeedback = ")
            .nth(1)
            .expect("a feedback")
            .0;
        let end = t[at + 1..].find('\n').expect("end of line") + at + 1;
        format!("{}{}", &t[..at], &t[end..])
    });
    assert_error(
        &s.errors(),
        &[
            "content/en/understanding.toml",
            "legs-weak",
            "option \"wait-morning\" has no feedback",
        ],
    );
}

#[test]
fn a_question_wide_why_is_refused_so_every_option_speaks_for_itself() {
    let s = Scratch::new("quiz-old-why");
    edit_both(&s, |t| {
        t.replacen(
            "link = \"warnings/cannot-move-legs\"\n",
            "link = \"warnings/cannot-move-legs\"\nwhy = \"One answer for all.\"\n",
            1,
        )
    });
    assert_error(&s.errors(), &["content/en/understanding.toml", "why"]);
}

#[test]
fn a_link_to_a_part_or_an_item_that_does_not_exist_is_named() {
    let s = Scratch::new("quiz-bad-section");
    edit_both(&s, |t| {
        t.replacen(
            "link = \"warnings/cannot-move-legs\"",
            "link = \"warning/cannot-move-legs\"",
            1,
        )
    });
    assert_error(
        &s.errors(),
        &[
            "content/en/understanding.toml",
            "legs-weak",
            "\"warning/cannot-move-legs\"",
            "names no part",
        ],
    );
    let s = Scratch::new("quiz-bad-item");
    edit_both(&s, |t| {
        t.replacen(
            "link = \"warnings/cannot-move-legs\"",
            "link = \"warnings/cannot-move-arms\"",
            1,
        )
    });
    assert_error(
        &s.errors(),
        &[
            "content/en/understanding.toml",
            "legs-weak",
            "names no item \"cannot-move-arms\" in warnings",
        ],
    );
}

#[test]
fn a_question_without_evidence_is_named() {
    let s = Scratch::new("quiz-no-evidence");
    s.edit("evidence", "understanding", |t| {
        t.replace("[[cement]]", "[[cement-old]]")
    });
    let errors = s.errors();
    assert_error(&errors, &["understanding/cement", "no evidence"]);
    assert_error(&errors, &["understanding/cement-old", "no such item"]);
}

#[test]
fn too_few_questions_or_options_are_named() {
    let s = Scratch::new("quiz-few");
    edit_both(&s, |t| {
        // Keep the first two questions only.
        let third = t
            .match_indices("[[question]]")
            .nth(2)
            .expect("a third question")
            .0;
        t[..third].to_string()
    });
    assert_error(
        &s.errors(),
        &["content/en/understanding.toml", "has 2 questions"],
    );
    let s = Scratch::new("quiz-one-option");
    edit_both(&s, |t| {
        let second = t
            .match_indices("[[question.option]]")
            .nth(1)
            .expect("a second option")
            .0;
        let third = t
            .match_indices("[[question]]")
            .nth(1)
            .expect("a second question")
            .0;
        format!("{}{}", &t[..second], &t[third..])
    });
    assert_error(
        &s.errors(),
        &[
            "content/en/understanding.toml",
            "legs-weak",
            "has 1 options",
        ],
    );
}
