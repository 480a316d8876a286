//! The printed report and the exports: the PDF of each sample checklist read back as text (in
//! Rust: `pdf-extract` through the fonts' ToUnicode maps, `lopdf` for pages and fonts), the Word
//! document read back from its XML, and the Excel workbooks read back with calamine.

use std::io::Read;
use std::path::Path;

use jiff::civil::Date;
use sitematch::io;
use sitematch::model::{Catalog, Lang, Localize};
use sitematch::report::pdf::{self, Pdf};
use sitematch::report::{RankingReport, ReportLang, ReportModel, ReportOptions};
use sitematch::scoring::{Ranking, Scorer};

use crate::{repo, sitematch};

const SAMPLES: [&str; 3] = ["pv_base", "diamond", "znalmg_steel"];

struct Scored {
    catalog: Catalog,
    checklist: sitematch::model::Checklist,
    profiles: Vec<sitematch::model::ZoneProfile>,
}

impl Scored {
    fn load(sample: &str) -> Self {
        let catalog = Catalog::builtin().expect("catalog");
        let checklist = io::load_checklist(&repo(&format!("assets/checklists/{sample}.ron")), &catalog)
            .expect("checklist");
        let profiles = io::load_profiles(&repo("profiles"), &catalog)
            .expect("profiles")
            .into_profiles();
        Scored {
            catalog,
            checklist,
            profiles,
        }
    }

    fn scorer(&self) -> Scorer<'_> {
        Scorer::new(
            &self.catalog,
            &self.checklist,
            Date::new(2026, 11, 29).expect("date"),
        )
    }

    /// The ranking as the tables and workbooks show it, and the ranking it was made from.
    fn ranking_report(&self, lang: Lang) -> (RankingReport, Ranking) {
        let scorer = self.scorer();
        let ranking = scorer.rank(&self.profiles);
        let today = Date::new(2026, 11, 29).expect("date");
        (
            RankingReport::build(&scorer, &self.checklist, &ranking, &self.profiles, lang, today),
            ranking,
        )
    }

    fn model(&self, lang: ReportLang) -> (ReportModel, Ranking) {
        let scorer = self.scorer();
        let ranking = scorer.rank(&self.profiles);
        let mut options = ReportOptions::new(Date::new(2026, 11, 29).expect("date"));
        options.lang = lang;
        options.prepared_by = "侯马经济开发区 招商局".into();
        (
            ReportModel::build(&scorer, &self.checklist, &ranking, &self.profiles, &options),
            ranking,
        )
    }
}

/// The text of a PDF, read back through the fonts' ToUnicode maps.
fn pdf_text(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text")
}

/// Collects each character a PDF draws with its page and position.
#[derive(Default)]
struct Placed {
    page: u32,
    chars: Vec<(u32, f64, f64, String)>,
}

impl pdf_extract::OutputDev for Placed {
    fn begin_page(
        &mut self,
        page: u32,
        _: &pdf_extract::MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        self.page = page;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        _: f64,
        _: f64,
        _: f64,
        c: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        self.chars.push((self.page, trm.m32, trm.m31, c.to_owned()));
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
}

/// The lines of a PDF as printed: the characters on one baseline of a page, in the order they
/// are drawn (the extractor's own text may run two lines together; its horizontal positions
/// are not reliable for CID fonts without widths, its vertical ones are).
fn pdf_lines(pdf: &[u8]) -> Vec<String> {
    let doc = pdf_extract::Document::load_mem(pdf).expect("a PDF");
    let mut placed = Placed::default();
    pdf_extract::output_doc(&doc, &mut placed).expect("the PDF's text");
    let mut chars = placed.chars;
    // A stable sort: top to bottom, drawing order along a line.
    chars.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    let mut lines: Vec<(u32, f64, String)> = Vec::new();
    for (page, y, _, c) in chars {
        match lines.last_mut() {
            Some((p, ly, line)) if *p == page && (*ly - y).abs() < 1.0 => line.push_str(&c),
            _ => lines.push((page, y, c)),
        }
    }
    lines.into_iter().map(|(_, _, line)| line).collect()
}

/// The number of pages of a PDF.
fn pdf_pages(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf).expect("a PDF").get_pages().len()
}

/// The names of the PDF's fonts, each with whether its file is embedded and cut to a subset
/// (a subset's name starts with six capitals and `+`).
fn pdf_fonts(pdf: &[u8]) -> Vec<(String, bool, bool)> {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.has_type(b"FontDescriptor"))
        .map(|d| {
            let name = d
                .get(b"FontName")
                .and_then(|n| n.as_name())
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            let embedded = [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| d.has(k));
            let subset = name.len() > 7
                && name.as_bytes()[6] == b'+'
                && name[..6].bytes().all(|b| b.is_ascii_uppercase());
            (name, embedded, subset)
        })
        .collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn render(model: &ReportModel) -> Pdf {
    pdf::render(model, None).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn each_sample_report_reads_back_with_ranking_factors_and_page_numbers() {
    for sample in SAMPLES {
        let s = Scored::load(sample);
        let (model, ranking) = s.model(ReportLang::Zh);
        let pdf = render(&model);
        assert!(
            pdf.bytes.len() < 1024 * 1024,
            "{sample}: {} bytes",
            pdf.bytes.len()
        );

        let text = pdf_text(&pdf.bytes);
        let flat = squeeze(&text);
        // Zone names in ranking order (the summary table comes first).
        let positions: Vec<usize> = ranking
            .zones
            .iter()
            .map(|z| {
                flat.find(&squeeze(s.profiles[z.zone.index()].name.get(Lang::Zh)))
                    .expect("every zone is named")
            })
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "{sample}: ranking order {positions:?}"
        );
        // Every factor of a detailed zone.
        for item in &ranking.zones[0].items {
            let name = squeeze(s.catalog.factor(item.factor).name.get(Lang::Zh));
            assert!(flat.contains(&name), "{sample}: factor {name} is printed");
        }
        assert!(flat.contains("第1页"), "{sample}: page footer");
        let pages = pdf_pages(&pdf.bytes);
        assert_eq!(
            pages, pdf.pages,
            "{sample}: the PDF has the pages the layout made"
        );
        assert!(
            flat.contains(&format!("共{pages}页")),
            "{sample}: the footer counts {pages} pages"
        );
        let fonts = pdf_fonts(&pdf.bytes);
        assert!(!fonts.is_empty());
        for (name, embedded, subset) in fonts {
            assert!(name.contains("NotoSans"), "{name}");
            assert!(embedded && subset, "font not embedded as a subset: {name}");
        }
    }
}

#[test]
fn english_and_bilingual_reports_read_back() {
    let s = Scored::load("pv_base");
    let (model, _) = s.model(ReportLang::En);
    let text = pdf_text(&render(&model).bytes);
    assert!(squeeze(&text).contains("Site-readinessmatchreport"));
    assert!(squeeze(&text).contains("Page1of"));
    assert!(squeeze(&text).contains("HoumaEconomicDevelopmentZone"));
    let (model, _) = s.model(ReportLang::Both);
    let flat = squeeze(&pdf_text(&render(&model).bytes));
    assert!(flat.contains("项目要素匹配报告") && flat.contains("Site-readinessmatchreport"));
    assert!(flat.contains("可供工业用地面积") && flat.contains("Availableindustrialland"));
    assert!(flat.contains("第一名稳定") && flat.contains("Firstplaceisfirm"));
}

#[test]
fn a_template_with_an_error_is_reported_in_words() {
    let s = Scored::load("diamond");
    let (model, _) = s.model(ReportLang::Zh);
    let e = pdf::render(&model, Some("#let x = (\n")).expect_err("broken template");
    assert!(e.to_string().contains("could not be laid out"), "{e}");
    // A zone's own template with a mistake on its third line: the message names the line.
    let e = pdf::render(&model, Some("= Report\n\n#colour\n")).expect_err("unknown variable");
    assert!(
        e.to_string()
            .contains("the report could not be laid out: line 3, column 2: unknown variable: colour"),
        "{e}"
    );
    assert!(
        e.text(Lang::Zh)
            .starts_with("报告模板有错误，无法排版（排版引擎 Typst 的提示：第 3 行第 2 列："),
        "{}",
        e.text(Lang::Zh)
    );
}

#[test]
fn the_workbook_reads_back_with_the_same_ranking_and_numbers_as_numbers() {
    use calamine::{Data, Reader, Xlsx};
    let s = Scored::load("pv_base");
    let (report, ranking) = s.ranking_report(Lang::Zh);
    let bytes = sitematch::report::xlsx::render(&report).expect("xlsx");
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("a real xlsx");
    assert_eq!(book.sheet_names(), ["排名", "逐项"]);
    let sheet = book.worksheet_range("排名").expect("ranking sheet");
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows[0][0], Data::String("排名".into()));
    assert_eq!(rows.len(), 1 + ranking.zones.len());
    for (row, z) in rows[1..].iter().zip(&ranking.zones) {
        assert_eq!(row[1], Data::String(s.profiles[z.zone.index()].id.clone()));
        let Data::Float(score) = row[3] else {
            panic!("score is a number: {:?}", row[3])
        };
        assert_eq!(format!("{score:.1}"), z.score.fixed(1));
        assert!(matches!(row[0], Data::Float(_)), "rank is a number");
    }
    let items = book.worksheet_range("逐项").expect("items sheet");
    assert_eq!(
        items.rows().count(),
        1 + ranking.zones.iter().map(|z| z.items.len()).sum::<usize>()
    );
}

#[test]
fn the_cli_writes_a_report_and_exports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("r.pdf");
    let out = sitematch(&[
        "report",
        "--checklist",
        "assets/checklists/diamond.ron",
        "--out",
        pdf.to_str().expect("p"),
        "--lang",
        "both",
        "--top",
        "2",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));

    let xlsx = dir.path().join("r.xlsx");
    let out = sitematch(&[
        "score",
        "--checklist",
        "assets/checklists/diamond.ron",
        "--format",
        "xlsx",
        "--out",
        xlsx.to_str().expect("p"),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        std::fs::read(&xlsx).expect("xlsx").starts_with(b"PK"),
        "an xlsx is a zip"
    );

    let csv = dir.path().join("r.csv");
    let out = sitematch(&[
        "score",
        "--checklist",
        "assets/checklists/diamond.ron",
        "--format",
        "csv",
        "--out",
        csv.to_str().expect("p"),
    ]);
    assert!(out.status.success());
    assert!(
        Path::new(&dir.path().join("r-items.csv")).is_file(),
        "the items go to a second file"
    );

    let out = sitematch(&[
        "score",
        "--checklist",
        "assets/checklists/diamond.ron",
        "--format",
        "xlsx",
    ]);
    assert_eq!(out.status.code(), Some(1), "xlsx needs --out");
}

/// Text as written in XML.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// A file inside a zip archive (a .docx or .xlsx), as text.
fn zipped(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut file = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the archive"));
    let mut text = String::new();
    file.read_to_string(&mut text).expect("utf-8");
    text
}

#[test]
fn rare_names_print_and_a_character_no_font_has_is_refused_with_its_field() {
    let mut s = Scored::load("pv_base");
    s.checklist.investor = "华堃喆昇珺犇科技".into();
    let renamed = s.profiles[0].id.clone();
    s.profiles[0].name.zh = "浉河区经济开发区".into();
    let (model, _) = s.model(ReportLang::Zh);
    let flat = squeeze(&pdf_text(&render(&model).bytes));
    assert!(flat.contains("华堃喆昇珺犇科技"), "the investor prints whole");
    assert!(flat.contains("浉河区经济开发区"), "the zone prints whole");

    // U+2A6D6 (Extension B) is in none of the bundled fonts.
    s.profiles[0].name.zh = "浉河\u{2A6D6}区".into();
    let (model, _) = s.model(ReportLang::Zh);
    let e = pdf::render(&model, None).expect_err("a character no font has");
    let zh = e.text(Lang::Zh);
    assert!(
        zh.contains(&format!("开发区 {renamed} 的名称中的“\u{2A6D6}”（U+2A6D6）")),
        "{zh}"
    );
    assert!(
        e.text(Lang::En)
            .contains(&format!("(U+2A6D6) in the name of zone {renamed}")),
        "{}",
        e.text(Lang::En)
    );
}

#[test]
fn the_cli_refuses_a_report_with_a_character_no_font_has_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let zones = dir.path().join("zones");
    std::fs::create_dir(&zones).expect("mkdir");
    let houma = std::fs::read_to_string(repo("profiles/houma.ron")).expect("houma");
    // A plane-16 private-use character: no font, bundled or system, draws it.
    let odd = houma.replacen("侯马经济开发区", "侯马\u{10FFFD}开发区", 1);
    std::fs::write(zones.join("houma.ron"), odd).expect("write");
    let out_pdf = dir.path().join("r.pdf");
    let out = sitematch(&[
        "report",
        "--lang",
        "zh",
        "--checklist",
        "assets/checklists/pv_base.ron",
        "--profiles",
        zones.to_str().expect("p"),
        "--out",
        out_pdf.to_str().expect("p"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("开发区 houma 的名称中的“\u{10FFFD}”（U+10FFFD）"),
        "{err}"
    );
    assert!(!out_pdf.exists(), "no PDF is written");
}

/// Labels of running text and their English: in a report in both languages, never on one line.
const PAIRS: [(&str, &str); 6] = [
    ("未满足必须项", "must-haves not met"),
    ("就绪等级", "Readiness"),
    ("数据完整度", "Data completeness"),
    ("得分", "Score"),
    ("需做到", "What it would take"),
    ("其余", "The other"),
];

#[test]
fn a_bilingual_report_has_no_line_mixing_chinese_and_english_labels() {
    let s = Scored::load("pv_base");
    let mut options = ReportOptions::new(Date::new(2026, 11, 29).expect("date"));
    options.lang = ReportLang::Both;
    let scorer = s.scorer();
    let ranking = scorer.rank(&s.profiles);
    // The first and the last zone detailed, the top two listed (and the last): a line for the rest.
    options.picked = vec![ranking.zones[0].zone, ranking.zones[ranking.zones.len() - 1].zone];
    options.ranking_rows = 2;
    let model = ReportModel::build(&scorer, &s.checklist, &ranking, &s.profiles, &options);
    assert!(
        model.sections.iter().any(|z| !z.qualified),
        "the sample has a zone that fails a must-have"
    );
    let lines = pdf_lines(&render(&model).bytes);
    let text = lines.join("\n");
    for (zh, en) in PAIRS {
        assert!(text.contains(zh) && text.contains(en), "{zh} and {en} both print");
        for line in &lines {
            assert!(!(line.contains(zh) && line.contains(en)), "interleaved: {line}");
        }
    }
}

#[test]
fn english_texts_use_english_punctuation_and_units() {
    for sample in SAMPLES {
        let s = Scored::load(sample);
        let (model, _) = s.model(ReportLang::En);
        let mut english: Vec<&str> = Vec::new();
        for z in &model.sections {
            english.extend(z.to_close.iter().map(|b| b.en.as_str()));
            english.extend(z.decisive.iter().map(|b| b.en.as_str()));
            english.extend(z.failed_must.iter().map(|b| b.en.as_str()));
            for item in z.categories.iter().flat_map(|c| c.items.iter()) {
                english.push(&item.factor.en);
                english.push(&item.required.en);
                english.extend(item.offered.iter().map(|b| b.en.as_str()));
                english.extend(item.gap.iter().map(|b| b.en.as_str()));
            }
        }
        english.extend(model.appendix.rules.iter().map(|b| b.en.as_str()));
        english.extend(model.appendix.caveats.iter().map(|b| b.en.as_str()));
        assert!(english.len() > 20);
        for text in english {
            assert!(
                !text.contains(['，', '。', '：', '；', '（', '）', '“', '”', '、', '⁴']),
                "{sample}: {text}"
            );
        }
    }
}

#[test]
fn nothing_printed_sends_the_reader_to_the_app() {
    let s = Scored::load("diamond");
    for lang in [ReportLang::Zh, ReportLang::En] {
        let (model, _) = s.model(lang);
        let text = pdf_text(&render(&model).bytes);
        for phrase in ["应用中", "in the app"] {
            assert!(!text.contains(phrase), "{phrase}");
        }
        // Every change of each zone's plan prints.
        for z in &model.sections {
            for line in &z.to_close {
                let want = squeeze(if lang == ReportLang::Zh {
                    &line.zh
                } else {
                    &line.en
                });
                assert!(squeeze(&text).contains(&want), "{want}");
            }
        }
    }
}

/// On 2025-12-15 the samples' figures (dated 2023-12-31) are due for the factors that stay
/// current two years and stale for the others: the printed tables say which after each date,
/// the notes after a table name the owners with their factors, and the data caveats count
/// both and name who must act; nothing speaks of a year any more.
#[test]
fn the_report_marks_due_and_stale_figures_and_names_their_owners() {
    let s = Scored::load("pv_base");
    let day = Date::new(2025, 12, 15).expect("date");
    let scorer = Scorer::new(&s.catalog, &s.checklist, day);
    let ranking = scorer.rank(&s.profiles);
    for lang in [ReportLang::Zh, ReportLang::En] {
        let mut options = ReportOptions::new(day);
        options.lang = lang;
        let model = ReportModel::build(&scorer, &s.checklist, &ranking, &s.profiles, &options);
        let lines = pdf_lines(&render(&model).bytes);
        let flat = squeeze(&lines.join("\n"));
        let (due, stale, owners, caveat) = if lang == ReportLang::Zh {
            (
                "2023-12-31待更新",
                "2023-12-31已过期",
                "责任单位侯马市自然资源局：可供工业用地面积、最大连片地块",
                "项数据已超出更新周期（已过期）",
            )
        } else {
            (
                "2023-12-31due",
                "2023-12-31stale",
                "Owners侯马市自然资源局:Availableindustrialland,Largestcontiguousparcel",
                "arepasttheirupdateperiod(stale)and",
            )
        };
        for want in [due, stale, owners, caveat] {
            assert!(flat.contains(want), "{lang:?}: {want} in\n{}", lines.join("\n"));
        }
        let act = &model.appendix.caveats[1];
        let act = if lang == ReportLang::Zh { &act.zh } else { &act.en };
        assert!(act.contains("侯马市自然资源局"), "{act}");
        assert!(
            flat.contains(&squeeze(act)),
            "{lang:?}: the owners who must act: {act}"
        );
        for old in ["一年以上", "morethanayear", "2023-12-31*"] {
            assert!(!flat.contains(old), "{lang:?}: {old}");
        }
        // The category profile: the chart of the detailed zones, and each zone's strip, with
        // every category and every score in the text layer.
        let title = if lang == ReportLang::Zh {
            "分类得分对比"
        } else {
            "Scoresbycategory"
        };
        assert!(flat.contains(title), "{lang:?}");
        for section in &model.sections {
            for bar in &section.profile {
                let name = if lang == ReportLang::Zh {
                    &bar.name.zh
                } else {
                    &bar.name.en
                };
                let score = bar.score.as_deref().unwrap_or(if lang == ReportLang::Zh {
                    "未涉及"
                } else {
                    "notasked"
                });
                assert!(
                    flat.contains(&squeeze(&format!("{name} {score}"))),
                    "{lang:?}: {name} {score}"
                );
            }
        }
    }
}

#[test]
fn the_brief_is_one_page_in_each_language() {
    let s = Scored::load("pv_base");
    let scorer = s.scorer();
    let ranking = scorer.rank(&s.profiles);
    for lang in [ReportLang::Zh, ReportLang::En, ReportLang::Both] {
        let mut options = ReportOptions::new(Date::new(2026, 11, 29).expect("date"));
        options.lang = lang;
        options.brief = true;
        let model = ReportModel::build(&scorer, &s.checklist, &ranking, &s.profiles, &options);
        assert_eq!(model.sections.len(), 3);
        let pdf = render(&model);
        assert_eq!(pdf.pages, 1, "{lang:?}");
        assert_eq!(pdf_pages(&pdf.bytes), 1);
        let flat = squeeze(&pdf_text(&pdf.bytes));
        for z in &ranking.zones[..3] {
            let name = s.profiles[z.zone.index()].name.get(lang.primary());
            assert!(flat.contains(&squeeze(name)), "{lang:?}: {name}");
        }
        let gaps = if lang == ReportLang::En {
            "Decisivegaps"
        } else {
            "决定性差距"
        };
        assert!(flat.contains(gaps), "{lang:?}");
        // How firm the first place is, on the brief as in the full report.
        let firm = if lang == ReportLang::En {
            "Firstplaceisfirm"
        } else {
            "第一名稳定"
        };
        assert!(flat.contains(firm), "{lang:?}");
        // The chart of the top three by category, in a brief in one language: its title, the
        // categories and every bar's value are in the text layer.
        if lang != ReportLang::Both {
            let title = if lang == ReportLang::En {
                "Scoresbycategory"
            } else {
                "分类得分对比"
            };
            assert!(flat.contains(title), "{lang:?}");
            let catalog = &s.catalog;
            for (_, category) in catalog.categories() {
                assert!(
                    flat.contains(&squeeze(category.name.get(lang.primary()))),
                    "{lang:?}"
                );
            }
            for z in &ranking.zones[..3] {
                for c in sitematch::scoring::category::profile(catalog, z) {
                    if let Some(score) = c.score {
                        assert!(flat.contains(&score.fixed(1)), "{lang:?}: {}", score.fixed(1));
                    }
                }
            }
        }
    }
}

#[test]
fn ten_thousand_zones_list_the_top_twenty_and_count_the_rest() {
    let s = Scored::load("pv_base");
    let zones = sitematch::synth::zones(&s.catalog, &s.profiles, 10_000, 42);
    let scorer = s.scorer();
    let ranking = scorer.rank(&zones);
    let options = ReportOptions::new(Date::new(2026, 11, 29).expect("date"));
    let model = ReportModel::build(&scorer, &s.checklist, &ranking, &zones, &options);
    assert_eq!(model.summary.len(), 20);
    assert_eq!(model.summary_rest, 9_980);
    assert_eq!(model.cover.zones_scored, 10_000);
    for (row, z) in model.summary.iter().zip(&ranking.zones) {
        assert_eq!(
            row.zone,
            zones[z.zone.index()].id,
            "the top of the ranking, in order"
        );
    }
    let pdf = render(&model);
    assert!(pdf.pages < 15, "{} pages", pdf.pages);
    let flat = squeeze(&pdf_text(&pdf.bytes));
    assert!(
        flat.contains("其余9,980个开发区未列出，见Excel排名表"),
        "the rest in one line"
    );
    assert!(flat.contains("10,000个，合格"), "the cover groups the count");
}

#[test]
fn the_word_document_has_the_report_on_a4_with_page_numbers_and_marks() {
    let s = Scored::load("pv_base");
    for lang in [ReportLang::Zh, ReportLang::En, ReportLang::Both] {
        let (model, ranking) = s.model(lang);
        let bytes = sitematch::report::docx::render(&model).expect("docx");
        let body = zipped(&bytes, "word/document.xml");
        assert!(
            body.contains(r#"w:w="11906""#) && body.contains(r#"w:h="16838""#),
            "A4"
        );
        for z in &ranking.zones {
            let name = s.profiles[z.zone.index()].name.get(lang.primary());
            assert!(body.contains(&xml(name)), "{lang:?}: {name}");
        }
        for item in &ranking.zones[0].items {
            let name = s.catalog.factor(item.factor).name.get(lang.primary());
            assert!(body.contains(&xml(name)), "{lang:?}: factor {name}");
        }
        // The marks, coloured.
        assert!(body.contains("✔") && body.contains(r#"w:color w:val="1B7F3B""#));
        let footers: String = (1..=3)
            .filter_map(|i| {
                zip::ZipArchive::new(std::io::Cursor::new(&bytes))
                    .ok()?
                    .by_name(&format!("word/footer{i}.xml"))
                    .ok()
                    .map(|mut f| {
                        let mut t = String::new();
                        f.read_to_string(&mut t).ok();
                        t
                    })
            })
            .collect();
        assert!(
            footers.contains("PAGE") && footers.contains("NUMPAGES"),
            "page numbers"
        );
    }
}

#[test]
fn the_workbooks_print_on_a4_one_page_wide_with_their_headers_repeated() {
    let s = Scored::load("pv_base");
    let (report, _) = s.ranking_report(Lang::Zh);
    let ranking_book = sitematch::report::xlsx::render(&report).expect("xlsx");
    let survey = sitematch::survey::write(&s.catalog, Some(&s.checklist)).expect("survey");
    for (what, bytes, sheets) in [("ranking", &ranking_book, 2), ("survey", &survey, 1)] {
        let book = zipped(bytes, "xl/workbook.xml");
        assert_eq!(
            book.matches("_xlnm.Print_Titles").count(),
            sheets,
            "{what}: header rows repeat"
        );
        for i in 1..=sheets {
            let sheet = zipped(bytes, &format!("xl/worksheets/sheet{i}.xml"));
            assert!(sheet.contains(r#"paperSize="9""#), "{what} {i}: A4");
            assert!(sheet.contains(r#"orientation="landscape""#), "{what} {i}");
            assert!(
                sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"),
                "{what} {i}: fit"
            );
            assert!(sheet.contains(r#"fitToHeight="0""#), "{what} {i}: one page wide");
            assert!(
                sheet.contains(r#"customHeight="1""#),
                "{what} {i}: row heights set"
            );
        }
    }
    // Scores show one decimal.
    let styles = zipped(&ranking_book, "xl/styles.xml");
    assert!(styles.contains(r#"formatCode="0.0""#));
}

#[test]
fn a_row_is_as_tall_as_its_longest_wrapped_text() {
    use sitematch::report::xlsx::{fitted_height, lines_in};
    assert_eq!(lines_in("abc", 10.0), 1);
    // Ten Chinese characters are 20 columns wide: three lines in a column 9 wide (8 of room).
    assert_eq!(lines_in("一二三四五六七八九十", 9.0), 3);
    assert_eq!(lines_in("a\nb", 10.0), 2);
    assert!(fitted_height([("一二三四五六七八九十", 9.0), ("a", 5.0)]) > fitted_height([("a", 5.0)]) * 2.0);
}

/// The workbook's cells take its default format (wrapped, at the top), and item rows get
/// heights fitted to their text up to `FITTED_ITEM_ROWS`; past that they are left to the
/// spreadsheet program, while the ranking sheet keeps its heights.
#[test]
fn the_workbook_wraps_every_cell_and_fits_rows_up_to_the_bound() {
    use sitematch::report::xlsx::XlsxWriter;
    let s = Scored::load("pv_base");
    let (report, _) = s.ranking_report(Lang::Zh);
    // Rows with a height of their own: `<row … customHeight="1">`.
    let custom_rows = |xml: &str| {
        xml.split("<row ")
            .skip(1)
            .filter(|r| r[..r.find('>').unwrap_or(r.len())].contains("customHeight=\"1\""))
            .count()
    };
    let item_rows: usize = report.zones.iter().map(|z| z.items.len()).sum();

    let fitted = sitematch::report::xlsx::render(&report).expect("xlsx");
    let styles = zipped(&fitted, "xl/styles.xml");
    let first_xf = &styles[styles.find("<cellXfs").expect("cellXfs")..];
    let first_xf = &first_xf[..first_xf.find("</xf>").expect("an xf")];
    assert!(
        first_xf.contains("wrapText=\"1\"") && first_xf.contains("vertical=\"top\""),
        "the default format wraps at the top: {first_xf}"
    );
    assert_eq!(
        custom_rows(&zipped(&fitted, "xl/worksheets/sheet2.xml")),
        1 + item_rows
    );

    let catalog = sitematch::model::Catalog::builtin().expect("catalog");
    let mut big = XlsxWriter::new(
        Lang::Zh,
        XlsxWriter::FITTED_ITEM_ROWS + 1,
        catalog.category_list(),
    )
    .expect("writer");
    big.zones(&report.zones).expect("rows");
    let big = big.finish().expect("xlsx");
    // Every row once: Excel repairs a sheet that repeats one.
    for book in [&fitted, &big] {
        for sheet in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            let xml = zipped(book, sheet);
            let rows: Vec<&str> = xml
                .split("<row r=\"")
                .skip(1)
                .map(|r| &r[..r.find('"').unwrap_or(0)])
                .collect();
            let mut unique = rows.clone();
            unique.dedup();
            assert_eq!(rows, unique, "{sheet}: a row written twice");
        }
    }
    assert_eq!(
        custom_rows(&zipped(&big, "xl/worksheets/sheet2.xml")),
        1,
        "only the header row"
    );
    assert_eq!(
        custom_rows(&zipped(&big, "xl/worksheets/sheet1.xml")),
        1 + report.zones.len(),
        "the ranking keeps its heights"
    );
}

/// A template that runs out of memory shows the officer SiteMatch's message, in Chinese, with
/// the limit (1.5 GB, what a 4 GB laptop can spare), and nothing of the child's Rust panic,
/// allocation failure or backtrace, even with backtraces asked for.
#[test]
fn a_template_out_of_memory_shows_only_our_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let growing = "#let a = range(4000000000)\n#a.len()\n";
    let path = dir.path().join("mine.typ");
    std::fs::write(&path, growing).expect("write the template");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sitematch"))
        .current_dir(repo(""))
        .env("SITEMATCH_CACHE", "")
        .env("SITEMATCH_HOME", dir.path())
        .env("SITEMATCH_TEMPLATE_SECONDS", "60")
        .env("RUST_BACKTRACE", "1")
        .env_remove("RUST_LOG")
        .args([
            "report",
            "--lang",
            "zh",
            "--checklist",
            "assets/checklists/pv_base.ron",
        ])
        .args(["--profiles", "profiles", "--template"])
        .arg(&path)
        .arg("--out")
        .arg(dir.path().join("report.pdf"))
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("mine.typ 排版时内存用尽（上限 1.5 GB）"),
        "{stderr}"
    );
    for leak in ["panicked", "backtrace", "memory allocation", "rust_oom"] {
        assert!(!stderr.contains(leak), "`{leak}` reached the officer: {stderr}");
    }
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!dir.path().join("report.pdf").exists());
}
