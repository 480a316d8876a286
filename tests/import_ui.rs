//! The import review in the app: a province's table picked in the zones view is reviewed row
//! by row and zone by zone, decisions undone and redone, and only what is accepted is saved
//! (with its history); a table with no date column asks for one first. Real clicks; the
//! zones are a copy of the bundled ones in a temporary folder.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use rust_xlsxwriter::Workbook;
use sitematch::app::SiteMatchApp;
use sitematch::app::dialogs::FileKind;
use sitematch::model::{Catalog, ZoneProfile};

use crate::repo;
use crate::ui::{FakeDialogs, close_window, harness_from, init, type_into};

/// A province's table of two zones; `dated` adds a date column.
fn table(path: &Path, dated: bool) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let mut headers = vec!["编号", "可新增供电容量/MW", "可供工业用地面积（亩）"];
    if dated {
        headers.push("数据日期");
    }
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    for (r, row) in [["houma", "150", "1800"], ["linyi", "90", ""]].iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(r, c as u16, *v).expect("cell");
            }
        }
        if dated {
            sheet.write_string(r, 3, "2026-11-30").expect("date");
        }
    }
    book.save(path).expect("xlsx");
}

/// The app over a copy of the bundled zones, the dialog answering with `table`.
fn app(dir: &Path, table: &Path) -> (Harness<'static, SiteMatchApp>, FakeDialogs, PathBuf) {
    let zones = dir.join("zones");
    std::fs::create_dir(&zones).expect("folder");
    for f in std::fs::read_dir(repo("profiles")).expect("profiles") {
        let f = f.expect("entry").path();
        std::fs::copy(&f, zones.join(f.file_name().expect("name"))).expect("copy");
    }
    let dialogs = FakeDialogs::default();
    dialogs.answer(Some(table));
    let mut init = init(None, dialogs.clone());
    init.profiles_dir = zones.clone();
    let mut h = harness_from(init);
    h.get_by_label("开发区").click();
    h.run();
    h.get_by_label("导入要素表…").click();
    h.run();
    (h, dialogs, zones)
}

fn profile(dir: &Path, id: &str) -> ZoneProfile {
    let c = Catalog::builtin().expect("catalog");
    sitematch::io::load_profile(&dir.join(format!("{id}.ron")), &c).expect("a profile")
}

fn value(p: &ZoneProfile, factor: &str) -> String {
    let c = Catalog::builtin().expect("catalog");
    let f = c.find_factor(factor).expect("factor");
    sitematch::model::write::value_file_text(&p.entry(f).expect("a figure").value, c.factor(f), &c)
}

fn click(h: &mut Harness<'_, SiteMatchApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn the_review_accepts_and_rejects_rows_and_saves_only_what_was_accepted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("全省要素表.xlsx");
    table(&path, true);
    let (mut h, dialogs, zones) = app(dir.path(), &path);
    assert_eq!(*dialogs.asked.borrow(), [FileKind::Xlsx]);
    h.get_by_label("导入审核：全省要素表.xlsx");
    h.get_by_label("变更 3 项，冲突 0 项，早于现有数据 0 项，未变 0 项；新建开发区 0 个");
    // Nothing is accepted until the officer says so.
    assert!(h.query_by_label("保存已接受的 0 项").is_some());
    click(&mut h, "接受 侯马经济开发区 可新增供电容量");
    click(&mut h, "接受 临猗现代农业产业示范区 的全部变更");
    h.get_by_label("保存已接受的 2 项");
    // A decision undone and done again.
    click(&mut h, "全部接受");
    h.get_by_label("保存已接受的 3 项");
    click(&mut h, "撤销");
    h.get_by_label("保存已接受的 2 项");
    click(&mut h, "重做");
    click(&mut h, "接受 侯马经济开发区 可供工业用地面积");
    h.get_by_label("保存已接受的 2 项");
    click(&mut h, "保存已接受的 2 项");
    assert!(
        h.query_by_label("导入审核：全省要素表.xlsx").is_none(),
        "the review closes once saved"
    );
    let houma = profile(&zones, "houma");
    assert_eq!(value(&houma, "power.capacity"), "150 mw");
    assert_eq!(
        value(&houma, "land.industrial_area"),
        "1677 mu",
        "a rejected row is not saved"
    );
    assert_eq!(value(&profile(&zones, "linyi"), "power.capacity"), "90 mw");
    let history = sitematch::io::history::zone_history(&zones.join("houma.ron")).expect("history");
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].how, sitematch::model::history::How::Import);
    assert!(history[0].changes.iter().all(|c| c.key == "power.capacity"));
    // The folder shows what was saved.
    assert_eq!(
        value(&h.state().ws().zones[0].profile, "power.capacity"),
        "150 mw"
    );
}

#[test]
fn a_table_with_no_date_column_asks_for_its_day_and_a_discard_asks_twice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("市表.xlsx");
    table(&path, false);
    let (mut h, _, zones) = app(dir.path(), &path);
    h.get_by_label("此表没有数据日期列：请填写表中数据的截止日期，否则无法判断数据是否过期。");
    type_into(&mut h, "数据截止日期", "2025年底");
    click(&mut h, "读取");
    h.get_by_label("变更 3 项，冲突 0 项，早于现有数据 0 项，未变 0 项；新建开发区 0 个");
    click(&mut h, "全部接受");
    click(&mut h, "放弃导入");
    h.get_by_label("已接受的 3 项尚未保存：再点“放弃导入”或再次关闭窗口即放弃。");
    click(&mut h, "放弃导入");
    assert!(h.query_by_label("导入审核：市表.xlsx").is_none());
    assert_eq!(
        value(&profile(&zones, "houma"), "power.capacity"),
        "80 mw",
        "nothing saved"
    );
}

#[test]
fn closing_the_window_with_accepted_figures_unsaved_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("全省要素表.xlsx");
    table(&path, true);
    let (mut h, _, _) = app(dir.path(), &path);
    click(&mut h, "全部接受");
    h.get_by_label("投资需求").click();
    h.run();
    close_window(&mut h);
    // The close is held, and the review shown with what closing again would drop.
    h.get_by_label("已接受的 3 项尚未保存：再点“放弃导入”或再次关闭窗口即放弃。");
    h.get_by_label("保存已接受的 3 项");
}
