//! Every fixed phrase of the interface, in English and Simplified Chinese.
//!
//! One line per phrase: `Name: "English" | "中文",`. The macro turns the table into
//! the enum [`T`] and its two `match`es, so a phrase without its Chinese (or its
//! English) is a syntax error, not a blank at run time. `{0}`, `{1}`… are filled by
//! [`Lang::fill`]; the tests check that both languages use the same placeholders and
//! that every Chinese phrase is written in Chinese. Sentences whose grammar differs
//! more than word order allows are functions in `super::words`.
//!
//! The English column is also what the end-to-end test looks for on a Chinese page
//! (the `oracle catalog` command prints it): none of it may show there.

macro_rules! catalog {
    ($enum:ident; $($(#[$m:meta])* $name:ident: $en:literal | $zh:literal,)*) => {
        /// A phrase of the interface; [`Lang::t`] gives it in a language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $enum { $($(#[$m])* $name,)* }

        impl $enum {
            pub const ALL: &'static [$enum] = &[$($enum::$name,)*];
        }

        impl $crate::catalog::Phrase for $enum {
            fn en(self) -> &'static str {
                match self { $($enum::$name => $en,)* }
            }

            fn zh(self) -> &'static str {
                match self { $($enum::$name => $zh,)* }
            }
        }
    };
}
pub(crate) use catalog;

/// A phrase table's entry in both languages. Two tables implement it: [`T`], the
/// interface's, and `crate::refwords::R`, the reference layer's, which only the
/// code that arrives with that layer uses (so the first load does not carry it).
pub trait Phrase: Copy {
    fn en(self) -> &'static str;
    fn zh(self) -> &'static str;
}

/// `template` with each `{N}` (one digit) replaced by `args[N]`, in one pass over the
/// template: the arguments are copied verbatim and never read again, so dataset text
/// holding `{1}` stays `{1}` (no spoofed sentences), and the output is at most the
/// template plus the arguments (a name made of `{1}`s cannot grow it). A placeholder
/// without an argument stays as written.
pub fn fill_template(template: &str, args: &[&str]) -> String {
    let extra: usize = args.iter().map(|a| a.len()).sum();
    let mut out = String::with_capacity(template.len() + extra);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        let b = tail.as_bytes();
        match (b.get(1), b.get(2)) {
            (Some(d @ b'0'..=b'9'), Some(b'}')) if usize::from(d - b'0') < args.len() => {
                out.push_str(args[usize::from(d - b'0')]);
                rest = &tail[3..];
            }
            _ => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

catalog! {
    T;
    // The masthead and the page around the views.
    SiteName: "Cloud Atlas" | "云图谱",
    Tagline: "{0} abroad, record by record, with sources." | "{0}出海，逐条记录，条条有出处。",
    SwitchLang: "中文" | "English",
    SwitchLangLabel: "这个页面的中文版" | "This page in English",
    PreferOffer: "这个页面有中文版。" | "This page is also in English.",
    PreferOfferLink: "切换到中文" | "Switch to English",
    Dismiss: "Dismiss" | "关闭",
    Loading: "Loading the dataset…" | "正在加载数据集…",
    LoadFailedTitle: "The data could not be shown" | "无法显示数据",
    Retry: "Retry" | "重试",
    Retrying: "Retrying…" | "正在重试…",
    OpenRawDataset: "Open the raw dataset" | "打开原始数据集",
    DownloadFailed: "The dataset could not be downloaded ({0})." | "数据集无法下载（{0}）。",
    NoAnswer: "The dataset did not arrive: {0}." | "数据集未能送达：{0}。",
    WhyNoAnswer: "the server sent no answer within {0} seconds" | "服务器在{0}秒内没有响应",
    WhyStalled: "nothing more arrived for {0} seconds, after {1}" | "收到{1}后，{0}秒内再无数据",
    WhyTooSlow: "it was still arriving after {0} minutes, so the download was stopped" | "{0}分钟后仍未下载完，下载已停止",
    WhyTooLarge: "it is larger than {0}, the most this page reads, so the download was stopped" | "文件超过{0}，超出本页面可读取的上限，下载已停止",
    WhyNotUtf8: "it is not UTF-8 text" | "不是UTF-8文本",
    BadStatus: "The dataset could not be loaded: the server answered {0} for {1}." | "数据集无法加载：服务器对{1}的响应是{0}。",
    Interrupted: "The dataset download was interrupted ({0})." | "数据集下载中断（{0}）。",
    NotJson: "The dataset is not valid JSON ({0})." | "数据集不是有效的JSON（{0}）。",
    UnsupportedSchema: "The dataset uses schema {0}, but this version of Cloud Atlas reads schema {1}." | "数据集使用第{0}版结构，而本版云图谱读取第{1}版。",
    BadHeader: "The dataset is incomplete: {0}." | "数据集不完整：{0}。",
    SkippedOne: "1 record skipped" | "跳过1条记录",
    SkippedMany: "{0} records skipped" | "跳过{0}条记录",
    AndMore: "and {0} more" | "另有{0}条",
    ImageFailed: "The image could not be made from this view." | "无法根据此视图生成图片。",
    SkippedWhy: " because they failed validation:" | "，因为未通过校验：",
    SkippedSource: "source" | "来源",
    SkippedRegion: "region" | "地域",
    SkippedEvent: "event" | "事件",
    SkippedCountry: "country" | "国家或地区",
    SkippedCity: "city" | "城市",
    SkippedEdition: "change-log edition" | "变更记录版本",
    UrlIgnored: "Some of the link's settings were ignored:" | "链接中的部分设置已被忽略：",
    SinceMany: "{0} records changed since this link was made (data of {1}; now {2})." | "自这个链接生成以来（数据版本{1}，现为{2}），有{0}条记录发生了变化。",
    SinceOne: "1 record changed since this link was made (data of {0}; now {1})." | "自这个链接生成以来（数据版本{0}，现为{1}），有1条记录发生了变化。",
    SinceNone: "The data was updated since this link was made (data of {0}; now {1}), but no record changed." | "自这个链接生成以来数据已更新（数据版本{0}，现为{1}），但没有记录发生变化。",
    SinceUnknown: "This link names data version “{0}”, which this copy of the atlas does not know; it shows the data of {1}." | "这个链接标注的数据版本“{0}”无法识别；这里显示的是{1}的数据。",
    SinceBeforeLog: "Changes before {0} are not recorded." | "{0}之前的变化没有记录。",
    SinceList: "List the {0} changes" | "列出{0}处变化",
    SinceAdded: "Added" | "新增",
    SinceChanged: "Changed" | "更改",
    SinceRemoved: "Removed" | "删除",
    SinceShowsNow: "The view shows the data as it is now." | "下方显示的是当前数据。",
    SinceStamp: "Update the link to this data" | "将链接更新为当前数据",
    FeedTitle: "Cloud Atlas: new records and data updates" | "云图谱：新记录与数据更新",
    FeedTitleOne: "Cloud Atlas: {0}, new records and data updates" | "云图谱：{0}的新记录与数据更新",
    FeedSubtitle: "Every sourced event in the atlas and every update of its data, newest first." | "云图谱中每条有出处的事件及每次数据更新，按时间由新到旧排列。",
    FeedConfidence: "confidence: {0}" | "可信度：{0}",
    FeedSources: "Sources: " | "来源：",
    FeedUpdate: "Data update of {0}: {1} added, {2} changed, {3} removed" | "数据更新（{0}）：新增{1}条、更改{2}条、删除{3}条",
    FeedUpdateTag: "data update" | "数据更新",
    Subscribe: "Subscribe" | "订阅",
    CiteText: "{0} ({1}). {2} [dataset version {3}]. {4} (accessed {5})." | "{0}（{1}）。{2}［数据集版本{3}］。{4}（访问日期：{5}）。",
    CiteNote: "Dataset version {0}" | "数据集版本{0}",
    Cite: "Cite" | "引用",
    CiteTitle: "Cite this view" | "引用此视图",
    CiteCopyText: "Copy citation" | "复制引文",
    CiteCopyBibtex: "Copy BibTeX" | "复制 BibTeX",
    CiteCopied: "Citation copied" | "引文已复制",
    CsvCite: "# Cite as: {0}" | "# 引用格式：{0}",
    SubscribeHint: "New records and data updates in your feed reader:" | "在阅读器中接收新记录与数据更新：",
    SubscribeAll: "Everything" | "全部",
    DatasetVersion: " · dataset version {0}" | " · 数据集版本{0}",
    Views: "Views" | "视图",
    ViewMap: "Map" | "地图",
    ViewTimeline: "Timeline" | "时间线",
    ViewCompare: "Head to head" | "对比",
    ViewTable: "Table" | "表格",
    ViewCoverage: "Coverage" | "覆盖距离",
    ViewChanges: "Changes" | "变化",
    ViewPromises: "Promises" | "承诺与兑现",
    Sources: "Sources" | "来源",
    OpenFullView: "Open full view" | "打开完整页面",

    // The filter bar.
    Filters: "Filters" | "筛选",
    FiltersActive: "Filters ({0} active)" | "筛选（{0}项生效）",
    Providers: "Providers" | "云服务商",
    Area: "Area" | "区域",
    Country: "Country" | "国家或地区",
    EventKind: "Event kind" | "事件类型",
    RegionStatus: "Region status" | "地域状态",
    Years: "Years" | "年份",
    FromYear: "From year" | "起始年份",
    ToYear: "To year" | "截止年份",
    SearchPlaceholder: "Search names, places, people…" | "搜索名称、地点、人物…",
    SearchLabel: "Search records" | "搜索记录",
    Reset: "Reset" | "重置",
    CopyLink: "Copy link" | "复制链接",
    LinkCopied: "Link copied" | "链接已复制",
    CopyThisLink: "Copy this link: {0}" | "请复制此链接：{0}",

    // Kinds, statuses, confidence.
    KindRegionLaunch: "Region launch" | "地域开服",
    KindDatacenter: "Data centre" | "数据中心",
    KindAnnouncement: "Announcement" | "宣布",
    KindInvestment: "Investment" | "投资",
    KindPartnership: "Partnership" | "合作",
    KindClosure: "Closure" | "关停",
    KindMarket: "Market figure" | "市场数据",
    StatusLive: "Live" | "运营中",
    StatusListed: "Listed only" | "仅见于清单",
    StatusAnnounced: "Announced" | "已宣布",
    StatusRetired: "Retired" | "已关停",
    ConfidenceLow: "low" | "低",
    ConfidenceMedium: "medium" | "中",
    ConfidenceHigh: "high" | "高",

    // Share and download.
    ShareGroup: "Download and share" | "下载与分享",
    RegionsCsv: "Regions CSV ({0})" | "地域CSV（{0}）",
    EventsCsv: "Events CSV ({0})" | "事件CSV（{0}）",
    JsonRecords: "JSON ({0} records)" | "JSON（{0}条记录）",
    SvgImage: "SVG image" | "SVG图片",
    PngImage: "PNG image" | "PNG图片",
    CopyEmbed: "Copy embed code" | "复制嵌入代码",
    EmbedCopied: "Embed code copied" | "嵌入代码已复制",
    CopyThisCode: "Copy this code: {0}" | "请复制此代码：{0}",
    FooterSource: "Source: Cloud Atlas dataset {0} ({1}); sources per record in the data" | "来源：云图谱数据集{0}（{1}）；每条记录的出处见数据",
    CsvHeader: "# Cloud Atlas {0} · dataset {1} · licence: {2} · view: {3}" | "# 云图谱{0} · 数据集{1} · 许可：{2} · 视图：{3}",
    CsvRegions: "regions" | "地域",
    CsvEvents: "events" | "事件",

    // The detail panel.
    Close: "Close" | "关闭",
    CloseDetails: "Close details" | "关闭详情",
    Confidence: "Confidence: {0}" | "可信度：{0}",
    FieldProvider: "Provider" | "云服务商",
    FieldRegionCode: "Region code" | "地域代码",
    FieldChineseName: "Chinese name" | "中文名称",
    FieldEnglishName: "English name" | "英文名称",
    FieldPlace: "Place" | "地点",
    FieldArea: "Area" | "区域",
    FieldStatus: "Status" | "状态",
    FieldChecked: "Status evidence dated" | "状态依据日期",
    FieldEvidence: "Evidence" | "证据",
    ProofLaunch: "launch report" | "开服报道",
    ProofTable: "provider's region table" | "服务商地域表",
    ProofListing: "code in an SDK, API or Terraform" | "SDK、API 或 Terraform 中的代码",
    ProofIntent: "announcement of intent" | "计划公告",
    ProofClosure: "closure notice" | "关停公告",
    ProofReport: "third-party report" | "第三方报道",
    /// One evidence item: its kind, date and what it says of the region.
    EvidenceItem: "{0}, {1}: {2}" | "{0}，{1}：{2}",
    Contested: "contested" | "有争议",
    DisputeLiveAfterClosure: "Sources disagree: the region is named as live after the evidence that it closed. It is counted as retired." | "来源不一：在关停证据之后，仍有来源称该地域在运营。本站按已关停计。",
    DisputeRetiredClaim: "Sources disagree: a source says the region closed, but no closure notice or provider table confirms it. It is counted as the provider's evidence says." | "来源不一：有来源称该地域已关停，但没有关停公告或服务商地域表证实。本站按服务商的证据计。",
    DisputeDates: "Sources disagree on the opening date; the earliest reported date is shown." | "各来源的开服日期不一；此处显示最早的报道日期。",
    DisputeUnconfirmed: "Sources disagree: the provider's own table lists the region as open, but no launch report and no API, SDK or Terraform listing confirms it. It is counted as live." | "来源不一：服务商自己的地域表列出该地域，但没有开服报道，也没有 API、SDK 或 Terraform 清单证实。本站按运营中计。",
    Stale: "stale" | "待更新",
    StaleNote: "Stale: no evidence newer than {0} months before this edition of the data." | "待更新：在本版数据之前{0}个月内没有更新的证据。",
    FieldOpened: "Opened" | "开服",
    FieldRetired: "Retired" | "关停",
    FieldZones: "Availability zones" | "可用区",
    FieldMapPosition: "Map position" | "地图位置",
    MapPositionValue: "{0}, {1} (the city, not the data-centre site)" | "{0}，{1}（城市位置，并非数据中心所在地）",
    FieldDate: "Date" | "日期",
    FieldKind: "Kind" | "类型",
    FieldAmountUsd: "Amount (US$)" | "金额（美元）",
    FieldAmountLocal: "Amount (as announced)" | "金额（公布口径）",
    FieldFootprint: "Announced footprint" | "公布的规模",
    FieldSectors: "Sectors" | "行业",
    FieldPeople: "People" | "人物",
    FieldRegion: "Region" | "地域",
    NoneYet: "none yet" | "尚无",
    Unknown: "unknown" | "不详",
    DateUnknown: "date unknown" | "日期不详",
    Note: "Note" | "注释",
    NoteInEnglish: "The note is kept in English, as researched." | "注释保留研究时的英文原文。",
    NameOurs: "our rendering; the provider publishes no Chinese name we could find" | "本站译名；未找到服务商公布的中文名称",
    NameProviders: "the provider's own, from {0}" | "服务商官方名称，出自{0}",
    Untranslated: "No Chinese text yet; shown in English" | "暂无中文，以英文显示",
    NRegions: "{0} regions" | "{0}个地域",
    NZones: "{0} zones" | "{0}个可用区",

    // Tables.
    Records: "Records" | "记录",
    RegionsN: "Regions ({0})" | "地域（{0}）",
    EventsN: "Events ({0})" | "事件（{0}）",
    RegionsSortable: "Regions, sortable by any column" | "地域，可按任一列排序",
    EventsSortable: "Events, sortable by any column" | "事件，可按任一列排序",
    ShowingFirstRegions: "Showing the first {0} of {1} regions. " | "显示{1}个地域中的前{0}个。",
    ShowingFirstEvents: "Showing the first {0} of {1} events. " | "显示{1}条事件中的前{0}条。",
    ShowMore: "Show {0} more" | "再显示{0}条",
    ColRegion: "Region" | "地域",
    ColProvider: "Provider" | "云服务商",
    ColCountry: "Country" | "国家或地区",
    ColOpened: "Opened" | "开服",
    ColStatus: "Status" | "状态",
    ColZones: "Zones" | "可用区",
    ColConfidence: "Confidence" | "可信度",
    ColChecked: "Evidence" | "证据",
    ColDate: "Date" | "日期",
    ColKind: "Kind" | "类型",
    ColEvent: "Event" | "事件",
    ColAmount: "Amount" | "金额",
    SourceLink: "Source: {0}" | "来源：{0}",

    // The map.
    MapTitle: "World map of cloud regions" | "云地域世界地图",
    MapDesc: "Countries shaded by which providers have a region there; the region markers are buttons laid over the map." | "各国按设有地域的云服务商着色；地域标记是叠在地图上的按钮。",
    MapLegend: "Legend" | "图例",
    LegendRegion: "{0} region" | "{0}地域",
    LegendOnly: "{0} only" | "仅{0}",
    LegendAnnounced: "announced" | "已宣布",
    LegendRetired: "retired" | "已关停",
    LegendListed: "listed: a code in an SDK or API, no launch confirmed" | "仅见于清单：只见于 SDK 或 API，未证实开服",
    RefChip: "AWS · Azure · Google Cloud" | "AWS · Azure · 谷歌云",
    RefLegend: "AWS, Azure or Google Cloud region (reference)" | "AWS、Azure或谷歌云地域（参照）",
    TitleWithRef: ", with AWS, Azure and Google Cloud for reference" | "（对照AWS、Azure和谷歌云）",
    RefGroup: "Reference layer: the US hyperscalers' regions" | "参照层：美国云巨头的地域",
    LegendContested: "contested: sources disagree" | "有争议：来源说法不一",
    LegendLeft: "left: every region there closed" | "已撤出：当地区域均已关停",
    LegendAnnouncedOnly: "announced or listed only" | "仅宣布或仅见于清单",
    LegendBoth: "both" | "两家均有",
    LegendTwoOrMore: "two or more" | "两家或以上",
    ZoomTo: "Zoom to" | "缩放到",
    NoScriptNote: "The filters and the views other than the map need JavaScript; without it this page shows the whole dataset on the map." | "筛选以及地图以外的视图需要JavaScript；没有它，本页只在地图上显示全部数据。",
    NoScriptData: "The data is one plain file: " | "数据是一个普通文件：",
    DownloadDatasetJson: "download the dataset (JSON)" | "下载数据集（JSON）",
    ZoomWorld: "World" | "全球",
    MarkerZone: "{0} zone" | "{0}个可用区",
    MarkerZones: "{0} zones" | "{0}个可用区",
    MarkerOpened: "opened {0}" | "{0}开服",
    ViewCodeFailed: "This view could not be loaded. Check the connection and retry; the rest of the page still works." | "此视图无法加载。请检查网络连接后重试；页面的其他部分仍可使用。",
    PartCodeFailed: "This part of the page could not be loaded. Check the connection and retry; the rest of the page still works." | "页面的这一部分无法加载。请检查网络连接后重试；页面的其他部分仍可使用。",
    FileCodeFailed: "The file could not be written: the code that writes it did not arrive. Check the connection and try again." | "无法生成文件：生成它的代码未能加载。请检查网络连接后重试。",
    SinceCodeFailed: "This link was made with another version of the dataset, but the list of what changed since could not be loaded." | "此链接基于数据集的另一个版本生成，但自那时以来的变更列表无法加载。",
    MapOutlinesFailed: "The country outlines could not be loaded ({0}); the region markers are still placed correctly." | "国家轮廓无法加载（{0}）；地域标记的位置仍然正确。",
    MapRegionsList: "Regions on the map" | "地图上的地域",

    // The timeline.
    TimelineTitle: "Events by provider and date" | "按云服务商和日期排列的事件",
    TimelineDesc: "One lane per provider and one for market figures. Each mark is an event; a pale bar behind it spans the year or month when the date is known only that precisely. Marks are focusable; Enter opens the event's details." | "每家云服务商一条泳道，另有一条为市场数据。每个标记是一条事件；日期只精确到年或月时，标记后的浅色条覆盖那一年或那个月。标记可获得焦点，按回车键打开事件详情。",
    LegendPrecision: "date known only to the year or month" | "日期只精确到年或月",
    LegendInvestment: "investment size ∝ amount" | "投资标记大小与金额成正比",
    NEvents: "{0} events" | "{0}条事件",
    BinLabel: "{0}, {1}: {2} events. Show only {1}." | "{0}，{1}年：{2}条事件。只看{1}年。",
    Binned: "A lane with more than {0} events shows how many fell in each year. Choose a year's bar, or narrow the filters, to see the events one by one." | "事件超过{0}条的泳道按年显示数量。选择某一年的柱形，或缩小筛选范围，即可逐条查看事件。",
    GrowthTitle: "Growth {0}" | "{0}的增长",
    GrowthHint: "Live regions at each year's end (solid) and countries or territories reached (dashed), closures subtracted." | "每年年底的运营中地域（实线）和已覆盖的国家和地区（虚线），已扣除关停。",
    GrowthSvgTitle: "Live regions and countries {0}, by year" | "{0}逐年的运营中地域和国家",
    GrowthSvgDesc: "Solid lines: live regions at each year's end; dashed lines: countries and territories reached; one colour per provider. The table below gives the final values." | "实线：每年年底的运营中地域；虚线：已覆盖的国家和地区；每家云服务商一种颜色。下表给出最终数值。",
    GrowthUndated: "{0} region(s) {1} with an unknown opening year are not placed on this chart." | "{1}另有{0}个开服年份不详的地域未画在图中。",
    FootprintHint: "Totals as each provider stated them at the time (regions and availability zones, home market included); they are not sums of this dataset's rows." | "各云服务商当时公布的总数（地域和可用区，含本土市场），并非本数据集各行的合计。",
    GrowthCaption: "At the end of the period shown" | "所示时段结束时",
    ColLiveRegions: "Live regions" | "运营中地域",
    ColCountries: "Countries" | "国家和地区",
    ColRegions: "Regions" | "地域",
    FootprintTitle: "Footprint the providers announced" | "云服务商公布的规模",
    OutsideOne: "outside {0}" | "{0}以外",
    OutsideMany: "outside {0} and {1}" | "{0}和{1}以外",
    InEveryArea: "in every area" | "所有区域",

    // Head to head.
    SideBySide: "Side by side" | "并排对比",
    SideBySideHint: "For the filtered records. A linked figure opens the record it comes from, with its sources." | "基于筛选后的记录。带链接的数字可打开其所依据的记录及出处。",
    TableScrolls: "Table, scrolls sideways on small screens" | "表格，小屏幕上可左右滚动",
    ChartScrolls: "Chart, scrolls sideways on small screens" | "图表，小屏幕上可左右滚动",
    Figure: "Figure" | "指标",
    FigLive: "Live regions" | "运营中地域",
    FigAnnounced: "Announced regions" | "已宣布地域",
    FigRetired: "Retired regions" | "已关停地域",
    FigZones: "Zones listed for live regions (summed; includes legacy zones)" | "运营中地域列出的可用区（合计，含旧可用区）",
    FigCountries: "Countries and territories with a live region" | "设有运营中地域的国家和地区",
    FigFirst: "First region launch" | "首个地域开服",
    FigLatest: "Latest region launch" | "最近一次地域开服",
    FigPledged: "Pledged investment (US$, sum of announcements)" | "承诺投资（美元，公告金额合计）",
    NPledges: "{0} ({1} pledges)" | "{0}（{1}笔承诺）",
    FigFootprint: "Latest footprint the provider announced" | "服务商最近公布的规模",
    CompareCaveat: "Summed zone counts come from per-region documentation and run higher than the providers' own totals; the announced footprint is the providers' figure. Pledges differ in scope (group capital spending, talent programmes, acquisitions): read each one before comparing sums." | "可用区合计来自各地域的文档，高于服务商自己公布的总数；公布的规模是服务商的数字。各项投资承诺口径不同（集团资本开支、人才计划、收购等），比较总额前请逐条阅读。",
    SmallerPledges: "{0}: {1} smaller pledges are not listed here; the events table lists every one." | "{0}：另有{1}笔较小的承诺未在此列出，事件表列出了全部。",
    ByArea: "By area" | "按区域",
    AreaRow: "{0} live · {1} zones · {2} retired" | "运营中{0} · 可用区{1} · 已关停{2}",
    WherePresent: "Where each is present" | "各自的分布",
    WherePresentHint: "Countries and territories with a filtered region live at the end of the period (today without a last year), as the map shades them." | "在所选时段末（未设结束年份时即今天）有筛选后运营中地域的国家和地区，与地图着色一致。",
    OnlyOne: "{0} only" | "仅{0}",
    SharedBoth: "Both" | "两家均有",
    SharedTwoOrMore: "Two or more" | "两家或以上",
    MarketContext: "Market context" | "市场背景",
    MarketEarlier: "The {0} latest market figures are shown; {1} earlier ones are in the events table." | "显示最近的{0}条市场数据；更早的{1}条见事件表。",

    // Page titles.
    TitleHome: "Cloud Atlas — {0} abroad" | "云图谱 — {0}出海",
    TitleWho: "{0}{1} — Cloud Atlas" | "{0}{1} — 云图谱",
    TitleWhere: "Cloud regions in {0}{1} — Cloud Atlas" | "{0}的云地域{1} — 云图谱",
    TitleWhoWhere: "{0} in {1}{2} — Cloud Atlas" | "{1}的{0}{2} — 云图谱",
    TitleViewTimeline: ": timeline" | "：时间线",
    TitleViewCompare: ": head to head" | "：对比",
    TitleViewTable: ": table" | "：表格",
    TitleViewCoverage: ": distance to the nearest region" | "：与最近地域的距离",
    TitleViewChanges: ": changes between two dates" | "：两个日期之间的变化",
    TitleViewPromises: ": promise against delivery" | "：承诺与兑现",
    And: " and " | "和",
    ListComma: ", " | "、",
    CovLoading: "Loading where people live…" | "正在加载人口分布数据…",
    CovLoadFailed: "The population table could not be loaded ({0})." | "人口分布数据无法加载（{0}）。",
    CovMapTitle: "Which provider's live regions are nearer to each country's people" | "各国人口离哪家云服务商的运营中地域更近",
    CovMapDesc: "Countries and territories shaded by the provider whose live regions are nearer to where their people live, and by how much; the table below gives every figure." | "按哪家云服务商的运营中地域离当地人口更近、近多少为各国家和地区着色；下表列出全部数值。",
    CovMapOneTitle: "Distance from each country's people to {0}'s nearest live region" | "各国人口与{0}最近运营中地域的距离",
    CovMapOneDesc: "Countries and territories shaded by the population-weighted mean distance to the nearest live {0} region; the table below gives every figure." | "按人口加权后到{0}最近运营中地域的平均距离为各国家和地区着色；下表列出全部数值。",
    CovShading: "Shade the map by" | "地图着色方式",
    CovShadeNearer: "Which is nearer" | "哪家更近",
    CovShadeOne: "{0} alone" | "仅看{0}",
    CovLegend: "Map key" | "图例",
    CovNearerBy: "{0} nearer by {1}" | "{0}近{1}",
    CovTie: "About the same (less than 250 km apart)" | "相差不到250公里",
    CovNoRegion: "No live region among the filtered ones" | "筛选出的地域中没有运营中的",
    CovNotInGazetteer: "No town in the gazetteer" | "地名库中无城镇数据",
    CovUpTo: "up to {0}" | "{0}以内",
    CovOver: "over {0}" | "{0}以上",
    CovKm: "{0} km" | "{0}公里",
    CovMs: "≥ {0} ms" | "≥{0}毫秒",
    CovAsOfToday: "regions live today" | "按目前运营中的地域计",
    CovAsOfYear: "regions live at the end of {0}" | "按{0}年底运营中的地域计",
    CovSummary: "Of the {0} people counted in the gazetteer's towns, {1} ({2})." | "地名库城镇人口共{0}，其中{1}（{2}）。",
    CovWithin: "{0} live within 1,000 km of one of {1}'s regions" | "{0}距{1}的地域不到1,000公里",
    CovNoneServes: "No region among the filtered ones is live ({0}), so there is no distance to measure." | "筛选出的地域中没有运营中的（{0}），因此无法计算距离。",
    CovNotServing: "{0} has no live region among the filtered ones." | "筛选出的地域中没有{0}运营中的地域。",
    CovTableTitle: "Every country and territory" | "所有国家和地区",
    CovTableHint: "The filters choose which regions count; every country stays listed. Sort by any column." | "筛选条件决定计入哪些地域，所有国家和地区始终列出。可按任一列排序。",
    CovColPeople: "People in towns" | "城镇人口",
    CovColNearest: "Nearest region" | "最近地域",
    CovColKm: "Mean distance" | "平均距离",
    CovColFloor: "Round-trip floor" | "往返时延下限",
    CovColNear: "Within 1,000 km" | "1,000公里内",
    CovColMid: "Within 2,500 km" | "2,500公里内",
    CovColLead: "Nearer" | "更近的一方",
    CovLeadBy: "{0}, by {1}" | "{0}，近{1}",
    CovLeadTie: "About the same" | "相差不大",
    CovLeadOnly: "Only {0}" | "仅{0}",
    CovNote: "How to read this: distances run along the Earth's surface from where people live (GeoNames towns of 1,000 people or more, weighted by their population) to the city of the nearest live region. The round-trip floor is light in optical fibre going there and back along that line (200 km per millisecond): no network is faster, and real ones are slower. The nearest region is the one nearest for most of the country's people." | "说明：距离是沿地球表面，从人们居住的地方（GeoNames中1,000人以上的城镇，按人口加权）量到最近运营中地域所在城市的距离。往返时延下限是光在光纤中沿这条线往返所需的时间（每毫秒200公里）：任何网络都不会更快，实际网络更慢。“最近地域”是对该国多数人口而言最近的地域。",
    CovCsv: "Coverage CSV ({0})" | "覆盖距离CSV（{0}）",
    CsvCoverage: "distance to the nearest region" | "与最近地域的距离",
    ChRangeDefault: "From {0} to {1}: the last 24 months of the data. Choose years in the filters for another range." | "{0}至{1}：数据中最近的24个月。可在筛选条件中选择年份，查看其他时段。",
    ChRangeYears: "From {0} to {1}, the years chosen in the filters." | "{0}至{1}，即筛选条件中选择的年份。",
    ChLead: "Regions opened and retired: {0}." | "地域新开与关停：{0}。",
    ChLeadPart: "{0} {1} opened, {2} retired" | "{0}新开{1}个、关停{2}个",
    ChTableTitle: "What changed, per provider" | "各云服务商的变化",
    ChOpened: "Regions opened" | "新开地域",
    ChAnnouncements: "Announcements" | "公告",
    ChRetired: "Regions retired" | "关停地域",
    ChDatacenters: "Data centres opened" | "新开数据中心",
    ChPledged: "Investments pledged" | "投资承诺",
    ChEntered: "Countries entered" | "新进入的国家和地区",
    ChLeft: "Countries left" | "退出的国家和地区",
    ChNet: "Net change in live regions" | "运营中地域净变化",
    ChPledgeCaveat: "Pledges differ in scope (group capital spending, talent programmes, acquisitions): read each one before comparing sums. Countries entered and left compare where each provider had a live region just before the range and at its end." | "各项投资承诺口径不同（集团资本开支、人才计划、收购等），比较总额前请逐条阅读。新进入和退出的国家和地区，比较的是时段开始前和结束时各服务商有运营中地域的地方。",
    ChMapsTitle: "Where regions opened and closed" | "地域新开与关停的位置",
    ChMapsHint: "One map per provider: a filled mark for each region opened in the range, a cross for each region retired." | "每家云服务商一张地图：实心标记为时段内新开的地域，叉号为关停的地域。",
    ChMapName: "{0} — regions opened: {1}, retired: {2}" | "{0}——新开地域：{1}个，关停：{2}个",
    ChListTitle: "Month by month" | "逐月明细",
    ChYearOnly: "{0} (month not known)" | "{0}（月份不详）",
    ChWhatOpened: "Region opened" | "地域开服",
    ChWhatRetired: "Region retired" | "地域关停",
    ChCoarseTitle: "Known only to the year, which runs past an end of the range" | "只知道年份，且该年份跨越时段起止点",
    ChCoarseHint: "These records may or may not fall in the range; they are not counted above." | "这些记录未必在此时段内，未计入上面的数字。",
    ChNothing: "Nothing changed in this range among the filtered records." | "在此时段内，筛选出的记录没有变化。",
    ChCsv: "Changes CSV ({0})" | "变化CSV（{0}）",
    CsvChanges: "changes between two dates" | "两个日期之间的变化",
    PrLead: "{0} — promises: {1}; with a launch on record: {2}; median lag: {3}; kept within 12 months: {4} of {5}; within 24 months: {6} of {7}." | "{0}——承诺{1}项，有上线记录{2}项，中位滞后{3}；12个月内兑现：{5}项中{4}项；24个月内兑现：{7}项中{6}项。",
    PrNoPromises: "No promise among the filtered records." | "筛选出的记录中没有承诺。",
    PrChartTitle: "Months from promise to launch, one mark per promise" | "从承诺到上线的月数，每项承诺一个标记",
    PrChartHint: "Filled mark: kept (a bar spans the months a year-only date allows). Open mark: no launch on record yet, placed at the promise's age." | "实心标记：已兑现（只知年份的日期以横条表示可能的月数）。空心标记：尚无上线记录，位置为承诺至今的月数。",
    PrAxis: "Months after the promise" | "承诺后的月数",
    PrTableTitle: "Every promise" | "全部承诺",
    PrColPromised: "Promised" | "承诺日期",
    PrColWhat: "Promise" | "承诺内容",
    PrColLaunch: "Launch" | "上线",
    PrColLag: "Lag" | "滞后",
    PrRegion: "Region" | "地域",
    PrDatacenter: "Data centre" | "数据中心",
    PrNotOnRecord: "No launch on record after {0}" | "{0}后仍无上线记录",
    PrNote: "A promise links to the launches this dataset records; no launch on record does not prove a promise broken. The shares count promises made at least 12 (or 24) months before the dataset's date; a lag known only to the year is a range, and a promise counts as kept within 12 months only if its longest possible lag is." | "承诺只关联本数据集记录的上线；没有上线记录并不证明承诺落空。兑现比例只计算在数据集日期之前至少12（或24）个月作出的承诺；只知年份的滞后是一个范围，只有最长可能的滞后也不超过12个月，才算12个月内兑现。",
    PrCsv: "Promises CSV ({0})" | "承诺CSV（{0}）",
    CsvPromises: "promise against delivery" | "承诺与兑现",
    Description: "An open, sourced atlas of Alibaba Cloud's and Tencent Cloud's regions, data centres and investments abroad." | "阿里云和腾讯云海外地域、数据中心与投资的开放地图，每条记录都有出处。",
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Speak};

    fn placeholders(s: &str) -> Vec<usize> {
        let mut v: Vec<usize> = (0..10)
            .filter(|i| s.contains(&format!("{{{i}}}")))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn every_phrase_has_both_languages_with_the_same_placeholders() {
        for t in T::ALL {
            assert!(!t.en().trim().is_empty(), "{t:?} has no English");
            assert!(!t.zh().trim().is_empty(), "{t:?} has no Chinese");
            assert_eq!(placeholders(t.en()), placeholders(t.zh()), "{t:?}");
        }
    }

    /// A Chinese phrase is written in Chinese: it has a CJK character, or it is one of the
    /// few that name the other language or a file format on purpose.
    #[test]
    fn every_chinese_phrase_is_written_in_chinese() {
        // Ideographs, CJK punctuation ("、") and full-width forms.
        let cjk = |s: &str| {
            s.chars().any(|c| {
                ('\u{4e00}'..='\u{9fff}').contains(&c)
                    || ('\u{3000}'..='\u{303f}').contains(&c)
                    || ('\u{ff00}'..='\u{ffef}').contains(&c)
            })
        };
        for t in T::ALL {
            let allowed = matches!(
                t,
                T::SwitchLang | T::SwitchLangLabel | T::PreferOffer | T::PreferOfferLink
            );
            assert!(allowed || cjk(t.zh()), "{t:?}: {}", t.zh());
            assert!(
                cjk(t.en())
                    == matches!(
                        t,
                        T::SwitchLang | T::SwitchLangLabel | T::PreferOffer | T::PreferOfferLink
                    ),
                "{t:?}"
            );
        }
    }

    /// Symptom: a region named `{1}` on a Chinese page turned into the next argument
    /// (a spoofed sentence), and a name of thousands of `{1}` froze the tab.
    #[test]
    fn dataset_text_with_placeholders_is_not_substituted_again() {
        assert_eq!(fill_template("{0} and {1}", &["{1}", "x"]), "{1} and x");
        let bomb = "{0}".repeat(10_000);
        let out = fill_template("{0}{0}{0}", &[&bomb]);
        assert_eq!(out.len(), 3 * bomb.len());
    }

    proptest::proptest! {
        /// For any arguments, the output is the template with each placeholder
        /// replaced exactly once, by its argument verbatim.
        #[test]
        fn fill_replaces_each_placeholder_once(
            pieces in proptest::collection::vec(("[^{}]{0,6}", 0usize..4), 0..6),
            tail in "[^{}]{0,6}",
            args in proptest::collection::vec("\\PC{0,8}|[{}0-9]{0,8}", 0..4),
        ) {
            let mut template = String::new();
            let mut expected = String::new();
            for (text, n) in &pieces {
                template.push_str(text);
                template.push_str(&format!("{{{n}}}"));
                expected.push_str(text);
                match args.get(*n) {
                    Some(a) => expected.push_str(a),
                    None => expected.push_str(&format!("{{{n}}}")),
                }
            }
            template.push_str(&tail);
            expected.push_str(&tail);
            let refs: Vec<&str> = args.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(fill_template(&template, &refs), expected);
        }
    }

    #[test]
    fn placeholders_are_filled_in_order() {
        assert_eq!(
            Lang::Zh.fill(T::BadStatus, &["404 Not Found", "data/atlas.json"]),
            "数据集无法加载：服务器对data/atlas.json的响应是404 Not Found。"
        );
        assert_eq!(
            Lang::En.fill(T::FiltersActive, &["2"]),
            "Filters (2 active)"
        );
    }
}
