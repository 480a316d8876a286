//! The words of the report view.

use crate::model::Lang;
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
    // Actions
    pub refresh: &'static str,
    pub export_pdf: &'static str,
    pub print: &'static str,
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
    refresh: "刷新预览",
    export_pdf: "导出 PDF…",
    print: "打印",
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
    refresh: "Refresh preview",
    export_pdf: "Export PDF…",
    print: "Print",
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
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_pages_and_zones() {
        let t = texts(Lang::En);
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
