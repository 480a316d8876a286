//! The system's CJK fonts, read for the rare characters the bundled fonts lack (Extension B and
//! beyond, private-use characters of a local font): the font folders of Linux, Windows and macOS,
//! and the user's own. Only files whose names say they are CJK or large fallback fonts are read;
//! which of their faces add characters is decided in `report::glyphs`. Unreadable files are
//! skipped: a missing system font is never an error, only a character no font has is.

use std::path::{Path, PathBuf};

/// Font files larger than this are not read (the largest CJK collections are about 60 MB).
const MAX_FONT_BYTES: u64 = 128 * 1024 * 1024;

/// Words in a font file's name that mark a CJK or wide-coverage font: Noto and Source Han CJK,
/// 微软雅黑 (msyh), 宋体 (simsun, simsunb for Extension B), 黑体, 楷体, 仿宋, 方正, 文泉驿 (wqy),
/// Droid Sans Fallback, Unifont, HanaMin and BabelStone Han (the extensions), PingFang, Hiragino,
/// STHeiti and the like.
const HINTS: &[&str] = &[
    "cjk",
    "sourcehan",
    "source-han",
    "msyh",
    "yahei",
    "simsun",
    "simhei",
    "simkai",
    "simfang",
    "nsimsun",
    "mingliu",
    "msjh",
    "fz",
    "fangsong",
    "kaiti",
    "songti",
    "heiti",
    "wqy",
    "droidsansfallback",
    "unifont",
    "hanamin",
    "babelstone",
    "pingfang",
    "hiragino",
    "stheiti",
    "stsong",
    "stkaiti",
    "sc-",
    "tc-",
    "gb",
    "zh",
    "sun-ext",
    "ukai",
    "uming",
    "arphic",
];

/// The folders fonts are installed in on this system.
fn font_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if cfg!(windows) {
        if let Some(windir) = std::env::var_os("WINDIR") {
            dirs.push(Path::new(&windir).join("Fonts"));
        }
        if let Some(local) = std::env::var_os("LOCALAPPDATA") {
            dirs.push(Path::new(&local).join("Microsoft").join("Windows").join("Fonts"));
        }
    } else if cfg!(target_os = "macos") {
        dirs.extend(["/System/Library/Fonts", "/Library/Fonts"].map(PathBuf::from));
        if let Some(home) = std::env::var_os("HOME") {
            dirs.push(Path::new(&home).join("Library").join("Fonts"));
        }
    } else {
        dirs.extend(["/usr/share/fonts", "/usr/local/share/fonts"].map(PathBuf::from));
        if let Some(home) = std::env::var_os("HOME") {
            dirs.push(Path::new(&home).join(".local").join("share").join("fonts"));
            dirs.push(Path::new(&home).join(".fonts"));
        }
    }
    dirs
}

/// Whether a file looks like a CJK font by its name.
pub fn is_cjk_font_name(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(ext.as_deref(), Some("ttf" | "otf" | "ttc" | "otc")) {
        return false;
    }
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    HINTS.iter().any(|h| name.contains(h))
}

/// Collects font files under `dir`, a few levels deep.
fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() && depth > 0 => walk(&path, depth - 1, out),
            Ok(_) if is_cjk_font_name(&path) => out.push(path),
            _ => {}
        }
    }
}

/// The bytes of the system's CJK font files (see [`is_cjk_font_name`]).
pub fn system_cjk_fonts() -> Vec<Vec<u8>> {
    let mut paths = Vec::new();
    for dir in font_dirs() {
        walk(&dir, 4, &mut paths);
    }
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() <= MAX_FONT_BYTES))
        .filter_map(|p| std::fs::read(p).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_fonts_are_known_by_name() {
        for name in [
            "msyh.ttc",
            "simsunb.ttf",
            "NotoSansCJK-Regular.ttc",
            "wqy-microhei.ttc",
            "DroidSansFallbackFull.ttf",
            "SourceHanSansSC-Regular.otf",
        ] {
            assert!(is_cjk_font_name(Path::new(name)), "{name}");
        }
        for name in [
            "DejaVuSans.ttf",
            "arial.ttf",
            "msyh.txt",
            "LiberationMono-Bold.ttf",
        ] {
            assert!(!is_cjk_font_name(Path::new(name)), "{name}");
        }
    }
}
