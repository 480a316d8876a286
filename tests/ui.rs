//! UI tests: the real app drawn headless by egui_kittest, widgets found by label, real clicks
//! and typing. Fonts are installed as in the app, so a string no font covers fails the test.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use jiff::civil::Date;
use sitematch::app::dialogs::{FileDialogs, FileKind};
use sitematch::app::{AppInit, SiteMatchApp};
use sitematch::model::{Catalog, Lang, ZoneIdx};
use sitematch::state::settings::Settings;
use sitematch::state::{Modal, Tab};
use sitematch::ui::fonts;

use crate::repo;

/// Dialogs that hand back the paths a test queued, and record what was asked.
#[derive(Clone, Default)]
pub struct FakeDialogs {
    pub answers: Rc<RefCell<VecDeque<Option<PathBuf>>>>,
    pub asked: Rc<RefCell<Vec<FileKind>>>,
}

impl FakeDialogs {
    pub fn answer(&self, path: Option<&Path>) {
        self.answers.borrow_mut().push_back(path.map(Path::to_owned));
    }

    fn next(&self, kind: FileKind) -> Option<PathBuf> {
        self.asked.borrow_mut().push(kind);
        self.answers.borrow_mut().pop_front().flatten()
    }
}

impl FileDialogs for FakeDialogs {
    fn open_file(&mut self, kind: FileKind, _: Option<&Path>, _: Lang) -> Option<PathBuf> {
        self.next(kind)
    }
    fn save_file(&mut self, kind: FileKind, _: Option<&Path>, _: &str, _: Lang) -> Option<PathBuf> {
        self.next(kind)
    }
    fn pick_folder(&mut self, _: Option<&Path>, _: Lang) -> Option<PathBuf> {
        self.next(FileKind::Checklist)
    }
}

/// What the app starts from in a test: the bundled profiles, a fixed date, fake dialogs.
pub fn init(checklist: Option<PathBuf>, dialogs: FakeDialogs) -> AppInit {
    AppInit {
        catalog: Catalog::builtin().expect("catalog"),
        profiles_dir: repo("profiles"),
        checklist,
        settings: Settings::default(),
        recovery: None,
        dialogs: Box::new(dialogs),
        today: Date::new(2026, 11, 29).expect("date"),
        background: None,
        recovery_store: None,
        samples_dir: Some(repo("assets/checklists")),
        data_dir: None,
        log_file: None,
    }
}

/// The one harness factory: the app at the size of a laptop screen, fonts as in the app.
pub fn harness_from(init: AppInit) -> Harness<'static, SiteMatchApp> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        // A command that opens a file dialog waits two frames for the menu to be drawn closed.
        .with_max_steps(8)
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut SiteMatchApp| app.show(ui), SiteMatchApp::new(init));
    harness.run();
    harness
}

pub fn harness_with(checklist: Option<PathBuf>, dialogs: FakeDialogs) -> Harness<'static, SiteMatchApp> {
    harness_from(init(checklist, dialogs))
}

/// Begins a new checklist from the start page.
fn begin(h: &mut Harness<'_, SiteMatchApp>) {
    h.get_by_label("新建需求表").click();
    h.run();
    assert!(!h.state().shows_start());
}

/// The app with a new checklist begun from the start page.
fn harness() -> Harness<'static, SiteMatchApp> {
    let mut h = harness_with(None, FakeDialogs::default());
    begin(&mut h);
    h
}

/// Asks the window to close, as its close button does.
pub fn close_window(harness: &mut Harness<'_, SiteMatchApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
}

/// Types into the field with this accessible name, replacing what it holds.
pub fn type_into(harness: &mut Harness<'_, SiteMatchApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Picks an option of the combo box with this accessible name.
fn choose(harness: &mut Harness<'_, SiteMatchApp>, combo: &str, option: &str) {
    open_picker(harness, combo);
    let option = harness
        .query_all_by_label(option)
        .rfind(|n| n.accesskit_node().role() != Role::ComboBox)
        .expect("the option is in the open list");
    option.click();
    harness.run();
}

/// Opens the drop-down or picker named `name` (a form's label may carry the same words).
fn open_picker(harness: &mut Harness<'_, SiteMatchApp>, name: &str) {
    let picker = |h: &Harness<'_, SiteMatchApp>| {
        h.query_all_by_label(name)
            .find(|n| matches!(n.accesskit_node().role(), Role::ComboBox | Role::Button))
            .map(|n| n.accesskit_node().id())
    };
    let id = picker(harness).unwrap_or_else(|| panic!("a picker named {name}"));
    harness.get_by(|n| n.id() == id).scroll_to_me();
    harness.run();
    let id = picker(harness).unwrap_or_else(|| panic!("a picker named {name}"));
    harness.get_by(|n| n.id() == id).click();
    harness.run();
}

/// The zone names in the order the results table shows them, top to bottom.
fn table_order(harness: &Harness<'_, SiteMatchApp>) -> Vec<String> {
    let app = harness.state();
    let mut rows: Vec<(f32, String)> = app
        .ws()
        .zones
        .iter()
        .map(|z| &z.profile)
        .filter_map(|p| {
            let name = p.name.get(app.settings().lang);
            harness
                .query_by_label(name)
                .map(|n| (n.rect().top(), p.id.clone()))
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, id)| id).collect()
}

fn show_results(harness: &mut Harness<'_, SiteMatchApp>) {
    harness.get_by_label("匹配结果").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Results);
}

#[test]
fn typing_a_land_requirement_changes_the_ranking_in_the_table() {
    let mut h = harness();
    type_into(&mut h, "可新增供电容量 要求", "100");
    show_results(&mut h);
    assert_eq!(
        table_order(&h)[0],
        "xiangfen",
        "120 MW meets 100 MW; Houma's 80 MW does not"
    );

    h.get_by_label("投资需求").click();
    h.run();
    type_into(&mut h, "可供工业用地面积 要求", "1500");
    show_results(&mut h);
    let order = table_order(&h);
    assert_eq!(
        order[0], "houma",
        "1677 mu meets the must-have 1500 mu; Xiangfen's 1200 mu does not: {order:?}"
    );
    assert_eq!(order.len(), 5);
}

#[test]
fn a_must_have_one_zone_fails_shows_it_not_qualified_with_the_reason() {
    let mut h = harness();
    type_into(&mut h, "可新增供电容量 要求", "100");
    choose(&mut h, "可新增供电容量 重要性", "高");
    show_results(&mut h);
    assert!(
        h.query_by_label("✘ 可新增供电容量").is_none(),
        "a high item does not disqualify"
    );

    h.get_by_label("投资需求").click();
    h.run();
    choose(&mut h, "可新增供电容量 重要性", "必须");
    show_results(&mut h);
    let houma = h.state().ws().find("houma").expect("houma");
    let result = h.state().results().ranking.find(houma).expect("ranked").1.clone();
    assert!(!result.qualified);
    assert!(
        h.query_all_by_label("✘ 可新增供电容量").count() >= 1,
        "the reason is shown in the table"
    );
}

#[test]
fn letters_in_a_number_field_show_an_error_and_leave_the_score() {
    let mut h = harness();
    type_into(&mut h, "可供工业用地面积 要求", "1000");
    let before: Vec<_> = h
        .state()
        .results()
        .ranking
        .zones
        .iter()
        .map(|z| (z.zone, z.score.clone()))
        .collect();
    type_into(&mut h, "可供工业用地面积 要求", "1o00");
    assert!(
        h.query_by_label("“1o00”不是数字").is_some(),
        "the reason is shown on the field"
    );
    let after: Vec<_> = h
        .state()
        .results()
        .ranking
        .zones
        .iter()
        .map(|z| (z.zone, z.score.clone()))
        .collect();
    assert_eq!(before, after);
    assert!(
        h.state().has_unsaved(),
        "typed input not taken still counts as unsaved work"
    );
}

#[test]
fn the_language_switch_changes_the_labels() {
    let mut h = harness();
    assert!(h.query_all_by_label("投资需求").count() >= 1);
    assert!(h.query_by_label("可供工业用地面积").is_some());
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.query_all_by_label("投资需求").count(), 0);
    assert!(h.query_by_label("Checklist").is_some());
    assert!(
        h.query_by_label("Available industrial land").is_some(),
        "factor names switch too"
    );
    assert_eq!(h.state().settings().lang, Lang::En);
}

#[test]
fn open_and_save_round_trip_and_replacing_dirty_work_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let saved = dir.path().join("saved.ron");
    let dialogs = FakeDialogs::default();
    let mut h = harness_with(None, dialogs.clone());
    begin(&mut h);

    type_into(&mut h, "项目名称", "测试项目");
    type_into(&mut h, "可供工业用地面积 要求", "300");
    dialogs.answer(Some(&saved));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(saved.is_file(), "Ctrl+S saved through the dialog");
    assert!(!h.state().has_unsaved());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    assert!(
        !h.state().session().is_asking(),
        "a clean checklist is replaced without asking"
    );
    assert_eq!(h.state().doc().checklist.project, "");

    dialogs.answer(Some(&saved));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    assert_eq!(h.state().doc().checklist.project, "测试项目");
    assert_eq!(h.state().doc().path.as_deref(), Some(saved.as_path()));

    type_into(&mut h, "项目名称", "改过的项目");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    assert!(
        matches!(h.state().session().modal(), Some(&Modal::Unsaved { .. })),
        "dirty work is not dropped silently"
    );
    assert!(h.query_by_label("保存修改？").is_some());
    h.get_by_label("取消").click();
    h.run();
    assert!(!h.state().session().is_asking());
    assert_eq!(
        h.state().doc().checklist.project,
        "改过的项目",
        "cancel keeps the work"
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("不保存").click();
    h.run();
    assert_eq!(
        h.state().doc().checklist.project,
        "",
        "discard starts the new checklist"
    );
}

#[test]
fn selecting_a_zone_shows_its_breakdown() {
    let mut h = harness_with(
        Some(repo("assets/checklists/pv_base.ron")),
        FakeDialogs::default(),
    );
    assert_eq!(
        h.state().tab(),
        Tab::Results,
        "an opened checklist shows its results"
    );
    assert!(
        h.query_by_label_contains("第一名稳定：单独调整任一要素的重要性")
            .is_some(),
        "the live ranking says how firm the first place is"
    );
    h.get_all_by_label("原平经济技术开发区")
        .next()
        .expect("row")
        .click();
    h.run();
    let yuanping = h.state().ws().find("yuanping");
    assert_eq!(
        h.state().results_view().selected,
        yuanping,
        "clicking the row selects the zone"
    );
    assert!(
        h.query_by_label("3. 原平经济技术开发区").is_some(),
        "the breakdown heading"
    );
    for status in ["✔ 满足", "△ 部分满足", "✘ 不满足", "? 待核实"] {
        assert!(h.query_all_by_label(status).count() >= 1, "{status} is shown");
    }
    // The category profile, each bar's value in words beside it.
    h.get_by_label("分类得分");
    for (category, score) in [
        ("用地与载体", "68.2"),
        ("水电气热", "78.6"),
        ("交通道路与用工", "100.0"),
        ("产业政策、指标与服务", "21.7"),
    ] {
        h.get_by_label(&format!("{category} {score}"));
    }
    assert!(
        h.query_by_label("缺：C38 电气机械和器材制造业").is_some(),
        "the gap in words"
    );
    assert!(
        h.query_by_label("差 20,000 吨标煤/年").is_some(),
        "a gap in units"
    );
    assert!(
        h.query_all_by_label("示例值").count() >= 1,
        "illustrative values are flagged"
    );
    // What it would take: the two failed must-haves first, each with its gain.
    assert!(
        h.query_by_label_contains("要达到合格需做到").is_some(),
        "the plan's heading"
    );
    assert!(
        h.query_by_label("1. 产业准入：准入 C38 电气机械和器材制造业：达标必需，+7.5 分")
            .is_some(),
        "the first change of the plan"
    );
    assert!(
        h.query_by_label("2. 能耗指标 +20,000 吨标煤/年：达标必需，+6.0 分")
            .is_some(),
        "an amount in units"
    );
    assert!(
        h.query_by_label("就绪等级：筹备中").is_some(),
        "the readiness tier"
    );
}

#[test]
fn reserve_planning_shows_what_blocks_the_pending_projects() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["pv_base", "diamond", "znalmg_steel"] {
        std::fs::copy(
            repo(&format!("assets/checklists/{name}.ron")),
            dir.path().join(format!("{name}.ron")),
        )
        .expect("copy");
    }
    let dialogs = FakeDialogs::default();
    dialogs.answer(Some(dir.path()));
    let mut h = harness_with(None, dialogs);
    h.get_by_label("储备规划").click();
    h.run();
    assert!(h.query_by_label("尚未选择本区或项目文件夹。").is_some());
    choose(&mut h, "本区", "襄汾经济技术开发区");
    h.get_by_label("选择项目文件夹…").click();
    h.run();
    assert!(h.query_by_label("3 个待落地项目，本区现在合格 2 个").is_some());
    assert!(
        h.query_by_label("• 产业准入：准入 C31 黑色金属冶炼和压延加工业：卡住 1 个项目")
            .is_some()
    );
    assert!(
        h.query_by_label("1. 产业准入：准入 C31 黑色金属冶炼和压延加工业：3 个项目中 3 个合格")
            .is_some()
    );
    assert_eq!(h.state().settings().planning_zone.as_deref(), Some("xiangfen"));
}

#[test]
fn an_imported_survey_becomes_a_new_unsaved_checklist() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = Catalog::builtin().expect("catalog");
    let text = std::fs::read_to_string(repo("assets/checklists/diamond.ron")).expect("read");
    let list = sitematch::model::parse_checklist(&text, &catalog).expect("checklist");
    let survey = dir.path().join("survey.xlsx");
    std::fs::write(
        &survey,
        sitematch::survey::write(&catalog, Some(&list)).expect("xlsx"),
    )
    .expect("write");
    let dialogs = FakeDialogs::default();
    dialogs.answer(Some(&survey));
    let mut h = harness_with(None, dialogs.clone());
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("导入调查表 Excel…").click();
    h.run();
    assert_eq!(dialogs.asked.borrow().as_slice(), [FileKind::Xlsx]);
    assert_eq!(h.state().doc().checklist, list);
    assert!(h.state().has_unsaved(), "the import is not saved anywhere yet");
    assert_eq!(h.state().doc().path, None);
}

#[test]
fn every_view_draws_in_both_languages_and_both_themes() {
    let mut h = harness_with(
        Some(repo("assets/checklists/pv_base.ron")),
        FakeDialogs::default(),
    );
    // A word only that view shows, in Chinese and in English.
    let views = [
        (Tab::Checklist, ["项目名称", "Project"]),
        (Tab::Results, ["筛选", "Filter"]),
        (
            Tab::Zones,
            [
                "在左侧选择一个开发区编辑其要素资料，或新建开发区。",
                "Pick a zone on the left to edit its factor inventory, or add a new zone.",
            ],
        ),
        (Tab::Planning, ["选择项目文件夹…", "Choose projects folder…"]),
        (Tab::Report, ["刷新预览", "Refresh preview"]),
    ];
    for (i, (lang, dark)) in [("中文", false), ("English", true)].into_iter().enumerate() {
        h.get_by_label(lang).click();
        h.run();
        h.state_mut().settings_mut().dark = dark;
        for (tab, words) in views {
            h.state_mut().set_tab(tab);
            h.state_mut().results_view_mut().selected = Some(ZoneIdx::new(0));
            h.run();
            assert!(
                h.query_all_by_label(words[i]).next().is_some(),
                "{tab:?} in {lang} shows {}",
                words[i]
            );
            assert_eq!(h.ctx.global_style().visuals.dark_mode, dark, "{tab:?} in {lang}");
        }
        h.state_mut().results_view_mut().compare = [0, 1, 2].map(ZoneIdx::new).to_vec();
        h.state_mut().set_tab(Tab::Results);
        h.run();
        h.state_mut().results_view_mut().compare.clear();
    }
}

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn closing_the_window_with_unsaved_work_asks_first() {
    let mut h = harness();
    type_into(&mut h, "项目名称", "未保存的项目");
    close_window(&mut h);
    assert!(matches!(
        h.state().session().modal(),
        Some(&Modal::Unsaved { .. })
    ));
    assert!(!h.state().quit_requested(), "the close is held");
    h.get_by_label("取消").click();
    h.run();
    assert!(!h.state().quit_requested());

    close_window(&mut h);
    h.get_by_label("不保存").click();
    h.run();
    assert!(h.state().quit_requested(), "discard lets the window close");
}

#[test]
fn unsaved_work_is_autosaved_and_offered_back_after_a_crash() {
    use sitematch::io::recovery::RecoveryStore;
    use sitematch::state::settings::Recovery;
    let dir = tempfile::tempdir().expect("tempdir");
    let store = RecoveryStore::in_dir(dir.path());
    let mut start = init(None, FakeDialogs::default());
    start.recovery_store = Some(store.clone());
    let mut h = harness_from(start);
    begin(&mut h);
    type_into(&mut h, "项目名称", "差点丢失的项目");
    type_into(&mut h, "可供工业用地面积 要求", "450");
    let mut storage = MemoryStorage::default();
    h.state_mut().persist(&mut storage, "2026-11-29 10:30");
    let recovery: Recovery =
        ron::from_str(&store.load().expect("the dirty checklist is kept")).expect("parses");
    assert_eq!(recovery.saved_at, "2026-11-29 10:30");

    // The next start, after a crash: the work is offered back.
    let mut start = init(None, FakeDialogs::default());
    start.recovery = Some(recovery);
    start.recovery_store = Some(store.clone());
    let mut h2 = harness_from(start);
    assert!(h2.query_by_label("恢复未保存的需求表？").is_some());
    h2.get_by_label("恢复").click();
    h2.run();
    assert_eq!(h2.state().doc().checklist.project, "差点丢失的项目");
    assert!(h2.state().has_unsaved(), "restored work is still unsaved");
    assert_eq!(h2.state().doc().checklist, h.state().doc().checklist);

    // Once the work is discarded, nothing is kept for recovery.
    h2.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h2.run();
    h2.get_by_label("不保存").click();
    h2.run();
    h2.state_mut().persist(&mut storage, "2026-11-29 10:31");
    assert_eq!(store.load(), None);
}

#[test]
fn the_panic_hook_writes_the_working_checklist_to_the_recovery_store() {
    use sitematch::app::{CrashSnapshot, install_panic_hook};
    use sitematch::io::recovery::RecoveryStore;
    use sitematch::state::settings::Recovery;
    let dir = tempfile::tempdir().expect("tempdir");
    let store = RecoveryStore::in_dir(dir.path());
    let mut h = harness();
    let snapshot = CrashSnapshot::default();
    h.state_mut().keep_crash_snapshot(snapshot.clone());
    type_into(&mut h, "项目名称", "崩溃前的项目");
    assert!(
        snapshot.lock().expect("lock").is_some(),
        "every edit refreshes the snapshot"
    );

    let before = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    install_panic_hook(store.clone(), snapshot);
    let crashed = std::panic::catch_unwind(|| panic!("a bug in a panel"));
    std::panic::set_hook(before);
    assert!(crashed.is_err());

    let kept: Recovery = ron::from_str(&store.load().expect("written as the process died")).expect("parses");
    let checklist = sitematch::model::parse_checklist(&kept.text, &Catalog::builtin().expect("catalog"))
        .expect("a checklist");
    assert_eq!(checklist.project, "崩溃前的项目");
}

/// The app on a copy of the bundled zones, with Houma open in the zone editor.
fn editing_houma() -> (tempfile::TempDir, Harness<'static, SiteMatchApp>) {
    let dir = tempfile::tempdir().expect("tempdir");
    for path in sitematch::io::ron_files(&repo("profiles")).expect("profiles") {
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    let mut start = init(None, FakeDialogs::default());
    start.profiles_dir = dir.path().to_owned();
    let mut h = harness_from(start);
    h.get_by_label("开发区").click();
    h.run();
    h.get_all_by_label_contains("侯马经济开发区")
        .next()
        .expect("listed")
        .click();
    h.run();
    (dir, h)
}

#[test]
fn editing_a_zone_saves_its_file_and_deleting_keeps_a_backup() {
    let (dir, mut h) = editing_houma();
    assert!(h.state().editor().is_some());

    type_into(&mut h, "可新增供电容量 现有", "95");
    type_into(&mut h, "可新增供电容量 来源", "管委会2024年统计");
    h.get_by_label("保存").click();
    h.run();
    let text = std::fs::read_to_string(dir.path().join("houma.ron")).expect("saved");
    assert!(
        text.contains("\"95 mw\"") && text.contains("管委会2024年统计"),
        "{text}"
    );
    assert!(
        dir.path().join("houma.ron.bak").is_file(),
        "the previous version is kept"
    );
    assert!(!h.state().has_unsaved());

    h.get_by_label("删除…").click();
    h.run();
    h.get_by_label("删除").click();
    h.run();
    assert!(!dir.path().join("houma.ron").exists());
    assert!(
        dir.path().join("houma.ron.bak").is_file(),
        "deleted zones are moved aside, not lost"
    );
    assert_eq!(h.state().ws().zones.len(), 4);
}

/// The officer names a figure's own owner in the zone editor and saves: the file keeps it, and
/// the zone's breakdown in the results names it beside the figure's date and source, with
/// each figure's freshness (the samples' figures are all past their period on the day).
#[test]
fn an_owner_saved_in_the_editor_shows_in_the_breakdown() {
    let dir = tempfile::tempdir().expect("tempdir");
    for path in sitematch::io::ron_files(&repo("profiles")).expect("profiles") {
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    let mut start = init(
        Some(repo("assets/checklists/pv_base.ron")),
        FakeDialogs::default(),
    );
    start.profiles_dir = dir.path().to_owned();
    let mut h = harness_from(start);
    // The tab (the ranking's table has a column of the same name).
    h.get_all_by_label("开发区")
        .find(|n| n.accesskit_node().role() == Role::Button)
        .expect("the zones tab")
        .click();
    h.run();
    h.get_all_by_label_contains("侯马经济开发区")
        .next()
        .expect("listed")
        .click();
    h.run();
    h.get_by_label("可新增供电容量 责任单位").scroll_to_me();
    h.run();
    type_into(&mut h, "可新增供电容量 责任单位", "侯马市供电所");
    h.get_by_label("保存").click();
    h.run();
    assert!(!h.state().has_unsaved(), "{:?}", h.state().notices());
    let text = std::fs::read_to_string(dir.path().join("houma.ron")).expect("saved");
    assert!(text.contains("owner: \"侯马市供电所\""), "{text}");
    assert!(
        text.contains("\"power\": \"国网侯马供电公司\""),
        "the default owners are kept: {text}"
    );

    h.get_by_label("匹配结果").click();
    h.run();
    h.get_all_by_label("侯马经济开发区").next().expect("row").click();
    h.run();
    assert!(h.query_by_label("1. 侯马经济开发区").is_some(), "the breakdown");
    assert!(
        h.query_by_label("责任单位：侯马市供电所").is_some(),
        "the figure's own owner"
    );
    assert!(
        h.query_all_by_label("责任单位：国网侯马供电公司").count() >= 2,
        "the default for the rest of the power group"
    );
    assert!(
        h.query_all_by_label("已过期").count() >= 1,
        "stale figures say so"
    );
    assert!(h.query_by_label_contains("逾一年").is_none());
}

#[test]
fn a_value_without_a_source_is_marked_and_not_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
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
    assert!(h.query_by_label("请注明来源，或勾选“示例值”").is_some());
    h.get_by_label("保存").click();
    h.run();
    assert!(
        !dir.path().join("xinqu.ron").exists(),
        "an unsourced value is not saved"
    );
    h.get_by_label("可新增供电容量 示例值").scroll_to_me();
    h.run();
    h.get_by_label("可新增供电容量 示例值").click();
    h.run();
    h.get_by_label("保存").click();
    h.run();
    assert!(
        dir.path().join("xinqu.ron").is_file(),
        "{:?}",
        h.state().notices()
    );
    assert_eq!(h.state().ws().zones.len(), 1);
}

#[test]
fn the_report_view_previews_and_exports_the_pdf() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("report.pdf");
    let dialogs = FakeDialogs::default();
    let mut h = harness_with(Some(repo("assets/checklists/pv_base.ron")), dialogs.clone());
    h.get_by_label("报告").click();
    h.run();
    assert_eq!(h.state().tab(), Tab::Report);
    assert!(
        !h.state().report_view().pages.is_empty(),
        "the preview shows the pages"
    );
    let pages = h.state().report_view().pages.len();

    h.get_all_by_label("English")
        .find(|n| n.accesskit_node().role() == Role::RadioButton)
        .expect("the report language")
        .click();
    h.run();
    assert_eq!(h.state().report_view().lang, sitematch::report::ReportLang::En);
    dialogs.answer(Some(&out));
    h.get_by_label("导出 PDF…").click();
    h.run();
    let bytes = std::fs::read(&out).expect("the PDF was written where the dialog said");
    assert!(bytes.starts_with(b"%PDF"));
    assert_eq!(dialogs.asked.borrow().last(), Some(&FileKind::Pdf));
    assert!(pages >= 2);

    // Picking the zones ticked for comparison details just those.
    h.state_mut().results_view_mut().compare = [0, 1].map(ZoneIdx::new).to_vec();
    h.run();
    h.get_by_label("“匹配结果”中勾选对比的 2 个").click();
    h.run();
    let model = h.state().report_model();
    assert_eq!(model.sections.len(), 2);
}

#[test]
fn a_report_with_nothing_to_score_says_so() {
    let mut h = harness();
    h.get_by_label("报告").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::P);
    h.run();
    assert!(
        h.state()
            .notices()
            .iter()
            .any(|n| n.is_error && n.text.contains("无法生成报告")),
        "{:?}",
        h.state().notices()
    );
}

#[test]
fn a_file_changed_on_disk_since_opening_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("shared.ron");
    std::fs::copy(repo("assets/checklists/diamond.ron"), &path).expect("copy");
    let mut h = harness_with(Some(path.clone()), FakeDialogs::default());
    h.get_by_label("投资需求").click();
    h.run();
    type_into(&mut h, "项目名称", "我的修改");

    // A colleague saves the same file on the shared folder.
    let theirs = std::fs::read_to_string(&path)
        .expect("read")
        .replace("金刚石深加工", "同事的修改 金刚石深加工");
    std::fs::write(&path, &theirs).expect("their save");

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(
        matches!(h.state().session().modal(), Some(&Modal::Conflict { .. })),
        "asks instead of overwriting"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        theirs,
        "nothing was written"
    );
    assert!(h.query_by_label("文件已被他人修改").is_some());

    h.get_by_label("重新载入（放弃我的修改）").click();
    h.run();
    assert!(
        h.state().doc().checklist.project.starts_with("同事的修改"),
        "their version is loaded"
    );
    assert!(!h.state().has_unsaved());

    // Edit again and choose to overwrite this time.
    type_into(&mut h, "项目名称", "我的第二次修改");
    std::fs::write(&path, theirs.replace("同事的修改", "同事又改了")).expect("their second save");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.get_by_label("覆盖").click();
    h.run();
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("我的第二次修改")
    );
    assert!(!h.state().has_unsaved());
}

/// The importance the working checklist gives a factor (not requested: `None`).
fn importance_of(h: &Harness<'_, SiteMatchApp>, id: &str) -> Option<sitematch::model::Importance> {
    let app = h.state();
    let f = app.ws().catalog.find_factor(id).expect("factor");
    app.doc().checklist.item(f).map(|r| r.importance)
}

#[test]
fn ctrl_z_takes_back_a_drop_down_and_ctrl_y_does_it_again() {
    use sitematch::model::Importance;
    let mut h = harness();
    let default = importance_of(&h, "power.capacity");
    choose(&mut h, "可新增供电容量 重要性", "低");
    assert_eq!(importance_of(&h, "power.capacity"), Some(Importance::Low));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        importance_of(&h, "power.capacity"),
        default,
        "Ctrl+Z took the choice back"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert_eq!(
        importance_of(&h, "power.capacity"),
        Some(Importance::Low),
        "Ctrl+Y did it again"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    h.run();
    assert_eq!(
        importance_of(&h, "power.capacity"),
        Some(Importance::Low),
        "Ctrl+Shift+Z redoes too"
    );
}

#[test]
fn undo_reaches_past_the_focused_field_to_earlier_edits_and_rescores() {
    let mut h = harness();
    type_into(&mut h, "可新增供电容量 要求", "100");
    let scored = h.state().results().requirements.len();
    type_into(&mut h, "可供工业用地面积 要求", "1500");
    assert_eq!(h.state().results().requirements.len(), scored + 1);
    // Two edits back, the focus still in the land field.
    for _ in 0..2 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
    }
    let app = h.state();
    let land = app
        .ws()
        .catalog
        .find_factor("land.industrial_area")
        .expect("factor");
    assert!(
        app.doc()
            .checklist
            .item(land)
            .and_then(|r| r.required.as_ref())
            .is_none()
    );
    assert_eq!(
        app.results().requirements.len(),
        scored - 1,
        "the ranking follows the undo"
    );
}

#[test]
fn the_start_page_opens_a_sample_and_offers_the_other_ways_in() {
    let dialogs = FakeDialogs::default();
    let mut h = harness_with(None, dialogs.clone());
    assert!(h.state().shows_start());
    for offer in [
        "新建需求表",
        "打开需求表…",
        "导入投资方调查表…",
        "选择开发区文件夹…",
        "已加载 5 个开发区",
    ] {
        assert!(h.query_by_label(offer).is_some(), "{offer}");
    }
    h.get_by_label("自动化光伏新能源基地 — 光伏新能源企业（示例）")
        .click();
    h.run();
    assert!(!h.state().shows_start());
    assert_eq!(h.state().doc().checklist.project, "自动化光伏新能源基地");
    assert!(!h.state().results().ranking.zones.is_empty());

    // The survey import asks for a workbook.
    let mut h = harness_with(None, dialogs.clone());
    h.get_by_label("导入投资方调查表…").click();
    h.run();
    assert_eq!(dialogs.asked.borrow().last(), Some(&FileKind::Xlsx));
}

#[test]
fn an_empty_zones_folder_says_so_with_the_button_that_picks_another() {
    let empty = tempfile::tempdir().expect("tempdir");
    let dialogs = FakeDialogs::default();
    let mut init = init(None, dialogs.clone());
    init.profiles_dir = empty.path().to_owned();
    let mut h = harness_from(init);
    assert!(
        h.query_by_label("此文件夹中没有可读取的开发区资料，排名将为空。")
            .is_some(),
        "the start page says so"
    );
    dialogs.answer(Some(&repo("profiles")));
    h.get_by_label("选择开发区文件夹…").click();
    h.run();
    assert_eq!(h.state().ws().zones.len(), 5, "the folder picked loads");
}

#[test]
fn escape_cancels_the_save_question_and_leaves_no_field_focused() {
    let mut h = harness();
    type_into(&mut h, "可供工业用地面积 要求", "515");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    assert!(matches!(
        h.state().session().modal(),
        Some(&Modal::Unsaved { .. })
    ));
    assert!(
        h.ctx.memory(|m| m.focused()).is_none(),
        "the field below gave up the focus"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().session().is_asking(), "Escape answered Cancel");
    assert!(h.state().has_unsaved(), "nothing was discarded");
    assert!(
        h.ctx.memory(|m| m.focused()).is_none(),
        "and the key went to no field"
    );
    let land = h
        .state()
        .ws()
        .catalog
        .find_factor("land.industrial_area")
        .expect("factor");
    assert!(
        h.state()
            .doc()
            .checklist
            .item(land)
            .and_then(|r| r.required.as_ref())
            .is_some()
    );
}

#[test]
fn the_edit_menu_names_what_undo_takes_back() {
    let mut h = harness();
    choose(&mut h, "可新增供电容量 重要性", "低");
    h.get_by_label("编辑").click();
    h.run();
    h.get_by_label_contains("撤销：修改 可新增供电容量 的重要性")
        .click();
    h.run();
    assert_ne!(
        importance_of(&h, "power.capacity"),
        Some(sitematch::model::Importance::Low),
        "the menu item undid the choice"
    );
}

#[test]
fn about_shows_the_data_folder_and_the_zones_folder_in_use() {
    let data = tempfile::tempdir().expect("tempdir");
    let data_dir = data.path().join("SiteMatch").display().to_string();
    let zones_dir = repo("profiles").display().to_string();
    let mut init = init(None, FakeDialogs::default());
    init.data_dir = Some(data.path().join("SiteMatch"));
    let mut h = harness_from(init);
    let zones_shown = h.query_all_by_label(&zones_dir).count();
    assert!(h.query_by_label(&data_dir).is_none());
    h.get_by_label("帮助").click();
    h.run();
    h.get_by_label("关于 SiteMatch…").click();
    h.run();
    h.get_by_label("数据文件夹");
    h.get_by_label(&data_dir);
    // The zones come from the checkout here, not from the data folder: both are shown.
    h.get_by_label("正在使用的开发区文件夹");
    assert_eq!(h.query_all_by_label(&zones_dir).count(), zones_shown + 1);
}

#[test]
fn the_industry_picker_finds_a_division_by_a_product_typed_into_its_search() {
    let mut h = harness();
    open_picker(&mut h, "行业");
    // The search box has the focus at once: typing goes into it.
    h.get_by_label("搜索代码、名称或产品，如 C38、电池")
        .type_text("电池");
    h.run();
    assert!(
        h.query_by_label("C13 农副食品加工业").is_none(),
        "divisions that do not match are hidden"
    );
    h.get_by_label("C38 电气机械和器材制造业").click();
    h.run();
    let app = h.state();
    let industry = app.doc().checklist.industry.expect("an industry was chosen");
    assert_eq!(
        app.ws().catalog.industries().members[usize::from(industry)].id,
        "C38"
    );

    // Steel by its Chinese word.
    open_picker(&mut h, "行业");
    h.get_by_label("搜索代码、名称或产品，如 C38、电池")
        .type_text("钢");
    h.run();
    h.get_by_label("C31 黑色金属冶炼和压延加工业").click();
    h.run();
    let app = h.state();
    let industry = app.doc().checklist.industry.expect("chosen");
    assert_eq!(
        app.ws().catalog.industries().members[usize::from(industry)].id,
        "C31"
    );
}

#[test]
fn an_assessment_is_found_by_its_short_name_in_the_multi_select() {
    let mut h = harness();
    open_picker(&mut h, "已完成区域评估 要求");
    h.get_by_label("已完成区域评估 要求 搜索").type_text("环评");
    h.run();
    h.get_by_label("规划环评").click();
    h.run();
    let app = h.state();
    let f = app
        .ws()
        .catalog
        .find_factor("policy.regional_assessments")
        .expect("factor");
    let required = app.doc().checklist.item(f).and_then(|r| r.required.clone());
    assert!(matches!(required, Some(sitematch::model::Value::Set(m)) if m.len() == 1));
}

#[test]
fn an_empty_zones_folder_says_so_in_the_live_ranking_with_the_button_that_picks_another() {
    let empty = tempfile::tempdir().expect("tempdir");
    let dialogs = FakeDialogs::default();
    dialogs.answer(Some(&repo("profiles")));
    let mut init = init(None, dialogs);
    init.profiles_dir = empty.path().to_owned();
    let mut h = harness_from(init);
    begin(&mut h);
    assert!(
        h.query_by_label_contains("开发区文件夹中没有开发区档案")
            .is_some(),
        "the live ranking says the folder is empty"
    );
    h.get_by_label("选择开发区文件夹…").click();
    h.run();
    h.run();
    assert!(!h.state().ws().zones.is_empty(), "the folder picked was loaded");
    assert!(
        h.query_by_label_contains("开发区文件夹中没有开发区档案")
            .is_none()
    );
}

#[test]
fn the_keyboard_moves_through_the_results_and_a_row_click_shows_its_breakdown_while_zones_are_ticked() {
    let mut h = harness_with(
        Some(repo("assets/checklists/pv_base.ron")),
        FakeDialogs::default(),
    );
    h.state_mut().set_tab(Tab::Results);
    h.run();
    let zones = h.state().results().ranking.zones.clone();
    h.key_press(egui::Key::End);
    h.run();
    assert_eq!(
        h.state().results_view().selected,
        zones.last().map(|z| z.zone),
        "End: the last row"
    );
    h.key_press(egui::Key::Home);
    h.run();
    assert_eq!(
        h.state().results_view().selected,
        Some(zones[0].zone),
        "Home: the first row"
    );
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(
        h.state().results_view().selected,
        Some(zones[1].zone),
        "Down: the next row"
    );

    // Tick two zones for comparison: the comparison shows; a click on a row shows its breakdown.
    let names: Vec<String> = zones
        .iter()
        .take(2)
        .map(|z| h.state().ws().zones[z.zone.index()].profile.name.zh.clone())
        .collect();
    for name in &names {
        h.get_by_label(&format!("对比 {name}")).click();
        h.run();
    }
    assert!(h.state().results_view().showing_compare);
    // The comparison chart: found by its name, every bar's value in it.
    let chart = h.get_by_label_contains("分类得分对比");
    let words = chart.accesskit_node().label().expect("a label").to_owned();
    let catalog = sitematch::model::Catalog::builtin().expect("catalog");
    for (rank, z) in zones.iter().take(2).enumerate() {
        let name = &h.state().ws().zones[z.zone.index()].profile.name.zh;
        let profile = sitematch::scoring::category::profile(&catalog, z);
        let land = profile[0]
            .score
            .as_ref()
            .map_or_else(|| "未涉及".to_owned(), |s| s.fixed(1));
        assert!(
            words.contains(&format!("{}. {name}：用地与载体 {land}", rank + 1)),
            "{words}"
        );
    }
    let third = h.state().ws().zones[zones[2].zone.index()]
        .profile
        .name
        .zh
        .clone();
    h.get_by_label(&third).click();
    h.run();
    assert_eq!(h.state().results_view().selected, Some(zones[2].zone));
    assert!(
        !h.state().results_view().showing_compare,
        "the row's breakdown shows"
    );
}

#[test]
fn a_save_says_saved_and_the_complaint_about_bad_input_goes_once_it_is_fixed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("list.ron");
    let dialogs = FakeDialogs::default();
    dialogs.answer(Some(&path));
    let mut h = harness_with(None, dialogs);
    begin(&mut h);
    type_into(&mut h, "可供工业用地面积 要求", "1o00");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(
        h.state().notices().iter().any(|n| n.is_error),
        "saving with bad input is refused with a complaint"
    );
    type_into(&mut h, "可供工业用地面积 要求", "1000");
    h.run();
    assert!(
        !h.state().notices().iter().any(|n| n.is_error),
        "the complaint went when the input was fixed: {:?}",
        h.state().notices()
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(path.exists(), "saved");
    assert!(
        h.state()
            .notices()
            .iter()
            .any(|n| !n.is_error && n.text.starts_with("已保存")),
        "{:?}",
        h.state().notices()
    );
}

#[test]
fn numbers_are_taken_as_officers_type_them() {
    let mut h = harness();
    let land = h
        .state()
        .ws()
        .catalog
        .find_factor("land.industrial_area")
        .expect("factor");
    let required = |h: &Harness<'_, SiteMatchApp>| match h
        .state()
        .doc()
        .checklist
        .item(land)
        .and_then(|r| r.required.clone())
    {
        Some(sitematch::model::Value::Amount(q)) => Some(q.canonical()),
        _ => None,
    };
    for (typed, mu) in [
        ("300亩", 300),
        ("300 亩", 300),
        ("2万亩", 20_000),
        ("1,000", 1_000),
        ("１，５００", 1_500),
        ("1 兆瓦", 1_500),
    ] {
        type_into(&mut h, "可供工业用地面积 要求", typed);
        if typed == "1 兆瓦" {
            assert!(
                h.query_by_label_contains("兆瓦").is_some(),
                "a unit the field does not take keeps its clear error"
            );
        }
        assert_eq!(required(&h), Some(rust_decimal::Decimal::from(mu)), "{typed}");
    }
}

#[test]
fn a_bad_date_is_marked_on_the_date_field_not_the_value() {
    let (_dir, mut h) = editing_houma();
    type_into(&mut h, "可新增供电容量 数据日期", "2024/13/01");
    h.get_by_label("保存").click();
    h.run();
    assert!(h.query_by_label("日期有误").is_some(), "the date field is marked");
    let power = h
        .state()
        .ws()
        .catalog
        .find_factor("power.capacity")
        .expect("factor");
    let editor = h.state().editor().expect("editor");
    let error = editor.entry_errors[power.index()].as_ref().expect("an error");
    assert_eq!(
        error.text(Lang::Zh),
        "数据日期：“2024/13/01”不是日期，请按 2025-06-30 的格式填写"
    );
    assert!(
        h.query_by_label_contains("不是日期").is_none(),
        "the value field shows no date error"
    );
    assert!(h.state().has_unsaved(), "not saved");
}

#[test]
fn a_must_have_the_header_cannot_give_is_named_until_the_industry_is_chosen() {
    let mut h = harness();
    let named = "必须项“产业准入”的要求取自表头的“行业”，但表头未填写；请填写行业，或为此项写明要求";
    assert!(
        h.query_by_label(named).is_some(),
        "a new checklist says what it lacks"
    );
    open_picker(&mut h, "行业");
    h.get_by_label("搜索代码、名称或产品，如 C38、电池")
        .type_text("C38");
    h.run();
    h.get_by_label("C38 电气机械和器材制造业").click();
    h.run();
    assert!(h.query_by_label(named).is_none(), "gone once the header gives it");
}

/// A character no font has (here one of CJK Extension H, which neither the bundled font nor
/// the usual system fonts hold) in a zone's name is told in the status bar, naming the
/// character, its code and the zone, instead of being drawn as a box and left unsaid.
#[test]
fn a_character_no_font_has_is_told_not_boxed_silently() {
    let dir = tempfile::tempdir().expect("tempdir");
    let houma = std::fs::read_to_string(repo("profiles/houma.ron")).expect("read");
    let houma = houma.replacen("侯马经济开发区", "侯马\u{31350}经济开发区", 1);
    std::fs::write(dir.path().join("houma.ron"), houma).expect("write");
    let mut init = init(None, FakeDialogs::default());
    init.profiles_dir = dir.path().to_owned();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(8)
        .with_context_setup(fonts::install)
        // This test draws the character on purpose: the box is what the notice explains.
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut SiteMatchApp| app.show(ui), SiteMatchApp::new(init));
    h.run();
    begin(&mut h);
    assert!(
        h.query_by_label_contains("以下字符没有字体可以显示").is_some(),
        "the status bar tells of the character"
    );
    assert!(
        h.query_by_label_contains("开发区 houma 的名称中的").is_some()
            && h.query_by_label_contains("（U+31350）").is_some(),
        "naming the zone, the field and the character's code"
    );
}

/// The planning view lists the projects' own progress from the folder (on the harness's day,
/// 2026-11-29): the counts by stage, the start warnings and each project's deadline.
#[test]
fn the_planning_view_shows_the_project_ledger_with_start_warnings() {
    let dialogs = FakeDialogs::default();
    dialogs.answer(Some(&repo("tests/fixtures/pipeline")));
    let mut h = harness_with(None, dialogs);
    h.get_by_label("储备规划").click();
    h.run();
    choose(&mut h, "本区", "侯马经济开发区");
    h.get_by_label("选择项目文件夹…").click();
    h.run();
    assert!(
        h.query_by_label("各阶段项目数：线索 1；在谈 1；签约 1；供地 1；开工 1；投产 0；搁置 0")
            .is_some(),
        "the counts by stage"
    );
    assert!(
        h.query_by_label("开工预警：已签约项目逾期或 30 天内到达约定开工时间")
            .is_some()
    );
    assert!(
        h.query_by_label("✘ 锌铝镁涂层钢板生产线 · 供地 · 2026-10-31 · 逾期 29 天")
            .is_some(),
        "the overdue project first"
    );
    assert!(
        h.query_by_label("△ 自动化光伏新能源基地 · 签约 · 2026-12-20 · 仅剩 21 天")
            .is_some()
    );
    assert_eq!(h.query_all_by_label("王主任").count(), 2, "the officer column");
    assert!(
        h.query_by_label("产业准入：准入 C31 黑色金属冶炼和压延加工业")
            .is_some(),
        "what it would take the steel project at its zone"
    );
    h.get_by_label("English").click();
    h.run();
    assert!(
        h.query_by_label("✘ 锌铝镁涂层钢板生产线 · land supplied · 2026-10-31 · 29 days overdue")
            .is_some(),
        "the ledger follows the language"
    );
    assert!(
        h.query_by_label("Yuanping Economic and Technological Development Zone")
            .is_some(),
        "zone names in English"
    );
}

/// The zones view, with no zone open, draws the schematic map of the zones that give a
/// location (the samples do), coloured and labelled with their scores, and a click on it lists
/// each zone's distance from the point clicked.
#[test]
fn the_schematic_map_places_the_zones_and_measures_from_a_click() {
    let mut h = harness_with(
        Some(repo("assets/checklists/pv_base.ron")),
        FakeDialogs::default(),
    );
    h.state_mut().set_tab(Tab::Zones);
    h.run();
    let heading = h.get_by_label("开发区分布示意图").rect();
    assert!(
        h.query_by_label_contains("不含行政区划界线").is_some(),
        "says it draws no boundaries"
    );
    assert!(h.query_by_label("到所选点的直线距离").is_none());
    let at = heading.left_bottom() + egui::vec2(200.0, 250.0);
    h.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
    assert!(
        h.query_by_label("到所选点的直线距离").is_some(),
        "the click picked a point"
    );
    assert_eq!(
        h.query_all_by_label_contains(" 公里").count(),
        5,
        "a distance for each of the five zones"
    );
}

/// Time-phased capacity in the zone editor: a plan row opens under a quantity, takes the amount,
/// the day and its source, is saved in the file, and shows in the zone's breakdown.
#[test]
fn a_planned_amount_is_entered_under_its_quantity_and_saved() {
    let (dir, mut h) = editing_houma();
    assert!(
        h.query_by_label("可新增供电容量 计划值").is_none(),
        "closed until asked for"
    );
    h.get_by_label("可新增供电容量 添加计划").scroll_to_me();
    h.run();
    h.get_by_label("可新增供电容量 添加计划").click();
    h.run();
    type_into(&mut h, "可新增供电容量 计划值", "120");
    h.get_by_label("保存").click();
    h.run();
    let power = h
        .state()
        .ws()
        .catalog
        .find_factor("power.capacity")
        .expect("factor");
    let error = h.state().editor().expect("editor").entry_errors[power.index()]
        .as_ref()
        .map(|e| e.text(Lang::Zh));
    assert_eq!(
        error.as_deref(),
        Some("计划值：请填写计划日期，如 2025-06-30"),
        "a plan needs its day"
    );
    assert!(h.state().has_unsaved(), "not saved without it");
    type_into(&mut h, "可新增供电容量 计划日期", "2027-06-30");
    type_into(&mut h, "可新增供电容量 计划来源", "国网侯马供电公司扩容批复");
    h.get_by_label("保存").click();
    h.run();
    let text = std::fs::read_to_string(dir.path().join("houma.ron")).expect("saved");
    assert!(
        text.contains("planned: (") && text.contains("\"120 mw\"") && text.contains("\"2027-06-30\""),
        "{text}"
    );
    let c = Catalog::builtin().expect("catalog");
    let saved = sitematch::model::parse_profile(&text, "houma", &c).expect("reads back");
    let plan = saved
        .entry(power)
        .and_then(|e| e.planned.clone())
        .expect("a plan");
    assert_eq!(plan.by.to_string(), "2027-06-30");
    assert_eq!(plan.source, "国网侯马供电公司扩容批复");
    assert!(!h.state().has_unsaved());

    // Cleared with its button, the plan leaves the file.
    h.get_by_label("可新增供电容量 删除计划").click();
    h.run();
    h.get_by_label("保存").click();
    h.run();
    let text = std::fs::read_to_string(dir.path().join("houma.ron")).expect("saved");
    assert!(!text.contains("planned: ("), "{text}");
}

/// The investor's planned start, typed in the checklist header, lets a zone's planned capacity
/// count: Shuozhou has 40 MW and plans 60 MW by 2027-06-30 against 55 MW required.
#[test]
fn a_planned_start_after_a_zone_s_plan_makes_its_capacity_met() {
    let mut h = harness();
    type_into(&mut h, "可新增供电容量 要求", "55");
    let power = |h: &Harness<'_, SiteMatchApp>| {
        let app = h.state();
        let zone = app.ws().find("shuozhou").expect("shuozhou");
        let f = app.ws().catalog.find_factor("power.capacity").expect("factor");
        let item = app
            .results()
            .ranking
            .find(zone)
            .expect("ranked")
            .1
            .item(f)
            .expect("item")
            .clone();
        (item.status, item.gap)
    };
    let by = Date::new(2027, 6, 30).expect("date");
    let (status, gap) = power(&h);
    assert_eq!(status, sitematch::scoring::Status::Partial, "{gap:?}");
    assert!(matches!(gap, sitematch::scoring::Gap::PlannedAmount { by: b, .. } if b == by));

    type_into(&mut h, "计划开工时间", "2027-09-01");
    let start = Date::new(2027, 9, 1).expect("date");
    assert_eq!(
        power(&h),
        (
            sitematch::scoring::Status::Met,
            sitematch::scoring::Gap::ReadyBeforeStart { by, start }
        )
    );
    // A start before the plan's day leaves it a plan.
    type_into(&mut h, "计划开工时间", "2027-05-01");
    assert_eq!(power(&h).0, sitematch::scoring::Status::Partial);
    // Not a date: said beside the field, the last good date kept.
    type_into(&mut h, "计划开工时间", "明年");
    assert!(
        h.query_by_label("“明年”不是日期，请按 2025-06-30 的格式填写")
            .is_some()
    );
    assert_eq!(
        h.state().doc().checklist.pipeline.planned_start,
        Date::new(2027, 5, 1).ok()
    );
}
