//! The states around the data: loading, failed, and records left out.

use crate::core::load::Skipped;
use leptos::prelude::*;

/// Shaped like the explorer so nothing jumps when the data arrives.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <div class="filterbar filterbar--placeholder" aria-hidden="true"></div>
        <main id="main" class="view" aria-busy="true">
            <p class="status" role="status">"Loading the dataset…"</p>
        </main>
    }
}

/// A fetch or parse failure: the reason in words and a way to try again.
#[component]
pub fn LoadFailed(
    message: String,
    retry: Callback<()>,
    #[prop(into)] pending: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="filterbar filterbar--placeholder" aria-hidden="true"></div>
        <main id="main" class="view">
            <div class="error" role="alert">
                <h2 class="error__title">"The data could not be shown"</h2>
                <p class="error__message">{message}</p>
                <p>
                    <button type="button" class="button" disabled=move || pending.get() on:click=move |_| retry.run(())>
                        {move || if pending.get() { "Retrying…" } else { "Retry" }}
                    </button>
                    " "
                    <a href="data/atlas.json">"Open the raw dataset"</a>
                </p>
            </div>
        </main>
    }
}

/// Records that failed validation are named, never silently dropped.
#[component]
pub fn SkippedNotice(skipped: Vec<Skipped>) -> impl IntoView {
    let (open, set_open) = signal(!skipped.is_empty());
    let count = skipped.len();
    let noun = if count == 1 { "record" } else { "records" };
    view! {
        <Show when=move || open.get()>
            <div class="notice" role="status">
                <p>
                    <strong>{format!("{count} {noun} skipped")}</strong>
                    " because they failed validation:"
                </p>
                <ul class="notice__list">
                    {skipped.iter().map(|s| view! { <li>{s.to_string()}</li> }).collect_view()}
                </ul>
                <button type="button" class="button button--quiet" on:click=move |_| set_open.set(false)>
                    "Dismiss"
                </button>
            </div>
        </Show>
    }
}
