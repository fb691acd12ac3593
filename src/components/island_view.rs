//! The view of each island ([`crate::islands::Island`]): the one component that draws it,
//! in the build-time document and in the live root alike.

use super::checklist::ChecklistSection;
use super::print_sheet::PrintSheet;
use super::procedure::Procedure;
use crate::content::Checklist;
use crate::islands::Island;
use yew::prelude::*;

/// An island's view; the live root renders it into the island's host in the document.
pub fn island_view(island: Island) -> Html {
    match island {
        Island::Stepper => html! { <Procedure /> },
        Island::ChecklistBefore => html! { <ChecklistSection list={Checklist::Before} /> },
        Island::ChecklistAftercare => html! { <ChecklistSection list={Checklist::Aftercare} /> },
        Island::Visit => html! { <super::visit::Visit /> },
        Island::Understanding => html! { <super::understanding::Understanding /> },
        Island::PrintSheet => html! { <PrintSheet /> },
    }
}
