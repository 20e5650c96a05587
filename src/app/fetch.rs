use crate::core::load::{parse_dataset, Loaded};
use gloo_net::http::Request;
use std::sync::Arc;

/// Relative to the document, so a build served under any sub-path finds its own copy.
pub const DATASET_URL: &str = "data/atlas.json";

/// Downloads and validates the dataset; the error is a sentence for the page.
pub async fn fetch_dataset(url: &str) -> Result<Arc<Loaded>, String> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| format!("The dataset could not be downloaded ({e})."))?;
    if !response.ok() {
        return Err(format!(
            "The dataset could not be loaded: the server answered {} {} for {url}.",
            response.status(),
            response.status_text()
        ));
    }
    let text = response
        .text()
        .await
        .map_err(|e| format!("The dataset download was interrupted ({e})."))?;
    parse_dataset(&text)
        .map(Arc::new)
        .map_err(|e| e.to_string())
}
