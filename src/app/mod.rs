//! Leptos components. They read the pure core and wire signals to markup;
//! every decision about data lives in `crate::core`.

mod fetch;
mod records;
mod status;

pub use fetch::{fetch_dataset, DATASET_URL};
pub use records::{Explorer, RecordList};
pub use status::{LoadFailed, Loading, SkippedNotice};

use leptos::prelude::*;

/// The whole page below `<body>`: masthead, then the explorer once the dataset has loaded.
#[component]
pub fn App() -> impl IntoView {
    let data = LocalResource::new(|| fetch_dataset(DATASET_URL));
    let (pending, set_pending) = signal(false);
    let retry = Callback::new(move |_| data.refetch());

    view! {
        <header class="masthead">
            <h1 class="masthead__title">"Cloud Atlas"</h1>
            <p class="masthead__tagline">"Alibaba Cloud and Tencent Cloud abroad, record by record, with sources."</p>
        </header>
        <Transition fallback=|| view! { <Loading/> } set_pending>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(loaded) => view! { <Explorer loaded/> }.into_any(),
                    Err(message) => view! { <LoadFailed message retry pending/> }.into_any(),
                }
            })}
        </Transition>
    }
}
