//! The words a province's table uses for what is not a factor: the zone's name and id, its
//! region, the day the figures were true, their source, the row number; and the rows below
//! the zones (totals, notes). Compared folded (width, spaces and case do not matter).

use crate::model::catalog::names::fold;

/// What a column of a wide table holds, other than a factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Name,
    Id,
    Region,
    AsOf,
    Source,
    /// 序号: read past.
    RowNumber,
}

const ROLES: &[(Role, &[&str])] = &[
    (
        Role::Name,
        &[
            "开发区名称",
            "开发区",
            "园区名称",
            "园区",
            "开发区(园区)名称",
            "开发区(园区)",
            "园区(开发区)名称",
            "名称",
            "单位名称",
            "zone",
            "zonename",
            "name",
        ],
    ),
    (
        Role::Id,
        &[
            "编号",
            "开发区编号",
            "园区编号",
            "代码",
            "开发区代码",
            "id",
            "zoneid",
        ],
    ),
    (
        Role::Region,
        &[
            "所在地区",
            "所在地",
            "地区",
            "地市",
            "所属地市",
            "所在市",
            "市",
            "region",
            "city",
        ],
    ),
    (
        Role::AsOf,
        &[
            "数据日期",
            "截止日期",
            "截至日期",
            "数据截止日期",
            "数据截至日期",
            "统计日期",
            "填报日期",
            "日期",
            "asof",
            "date",
        ],
    ),
    (Role::Source, &["来源", "数据来源", "source"]),
    (Role::RowNumber, &["序号", "no.", "no", "#"]),
];

/// The role a header names, if any.
pub fn role(header: &str) -> Option<Role> {
    let h = fold(header);
    ROLES
        .iter()
        .find(|(_, words)| words.iter().any(|w| fold(w) == h))
        .map(|(r, _)| *r)
}

/// Names in the zone column that are totals, not zones.
const TOTALS: &[&str] = &["合计", "总计", "小计", "全省", "全市", "total", "subtotal", "sum"];
/// How a note under a table starts.
const NOTES: &[&str] = &["注", "备注", "说明", "填表说明", "填报说明", "数据来源", "note"];

/// Whether a zone cell is a total or a note rather than a zone.
pub fn not_a_zone(text: &str) -> bool {
    let t = fold(text);
    TOTALS.contains(&t.as_str())
        || NOTES.iter().any(|n| {
            t.strip_prefix(n)
                .is_some_and(|rest| rest.starts_with([':', '：']))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_read_in_either_width_and_case() {
        assert_eq!(role("开发区名称"), Some(Role::Name));
        assert_eq!(role(" 开发区（园区）名称 "), Some(Role::Name));
        assert_eq!(role("Zone ID"), Some(Role::Id));
        assert_eq!(role("数据截至日期"), Some(Role::AsOf));
        assert_eq!(role("可供工业用地面积（亩）"), None);
    }

    #[test]
    fn totals_and_notes_are_not_zones() {
        assert!(not_a_zone("合计"));
        assert!(not_a_zone("注：数据截至2023年底"));
        assert!(not_a_zone("Note: figures as of 2023"));
        assert!(!not_a_zone("侯马经济开发区"));
        assert!(!not_a_zone("注塑产业园"));
    }
}
