//! Build script: the same icon and version information as the app (see
//! `assets/windows/resources.rs` of SiteMatch), for Windows targets only.

include!("../../../assets/windows/resources.rs");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=build.rs");
    compile_windows_resources(
        std::path::Path::new("../../../assets/windows"),
        std::path::Path::new("../../../assets/icon"),
        "sitematch.exe",
        "SiteMatch 要素匹配（命令行）",
    )
}
