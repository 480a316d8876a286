//! The update workbook (填报表) written from the app: an owner's due and stale figures from the
//! data-health view, every zone's figures from the zones view. Real clicks; the fake dialog
//! answers with a path in a temporary folder, and the workbook is read back with calamine.

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use sitematch::app::dialogs::FileKind;

use crate::ui::{FakeDialogs, harness_with};

/// The rows of the workbook's one sheet, as texts.
fn rows(path: &Path) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).expect("a real xlsx");
    let name = book.sheet_names().first().cloned().expect("a sheet");
    let range = book.worksheet_range(&name).expect("the sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|d| match d {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => panic!("a text cell: {other:?}"),
                })
                .collect()
        })
        .collect()
}

fn column(rows: &[Vec<String>], title: &str) -> usize {
    rows[0]
        .iter()
        .position(|t| t == title)
        .unwrap_or_else(|| panic!("no column {title}"))
}

/// The bundled zones are dated 2023-12-31 and the app's day is 2026-11-29: every figure is
/// stale. Houma's 侯马市发展和改革局 owns its three quotas.
#[test]
fn an_owners_update_workbook_is_written_from_the_health_view() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("发改局.xlsx");
    let dialogs = FakeDialogs::default();
    dialogs.answer(Some(&out));
    let mut h = harness_with(None, dialogs.clone());
    h.get_by_label("数据体检").click();
    h.run();
    let picker = h
        .query_all_by_label("查看责任单位")
        .find(|n| n.accesskit_node().role() == Role::Button)
        .map(|n| n.accesskit_node().id())
        .expect("the owner picker");
    h.get_by(|n| n.id() == picker).click();
    h.run();
    let option = h
        .query_all_by_label("侯马市发展和改革局")
        .find(|n| n.accesskit_node().role() != Role::Label && n.accesskit_node().id() != picker)
        .map(|n| n.accesskit_node().id())
        .expect("the owner is offered");
    h.get_by(|n| n.id() == option).click();
    h.run();
    h.get_by_label("导出填报表…").click();
    h.run();
    assert_eq!(*dialogs.asked.borrow(), [FileKind::Xlsx]);
    assert!(out.exists(), "{:?}", h.state().notices());
    let rows = rows(&out);
    let (owner, factor, state) = (
        column(&rows, "责任单位"),
        column(&rows, "要素编号"),
        column(&rows, "状态"),
    );
    let mut factors: Vec<&str> = rows[1..].iter().map(|r| r[factor].as_str()).collect();
    factors.sort_unstable();
    assert_eq!(factors, ["quota.emissions", "quota.energy", "quota.water"]);
    assert!(
        rows[1..]
            .iter()
            .all(|r| r[owner] == "侯马市发展和改革局" && r[0] == "houma")
    );
    assert!(rows[1..].iter().all(|r| r[state] == "已过期"));
}

#[test]
fn every_zones_update_workbook_is_written_from_the_zones_view() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("all.xlsx");
    let dialogs = FakeDialogs::default();
    dialogs.answer(Some(&out));
    let mut h = harness_with(None, dialogs.clone());
    h.get_by_label("开发区").click();
    h.run();
    h.get_by_label("导出填报表…").click();
    h.run();
    assert_eq!(*dialogs.asked.borrow(), [FileKind::Xlsx]);
    let rows = rows(&out);
    // Five zones, the catalog's 31 factors each, with empty input columns.
    assert_eq!(rows.len(), 1 + 5 * 31);
    let first_input = column(&rows, "新值（按单位列）");
    assert!(
        rows[1..]
            .iter()
            .all(|r| r[first_input..].iter().all(String::is_empty))
    );
}

#[test]
fn one_zones_update_workbook_is_written_from_its_editor() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("linyi.xlsx");
    let dialogs = FakeDialogs::default();
    dialogs.answer(Some(&out));
    let mut h = harness_with(None, dialogs.clone());
    h.get_by_label("开发区").click();
    h.run();
    let name = h
        .state()
        .ws()
        .zones
        .iter()
        .find(|z| z.profile.id == "linyi")
        .map(|z| z.profile.name.zh.clone())
        .expect("linyi");
    h.get_all_by_label_contains(&name).next().expect("listed").click();
    h.run();
    let button = h.get_by_label("导出本区填报表…").rect();
    assert!(
        button.right() <= 1280.0,
        "the button fits beside the others: {button:?}"
    );
    h.get_by_label("导出本区填报表…").click();
    h.run();
    assert_eq!(*dialogs.asked.borrow(), [FileKind::Xlsx]);
    let rows = rows(&out);
    assert_eq!(rows.len(), 1 + 31);
    assert!(rows[1..].iter().all(|r| r[0] == "linyi"));
}
