//! What each control does to the view state, as data.
//!
//! Every control in the page is one [`Edit`]; [`apply`] turns the current
//! [`Filters`] into the next ones and says whether the change gets its own
//! history entry. The app calls it on a click, and the model-based browser test
//! calls the very same function (through the `oracle` binary) to know what the
//! address bar must say after that click, so the wiring is tested, not copied.

use super::filter::Catalog;
use super::model::{Kind, Status};
use super::query::{normalize_q, Filters, View};
use std::collections::BTreeSet;

/// Whether a change gets its own Back step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// Filter edits: the current entry is rewritten, so Back does not replay keystrokes.
    Replace,
    /// A new view, a new selection or a year picked on a chart: Back returns to the previous one.
    Push,
}

impl Entry {
    pub fn id(self) -> &'static str {
        match self {
            Entry::Replace => "replace",
            Entry::Push => "push",
        }
    }
}

/// The checkbox menus and chips, by the URL key they write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Provider,
    Area,
    Country,
    Kind,
    Status,
}

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::Provider,
        Facet::Area,
        Facet::Country,
        Facet::Kind,
        Facet::Status,
    ];

    /// The URL key, which is also its name in the oracle's protocol.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Provider => "provider",
            Facet::Area => "area",
            Facet::Country => "country",
            Facet::Kind => "kind",
            Facet::Status => "status",
        }
    }

    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// One thing a person does to the view state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A chip or a checkbox: the option `id` is added or removed.
    Toggle(Facet, String),
    /// The text of the "From year" box when it is committed (Enter or leaving the box).
    From(String),
    /// The text of the "To year" box when it is committed.
    To(String),
    /// The search box's text, as typed; the state keeps its normalised form.
    Query(String),
    View(View),
    /// Opens a record's details.
    Select(String),
    /// Closes the details.
    Close,
    /// A year bar of a crowded timeline lane: both bounds become that year.
    Year(u16),
    /// Clears every filter; keeps the view, the open record and embed mode.
    Reset,
    /// The coverage map's shading: one provider's distance, or (`None`) which is nearer.
    Shade(Option<String>),
    /// The reference layer's switch (`ref=1`).
    Reference(bool),
    /// The link names this data's version from now on (the old-link notice's button):
    /// the view stays, only `d=` moves to the data it shows.
    Stamp,
}

impl Edit {
    /// The history entry this kind of change gets.
    pub fn entry(&self) -> Entry {
        match self {
            Edit::View(_)
            | Edit::Select(_)
            | Edit::Year(_)
            | Edit::Shade(_)
            | Edit::Reference(_) => Entry::Push,
            _ => Entry::Replace,
        }
    }
}

fn toggle<T: Ord + Clone>(set: &mut BTreeSet<T>, item: &T) {
    if !set.remove(item) {
        set.insert(item.clone());
    }
}

/// A typed year, clamped into the dataset's years; anything else clears the bound.
fn typed_year(raw: &str, (first, last): (u16, u16)) -> Option<u16> {
    raw.trim().parse::<u16>().ok().map(|y| y.clamp(first, last))
}

/// The filters after `edit`, reconciled with the dataset; `None` when nothing changes.
pub fn apply(cat: &Catalog, current: &Filters, edit: &Edit) -> Option<(Filters, Entry)> {
    let mut f = current.clone();
    match edit {
        // From the default comparison, a chip adds or removes one provider of it; back
        // at the default set the link drops its `provider` key again.
        Edit::Toggle(Facet::Provider, id) => {
            if f.providers.is_empty() {
                f.providers = cat.default_providers.clone();
            }
            toggle(&mut f.providers, id);
            if f.providers == cat.default_providers {
                f.providers.clear();
            }
        }
        Edit::Toggle(Facet::Area, id) => toggle(&mut f.areas, id),
        Edit::Toggle(Facet::Country, id) => toggle(&mut f.countries, id),
        Edit::Toggle(Facet::Kind, id) => {
            if let Some(k) = Kind::ALL.into_iter().find(|k| k.id() == id) {
                toggle(&mut f.kinds, &k);
            }
        }
        Edit::Toggle(Facet::Status, id) => {
            if let Some(s) = Status::ALL.into_iter().find(|s| s.id() == id) {
                toggle(&mut f.statuses, &s);
            }
        }
        // A bound that crosses the other one moves the other one along.
        Edit::From(raw) => {
            f.from = typed_year(raw, cat.years);
            if let (Some(from), Some(to)) = (f.from, f.to) {
                f.to = Some(to.max(from));
            }
        }
        Edit::To(raw) => {
            f.to = typed_year(raw, cat.years);
            if let (Some(from), Some(to)) = (f.from, f.to) {
                f.from = Some(from.min(to));
            }
        }
        Edit::Query(text) => f.q = normalize_q(text),
        Edit::View(v) => f.view = *v,
        Edit::Select(id) => f.sel = Some(id.clone()),
        Edit::Close => f.sel = None,
        Edit::Year(y) => (f.from, f.to) = (Some(*y), Some(*y)),
        Edit::Shade(p) => f.shade = p.clone(),
        Edit::Reference(on) => f.reference = *on,
        Edit::Stamp => f.d = Some(cat.data.version.clone()),
        Edit::Reset => {
            f = Filters {
                view: f.view,
                sel: f.sel.clone(),
                shade: f.shade.clone(),
                reference: f.reference,
                embed: f.embed,
                // The language is how the page speaks, not a filter.
                lang: f.lang,
                ..Filters::default()
            }
        }
    }
    cat.reconcile(&mut f);
    (f != *current).then(|| (f, edit.entry()))
}

/// How many filters are in use (the drawer button's count, and whether Reset does anything).
pub fn active_count(f: &Filters) -> usize {
    [
        !f.providers.is_empty(),
        !f.areas.is_empty(),
        !f.countries.is_empty(),
        f.from.is_some() || f.to.is_some(),
        !f.kinds.is_empty(),
        !f.statuses.is_empty(),
        !f.q.is_empty(),
    ]
    .iter()
    .filter(|b| **b)
    .count()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::load::parse_dataset;

    fn cat() -> Catalog {
        let text = include_str!("../../tests/data/fixtures/small.json");
        Catalog::new(parse_dataset(text).unwrap().dataset)
    }

    #[test]
    fn a_chip_toggles_and_replaces_the_entry() {
        let c = cat();
        let id = c.data.providers[1].id.clone();
        let (f, entry) = apply(
            &c,
            &Filters::default(),
            &Edit::Toggle(Facet::Provider, id.clone()),
        )
        .unwrap();
        assert_eq!(entry, Entry::Replace);
        assert!(f.providers.contains(&id));
        let (back, _) = apply(&c, &f, &Edit::Toggle(Facet::Provider, id)).unwrap();
        assert_eq!(back, Filters::default());
    }

    #[test]
    fn typed_years_are_clamped_and_push_the_other_bound() {
        let c = cat();
        let (first, last) = c.years;
        assert!(last > first + 1, "the fixture spans years");
        let to = Filters {
            to: Some(first + 1),
            ..Filters::default()
        };
        let (f, _) = apply(&c, &to, &Edit::From(format!(" {} ", last - 1))).unwrap();
        assert_eq!((f.from, f.to), (Some(last - 1), Some(last - 1)));
        // Out of range clamps to the bound, which is the default and so disappears.
        let (f, _) = apply(&c, &to, &Edit::To("9999".into())).unwrap();
        assert_eq!(f.to, None);
        assert_eq!(
            apply(&c, &Filters::default(), &Edit::From("abc".into())),
            None
        );
    }

    #[test]
    fn the_search_keeps_the_normalised_text() {
        let c = cat();
        let (f, _) = apply(
            &c,
            &Filters::default(),
            &Edit::Query("  sao   paulo ".into()),
        )
        .unwrap();
        assert_eq!(f.q, "sao paulo");
        assert_eq!(apply(&c, &f, &Edit::Query("sao paulo  ".into())), None);
    }

    #[test]
    fn reset_keeps_view_selection_and_embed() {
        let c = cat();
        let id = c.data.regions[0].id.clone();
        let f = Filters {
            view: View::Table,
            providers: [c.data.providers[1].id.clone()].into(),
            q: "x".into(),
            sel: Some(id.clone()),
            embed: true,
            d: Some("2020-01-01".into()),
            ..Filters::default()
        };
        let (r, entry) = apply(&c, &f, &Edit::Reset).unwrap();
        assert_eq!(entry, Entry::Replace);
        assert_eq!(
            (r.view, r.sel.as_deref(), r.embed),
            (View::Table, Some(id.as_str()), true)
        );
        assert_eq!(active_count(&r), 0);
    }

    /// Found by the model-based test.
    #[test]
    fn reset_on_a_chinese_page_dropped_lang_zh_from_the_address() {
        let c = cat();
        let f = Filters {
            q: "x".into(),
            lang: crate::lang::Lang::Zh,
            ..Filters::default()
        };
        let (r, _) = apply(&c, &f, &Edit::Reset).unwrap();
        assert_eq!(r.lang, crate::lang::Lang::Zh);
        assert_eq!(crate::query::to_query(&r), "lang=zh");
    }

    #[test]
    fn views_selections_and_year_bars_push() {
        let c = cat();
        let id = c.data.events[0].id.clone();
        let (f, e) = apply(&c, &Filters::default(), &Edit::Select(id)).unwrap();
        assert_eq!(e, Entry::Push);
        assert_eq!(apply(&c, &f, &Edit::Close).unwrap().1, Entry::Replace);
        assert_eq!(
            apply(&c, &f, &Edit::View(View::Table)).unwrap().1,
            Entry::Push
        );
        // An unknown record cannot be opened.
        assert_eq!(
            apply(&c, &Filters::default(), &Edit::Select("nope".into())),
            None
        );
    }
}
