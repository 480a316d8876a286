//! The ranking as a plain-text table for a terminal, columns aligned for Chinese (two cells
//! wide) and Latin text alike, with an optional item-by-item breakdown of every zone.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::ranking::{RankingReport, ZoneRow};
use crate::model::Lang;
use crate::model::number;

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

/// The ranking table; with `details`, every zone's items follow it.
pub fn render(report: &RankingReport, details: bool) -> String {
    let lang = report.lang;
    let mut out = String::new();
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let _ = writeln!(out, "{}{}", t("项目：", "Project: "), report.project);
    if !report.investor.is_empty() {
        let _ = writeln!(out, "{}{}", t("投资方：", "Investor: "), report.investor);
    }
    if let Some(industry) = &report.industry {
        let _ = writeln!(out, "{}{}", t("行业：", "Industry: "), industry);
    }
    let _ = match lang {
        Lang::Zh => writeln!(out, "计分项：{} 项", report.scored),
        Lang::En => writeln!(out, "Items scored: {}", report.scored),
    };
    if report.unstated > 0 {
        let _ = match lang {
            Lang::Zh => writeln!(out, "另有 {} 项未填写要求，未计分", report.unstated),
            Lang::En => writeln!(
                out,
                "{} more items have no required value yet and were not scored",
                report.unstated
            ),
        };
    }
    out.push('\n');
    if report.zones.is_empty() {
        out.push_str(t("没有可评分的开发区。\n", "No zones to score.\n"));
        return out;
    }

    let header = [
        t("排名", "Rank"),
        t("开发区", "Zone"),
        t("得分", "Score"),
        t("资格", "Qualified"),
        "✔",
        "△",
        "✘",
        "?",
        t("完整度", "Data"),
        t("最大差距", "Largest gap"),
    ];
    let mut rows = vec![header.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()];
    for z in &report.zones {
        rows.push(vec![
            z.rank.to_string(),
            format!("{} ({})", z.name, z.id),
            z.score.fixed(1),
            qualified_text(z, lang).to_owned(),
            z.counts.met.to_string(),
            z.counts.partial.to_string(),
            z.counts.unmet.to_string(),
            z.counts.unknown.to_string(),
            format!("{}%", number::fixed(z.completeness, 0)),
            z.largest_gap.clone().unwrap_or_default(),
        ]);
    }
    out.push_str(&grid(
        &rows,
        &[true, false, true, false, true, true, true, true, true, false],
    ));
    let _ = writeln!(
        out,
        "{}",
        t(
            "✔ 满足  △ 部分满足  ✘ 不满足  ? 待核实（开发区无此项数据）",
            "✔ met  △ partial  ✘ unmet  ? to verify (no data in the zone's inventory)"
        )
    );
    if let Some(line) = &report.first_place {
        let _ = writeln!(out, "{line}");
    }

    let failed: Vec<&ZoneRow> = report.zones.iter().filter(|z| !z.qualified).collect();
    if !failed.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            t("未合格：未满足的必须项", "Not qualified: must-haves not met")
        );
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

fn qualified_text(z: &ZoneRow, lang: Lang) -> &'static str {
    if z.qualified {
        lang.pick("合格", "yes")
    } else {
        lang.pick("不合格", "no")
    }
}

/// The item-by-item breakdown of one zone.
pub fn zone_details(z: &ZoneRow, lang: Lang) -> String {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut out = match lang {
        Lang::Zh => format!(
            "{}. {} ({}) 得分 {}，{}\n",
            z.rank,
            z.name,
            z.id,
            z.score.fixed(1),
            qualified_text(z, lang)
        ),
        Lang::En => format!(
            "{}. {} ({}) score {}, qualified: {}\n",
            z.rank,
            z.name,
            z.id,
            z.score.fixed(1),
            qualified_text(z, lang)
        ),
    };
    let mut rows = vec![
        [
            t("状态", "Status"),
            t("要素", "Factor"),
            t("重要性", "Importance"),
            t("要求", "Required"),
            t("现有", "Offered"),
            t("差距", "Gap"),
            t("来源", "Source"),
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
            source = format!("{}{source}", t("[示例值] ", "[illustrative] "));
        }
        if tx.stale {
            source = format!("{}{source}", t("[逾一年] ", "[over a year old] "));
        }
        rows.push(vec![
            format!("{} {}", tx.status.mark(), tx.status.label(lang)),
            tx.factor.clone(),
            tx.importance.to_owned(),
            tx.required.clone(),
            tx.offered.clone().unwrap_or_else(|| String::from("—")),
            tx.gap.clone().unwrap_or_default(),
            source,
        ]);
    }
    for line in grid(&rows, &[]).lines() {
        let _ = writeln!(out, "   {line}");
    }
    out
}
