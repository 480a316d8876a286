//! The officer's data folder through the built binary: the first command that needs zones seeds
//! it with the samples and reads them from there; a later run reads the officer's own edits.

use std::fs;

use serde_json::Value;

use crate::{repo, sitematch_in};

fn ranking(home: &std::path::Path, extra: &[&str]) -> Value {
    let mut args = vec![
        "score",
        "--checklist",
        "assets/checklists/pv_base.ron",
        "--format",
        "json",
        // The zones' Chinese names, which the officer's edit below changes.
        "--lang",
        "zh",
    ];
    args.extend_from_slice(extra);
    let out = sitematch_in(home, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn the_first_score_seeds_the_data_folder_and_ranks_its_zones() {
    let home = tempfile::tempdir().expect("tempdir");
    let root = home.path().join("数据");
    let seeded = ranking(&root, &[]);
    // The samples are in the data folder, byte for byte the repository's.
    for id in ["houma", "linyi", "shuozhou", "xiangfen", "yuanping"] {
        let file = format!("{id}.ron");
        assert_eq!(
            fs::read(root.join("profiles").join(&file)).expect("seeded zone"),
            fs::read(repo("profiles").join(&file)).expect("repository zone"),
        );
    }
    for name in ["diamond.ron", "pv_base.ron", "znalmg_steel.ron"] {
        assert!(root.join("checklists").join(name).is_file(), "{name}");
    }
    // And the ranking is the one of the repository's folder.
    let repo_dir = repo("profiles");
    let from_repo = ranking(&root, &["--profiles", repo_dir.to_str().expect("utf-8")]);
    assert_eq!(seeded, from_repo);
}

#[test]
fn a_later_run_reads_the_officers_edit_instead_of_the_sample() {
    let home = tempfile::tempdir().expect("tempdir");
    let first = ranking(home.path(), &[]);
    let name_of = |v: &Value, zone: &str| {
        v["ranking"]
            .as_array()
            .expect("ranking")
            .iter()
            .find(|z| z["zone"] == zone)
            .map(|z| z["name"].as_str().expect("name").to_owned())
    };
    assert_eq!(name_of(&first, "houma").as_deref(), Some("侯马经济开发区"));
    let path = home.path().join("profiles").join("houma.ron");
    let text = fs::read_to_string(&path).expect("read");
    fs::write(
        &path,
        text.replacen("侯马经济开发区", "侯马经济开发区（本区）", 1),
    )
    .expect("edit");
    fs::remove_file(home.path().join("profiles").join("linyi.ron")).expect("delete a sample");
    let second = ranking(home.path(), &[]);
    assert_eq!(
        name_of(&second, "houma").as_deref(),
        Some("侯马经济开发区（本区）")
    );
    assert_eq!(
        name_of(&second, "linyi"),
        None,
        "a deleted sample is not brought back"
    );
    assert_eq!(second["ranking"].as_array().expect("ranking").len(), 4);
}

/// Runs the binary with no data folder to be had: `SITEMATCH_HOME`, the home folder and every
/// XDG folder under a plain file, where no folder can be made, whoever runs it.
fn without_a_data_folder(blocker: &std::path::Path, args: &[&str]) -> std::process::Output {
    let under = |name: &str| blocker.join(name);
    std::process::Command::new(env!("CARGO_BIN_EXE_sitematch"))
        .current_dir(repo(""))
        .args(args)
        .env("SITEMATCH_HOME", under("sitematch"))
        .env("HOME", under("home"))
        .env("USERPROFILE", under("home"))
        .env("XDG_DATA_HOME", under("data"))
        .env("XDG_CONFIG_HOME", under("config"))
        .env("XDG_CACHE_HOME", under("cache"))
        .env("XDG_DOCUMENTS_DIR", under("documents"))
        .env_remove("SITEMATCH_CACHE")
        .env("LC_ALL", "C")
        .output()
        .expect("the binary runs")
}

/// A command given `--profiles` needs nothing from the data folder: it runs where none can be
/// made (a read-only or missing home), and where one could be made it makes none.
#[test]
fn commands_given_profiles_never_need_the_data_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("a-file");
    fs::write(&blocker, "not a folder").expect("write");
    let out = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let template = dir.path().join("mine.typ");
    fs::write(
        &template,
        "#let data = json(\"report.json\")\n= #data.cover.project\n",
    )
    .expect("template");
    let checklist = ["--checklist", "assets/checklists/pv_base.ron"];
    let profiles = ["--profiles", "profiles"];
    let (csv, pdf, docx, templated) = (out("r.csv"), out("r.pdf"), out("r.docx"), out("t.pdf"));
    let template = template.to_string_lossy().into_owned();
    let commands: Vec<Vec<&str>> = vec![
        [&["score"][..], &checklist, &profiles].concat(),
        [
            &["score"][..],
            &checklist,
            &profiles,
            &["--format", "csv", "--out", &csv],
        ]
        .concat(),
        [&["report"][..], &checklist, &profiles, &["--out", &pdf]].concat(),
        [&["report"][..], &checklist, &profiles, &["--out", &docx]].concat(),
        [
            &["report"][..],
            &checklist,
            &profiles,
            &["--template", &template, "--out", &templated],
        ]
        .concat(),
        [&["plan"][..], &checklist, &profiles, &["--zone", "yuanping"]].concat(),
        [&["pipeline", "--checklists", "assets/checklists"][..], &profiles].concat(),
    ];
    for args in &commands {
        let run = without_a_data_folder(&blocker, args);
        assert!(
            run.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    for file in [&csv, &pdf, &docx, &templated] {
        assert!(fs::metadata(file).is_ok_and(|m| m.len() > 0), "{file} written");
    }

    // A data folder that could be made is not made.
    let home = dir.path().join("home");
    for args in &commands {
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_sitematch"))
            .current_dir(repo(""))
            .args(args)
            .env("SITEMATCH_HOME", &home)
            .env("SITEMATCH_CACHE", dir.path().join("cache"))
            .output()
            .expect("the binary runs");
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    }
    assert!(!home.exists(), "the data folder was made");
}
