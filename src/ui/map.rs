//! The schematic map of the zones: points placed by their latitude and longitude, coloured by
//! score, with a scale bar, and the distances from a point the officer clicks (the investor's
//! supplier, a port). No boundaries and no map tiles: a map that draws administrative
//! boundaries needs an official review number in China, and this one is a diagram.

use egui::{Pos2, RichText, Sense, Stroke, Ui, Vec2};

use super::theme;
use crate::io::Zone;
use crate::model::geo::{Location, plane_km, scale_bar_km};
use crate::model::{Bilingual, Lang};
use crate::state::workspace::Results;

/// The height of the strip below the map that holds the scale bar.
const SCALE_STRIP: f32 = 22.0;

/// Beyond this many zones the map shows points without names.
const MAX_LABELS: usize = 60;

/// The map's words.
struct Texts {
    heading: &'static str,
    note: &'static str,
    click: &'static str,
    no_locations: &'static str,
    from_point: &'static str,
    km: &'static str,
}

const ZH: Texts = Texts {
    heading: "开发区分布示意图",
    note: "示意图：按经纬度放置各开发区，不含行政区划界线和底图；颜色为当前需求表下的得分。",
    click: "在图上点击一处（如投资方的供应商或港口），列出各开发区到该处的直线距离。",
    no_locations: "开发区资料中没有经纬度（location），无法绘制示意图。",
    from_point: "到所选点的直线距离",
    km: "公里",
};

const EN: Texts = Texts {
    heading: "Schematic map of the zones",
    note: "A diagram: zones placed by latitude and longitude, with no boundaries and no base map; colours show the score under the current checklist.",
    click: "Click a place on the map (the investor's supplier, a port) to list each zone's straight-line distance from it.",
    no_locations: "No zone profile gives a location, so there is nothing to draw.",
    from_point: "Straight-line distance from the point picked",
    km: "km",
};

/// The words in both languages.
static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

/// The point the officer picked, in the map's plane (km from the centre), kept in egui's
/// memory for the map.
fn picked_id(ui: &Ui) -> egui::Id {
    ui.scope_id().with("map picked point")
}

/// Draws the map of the zones that give a location, and the distances from a picked point.
pub fn map_ui(ui: &mut Ui, zones: &[Zone], results: &Results, lang: Lang) {
    let t = TEXTS.get(lang);
    let palette = theme::palette(ui.ctx());
    ui.heading(t.heading);
    ui.label(RichText::new(t.note).weak());
    let placed: Vec<(usize, Location)> = zones
        .iter()
        .enumerate()
        .filter_map(|(i, z)| Some((i, z.profile.location?)))
        .collect();
    if placed.is_empty() {
        ui.label(RichText::new(t.no_locations).weak());
        return;
    }
    ui.label(RichText::new(t.click).weak());
    let locations: Vec<Location> = placed.iter().map(|(_, l)| *l).collect();
    let plane = plane_km(&locations);
    // The extent in km, with room around the points; at least 20 km across.
    let (mut min, mut max) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
    for (x, y) in &plane {
        min = (min.0.min(*x), min.1.min(*y));
        max = (max.0.max(*x), max.1.max(*y));
    }
    let span = (max.0 - min.0).max(max.1 - min.1).max(20.0) * 1.2;
    let centre = ((min.0 + max.0) / 2.0, (min.1 + max.1) / 2.0);
    // The map, and the distances beside it where a laptop screen has room for both.
    ui.horizontal_top(|ui| {
        let picked_id = picked_id(ui);
        let mut picked: Option<(f64, f64)> = ui.data(|d| d.get_temp(picked_id));
        // The whole width until a point is picked; then room for the distances beside it.
        let reserve = if picked.is_some() { 260.0 } else { 0.0 };
        let side = (ui.available_width() - reserve).clamp(280.0, 560.0);
        // The square map, and a strip below it for the scale bar, clear of any point.
        let (response, painter) = ui.allocate_painter(Vec2::new(side, side + SCALE_STRIP), Sense::click());
        let rect = egui::Rect::from_min_size(response.rect.min, Vec2::splat(side));
        let px_per_km = f64::from(side) / span;
        let to_screen = |(x, y): (f64, f64)| -> Pos2 {
            rect.center()
                + Vec2::new(
                    ((x - centre.0) * px_per_km) as f32,
                    ((y - centre.1) * px_per_km) as f32,
                )
        };
        let to_km = |p: Pos2| -> (f64, f64) {
            (
                f64::from(p.x - rect.center().x) / px_per_km + centre.0,
                f64::from(p.y - rect.center().y) / px_per_km + centre.1,
            )
        };
        painter.rect_stroke(
            rect,
            2.0,
            Stroke::new(1.0, palette.unknown),
            egui::StrokeKind::Inside,
        );
        if let Some(pos) = response
            .interact_pointer_pos()
            .filter(|p| response.clicked() && rect.contains(*p))
        {
            picked = Some(to_km(pos));
            ui.data_mut(|d| d.insert_temp(picked_id, to_km(pos)));
        }
        // Each zone's score and standing by its place in the folder, once per frame.
        let mut scores: Vec<Option<(&crate::scoring::Exact, bool)>> = vec![None; zones.len()];
        for r in &results.ranking.zones {
            if let Some(slot) = scores.get_mut(r.zone.index()) {
                *slot = Some((&r.score, r.qualified));
            }
        }
        // Names beside the points while they can be read; a national folder shows points only.
        let labelled = placed.len() <= MAX_LABELS;
        for ((index, _), xy) in placed.iter().zip(&plane) {
            let zone = &zones[*index];
            let score = scores.get(*index).copied().flatten();
            let at = to_screen(*xy);
            let colour = match score {
                Some((_, true)) => palette.met,
                Some((s, false)) if s.to_f64() >= 60.0 => palette.partial,
                Some(_) => palette.unmet,
                None => palette.unknown,
            };
            painter.circle_filled(at, 6.0, colour);
            if !labelled {
                continue;
            }
            let label = match score {
                // The score as every view shows it: rounded half up from the exact value.
                Some((s, _)) => format!("{} {}", zone.profile.name.get(lang), s.fixed(1)),
                None => zone.profile.name.get(lang).to_owned(),
            };
            // Names run towards the middle, so that those near the right edge stay inside.
            let (offset, align) = if at.x > rect.center().x {
                (-9.0, egui::Align2::RIGHT_CENTER)
            } else {
                (9.0, egui::Align2::LEFT_CENTER)
            };
            painter.text(
                at + Vec2::new(offset, 0.0),
                align,
                label,
                egui::FontId::proportional(13.0),
                ui.visuals().text_color(),
            );
        }
        if let Some(p) = picked {
            let at = to_screen(p);
            let stroke = Stroke::new(2.0, palette.info);
            painter.line_segment([at - Vec2::new(7.0, 0.0), at + Vec2::new(7.0, 0.0)], stroke);
            painter.line_segment([at - Vec2::new(0.0, 7.0), at + Vec2::new(0.0, 7.0)], stroke);
        }
        // The scale bar: a round length of at most a quarter of the map.
        let bar_km = scale_bar_km(span / 4.0);
        let bar_px = (bar_km * px_per_km) as f32;
        let base = Pos2::new(rect.left() + 4.0, rect.bottom() + SCALE_STRIP / 2.0);
        let ink = Stroke::new(2.0, ui.visuals().text_color());
        painter.line_segment([base, base + Vec2::new(bar_px, 0.0)], ink);
        for x in [0.0, bar_px] {
            painter.line_segment([base + Vec2::new(x, -4.0), base + Vec2::new(x, 4.0)], ink);
        }
        painter.text(
            base + Vec2::new(bar_px + 6.0, 0.0),
            egui::Align2::LEFT_CENTER,
            format!("{} {}", bar_km, t.km),
            egui::FontId::proportional(12.0),
            ui.visuals().text_color(),
        );
        if let Some(p) = picked {
            ui.vertical(|ui| {
                ui.label(RichText::new(t.from_point).strong());
                let mut distances: Vec<(&str, f64)> = placed
                    .iter()
                    .zip(&plane)
                    .map(|((i, _), (x, y))| {
                        let d = ((x - p.0).powi(2) + (y - p.1).powi(2)).sqrt();
                        (zones[*i].profile.name.get(lang), d)
                    })
                    .collect();
                distances.sort_by(|a, b| a.1.total_cmp(&b.1));
                egui::Grid::new("map distances").striped(true).show(ui, |ui| {
                    for (name, d) in distances {
                        ui.label(name);
                        ui.label(format!("{d:.0} {}", t.km));
                        ui.end_row();
                    }
                });
            });
        }
    });
}
