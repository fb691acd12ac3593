//! The root component: starts the state, provides the two contexts, lays out the widget.
//! Its effects are hooks in [`super::app_hooks`]; the header and the emergency strip are
//! components of their own, so a tick does not re-render them.

use super::app_hooks::{
    use_accent, use_configuration, use_focus_request, use_print_parts, use_rendered,
    use_walkthrough_events,
};
use super::context::{GuideContext, RenderMode};
use super::emergency_strip::EmergencyStrip;
use super::header::Header;
use super::print_sheet::PrintSheet;
use super::section_nav::SectionNav;
use super::{checklist::ChecklistSection, overview::Overview, procedure::Procedure};
use super::{questions::Questions, risks::Risks, sources::Sources, warnings::Warnings};
use crate::content::{guide, Checklist, Lang, Section, TickKey};
use crate::embed::Config;
use crate::islands::Island;
use crate::state::GuideState;
use crate::storage::Saved;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    pub config: Config,
    /// The host element, for events; `None` when rendered on the server.
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    /// Live widget or build-time document (see [`RenderMode`]).
    #[prop_or_default]
    pub mode: RenderMode,
    /// Where the patient was in the document before the wasm took over, so the live
    /// widget opens exactly there.
    #[prop_or_default]
    pub resume: Option<Resume>,
    /// Called once the first render is in the DOM, so the loader's document can be
    /// swapped for it in the same frame.
    #[prop_or_default]
    pub on_rendered: Option<Callback<()>>,
}

/// What the patient had open and ticked in the document (`crate::document`) when the
/// wasm arrived.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Resume {
    pub lang: Option<Lang>,
    pub section: Option<Section>,
    pub step: Option<usize>,
    /// Boxes the patient ticked in the document, on top of the saved ones.
    pub ticks: Vec<TickKey>,
    /// Whether the patient had the Contents list open.
    pub contents_open: bool,
}

/// The state a widget starts with: where the patient was in the document (or the
/// configuration's start), with what this device saved.
fn initial_state(config: &Config, resume: Resume) -> GuideState {
    let first = config
        .sections
        .first()
        .copied()
        .unwrap_or(Section::Overview);
    // The language whose text the loader handed over (the wasm has no other yet).
    let lang = guide(resume.lang.unwrap_or(config.lang)).lang;
    let (mut saved, persistence) = crate::storage::load_initial::<Saved>(&config.storage_key);
    saved.ticks.extend(resume.ticks);
    GuideState {
        contents_open: resume.contents_open,
        configured: (config.lang, config.start_step),
        ..GuideState::new(
            lang,
            resume.section.unwrap_or(first),
            resume.step.unwrap_or(config.start_step),
            guide(lang).steps.len(),
        )
        .with_saved(saved, persistence)
        .with_diary_from(&config.storage_key)
        .with_answers_from(&config.storage_key)
    }
}

/// The whole guide for one `<kyphoplasty-guide>` element.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = &props.config;
    let state = {
        let (config, resume) = (config.clone(), props.resume.clone().unwrap_or_default());
        use_reducer(move || initial_state(&config, resume))
    };
    let root = use_node_ref();
    use_rendered(props.on_rendered.clone());
    use_configuration(&state, config);
    let unsaved_ticks = props.resume.as_ref().is_some_and(|r| !r.ticks.is_empty());
    crate::state::sync::use_storage_sync(&state, &config.storage_key, unsaved_ticks);
    use_walkthrough_events(&state, props.host.clone());
    use_accent(&root, config.accent.clone());
    use_focus_request(&root, state.focus_request);
    // Rebuilt only when what it holds changes: a tick leaves it (and its readers) alone.
    let context = use_memo(
        (config.clone(), state.lang, props.mode, props.host.clone()),
        |(config, lang, mode, host)| {
            GuideContext::new(
                config.clone(),
                *lang,
                *mode,
                host.clone(),
                state.dispatcher(),
            )
        },
    );
    let print_parts = use_print_parts(props.mode == RenderMode::Interactive);
    let section = shown_section(config, state.section);
    let g = context.guide();
    html! {
        <ContextProvider<GuideContext> context={(*context).clone()}>
        <ContextProvider<UseReducerHandle<GuideState>> context={state.clone()}>
            <section class={classes!("kg", (!state.show_sources).then_some("kg-refs-off"))} ref={root} lang={state.lang.tag()} dir={state.lang.dir()} aria-label={g.ui.widget_label}>
                <Header />
                <EmergencyStrip {section} />
                <SectionNav sections={config.sections.clone()} current={section} />
                if context.draws_everything() {
                    // The document: every section, the first shown; the loader switches them.
                    { for Section::ALL.iter().map(|&s| html! {
                        <div class="kg-body" data-kg-panel={s.name()} hidden={s != section}>{ render_section(s) }</div>
                    }) }
                } else {
                    <div class="kg-body" data-kg-panel={section.name()}>
                        { render_section(section) }
                    </div>
                }
                <footer class="kg-footer">
                    <p>{ context.text(g.disclaimer.text) }</p>
                </footer>
                if print_parts > 0 {
                    <PrintSheet parts={print_parts} />
                }
            </section>
        </ContextProvider<UseReducerHandle<GuideState>>>
        </ContextProvider<GuideContext>>
    }
}

/// The section to show: the patient's, unless the configuration leaves it out.
fn shown_section(config: &Config, section: Section) -> Section {
    if config.sections.contains(&section) {
        section
    } else {
        config
            .sections
            .first()
            .copied()
            .unwrap_or(Section::Warnings)
    }
}

/// The view of one section (shared with the static guide): an island's view (see
/// [`crate::islands`]), or a section the wasm never changes.
pub fn render_section(section: Section) -> Html {
    if let Some(island) = Island::in_section(section) {
        return island_view(island);
    }
    match section {
        Section::Overview => html! { <Overview /> },
        Section::Warnings => html! { <Warnings /> },
        Section::Risks => html! { <Risks /> },
        Section::Questions => html! { <Questions /> },
        Section::Sources => html! { <Sources /> },
        // Islands, drawn above.
        Section::Procedure
        | Section::Before
        | Section::Aftercare
        | Section::Visit
        | Section::Understanding => Html::default(),
    }
}

/// An island's view: the component that draws it, in the document and live (the
/// registry of islands is [`crate::islands::Island`]).
pub fn island_view(island: Island) -> Html {
    match island {
        Island::Stepper => html! { <Procedure /> },
        Island::ChecklistBefore => html! { <ChecklistSection list={Checklist::Before} /> },
        Island::ChecklistAftercare => html! { <ChecklistSection list={Checklist::Aftercare} /> },
        Island::Visit => html! { <super::visit::Visit /> },
        Island::Understanding => html! { <super::understanding::Understanding /> },
    }
}
