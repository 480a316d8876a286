//! The match report as a Word document (.docx), for offices that edit the report in WPS or Word
//! before it goes up: the same model and content as the PDF (cover, ranking, a section per
//! detailed zone with its items, what it would take, the appendix; or the one-page brief), A4,
//! a running header, "第 n 页 / 共 m 页" in the footer, status marks in colour and shape.
//! Written with `docx-rs`; pure: model in, bytes out.

use docx_rs::{
    AlignmentType, Docx, Footer, Header, LineSpacing, NumPages, PageMargin, PageNum, Paragraph, Run,
    RunFonts, Shading, ShdType, Table, TableCell, TableRow, VAlignType, WidthType,
};

use super::model::{Bi, ItemLine, ReportLang, ReportModel, ZoneSection};

/// Why the document could not be written (the zip writer's words).
#[derive(Debug, thiserror::Error)]
#[error("the Word document could not be written: {0}")]
pub struct DocxError(String);

impl crate::model::Localize for DocxError {
    fn text(&self, lang: crate::model::Lang) -> String {
        match lang {
            crate::model::Lang::Zh => format!("无法生成 Word 文档（{}）", self.0),
            crate::model::Lang::En => self.to_string(),
        }
    }
}

// Colours of the marks and notes, as in the PDF.
const GREEN: &str = "1B7F3B";
const AMBER: &str = "B06A00";
const RED: &str = "C02828";
const GREY: &str = "5A677D";
const VIOLET: &str = "6B4FA8";
const SOFT: &str = "505050";
const BAND: &str = "EEEEEE";
const FAILED: &str = "FBE3E3";

/// A4 in twentieths of a point, and the text width between the margins (16 mm each side).
const A4: (u32, u32) = (11906, 16838);
const SIDE: i32 = 907;
const TEXT_WIDTH: usize = 11906 - 2 * 907;

/// Sizes in half-points.
const BODY: usize = 18;
const SMALL: usize = 15;

fn status_colour(status: &str) -> &'static str {
    match status {
        "met" => GREEN,
        "partial" => AMBER,
        "unmet" => RED,
        _ => GREY,
    }
}

/// Writes the text in the report's language(s): in both, the Chinese paragraph, then the
/// English one below it in grey.
struct Writer {
    lang: ReportLang,
}

impl Writer {
    fn langs(&self) -> &'static [bool] {
        // `true` is Chinese.
        match self.lang {
            ReportLang::Zh => &[true],
            ReportLang::En => &[false],
            ReportLang::Both => &[true, false],
        }
    }

    /// Paragraphs of a pair, one per language shown (one when both read the same).
    fn paras(&self, b: &Bi, size: usize, style: impl Fn(Run) -> Run) -> Vec<Paragraph> {
        let mut out = Vec::new();
        for &zh in self.langs() {
            let text = if zh { &b.zh } else { &b.en };
            if self.lang == ReportLang::Both && !zh && b.en == b.zh {
                continue;
            }
            let second = self.lang == ReportLang::Both && !zh;
            let mut run = style(Run::new().add_text(text.as_str()).size(if second {
                size.saturating_sub(2)
            } else {
                size
            }));
            if second {
                run = run.color(SOFT);
            }
            out.push(para().add_run(run));
        }
        out
    }

    fn pair(zh: impl Into<String>, en: impl Into<String>) -> Bi {
        Bi {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// A table cell holding a pair.
    fn cell(&self, b: &Bi, width: usize, style: impl Fn(Run) -> Run) -> TableCell {
        let mut c = TableCell::new()
            .width(width, WidthType::Dxa)
            .vertical_align(VAlignType::Center);
        for p in self.paras(b, BODY, &style) {
            c = c.add_paragraph(p);
        }
        c
    }
}

fn para() -> Paragraph {
    Paragraph::new().line_spacing(LineSpacing::new().before(0).after(40))
}

fn plain(s: &str) -> Bi {
    Writer::pair(s, s)
}

fn mark_run(status: &str, mark: &str) -> Run {
    Run::new()
        .add_text(mark)
        .bold()
        .color(status_colour(status))
        .size(BODY)
}

/// Renders the report as the bytes of a .docx file.
pub fn render(model: &ReportModel) -> Result<Vec<u8>, DocxError> {
    let w = Writer { lang: model.lang };
    let c = &model.cover;
    let title = Writer::pair("项目要素匹配报告", "Site-readiness match report");
    let fonts = RunFonts::new()
        .ascii("Arial")
        .hi_ansi("Arial")
        .east_asia("Microsoft YaHei")
        .cs("Arial");

    let footer_text = |zh: bool| {
        let p = Paragraph::new()
            .align(AlignmentType::Center)
            .size(SMALL)
            .color(SOFT);
        if zh {
            p.add_run(Run::new().add_text("第 ").size(SMALL))
                .add_page_num(PageNum::new())
                .add_run(Run::new().add_text(" 页 / 共 ").size(SMALL))
                .add_num_pages(NumPages::new())
                .add_run(Run::new().add_text(" 页").size(SMALL))
        } else {
            p.add_run(Run::new().add_text("Page ").size(SMALL))
                .add_page_num(PageNum::new())
                .add_run(Run::new().add_text(" of ").size(SMALL))
                .add_num_pages(NumPages::new())
        }
    };
    let footer = match model.lang {
        ReportLang::En => Footer::new().add_paragraph(footer_text(false)),
        _ => Footer::new().add_paragraph(footer_text(true)),
    };
    let title_line = match model.lang {
        ReportLang::Zh => title.zh.clone(),
        ReportLang::En => title.en.clone(),
        ReportLang::Both => format!("{} · {}", title.zh, title.en),
    };
    let header = Header::new().add_paragraph(
        Paragraph::new().add_run(
            Run::new()
                .add_text(format!("{}    {title_line}", c.project))
                .size(SMALL)
                .color(SOFT),
        ),
    );

    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin {
            top: 1247,
            left: SIDE,
            bottom: 1134,
            right: SIDE,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .default_fonts(fonts)
        .default_size(BODY)
        .header(header)
        .footer(footer);

    // Cover.
    for p in w.paras(&title, 40, |r| r.bold()) {
        doc = doc.add_paragraph(p.align(AlignmentType::Center));
    }
    doc = doc.add_paragraph(
        para()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(c.project.as_str()).size(28)),
    );
    let mut rows: Vec<(Bi, Bi)> = vec![
        (Writer::pair("投资方", "Investor"), plain(&c.investor)),
        (Writer::pair("项目", "Project"), plain(&c.project)),
    ];
    if let Some(i) = &c.industry {
        rows.push((Writer::pair("行业", "Industry"), i.clone()));
    }
    if let Some(i) = &c.total_investment {
        rows.push((Writer::pair("总投资", "Total investment"), i.clone()));
    }
    rows.push((
        Writer::pair("计分要素", "Factors scored"),
        Writer::pair(
            format!("{} 项（必须项 {} 项）", c.scored_items, c.must_haves),
            format!("{} ({} must-haves)", c.scored_items, c.must_haves),
        ),
    ));
    rows.push((
        Writer::pair("参评开发区", "Zones scored"),
        Writer::pair(
            format!("{} 个，合格 {} 个", c.zones_scored_text, c.zones_qualified_text),
            format!("{} ({} qualified)", c.zones_scored_text, c.zones_qualified_text),
        ),
    ));
    rows.push((Writer::pair("报告日期", "Date"), plain(&c.date)));
    if !c.prepared_by.is_empty() {
        rows.push((Writer::pair("编制", "Prepared by"), plain(&c.prepared_by)));
    }
    let label_width = 2400;
    doc = doc.add_table(
        Table::without_borders(
            rows.iter()
                .map(|(k, v)| {
                    TableRow::new(vec![
                        w.cell(k, label_width, |r| r.color(SOFT)),
                        w.cell(v, TEXT_WIDTH - label_width, |r| r),
                    ])
                })
                .collect(),
        )
        .set_grid(vec![label_width, TEXT_WIDTH - label_width]),
    );

    if model.brief {
        doc = brief(doc, &w, model);
    } else {
        doc = ranking(doc, &w, model);
        for (i, s) in model.sections.iter().enumerate() {
            doc = section(doc, &w, s, i == 0);
        }
        doc = appendix(doc, &w, model);
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut bytes)
        .map_err(|e| DocxError(e.to_string()))?;
    Ok(bytes.into_inner())
}

fn heading(doc: Docx, w: &Writer, b: &Bi, size: usize, page_break: bool) -> Docx {
    let mut doc = doc;
    for (i, p) in w.paras(b, size, |r| r.bold()).into_iter().enumerate() {
        let p = p
            .keep_next(true)
            .line_spacing(LineSpacing::new().before(if i == 0 { 240 } else { 0 }).after(80));
        doc = doc.add_paragraph(p.page_break_before(page_break && i == 0));
    }
    doc
}

fn small_note(doc: Docx, w: &Writer, b: &Bi) -> Docx {
    let mut doc = doc;
    for p in w.paras(b, SMALL, |r| r.color(SOFT)) {
        doc = doc.add_paragraph(p);
    }
    doc
}

fn ranking(doc: Docx, w: &Writer, model: &ReportModel) -> Docx {
    let mut doc = heading(doc, w, &Writer::pair("匹配排名", "Ranking"), 26, false);
    doc = small_note(
        doc,
        w,
        &Writer::pair(
            "合格：必须项全部满足。排序：合格者在前，再按得分、待核实项少者、编号。✔ 满足 △ 部分满足 ✘ 不满足 ? 待核实。",
            "Qualified: every must-have met. Order: qualified first, then score, fewer unknowns, zone id. ✔ met △ partial ✘ unmet ? to verify.",
        ),
    );
    let widths = [700, 4092, 900, 1600, 500, 500, 500, 500, 800];
    let head = |b: Bi, width: usize| {
        w.cell(&b, width, |r| r.bold())
            .shading(Shading::new().shd_type(ShdType::Clear).fill(BAND))
    };
    let mut rows = vec![
        TableRow::new(vec![
            head(Writer::pair("排名", "Rank"), widths[0]),
            head(Writer::pair("开发区", "Zone"), widths[1]),
            head(Writer::pair("得分", "Score"), widths[2]),
            head(Writer::pair("资格", "Qualified"), widths[3]),
            TableCell::new()
                .width(widths[4], WidthType::Dxa)
                .add_paragraph(para().add_run(mark_run("met", "✔"))),
            TableCell::new()
                .width(widths[5], WidthType::Dxa)
                .add_paragraph(para().add_run(mark_run("partial", "△"))),
            TableCell::new()
                .width(widths[6], WidthType::Dxa)
                .add_paragraph(para().add_run(mark_run("unmet", "✘"))),
            TableCell::new()
                .width(widths[7], WidthType::Dxa)
                .add_paragraph(para().add_run(mark_run("unknown", "?"))),
            head(Writer::pair("完整度", "Data"), widths[8]),
        ])
        .cant_split(),
    ];
    for r in &model.summary {
        let mut name = r.name.clone();
        if let Some(tier) = &r.tier {
            name.zh = format!("{} · {}", name.zh, tier.zh);
            name.en = format!("{} · {}", name.en, tier.en);
        }
        let qualified = if r.qualified {
            Writer::pair("✔ 合格", "✔ qualified")
        } else {
            Writer::pair("✘ 不合格", "✘ not qualified")
        };
        let q_colour = if r.qualified { GREEN } else { RED };
        let n = |v: usize, width: usize| w.cell(&plain(&v.to_string()), width, |r| r);
        rows.push(
            TableRow::new(vec![
                n(r.rank, widths[0]),
                w.cell(&name, widths[1], |run| if r.detailed { run.bold() } else { run }),
                w.cell(&plain(&r.score), widths[2], |r| r),
                w.cell(&qualified, widths[3], |r| r.color(q_colour)),
                n(r.met, widths[4]),
                n(r.partial, widths[5]),
                n(r.unmet, widths[6]),
                n(r.unknown, widths[7]),
                w.cell(&plain(&format!("{}%", r.completeness)), widths[8], |r| r),
            ])
            .cant_split(),
        );
    }
    doc = doc.add_table(Table::new(rows).set_grid(widths.to_vec()));
    doc = first_place(doc, w, model);
    if model.summary_rest > 0 {
        doc = small_note(
            doc,
            w,
            &Writer::pair(
                format!(
                    "其余 {} 个开发区未列出，见 Excel 排名表。",
                    model.summary_rest_text
                ),
                format!(
                    "The other {} zones are not listed here; the Excel ranking lists them all.",
                    model.summary_rest_text
                ),
            ),
        );
    }
    doc
}

fn section(doc: Docx, w: &Writer, s: &ZoneSection, first: bool) -> Docx {
    let name = Bi {
        zh: format!("{}. {}", s.rank, s.name.zh),
        en: format!("{}. {}", s.rank, s.name.en),
    };
    let mut doc = heading(doc, w, &name, 26, first);
    let join = |parts: Vec<&str>| {
        parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let tier = |zh: bool| {
        s.tier
            .as_ref()
            .map(|t| {
                if zh {
                    format!("就绪等级：{}", t.zh)
                } else {
                    format!("Readiness: {}", t.en)
                }
            })
            .unwrap_or_default()
    };
    let (tz, te) = (tier(true), tier(false));
    let place = Writer::pair(
        join(vec![&s.region.zh, &s.contact.zh, &tz]),
        join(vec![&s.region.en, &s.contact.en, &te]),
    );
    doc = small_note(doc, w, &place);
    let failed = |zh: bool| {
        if s.qualified {
            String::new()
        } else if zh {
            format!(
                " — 未满足必须项：{}",
                s.failed_must
                    .iter()
                    .map(|f| f.zh.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            )
        } else {
            format!(
                " — must-haves not met: {}",
                s.failed_must
                    .iter()
                    .map(|f| f.en.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    };
    let standing = Writer::pair(
        format!(
            "得分 {}  {}{}",
            s.score,
            if s.qualified {
                "✔ 合格"
            } else {
                "✘ 不合格"
            },
            failed(true)
        ),
        format!(
            "Score {}  {}{}",
            s.score,
            if s.qualified {
                "✔ qualified"
            } else {
                "✘ not qualified"
            },
            failed(false)
        ),
    );
    let colour = if s.qualified { GREEN } else { RED };
    for p in w.paras(&standing, BODY, |r| r.color(colour)) {
        doc = doc.add_paragraph(p.keep_next(true));
    }
    let counts = Writer::pair(
        format!(
            "✔ {}  △ {}  ✘ {}  ? {}    数据完整度 {}%",
            s.met, s.partial, s.unmet, s.unknown, s.completeness
        ),
        format!(
            "✔ {}  △ {}  ✘ {}  ? {}    Data completeness {}%",
            s.met, s.partial, s.unmet, s.unknown, s.completeness
        ),
    );
    for p in w.paras(&counts, BODY, |r| r) {
        doc = doc.add_paragraph(p.keep_next(true));
    }

    let widths = [420, 2200, 1250, 1700, 1650, 1500, 1372];
    let head = |b: Bi, width: usize| {
        w.cell(&b, width, |r| r.bold())
            .shading(Shading::new().shd_type(ShdType::Clear).fill(BAND))
    };
    let mut rows = vec![
        TableRow::new(vec![
            TableCell::new()
                .width(widths[0], WidthType::Dxa)
                .shading(Shading::new().shd_type(ShdType::Clear).fill(BAND))
                .add_paragraph(para()),
            head(Writer::pair("要素", "Factor"), widths[1]),
            head(Writer::pair("重要性", "Importance"), widths[2]),
            head(Writer::pair("要求", "Required"), widths[3]),
            head(Writer::pair("现有", "Offered"), widths[4]),
            head(Writer::pair("差距", "Gap"), widths[5]),
            head(Writer::pair("来源 · 日期", "Source · as of"), widths[6]),
        ])
        .cant_split(),
    ];
    for cat in &s.categories {
        rows.push(
            TableRow::new(vec![
                w.cell(&cat.name, TEXT_WIDTH, |r| r.bold())
                    .grid_span(7)
                    .shading(Shading::new().shd_type(ShdType::Clear).fill(BAND)),
            ])
            .cant_split(),
        );
        for it in &cat.items {
            rows.push(item_row(w, it, &widths));
        }
    }
    doc = doc.add_table(Table::new(rows).set_grid(widths.to_vec()));
    if !s.sources.is_empty() {
        let list = s
            .sources
            .iter()
            .enumerate()
            .map(|(i, src)| format!("[{}] {src}", i + 1))
            .collect::<Vec<_>>()
            .join("   ");
        doc = small_note(
            doc,
            w,
            &Writer::pair(format!("来源：{list}"), format!("Sources: {list}")),
        );
    }
    if !s.to_close.is_empty() {
        let title = if s.qualified {
            Writer::pair(
                format!("提升至 {} 分需做到", s.target),
                format!("What it would take to reach {} points", s.target),
            )
        } else {
            Writer::pair(
                format!("要达到合格（再提升至 {} 分）需做到", s.target),
                format!(
                    "What it would take to qualify (then to reach {} points)",
                    s.target
                ),
            )
        };
        doc = heading(doc, w, &title, BODY, false);
        for (i, line) in s.to_close.iter().enumerate() {
            let numbered = Bi {
                zh: format!("{}. {}", i + 1, line.zh),
                en: format!("{}. {}", i + 1, line.en),
            };
            for p in w.paras(&numbered, BODY, |r| r) {
                doc = doc.add_paragraph(p);
            }
        }
    }
    doc
}

fn item_row(w: &Writer, it: &ItemLine, widths: &[usize; 7]) -> TableRow {
    let failed = it.must && it.status != "met";
    let shade = |c: TableCell| {
        if failed {
            c.shading(Shading::new().shd_type(ShdType::Clear).fill(FAILED))
        } else {
            c
        }
    };
    let mut source = String::new();
    if let Some(n) = it.source_ref {
        source.push_str(&format!("[{n}] "));
    }
    source.push_str(&it.as_of);
    if it.stale {
        source.push('*');
    }
    let mut source_cell = TableCell::new()
        .width(widths[6], WidthType::Dxa)
        .vertical_align(VAlignType::Center);
    source_cell = source_cell.add_paragraph(
        para().add_run(
            Run::new()
                .add_text(source)
                .size(SMALL)
                .color(if it.stale { AMBER } else { SOFT }),
        ),
    );
    if it.illustrative {
        for p in w.paras(&Writer::pair("示例值", "illustrative"), SMALL, |r| {
            r.bold().color(VIOLET)
        }) {
            source_cell = source_cell.add_paragraph(p);
        }
    }
    let dash = plain("—");
    TableRow::new(vec![
        shade(
            TableCell::new()
                .width(widths[0], WidthType::Dxa)
                .vertical_align(VAlignType::Center)
                .add_paragraph(para().add_run(mark_run(it.status, it.mark))),
        ),
        shade(w.cell(&it.factor, widths[1], |r| r)),
        shade(w.cell(&it.importance, widths[2], |r| if it.must { r.bold() } else { r })),
        shade(w.cell(&it.required, widths[3], |r| r)),
        shade(match &it.offered {
            Some(o) => w.cell(o, widths[4], |r| r),
            None => w.cell(&dash, widths[4], |r| r.color(GREY)),
        }),
        shade(match &it.gap {
            Some(g) => w.cell(g, widths[5], |r| r.color(status_colour(it.status))),
            None => TableCell::new()
                .width(widths[5], WidthType::Dxa)
                .add_paragraph(para()),
        }),
        shade(source_cell),
    ])
    .cant_split()
}

fn appendix(doc: Docx, w: &Writer, model: &ReportModel) -> Docx {
    let a = &model.appendix;
    let mut doc = heading(
        doc,
        w,
        &Writer::pair(
            "附录：评分规则与数据说明",
            "Appendix: scoring rules and data caveats",
        ),
        26,
        true,
    );
    doc = heading(doc, w, &Writer::pair("评分规则", "Scoring rules"), 22, false);
    for r in &a.rules {
        for p in w.paras(r, BODY, |r| r) {
            doc = doc.add_paragraph(p);
        }
    }
    doc = heading(doc, w, &Writer::pair("数据说明", "Data caveats"), 22, false);
    for r in &a.caveats {
        for p in w.paras(r, BODY, |r| r) {
            doc = doc.add_paragraph(p);
        }
    }
    doc
}

/// How firm the first place is: the line, marked as met or, when one change of one item's
/// importance would swap the top two, as partial.
fn first_place(doc: Docx, w: &Writer, model: &ReportModel) -> Docx {
    let Some(f) = &model.first_place else {
        return doc;
    };
    let (mark, colour) = if f.close { ("△ ", AMBER) } else { ("✔ ", GREEN) };
    let text = Bi {
        zh: format!("{mark}{}", f.text.zh),
        en: format!("{mark}{}", f.text.en),
    };
    w.paras(&text, 18, |r| r.color(colour))
        .into_iter()
        .fold(doc, Docx::add_paragraph)
}

fn brief(doc: Docx, w: &Writer, model: &ReportModel) -> Docx {
    let n = model.sections.len();
    let mut doc = heading(
        doc,
        w,
        &Writer::pair(format!("前 {n} 个开发区"), format!("The top {n} zones")),
        24,
        false,
    );
    doc = first_place(doc, w, model);
    for s in &model.sections {
        let name = Bi {
            zh: format!(
                "{}. {}  {} 分  {}",
                s.rank,
                s.name.zh,
                s.score,
                if s.qualified {
                    "✔ 合格"
                } else {
                    "✘ 不合格"
                }
            ),
            en: format!(
                "{}. {}  score {}  {}",
                s.rank,
                s.name.en,
                s.score,
                if s.qualified {
                    "✔ qualified"
                } else {
                    "✘ not qualified"
                }
            ),
        };
        doc = heading(doc, w, &name, 21, false);
        let gaps = if s.decisive.is_empty() {
            Writer::pair(
                "决定性差距：无，必须项全部满足。",
                "Decisive gaps: none; every must-have is met.",
            )
        } else {
            Writer::pair(
                format!(
                    "决定性差距：{}",
                    s.decisive
                        .iter()
                        .map(|d| d.zh.as_str())
                        .collect::<Vec<_>>()
                        .join("；")
                ),
                format!(
                    "Decisive gaps: {}",
                    s.decisive
                        .iter()
                        .map(|d| d.en.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            )
        };
        for p in w.paras(&gaps, BODY, |r| r) {
            doc = doc.add_paragraph(p);
        }
        if !s.to_close.is_empty() {
            let take = Writer::pair(
                format!(
                    "需做到：{}",
                    s.to_close
                        .iter()
                        .map(|d| d.zh.as_str())
                        .collect::<Vec<_>>()
                        .join("；")
                ),
                format!(
                    "What it would take: {}",
                    s.to_close
                        .iter()
                        .map(|d| d.en.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            );
            for p in w.paras(&take, BODY, |r| r) {
                doc = doc.add_paragraph(p);
            }
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::test_support::{ranking, report, zipped};

    /// The text of a document's body, as a reader sees it: the XML with its tags left out.
    fn body_text(docx: &[u8]) -> String {
        let xml = zipped(docx, "word/document.xml");
        let mut text = String::new();
        let mut in_tag = false;
        for c in xml.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text
    }

    #[test]
    fn the_document_names_every_zone_with_its_score() {
        let text = body_text(&render(&report("pv_base", ReportLang::Zh)).expect("docx"));
        assert!(text.contains("项目要素匹配报告"), "{text}");
        assert!(text.contains("匹配排名"), "{text}");
        for z in ranking("pv_base", crate::model::Lang::Zh).zones {
            assert!(text.contains(&z.name), "{} in\n{text}", z.name);
            assert!(
                text.contains(&z.score.fixed(1)),
                "{} in\n{text}",
                z.score.fixed(1)
            );
        }
        assert!(!text.contains("Site-readiness match report"), "{text}");
    }

    #[test]
    fn a_bilingual_document_names_the_zones_in_both_languages() {
        let text = body_text(&render(&report("pv_base", ReportLang::Both)).expect("docx"));
        assert!(text.contains("Ranking"), "{text}");
        for lang in crate::model::Lang::ALL {
            for z in ranking("pv_base", lang).zones {
                assert!(text.contains(&z.name), "{} in\n{text}", z.name);
            }
        }
        let en = body_text(&render(&report("pv_base", ReportLang::En)).expect("docx"));
        assert!(en.contains("Houma Economic Development Zone"), "{en}");
        assert!(en.contains("100.0"), "{en}");
        assert!(!en.contains("侯马经济开发区"), "{en}");
    }
}
