use crate::core::download::{self, Limits, Progress, Stop};
use crate::core::lang::Lang;
use crate::core::load::{parse_dataset, LoadError, Loaded};
use crate::present::catalog::T;
use crate::present::i18n::Speak;
use gloo_net::http::Request;
use std::sync::Arc;

/// Relative to the document, so a build served under any sub-path finds its own copy.
pub const DATASET_URL: &str = "data/atlas.json";

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The clock the download limits are kept on (milliseconds).
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

/// Why a file could not be used; [`Failure::say`] phrases it for the dataset's
/// error, [`Failure::detail`] for a view's own.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Download(String),
    Stopped(Stop, Limits),
    Status(String, String),
    Interrupted(String),
    NotUtf8,
    Load(LoadError),
}

impl Failure {
    /// The sentence the dataset's error shows. Technical detail (a browser's or a
    /// parser's message) stays as the browser or parser wrote it.
    pub fn say(&self, lang: Lang) -> String {
        match self {
            Failure::Download(e) => lang.fill(T::DownloadFailed, &[e]),
            Failure::Stopped(..) | Failure::NotUtf8 => {
                lang.fill(T::NoAnswer, &[&self.detail(lang)])
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

    /// The reason alone, for a view that names the file itself ("the gazetteer could
    /// not be loaded (…)").
    pub fn detail(&self, lang: Lang) -> String {
        let secs = |ms: u32| (ms / 1000).to_string();
        match self {
            Failure::Stopped(Stop::NoAnswer, l) => lang.fill(T::WhyNoAnswer, &[&secs(l.answer_ms)]),
            Failure::Stopped(Stop::Stalled { bytes }, l) => lang.fill(
                T::WhyStalled,
                &[&secs(l.idle_ms), &crate::present::format::megabytes(*bytes)],
            ),
            Failure::Stopped(Stop::TooSlow { .. }, l) => {
                lang.fill(T::WhyTooSlow, &[&(l.total_ms / 60_000).to_string()])
            }
            Failure::Stopped(Stop::TooLarge { .. }, l) => lang.fill(
                T::WhyTooLarge,
                &[&crate::present::format::megabytes(l.max_bytes)],
            ),
            Failure::NotUtf8 => lang.t(T::WhyNotUtf8).to_string(),
            // The code alone ("HTTP 503"), as a view's sentence names it.
            Failure::Status(status, _) => {
                format!("HTTP {}", status.split(' ').next().unwrap_or_default())
            }
            Failure::Download(e) | Failure::Interrupted(e) => e.clone(),
            Failure::Load(e) => e.to_string(),
        }
    }
}

/// The one fetch helper: downloads `url` as text within `limits`
/// ([`crate::core::download`]). The body is read chunk by chunk from its stream, so
/// an idle timer (reset by each chunk), a total time and a byte cap (checked against
/// `Content-Length` first, then while reading) end every download; the request is
/// aborted when one does.
pub async fn fetch_text(url: &str, limits: Limits) -> Result<String, Failure> {
    use futures::future::{select, Either};
    use wasm_bindgen::JsCast;
    let mut progress = Progress::new(limits, now());
    let controller = web_sys::AbortController::new().ok();
    let stop = |s: Stop| {
        if let Some(c) = &controller {
            c.abort();
        }
        Failure::Stopped(s, limits)
    };
    let request = Request::get(url).abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    let send = std::pin::pin!(request.send());
    let wait = std::pin::pin!(sleep_until(progress.deadline()));
    let response = match select(send, wait).await {
        Either::Left((result, _)) => result.map_err(|e| Failure::Download(e.to_string()))?,
        Either::Right(_) => return Err(stop(Stop::NoAnswer)),
    };
    if !response.ok() {
        return Err(Failure::Status(
            format!("{} {}", response.status(), response.status_text()),
            url.to_string(),
        ));
    }
    let length = response
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok());
    progress.answered(now(), length).map_err(stop)?;
    let Some(body) = response.body() else {
        return Ok(String::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let capacity = length.unwrap_or(0).min(limits.max_bytes);
    let mut bytes: Vec<u8> = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    let mut read = wasm_bindgen_futures::JsFuture::from(reader.read());
    loop {
        let wait = std::pin::pin!(sleep_until(progress.deadline()));
        match select(&mut read, wait).await {
            Either::Left((Ok(chunk), _)) => {
                let done = js_sys::Reflect::get(&chunk, &"done".into())
                    .ok()
                    .and_then(|d| d.as_bool())
                    .unwrap_or(true);
                if done {
                    break;
                }
                let value: js_sys::Uint8Array = js_sys::Reflect::get(&chunk, &"value".into())
                    .map(JsCast::unchecked_into)
                    .map_err(|_| Failure::Interrupted("no data in a chunk".into()))?;
                progress
                    .chunk(now(), u64::from(value.length()))
                    .map_err(stop)?;
                let start = bytes.len();
                bytes.resize(start + value.length() as usize, 0);
                value.copy_to(&mut bytes[start..]);
                read = wasm_bindgen_futures::JsFuture::from(reader.read());
            }
            Either::Left((Err(e), _)) => {
                let text = js_sys::Error::from(e).message();
                return Err(Failure::Interrupted(String::from(text)));
            }
            Either::Right(_) => {
                if let Some(s) = progress.expired(now()) {
                    let _ = reader.cancel();
                    return Err(stop(s));
                }
            }
        }
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    std::str::from_utf8(text)
        .map(str::to_string)
        .map_err(|_| Failure::NotUtf8)
}

/// Resolves at `deadline` on [`now`]'s clock (at once if it has passed).
async fn sleep_until(deadline: f64) {
    let ms = (deadline - now()).ceil().clamp(0.0, f64::from(i32::MAX));
    sleep(ms as i32).await;
}

/// Downloads and validates the dataset.
pub async fn fetch_dataset(url: &str) -> Result<Arc<Loaded>, Failure> {
    let text = fetch_text(url, download::DATASET).await?;
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

/// Downloads a JSON side file (map shapes, gazetteer) that a view needs, within
/// [`download::SIDE_FILE`]; the view names the file and shows [`Failure::detail`].
pub async fn fetch_json<T: serde::de::DeserializeOwned>(url: &str) -> Result<Arc<T>, Failure> {
    let text = fetch_text(url, download::SIDE_FILE).await?;
    serde_json::from_str::<T>(&text)
        .map(Arc::new)
        .map_err(|e| Failure::Load(LoadError::NotJson(e.to_string())))
}
