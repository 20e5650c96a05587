use crate::core::lang::Lang;
use crate::core::load::{parse_dataset, LoadError, Loaded};
use crate::present::catalog::T;
use gloo_net::http::Request;
use std::sync::Arc;

/// Relative to the document, so a build served under any sub-path finds its own copy.
pub const DATASET_URL: &str = "data/atlas.json";

/// How long the server may take to start answering. A stalled request ends
/// with a message and a Retry instead of an endless "Loading…"; a slow but
/// flowing download of a large file is not cut off.
pub const RESPONSE_TIMEOUT_MS: i32 = 15_000;

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Why the dataset could not be shown; [`Failure::say`] phrases it for the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Download(String),
    NoAnswer,
    Status(String, String),
    Interrupted(String),
    Load(LoadError),
}

impl Failure {
    /// The sentence the page shows. Technical detail (a browser's or a parser's
    /// message) stays as the browser or parser wrote it.
    pub fn say(&self, lang: Lang) -> String {
        match self {
            Failure::Download(e) => lang.fill(T::DownloadFailed, &[e]),
            Failure::NoAnswer => {
                lang.fill(T::NoAnswer, &[&(RESPONSE_TIMEOUT_MS / 1000).to_string()])
            }
            Failure::Status(status, url) => lang.fill(T::BadStatus, &[status, url]),
            Failure::Interrupted(e) => lang.fill(T::Interrupted, &[e]),
            Failure::Load(LoadError::NotJson(e)) => lang.fill(T::NotJson, &[e]),
            Failure::Load(LoadError::UnsupportedSchema(found)) => lang.fill(
                T::UnsupportedSchema,
                &[found, &crate::core::model::SCHEMA.to_string()],
            ),
            Failure::Load(LoadError::BadHeader(e)) => lang.fill(T::BadHeader, &[e]),
        }
    }
}

/// Downloads and validates the dataset.
pub async fn fetch_dataset(url: &str) -> Result<Arc<Loaded>, Failure> {
    let controller = web_sys::AbortController::new().ok();
    let request = Request::get(url).abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    let send = std::pin::pin!(request.send());
    let timeout = std::pin::pin!(sleep(RESPONSE_TIMEOUT_MS));
    let response = match futures::future::select(send, timeout).await {
        futures::future::Either::Left((result, _)) => {
            result.map_err(|e| Failure::Download(e.to_string()))?
        }
        futures::future::Either::Right(_) => {
            if let Some(c) = controller {
                c.abort();
            }
            return Err(Failure::NoAnswer);
        }
    };
    if !response.ok() {
        return Err(Failure::Status(
            format!("{} {}", response.status(), response.status_text()),
            url.to_string(),
        ));
    }
    let text = response
        .text()
        .await
        .map_err(|e| Failure::Interrupted(e.to_string()))?;
    super::mark("atlas:downloaded");
    // Parsing gets a browser task of its own (a timer, not a microtask), so the
    // download's completion and the parse do not add up to one long task.
    sleep(0).await;
    let r = parse_dataset(&text);
    super::mark("atlas:parsed");
    // And the first render starts in a task of its own.
    sleep(0).await;
    r.map(Arc::new).map_err(Failure::Load)
}

/// Downloads a JSON side file (map shapes, gazetteer) that a view needs; the
/// error is the browser's or the parser's own message, for the view to show.
pub async fn fetch_json<T: serde::de::DeserializeOwned>(url: &str) -> Result<Arc<T>, String> {
    let response = Request::get(url).send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    response
        .json::<T>()
        .await
        .map(Arc::new)
        .map_err(|e| e.to_string())
}
