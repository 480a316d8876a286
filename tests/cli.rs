//! The built binary: JSON output follows the contract, errors name file and line, exit codes.

use serde_json::Value;

use crate::{sitematch, sitematch_in_locale, stdout_of};

fn json_ranking(checklist: &str, lang: &str) -> Value {
    let out = sitematch(&[
        "score",
        "--checklist",
        checklist,
        "--format",
        "json",
        "--lang",
        lang,
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn json_output_follows_the_contract() {
    let v = json_ranking("assets/checklists/pv_base.ron", "en");
    assert_eq!(v["checklist"], "自动化光伏新能源基地");
    let ranking = v["ranking"].as_array().expect("ranking array");
    assert_eq!(ranking.len(), 5);
    for (i, z) in ranking.iter().enumerate() {
        assert_eq!(z["rank"].as_u64(), Some(i as u64 + 1));
        assert!(z["zone"].is_string() && z["name"].is_string());
        let score = z["score"].as_f64().expect("score is a number");
        assert!((0.0..=100.0).contains(&score));
        assert_eq!((score * 10.0).round() / 10.0, score, "one decimal");
        assert!(z["qualified"].is_boolean());
        assert!(
            z["failed_must_haves"]
                .as_array()
                .expect("array")
                .iter()
                .all(Value::is_string)
        );
        assert!(z["unknown"].is_u64());
        assert!(z["completeness"].as_u64().is_some_and(|c| c <= 100));
        assert!(
            ["ready_now", "ready_6_months", "in_preparation"].contains(&z["tier"].as_str().expect("tier")),
            "a readiness tier id"
        );
        let items = z["items"].as_array().expect("items");
        assert_eq!(items.len(), 15);
        for item in items {
            assert!(item["factor"].as_str().is_some_and(|f| f.contains('.')));
            assert!(
                ["met", "partial", "unmet", "unknown"].contains(&item["status"].as_str().expect("status"))
            );
            assert!(item["credit"].as_f64().is_some_and(|c| (0.0..=1.0).contains(&c)));
            assert!(item["required"].is_string());
            assert!(item["offered"].is_string() || item["offered"].is_null());
            assert!(item["gap"].is_string() || item["gap"].is_null());
            assert!(
                ["must", "high", "medium", "low"].contains(&item["importance"].as_str().expect("importance"))
            );
            if item["status"] == "unknown" {
                assert!(item["offered"].is_null());
            }
        }
    }
    // Qualified zones rank first.
    let qualified: Vec<bool> = ranking.iter().map(|z| z["qualified"] == true).collect();
    assert!(qualified.windows(2).all(|w| w[0] >= w[1]), "{qualified:?}");
}

#[test]
fn json_codes_do_not_change_with_the_language() {
    let zh = json_ranking("assets/checklists/diamond.ron", "zh");
    let en = json_ranking("assets/checklists/diamond.ron", "en");
    let codes = |v: &Value| -> Vec<(String, String)> {
        v["ranking"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|z| z["items"].as_array().into_iter().flatten())
            .map(|i| (i["factor"].to_string(), i["status"].to_string()))
            .collect()
    };
    assert_eq!(codes(&zh), codes(&en));
    assert_ne!(zh["ranking"][0]["name"], en["ranking"][0]["name"]);
}

#[test]
fn the_table_names_zones_in_rank_order() {
    let out = sitematch(&[
        "score",
        "--checklist",
        "assets/checklists/znalmg_steel.ron",
        "--lang",
        "zh",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let houma = text.find("侯马经济开发区").expect("Houma listed");
    let yuanping = text.find("原平经济技术开发区").expect("Yuanping listed");
    assert!(
        houma < yuanping,
        "the qualified Houma ranks above the higher-scoring Yuanping:\n{text}"
    );
    assert!(text.contains("产业准入"), "Yuanping's failed must-have is named");
}

#[test]
fn csv_output_has_a_header_and_a_row_per_zone() {
    let out = sitematch(&[
        "score",
        "--checklist",
        "assets/checklists/pv_base.ron",
        "--format",
        "csv",
        "--lang",
        "zh",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for spreadsheets");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6);
    assert!(lines[0].starts_with("排名,开发区编号,开发区,得分"));
    assert!(lines[1].starts_with("1,houma,侯马经济开发区,"));
}

#[test]
fn check_passes_the_bundled_files() {
    let out = sitematch(&["check", "profiles", "assets/checklists", "assets/catalog.ron"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 9);
}

#[test]
fn check_on_a_bad_file_exits_1_naming_the_file_and_line() {
    let out = sitematch(&["check", "tests/fixtures/mixed/wrong_unit.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(err.contains("wrong_unit.ron:6:42:"), "{err}");
    assert!(err.contains("unit `MW` is not allowed"), "{err}");
}

#[test]
fn score_with_a_broken_checklist_exits_1_without_panicking() {
    let out = sitematch(&["score", "--checklist", "tests/fixtures/mixed/bad_syntax.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(err.contains("bad_syntax.ron:"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn score_skips_bad_profiles_reports_them_and_exits_1() {
    let out = sitematch(&[
        "score",
        "--checklist",
        "assets/checklists/pv_base.ron",
        "--profiles",
        "tests/fixtures/mixed",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).expect("the good zone is still ranked");
    assert_eq!(v["ranking"][0]["zone"], "good_zone");
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(err.lines().filter(|l| l.contains("skipped")).count(), 6, "{err}");
}

#[test]
fn messages_speak_the_language_asked_for() {
    let args = ["check", "tests/fixtures/mixed/wrong_unit.ron"];
    let zh = sitematch(&[&args[..], &["--lang", "zh"]].concat());
    assert_eq!(zh.status.code(), Some(1));
    let err = String::from_utf8(zh.stderr).expect("utf-8");
    assert!(
        err.contains("wrong_unit.ron:6:42: 可供工业用地面积的数值：此项不能使用单位“兆瓦”，可用：亩、"),
        "{err}"
    );
    assert!(!err.contains("land.industrial_area"), "no ids in Chinese: {err}");

    // Without --lang, the system's language decides.
    let zh = sitematch_in_locale(&args, "zh_CN.UTF-8");
    assert!(String::from_utf8_lossy(&zh.stderr).contains("此项不能使用单位"));
    let en = sitematch_in_locale(&args, "en_GB.UTF-8");
    assert!(String::from_utf8_lossy(&en.stderr).contains("unit `MW` is not allowed here"));

    // Notices, and errors of the command line itself.
    let dir = tempfile::tempdir().expect("tempdir");
    let xlsx = dir.path().join("s.xlsx");
    let out = sitematch(&["--lang", "zh", "survey", "--out", xlsx.to_str().expect("p")]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("sitematch：已写入 "));
    let out = sitematch(&[
        "plan",
        "--zone",
        "nowhere",
        "--checklists",
        "assets/checklists",
        "--lang",
        "zh",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("中没有开发区“nowhere”"));
    let out = sitematch(&["score", "--lang", "zh"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("缺少必需的参数：--checklist <FILE>"), "{err}");
    let out = sitematch(&[
        "score",
        "--checklist",
        "assets/checklists/pv_base.ron",
        "--lang",
        "both",
    ]);
    assert_eq!(out.status.code(), Some(2), "a table has one language");
}

#[test]
fn the_check_output_speaks_chinese_too() {
    let out = sitematch(&[
        "--lang",
        "zh",
        "check",
        "profiles/houma.ron",
        "assets/checklists/pv_base.ron",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("正常 profiles/houma.ron: 开发区档案“houma”，已知 "),
        "{text}"
    );
    assert!(text.contains("投资需求清单“自动化光伏新能源基地”"), "{text}");
}

#[cfg(not(feature = "gui"))]
#[test]
fn without_the_desktop_the_app_command_says_so_and_exits_2() {
    for (lang, words) in [
        ("zh", "此版本不含桌面窗口"),
        ("en", "this build has no desktop window"),
    ] {
        let out = sitematch(&["app", "--lang", lang]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains(words));
    }
    assert_eq!(sitematch(&[]).status.code(), Some(2), "no command means the app");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(sitematch(&["score"]).status.code(), Some(2));
    assert_eq!(
        sitematch(&["score", "--checklist", "x", "--format", "pdf"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(sitematch(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn gen_writes_synthetic_zones_and_never_over_existing_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("zones");
    let run = || {
        sitematch(&[
            "gen",
            "--zones",
            "25",
            "--seed",
            "3",
            "--checklists",
            "2",
            "--out",
            out.to_str().expect("p"),
        ])
    };
    let first = run();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(sitematch::io::ron_files(&out).expect("folder").len(), 25);
    let check = sitematch(&[
        "check",
        out.to_str().expect("p"),
        out.join("checklists").to_str().expect("p"),
    ]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let again = run();
    assert_eq!(
        again.status.code(),
        Some(1),
        "refuses to write over the first run"
    );
    assert!(String::from_utf8_lossy(&again.stderr).contains("never written over existing files"));

    // A checklist of the officer's where gen would write one stays as it was, and no zone is
    // written either.
    let other = dir.path().join("other");
    std::fs::create_dir_all(other.join("checklists")).expect("folder");
    let mine = other.join("checklists").join("checklist-001.ron");
    std::fs::write(&mine, "my work").expect("write");
    let out = sitematch(&[
        "gen",
        "--zones",
        "3",
        "--checklists",
        "1",
        "--out",
        other.to_str().expect("p"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("checklist-001.ron"));
    assert_eq!(std::fs::read_to_string(&mine).expect("read"), "my work");
    assert_eq!(sitematch::io::ron_files(&other).expect("folder").len(), 0);
}

#[test]
fn gen_refuses_an_absurd_count_in_words_instead_of_running_out_of_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = sitematch(&[
        "--lang",
        "zh",
        "gen",
        "--zones",
        "1000000000000",
        "--out",
        dir.path().to_str().expect("p"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--zones 1000000000000 过多：最多 1000000"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn plan_says_what_it_would_take_for_one_checklist() {
    let text = stdout_of(&[
        "plan",
        "--zone",
        "yuanping",
        "--checklist",
        "assets/checklists/pv_base.ron",
        "--lang",
        "zh",
    ]);
    assert!(text.contains("现在 60.3 分，不合格"), "{text}");
    assert!(text.contains("达标所需（2 项，达标后 73.8 分）"), "{text}");
    assert!(
        text.contains("2. 能耗指标 +20,000 吨标煤/年：达标必需，+6.0 分"),
        "{text}"
    );

    let out = sitematch(&[
        "plan",
        "--zone",
        "yuanping",
        "--checklist",
        "assets/checklists/pv_base.ron",
        "--format",
        "json",
        "--target",
        "100",
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(v["zone"], "yuanping");
    assert_eq!(v["score_after"].as_f64(), Some(100.0), "every change made: 100");
    let musts: Vec<&str> = v["to_qualify"]
        .as_array()
        .expect("array")
        .iter()
        .map(|c| c["factor"].as_str().expect("id"))
        .collect();
    assert_eq!(musts, ["policy.industry", "quota.energy"]);
}

#[test]
fn plan_across_a_folder_of_pending_projects() {
    let text = stdout_of(&[
        "plan",
        "--zone",
        "xiangfen",
        "--checklists",
        "assets/checklists",
        "--lang",
        "en",
    ]);
    assert!(
        text.contains("3 pending projects, qualified for 2 today"),
        "{text}"
    );
    assert!(text.contains("   70.6  ✘ 锌铝镁涂层钢板生产线\n"), "{text}");
    assert!(
        text.contains("  1. Industry admitted: admit C31 Smelting and pressing of ferrous metals: 3 of 3 projects qualify\n"),
        "{text}"
    );
    let out = sitematch(&["plan", "--zone", "nowhere", "--checklists", "assets/checklists"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no zone `nowhere`"));
    let out = sitematch(&["plan", "--zone", "houma"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "--checklist or --checklists is required"
    );
}

#[test]
fn a_survey_written_and_imported_gives_the_checklist_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let xlsx = dir.path().join("survey.xlsx");
    let ron = dir.path().join("back.ron");
    let (xlsx_s, ron_s) = (xlsx.to_str().expect("path"), ron.to_str().expect("path"));
    let out = sitematch(&[
        "survey",
        "--out",
        xlsx_s,
        "--checklist",
        "assets/checklists/diamond.ron",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = sitematch(&["import", "--survey", xlsx_s, "--out", ron_s]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let score = |path: &str| {
        let out = sitematch(&["score", "--checklist", path, "--format", "json"]);
        assert!(out.status.success());
        let mut v: Value = serde_json::from_slice(&out.stdout).expect("json");
        v["ranking"].take()
    };
    assert_eq!(
        score(ron_s),
        score("assets/checklists/diamond.ron"),
        "the same ranking"
    );
    let again = sitematch(&["import", "--survey", xlsx_s, "--out", ron_s]);
    assert_eq!(again.status.code(), Some(1), "never over an existing file");
    let not_xlsx = sitematch(&[
        "import",
        "--survey",
        "assets/checklists/diamond.ron",
        "--out",
        "x.ron",
    ]);
    assert_eq!(not_xlsx.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&not_xlsx.stderr)
            .contains("is a text file (such as a CSV), not an Excel workbook")
    );
}

/// Scores the sample checklist in Chinese against a folder holding one zone named `name`
/// (a RON string's content) whose power figure cites `source`, with `extra` arguments.
fn score_one_zone(name: &str, source: &str, extra: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().expect("tempdir");
    let profile = format!(
        "ZoneProfile(\n    name: (zh: \"{name}\", en: \"x\"),\n    as_of: \"2024-06-30\",\n    factors: {{\n        \"power.capacity\": (value: \"10 MW\", source: \"{source}\"),\n    }},\n)\n"
    );
    std::fs::write(dir.path().join("zone.ron"), profile).expect("write");
    let mut args = vec![
        "score",
        "--checklist",
        "assets/checklists/pv_base.ron",
        "--profiles",
        dir.path().to_str().expect("p"),
        "--lang",
        "zh",
    ];
    args.extend_from_slice(extra);
    sitematch(&args)
}

#[test]
fn a_zone_name_cannot_drive_the_terminal() {
    let out = score_one_zone("侯马\u{1b}[2J\u{1b}]0;owned\u{7}", "fixture", &[]);
    let shown = String::from_utf8(out.stdout).expect("utf-8");
    assert!(shown.contains("侯马"), "{shown}");
    assert!(
        !shown.chars().any(|c| c.is_control() && c != '\n'),
        "no control character reaches the terminal: {shown:?}"
    );
}

#[test]
fn an_output_that_names_an_input_or_is_no_plain_file_is_refused_and_nothing_is_lost() {
    let dir = tempfile::tempdir().expect("tempdir");
    let list = dir.path().join("list.ron");
    std::fs::copy(crate::repo("assets/checklists/pv_base.ron"), &list).expect("copy");
    let before = std::fs::read(&list).expect("read");
    let list_s = list.to_str().expect("p");
    // The survey pre-filled from a checklist, written over that checklist.
    let out = sitematch(&["survey", "--checklist", list_s, "--out", list_s]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a file this command reads"));
    // The report written over its checklist, by another spelling of the same path.
    let other = dir.path().join(".").join("list.ron");
    let out = sitematch(&[
        "report",
        "--checklist",
        list_s,
        "--out",
        other.to_str().expect("p"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    // A score table written over a profile of the folder it scores.
    let zones = dir.path().join("zones");
    std::fs::create_dir(&zones).expect("dir");
    std::fs::copy(crate::repo("profiles/houma.ron"), zones.join("houma.ron")).expect("copy");
    let out = sitematch(&[
        "score",
        "--checklist",
        list_s,
        "--profiles",
        zones.to_str().expect("p"),
        "--out",
        zones.join("houma.ron").to_str().expect("p"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read(&list).expect("read"),
        before,
        "the checklist is whole"
    );
    assert!(
        std::fs::read_to_string(zones.join("houma.ron"))
            .expect("read")
            .contains("ZoneProfile")
    );
    // A device is no plain file.
    let out = sitematch(&["--lang", "zh", "survey", "--out", "/dev/null"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("不是普通文件"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn check_names_what_a_folder_holds_but_no_loader_reads_and_an_empty_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path().to_str().expect("p");
    let out = sitematch(&["check", d]);
    assert_eq!(out.status.code(), Some(1), "nothing checked is not all good");
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds no .ron file"));
    std::fs::copy(crate::repo("profiles/houma.ron"), dir.path().join("HOUMA.RON")).expect("copy");
    let out = sitematch(&["check", d]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("HOUMA.RON: has the extension .RON"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_zone_name_that_reads_as_a_formula_goes_into_the_csv_as_text() {
    let out = score_one_zone(
        "=HYPERLINK(\\\"http://x\\\",\\\"点我\\\")",
        "@SUM(1+1)",
        &["--format", "csv"],
    );
    let csv = String::from_utf8(out.stdout).expect("utf-8");
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(
        !csv.lines().any(|l| l
            .split(',')
            .any(|cell| cell.trim_start_matches('"').starts_with('='))),
        "no cell starts with = : {csv}"
    );
}

/// The table says how firm the first place is: 侯马 leads 襄汾 100.0 to 82.5 on the PV base
/// checklist, and no change of one item's importance closes that.
#[test]
fn the_table_says_whether_the_first_place_is_firm() {
    let out = stdout_of(&[
        "score",
        "--checklist",
        "assets/checklists/pv_base.ron",
        "--lang",
        "zh",
    ]);
    assert!(
        out.contains("第一名稳定：单独调整任一要素的重要性（含调高有要求的“不需要”项）都不改变前两名次序。"),
        "{out}"
    );
}

/// `--date` ranks as on a day: 襄汾's standard land planned for 2024-06-30 earns half the
/// day before and nothing once overdue, saying so with the date; a date that is no day is a
/// usage error in the language asked for.
#[test]
fn a_plan_past_the_day_of_the_ranking_is_overdue() {
    let land = |date: &str, lang: &str| {
        let out = sitematch(&[
            "score",
            "--checklist",
            "assets/checklists/pv_base.ron",
            "--format",
            "json",
            "--lang",
            lang,
            "--date",
            date,
        ]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
        let zone = v["ranking"]
            .as_array()
            .expect("ranking")
            .iter()
            .find(|z| z["zone"] == "xiangfen")
            .expect("xiangfen ranked")
            .clone();
        let item = zone["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["factor"] == "land.standard_land")
            .expect("standard land requested")
            .clone();
        (
            item["status"].clone(),
            item["credit"].clone(),
            item["gap"].clone(),
        )
    };
    let (status, credit, gap) = land("2024-06-30", "en");
    assert_eq!((status.as_str(), credit.as_f64()), (Some("partial"), Some(0.5)));
    assert_eq!(gap.as_str(), Some("planned for 2024-06-30"));
    let (status, credit, gap) = land("2024-07-01", "en");
    assert_eq!((status.as_str(), credit.as_f64()), (Some("unmet"), Some(0.0)));
    assert_eq!(gap.as_str(), Some("overdue: due 2024-06-30"));
    let (_, _, gap) = land("2024-07-01", "zh");
    assert_eq!(gap.as_str(), Some("逾期：计划 2024-06-30"));

    let out = sitematch(&[
        "score",
        "--checklist",
        "assets/checklists/pv_base.ron",
        "--lang",
        "zh",
        "--date",
        "2024-02-30",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--date：日历上没有 2024-02-30 这一天"), "{err}");
}

/// `pipeline` prints the ledger of a folder of checklists on the day given: every project,
/// the counts by stage and the start warnings, most urgent first; JSON carries the same.
#[test]
fn the_pipeline_ledger_of_a_folder() {
    let args = [
        "--date",
        "2026-11-29",
        "pipeline",
        "--checklists",
        "tests/fixtures/pipeline",
        "--profiles",
        "profiles",
    ];
    let out = stdout_of(&[&args[..], &["--lang", "zh"]].concat());
    assert!(
        out.contains("各阶段项目数：线索 1，在谈 1，签约 1，供地 1，开工 1，投产 0，搁置 0"),
        "{out}"
    );
    let steel = out.find("✘ 锌铝镁涂层钢板生产线（供地）：约定开工 2026-10-31，逾期 29 天");
    let pv = out.find("△ 自动化光伏新能源基地（签约）：约定开工 2026-12-20，仅剩 21 天");
    assert!(steel.is_some() && pv.is_some() && steel < pv, "{out}");
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        &[&args[..], &["--format", "json", "--lang", "en"]].concat(),
    ))
    .expect("JSON");
    assert_eq!(json["date"], "2026-11-29");
    assert_eq!(json["projects"].as_array().map(Vec::len), Some(5));
    assert_eq!(json["warnings"], serde_json::json!(["steel.ron", "pv.ron"]));
    let pv = json["projects"]
        .as_array()
        .and_then(|p| p.iter().find(|p| p["file"] == "pv.ron"))
        .expect("pv");
    assert_eq!(pv["deadline"]["status"], "due_soon");
    assert_eq!(pv["deadline"]["days"], 21);
    assert_eq!(pv["zone_name"], "Houma Economic Development Zone");
    assert_eq!(pv["score"], 100.0);
}

/// `pipeline --format xlsx` needs `--out` and writes the ledger workbook there.
#[test]
fn the_pipeline_ledger_workbook_is_written_where_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("台账.xlsx");
    let args = [
        "--date",
        "2026-11-29",
        "--lang",
        "en",
        "pipeline",
        "--checklists",
        "tests/fixtures/pipeline",
        "--profiles",
        "profiles",
        "--format",
        "xlsx",
    ];
    let refused = sitematch(&args);
    assert_eq!(refused.status.code(), Some(1));
    let wrote = sitematch(&[&args[..], &["--out", out.to_str().expect("utf-8")]].concat());
    assert!(
        wrote.status.success(),
        "{}",
        String::from_utf8_lossy(&wrote.stderr)
    );
    let bytes = std::fs::read(&out).expect("the workbook");
    assert!(bytes.starts_with(b"PK"), "a zip, as xlsx is");
}

/// A second `score` over an unchanged folder takes the profiles from the cache of parsed
/// profiles, prints the same, and `SITEMATCH_CACHE=` (empty) turns the cache off.
#[test]
fn score_twice_prints_the_same_from_the_cache() {
    let home = tempfile::tempdir().expect("tempdir");
    let zones = home.path().join("zones");
    let out = crate::sitematch_in(
        home.path(),
        &[
            "gen",
            "--zones",
            "40",
            "--out",
            zones.to_str().expect("utf-8"),
            "--seed",
            "7",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Files last changed a while ago, so the cache may trust them.
    crate::age(&zones);
    let args = [
        "score",
        "--checklist",
        "assets/checklists/pv_base.ron",
        "--profiles",
        zones.to_str().expect("utf-8"),
        "--format",
        "json",
        "--date",
        "2026-11-29",
    ];
    let first = crate::sitematch_in(home.path(), &args);
    assert!(first.status.success());
    let cache = home.path().join("cache");
    assert_eq!(std::fs::read_dir(&cache).expect("a cache folder").count(), 1);
    let second = crate::sitematch_in(home.path(), &args);
    assert_eq!(second.stdout, first.stdout);
    // Proof the second run used it: a profile garbled in place (same length and time) is still
    // ranked from the cache.
    crate::garble_keeping_length_and_time(&sitematch::io::ron_files(&zones).expect("zones")[0]);
    let third = crate::sitematch_in(home.path(), &args);
    assert_eq!(
        third.stdout,
        first.stdout,
        "{}",
        String::from_utf8_lossy(&third.stderr)
    );
}

/// Two `gen` runs into one folder at the same time: one claims the folder and writes it, the
/// other fails in words and writes nothing, and every profile left in the folder reads. A
/// folder another run holds (its lock file there) is refused the same way, the lock left as
/// it is; a run that finished leaves no lock behind.
#[test]
fn two_gen_runs_into_one_folder_at_once_never_corrupt_it() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("zones");
    let spawn = |seed: &str, out: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_sitematch"))
            .current_dir(crate::repo(""))
            .env("SITEMATCH_HOME", dir.path().join("home"))
            .env("SITEMATCH_CACHE", "")
            .args(["--lang", "zh", "gen", "--zones", "2000", "--seed", seed, "--out"])
            .arg(out)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs")
    };
    let (a, b) = (spawn("1", &out), spawn("2", &out));
    let runs = [a, b].map(|c| c.wait_with_output().expect("it ends"));
    let won: Vec<bool> = runs.iter().map(|r| r.status.success()).collect();
    assert_eq!(
        won.iter().filter(|w| **w).count(),
        1,
        "exactly one run writes the folder: {:?}",
        runs.iter()
            .map(|r| String::from_utf8_lossy(&r.stderr).into_owned())
            .collect::<Vec<_>>()
    );
    let lost = runs.iter().find(|r| !r.status.success()).expect("one failed");
    assert_eq!(lost.status.code(), Some(1));
    let err = String::from_utf8_lossy(&lost.stderr);
    // Started while the other was writing (as it is, in all but a stalled machine), or after
    // it had written every file.
    assert!(
        err.contains("另一次生成（gen）正在向此文件夹写入，本次未写入任何文件")
            || err.contains("文件已存在；生成的数据从不覆盖已有文件"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(sitematch::io::ron_files(&out).expect("folder").len(), 2000);
    assert!(
        !out.join(sitematch::io::GENERATE_LOCK).exists(),
        "the lock is removed"
    );
    let check = sitematch(&["check", out.to_str().expect("p")]);
    assert!(
        check.status.success(),
        "every profile reads: {}",
        String::from_utf8_lossy(&check.stderr)
    );

    // A folder that another run holds.
    let held = dir.path().join("held");
    std::fs::create_dir(&held).expect("folder");
    std::fs::write(held.join(sitematch::io::GENERATE_LOCK), "4242\n").expect("lock");
    let run = spawn("3", &held).wait_with_output().expect("it ends");
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains(".sitematch-gen.lock: 另一次生成（gen）正在向此文件夹写入"),
        "{err}"
    );
    assert!(sitematch::io::ron_files(&held).expect("folder").is_empty());
    assert!(
        held.join(sitematch::io::GENERATE_LOCK).exists(),
        "another's lock stays"
    );
}

/// Each zone's category profile: the catalog's four categories in order, each scored like the
/// zone, or null when the checklist asks nothing of it, with its items and unknowns.
#[test]
fn json_gives_each_zones_category_profile() {
    let v = json_ranking("assets/checklists/diamond.ron", "en");
    for z in v["ranking"].as_array().expect("ranking") {
        let cats = z["categories"].as_array().expect("categories");
        let ids: Vec<&str> = cats.iter().map(|c| c["id"].as_str().expect("id")).collect();
        assert_eq!(ids, ["land", "utilities", "transport", "policy"]);
        let items: u64 = cats.iter().map(|c| c["items"].as_u64().expect("items")).sum();
        assert_eq!(items as usize, z["items"].as_array().expect("items").len());
        let unknown: u64 = cats.iter().map(|c| c["unknown"].as_u64().expect("unknown")).sum();
        assert_eq!(Some(unknown), z["unknown"].as_u64());
        for c in cats {
            if c["items"] == 0 {
                assert!(c["score"].is_null(), "not requested is null, never 0");
            } else {
                let s = c["score"].as_f64().expect("a score");
                assert!((0.0..=100.0).contains(&s));
                assert_eq!((s * 10.0).round() / 10.0, s, "one decimal, like the zone's");
            }
        }
        // The diamond plant asks nothing of roads and transport.
        assert!(cats[2]["score"].is_null());
    }
}
