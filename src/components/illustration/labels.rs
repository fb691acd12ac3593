//! Part labels with leader lines. Front-of-body parts are labelled in a
//! column on the left, back parts on the right, so text never sits on the
//! treated area. Labels only name parts the current scene shows.

use super::n;
use yew::prelude::*;

use super::{shows_needle, shows_top_view, IllustrationLabels, Scene};

/// Where a label sits: text anchored at (x, y - 5) above its leader line,
/// which runs from the text to the dot at the labelled part.
struct Spec {
    key: &'static str,
    text: &'static str,
    x: f64,
    y: f64,
    anchor: &'static str,
    leader: String,
    dot: (f64, f64),
}

/// A label in the left (front) column, its leader running level to `dot_x`.
fn left(key: &'static str, text: &'static str, y: f64, dot_x: f64) -> Spec {
    Spec {
        key,
        text,
        x: 4.0,
        y,
        anchor: "start",
        leader: format!("M4 {}H{}", n(y), n(dot_x)),
        dot: (dot_x, y),
    }
}

/// A label in the right (back) column, right-aligned to the edge; the
/// leader may bend once at `elbow_x` to reach a dot off its line.
fn right(key: &'static str, text: &'static str, y: f64, elbow_x: f64, dot: (f64, f64)) -> Spec {
    Spec {
        key,
        text,
        x: 436.0,
        y,
        anchor: "end",
        leader: format!("M436 {}H{}L{} {}", n(y), n(elbow_x), n(dot.0), n(dot.1)),
        dot,
    }
}

fn render(spec: Spec) -> Html {
    html! {
        <g class={classes!("kg-ill-label", format!("kg-ill-label-{}", spec.key))}>
            <path class="kg-ill-leader" d={spec.leader} />
            <circle class="kg-ill-dot" cx={n(spec.dot.0)} cy={n(spec.dot.1)} r="2.6" />
            <text class="kg-ill-text" x={n(spec.x)} y={n(spec.y - 5.0)} text-anchor={spec.anchor}>
                { spec.text }
            </text>
        </g>
    }
}

/// All labels that apply to `scene`.
pub fn labels(scene: Scene, l: &IllustrationLabels) -> Html {
    // Left column labels point at the lower vertebra, which never moves,
    // so the text never meets the tilting upper spine.
    let mut specs = vec![
        left("disc", l.disc, 228.0, 114.0),
        left("vertebral-body", l.vertebral_body, 252.0, 160.0),
        left("cortex", l.cortex, 276.0, 110.0),
        left("spongy-bone", l.spongy_bone, 302.0, 166.0),
        right("skin", l.skin, 61.0, 371.0, (371.0, 61.0)),
        right("spinal-canal", l.spinal_canal, 212.0, 237.0, (237.0, 212.0)),
        Spec {
            key: "pedicle",
            text: l.pedicle,
            x: 237.0,
            y: 22.0,
            anchor: "middle",
            leader: "M237 22L233 70".to_owned(),
            dot: (233.0, 70.0),
        },
    ];
    // Balloon, cavity and cement occupy the same spot in the middle body.
    let treated = match scene {
        Scene::Balloon | Scene::Inflate => Some(("balloon", l.balloon, 140.0)),
        Scene::Cavity => Some(("cavity", l.cavity, 132.0)),
        Scene::Cement | Scene::Closed => Some(("cement", l.cement, 132.0)),
        _ => None,
    };
    if let Some((key, text, x)) = treated {
        specs.push(left(key, text, 182.0, x));
    }
    if shows_needle(scene) {
        specs.push(right("needle", l.needle, 112.0, 364.0, (364.0, 131.0)));
    }
    html! {
        <g class="kg-ill-labels">
            if shows_top_view(scene) {
                <text class="kg-ill-text kg-ill-panel-title" x="4" y="20">{ l.side_view }</text>
            }
            { for specs.into_iter().map(render) }
        </g>
    }
}
