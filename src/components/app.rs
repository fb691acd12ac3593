//! The root component: owns the state, provides the context, lays out the widget.

use super::context::{GuideContext, RenderMode};
use super::heading::Heading;
use super::print_sheet::PrintSheet;
use super::section_nav::SectionNav;
use super::sources_toggle::SourcesToggle;
use super::{checklist::ChecklistSection, overview::Overview, procedure::Procedure};
use super::{questions::Questions, risks::Risks, sources::Sources, warnings::Warnings};
use crate::content::Section;
use crate::content::{guide, read_in, text, Lang};
use crate::embed::{languages, Config};
use crate::state::{Action, GuideState};
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
    /// Tick keys the patient ticked in the document, on top of the saved ones.
    pub ticks: Vec<String>,
    /// Whether the patient had the Contents list open.
    pub contents_open: bool,
}

/// The whole guide for one `<kyphoplasty-guide>` element.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = props.config.clone();
    let state = {
        let config = config.clone();
        let resume = props.resume.clone().unwrap_or_default();
        use_reducer(move || {
            let first = config
                .sections
                .first()
                .copied()
                .unwrap_or(Section::Overview);
            // The language whose text the loader handed over (the wasm has no other yet).
            let lang = guide(resume.lang.unwrap_or(config.lang)).lang;
            let (mut saved, persistence) = crate::storage::load_initial(&config.storage_key);
            saved.ticks.extend(resume.ticks);
            GuideState {
                contents_open: resume.contents_open,
                ..GuideState::new(
                    lang,
                    resume.section.unwrap_or(first),
                    resume.step.unwrap_or(config.start_step),
                    guide(lang).steps.len(),
                )
                .with_saved(saved, persistence)
                .with_diary_from(&config.storage_key)
            }
        })
    };
    {
        let on_rendered = props.on_rendered.clone();
        use_effect_with((), move |_| {
            if let Some(callback) = on_rendered {
                callback.emit(());
            }
        });
    }
    {
        // A changed `lang` attribute switches the language; the patient's own switch stays
        // until then. Not on the first render: the state already starts in the right
        // language (or the one the patient chose in the document), and a late dispatch
        // here could undo a switch made a moment after the guide appeared.
        let state = state.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(config.lang, move |lang| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                let lang = *lang;
                languages::request(lang, move |ok| {
                    if ok {
                        state.dispatch(Action::SetLang(lang));
                    }
                });
            }
        });
    }
    {
        // A changed `start-step` attribute opens that step (the first render already did).
        let state = state.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(config.start_step, move |step| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                state.dispatch(Action::GoToStep(*step));
            }
        });
    }
    crate::state::sync::ticks::use_persistence(&state, &config.storage_key);
    use_walkthrough_events(&state, props.host.clone());
    crate::state::sync::diary::use_diary_persistence(&state, &config.storage_key);
    let root = use_node_ref();
    {
        // The accent is set through the CSSOM, which a strict CSP allows (a style attribute would not be).
        let root = root.clone();
        use_effect_with(config.accent.clone(), move |accent| {
            if let Some(element) = root.cast::<web_sys::HtmlElement>() {
                let style = element.style();
                let _ = match accent {
                    Some(colour) => style.set_property("--kg-accent", colour),
                    None => style.remove_property("--kg-accent").map(|_| ()),
                };
            }
        });
    }

    {
        let root = root.clone();
        use_effect_with(state.focus_request, move |request| {
            if *request > 0 {
                let heading = root
                    .cast::<web_sys::Element>()
                    .and_then(|r| r.query_selector(".kg-body [tabindex='-1']").ok().flatten())
                    .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok());
                if let Some(heading) = heading {
                    let _ = heading.focus();
                }
            }
        });
    }
    let context = GuideContext {
        mode: props.mode,
        ..GuideContext::new(state.clone(), config.clone(), props.host.clone())
    };
    let g = context.guide();
    let section = if config.sections.contains(&state.section) {
        state.section
    } else {
        config
            .sections
            .first()
            .copied()
            .unwrap_or(Section::Warnings)
    };
    let other_lang = Lang::ALL
        .into_iter()
        .find(|l| *l != state.lang)
        .unwrap_or(Lang::En);
    let switch_lang = {
        let state = state.clone();
        // The other language's text is downloaded on first use (one language per visitor).
        Callback::from(move |_| {
            let state = state.clone();
            languages::request(other_lang, move |ok| {
                if ok {
                    state.dispatch(Action::SetLang(other_lang));
                }
            });
        })
    };
    let open_warnings = {
        let context = context.clone();
        Callback::from(move |_| {
            context
                .state
                .dispatch(Action::OpenAndFocus(Section::Warnings));
            context.emit(crate::embed::events::HostEvent::Section {
                name: Section::Warnings.name(),
            });
        })
    };
    let practice = config.values.practice_name.as_deref();
    let practice_if = context.shown_if("practice_name");
    let print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });

    html! {
        <ContextProvider<GuideContext> context={context.clone()}>
            <section class={classes!("kg", (!state.show_sources).then_some("kg-refs-off"))} ref={root} lang={state.lang.tag()} aria-label={g.ui.widget_label}>
                <header class="kg-header">
                    <div class="kg-header-text">
                        <Heading class="kg-title" part="kg-title">{ g.ui.title }</Heading>
                        if let Some(name) = practice {
                            <p class="kg-practice" data-kg-if={practice_if} hidden={practice_if.is_some()}>
                                { text::ui(g.ui.from_practice, &[("practice_name", name)]) }
                            </p>
                        }
                    </div>
                    <div class="kg-tools">
                        <button type="button" class="kg-button kg-button-secondary kg-print" aria-label={g.ui.print_label} onclick={print}>
                            { g.ui.print }
                        </button>
                        <SourcesToggle />
                        <button type="button" class="kg-button kg-button-secondary kg-lang" lang={other_lang.tag()} onclick={switch_lang}>
                            { read_in(other_lang) }
                        </button>
                    </div>
                </header>
                <div class="kg-emergency-strip">
                    { emergency_line(&context) }
                    if section != Section::Warnings || context.draws_everything() {
                        <button type="button" class="kg-button kg-button-warning" onclick={open_warnings}>
                            { g.ui.see_warning_signs }
                        </button>
                    }
                </div>
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
                <PrintSheet />
            </section>
        </ContextProvider<GuideContext>>
    }
}

/// Tells the host page when a walkthrough starts and ends, from one place whatever
/// started or ended it (its buttons, its last step, leaving the procedure).
#[hook]
fn use_walkthrough_events(state: &UseReducerHandle<GuideState>, host: Option<web_sys::Element>) {
    let running = state.walkthrough != crate::state::Walkthrough::Off;
    let state = state.clone();
    use_effect_with(running, move |running| {
        // Not on the first render: the guide never starts a walkthrough by itself.
        if *running || state.walk_end.is_some() {
            crate::embed::events::HostEvent::Walkthrough {
                end: (!*running).then(|| state.walk_end.map_or("stopped", |e| e.name())),
                step: state.step + 1,
                total: state.step_count,
            }
            .dispatch(host.as_ref());
        }
    });
}

/// "In an emergency, call 911. Call 911": on every section, and in the static guide.
pub fn emergency_line(context: &GuideContext) -> Html {
    let ui = &context.guide().ui;
    let number = context.emergency_number();
    html! {
        <p>
            <span>{ text::ui(ui.emergency_strip, &[("number", number)]) }</span>
            {" "}
            if let Some(tel) = context.emergency_tel() {
                <a class="kg-call" href={tel} data-kg-tel="emergency_number">{ text::ui(ui.emergency_call, &[("number", number)]) }</a>
            }
        </p>
    }
}

/// The view of one section (shared with the static guide).
pub fn render_section(section: Section) -> Html {
    match section {
        Section::Overview => html! { <Overview /> },
        Section::Procedure => html! { <Procedure /> },
        Section::Before => html! { <ChecklistSection list={Section::Before} /> },
        Section::Aftercare => html! { <ChecklistSection list={Section::Aftercare} /> },
        Section::Warnings => html! { <Warnings /> },
        Section::Risks => html! { <Risks /> },
        Section::Questions => html! { <Questions /> },
        Section::Visit => html! { <super::visit::Visit /> },
        Section::Sources => html! { <Sources /> },
    }
}
