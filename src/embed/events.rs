//! DOM events the widget sends to the host page, for the practice's own analytics.
//!
//! The widget itself tracks nothing and sends nothing anywhere; these events stay in
//! the page. They bubble and cross the shadow boundary (`composed`). Names and
//! details are part of the public contract (README, "Events").

/// What happened, and the details the host receives in `event.detail`.
#[derive(Clone, Debug, PartialEq)]
pub enum HostEvent {
    /// `kyphoplasty-guide:step` — detail `{ step: 1-based number, id, total }`.
    Step {
        number: usize,
        id: &'static str,
        total: usize,
    },
    /// `kyphoplasty-guide:tick` — detail `{ list: "before" | "aftercare", item, checked }`.
    Tick {
        list: &'static str,
        item: String,
        checked: bool,
    },
    /// `kyphoplasty-guide:section` — detail `{ section }`.
    Section { name: &'static str },
    /// `kyphoplasty-guide:walkthrough` — detail `{ action: "start", step, total }` when
    /// the patient starts "Play the procedure", `{ action: "end", step, total, reason }`
    /// when it ends (`reason`: `finished`, `stopped` or `left`). Pausing is not sent.
    Walkthrough {
        /// `None` for "start", the reason for "end".
        end: Option<&'static str>,
        step: usize,
        total: usize,
    },
    /// `kyphoplasty-guide:diary` — detail `{ action }`: "entry", "delete", "question",
    /// "print", "download" or "clear". That the diary was used, never what is in it: no
    /// pain value, date, note or question ever goes into an event.
    Diary { action: &'static str },
    /// `kyphoplasty-guide:understanding` — detail `{ answered, correct, total }`, when the
    /// patient answers a quiz question or the answers are cleared. Counts only: never
    /// which question, nor what the patient picked.
    Understanding {
        answered: usize,
        correct: usize,
        total: usize,
    },
}

impl HostEvent {
    /// The event's DOM name.
    pub fn name(&self) -> &'static str {
        match self {
            HostEvent::Step { .. } => "kyphoplasty-guide:step",
            HostEvent::Tick { .. } => "kyphoplasty-guide:tick",
            HostEvent::Section { .. } => "kyphoplasty-guide:section",
            HostEvent::Walkthrough { .. } => "kyphoplasty-guide:walkthrough",
            HostEvent::Diary { .. } => "kyphoplasty-guide:diary",
            HostEvent::Understanding { .. } => "kyphoplasty-guide:understanding",
        }
    }

    /// Dispatches the event on the host element; does nothing without one (server rendering, tests).
    pub fn dispatch(&self, host: Option<&web_sys::Element>) {
        #[cfg(target_arch = "wasm32")]
        if let Some(host) = host {
            dispatch(self, host);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = host;
    }
}

#[cfg(target_arch = "wasm32")]
fn dispatch(event: &HostEvent, host: &web_sys::Element) {
    use wasm_bindgen::JsValue;
    let detail = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &value);
    };
    match event {
        HostEvent::Step { number, id, total } => {
            set("step", JsValue::from(*number as u32));
            set("id", JsValue::from_str(id));
            set("total", JsValue::from(*total as u32));
        }
        HostEvent::Tick {
            list,
            item,
            checked,
        } => {
            set("list", JsValue::from_str(list));
            set("item", JsValue::from_str(item));
            set("checked", JsValue::from_bool(*checked));
        }
        HostEvent::Section { name } => set("section", JsValue::from_str(name)),
        HostEvent::Walkthrough { end, step, total } => {
            set(
                "action",
                JsValue::from_str(if end.is_some() { "end" } else { "start" }),
            );
            set("step", JsValue::from(*step as u32));
            set("total", JsValue::from(*total as u32));
            if let Some(reason) = end {
                set("reason", JsValue::from_str(reason));
            }
        }
        HostEvent::Diary { action } => set("action", JsValue::from_str(action)),
        HostEvent::Understanding {
            answered,
            correct,
            total,
        } => {
            set("answered", JsValue::from(*answered as u32));
            set("correct", JsValue::from(*correct as u32));
            set("total", JsValue::from(*total as u32));
        }
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(custom) = web_sys::CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = host.dispatch_event(&custom);
    }
}
