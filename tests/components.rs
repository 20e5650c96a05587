//! Component tests: mount real components into headless Chromium, interact,
//! let the reactive system settle, and assert on the DOM.
#![cfg(target_arch = "wasm32")]

use cloud_atlas::app::{App, Explorer, LoadFailed, SkippedNotice};
use cloud_atlas::core::load::{parse_dataset, Loaded, Skipped};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE: &str = include_str!("data/fixtures/small.json");

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Puts the runner's address back, so one test's URL cannot leak into another.
fn reset_url() {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
}

/// Lets the render finish: the boot builds parts of the page in browser tasks of their
/// own (`app::boot::stage`), so this waits out timers as well as microtasks.
async fn settle() {
    for _ in 0..4 {
        gloo_timers_sleep(0).await;
        leptos::task::tick().await;
    }
}

/// The explorer over `loaded`, mounted in a fresh container; keep the handle alive.
fn mount_explorer(loaded: Arc<Loaded>) -> (web_sys::HtmlElement, Box<dyn std::any::Any>) {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Explorer loaded=loaded.clone() filters=RwSignal::new(Default::default())/> }
    });
    (root, Box::new(handle))
}

fn click(root: &web_sys::HtmlElement, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
}

fn count(root: &web_sys::HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
async fn explorer_lists_every_record_with_safe_source_links() {
    let loaded = Arc::new(parse_dataset(FIXTURE).unwrap());
    let regions = loaded.dataset.regions.len() as u32;
    let events = loaded.dataset.events.len() as u32;
    let (root, _handle) = mount_explorer(loaded);
    settle().await;

    // The default view is the map: one marker per region, named for screen readers.
    assert_eq!(count(&root, ".marker"), regions);
    let marker = root
        .query_selector(".marker[data-sel-id=\"alibaba:na-south-1\"]")
        .unwrap()
        .expect("the Mexico marker");
    assert_eq!(
        marker.get_attribute("aria-label").as_deref(),
        Some("Alibaba Cloud — Mexico, live, 2 zones, opened Feb 2025")
    );
    let counts = root
        .query_selector("[data-testid=counts]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    let expected = format!("{regions} of {regions} regions, {events} of {events} events");
    assert!(counts.starts_with(&expected), "{counts}");
    assert!(counts.contains("dataset version 2026-01-01"));
    // Selecting a marker opens the detail panel with safe source links.
    marker.unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    let link = root
        .query_selector("[data-testid=detail] a")
        .unwrap()
        .expect("a source link");
    reset_url();
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
}

#[wasm_bindgen_test]
async fn load_failure_shows_the_reason_and_retry_calls_back() {
    let root = container();
    let (tries, set_tries) = signal(0);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <LoadFailed
                message="The dataset is not valid JSON (EOF).".to_string()
                retry=Callback::new(move |_| set_tries.update(|n| *n += 1))
                pending=Signal::stored(false)
            />
        }
    });
    settle().await;
    let alert = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    assert!(alert.text_content().unwrap().contains("not valid JSON"));
    let button: web_sys::HtmlElement = root
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("Retry"));
    button.click();
    settle().await;
    assert_eq!(tries.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn skipped_records_are_named_and_the_notice_dismisses() {
    let root = container();
    let skipped = vec![Skipped {
        what: "region",
        id: "\"x:1\"".into(),
        reason: "unknown provider \"aws\"".into(),
    }];
    let _handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <SkippedNotice skipped=skipped.clone()/> },
    );
    settle().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("1 record skipped"), "{text}");
    assert!(text.contains("unknown provider \"aws\""), "{text}");
    let button: web_sys::HtmlElement = root
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    settle().await;
    assert_eq!(count(&root, ".notice"), 0);
}

#[wasm_bindgen_test]
async fn provider_chip_narrows_the_list_and_writes_the_url() {
    let loaded = Arc::new(parse_dataset(FIXTURE).unwrap());
    let (root, _handle) = mount_explorer(loaded);
    settle().await;
    assert_eq!(count(&root, ".marker"), 3);
    let chip: web_sys::HtmlElement = root
        .query_selector("button.chip.prov-1")
        .unwrap()
        .expect("a Tencent Cloud chip")
        .unchecked_into();
    assert!(chip.text_content().unwrap().contains("Tencent Cloud"));
    assert_eq!(chip.get_attribute("aria-pressed").as_deref(), Some("false"));
    chip.click();
    settle().await;
    assert_eq!(chip.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(count(&root, ".marker"), 1);
    let search = web_sys::window().unwrap().location().search().unwrap();
    reset_url();
    assert_eq!(search, "?provider=tencent");
}

/// The search box ate a space typed before a pause: the committed, trimmed query was
/// written back into the box while the person was still typing.
#[wasm_bindgen_test]
async fn the_search_box_keeps_a_space_typed_before_a_pause() {
    let loaded = Arc::new(parse_dataset(FIXTURE).unwrap());
    let (root, _handle) = mount_explorer(loaded);
    settle().await;
    let input: web_sys::HtmlInputElement = root
        .query_selector("input[type=search]")
        .unwrap()
        .expect("the search box")
        .unchecked_into();
    let search = || web_sys::window().unwrap().location().search().unwrap();
    let type_text = |text: &str| {
        input.set_value(text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        input.dispatch_event(&event).unwrap();
    };
    type_text("mexico ");
    assert!(poll_until(|| search() == "?q=mexico").await, "{}", search());
    settle().await;
    assert_eq!(input.value(), "mexico ", "the space stays while typing");
    type_text("mexico city");
    assert!(
        poll_until(|| search() == "?q=mexico+city").await,
        "{}",
        search()
    );
    assert_eq!(input.value(), "mexico city");
    reset_url();
}

/// Polls every 50 ms, for at most 5 s, until `done` holds; whether it did.
async fn poll_until(done: impl Fn() -> bool) -> bool {
    for _ in 0..100 {
        if done() {
            return true;
        }
        gloo_timers_sleep(50).await;
    }
    done()
}

/// The test runner serves no dataset, so the real fetch 404s: the page must say so, not go blank.
#[wasm_bindgen_test]
async fn app_without_a_dataset_shows_an_error_with_retry() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || view! { <App/> });
    assert!(
        poll_until(|| root.query_selector("[role=alert]").unwrap().is_some()).await,
        "an error message appears"
    );
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("could not be loaded") || text.contains("not valid JSON"),
        "{text}"
    );
    assert!(text.contains("Retry"), "{text}");
}

/// Mounts the explorer at `query` (the address is what the app reads first).
fn mount_at(query: &str, loaded: Arc<Loaded>) -> (web_sys::HtmlElement, Box<dyn std::any::Any>) {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .unwrap();
    mount_explorer(loaded)
}

/// The changes view draws a line per change the core finds, and a line opens its record.
#[wasm_bindgen_test]
async fn changes_view_lists_each_change_and_opens_its_record() {
    use cloud_atlas::core::changes::{Changes, Window};
    use cloud_atlas::core::filter::{select, Catalog};
    let loaded = Arc::new(parse_dataset(FIXTURE).unwrap());
    let cat = Catalog::new(loaded.dataset.clone());
    let f = cloud_atlas::core::query::Filters::default();
    let want = Changes::build(&cat, &select(&cat, &f), Window::of(&cat, &f));
    let (root, _handle) = mount_at("?view=changes", loaded);
    settle().await;
    assert_eq!(count(&root, "[data-testid=changes-table] tbody tr"), 8);
    let lines = count(&root, "[data-testid=changes-list] li button[data-sel-id]");
    assert_eq!(lines as usize, want.items.len() + want.coarse.len());
    if let Some(first) = root
        .query_selector("[data-testid=changes-list] li button[data-sel-id]")
        .unwrap()
    {
        first.unchecked_ref::<web_sys::HtmlElement>().click();
        settle().await;
        assert_eq!(count(&root, "[data-testid=detail]"), 1);
    }
    reset_url();
}

/// The test runner serves no gazetteer: the coverage view says so, and Retry tries again
/// without blanking the page.
#[wasm_bindgen_test]
async fn coverage_view_without_a_gazetteer_says_so_and_retries() {
    let loaded = Arc::new(parse_dataset(FIXTURE).unwrap());
    let (root, _handle) = mount_at("?view=coverage", loaded);
    let failed = || {
        root.query_selector("[data-testid=coverage-failed]")
            .unwrap()
    };
    assert!(poll_until(|| failed().is_some()).await, "an error appears");
    let text = failed().unwrap().text_content().unwrap();
    assert!(text.contains("could not be loaded"), "{text}");
    let retry: web_sys::HtmlElement = failed()
        .unwrap()
        .query_selector("button")
        .unwrap()
        .expect("a Retry button")
        .unchecked_into();
    retry.click();
    assert!(poll_until(|| failed().is_some()).await, "it says so again");
    assert_eq!(count(&root, "[data-testid=summary]"), 1, "the page stays");
    reset_url();
}

/// A dataset without promises says so instead of an empty chart.
#[wasm_bindgen_test]
async fn promises_view_without_promises_says_so() {
    let loaded = Arc::new(parse_dataset(FIXTURE).unwrap());
    let (root, _handle) = mount_at("?view=promises", loaded);
    settle().await;
    let lead = root
        .query_selector("[data-testid=promises-lead]")
        .unwrap()
        .expect("the promises view")
        .text_content()
        .unwrap();
    assert_eq!(lead, "No promise among the filtered records.");
    reset_url();
}

async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A link made with an older data version: the notice lists each logged change (a
/// removed record named, not linked), a listed record opens, and "Update the link"
/// moves the address to this version and closes the notice.
#[wasm_bindgen_test]
async fn old_link_notice_lists_the_logged_changes_and_updates_the_link() {
    let mut doc: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    let version = doc["version"].as_str().unwrap().to_string();
    let region = doc["regions"][0]["id"].as_str().unwrap().to_string();
    doc["changes"] = serde_json::json!([
        { "version": "2020-01-01", "regions": 1, "events": 1, "records": [] },
        { "version": version, "regions": 1, "events": 1, "records": [
            { "id": region, "table": "region", "change": "changed", "fields": ["status"], "title": "A region", "reason": "Status corrected." },
            { "id": "gone-event", "table": "event", "change": "removed", "title": "Gone", "reason": "Withdrawn." }
        ] }
    ]);
    let loaded = Arc::new(parse_dataset(&doc.to_string()).unwrap());
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    let (root, _handle) = mount_at("?d=2020-01-01", loaded);
    settle().await;
    assert_eq!(count(&root, "[data-testid=data-changed]"), 1);
    assert_eq!(count(&root, "[data-testid=since] li[data-id]"), 2);
    assert_eq!(
        count(&root, "[data-testid=since] [data-sel-id]"),
        1,
        "a removed record is not linked"
    );
    click(&root, "[data-testid=since] [data-sel-id]");
    settle().await;
    assert_eq!(count(&root, "[data-testid=detail]"), 1);
    click(&root, "[data-testid=stamp]");
    settle().await;
    assert_eq!(count(&root, "[data-testid=data-changed]"), 0);
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(search.contains(&format!("d={version}")), "{search}");
    reset_url();
}
