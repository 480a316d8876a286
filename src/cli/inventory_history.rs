//! `inventory history ID`: the history of one zone's figures (修改记录), every saved change
//! with when, who, how and old → new, oldest first, as a table or JSON; `--factor` keeps one
//! figure's changes. Reads `history/<id>.ron` in the zones folder, so a deleted zone's history
//! is shown too. Writes nothing: no `--by` here, which only commands that change figures take.

use serde_json::{Value as Json, json};

use super::args::{HistoryFormat, InventoryHistoryArgs};
use super::messages::{Failure, Notice};
use super::{Ctx, print_out, profiles_dir};
use crate::io;
use crate::model::history::{Change, Record, key_label};
use crate::model::parse::check_profile_id;
use crate::model::profile::is_owner_key;
use crate::model::text::printable;
use crate::model::{Bilingual, Catalog, Lang, Problem};

/// `inventory history`: prints a zone's history.
pub(super) fn inventory_history(ctx: &Ctx, args: &InventoryHistoryArgs) -> Result<bool, Failure> {
    let catalog = &ctx.catalog;
    let lang = ctx.lang.table()?;
    // The id names a file: nothing but a file stem may reach the path.
    check_profile_id(&args.id).map_err(|_| Failure::BadZoneId(args.id.clone()))?;
    let dir = profiles_dir(args.profiles.as_deref())?;
    let profile = dir.join(format!("{}.ron", args.id));
    let file = io::history::history_path(&profile);
    let records = io::history::read_history(&file)?;
    if records.is_empty() && !profile.exists() {
        return Err(Failure::NoZone {
            flag: "ID",
            id: args.id.clone(),
            dir,
        });
    }
    let factor = args.factor.as_deref();
    if let Some(key) = factor {
        let recorded = records.iter().flat_map(|r| &r.changes).any(|c| c.key == key);
        if !recorded && !is_owner_key(catalog, key) {
            let suggestion = catalog
                .suggest_factor(key)
                .and_then(|s| catalog.find_factor(s))
                .map(|f| catalog.factor(f).named());
            return Err(Failure::NoFactor(Box::new(Problem::UnknownFactor {
                given: key.to_owned(),
                suggestion,
            })));
        }
    }
    let shown: Vec<(&Record, Vec<&Change>)> = records
        .iter()
        .map(|r| {
            let changes = r
                .changes
                .iter()
                .filter(|c| factor.is_none_or(|k| c.key == k))
                .collect();
            (r, changes)
        })
        .filter(|(_, changes): &(_, Vec<&Change>)| !changes.is_empty())
        .collect();
    let out = match args.format {
        HistoryFormat::Json => format!("{:#}\n", history_json(catalog, &args.id, &shown, lang)),
        HistoryFormat::Table if shown.is_empty() => {
            ctx.note(&Notice::NoHistory {
                id: &args.id,
                file: &file,
            });
            String::new()
        }
        HistoryFormat::Table => printable(&history_table(catalog, &shown, lang)).into_owned(),
    };
    print_out(out.as_bytes())?;
    Ok(true)
}

/// One line a change: when, who, how, the figure, the field, old and new.
fn history_table(catalog: &Catalog, shown: &[(&Record, Vec<&Change>)], lang: Lang) -> String {
    let t = TEXTS.get(lang);
    let mut rows = vec![t.header.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>()];
    for (record, changes) in shown {
        for change in changes {
            rows.push(vec![
                record.when.text(),
                record.who_text(lang).to_owned(),
                record.how.label(lang).to_owned(),
                key_label(catalog, &change.key, lang),
                change.field.label(lang).to_owned(),
                change.old_text(lang).to_owned(),
                change.new_text(lang).to_owned(),
            ]);
        }
    }
    crate::report::table::grid(&rows, &[])
}

/// `{"zone": "houma", "records": [{"at", "who", "how", "zone", "changes": [{"key", "name",
/// "field", "old", "new"}]}]}`: codes and texts as the file holds them, names in `lang`.
fn history_json(catalog: &Catalog, id: &str, shown: &[(&Record, Vec<&Change>)], lang: Lang) -> Json {
    let records: Vec<Json> = shown
        .iter()
        .map(|(r, changes)| {
            let changes: Vec<Json> = changes
                .iter()
                .map(|c| {
                    json!({
                        "key": c.key,
                        "name": key_label(catalog, &c.key, lang),
                        "field": c.field.code(),
                        "old": c.old,
                        "new": c.new,
                    })
                })
                .collect();
            json!({
                "at": r.when.file_text(),
                "who": r.who,
                "how": r.how.code(),
                "zone": r.zone,
                "changes": changes,
            })
        })
        .collect();
    json!({ "zone": id, "records": records })
}

/// The table's words.
struct Texts {
    header: [&'static str; 7],
}

static TEXTS: Bilingual<Texts> = Bilingual {
    zh: Texts {
        header: ["时间", "修改人", "方式", "要素", "修改项", "原值", "新值"],
    },
    en: Texts {
        header: ["When", "Who", "How", "Figure", "Field", "Old", "New"],
    },
};
