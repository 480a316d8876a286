//! Where a zone is, for a schematic map with no boundaries (maps that draw administrative
//! boundaries need an official review number in China, so SiteMatch draws none): a point in
//! latitude and longitude, distances along the earth's surface, and a plane to draw points on.
//! Coordinates are kept as written (exact decimals); distances are for display, in floating
//! point.

use rust_decimal::Decimal;

/// A zone's location in degrees (WGS-84 / GCJ-02 alike at this scale).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// North positive, −90 to 90.
    pub lat: Decimal,
    /// East positive, −180 to 180.
    pub lon: Decimal,
}

/// The earth's mean radius in km.
const EARTH_KM: f64 = 6371.0088;

impl Location {
    fn degrees(self) -> (f64, f64) {
        (
            crate::model::number::to_f64(self.lat),
            crate::model::number::to_f64(self.lon),
        )
    }

    /// The great-circle distance to another point, in km (haversine).
    pub fn distance_km(self, other: Location) -> f64 {
        let ((lat1, lon1), (lat2, lon2)) = (self.degrees(), other.degrees());
        let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
        let dp = (lat2 - lat1).to_radians();
        let dl = (lon2 - lon1).to_radians();
        let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_KM * h.sqrt().min(1.0).asin()
    }
}

/// Points on a plane, in km east and south of the points' centre (an equirectangular
/// projection about their mean latitude): close enough for a province's zones, and straight
/// lines on it measure as the scale bar says.
pub fn plane_km(points: &[Location]) -> Vec<(f64, f64)> {
    if points.is_empty() {
        return Vec::new();
    }
    let n = points.len() as f64;
    let (lat0, lon0) = points.iter().fold((0.0, 0.0), |(a, b), p| {
        let (lat, lon) = p.degrees();
        (a + lat / n, b + lon / n)
    });
    let km_per_degree = EARTH_KM * std::f64::consts::PI / 180.0;
    let shrink = lat0.to_radians().cos();
    points
        .iter()
        .map(|p| {
            let (lat, lon) = p.degrees();
            (
                (lon - lon0) * km_per_degree * shrink,
                (lat0 - lat) * km_per_degree,
            )
        })
        .collect()
}

/// A scale bar's length: the largest 1, 2 or 5 × 10ⁿ km that fits in `max_km`.
pub fn scale_bar_km(max_km: f64) -> f64 {
    if max_km.is_nan() || max_km <= 0.0 {
        return 0.0;
    }
    let base = 10f64.powf(max_km.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * base)
        .find(|len| *len <= max_km)
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    fn at(lat: Decimal, lon: Decimal) -> Location {
        Location { lat, lon }
    }

    /// Worked by hand: one degree of latitude is 111.2 km; Houma (35.62 N, 111.37 E) to
    /// Shuozhou (39.33 N, 112.43 E) is about 422 km as the crow flies.
    #[test]
    fn distances_along_the_surface() {
        let one_degree = at(dec!(0), dec!(0)).distance_km(at(dec!(1), dec!(0)));
        assert!((one_degree - 111.19).abs() < 0.01, "{one_degree}");
        let d = at(dec!(35.62), dec!(111.37)).distance_km(at(dec!(39.33), dec!(112.43)));
        assert!((d - 422.0).abs() < 2.0, "{d}");
        assert_eq!(
            at(dec!(35.62), dec!(111.37)).distance_km(at(dec!(35.62), dec!(111.37))),
            0.0
        );
    }

    #[test]
    fn the_plane_keeps_distances_near_the_centre() {
        let points = [at(dec!(35.62), dec!(111.37)), at(dec!(35.88), dec!(111.44))];
        let plane = plane_km(&points);
        let (dx, dy) = (plane[1].0 - plane[0].0, plane[1].1 - plane[0].1);
        let on_plane = (dx * dx + dy * dy).sqrt();
        let on_earth = points[0].distance_km(points[1]);
        assert!((on_plane - on_earth).abs() < 0.1, "{on_plane} against {on_earth}");
        assert!(dy < 0.0, "north is up");
    }

    /// A profile's location reads, writes and reads back as written; a latitude past 90 is
    /// an error naming the field.
    #[test]
    fn a_profile_carries_its_location_through_a_save() {
        use crate::model::{Catalog, Lang, Localize, parse_profile, write_profile};
        let c = Catalog::builtin().expect("catalog");
        let text = r#"ZoneProfile(name: (zh: "侯马", en: "Houma"), as_of: "2023-12-31",
            location: (lat: 35.62, lon: 111.350), factors: {})"#;
        let p = parse_profile(text, "houma", &c).expect("parses");
        assert_eq!(p.location, Some(at(dec!(35.62), dec!(111.350))));
        let written = write_profile(&p, &c).expect("writes");
        assert_eq!(parse_profile(&written, "houma", &c).expect("reads back"), p);
        let bad = text.replace("lat: 35.62", "lat: 135.62");
        let err = parse_profile(&bad, "houma", &c).expect_err("no such latitude");
        let zh = err.text(Lang::Zh);
        assert!(
            zh.contains("纬度 135.62 不在 -90 到 90 度之间") && zh.contains("位置"),
            "{zh}"
        );
        let missing = text.replace(", lon: 111.350", "");
        assert!(
            parse_profile(&missing, "houma", &c).is_err(),
            "both axes are required"
        );
    }

    #[test]
    fn scale_bars_are_one_two_or_five_tens() {
        assert_eq!(scale_bar_km(73.0), 50.0);
        assert_eq!(scale_bar_km(199.0), 100.0);
        assert_eq!(scale_bar_km(200.0), 200.0);
        assert_eq!(scale_bar_km(0.7), 0.5);
        assert_eq!(scale_bar_km(0.0), 0.0);
    }
}
