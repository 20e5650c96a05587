//! The one view state: filters mirrored to the URL, and what they select.

use super::url::{self, Entry};
use crate::core::filter::{select, Catalog, Selection};
use crate::core::query::{from_query, parse_pairs, to_query, Filters, Issue};
use leptos::prelude::*;
use std::sync::Arc;

/// Shared by every component below the explorer (provided as context).
#[derive(Clone)]
pub struct Atlas {
    pub catalog: Arc<Catalog>,
    pub filters: RwSignal<Filters>,
    pub selection: Memo<Arc<Selection>>,
    /// The sentence above the view; also the page's description.
    pub summary: Memo<String>,
    /// Parameters the last URL read had to ignore; shown until dismissed.
    pub url_issues: RwSignal<Vec<Issue>>,
}

impl Atlas {
    /// Reads the address bar, reports what it ignores and rewrites it canonically.
    pub fn new(catalog: Arc<Catalog>) -> Self {
        let (filters, issues) = read_url(&catalog);
        let canonical = to_query(&filters);
        if canonical != url::current_query() {
            url::write(&canonical, Entry::Replace);
        }
        let filters = RwSignal::new(filters);
        let cat = catalog.clone();
        let selection = Memo::new(move |_| Arc::new(filters.with(|f| select(&cat, f))));
        let cat = catalog.clone();
        let summary =
            Memo::new(move |_| selection.with(|s| crate::core::aggregate::summary(&cat, s)));
        Atlas {
            catalog,
            filters,
            selection,
            summary,
            url_issues: RwSignal::new(issues),
        }
    }

    /// Applies an edit to the filters and records it in the address bar.
    pub fn update(&self, entry: Entry, edit: impl FnOnce(&mut Filters)) {
        let mut next = self.filters.get_untracked();
        edit(&mut next);
        self.catalog.reconcile(&mut next);
        if next != self.filters.get_untracked() {
            url::write(&to_query(&next), entry);
            self.filters.set(next);
        }
    }

    /// Back/Forward: the address bar changed under us.
    pub fn reload_from_url(&self) {
        let (filters, issues) = read_url(&self.catalog);
        self.url_issues.set(issues);
        self.filters.set(filters);
    }
}

fn read_url(catalog: &Catalog) -> (Filters, Vec<Issue>) {
    let (mut filters, mut issues) = from_query(&parse_pairs(&url::current_query()));
    issues.extend(catalog.reconcile(&mut filters));
    (filters, issues)
}
