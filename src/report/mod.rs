//! Report writers: JSON, Markdown and self-contained HTML.
