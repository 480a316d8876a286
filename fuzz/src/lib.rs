//! What the fuzz targets share.

use std::sync::OnceLock;

use sitematch::model::Catalog;

/// The built-in catalog, parsed once per fuzzing process.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::builtin().expect("the built-in catalog"))
}
