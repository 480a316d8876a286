//! The inquiry corpus (`tests/fixtures/inquiries/`): each message drafted and compared with
//! the draft an officer expects. Reports recall (stated requirements drafted right) and
//! precision (drafted items that were stated, right), holds them to the targets, and holds
//! every drafted amount to the unit the message stated: a drafted amount where the officer
//! must confirm, or one that differs from the stated by a power of ten, fails at once.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::Date;
use rust_decimal::Decimal;
use sitematch::inquiry::{self, Draft, Field};
use sitematch::model::value::YesNo;
use sitematch::model::{Catalog, Kind, Value};

/// What an officer expects of one requirement.
#[derive(Debug, PartialEq)]
enum Want {
    Confirm,
    /// An amount in the factor's own unit.
    Amount(Decimal),
    Yes,
    Level(String),
    Members(Vec<String>),
    /// Named with no value (a factor scored against the header).
    Named,
}

#[derive(Debug, Default)]
struct Expect {
    today: Option<Date>,
    investment: Option<Decimal>,
    industry: Vec<String>,
    start: Option<Date>,
    intensity: Option<Decimal>,
    tax: Option<Decimal>,
    items: BTreeMap<String, Want>,
}

fn parse_expect(text: &str, catalog: &Catalog) -> Expect {
    let mut e = Expect::default();
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (key, rest) = line.split_once(':').expect("key: value");
        let rest = rest.trim();
        let decimal = |s: &str| s.parse::<Decimal>().expect("a number");
        match key {
            "today" => e.today = Some(rest.parse().expect("date")),
            "total_investment" => e.investment = Some(decimal(rest)),
            "industry" => e.industry = rest.split_whitespace().map(str::to_owned).collect(),
            "planned_start" => e.start = Some(rest.parse().expect("date")),
            "planned_intensity" => e.intensity = Some(decimal(rest)),
            "planned_tax_per_mu" => e.tax = Some(decimal(rest)),
            "item" => {
                let mut words = rest.split_whitespace();
                let factor = words.next().expect("factor").to_owned();
                let value: Vec<&str> = words.collect();
                let want = match value.as_slice() {
                    [] => Want::Named,
                    ["confirm"] => Want::Confirm,
                    ["yes"] => Want::Yes,
                    [amount, unit] if amount.parse::<Decimal>().is_ok() => {
                        let f = catalog.find_factor(&factor).expect("factor of the catalog");
                        let m = catalog.factor(f).kind.measure().expect("a quantity");
                        assert_eq!(
                            catalog.unit(m.unit).id,
                            *unit,
                            "{factor}: expected in its own unit"
                        );
                        Want::Amount(decimal(amount))
                    }
                    [one] if factor != "policy.regional_assessments" => Want::Level((*one).to_owned()),
                    many => Want::Members(many.iter().map(|s| (*s).to_owned()).collect()),
                };
                e.items.insert(factor, want);
            }
            other => panic!("unknown key {other}"),
        }
    }
    e
}

/// The drafted item as an expectation reads it.
fn got(catalog: &Catalog, item: &inquiry::DraftItem) -> (String, Want) {
    let Some(f) = item.factor else {
        let key = if item.field == Some(Field::TotalInvestment) {
            "money"
        } else {
            "?"
        };
        return (key.to_owned(), Want::Confirm);
    };
    let factor = catalog.factor(f);
    let want = match (&item.required, &factor.kind) {
        (None, _) if item.confirm.is_some() => Want::Confirm,
        (None, _) => Want::Named,
        (Some(Value::Amount(q)), _) => Want::Amount(q.canonical().normalize()),
        (Some(Value::YesNo(YesNo::Yes)), _) => Want::Yes,
        (Some(Value::Level(l)), Kind::Level(levels)) => Want::Level(levels[usize::from(*l)].id.clone()),
        (Some(Value::Set(members)), Kind::Set(v)) => Want::Members(
            members
                .iter()
                .map(|m| catalog.vocabulary(*v).members[usize::from(*m)].id.clone())
                .collect(),
        ),
        (other, _) => panic!("unexpected value {other:?}"),
    };
    (factor.id.clone(), want)
}

struct Tally {
    stated: usize,
    drafted: usize,
    right: usize,
    wrong_unit: Vec<String>,
    misses: Vec<String>,
}

fn score_one(name: &str, catalog: &Catalog, e: &Expect, d: &Draft, t: &mut Tally) {
    let mut wanted: Vec<(String, String)> = Vec::new();
    let mut drafted: Vec<(String, String)> = Vec::new();
    let show = |d: Option<Decimal>| d.map(|v| v.normalize().to_string());
    // The header's fields.
    for (key, want, have) in [
        (
            "total_investment",
            show(e.investment),
            show(d.header.total_investment),
        ),
        (
            "planned_intensity",
            show(e.intensity),
            show(d.header.planned_intensity),
        ),
        (
            "planned_tax_per_mu",
            show(e.tax),
            show(d.header.planned_tax_per_mu),
        ),
        (
            "planned_start",
            e.start.map(|x| x.to_string()),
            d.header.planned_start.as_ref().map(|s| s.date.to_string()),
        ),
    ] {
        if let Some(w) = want {
            wanted.push((key.into(), w));
        }
        if let Some(h) = have {
            drafted.push((key.into(), h));
        }
    }
    let first = d
        .header
        .industry
        .first()
        .map(|m| catalog.industries().members[usize::from(*m)].id.clone());
    if !e.industry.is_empty() {
        wanted.push(("industry".into(), "listed".into()));
    }
    if let Some(first) = first {
        let ok = e.industry.contains(&first);
        drafted.push(("industry".into(), if ok { "listed".into() } else { first }));
    }
    for (k, w) in &e.items {
        wanted.push((k.clone(), format!("{w:?}")));
    }
    for item in &d.items {
        let (k, w) = got(catalog, item);
        // A drafted amount where the officer must confirm, or off by a power of ten.
        if let Want::Amount(a) = &w {
            match e.items.get(&k) {
                Some(Want::Confirm) => t
                    .wrong_unit
                    .push(format!("{name}: {k} drafted {a}, expected confirm")),
                Some(Want::Amount(b)) if a != b && !b.is_zero() => {
                    let ratio = *a / *b;
                    let power_of_ten = (1..=12).any(|p| {
                        let ten = Decimal::from(10u64.pow(p));
                        ratio == ten || ratio * ten == Decimal::ONE
                    });
                    if power_of_ten {
                        t.wrong_unit
                            .push(format!("{name}: {k} drafted {a}, expected {b}"));
                    }
                }
                _ => {}
            }
        }
        drafted.push((k, format!("{w:?}")));
    }
    t.stated += wanted.len();
    t.drafted += drafted.len();
    let mut unmatched = drafted.clone();
    for w in &wanted {
        if let Some(at) = unmatched.iter().position(|d| d == w) {
            unmatched.remove(at);
            t.right += 1;
        } else {
            let have = drafted
                .iter()
                .find(|d| d.0 == w.0)
                .map_or("nothing".to_owned(), |d| d.1.clone());
            t.misses
                .push(format!("{name}: missed {} = {} (drafted {have})", w.0, w.1));
        }
    }
    for u in unmatched {
        if !wanted.iter().any(|w| w.0 == u.0) {
            t.misses
                .push(format!("{name}: drafted unasked {} = {}", u.0, u.1));
        }
    }
}

#[test]
fn the_corpus_drafts_with_the_recall_and_precision_the_readme_gives() {
    let (recall, precision) = draft_folder("tests/fixtures/inquiries", 40);
    assert!(recall >= 0.90, "recall {recall:.3} below 90 %");
    assert!(precision >= 0.95, "precision {precision:.3} below 95 %");
}

/// Inquiries written after the drafter, by someone who had not seen it or the corpus, and
/// never tuned against: the figures on text the drafter was not shaped by.
#[test]
fn the_held_out_inquiries_draft_as_well() {
    let (recall, precision) = draft_folder("tests/fixtures/inquiries-holdout", 16);
    assert!(recall >= 0.85, "recall {recall:.3} below 85 %");
    assert!(precision >= 0.90, "precision {precision:.3} below 90 %");
}

/// Drafts every inquiry of a folder against its expectation; prints the figures and every
/// miss, fails on any amount drafted in a wrong unit; returns recall and precision.
fn draft_folder(folder: &str, at_least: usize) -> (f64, f64) {
    let catalog = Catalog::builtin().expect("catalog");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    assert!(
        names.len() >= at_least,
        "{folder} holds at least {at_least} inquiries"
    );
    let mut t = Tally {
        stated: 0,
        drafted: 0,
        right: 0,
        wrong_unit: Vec::new(),
        misses: Vec::new(),
    };
    for path in &names {
        let name = path.file_stem().expect("name").to_string_lossy().into_owned();
        let expect = parse_expect(
            &std::fs::read_to_string(path.with_extension("expect")).expect("expect"),
            &catalog,
        );
        let bytes = std::fs::read(path).expect("inquiry");
        let text = inquiry::message_text(&bytes).expect("text");
        let today = expect.today.unwrap_or(jiff::civil::date(2026, 12, 7));
        let d = inquiry::draft(&text, &catalog, today).expect("draft");
        // Every span lies in the text and is the text the item quotes.
        let chars: Vec<char> = d.text.chars().collect();
        for i in &d.items {
            assert!(
                i.span.0 <= i.span.1 && i.span.1 <= chars.len(),
                "{name}: span out of the text"
            );
            assert_eq!(
                chars[i.span.0..i.span.1].iter().collect::<String>(),
                i.text,
                "{name}"
            );
        }
        score_one(&name, &catalog, &expect, &d, &mut t);
    }
    let recall = t.right as f64 / t.stated as f64;
    let precision = t.right as f64 / t.drafted as f64;
    println!(
        "{folder}: {} inquiries · stated {} · drafted {} · right {} · recall {:.1} % · precision {:.1} %",
        names.len(),
        t.stated,
        t.drafted,
        t.right,
        recall * 100.0,
        precision * 100.0
    );
    for m in &t.misses {
        println!("  {m}");
    }
    assert!(
        t.wrong_unit.is_empty(),
        "amounts in a wrong unit: {:#?}",
        t.wrong_unit
    );
    (recall, precision)
}

/// `draft --format json` follows its contract, on the sample inquiry of the issue.
#[test]
fn draft_json_follows_the_contract() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inquiries/01-lithium-cathode.txt");
    let out = crate::sitematch(&[
        "draft",
        "--text",
        path.to_str().expect("path"),
        "--format",
        "json",
        "--date",
        "2026-01-10",
        "--lang",
        "zh",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let h = &v["header"];
    assert_eq!(h["total_investment"], 150000.0);
    assert_eq!(h["industry"][0], "C38");
    assert_eq!(h["planned_start"], "2026-06-30");
    assert!(h["investor"].is_string() && h["project"].is_string());
    assert!(h["planned_intensity"].is_null() && h["planned_tax_per_mu"].is_null());
    let items = v["items"].as_array().expect("items");
    let text: Vec<char> = std::fs::read_to_string(&path).expect("read").chars().collect();
    let find = |factor: &str| items.iter().find(|i| i["factor"] == factor).expect(factor);
    assert_eq!(find("land.industrial_area")["required"], "300 mu");
    assert_eq!(find("water.supply")["required"], "2000 t_per_d");
    assert_eq!(find("quota.energy")["required"], "50000 tce_per_a");
    assert_eq!(find("land.servicing_level")["required"], "seven");
    assert_eq!(find("power.dual_supply")["required"], "Yes");
    let power = find("power.capacity");
    assert!(power["required"].is_null());
    assert_eq!(power["confirm"], "用电负荷以千伏安计，请确认兆瓦数");
    for item in items {
        let span = item["span"].as_array().expect("span");
        let (a, b) = (
            span[0].as_u64().expect("start") as usize,
            span[1].as_u64().expect("end") as usize,
        );
        assert_eq!(
            text[a..b].iter().collect::<String>(),
            item["text"].as_str().expect("text")
        );
        assert!(
            ["must", "high", "medium", "low"].contains(&item["importance"].as_str().expect("importance"))
        );
    }
    assert!(v["unread"].is_array());
}

/// `draft --out` writes the checklist of the items drafted with a value, and never over a file.
#[test]
fn draft_out_writes_a_checklist_that_scores() {
    let dir = tempfile::tempdir().expect("temp");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inquiries/01-lithium-cathode.txt");
    let out_path = dir.path().join("草稿.ron");
    let run = || {
        crate::sitematch(&[
            "draft",
            "--text",
            path.to_str().expect("path"),
            "--out",
            out_path.to_str().expect("path"),
            "--lang",
            "zh",
        ])
    };
    let out = run();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 项待确认的需求未写入需求表"), "{stderr}");
    let catalog = Catalog::builtin().expect("catalog");
    let list =
        sitematch::model::parse_checklist(&std::fs::read_to_string(&out_path).expect("written"), &catalog)
            .expect("a checklist");
    assert_eq!(list.items().count(), 8, "every item but the one to confirm");
    let scored = crate::sitematch(&[
        "score",
        "--checklist",
        out_path.to_str().expect("path"),
        "--profiles",
        "profiles",
    ]);
    assert!(
        scored.status.success(),
        "{}",
        String::from_utf8_lossy(&scored.stderr)
    );
    let again = run();
    assert_eq!(again.status.code(), Some(1), "never over an existing file");
}

/// Hostile messages: bounded, refused with a message in Chinese, nothing written.
#[test]
fn hostile_messages_are_refused_in_bounded_time_with_nothing_written() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().expect("temp");
    let out_path = dir.path().join("out.ron");
    let refused = |file: &Path, says: &str| {
        let out = crate::sitematch(&[
            "draft",
            "--text",
            file.to_str().expect("path"),
            "--out",
            out_path.to_str().expect("path"),
            "--lang",
            "zh",
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(!out_path.exists(), "nothing written");
    };
    // 10 MB of text.
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "需工业用地300亩，".repeat(1_000_000)).expect("write");
    refused(&big, "来信过长");
    // Binary bytes.
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, (0..=255u8).cycle().take(100_000).collect::<Vec<u8>>()).expect("write");
    refused(&binary, "这不是文字");
    // A Word file that unpacks to gigabytes.
    let bomb = dir.path().join("bomb.docx");
    {
        let file = std::fs::File::create(&bomb).expect("create");
        let mut zip = zip::ZipWriter::new(file);
        zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default())
            .expect("part");
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..80 {
            zip.write_all(&zeros).expect("write");
        }
        zip.finish().expect("zip");
    }
    refused(&bomb, "解压后超过");
    // An old Word file.
    let doc = dir.path().join("old.doc");
    std::fs::write(&doc, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]).expect("write");
    refused(&doc, "旧版 Word");
    // A 5 000-digit number is no amount, and is read past.
    let digits = dir.path().join("digits.txt");
    std::fs::write(&digits, format!("需工业用地{}亩", "9".repeat(5000))).expect("write");
    let out = crate::sitematch(&[
        "draft",
        "--text",
        digits.to_str().expect("path"),
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(
        v["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i| i["required"].is_null())
    );
}
