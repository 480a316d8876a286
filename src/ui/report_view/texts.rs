//! The words of the report view.

use crate::model::Bilingual;
use crate::ui::texts::count_en;

/// The report view's words.
pub struct Texts {
    pub heading: &'static str,
    // Options
    pub language: &'static str,
    pub both_languages: &'static str,
    pub zones_detailed: &'static str,
    /// Before the number of top zones, and after it.
    pub top: &'static str,
    pub top_unit: fn(usize) -> &'static str,
    /// Detail the zones ticked in the results view, with how many are.
    pub ticked_zones: fn(usize) -> String,
    pub prepared_by: &'static str,
    /// Before the number of zones the ranking table lists.
    pub ranking_rows: &'static str,
    pub brief: &'static str,
    pub brief_hint: &'static str,
    // Actions
    pub refresh: &'static str,
    pub export_pdf: &'static str,
    pub export_docx: &'static str,
    pub print: &'static str,
    /// What the worker making the report is doing.
    pub stage: fn(super::ReportStage) -> &'static str,
    pub nothing_scored: &'static str,
    /// The last layout: pages, milliseconds, kilobytes of PDF.
    pub rendered: fn(usize, u128, usize) -> String,
    // Preview
    /// The hover of a preview page, numbered from 1.
    pub page: fn(usize) -> String,
}

const ZH: Texts = Texts {
    heading: "报告",
    language: "语言",
    both_languages: "中英对照",
    zones_detailed: "逐项展开的开发区",
    top: "排名前",
    top_unit: |_| "个",
    ticked_zones: |n| format!("“匹配结果”中勾选对比的 {n} 个"),
    prepared_by: "编制人（姓名、单位）",
    ranking_rows: "排名表列出前",
    brief: "一页简报（供领导审阅）",
    brief_hint: "一页 A4：项目、前 3 个开发区的得分与是否合格、决定性差距和达标所需",
    refresh: "刷新预览",
    export_pdf: "导出 PDF…",
    export_docx: "导出 Word…",
    print: "打印",
    stage: |s| match s {
        super::ReportStage::Layout => "正在排版…",
        super::ReportStage::Pdf => "正在生成 PDF…",
        super::ReportStage::Pages => "正在绘制预览…",
    },
    nothing_scored: "需求表尚无可计分的要求。",
    rendered: |pages, ms, kb| format!("{pages} 页，排版 {ms} 毫秒，PDF 约 {kb} KB"),
    page: |n| format!("第 {n}"),
};

const EN: Texts = Texts {
    heading: "Report",
    language: "Language",
    both_languages: "Chinese and English",
    zones_detailed: "Zones detailed",
    top: "Top",
    top_unit: |n| if n == 1 { "zone" } else { "zones" },
    ticked_zones: |n| format!("The {} ticked in Results", count_en(n, "zone", "zones")),
    prepared_by: "Prepared by (name, office)",
    ranking_rows: "Ranking lists the top",
    brief: "One-page brief (for the leadership)",
    brief_hint: "One A4 page: the project, the top 3 zones with score and standing, the decisive gaps and what it would take",
    refresh: "Refresh preview",
    export_pdf: "Export PDF…",
    export_docx: "Export Word…",
    print: "Print",
    stage: |s| match s {
        super::ReportStage::Layout => "Laying out…",
        super::ReportStage::Pdf => "Writing the PDF…",
        super::ReportStage::Pages => "Drawing the preview…",
    },
    nothing_scored: "The checklist has nothing to score yet.",
    rendered: |pages, ms, kb| {
        format!(
            "{}, laid out in {ms} ms, PDF about {kb} KB",
            count_en(pages, "page", "pages")
        )
    },
    page: |n| format!("Page {n}"),
};

/// The report view's words in `lang`.
/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn english_counts_pages_and_zones() {
        let t = TEXTS.get(Lang::En);
        assert_eq!(
            (t.rendered)(1, 40, 12),
            "1 page, laid out in 40 ms, PDF about 12 KB"
        );
        assert_eq!(
            (t.rendered)(6, 40, 240),
            "6 pages, laid out in 40 ms, PDF about 240 KB"
        );
        assert_eq!((t.ticked_zones)(1), "The 1 zone ticked in Results");
        assert_eq!((t.ticked_zones)(3), "The 3 zones ticked in Results");
        assert_eq!((t.top_unit)(1), "zone");
        assert_eq!((t.top_unit)(5), "zones");
    }
}
