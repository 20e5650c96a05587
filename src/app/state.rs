//! The one view state: filters mirrored to the URL, and what they select.
//!
//! Components read the narrowest memo that holds what they show (the open
//! record, the view, the search text, the criteria that select records), so
//! a change to one of them does no work, and moves no focus, in the others.

use super::url;
use crate::core::edit::{apply, Edit, Entry};
use crate::core::filter::{select, Catalog, Selection};
use crate::core::query::{from_query, parse_pairs, to_query, Filters, Issue, View};
use leptos::prelude::*;
use std::sync::Arc;

/// Shared by every component below the explorer (provided as context).
#[derive(Clone)]
pub struct Atlas {
    pub catalog: Arc<Catalog>,
    pub filters: RwSignal<Filters>,
    /// The filters that decide which records match (not the view, the open record or `d`).
    pub criteria: Memo<Filters>,
    pub selection: Memo<Arc<Selection>>,
    pub view: Memo<View>,
    /// The id of the open record.
    pub sel: Memo<Option<String>>,
    /// The sentence above the view; also the page's description.
    pub summary: Memo<String>,
    /// Parameters the last URL read had to ignore; shown until dismissed.
    pub url_issues: RwSignal<Vec<Issue>>,
}

impl Atlas {
    /// Reads the address bar, reports what it ignores and rewrites it canonically.
    /// `filters` is the page's one view state (the masthead's language switch reads it too).
    pub fn new(catalog: Arc<Catalog>, filters: RwSignal<Filters>) -> Self {
        let (read, issues) = read_url(&catalog);
        let canonical = to_query(&read);
        if canonical != url::current_query() {
            url::write(&canonical, Entry::Replace);
        }
        filters.set(read);
        let criteria = Memo::new(move |_| {
            filters.with(|f| Filters {
                view: View::Map,
                sel: None,
                shade: None,
                reference: false,
                d: None,
                embed: false,
                lang: Default::default(),
                ..f.clone()
            })
        });
        let cat = catalog.clone();
        let selection = Memo::new(move |_| Arc::new(criteria.with(|f| select(&cat, f))));
        let cat = catalog.clone();
        let summary =
            Memo::new(move |_| selection.with(|s| crate::present::words::summary(&cat, s)));
        Atlas {
            catalog,
            filters,
            criteria,
            selection,
            view: Memo::new(move |_| filters.with(|f| f.view)),
            sel: Memo::new(move |_| filters.with(|f| f.sel.clone())),
            summary,
            url_issues: RwSignal::new(issues),
        }
    }

    /// Applies what a control did and records it in the address bar.
    pub fn edit(&self, edit: Edit) {
        let next = self
            .filters
            .with_untracked(|f| apply(&self.catalog, f, &edit));
        if let Some((next, entry)) = next {
            url::write(&to_query(&next), entry);
            self.filters.set(next);
        }
    }

    /// Back/Forward: the address bar changed under us. An entry in the other language
    /// (only a hand-edited history can hold one) is loaded as the page it is.
    pub fn reload_from_url(&self) {
        let (filters, issues) = read_url(&self.catalog);
        if filters.lang != self.catalog.lang {
            let _ = window().location().reload();
            return;
        }
        self.url_issues.set(issues);
        self.filters.set(filters);
    }
}

fn read_url(catalog: &Catalog) -> (Filters, Vec<Issue>) {
    let (mut filters, mut issues) = from_query(&parse_pairs(&url::current_query()));
    issues.extend(catalog.reconcile(&mut filters));
    (filters, issues)
}
