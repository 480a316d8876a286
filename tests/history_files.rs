//! The history of a zone's figures on disk and on the command line: the loaders never read
//! it, a write that fails keeps the old history whole, a damaged one is an error at its line,
//! and `inventory history` prints it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use sitematch::io::history::{append_history, history_path, read_history, zone_history};
use sitematch::io::{self, FileProblem};
use sitematch::model::history::{How, Record, When};
use sitematch::model::value::parse_quantity;
use sitematch::model::{Catalog, Lang, Localize, Value, ZoneProfile};

use crate::{repo, sitematch, stdout_of};

fn catalog() -> Catalog {
    Catalog::builtin().expect("catalog")
}

/// A copy of the bundled zones.
fn zones() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for path in io::ron_files(&repo("profiles")).expect("profiles") {
        fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    dir
}

fn houma(dir: &Path) -> PathBuf {
    dir.join("houma.ron")
}

/// Houma with its spare power capacity set to `mw`.
fn with_power(zone: &ZoneProfile, mw: &str) -> ZoneProfile {
    let c = catalog();
    let f = c.find_factor("power.capacity").expect("factor");
    let mut entry = zone.entry(f).expect("held").clone();
    let measure = c.factor(f).kind.measure().expect("quantity");
    entry.value = Value::Amount(parse_quantity(&c, measure, mw).expect("amount"));
    let mut out = zone.clone();
    out.set_entry(f, Some(entry));
    out
}

/// The record of a save from `old` to `new` at `at`, by `who`.
fn record(old: Option<&ZoneProfile>, new: &ZoneProfile, at: &str, who: &str) -> Record {
    let when = When::parse(at).expect("time");
    Record::of_save(&catalog(), old, new, when, who, How::Editor).expect("a change")
}

/// Houma's history in `dir` with two saves of its power capacity (80 → 95 → 96 MW) and
/// nothing else; returns the records.
fn two_saves(dir: &Path) -> Vec<Record> {
    let start = io::load_profile(&houma(dir), &catalog()).expect("houma");
    let first = with_power(&start, "95 MW");
    let second = with_power(&first, "96 MW");
    let records = vec![
        record(
            Some(&start),
            &first,
            "2026-12-01T09:00:00+08:00",
            "王敏（招商局）",
        ),
        record(Some(&first), &second, "2026-12-07T21:08:47+08:00", ""),
    ];
    append_history(&houma(dir), &records).expect("written");
    records
}

#[test]
fn the_loaders_never_read_the_history_folder() {
    let dir = zones();
    two_saves(dir.path());
    let damaged = history_path(&dir.path().join("linyi.ron"));
    fs::write(&damaged, "History(records: [(at: 5").expect("write");
    let c = catalog();
    let loaded = io::load_profiles(dir.path(), &c).expect("folder");
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(loaded.zones.len(), 5);
    let cache = tempfile::tempdir().expect("cache");
    let cached = io::load_profiles_cached(dir.path(), &c, Some(cache.path()), &|_, _| {}).expect("folder");
    assert!(cached.errors.is_empty() && cached.zones.len() == 5);
    let out = sitematch(&["check", dir.path().to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn a_damaged_history_is_an_error_naming_its_file_and_line_and_is_left_as_it_is() {
    let dir = zones();
    two_saves(dir.path());
    let path = history_path(&houma(dir.path()));
    let text = fs::read_to_string(&path).expect("read");
    let line = text
        .lines()
        .position(|l| l.contains("how: Editor"))
        .expect("a record")
        + 1;
    let damaged = text.replacen("how: Editor", "how: Edited", 1);
    fs::write(&path, &damaged).expect("write");
    let e = read_history(&path).expect_err("damaged");
    assert_eq!(e.path, path);
    assert_eq!(e.position().map(|(l, _)| l), Some(line), "{e}");
    assert!(
        e.text(Lang::Zh)
            .starts_with(&format!("{}:{line}:", path.display())),
        "{}",
        e.text(Lang::Zh)
    );
    assert!(e.text(Lang::En).contains("`Edited` is not one of"), "{e}");
    let start = io::load_profile(&houma(dir.path()), &catalog()).expect("houma");
    let more = record(
        Some(&start),
        &with_power(&start, "97 MW"),
        "2026-12-08T10:00:00+08:00",
        "",
    );
    let refused = append_history(&houma(dir.path()), &[more]).expect_err("not added");
    assert!(matches!(refused.problem, FileProblem::Parse(_)));
    assert_eq!(fs::read_to_string(&path).expect("read"), damaged, "left as it is");
}

/// The environment variable that gives the child half of the full-disk test its folder.
const CHILD_DIR: &str = "SITEMATCH_TEST_HISTORY_DIR";

/// A history that must grow past what the disk holds is not written at all: the old one stays
/// whole, and no temporary file or lock is left. The disk fills by a file-size limit set for a
/// child run of this test binary (`ulimit -f`, with its signal ignored, so a write fails with
/// "file too large" as a full disk fails it with "no space").
#[cfg(unix)]
#[test]
fn a_history_write_that_fails_keeps_the_old_history_whole() {
    // The child run: the same test, switched by the environment, under the parent's limit.
    if let Some(dir) = std::env::var_os(CHILD_DIR) {
        return add_a_large_record_under_a_file_size_limit(&PathBuf::from(dir));
    }
    let dir = zones();
    let start = io::load_profile(&houma(dir.path()), &catalog()).expect("houma");
    let small = record(
        Some(&start),
        &with_power(&start, "95 MW"),
        "2026-12-01T09:00:00+08:00",
        "王敏",
    );
    append_history(&houma(dir.path()), &[small]).expect("written");
    let path = history_path(&houma(dir.path()));
    let old = fs::read_to_string(&path).expect("read");
    // `ulimit -f` counts 512-byte blocks: the old history fits in one, the new one does not.
    assert!(old.len() < 512, "{} bytes", old.len());
    let test = "history_files::a_history_write_that_fails_keeps_the_old_history_whole";
    let out = Command::new("sh")
        .args(["-c", "trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\""])
        .arg(std::env::current_exe().expect("this test binary"))
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_DIR, dir.path())
        .output()
        .expect("the child runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && said.contains("1 passed"),
        "{said}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        old,
        "the old history is whole"
    );
    let left: Vec<String> = fs::read_dir(path.parent().expect("folder"))
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "houma.ron")
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// The child half of the test above: adds a large record (a whole zone from none) under the
/// file-size limit its parent set, and expects the write to fail.
#[cfg(unix)]
fn add_a_large_record_under_a_file_size_limit(dir: &Path) {
    let zone = io::load_profile(&houma(dir), &catalog()).expect("houma");
    let large = record(None, &zone, "2026-12-07T21:08:47+08:00", "王敏");
    let e = append_history(&houma(dir), &[large]).expect_err("the disk is full");
    println!("refused as it should be: {e}");
}

/// The arguments of `sitematch inventory history houma --profiles DIR`, then `more`.
fn houma_history<'a>(profiles: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["inventory", "history", "houma", "--profiles", profiles];
    args.extend_from_slice(more);
    args
}

#[test]
fn inventory_history_prints_each_change_oldest_first_and_one_figure_with_factor() {
    let dir = zones();
    let records = two_saves(dir.path());
    let profiles = dir.path().to_str().expect("utf-8");
    let table = stdout_of(&houma_history(profiles, &["--lang", "zh"]));
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3, "{table}");
    for (line, words) in lines.iter().zip([
        ["时间", "修改人", "方式", "要素", "原值"],
        [
            "2026-12-01 09:00",
            "王敏（招商局）",
            "编辑器",
            "可新增供电容量",
            "80 mw",
        ],
        ["2026-12-07 21:08", "未署名", "编辑器", "数值", "96 mw"],
    ]) {
        for w in words {
            assert!(line.contains(w), "{w} in {line}");
        }
    }
    let english = stdout_of(&houma_history(profiles, &["--lang", "en"]));
    assert!(
        english.contains("unsigned") && english.contains("Spare power capacity"),
        "{english}"
    );

    let json = stdout_of(&houma_history(profiles, &["--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v["zone"], "houma");
    let got = v["records"].as_array().expect("records");
    assert_eq!(got.len(), records.len());
    assert_eq!(got[0]["at"], "2026-12-01T09:00:00+08:00");
    assert_eq!(got[0]["how"], "editor");
    assert_eq!(got[1]["who"], "");
    let change = &got[1]["changes"][0];
    assert_eq!(
        (&change["key"], &change["field"], &change["old"], &change["new"]),
        (
            &serde_json::json!("power.capacity"),
            &serde_json::json!("value"),
            &serde_json::json!("95 mw"),
            &serde_json::json!("96 mw")
        )
    );

    // Another figure has no change: nothing to print, and the zone is named.
    let out = sitematch(&houma_history(
        profiles,
        &["--factor", "land.price", "--lang", "en"],
    ));
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no change of the zone `houma` is recorded"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let one = stdout_of(&houma_history(
        profiles,
        &["--factor", "power.capacity", "--format", "json"],
    ));
    let v: serde_json::Value = serde_json::from_str(&one).expect("JSON");
    assert_eq!(v["records"].as_array().map(Vec::len), Some(2));
    let out = sitematch(&houma_history(
        profiles,
        &["--factor", "power.capacty", "--lang", "en"],
    ));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("power.capacity"),
        "a hint"
    );
}

#[test]
fn a_deleted_zone_keeps_its_history_for_the_command_line() {
    let dir = zones();
    two_saves(dir.path());
    let backup = io::retire(&houma(dir.path())).expect("deleted");
    assert!(backup.is_file() && !houma(dir.path()).exists());
    assert_eq!(zone_history(&houma(dir.path())).expect("kept").len(), 2);
    let profiles = dir.path().to_str().expect("utf-8");
    let table = stdout_of(&houma_history(profiles, &["--lang", "en"]));
    assert_eq!(table.lines().count(), 3, "{table}");
    // A zone that never was, or an id that is no file name, is an error.
    for (id, said) in [
        ("nowhere", "no zone `nowhere`"),
        ("../houma", "cannot be a zone id"),
    ] {
        let out = sitematch(&["inventory", "history", id, "--profiles", profiles, "--lang", "en"]);
        assert_eq!(out.status.code(), Some(1), "{id}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(said), "{id}");
    }
}
