//! The whole guide at once, for server rendering to static HTML: every section in
//! order and every procedure step with its illustration. For practices that want
//! the guide indexed by search engines or readable with no script at all.

use crate::components::app::render_section;
use crate::components::context::{GuideContext, RenderMode};
use crate::components::emergency_strip::emergency_line;
use crate::components::heading::Heading;
use crate::components::illustration::Illustration;
use crate::components::source_refs::source_refs;
use crate::components::stepper::labels;
use crate::content::Section;
use crate::content::{guide, text};
use crate::embed::Config;
use crate::state::GuideState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StaticGuideProps {
    pub config: Config,
}

#[function_component(StaticGuide)]
pub fn static_guide(props: &StaticGuideProps) -> Html {
    let config = props.config.clone();
    let lang = config.lang;
    let state =
        use_reducer(|| GuideState::new(lang, Section::Overview, 0, guide(lang).steps.len()));
    let context = GuideContext::new(
        config.clone(),
        lang,
        RenderMode::Page,
        None,
        state.dispatcher(),
    );
    let g = guide(lang);
    html! {
        <ContextProvider<GuideContext> context={context.clone()}>
        <ContextProvider<UseReducerHandle<GuideState>> context={state.clone()}>
            <section class="kg kg-static" lang={lang.tag()} dir={lang.dir()} aria-label={g.ui.widget_label}>
                <header class="kg-header">
                    <div class="kg-header-text">
                        <Heading class="kg-title">{ g.ui.title }</Heading>
                        if let Some(name) = config.values.practice_name.as_deref() {
                            <p class="kg-practice">{ text::ui(g.ui.from_practice, &[("practice_name", name)]) }</p>
                        }
                    </div>
                </header>
                <div class="kg-emergency-strip">
                    { emergency_line(&context) }
                </div>
                <nav class="kg-nav" aria-label={g.ui.sections_label}>
                    <ul>
                        { for config.sections.iter().map(|s| html! {
                            <li><a class="kg-nav-button" href={format!("#kg-{}", s.name())}>{ s.title(&g.ui) }</a></li>
                        }) }
                    </ul>
                </nav>
                { for config.sections.iter().map(|section| html! {
                    <div class="kg-body" id={format!("kg-{}", section.name())}>{ render(*section) }</div>
                }) }
                <footer class="kg-footer"><p>{ context.text(g.disclaimer.text) }</p></footer>
            </section>
        </ContextProvider<UseReducerHandle<GuideState>>>
        </ContextProvider<GuideContext>>
    }
}

/// Each section as the widget shows it, but the procedure as the full list of steps.
fn render(section: Section) -> Html {
    match section {
        Section::Procedure => html! { <AllSteps /> },
        other => render_section(other),
    }
}

/// Every step, one after another, as an ordered list (the no-script base of the stepper).
#[function_component(AllSteps)]
fn all_steps() -> Html {
    let context = crate::components::context::use_guide();
    let g = context.guide();
    let total = g.steps.len().to_string();
    html! {
        <div class="kg-section" data-section="procedure">
            <Heading depth={1}>{ g.ui.procedure_heading }</Heading>
            <ol class="kg-static-steps">
                { for g.steps.iter().enumerate().map(|(i, step)| {
                    let title = context.text(step.title);
                    let current = (i + 1).to_string();
                    html! {
                        <li class="kg-stepper" key={step.id}>
                            <div class="kg-stage">
                                <Illustration scene={step.scene} inflation={1.0} show_labels={true} labels={labels(&g.ui)}
                                    title={AttrValue::from(title.clone())} description={AttrValue::from(context.text(step.alt))} />
                            </div>
                            <div class="kg-step-text">
                                <Heading depth={2} class="kg-step-title">
                                    <span class="kg-step-number">{ text::ui(g.ui.step_progress, &[("current", &current), ("total", &total)]) }</span>
                                    { title }
                                </Heading>
                                { for step.body.iter().map(|p| html! { <p>{ context.text(p) }</p> }) }
                                { source_refs(context.guide(), step.sources) }
                            </div>
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Lang;

    fn render(lang: Lang) -> String {
        let config = Config::from_attributes(
            |name| (name == "lang").then(|| lang.tag().to_string()),
            None,
        );
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime");
        runtime.block_on(
            yew::LocalServerRenderer::<StaticGuide>::with_props(StaticGuideProps { config })
                .hydratable(false)
                .render(),
        )
    }

    #[test]
    fn the_static_guide_holds_every_section_and_every_step() {
        for lang in Lang::ALL {
            let html = render(lang);
            let g = guide(lang);
            for section in Section::ALL {
                assert!(
                    html.contains(&format!("id=\"kg-{}\"", section.name())),
                    "{lang:?} {section:?}"
                );
            }
            assert_eq!(
                html.matches("<figure").count(),
                g.steps.len(),
                "{lang:?}: one illustration per step"
            );
            assert_eq!(
                html.matches("type=\"checkbox\"").count(),
                g.before
                    .iter()
                    .chain(g.aftercare)
                    .map(|gr| gr.items.len())
                    .sum::<usize>()
            );
            assert!(!html.contains("<script"));
        }
    }
}
