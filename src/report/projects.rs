//! The officer's project pipeline (项目台账): one row per pending project's checklist, with its
//! stage and how long it has been there, the officer, the zone it is heading to and its score
//! and standing there, the start deadline agreed at signing, and the first thing it would take;
//! the projects counted by stage; and warnings for signed projects past or near their start
//! deadline. Pure: checklists, zones and the day in; rows and text out.

use std::fmt::Write as _;

use jiff::civil::Date;
use serde_json::{Value, json};

use super::texts::{TEXTS, Texts};
use crate::model::pipeline::{DEADLINE_WARNING_DAYS, Deadline, Stage};
use crate::model::{Catalog, Checklist, Lang, ZoneIdx, ZoneProfile};
use crate::plan::{DEFAULT_TARGET, change_text, what_it_takes};
use crate::scoring::{Exact, Scorer};

/// One project as the ledger shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectRow {
    /// The checklist's file name, which tells two projects of one name apart.
    pub file: String,
    pub project: String,
    pub investor: String,
    pub stage: Option<Stage>,
    pub days_in_stage: Option<i32>,
    pub officer: String,
    /// The zone's profile id, as the checklist names it.
    pub zone: Option<String>,
    /// The zone's name, when the folder holds it.
    pub zone_name: Option<String>,
    /// Score and standing at its zone, when the folder holds it.
    pub score: Option<Exact>,
    pub qualified: Option<bool>,
    pub start_deadline: Option<Date>,
    pub deadline: Deadline,
    /// The first change of what it would take to qualify (or to reach the target).
    pub next_step: Option<String>,
    /// The total investment in 万元.
    pub investment: Option<rust_decimal::Decimal>,
    /// The industrial land the project asks for, in mu.
    pub land_mu: Option<rust_decimal::Decimal>,
    /// The industry division (`C38 电气机械和器材制造业`).
    pub industry: Option<String>,
    /// The day each stage was reached.
    pub reached: std::collections::BTreeMap<Stage, Date>,
}

/// The ledger of a folder of checklists on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ledger {
    pub lang: Lang,
    pub today: Date,
    pub rows: Vec<ProjectRow>,
}

impl Ledger {
    /// Builds the ledger: the checklists with their file names, scored against the zones each
    /// heads to.
    pub fn build<'c, P: AsRef<ZoneProfile>>(
        catalog: &Catalog,
        checklists: impl IntoIterator<Item = (&'c str, &'c Checklist)>,
        profiles: &[P],
        today: Date,
        lang: Lang,
    ) -> Ledger {
        let rows = checklists
            .into_iter()
            .map(|(file, checklist)| row(catalog, file, checklist, profiles, today, lang))
            .collect();
        Ledger { lang, today, rows }
    }

    /// How many projects are in each stage (every stage, in pipeline order), and how many
    /// record none.
    pub fn counts(&self) -> (Vec<(Stage, usize)>, usize) {
        let per = Stage::ALL
            .into_iter()
            .map(|s| (s, self.rows.iter().filter(|r| r.stage == Some(s)).count()))
            .collect();
        (per, self.rows.iter().filter(|r| r.stage.is_none()).count())
    }

    /// The counts by stage as one line, `线索 1，在谈 1，…`, with the projects that record no
    /// stage last when there are any.
    pub fn counts_line(&self, separator: &str) -> String {
        let (counts, none) = self.counts();
        let mut parts: Vec<String> = counts
            .iter()
            .map(|(s, n)| format!("{} {n}", s.label(self.lang)))
            .collect();
        if none > 0 {
            parts.push(format!("{} {none}", stage_text(None, self.lang)));
        }
        parts.join(separator)
    }

    /// The signed projects past their start deadline or within the warning period of it, most
    /// urgent first.
    pub fn warnings(&self) -> Vec<&ProjectRow> {
        let mut out: Vec<&ProjectRow> = self
            .rows
            .iter()
            .filter(|r| matches!(r.deadline, Deadline::Overdue(_) | Deadline::DueSoon(_)))
            .collect();
        out.sort_by_key(|r| match r.deadline {
            Deadline::Overdue(d) => -i64::from(d),
            Deadline::DueSoon(d) => i64::from(d),
            _ => i64::MAX,
        });
        out
    }
}

fn row<P: AsRef<ZoneProfile>>(
    catalog: &Catalog,
    file: &str,
    checklist: &Checklist,
    profiles: &[P],
    today: Date,
    lang: Lang,
) -> ProjectRow {
    let p = &checklist.pipeline;
    let zone = p
        .zone
        .as_deref()
        .and_then(|id| profiles.iter().position(|z| z.as_ref().id == id))
        .and_then(|i| Some((ZoneIdx::new(i), profiles.get(i)?.as_ref())));
    let scored = zone.map(|(idx, profile)| {
        let scorer = Scorer::new(catalog, checklist, today);
        let result = scorer.score_zone(idx, profile);
        let plan = what_it_takes(&scorer, profile, &result, DEFAULT_TARGET);
        let next = plan.changes().next().map(|c| change_text(catalog, c, lang));
        (result.score, result.qualified, next)
    });
    ProjectRow {
        file: file.to_owned(),
        project: checklist.project.clone(),
        investor: checklist.investor.clone(),
        stage: p.stage,
        days_in_stage: p.days_in_stage(today),
        officer: p.officer.clone(),
        zone: p.zone.clone(),
        zone_name: zone.map(|(_, z)| z.name.get(lang).to_owned()),
        score: scored.as_ref().map(|s| s.0.clone()),
        qualified: scored.as_ref().map(|s| s.1),
        start_deadline: p.start_deadline,
        deadline: p.deadline(today),
        next_step: scored.and_then(|s| s.2),
        investment: checklist.total_investment,
        land_mu: catalog
            .find_factor("land.industrial_area")
            .and_then(|f| checklist.required_value(catalog, f))
            .and_then(|v| match v {
                crate::model::Value::Amount(q) => Some(q.canonical()),
                _ => None,
            }),
        industry: checklist.industry.map(|i| catalog.industries().label(i, lang)),
        reached: p.reached.clone(),
    }
}

/// `逾期 12 天` / `还有 20 天` / `—`: a deadline as a cell.
pub fn deadline_text(d: Deadline, lang: Lang) -> String {
    let t = TEXTS.get(lang);
    match d {
        Deadline::None => "—".into(),
        Deadline::OnTrack(n) => (t.on_track)(n),
        Deadline::DueSoon(0) => t.due_today.into(),
        Deadline::DueSoon(1) => t.due_in_one_day.into(),
        Deadline::DueSoon(n) => (t.due_soon)(n),
        Deadline::Overdue(1) => t.overdue_one_day.into(),
        Deadline::Overdue(n) => (t.overdue)(n),
    }
}

/// The stable code of a deadline's state in the JSON output.
fn deadline_code(d: Deadline) -> (&'static str, Option<i32>) {
    match d {
        Deadline::None => ("none", None),
        Deadline::OnTrack(n) => ("on_track", Some(n)),
        Deadline::DueSoon(n) => ("due_soon", Some(n)),
        Deadline::Overdue(n) => ("overdue", Some(n)),
    }
}

/// A project's stage as a cell: its name, or that it records none.
pub fn stage_text(stage: Option<Stage>, lang: Lang) -> &'static str {
    stage.map_or(TEXTS.get(lang).stage_none, |s| s.label(lang))
}

/// Whether the project qualifies in its zone, as a cell; empty with no zone to score in.
fn qualified_cell(qualified: Option<bool>, t: &Texts) -> String {
    match qualified {
        Some(true) => t.ledger_yes.to_owned(),
        Some(false) => t.ledger_no.to_owned(),
        None => String::new(),
    }
}

/// The ledger as a text table, the counts by stage and the warnings.
pub fn table(ledger: &Ledger) -> String {
    let lang = ledger.lang;
    let t = TEXTS.get(lang);
    let mut rows = vec![
        [
            t.ledger_project,
            t.ledger_stage,
            t.ledger_days,
            t.ledger_officer,
            t.ledger_zone,
            t.ledger_score,
            t.ledger_qualified,
            t.ledger_start_by,
            t.ledger_deadline,
            t.ledger_next_step,
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for r in &ledger.rows {
        rows.push(vec![
            r.project.clone(),
            stage_text(r.stage, lang).to_owned(),
            r.days_in_stage.map_or_else(String::new, |d| d.to_string()),
            r.officer.clone(),
            match (&r.zone_name, &r.zone) {
                (Some(name), _) => name.clone(),
                (None, Some(id)) => format!("{id}{}", t.zone_missing),
                (None, None) => t.zone_not_chosen.to_owned(),
            },
            r.score.as_ref().map_or_else(String::new, |s| s.fixed(1)),
            qualified_cell(r.qualified, t),
            r.start_deadline.map_or_else(String::new, |d| d.to_string()),
            deadline_text(r.deadline, lang),
            r.next_step.clone().unwrap_or_default(),
        ]);
    }
    let mut out = super::table::grid(
        &rows,
        &[false, false, true, false, false, true, false, false, false, false],
    );
    let _ = writeln!(out, "{}{}", t.by_stage, ledger.counts_line(t.counts_separator));
    let warnings = ledger.warnings();
    if warnings.is_empty() {
        let _ = writeln!(out, "{}", (t.no_warnings)(DEADLINE_WARNING_DAYS));
    } else {
        let _ = writeln!(out, "\n{}", (t.warnings_heading)(DEADLINE_WARNING_DAYS));
        for r in warnings {
            let mark = match r.deadline {
                Deadline::Overdue(_) => "✘",
                _ => "△",
            };
            let (stage, by) = (
                stage_text(r.stage, lang),
                r.start_deadline.map_or_else(String::new, |d| d.to_string()),
            );
            let status = deadline_text(r.deadline, lang);
            let _ = writeln!(out, "{}", (t.warning)(mark, &r.project, stage, &by, &status));
        }
    }
    out
}

/// The ledger as a workbook (项目台账), one row per project in the order such ledgers use:
/// the project, its investor, industry, investment and land, the officer and zone, the stage
/// and the day each stage was reached, the start deadline and how it stands, the score there
/// and the next step. A4 landscape, all columns on one page width, the header on every page.
pub fn workbook(ledger: &Ledger) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, FormatAlign, Workbook};
    let lang = ledger.lang;
    let t = TEXTS.get(lang);
    let mut titles: Vec<&str> = vec![
        t.book_no,
        t.book_project,
        t.book_investor,
        t.book_industry,
        t.book_investment,
        t.book_land,
        t.ledger_officer,
        t.ledger_zone,
        t.book_stage,
    ];
    titles.extend(
        Stage::ALL
            .iter()
            .filter(|s| **s != Stage::Shelved)
            .map(|s| s.label(lang)),
    );
    titles.extend([
        t.book_start_deadline,
        t.book_deadline,
        t.ledger_score,
        t.ledger_qualified,
        t.ledger_next_step,
    ]);
    let widths: Vec<f64> = [5.0, 24.0, 18.0, 18.0, 13.0, 9.0, 8.0, 18.0, 7.0]
        .into_iter()
        .chain(std::iter::repeat_n(10.5, Stage::ALL.len() - 1))
        .chain([11.0, 10.0, 6.0, 7.0, 30.0])
        .collect();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(t.book_sheet)?;
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let score = Format::new().set_num_format("0.0").set_align(FormatAlign::Top);
    let red = Format::new()
        .set_font_color("#C02828")
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let amber = Format::new()
        .set_font_color("#B06A00")
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    super::xlsx::header(sheet, &titles, &widths)?;
    for (i, r) in ledger.rows.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let mut texts: Vec<String> = vec![
            String::new(),
            r.project.clone(),
            r.investor.clone(),
            r.industry.clone().unwrap_or_default(),
            String::new(),
            String::new(),
            r.officer.clone(),
            r.zone_name.clone().or_else(|| r.zone.clone()).unwrap_or_default(),
            stage_text(r.stage, lang).to_owned(),
        ];
        texts.extend(
            Stage::ALL
                .iter()
                .filter(|s| **s != Stage::Shelved)
                .map(|s| r.reached.get(s).map_or_else(String::new, ToString::to_string)),
        );
        texts.extend([
            r.start_deadline.map_or_else(String::new, |d| d.to_string()),
            deadline_text(r.deadline, lang),
            String::new(),
            qualified_cell(r.qualified, t),
            r.next_step.clone().unwrap_or_default(),
        ]);
        let deadline_col = texts.len() - 4;
        for (col, text) in texts.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            let c = u16::try_from(col).unwrap_or(u16::MAX);
            let format = match (col == deadline_col, r.deadline) {
                (true, Deadline::Overdue(_)) => &red,
                (true, Deadline::DueSoon(_)) => &amber,
                _ => &wrap,
            };
            // A string cell: a text that begins like a formula stays text.
            sheet.write_string_with_format(row, c, text, format)?;
        }
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &wrap)?;
        for (col, amount) in [(4u16, r.investment), (5, r.land_mu)] {
            if let Some(a) = amount {
                sheet.write_number_with_format(row, col, crate::model::number::to_f64(a), &wrap)?;
            }
        }
        if let Some(s) = &r.score {
            let col = u16::try_from(texts.len() - 3).unwrap_or(u16::MAX);
            sheet.write_number_with_format(row, col, s.fixed(1).parse().unwrap_or(0.0), &score)?;
        }
        sheet.set_row_height(
            row,
            super::xlsx::fitted_height(texts.iter().map(String::as_str).zip(widths.iter().copied())),
        )?;
    }
    stages_sheet(&mut book, ledger)?;
    book.save_to_buffer()
}

/// The projects by stage (线索 … 投产, then 搁置 and those with no stage recorded) as a table
/// and a native Excel column chart of it, which Excel, WPS and LibreOffice draw: the monthly
/// ledger carries its picture. Each bar shows its count, so the chart reads in black and white.
fn stages_sheet(
    book: &mut rust_xlsxwriter::Workbook,
    ledger: &Ledger,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Chart, ChartDataLabel, ChartType, Format};
    let lang = ledger.lang;
    let t = TEXTS.get(lang);
    let (counts, none) = ledger.counts();
    let sheet = book.add_worksheet();
    sheet.set_name(t.book_stages_sheet)?;
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, t.book_stage, &bold)?;
    sheet.write_string_with_format(0, 1, t.book_count, &bold)?;
    sheet.set_column_width(0, 14)?;
    let mut rows: Vec<(String, usize)> = counts
        .iter()
        .map(|(s, n)| (s.label(lang).to_owned(), *n))
        .collect();
    rows.push((stage_text(None, lang).to_owned(), none));
    for (i, (label, n)) in rows.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        sheet.write_string(row, 0, label)?;
        sheet.write_number(row, 1, *n as f64)?;
    }
    let last = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_name(t.book_count)
        .set_categories((t.book_stages_sheet, 1, 0, last, 0))
        .set_values((t.book_stages_sheet, 1, 1, last, 1))
        .set_data_label(ChartDataLabel::new().show_value());
    chart.title().set_name(t.book_chart);
    chart.legend().set_hidden();
    // Whole projects on the axis.
    chart.y_axis().set_num_format("0");
    sheet.insert_chart(1, 3, &chart)?;
    // The table and its chart on one landscape page.
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 1);
    Ok(())
}

/// The ledger as JSON: the day, every project, the counts by stage and the warnings.
pub fn json(ledger: &Ledger) -> Value {
    let lang = ledger.lang;
    let (counts, none) = ledger.counts();
    let mut by_stage = serde_json::Map::new();
    for (s, n) in counts {
        by_stage.insert(s.code().to_owned(), json!(n));
    }
    by_stage.insert("not_recorded".to_owned(), json!(none));
    json!({
        "date": ledger.today.to_string(),
        "projects": ledger.rows.iter().map(|r| {
            let (status, days) = deadline_code(r.deadline);
            json!({
                "file": r.file,
                "project": r.project,
                "investor": r.investor,
                "stage": r.stage.map(Stage::code),
                "stage_name": stage_text(r.stage, lang),
                "days_in_stage": r.days_in_stage,
                "officer": r.officer,
                "zone": r.zone,
                "zone_name": r.zone_name,
                "score": r.score.as_ref().and_then(|s| s.fixed(1).parse::<f64>().ok()),
                "qualified": r.qualified,
                "start_deadline": r.start_deadline.map(|d| d.to_string()),
                "deadline": { "status": status, "days": days, "text": deadline_text(r.deadline, lang) },
                "next_step": r.next_step,
            })
        }).collect::<Vec<_>>(),
        "by_stage": by_stage,
        "warnings": ledger.warnings().iter().map(|r| r.file.clone()).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_checklist;

    fn date(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).expect("date")
    }

    /// The fixture folder of pending projects, read as files are.
    fn fixture(c: &Catalog) -> Vec<(String, Checklist)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pipeline");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("fixture folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|p| {
                let text = std::fs::read_to_string(&p).expect("read");
                let name = p.file_name().expect("name").to_string_lossy().into_owned();
                (name, parse_checklist(&text, c).expect("a fixture parses"))
            })
            .collect()
    }

    fn samples(c: &Catalog) -> Vec<ZoneProfile> {
        crate::assets::sample_profiles()
            .map(|(id, text)| crate::model::parse_profile(text, id, c).expect("a sample parses"))
            .collect()
    }

    /// Worked by hand on 2026-11-29: five projects. 光伏 signed 2026-09-01 (89 days), start by
    /// 2026-12-20 (21 days: due soon); 钢材 land supplied, start by 2026-10-31 (29 days
    /// overdue); 金刚石 negotiating; 铝材 a lead with no zone; 食品 started (its deadline passed
    /// but it has started: no warning).
    #[test]
    fn counts_and_warnings_of_the_fixture_pipeline() {
        let c = Catalog::builtin().expect("catalog");
        let lists = fixture(&c);
        let named = || lists.iter().map(|(file, list)| (file.as_str(), list));
        let ledger = Ledger::build(&c, named(), &samples(&c), date(2026, 11, 29), Lang::Zh);
        assert_eq!(ledger.rows.len(), 5);
        let (counts, none) = ledger.counts();
        let n = |s: Stage| counts.iter().find(|(x, _)| *x == s).map_or(0, |(_, n)| *n);
        assert_eq!(
            [
                n(Stage::Lead),
                n(Stage::Negotiating),
                n(Stage::Signed),
                n(Stage::LandSupplied),
                n(Stage::Started),
                n(Stage::Producing),
                n(Stage::Shelved),
                none
            ],
            [1, 1, 1, 1, 1, 0, 0, 0]
        );
        let warned: Vec<(&str, Deadline)> = ledger
            .warnings()
            .iter()
            .map(|r| (r.file.as_str(), r.deadline))
            .collect();
        assert_eq!(
            warned,
            [
                ("steel.ron", Deadline::Overdue(29)),
                ("pv.ron", Deadline::DueSoon(21))
            ]
        );
        let pv = ledger.rows.iter().find(|r| r.file == "pv.ron").expect("pv");
        assert_eq!(pv.days_in_stage, Some(89));
        assert_eq!(pv.zone_name.as_deref(), Some("侯马经济开发区"));
        assert_eq!(pv.score.as_ref().map(|s| s.fixed(1)).as_deref(), Some("100.0"));
        assert_eq!(pv.qualified, Some(true));
        // 襄汾's standard land was planned for 2024-06-30: overdue, to deliver.
        let diamond = ledger
            .rows
            .iter()
            .find(|r| r.file == "diamond.ron")
            .expect("diamond");
        assert_eq!(
            diamond.next_step.as_deref(),
            Some("标准地(净地)出让：计划 2024-06-30 已逾期，需落实")
        );
        let lead = ledger
            .rows
            .iter()
            .find(|r| r.file == "aluminium.ron")
            .expect("lead");
        assert_eq!((lead.zone_name.as_ref(), lead.score.as_ref()), (None, None));

        let text = table(&ledger);
        assert!(
            text.contains("各阶段项目数：线索 1，在谈 1，签约 1，供地 1，开工 1，投产 0，搁置 0"),
            "{text}"
        );
        assert!(
            text.contains("逾期 29 天") && text.contains("仅剩 21 天"),
            "{text}"
        );
        let en = table(&Ledger::build(
            &c,
            named(),
            &samples(&c),
            date(2026, 11, 29),
            Lang::En,
        ));
        assert!(en.contains("29 days overdue") && !en.contains('，'), "{en}");
        assert!(
            en.contains("铝型材深加工（线索）"),
            "data keeps its own punctuation: {en}"
        );
        let book = workbook(&ledger).expect("workbook");
        // The sheet by stage, and its native chart over that sheet's cells.
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book.clone())).expect("zip");
        let mut chart = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/charts/chart1.xml").expect("a chart part"),
            &mut chart,
        )
        .expect("read");
        assert!(
            chart.contains("<c:barChart>") && chart.contains("<c:barDir val=\"col\"/>"),
            "{chart}"
        );
        assert!(chart.contains("按阶段统计!$A$2:$A$9"), "the stages: {chart}");
        assert!(chart.contains("按阶段统计!$B$2:$B$9"), "the counts: {chart}");
        assert!(
            chart.contains("<c:showVal val=\"1\"/>"),
            "each bar shows its count"
        );
        let mut xlsx: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(book)).expect("opens");
        let range = calamine::Reader::worksheet_range(&mut xlsx, "项目台账").expect("sheet");
        let cell = |r: u32, c: u32| {
            range
                .get_value((r, c))
                .map(ToString::to_string)
                .unwrap_or_default()
        };
        let headers: Vec<String> = (0..20).map(|c| cell(0, c)).collect();
        assert_eq!(headers[1], "项目名称");
        assert_eq!(headers[9..15], ["线索", "在谈", "签约", "供地", "开工", "投产"]);
        assert_eq!(
            headers[15..20],
            ["约定开工时间", "开工期限", "得分", "资格", "下一步需做到"]
        );
        let pv = (1..=5)
            .find(|r| cell(*r, 1) == "自动化光伏新能源基地")
            .expect("the PV row");
        assert_eq!(cell(pv, 5), "515", "the land asked for, in mu");
        assert_eq!(cell(pv, 11), "2026-09-01", "signed");
        assert_eq!(cell(pv, 16), "仅剩 21 天");
        assert_eq!(range.get_value((pv, 17)), Some(&calamine::Data::Float(100.0)));
        let v = json(&ledger);
        assert_eq!(v["by_stage"]["signed"], 1);
        assert_eq!(v["warnings"], json!(["steel.ron", "pv.ron"]));
    }
}
