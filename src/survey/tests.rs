//! The survey written and read back: layout, round trips, every reader error, and hostile
//! workbooks (zip bombs, far-corner cells, fuzz finds).

#![allow(clippy::expect_used, clippy::unwrap_used)]
use std::io::Cursor;

use rust_decimal::Decimal;

use super::layout::{
    C_ID, C_IMPORTANCE, C_NOTE, C_REQUIRED, C_UNIT, INDUSTRY, INTENSITY, INVESTMENT, INVESTOR, NEEDED,
    PROJECT, TABLE,
};
use super::*;
use crate::model::parse::{MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::model::{
    Catalog, Checklist, Importance, Kind, Lang, Localize, Value, ValueError, parse_checklist,
};

fn catalog() -> Catalog {
    Catalog::builtin().expect("catalog")
}

fn sample(c: &Catalog, name: &str) -> Checklist {
    let text = std::fs::read_to_string(format!(
        "{}/assets/checklists/{name}.ron",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("file");
    parse_checklist(&text, c).expect("checklist")
}

#[test]
fn cell_names_are_excel_names() {
    assert_eq!(cell_name(0, 0), "A1");
    assert_eq!(cell_name(13, 4), "E14");
    assert_eq!(cell_name(0, 26), "AA1");
}

#[test]
fn every_sample_checklist_survives_write_then_read() {
    let c = catalog();
    for name in ["pv_base", "diamond", "znalmg_steel"] {
        let list = sample(&c, name);
        let back = read(&c, &write(&c, Some(&list)).expect("write")).expect("read");
        assert_eq!(back, list, "{name}");
    }
}

#[test]
fn a_blank_survey_reads_as_the_template_with_nothing_stated() {
    let c = catalog();
    let back = read(&c, &write(&c, None).expect("write")).expect("read");
    assert_eq!(back, Checklist::template(&c));
}

/// Fills cells as an investor would, programmatically, and reads the survey back.
#[test]
fn filled_cells_become_the_checklist() {
    let c = catalog();
    let mut cells = cells(&c, None);
    let mut set = |row: u32, col: u16, v: CellValue| {
        let cell = cells
            .iter_mut()
            .find(|x| x.row == row && x.col == col)
            .expect("cell");
        assert!(cell.input, "{} is an input cell", cell_name(row, col));
        cell.value = v;
    };
    let row_of = |id: &str| TABLE + 1 + c.find_factor(id).expect("factor").index() as u32;
    set(INVESTOR, 1, CellValue::Text("某光伏企业".into()));
    set(PROJECT, 1, CellValue::Text("光伏组件基地".into()));
    set(INDUSTRY, 1, CellValue::Text("C38 电气机械和器材制造业".into()));
    set(INVESTMENT, 1, CellValue::Number(400000.0));
    set(
        row_of("land.industrial_area"),
        C_REQUIRED,
        CellValue::Number(34.3),
    );
    set(
        row_of("land.industrial_area"),
        C_UNIT,
        CellValue::Text("公顷".into()),
    );
    set(
        row_of("land.industrial_area"),
        C_IMPORTANCE,
        CellValue::Text("必须".into()),
    );
    set(
        row_of("power.dual_supply"),
        C_REQUIRED,
        CellValue::Text(NEEDED.into()),
    );
    set(
        row_of("power.voltage"),
        C_REQUIRED,
        CellValue::Text("110千伏".into()),
    );
    set(
        row_of("policy.regional_assessments"),
        C_REQUIRED,
        CellValue::Text("environment, 节能评价".into()),
    );
    set(
        row_of("transport.port_km"),
        C_IMPORTANCE,
        CellValue::Text("不需要".into()),
    );
    let bytes = workbook(&c, &cells).expect("write");
    let list = read(&c, &bytes).expect("read");
    assert_eq!(list.investor, "某光伏企业");
    assert_eq!(list.industry, c.industries().find("C38"));
    assert_eq!(list.total_investment, Some(Decimal::from(400000)));
    let land = list.item(c.find_factor("land.industrial_area").unwrap()).unwrap();
    assert_eq!(land.importance, Importance::Must);
    let Some(Value::Amount(q)) = &land.required else {
        panic!("amount")
    };
    assert_eq!(q.canonical(), Decimal::new(5145, 1), "34.3 ha = 514.5 mu exactly");
    // Marked not needed with nothing stated: not listed, so not scored.
    assert_eq!(list.item(c.find_factor("transport.port_km").unwrap()), None);
    let water = list.item(c.find_factor("water.supply").unwrap()).unwrap();
    assert_eq!((water.importance, &water.required), (Importance::Must, &None));
    let assessments = list
        .item(c.find_factor("policy.regional_assessments").unwrap())
        .unwrap();
    assert!(matches!(&assessments.required, Some(Value::Set(m)) if m.len() == 2));
}

#[test]
fn bad_cells_give_one_error_each_by_cell() {
    let c = catalog();
    let mut cells = cells(&c, None);
    let mut set = |row: u32, col: u16, v: CellValue| {
        cells
            .iter_mut()
            .find(|x| x.row == row && x.col == col)
            .expect("cell")
            .value = v;
    };
    let row_of = |id: &str| TABLE + 1 + c.find_factor(id).expect("factor").index() as u32;
    set(INDUSTRY, 1, CellValue::Text("Z99 nothing".into()));
    set(INVESTMENT, 1, CellValue::Text("四十亿".into()));
    set(
        row_of("land.industrial_area"),
        C_REQUIRED,
        CellValue::Text("lots".into()),
    );
    set(row_of("power.capacity"), C_UNIT, CellValue::Text("亩".into()));
    set(row_of("power.capacity"), C_REQUIRED, CellValue::Number(50.0));
    set(
        row_of("land.servicing_level"),
        C_REQUIRED,
        CellValue::Text("十通一平".into()),
    );
    set(row_of("water.supply"), C_IMPORTANCE, CellValue::Empty);
    set(
        row_of("policy.regional_assessments"),
        C_REQUIRED,
        CellValue::Text("environment, moon".into()),
    );
    let err = read(&c, &workbook(&c, &cells).expect("write")).expect_err("bad cells");
    let SurveyError::Cells(errors) = err else {
        panic!("cell errors")
    };
    let named: Vec<String> = errors.iter().map(|e| e.cell.clone()).collect();
    let expect = [
        cell_name(INDUSTRY, 1),
        cell_name(INVESTMENT, 1),
        cell_name(row_of("land.industrial_area"), C_REQUIRED),
        cell_name(row_of("land.servicing_level"), C_REQUIRED),
        cell_name(row_of("power.capacity"), C_REQUIRED),
        cell_name(row_of("water.supply"), C_IMPORTANCE),
        cell_name(row_of("policy.regional_assessments"), C_REQUIRED),
    ];
    assert_eq!(named, expect);
    assert!(
        errors[0].to_string().starts_with("要素调查表!B6: "),
        "{}",
        errors[0]
    );
    assert!(errors.iter().any(|e| e.to_string().contains("moon")));
}

#[test]
fn a_planned_intensity_past_any_zone_is_refused_not_dropped() {
    let c = catalog();
    let mut cells = cells(&c, None);
    cells
        .iter_mut()
        .find(|x| x.row == INTENSITY && x.col == 1)
        .expect("cell")
        .value = CellValue::Number(5_000_000.0);
    let err = read(&c, &workbook(&c, &cells).expect("write")).expect_err("refused");
    let SurveyError::Cells(errors) = err else {
        panic!("cell errors: {err:?}")
    };
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].cell, cell_name(INTENSITY, 1));
    assert!(matches!(
        errors[0].problem,
        CellProblem::Value(ValueError::Implausible { .. })
    ));
}

#[test]
fn every_survey_problem_reads_in_chinese_and_in_english() {
    use crate::model::error::testing::assert_renders;
    let c = catalog();
    let vocab = c.vocabulary(
        match c
            .factor(c.find_factor("policy.regional_assessments").unwrap())
            .kind
        {
            Kind::Set(v) => v,
            _ => c.industry_vocabulary(),
        },
    );
    let problems = [
        CellProblem::UnknownIndustry {
            given: "Z99 nothing".into(),
        },
        CellProblem::UnknownFactor {
            given: "land.rent".into(),
        },
        CellProblem::DuplicateFactor {
            factor: c.factor(c.find_factor("water.supply").unwrap()).named(),
        },
        CellProblem::NoImportance,
        CellProblem::UnknownImportance {
            given: "critical".into(),
        },
        CellProblem::NotAYesNo {
            given: "maybe".into(),
        },
        CellProblem::NotMembers {
            vocabulary: vocab.named(),
            given: vec!["moon".into()],
        },
        CellProblem::Value(ValueError::Negative("-5".into())),
        CellProblem::IsADate,
        CellProblem::FormulaWithoutResult,
        CellProblem::FormulaError {
            shows: "#DIV/0!".into(),
        },
        CellProblem::TooLong {
            limit: MAX_NAME_CHARS,
            chars: 201,
        },
    ];
    for p in &problems {
        let name = match p {
            CellProblem::UnknownIndustry { .. } => "UnknownIndustry",
            CellProblem::UnknownFactor { .. } => "UnknownFactor",
            CellProblem::DuplicateFactor { .. } => "DuplicateFactor",
            CellProblem::NoImportance => "NoImportance",
            CellProblem::UnknownImportance { .. } => "UnknownImportance",
            CellProblem::NotAYesNo { .. } => "NotAYesNo",
            CellProblem::NotMembers { .. } => "NotMembers",
            CellProblem::Value(_) => "Value",
            CellProblem::IsADate => "IsADate",
            CellProblem::FormulaWithoutResult => "FormulaWithoutResult",
            CellProblem::FormulaError { .. } => "FormulaError",
            CellProblem::TooLong { .. } => "TooLong",
        };
        assert_renders(name, p, &c);
    }
    let cells = SurveyError::Cells(
        problems
            .into_iter()
            .map(|problem| CellError {
                cell: "E14".into(),
                problem,
            })
            .collect(),
    );
    for e in [
        SurveyError::NotAWorkbook {
            detail: "invalid Zip archive".into(),
        },
        SurveyError::NoSurveySheet,
        SurveyError::OldExcel,
        SurveyError::Text,
        SurveyError::Damaged {
            detail: "invalid Zip archive".into(),
        },
        SurveyError::Unpacks {
            part: "xl/sharedStrings.xml".into(),
            limit: MAX_PART_BYTES,
        },
        SurveyError::TooManyRows {
            limit: MAX_TABLE_ROWS,
        },
        cells,
    ] {
        let name = match &e {
            SurveyError::NotAWorkbook { .. } => "NotAWorkbook",
            SurveyError::NoSurveySheet => "NoSurveySheet",
            SurveyError::OldExcel => "OldExcel",
            SurveyError::Text => "Text",
            SurveyError::Damaged { .. } => "Damaged",
            SurveyError::Unpacks { .. } => "Unpacks",
            SurveyError::TooManyRows { .. } => "TooManyRows",
            SurveyError::Cells(_) => "Cells",
        };
        assert_renders(name, &e, &c);
    }
}

#[test]
fn a_file_that_is_not_a_workbook_is_named_as_what_it_is() {
    let c = catalog();
    let err = read(&c, "企业名称,用地\n某公司,100\n".as_bytes()).expect_err("refused");
    assert_eq!(err, SurveyError::Text, "a CSV saved as .xlsx");
    let mut xls = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    xls.extend([0u8; 504]);
    assert_eq!(read(&c, &xls).expect_err("refused"), SurveyError::OldExcel);
    let err = read(&c, &[0x00, 0x01, 0x02, 0xff]).expect_err("refused");
    assert!(matches!(err, SurveyError::NotAWorkbook { .. }), "{err:?}");
}

#[test]
fn a_damaged_workbook_is_called_damaged_not_a_workbook_without_the_sheet() {
    let c = catalog();
    let book = write(&c, None).expect("write");
    let err = read(&c, &book[..book.len() / 2]).expect_err("refused");
    assert!(matches!(err, SurveyError::Damaged { .. }), "{err:?}");
    assert!(err.text(Lang::Zh).contains("损坏"), "{}", err.text(Lang::Zh));
}

/// The workbook with one part's text changed, zipped again as Excel would.
fn patched(book: &[u8], part: &str, change: impl Fn(String) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(Cursor::new(book)).expect("zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let name = entry.name().expect("name").into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read");
        if name == part {
            bytes = change(String::from_utf8(bytes).expect("xml")).into_bytes();
        }
        out.start_file(name, options).expect("start");
        out.write_all(&bytes).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

const SURVEY_XML: &str = "xl/worksheets/sheet1.xml";

#[test]
fn a_sheet_that_inflates_past_the_bound_is_refused_before_it_is_held() {
    let c = catalog();
    let book = write(&c, None).expect("write");
    // 40 MiB of blanks compress to a few tens of KiB: the archive is small, its sheet is not.
    let bomb = patched(&book, SURVEY_XML, |xml| {
        xml.replacen("<sheetData>", &format!("<sheetData>{}", " ".repeat(40 << 20)), 1)
    });
    assert!(
        bomb.len() < 1 << 20,
        "the crafted workbook is small: {} bytes",
        bomb.len()
    );
    let err = read(&c, &bomb).expect_err("refused");
    assert_eq!(
        err,
        SurveyError::Unpacks {
            part: SURVEY_XML.into(),
            limit: MAX_PART_BYTES
        }
    );
}

#[test]
fn a_cell_at_the_far_corner_is_read_without_allocating_the_sheet() {
    let c = catalog();
    let with = |row: u32, col: u16| {
        let mut cells = cells(&c, None);
        cells.push(Cell {
            row,
            col,
            value: CellValue::Text("x".into()),
            input: true,
            choices: None,
        });
        read(&c, &workbook(&c, &cells).expect("write"))
    };
    // The sheet's last cell (XFD1048576) is outside the survey: the rest reads as written,
    // and the sheet is never made into its rectangle of 17 billion cells.
    assert_eq!(with(1_048_575, 16_383), Ok(Checklist::template(&c)));
    assert_eq!(with(INVESTOR, 16_383), Ok(Checklist::template(&c)));
    // In the table's columns far below the table, it is refused, naming the bound.
    assert_eq!(
        with(1_048_575, C_ID),
        Err(SurveyError::TooManyRows {
            limit: MAX_TABLE_ROWS
        })
    );
}

#[test]
fn a_date_in_an_amount_cell_is_an_error_not_a_day_count() {
    let c = catalog();
    let book = write(&c, None).expect("write");
    // B8 (planned intensity) typed as 2024-05-15 in a date-formatted cell: Excel stores
    // 45427 with a date style.
    let dated = patched(&book, SURVEY_XML, |xml| {
        let at = xml.find("<c r=\"B8\"").expect("B8");
        let end = at + xml[at..].find('>').expect("end") + 1;
        let old = &xml[at..end];
        let new = match old.strip_suffix("/>") {
            Some(open) => format!("{open}><v>45427</v></c>"),
            None => format!("{old}<v>45427</v>"),
        };
        xml.replacen(old, &new, 1)
    });
    // Without a date style the day count is a number: read as such.
    let as_number = read(&c, &dated).expect("a plain number");
    assert_eq!(as_number.planned_intensity, Some(Decimal::from(45427)));
    let with_date_style = patched(&dated, "xl/styles.xml", date_style_on_every_format);
    let err = read(&c, &with_date_style).expect_err("a date is refused");
    let SurveyError::Cells(errors) = err else {
        panic!("cell errors: {err:?}")
    };
    assert!(
        errors
            .iter()
            .any(|e| e.cell == "B8" && e.problem == CellProblem::IsADate),
        "{errors:?}"
    );
}

/// The planned start goes out as text and comes back as the day, typed as text or into a
/// date-formatted cell; a plain number there is not taken for a day count.
#[test]
fn the_planned_start_is_read_as_a_day_typed_either_way() {
    let c = catalog();
    let mut list = sample(&c, "pv_base");
    let start = jiff::civil::Date::new(2027, 3, 1).expect("date");
    list.pipeline.planned_start = Some(start);
    let book = write(&c, Some(&list)).expect("write");
    assert_eq!(read(&c, &book).expect("read").pipeline.planned_start, Some(start));

    // B10 typed as 2027-03-01 into a date cell: Excel stores 46447 with a date style.
    let blank = write(&c, None).expect("write");
    let dated = patched(&blank, SURVEY_XML, |xml| {
        let at = xml.find("<c r=\"B10\"").expect("B10");
        let end = at + xml[at..].find('>').expect("end") + 1;
        let old = &xml[at..end];
        let new = match old.strip_suffix("/>") {
            Some(open) => format!("{open}><v>46447</v></c>"),
            None => format!("{old}<v>46447</v>"),
        };
        xml.replacen(old, &new, 1)
    });
    let err = read(&c, &dated).expect_err("a bare number is not a day");
    let SurveyError::Cells(errors) = err else {
        panic!("cell errors: {err:?}")
    };
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].cell, "B10");
    assert_eq!(
        errors[0].problem.text(Lang::Zh),
        "“46447”不是日期，请写成 2023-12-31 的格式"
    );
    let with_date_style = patched(&dated, "xl/styles.xml", date_style_on_every_format);
    let back = read(&c, &with_date_style).expect("a day");
    assert_eq!(back.pipeline.planned_start, Some(start));
}

/// Every cell format given the built-in date format 14 (`m/d/yyyy`).
fn date_style_on_every_format(xml: String) -> String {
    let start = xml.find("<cellXfs").expect("cellXfs");
    let end = xml.find("</cellXfs>").expect("end");
    let formats = xml[start..end].replace("numFmtId=\"0\"", "numFmtId=\"14\"");
    format!("{}{}{}", &xml[..start], formats, &xml[end..])
}

#[test]
fn a_formula_without_a_saved_result_is_named_not_dropped() {
    let c = catalog();
    let book = write(&c, None).expect("write");
    let formula = patched(&book, SURVEY_XML, |xml| {
        let at = xml.find("<c r=\"B7\"").expect("B7");
        let end = at + xml[at..].find("/>").expect("an empty cell") + 2;
        let old = xml[at..end].to_owned();
        let new = format!("{}><f>SUM(Z1:Z9)</f></c>", &old[..old.len() - 2]);
        xml.replacen(&old, &new, 1)
    });
    let err = read(&c, &formula).expect_err("refused");
    let SurveyError::Cells(errors) = err else {
        panic!("cell errors: {err:?}")
    };
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].cell, "B7");
    assert_eq!(errors[0].problem, CellProblem::FormulaWithoutResult);
}

#[test]
fn a_name_or_a_note_longer_than_a_checklist_takes_is_refused_not_imported() {
    let c = catalog();
    let note_row = TABLE + 1 + c.find_factor("water.supply").expect("factor").index() as u32;
    let with = |project: usize, note: usize| {
        let mut cells = cells(&c, None);
        let mut set = |row: u32, col: u16, text: String| {
            cells
                .iter_mut()
                .find(|x| x.row == row && x.col == col)
                .expect("cell")
                .value = CellValue::Text(text);
        };
        set(INVESTOR, 1, "投".repeat(MAX_NAME_CHARS));
        set(PROJECT, 1, "项".repeat(project));
        set(note_row, C_NOTE, "注".repeat(note));
        read(&c, &workbook(&c, &cells).expect("write"))
    };
    // One character past what a checklist file takes: an error of each cell, not a
    // checklist that cannot be saved and read back.
    let err = with(MAX_NAME_CHARS + 1, MAX_NOTE_CHARS + 1).expect_err("refused");
    let SurveyError::Cells(errors) = err else {
        panic!("cell errors: {err:?}")
    };
    assert_eq!(
        errors,
        [
            CellError {
                cell: cell_name(PROJECT, 1),
                problem: CellProblem::TooLong {
                    limit: MAX_NAME_CHARS,
                    chars: MAX_NAME_CHARS + 1
                }
            },
            CellError {
                cell: cell_name(note_row, C_NOTE),
                problem: CellProblem::TooLong {
                    limit: MAX_NOTE_CHARS,
                    chars: MAX_NOTE_CHARS + 1
                }
            },
        ]
    );
    // At the limits, read, written and read back the same.
    let list = with(MAX_NAME_CHARS, MAX_NOTE_CHARS).expect("at the limits");
    let written = crate::model::write_checklist(&list, &c).expect("write");
    assert_eq!(parse_checklist(&written, &c), Ok(list));
}

/// Workbooks the survey fuzzer made that the reader once got wrong, kept so the fixes stay
/// fixed: each is refused, or read to a checklist that writes and reads back the same.
#[test]
fn fuzz_found_workbooks_are_refused_or_read_back_the_same() {
    let c = catalog();
    let dir = format!("{}/tests/fixtures/fuzz_regressions", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("folder") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("xlsx") {
            continue;
        }
        seen += 1;
        let bytes = std::fs::read(&path).expect("read");
        if let Ok(list) = read(&c, &bytes) {
            let written = crate::model::write_checklist(&list, &c).expect("write");
            assert_eq!(
                parse_checklist(&written, &c),
                Ok(list),
                "{}: {written}",
                path.display()
            );
        }
    }
    assert!(seen > 0, "no workbooks in {dir}");
}

#[test]
fn a_shared_formula_with_a_huge_group_index_is_read_in_bounded_memory() {
    let c = catalog();
    let book = write(&c, None).expect("write");
    // B7 (total investment) as the first cell of a shared formula whose group index is the
    // largest the format allows, with its saved result.
    let shared = patched(&book, SURVEY_XML, |xml| {
        let at = xml.find("<c r=\"B7\"").expect("B7");
        let end = at + xml[at..].find("/>").expect("an empty cell") + 2;
        let old = xml[at..end].to_owned();
        let new = format!(
            "{}><f t=\"shared\" ref=\"B7:B8\" si=\"4294967295\">1+1</f><v>2</v></c>",
            &old[..old.len() - 2]
        );
        xml.replacen(&old, &new, 1)
    });
    let list = read(&c, &shared).expect("read");
    assert_eq!(list.total_investment, Some(Decimal::from(2)));
    // Without its saved result, it is named as any formula without one.
    let unsaved = patched(&shared, SURVEY_XML, |xml| {
        xml.replacen("1+1</f><v>2</v>", "1+1</f>", 1)
    });
    let err = read(&c, &unsaved).expect_err("refused");
    let SurveyError::Cells(errors) = err else {
        panic!("cell errors: {err:?}")
    };
    assert_eq!(
        errors,
        [CellError {
            cell: "B7".into(),
            problem: CellProblem::FormulaWithoutResult
        }]
    );
}

#[test]
fn a_list_of_only_separators_is_an_empty_set_error_not_a_requirement() {
    let c = catalog();
    let row = TABLE
        + 1
        + c.find_factor("policy.regional_assessments")
            .expect("factor")
            .index() as u32;
    let mut cells = cells(&c, None);
    cells
        .iter_mut()
        .find(|x| x.row == row && x.col == C_REQUIRED)
        .expect("cell")
        .value = CellValue::Text("，、 ;".into());
    let err = read(&c, &workbook(&c, &cells).expect("write")).expect_err("refused");
    let SurveyError::Cells(errors) = err else {
        panic!("cell errors: {err:?}")
    };
    assert_eq!(
        errors,
        [CellError {
            cell: cell_name(row, C_REQUIRED),
            problem: CellProblem::Value(ValueError::EmptySet)
        }]
    );
}

#[test]
fn a_thousand_bad_rows_give_a_message_of_fifty_lines_and_a_count() {
    let c = catalog();
    let mut cells = cells(&c, None);
    let first = TABLE + 1 + c.factors().len() as u32 + 2;
    for row in first..first + 200 {
        cells.push(Cell {
            row,
            col: C_ID,
            value: CellValue::Text(format!("bogus.{row}")),
            input: true,
            choices: None,
        });
    }
    let err = read(&c, &workbook(&c, &cells).expect("write")).expect_err("refused");
    let SurveyError::Cells(errors) = &err else {
        panic!("cell errors: {err:?}")
    };
    assert_eq!(errors.len(), 200);
    let text = err.text(Lang::Zh);
    assert_eq!(text.lines().count(), 1 + MAX_LISTED_ERRORS + 1, "{text}");
    assert!(text.ends_with("另有 150 个单元格有问题"), "{text}");
    assert!(text.starts_with("有 200 个单元格无法读取"), "{text}");
}

/// The longest drop-down the catalog check lets through (level names joined to exactly
/// `DROP_DOWN_MAX` characters, one with a `"` the workbook doubles) is one the workbook holds:
/// the check and the writer agree on the bound.
#[test]
fn the_longest_choices_a_catalog_may_give_fit_the_workbook() {
    use crate::model::catalog::{BUILTIN, DROP_DOWN_MAX, drop_down_length};
    // 15 names of 15 characters, one of 14 with a quote (15 as written), and 15 commas.
    let names: Vec<String> = (0..16)
        .map(|i| match i {
            0 => format!("“引”\\\"{}", "级".repeat(10)),
            _ => format!("{i:02}").repeat(7) + "级",
        })
        .collect();
    let levels: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!(r#"(id: "l{i}", zh: "{n}", en: "x")"#))
        .collect();
    let text = BUILTIN.replacen(
        "    factors: [\n",
        &format!(
            "    factors: [\n        (id: \"x.long\", category: \"land\", zh: \"长名等级\", en: \"Long levels\", kind: Level([{}]), importance: Low),\n",
            levels.join(", ")
        ),
        1,
    );
    let c = Catalog::parse(&text).expect("the longest choices load");
    let Kind::Level(l) = &c.factor(c.find_factor("x.long").expect("factor")).kind else {
        panic!("a level factor")
    };
    assert_eq!(
        drop_down_length(l.iter().map(|l| l.name.zh.as_str())),
        DROP_DOWN_MAX
    );
    let bytes = write(&c, None).expect("the survey is written");
    let back = read(&c, &bytes).expect("and read back");
    assert_eq!(back.items().count(), Checklist::template(&c).items().count());
}
