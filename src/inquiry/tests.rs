use jiff::civil::date;
use rust_decimal_macros::dec;

use super::*;
use crate::model::write::value_file_text;

fn catalog() -> Catalog {
    Catalog::builtin().expect("catalog")
}

/// The items as `factor required` lines (`confirm` for a confirm item).
fn lines(c: &Catalog, d: &Draft) -> Vec<String> {
    d.items
        .iter()
        .map(|i| {
            let name = i.factor.map_or_else(
                || i.field.map_or("?", Field::code).to_owned(),
                |f| c.factor(f).id.clone(),
            );
            let value = match (&i.required, i.factor) {
                (Some(v), Some(f)) => value_file_text(v, c.factor(f), c),
                _ if i.confirm.is_some() => "confirm".into(),
                _ => String::new(),
            };
            format!("{name} {value}").trim().to_owned()
        })
        .collect()
}

const SAMPLE: &str = "王主任您好，我司拟投资15亿元建设年产2万吨锂电池正极材料项目，需工业用地约300亩（一期150亩），要求标准地、七通一平，用电负荷约3万千伏安，需双回路供电，日用水量约2000吨，园区须已完成区域环评，计划2026年6月前开工，能耗指标约5万吨标煤/年。";

#[test]
fn the_sample_inquiry_drafts_as_an_officer_would() {
    let c = catalog();
    let d = draft(SAMPLE, &c, date(2026, 1, 10)).expect("draft");
    assert_eq!(d.header.total_investment, Some(dec!(150000)));
    assert_eq!(
        c.industries().members[usize::from(d.header.industry[0])].id,
        "C38"
    );
    assert_eq!(
        d.header.planned_start.as_ref().map(|s| s.date),
        Some(date(2026, 6, 30))
    );
    assert_eq!(d.header.project, "年产2万吨锂电池正极材料项目");
    let mut got = lines(&c, &d);
    got.sort();
    let mut want = vec![
        "land.industrial_area 300 mu",
        "land.standard_land Yes",
        "land.servicing_level seven",
        "power.capacity confirm",
        "power.dual_supply Yes",
        "water.supply 2000 t_per_d",
        "policy.regional_assessments [\"environment\"]",
        "quota.energy 50000 tce_per_a",
        "policy.industry",
    ];
    want.sort_unstable();
    assert_eq!(got, want);
    let power = d
        .items
        .iter()
        .find(|i| i.confirm.is_some())
        .expect("the power item");
    assert_eq!(power.text, "用电负荷约3万千伏安");
    assert_eq!(
        power.confirm.as_ref().map(|t| t.zh.as_str()),
        Some("用电负荷以千伏安计，请确认兆瓦数")
    );
    let land = d
        .items
        .iter()
        .find(|i| i.text.starts_with("工业用地"))
        .expect("land");
    assert!(
        land.notes.iter().any(|n| n.zh.contains("一期150亩")),
        "{:?}",
        land.notes
    );
    let assessments = d
        .items
        .iter()
        .find(|i| i.text.contains("环评"))
        .expect("assessments");
    assert_eq!(assessments.importance, Importance::Must, "须 makes it a must");
    // Every span is the text it says it is.
    let chars: Vec<char> = d.text.chars().collect();
    for i in &d.items {
        assert_eq!(chars[i.span.0..i.span.1].iter().collect::<String>(), i.text);
    }
}

#[test]
fn decisions_make_the_checklist_with_notes_quoting_the_message() {
    let c = catalog();
    let d = draft(SAMPLE, &c, date(2026, 1, 10)).expect("draft");
    let mut decisions = d.initial_decisions();
    let power_at = d.items.iter().position(|i| i.confirm.is_some()).expect("power");
    assert!(!decisions[power_at].take, "a confirm item starts unticked");
    decisions[power_at] = Decision {
        take: true,
        figure: "24 MW".into(),
    };
    let checklist = d.checklist(&c, &decisions).expect("checklist");
    let power = c.find_factor("power.capacity").expect("factor");
    let item = checklist.item(power).expect("item");
    assert_eq!(item.note, "摘自来信：用电负荷约3万千伏安");
    assert!(matches!(&item.required, Some(Value::Amount(q)) if q.canonical() == dec!(24)));
    assert_eq!(checklist.total_investment, Some(dec!(150000)));
    assert_eq!(checklist.pipeline.planned_start, Some(date(2026, 6, 30)));
    // A confirm item taken with no figure is refused, never drafted blank.
    decisions[power_at].figure.clear();
    let errors = d.checklist(&c, &decisions).expect_err("needs a figure");
    assert_eq!(errors[0].item, power_at);
}

#[test]
fn units_and_currencies_are_never_guessed() {
    let c = catalog();
    let today = date(2026, 12, 7);
    let d = draft("用水量2000吨，总投资3000万美元", &c, today).expect("draft");
    let got = lines(&c, &d);
    assert!(got.contains(&"water.supply confirm".to_owned()), "{got:?}");
    assert!(got.contains(&"total_investment confirm".to_owned()), "{got:?}");
    assert_eq!(d.header.total_investment, None);
    let d = draft("We need 300 acres of industrial land and 20 MW of power with dual power supply, start within 6 months.", &c, today)
        .expect("draft");
    let got = lines(&c, &d);
    assert!(
        got.contains(&"land.industrial_area 300 acre".to_owned()),
        "{got:?}"
    );
    assert!(got.contains(&"power.capacity 20 mw".to_owned()), "{got:?}");
    assert!(got.contains(&"power.dual_supply Yes".to_owned()), "{got:?}");
    assert_eq!(d.header.planned_start.map(|s| s.date), Some(date(2027, 6, 7)));
}

#[test]
fn hostile_text_is_bounded() {
    let c = catalog();
    let today = date(2026, 12, 7);
    assert_eq!(draft("", &c, today), Err(InquiryError::Empty));
    let long = "用地".repeat(MAX_CHARS);
    assert!(matches!(
        draft(&long, &c, today),
        Err(InquiryError::TooLong { .. })
    ));
    assert_eq!(text_of(&[0xff, 0xfe, 0x00, 0x01]), Err(InquiryError::NotText));
    let digits = format!("用地{}亩", "9".repeat(5000));
    let d = draft(&digits, &c, today).expect("read");
    assert!(
        d.items.iter().all(|i| i.required.is_none()),
        "a 5 000-digit number is no amount"
    );
}
