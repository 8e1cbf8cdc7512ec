//! Review notes: confirmed/dismissed disagreements with notes, stored atomically beside the corpus.
