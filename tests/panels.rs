//! Per-panel UI tests: one view function drawn alone by egui_kittest, with its own state and the
//! data it reads, without the app around it. A test finds widgets by label or role, clicks and
//! types, and asserts on the view's state and on the commands it returned.

use std::path::PathBuf;
use std::rc::Rc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use jiff::civil::Date;
use sitematch::model::{Catalog, Checklist, Lang, parse_checklist};
use sitematch::state::checklist_doc::ChecklistForm;
use sitematch::state::profile_edit::ProfileEditor;
use sitematch::state::value_draft::ValueDraft;
use sitematch::state::workspace::{Results, Workspace};
use sitematch::state::{Command, PlanningResult, PlanningState};
use sitematch::ui::checklist_view::{ChecklistData, checklist_view_ui};
use sitematch::ui::fonts;
use sitematch::ui::no_zones::Folder;
use sitematch::ui::planning_view::{PlanningData, planning_view_ui};
use sitematch::ui::report_view::{ReportData, ReportState, TYPING_PAUSE, report_view_ui};
use sitematch::ui::results_view::{ResultsData, ResultsState, results_view_ui};
use sitematch::ui::start_view::{Sample, StartData, start_view_ui};
use sitematch::ui::status_bar::{StatusData, status_bar_ui};
use sitematch::ui::zones_view::{ZonesData, zones_view_ui};

use crate::repo;

/// What a panel harness holds: the view's own state, and every command the view returned
/// since the test last took them.
pub struct Panel<S> {
    pub state: S,
    pub commands: Vec<Command>,
}

impl<S> Panel<S> {
    /// The commands returned since the last call, in the order the frames returned them.
    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.commands)
    }
}

/// The one per-panel harness factory: `view` draws a single panel from `state` (and whatever
/// data it owns) and returns its commands, which the harness keeps; fonts as in the app, at
/// the size of a laptop screen. The first frames are run.
pub fn panel_harness<S: 'static>(
    state: S,
    mut view: impl FnMut(&mut egui::Ui, &mut S) -> Vec<Command> + 'static,
) -> Harness<'static, Panel<S>> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(fonts::install)
        .build_ui_state(
            move |ui, panel: &mut Panel<S>| {
                let commands = view(ui, &mut panel.state);
                panel.commands.extend(commands);
            },
            Panel {
                state,
                commands: Vec::new(),
            },
        );
    harness.run();
    harness
}

/// The day the tests rank on.
fn today() -> Date {
    Date::new(2026, 11, 29).expect("date")
}

/// One of the bundled sample checklists.
fn sample(catalog: &Catalog, name: &str) -> Checklist {
    let path = repo(&format!("assets/checklists/{name}.ron"));
    let text = std::fs::read_to_string(path).expect("sample checklist");
    parse_checklist(&text, catalog).expect("parses")
}

/// What the views read: the bundled catalog and zones, and the ranking of the photovoltaic
/// sample checklist.
struct Fixture {
    ws: Workspace,
    checklist: Checklist,
    results: Results,
}

impl Fixture {
    fn new() -> Rc<Self> {
        let catalog = Catalog::builtin().expect("catalog");
        let (ws, error) = Workspace::load(catalog, &repo("profiles"));
        assert!(error.is_none(), "the bundled zones load");
        let checklist = sample(&ws.catalog, "pv_base");
        let results = Results::compute(&ws.catalog, &checklist, &ws.zones, today());
        Rc::new(Fixture {
            ws,
            checklist,
            results,
        })
    }

    fn catalog(&self) -> &Catalog {
        &self.ws.catalog
    }

    fn folder(&self) -> Folder<'_> {
        Folder {
            dir: &self.ws.dir,
            failed: self.ws.errors.len(),
            loading: false,
        }
    }

    /// A zone's position and Chinese name, by its id.
    fn zone(&self, id: &str) -> (sitematch::model::ZoneIdx, String) {
        let z = self.ws.find(id).expect("a bundled zone");
        (z, self.ws.zones[z.index()].profile.name.zh.clone())
    }

    fn results_data(&self) -> ResultsData<'_> {
        ResultsData {
            catalog: self.catalog(),
            zones: &self.ws.zones,
            folder: self.folder(),
            results: &self.results,
            lang: Lang::Zh,
            today: today(),
        }
    }

    fn zones_data(&self) -> ZonesData<'_> {
        ZonesData {
            ws: &self.ws,
            lang: Lang::Zh,
            today: today(),
            results: &self.results,
        }
    }
}

/// Types into the field with this accessible name, replacing what it holds.
fn type_into<S>(h: &mut Harness<'_, Panel<S>>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Clicks the button or link with this label.
fn click<S>(h: &mut Harness<'_, Panel<S>>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

// ---------------------------------------------------------------------------------------------
// 匹配结果

fn results_harness(fx: &Rc<Fixture>) -> Harness<'static, Panel<ResultsState>> {
    let fx = Rc::clone(fx);
    panel_harness(ResultsState::default(), move |ui, state| {
        results_view_ui(ui, state, &fx.results_data())
    })
}

#[test]
fn panels_results_a_row_click_selects_the_zone_and_its_breakdown_asks_for_the_editor() {
    let fx = Fixture::new();
    let mut h = results_harness(&fx);
    assert!(
        h.query_by_label_contains("点击一行查看").is_some(),
        "nothing selected yet"
    );
    let (yuanping, name) = fx.zone("yuanping");
    h.get_all_by_label(&name).next().expect("its row").click();
    h.run();
    assert_eq!(h.state().state.selected, Some(yuanping), "the row is selected");
    assert!(
        h.state_mut().take().is_empty(),
        "a row click is the view's own business"
    );
    let rank = fx
        .results
        .ranking
        .find(yuanping)
        .map(|(rank, _)| rank)
        .expect("ranked");
    assert!(
        h.query_by_label(&format!("{rank}. {name}")).is_some(),
        "the breakdown of the row shows"
    );
    click(&mut h, "编辑资料");
    assert_eq!(h.state_mut().take(), vec![Command::SelectProfile(yuanping)]);
}

#[test]
fn panels_results_the_filter_keeps_only_the_zones_it_names() {
    let fx = Fixture::new();
    let mut h = results_harness(&fx);
    let (_, houma) = fx.zone("houma");
    let (_, yuanping) = fx.zone("yuanping");
    assert!(h.query_by_label(&houma).is_some());
    type_into(&mut h, "筛选", "原平");
    assert_eq!(h.state().state.filter, "原平");
    assert!(h.query_by_label(&yuanping).is_some(), "the zone named stays");
    assert!(h.query_by_label(&houma).is_none(), "another zone goes");
}

#[test]
fn panels_results_ticking_two_zones_compares_them() {
    let fx = Fixture::new();
    let mut h = results_harness(&fx);
    let (houma, houma_name) = fx.zone("houma");
    let (linyi, linyi_name) = fx.zone("linyi");
    click(&mut h, &format!("对比 {houma_name}"));
    click(&mut h, &format!("对比 {linyi_name}"));
    let state = &h.state().state;
    assert_eq!(state.compare, vec![houma, linyi]);
    assert!(state.showing_compare);
    click(&mut h, "清除对比（2）");
    assert!(h.state().state.compare.is_empty());
}

// ---------------------------------------------------------------------------------------------
// 投资需求

fn checklist_harness(fx: &Rc<Fixture>) -> Harness<'static, Panel<ChecklistForm>> {
    let form = ChecklistForm::from_checklist(fx.catalog(), &fx.checklist);
    let fx = Rc::clone(fx);
    panel_harness(form, move |ui, form| {
        let data = ChecklistData {
            catalog: fx.catalog(),
            unscorable: &[],
            zones: &fx.ws.zones,
            folder: fx.folder(),
            results: &fx.results,
            lang: Lang::Zh,
        };
        checklist_view_ui(ui, form, &data)
    })
}

#[test]
fn panels_checklist_typing_an_amount_reports_the_item_edited() {
    let fx = Fixture::new();
    let mut h = checklist_harness(&fx);
    assert!(h.state_mut().take().is_empty(), "drawing alone asks for nothing");
    let land = fx.catalog().find_factor("land.largest_parcel").expect("factor");
    type_into(&mut h, "最大连片地块 要求", "350");
    let commands = h.state_mut().take();
    assert!(!commands.is_empty(), "typing is an edit");
    assert!(
        commands.iter().all(|c| *c == Command::ItemEdited(land)),
        "only that item was edited: {commands:?}"
    );
    let draft = &h.state().state.items[land.index()].value;
    assert!(
        matches!(draft, ValueDraft::Amount { text, .. } if text == "350"),
        "the draft holds what was typed: {draft:?}"
    );
}

#[test]
fn panels_checklist_the_header_and_the_live_ranking_return_their_commands() {
    let fx = Fixture::new();
    let mut h = checklist_harness(&fx);
    type_into(&mut h, "投资方", "某新能源公司");
    let commands = h.state_mut().take();
    assert!(commands.contains(&Command::HeaderEdited), "{commands:?}");
    assert_eq!(h.state().state.header.investor, "某新能源公司");

    // The first zone of the live ranking shows its breakdown.
    let first = &fx.results.ranking.zones[0];
    let name = &fx.ws.zones[first.zone.index()].profile.name.zh;
    let row = h
        .query_all_by_label_contains(name)
        .find(|n| n.accesskit_node().role() == Role::Button)
        .map(|n| n.accesskit_node().id())
        .expect("the live ranking lists the first zone");
    h.get_by(|n| n.id() == row).click();
    h.run();
    assert_eq!(h.state_mut().take(), vec![Command::ShowZone(first.zone)]);
}

// ---------------------------------------------------------------------------------------------
// 开发区

fn zones_harness(
    fx: &Rc<Fixture>,
    editor: Option<ProfileEditor>,
) -> Harness<'static, Panel<Option<ProfileEditor>>> {
    let fx = Rc::clone(fx);
    panel_harness(editor, move |ui, editor| {
        zones_view_ui(ui, editor.as_mut(), &fx.zones_data())
    })
}

#[test]
fn panels_zones_with_no_editor_the_list_asks_to_open_add_and_reload() {
    let fx = Fixture::new();
    let mut h = zones_harness(&fx, None);
    assert!(h.query_by_label("开发区分布示意图").is_some(), "the map shows");
    let (houma, name) = fx.zone("houma");
    h.get_all_by_label_contains(&name).next().expect("listed").click();
    h.run();
    assert_eq!(h.state_mut().take(), vec![Command::SelectProfile(houma)]);
    click(&mut h, "新建开发区");
    click(&mut h, "重新加载");
    assert_eq!(h.state_mut().take(), vec![Command::NewProfile, Command::Reload]);
}

#[test]
fn panels_zones_an_open_editor_saves_only_once_edited() {
    let fx = Fixture::new();
    let (houma, name) = fx.zone("houma");
    let zone = &fx.ws.zones[houma.index()];
    let editor = ProfileEditor::open(fx.catalog(), &zone.profile, houma, zone.path.clone());
    let mut h = zones_harness(&fx, Some(editor));
    assert!(
        h.query_by_label(&format!("{name} (houma.ron)")).is_some(),
        "the editor's title"
    );
    click(&mut h, "保存");
    assert!(h.state_mut().take().is_empty(), "nothing to save before an edit");

    let land = fx.catalog().find_factor("land.industrial_area").expect("factor");
    type_into(&mut h, "可供工业用地面积 来源", "管委会 2026 年台账");
    let commands = h.state_mut().take();
    assert!(!commands.is_empty());
    assert!(
        commands.iter().all(|c| *c == Command::ProfileEdited(Some(land))),
        "{commands:?}"
    );
    assert!(h.state().state.as_ref().is_some_and(ProfileEditor::is_dirty));
    click(&mut h, "保存");
    click(&mut h, "撤销修改");
    click(&mut h, "删除…");
    assert_eq!(
        h.state_mut().take(),
        vec![
            Command::SaveProfile,
            Command::RevertProfile,
            Command::DeleteProfile
        ]
    );
}

/// The zones view drawn as on `day`.
fn zones_harness_on(
    fx: &Rc<Fixture>,
    editor: Option<ProfileEditor>,
    day: Date,
) -> Harness<'static, Panel<Option<ProfileEditor>>> {
    let fx = Rc::clone(fx);
    panel_harness(editor, move |ui, editor| {
        let data = ZonesData {
            today: day,
            ..fx.zones_data()
        };
        zones_view_ui(ui, editor.as_mut(), &data)
    })
}

/// The samples' figures are dated 2023-12-31: on 2025-12-15 those of the factors that stay
/// current two years are due, the others stale. Each zone of the list says how many of each.
#[test]
fn panels_zones_the_list_counts_each_zone_s_stale_and_due_figures() {
    let fx = Fixture::new();
    let day = Date::new(2025, 12, 15).expect("date");
    let h = zones_harness_on(&fx, None, day);
    let (houma, _) = fx.zone("houma");
    let tally = fx.ws.zones[houma.index()]
        .profile
        .freshness_tally(fx.catalog(), day);
    assert!(tally.stale > 0 && tally.due > 0, "{tally:?}");
    assert!(h.query_by_label(&format!("已过期 {}", tally.stale)).is_some());
    assert!(h.query_by_label(&format!("待更新 {}", tally.due)).is_some());
    // A day when every figure is past its period: no zone has one due.
    let h = zones_harness_on(&fx, None, today());
    assert!(h.query_all_by_label_contains("待更新").next().is_none());
    assert!(
        h.query_all_by_label_contains("已过期").count() >= 5,
        "one per zone"
    );
}

/// The editor shows where each figure stands and lets the officer give a figure its own owner
/// and the profile a default owner for a key picked from the catalog's, or take one away.
#[test]
fn panels_zones_the_editor_shows_freshness_and_edits_owners() {
    let fx = Fixture::new();
    let (houma, _) = fx.zone("houma");
    let zone = &fx.ws.zones[houma.index()];
    let editor = ProfileEditor::open(fx.catalog(), &zone.profile, houma, zone.path.clone());
    let day = Date::new(2025, 12, 15).expect("date");
    let mut h = zones_harness_on(&fx, Some(editor), day);
    assert!(
        h.query_all_by_label("待更新").count() >= 1,
        "the two-year figures"
    );
    assert!(h.query_all_by_label("已过期").count() >= 1, "the others");
    click(&mut h, "默认责任单位（6）");
    assert!(
        h.query_all_by_label_contains("要素组 power：可新增供电容量等")
            .next()
            .is_some(),
        "a group named in words"
    );
    assert!(
        h.query_by_label("要素组 power：可新增供电容量等 4 项 默认责任单位")
            .is_some(),
        "its owner's field"
    );

    let power = fx.catalog().find_factor("power.capacity").expect("factor");
    h.get_by_label("可新增供电容量 责任单位").scroll_to_me();
    h.run();
    type_into(&mut h, "可新增供电容量 责任单位", "侯马市供电所");
    let commands = h.state_mut().take();
    assert!(
        !commands.is_empty() && commands.iter().all(|c| *c == Command::ProfileEdited(Some(power))),
        "{commands:?}"
    );
    let editor = || h.state().state.clone().expect("the editor");
    assert_eq!(editor().form.entries[power.index()].owner, "侯马市供电所");

    choose(&mut h, "添加默认责任单位…", "要素：天然气供应能力");
    assert_eq!(h.state_mut().take(), vec![Command::ProfileEdited(None)]);
    type_into(&mut h, "要素：天然气供应能力 默认责任单位", "侯马市燃气公司");
    assert!(h.state_mut().take().contains(&Command::ProfileEdited(None)));
    let gas = fx.catalog().find_factor("gas.supply").expect("factor");
    let ed = h.state().state.clone().expect("the editor");
    assert_eq!(
        ed.owner_in_force(fx.catalog(), gas).map(|(o, _)| o).as_deref(),
        Some("侯马市燃气公司")
    );
    assert!(h.query_by_label("默认责任单位（7）").is_some());

    click(&mut h, "要素：天然气供应能力 删除默认责任单位");
    assert_eq!(h.state_mut().take(), vec![Command::ProfileEdited(None)]);
    let ed = h.state().state.clone().expect("the editor");
    assert!(ed.form.owners.iter().all(|r| r.key != "gas.supply"));
    assert_eq!(ed.owner_in_force(fx.catalog(), gas), None);
}

/// Picks an option of the drop-down with this accessible name.
fn choose<S>(h: &mut Harness<'_, Panel<S>>, combo: &str, option: &str) {
    let id = h
        .query_all_by_label(combo)
        .find(|n| n.accesskit_node().role() == Role::ComboBox)
        .map(|n| n.accesskit_node().id())
        .unwrap_or_else(|| panic!("a drop-down named {combo}"));
    h.get_by(|n| n.id() == id).scroll_to_me();
    h.run();
    h.get_by(|n| n.id() == id).click();
    h.run();
    let find = |h: &Harness<'_, Panel<S>>| {
        h.query_all_by_label(option)
            .rfind(|n| n.accesskit_node().role() != Role::ComboBox)
            .map(|n| n.accesskit_node().id())
            .unwrap_or_else(|| panic!("{option} in the open list"))
    };
    let id = find(h);
    h.get_by(|n| n.id() == id).scroll_to_me();
    h.run();
    let id = find(h);
    h.get_by(|n| n.id() == id).click();
    h.run();
}

// ---------------------------------------------------------------------------------------------
// 储备规划

/// The planning view's state and the settings it reads: the zone chosen and the folder.
struct Planning {
    state: PlanningState,
    zone: Option<String>,
    folder: Option<PathBuf>,
}

fn planning_harness(fx: &Rc<Fixture>, planning: Planning) -> Harness<'static, Panel<Planning>> {
    let fx = Rc::clone(fx);
    panel_harness(planning, move |ui, p| {
        let data = PlanningData {
            catalog: fx.catalog(),
            zones: &fx.ws.zones,
            zone: p.zone.as_deref(),
            folder: p.folder.as_deref(),
            lang: Lang::Zh,
        };
        planning_view_ui(ui, &p.state, &data)
    })
}

/// The planning view as Xiangfen sees the checklists `lists` (files `names` of `folder`).
fn planned(fx: &Fixture, folder: &str, names: &[&str], lists: &[Checklist]) -> Planning {
    let catalog = fx.catalog();
    let (xiangfen, _) = fx.zone("xiangfen");
    let profile = &fx.ws.zones[xiangfen.index()].profile;
    let files: Vec<String> = names.iter().map(|n| format!("{n}.ron")).collect();
    let result = PlanningResult {
        pipeline: sitematch::plan::pipeline::pipeline(catalog, profile, lists, today()),
        ledger: sitematch::report::projects::Ledger::build(
            catalog,
            files.iter().map(String::as_str).zip(lists),
            &fx.ws.zones,
            today(),
            Lang::Zh,
        ),
        paths: files.iter().map(|f| repo(folder).join(f)).collect(),
        errors: Vec::new(),
    };
    Planning {
        state: PlanningState {
            result: Some(result),
            error: None,
        },
        zone: Some("xiangfen".to_owned()),
        folder: Some(repo(folder)),
    }
}

#[test]
fn panels_planning_asks_for_the_zone_picked_and_the_folder() {
    let fx = Fixture::new();
    let planning = Planning {
        state: PlanningState::default(),
        zone: None,
        folder: None,
    };
    let mut h = planning_harness(&fx, planning);
    assert!(h.query_by_label("尚未选择本区或项目文件夹。").is_some());
    assert!(
        h.query_by_label("重新计算").is_none(),
        "nothing to compute again without a folder"
    );
    let picker = h
        .query_all_by_label("本区")
        .find(|n| n.accesskit_node().role() == Role::Button)
        .map(|n| n.accesskit_node().id())
        .expect("the zone picker");
    h.get_by(|n| n.id() == picker).click();
    h.run();
    click(&mut h, "襄汾经济技术开发区");
    assert_eq!(
        h.state_mut().take(),
        vec![Command::PlanZone("xiangfen".to_owned())]
    );
    click(&mut h, "选择项目文件夹…");
    assert_eq!(h.state_mut().take(), vec![Command::PlanFolder]);
}

#[test]
fn panels_planning_shows_the_pipeline_and_asks_to_compute_again() {
    let fx = Fixture::new();
    let lists: Vec<Checklist> = ["pv_base", "diamond", "znalmg_steel"]
        .iter()
        .map(|n| sample(fx.catalog(), n))
        .collect();
    let planning = planned(
        &fx,
        "assets/checklists",
        &["pv_base", "diamond", "znalmg_steel"],
        &lists,
    );
    let mut h = planning_harness(&fx, planning);
    assert!(h.query_by_label("3 个待落地项目，本区现在合格 2 个").is_some());
    assert!(
        h.query_by_label("• 产业准入：准入 C31 黑色金属冶炼和压延加工业：卡住 1 个项目")
            .is_some(),
        "the shortfall that blocks a project"
    );
    // The ladder as a staircase: found by its name, its steps in it, from today's two of three
    // to the third project qualified.
    let chart = h.get_by_label_contains("储备阶梯图");
    let words = chart.accesskit_node().label().expect("a label").to_owned();
    assert!(words.contains("现在：2/3 个项目合格"), "{words}");
    assert!(words.contains("1. ") && words.contains("：3/3"), "{words}");
    let picker = h
        .query_all_by_label("本区")
        .find(|n| n.accesskit_node().role() == Role::Button)
        .expect("the zone picker");
    assert_eq!(
        picker.accesskit_node().description().as_deref(),
        Some("襄汾经济技术开发区"),
        "the picker names the zone chosen"
    );
    click(&mut h, "重新计算");
    assert_eq!(h.state_mut().take(), vec![Command::PlanRefresh]);
}

// ---------------------------------------------------------------------------------------------
// 报告

/// The report view's state and the officer's name it edits.
struct Report {
    state: ReportState,
    prepared_by: String,
}

fn report_harness(scored: usize, stale: bool) -> Harness<'static, Panel<Report>> {
    let report = Report {
        state: ReportState {
            stale,
            ..ReportState::default()
        },
        prepared_by: String::new(),
    };
    panel_harness(report, move |ui, r| {
        // More zones than the ranking lists by default, so that no option is cut to fit.
        let data = ReportData {
            lang: Lang::Zh,
            zones: 30,
            picked: 0,
            scored,
        };
        report_view_ui(ui, &mut r.state, &mut r.prepared_by, &data)
    })
}

#[test]
fn panels_report_the_buttons_return_their_commands() {
    let mut h = report_harness(12, false);
    let first = h.state_mut().take();
    assert!(
        first.is_empty(),
        "an up-to-date preview is not laid out again: {first:?}"
    );
    click(&mut h, "刷新预览");
    click(&mut h, "导出 PDF…");
    click(&mut h, "导出 Word…");
    // The print button carries its shortcut beside its name.
    h.get_by_label_contains("打印").click();
    h.run();
    assert_eq!(
        h.state_mut().take(),
        vec![
            Command::RefreshPreview,
            Command::ExportPdf,
            Command::ExportDocx,
            Command::PrintReport
        ]
    );
}

#[test]
fn panels_report_a_changed_option_asks_for_a_new_preview() {
    let mut h = report_harness(12, false);
    click(&mut h, "English");
    assert_eq!(h.state().state.state.lang, sitematch::report::ReportLang::En);
    assert!(h.state().state.state.stale);
    let commands = h.state_mut().take();
    assert!(commands.contains(&Command::RefreshPreview), "{commands:?}");
}

#[test]
fn panels_report_typing_the_name_waits_for_a_pause_before_the_preview() {
    let mut h = report_harness(12, false);
    h.get_by_label("编制人（姓名、单位）").click();
    h.run();
    h.get_by_label("编制人（姓名、单位）").type_text("张三");
    h.step();
    assert_eq!(h.state().state.prepared_by, "张三");
    assert!(h.state().state.state.stale);
    assert!(h.state_mut().take().is_empty(), "no layout while typing");
    // A frame is a quarter of a second: the preview is asked for once the pause has passed.
    let mut frames = 0;
    while h.state().commands.is_empty() {
        assert!(frames < 8, "the preview is asked for in the end");
        h.step();
        frames += 1;
    }
    assert!(
        f64::from(frames) * 0.25 >= TYPING_PAUSE,
        "not before the pause: {frames} frames"
    );
    assert_eq!(h.state_mut().take(), vec![Command::RefreshPreview]);
}

#[test]
fn panels_report_with_nothing_scored_offers_nothing_to_do() {
    let mut h = report_harness(0, true);
    assert!(h.query_by_label("需求表尚无可计分的要求。").is_some());
    click(&mut h, "刷新预览");
    click(&mut h, "导出 PDF…");
    assert!(
        h.state_mut().take().is_empty(),
        "no preview and no export of nothing"
    );
}

// ---------------------------------------------------------------------------------------------
// 开始页

#[test]
fn panels_start_the_sample_and_the_other_ways_in_return_their_commands() {
    let fx = Fixture::new();
    let (lists, _) =
        sitematch::io::load_checklists(&repo("assets/checklists"), fx.catalog()).expect("samples");
    let samples: Vec<Sample> = lists
        .into_iter()
        .map(|(path, c)| Sample {
            project: c.project,
            investor: c.investor,
            path,
        })
        .collect();
    let recent = vec![PathBuf::from("招商资料").join("某项目.ron")];
    let mut h = panel_harness((), move |ui, ()| {
        let data = StartData {
            lang: Lang::Zh,
            samples: &samples,
            recent: &recent,
            zones: fx.ws.zones.len(),
            failed: 0,
            zones_dir: &fx.ws.dir,
            loading: false,
        };
        start_view_ui(ui, &data)
    });
    assert!(h.query_by_label("已加载 5 个开发区").is_some());
    click(&mut h, "自动化光伏新能源基地 — 光伏新能源企业（示例）");
    assert_eq!(
        h.state_mut().take(),
        vec![Command::OpenChecklist(Some(repo(
            "assets/checklists/pv_base.ron"
        )))]
    );
    click(&mut h, "某项目.ron");
    click(&mut h, "新建需求表");
    click(&mut h, "打开需求表…");
    click(&mut h, "导入投资方调查表…");
    click(&mut h, "选择开发区文件夹…");
    assert_eq!(
        h.state_mut().take(),
        vec![
            Command::OpenChecklist(Some(PathBuf::from("招商资料").join("某项目.ron"))),
            Command::NewChecklist,
            Command::OpenChecklist(None),
            Command::ImportSurvey,
            Command::OpenProfilesFolder,
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// 状态栏

#[test]
fn panels_status_bar_says_what_is_unsaved_and_what_failed() {
    let dir = repo("profiles");
    // The state: whether the checklist has unsaved changes.
    let mut h = panel_harness(false, move |ui, unsaved| {
        let data = StatusData {
            lang: Lang::Zh,
            zones: 5,
            failed: 2,
            zones_dir: &dir,
            checklist: None,
            unsaved: *unsaved,
            news: Some("已保存"),
        };
        status_bar_ui(ui, &data);
        Vec::new()
    });
    for text in [
        "开发区：5 个",
        "2 个文件无法读取",
        "需求表：未保存到文件",
        "✔ 已保存",
    ] {
        assert!(h.query_by_label(text).is_some(), "{text} is shown");
    }
    assert!(h.query_by_label("有未保存的修改").is_none());
    h.state_mut().state = true;
    h.run();
    assert!(h.query_by_label("有未保存的修改").is_some());
}

/// The pipeline's pictures: the projects by stage as bars and the signed projects' start
/// deadlines on a timeline, each found by its name with its values in it (the late one says
/// it is late).
#[test]
fn panels_planning_draws_the_projects_by_stage_and_their_deadlines() {
    let fx = Fixture::new();
    let names = ["aluminium", "diamond", "food", "pv", "steel"];
    let lists: Vec<Checklist> = names
        .iter()
        .map(|n| {
            let text =
                std::fs::read_to_string(repo(&format!("tests/fixtures/pipeline/{n}.ron"))).expect("fixture");
            parse_checklist(&text, fx.catalog()).expect("parses")
        })
        .collect();
    let planning = planned(&fx, "tests/fixtures/pipeline", &names, &lists);
    let h = planning_harness(&fx, planning);
    let stages = h.get_by_label_contains("各阶段项目数柱状图");
    let words = stages.accesskit_node().label().expect("a label").to_owned();
    for stage in ["线索 1", "在谈 1", "签约 1", "供地 1", "开工 1", "投产 0"] {
        assert!(words.contains(stage), "{stage}: {words}");
    }
    let deadlines = h.get_by_label_contains("已签约项目开工期限时间轴");
    let words = deadlines.accesskit_node().label().expect("a label").to_owned();
    assert!(
        words.contains("2026-10-31") && words.contains("逾期"),
        "the late one says so: {words}"
    );
    assert!(words.contains("2026-12-20"), "{words}");
    assert!(
        !words.contains("2026-06-30"),
        "a started project has no deadline to meet: {words}"
    );
}
