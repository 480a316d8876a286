//! Files compiled into the binary, so SiteMatch runs from any folder: the factor catalog, the
//! bundled fonts (SIL OFL 1.1, licences in `assets/fonts/`), the report template, the sample
//! zones and checklists an officer's data folder is seeded with, the app icon, and the licence
//! texts an About window shows. Data only: nothing here reads a file at run time.

/// Noto Sans SC Regular, every character it has (CJK Unified Ideographs and Extension A in
/// full), unhinted: 10.6 MB, what lets any name the window shows print.
pub const FONT_SC: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Regular.ttf");

/// Noto Sans SC Bold, cut to GB2312 and every character of SiteMatch's own text (headings,
/// labels); a rarer character in bold text prints from the Regular face.
pub const FONT_SC_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Bold.subset.ttf");

/// Noto Sans Symbols 2, cut to the status marks (✔ ✘ △), which no CJK font has.
pub const FONT_SYMBOLS: &[u8] = include_bytes!("../assets/fonts/NotoSansSymbols2-Regular.subset.ttf");

/// The layout of the printed report (Typst markup fed with the report model as JSON).
pub const REPORT_TEMPLATE: &str = include_str!("../assets/report.typ");

/// The app's reverse-domain id: the Wayland app id and X11 class of the window, and the name
/// of the Linux package, its `.desktop` entry and icons (`dist/linux/`).
pub const APP_ID: &str = "cn.sitematch.app";

/// The app icon, 128 × 128 PNG (drawn from `assets/icon/sitematch.svg`), for the window.
pub const ICON_PNG: &[u8] = include_bytes!("../assets/icon/sitematch-128.png");

/// A sample file a new data folder is seeded with: where it goes, relative to the data folder,
/// and its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sample {
    /// A relative path with `/` separators, e.g. `profiles/houma.ron`.
    pub path: &'static str,
    pub text: &'static str,
}

macro_rules! samples {
    ($($dir:literal => $src:literal: [$($name:literal),* $(,)?]),* $(,)?) => {
        &[$($(Sample {
            path: concat!($dir, "/", $name, ".ron"),
            text: include_str!(concat!("../", $src, "/", $name, ".ron")),
        },)*)*]
    };
}

/// The sample zones (`profiles/`) and checklists (`assets/checklists/`) of the repository, as
/// they go into an officer's data folder (`profiles/`, `checklists/`). A test checks that this
/// list names every sample file of the repository.
pub const SAMPLES: &[Sample] = samples! {
    "profiles" => "profiles": ["houma", "linyi", "shuozhou", "xiangfen", "yuanping"],
    "checklists" => "assets/checklists": ["diamond", "pv_base", "znalmg_steel"],
};

/// The sample zones among [`SAMPLES`]: each profile's id (its file stem) and text.
pub fn sample_profiles() -> impl Iterator<Item = (&'static str, &'static str)> {
    SAMPLES
        .iter()
        .filter_map(|s| Some((s.path.strip_prefix("profiles/")?.strip_suffix(".ron")?, s.text)))
}

/// A licence of something SiteMatch ships: what it covers (in Chinese and English), its SPDX
/// identifier and its full text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Licence {
    pub covers_zh: &'static str,
    pub covers_en: &'static str,
    pub spdx: &'static str,
    pub text: &'static str,
}

/// The licences of SiteMatch itself (either, at the user's choice) and of every font compiled
/// into it (the two Noto fonts SiteMatch bundles and egui's built-in fonts).
pub const LICENCES: &[Licence] = &[
    Licence {
        covers_zh: "SiteMatch 本身（可任选其一）",
        covers_en: "SiteMatch itself (at your choice)",
        spdx: "MIT",
        text: include_str!("../LICENSE-MIT"),
    },
    Licence {
        covers_zh: "SiteMatch 本身（可任选其一）",
        covers_en: "SiteMatch itself (at your choice)",
        spdx: "Apache-2.0",
        text: include_str!("../LICENSE-APACHE"),
    },
    Licence {
        covers_zh: "思源黑体 Noto Sans SC（界面与报告的中文字体）",
        covers_en: "Noto Sans SC (the Chinese font of the app and the report)",
        spdx: "OFL-1.1",
        text: include_str!("../assets/fonts/OFL-NotoSansSC.txt"),
    },
    Licence {
        covers_zh: "Noto Sans Symbols 2（状态符号 ✔ ✘ △）",
        covers_en: "Noto Sans Symbols 2 (the status marks ✔ ✘ △)",
        spdx: "OFL-1.1",
        text: include_str!("../assets/fonts/OFL-NotoSansSymbols2.txt"),
    },
    Licence {
        covers_zh: "Hack 等宽字体（egui 内置）",
        covers_en: "Hack, the monospace font (built into egui)",
        spdx: "MIT AND Bitstream-Vera",
        text: include_str!("../assets/fonts/egui/LICENSE-Hack.txt"),
    },
    Licence {
        covers_zh: "Ubuntu Light 字体（egui 内置）",
        covers_en: "Ubuntu Light (built into egui)",
        spdx: "Ubuntu-font-1.0",
        text: include_str!("../assets/fonts/egui/LICENSE-Ubuntu.txt"),
    },
    Licence {
        covers_zh: "egui 图标字体（取自 emoji-icon-font）",
        covers_en: "egui's icon font (cut from emoji-icon-font)",
        spdx: "MIT",
        text: include_str!("../assets/fonts/egui/LICENSE-emoji-icon-font.txt"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    /// The `*.ron` files of a repository folder, by stem.
    fn stems(dir: &str) -> BTreeSet<String> {
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
            .expect("folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect()
    }

    fn embedded(dir: &str) -> BTreeSet<String> {
        SAMPLES
            .iter()
            .filter_map(|s| s.path.strip_prefix(dir)?.strip_prefix('/')?.strip_suffix(".ron"))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn every_sample_file_of_the_repository_is_embedded() {
        assert_eq!(embedded("profiles"), stems("profiles"));
        assert_eq!(embedded("checklists"), stems("assets/checklists"));
        assert_eq!(
            SAMPLES.len(),
            stems("profiles").len() + stems("assets/checklists").len()
        );
    }

    #[test]
    fn the_embedded_samples_are_the_repository_files_and_parse() {
        let catalog = crate::model::Catalog::builtin().expect("catalog");
        for sample in SAMPLES {
            let (dir, file) = sample.path.split_once('/').expect("dir/file");
            let repo_dir = if dir == "profiles" {
                "profiles"
            } else {
                "assets/checklists"
            };
            let on_disk =
                std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(repo_dir).join(file))
                    .expect("sample file");
            assert_eq!(sample.text, on_disk, "{}", sample.path);
            let id = file.trim_end_matches(".ron");
            if dir == "profiles" {
                crate::model::parse_profile(sample.text, id, &catalog).expect("sample zone parses");
            } else {
                crate::model::parse_checklist(sample.text, &catalog).expect("sample checklist parses");
            }
        }
    }

    #[test]
    fn licences_name_what_they_cover_and_hold_their_text() {
        for l in LICENCES {
            assert!(!l.covers_zh.is_empty() && !l.covers_en.is_empty(), "{}", l.spdx);
            assert!(
                l.text.len() > 500,
                "{} ({}) is a licence text",
                l.covers_en,
                l.spdx
            );
        }
        let app: Vec<&str> = LICENCES
            .iter()
            .filter(|l| l.covers_en.starts_with("SiteMatch"))
            .map(|l| l.spdx)
            .collect();
        // The package metadata and the texts shipped must agree.
        assert_eq!(app.join(" OR "), env!("CARGO_PKG_LICENSE"));
        assert!(
            LICENCES
                .iter()
                .any(|l| l.text.contains("SIL OPEN FONT LICENSE Version 1.1"))
        );
    }

    #[test]
    fn the_desktop_entry_is_named_after_the_app_id() {
        let entry = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("dist/linux")
            .join(format!("{APP_ID}.desktop"));
        let text = std::fs::read_to_string(&entry).expect("the .desktop entry");
        assert!(text.contains(&format!("StartupWMClass={APP_ID}\n")), "{text}");
        assert!(text.contains(&format!("Icon={APP_ID}\n")), "{text}");
    }

    #[test]
    fn the_icon_is_a_png() {
        assert!(ICON_PNG.starts_with(b"\x89PNG\r\n\x1a\n"));
    }
}
