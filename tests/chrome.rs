//! Per-panel tests of the window's frame around the views: the menu bar, the About window, the
//! questions, the notice bar and the page shown when a folder holds no zones. Each is drawn
//! alone by the panel harness, clicked by its labels, and judged by the commands it returns.

use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable as _;
use sitematch::model::{Lang, ZoneIdx};
use sitematch::state::{Answer, Command, Doc, Modal, Notice, Pending, Tab, Topic};
use sitematch::ui::about::{AboutData, about_ui};
use sitematch::ui::no_zones::{Folder, no_zones_ui};
use sitematch::ui::prompts::{modal_ui, notices_ui};
use sitematch::ui::top_bar::{TopBarData, top_bar_ui};

use crate::panels::panel_harness;

#[test]
fn chrome_the_file_menu_returns_what_was_chosen_and_the_tabs_switch() {
    let recent = vec![PathBuf::from("/srv/招商/光伏项目.ron")];
    let mut h = panel_harness(Tab::Checklist, move |ui, tab| {
        let data = TopBarData {
            lang: Lang::Zh,
            dark: false,
            zoom: 1.0,
            recent: &recent,
            undo: Some("修改 可供工业用地面积".to_owned()),
            redo: None,
        };
        top_bar_ui(ui, tab, &data)
    });
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label_contains("新建需求表").click();
    h.run();
    assert_eq!(h.state_mut().take(), vec![Command::NewChecklist]);

    h.get_by_label("编辑").click();
    h.run();
    h.get_by_label_contains("撤销：修改 可供工业用地面积").click();
    h.run();
    assert_eq!(h.state_mut().take(), vec![Command::Undo]);

    h.get_by_label("开发区").click();
    h.run();
    assert_eq!(h.state().state, Tab::Zones, "a tab is a view, not a command");
    assert!(h.state_mut().take().is_empty());
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.state_mut().take(), vec![Command::SetLang(Lang::En)]);
}

#[test]
fn chrome_the_english_menu_offers_the_recent_checklist_by_name() {
    let recent = vec![PathBuf::from("/srv/deals/pv_base.ron")];
    let mut h = panel_harness(Tab::Results, move |ui, tab| {
        let data = TopBarData {
            lang: Lang::En,
            dark: false,
            zoom: 1.0,
            recent: &recent,
            undo: None,
            redo: None,
        };
        top_bar_ui(ui, tab, &data)
    });
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open recent").click();
    h.run();
    h.get_by_label("pv_base.ron").click();
    h.run();
    assert_eq!(
        h.state_mut().take(),
        vec![Command::OpenChecklist(Some(PathBuf::from(
            "/srv/deals/pv_base.ron"
        )))]
    );
}

#[test]
fn chrome_about_names_the_folders_and_the_log_file_and_opens_them() {
    let data_dir = PathBuf::from("/home/officer/文档/SiteMatch");
    let zones_dir = PathBuf::from("/srv/共享/开发区");
    let log = PathBuf::from("/home/officer/.cache/sitematch/logs/sitematch.log");
    let mut h = panel_harness((), move |ui, ()| {
        let data = AboutData {
            lang: Lang::Zh,
            data_dir: &data_dir,
            zones_dir: &zones_dir,
            log_file: Some(&log),
        };
        about_ui(ui.ctx(), &data)
    });
    h.get_by_label("日志文件（求助时请附上）");
    h.get_by_label("/home/officer/.cache/sitematch/logs/sitematch.log");
    h.get_by_label("/srv/共享/开发区");
    let buttons = h.get_all_by_label("打开文件夹").count();
    assert_eq!(
        buttons, 3,
        "the data folder, the zones folder and the log's folder"
    );
    h.get_all_by_label("打开文件夹")
        .last()
        .expect("the log's button")
        .click();
    h.run();
    assert_eq!(
        h.state_mut().take(),
        vec![Command::OpenFolder(PathBuf::from(
            "/home/officer/.cache/sitematch/logs"
        ))]
    );
    h.get_by_label("关闭").click();
    h.run();
    assert_eq!(h.state_mut().take(), vec![Command::CloseAbout]);
}

#[test]
fn chrome_about_without_a_log_file_says_nothing_of_one() {
    let dir = PathBuf::from("/home/officer/文档/SiteMatch");
    let h = panel_harness((), move |ui, ()| {
        let data = AboutData {
            lang: Lang::En,
            data_dir: &dir,
            zones_dir: &dir,
            log_file: None,
        };
        about_ui(ui.ctx(), &data)
    });
    assert!(
        h.query_by_label("Log file (attach it when asking for help)")
            .is_none()
    );
    assert_eq!(
        h.get_all_by_label("Open folder").count(),
        1,
        "the zones folder is the data folder: named once"
    );
}

#[test]
fn chrome_the_delete_question_names_the_zone_and_answers() {
    let mut h = panel_harness((), |ui, ()| {
        let modal = Modal::ConfirmDelete {
            zone: ZoneIdx::new(2),
        };
        modal_ui(ui.ctx(), &modal, Lang::Zh, Some("侯马经济开发区"))
            .into_iter()
            .collect()
    });
    h.get_by_label_contains("将从列表中删除“侯马经济开发区”");
    h.get_by_label("删除").click();
    h.run();
    assert_eq!(h.state_mut().take(), vec![Command::Answer(Answer::ConfirmDelete)]);
}

#[test]
fn chrome_the_unsaved_question_offers_save_discard_and_cancel() {
    let mut h = panel_harness((), |ui, ()| {
        let modal = Modal::Unsaved {
            doc: Doc::Profile,
            then: Pending::Quit,
        };
        modal_ui(ui.ctx(), &modal, Lang::En, None).into_iter().collect()
    });
    for (label, answer) in [
        ("Discard", Answer::Discard),
        ("Cancel", Answer::Cancel),
        ("Save", Answer::Save),
    ] {
        h.get_by_label(label).click();
        h.run();
        assert_eq!(h.state_mut().take(), vec![Command::Answer(answer)], "{label}");
    }
}

#[test]
fn chrome_an_error_notice_shows_until_dismissed_and_news_stays_off_the_bar() {
    let notices = vec![
        Notice {
            text: "已保存".to_owned(),
            is_error: false,
            topic: Topic::Other,
            since: None,
        },
        Notice {
            text: "无法保存：磁盘已满".to_owned(),
            is_error: true,
            topic: Topic::Other,
            since: None,
        },
    ];
    let mut h = panel_harness((), move |ui, ()| {
        notices_ui(ui, &notices, Lang::Zh).into_iter().collect()
    });
    h.get_by_label("无法保存：磁盘已满");
    assert!(
        h.query_by_label("已保存").is_none(),
        "news goes to the status bar"
    );
    h.get_by_label("×").click();
    h.run();
    assert_eq!(h.state_mut().take(), vec![Command::DismissNotice(1)]);
}

#[test]
fn chrome_a_folder_without_zones_says_why_and_offers_another() {
    let dir = Path::new("/srv/共享/开发区");
    let mut h = panel_harness(false, move |ui, loading: &mut bool| {
        let folder = Folder {
            dir,
            failed: 2,
            loading: *loading,
        };
        no_zones_ui(ui, folder, Lang::Zh).into_iter().collect()
    });
    h.get_by_label_contains("/srv/共享/开发区");
    h.get_by_label("选择开发区文件夹…").click();
    h.run();
    assert_eq!(h.state_mut().take(), vec![Command::OpenProfilesFolder]);

    h.state_mut().state = true;
    h.run();
    h.get_by_label("正在读取开发区文件夹……");
    assert!(
        h.query_by_label("选择开发区文件夹…").is_none(),
        "nothing to pick while the folder loads"
    );
}
