//! The match report as a Word document (.docx), for offices that edit the report in WPS or Word
//! before it goes up: the same model and content as the PDF (cover, ranking, a section per
//! detailed zone with its items, what it would take, the appendix; or the one-page brief), A4,
//! a running header, "第 n 页 / 共 m 页" in the footer, status marks in colour and shape.
//! Written with `docx-rs`; pure: model in, bytes out.

use docx_rs::{
    AlignmentType, Docx, Footer, Header, LineSpacing, NumPages, PageMargin, PageNum, Paragraph, Run,
    RunFonts, Shading, ShdType, Table, TableCell, TableRow, VAlignType, WidthType,
};

use super::docx_texts::{TEXTS, Texts};
use super::model::{Bi, ItemLine, ReportLang, ReportModel, ZoneSection};
use crate::model::{Freshness, Lang};

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
const OCHRE: &str = "7A6A2E";
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
    Bi {
        zh: s.to_owned(),
        en: s.to_owned(),
    }
}

/// A word of the document's texts table, in both languages.
fn words(f: impl Fn(&'static Texts) -> &'static str) -> Bi {
    Bi::of(|l| f(TEXTS.get(l)).to_owned())
}

/// A line of the document's texts table, in both languages.
fn line(f: impl Fn(&'static Texts) -> String) -> Bi {
    Bi::of(|l| f(TEXTS.get(l)))
}

/// A zone qualified or not, with its mark.
fn qualified(t: &Texts, yes: bool) -> &'static str {
    if yes { t.qualified } else { t.not_qualified }
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
    let title = words(|t| t.title);
    let fonts = RunFonts::new()
        .ascii("Arial")
        .hi_ansi("Arial")
        .east_asia("Microsoft YaHei")
        .cs("Arial");

    let t = TEXTS.get(model.lang.primary());
    let mut footer_text = Paragraph::new()
        .align(AlignmentType::Center)
        .size(SMALL)
        .color(SOFT)
        .add_run(Run::new().add_text(t.page_before).size(SMALL))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(t.page_between).size(SMALL))
        .add_num_pages(NumPages::new());
    if !t.page_after.is_empty() {
        footer_text = footer_text.add_run(Run::new().add_text(t.page_after).size(SMALL));
    }
    let footer = Footer::new().add_paragraph(footer_text);
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
        (words(|t| t.investor), plain(&c.investor)),
        (words(|t| t.project), plain(&c.project)),
    ];
    if let Some(i) = &c.industry {
        rows.push((words(|t| t.industry), i.clone()));
    }
    if let Some(i) = &c.total_investment {
        rows.push((words(|t| t.total_investment), i.clone()));
    }
    rows.push((
        words(|t| t.factors_scored),
        line(|t| (t.factors_scored_value)(c.scored_items, c.must_haves)),
    ));
    rows.push((
        words(|t| t.zones_scored),
        line(|t| (t.zones_scored_value)(&c.zones_scored_text, &c.zones_qualified_text)),
    ));
    rows.push((words(|t| t.date), plain(&c.date)));
    if !c.prepared_by.is_empty() {
        rows.push((words(|t| t.prepared_by), plain(&c.prepared_by)));
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
    let mut doc = heading(doc, w, &words(|t| t.ranking), 26, false);
    doc = small_note(doc, w, &words(|t| t.ranking_note));
    let widths = [700, 4092, 900, 1600, 500, 500, 500, 500, 800];
    let head = |b: Bi, width: usize| {
        w.cell(&b, width, |r| r.bold())
            .shading(Shading::new().shd_type(ShdType::Clear).fill(BAND))
    };
    let mut rows = vec![
        TableRow::new(vec![
            head(words(|t| t.col_rank), widths[0]),
            head(words(|t| t.col_zone), widths[1]),
            head(words(|t| t.col_score), widths[2]),
            head(words(|t| t.col_qualified), widths[3]),
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
            head(words(|t| t.col_data), widths[8]),
        ])
        .cant_split(),
    ];
    for r in &model.summary {
        let mut name = r.name.clone();
        if let Some(tier) = &r.tier {
            name.zh = format!("{} · {}", name.zh, tier.zh);
            name.en = format!("{} · {}", name.en, tier.en);
        }
        let qualified = words(|t| qualified(t, r.qualified));
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
        doc = small_note(doc, w, &line(|t| (t.summary_rest)(&model.summary_rest_text)));
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
    let place = Bi::of(|l| {
        let tier = s
            .tier
            .as_ref()
            .map(|t| (TEXTS.get(l).readiness)(t.get(l)))
            .unwrap_or_default();
        join(vec![s.region.get(l), s.contact.get(l), &tier])
    });
    doc = small_note(doc, w, &place);
    let standing = Bi::of(|l| {
        let t = TEXTS.get(l);
        let failed = if s.qualified {
            String::new()
        } else {
            (t.failed_must)(
                &s.failed_must
                    .iter()
                    .map(|f| f.get(l))
                    .collect::<Vec<_>>()
                    .join(l.list_separator()),
            )
        };
        (t.standing)(&s.score, qualified(t, s.qualified), &failed)
    });
    let colour = if s.qualified { GREEN } else { RED };
    for p in w.paras(&standing, BODY, |r| r.color(colour)) {
        doc = doc.add_paragraph(p.keep_next(true));
    }
    let counts = line(|t| {
        format!(
            "✔ {}  △ {}  ✘ {}  ? {}    {}",
            s.met,
            s.partial,
            s.unmet,
            s.unknown,
            (t.completeness)(&s.completeness)
        )
    });
    for p in w.paras(&counts, BODY, |r| r) {
        doc = doc.add_paragraph(p.keep_next(true));
    }
    // The category profile as a small table (the Word report's form of the PDF's strip):
    // the categories across, the zone's score in each below (未涉及 where none is asked).
    if !s.profile.is_empty() {
        let width = 10_092 / s.profile.len();
        let head = TableRow::new(
            s.profile
                .iter()
                .map(|c| {
                    w.cell(&c.name, width, |r| r.bold())
                        .shading(Shading::new().shd_type(ShdType::Clear).fill(BAND))
                })
                .collect(),
        );
        let scores = TableRow::new(
            s.profile
                .iter()
                .map(|c| {
                    let score = Bi::of(|l| {
                        c.score
                            .clone()
                            .unwrap_or_else(|| TEXTS.get(l).not_asked.to_owned())
                    });
                    w.cell(&score, width, |r| r)
                })
                .collect(),
        );
        for p in w.paras(&words(|t| t.by_category), BODY, |r| r.bold()) {
            doc = doc.add_paragraph(p.keep_next(true));
        }
        doc = doc.add_table(Table::new(vec![head, scores]).set_grid(vec![width; s.profile.len()]));
        // Apart from the item table below it.
        doc = doc.add_paragraph(para());
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
            head(words(|t| t.col_factor), widths[1]),
            head(words(|t| t.col_importance), widths[2]),
            head(words(|t| t.col_required), widths[3]),
            head(words(|t| t.col_offered), widths[4]),
            head(words(|t| t.col_gap), widths[5]),
            head(words(|t| t.col_source), widths[6]),
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
        doc = small_note(doc, w, &line(|t| (t.sources)(&list)));
    }
    if !s.owners.is_empty() {
        let owners = Bi::of(|l| {
            let t = TEXTS.get(l);
            let list = s
                .owners
                .iter()
                .map(|o| {
                    let factors: Vec<&str> = o.factors.iter().map(|f| f.get(l)).collect();
                    (t.owner_factors)(&o.owner, &factors.join(l.list_separator()))
                })
                .collect::<Vec<_>>()
                .join(t.clause_separator);
            (t.owners)(&list)
        });
        doc = small_note(doc, w, &owners);
    }
    if !s.to_close.is_empty() {
        let title = if s.qualified {
            line(|t| (t.to_target)(&s.target))
        } else {
            line(|t| (t.to_qualify)(&s.target))
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
    let stale = it.freshness == Some(Freshness::Stale);
    let mut date =
        para().add_run(
            Run::new()
                .add_text(source)
                .size(SMALL)
                .color(if stale { AMBER } else { SOFT }),
        );
    // A due or stale figure says so after its date, in the report's language(s); a current
    // one needs no word.
    if let Some(f) = it.freshness.filter(|f| f.needs_update()) {
        let word = w
            .langs()
            .iter()
            .map(|&zh| f.label(if zh { Lang::Zh } else { Lang::En }))
            .collect::<Vec<_>>()
            .join(" ");
        let run = Run::new()
            .add_text(format!(" {word}"))
            .size(SMALL)
            .color(if stale { AMBER } else { OCHRE });
        date = date.add_run(if stale { run.bold() } else { run });
    }
    let mut source_cell = TableCell::new()
        .width(widths[6], WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(date);
    if it.illustrative {
        for p in w.paras(&words(|t| t.illustrative), SMALL, |r| r.bold().color(VIOLET)) {
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
    let mut doc = heading(doc, w, &words(|t| t.appendix), 26, true);
    doc = heading(doc, w, &words(|t| t.rules), 22, false);
    for r in &a.rules {
        for p in w.paras(r, BODY, |r| r) {
            doc = doc.add_paragraph(p);
        }
    }
    doc = heading(doc, w, &words(|t| t.caveats), 22, false);
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
    let mut doc = heading(doc, w, &line(|t| (t.brief_heading)(n)), 24, false);
    doc = first_place(doc, w, model);
    for s in &model.sections {
        let name = Bi::of(|l| {
            let t = TEXTS.get(l);
            (t.brief_zone)(s.rank, s.name.get(l), &s.score, qualified(t, s.qualified))
        });
        doc = heading(doc, w, &name, 21, false);
        let listed = |lines: &[Bi], l: Lang| {
            lines
                .iter()
                .map(|d| d.get(l))
                .collect::<Vec<_>>()
                .join(TEXTS.get(l).clause_separator)
        };
        let gaps = if s.decisive.is_empty() {
            words(|t| t.no_decisive)
        } else {
            Bi::of(|l| (TEXTS.get(l).decisive)(&listed(&s.decisive, l)))
        };
        for p in w.paras(&gaps, BODY, |r| r) {
            doc = doc.add_paragraph(p);
        }
        if !s.to_close.is_empty() {
            let take = Bi::of(|l| (TEXTS.get(l).to_take)(&listed(&s.to_close, l)));
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
        // Each detailed zone's category profile as a table (the PDF's strip): every category
        // named, Yuanping's scores in it.
        assert!(text.contains("分类得分"), "{text}");
        for name in ["用地与载体", "水电气热", "交通道路与用工", "产业政策、指标与服务"]
        {
            assert!(text.contains(name), "{name} in\n{text}");
        }
        for score in ["68.2", "78.6", "21.7"] {
            assert!(text.contains(score), "{score} in\n{text}");
        }
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
        let model = report("pv_base", ReportLang::En);
        let en = body_text(&render(&model).expect("docx"));
        assert!(en.contains("Houma Economic Development Zone"), "{en}");
        assert!(en.contains("100.0"), "{en}");
        // The owners are departments named as the profiles give them (in Chinese, and some
        // after their zone): apart from them, nothing is in Chinese.
        let mut rest = en.clone();
        for o in model.sections.iter().flat_map(|s| s.owners.iter()) {
            rest = rest.replace(&o.owner, "");
        }
        assert!(!rest.contains("侯马经济开发区"), "{rest}");
    }

    /// On 2025-12-15 the samples' two-year figures are due and the others stale: the item
    /// tables say which after the date, in the document's language(s), and the notes after
    /// each table name the owners with their factors; the appendix says who must act.
    #[test]
    fn the_document_says_which_figures_are_due_or_stale_and_who_owns_them() {
        use crate::report::test_support::report_on;
        let day = jiff::civil::Date::new(2025, 12, 15).expect("date");
        let zh = body_text(&render(&report_on("pv_base", ReportLang::Zh, day)).expect("docx"));
        assert!(zh.contains("2023-12-31 待更新"), "{zh}");
        assert!(zh.contains("2023-12-31 已过期"), "{zh}");
        assert!(!zh.contains("2023-12-31*") && !zh.contains("逾一年"), "{zh}");
        assert!(
            zh.contains("责任单位：侯马市自然资源局（可供工业用地面积、最大连片地块"),
            "{zh}"
        );
        assert!(
            zh.contains("侯马经济开发区：已过期或待更新的数据请责任单位核实或更新——"),
            "{zh}"
        );
        assert!(zh.contains("项将在 30 天内超出（待更新）"), "{zh}");
        let en = body_text(&render(&report_on("pv_base", ReportLang::En, day)).expect("docx"));
        assert!(
            en.contains("2023-12-31 due") && en.contains("2023-12-31 stale"),
            "{en}"
        );
        assert!(
            en.contains("Owners: 侯马市自然资源局 (Available industrial land, "),
            "{en}"
        );
        assert!(!en.contains("more than a year"), "{en}");
        let both = body_text(&render(&report_on("pv_base", ReportLang::Both, day)).expect("docx"));
        assert!(both.contains("2023-12-31 待更新 due"), "{both}");
    }

    /// The footer's runs of text, each followed by `|` (the page fields show `1`).
    fn footer_text(lang: ReportLang) -> String {
        let xml = zipped(
            &render(&report("pv_base", lang)).expect("docx"),
            "word/footer1.xml",
        );
        let mut text = String::new();
        for piece in xml.split("<w:t").skip(1) {
            let Some((_, rest)) = piece.split_once('>') else {
                continue;
            };
            if let Some((t, _)) = rest.split_once("</w:t>") {
                text.push_str(t);
                text.push('|');
            }
        }
        text
    }

    #[test]
    fn the_footer_counts_pages_in_the_first_language() {
        assert_eq!(footer_text(ReportLang::Zh), "第 |1| 页 / 共 |1| 页|");
        assert_eq!(footer_text(ReportLang::Both), "第 |1| 页 / 共 |1| 页|");
        assert_eq!(footer_text(ReportLang::En), "Page |1| of |1|");
    }
}
