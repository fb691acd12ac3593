//! Procedure illustration for balloon kyphoplasty: one SVG whose parts
//! appear and move per step, so patients see a single spine change over the
//! procedure instead of eight unrelated pictures.
//!
//! Scene state lives in CSS classes on the root (`kg-ill-scene-*`), and the
//! continuous balloon inflation in the CSS custom property
//! `--kg-ill-inflation`, set through the CSSOM because a strict CSP
//! (`style-src 'self'`) blocks `style="…"` attributes.

mod labels;
mod scene;

use std::sync::atomic::{AtomicUsize, Ordering};

use yew::prelude::*;

use crate::content::Scene;

/// Localised names for the labelled parts (the app passes them in).
#[derive(Clone, Debug, PartialEq)]
pub struct IllustrationLabels {
    pub vertebral_body: &'static str,
    pub disc: &'static str,
    pub pedicle: &'static str,
    pub spinal_canal: &'static str,
    pub cortex: &'static str,
    pub spongy_bone: &'static str,
    pub needle: &'static str,
    pub balloon: &'static str,
    pub cavity: &'static str,
    pub cement: &'static str,
    pub skin: &'static str,
    pub top_view: &'static str,
    pub side_view: &'static str,
    /// The dashed outline of the broken bone's height before the fracture.
    pub usual_height: &'static str,
}

/// Inputs of [`Illustration`]; the app owns the text so it can localise it.
#[derive(Properties, PartialEq)]
pub struct IllustrationProps {
    pub scene: Scene,
    /// 0.0..=1.0, how far the balloon is inflated; only meaningful on
    /// `Scene::Inflate` (the app drives it from a slider). Other scenes imply
    /// their own value (before Inflate: 0; Inflate default: 1; after: height
    /// restored).
    pub inflation: f64,
    pub show_labels: bool,
    pub labels: IllustrationLabels,
    /// Text alternative: short title of what this step shows.
    pub title: AttrValue,
    /// Text alternative: longer description of what this step shows.
    pub description: AttrValue,
}

/// Per-page counter so several widgets on one page get distinct SVG ids
/// (yew 0.23 has no `use_id`).
static NEXT_INSTANCE: AtomicUsize = AtomicUsize::new(1);

/// The CSS name of a scene, used in the root's `kg-ill-scene-*` class.
pub fn scene_name(scene: Scene) -> &'static str {
    match scene {
        Scene::Fracture => "fracture",
        Scene::Incision => "incision",
        Scene::Needle => "needle",
        Scene::Balloon => "balloon",
        Scene::Inflate => "inflate",
        Scene::Cavity => "cavity",
        Scene::Cement => "cement",
        Scene::Closed => "closed",
    }
}

/// True on the steps where the cannula is in the body (the CSS rules for
/// `.kg-ill-needle` mirror this).
pub fn shows_needle(scene: Scene) -> bool {
    matches!(
        scene,
        Scene::Needle | Scene::Balloon | Scene::Inflate | Scene::Cavity | Scene::Cement
    )
}

/// True on the steps that show the top-view inset (mirrored by the CSS
/// rules for `.kg-ill-top`): every step with the needles in, so the patient sees
/// them pass beside the spinal canal, not through it.
pub fn shows_top_view(scene: Scene) -> bool {
    shows_needle(scene)
}

/// True on the steps that show the outline of the bone's usual height (mirrored by
/// the CSS rules for `.kg-ill-usual`): from the fracture to the balloon's lift, so
/// the height lost, and then regained, reads by comparison.
pub fn shows_usual_height(scene: Scene) -> bool {
    matches!(
        scene,
        Scene::Fracture | Scene::Incision | Scene::Needle | Scene::Balloon | Scene::Inflate
    )
}

/// A coordinate for an SVG attribute, to one decimal, written with integer maths:
/// formatting `f64` directly would pull the float printer (about 14 KB) into the wasm.
pub(super) fn n(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, fraction) = (tenths.abs() / 10, tenths.abs() % 10);
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// Clamps the slider value; a NaN from a broken input shows full inflation
/// rather than an invalid CSS value.
fn clamp_inflation(value: f64) -> f64 {
    if value.is_finite() {
        value.clamp(0.0, 1.0)
    } else {
        1.0
    }
}

/// The balloon kyphoplasty illustration: side view of three vertebrae with a
/// wedge fracture in the middle one, plus a top-view inset while needles are
/// placed. See `illustration.css` for how each scene looks.
#[function_component(Illustration)]
pub fn illustration(props: &IllustrationProps) -> Html {
    let instance = use_state(|| NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed));
    let id = format!("kg-ill-{}", *instance);
    let figure = use_node_ref();
    let inflation = clamp_inflation(props.inflation);

    {
        let figure = figure.clone();
        // The exact slider value goes through the CSSOM (CSP-safe); the
        // quantised class below covers server-rendered HTML without script.
        use_effect_with(inflation, move |inflation| {
            if let Some(element) = figure.cast::<web_sys::HtmlElement>() {
                // Integer maths, not float formatting: keeps f64's Display out of the wasm.
                let thousandths = (inflation * 1000.0).round() as u32;
                let value = format!("{}.{:03}", thousandths / 1000, thousandths % 1000);
                // Setting a custom property cannot meaningfully fail; if the
                // browser refuses, the class default still draws a sane picture.
                let _ = element.style().set_property("--kg-ill-inflation", &value);
            }
        });
    }

    let step = (inflation * 10.0).round() as u32;
    let class = classes!(
        "kg-ill",
        format!("kg-ill-scene-{}", scene_name(props.scene)),
        format!("kg-ill-inflation-{step}"),
        props.show_labels.then_some("kg-ill-labelled"),
    );
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");

    html! {
        <figure class={class} ref={figure}>
            <svg
                class="kg-ill-svg"
                viewBox="0 0 440 372"
                role="img"
                aria-labelledby={format!("{title_id} {desc_id}")}
                xmlns="http://www.w3.org/2000/svg"
            >
                <title id={title_id}>{ props.title.clone() }</title>
                <desc id={desc_id}>{ props.description.clone() }</desc>
                { scene::build(scene::SCENE, &id, &|slot| top_view_title(slot, props)) }
                if props.show_labels {
                    { labels::labels(props.scene, &props.labels) }
                }
            </svg>
        </figure>
    }
}

/// The top-view inset's caption, with the labels only (the side view names itself then too).
fn top_view_title(slot: &str, props: &IllustrationProps) -> Html {
    match slot {
        "top-view-title" if props.show_labels => html! {
            <text class="kg-ill-text kg-ill-panel-title" x="260" y="258">{ props.labels.top_view }</text>
        },
        _ => Html::default(),
    }
}

// Native-only: the tests render with the server renderer on tokio.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
