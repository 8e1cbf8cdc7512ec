//! Per-language data for sentence segmentation: abbreviations and the function words
//! that, capitalised, usually start a sentence.
//!
//! Lists are written in lower case unless an entry is only an abbreviation when
//! capitalised (e.g. `Mar` for March, but `mar` is an English verb): such entries are
//! written capitalised and match only capitalised or all-caps words.

use super::Lang;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Segmentation rules for one language.
#[derive(Debug, Default)]
pub(crate) struct Rules {
    /// Abbreviations matched in any case (stored lower case).
    abbr_any_case: HashSet<String>,
    /// The language's own abbreviations (not the common ones), the only ones read after an
    /// elided article ("l'Avv.", "dell'Ing."): "l'est" (east) is no abbreviation.
    abbr_own: HashSet<String>,
    /// Abbreviations matched only when capitalised or all caps (stored lower case).
    abbr_capitalised: HashSet<String>,
    /// Abbreviations that only count as such before a number ("No. 5", "Art. 3").
    abbr_before_number: HashSet<String>,
    /// Lower-case function words that, capitalised, usually begin a sentence.
    starters: HashSet<String>,
    /// Unit symbols written without a full stop after a number, though also abbreviations
    /// elsewhere (Russian "1250 см" centimetres, "см." see): after a number, a full stop
    /// that follows one, before a capitalised word, ends the sentence.
    units: HashSet<String>,
    /// Abbreviations of "year" written after a number (Polish "2023 r."), where a full stop
    /// before a capitalised word ends the sentence unless the date opens it.
    year_marks: HashSet<String>,
    /// A number followed by a full stop is usually an ordinal ("am 12. Juni").
    pub ordinal_dot: bool,
}

/// Abbreviations that count in every language written in Latin script.
const COMMON_ABBR: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mssrs", "dr", "drs", "prof", "profs", "st", "sts", "mt", "mts",
    "ft", "gen", "sen", "sens", "rep", "reps", "gov", "govt", "lt", "col", "capt", "cpt", "sgt",
    "cmdr", "cdr", "adm", "maj", "brig", "rev", "hon", "pres", "supt", "insp", "cpl", "pvt", "jr",
    "sr", "co", "corp", "inc", "ltd", "llc", "llp", "bros", "plc", "etc", "vs", "cf", "approx",
    "dept", "est", "figs", "vols", "eds", "al", "ca", "ave", "blvd", "rd", "hwy", "sq", "lbs",
    "oz", "hrs", "mins", "secs", "univ", "assn", "intl", "natl", "mfg", "esp", "incl", "excl",
    "ibid", "viz", "resp", "dist", "e.g", "i.e", "cie", "ph.d",
];

const COMMON_CAPITALISED: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Ala", "Ariz", "Ark",
    "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md",
    "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn",
    "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

const COMMON_BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "nr", "n°", "nº", "art", "arts", "vol", "ch", "chap", "sec", "para", "pt", "pts",
    "p", "pp", "pg", "fig", "op", "tel", "ext", "min", "max", "ed", "s", "n", "núm", "num",
];

const EN_STARTERS: &[&str] = &[
    "a",
    "an",
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "their",
    "his",
    "her",
    "its",
    "our",
    "my",
    "your",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "however",
    "meanwhile",
    "in",
    "on",
    "at",
    "for",
    "with",
    "after",
    "before",
    "when",
    "while",
    "where",
    "what",
    "who",
    "whom",
    "whose",
    "which",
    "why",
    "how",
    "if",
    "as",
    "although",
    "though",
    "since",
    "because",
    "many",
    "most",
    "some",
    "several",
    "both",
    "each",
    "every",
    "all",
    "not",
    "did",
    "does",
    "do",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "would",
    "can",
    "could",
    "should",
    "might",
    "must",
    "being",
    "millions",
    "more",
    "other",
    "such",
    "then",
    "today",
    "yesterday",
    "also",
    "still",
    "even",
    "only",
    "now",
    "here",
    "once",
    "during",
    "despite",
    "according",
    "instead",
    "thus",
    "therefore",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "indeed",
    "later",
    "earlier",
    "until",
    "unless",
    "whether",
    "from",
    "by",
    "to",
    "of",
    "about",
    "among",
    "between",
    "under",
    "over",
    "through",
    "without",
    "within",
    "no",
    "one",
    "two",
    "three",
    "let",
    "please",
    "yes",
    "again",
];

const DE_ABBR: &[&str] = &[
    "bzw", "usw", "ggf", "evtl", "vgl", "sog", "inkl", "zzgl", "bspw", "u.a", "d.h", "z.b", "z.t",
    "o.ä", "u.ä", "mio", "mrd", "jh", "jhd", "bd", "hr", "hrn", "fr", "frl", "dipl", "ing", "str",
    "geb", "gest", "verh", "hl", "röm", "chr", "allg", "bes", "betr", "dgl", "einschl", "entspr",
    "gegr", "gem", "ggü", "mind", "od", "rd", "sek", "std", "tsd", "urspr", "usf", "zit", "zw",
    "u", "v", "abt", "anm", "aufl", "erw", "hrsg", "jahrh", "lfd", "u.u", "v.a", "z.z", "zz",
    "a.d", "i.d.r", "m.e", "s.o", "s.u", "brit", "dt", "franz", "amerik", "ital", "österr",
    "schweiz", "kath", "ev", "engl", "lat", "griech", "russ", "poln", "span", "med", "phil", "rer",
    "nat", "jur", "theol", "habil",
];
const DE_BEFORE_NUMBER: &[&str] = &["abs", "ziff", "bd", "s", "nr", "tab", "abb", "kap"];
const DE_CAPITALISED: &[&str] = &[
    "Jan", "Febr", "Mär", "Apr", "Aug", "Sept", "Okt", "Nov", "Dez",
];
const DE_STARTERS: &[&str] = &[
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einen",
    "einem",
    "einer",
    "er",
    "sie",
    "es",
    "wir",
    "ich",
    "ihr",
    "man",
    "und",
    "aber",
    "doch",
    "denn",
    "oder",
    "dies",
    "diese",
    "dieser",
    "dieses",
    "im",
    "in",
    "am",
    "an",
    "auf",
    "mit",
    "nach",
    "vor",
    "bei",
    "von",
    "zu",
    "zum",
    "zur",
    "für",
    "über",
    "unter",
    "als",
    "wenn",
    "wie",
    "was",
    "wer",
    "wo",
    "warum",
    "weil",
    "dass",
    "ob",
    "auch",
    "so",
    "dann",
    "da",
    "nun",
    "heute",
    "gestern",
    "jetzt",
    "nicht",
    "kein",
    "keine",
    "mehr",
    "alle",
    "viele",
    "seit",
    "trotz",
    "während",
    "laut",
    "damit",
    "deshalb",
    "daher",
    "zudem",
    "außerdem",
    "jedoch",
    "allerdings",
    "bereits",
    "schon",
    "noch",
    "sein",
    "seine",
    "unser",
    "unsere",
    "dabei",
    "dort",
    "hier",
    "zwar",
    "immer",
];

const FR_ABBR: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "mlles", "me", "mgr", "pr", "ste", "env", "av", "apr",
    "j.-c", "éd", "bd", "fg", "p.ex", "c.-à-d", "sté", "hab", "gén", "cdt", "adj", "cap", "cie",
    "dép", "boul",
];
const FR_STARTERS: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "du",
    "de",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "nous",
    "vous",
    "je",
    "j",
    "ce",
    "cet",
    "cette",
    "ces",
    "c",
    "mais",
    "et",
    "ou",
    "donc",
    "car",
    "dans",
    "en",
    "pour",
    "par",
    "sur",
    "avec",
    "sans",
    "selon",
    "après",
    "avant",
    "depuis",
    "pendant",
    "lorsque",
    "quand",
    "si",
    "comme",
    "alors",
    "puis",
    "ensuite",
    "cependant",
    "pourtant",
    "toutefois",
    "aujourd",
    "hier",
    "plus",
    "tous",
    "toutes",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "qui",
    "que",
    "quoi",
    "où",
    "pourquoi",
    "comment",
    "ni",
    "y",
    "à",
    "au",
    "aux",
    "d",
    "qu",
    "n",
    "s",
];

const ES_ABBR: &[&str] = &[
    "sr", "sra", "srta", "sres", "sras", "dra", "lic", "ing", "arq", "profa", "ud", "uds", "vd",
    "vds", "pág", "págs", "aprox", "avda", "av", "gral", "cnel", "tte", "sgto", "excmo", "excma",
    "sto", "sta", "dcha", "izq", "cía", "admón", "dpto", "ee.uu", "fdo", "ej", "cap", "máx", "mín",
    "aa.vv", "d", "dña", "vda",
];
/// Spanish plurals abbreviated by doubling initials, written with a space: "EE. UU." (Estados
/// Unidos), "FF. AA." (Fuerzas Armadas), "CC. OO.", "RR. HH.", "JJ. OO.", "SS. MM.".
/// Months and days that differ from the English ones ("30 Ago. 1984", "Lun. 15 de Mar.").
const ES_CAPITALISED: &[&str] = &[
    "AA", "CC", "DD", "EE", "FF", "HH", "JJ", "LL", "MM", "OO", "PP", "RR", "SS", "UU", "VV",
    "Ene", "Abr", "Ago", "Dic", "Lun", "Mié", "Jue", "Vie", "Sáb", "Dom",
];
/// Spanish abbreviations before a number: "párrf. 5" (párrafo), "Cra. 7" and "Cll. 40"
/// (carrera, calle: Colombian addresses).
const ES_BEFORE_NUMBER: &[&str] = &["párr", "párrf", "cra", "cll"];
const ES_STARTERS: &[&str] = &[
    "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "él", "ella", "ellos", "ellas",
    "nosotros", "yo", "tú", "usted", "este", "esta", "estos", "estas", "ese", "esa", "eso", "esto",
    "pero", "y", "o", "en", "por", "para", "con", "sin", "según", "tras", "desde", "durante",
    "cuando", "si", "como", "aunque", "porque", "además", "también", "hoy", "ayer", "más", "todos",
    "todas", "su", "sus", "que", "qué", "quién", "dónde", "cómo", "no", "se", "al", "del", "de",
    "a", "hay", "es", "fue", "buenos", "buenas",
];

const IT_ABBR: &[&str] = &[
    "sig", "sigg", "sig.ra", "dott", "dott.ssa", "prof.ssa", "avv", "ing", "arch", "geom", "rag",
    "on", "ss", "ecc", "pag", "pagg", "cap", "cfr", "magg", "ten", "mons", "sgg", "gent", "egr",
    "spett", "preg", "dir", "amm", "segr", "cav", "es",
];
/// Italian days before a date ("mar. 23 Nov."): lower case, and "mar" is also "sea".
const IT_BEFORE_NUMBER: &[&str] = &["lun", "mar", "mer", "gio", "ven", "sab", "dom"];
const IT_STARTERS: &[&str] = &[
    "il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una", "egli", "lui", "lei", "loro",
    "noi", "voi", "io", "questo", "questa", "questi", "queste", "quello", "quella", "ma", "e", "o",
    "in", "per", "con", "su", "da", "di", "a", "secondo", "dopo", "prima", "durante", "quando",
    "se", "come", "anche", "però", "tuttavia", "inoltre", "oggi", "ieri", "più", "tutti", "tutte",
    "suo", "sua", "che", "chi", "dove", "perché", "non", "ci", "si", "è", "nel", "nella", "del",
    "della", "al", "alla", "salve",
];

const PT_ABBR: &[&str] = &[
    "sr", "sra", "srta", "srs", "dra", "profa", "eng", "exmo", "exma", "v.exa", "sto", "sta", "av",
    "pág", "págs", "cap", "ex", "aprox", "cia", "ltda", "cel", "ten", "dep",
];
const PT_STARTERS: &[&str] = &[
    "o", "a", "os", "as", "um", "uma", "ele", "ela", "eles", "elas", "nós", "eu", "você", "este",
    "esta", "isso", "isto", "esse", "essa", "mas", "e", "ou", "em", "no", "na", "nos", "nas",
    "por", "para", "com", "sem", "segundo", "após", "depois", "antes", "durante", "quando", "se",
    "como", "também", "porém", "contudo", "hoje", "ontem", "mais", "todos", "seu", "sua", "que",
    "quem", "onde", "não", "há", "do", "da",
];

const NL_ABBR: &[&str] = &[
    "dhr", "mevr", "mw", "mej", "ir", "ing", "bijv", "bv", "enz", "blz", "jl", "vnl", "o.a",
    "d.w.z", "m.a.w", "t.a.v", "i.p.v", "m.b.t", "t.o.v", "z.g.a.n", "evt", "e.a", "a.s", "mrt",
];
const NL_STARTERS: &[&str] = &[
    "de", "het", "een", "hij", "zij", "ze", "wij", "we", "ik", "jij", "u", "dit", "dat", "deze",
    "die", "maar", "en", "of", "in", "op", "met", "voor", "na", "bij", "van", "naar", "tijdens",
    "volgens", "toen", "als", "wanneer", "ook", "nu", "vandaag", "gisteren", "meer", "alle",
    "zijn", "haar", "hun", "wie", "wat", "waar", "waarom", "niet", "er",
];

const SCANDI_ABBR: &[&str] = &[
    "bl.a", "t.ex", "d.v.s", "m.fl", "osv", "ca", "jfr", "f.d", "fr.o.m", "t.o.m", "mfl", "dvs",
    "mht", "ifm", "evt", "bl", "pga", "fx", "mv", "mm", "kl", "skt", "hr",
];
const SCANDI_STARTERS: &[&str] = &[
    "den", "det", "de", "en", "ett", "et", "han", "hon", "hun", "vi", "jag", "jeg", "men", "och",
    "og", "i", "på", "med", "för", "for", "efter", "etter", "når", "när", "da", "då", "som", "om",
    "er", "är", "var", "der", "där", "nu", "idag", "i dag", "hvad", "hva", "vad", "hvor", "hvem",
    "vem", "hvorfor", "varför", "hvordan", "hur",
];

const FI_STARTERS: &[&str] = &[
    "hän", "he", "se", "ne", "me", "minä", "mutta", "ja", "kun", "jos",
];
const FI_ABBR: &[&str] = &[
    "esim", "ns", "mm", "yms", "jne", "ks", "vrt", "klo", "n", "tms",
];

const HU_ABBR: &[&str] = &["stb", "pl", "ill", "kb", "ld", "vö", "ún", "uo", "ti", "id"];
const HU_STARTERS: &[&str] = &["a", "az", "egy", "de", "és", "ha", "ő", "ők", "mi", "ez"];

const RO_ABBR: &[&str] = &[
    "dl", "dna", "dra", "str", "nr", "etc", "ș.a", "ş.a", "d-na", "d-l",
];
const RO_STARTERS: &[&str] = &["el", "ea", "ei", "ele", "dar", "și", "în", "la", "pe", "cu"];

const TR_ABBR: &[&str] = &[
    "vb", "vs", "bkz", "örn", "yy", "sn", "dr", "doç", "av", "alb",
];
const TR_STARTERS: &[&str] = &[
    "bu", "o", "bir", "ve", "ama", "ancak", "ben", "biz", "onlar",
];

const RU_ABBR: &[&str] = &[
    "т.е",
    "т.к",
    "т.д",
    "т.п",
    "др",
    "пр",
    "г",
    "гг",
    "им",
    "ул",
    "д",
    "стр",
    "см",
    "тыс",
    "млн",
    "млрд",
    "руб",
    "коп",
    "куб.м",
    "кв.м",
    "проф",
    "акад",
    "ген",
    "т.н",
    "н.э",
    "до н.э",
    "в",
    "вв",
    "т",
    "с",
    "ст",
    "ок",
    "напр",
    "обл",
    "пос",
    "пер",
    "корр",
    "пгт",
    "пл",
    // Ukrainian, read with these rules when no language is given: "вул." street.
    "вул",
];
/// Russian abbreviations that are such only before a number ("рис. 5" figure, "табл. 2",
/// "гл. 3" chapter, "п. 4" item, "ч. 1" part, "кв. 234" flat).
const RU_BEFORE_NUMBER: &[&str] = &["рис", "табл", "гл", "п", "ч", "разд", "прил", "кв"];
/// Russian unit symbols (ГОСТ 8.417: no full stop) that are also abbreviations or parts of
/// them ("см." see, "т. е."), and unit symbols that are one letter (read as initials).
const RU_UNITS: &[&str] = &["см", "мм", "км", "м", "кг", "мг", "т", "л", "мл", "га"];
/// Russian words that, capitalised, usually open a sentence ("… в 2025 г. Затем …").
const RU_STARTERS: &[&str] = &[
    "в",
    "во",
    "на",
    "по",
    "с",
    "со",
    "к",
    "о",
    "об",
    "у",
    "за",
    "из",
    "для",
    "до",
    "при",
    "после",
    "однако",
    "но",
    "а",
    "и",
    "это",
    "этот",
    "эта",
    "эти",
    "он",
    "она",
    "оно",
    "они",
    "мы",
    "я",
    "вы",
    "как",
    "что",
    "так",
    "также",
    "тогда",
    "затем",
    "потом",
    "если",
    "когда",
    "где",
    "все",
    "всё",
    "его",
    "её",
    "их",
    "не",
    "уже",
    "ещё",
    "еще",
    "сейчас",
    "сегодня",
    "вчера",
    "кроме",
    "между",
    "среди",
    "там",
    "здесь",
    "ранее",
    "позже",
    "кто",
    "почему",
];
/// Polish abbreviations: titles and ranks before names ("mł. bryg. Paweł Nowicki", "st. kpt."),
/// words before numbers and names ("ok. 90", "godz. 7.40", "ul. Nowej") and common Latin-script
/// shorthand ("np.", "tzw.", "m.in.").
const PL_ABBR: &[&str] = &[
    "ok", "godz", "ul", "al", "pl", "os", "tys", "mln", "mld", "np", "tzw", "tj", "itd", "itp",
    "m.in", "wg", "ds", "jw", "hab", "inż", "mgr", "lek", "doc", "ks", "bp", "abp", "płk", "ppłk",
    "mjr", "kpt", "por", "ppor", "chor", "sierż", "kpr", "szer", "bryg", "mł", "kom", "podkom",
    "nadkom", "asp", "dyr", "red", "woj", "pow", "gm", "zob", "pkt", "str", "ust", "poz", "sygn",
    "wyd", "r", "ub", "br", "ur", "zm", "min", "sek", "tyg", "mies", "p.n.e", "n.e", "pn", "śr",
    "czw", "sob", "niedz",
];
/// Polish "rok" abbreviated after a year ("w grudniu 2023 r. Pociągi …").
const PL_YEAR_MARKS: &[&str] = &["r"];
/// Polish words that, capitalised, usually open a sentence.
const PL_STARTERS: &[&str] = &[
    "w",
    "we",
    "na",
    "do",
    "z",
    "ze",
    "o",
    "od",
    "po",
    "przez",
    "przy",
    "dla",
    "to",
    "ten",
    "ta",
    "te",
    "ci",
    "on",
    "ona",
    "ono",
    "oni",
    "one",
    "jak",
    "jednak",
    "ale",
    "i",
    "a",
    "oraz",
    "nie",
    "tak",
    "jest",
    "są",
    "był",
    "była",
    "było",
    "byli",
    "według",
    "podczas",
    "gdy",
    "kiedy",
    "już",
    "także",
    "również",
    "dziś",
    "wczoraj",
    "jutro",
    "teraz",
    "potem",
    "następnie",
    "wtedy",
    "tam",
    "tu",
    "co",
    "kto",
    "dlaczego",
    "gdzie",
    "czy",
    "jego",
    "jej",
    "ich",
    "wszyscy",
    "większość",
    "część",
    "około",
    "jeszcze",
    "obecnie",
    "natomiast",
    "poza",
    "mimo",
    "choć",
];
const EL_ABBR: &[&str] = &["κ", "κα", "δρ", "π.χ", "κλπ", "βλ", "σελ", "αρ", "τ.μ"];
/// Czech and Slovak, which have no rules of their own: read with the language-neutral
/// rules, which include these ("napr. XYZCorp", "tzv.", "Ing. Novák").
const CS_SK_ABBR: &[&str] = &[
    "napr", "např", "tzv", "atď", "atd", "resp", "tj", "t.j", "příp", "popr", "tis", "mil", "mld",
    "mgr", "judr", "mudr", "phdr", "rndr", "doc", "ing", "pí", "sv", "nám", "cca", "hod", "pplk",
    "plk", "npor", "mjr",
];
/// Czech and Slovak before a number: "č. 5" (číslo), "čl. 3" (článok), "odst. 2", "písm.".
const CS_SK_BEFORE_NUMBER: &[&str] = &["č", "čl", "odst", "písm"];

/// The rules for `lang`, built once.
pub(crate) fn rules_for(lang: Lang) -> &'static Rules {
    static CELLS: [OnceLock<Rules>; 20] = [const { OnceLock::new() }; 20];
    let i = lang_index(lang);
    CELLS[i].get_or_init(|| build(lang))
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::English => 0,
        Lang::German => 1,
        Lang::French => 2,
        Lang::Spanish => 3,
        Lang::Italian => 4,
        Lang::Portuguese => 5,
        Lang::Dutch => 6,
        Lang::Swedish => 7,
        Lang::Norwegian => 8,
        Lang::Danish => 9,
        Lang::Finnish => 10,
        Lang::Hungarian => 11,
        Lang::Romanian => 12,
        Lang::Russian => 13,
        Lang::Greek => 14,
        Lang::Turkish => 15,
        Lang::Arabic => 16,
        Lang::Tamil => 17,
        Lang::Polish => 18,
        Lang::Unknown => 19,
    }
}

/// (abbreviations, capitalised-only, before-number, starters) specific to a language.
type LangData = (
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

fn data(lang: Lang) -> LangData {
    match lang {
        Lang::German => (DE_ABBR, DE_CAPITALISED, DE_BEFORE_NUMBER, DE_STARTERS),
        Lang::French => (FR_ABBR, &[], &[], FR_STARTERS),
        Lang::Spanish => (ES_ABBR, ES_CAPITALISED, ES_BEFORE_NUMBER, ES_STARTERS),
        Lang::Italian => (IT_ABBR, &[], IT_BEFORE_NUMBER, IT_STARTERS),
        Lang::Portuguese => (PT_ABBR, &[], &[], PT_STARTERS),
        Lang::Dutch => (NL_ABBR, &[], &[], NL_STARTERS),
        Lang::Swedish | Lang::Norwegian | Lang::Danish => (SCANDI_ABBR, &[], &[], SCANDI_STARTERS),
        Lang::Finnish => (FI_ABBR, &[], &[], FI_STARTERS),
        Lang::Hungarian => (HU_ABBR, &[], &[], HU_STARTERS),
        Lang::Romanian => (RO_ABBR, &[], &[], RO_STARTERS),
        Lang::Turkish => (TR_ABBR, &[], &[], TR_STARTERS),
        Lang::Russian => (RU_ABBR, &[], RU_BEFORE_NUMBER, RU_STARTERS),
        Lang::Greek => (EL_ABBR, &[], &[], &[]),
        Lang::Polish => (PL_ABBR, &[], &[], PL_STARTERS),
        _ => (&[], &[], &[], &[]),
    }
}

const ALL_LANGS: [Lang; 19] = [
    Lang::English,
    Lang::German,
    Lang::French,
    Lang::Spanish,
    Lang::Italian,
    Lang::Portuguese,
    Lang::Dutch,
    Lang::Swedish,
    Lang::Norwegian,
    Lang::Danish,
    Lang::Finnish,
    Lang::Hungarian,
    Lang::Romanian,
    Lang::Russian,
    Lang::Greek,
    Lang::Turkish,
    Lang::Arabic,
    Lang::Tamil,
    Lang::Polish,
];

fn build(lang: Lang) -> Rules {
    let mut r = Rules {
        ordinal_dot: matches!(
            lang,
            Lang::German
                | Lang::Danish
                | Lang::Norwegian
                | Lang::Finnish
                | Lang::Hungarian
                | Lang::Turkish
        ),
        ..Rules::default()
    };
    let add = |set: &mut HashSet<String>, list: &[&str]| {
        set.extend(list.iter().map(|w| w.to_lowercase()));
    };
    add(&mut r.abbr_any_case, COMMON_ABBR);
    add(&mut r.abbr_capitalised, COMMON_CAPITALISED);
    add(&mut r.abbr_before_number, COMMON_BEFORE_NUMBER);
    // English function words are common enough in quotes and names in every language,
    // but for a known non-English language its own list comes first.
    add(&mut r.starters, EN_STARTERS);
    let langs: &[Lang] = if lang == Lang::Unknown {
        &ALL_LANGS
    } else {
        std::slice::from_ref(&lang)
    };
    if langs.contains(&Lang::Russian) {
        add(&mut r.units, RU_UNITS);
    }
    if langs.contains(&Lang::Polish) {
        add(&mut r.year_marks, PL_YEAR_MARKS);
    }
    if lang == Lang::Unknown {
        add(&mut r.abbr_any_case, CS_SK_ABBR);
        add(&mut r.abbr_own, CS_SK_ABBR);
        add(&mut r.abbr_before_number, CS_SK_BEFORE_NUMBER);
    }
    for &l in langs {
        let (abbr, cap, num, starters) = data(l);
        add(&mut r.abbr_any_case, abbr);
        add(&mut r.abbr_own, abbr);
        add(&mut r.abbr_capitalised, cap);
        add(&mut r.abbr_before_number, num);
        add(&mut r.starters, starters);
    }
    r
}

impl Rules {
    /// Is `word` (as written, without its final full stop) a known abbreviation?
    pub fn is_abbreviation(&self, word: &str, lower: &str) -> bool {
        if self.abbr_any_case.contains(lower) {
            return true;
        }
        let mut chars = word.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase);
        capitalised && self.abbr_capitalised.contains(lower)
    }

    /// Is `lower` one of the language's own abbreviations (see `abbr_own`)?
    pub fn is_own_abbreviation(&self, lower: &str) -> bool {
        self.abbr_own.contains(lower)
    }

    /// Is `lower` an abbreviation that only counts before a number ("No. 5")?
    pub fn is_abbreviation_before_number(&self, lower: &str) -> bool {
        self.abbr_before_number.contains(lower)
    }

    /// Is `lower` a unit symbol that takes no full stop after a number (see `units`)?
    pub fn is_unit(&self, lower: &str) -> bool {
        self.units.contains(lower)
    }

    /// Is `lower` an abbreviation of "year" written after a number (see `year_marks`)?
    pub fn is_year_mark(&self, lower: &str) -> bool {
        self.year_marks.contains(lower)
    }

    /// Does `lower` usually begin a sentence when capitalised?
    pub fn is_starter(&self, lower: &str) -> bool {
        self.starters.contains(lower)
    }
}

/// Words after "a.m."/"p.m." that continue the same sentence ("5 p.m. EST", "9 a.m. Monday").
pub(crate) fn continues_time(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "EST",
        "EDT",
        "CST",
        "CDT",
        "MST",
        "MDT",
        "PST",
        "PDT",
        "GMT",
        "UTC",
        "BST",
        "CET",
        "CEST",
        "ET",
        "PT",
        "CT",
        "MT",
        "IST",
        "JST",
        "AEST",
        "AEDT",
        "Eastern",
        "Central",
        "Pacific",
        "Mountain",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
        "Local",
    ];
    WORDS.contains(&word)
}

/// First words of a fronted time phrase ("At 5 a.m. Mr. Smith went ...").
pub(crate) fn fronts_time(lower: &str) -> bool {
    const WORDS: &[&str] = &[
        "at",
        "by",
        "around",
        "until",
        "till",
        "from",
        "before",
        "after",
        "since",
        "on",
        "in",
        "about",
        "shortly",
        "just",
        "only",
        "early",
        "late",
        "starting",
        "beginning",
        "between",
        "near",
        "approximately",
        "circa",
        "sometime",
        "as",
        "today",
        "yesterday",
        "tomorrow",
    ];
    WORDS.contains(&lower)
}
