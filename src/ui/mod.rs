//! The panels and widgets. Each draws state it is given and returns the commands the user asked
//! for; none saves a file or rescores. Colours and spacing live in [`theme`].

pub mod about;
pub mod breakdown;
pub mod checklist_view;
pub mod fonts;
pub mod health_view;
pub mod import_review;
pub mod inquiry_dialog;
pub mod map;
pub mod no_zones;
pub mod picker;
pub mod planning_view;
pub mod prompts;
pub mod report_view;
pub mod results_view;
pub mod start_view;
pub mod status_bar;
pub mod texts;
pub mod theme;
pub mod top_bar;
pub mod value_editor;
pub mod zones_view;
