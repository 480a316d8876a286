//! The printed report and the exports: the PDF of each sample checklist read back as text, and
//! the Excel workbook read back with calamine.

use std::path::Path;
use std::process::Command;

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
        Scorer::new(&self.catalog, &self.checklist)
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

/// Runs a poppler tool on a PDF; `.ci/run` installs poppler-utils.
fn poppler(tool: &str, pdf: &[u8], args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} is needed to read PDFs back (apt-get install poppler-utils): {e}")
        });
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
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

        let text = poppler("pdftotext", &pdf.bytes, &["-layout"]);
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
        assert!(text.contains("第 1 页"), "{sample}: page footer");
        let pages = poppler("pdfinfo", &pdf.bytes, &[])
            .lines()
            .find_map(|l| {
                l.strip_prefix("Pages:")
                    .map(|n| n.trim().parse::<usize>().expect("number"))
            })
            .expect("page count");
        assert_eq!(
            pages, pdf.pages,
            "{sample}: the PDF has the pages the layout made"
        );
        assert!(
            flat.contains(&format!("共{pages}页")),
            "{sample}: the footer counts {pages} pages"
        );
        let fonts = poppler("pdffonts", &pdf.bytes, &[]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty());
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            assert!(cols.iter().any(|c| c.contains("NotoSans")), "{row}");
            // Columns: name, type, encoding, then `emb sub uni`: embedded, and as a subset.
            assert!(row.contains(" yes yes "), "font not embedded as a subset: {row}");
        }
    }
}

#[test]
fn english_and_bilingual_reports_read_back() {
    let s = Scored::load("pv_base");
    let (model, _) = s.model(ReportLang::En);
    let text = poppler("pdftotext", &render(&model).bytes, &["-layout"]);
    assert!(text.contains("Site-readiness match report"));
    assert!(text.contains("Page 1 of"));
    assert!(squeeze(&text).contains("HoumaEconomicDevelopmentZone"));
    let (model, _) = s.model(ReportLang::Both);
    let flat = squeeze(&poppler("pdftotext", &render(&model).bytes, &["-layout"]));
    assert!(flat.contains("项目要素匹配报告") && flat.contains("Site-readinessmatchreport"));
    assert!(flat.contains("可供工业用地面积") && flat.contains("Availableindustrialland"));
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
    let scorer = s.scorer();
    let ranking = scorer.rank(&s.profiles);
    let report = RankingReport::build(
        &scorer,
        &s.checklist,
        &ranking,
        &s.profiles,
        Lang::Zh,
        Date::new(2026, 11, 29).expect("d"),
    );
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
