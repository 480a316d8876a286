//! The bundled data loads, saving round-trips, and a folder with broken files loads the good
//! ones and reports each bad one at its line.

use std::fs;

use sitematch::io::{self, FileError};
use sitematch::model::{
    Catalog, Lang, Localize, parse_checklist, parse_profile, write_checklist, write_profile,
};

use crate::repo;

fn catalog() -> Catalog {
    Catalog::builtin().expect("built-in catalog")
}

#[test]
fn the_catalog_file_is_the_builtin_catalog() {
    let from_file = io::load_catalog(&repo("assets/catalog.ron")).expect("catalog file loads");
    assert_eq!(from_file, catalog());
    assert_eq!(from_file.len(), 31);
}

#[test]
fn every_bundled_profile_loads() {
    let c = catalog();
    let loaded = io::load_profiles(&repo("profiles"), &c).expect("folder");
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let ids: Vec<&str> = loaded
        .zones
        .iter()
        .map(|z| &z.profile)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["houma", "linyi", "shuozhou", "xiangfen", "yuanping"]);
    let houma = &loaded.zones[0].profile;
    let land = c.find_factor("land.industrial_area").expect("factor");
    let entry = houma.entry(land).expect("Houma reports its standard land");
    assert!(!entry.illustrative && entry.source.contains("1677"));
}

#[test]
fn every_reported_value_names_a_source_and_every_other_is_illustrative() {
    let c = catalog();
    for p in io::load_profiles(&repo("profiles"), &c)
        .expect("folder")
        .into_profiles()
    {
        for (f, e) in p.entries() {
            assert!(
                e.illustrative || !e.source.trim().is_empty(),
                "{} {}",
                p.id,
                c.factor(f).id
            );
        }
    }
}

#[test]
fn every_bundled_checklist_loads() {
    let c = catalog();
    let files = io::ron_files(&repo("assets/checklists")).expect("folder");
    assert_eq!(files.len(), 3);
    for path in files {
        let list = io::load_checklist(&path, &c).unwrap_or_else(|e| panic!("{e}"));
        assert!(!list.project.is_empty());
        assert!(list.industry.is_some(), "{} names its industry", path.display());
    }
}

#[test]
fn profiles_and_checklists_round_trip_through_save_and_load() {
    let c = catalog();
    let dir = tempfile::tempdir().expect("tempdir");
    for p in io::load_profiles(&repo("profiles"), &c)
        .expect("folder")
        .into_profiles()
    {
        let path = dir.path().join(format!("{}.ron", p.id));
        io::save_profile(&path, &p, &c).expect("save");
        let back = io::load_profile(&path, &c).expect("load");
        assert_eq!(back, p);
    }
    for path in io::ron_files(&repo("assets/checklists")).expect("folder") {
        let list = io::load_checklist(&path, &c).expect("load");
        let copy = dir.path().join(path.file_name().expect("name"));
        io::save_checklist(&copy, &list, &c).expect("save");
        assert_eq!(io::load_checklist(&copy, &c).expect("reload"), list);
    }
}

#[test]
fn written_files_keep_catalog_order_and_read_back_identically() {
    let c = catalog();
    let houma = io::load_profile(&repo("profiles/houma.ron"), &c).expect("houma");
    let text = write_profile(&houma, &c).expect("write");
    assert!(text.contains("\nZoneProfile(\n"), "the file says what it is");
    let factors = text.find("factors: {").expect("factors written");
    let positions: Vec<usize> = houma
        .entries()
        .map(|(f, _)| {
            text[factors..]
                .find(&format!("\"{}\":", c.factor(f).id))
                .expect("factor written")
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "factors in catalog order"
    );
    assert_eq!(parse_profile(&text, "houma", &c).expect("parse"), houma);
    // Writing what was read gives the same text: files diff only where values change.
    let again = write_profile(&parse_profile(&text, "houma", &c).expect("parse"), &c).expect("write");
    assert_eq!(again, text);

    let list = io::load_checklist(&repo("assets/checklists/pv_base.ron"), &c).expect("pv");
    let text = write_checklist(&list, &c).expect("write");
    assert_eq!(parse_checklist(&text, &c).expect("parse"), list);
}

#[test]
fn owners_are_read_resolved_and_written_back() {
    let c = catalog();
    let houma = io::load_profile(&repo("profiles/houma.ron"), &c).expect("houma");
    let owner = |id: &str| {
        houma
            .owner(&c, c.find_factor(id).expect("factor"))
            .map(|o| o.to_string())
    };
    assert_eq!(
        owner("service.approval_days").as_deref(),
        Some("侯马经济开发区行政审批局"),
        "the entry's own"
    );
    assert_eq!(
        owner("water.sewage").as_deref(),
        Some("侯马市排水公司"),
        "by factor id"
    );
    assert_eq!(
        owner("water.supply").as_deref(),
        Some("侯马市供水公司"),
        "by group"
    );
    assert_eq!(
        owner("premises.factory_area").as_deref(),
        Some("侯马市自然资源局"),
        "by category"
    );
    let text = write_profile(&houma, &c).expect("write");
    assert!(text.contains("owner: \"侯马经济开发区行政审批局\""), "{text}");
    assert!(text.contains("\"water.sewage\": \"侯马市排水公司\""), "{text}");
    assert_eq!(parse_profile(&text, "houma", &c).expect("parse"), houma);
}

#[test]
fn an_owner_key_that_names_nothing_is_an_error_at_its_line() {
    let c = catalog();
    let text = "ZoneProfile(\n    name: (zh: \"甲\", en: \"A\"),\n    as_of: \"2024-01-01\",\n    owners: {\n        \"power\": \"国网侯马供电公司\",\n        \"powr\": \"国网\",\n    },\n    factors: {},\n)\n";
    let e = parse_profile(text, "a", &c).expect_err("unknown key");
    assert_eq!(e.line, 6, "{e:?}");
    let zh = e.text(Lang::Zh);
    assert!(
        zh.contains("“powr”不是要素目录中的要素编号、要素组或类别编号"),
        "{zh}"
    );
    let en = e.text(Lang::En);
    assert!(en.contains("`powr` in `owners`"), "{en}");
}

#[test]
fn a_broken_folder_loads_the_good_file_and_reports_each_bad_one() {
    let c = catalog();
    let loaded = io::load_profiles(&repo("tests/fixtures/mixed"), &c).expect("folder");
    let ids: Vec<&str> = loaded
        .zones
        .iter()
        .map(|z| &z.profile)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["good_zone"]);
    let expected: [(&str, (usize, usize), &str); 6] = [
        ("bad_syntax.ron", (4, 5), "a comma is missing"),
        (
            "negative.ron",
            (6, 21),
            "Spare water supply (`water.supply`): `value`: -300 is negative",
        ),
        (
            "no_source.ron",
            (5, 46),
            "Natural gas supply (`gas.supply`): no `source`",
        ),
        (
            "unknown_factor.ron",
            (6, 10),
            "did you mean `land.industrial_area` (Available industrial land)?",
        ),
        (
            "wrong_kind.ron",
            (5, 38),
            "Dual-circuit supply (`power.dual_supply`): `value`: expected Yes, No or Planned",
        ),
        (
            "wrong_unit.ron",
            (6, 42),
            "unit `MW` is not allowed here; use mu, m2, wan_m2, ha or acre",
        ),
    ];
    assert_eq!(loaded.errors.len(), expected.len(), "{:#?}", loaded.errors);
    for (e, (file, position, message)) in loaded.errors.iter().zip(expected) {
        let FileError { path, problem } = e;
        assert!(path.ends_with(file), "{e}");
        assert!(matches!(problem, io::FileProblem::Parse(_)), "{e}");
        assert_eq!(e.position(), Some(position), "{e}");
        assert!(e.to_string().contains(message), "{e}");
        assert!(
            e.to_string()
                .contains(&format!("{file}:{}:{}:", position.0, position.1)),
            "{e}"
        );
    }
}

#[test]
fn a_saved_profile_replaces_the_file_and_keeps_a_backup() {
    let c = catalog();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("houma.ron");
    fs::copy(repo("profiles/houma.ron"), &path).expect("copy");
    let mut houma = io::load_profile(&path, &c).expect("load");
    houma.contact = "0357-0000000".into();
    io::save_profile(&path, &houma, &c).expect("save");
    assert_eq!(
        io::load_profile(&path, &c).expect("reload").contact,
        "0357-0000000"
    );
    let backup = fs::read_to_string(io::backup_path(&path)).expect("backup kept");
    assert_eq!(
        backup,
        fs::read_to_string(repo("profiles/houma.ron")).expect("original")
    );
}

#[test]
fn the_readme_examples_are_valid_files() {
    let c = catalog();
    let readme = fs::read_to_string(repo("README.md")).expect("README");
    let blocks: Vec<&str> = readme
        .split("```ron\n")
        .skip(1)
        .filter_map(|b| b.split("```").next())
        .collect();
    assert_eq!(blocks.len(), 2, "one profile and one checklist example");
    parse_profile(blocks[0], "example", &c).unwrap_or_else(|e| panic!("README profile: {e}"));
    parse_checklist(blocks[1], &c).unwrap_or_else(|e| panic!("README checklist: {e}"));
}

#[test]
fn a_checked_save_refuses_a_file_someone_else_changed() {
    let c = catalog();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("houma.ron");
    fs::copy(repo("profiles/houma.ron"), &path).expect("copy");
    let (profile, stamp) = io::load_profile_stamped(&path, &c).expect("load");

    // Touched but not changed: still the same file.
    fs::write(&path, fs::read(&path).expect("read")).expect("touch");
    let stamp = io::save_profile_checked(&path, &profile, &c, Some(&stamp)).expect("unchanged content saves");

    fs::write(
        &path,
        fs::read_to_string(&path)
            .expect("read")
            .replace("侯马", "侯马（同事修改）"),
    )
    .expect("theirs");
    let e = io::save_profile_checked(&path, &profile, &c, Some(&stamp)).expect_err("changed since read");
    assert!(matches!(e, io::SaveError::Changed(_)));
    assert!(e.to_string().contains("changed by someone else"), "{e}");
    assert!(
        fs::read_to_string(&path).expect("read").contains("同事修改"),
        "their save is kept"
    );

    // A file that appeared where none was read is not overwritten either.
    let e = io::save_profile_checked(&path, &profile, &c, None).expect_err("exists");
    assert!(matches!(e, io::SaveError::Changed(_)));
}

/// A new file gets the permissions any new file gets under the user's umask (not the
/// owner-only ones of a temporary file), so colleagues on a shared folder can read it.
#[cfg(unix)]
#[test]
fn new_files_get_the_permissions_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let plain = dir.path().join("plain.txt");
    fs::write(&plain, b"x").expect("write");
    let exported = dir.path().join("report.pdf");
    io::export(&exported, b"%PDF").expect("export");
    let saved = dir.path().join("new.ron");
    io::save_atomic(&saved, b"x").expect("save");
    let mode = |p: &std::path::Path| fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode(&exported), mode(&plain));
    assert_eq!(mode(&saved), mode(&plain));
}

#[test]
fn an_export_over_an_existing_file_keeps_it_as_bak() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.pdf");
    io::export(&path, b"last week").expect("first");
    assert!(!io::backup_path(&path).exists(), "nothing to keep the first time");
    io::export(&path, b"this week").expect("second");
    assert_eq!(fs::read(&path).expect("read"), b"this week");
    assert_eq!(fs::read(io::backup_path(&path)).expect("bak"), b"last week");
}

#[test]
fn a_new_file_is_never_written_over_one_that_appeared_meanwhile() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("list.ron");
    io::create_new(&path, b"first").expect("created");
    let e = io::create_new(&path, b"second").expect_err("refused");
    assert_eq!(e.problem, io::FileProblem::Exists);
    assert_eq!(fs::read(&path).expect("read"), b"first", "the first stays");
    // Racing threads: exactly one of them creates it.
    let path = dir.path().join("raced.ron");
    let made: usize = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let path = &path;
                s.spawn(move || io::create_new(path, format!("writer {i}").as_bytes()).is_ok())
            })
            .collect();
        handles
            .into_iter()
            .map(|h| usize::from(h.join().expect("thread")))
            .sum()
    });
    assert_eq!(made, 1);
}

/// The cache of parsed profiles: a second load of an unchanged folder takes every profile from
/// the cache and gives exactly what reading the files gives; a file changed since is read again.
mod profile_cache {
    use std::path::Path;

    use super::*;
    use crate::{age, garble_keeping_length_and_time};

    fn copy_samples(to: &Path) {
        for path in io::ron_files(&repo("profiles")).expect("profiles") {
            fs::copy(&path, to.join(path.file_name().expect("name"))).expect("copy");
        }
    }

    /// A copy of the sample zones (backdated past the racy window when `aged`, as files last
    /// edited a while ago) and an empty cache folder.
    fn samples_and_cache(aged: bool) -> (tempfile::TempDir, tempfile::TempDir) {
        let (dir, cache) = (
            tempfile::tempdir().expect("dir"),
            tempfile::tempdir().expect("dir"),
        );
        copy_samples(dir.path());
        if aged {
            age(dir.path());
        }
        (dir, cache)
    }

    /// The one cache file a load wrote.
    fn the_cache_file(cache: &Path) -> std::path::PathBuf {
        fs::read_dir(cache)
            .expect("cache")
            .next()
            .expect("a file")
            .expect("entry")
            .path()
    }

    fn load(dir: &Path, cache: Option<&Path>) -> io::LoadedProfiles {
        io::load_profiles_cached(dir, &catalog(), cache, &|_, _| {}).expect("folder")
    }

    fn ids(l: &io::LoadedProfiles) -> Vec<&str> {
        l.zones.iter().map(|z| z.profile.id.as_str()).collect()
    }

    #[test]
    fn an_unchanged_folder_is_taken_from_the_cache_as_read() {
        let (dir, cache) = samples_and_cache(true);
        let plain = load(dir.path(), None);
        let first = load(dir.path(), Some(cache.path()));
        assert_eq!(
            fs::read_dir(cache.path()).expect("cache").count(),
            1,
            "one cache file"
        );
        let second = load(dir.path(), Some(cache.path()));
        for l in [&first, &second] {
            assert_eq!(ids(l), ids(&plain));
            for (a, b) in l.zones.iter().zip(&plain.zones) {
                assert_eq!(a.profile, b.profile, "{}", a.profile.id);
                assert_eq!(a.stamp, b.stamp, "{}", a.profile.id);
                assert_eq!(a.path, b.path);
            }
        }
        // Shuozhou's planned capacity survives the cache too.
        let shuozhou = second
            .zones
            .iter()
            .find(|z| z.profile.id == "shuozhou")
            .expect("zone");
        assert!(shuozhou.profile.entries().any(|(_, e)| e.planned.is_some()));
        // And Houma's owners, its defaults and an entry's own.
        let houma = second
            .zones
            .iter()
            .find(|z| z.profile.id == "houma")
            .expect("zone");
        assert!(!houma.profile.owners.is_empty());
        assert!(houma.profile.entries().any(|(_, e)| e.owner.is_some()));

        // Proof that the second load did not read the file: garbled, same length and time,
        // the cache still gives the profile, while reading the file fails.
        let houma = dir.path().join("houma.ron");
        garble_keeping_length_and_time(&houma);
        let cached = load(dir.path(), Some(cache.path()));
        assert!(ids(&cached).contains(&"houma"), "{:?}", cached.errors);
        assert!(!ids(&load(dir.path(), None)).contains(&"houma"));
    }

    #[test]
    fn a_changed_new_or_deleted_file_is_read_again() {
        let (dir, cache) = samples_and_cache(true);
        load(dir.path(), Some(cache.path()));
        // Another length: read again, and the new content shows.
        let linyi = dir.path().join("linyi.ron");
        let text = fs::read_to_string(&linyi)
            .expect("read")
            .replace("临猗现代农业产业示范区", "临猗新区");
        fs::write(&linyi, text).expect("write");
        // Gone: not listed.
        fs::remove_file(dir.path().join("yuanping.ron")).expect("remove");
        let after = load(dir.path(), Some(cache.path()));
        assert_eq!(ids(&after), ["houma", "linyi", "shuozhou", "xiangfen"]);
        let linyi = &after.zones[1].profile;
        assert_eq!(linyi.name.zh, "临猗新区");
        assert_eq!(after.zones[1].stamp, load(dir.path(), None).zones[1].stamp);
    }

    /// A file that does not load is read again each time, and the cache, which holds only
    /// good profiles, is not written again for it.
    #[test]
    fn a_bad_file_does_not_rewrite_the_cache_each_time() {
        let (dir, cache) = samples_and_cache(false);
        fs::copy(
            repo("tests/fixtures/bad/no_source.ron"),
            dir.path().join("no_source.ron"),
        )
        .expect("copy");
        age(dir.path());
        let first = load(dir.path(), Some(cache.path()));
        assert_eq!(first.errors.len(), 1);
        let file = the_cache_file(cache.path());
        let written = fs::metadata(&file).and_then(|m| m.modified()).expect("time");
        let second = load(dir.path(), Some(cache.path()));
        assert_eq!(second.errors.len(), 1, "still reported");
        assert_eq!(ids(&second), ids(&first));
        assert_eq!(
            fs::metadata(&file).and_then(|m| m.modified()).expect("time"),
            written
        );
    }

    /// A file changed within the clock's granularity of the cache being written keeps its
    /// stamp; such a file is never taken from the cache.
    #[test]
    fn a_file_as_recent_as_the_cache_is_read_again() {
        let (dir, cache) = samples_and_cache(false);
        // Files written just now, cached just now: too recent to trust.
        load(dir.path(), Some(cache.path()));
        let houma = dir.path().join("houma.ron");
        garble_keeping_length_and_time(&houma);
        let again = load(dir.path(), Some(cache.path()));
        assert!(!ids(&again).contains(&"houma"), "read again, and found garbled");
        assert!(again.errors.iter().any(|e| e.path == houma));
    }

    /// Whatever bytes the cache file holds (another program's, a disk's damage), a load reads
    /// the files as if there were no cache, and never panics or runs out of memory.
    #[test]
    fn any_bytes_in_the_cache_file_are_no_cache() {
        let (dir, cache) = samples_and_cache(true);
        load(dir.path(), Some(cache.path()));
        let file = the_cache_file(cache.path());
        let good = fs::read(&file).expect("read");
        let plain = load(dir.path(), None);
        let mut rng = fastrand::Rng::with_seed(15);
        for round in 0..200 {
            let bytes: Vec<u8> = match round % 3 {
                // Noise of any length.
                0 => (0..rng.usize(0..4096)).map(|_| rng.u8(..)).collect(),
                // The real file with bytes changed here and there (lengths, indices, texts).
                1 => {
                    let mut b = good.clone();
                    for _ in 0..rng.usize(1..8) {
                        let i = rng.usize(..b.len());
                        b[i] = rng.u8(..);
                    }
                    b
                }
                // The real file's start with a huge length where a list begins.
                _ => {
                    let mut b = good[..rng.usize(1..64)].to_vec();
                    b.extend([0xff, 0xff, 0xff, 0xff, 0x0f]);
                    b
                }
            };
            fs::write(&file, &bytes).expect("write");
            let l = load(dir.path(), Some(cache.path()));
            assert_eq!(ids(&l), ids(&plain), "round {round}");
            for (a, b) in l.zones.iter().zip(&plain.zones) {
                assert_eq!(a.profile, b.profile, "round {round}");
            }
        }
    }

    #[test]
    fn a_damaged_cache_or_another_catalog_is_no_cache() {
        let (dir, cache) = samples_and_cache(true);
        load(dir.path(), Some(cache.path()));
        let file = the_cache_file(cache.path());
        let bytes = fs::read(&file).expect("read");
        fs::write(&file, &bytes[..bytes.len() / 2]).expect("truncate");
        let plain = load(dir.path(), None);
        let from_damaged = load(dir.path(), Some(cache.path()));
        assert_eq!(ids(&from_damaged), ids(&plain));
        assert!(from_damaged.errors.is_empty());
        // The load wrote a whole cache again.
        assert!(fs::read(&file).expect("read").len() >= bytes.len() - 64);

        // Another catalog (here: one more comment in the built-in one) does not use it.
        let other =
            Catalog::parse(&format!("// another\n{}", sitematch::model::catalog::BUILTIN)).expect("catalog");
        assert_ne!(other.fingerprint(), catalog().fingerprint());
        garble_keeping_length_and_time(&dir.path().join("houma.ron"));
        let with_other =
            io::load_profiles_cached(dir.path(), &other, Some(cache.path()), &|_, _| {}).expect("folder");
        assert!(
            !with_other.zones.iter().any(|z| z.profile.id == "houma"),
            "read again"
        );
    }
}
