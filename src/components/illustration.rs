//! Placeholder until the drawn illustration lands (same API).

pub use crate::content::Scene;
use yew::prelude::*;

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
}

#[derive(Properties, PartialEq)]
pub struct IllustrationProps {
    pub scene: Scene,
    pub inflation: f64,
    pub show_labels: bool,
    pub labels: IllustrationLabels,
    pub title: AttrValue,
    pub description: AttrValue,
}

#[function_component(Illustration)]
pub fn illustration(props: &IllustrationProps) -> Html {
    html! {
        <figure class="kg-ill">
            <svg role="img" viewBox="0 0 100 60" aria-label={props.title.clone()}>
                <title>{ props.title.clone() }</title>
                <desc>{ props.description.clone() }</desc>
                <rect x="10" y="10" width="80" height="40" fill="#eee" />
            </svg>
        </figure>
    }
}
