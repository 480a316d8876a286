//! Tests of the report model: what each section, line and caveat holds.

use super::*;

fn section(items: usize, to_close: usize) -> ZoneSection {
    let line = ItemLine {
        status: "met",
        mark: "✔",
        status_label: Bi::same("满足"),
        factor: Bi::same("f"),
        importance: Bi::same("中"),
        must: false,
        required: Bi::same("≥ 1"),
        offered: None,
        gap: None,
        source_ref: None,
        as_of: String::new(),
        illustrative: false,
        stale: false,
        freshness: None,
        owner: None,
    };
    ZoneSection {
        rank: 1,
        zone: "z".into(),
        name: Bi::same("z"),
        region: Bi::default(),
        contact: Bi::default(),
        score: "50.0".into(),
        qualified: true,
        failed_must: Vec::new(),
        decisive: Vec::new(),
        met: items,
        partial: 0,
        unmet: 0,
        unknown: 0,
        completeness: "100".into(),
        categories: vec![CategoryBlock {
            name: Bi::same("c"),
            items: vec![line; items],
        }],
        profile: Vec::new(),
        sources: Vec::new(),
        owners: Vec::new(),
        unowned: (0, 0),
        to_close: vec![Bi::same("x"); to_close],
        to_qualify: 0,
        target: "90".into(),
        tier: None,
        new_page: false,
    }
}

/// Replays a page plan line by line and returns, for each section, the lines left on its
/// page where it starts.
fn room_at_starts(sections: &[ZoneSection], lang: ReportLang) -> Vec<usize> {
    let mut room = Vec::new();
    let mut page_line = PAGE_LINES; // the front matter ends a page
    for s in sections {
        if s.new_page {
            page_line = 0;
        }
        room.push(PAGE_LINES - page_line);
        for _ in 0..section_lines(s, lang) + 2 {
            page_line += 1;
            if page_line >= PAGE_LINES {
                page_line = 0;
            }
        }
    }
    room
}

#[test]
fn no_section_starts_at_the_bottom_of_a_page() {
    for lang in [ReportLang::Zh, ReportLang::Both] {
        for seed in 0..200_usize {
            let mut sections: Vec<ZoneSection> = (0..1 + seed % 7)
                .map(|i| section(1 + (seed * 7 + i * 13) % 31, (seed + i) % 5))
                .collect();
            let pages = plan_pages(&mut sections, lang, 5 + seed % 40);
            assert!(pages >= 2);
            assert!(
                sections[0].new_page,
                "the first section follows the summary on a new page"
            );
            for (i, room) in room_at_starts(&sections, lang).into_iter().enumerate() {
                assert!(
                    sections[i].new_page || room >= SECTION_START_LINES,
                    "seed {seed}: section {i} starts with {room} lines left"
                );
            }
        }
    }
}

/// Each item line carries `freshness` and `owner` beside the `stale` its templates read
/// (as data: a code, a name or `null`); each section lists its owners with their factors,
/// and the appendix counts stale and due figures and names, zone by zone, who must act.
#[test]
fn items_sections_and_appendix_carry_freshness_and_owners() {
    use crate::report::test_support::report_on;
    let day = Date::new(2025, 12, 15).expect("date");
    let model = report_on("pv_base", ReportLang::Zh, day);
    let houma = &model.sections[0];
    assert_eq!(houma.zone, "houma");
    let line = |name: &str| {
        houma
            .categories
            .iter()
            .flat_map(|c| c.items.iter())
            .find(|l| l.factor.zh == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let servicing = line("通平水平");
    assert_eq!(servicing.freshness, Some(Freshness::Due));
    assert!(!servicing.stale, "due is not stale");
    assert_eq!(servicing.owner.as_deref(), Some("侯马市自然资源局"));
    let area = line("可供工业用地面积");
    assert_eq!((area.freshness, area.stale), (Some(Freshness::Stale), true));
    let json = serde_json::to_value(servicing).expect("json");
    assert_eq!(json["freshness"], "due");
    assert_eq!(json["stale"], false);
    assert_eq!(json["owner"], "侯马市自然资源局");

    let land = houma
        .owners
        .iter()
        .find(|o| o.owner == "侯马市自然资源局")
        .expect("the land bureau");
    assert!(land.factors.iter().any(|f| f.zh == "通平水平"));
    assert_eq!(land.due, 1);
    assert!(
        model
            .texts()
            .iter()
            .any(|(f, t)| *f == Field::Owner("houma".into()) && *t == "侯马市自然资源局"),
        "an owner's name is checked against the fonts"
    );

    let a = &model.appendix;
    let lines: Vec<&ItemLine> = model
        .sections
        .iter()
        .flat_map(|s| s.categories.iter().flat_map(|c| c.items.iter()))
        .collect();
    assert_eq!(a.stale, lines.iter().filter(|l| l.stale).count());
    assert_eq!(
        a.due,
        lines
            .iter()
            .filter(|l| l.freshness == Some(Freshness::Due))
            .count()
    );
    assert!(a.due > 0 && a.stale > 0);
    assert!(
        a.caveats[0].zh.contains(&format!(
            "{} 项数据已超出更新周期（已过期），{} 项将在 30 天内超出（待更新）",
            a.stale, a.due
        )),
        "{}",
        a.caveats[0].zh
    );
    assert!(
        a.caveats[0].en.contains(&format!(
            "{} are past their update period (stale) and {} reach its end within 30 days (due)",
            a.stale, a.due
        )),
        "{}",
        a.caveats[0].en
    );
    let houma_note = &a.caveats[1];
    assert!(
        houma_note
            .zh
            .starts_with("侯马经济开发区：已过期或待更新的数据请责任单位核实或更新——"),
        "{}",
        houma_note.zh
    );
    assert!(houma_note.zh.contains("侯马市自然资源局 "), "{}", houma_note.zh);
    assert!(
        houma_note
            .en
            .starts_with("Houma Economic Development Zone: stale or due figures")
    );
}

#[test]
fn short_sections_share_a_page() {
    let mut sections = vec![section(3, 0), section(3, 0), section(3, 0)];
    plan_pages(&mut sections, ReportLang::Zh, 5);
    assert_eq!(
        sections.iter().map(|s| s.new_page).collect::<Vec<_>>(),
        [true, false, false]
    );
}
