//! The data-health view (数据体检): drawn in the whole app, and alone as a panel. Real clicks on
//! widgets found by label; the bundled zones are dated 2023-12-31 and the app's day is
//! 2026-11-29, 1064 days later, so every figure of theirs is past its period.

use std::rc::Rc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use jiff::civil::Date;
use sitematch::model::Catalog;
use sitematch::model::Lang;
use sitematch::report::health::{Health, OwnerFilter};
use sitematch::state::workspace::Workspace;
use sitematch::state::{Command, Tab};
use sitematch::ui::health_view::{FigureSort, HealthData, HealthState, health_view_ui};

use crate::panels::{Panel, panel_harness};
use crate::repo;
use crate::ui::{FakeDialogs, harness_with};

/// The day the app is opened on in these tests (as in the other UI tests).
fn today() -> Date {
    Date::new(2026, 11, 29).expect("date")
}

/// Picks an owner in the view's owner picker.
fn pick_owner<S>(h: &mut Harness<'_, S>, owner: &str) {
    let button = h
        .query_all_by_label("查看责任单位")
        .find(|n| n.accesskit_node().role() == Role::Button)
        .map(|n| n.accesskit_node().id())
        .expect("the owner picker");
    h.get_by(|n| n.id() == button).click();
    h.run();
    let option = h
        .query_all_by_label(owner)
        .find(|n| n.accesskit_node().role() != Role::Label && n.accesskit_node().id() != button)
        .map(|n| n.accesskit_node().id())
        .expect("the owner is offered");
    h.get_by(|n| n.id() == option).click();
    h.run();
}

/// The whole app: the tab lists an owner's stale figures, and a click on one opens its zone in
/// the profile editor at that factor, scrolled into view and marked.
#[test]
fn health_tab_lists_an_owner_s_stale_figures_and_opens_one_in_the_editor() {
    let mut h = harness_with(None, FakeDialogs::default());
    h.get_by_label("数据体检").click();
    h.run();
    assert_eq!(h.state().tab(), Tab::Health);
    // 28 + 14 + 5 + 22 + 20 figures in the samples, every one stale on the day.
    assert!(
        h.query_by_label_contains("已过期 89 项，待更新 0 项").is_some(),
        "the summary counts every figure"
    );

    // Houma names 侯马市发展和改革局 for its quotas: energy, emissions and water, each on a
    // 180-day period, 1064 − 180 = 884 days over.
    pick_owner(&mut h, "侯马市发展和改革局");
    assert_eq!(
        h.state().health_view().owner,
        Some(OwnerFilter::Named("侯马市发展和改革局".into()))
    );
    for factor in ["能耗指标", "污染物排放总量指标", "用水指标"] {
        assert!(h.query_by_label(factor).is_some(), "{factor} is listed");
    }
    assert_eq!(h.query_all_by_label("超期 884 天").count(), 3);
    assert!(h.query_by_label("显示 3/3 项").is_some());
    assert!(
        h.query_by_label("可新增供电容量").is_none(),
        "another owner's figure is not"
    );

    h.get_by_label("用水指标").click();
    h.run();
    let app = h.state();
    let houma = app.ws().find("houma").expect("houma");
    let water = app.ws().catalog.find_factor("quota.water").expect("factor");
    assert_eq!(app.tab(), Tab::Zones, "the editor's view");
    let editor = app.editor().expect("the editor is open");
    assert_eq!(editor.zone, Some(houma));
    assert_eq!(
        editor.focus.map(|f| f.factor),
        Some(water),
        "at the figure's factor"
    );
    // The quotas are the last category of the form, well below the first screen: the row was
    // brought into view.
    let field = h.get_by_label("用水指标 现有").rect();
    assert!(
        field.top() > 0.0 && field.bottom() < 800.0,
        "the factor's row is on screen: {field:?}"
    );
}

/// Opening a figure of the zone already in the editor keeps its edits and points at the factor.
#[test]
fn health_opening_a_figure_of_the_zone_in_the_editor_keeps_its_edits() {
    let mut h = harness_with(None, FakeDialogs::default());
    h.get_by_label("开发区").click();
    h.run();
    let name = {
        let ws = h.state().ws();
        ws.zones[ws.find("houma").expect("houma").index()]
            .profile
            .name
            .zh
            .clone()
    };
    h.get_all_by_label_contains(&name).next().expect("listed").click();
    h.run();
    h.get_by_label("可供工业用地面积 来源").click();
    h.run();
    h.get_by_label("可供工业用地面积 来源").type_text("；已核实");
    h.run();
    assert!(h.state().editor().is_some_and(|e| e.is_dirty()));

    h.get_by_label("数据体检").click();
    h.run();
    pick_owner(&mut h, "侯马市发展和改革局");
    h.get_by_label("能耗指标").click();
    h.run();
    assert!(
        !h.state().session().is_asking(),
        "the same zone: nothing to ask about"
    );
    let editor = h.state().editor().expect("still open");
    assert!(editor.is_dirty(), "the edit is kept");
    let energy = h
        .state()
        .ws()
        .catalog
        .find_factor("quota.energy")
        .expect("factor");
    assert_eq!(editor.focus.map(|f| f.factor), Some(energy));
}

// ---------------------------------------------------------------------------------------------
// The panel alone

struct Fixture {
    ws: Workspace,
    health: Health,
}

impl Fixture {
    fn new() -> Rc<Self> {
        let (ws, error) = Workspace::load(Catalog::builtin().expect("catalog"), &repo("profiles"));
        assert!(error.is_none());
        let health = Health::build(&ws.catalog, &ws.zones, today());
        Rc::new(Fixture { ws, health })
    }

    fn data(&self) -> HealthData<'_> {
        HealthData {
            catalog: &self.ws.catalog,
            zones: &self.ws.zones,
            health: &self.health,
            build: 1,
            dir: &self.ws.dir,
            lang: Lang::Zh,
        }
    }
}

fn health_harness(fx: &Rc<Fixture>) -> Harness<'static, Panel<HealthState>> {
    let fx = Rc::clone(fx);
    panel_harness(HealthState::default(), move |ui, state| {
        health_view_ui(ui, state, &fx.data())
    })
}

#[test]
fn panels_health_a_zone_row_narrows_the_figures_and_a_figure_asks_for_the_editor() {
    let fx = Fixture::new();
    let mut h = health_harness(&fx);
    assert!(h.state_mut().take().is_empty(), "drawing alone asks for nothing");
    let shuozhou = fx.ws.find("shuozhou").expect("shuozhou");
    let name = fx.ws.zones[shuozhou.index()].profile.name.zh.clone();
    // Shuozhou gives 5 figures, every one stale: a row of the zones' table shows only them.
    h.get_all_by_label(&name).next().expect("its row").click();
    h.run();
    assert_eq!(h.state().state.zone.as_deref(), Some("shuozhou"));
    assert!(h.query_by_label("显示 5/89 项").is_some(), "its five of all 89");
    let capacity = fx.ws.catalog.find_factor("power.capacity").expect("factor");
    h.get_by_label("可新增供电容量").click();
    h.run();
    assert_eq!(
        h.state_mut().take(),
        vec![Command::OpenFigure(shuozhou, capacity)]
    );
    h.get_by_label(&format!("只看：{name}  ×")).click();
    h.run();
    assert_eq!(h.state().state.zone, None, "every zone's figures again");
}

#[test]
fn panels_health_the_filter_and_the_sort_headers_order_the_figures() {
    let fx = Fixture::new();
    let mut h = health_harness(&fx);
    h.get_by_label("筛选").click();
    h.run();
    h.get_by_label("筛选").type_text("供电");
    h.run();
    // 供电 finds the power factors' names (可新增供电容量, 双回路供电) and the five 国网…供电公司.
    let state = &h.state().state;
    assert_eq!(state.filter, "供电");
    assert!(
        h.query_by_label("可用标准厂房面积").is_none(),
        "premises are not power"
    );
    assert!(h.query_by_label("能耗指标").is_none());
    assert!(h.query_all_by_label("可新增供电容量").next().is_some());

    // Sorting by the period: a first click puts the most overdue first.
    h.get_by_label("更新期限").click();
    h.run();
    let state = &h.state().state;
    assert_eq!(
        (state.figure_sort, state.figure_descending),
        (FigureSort::Overdue, true)
    );
    let rows: Vec<f32> = h
        .query_all_by_label("超期 884 天")
        .map(|n| n.rect().top())
        .collect();
    let later: Vec<f32> = h
        .query_all_by_label("超期 334 天")
        .map(|n| n.rect().top())
        .collect();
    assert!(!rows.is_empty() && !later.is_empty());
    assert!(
        rows.iter().all(|a| later.iter().all(|b| a < b)),
        "884 days over before 334 (a 730-day figure such as the voltage)"
    );
    h.get_by_label("更新期限 ↓").click();
    h.run();
    let first_334 = h
        .query_all_by_label("超期 334 天")
        .map(|n| n.rect().top())
        .fold(f32::INFINITY, f32::min);
    let first_884 = h
        .query_all_by_label("超期 884 天")
        .map(|n| n.rect().top())
        .fold(f32::INFINITY, f32::min);
    assert!(first_334 < first_884, "the other way round");
}

#[test]
fn panels_health_an_owner_with_all_figures_current_says_so() {
    let fx = Fixture::new();
    let mut h = health_harness(&fx);
    pick_owner(&mut h, "国网朔州供电公司");
    assert!(h.query_by_label("显示 1/1 项").is_some(), "Shuozhou's capacity");
    h.state_mut().state.owner = Some(OwnerFilter::Named("某某单位".into()));
    h.run();
    assert!(
        h.query_by_label("已没有数据的责任单位是“某某单位”。").is_some(),
        "an owner no figure has any more"
    );
}
