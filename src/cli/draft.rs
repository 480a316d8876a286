//! `draft --text FILE|-`: an investor's message read into a draft checklist, printed as a
//! table or JSON; `--out` writes the checklist of the items drafted with a value. The reading
//! is `inquiry`'s; only the printout and the files are here.

use std::io::Read;
use std::path::Path;

use serde_json::{Value as Json, json};

use super::args::{DraftArgs, StatusFormat};
use super::messages::{Failure, Notice};
use super::survey::write_new_checklist;
use super::{Ctx, print_out};
use crate::inquiry::{self, Draft, Field};
use crate::io;
use crate::model::text::printable;
use crate::model::write::value_file_text;
use crate::model::{Catalog, Lang, number};
use crate::report::table::clipped;

/// The widest a quoted phrase is shown in the table, in terminal cells.
const CELL_WIDTH: usize = 40;

pub(super) fn draft(ctx: &Ctx, args: &DraftArgs) -> Result<bool, Failure> {
    let catalog = &ctx.catalog;
    let lang = ctx.lang.table()?;
    let bytes = if args.text.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(io::MAX_WORKBOOK_BYTES)
            .read_to_end(&mut bytes)?;
        bytes
    } else {
        io::read_message(&args.text)?
    };
    let failure = |error| Failure::Message {
        path: args.text.clone(),
        error,
    };
    let text = inquiry::message_text(&bytes).map_err(failure)?;
    let d = inquiry::draft(&text, catalog, ctx.today).map_err(|e| failure(inquiry::MessageError::Text(e)))?;
    if let Some(out) = &args.out {
        write_checklist(ctx, &d, out)?;
    }
    let out = match args.format {
        StatusFormat::Json => {
            let mut bytes =
                serde_json::to_vec_pretty(&draft_json(catalog, &d, lang)).map_err(std::io::Error::from)?;
            bytes.push(b'\n');
            bytes
        }
        StatusFormat::Table => printable(&draft_table(catalog, &d, lang))
            .into_owned()
            .into_bytes(),
    };
    print_out(&out)?;
    Ok(true)
}

fn write_checklist(ctx: &Ctx, d: &Draft, out: &Path) -> Result<(), Failure> {
    if out.exists() {
        return Err(Failure::OutExists(out.to_owned()));
    }
    let decisions = d.initial_decisions();
    let list = d
        .checklist(&ctx.catalog, &decisions)
        .map_err(|_| Failure::Export(String::from("draft")))?;
    write_new_checklist(ctx, &list, out)?;
    let left_out = d.items.iter().filter(|i| i.confirm.is_some()).count();
    if left_out > 0 {
        ctx.note(&Notice::ConfirmLeftOut(left_out));
    }
    Ok(())
}

fn decimal(d: rust_decimal::Decimal) -> Json {
    number::plain(d).parse::<f64>().map_or(Json::Null, Json::from)
}

/// The JSON contract: `header`, `items`, `unread`. Spans are `[start, end)` in characters of
/// the text as read.
pub(crate) fn draft_json(catalog: &Catalog, d: &Draft, lang: Lang) -> Json {
    let h = &d.header;
    let industries = catalog.industries();
    let header = json!({
        "investor": h.investor,
        "project": h.project,
        "industry": h.industry.iter().map(|m| industries.members.get(usize::from(*m)).map(|x| x.id.clone())).collect::<Vec<_>>(),
        "total_investment": h.total_investment.map_or(Json::Null, decimal),
        "planned_intensity": h.planned_intensity.map_or(Json::Null, decimal),
        "planned_tax_per_mu": h.planned_tax_per_mu.map_or(Json::Null, decimal),
        "planned_start": h.planned_start.as_ref().map(|s| s.date.to_string()),
        "planned_start_read": h.planned_start.as_ref().map(|s| json!({
            "span": [s.span.0, s.span.1],
            "how": s.how.get(lang),
        })),
    });
    let items: Vec<Json> = d
        .items
        .iter()
        .map(|i| {
            json!({
                "factor": i.factor.map(|f| catalog.factor(f).id.clone()),
                "field": i.field.map(Field::code),
                "required": match (&i.required, i.factor) {
                    (Some(v), Some(f)) => Json::from(value_file_text(v, catalog.factor(f), catalog)),
                    _ => Json::Null,
                },
                "importance": i.importance.code(),
                "span": [i.span.0, i.span.1],
                "text": i.text,
                "confirm": i.confirm.as_ref().map(|t| t.get(lang).to_owned()),
                "notes": i.notes.iter().map(|n| n.get(lang).to_owned()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let unread: Vec<Json> = d
        .unread
        .iter()
        .map(|u| json!({"span": [u.span.0, u.span.1], "text": u.text, "reason": u.reason.get(lang)}))
        .collect();
    json!({"header": header, "items": items, "unread": unread})
}

fn draft_table(catalog: &Catalog, d: &Draft, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let h = &d.header;
    let mut out = String::new();
    let mut line = |label: (&str, &str), value: String| {
        if !value.is_empty() {
            out.push_str(&format!(
                "{}{}{value}\n",
                if zh { label.0 } else { label.1 },
                if zh { "：" } else { ": " }
            ));
        }
    };
    line(("投资方", "Investor"), h.investor.clone());
    line(("项目", "Project"), h.project.clone());
    let industries = catalog.industries();
    line(
        ("行业", "Industry"),
        h.industry
            .iter()
            .map(|m| industries.label(*m, lang))
            .collect::<Vec<_>>()
            .join(if zh { "，或 " } else { ", or " }),
    );
    let wan = if zh { "万元" } else { "× 10,000 yuan" };
    line(
        ("总投资", "Total investment"),
        h.total_investment
            .map_or_else(String::new, |v| format!("{} {wan}", number::grouped(v))),
    );
    let per_mu = if zh { "万元/亩" } else { "× 10,000 yuan/mu" };
    line(
        ("计划投资强度", "Planned intensity"),
        h.planned_intensity
            .map_or_else(String::new, |v| format!("{} {per_mu}", number::grouped(v))),
    );
    line(
        ("计划亩均税收", "Planned tax per mu"),
        h.planned_tax_per_mu
            .map_or_else(String::new, |v| format!("{} {per_mu}", number::grouped(v))),
    );
    if let Some(s) = &h.planned_start {
        let words: String = d.text.chars().skip(s.span.0).take(s.span.1 - s.span.0).collect();
        line(
            ("计划开工", "Planned start"),
            format!("{}（“{words}”，{}）", s.date, s.how.get(lang)),
        );
    }
    let confirm = d.items.iter().filter(|i| i.confirm.is_some()).count();
    out.push('\n');
    out.push_str(&if zh {
        format!("需求 {} 项，其中 {confirm} 项待确认：\n", d.items.len())
    } else {
        format!("{} requirements, {confirm} to confirm:\n", d.items.len())
    });
    for i in &d.items {
        let value = match i.required_text(catalog, lang) {
            Some(text) => text,
            None if i.confirm.is_some() => String::from(if zh { "待确认" } else { "to confirm" }),
            None => String::from(if zh {
                "（按表头）"
            } else {
                "(from the header)"
            }),
        };
        out.push_str(&format!(
            "  {} {} [{}] “{}”\n",
            i.name(catalog, lang),
            value,
            i.importance.label(lang),
            clipped(&i.text, CELL_WIDTH)
        ));
        if let Some(c) = &i.confirm {
            out.push_str(&format!(
                "      {} {}\n",
                if zh { "请确认：" } else { "confirm:" },
                c.get(lang)
            ));
        }
        for n in &i.notes {
            out.push_str(&format!("      {}\n", n.get(lang)));
        }
    }
    if !d.unread.is_empty() {
        out.push('\n');
        out.push_str(&if zh {
            format!("未能识别 {} 处：\n", d.unread.len())
        } else {
            format!("{} phrases not understood:\n", d.unread.len())
        });
        for u in &d.unread {
            out.push_str(&format!(
                "  “{}”：{}\n",
                clipped(&u.text, CELL_WIDTH),
                u.reason.get(lang)
            ));
        }
    }
    out
}
