//! The ranking as a plain-text table for a terminal, columns aligned for Chinese (two cells
//! wide) and Latin text alike, with an optional item-by-item breakdown of every zone.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::columns::{self, Cell, ZoneColumn};
use super::ranking::{RankingReport, ZoneRow};
use super::texts::TEXTS;
use crate::model::{Lang, Text, number};

/// Pads `text` on the right to `width` terminal cells.
fn pad(text: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// Pads `text` on the left to `width` terminal cells (numbers).
fn pad_left(text: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(text);
    format!("{}{text}", " ".repeat(width.saturating_sub(w)))
}

/// `text` cut to at most `width` terminal cells, ending in `…` where it was cut.
pub(crate) fn clipped(text: &str, width: usize) -> String {
    if UnicodeWidthStr::width(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Lays out rows of cells; `right` says which columns are numbers, aligned right.
pub(crate) fn grid(rows: &[Vec<String>], right: &[bool]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| UnicodeWidthStr::width(s.as_str()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let last = c + 1 == row.len();
                match (right.get(c).copied().unwrap_or(false), last) {
                    (true, _) => pad_left(cell, widths[c]),
                    (false, true) => cell.clone(),
                    (false, false) => pad(cell, widths[c]),
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// A cell as the terminal table shows it.
fn cell(cell: Cell<'_>, lang: Lang) -> String {
    match cell {
        Cell::Count(n) => n.to_string(),
        Cell::Score(e) => e.fixed(1),
        Cell::Credit(e) => e.fixed(4),
        Cell::Percent(d) => format!("{}%", number::fixed(d, 0)),
        Cell::Text(t) | Cell::Plain(t) | Cell::Coded { label: t, .. } => t.into_owned(),
        Cell::Zone { name, id } => format!("{name} ({id})"),
        Cell::Qualified(q) => qualified_text(q, lang).to_owned(),
        Cell::Flag(f) => if f { TEXTS.get(lang).yes } else { "" }.to_owned(),
    }
}

/// The ranking table; with `details`, every zone's items follow it.
pub fn render(report: &RankingReport, details: bool) -> String {
    let lang = report.lang;
    let t = TEXTS.get(lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}{}", t.project, report.project);
    if !report.investor.is_empty() {
        let _ = writeln!(out, "{}{}", t.investor, report.investor);
    }
    if let Some(industry) = &report.industry {
        let _ = writeln!(out, "{}{}", t.industry, industry);
    }
    let _ = writeln!(out, "{}", (t.scored)(report.scored));
    if report.unstated > 0 {
        let _ = writeln!(out, "{}", (t.unstated)(report.unstated));
    }
    out.push('\n');
    if report.zones.is_empty() {
        out.push_str(t.no_zones);
        return out;
    }

    let all = columns::ranking(lang, &report.categories);
    let columns: Vec<(&Text, &ZoneColumn)> =
        all.iter().filter_map(|c| Some((c.table.as_ref()?, c))).collect();
    let mut rows = vec![
        columns
            .iter()
            .map(|(title, _)| title.get(lang).to_owned())
            .collect::<Vec<_>>(),
    ];
    let mut right = vec![false; columns.len()];
    for z in &report.zones {
        let mut row = Vec::with_capacity(columns.len());
        for (c, (_, column)) in columns.iter().enumerate() {
            let value = (column.cell)(z);
            right[c] = value.is_number();
            row.push(cell(value, lang));
        }
        rows.push(row);
    }
    out.push_str(&grid(&rows, &right));
    let _ = writeln!(out, "{}", t.legend);
    if let Some(line) = &report.first_place {
        let _ = writeln!(out, "{line}");
    }

    let failed: Vec<&ZoneRow> = report.zones.iter().filter(|z| !z.qualified).collect();
    if !failed.is_empty() {
        let _ = writeln!(out, "\n{}", t.not_qualified_heading);
        for z in failed {
            let names: Vec<&str> = z.failed_must.iter().map(|(_, n)| n.as_str()).collect();
            let _ = writeln!(
                out,
                "  {}. {}: {}",
                z.rank,
                z.name,
                names.join(lang.list_separator())
            );
        }
    }

    if details {
        for z in &report.zones {
            out.push('\n');
            out.push_str(&zone_details(z, lang));
        }
    }
    out
}

fn qualified_text(qualified: bool, lang: Lang) -> &'static str {
    let t = TEXTS.get(lang);
    if qualified { t.qualified } else { t.not_qualified }
}

/// The item-by-item breakdown of one zone.
pub fn zone_details(z: &ZoneRow, lang: Lang) -> String {
    let t = TEXTS.get(lang);
    let mut out = (t.zone_heading)(
        z.rank,
        &z.name,
        &z.id,
        &z.score.fixed(1),
        qualified_text(z.qualified, lang),
    );
    let mut rows = vec![
        [
            t.col_status,
            t.col_factor,
            t.col_importance,
            t.col_required,
            t.col_offered,
            t.col_gap,
            t.col_owner,
            t.col_source,
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect::<Vec<_>>(),
    ];
    for item in &z.items {
        let tx = &item.texts;
        let mut source = tx.source.clone().unwrap_or_default();
        if let Some(date) = tx.as_of {
            source = if source.is_empty() {
                date.to_string()
            } else {
                format!("{source} ({date})")
            };
        }
        if tx.illustrative {
            source = format!("{}{source}", t.tag_illustrative);
        }
        // Due and stale figures say so before their source; current ones need no word.
        if let Some(f) = tx.freshness.filter(|f| f.needs_update()) {
            source = format!("[{}] {source}", f.label(lang));
        }
        rows.push(vec![
            format!("{} {}", tx.status.mark(), tx.status.label(lang)),
            tx.factor.clone(),
            tx.importance.to_owned(),
            tx.required.clone(),
            tx.offered.clone().unwrap_or_else(|| String::from("—")),
            tx.gap.clone().unwrap_or_default(),
            tx.owner.clone().unwrap_or_default(),
            source,
        ]);
    }
    for line in grid(&rows, &[]).lines() {
        let _ = writeln!(out, "   {line}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::test_support::ranking;

    #[test]
    fn a_long_cell_is_cut_to_its_width_with_an_ellipsis() {
        assert_eq!(clipped("规划环评", 8), "规划环评");
        assert_eq!(clipped("规划环评、节能评价", 9), "规划环评…");
        assert_eq!(clipped("abcdef", 4), "abc…");
        assert_eq!(
            UnicodeWidthStr::width(clipped("规划环评、节能评价", 10).as_str()),
            9
        );
    }

    /// The cells of a table line, split at runs of two or more spaces.
    fn cells(line: &str) -> Vec<&str> {
        line.split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect()
    }

    /// The line that starts with `start`, after the leading spaces.
    fn line<'a>(text: &'a str, start: &str) -> &'a str {
        text.lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("a line starting {start:?} in\n{text}"))
    }

    #[test]
    fn the_ranking_table_has_its_header_and_a_row_per_zone_in_either_language() {
        let zh = render(&ranking("pv_base", Lang::Zh), false);
        assert!(zh.starts_with("项目：自动化光伏新能源基地\n"), "{zh}");
        assert_eq!(
            cells(line(&zh, "排名")),
            [
                "排名",
                "开发区",
                "得分",
                "资格",
                "✔",
                "△",
                "✘",
                "?",
                "完整度",
                "最大差距"
            ]
        );
        assert_eq!(
            cells(line(&zh, "1 ")),
            [
                "1",
                "侯马经济开发区 (houma)",
                "100.0",
                "合格",
                "15",
                "0",
                "0",
                "0",
                "100%"
            ]
        );
        assert!(zh.contains("未合格：未满足的必须项"), "{zh}");
        let en = render(&ranking("pv_base", Lang::En), false);
        assert_eq!(
            cells(line(&en, "Rank")),
            [
                "Rank",
                "Zone",
                "Score",
                "Qualified",
                "✔",
                "△",
                "✘",
                "?",
                "Data",
                "Largest gap"
            ]
        );
        assert_eq!(
            cells(line(&en, "3 ")),
            [
                "3",
                "Yuanping Economic and Technological Development Zone (yuanping)",
                "60.3",
                "no",
                "8",
                "2",
                "1",
                "4",
                "73%",
                "Industry admitted: missing: C38 Manufacture of electrical machinery and equipment"
            ]
        );
        // Numbers align right: the rank of the first zone is padded on the left.
        assert!(line(&en, "1 ").starts_with("   1  "), "{en}");
    }

    #[test]
    fn details_list_every_item_of_every_zone() {
        let report = ranking("pv_base", Lang::Zh);
        let text = render(&report, true);
        assert!(
            text.contains("1. 侯马经济开发区 (houma) 得分 100.0，合格\n"),
            "{text}"
        );
        assert_eq!(
            cells(line(&text, "状态")),
            [
                "状态",
                "要素",
                "重要性",
                "要求",
                "现有",
                "差距",
                "责任单位",
                "来源"
            ]
        );
        let items: usize = report.zones.iter().map(|z| z.items.len()).sum();
        let marked = text
            .lines()
            .filter_map(|l| l.strip_prefix("   "))
            .filter(|l| ["✔ ", "△ ", "✘ ", "? "].iter().any(|m| l.starts_with(m)))
            .count();
        assert_eq!(marked, items);
        let en = zone_details(&ranking("pv_base", Lang::En).zones[0], Lang::En);
        assert!(
            en.starts_with("1. Houma Economic Development Zone (houma) score 100.0, qualified: yes\n"),
            "{en}"
        );
    }

    /// The samples' figures (dated 2023-12-31) on 2025-12-15: the servicing level (current
    /// two years) is due, the land area (one year) stale; each line says so before its
    /// source, and names the owner in force; a current figure carries no word.
    #[test]
    fn details_say_how_current_each_figure_is_and_who_owns_it() {
        use crate::report::test_support::ranking_on;
        let day = jiff::civil::Date::new(2025, 12, 15).expect("date");
        let zh = zone_details(&ranking_on("pv_base", Lang::Zh, day).zones[0], Lang::Zh);
        let with = |text: &str, factor: &str| -> String {
            text.lines()
                .find(|l| l.contains(&format!("  {factor}  ")))
                .unwrap_or_else(|| panic!("a line of {factor} in\n{text}"))
                .to_owned()
        };
        let servicing_line = with(&zh, "通平水平");
        let servicing = cells(&servicing_line);
        assert_eq!(servicing[servicing.len() - 2], "侯马市自然资源局", "{zh}");
        assert!(servicing[servicing.len() - 1].starts_with("[待更新] "), "{zh}");
        let area_line = with(&zh, "可供工业用地面积");
        let area = cells(&area_line);
        assert!(area[area.len() - 1].starts_with("[已过期] "), "{zh}");
        let en = zone_details(&ranking_on("pv_base", Lang::En, day).zones[0], Lang::En);
        assert!(with(&en, "Site servicing level").contains("[due] "), "{en}");
        assert!(
            with(&en, "Available industrial land").contains("[stale] "),
            "{en}"
        );
        assert!(!en.contains("[current]") && !en.contains("over a year"), "{en}");
        // A current figure shows its source and date alone.
        let mut report = ranking_on("pv_base", Lang::Zh, day);
        let first = &mut report.zones[0].items[0];
        assert_eq!(first.texts.factor, "可供工业用地面积");
        first.texts.freshness = Some(crate::model::Freshness::Current);
        let current = zone_details(&report.zones[0], Lang::Zh);
        let area_line = with(&current, "可供工业用地面积");
        let area = cells(&area_line);
        assert!(!area[area.len() - 1].starts_with('['), "{current}");
    }

    #[test]
    fn an_empty_ranking_says_so() {
        let mut report = ranking("pv_base", Lang::En);
        report.zones.clear();
        assert!(render(&report, false).ends_with("\nNo zones to score.\n"));
    }
}
