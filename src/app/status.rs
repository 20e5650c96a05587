//! The states around the data: loading, failed, and records left out.

use crate::core::lang::Lang;
use crate::core::load::Skipped;
use crate::present::catalog::T;
use crate::present::i18n::Speak;
use leptos::prelude::*;

/// The page's language; English where no app provides one (a component tested alone).
fn lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// Shaped like the explorer so nothing jumps when the data arrives.
#[component]
pub fn Loading() -> impl IntoView {
    let lang = lang();
    view! {
        <div class="filterbar filterbar--placeholder" aria-hidden="true"></div>
        <main id="main" class="view" aria-busy="true">
            <p class="status" role="status">{lang.t(T::Loading)}</p>
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
    let lang = lang();
    view! {
        <div class="filterbar filterbar--placeholder" aria-hidden="true"></div>
        <main id="main" class="view">
            <div class="error" role="alert">
                <h2 class="error__title">{lang.t(T::LoadFailedTitle)}</h2>
                <p class="error__message">{message}</p>
                <p>
                    <button type="button" class="button" disabled=move || pending.get() on:click=move |_| retry.run(())>
                        {move || lang.t(if pending.get() { T::Retrying } else { T::Retry })}
                    </button>
                    " "
                    <a href="data/atlas.json">{lang.t(T::OpenRawDataset)}</a>
                </p>
            </div>
        </main>
    }
}

/// Records that failed validation are named, never silently dropped.
#[component]
pub fn SkippedNotice(skipped: Vec<Skipped>) -> impl IntoView {
    let lang = lang();
    let (open, set_open) = signal(!skipped.is_empty());
    let count = skipped.len();
    let head = match count {
        1 => lang.t(T::SkippedOne).to_string(),
        n => lang.fill(T::SkippedMany, &[&n.to_string()]),
    };
    // The record type in the page's language; the reason is the validator's own words.
    let line = move |s: &Skipped| {
        let what = match s.what {
            "source" => T::SkippedSource,
            "region" => T::SkippedRegion,
            "country" => T::SkippedCountry,
            "city" => T::SkippedCity,
            "edition" => T::SkippedEdition,
            _ => T::SkippedEvent,
        };
        format!("{} {}: {}", lang.t(what), s.id, s.reason)
    };
    view! {
        <Show when=move || open.get()>
            <div class="notice" role="status">
                <p>
                    <strong>{head.clone()}</strong>
                    {lang.t(T::SkippedWhy)}
                </p>
                <NoticeList lines=skipped.iter().map(line).collect()/>
                <button type="button" class="button button--quiet" on:click=move |_| set_open.set(false)>
                    {lang.t(T::Dismiss)}
                </button>
            </div>
        </Show>
    }
}

/// How many lines a notice lists before the rest fold away.
pub const NOTICE_LINES: usize = 10;

/// A notice's list, capped: the first [`NOTICE_LINES`] lines as items, the rest (a
/// hostile file's thousands of bad records, a link's thousands of junk parameters)
/// behind "and N more" as one block of text, so the page stays readable and the
/// document small while nothing is hidden for good.
#[component]
pub fn NoticeList(lines: Vec<String>) -> impl IntoView {
    let lang = lang();
    let rest = lines.get(NOTICE_LINES..).map(|r| r.join("\n"));
    let more = lines.len().saturating_sub(NOTICE_LINES);
    let shown: Vec<String> = lines.into_iter().take(NOTICE_LINES).collect();
    view! {
        <ul class="notice__list">
            {shown.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
        </ul>
        {rest.map(|rest| view! {
            <details class="notice__more">
                <summary>{lang.fill(T::AndMore, &[&lang.count(more)])}</summary>
                <pre class="notice__rest">{rest}</pre>
            </details>
        })}
    }
}
