//! Review notes: confirmed/dismissed disagreements with notes, stored atomically beside the corpus.
//!
//! # Where notes live
//! The corpus is read-only to Parallax, so notes never go inside it. By default a corpus
//! directory `…/news` keeps its notes in the sibling file `…/news.review.json`
//! ([`default_path`]); `--review FILE` overrides that. [`ReviewStore::path`] gives the file in
//! use (for the status line).
//!
//! # File format (version 1)
//! ```json
//! {"version": 1,
//!  "reviews": [{"key": {"kind": "number_conflict",
//!                       "a": {"hash": "sha256:…", "spans": ["some thirty"], "context": "…", "offsets": [{"start": 10, "end": 21}]},
//!                       "b": {…}},
//!               "verdict": "confirmed", "note": "checked the communiqué", "updated": 1742460000}]}
//! ```
//!
//! # How a note finds its disagreement again
//! A note is keyed by both articles' content hashes (SHA-256 of the text), the disagreement's
//! kind, the exact text of its spans on both sides, the text of the sentences around them, and
//! (as a hint) the byte offsets. Row and sentence indices are not part of the key, so notes survive
//! re-segmentation, re-alignment and swapping A and B: see [`ReviewKey::matches`]. When an article's text changes
//! its hash changes and its old notes no longer apply (they stay in the file).
//!
//! # Crash safety and concurrency
//! Every change rewrites the whole file atomically: a temporary file in the same directory is
//! written and fsynced, renamed over the target, and the directory is fsynced. Killing the process
//! at any moment leaves either the old or the new file, never a mix; stray temporary files
//! (`.NAME.*.tmp`) are ignored when loading. Before each write the store re-reads the file, so two
//! instances that write notes about *different* disagreements both keep theirs; when they write
//! the same note at the same moment the last writer wins. The file is never left corrupt.
//! A damaged file (unreadable JSON, wrong version) is renamed to `NAME.damaged-<UTC time>` and
//! reported, never silently overwritten.

use crate::compare::{Comparison, Disagreement, DisagreementKind};
use crate::corpus::Article;
use crate::text::Span;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The version written to, and required of, review files.
pub const FORMAT_VERSION: u32 = 1;

/// Longest note accepted, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

/// A reader's judgement of a disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The sources really disagree here.
    Confirmed,
    /// A false alarm.
    Dismissed,
}

impl Verdict {
    /// `"confirmed"` / `"dismissed"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Confirmed => "confirmed",
            Verdict::Dismissed => "dismissed",
        }
    }
}

/// One side of a [`ReviewKey`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SideKey {
    /// Content hash of the whole article text (`sha256:<hex>`).
    pub hash: String,
    /// The exact text of each span of the disagreement on this side (empty when only the other
    /// side says it).
    pub spans: Vec<String>,
    /// The sentences around the spans (or the row's sentences when there are none), with runs of
    /// whitespace collapsed to one space.
    pub context: String,
    /// Byte offsets of the spans; only a hint (the text above is what counts).
    #[serde(default)]
    pub offsets: Vec<Span>,
}

/// What identifies a disagreement across runs, re-segmentation and re-alignment.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ReviewKey {
    pub kind: DisagreementKind,
    pub a: SideKey,
    pub b: SideKey,
}

/// SHA-256 of `text`, as `sha256:<64 hex digits>`.
pub fn content_hash(text: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(text.as_bytes());
    let mut s = String::with_capacity(7 + 64);
    s.push_str("sha256:");
    for byte in digest {
        s.push_str(&format!("{byte:02x}"));
    }
    s
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn side_key(art: &Article, spans: &[Span], row_sentences: &[usize]) -> SideKey {
    let text: &str = &art.text;
    let valid = |s: &Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let spans: Vec<Span> = spans.iter().copied().filter(valid).collect();
    // Sentences that overlap (or, for an empty span, contain) one of the spans.
    let mut around: Vec<usize> = (0..art.doc.sentences.len())
        .filter(|&i| {
            let ss = art.doc.sentences[i].span;
            spans.iter().any(|s| {
                (s.start < ss.end && ss.start < s.end)
                    || (s.is_empty() && ss.start <= s.start && s.start <= ss.end)
            })
        })
        .collect();
    if around.is_empty() {
        around = row_sentences
            .iter()
            .copied()
            .filter(|&i| i < art.doc.sentences.len())
            .collect();
    }
    let context = collapse_ws(
        &around
            .iter()
            .map(|&i| art.sentence(i))
            .collect::<Vec<_>>()
            .join(" "),
    );
    SideKey {
        hash: content_hash(text),
        spans: spans.iter().map(|s| s.slice(text).to_owned()).collect(),
        context,
        offsets: spans,
    }
}

impl ReviewKey {
    /// The key of disagreement `d` of the comparison `cmp` of `a` with `b`.
    pub fn for_disagreement(
        a: &Article,
        b: &Article,
        cmp: &Comparison,
        d: &Disagreement,
    ) -> ReviewKey {
        let row = cmp.rows.get(d.row);
        ReviewKey {
            kind: d.kind,
            a: side_key(a, &d.a, row.map_or(&[][..], |r| &r.a[..])),
            b: side_key(b, &d.b, row.map_or(&[][..], |r| &r.b[..])),
        }
    }

    /// Whether a stored key `self` refers to the same disagreement as `fresh`.
    ///
    /// Required: same kind, same article hashes and the same span texts on both sides. Then
    /// either the byte offsets agree (same text, so the same place, whatever the segmentation)
    /// or the surrounding sentence text agrees on both sides (the same sentence repeated).
    /// The pair may be the other way round (the user swapped A and B): every kind of
    /// disagreement is symmetric, so a note on A–B holds for B–A.
    pub fn matches(&self, fresh: &ReviewKey) -> bool {
        self.kind == fresh.kind
            && (matches_sides((&self.a, &self.b), (&fresh.a, &fresh.b))
                || matches_sides((&self.b, &self.a), (&fresh.a, &fresh.b)))
    }

    /// How closely `self` fits `fresh` (higher is closer); used to pick among several matches.
    /// The orientation that matches counts; the same orientation wins a tie.
    fn closeness(&self, fresh: &ReviewKey) -> u8 {
        let same = closeness_sides((&self.a, &self.b), (&fresh.a, &fresh.b));
        let swapped = closeness_sides((&self.b, &self.a), (&fresh.a, &fresh.b));
        if matches_sides((&self.a, &self.b), (&fresh.a, &fresh.b)) {
            2 * same + 1
        } else {
            2 * swapped
        }
    }
}

/// [`ReviewKey::matches`] for one orientation: stored sides `(a, b)`, fresh sides `(fa, fb)`.
fn matches_sides((a, b): (&SideKey, &SideKey), (fa, fb): (&SideKey, &SideKey)) -> bool {
    let same_core = |x: &SideKey, y: &SideKey| x.hash == y.hash && x.spans == y.spans;
    same_core(a, fa)
        && same_core(b, fb)
        && ((a.offsets == fa.offsets && b.offsets == fb.offsets)
            || (a.context == fa.context && b.context == fb.context))
}

fn closeness_sides((a, b): (&SideKey, &SideKey), (fa, fb): (&SideKey, &SideKey)) -> u8 {
    u8::from(a.offsets == fa.offsets)
        + u8::from(b.offsets == fb.offsets)
        + u8::from(a.context == fa.context)
        + u8::from(b.context == fb.context)
}

/// A stored review of one disagreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub key: ReviewKey,
    pub verdict: Verdict,
    /// The reader's note (may be empty). Untrusted on display: sanitise it like article text.
    #[serde(default)]
    pub note: String,
    /// When the review was last set, in seconds since the Unix epoch.
    #[serde(default)]
    pub updated: u64,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileFormat {
    version: u32,
    reviews: Vec<Review>,
}

/// Something the user should be told about, but that did not stop the store from working.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The review file concerned.
    pub path: PathBuf,
    /// Where a damaged file was moved to.
    pub moved_to: Option<PathBuf>,
    /// One line for people.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Errors of the review store.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("{}: {}", .0.display(), .1)]
    Io(PathBuf, std::io::Error),
    #[error("note is too long ({0} characters; at most {MAX_NOTE_CHARS})")]
    NoteTooLong(usize),
}

/// The default review file for a corpus directory: the sibling `<dir name>.review.json`
/// (for `/data/news` that is `/data/news.review.json`).
pub fn default_path(corpus_dir: &Path) -> PathBuf {
    let abs = std::fs::canonicalize(corpus_dir).unwrap_or_else(|_| corpus_dir.to_path_buf());
    match (abs.parent(), abs.file_name()) {
        (Some(parent), Some(name)) => {
            let mut file = name.to_os_string();
            file.push(".review.json");
            parent.join(file)
        }
        // The filesystem root has no sibling: use the working directory.
        _ => PathBuf::from("parallax.review.json"),
    }
}

/// The review notes of one file, kept in memory and written through atomically.
#[derive(Debug)]
pub struct ReviewStore {
    path: PathBuf,
    reviews: Vec<Review>,
}

enum Loaded {
    Missing,
    Good(Vec<Review>),
    Damaged(String),
}

fn read_file(path: &Path) -> Result<Loaded, ReviewError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Loaded::Missing),
        Err(e) => return Err(ReviewError::Io(path.to_path_buf(), e)),
    };
    // Check the version first, so that a file of another version is named as such.
    let value: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => return Ok(Loaded::Damaged(format!("not valid JSON ({e})"))),
    };
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(FORMAT_VERSION) => {}
        Some(v) => {
            return Ok(Loaded::Damaged(format!(
                "version {v}, expected {FORMAT_VERSION}"
            )));
        }
        None => return Ok(Loaded::Damaged("no version field".to_owned())),
    }
    match serde_json::from_value::<FileFormat>(value) {
        Ok(f) => Ok(Loaded::Good(f.reviews)),
        Err(e) => Ok(Loaded::Damaged(format!("not a review file ({e})"))),
    }
}

/// `YYYYMMDDTHHMMSSZ` for a Unix time (UTC).
fn utc_stamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Rename a damaged file to `NAME.damaged-<stamp>` (never replacing an earlier one).
fn move_aside(path: &Path, why: &str) -> Result<Warning, ReviewError> {
    let io = |e| ReviewError::Io(path.to_path_buf(), e);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "review".to_owned());
    let stamp = utc_stamp(now_secs());
    let mut n = 0u32;
    let target = loop {
        let candidate = if n == 0 {
            path.with_file_name(format!("{name}.damaged-{stamp}"))
        } else {
            path.with_file_name(format!("{name}.damaged-{stamp}-{n}"))
        };
        if !candidate.exists() {
            break candidate;
        }
        n += 1;
    };
    std::fs::rename(path, &target).map_err(io)?;
    sync_dir(path).map_err(io)?;
    Ok(Warning {
        path: path.to_path_buf(),
        moved_to: Some(target.clone()),
        message: format!(
            "review file {} is damaged ({why}); kept it as {} and started a new one",
            path.display(),
            target.display()
        ),
    })
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(unix)]
fn sync_dir(path: &Path) -> std::io::Result<()> {
    std::fs::File::open(parent_dir(path))?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_path: &Path) -> std::io::Result<()> {
    // Directories cannot be opened for syncing here; the rename is still atomic.
    Ok(())
}

/// Write `bytes` to `path` atomically: temp file in the same directory, fsync, rename, fsync dir.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = parent_dir(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // Keep the permissions of the file being replaced (a new file stays private: 0600).
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(path)
}

impl ReviewStore {
    /// Open (or start) the review file at `path`. A missing file is an empty store; a damaged
    /// one is moved aside and reported in the warning. Fails only on I/O errors.
    pub fn open(path: impl Into<PathBuf>) -> Result<(ReviewStore, Option<Warning>), ReviewError> {
        let path = path.into();
        let (reviews, warning) = match read_file(&path)? {
            Loaded::Missing => (Vec::new(), None),
            Loaded::Good(r) => (r, None),
            Loaded::Damaged(why) => (Vec::new(), Some(move_aside(&path, &why)?)),
        };
        Ok((ReviewStore { path, reviews }, warning))
    }

    /// The review file this store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// All stored reviews, in the order they were first set.
    pub fn reviews(&self) -> &[Review] {
        &self.reviews
    }

    pub fn len(&self) -> usize {
        self.reviews.len()
    }

    pub fn is_empty(&self) -> bool {
        self.reviews.is_empty()
    }

    fn find(&self, key: &ReviewKey) -> Option<usize> {
        (0..self.reviews.len())
            .filter(|&i| self.reviews[i].key.matches(key))
            .max_by_key(|&i| (self.reviews[i].key.closeness(key), std::cmp::Reverse(i)))
    }

    /// The review stored for the disagreement `key` identifies, if any.
    pub fn get(&self, key: &ReviewKey) -> Option<&Review> {
        self.find(key).map(|i| &self.reviews[i])
    }

    /// Convenience: the review of disagreement `d`.
    pub fn get_for(
        &self,
        a: &Article,
        b: &Article,
        cmp: &Comparison,
        d: &Disagreement,
    ) -> Option<&Review> {
        self.get(&ReviewKey::for_disagreement(a, b, cmp, d))
    }

    /// Re-read the file so that notes written meanwhile by another instance are kept.
    fn refresh(&mut self) -> Result<Option<Warning>, ReviewError> {
        match read_file(&self.path)? {
            Loaded::Missing => Ok(None),
            Loaded::Good(r) => {
                self.reviews = r;
                Ok(None)
            }
            // Someone damaged the file while we had it open: keep it aside and write ours.
            Loaded::Damaged(why) => move_aside(&self.path, &why).map(Some),
        }
    }

    fn save(&self) -> Result<(), ReviewError> {
        let file = FileFormat {
            version: FORMAT_VERSION,
            reviews: self.reviews.clone(),
        };
        let mut json = serde_json::to_vec_pretty(&file).expect("review file serialises");
        json.push(b'\n');
        write_atomic(&self.path, &json).map_err(|e| ReviewError::Io(self.path.clone(), e))
    }

    /// Set (or replace) the review of `key` and write the file atomically. Returns a warning
    /// when the file on disk had been damaged meanwhile (it was moved aside).
    pub fn set(
        &mut self,
        key: ReviewKey,
        verdict: Verdict,
        note: impl Into<String>,
    ) -> Result<Option<Warning>, ReviewError> {
        let note = note.into();
        let chars = note.chars().count();
        if chars > MAX_NOTE_CHARS {
            return Err(ReviewError::NoteTooLong(chars));
        }
        let warning = self.refresh()?;
        let review = Review {
            key,
            verdict,
            note,
            updated: now_secs(),
        };
        match self.find(&review.key) {
            Some(i) => self.reviews[i] = review,
            None => self.reviews.push(review),
        }
        self.save()?;
        Ok(warning)
    }

    /// Remove the review of `key`, if there is one, and write the file atomically.
    /// Returns whether a review was removed.
    pub fn remove(&mut self, key: &ReviewKey) -> Result<bool, ReviewError> {
        self.refresh()?;
        match self.find(key) {
            Some(i) => {
                self.reviews.remove(i);
                self.save()?;
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_stamp_known_dates() {
        assert_eq!(utc_stamp(0), "19700101T000000Z");
        assert_eq!(utc_stamp(1_742_472_000), "20250320T120000Z");
        assert_eq!(utc_stamp(951_782_400), "20000229T000000Z");
    }

    #[test]
    fn content_hash_is_sha256() {
        assert_eq!(
            content_hash("abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn default_path_is_a_sibling_of_the_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("news");
        std::fs::create_dir(&corpus).unwrap();
        let p = default_path(&corpus);
        assert_eq!(p.file_name().unwrap(), "news.review.json");
        assert_eq!(
            p.parent().unwrap(),
            std::fs::canonicalize(dir.path()).unwrap()
        );
        assert!(!p.starts_with(std::fs::canonicalize(&corpus).unwrap()));
    }
}
