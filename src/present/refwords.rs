//! The reference layer's phrases (AWS, Azure, Google Cloud beside the Chinese
//! providers), in English and Simplified Chinese: a table of their own, so that only
//! the code that arrives with the layer carries them and the first load does not.
//! The two phrases the filter bar shows before the layer is loaded are in
//! [`crate::catalog::T`].

crate::catalog::catalog! {
    R;
    ListTitle: "Reference regions: {0}" | "参照地域：{0}",
    ListHint: "The three US hyperscalers' regions, for comparison ({0}). \"First listed\" is the date of the first commit of a public SDK or tool file that names the region: it bounds the launch, it does not date it. \"Opened\" comes from a launch report only." | "三家美国超大规模云服务商的地域，作对照之用（{0}）。“首次列出”是公开SDK或工具文件中首次出现该地域代码的提交日期：它界定开通时间的范围，但不等于开通日期。“开通”仅取自开通报道。",
    Unplaced: "{0} have no known location: they are listed here, not drawn or measured." | "其中{0}个位置不明：在此列出，不在地图上绘制，也不参与距离计算。",
    PlaceUnknown: "location unknown" | "位置不明",
    ColProvider: "Provider" | "服务商",
    ColCode: "Code" | "代码",
    ColName: "Name" | "名称",
    ColCity: "City" | "城市",
    ColCountry: "Country or territory" | "国家或地区",
    ColStatus: "Status" | "状态",
    ColListed: "First listed" | "首次列出",
    ColOpened: "Opened" | "开通",
    ColEvidence: "Evidence" | "证据",
    Failed: "The reference regions (AWS, Azure, Google Cloud) could not be loaded ({0})." | "参照地域（AWS、Azure、谷歌云）无法加载（{0}）。",
    Loading: "Loading the reference regions…" | "正在加载参照地域……",
    Skipped: "{0} reference records were left out because they are invalid: {1}" | "有{0}条参照记录因无效而被略去：{1}",
    Shade: "Nearer than AWS, Azure and Google Cloud" | "比AWS、Azure和谷歌云更近",
    MapTitle: "Where a provider in view is nearer than every AWS, Azure and Google Cloud region" | "所选云服务商比AWS、Azure和谷歌云所有地域都更近的地方",
    MapDesc: "Countries and territories shaded by whether the nearest live region of a provider in view is nearer to where their people live than the nearest live region of AWS, Azure or Google Cloud, and by how much; the table below gives every figure." | "按所选云服务商最近的运营中地域是否比AWS、Azure或谷歌云最近的运营中地域离当地人口更近、近多少为各国家和地区着色；下表列出全部数值。",
    AheadBy: "{0} nearer than every hyperscaler by {1}" | "{0}比所有美国云巨头近{1}",
    Only: "{0} only: no hyperscaler region counts" | "仅{0}：无美国云巨头地域",
    Tie: "About as near as the nearest hyperscaler (less than 250 km apart)" | "与最近的美国云巨头相差不到250公里",
    Behind: "A hyperscaler is nearer" | "美国云巨头更近",
    BehindBy: "{0} nearer, by {1}" | "{0}更近，近{1}",
    NoProvider: "Only the hyperscalers" | "仅美国云巨头",
    Home: "Home market, not compared: the hyperscalers serve mainland China through partner-run clouds this layer leaves out" | "本土市场，不作比较：美国云巨头通过合作方运营的云服务中国内地，参照层不包含这些云",
    HomeShort: "Home market, not compared" | "本土市场，不作比较",
    ColGroup: "Nearest hyperscaler (reference)" | "最近的美国云巨头（参照）",
    ColRegion: "Region" | "地域",
    ColEdge: "Against it" | "与之相比",
    Summary: "A provider in view is nearer than every AWS, Azure and Google Cloud region by {0} or more, or the only cloud, in {1} countries and territories where {2} people live ({3}): {4}." | "在{1}个国家和地区（人口{2}，{3}），所选云服务商比AWS、Azure和谷歌云的所有地域都近{0}以上，或是唯一的云：{4}。",
    SummaryNone: "Nowhere is a provider in view nearer than every AWS, Azure and Google Cloud region by {0} or more ({1})." | "所选云服务商在任何地方都没有比AWS、Azure和谷歌云的所有地域近{0}以上（{1}）。",
    AsOfNote: "Hyperscaler regions count as of the same date: from their launch where a report dates it, otherwise from the first listing that names them, which may be later than the launch (a file that starts late) or, rarely, earlier." | "美国云巨头的地域按同一日期计：有开通报道的按开通日期，否则按首次列出的日期；后者可能晚于开通（文件本身较晚才出现），也可能偶尔早于开通。",
    CompareTitle: "Against the US hyperscalers (reference)" | "与美国云巨头对照（参照）",
    CompareHint: "Live regions of AWS, Azure and Google Cloud ({0}), from the reference file. Each status rests on the provider's own region table or a launch report; the filters for providers, areas, kinds and statuses do not apply to them." | "AWS、Azure和谷歌云的运营中地域（{0}），取自参照文件。每个状态都以服务商自己的地域表或开通报道为据；服务商、区域、类型和状态筛选不适用于它们。",
    ColLive: "Live regions" | "运营中地域",
    ColAbroad: "Outside the US" | "美国以外",
    ColCountries: "Countries and territories" | "国家和地区",
    ColDated: "Dated by a launch report / by a listing only" | "有开通报道 / 仅有列出日期",
    Alone: "Where {0} has a live region and none of AWS, Azure and Google Cloud does: {1}." | "{0}有运营中地域、而AWS、Azure和谷歌云都没有的国家和地区：{1}。",
    AloneNone: "{0} has no live region in a country or territory without an AWS, Azure or Google Cloud region." | "{0}在没有AWS、Azure或谷歌云地域的国家和地区没有运营中地域。",
    GrowthKey: "{0} (reference)" | "{0}（参照）",
    GrowthCaveat: "Grey dotted lines: the US hyperscalers' live regions outside the US, for reference. Of the {0} they count at the end, {1} are placed in time by their first listing in a public SDK or tool, which bounds a launch but does not date it; a line starts in the first year the file dates one of its regions, since the lists begin later than the oldest regions." | "灰色点线：美国云巨头在美国以外的运营中地域，作对照之用。期末计入的{0}个地域中，有{1}个按其在公开SDK或工具中首次列出的日期计时；该日期界定开通时间的范围，但不等于开通日期。由于这些清单的起始时间晚于最早的地域，每条线从文件中首个有日期的地域所在年份开始。",
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::catalog::Phrase;

    #[test]
    fn every_reference_phrase_has_both_languages_and_is_chinese_in_chinese() {
        let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for r in R::ALL {
            assert!(!r.en().trim().is_empty() && cjk(r.zh()), "{r:?}");
            assert!(!cjk(r.en()), "{r:?}");
            let marks = |s: &str| (0..10).filter(|i| s.contains(&format!("{{{i}}}"))).count();
            assert_eq!(marks(r.en()), marks(r.zh()), "{r:?}");
        }
    }
}
