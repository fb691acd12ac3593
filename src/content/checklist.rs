//! The two checklists and the key of a tick: which list, which item. Built and taken
//! apart only here; everything else holds a [`TickKey`].

use super::{ChecklistGroup, Guide, Section};
use std::fmt;

/// One of the guide's two checklists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Checklist {
    /// "Before your procedure".
    Before,
    /// "After your procedure".
    Aftercare,
}

impl Checklist {
    /// Both lists, in the guide's order.
    pub const ALL: [Checklist; 2] = [Checklist::Before, Checklist::Aftercare];

    /// The list's word in tick keys, host events and element ids (the section's name).
    pub fn name(self) -> &'static str {
        self.section().name()
    }

    /// The part of the guide that shows this list.
    pub fn section(self) -> Section {
        match self {
            Checklist::Before => Section::Before,
            Checklist::Aftercare => Section::Aftercare,
        }
    }

    /// The list a section shows, if it shows one.
    pub fn of_section(section: Section) -> Option<Checklist> {
        Checklist::ALL.into_iter().find(|l| l.section() == section)
    }

    /// The list's groups in a guide.
    pub fn groups(self, guide: &Guide) -> &'static [ChecklistGroup] {
        match self {
            Checklist::Before => guide.before,
            Checklist::Aftercare => guide.aftercare,
        }
    }

    fn from_name(name: &str) -> Option<Checklist> {
        Checklist::ALL.into_iter().find(|l| l.name() == name)
    }
}

/// A ticked item, written `"<list>/<item id>"` (`"before/allergies"`) in storage, in the
/// document's `data-key` and in the practice's wording, so lists can share item ids.
///
/// It holds the written form: a tick saved by a newer widget with a list this one does
/// not know is kept as it is and saved back, never dropped.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TickKey(String);

impl TickKey {
    /// The longest key kept from storage; longer text cannot be one of ours.
    pub const MAX_LEN: usize = 120;

    /// The key of one item of a list.
    pub fn new(list: Checklist, item: &str) -> TickKey {
        TickKey(format!("{}/{item}", list.name()))
    }

    /// A key read from outside (storage, the document); `None` when it cannot be one.
    pub fn parse(text: &str) -> Option<TickKey> {
        (text.len() <= TickKey::MAX_LEN && text.contains('/')).then(|| TickKey(text.to_string()))
    }

    /// The list it belongs to; `None` for a list this widget does not know.
    pub fn list(&self) -> Option<Checklist> {
        self.0
            .split_once('/')
            .and_then(|(list, _)| Checklist::from_name(list))
    }

    /// The written form, `"before/allergies"`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// An element id for the item's checkbox: `kg-item-before-allergies`.
    pub fn element_id(&self) -> String {
        format!("kg-item-{}", self.0.replace('/', "-"))
    }
}

impl fmt::Display for TickKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_written_list_slash_item_and_read_back() {
        let key = TickKey::new(Checklist::Aftercare, "ice");
        assert_eq!(key.as_str(), "aftercare/ice");
        assert_eq!(TickKey::parse("aftercare/ice"), Some(key.clone()));
        assert_eq!(key.list(), Some(Checklist::Aftercare));
        assert_eq!(key.element_id(), "kg-item-aftercare-ice");
    }

    #[test]
    fn text_that_cannot_be_a_key_is_refused_and_unknown_lists_are_kept() {
        assert_eq!(TickKey::parse("junk"), None);
        assert_eq!(TickKey::parse(&format!("before/{}", "x".repeat(120))), None);
        let newer = TickKey::parse("during/gown").expect("kept");
        assert_eq!(newer.list(), None);
    }
}
