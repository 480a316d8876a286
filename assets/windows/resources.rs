// Compiling `sitematch.rc` (beside this file) into an executable for a Windows GNU target:
// included by the build scripts of SiteMatch and of its Windows console program, so both carry
// the same icon and version information. Does nothing for other targets.

/// Compiles the resources for the executables of the package being built, giving them the file
/// name and description they are installed under. `rc_dir` is this folder, `icon_dir` holds
/// `sitematch.ico`.
fn compile_windows_resources(
    rc_dir: &std::path::Path,
    icon_dir: &std::path::Path,
    file_name: &str,
    description: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    use std::env::var;
    for file in ["sitematch.rc", "sitematch.manifest", "resources.rs"] {
        println!("cargo:rerun-if-changed={}", rc_dir.join(file).display());
    }
    println!("cargo:rerun-if-changed={}", icon_dir.join("sitematch.ico").display());
    println!("cargo:rerun-if-env-changed=WINDRES");
    if var("CARGO_CFG_TARGET_OS")? != "windows" {
        return Ok(());
    }
    if var("CARGO_CFG_TARGET_ENV")? != "gnu" {
        println!("cargo:warning=the icon and version information are compiled for the GNU target only");
        return Ok(());
    }
    // mingw's resource compiler: `windres` on Windows, `x86_64-w64-mingw32-windres` elsewhere.
    let windres = var("WINDRES").unwrap_or_else(|_| {
        if cfg!(windows) {
            "windres".to_owned()
        } else {
            format!("{}-w64-mingw32-windres", var("CARGO_CFG_TARGET_ARCH").unwrap_or_default())
        }
    });
    let out = std::path::PathBuf::from(var("OUT_DIR")?);
    let version = var("CARGO_PKG_VERSION")?;
    let [major, minor, patch] =
        ["CARGO_PKG_VERSION_MAJOR", "CARGO_PKG_VERSION_MINOR", "CARGO_PKG_VERSION_PATCH"].map(|v| {
            var(v).unwrap_or_default()
        });
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    std::fs::write(
        out.join("version.h"),
        format!(
            "#define SM_VERSION {major},{minor},{patch},0\n#define SM_VERSION_STR {}\n\
             #define SM_FILENAME {}\n#define SM_DESCRIPTION {}\n",
            quote(&version),
            quote(file_name),
            quote(description)
        ),
    )?;
    let object = out.join("sitematch-resources.o");
    let status = std::process::Command::new(&windres)
        .arg("--input-format=rc")
        .arg("--output-format=coff")
        .arg("-I")
        .arg(&out)
        .arg("-I")
        .arg(rc_dir)
        .arg("-I")
        .arg(icon_dir)
        .arg("-i")
        .arg(rc_dir.join("sitematch.rc"))
        .arg("-o")
        .arg(&object)
        .status()
        .map_err(|e| format!("could not run {windres} (mingw's resource compiler; set WINDRES): {e}"))?;
    if !status.success() {
        return Err(format!("{windres} failed on sitematch.rc ({status})").into());
    }
    // An object file on the link line is linked whole, resources included.
    println!("cargo:rustc-link-arg-bins={}", object.display());
    Ok(())
}
