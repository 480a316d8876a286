//! The ranking as CSV: one row per zone, headers in the report's language. Starts with a UTF-8
//! byte-order mark so that spreadsheet programs open the Chinese text correctly.

use super::ranking::RankingReport;
use crate::model::number;

/// Writes the ranking as CSV bytes.
pub fn render(report: &RankingReport) -> Result<Vec<u8>, csv::Error> {
    let lang = report.lang;
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record([
            lang.pick("排名", "rank"),
            lang.pick("开发区编号", "zone"),
            lang.pick("开发区", "name"),
            lang.pick("得分", "score"),
            lang.pick("合格", "qualified"),
            lang.pick("满足", "met"),
            lang.pick("部分满足", "partial"),
            lang.pick("不满足", "unmet"),
            lang.pick("待核实", "unknown"),
            lang.pick("完整度(%)", "completeness"),
            lang.pick("未满足的必须项", "failed_must_haves"),
            lang.pick("最大差距", "largest_gap"),
        ])?;
        for z in &report.zones {
            let failed: Vec<&str> = z.failed_must.iter().map(|(id, _)| id.as_str()).collect();
            w.write_record([
                z.rank.to_string(),
                z.id.clone(),
                z.name.clone(),
                number::fixed(z.score, 1),
                if z.qualified { "true" } else { "false" }.to_owned(),
                z.counts.met.to_string(),
                z.counts.partial.to_string(),
                z.counts.unmet.to_string(),
                z.counts.unknown.to_string(),
                number::fixed(z.completeness, 0),
                failed.join(" "),
                z.largest_gap.clone().unwrap_or_default(),
            ])?;
        }
        w.flush()?;
    }
    Ok(out)
}
