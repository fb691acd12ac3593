use super::*;

fn english() -> IllustrationLabels {
    IllustrationLabels {
        vertebral_body: "vertebral body",
        disc: "disc",
        pedicle: "pedicle",
        spinal_canal: "spinal canal",
        cortex: "cortex",
        spongy_bone: "spongy bone",
        needle: "needle",
        balloon: "balloon",
        cavity: "cavity",
        cement: "bone cement",
        skin: "skin",
        top_view: "top view",
        side_view: "side view",
        usual_height: "usual height",
    }
}

const ALL: [Scene; 8] = [
    Scene::Fracture,
    Scene::Incision,
    Scene::Needle,
    Scene::Balloon,
    Scene::Inflate,
    Scene::Cavity,
    Scene::Cement,
    Scene::Closed,
];

async fn render(scene: Scene, show_labels: bool) -> String {
    let props = IllustrationProps {
        scene,
        inflation: 0.5,
        show_labels,
        labels: english(),
        title: AttrValue::from(format!("Title {}", scene_name(scene))),
        description: AttrValue::from(format!("Description {}", scene_name(scene))),
    };
    yew::LocalServerRenderer::<Illustration>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn every_scene_has_title_desc_and_scene_class() {
    for scene in ALL {
        let html = render(scene, false).await;
        let name = scene_name(scene);
        assert!(html.contains(&format!("kg-ill-scene-{name}")), "{name}");
        assert!(html.contains(&format!(">Title {name}</title>")), "{name}");
        assert!(
            html.contains(&format!(">Description {name}</desc>")),
            "{name}"
        );
        assert!(html.contains("role=\"img\""), "{name}");
        assert!(!html.contains("style="), "CSP: no inline styles in {name}");
    }
}

#[tokio::test]
async fn ids_are_unique_per_instance() {
    let a = render(Scene::Fracture, false).await;
    let b = render(Scene::Fracture, false).await;
    let id_of = |html: &str| {
        let start = html.find("aria-labelledby=\"").map(|i| i + 17);
        start.and_then(|s| html[s..].find('"').map(|e| html[s..s + e].to_owned()))
    };
    let (ia, ib) = (id_of(&a), id_of(&b));
    assert!(ia.is_some());
    assert_ne!(ia, ib);
}

#[tokio::test]
async fn needle_group_is_always_in_markup_and_scene_class_drives_it() {
    // The needle group is always rendered so it can slide in and out; the
    // root's scene class is what CSS uses to show it.
    for scene in ALL {
        let html = render(scene, false).await;
        assert!(html.contains("class=\"kg-ill-needle\""), "{scene:?}");
        assert!(html.contains("class=\"kg-ill-top\""), "{scene:?}");
        let root = format!("<figure class=\"kg-ill kg-ill-scene-{} ", scene_name(scene));
        assert!(html.contains(&root), "{scene:?}");
    }
    assert!(!shows_needle(Scene::Fracture) && !shows_needle(Scene::Closed));
    assert!(shows_needle(Scene::Needle) && shows_needle(Scene::Cement));
}

#[tokio::test]
async fn labels_only_when_requested_and_only_for_present_parts() {
    for scene in ALL {
        let plain = render(scene, false).await;
        assert!(!plain.contains("kg-ill-label"), "{scene:?}");
        assert!(!plain.contains(">vertebral body<"), "{scene:?}");
        let labelled = render(scene, true).await;
        assert!(labelled.contains(">vertebral body<"), "{scene:?}");
        assert_eq!(
            labelled.contains(">needle<"),
            shows_needle(scene),
            "{scene:?}"
        );
        assert_eq!(
            labelled.contains(">balloon<"),
            matches!(scene, Scene::Balloon | Scene::Inflate),
            "{scene:?}"
        );
        assert_eq!(labelled.contains(">side view<"), shows_top_view(scene));
    }
}

#[tokio::test]
async fn inflation_has_a_server_rendered_fallback_class() {
    let html = render(Scene::Inflate, true).await;
    assert!(html.contains("kg-ill-inflation-5"));
}

#[test]
fn coordinates_are_written_to_one_decimal_without_float_formatting() {
    use super::n;
    assert_eq!(n(12.0), "12");
    assert_eq!(n(12.34), "12.3");
    assert_eq!(n(-0.5), "-0.5");
    assert_eq!(n(-3.96), "-4");
    assert_eq!(n(0.04), "0");
}
