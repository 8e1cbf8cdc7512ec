//! Loading whatever is given: encodings, broken files, manifests, lookup by name.

mod corpus_hostile;

use parallax::corpus::{Corpus, CorpusError, LoadOptions, Severity};
use std::path::Path;

fn warning_for<'a>(c: &'a Corpus, file: &str) -> Option<&'a parallax::corpus::Warning> {
    c.warnings
        .iter()
        .find(|w| w.path.file_name().and_then(|f| f.to_str()) == Some(file))
}

#[test]
fn hostile_directory_loads_what_it_can() {
    let h = corpus_hostile::make();
    let c = Corpus::load(h.path()).unwrap();
    let ids: Vec<&str> = c.articles.iter().map(|a| a.meta.id.as_str()).collect();
    for id in corpus_hostile::LOADABLE {
        assert!(
            ids.contains(id),
            "{id} not loaded: {ids:?} {:#?}",
            c.warnings
        );
    }
    assert!(!ids.contains(&"notes"), "only .txt/.md files are articles");
    for (file, word) in corpus_hostile::REFUSED {
        let w = warning_for(&c, file)
            .unwrap_or_else(|| panic!("no warning for {file}: {:#?}", c.warnings));
        assert_eq!(w.severity, Severity::Error);
        assert!(
            w.message.to_lowercase().contains(word),
            "{file}: {}",
            w.message
        );
        assert!(!ids.contains(&file.split('.').next().unwrap()));
    }
    if h.unreadable_enforced {
        let w = warning_for(&c, "unreadable.txt").unwrap();
        assert!(
            w.message.to_lowercase().contains("permission"),
            "{}",
            w.message
        );
    } else {
        eprintln!("running as root: unreadable.txt was readable; permission assertion skipped");
    }
    if h.fifo {
        let w = warning_for(&c, "fifo.txt").unwrap();
        assert!(w.message.contains("not a regular file"), "{}", w.message);
    }
    let get = |id: &str| &c.articles[c.find(id).unwrap()];
    assert_eq!(
        &*get("crlf").text,
        "CRLF headline\r\n\r\nFirst line.\r\nSecond line.\r\n"
    );
    assert_eq!(get("crlf").meta.title, "CRLF headline");
    assert_eq!(
        &*get("lonecr").text,
        "Lone CR headline\r\rOld Mac line one.\rOld Mac line two.\r"
    );
    assert_eq!(get("lonecr").meta.title, "Lone CR headline");
    assert!(get("bom").text.starts_with("BOM headline"), "BOM stripped");
    assert!(get("utf16le").text.contains("Zürich “quoted”"));
    assert!(get("utf16be").text.contains("Köln “quoted”"));
    assert!(
        get("latin1")
            .text
            .contains("Café crème brûlée – naïve façade")
    );
    assert!(get("latin1").text.contains("“said”"));
    assert!(get("nul").text.contains('\0'), "NUL kept in the text");
    assert!(warning_for(&c, "nul.txt").is_some_and(|w| w.severity == Severity::Note));
    assert!(warning_for(&c, "latin1.txt").is_some_and(|w| w.severity == Severity::Note));
    // Titles are display-safe.
    for a in &c.articles {
        assert!(
            parallax::sanitize::is_safe(&a.meta.title),
            "{:?}",
            a.meta.title
        );
        assert!(!a.meta.title.contains('\n'));
    }
    assert!(
        get("control")
            .meta
            .title
            .starts_with("Evil ␛title ␛red⟪RLO⟫txet"),
        "{}",
        get("control").meta.title
    );
}

#[test]
fn size_cap_is_configurable() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Short headline\n\nShort body.\n").unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Long headline\n\n".to_owned() + &"Word word. ".repeat(200),
    )
    .unwrap();
    let c = Corpus::load_with(dir.path(), &LoadOptions { max_bytes: 1000 }).unwrap();
    assert_eq!(c.articles.len(), 1);
    assert!(
        warning_for(&c, "b.txt")
            .unwrap()
            .message
            .contains("size cap")
    );
}

#[test]
fn missing_directory_and_file_as_directory() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let e = Corpus::load(&missing).unwrap_err();
    assert!(matches!(e, CorpusError::Missing(_)));
    assert!(e.to_string().contains("no such directory"));
    std::fs::write(dir.path().join("f.txt"), "x").unwrap();
    assert!(matches!(
        Corpus::load(&dir.path().join("f.txt")),
        Err(CorpusError::NotADirectory(_))
    ));
}

#[test]
fn malformed_manifest_falls_back_to_scanning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Headline A\n\nBody A.\n").unwrap();
    std::fs::write(dir.path().join("b.md"), "# Headline B\n\nBody B.\n").unwrap();
    std::fs::write(
        dir.path().join("corpus.toml"),
        "[[article]]\nfile = \"a.txt\"\ntitle = \"unterminated\n",
    )
    .unwrap();
    let c = Corpus::load(dir.path()).unwrap();
    assert_eq!(c.articles.len(), 2);
    let w = warning_for(&c, "corpus.toml").unwrap();
    assert_eq!(w.severity, Severity::Error);
    assert!(w.message.starts_with("line 3, column "), "{}", w.message);
    assert!(w.message.contains("instead"), "{}", w.message);
    assert_eq!(c.articles[c.find("b").unwrap()].meta.title, "Headline B");
}

#[test]
fn manifest_entries_missing_files_and_bad_entries() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Headline A\n\nBody A.\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), "Headline B\n\nBody B.\n").unwrap();
    std::fs::write(
        dir.path().join("corpus.toml"),
        "[[article]]\nfile = \"a.txt\"\ntitle = \"Given \\u001b[31m title\"\noutlet = \"The Daily\"\npublished = \"2025-01-02\"\n\n\
         [[article]]\nfile = \"gone.txt\"\n\n[[article]]\nfile = \"b.txt\"\nauthour = \"typo\"\n",
    )
    .unwrap();
    let c = Corpus::load(dir.path()).unwrap();
    assert_eq!(c.articles.len(), 1, "only a.txt is listed correctly");
    let a = &c.articles[0];
    assert_eq!(a.meta.title, "Given ␛ title");
    assert_eq!(a.meta.outlet.as_deref(), Some("The Daily"));
    assert_eq!(a.meta.published.as_deref(), Some("2025-01-02"));
    assert!(
        warning_for(&c, "gone.txt")
            .unwrap()
            .message
            .contains("missing")
    );
    let bad = c
        .warnings
        .iter()
        .find(|w| w.message.contains("authour"))
        .unwrap();
    assert!(
        bad.message.starts_with("line 10, column 1"),
        "{}",
        bad.message
    );
}

#[test]
fn titles_and_leading_dates_from_the_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.txt"), " date 2025-03-20 Officers are meeting in private in the UK on Thursday to discuss plans for a potential peacekeeping mission for Ukraine.\n").unwrap();
    std::fs::write(
        dir.path().join("e.txt"),
        "\n\n  date 2025-13-01 Not a date\n",
    )
    .unwrap();
    let c = Corpus::load(dir.path()).unwrap();
    let d = &c.articles[c.find("d").unwrap()];
    assert_eq!(d.meta.published.as_deref(), Some("2025-03-20"));
    assert!(d.meta.title.starts_with("Officers are meeting"));
    assert!(
        d.meta.title.ends_with('…') && d.meta.title.chars().count() <= 101,
        "{}",
        d.meta.title
    );
    let e = &c.articles[c.find("e").unwrap()];
    assert_eq!(e.meta.published, None, "invalid dates are not taken");
    assert_eq!(e.meta.outlet, None, "no outlet is invented");
}

#[test]
fn find_by_id_prefix_file_name_and_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let c = Corpus::load(&root).unwrap();
    assert_eq!(c.articles.len(), 5);
    assert!(c.warnings.is_empty(), "{:#?}", c.warnings);
    let i = c.find("003_99949d89f03e48ca").unwrap();
    assert_eq!(c.find("003"), Some(i));
    assert_eq!(c.find("003_99949d89f03e48ca.txt"), Some(i));
    assert_eq!(
        c.find(root.join("003_99949d89f03e48ca.txt").to_str().unwrap()),
        Some(i)
    );
    assert_eq!(c.find("00"), None, "ambiguous prefix");
    assert_eq!(c.find(""), None);
    assert_eq!(c.find("999"), None);
    assert_eq!(
        c.articles[c.find("004").unwrap()].meta.published.as_deref(),
        Some("2025-03-20")
    );
    assert_eq!(c.articles[c.find("000").unwrap()].meta.outlet, None);
}

#[test]
fn hidden_files_skipped_and_duplicate_ids_noted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Headline A\n\nBody A.\n").unwrap();
    std::fs::write(dir.path().join("a.md"), "Headline A md\n\nBody A md.\n").unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), "Hidden\n").unwrap();
    let c = Corpus::load(dir.path()).unwrap();
    assert_eq!(c.articles.len(), 2);
    assert_eq!(c.find("a"), None, "ambiguous id");
    assert_eq!(
        c.articles[c.find("a.md").unwrap()].meta.title,
        "Headline A md"
    );
    let w = c
        .warnings
        .iter()
        .find(|w| w.message.contains("same id"))
        .unwrap();
    assert_eq!(w.severity, Severity::Note);
}

#[test]
fn an_article_too_short_to_tell_is_read_in_the_corpus_language() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Los jefes de defensa de unos treinta países se reunieron el jueves en Londres \
                para debatir una fuerza de paz para Ucrania tras un alto el fuego. El primer \
                ministro británico habló con la prensa después de la reunión.";
    std::fs::write(dir.path().join("a.txt"), long).unwrap();
    std::fs::write(dir.path().join("b.txt"), "Unos treinta países.").unwrap();
    std::fs::write(dir.path().join("c.txt"), "Kurz.").unwrap();
    let other = "El ministro de Defensa anunció el viernes que el país enviará más soldados a \
                 la misión, aunque la oposición pidió un debate en el parlamento.";
    std::fs::write(dir.path().join("d.txt"), other).unwrap();
    let manifest = "[[article]]\nfile = \"c.txt\"\nlanguage = \"de\"\n\
                    [[article]]\nfile = \"a.txt\"\n[[article]]\nfile = \"b.txt\"\n\
                    [[article]]\nfile = \"d.txt\"\n";
    std::fs::write(dir.path().join("corpus.toml"), manifest).unwrap();
    let c = Corpus::load(dir.path()).unwrap();
    let lang = |id: &str| c.articles[c.find(id).unwrap()].lang;
    assert_eq!(
        parallax::text::Lang::detect("Unos treinta países."),
        parallax::text::Lang::Unknown
    );
    assert_eq!(lang("a"), parallax::text::Lang::Spanish);
    assert_eq!(lang("b"), parallax::text::Lang::Spanish);
    // A language the manifest states is kept.
    assert_eq!(lang("c"), parallax::text::Lang::German);
}

#[test]
fn an_article_clearly_in_a_language_without_rules_keeps_it() {
    // Chinese has no rules of ours (it is `Unknown`), but the text says clearly what it is:
    // it is not read with French stems and number words because the rest of the corpus is.
    let dir = tempfile::tempdir().unwrap();
    let fr = "Les chefs militaires d'une trentaine de pays se sont réunis jeudi à Londres pour \
              discuter d'une force de maintien de la paix en Ukraine après un cessez-le-feu.";
    std::fs::write(dir.path().join("a.txt"), fr).unwrap();
    std::fs::write(dir.path().join("b.txt"), fr.replace("jeudi", "mercredi")).unwrap();
    let zh = "国防部长们星期四在伦敦开会，讨论停火后派往乌克兰的维和部队。\
              大约三十个国家参加了会议，英国首相说这是一个历史性的时刻。";
    std::fs::write(dir.path().join("c.txt"), zh).unwrap();
    let c = Corpus::load(dir.path()).unwrap();
    let lang = |id: &str| c.articles[c.find(id).unwrap()].lang;
    assert_eq!(lang("a"), parallax::text::Lang::French);
    assert_eq!(lang("c"), parallax::text::Lang::Unknown);
}

#[test]
fn chinese_and_japanese_lengths_are_characters() {
    use parallax::corpus::{Article, ArticleMeta, Length};
    let len = |text: &str| Article::from_text(ArticleMeta::default(), text).length();
    // The segmenter makes every ideograph a word: "12 words" would be wrong.
    assert_eq!(
        len("中央道で夜行バス横転。二人死亡。"),
        Length::Characters(14)
    );
    assert_eq!(len("暴雨造成2人死亡。"), Length::Characters(8));
    assert_eq!(
        len("Officers from over 20 countries met."),
        Length::Words(6)
    );
    // Korean is written with spaces: words.
    assert_eq!(
        len("대통령은 오늘 서울에서 정상과 만났다."),
        Length::Words(5)
    );
    assert_eq!(Length::Words(6).to_string(), "6 words");
    assert_eq!(Length::Characters(14).to_string(), "14 characters");
}
