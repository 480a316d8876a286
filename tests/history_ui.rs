//! The history of a zone's figures through the real window: saves in the zone editor add
//! records (who from the settings), the editor shows them, deleting the zone keeps them, a
//! zone saved under another name takes them along, and a history that cannot be written or
//! read never loses a save.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use sitematch::app::SiteMatchApp;
use sitematch::io::history::{history_path, zone_history};
use sitematch::model::history::{Field, How};
use sitematch::state::Modal;
use sitematch::state::figure_history::FigureHistory;

use crate::repo;
use crate::ui::{FakeDialogs, harness_from, init, type_into};

const OFFICER: &str = "王敏（侯马经开区招商局）";

/// A copy of the bundled zones.
fn zones() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for path in sitematch::io::ron_files(&repo("profiles")).expect("profiles") {
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    dir
}

/// The app on `dir`, signed by the officer, with Houma open in the zone editor.
fn editing_houma(dir: &Path, dialogs: FakeDialogs) -> Harness<'static, SiteMatchApp> {
    let mut start = init(None, dialogs);
    start.profiles_dir = dir.to_owned();
    start.settings.prepared_by = OFFICER.into();
    let mut h = harness_from(start);
    h.get_by_label("开发区").click();
    h.run();
    h.get_all_by_label_contains("侯马经济开发区")
        .next()
        .expect("listed")
        .click();
    h.run();
    assert!(h.state().editor().is_some());
    h
}

fn save(h: &mut Harness<'_, SiteMatchApp>) {
    h.get_by_label("保存").click();
    h.run();
}

fn houma(dir: &Path) -> PathBuf {
    dir.join("houma.ron")
}

#[test]
fn three_saves_in_the_editor_leave_three_records_and_deleting_the_zone_keeps_them() {
    let dir = zones();
    let mut h = editing_houma(dir.path(), FakeDialogs::default());
    assert_eq!(
        h.state().editor().map(|e| &e.figure_history),
        Some(&FigureHistory::Read(Vec::new())),
        "read when the zone opened: none yet"
    );
    for value in ["95", "96", "97"] {
        type_into(&mut h, "可新增供电容量 现有", value);
        save(&mut h);
        assert!(!h.state().has_unsaved(), "{:?}", h.state().notices());
    }
    let records = zone_history(&houma(dir.path())).expect("the history reads");
    assert_eq!(records.len(), 3, "{records:?}");
    let steps: Vec<(Option<&str>, Option<&str>)> = records
        .iter()
        .map(|r| {
            assert_eq!(r.changes.len(), 1, "only the value changed: {:?}", r.changes);
            let c = &r.changes[0];
            assert_eq!((c.key.as_str(), c.field), ("power.capacity", Field::Value));
            assert_eq!(
                (r.who.as_str(), r.how, r.zone.as_str()),
                (OFFICER, How::Editor, "houma")
            );
            (c.old.as_deref(), c.new.as_deref())
        })
        .collect();
    assert_eq!(
        steps,
        [
            (Some("80 mw"), Some("95 mw")),
            (Some("95 mw"), Some("96 mw")),
            (Some("96 mw"), Some("97 mw")),
        ]
    );
    assert!(records.windows(2).all(|w| w[0].when <= w[1].when));

    // The editor has read them back and shows them in its panel, newest first.
    assert_eq!(
        h.state().editor().map(|e| e.figure_history.records().len()),
        Some(3)
    );
    h.get_by_label("修改记录").click();
    h.run();
    assert!(h.query_by_label("共 3 次保存，最新的在前").is_some());
    assert!(h.query_by_label("96 mw → 97 mw").is_some());
    assert!(
        h.query_all_by_label_contains(OFFICER).next().is_some(),
        "who saved it"
    );

    // The row of the figure tells its last changes on hover.
    h.get_by_label("可新增供电容量").hover();
    h.run();
    assert!(
        h.query_all_by_label_contains("最近修改：").next().is_some(),
        "the hover of the figure's row"
    );
    assert!(
        h.query_all_by_label_contains("数值：95 mw → 96 mw")
            .next()
            .is_some()
    );

    h.get_by_label("删除…").click();
    h.run();
    h.get_by_label("删除").click();
    h.run();
    assert!(!houma(dir.path()).exists(), "the zone is deleted");
    assert_eq!(
        zone_history(&houma(dir.path())).expect("still reads"),
        records,
        "the history stays, as the .bak does"
    );
    assert_eq!(h.state().ws().zones.len(), 4, "and is never loaded as a zone");
}

#[test]
fn an_unsigned_save_is_recorded_and_shown_as_unsigned() {
    let dir = zones();
    let mut start = init(None, FakeDialogs::default());
    start.profiles_dir = dir.path().to_owned();
    let mut h = harness_from(start);
    h.get_by_label("开发区").click();
    h.run();
    h.get_by_label("新建开发区").click();
    h.run();
    type_into(&mut h, "编号（文件名）", "xinqu");
    type_into(&mut h, "名称（中文）", "新区");
    type_into(&mut h, "可新增供电容量 现有", "12");
    type_into(&mut h, "可新增供电容量 来源", "管委会2026年统计");
    save(&mut h);
    let records = zone_history(&dir.path().join("xinqu.ron")).expect("reads");
    assert_eq!(records.len(), 1);
    let got: Vec<(Field, Option<&str>, Option<&str>)> = records[0]
        .changes
        .iter()
        .map(|c| (c.field, c.old.as_deref(), c.new.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Field::Value, None, Some("12 mw")),
            (Field::Source, None, Some("管委会2026年统计")),
            (Field::AsOf, None, Some("2026-11-29")),
        ],
        "a new zone: every figure from none"
    );
    assert_eq!(records[0].who, "");
    h.get_by_label("修改记录").click();
    h.run();
    assert!(h.query_all_by_label_contains("未署名").next().is_some());
}

#[test]
fn a_history_that_cannot_be_written_never_loses_the_save() {
    let dir = zones();
    // A file where the history folder belongs: no history can be written there.
    std::fs::write(dir.path().join("history"), "not a folder").expect("write");
    let mut h = editing_houma(dir.path(), FakeDialogs::default());
    type_into(&mut h, "可新增供电容量 现有", "95");
    save(&mut h);
    let text = std::fs::read_to_string(houma(dir.path())).expect("saved");
    assert!(text.contains("\"95 mw\""), "the save went through:\n{text}");
    assert!(!h.state().has_unsaved());
    let told = h
        .state()
        .notices()
        .iter()
        .find(|n| n.text.starts_with("已保存，但本次修改未能记入修改记录"))
        .unwrap_or_else(|| panic!("told: {:?}", h.state().notices()));
    assert!(told.is_error && told.text.contains("history"), "{}", told.text);
}

#[test]
fn a_damaged_history_is_shown_with_its_line_and_left_as_it_is() {
    let dir = zones();
    let path = history_path(&houma(dir.path()));
    std::fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
    let damaged = "History(\n    records: [\n        (at: \"yesterday\"\n";
    std::fs::write(&path, damaged).expect("write");
    let mut h = editing_houma(dir.path(), FakeDialogs::default());
    assert!(
        matches!(
            h.state().editor().map(|e| &e.figure_history),
            Some(FigureHistory::Failed(_))
        ),
        "the editor says it cannot be read"
    );
    h.get_by_label("修改记录").click();
    h.run();
    let at = format!("{}:3:25: 文件在此处意外结束", path.display());
    assert!(
        h.query_all_by_label_contains(&at).next().is_some(),
        "the panel names the file and the line: {at}"
    );
    type_into(&mut h, "可新增供电容量 现有", "95");
    save(&mut h);
    assert!(
        std::fs::read_to_string(houma(dir.path()))
            .expect("saved")
            .contains("\"95 mw\"")
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("kept"),
        damaged,
        "nothing is added to a history that does not read"
    );
    let told = h
        .state()
        .notices()
        .iter()
        .find(|n| n.text.starts_with("已保存，但本次修改未能记入修改记录"))
        .unwrap_or_else(|| panic!("told: {:?}", h.state().notices()));
    assert!(
        told.text.contains(&format!("{}:", path.display())),
        "{}",
        told.text
    );
}

#[test]
fn a_zone_saved_under_another_name_takes_its_history_along() {
    let dir = zones();
    let dialogs = FakeDialogs::default();
    let mut h = editing_houma(dir.path(), dialogs.clone());
    type_into(&mut h, "可新增供电容量 现有", "95");
    save(&mut h);
    // A colleague changes the file; saving again asks, and the officer saves under a new name.
    type_into(&mut h, "可新增供电容量 现有", "96");
    let theirs = std::fs::read_to_string(houma(dir.path()))
        .expect("read")
        .replace("\"95 mw\"", "\"90 mw\"");
    std::fs::write(houma(dir.path()), &theirs).expect("their save");
    save(&mut h);
    assert!(matches!(
        h.state().session().modal(),
        Some(&Modal::Conflict { .. })
    ));
    let copy = dir.path().join("houma-2.ron");
    dialogs.answer(Some(&copy));
    h.get_by_label("另存为…").click();
    h.run();
    assert!(copy.is_file(), "{:?}", h.state().notices());
    let carried = zone_history(&copy).expect("reads");
    let steps: Vec<(&str, Option<&str>, Option<&str>)> = carried
        .iter()
        .flat_map(|r| {
            r.changes
                .iter()
                .map(move |c| (r.zone.as_str(), c.old.as_deref(), c.new.as_deref()))
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("houma", Some("80 mw"), Some("95 mw")),
            ("houma-2", Some("95 mw"), Some("96 mw")),
        ],
        "the zone it came from, then what the new name saved"
    );
    assert_eq!(
        zone_history(&houma(dir.path())).expect("reads").len(),
        1,
        "the first zone keeps its own"
    );
    assert_eq!(std::fs::read_to_string(houma(dir.path())).expect("read"), theirs);
}
