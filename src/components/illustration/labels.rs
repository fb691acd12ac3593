//! Part labels with leader lines, in two layouts the stylesheet chooses between by the
//! picture's width (`illustration.css`):
//! - **wide**: every part the scene shows. Front-of-body parts in a column on the left,
//!   pointing at the lower vertebra (which never moves, so the text never meets the
//!   tilting upper spine); back parts on the right; the usual height at the top left.
//! - **narrow** (a phone): the two or three parts that matter in the step, in larger
//!   type (at least 12 CSS px on screen), in the picture's free corners.
//!
//! Every dot sits on the part its label names in every scene (checked end to end,
//! `tests/e2e/illustration.test.mjs`). Labels only name parts the scene shows.

use super::n;
use yew::prelude::*;

use super::{shows_needle, shows_top_view, shows_usual_height, IllustrationLabels, Scene};

/// A label: text at (x, y) (the baseline) and a leader from the text to the dot.
struct Spec {
    key: &'static str,
    text: &'static str,
    x: f64,
    y: f64,
    anchor: &'static str,
    leader: String,
    dot: (f64, f64),
}

/// A label in the left (front) column, text above its leader, which runs level to `dot_x`.
fn left(key: &'static str, text: &'static str, y: f64, dot_x: f64) -> Spec {
    Spec {
        key,
        text,
        x: 4.0,
        y: y - 5.0,
        anchor: "start",
        leader: format!("M4 {}H{}", n(y), n(dot_x)),
        dot: (dot_x, y),
    }
}

/// A label in the right (back) column, right-aligned to the edge; the leader may bend
/// once at `elbow_x` to reach a dot off its line.
fn right(key: &'static str, text: &'static str, y: f64, elbow_x: f64, dot: (f64, f64)) -> Spec {
    Spec {
        key,
        text,
        x: 436.0,
        y: y - 5.0,
        anchor: "end",
        leader: format!("M436 {}H{}L{} {}", n(y), n(elbow_x), n(dot.0), n(dot.1)),
        dot,
    }
}

/// A label in a corner of the picture (`top`/`bottom`, `start`/`end`), its leader
/// drawn by `leader` (SVG path data) from under the text to `dot`.
fn corner(
    key: &'static str,
    text: &'static str,
    top: bool,
    anchor: &'static str,
    leader: &str,
    dot: (f64, f64),
) -> Spec {
    Spec {
        key,
        text,
        x: if anchor == "start" { 4.0 } else { 436.0 },
        y: if top { 22.0 } else { 364.0 },
        anchor,
        leader: format!("{leader}L{} {}", n(dot.0), n(dot.1)),
        dot,
    }
}

fn render(spec: Spec) -> Html {
    html! {
        <g class={classes!("kg-ill-label", format!("kg-ill-label-{}", spec.key))}>
            <path class="kg-ill-leader" d={spec.leader} />
            <circle class="kg-ill-dot" cx={n(spec.dot.0)} cy={n(spec.dot.1)} r="2.6" />
            <text class="kg-ill-text" x={n(spec.x)} y={n(spec.y)} text-anchor={spec.anchor}>
                { spec.text }
            </text>
        </g>
    }
}

/// Where the usual height's label points: the top edge of the outline of the middle
/// body at its height before the fracture.
const USUAL: (f64, f64) = (120.0, 144.2);
/// A point on the shaft of the needle, near its handle.
const NEEDLE: (f64, f64) = (356.0, 133.5);
/// A point on the skin of the back.
const SKIN: (f64, f64) = (371.0, 61.0);

/// The usual height, top left, its leader down the free left edge of the picture.
fn usual(l: &IllustrationLabels) -> Spec {
    corner(
        "usual-height",
        l.usual_height,
        true,
        "start",
        "M14 28V144.2",
        USUAL,
    )
}

/// Every label for `scene`, for a picture of 352 px or more.
fn wide(scene: Scene, l: &IllustrationLabels) -> Vec<Spec> {
    let mut specs = vec![
        left("disc", l.disc, 228.0, 114.0),
        left("vertebral-body", l.vertebral_body, 252.0, 160.0),
        left("cortex", l.cortex, 276.0, 110.0),
        left("spongy-bone", l.spongy_bone, 302.0, 166.0),
        right("skin", l.skin, 61.0, 371.0, SKIN),
        // The pedicle of the treated vertebra: the bony bridge the needle goes through.
        right("pedicle", l.pedicle, 190.0, 300.0, (236.0, 172.0)),
        right("spinal-canal", l.spinal_canal, 214.0, 251.0, (251.0, 214.0)),
    ];
    // Balloon, cavity and cement occupy the same spot in the middle body.
    if let Some((key, text, x)) = treated(scene, l) {
        specs.push(left(key, text, 182.0, x));
    }
    if shows_needle(scene) {
        specs.push(right("needle", l.needle, 112.0, 364.0, (364.0, 131.5)));
    }
    if shows_usual_height(scene) {
        specs.push(usual(l));
    }
    specs
}

/// The few labels that matter in `scene`, for a narrow picture (larger type).
fn narrow(scene: Scene, l: &IllustrationLabels) -> Vec<Spec> {
    let mut specs = vec![corner(
        "vertebral-body",
        l.vertebral_body,
        false,
        "start",
        "M150 346",
        (150.0, 300.0),
    )];
    if shows_usual_height(scene) {
        specs.push(usual(l));
    }
    let needle = corner("needle", l.needle, true, "end", "M404 28V112", NEEDLE);
    let skin = corner("skin", l.skin, true, "end", "M404 28V50", SKIN);
    match (scene, treated(scene, l)) {
        (Scene::Fracture, _) => specs.push(left("disc", l.disc, 228.0, 114.0)),
        (Scene::Incision, _) => specs.push(skin),
        (Scene::Cement | Scene::Closed, Some((key, text, _))) => {
            specs.push(corner(
                key,
                text,
                true,
                "start",
                "M14 28V182",
                (132.0, 182.0),
            ));
            specs.push(if scene == Scene::Closed { skin } else { needle });
        }
        (_, Some((key, text, x))) => {
            specs.push(left(key, text, 182.0, x));
            specs.push(needle);
        }
        (_, None) => specs.push(needle),
    }
    specs
}

/// The part in the middle body in `scene`, and where its label's dot goes.
fn treated(scene: Scene, l: &IllustrationLabels) -> Option<(&'static str, &'static str, f64)> {
    match scene {
        Scene::Balloon | Scene::Inflate => Some(("balloon", l.balloon, 140.0)),
        Scene::Cavity => Some(("cavity", l.cavity, 132.0)),
        Scene::Cement | Scene::Closed => Some(("cement", l.cement, 132.0)),
        _ => None,
    }
}

/// All labels that apply to `scene`, in both layouts.
pub fn labels(scene: Scene, l: &IllustrationLabels) -> Html {
    html! {
        <g class="kg-ill-labels">
            <g class="kg-ill-wide">
                if shows_top_view(scene) {
                    <text class="kg-ill-text kg-ill-panel-title" x="4" y="364">{ l.side_view }</text>
                }
                { for wide(scene, l).into_iter().map(render) }
            </g>
            <g class="kg-ill-narrow">
                { for narrow(scene, l).into_iter().map(render) }
            </g>
        </g>
    }
}
