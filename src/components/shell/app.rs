//! The document's root: the whole guide laid out, for the build-time document and the
//! standalone page (compiled only natively: the wasm renders islands, see [`crate::components::live`]).

use crate::components::context::{GuideContext, RenderMode};
use crate::components::emergency_strip::EmergencyStrip;
use crate::components::header::Header;
use crate::components::island_view::island_view;
use crate::components::print_sheet::PrintSheet;
use crate::components::section_nav::SectionNav;
use crate::components::{overview::Overview, questions::Questions, risks::Risks};
use crate::components::{sources::Sources, warnings::Warnings};
use crate::content::{guide, Section};
use crate::embed::Config;
use crate::islands::Island;
use crate::state::GuideState;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    pub config: Config,
    /// The build-time document, the standalone page, or (in native tests) the guide as
    /// the live widget shows one section (see [`RenderMode`]).
    #[prop_or_default]
    pub mode: RenderMode,
}

/// The whole guide for one `<kyphoplasty-guide>` element, as the build writes it: the
/// loader's document and the standalone page. In the browser the document stays and
/// the live root ([`crate::components::live`]) renders only its islands.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = &props.config;
    let state = {
        let config = config.clone();
        use_reducer(move || {
            let first = config
                .sections
                .first()
                .copied()
                .unwrap_or(Section::Overview);
            let lang = guide(config.lang).lang;
            GuideState::new(lang, first, config.start_step, guide(lang).steps.len())
        })
    };
    let context = GuideContext::new(
        config.clone(),
        state.lang,
        props.mode,
        None,
        state.dispatcher(),
    );
    let section = shown_section(config, state.section);
    let g = context.guide();
    html! {
        <ContextProvider<GuideContext> context={context.clone()}>
        <ContextProvider<UseReducerHandle<GuideState>> context={state.clone()}>
            <section class="kg" lang={state.lang.tag()} dir={state.lang.dir()} aria-label={g.ui.widget_label}>
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
                if props.mode != RenderMode::Interactive {
                    <PrintSheet />
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
