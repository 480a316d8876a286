//! Hardening: a corpus of broken files, each with the error it must produce, loaded through the
//! library and the command line. Nothing panics, every message names the file, the line where
//! there is one and the field in words, and the good files beside the bad ones still load.

use std::path::Path;
use std::process::Command;

use sitematch::io;
use sitematch::model::Catalog;

use crate::{repo, sitematch};

/// Each bad profile, the line its error is on (where the file has lines to point at), and
/// what the message says.
const BAD_PROFILES: &[(&str, Option<usize>, &str)] = &[
    (
        "absurd_land.ron",
        Some(5),
        "`factors`: `land.industrial_area`: `value`: 20,000,000,000 mu is more th",
    ),
    (
        "absurd_power.ron",
        Some(5),
        "`factors`: `power.capacity`: `value`: 5,000,000,000 MW is more than any ",
    ),
    (
        "as_of_not_a_date.ron",
        Some(3),
        "`as_of`: failed to parse four digit integer as year: invalid digit, expe",
    ),
    (
        "bad id with spaces.ron",
        Some(1),
        "`bad id with spaces` cannot be a zone id: name the file with letters, di",
    ),
    (
        "beyond_decimal.ron",
        Some(5),
        "`factors`: `land.industrial_area`: `value`: `1e40` is beyond what SiteMa",
    ),
    (
        "beyond_decimal_digits.ron",
        Some(5),
        "`factors`: `land.industrial_area`: `value`: `0.0000000000000000000000000",
    ),
    ("binary.ron", None, "is a binary file, not RON text"),
    ("deep_nesting.ron", Some(2), "`name`: Expected identifier"),
    (
        "duplicate_factor.ron",
        Some(6),
        "`factors`: `power.capacity` appears twice; keep one entry per factor",
    ),
    (
        "duplicate_field.ron",
        Some(5),
        "`factors`: `power.capacity`: Unexpected duplicate field named `source` i",
    ),
    ("empty.ron", None, "is empty"),
    (
        "empty_name.ron",
        Some(5),
        "`name` is empty; give the zone's name in Chinese or English",
    ),
    (
        "entry_date_not_a_date.ron",
        Some(5),
        "`factors`: `power.capacity`: `as_of`: failed to parse two digit integer ",
    ),
    (
        "missing_name.ron",
        Some(4),
        "Unexpected missing field named `name` in `ZoneProfile`",
    ),
    (
        "missing_value.ron",
        Some(5),
        "`factors`: `power.capacity`: Unexpected missing field named `value` in `",
    ),
    (
        "nan.ron",
        Some(5),
        "`factors`: `land.industrial_area`: `value`: `NaN` is not a number",
    ),
    (
        "negative_bare_number.ron",
        Some(5),
        "`factors`: `water.supply`: `value`: -300 is negative; a quantity cannot ",
    ),
    (
        "negative_quantity.ron",
        Some(5),
        "`factors`: `water.supply`: `value`: -300 is negative; a quantity cannot ",
    ),
    (
        "no_source.ron",
        Some(5),
        "`factors`: `power.capacity`: no `source`: say where the figure comes fro",
    ),
    (
        "not_a_number.ron",
        Some(5),
        "`factors`: `land.industrial_area`: `value`: in `12a mu`, `a mu` is not a",
    ),
    (
        "not_utf8.ron",
        Some(5),
        "is not UTF-8 text; save it as UTF-8 (GBK and other encodings are not rea",
    ),
    (
        "planned_impossible_date.ron",
        Some(5),
        "`factors`: `power.dual_supply`: `value`: parsed date is not valid: param",
    ),
    (
        "planned_not_a_date.ron",
        Some(5),
        "`factors`: `power.dual_supply`: `value`: failed to parse four digit inte",
    ),
    ("syntax_bad_comment.ron", Some(1), "Unclosed block comment"),
    ("syntax_missing_colon.ron", Some(2), "`name`: Expected colon"),
    ("syntax_missing_comma.ron", Some(3), "Expected comma"),
    ("syntax_stray_character.ron", Some(4), "Expected comma"),
    (
        "syntax_trailing_garbage.ron",
        Some(5),
        "Non-whitespace trailing characters",
    ),
    ("syntax_unclosed_paren.ron", Some(4), "Unexpected end of RON"),
    ("syntax_unquoted_key.ron", Some(4), "`factors`: Expected string"),
    (
        "syntax_unterminated_string.ron",
        Some(2),
        "`name`: Expected comma",
    ),
    (
        "truncated_after_key.ron",
        Some(5),
        "`factors`: `power.capacity`: Expected opening `(` for struct `Entry`",
    ),
    ("truncated_header.ron", Some(2), "`name`: Expected comma"),
    (
        "truncated_in_entry.ron",
        Some(5),
        "`factors`: `power.capacity`: `value`: Expected end of string",
    ),
    (
        "type_as_of_number.ron",
        Some(3),
        "`as_of`: Expected string; write the date as 2023-12-31",
    ),
    (
        "type_factors_list.ron",
        Some(4),
        "`factors`: Expected opening `{`",
    ),
    (
        "type_illustrative_string.ron",
        Some(5),
        "`factors`: `power.capacity`: `illustrative`: Expected boolean",
    ),
    (
        "type_level_number.ron",
        Some(5),
        "`factors`: `land.servicing_level`: `value`: Expected one of the levels \"",
    ),
    (
        "type_name_number.ron",
        Some(2),
        "`name`: Expected opening `(` for struct `Text`",
    ),
    (
        "type_quantity_bool.ron",
        Some(5),
        "`factors`: `power.capacity`: `value`: Expected a quantity such as \"100 m",
    ),
    (
        "type_set_string.ron",
        Some(5),
        "`factors`: `policy.regional_assessments`: `value`: Expected a list of re",
    ),
    (
        "type_source_number.ron",
        Some(5),
        "`factors`: `power.capacity`: `source`: Expected string",
    ),
    (
        "type_yes_no_string.ron",
        Some(5),
        "`factors`: `power.dual_supply`: `value`: Expected identifier; write Yes,",
    ),
    (
        "unit_land_for_power.ron",
        Some(5),
        "`factors`: `power.capacity`: `value`: unit `mu` is not allowed here; use",
    ),
    (
        "unit_missing_number.ron",
        Some(5),
        "`factors`: `land.industrial_area`: `value`: `mu` is not a number",
    ),
    (
        "unit_power_for_land.ron",
        Some(5),
        "`factors`: `land.industrial_area`: `value`: unit `MW` is not allowed her",
    ),
    (
        "unit_unknown.ron",
        Some(5),
        "`factors`: `land.industrial_area`: `value`: in `6 furlongs`, `furlongs` ",
    ),
    (
        "unknown_entry_field.ron",
        Some(5),
        "`factors`: `power.capacity`: Unexpected field named `sauce` in `Entry`, ",
    ),
    (
        "unknown_factor.ron",
        Some(5),
        "`factors`: `power.capacty` is not a factor of the catalog; did you mean ",
    ),
    (
        "unknown_industry_code.ron",
        Some(5),
        "`factors`: `policy.industry`: `value`: `C99` is not in Industry division",
    ),
    (
        "unknown_level.ron",
        Some(5),
        "`factors`: `land.servicing_level`: `value`: `eleven` is not a level of t",
    ),
    (
        "unknown_member.ron",
        Some(5),
        "`factors`: `policy.regional_assessments`: `value`: `siesmic` is not in R",
    ),
    (
        "unknown_top_field.ron",
        Some(4),
        "Unexpected field named `mayor` in `ZoneProfile`, expected one of `name`,",
    ),
    ("utf16.ron", None, "is UTF-16 text; save it as UTF-8"),
    ("whitespace_only.ron", None, "is empty"),
];

/// Broken checklists, as above.
const BAD_CHECKLISTS: &[(&str, usize, &str)] = &[
    (
        "absurd_requirement.ron",
        4,
        "`transport.expressway_km`: `required`: 5,000 km is more than any zone can have",
    ),
    (
        "bad_importance.ron",
        4,
        "`power.capacity`: `importance`: Unexpected variant named `Critical`",
    ),
    (
        "bad_industry.ron",
        3,
        "`industry`: `C3B` is not a GB/T 4754 division code such as `C38`; did you mean `C30`?",
    ),
    (
        "empty_set.ron",
        4,
        "`policy.regional_assessments`: `required`: the list is empty",
    ),
    (
        "negative_investment.ron",
        3,
        "`total_investment`: -500 is negative",
    ),
    (
        "yes_no_required_no.ron",
        4,
        "`power.dual_supply`: `required`: a yes/no factor can only be required as `Yes`",
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
    assert_eq!(ids, ["good_zone", "good_zone_2"]);
    for (file, line, message) in BAD_PROFILES {
        let e = loaded
            .errors
            .iter()
            .find(|e| e.path.file_name().is_some_and(|n| n == *file))
            .unwrap_or_else(|| panic!("{file} is reported"));
        assert!(e.message.contains(message), "{file}: {e}");
        assert_eq!(e.position.map(|(l, _)| l), *line, "{file}: {e}");
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
        assert!(e.message.contains("apart from letter case"), "{e}");
    }
    let kind = loaded
        .errors
        .iter()
        .find(|e| e.path.ends_with("wrong_file_kind.ron"))
        .expect("reported");
    assert!(
        kind.message.contains("ZoneProfile"),
        "a checklist in the zones folder: {kind}"
    );
}

#[test]
fn each_bad_checklist_gives_its_error() {
    let c = catalog();
    for (file, line, message) in BAD_CHECKLISTS {
        let e =
            io::load_checklist(&repo(&format!("tests/fixtures/bad_checklists/{file}")), &c).expect_err(file);
        assert!(e.message.contains(message), "{file}: {e}");
        assert_eq!(e.position.map(|(l, _)| l), Some(*line), "{file}: {e}");
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
        e.path.ends_with("huge.ron") && e.message.contains("at most 16 MiB"),
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

/// The child of the kill test: saves two versions of a file in turn, forever. Does nothing in
/// a normal test run.
#[test]
fn save_loop_child() {
    let Some(path) = std::env::var_os("SITEMATCH_SAVE_LOOP") else {
        return;
    };
    let path = std::path::PathBuf::from(path);
    let (a, b) = versions();
    loop {
        io::save_atomic(&path, &a).expect("save");
        io::save_atomic(&path, &b).expect("save");
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
                "hardening::save_loop_child",
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
