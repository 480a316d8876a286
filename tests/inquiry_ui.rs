//! An investor's message in the app: pasted into 粘贴投资方来信, checked item by item, the
//! figure to confirm typed, and made into a checklist that ranks the zones; and every kind of
//! file dropped on the window opened by what it holds. Real clicks and typing.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use sitematch::app::SiteMatchApp;
use sitematch::model::{Catalog, Value};
use sitematch::state::Tab;

use crate::repo;
use crate::ui::{FakeDialogs, harness_from, harness_with, init, type_into};

const SAMPLE: &str = "王主任您好，我司拟投资15亿元建设年产2万吨锂电池正极材料项目，需工业用地约300亩（一期150亩），要求标准地、七通一平，用电负荷约3万千伏安，需双回路供电，日用水量约2000吨，园区须已完成区域环评，计划2026年6月前开工，能耗指标约5万吨标煤/年。";

#[test]
fn a_pasted_message_becomes_a_checklist_and_a_ranking() {
    let mut h = harness_with(None, FakeDialogs::default());
    // 1. The start page's button opens the dialog.
    h.get_by_label("粘贴投资方来信…").click();
    h.run();
    assert!(h.state().inquiry().is_some());
    // 2. The message pasted (typed here) is read as it comes.
    type_into(&mut h, "来信内容", SAMPLE);
    // The dialog grows with the items read and settles where it is centred.
    h.run();
    let draft = h
        .state()
        .inquiry()
        .expect("dialog")
        .draft()
        .expect("draft")
        .clone();
    assert_eq!(draft.items.len(), 9, "{:?}", draft.items);
    h.get_by_label("总投资：150,000 万元");
    h.get_by_label("行业：C38 电气机械和器材制造业");
    h.get_by_label("可供工业用地面积：≥ 300 亩");
    h.get_by_label("用电负荷以千伏安计，请确认兆瓦数");
    // The item to confirm starts unticked; ticking it with no figure is refused.
    let power = h.get_by_label("可新增供电容量：待确认");
    assert_eq!(
        power.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::False)
    );
    power.click();
    h.run();
    let p = h.state().inquiry().expect("dialog");
    assert_eq!(p.taken(), 9, "ticked: {:?}", p.decisions);
    h.get_by_label("生成需求表").click();
    h.run();
    let errors = &h.state().inquiry().expect("dialog").errors;
    assert_eq!(errors.len(), 1, "{errors:?}");
    h.get_by_label("请填写确认后的数值");
    assert!(
        h.state().inquiry().is_some(),
        "nothing is made while a figure is missing"
    );
    // 3. The officer's figure for it.
    type_into(&mut h, "可新增供电容量确认数值", "24 MW");
    // 4. Made into the checklist: the ranking is what shows.
    h.get_by_label("生成需求表").click();
    h.run();
    assert!(h.state().inquiry().is_none(), "the dialog closes");
    assert_eq!(h.state().tab(), Tab::Results);
    let doc = h.state().doc();
    assert!(doc.is_dirty(), "a new, unsaved checklist");
    let c = &doc.checklist;
    assert_eq!(c.project, "年产2万吨锂电池正极材料项目");
    assert_eq!(c.total_investment, Some(150000.into()));
    let catalog = Catalog::builtin().expect("catalog");
    let power = catalog.find_factor("power.capacity").expect("factor");
    let item = c.item(power).expect("the confirmed item");
    assert!(matches!(&item.required, Some(Value::Amount(q)) if q.canonical() == 24.into()));
    assert_eq!(item.note, "摘自来信：用电负荷约3万千伏安");
    assert_eq!(c.items().count(), 9);
    let ranked = &h.state().results().ranking;
    assert_eq!(
        ranked.zones.len(),
        h.state().ws().zones.len(),
        "every zone is ranked"
    );
    assert!(h.state().results().requirements.len() >= 8);
}

#[test]
fn the_dialog_is_closed_without_a_trace() {
    let mut h = harness_with(None, FakeDialogs::default());
    h.get_by_label("粘贴投资方来信…").click();
    h.run();
    type_into(&mut h, "来信内容", "需工业用地300亩");
    h.get_by_label("取消").click();
    h.run();
    assert!(h.state().inquiry().is_none());
    assert!(h.state().shows_start(), "nothing was opened");
}

/// A file dropped on the window, as the window system hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_on(h: &mut Harness<'_, SiteMatchApp>, path: &Path) {
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_owned())));
    h.run();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for f in std::fs::read_dir(from).expect("folder") {
        let f = f.expect("entry").path();
        if f.is_file() {
            std::fs::copy(&f, to.join(f.file_name().expect("name"))).expect("copy");
        }
    }
}

/// A Word document of one paragraph.
fn docx(path: &Path, text: &str) {
    use std::io::Write as _;
    let file = std::fs::File::create(path).expect("docx");
    let mut zip = zip::ZipWriter::new(file);
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default())
        .expect("part");
    let xml = format!(
        r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"#
    );
    zip.write_all(xml.as_bytes()).expect("write");
    zip.finish().expect("zip");
}

#[test]
fn each_kind_of_file_dropped_opens_by_what_it_holds() {
    let dir = tempfile::tempdir().expect("temp");
    let zones = dir.path().join("zones");
    copy_dir(&repo("profiles"), &zones);
    let mut app = init(None, FakeDialogs::default());
    app.profiles_dir = zones.clone();
    let mut h = harness_from(app);
    let catalog = Catalog::builtin().expect("catalog");
    let zone_count = h.state().ws().zones.len();

    // A checklist, named as a text file: opened as the checklist it holds.
    let checklist = dir.path().join("投资方需求.txt");
    std::fs::copy(repo("assets/checklists/diamond.ron"), &checklist).expect("copy");
    drop_on(&mut h, &checklist);
    assert_eq!(h.state().doc().path.as_deref(), Some(checklist.as_path()));
    assert_eq!(h.state().doc().checklist.project, "金刚石深加工及培育钻石项目");

    // A message as text, then as a Word file: the drafting dialog, with its text.
    let message = dir.path().join("来信.txt");
    std::fs::write(&message, "需工业用地300亩，用电负荷20兆瓦").expect("write");
    drop_on(&mut h, &message);
    assert_eq!(
        h.state().inquiry().map(|p| p.text.as_str()),
        Some("需工业用地300亩，用电负荷20兆瓦")
    );
    h.get_by_label("取消").click();
    h.run();
    let word = dir.path().join("来信.docx");
    docx(&word, "日用水量约2000吨");
    drop_on(&mut h, &word);
    assert_eq!(
        h.state().inquiry().map(|p| p.text.as_str()),
        Some("日用水量约2000吨")
    );
    h.get_by_label("取消").click();
    h.run();

    // An investor's survey: a new checklist read from it.
    let mut filled = sitematch::model::parse_checklist(
        &std::fs::read_to_string(repo("assets/checklists/pv_base.ron")).expect("read"),
        &catalog,
    )
    .expect("checklist");
    filled.project = "调查表项目".into();
    let survey = dir.path().join("调查表.xlsx");
    std::fs::write(
        &survey,
        sitematch::survey::write(&catalog, Some(&filled)).expect("survey"),
    )
    .expect("write");
    drop_on(&mut h, &survey);
    assert_eq!(h.state().doc().checklist.project, "调查表项目");
    assert_eq!(
        h.state().doc().path,
        None,
        "the workbook is not the checklist's file"
    );

    // An inventory workbook: read for review in the zones view.
    let table = dir.path().join("全省要素表.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, v) in ["编号", "可新增供电容量/MW", "数据日期"].iter().enumerate() {
        sheet.write_string(0, c as u16, *v).expect("cell");
    }
    for (c, v) in ["houma", "150", "2026-11-30"].iter().enumerate() {
        sheet.write_string(1, c as u16, *v).expect("cell");
    }
    book.save(&table).expect("xlsx");
    drop_on(&mut h, &table);
    assert!(h.state().reviewing(), "the workbook is under review");
    assert_eq!(h.state().tab(), Tab::Zones);

    // A zone's profile from elsewhere: copied into the zones folder, which is read again.
    let other = dir.path().join("elsewhere");
    std::fs::create_dir(&other).expect("folder");
    let profile = other.join("newzone.ron");
    std::fs::copy(repo("profiles/houma.ron"), &profile).expect("copy");
    drop_on(&mut h, &profile);
    h.run();
    assert!(
        zones.join("newzone.ron").is_file(),
        "copied into the zones folder"
    );
    assert_eq!(h.state().ws().zones.len(), zone_count + 1);

    // A folder of checklists: the pending projects of the planning view.
    let pending = dir.path().join("pending");
    copy_dir(&repo("assets/checklists"), &pending);
    drop_on(&mut h, &pending);
    assert_eq!(
        h.state().settings().planning_dir.as_deref(),
        Some(pending.as_path())
    );
    assert_eq!(h.state().tab(), Tab::Planning);

    // A folder of profiles: the zones folder.
    let more = dir.path().join("more-zones");
    copy_dir(&repo("profiles"), &more);
    drop_on(&mut h, &more);
    assert_eq!(h.state().ws().dir, more);

    // Anything else is named and refused.
    let picture = dir.path().join("照片.png");
    std::fs::write(&picture, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe]).expect("write");
    drop_on(&mut h, &picture);
    assert!(
        h.state().notices().iter().any(|n| n.is_error
            && n.text.contains("照片.png")
            && n.text.contains("不是 SiteMatch 能打开的文件")),
        "{:?}",
        h.state().notices()
    );
}
