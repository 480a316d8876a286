//! Build script: for a Windows target, compiles the app icon, the version information and the
//! manifest (`assets/windows/sitematch.rc`) into the executable with mingw's resource compiler;
//! for every other target it does nothing.

include!("assets/windows/resources.rs");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=build.rs");
    compile_windows_resources(
        std::path::Path::new("assets/windows"),
        std::path::Path::new("assets/icon"),
        "sitematch-app.exe",
        "SiteMatch 要素匹配",
    )
}
