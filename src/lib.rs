//! Parallax: compare how different news outlets report the same event.
//!
//! The pipeline flows one way (see `DESIGN.md`):
//! `corpus` → `text` → `align` → `compare` → `view` → `tui` / `report` / cli.
//! Everything left of `view` is pure: it takes text and returns values.

pub mod align;
pub mod compare;
pub mod corpus;
pub mod par;
pub mod report;
pub mod review;
pub mod sanitize;
pub mod text;
pub mod tui;
pub mod view;

pub use text::Span;
