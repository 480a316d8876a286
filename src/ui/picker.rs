//! What the pickers and lists share: a search box that takes the keyboard when its pop-up
//! opens, and names put in pinyin order and filtered by a search, cached between frames so
//! that a folder of ten thousand zones is not sorted again each time the window is drawn.

use egui::{Id, Ui};

use crate::model::search::{pinyin_order, text_matches};

/// The search box at the top of a picker's pop-up: it takes the keyboard focus when the pop-up
/// opens, so the officer can type at once; what was typed is kept while the pop-up is open.
pub fn search_box_ui(ui: &mut Ui, search_id: Id, hint: &str, name: &str) -> String {
    let mut search: String = ui.data_mut(|d| d.get_temp(search_id).unwrap_or_default());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut search)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .accessible_name(name);
    let opened_id = search_id.with("focused");
    if !ui.data(|d| d.get_temp::<bool>(opened_id).unwrap_or(false)) {
        response.request_focus();
        ui.data_mut(|d| d.insert_temp(opened_id, true));
    }
    ui.data_mut(|d| d.insert_temp(search_id, search.clone()));
    search
}

/// Forgets a picker's search when its pop-up is closed, so it opens clean next time.
pub fn forget_search(ui: &Ui, search_id: Id) {
    ui.data_mut(|d| {
        d.remove::<String>(search_id);
        d.remove::<bool>(search_id.with("focused"));
    });
}

/// Works out the order of names and which a search finds.
#[derive(Default)]
struct Ordering;

impl<'a> egui::cache::ComputerMut<(&'a [&'a str], &'a str), Vec<usize>> for Ordering {
    fn compute(&mut self, (names, search): (&'a [&'a str], &'a str)) -> Vec<usize> {
        let mut order: Vec<usize> = (0..names.len())
            .filter(|&i| text_matches(names[i], search))
            .collect();
        let keys: Vec<String> = names.iter().map(|n| crate::model::search::sort_key(n)).collect();
        order.sort_by(|&a, &b| {
            keys[a]
                .cmp(&keys[b])
                .then_with(|| pinyin_order(names[a], names[b]))
        });
        order
    }
}

/// The positions of the names `search` finds (all of them for an empty search), in pinyin
/// order (`侯马` before `临猗` before `朔州`); Latin names sort among them by their letters.
/// Cached: the same names and search give the order without working it out again.
pub fn pinyin_sorted(ctx: &egui::Context, names: &[&str], search: &str) -> Vec<usize> {
    ctx.memory_mut(|m| {
        m.caches
            .cache::<egui::cache::FrameCache<Vec<usize>, Ordering>>()
            .get((names, search))
            .clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_names_come_in_pinyin_order_and_a_search_finds_by_pinyin() {
        let ctx = egui::Context::default();
        let names = ["朔州", "侯马", "临猗", "原平", "襄汾"];
        let order: Vec<&str> = pinyin_sorted(&ctx, &names, "")
            .iter()
            .map(|&i| names[i])
            .collect();
        assert_eq!(order, ["侯马", "临猗", "朔州", "襄汾", "原平"]);
        let found: Vec<&str> = pinyin_sorted(&ctx, &names, "hm")
            .iter()
            .map(|&i| names[i])
            .collect();
        assert_eq!(found, ["侯马"]);
        let found: Vec<&str> = pinyin_sorted(&ctx, &names, "州")
            .iter()
            .map(|&i| names[i])
            .collect();
        assert_eq!(found, ["朔州"]);
    }
}
