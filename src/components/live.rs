//! The live root (issue 24): one Yew app per `<kyphoplasty-guide>` that holds the state and
//! the two contexts and renders only the islands ([`crate::islands`]), each through a
//! portal into its own host element in the loader's document. The document stays on
//! screen for good: its header, section buttons, Contents, language, print and the parts
//! that never change are the loader's, so the wasm carries no code for them.
//!
//! Islands are taken over one per task, the one on screen first, so no task renders more
//! than one island (the whole guide in one render was a long task at 4x CPU). A host is
//! emptied in the same task as its island renders, so no frame shows it blank.

use super::context::{GuideContext, RenderMode};
use super::island_view::island_view;
use crate::content::{guide, Lang, Section, TickKey};
use crate::embed::Config;
use crate::islands::Island;
use crate::state::{Action, GuideState};
use crate::storage::Saved;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// What the patient had open in the document (`crate::document`) when the wasm arrived.
/// The ticks are read from each island's host as it is taken over (see [`claim`]).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Resume {
    pub lang: Option<Lang>,
    pub section: Option<Section>,
    pub step: Option<usize>,
}

/// A way into the root's state from outside Yew: the loader tells the live islands what
/// its shell did (a section opened, the sources switch), which only the state keeps.
#[derive(Clone, Default)]
pub struct Outside(Rc<RefCell<Option<UseReducerDispatcher<GuideState>>>>);

impl Outside {
    /// Sends `action` to the root's state, once the root has rendered.
    pub fn dispatch(&self, action: Action) {
        if let Some(dispatcher) = self.0.borrow().as_ref() {
            dispatcher.dispatch(action);
        }
    }
}

impl PartialEq for Outside {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct LiveProps {
    pub config: Config,
    /// The `<kyphoplasty-guide>` element, for host events.
    pub host: Option<Element>,
    /// The document's guide (its `.kg` root), whose parts the islands take over.
    pub guide: Element,
    #[prop_or_default]
    pub resume: Resume,
    /// Bumped when the loader shows a new document (a language switch, a changed
    /// attribute), with its `guide`: every island is taken over again, into its hosts.
    #[prop_or_default]
    pub generation: u32,
    #[prop_or_default]
    pub outside: Outside,
    /// Called with a host just before it is emptied, and again once its island is in it.
    #[prop_or_default]
    pub on_claim: Option<Callback<(Element, bool)>>,
    /// Called once every island is live.
    #[prop_or_default]
    pub on_rendered: Option<Callback<()>>,
}

/// The islands taken over so far in this document, in the order they were.
#[derive(Clone, PartialEq, Default)]
struct Taken {
    generation: u32,
    /// The islands whose host was looked for (found or not).
    tried: Vec<Island>,
    /// Whether the last step added a host (the loader hears of each island once).
    added: bool,
    /// Whether the loader was told that every island drawn so far is live.
    rendered: bool,
    hosts: Vec<(Island, Element)>,
}

/// The state a live widget starts with: where the patient was in the document (or the
/// configuration's start), with what this device saved.
fn initial_state(config: &Config, resume: &Resume) -> GuideState {
    let first = config
        .sections
        .first()
        .copied()
        .unwrap_or(Section::Overview);
    // The language whose text the loader handed over (the wasm has no other yet).
    let lang = guide(resume.lang.unwrap_or(config.lang)).lang;
    let (saved, persistence) = crate::storage::load_initial::<Saved>(&config.storage_key);
    GuideState {
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

/// Every island the patient can reach, each rendered into its host in the document.
#[function_component(Live)]
pub fn live(props: &LiveProps) -> Html {
    let config = &props.config;
    let state = {
        let (config, resume) = (config.clone(), props.resume.clone());
        use_reducer(move || initial_state(&config, &resume))
    };
    *props.outside.0.borrow_mut() = Some(state.dispatcher());
    super::live_hooks::use_configuration(&state, config);
    crate::state::sync::use_storage_sync(&state, &config.storage_key, false);
    super::live_hooks::use_walkthrough_events(&state, props.host.clone());
    super::live_hooks::use_step_on_document(&props.guide, state.step);
    super::live_hooks::use_accent(&props.guide, config.accent.clone());
    let context = use_memo(
        (config.clone(), state.lang, props.host.clone()),
        |(config, lang, host)| {
            GuideContext::new(
                config.clone(),
                *lang,
                RenderMode::Interactive,
                host.clone(),
                state.dispatcher(),
            )
        },
    );
    let taken = use_state(Taken::default);
    use_takeover(props, &state, &taken);
    // Keyed by document: a portal whose host changed would be moved by Yew with its
    // events still listened for on the old host (Yew 0.23's `BPortal::reconcile`), so a
    // new document's islands are new portals.
    let portals = taken.hosts.iter().map(|(island, host)| {
        let key = format!("{}-{}", taken.generation, island.marker());
        html! { <key={key}>{ create_portal(island_view(*island), host.clone()) }</> }
    });
    html! {
        <ContextProvider<GuideContext> context={(*context).clone()}>
        <ContextProvider<UseReducerHandle<GuideState>> context={state.clone()}>
            { for portals }
        </ContextProvider<UseReducerHandle<GuideState>>>
        </ContextProvider<GuideContext>>
    }
}

/// Takes the islands over: the one on screen at once (in the task that showed it: a
/// part the patient opens is never drawn by the document first), then, one per task, the
/// others the document has drawn (parts opened before the wasm) and the print sheet. A
/// part never opened stays empty in the document until it is, and is taken over then.
#[hook]
fn use_takeover(
    props: &LiveProps,
    state: &UseReducerHandle<GuideState>,
    taken: &UseStateHandle<Taken>,
) {
    let step = (props.generation, taken.tried.len(), state.section);
    let (props, state, taken) = (props.clone(), state.clone(), taken.clone());
    use_effect_with(step, move |&(generation, _, _)| {
        let timer = take_next(props, state, taken, generation);
        move || drop(timer)
    });
}

/// One step of [`use_takeover`]: the loader told of the island the last render added;
/// the next claimed now or from a timer (returned, so that a new render cancels it).
fn take_next(
    props: LiveProps,
    state: UseReducerHandle<GuideState>,
    taken: UseStateHandle<Taken>,
    generation: u32,
) -> Option<gloo::timers::callback::Timeout> {
    let mut current = if generation == taken.generation {
        (*taken).clone()
    } else {
        // A new document: start again from the island on screen.
        Taken {
            generation,
            ..Taken::default()
        }
    };
    let told = current.added;
    if let (true, Some(on_claim), Some((_, host))) = (told, &props.on_claim, current.hosts.last()) {
        on_claim.emit((host.clone(), true));
    }
    current.added = false;
    let untried = |island: &Island| !current.tried.contains(island);
    let shown = Island::in_section(state.section).filter(untried);
    let drawn = Island::ALL
        .into_iter()
        .find(|island| untried(island) && drawn_in(&props.guide, *island));
    let Some(island) = shown.or(drawn) else {
        if !current.rendered {
            current.rendered = true;
            if let Some(done) = &props.on_rendered {
                done.emit(());
            }
        } else if !told {
            return None; // nothing changed
        }
        taken.set(current);
        return None;
    };
    let take = move || {
        let mut more = current;
        more.tried.push(island);
        let host = claim(&props, &state, island);
        more.added = host.is_some();
        more.hosts.extend(host.map(|host| (island, host)));
        taken.set(more);
    };
    if shown.is_some() {
        take();
        None
    } else {
        Some(gloo::timers::callback::Timeout::new(0, take))
    }
}

/// Whether the document shows `island`'s part already (drawn when the patient opened it;
/// the print sheet always), so the island must take it over before it is opened again.
fn drawn_in(guide: &Element, island: Island) -> bool {
    match island.section() {
        Some(section) => guide
            .query_selector(&format!(
                ":scope > [data-kg-panel='{}'] > *",
                section.name()
            ))
            .ok()
            .flatten()
            .is_some(),
        None => true,
    }
}

/// Finds `island`'s host in the document, keeps the boxes the patient ticked there, and
/// empties it for the island; `None` when the document has no such part (the practice
/// left its section out).
fn claim(
    props: &LiveProps,
    state: &UseReducerHandle<GuideState>,
    island: Island,
) -> Option<Element> {
    let selector = match island.section() {
        Some(section) => format!(":scope > [data-kg-panel='{}']", section.name()),
        None => format!(":scope > [data-kg-island='{}']", island.marker()),
    };
    let found = props.guide.query_selector(&selector).ok().flatten()?;
    if let Ok(boxes) = found.query_selector_all("input[data-key]:checked") {
        for i in 0..boxes.length() {
            let key = boxes
                .item(i)
                .and_then(|node| node.dyn_into::<Element>().ok())
                .and_then(|input| input.get_attribute("data-key"))
                .and_then(|key| TickKey::parse(&key));
            if let Some(key) = key {
                state.dispatch(Action::SetTick { key, checked: true });
            }
        }
    }
    if let Some(on_claim) = &props.on_claim {
        on_claim.emit((found.clone(), false));
    }
    let _ = found.set_attribute("data-kg-live", "");
    if island.section().is_some() {
        found.set_text_content(None);
        Some(found)
    } else {
        // A part outside the panels (the print sheet): its copy leaves, and the island
        // renders at the same place, the end of the guide.
        let parent = found.parent_element();
        found.remove();
        parent
    }
}
