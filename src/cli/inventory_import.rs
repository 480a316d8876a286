//! `inventory import --workbook FILE.xlsx`: a province's table or a filled update workbook
//! read into the changes it proposes, printed as a table or JSON; `--apply` saves the changes
//! through the checked save and records each in the zone's history. The reading and judging
//! are `import`'s, the saving `io::import`'s; only the printout is here.

use serde_json::{Value as Json, json};

use super::args::{InventoryImportArgs, StatusFormat};
use super::messages::{Failure, Notice};
use super::{Ctx, print_out};
use crate::import::{self, ChangeSet, Figure, FigureChange, Judgement, Options};
use crate::io;
use crate::model::history::When;
use crate::model::text::printable;
use crate::model::{Bilingual, Catalog, Lang, Localize};
use crate::report::table::clipped;

/// Unread cells the table lists; the rest are counted (the JSON lists every one).
const LISTED_UNREAD: usize = 50;
/// The widest a table cell is shown, in terminal cells; a longer text (a set of dozens of
/// industries) is cut with `…` in the table, and given whole in the JSON.
const CELL_WIDTH: usize = 60;

/// `inventory import`: prints the change set, and saves it with `--apply`. Returns false when
/// some profile could not be loaded or some zone could not be saved.
pub(super) fn inventory_import(ctx: &Ctx, args: &InventoryImportArgs) -> Result<bool, Failure> {
    let catalog = &ctx.catalog;
    let lang = ctx.lang.table()?;
    let as_of = args
        .as_of
        .as_deref()
        .map(crate::model::value::parse_date)
        .transpose()
        .map_err(Failure::BadAsOf)?;
    let (dir, loaded) = ctx.zones(args.profiles.as_deref())?;
    let bytes = io::read_workbook(&args.workbook)?;
    let file = args
        .workbook
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let options = Options {
        file,
        as_of,
        today: ctx.today,
    };
    let set = import::read(catalog, &loaded.zones, &bytes, &options).map_err(|error| Failure::Import {
        path: args.workbook.clone(),
        error,
    })?;
    let applied = args.apply.then(|| {
        let now = io::clock::now();
        let when = When::new(now.timestamp(), now.offset());
        let who = args.by.as_deref().unwrap_or("");
        io::import::apply(&dir, catalog, &loaded.zones, &set, when, who, |_, _| true)
    });
    let out = match args.format {
        StatusFormat::Json => change_set_json(catalog, &options, &set, applied.as_ref(), lang)?,
        StatusFormat::Table => printable(&change_set_table(catalog, &set, lang))
            .into_owned()
            .into_bytes(),
    };
    print_out(&out)?;
    let mut saved_all = true;
    match &applied {
        None => ctx.note(&Notice::ImportNotApplied),
        Some(a) => {
            for e in &a.failed {
                ctx.note(&Notice::NotSaved(e));
                saved_all = false;
            }
            for e in &a.history_failed {
                ctx.note(&Notice::Skipped(e));
            }
            ctx.note(&Notice::Imported {
                figures: a.figures,
                updated: a.updated.len(),
                created: a.created.len(),
            });
        }
    }
    Ok(loaded.errors.is_empty() && saved_all)
}

/// One line a figure: zone, factor, cell, old → new, source, as-of date, owner, judgement;
/// then the unread, capped; then the counts.
fn change_set_table(catalog: &Catalog, set: &ChangeSet, lang: Lang) -> String {
    let t = TEXTS.get(lang);
    let mut rows = vec![t.header.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>()];
    for z in &set.zones {
        let zone = if z.is_new() {
            format!("{} {}{}", z.id, z.name, t.new_zone)
        } else {
            format!("{} {}", z.id, z.name)
        };
        for f in &z.figures {
            let entry = f.new.entry.as_ref();
            let status = match &f.judgement {
                Judgement::Change => t.change.to_owned(),
                Judgement::Conflict { now } => (t.conflict)(&now.shown_text(catalog, f.factor, lang)),
                Judgement::Older { held } => (t.older)(&held.to_string()),
            };
            let row = [
                zone.clone(),
                catalog.factor(f.factor).name.get(lang).to_owned(),
                f.cell.clone(),
                format!(
                    "{} → {}",
                    f.old.shown_text(catalog, f.factor, lang),
                    f.new.shown_text(catalog, f.factor, lang)
                ),
                entry.map_or_else(String::new, |e| e.source.clone()),
                entry.map_or_else(String::new, |e| e.as_of.to_string()),
                // The owner where the answer names a new one.
                match f.new.owner() {
                    Some(o) if f.old.owner() != Some(o) => o.to_string(),
                    _ => String::new(),
                },
                status,
            ];
            rows.push(row.iter().map(|c| clipped(c, CELL_WIDTH)).collect());
        }
    }
    let mut out = String::new();
    for s in &set.sheets {
        out.push_str(&(t.sheet)(&s.name, s.layout.code(), s.header_row + 1, s.rows));
        out.push('\n');
    }
    if rows.len() > 1 {
        out.push_str(&crate::report::table::grid(&rows, &[]));
    }
    if !set.unread.is_empty() {
        out.push_str(&(t.unread)(set.unread.len()));
        out.push('\n');
        for u in set.unread.iter().take(LISTED_UNREAD) {
            out.push_str("  ");
            out.push_str(&u.text(lang));
            out.push('\n');
        }
        let more = set.unread.len().saturating_sub(LISTED_UNREAD);
        if more > 0 {
            out.push_str(&(t.more)(more));
            out.push('\n');
        }
    }
    let c = set.counts();
    out.push_str(&(t.counts)(
        c.changes,
        c.conflicts,
        c.older,
        c.unchanged,
        c.new_zones,
        c.unread,
    ));
    out.push('\n');
    out
}

/// A figure as the profile file writes its fields.
fn figure_json(catalog: &Catalog, f: &FigureChange, figure: &Figure) -> Json {
    let e = figure.entry.as_ref();
    let text = |s: String| (!s.is_empty()).then_some(s);
    json!({
        "value": text(figure.value_text(catalog, f.factor)),
        "planned": text(figure.planned_text(catalog)),
        "source": e.map(|e| e.source.clone()),
        "as_of": e.map(|e| e.as_of.to_string()),
        "owner": figure.owner().map(ToString::to_string),
    })
}

/// The change set as JSON, written zone by zone as it is serialised (the change set of a
/// province's 2 500 zones is 60 000 figures: a tree of them all would take hundreds of
/// megabytes for a moment).
#[derive(serde::Serialize)]
struct ChangeSetJson<'a> {
    file: &'a str,
    sheets: Vec<Json>,
    zones: Lazy<'a>,
    unchanged: usize,
    unread: Lazy<'a>,
    applied: Option<Json>,
}

/// What makes a list's items, handing each on as it is made.
type Items<'a> = &'a dyn Fn(&mut dyn FnMut(Json));

/// A list serialised one item at a time.
struct Lazy<'a>(Items<'a>);

impl serde::Serialize for Lazy<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(None)?;
        let mut failed = None;
        (self.0)(&mut |item| {
            if failed.is_none()
                && let Err(e) = seq.serialize_element(&item)
            {
                failed = Some(e);
            }
        });
        match failed {
            Some(e) => Err(e),
            None => seq.end(),
        }
    }
}

fn zone_json(catalog: &Catalog, z: &crate::import::ZoneChange, lang: Lang) -> Json {
    let figures: Vec<Json> = z
        .figures
        .iter()
        .map(|f| {
            let mut o = json!({
                "factor": catalog.factor(f.factor).id,
                "factor_name": catalog.factor(f.factor).name.get(lang),
                "cell": f.cell,
                "status": f.judgement.code(),
                "old": figure_json(catalog, f, &f.old),
                "new": figure_json(catalog, f, &f.new),
                "reading": f.reading.as_ref().map(|r| r.text(lang)),
            });
            match &f.judgement {
                Judgement::Conflict { now } => o["now"] = figure_json(catalog, f, now),
                Judgement::Older { held } => o["held"] = json!(held.to_string()),
                Judgement::Change => {}
            }
            o
        })
        .collect();
    json!({ "zone": z.id, "name": z.name, "new": z.is_new(), "figures": figures })
}

/// The JSON printout, pretty, with a line break at the end.
fn change_set_json(
    catalog: &Catalog,
    options: &Options,
    set: &ChangeSet,
    applied: Option<&io::import::Applied>,
    lang: Lang,
) -> Result<Vec<u8>, Failure> {
    let sheets: Vec<Json> = set
        .sheets
        .iter()
        .map(|s| json!({ "name": s.name, "layout": s.layout.code(), "header_row": s.header_row + 1, "rows": s.rows }))
        .collect();
    let zones = |emit: &mut dyn FnMut(Json)| {
        for z in &set.zones {
            emit(zone_json(catalog, z, lang));
        }
    };
    let unread = |emit: &mut dyn FnMut(Json)| {
        for u in &set.unread {
            emit(json!({ "cell": u.place(), "reason": u.reason.text(lang) }));
        }
    };
    let applied = applied.map(|a| {
        json!({
            "figures": a.figures,
            "updated": a.updated.len(),
            "created": a.created.len(),
            "failed": a.failed.iter().map(|e| e.text(lang)).collect::<Vec<_>>(),
        })
    });
    let out = ChangeSetJson {
        file: &options.file,
        sheets,
        zones: Lazy(&zones),
        unchanged: set.unchanged,
        unread: Lazy(&unread),
        applied,
    };
    let mut bytes = serde_json::to_vec_pretty(&out).map_err(|e| Failure::Export(e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The printout's words.
struct Texts {
    header: [&'static str; 8],
    new_zone: &'static str,
    change: &'static str,
    conflict: fn(&str) -> String,
    older: fn(&str) -> String,
    sheet: fn(&str, &str, u32, usize) -> String,
    unread: fn(usize) -> String,
    more: fn(usize) -> String,
    counts: fn(usize, usize, usize, usize, usize, usize) -> String,
}

static TEXTS: Bilingual<Texts> = Bilingual {
    zh: Texts {
        header: [
            "开发区",
            "要素",
            "单元格",
            "原值 → 新值",
            "来源",
            "数据日期",
            "新责任单位",
            "判断",
        ],
        new_zone: "（新建）",
        change: "变更",
        conflict: |now| format!("冲突：导出后已被改为 {now}，不覆盖"),
        older: |held| format!("早于现有数据（{held}），不采用"),
        sheet: |name, layout, row, rows| {
            let layout = if layout == "wide" {
                "省市要素表（每行一个开发区）"
            } else {
                "填报表（每行一项数据）"
            };
            format!("工作表“{name}”：{layout}，表头在第 {row} 行，读取 {rows} 行")
        },
        unread: |n| format!("未读取 {n} 处："),
        more: |n| format!("  ……另有 {n} 处，完整列表见 --format json"),
        counts: |changes, conflicts, older, unchanged, new, unread| {
            format!(
                "变更 {changes} 项，冲突 {conflicts} 项，早于现有数据 {older} 项，未变 {unchanged} 项；新建开发区 {new} 个；未读取 {unread} 处"
            )
        },
    },
    en: Texts {
        header: [
            "Zone",
            "Factor",
            "Cell",
            "Old → new",
            "Source",
            "As of",
            "New owner",
            "Judged",
        ],
        new_zone: " (new)",
        change: "change",
        conflict: |now| format!("conflict: changed to {now} since the export; not overwritten"),
        older: |held| format!("older than the figure held ({held}); not taken"),
        sheet: |name, layout, row, rows| {
            let layout = if layout == "wide" {
                "a province's table (a zone a row)"
            } else {
                "an update workbook (a figure a row)"
            };
            format!("sheet `{name}`: {layout}, header in row {row}, {rows} row(s) read")
        },
        unread: |n| format!("{n} header(s) or cell(s) not read:"),
        more: |n| format!("  … and {n} more; --format json lists every one"),
        counts: |changes, conflicts, older, unchanged, new, unread| {
            format!(
                "{changes} change(s), {conflicts} conflict(s), {older} older than held, {unchanged} unchanged; {new} new zone(s); {unread} not read"
            )
        },
    },
};
