//! A cache of parsed zone profiles, so that a folder read again is not parsed again: each good
//! profile of a folder is kept in a compact binary form (postcard) with the stamp of the file it
//! was read from, one cache file per folder, in the user's cache folder (never the zones folder,
//! which officers share).
//!
//! A cached profile is used only when its file has the length and modification time it had,
//! and that time is at least [`RACY`] older than the cache: a file changed twice within the
//! clock's granularity keeps its stamp, so a recent one is read again (as git treats its index).
//! Anything else about a cache file (another version of SiteMatch, another catalog, a byte
//! changed, as its checksum tells) makes it empty, never an error: the files are read as if
//! there were no cache.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::FileStamp;
use crate::model::catalog::UnitIdx;
use crate::model::geo::Location;
use crate::model::value::YesNo;
use crate::model::{
    Catalog, Entry, FactorIdx, Kind, Owner, Owners, PlannedAmount, Quantity, Text, Value, ZoneProfile,
};

/// The environment variable naming the cache folder instead of the platform's; empty turns the
/// cache off.
pub const CACHE_ENV: &str = "SITEMATCH_CACHE";

/// How much older than the cache a file's modification time must be for its cached profile to
/// be used. FAT keeps times to 2 s; network shares round them too.
pub const RACY: Duration = Duration::from_secs(3);

/// Bumped whenever the layout below changes.
const FORMAT: u32 = 3;

/// A hash of the cache's payload, stored before it: a byte changed by a disk or another
/// program (an amount, an index) makes the whole cache unused instead of silently wrong.
fn checksum(payload: &[u8]) -> [u8; 8] {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(payload);
    h.finish().to_le_bytes()
}

/// The cache folder: `SITEMATCH_CACHE` when set (empty: no cache), else the platform's cache
/// folder (`%LOCALAPPDATA%\sitematch\sitematch\cache` on Windows, `~/.cache/sitematch` on
/// Linux).
pub fn default_dir() -> Option<PathBuf> {
    match std::env::var_os(CACHE_ENV) {
        Some(dir) if dir.is_empty() => None,
        Some(dir) => Some(PathBuf::from(dir)),
        None => {
            directories::ProjectDirs::from("cn", "sitematch", "sitematch").map(|d| d.cache_dir().to_owned())
        }
    }
}

/// The cache file of one zones folder inside the cache folder.
fn file_of(cache_dir: &Path, folder: &Path) -> PathBuf {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    super::full_path(folder).hash(&mut h);
    cache_dir.join(format!("profiles-{:016x}.bin", h.finish()))
}

/// A folder's cache file as read, before it is looked into.
pub struct CacheBytes(Vec<u8>);

impl CacheBytes {
    /// Reads the cache file of `folder`; `None` when there is none.
    pub fn read(cache_dir: &Path, folder: &Path) -> Option<CacheBytes> {
        std::fs::read(file_of(cache_dir, folder)).ok().map(CacheBytes)
    }
}

/// The profiles a folder's cache holds, by file name, for a catalog, their texts still in the
/// cache file's bytes: each is copied out only into the profile that uses it ([`Cached::hit`]),
/// so a cache read costs the file and the profiles, not a third copy in between.
pub struct Cached<'b> {
    written: SystemTime,
    files: HashMap<&'b str, CachedFile<'b>>,
}

impl<'b> Cached<'b> {
    /// The cache in `bytes`; empty when there is none or it cannot be used (damaged, or written
    /// by another version or for another catalog).
    pub fn parse(bytes: Option<&'b CacheBytes>, catalog: &Catalog) -> Cached<'b> {
        let empty = Cached {
            written: UNIX_EPOCH,
            files: HashMap::new(),
        };
        let Some((sum, payload)) = bytes.and_then(|b| b.0.split_first_chunk::<8>()) else {
            return empty;
        };
        if *sum != checksum(payload) {
            return empty;
        }
        match postcard::from_bytes::<CacheFile<'b>>(payload) {
            Ok(f)
                if f.format == FORMAT
                    && f.app == env!("CARGO_PKG_VERSION")
                    && f.catalog == catalog.fingerprint() =>
            {
                Cached {
                    written: f.written.system_time().unwrap_or(UNIX_EPOCH),
                    files: f.files.into_iter().map(|c| (c.name, c)).collect(),
                }
            }
            _ => empty,
        }
    }

    /// How many profiles it holds.
    pub fn held(&self) -> usize {
        self.files.len()
    }

    /// The profile of `path` as cached, when the file is as it was and old enough to trust.
    pub fn hit(&self, path: &Path, catalog: &Catalog) -> Option<(ZoneProfile, FileStamp)> {
        let name = path.file_name()?.to_str()?;
        let cached = self.files.get(name)?;
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?;
        if meta.len() != cached.len
            || Some(Time::of(modified)) != cached.modified
            || modified.checked_add(RACY).is_none_or(|t| t > self.written)
        {
            return None;
        }
        let profile = cached.profile.restore(catalog)?;
        (profile.id == super::profile_id(path)).then_some((
            profile,
            FileStamp {
                len: cached.len,
                modified: Some(modified),
                hash: cached.hash,
            },
        ))
    }
}

/// Writes the cache of `folder`: every profile with the stamp of its file. Failing to write a
/// cache changes nothing but speed, so it is only logged.
pub fn write<'a>(
    cache_dir: &Path,
    folder: &Path,
    catalog: &Catalog,
    zones: impl Iterator<Item = (&'a Path, &'a ZoneProfile, &'a FileStamp)>,
) {
    let files = zones
        .filter_map(|(path, profile, stamp)| {
            Some(CachedFile {
                name: path.file_name()?.to_str()?,
                len: stamp.len,
                modified: stamp.modified.map(Time::of),
                hash: stamp.hash,
                profile: ProfileRepr::of(profile),
            })
        })
        .collect();
    let file = CacheFile {
        format: FORMAT,
        app: env!("CARGO_PKG_VERSION"),
        catalog: catalog.fingerprint(),
        written: Time::of(SystemTime::now()),
        files,
    };
    let written = postcard::to_allocvec(&file)
        .map(|payload| [checksum(&payload).as_slice(), &payload].concat())
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            std::fs::create_dir_all(cache_dir).map_err(|e| e.to_string())?;
            super::write_atomic(&file_of(cache_dir, folder), &bytes, false).map_err(|e| e.to_string())
        });
    if let Err(e) = written {
        log::debug!("profile cache for {} not written: {e}", folder.display());
    }
}

/// The cache file. Its texts are borrowed: from the profiles when it is written, from the
/// file's bytes when it is read.
#[derive(Serialize, Deserialize)]
struct CacheFile<'a> {
    format: u32,
    /// The version of SiteMatch that wrote it.
    app: &'a str,
    /// [`Catalog::fingerprint`] of the catalog its indices refer to.
    catalog: u64,
    written: Time,
    #[serde(borrow)]
    files: Vec<CachedFile<'a>>,
}

#[derive(Serialize, Deserialize)]
struct CachedFile<'a> {
    /// The file's name in its folder.
    name: &'a str,
    len: u64,
    modified: Option<Time>,
    hash: u64,
    #[serde(borrow)]
    profile: ProfileRepr<'a>,
}

/// A moment as seconds and nanoseconds since 1970 (earlier ones are not cached).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Time {
    secs: u64,
    nanos: u32,
}

impl Time {
    fn of(t: SystemTime) -> Time {
        let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
        Time {
            secs: d.as_secs(),
            nanos: d.subsec_nanos(),
        }
    }

    fn system_time(self) -> Option<SystemTime> {
        UNIX_EPOCH.checked_add(Duration::new(self.secs, self.nanos))
    }
}

/// A day as year, month, day.
#[derive(Clone, Copy, Serialize, Deserialize)]
struct Day(i16, i8, i8);

impl Day {
    fn of(d: Date) -> Day {
        Day(d.year(), d.month(), d.day())
    }

    fn date(self) -> Option<Date> {
        Date::new(self.0, self.1, self.2).ok()
    }
}

/// A decimal as its 16 bytes.
type Dec = [u8; 16];

#[derive(Serialize, Deserialize)]
struct ProfileRepr<'a> {
    id: &'a str,
    /// Chinese and English.
    name: (&'a str, &'a str),
    region: (&'a str, &'a str),
    contact: &'a str,
    contact_en: &'a str,
    as_of: Day,
    location: Option<(Dec, Dec)>,
    /// The default owners, by key.
    owners: Vec<(&'a str, &'a str)>,
    #[serde(borrow)]
    entries: Vec<(u16, EntryRepr<'a>)>,
}

#[derive(Serialize, Deserialize)]
struct EntryRepr<'a> {
    value: ValueRepr,
    source: &'a str,
    as_of: Day,
    illustrative: bool,
    planned: Option<(QuantityRepr, Day, &'a str)>,
    owner: Option<&'a str>,
}

/// A name in both languages, borrowed.
fn text_of(t: &Text) -> (&str, &str) {
    (&t.zh, &t.en)
}

fn text((zh, en): (&str, &str)) -> Text {
    Text::new(zh, en)
}

#[derive(Serialize, Deserialize)]
enum ValueRepr {
    Amount(QuantityRepr),
    Yes,
    No,
    Planned(Day),
    Level(u16),
    Set(Vec<u16>),
}

#[derive(Serialize, Deserialize)]
struct QuantityRepr {
    amount: Dec,
    unit: u16,
    canonical: Dec,
}

impl QuantityRepr {
    fn of(q: &Quantity) -> QuantityRepr {
        QuantityRepr {
            amount: q.amount().serialize(),
            unit: u16::try_from(q.unit().index()).unwrap_or(u16::MAX),
            canonical: q.canonical().serialize(),
        }
    }

    /// The quantity, when its unit is one `kind` takes.
    fn restore(&self, kind: &Kind) -> Option<Quantity> {
        let unit = UnitIdx::from_index(usize::from(self.unit))?;
        kind.measure()?.units.contains(&unit).then(|| {
            Quantity::from_parts(
                Decimal::deserialize(self.amount),
                unit,
                Decimal::deserialize(self.canonical),
            )
        })
    }
}

impl<'a> ProfileRepr<'a> {
    fn of(p: &'a ZoneProfile) -> ProfileRepr<'a> {
        ProfileRepr {
            id: &p.id,
            name: text_of(&p.name),
            region: text_of(&p.region),
            contact: &p.contact,
            contact_en: &p.contact_en,
            as_of: Day::of(p.as_of),
            location: p.location.map(|l| (l.lat.serialize(), l.lon.serialize())),
            owners: p.owners.iter().map(|(k, o)| (k, &**o)).collect(),
            entries: p
                .entries()
                .map(|(f, e)| {
                    let value = match &e.value {
                        Value::Amount(q) => ValueRepr::Amount(QuantityRepr::of(q)),
                        Value::YesNo(YesNo::Yes) => ValueRepr::Yes,
                        Value::YesNo(YesNo::No) => ValueRepr::No,
                        Value::YesNo(YesNo::Planned(d)) => ValueRepr::Planned(Day::of(*d)),
                        Value::Level(l) => ValueRepr::Level(*l),
                        Value::Set(m) => ValueRepr::Set(m.clone()),
                    };
                    let entry = EntryRepr {
                        value,
                        source: &e.source,
                        as_of: Day::of(e.as_of),
                        illustrative: e.illustrative,
                        planned: e
                            .planned
                            .as_ref()
                            .map(|p| (QuantityRepr::of(&p.amount), Day::of(p.by), p.source.as_str())),
                        owner: e.owner.as_deref(),
                    };
                    (u16::try_from(f.index()).unwrap_or(u16::MAX), entry)
                })
                .collect(),
        }
    }

    /// The profile, when every index in it means something in `catalog` (a damaged cache
    /// gives `None`, and the file is read instead).
    fn restore(&self, catalog: &Catalog) -> Option<ZoneProfile> {
        let mut p = ZoneProfile::new(catalog, self.id, text(self.name), self.as_of.date()?);
        p.region = text(self.region);
        p.contact = self.contact.to_owned();
        p.contact_en = self.contact_en.to_owned();
        p.location = self.location.map(|(lat, lon)| Location {
            lat: Decimal::deserialize(lat),
            lon: Decimal::deserialize(lon),
        });
        p.owners = Owners::new(
            self.owners
                .iter()
                .map(|(k, o)| ((*k).to_owned(), Owner::from(*o))),
        );
        for (f, e) in &self.entries {
            let f = FactorIdx::from_index(usize::from(*f)).filter(|f| f.index() < catalog.len())?;
            let kind = &catalog.factor(f).kind;
            let value = match (&e.value, kind) {
                (ValueRepr::Amount(q), _) => Value::Amount(q.restore(kind)?),
                (ValueRepr::Yes, Kind::YesNo) => Value::YesNo(YesNo::Yes),
                (ValueRepr::No, Kind::YesNo) => Value::YesNo(YesNo::No),
                (ValueRepr::Planned(d), Kind::YesNo) => Value::YesNo(YesNo::Planned(d.date()?)),
                (ValueRepr::Level(l), Kind::Level(levels)) if usize::from(*l) < levels.len() => {
                    Value::Level(*l)
                }
                (ValueRepr::Set(m), Kind::Set(v))
                    if !m.is_empty()
                        && m.windows(2).all(|w| w[0] < w[1])
                        && m.iter()
                            .all(|i| usize::from(*i) < catalog.vocabulary(*v).members.len()) =>
                {
                    Value::Set(m.clone())
                }
                _ => return None,
            };
            let planned = match &e.planned {
                Some((q, by, source)) => Some(Box::new(PlannedAmount {
                    amount: q.restore(kind)?,
                    by: by.date()?,
                    source: (*source).to_owned(),
                })),
                None => None,
            };
            p.set_entry(
                f,
                Some(Entry {
                    value,
                    source: e.source.to_owned(),
                    as_of: e.as_of.date()?,
                    illustrative: e.illustrative,
                    planned,
                    owner: e.owner.map(Owner::from),
                }),
            );
        }
        Some(p)
    }
}
