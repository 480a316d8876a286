//! Hardening: a corpus of broken files, each with the error it must produce, loaded through the
//! library and the command line. Nothing panics, every message names the file, the line where
//! there is one and the field in words, and the good files beside the bad ones still load.

use std::path::Path;
use std::process::Command;

use sitematch::io;
use sitematch::model::{Catalog, Lang, Localize};

use crate::{repo, sitematch};

/// Each bad profile, the line its error is on (where the file has lines to point at), and
/// what the message says.
const BAD_PROFILES: &[(&str, Option<usize>, &str)] = &[
    (
        "absurd_land.ron",
        Some(5),
        "Available industrial land (`land.industrial_area`): `value`: 20,000,000,000 mu is more than any zone can have (at most 10,000,000 mu)",
    ),
    (
        "absurd_power.ron",
        Some(5),
        "Spare power capacity (`power.capacity`): `value`: 5,000,000,000 MW is more than any zone can have",
    ),
    (
        "as_of_not_a_date.ron",
        Some(3),
        "`as_of`: `end of 2023` is not a date; write it as 2023-12-31",
    ),
    (
        "bad id with spaces.ron",
        Some(1),
        "`bad id with spaces` cannot be a zone id: name the file with letters, digits, `-` and `_` only",
    ),
    (
        "beyond_decimal.ron",
        Some(5),
        "`value`: `1e40` is beyond what SiteMatch holds exactly (up to 28 significant digits)",
    ),
    (
        "beyond_decimal_digits.ron",
        Some(5),
        "`value`: `0.000000000000000000000000000001` is beyond what SiteMatch holds exactly",
    ),
    ("binary.ron", None, "is a binary file, not RON text"),
    (
        "deep_nesting.ron",
        Some(2),
        "`name`: expected a pair of names such as (zh: \"…\", en: \"…\")",
    ),
    (
        "duplicate_factor.ron",
        Some(6),
        "Spare power capacity (`power.capacity`) appears twice; keep one entry per factor",
    ),
    (
        "duplicate_field.ron",
        Some(5),
        "Spare power capacity (`power.capacity`): the field `source` appears twice",
    ),
    ("empty.ron", None, "is empty"),
    (
        "as_of_year_9999.ron",
        Some(3),
        "`as_of`: 9999-12-31 is outside the years dates can fall in: 1980 to 2100",
    ),
    (
        "hex_quantity.ron",
        Some(5),
        "0x10 is not a decimal number: write quantities in base ten",
    ),
    (
        "source_too_long.ron",
        Some(5),
        "`source`: the text is too long (2500 characters); this field takes at most 2000",
    ),
    // Old-Mac line ends (CR only) count as lines: the error is on the fifth line an editor shows.
    ("syntax_missing_comma_old_mac.ron", Some(5), "a comma is missing"),
    (
        "empty_name.ron",
        Some(5),
        "`name` is empty; give the zone's name in Chinese or English",
    ),
    (
        "entry_date_not_a_date.ron",
        Some(5),
        "Spare power capacity (`power.capacity`): `as_of`: `2024/13/01` is not a date; write it as 2023-12-31",
    ),
    ("missing_name.ron", Some(4), "the field `name` is missing"),
    (
        "missing_value.ron",
        Some(5),
        "Spare power capacity (`power.capacity`): the field `value` is missing",
    ),
    (
        "nan.ron",
        Some(5),
        "Available industrial land (`land.industrial_area`): `value`: `NaN` is not a number",
    ),
    (
        "negative_bare_number.ron",
        Some(5),
        "Spare water supply (`water.supply`): `value`: -300 is negative; a quantity cannot be below zero",
    ),
    (
        "negative_quantity.ron",
        Some(5),
        "Spare water supply (`water.supply`): `value`: -300 is negative; a quantity cannot be below zero",
    ),
    (
        "no_source.ron",
        Some(5),
        "Spare power capacity (`power.capacity`): no `source`: say where the figure comes from",
    ),
    (
        "not_a_number.ron",
        Some(5),
        "`value`: in `12a mu`, `a mu` is not a unit SiteMatch knows; write a number and one of mu, m2",
    ),
    (
        "not_utf8.ron",
        Some(5),
        "is not UTF-8 text; save it as UTF-8 (GBK and other encodings are not read)",
    ),
    (
        "planned_impossible_date.ron",
        Some(5),
        "Dual-circuit supply (`power.dual_supply`): `value`: 2025-02-30 is not a day of the calendar",
    ),
    (
        "planned_not_a_date.ron",
        Some(5),
        "Dual-circuit supply (`power.dual_supply`): `value`: `soon` is not a date; write it as 2023-12-31",
    ),
    (
        "planned_on_yes_no.ron",
        Some(7),
        "Dual-circuit supply (`power.dual_supply`): `planned`: `planned` is for quantities only",
    ),
    (
        "planned_without_date.ron",
        Some(7),
        "Spare power capacity (`power.capacity`): `planned`: the field `by` is missing",
    ),
    (
        "planned_wrong_unit.ron",
        Some(7),
        "Spare power capacity (`power.capacity`): `planned`: `value`: unit `mu` is not allowed here; use mw or kw",
    ),
    (
        "syntax_bad_comment.ron",
        Some(1),
        "a comment is not closed (`*/` is missing)",
    ),
    ("syntax_missing_colon.ron", Some(2), "`name`: a colon is missing"),
    ("syntax_missing_comma.ron", Some(3), "a comma is missing"),
    ("syntax_stray_character.ron", Some(4), "a comma is missing"),
    (
        "syntax_trailing_garbage.ron",
        Some(5),
        "there is more text after the end of the content",
    ),
    (
        "syntax_unclosed_paren.ron",
        Some(4),
        "the file ends too early; a closing bracket or quote may be missing",
    ),
    (
        "syntax_unquoted_key.ron",
        Some(4),
        "`factors`: expected a factor id in quotes, such as \"power.capacity\"",
    ),
    (
        "syntax_unterminated_string.ron",
        Some(2),
        "`name`: a comma is missing",
    ),
    (
        "truncated_after_key.ron",
        Some(5),
        "Spare power capacity (`power.capacity`): the file ends too early",
    ),
    ("truncated_header.ron", Some(2), "`name`: the file ends too early"),
    (
        "truncated_in_entry.ron",
        Some(5),
        "Spare power capacity (`power.capacity`): `value`: a string is not closed (a closing quote is missing)",
    ),
    (
        "type_as_of_number.ron",
        Some(3),
        "`as_of`: expected a date in quotes, such as \"2023-12-31\"",
    ),
    (
        "type_factors_list.ron",
        Some(4),
        "`factors`: expected a map from factor ids to entries",
    ),
    (
        "type_illustrative_string.ron",
        Some(5),
        "Spare power capacity (`power.capacity`): `illustrative`: expected true or false",
    ),
    (
        "type_level_number.ron",
        Some(5),
        "`value`: expected one of the levels \"three\", \"five\", \"seven\" or \"nine\"",
    ),
    (
        "type_name_number.ron",
        Some(2),
        "`name`: expected a pair of names such as (zh: \"…\", en: \"…\")",
    ),
    (
        "type_quantity_bool.ron",
        Some(5),
        "Spare power capacity (`power.capacity`): `value`: expected a quantity such as \"100 mw\" (units: mw or kw)",
    ),
    (
        "type_set_string.ron",
        Some(5),
        "`value`: expected a list of regional assessments such as [\"environment\"]",
    ),
    (
        "type_source_number.ron",
        Some(5),
        "Spare power capacity (`power.capacity`): `source`: expected text in quotes",
    ),
    (
        "type_yes_no_string.ron",
        Some(5),
        "Dual-circuit supply (`power.dual_supply`): `value`: expected Yes, No or Planned(\"2025-06-30\")",
    ),
    (
        "unit_land_for_power.ron",
        Some(5),
        "Spare power capacity (`power.capacity`): `value`: unit `mu` is not allowed here; use mw or kw",
    ),
    (
        "unit_missing_number.ron",
        Some(5),
        "Available industrial land (`land.industrial_area`): `value`: `mu` is not a number",
    ),
    (
        "unit_power_for_land.ron",
        Some(5),
        "`value`: unit `MW` is not allowed here; use mu, m2, wan_m2, ha or acre",
    ),
    (
        "unit_unknown.ron",
        Some(5),
        "`value`: in `6 furlongs`, `furlongs` is not a unit SiteMatch knows",
    ),
    (
        "unknown_entry_field.ron",
        Some(5),
        "Spare power capacity (`power.capacity`): unknown field `sauce` (fields: `value`, `planned`, `source`, `as_of`, `illustrative` and `owner`)",
    ),
    (
        "unknown_factor.ron",
        Some(5),
        "`power.capacty` is not a factor of the catalog; did you mean `power.capacity` (Spare power capacity)?",
    ),
    (
        "unknown_industry_code.ron",
        Some(5),
        "Industry admitted (`policy.industry`): `value`: `C99` is not in Industry divisions",
    ),
    (
        "unknown_level.ron",
        Some(5),
        "`value`: `eleven` is not a level of this factor; choose one of three, five, seven or nine",
    ),
    (
        "unknown_member.ron",
        Some(5),
        "`siesmic` is not in Regional assessments (`assessments`); did you mean `seismic` (Seismic safety)?",
    ),
    (
        "unknown_top_field.ron",
        Some(4),
        "unknown field `mayor` (fields: `name`, `region`, `contact`, `contact_en`, `as_of`, `factors`, `location` and `owners`)",
    ),
    ("utf16.ron", None, "is UTF-16 text; save it as UTF-8"),
    ("whitespace_only.ron", None, "is empty"),
];

/// A few of them in Chinese: names instead of ids, syntax in words.
const BAD_PROFILES_ZH: &[(&str, &str)] = &[
    (
        "unit_power_for_land.ron",
        "第 5 行第 42 列：可供工业用地面积的数值：此项不能使用单位“兆瓦”，可用：亩、平方米、万平方米、公顷、英亩",
    ),
    ("syntax_missing_comma.ron", "第 3 行第 5 列：缺少逗号"),
    (
        "unknown_member.ron",
        "已完成区域评估的数值：“siesmic”不在区域评估之列；是否指“地震安全性评价”？",
    ),
    (
        "unknown_factor.ron",
        "“power.capacty”不是要素目录中的要素；是否指“可新增供电容量”？",
    ),
    ("type_source_number.ron", "可新增供电容量的来源：应为带引号的文字"),
    (
        "syntax_unclosed_paren.ron",
        "文件在此处意外结束，可能缺少右括号或引号",
    ),
    ("utf16.ron", "这是 UTF-16 编码的文本，请另存为 UTF-8"),
    (
        "planned_on_yes_no.ron",
        "第 7 行第 13 列：双回路供电的计划值：计划值（planned）只用于数量类要素",
    ),
];

/// Broken checklists, as above.
const BAD_CHECKLISTS: &[(&str, usize, &str)] = &[
    (
        "must_industry_without_header.ron",
        4,
        "the must-have Industry admitted (`policy.industry`) takes its requirement from the header's industry, which is empty",
    ),
    (
        "absurd_planned_intensity.ron",
        3,
        "`planned_intensity`: 5,000,000 × 10,000 yuan/mu is more than any zone can have",
    ),
    (
        "absurd_requirement.ron",
        4,
        "Distance to expressway exit (`transport.expressway_km`): `required`: 5,000 km is more than any zone can have",
    ),
    (
        "bad_importance.ron",
        4,
        "Spare power capacity (`power.capacity`): `importance`: `Critical` is not one of `Must`, `High`, `Medium`, `Low` or `NotNeeded`",
    ),
    (
        "bad_industry.ron",
        3,
        "`industry`: `C3B` is not a GB/T 4754 division code such as `C38`; did you mean C30 Manufacture of non-metallic mineral products?",
    ),
    (
        "empty_set.ron",
        4,
        "Completed regional assessments (`policy.regional_assessments`): `required`: the list is empty",
    ),
    (
        "negative_investment.ron",
        3,
        "`total_investment`: -500 is negative",
    ),
    (
        "yes_no_required_no.ron",
        4,
        "Dual-circuit supply (`power.dual_supply`): `required`: a yes/no factor can only be required as `Yes`",
    ),
];

fn catalog() -> Catalog {
    Catalog::builtin().expect("catalog")
}

#[test]
fn the_corpus_is_large_enough_and_every_file_is_listed() {
    let on_disk = io::ron_files(&repo("tests/fixtures/bad")).expect("folder").len();
    let listed = BAD_PROFILES.len()
        + [
            "dup_zone.ron",
            "DUP_ZONE.ron",
            "wrong_file_kind.ron",
            "good_zone.ron",
            "good_zone_2.ron",
            "good_zone_notepad.ron",
        ]
        .len();
    assert_eq!(on_disk, listed, "every fixture has an expected error");
    assert!(BAD_PROFILES.len() + BAD_CHECKLISTS.len() >= 40);
}

#[test]
fn each_bad_profile_gives_its_error_and_the_good_ones_still_load() {
    let c = catalog();
    let loaded = io::load_profiles(&repo("tests/fixtures/bad"), &c).expect("folder");
    let ids: Vec<&str> = loaded
        .zones
        .iter()
        .map(|z| &z.profile)
        .map(|p| p.id.as_str())
        .collect();
    // A byte-order mark and Windows line ends (Notepad's defaults) are read as any other file.
    assert_eq!(ids, ["good_zone", "good_zone_2", "good_zone_notepad"]);
    for (file, line, message) in BAD_PROFILES {
        let e = loaded
            .errors
            .iter()
            .find(|e| e.path.file_name().is_some_and(|n| n == *file))
            .unwrap_or_else(|| panic!("{file} is reported"));
        assert!(e.to_string().contains(message), "{file}: {e}");
        assert_eq!(e.position().map(|(l, _)| l), *line, "{file}: {e}");
        let shown = e.to_string();
        assert!(shown.contains(*file), "the message names the file: {shown}");
        if let Some(line) = line {
            assert!(shown.contains(&format!(":{line}:")), "and the line: {shown}");
        }
    }
    for dup in ["dup_zone.ron", "DUP_ZONE.ron"] {
        let e = loaded
            .errors
            .iter()
            .find(|e| e.path.ends_with(dup))
            .expect("clash reported");
        assert!(e.to_string().contains("apart from letter case"), "{e}");
    }
    let kind = loaded
        .errors
        .iter()
        .find(|e| e.path.ends_with("wrong_file_kind.ron"))
        .expect("reported");
    assert!(
        kind.to_string()
            .contains("this is a checklist, not a zone profile"),
        "a checklist in the zones folder: {kind}"
    );
}

#[test]
fn some_bad_profiles_in_chinese() {
    let c = catalog();
    let loaded = io::load_profiles(&repo("tests/fixtures/bad"), &c).expect("folder");
    for (file, message) in BAD_PROFILES_ZH {
        let e = loaded
            .errors
            .iter()
            .find(|e| e.path.file_name().is_some_and(|n| n == *file))
            .unwrap_or_else(|| panic!("{file} is reported"));
        let zh = match &e.problem {
            io::FileProblem::Parse(p) => p.text(Lang::Zh),
            _ => e.message(Lang::Zh),
        };
        assert!(zh.contains(message), "{file}: {zh}");
    }
    let out = sitematch(&[
        "check",
        "--lang",
        "zh",
        "tests/fixtures/bad/unit_power_for_land.ron",
    ]);
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        err.contains("unit_power_for_land.ron:5:42: 可供工业用地面积的数值：此项不能使用单位“兆瓦”"),
        "{err}"
    );
}

#[test]
fn each_bad_checklist_gives_its_error() {
    let c = catalog();
    for (file, line, message) in BAD_CHECKLISTS {
        let e = io::load_checklist_to_score(&repo(&format!("tests/fixtures/bad_checklists/{file}")), &c)
            .expect_err(file);
        assert!(e.to_string().contains(message), "{file}: {e}");
        assert_eq!(e.position().map(|(l, _)| l), Some(*line), "{file}: {e}");
    }
}

#[test]
fn the_cli_reports_every_bad_file_without_panicking() {
    let out = sitematch(&["check", "tests/fixtures/bad", "tests/fixtures/bad_checklists"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(!err.contains("panicked"), "{err}");
    for (file, line, message) in BAD_PROFILES {
        let at = match line {
            Some(l) => format!("{file}:{l}:"),
            None => format!("{file}: "),
        };
        assert!(
            err.lines().any(|l| l.contains(&at) && l.contains(message)),
            "{file} in:\n{err}"
        );
    }
    for (file, line, message) in BAD_CHECKLISTS {
        let at = format!("{file}:{line}:");
        assert!(
            err.lines().any(|l| l.contains(&at) && l.contains(message)),
            "{file} in:\n{err}"
        );
    }
    let ok = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        ok.contains("good_zone.ron") && ok.contains("good_zone_2.ron"),
        "{ok}"
    );
}

#[test]
fn files_over_the_size_limit_are_refused_before_parsing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("huge.ron");
    let file = std::fs::File::create(&big).expect("create");
    file.set_len(io::MAX_FILE_BYTES + 1).expect("grow");
    std::fs::copy(repo("profiles/houma.ron"), dir.path().join("houma.ron")).expect("copy");
    let loaded = io::load_profiles(dir.path(), &catalog()).expect("folder");
    assert_eq!(loaded.zones.len(), 1, "the good file beside it loads");
    let e = &loaded.errors[0];
    assert!(
        e.path.ends_with("huge.ron") && e.to_string().contains("at most 16 MiB"),
        "{e}"
    );
    let out = sitematch(&["check", big.to_str().expect("a UTF-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at most 16 MiB"));
}

#[test]
fn an_unreadable_folder_is_an_error_in_words() {
    let e = io::load_profiles(Path::new("/nonexistent/zones"), &catalog()).expect_err("no folder");
    assert!(e.to_string().contains("could not open the folder"), "{e}");
}

/// The child of the kill test: saves two versions of a file in turn, until it is killed.
fn save_loop(path: &std::path::Path) -> ! {
    let (a, b) = versions();
    loop {
        io::save_atomic(path, &a).expect("save");
        io::save_atomic(path, &b).expect("save");
    }
}

/// Two versions large enough that writing one takes many system calls.
fn versions() -> (Vec<u8>, Vec<u8>) {
    let a: Vec<u8> = "ZoneProfile(/* version A */)\n".repeat(12_000).into_bytes();
    let b: Vec<u8> = "ZoneProfile(/* version B, a little longer */)\n"
        .repeat(9_000)
        .into_bytes();
    (a, b)
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file_whole() {
    // Run again as the saving child of this test.
    if let Some(path) = std::env::var_os("SITEMATCH_SAVE_LOOP") {
        save_loop(std::path::Path::new(&path));
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("zone.ron");
    let (a, b) = versions();
    io::save_atomic(&path, &a).expect("first version");
    let exe = std::env::current_exe().expect("the test binary");
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut seen = [0_usize; 2];
    for i in 0..200 {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "hardening::a_save_killed_at_any_moment_leaves_the_old_or_the_new_file_whole",
                "--test-threads",
                "1",
                "--nocapture",
            ])
            .env("SITEMATCH_SAVE_LOOP", &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn the saving child");
        std::thread::sleep(std::time::Duration::from_millis(rng.u64(15..60)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let now = std::fs::read(&path).expect("the file is always there");
        match now {
            ref x if *x == a => seen[0] += 1,
            ref x if *x == b => seen[1] += 1,
            other => panic!("kill {i}: the file is neither version, {} bytes", other.len()),
        }
    }
    assert!(
        seen[0] > 0 && seen[1] > 0,
        "kills landed between both saves: {seen:?}"
    );
    // Temporary files of interrupted saves are hidden and never taken for profiles.
    assert_eq!(io::ron_files(dir.path()).expect("folder"), [path]);
}

/// Inputs the fuzzers found crashes with, kept so the fixes stay fixed: each file, as a
/// checklist or a profile, must parse, write and read back to the same value, or be refused.
#[test]
fn fuzz_findings_stay_fixed() {
    let c = catalog();
    for path in io::ron_files(&repo("tests/fixtures/fuzz_regressions")).expect("folder") {
        let text = std::fs::read_to_string(&path).expect("read");
        if let Ok(list) = sitematch::model::parse_checklist(&text, &c) {
            let written = sitematch::model::write_checklist(&list, &c).expect("write");
            let back = sitematch::model::parse_checklist(&written, &c);
            assert_eq!(back.as_ref(), Ok(&list), "{}: {written}", path.display());
        }
        if let Ok(p) = sitematch::model::parse_profile(&text, "fuzz", &c) {
            let written = sitematch::model::write_profile(&p, &c).expect("write");
            assert_eq!(
                sitematch::model::parse_profile(&written, "fuzz", &c).as_ref(),
                Ok(&p),
                "{}",
                path.display()
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_device_is_refused_at_once_not_read_forever() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let c = catalog();
    for path in [fifo.as_path(), Path::new("/dev/zero")] {
        let e = io::load_checklist(path, &c).expect_err("refused");
        assert_eq!(e.problem, io::FileProblem::NotAFile, "{}", path.display());
    }
    // A folder holding the pipe loads its other zones and names the pipe.
    std::fs::copy(repo("profiles/houma.ron"), dir.path().join("houma.ron")).expect("copy");
    let loaded = io::load_profiles(dir.path(), &c).expect("folder");
    assert_eq!(loaded.zones.len(), 1);
    assert!(
        loaded
            .errors
            .iter()
            .any(|e| e.path == fifo && e.problem == io::FileProblem::NotAFile),
        "{:?}",
        loaded.errors
    );
    let out = sitematch(&[
        "survey",
        "--checklist",
        fifo.to_str().expect("p"),
        "--out",
        dir.path().join("s.xlsx").to_str().expect("p"),
    ]);
    assert_eq!(out.status.code(), Some(1));
}

/// Run by the race test as a child process: takes the stamp of the checklist as it opens it,
/// says it is ready, waits for the word go, then saves its own project name through the checked
/// save. Exits 0 when it saved, 3 when told the file changed meanwhile, 4 when it timed out on
/// the lock, 5 otherwise.
fn checked_save_race(path: &std::path::Path, project: String) -> ! {
    let c = catalog();
    let mut list = io::load_checklist(path, &c).expect("the checklist");
    let stamp = io::FileStamp::now(path);
    list.project = project.clone();
    std::fs::write(path.with_extension(format!("ready-{project}")), "").expect("ready");
    let go = path.with_extension("go");
    while !go.exists() {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let code = match io::save_checklist_checked(path, &list, &c, stamp.as_ref()) {
        Ok(_) => 0,
        Err(io::SaveError::Changed(_)) => 3,
        Err(io::SaveError::File(e)) if e.problem == io::FileProblem::Locked => 4,
        Err(_) => 5,
    };
    std::process::exit(code);
}

#[test]
fn two_officers_saving_one_checklist_at_once_one_wins_and_the_other_is_told() {
    // Run again as one of the two officers of this test.
    if let (Some(path), Some(project)) = (
        std::env::var_os("SITEMATCH_RACE_FILE"),
        std::env::var("SITEMATCH_RACE_PROJECT").ok(),
    ) {
        checked_save_race(std::path::Path::new(&path), project);
    }
    let exe = std::env::current_exe().expect("the test binary");
    let dir = tempfile::tempdir().expect("tempdir");
    for round in 0..12 {
        let path = dir.path().join(format!("list{round}.ron"));
        std::fs::copy(repo("assets/checklists/pv_base.ron"), &path).expect("copy");
        let children: Vec<_> = ["甲", "乙"]
            .iter()
            .map(|who| {
                Command::new(&exe)
                    .args([
                        "--exact",
                        "hardening::two_officers_saving_one_checklist_at_once_one_wins_and_the_other_is_told",
                        "--test-threads",
                        "1",
                    ])
                    .env("SITEMATCH_RACE_FILE", &path)
                    .env("SITEMATCH_RACE_PROJECT", who)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        while !["甲", "乙"]
            .iter()
            .all(|who| path.with_extension(format!("ready-{who}")).exists())
        {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        std::fs::write(path.with_extension("go"), "").expect("go");
        let mut codes: Vec<i32> = children
            .into_iter()
            .map(|mut c| c.wait().expect("wait").code().expect("exit code"))
            .collect();
        codes.sort_unstable();
        assert_eq!(
            codes,
            [0, 3],
            "round {round}: one saved, the other was told it changed"
        );
        let saved = io::load_checklist(&path, &catalog()).expect("whole");
        assert!(["甲", "乙"].contains(&saved.project.as_str()));
        assert!(
            !dir.path().join(format!(".list{round}.ron.lock")).exists(),
            "the lock is gone"
        );
    }
}

/// A disk that fills while `score --format csv --out` writes the items leaves the ranking and
/// its items as they were, both: never a new ranking beside last week's items. The disk is
/// made to fill with a file-size limit (`ulimit -f`, with the signal it sends ignored, so the
/// write fails with "file too large" as a full disk fails it with "no space").
#[cfg(unix)]
#[test]
fn a_disk_that_fills_during_the_items_keeps_the_old_csv_pair() {
    let dir = tempfile::tempdir().expect("tempdir");
    let zones = dir.path().join("zones");
    let out = sitematch(&[
        "gen",
        "--zones",
        "300",
        "--checklists",
        "1",
        "--out",
        zones.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (ranking, items) = (dir.path().join("r.csv"), dir.path().join("r-items.csv"));
    let last_week = || {
        std::fs::write(&ranking, "last week's ranking\n").expect("write");
        std::fs::write(&items, "last week's items\n").expect("write");
    };
    // `ulimit -f` counts 512-byte blocks; no limit when `None`.
    let score = |blocks: Option<u64>| {
        let limit = blocks.map_or_else(|| "unlimited".to_owned(), |b| b.to_string());
        let script = format!("trap '' XFSZ; ulimit -f {limit}; exec \"$0\" \"$@\"");
        Command::new("sh")
            .env("SITEMATCH_CACHE", "")
            .args(["-c", &script, env!("CARGO_BIN_EXE_sitematch")])
            .args(["score", "--lang", "en", "--date", "2026-06-30", "--checklist"])
            .arg(zones.join("checklists").join("checklist-001.ron"))
            .arg("--profiles")
            .arg(&zones)
            .args(["--format", "csv", "--out"])
            .arg(&ranking)
            .env("SITEMATCH_HOME", dir.path())
            .output()
            .expect("the binary runs")
    };
    // With room, both are replaced, and the old pair is kept as backups.
    last_week();
    let out = score(None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("r-items.csv.bak")).expect("backup"),
        "last week's items\n"
    );
    let (ranking_len, items_len) = (
        std::fs::metadata(&ranking).expect("ranking").len(),
        std::fs::metadata(&items).expect("items").len(),
    );
    // Room for all of the items but their last block: the ranking is written whole, and the
    // disk fills at the very end of the items, as the last buffered bytes go out when both
    // files are put in place.
    let blocks = (items_len - 1) / 512;
    assert!(
        ranking_len < blocks * 512,
        "the ranking fits: {ranking_len} of {items_len}"
    );
    last_week();
    let out = score(Some(blocks));
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kept = |path: &Path, old: &str| std::fs::read_to_string(path).expect("read") == old;
    assert!(
        kept(&ranking, "last week's ranking\n"),
        "the ranking was replaced"
    );
    assert!(kept(&items, "last week's items\n"), "the items were replaced");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

/// Runs `report` with a user template, with a time limit of `secs` for the template.
fn report_with_template(dir: &Path, template: &str, secs: u32) -> std::process::Output {
    let path = dir.join("mine.typ");
    std::fs::write(&path, template).expect("write the template");
    Command::new(env!("CARGO_BIN_EXE_sitematch"))
        .current_dir(repo(""))
        .env("SITEMATCH_CACHE", "")
        .args([
            "report",
            "--lang",
            "en",
            "--checklist",
            "assets/checklists/pv_base.ron",
        ])
        .args(["--profiles", "profiles", "--template"])
        .arg(&path)
        .arg("--out")
        .arg(dir.join("report.pdf"))
        .env("SITEMATCH_HOME", dir)
        .env("SITEMATCH_TEMPLATE_SECONDS", secs.to_string())
        .output()
        .expect("the binary runs")
}

/// A user's template is laid out in a child process with a time and a memory limit: a
/// template that never ends is stopped and named, one that grows without end is stopped and
/// named, an error in it names the template and the line; nothing is written in any case, and
/// a good template still makes its report.
#[test]
fn a_user_template_that_loops_or_grows_is_stopped_and_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("report.pdf");
    let stderr = |out: &std::process::Output| String::from_utf8_lossy(&out.stderr).into_owned();

    let endless = "#let n = 0\n#for i in range(100000) { for j in range(100000) { n += 1 } }\n#n\n";
    let out = report_with_template(dir.path(), endless, 2);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("mine.typ did not finish within 2 s"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());

    let growing = "#let a = range(4000000000)\n#a.len()\n";
    let out = report_with_template(dir.path(), growing, 60);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("mine.typ ran out of memory"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());

    let broken = "#let data = json(\"report.json\")\n\n#data.cover.title(\n";
    let out = report_with_template(dir.path(), broken, 60);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("mine.typ: the report could not be laid out: line 3"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());

    let good = "#let data = json(\"report.json\")\n= #data.cover.project\n";
    let out = report_with_template(dir.path(), good, 60);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&pdf).expect("the report").starts_with(b"%PDF"));
    // The child's own message still reaches the officer when it ended by itself.
    assert!(stderr(&out).contains("wrote"), "{}", stderr(&out));
}
