//! Structurally valid survey workbooks with arbitrary cells: the survey's own cells (labels and
//! the cells an investor fills, as SiteMatch lays them out) plus up to 64 cells anywhere on the
//! sheet (up to its last row and column) of any type and size: inline and shared strings (shared
//! indices out of range too), numbers (and number cells holding huge or NaN-like text),
//! booleans, error values, formulas with and without a saved result (shared and array formulas
//! too), numbers in date and duration formats, ISO dates, texts up to Excel's 32 767
//! characters. The reader never panics, refuses in bounded memory (run with
//! `-rss_limit_mb=512 -malloc_limit_mb=512`), and what it accepts writes to a checklist that
//! reads back the same.
//!
//! The workbook is zipped here from its XML parts (stored, or deflated one time in 16), which
//! is cheap; one input in 256 is instead laid out by SiteMatch's own survey writer, drop-downs,
//! protection and all, which takes milliseconds (tens of them with a cell far down the sheet).
//! Both are chosen by a hash of the whole input, so that an input of either kind that found new
//! code does not make its mutants more likely to be of that kind.
#![no_main]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Cursor, Write as _};
use std::sync::OnceLock;

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use sitematch::model::{Importance, Kind, Lang, parse_checklist, write_checklist};
use sitematch::survey::{Cell, CellValue, SHEET, cell_name, cells, read, workbook};
use sitematch_fuzz::catalog;

/// One input in this many goes through the survey writer.
const WRITER_EVERY: u64 = 256;
/// One workbook in this many made here is deflated (the others are stored).
const DEFLATE_EVERY: u64 = 16;
/// Cells put on the sheet at most.
const PUTS: usize = 64;
/// Excel's last row and column (0-based), and its longest text.
const LAST_ROW: u32 = 1_048_575;
const LAST_COL: u16 = 16_383;
const LONGEST: usize = 32_767;

/// Cell formats in styles.xml: 0 General, 1 a date (built-in 14), 2 a custom date, 3 a
/// duration (built-in 46), 4 two decimals (built-in 2), 5 text (built-in 49), 6 General and
/// unlocked (the survey's input cells).
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="46" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;
const STYLE_COUNT: u32 = 7;
const INPUT_STYLE: u32 = 6;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;

fn workbook_xml(date1904: bool) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr{}/><sheets><sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        if date1904 { r#" date1904="1""# } else { "" }
    )
}

/// Text as XML character data: markup escaped, and characters XML cannot hold written as
/// Excel writes them (`_x0001_`).
fn escape(out: &mut String, s: &str) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if u32::from(c) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let _ = write!(out, "_x{:04X}_", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

/// `<t>` with the text, keeping its spaces.
fn t(out: &mut String, s: &str) {
    out.push_str(r#"<t xml:space="preserve">"#);
    escape(out, s);
    out.push_str("</t>");
}

/// What every input shares: the survey's cells as XML, its shared strings, and the texts an
/// investor picks from (drop-down choices, factor ids, members), most likely to be read.
struct Base {
    /// Row-major: (row, column, `<c …>…</c>`).
    cells: Vec<(u32, u16, String)>,
    /// `<si>…</si>` of the survey's texts, and how many.
    strings: String,
    string_count: u32,
    /// The survey's cells an investor fills.
    inputs: Vec<(u32, u16)>,
    /// The last row of the survey.
    last_row: u32,
    words: Vec<String>,
}

fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        let c = catalog();
        let mut survey = cells(c, None);
        survey.sort_by_key(|x| (x.row, x.col));
        let mut strings = String::new();
        let mut string_count = 0;
        let mut out = Vec::new();
        let mut words: Vec<String> = Vec::new();
        for cell in &survey {
            let style = if cell.input { INPUT_STYLE } else { 0 };
            let r = cell_name(cell.row, cell.col);
            let xml = match &cell.value {
                CellValue::Empty => format!(r#"<c r="{r}" s="{style}"/>"#),
                CellValue::Number(n) => format!(r#"<c r="{r}" s="{style}"><v>{n}</v></c>"#),
                CellValue::Text(s) => {
                    strings.push_str("<si>");
                    t(&mut strings, s);
                    strings.push_str("</si>");
                    string_count += 1;
                    format!(r#"<c r="{r}" s="{style}" t="s"><v>{}</v></c>"#, string_count - 1)
                }
            };
            out.push((cell.row, cell.col, xml));
            if let Some(sitematch::survey::Choices::List(choices)) = &cell.choices {
                words.extend(choices.iter().cloned());
            }
        }
        for i in Importance::ALL {
            words.push(i.code().to_owned());
            words.push(i.label(Lang::En).to_owned());
        }
        for (_, f) in c.factors() {
            words.push(f.id.clone());
            match &f.kind {
                Kind::Set(v) => {
                    for m in &c.vocabulary(*v).members {
                        words.extend([m.id.clone(), m.name.zh.clone(), m.name.en.clone()]);
                    }
                }
                Kind::Level(levels) => {
                    words.extend(levels.iter().flat_map(|l| [l.id.clone(), l.name.en.clone()]))
                }
                _ => {}
            }
        }
        for m in &c.industries().members {
            words.push(format!("{} {}", m.id, m.name.zh));
        }
        words.extend(
            [
                "需要", "yes", "是", "", " ", "0", "1", "-1", "0.5", "1e3", "100 亩",
            ]
            .map(str::to_owned),
        );
        words.sort();
        words.dedup();
        Base {
            inputs: survey
                .iter()
                .filter(|x| x.input)
                .map(|x| (x.row, x.col))
                .collect(),
            last_row: survey.iter().map(|x| x.row).max().unwrap_or(0),
            cells: out,
            strings,
            string_count,
            words,
        }
    })
}

/// A text: arbitrary, one character many times (up to Excel's longest), or a word of the
/// survey's, maybe with spaces around or other words after it.
fn text(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0..=5)? {
        0 | 1 => u.arbitrary::<String>()?.chars().take(LONGEST).collect(),
        2 => {
            let ch: char = u.arbitrary()?;
            let n = u.int_in_range(0..=LONGEST)?;
            std::iter::repeat_n(ch, n).collect()
        }
        3 => format!(" {} ", u.choose(&base().words)?),
        4 => {
            let n = u.int_in_range(1..=4)?;
            let mut s = String::new();
            for i in 0..n {
                if i > 0 {
                    s.push_str(u.choose(&[",", "，", "、", ";", " "])?);
                }
                s.push_str(u.choose(&base().words)?);
            }
            s
        }
        _ => u.choose(&base().words)?.clone(),
    })
}

/// What a number cell holds: a number as Excel or Rust writes it, or text that only looks like
/// one (or does not).
fn number(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0..=6)? {
        0 => format!("{}", u.arbitrary::<f64>()?),
        1 => format!("{:E}", u.arbitrary::<f64>()?),
        2 => u.int_in_range(-100_000i64..=100_000)?.to_string(),
        3 => {
            let n = u.int_in_range(1..=400)?;
            let mut s = String::new();
            for _ in 0..n {
                s.push(char::from(b'0' + u.int_in_range(0..=9)?));
            }
            if u.arbitrary()? {
                s.insert(u.int_in_range(0..=s.len())?, '.');
            }
            s
        }
        4 => format!(
            "{}E{}",
            u.int_in_range(-99i32..=99)?,
            u.int_in_range(-400i32..=400)?
        ),
        5 => (*u.choose(&[
            "NaN",
            "nan",
            "inf",
            "-inf",
            "Infinity",
            "1e309",
            "-1e309",
            "1E-400",
            "-0",
            "0x1F",
            " 5",
            "5 ",
            "",
            ".",
            "+1",
            "1,000",
            "1_000",
            "4.9E-324",
            "1.7976931348623157E+308",
        ])?)
        .to_owned(),
        _ => {
            let s: String = u.arbitrary()?;
            s.chars().take(64).collect()
        }
    })
}

/// A formula's text.
fn formula(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0..=2)? {
        0 => (*u.choose(&[
            "SUM(A1:A9)",
            "1/0",
            "B7*2",
            "IF(A1>0,\"需要\",\"\")",
            "Lists!$A$1",
            "NOW()",
        ])?)
        .to_owned(),
        1 => String::new(),
        _ => text(u)?,
    })
}

/// A shared-formula group index: small as Excel writes it, or anywhere in its range.
fn shared_index(u: &mut Unstructured) -> Result<u32> {
    if u.arbitrary()? {
        u.int_in_range(0..=8)
    } else {
        u.arbitrary()
    }
}

/// A cell range for a shared or array formula.
fn range(u: &mut Unstructured) -> Result<String> {
    let (r0, c0) = (u.int_in_range(0..=LAST_ROW)?, u.int_in_range(0..=LAST_COL)?);
    let (r1, c1) = (u.int_in_range(r0..=LAST_ROW)?, u.int_in_range(c0..=LAST_COL)?);
    Ok(format!("{}:{}", cell_name(r0, c0), cell_name(r1, c1)))
}

/// The workbook being made: its extra shared strings and cells.
struct Book {
    strings: String,
    string_count: u32,
    cells: BTreeMap<(u32, u16), String>,
}

impl Book {
    fn shared(&mut self, s: &str, rich: bool) -> u32 {
        self.strings.push_str("<si>");
        if rich {
            // Runs of rich text, and a phonetic reading Excel does not show.
            let mid = s.char_indices().nth(s.chars().count() / 2).map_or(0, |(i, _)| i);
            self.strings.push_str("<r>");
            t(&mut self.strings, &s[..mid]);
            self.strings.push_str(r#"</r><r><rPr><b/></rPr>"#);
            t(&mut self.strings, &s[mid..]);
            self.strings.push_str(r#"</r><rPh sb="0" eb="1"><t>ア</t></rPh>"#);
        } else {
            t(&mut self.strings, s);
        }
        self.strings.push_str("</si>");
        self.string_count += 1;
        base().string_count + self.string_count - 1
    }
}

/// Where a cell goes: one the investor fills, near the survey, or anywhere on the sheet.
fn position(u: &mut Unstructured) -> Result<(u32, u16)> {
    let b = base();
    Ok(match u.int_in_range(0..=3)? {
        0 => (u.int_in_range(0..=LAST_ROW)?, u.int_in_range(0..=LAST_COL)?),
        1 | 2 => *u.choose(&b.inputs)?,
        _ => (u.int_in_range(0..=b.last_row + 8)?, u.int_in_range(0..=11)?),
    })
}

/// One cell's XML: `<c r=… s=… t=…>…</c>`.
fn put(u: &mut Unstructured, book: &mut Book, r: &str) -> Result<String> {
    let style = match u.int_in_range(0..=7)? {
        0..=3 => String::new(),
        4 | 5 => format!(r#" s="{}""#, u.int_in_range(0..=STYLE_COUNT - 1)?),
        6 => format!(r#" s="{}""#, u.int_in_range(1..=3)?),
        _ => format!(r#" s="{}""#, u.arbitrary::<u32>()?),
    };
    let mut body = String::new();
    let kind = match u.int_in_range(0..=12)? {
        0 => {
            body.push_str("<is>");
            t(&mut body, &text(u)?);
            body.push_str("</is>");
            r#" t="inlineStr""#
        }
        1 => {
            // Rich inline text, in runs.
            body.push_str("<is>");
            for _ in 0..u.int_in_range(1..=3)? {
                body.push_str("<r>");
                t(&mut body, &text(u)?);
                body.push_str("</r>");
            }
            body.push_str("</is>");
            r#" t="inlineStr""#
        }
        2 | 3 => {
            let s = text(u)?;
            let rich = u.ratio(1, 4)?;
            let i = book.shared(&s, rich);
            let _ = write!(body, "<v>{i}</v>");
            r#" t="s""#
        }
        4 => {
            // A shared string the table does not have (or an index that is not a number).
            let count = base().string_count + book.string_count;
            let v = match u.int_in_range(0..=3)? {
                0 => count.to_string(),
                1 => u.arbitrary::<u32>()?.to_string(),
                2 => u.arbitrary::<u64>()?.to_string(),
                _ => number(u)?,
            };
            body.push_str("<v>");
            escape(&mut body, &v);
            body.push_str("</v>");
            r#" t="s""#
        }
        5 | 6 => {
            body.push_str("<v>");
            escape(&mut body, &number(u)?);
            body.push_str("</v>");
            if u.arbitrary()? { r#" t="n""# } else { "" }
        }
        7 => {
            let v = *u.choose(&["0", "1", "true", "FALSE", " 1 ", "", "2", "yes"])?;
            let _ = write!(body, "<v>{v}</v>");
            r#" t="b""#
        }
        8 => {
            let v = match u.int_in_range(0..=9)? {
                0 => "#DIV/0!".to_owned(),
                1 => "#N/A".to_owned(),
                2 => "#NAME?".to_owned(),
                3 => "#NULL!".to_owned(),
                4 => "#NUM!".to_owned(),
                5 => "#REF!".to_owned(),
                6 => "#VALUE!".to_owned(),
                7 => "#GETTING_DATA".to_owned(),
                8 => "#SPILL!".to_owned(),
                _ => text(u)?,
            };
            body.push_str("<v>");
            escape(&mut body, &v);
            body.push_str("</v>");
            r#" t="e""#
        }
        9 | 10 => {
            // A formula, shared or array or plain, with or without its saved result.
            let f = formula(u)?;
            match u.int_in_range(0..=3)? {
                0 => {
                    let _ = write!(
                        body,
                        r#"<f t="shared" ref="{}" si="{}">"#,
                        range(u)?,
                        shared_index(u)?
                    );
                    escape(&mut body, &f);
                    body.push_str("</f>");
                }
                1 => {
                    let _ = write!(body, r#"<f t="shared" si="{}"/>"#, shared_index(u)?);
                }
                2 => {
                    let _ = write!(body, r#"<f t="array" ref="{}">"#, range(u)?);
                    escape(&mut body, &f);
                    body.push_str("</f>");
                }
                _ => {
                    body.push_str("<f>");
                    escape(&mut body, &f);
                    body.push_str("</f>");
                }
            }
            match u.int_in_range(0..=4)? {
                0 => "",
                1 => {
                    body.push_str("<v>");
                    escape(&mut body, &number(u)?);
                    body.push_str("</v>");
                    ""
                }
                2 => {
                    body.push_str("<v>");
                    escape(&mut body, &text(u)?);
                    body.push_str("</v>");
                    r#" t="str""#
                }
                3 => {
                    let _ = write!(body, "<v>{}</v>", u.int_in_range(0..=1)?);
                    r#" t="b""#
                }
                _ => {
                    body.push_str("<v>#DIV/0!</v>");
                    r#" t="e""#
                }
            }
        }
        11 => {
            // A day count in a date or duration format, as Excel keeps a date.
            let v = match u.int_in_range(0..=2)? {
                0 => u.int_in_range(-10i32..=2_958_466)?.to_string(),
                1 => format!("{}", u.int_in_range(0..=100_000)? as f64 / 7.0),
                _ => number(u)?,
            };
            body.push_str("<v>");
            escape(&mut body, &v);
            body.push_str("</v>");
            let s = u.int_in_range(1..=3)?;
            return Ok(format!(r#"<c r="{r}" s="{s}">{body}</c>"#));
        }
        _ => {
            // An ISO 8601 date (strict Open XML).
            let v = if u.arbitrary()? {
                format!(
                    "{:04}-{:02}-{:02}T{:02}:{:02}:00",
                    u.int_in_range(1900..=9999)?,
                    u.int_in_range(1..=12)?,
                    u.int_in_range(1..=31)?,
                    u.int_in_range(0..=23)?,
                    u.int_in_range(0..=59)?
                )
            } else {
                text(u)?
            };
            body.push_str("<v>");
            escape(&mut body, &v);
            body.push_str("</v>");
            r#" t="d""#
        }
    };
    Ok(if body.is_empty() {
        format!(r#"<c r="{r}"{style}{kind}/>"#)
    } else {
        format!(r#"<c r="{r}"{style}{kind}>{body}</c>"#)
    })
}

/// The survey sheet: the survey's cells, the extra cells over them, row by row.
fn sheet_xml(book: &Book) -> String {
    let b = base();
    let mut out = String::with_capacity(64 << 10);
    let (first, last) = {
        let mut keys = b
            .cells
            .iter()
            .map(|(r, c, _)| (*r, *c))
            .chain(book.cells.keys().copied());
        let first = keys.next().unwrap_or((0, 0));
        keys.fold((first, first), |((r0, c0), (r1, c1)), (r, c)| {
            ((r0.min(r), c0.min(c)), (r1.max(r), c1.max(c)))
        })
    };
    let _ = write!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="{}:{}"/><sheetData>"#,
        cell_name(first.0, first.1),
        cell_name(last.0, last.1)
    );
    let mut ours = b.cells.iter().peekable();
    let mut extra = book.cells.iter().peekable();
    let mut row = None;
    loop {
        let ours_first = match (ours.peek(), extra.peek()) {
            (None, None) => break,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (Some((r, c, _)), Some(((er, ec), _))) => {
                if (*r, *c) == (*er, *ec) {
                    // An extra cell over one of the survey's.
                    ours.next();
                    continue;
                }
                (*r, *c) < (*er, *ec)
            }
        };
        let (r, xml) = if ours_first {
            let Some((r, _, x)) = ours.next() else { break };
            (*r, x.as_str())
        } else {
            let Some(((r, _), x)) = extra.next() else { break };
            (*r, x.as_str())
        };
        if row != Some(r) {
            if row.is_some() {
                out.push_str("</row>");
            }
            let _ = write!(out, r#"<row r="{}">"#, r + 1);
            row = Some(r);
        }
        out.push_str(xml);
    }
    if row.is_some() {
        out.push_str("</row>");
    }
    out.push_str("</sheetData></worksheet>");
    out
}

/// The workbook zipped, stored or deflated.
fn zipped(book: &Book, date1904: bool, deflate: bool) -> Vec<u8> {
    let b = base();
    let count = b.string_count + book.string_count;
    let strings = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count}" uniqueCount="{count}">{}{}</sst>"#,
        b.strings, book.strings
    );
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .compression_level(deflate.then_some(1));
    let book_xml = workbook_xml(date1904);
    let sheet = sheet_xml(book);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let parts: [(&str, &[u8]); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("xl/workbook.xml", book_xml.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/styles.xml", STYLES.as_bytes()),
        ("xl/sharedStrings.xml", strings.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    for (name, bytes) in parts {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(bytes).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// The workbook zipped here: the survey with up to 64 cells of any type put on it.
fn direct(data: &[u8], deflate: bool) -> Vec<u8> {
    let mut u = Unstructured::new(data);
    let date1904 = u.ratio(1, 8).unwrap_or(false);
    let mut book = Book {
        strings: String::new(),
        string_count: 0,
        cells: BTreeMap::new(),
    };
    for _ in 0..PUTS {
        let Ok((row, col)) = position(&mut u) else { break };
        let Ok(xml) = put(&mut u, &mut book, &cell_name(row, col)) else {
            break;
        };
        book.cells.insert((row, col), xml);
    }
    zipped(&book, date1904, deflate)
}

/// One cell for the survey writer: a text, a long text, a number or nothing.
fn writer_put(u: &mut Unstructured) -> Result<(u32, u16, CellValue)> {
    let (row, col) = if u.ratio(1, 4)? {
        (u.int_in_range(0..=LAST_ROW)?, u.int_in_range(0..=LAST_COL)?)
    } else {
        (u.int_in_range(0..=63)?, u.int_in_range(0..=11)?)
    };
    let value = match u.int_in_range(0..=3)? {
        0 => CellValue::Text(text(u)?),
        1 => {
            let ch: char = u.arbitrary()?;
            let n = u.int_in_range(0..=LONGEST)?;
            CellValue::Text(std::iter::repeat_n(ch, n).collect())
        }
        2 => match u.arbitrary::<f64>()? {
            n if n.is_finite() => CellValue::Number(n),
            _ => CellValue::Empty,
        },
        _ => CellValue::Empty,
    };
    Ok((row, col, value))
}

/// The workbook laid out by the survey writer.
fn written(data: &[u8]) -> Option<Vec<u8>> {
    let c = catalog();
    let mut u = Unstructured::new(data);
    let mut sheet = cells(c, None);
    for _ in 0..PUTS {
        let Ok((row, col, value)) = writer_put(&mut u) else {
            break;
        };
        match sheet.iter_mut().find(|x| x.row == row && x.col == col) {
            Some(cell) => cell.value = value,
            None => sheet.push(Cell {
                row,
                col,
                value,
                input: true,
                choices: None,
            }),
        }
    }
    workbook(c, &sheet).ok()
}

/// FNV-1a of the input: which way it is made.
fn hash(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Where to save each workbook made, if anywhere: `SURVEY_WORKBOOK_SAVE=finding.xlsx` with an
/// input that failed gives the workbook to keep as a test fixture.
fn save_to() -> Option<&'static str> {
    static SAVE: OnceLock<Option<String>> = OnceLock::new();
    SAVE.get_or_init(|| std::env::var("SURVEY_WORKBOOK_SAVE").ok())
        .as_deref()
}

fuzz_target!(|data: &[u8]| {
    let c = catalog();
    let h = hash(data);
    let bytes = if h % WRITER_EVERY == 0 {
        let Some(bytes) = written(data) else { return };
        bytes
    } else {
        direct(data, (h >> 8) % DEFLATE_EVERY == 0)
    };
    if let Some(path) = save_to() {
        std::fs::write(path, &bytes).expect("save the workbook");
    }
    if let Ok(checklist) = read(c, &bytes) {
        let written = write_checklist(&checklist, c).expect("an imported checklist writes");
        let back = parse_checklist(&written, c).expect("written text parses");
        assert_eq!(back, checklist, "round trip changed the checklist:\n{written}");
    }
});
