//! Finding and ordering things by what people type: Chinese names sorted by pinyin (侯马 under
//! H, before 临猗 under L), names found by a part of either language, by full pinyin (`houma`)
//! or by pinyin initials (`hmjk`), and vocabulary members (industry divisions, assessments)
//! found by their code, name or keywords (`电池` finds C38, `钢` finds C31). Pure.

use std::cmp::Ordering;

use pinyin::ToPinyin;

use super::catalog::Vocabulary;
use super::text::Text;

/// The key Chinese text sorts by: each Han character as its pinyin without tone (`hou`),
/// everything else lower-cased, so names sort as a Chinese reader expects and Latin names
/// (`Beilun`) fall among them by their letters.
pub fn sort_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len() * 2);
    for (c, p) in text.chars().zip(text.to_pinyin()) {
        match p {
            Some(p) => key.push_str(p.plain()),
            None => key.extend(c.to_lowercase()),
        }
    }
    key
}

/// The tones of the Han characters of a text, to order names whose pinyin is the same.
fn tones(text: &str) -> Vec<&'static str> {
    text.to_pinyin()
        .flatten()
        .map(|p| p.with_tone_num_end())
        .collect()
}

/// Orders two names by [`sort_key`], then by tones, then by the text itself so that the order
/// is total.
pub fn pinyin_order(a: &str, b: &str) -> Ordering {
    sort_key(a)
        .cmp(&sort_key(b))
        .then_with(|| tones(a).cmp(&tones(b)))
        .then_with(|| a.cmp(b))
}

/// The text in the forms a search may use: lower-case, full pinyin without spaces or tones,
/// and pinyin initials (Han characters only; other characters are kept as they are).
fn searchable(text: &str) -> [String; 3] {
    let mut full = String::new();
    let mut initials = String::new();
    for (c, p) in text.chars().zip(text.to_pinyin()) {
        match p {
            Some(p) => {
                full.push_str(p.plain());
                initials.extend(p.plain().chars().next());
            }
            None if c.is_whitespace() => {}
            None => {
                let lower: String = c.to_lowercase().collect();
                full.push_str(&lower);
                initials.push_str(&lower);
            }
        }
    }
    [text.to_lowercase(), full, initials]
}

/// Whether `needle` finds `text`: a part of it ignoring case, or (for a needle in Latin
/// letters) a part of its pinyin written out (`houma`) or of its initials (`hm`). An empty
/// needle finds everything.
pub fn text_matches(text: &str, needle: &str) -> bool {
    let needle = needle.trim().to_lowercase();
    if needle.is_empty() {
        return true;
    }
    let [lower, full, initials] = searchable(text);
    if lower.contains(&needle) {
        return true;
    }
    let latin: String = needle.chars().filter(|c| !c.is_whitespace()).collect();
    latin.is_ascii() && (full.contains(&latin) || initials.contains(&latin))
}

impl Text {
    /// Whether `needle` finds either language of the text (see [`text_matches`]).
    pub fn matches(&self, needle: &str) -> bool {
        text_matches(&self.zh, needle) || text_matches(&self.en, needle)
    }
}

impl Vocabulary {
    /// The members `query` finds, best first: a code (`C38`, `c3`), then a name, then a
    /// keyword, then a match of the pinyin of the name. A keyword is found when it holds the
    /// query or the query holds it (`锂电池` finds the keyword `电池`). An empty query finds
    /// every member, in order.
    pub fn search(&self, query: &str) -> Vec<u16> {
        let q = query.trim().to_lowercase();
        let q_words: Vec<&str> = q.split_whitespace().collect();
        // (rank, a tie-break that prefers the longer keyword found inside the query, position)
        let mut found: Vec<(u8, usize, u16)> = self
            .members
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let i = u16::try_from(i).ok()?;
                if q.is_empty() {
                    return Some((0, 0, i));
                }
                let id = m.id.to_lowercase();
                let in_name = |t: &str| t.to_lowercase().contains(&q);
                let keywords: Vec<String> = m.keywords.iter().map(|k| k.to_lowercase()).collect();
                // A Chinese keyword inside the query (`锂电池` holds `电池`); a Latin one only
                // as a whole word of it, so that `boilers` does not find `oil`.
                let inside = keywords
                    .iter()
                    .filter(|k| !k.is_empty())
                    .filter(|k| {
                        if k.is_ascii() {
                            q_words.contains(&k.as_str())
                        } else {
                            q.contains(k.as_str())
                        }
                    })
                    .map(|k| k.chars().count())
                    .max();
                let (rank, longest) = if id == q {
                    (0, 0)
                } else if id.starts_with(&q) {
                    (1, 0)
                } else if keywords.contains(&q) || in_name(&m.name.zh) || in_name(&m.name.en) {
                    (2, 0)
                } else if keywords.iter().any(|k| k.contains(&q)) {
                    (3, 0)
                } else if let Some(len) = inside {
                    (4, usize::MAX - len)
                } else if m.name.matches(&q) {
                    (5, 0)
                } else {
                    return None;
                };
                Some((rank, longest, i))
            })
            .collect();
        found.sort_unstable();
        found.into_iter().map(|(_, _, i)| i).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Catalog;

    #[test]
    fn chinese_names_sort_by_pinyin() {
        let mut names = vec![
            "朔州经济开发区",
            "侯马经济开发区",
            "原平经济技术开发区",
            "临猗现代农业产业示范区",
            "襄汾经济技术开发区",
        ];
        names.sort_by(|a, b| pinyin_order(a, b));
        assert_eq!(
            names,
            [
                "侯马经济开发区",
                "临猗现代农业产业示范区",
                "朔州经济开发区",
                "襄汾经济技术开发区",
                "原平经济技术开发区"
            ]
        );
        // By code point the order would differ: 临 (U+4E34) comes before 侯 (U+4FAF).
        assert!('临' < '侯');
    }

    #[test]
    fn latin_and_chinese_names_share_one_order() {
        let mut names = vec!["Zhangjiagang", "安庆", "Beilun", "北京"];
        names.sort_by(|a, b| pinyin_order(a, b));
        assert_eq!(names, ["安庆", "北京", "Beilun", "Zhangjiagang"]);
    }

    #[test]
    fn names_are_found_by_part_pinyin_or_initials() {
        assert!(text_matches("侯马经济开发区", "侯马"));
        assert!(text_matches("侯马经济开发区", "houma"));
        assert!(text_matches("侯马经济开发区", "HouMa"));
        assert!(text_matches("侯马经济开发区", "hmjj"));
        assert!(text_matches("Houma Economic Development Zone", "economic"));
        assert!(text_matches("anything", "  "));
        assert!(!text_matches("侯马经济开发区", "原平"));
        assert!(!text_matches("侯马经济开发区", "yp"));
    }

    #[test]
    fn industries_are_found_by_code_name_or_product() {
        let c = Catalog::builtin().expect("catalog");
        let v = c.industries();
        let first = |q: &str| v.search(q).first().map(|&i| v.members[usize::from(i)].id.clone());
        assert_eq!(first("电池").as_deref(), Some("C38"));
        assert_eq!(first("锂电池").as_deref(), Some("C38"));
        assert_eq!(first("光伏组件").as_deref(), Some("C38"));
        assert_eq!(first("钢").as_deref(), Some("C31"));
        assert_eq!(first("c38").as_deref(), Some("C38"));
        assert_eq!(first("芯片").as_deref(), Some("C39"));
        assert_eq!(first("battery").as_deref(), Some("C38"));
        assert_eq!(first("培育钻石").as_deref(), Some("C30"));
        assert_eq!(first("赤泥").as_deref(), Some("C42"));
        assert_eq!(first("钢结构").as_deref(), Some("C33"), "the exact keyword wins");
        assert_eq!(first("锌铝镁镀层钢板").as_deref(), Some("C31"));
        assert!(
            !v.search("boilers")
                .iter()
                .any(|&i| v.members[usize::from(i)].id == "B07"),
            "no `oil` inside `boilers`"
        );
        // The code comes before names that merely mention the query.
        assert_eq!(first("C3").as_deref(), Some("C30"));
        assert_eq!(v.search("").len(), v.members.len());
        assert!(v.search("不存在的东西").is_empty());
    }

    #[test]
    fn assessments_are_found_by_their_short_names() {
        let c = Catalog::builtin().expect("catalog");
        let factor = c.find_factor("policy.regional_assessments").expect("factor");
        let crate::model::Kind::Set(v) = c.factor(factor).kind else {
            panic!("a set factor")
        };
        let v = c.vocabulary(v);
        let first = |q: &str| v.search(q).first().map(|&i| v.members[usize::from(i)].id.clone());
        assert_eq!(first("环评").as_deref(), Some("environment"));
        assert_eq!(first("能评").as_deref(), Some("energy"));
        assert_eq!(first("地灾").as_deref(), Some("geohazard"));
    }
}
