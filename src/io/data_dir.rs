//! The officer's SiteMatch folder: where it is, and making it on first use.
//!
//! It lives where an officer looks for their own files and can open, back up and share them:
//! `文档\SiteMatch` (Documents) on Windows, the XDG documents folder on Linux (`~/文档/SiteMatch`
//! on a Chinese desktop), else the XDG data folder (`~/.local/share/sitematch`). The environment
//! variable `SITEMATCH_HOME` names another folder (tests, a shared drive, a portable copy).
//!
//! It holds `profiles/` (the zones, the default `--profiles` of the command line and the app's
//! zones folder) and `checklists/`. A subfolder is seeded with the samples compiled into the
//! binary ([`crate::assets::SAMPLES`]) when SiteMatch creates it, and never again: a file that
//! is there is never written over, and a sample the officer deleted stays deleted (delete the
//! whole subfolder to get the samples back).

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use crate::assets::{SAMPLES, Sample};
use crate::model::{Lang, Localize};

/// The environment variable that names the data folder instead of the platform's.
pub const HOME_ENV: &str = "SITEMATCH_HOME";

/// The folder's name under the documents folder.
const DOCUMENTS_NAME: &str = "SiteMatch";

/// The folder's name under the XDG data folder: the one eframe keeps the app's settings in.
const DATA_NAME: &str = "sitematch";

/// The subfolder of zone profiles.
pub const PROFILES: &str = "profiles";

/// The subfolder of checklists.
pub const CHECKLISTS: &str = "checklists";

/// Why the data folder could not be found or made.
#[derive(Debug)]
pub enum DataDirError {
    /// Neither `SITEMATCH_HOME` nor the platform names a folder (no home folder).
    NoHome,
    Create {
        path: PathBuf,
        source: std::io::Error,
    },
    Seed {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Localize for DataDirError {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (DataDirError::NoHome, Lang::Zh) => {
                format!("找不到用于保存 SiteMatch 文件的主文件夹；请用环境变量 {HOME_ENV} 指定一个文件夹")
            }
            (DataDirError::NoHome, Lang::En) => {
                format!("there is no home folder to keep SiteMatch's files in; set {HOME_ENV} to a folder")
            }
            (DataDirError::Create { path, source }, Lang::Zh) => {
                format!(
                    "无法创建文件夹 {}：{}",
                    path.display(),
                    super::io_reason(source, lang)
                )
            }
            (DataDirError::Create { path, source }, Lang::En) => {
                format!("could not create the folder {}: {source}", path.display())
            }
            (DataDirError::Seed { path, source }, Lang::Zh) => {
                format!(
                    "无法写入示例文件 {}：{}",
                    path.display(),
                    super::io_reason(source, lang)
                )
            }
            (DataDirError::Seed { path, source }, Lang::En) => {
                format!("could not write the sample file {}: {source}", path.display())
            }
        }
    }
}

crate::english_display!(DataDirError);

impl std::error::Error for DataDirError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DataDirError::NoHome => None,
            DataDirError::Create { source, .. } | DataDirError::Seed { source, .. } => Some(source),
        }
    }
}

/// The officer's SiteMatch folder (found, not necessarily made yet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

/// What [`DataDir::prepare`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prepared {
    /// The sample files written, in [`SAMPLES`] order.
    pub seeded: Vec<PathBuf>,
}

impl DataDir {
    /// The folder at `root`.
    pub fn at(root: impl Into<PathBuf>) -> DataDir {
        DataDir { root: root.into() }
    }

    /// Finds the folder: `SITEMATCH_HOME` when set, else the platform's (module docs).
    pub fn locate() -> Result<DataDir, DataDirError> {
        let user = directories::UserDirs::new();
        let base = directories::BaseDirs::new();
        resolve(
            std::env::var_os(HOME_ENV),
            user.as_ref().and_then(|u| u.document_dir()),
            user.as_ref().map(directories::UserDirs::home_dir),
            base.as_ref().map(directories::BaseDirs::data_dir),
        )
        .map(DataDir::at)
        .ok_or(DataDirError::NoHome)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The zones: the default `--profiles` and the app's zones folder.
    pub fn profiles(&self) -> PathBuf {
        self.root.join(PROFILES)
    }

    /// The checklists.
    pub fn checklists(&self) -> PathBuf {
        self.root.join(CHECKLISTS)
    }

    /// Makes the folder if needed, and seeds each subfolder it makes with the samples in
    /// `samples` (the ones under that subfolder's name). Never writes over a file, never
    /// re-seeds a subfolder that exists.
    pub fn prepare_with(&self, samples: &[Sample]) -> Result<Prepared, DataDirError> {
        create_dir_all(&self.root)?;
        let mut prepared = Prepared::default();
        for sub in [PROFILES, CHECKLISTS] {
            let dir = self.root.join(sub);
            if dir.exists() {
                continue;
            }
            let files: Vec<(&str, &str)> = samples
                .iter()
                .filter_map(|s| Some((s.path.strip_prefix(sub)?.strip_prefix('/')?, s.text)))
                .collect();
            if seed(&self.root, &dir, &files)? {
                prepared
                    .seeded
                    .extend(files.iter().map(|(name, _)| dir.join(name)));
            }
        }
        Ok(prepared)
    }

    /// [`prepare_with`](Self::prepare_with) the samples compiled into SiteMatch.
    pub fn prepare(&self) -> Result<Prepared, DataDirError> {
        self.prepare_with(SAMPLES)
    }
}

/// The officer's folder, found and made ready: what the command line and the app start from.
pub fn open() -> Result<DataDir, DataDirError> {
    let dir = DataDir::locate()?;
    dir.prepare()?;
    Ok(dir)
}

/// Where the folder is, from what the environment and the platform give: `SITEMATCH_HOME`
/// (made absolute), else `SiteMatch` in the documents folder (unless that is the home folder
/// itself, which is how XDG switches a folder off), else `sitematch` in the data folder.
pub fn resolve(
    env: Option<OsString>,
    documents: Option<&Path>,
    home: Option<&Path>,
    data: Option<&Path>,
) -> Option<PathBuf> {
    if let Some(dir) = env.filter(|v| !v.is_empty()).map(PathBuf::from) {
        return Some(std::path::absolute(&dir).unwrap_or(dir));
    }
    documents
        .filter(|d| Some(*d) != home)
        .map(|d| d.join(DOCUMENTS_NAME))
        .or_else(|| data.map(|d| d.join(DATA_NAME)))
}

fn create_dir_all(path: &Path) -> Result<(), DataDirError> {
    fs::create_dir_all(path).map_err(|source| DataDirError::Create {
        path: path.to_owned(),
        source,
    })
}

/// Fills a new subfolder: the files are written into a temporary folder beside it, which is
/// then renamed into place, so the subfolder appears whole or not at all (a crash half-way
/// leaves no half-seeded folder that would never be completed). Returns false when another
/// SiteMatch made the subfolder first.
fn seed(root: &Path, dir: &Path, files: &[(&str, &str)]) -> Result<bool, DataDirError> {
    let tmp = tempfile::Builder::new()
        .prefix(".sitematch-seed-")
        .tempdir_in(root)
        .map_err(|source| DataDirError::Create {
            path: root.to_owned(),
            source,
        })?;
    for (name, text) in files {
        let path = tmp.path().join(name);
        fs::write(&path, text).map_err(|source| DataDirError::Seed {
            path: dir.join(name),
            source,
        })?;
    }
    // Like any folder a program makes, not a temporary folder's owner-only one.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(root).map_or(0o755, |m| m.permissions().mode() & 0o777);
        fs::set_permissions(tmp.path(), fs::Permissions::from_mode(mode)).map_err(|source| {
            DataDirError::Create {
                path: dir.to_owned(),
                source,
            }
        })?;
    }
    match fs::rename(tmp.path(), dir) {
        Ok(()) => Ok(true),
        Err(_) if dir.is_dir() => Ok(false),
        Err(source) => Err(DataDirError::Create {
            path: dir.to_owned(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &Path) -> String {
        fs::read_to_string(path).expect("read")
    }

    #[test]
    fn the_first_run_seeds_every_sample() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = DataDir::at(tmp.path().join("新 文件夹").join("SiteMatch"));
        let prepared = dir.prepare().expect("prepare");
        assert_eq!(prepared.seeded.len(), SAMPLES.len());
        for sample in SAMPLES {
            assert_eq!(
                read(&dir.root().join(sample.path)),
                sample.text,
                "{}",
                sample.path
            );
        }
        let zones = crate::io::ron_files(&dir.profiles()).expect("zones");
        assert_eq!(
            zones.len(),
            SAMPLES.iter().filter(|s| s.path.starts_with("profiles/")).count()
        );
        // Nothing else is left in the folder (no temporary folder).
        let mut names: Vec<String> = fs::read_dir(dir.root())
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [CHECKLISTS, PROFILES]);
    }

    #[test]
    fn a_later_run_keeps_edited_files_and_does_not_bring_deleted_samples_back() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = DataDir::at(tmp.path());
        dir.prepare().expect("first run");
        let edited = dir.profiles().join("houma.ron");
        let deleted = dir.profiles().join("linyi.ron");
        fs::write(&edited, "// the officer's own figures\n").expect("edit");
        fs::remove_file(&deleted).expect("delete");
        let again = dir.prepare().expect("second run");
        assert!(again.seeded.is_empty(), "{:?}", again.seeded);
        assert_eq!(read(&edited), "// the officer's own figures\n");
        assert!(!deleted.exists(), "a deleted sample stays deleted");
    }

    #[test]
    fn a_deleted_subfolder_is_seeded_again_alone() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = DataDir::at(tmp.path());
        dir.prepare().expect("first run");
        let own = dir.profiles().join("my_zone.ron");
        fs::write(&own, "mine").expect("write");
        fs::remove_dir_all(dir.checklists()).expect("delete checklists");
        let again = dir.prepare().expect("second run");
        let checklists = SAMPLES
            .iter()
            .filter(|s| s.path.starts_with("checklists/"))
            .count();
        assert_eq!(again.seeded.len(), checklists);
        assert!(again.seeded.iter().all(|p| p.starts_with(dir.checklists())));
        assert_eq!(read(&own), "mine");
    }

    #[test]
    fn an_existing_subfolder_is_never_written_into() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = DataDir::at(tmp.path());
        fs::create_dir_all(dir.profiles()).expect("mkdir");
        fs::write(dir.profiles().join("houma.ron"), "old").expect("write");
        let prepared = dir
            .prepare_with(&[
                Sample {
                    path: "profiles/houma.ron",
                    text: "new",
                },
                Sample {
                    path: "checklists/a.ron",
                    text: "a",
                },
            ])
            .expect("prepare");
        assert_eq!(prepared.seeded, [dir.checklists().join("a.ron")]);
        assert_eq!(read(&dir.profiles().join("houma.ron")), "old");
        assert_eq!(read(&dir.checklists().join("a.ron")), "a");
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_an_error_naming_it_in_both_languages() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let file = tmp.path().join("a file");
        fs::write(&file, "").expect("write");
        let e = DataDir::at(file.join("SiteMatch"))
            .prepare()
            .expect_err("under a file");
        assert!(matches!(e, DataDirError::Create { .. }), "{e:?}");
        assert!(e.text(Lang::En).starts_with("could not create the folder"), "{e}");
        assert!(
            e.text(Lang::Zh).starts_with("无法创建文件夹"),
            "{}",
            e.text(Lang::Zh)
        );
        assert!(e.text(Lang::Zh).contains("a file"));
        assert!(DataDirError::NoHome.text(Lang::Zh).contains(HOME_ENV));
    }

    #[test]
    fn every_error_reads_in_chinese_and_in_english() {
        use crate::model::error::testing::assert_renders;
        let catalog = crate::model::Catalog::builtin().expect("catalog");
        let denied = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let errors = [
            DataDirError::NoHome,
            DataDirError::Create {
                path: PathBuf::from("SiteMatch"),
                source: denied(),
            },
            DataDirError::Seed {
                path: PathBuf::from("SiteMatch/profiles/houma.ron"),
                source: denied(),
            },
        ];
        for e in &errors {
            let name = match e {
                DataDirError::NoHome => "NoHome",
                DataDirError::Create { .. } => "Create",
                DataDirError::Seed { .. } => "Seed",
            };
            assert_renders(name, e, &catalog);
            assert_eq!(e.to_string(), e.text(Lang::En), "{name}");
        }
        assert!(
            errors[1].text(Lang::Zh).contains("没有权限"),
            "{}",
            errors[1].text(Lang::Zh)
        );
    }

    #[test]
    fn the_environment_variable_wins_then_documents_then_data() {
        let home = Path::new("/home/li");
        let docs = Path::new("/home/li/文档");
        let data = Path::new("/home/li/.local/share");
        let at = |env: Option<&str>, docs: Option<&Path>, data: Option<&Path>| {
            resolve(env.map(OsString::from), docs, Some(home), data)
        };
        assert_eq!(
            at(Some("/srv/zones"), Some(docs), Some(data)),
            Some(PathBuf::from("/srv/zones"))
        );
        assert_eq!(at(None, Some(docs), Some(data)), Some(docs.join("SiteMatch")));
        assert_eq!(at(Some(""), Some(docs), Some(data)), Some(docs.join("SiteMatch")));
        // XDG turns the documents folder off by pointing it at the home folder.
        assert_eq!(at(None, Some(home), Some(data)), Some(data.join("sitematch")));
        assert_eq!(at(None, None, Some(data)), Some(data.join("sitematch")));
        assert_eq!(at(None, None, None), None);
        let relative = at(Some("rel"), None, None).expect("made absolute");
        assert!(relative.is_absolute() && relative.ends_with("rel"));
    }
}
