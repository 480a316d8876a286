//! What messages name and where they say a problem is: [`Named`] catalog entries, [`Key`]
//! keywords of the file formats, and the [`Step`]s of fields a problem was found in. Renders
//! names only; knows nothing of the problems themselves.

use crate::model::text::{Lang, Text, join_list};

/// Something of the catalog a message names: its id, which files use, and its names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Named {
    pub id: String,
    /// Boxed, so that errors carrying names stay small to return.
    pub name: Box<Text>,
}

impl Named {
    pub fn new(id: impl Into<String>, name: Text) -> Self {
        Named {
            id: id.into(),
            name: Box::new(name),
        }
    }

    /// The name alone (`亩`, `mu`); the id when the catalog gives no name.
    pub fn name(&self, lang: Lang) -> &str {
        match self.name.get(lang) {
            "" => &self.id,
            name => name,
        }
    }

    /// How a message names it: `可供工业用地面积` in Chinese, `Available industrial land
    /// (`land.industrial_area`)` in English.
    pub fn label(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("“{}”", self.name(lang)),
            Lang::En if self.name.en.trim().is_empty() || self.name.en == self.id => {
                format!("`{}`", self.id)
            }
            Lang::En => format!("{} (`{}`)", self.name.en, self.id),
        }
    }

    /// How a "did you mean" hint offers it: the name in Chinese (files accept it where the
    /// hint is for a value), the id to type and the name in English.
    pub fn hint(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("是否指“{}”？", self.name(lang)),
            Lang::En if self.name.en.trim().is_empty() || self.name.en == self.id => {
                format!("did you mean `{}`?", self.id)
            }
            // A name that starts with its code (`C30 Manufacture of …`) says both already.
            Lang::En if self.name.en.starts_with(&self.id) => format!("did you mean {}?", self.name.en),
            Lang::En => format!("did you mean `{}` ({})?", self.id, self.name.en),
        }
    }
}

/// A hint appended to a message: "；是否指“…”？" / "; did you mean `…`?".
pub(super) fn hint(suggestion: Option<&Named>, lang: Lang) -> String {
    suggestion.map_or_else(String::new, |s| match lang {
        Lang::Zh => format!("；{}", s.hint(lang)),
        Lang::En => format!("; {}", s.hint(lang)),
    })
}

/// A keyword of the file formats: a field name (`as_of`) or a variant (`Must`). The Chinese
/// rendering says what it is in words (数据日期), the English one shows it as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key(pub String);

impl Key {
    pub fn new(key: impl Into<String>) -> Self {
        Key(key.into())
    }

    /// What the keyword means, in Chinese, when it is one of the formats' own.
    pub fn word_zh(&self) -> Option<&'static str> {
        Some(match self.0.as_str() {
            "name" => "名称",
            "region" => "所在地区",
            "contact" => "联系方式",
            "contact_en" => "英文联系方式",
            "as_of" => "数据日期",
            "factors" => "要素",
            "value" => "数值",
            "source" => "来源",
            "illustrative" => "示例值标记",
            "investor" => "投资方",
            "project" => "项目名称",
            "industry" => "行业",
            "total_investment" => "总投资",
            "planned_intensity" => "计划投资强度",
            "planned_tax_per_mu" => "计划亩均税收",
            "items" => "要素需求",
            "required" => "要求",
            "importance" => "重要程度",
            "note" => "备注",
            "zh" => "中文名称",
            "en" => "英文名称",
            "Must" => "必须",
            "High" => "高",
            "Medium" => "中",
            "Low" => "低",
            "NotNeeded" => "不需要",
            "Yes" => "是",
            "No" => "否",
            "Planned" => "计划",
            "units" => "单位",
            "categories" => "类别",
            "vocabularies" => "词表",
            "tiers" => "就绪等级",
            "default_tolerance" => "默认容差",
            "industry_vocabulary" => "行业词表",
            "tolerance" => "容差",
            "max" => "上限",
            "id" => "编号",
            "kind" => "类型",
            "unit" => "单位",
            "also" => "其他单位",
            "scale" => "换算系数",
            "dimension" => "量纲",
            "members" => "成员",
            "category" => "类别",
            "default_from" => "需求来源",
            "met" => "须满足",
            "known" => "须已知",
            "planned_within_months" => "计划期限（月）",
            "show_ids" => "显示编号",
            "pipeline" => "项目进度",
            "location" => "位置",
            "lat" => "纬度",
            "lon" => "经度",
            "stage" => "阶段",
            "reached" => "各阶段日期",
            "officer" => "责任人",
            "zone" => "落地开发区",
            "start_deadline" => "约定开工时间",
            "planned_start" => "计划开工时间",
            "planned" => "计划值",
            "by" => "计划日期",
            "records" => "修改记录",
            "at" => "修改时间",
            "who" => "修改人",
            "how" => "修改方式",
            "zone_id" => "开发区编号",
            "changes" => "修改内容",
            "key" => "要素编号",
            "field" => "修改项",
            "old" => "原值",
            "new" => "新值",
            "Editor" => "编辑器",
            "Import" => "导入",
            "owner" => "责任单位",
            "default_owner" => "默认责任单位",
            "Lead" => "线索",
            "Negotiating" => "在谈",
            "Signed" => "签约",
            "LandSupplied" => "供地",
            "Started" => "开工",
            "Producing" => "投产",
            "Shelved" => "搁置",
            _ => return None,
        })
    }

    /// `数据日期` / `` `as_of` ``: the field as running text names it.
    pub fn text(&self, lang: Lang) -> String {
        match (lang, self.word_zh()) {
            (Lang::Zh, Some(word)) => word.to_owned(),
            _ => format!("`{}`", self.0),
        }
    }

    /// `as_of（数据日期）` / `` `as_of` ``: the keyword as one may write it, with its meaning.
    pub fn choice(&self, lang: Lang) -> String {
        match (lang, self.word_zh()) {
            (Lang::Zh, Some(word)) => format!("{}（{word}）", self.0),
            (Lang::Zh, None) => self.0.clone(),
            (Lang::En, _) => format!("`{}`", self.0),
        }
    }
}

pub(super) fn choices(keys: &[Key], lang: Lang, last: &str) -> String {
    let items: Vec<String> = keys.iter().map(|k| k.choice(lang)).collect();
    let last = match lang {
        Lang::Zh => "或",
        Lang::En => last,
    };
    join_list(&items, lang, last)
}

/// One level of what was being read: a field, or the entry of a factor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Field(Key),
    Factor(Named),
}

/// The fields a problem is in, as running text: "可新增供电容量的来源" / "Spare power capacity
/// (`power.capacity`): `source`". The `factors` / `items` map is left out before a factor.
pub(super) fn context_text(steps: &[Step], lang: Lang) -> String {
    let parts: Vec<String> = steps
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            let map = matches!(s, Step::Field(Key(k)) if k == "factors" || k == "items");
            !(map && matches!(steps.get(i + 1), Some(Step::Factor(_))))
        })
        .map(|(_, s)| match s {
            Step::Field(key) => key.text(lang),
            Step::Factor(named) => match lang {
                Lang::Zh => named.name(lang).to_owned(),
                Lang::En => named.label(lang),
            },
        })
        .collect();
    parts.join(match lang {
        Lang::Zh => "的",
        Lang::En => ": ",
    })
}
