//! The terminal reader: app state, keymap, widgets and the event loop.

use crate::corpus::Corpus;

/// Run the reader on `corpus` until the user quits.
pub fn run(_corpus: Corpus) -> anyhow::Result<()> {
    anyhow::bail!("the reader is not implemented yet")
}
