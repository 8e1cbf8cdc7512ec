#!/usr/bin/env python3
"""Generate data/synonyms-en.txt: English synonym classes from WordNet 3.0.

    python3 scripts/wordnet-synonyms.py [--wordnet /usr/share/wordnet] [--min-count 3] \
        > data/synonyms-en.txt

Reads the Princeton WordNet 3.0 database files (Debian package `wordnet-base`): `index.*`
(a lemma's senses, most frequent first), `data.*` (the members of each synset) and
`cntlist.rev` (how often each sense was tagged in the semantic concordances).

A class is a synset that is the **first (most frequent) sense** of at least two of its
member lemmas, each in its **dominant part of speech** (the one whose senses were tagged most
often), and where each such lemma is:
- one word of lowercase letters (no multi-word lemma, no proper noun, no abbreviation),
- frequent enough: its first sense tagged at least `--min-count` times, and that sense is at
  least `--min-share` of all the tags of the lemma (in every part of speech), so a word with
  many comparable senses ("run", "set") joins nothing,
- not a light or function word (`STOP` below), whose first sense says little,
- not an inflected form of another lemma ("works" of "work", "larger" of "large"): its Snowball
  stem is its base form's, whose first sense is another one.

Each output line is one class: its lemmas, most tagged first, separated by spaces. Lines are
ordered by the tag count of the class (most first): the loader keeps the first class a
Snowball stem falls in. The output carries the WordNet licence, as it requires.
"""

import argparse
import collections
import os
import sys

POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# cntlist.rev sense keys: lemma%ss_type:...; ss_type 1 noun, 2 verb, 3 adj, 4 adv, 5 satellite
SS_POS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}

# Light verbs, function-like and very general words: their first senses are too vague to
# stand for a synonym of anything.
STOP = set(
    """
    be have do make get go say take come give put set see know think want use find need look
    seem let keep become begin show try leave call ask work feel turn run move live hold bring
    happen write sit stand lose pay meet include continue learn change lead understand watch
    follow stop create speak read allow add spend grow open walk win offer remember consider
    appear buy wait serve die send build stay fall cut reach kill remain suggest raise
    pass sell require report decide pull
    thing way time man men people year day part case point fact place world state
    good new first last long great little own other old right big high different small large
    next early young important few public bad same able
    also very often however too usually really just now then still even only well back
    much many more most less least so there here
    about above across after along around away back before behind below down forth in off on
    out over through under up
    """.split()
)


def records(wn, kind, pos):
    """The fields of each line of WordNet's `kind` file (index or data) for `pos`, the
    licence lines (which start with a space) left out."""
    with open(os.path.join(wn, kind + "." + POS[pos]), encoding="latin-1") as f:
        for line in f:
            if not line.startswith(" "):
                yield line.split()


def read_index(wn, pos):
    """lemma -> [synset offsets, most frequent sense first]"""
    out = {}
    for p in records(wn, "index", pos):
        lemma, synset_cnt, p_cnt = p[0], int(p[2]), int(p[3])
        offsets = p[4 + p_cnt + 2 :]
        assert len(offsets) == synset_cnt, p
        out[lemma] = offsets
    return out


def read_data(wn, pos):
    """offset -> [member words as written]"""
    out = {}
    for p in records(wn, "data", pos):
        n = int(p[3], 16)
        out[p[0]] = [p[4 + 2 * i] for i in range(n)]
    return out


# WordNet's detachment rules (morphy): inflectional endings and their replacements.
SUFFIXES = [
    ("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
    ("men", "man"), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
    ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
]


def read_exceptions(wn):
    """inflected form -> base forms (noun.exc, verb.exc, adj.exc, adv.exc)"""
    out = collections.defaultdict(set)
    for pos in POS.values():
        with open(os.path.join(wn, pos + ".exc"), encoding="latin-1") as f:
            for line in f:
                form, *bases = line.split()
                out[form].update(bases)
    return out


def read_inflections(wn):
    """(pos, base) -> irregular inflected forms (from the exception lists)"""
    out = collections.defaultdict(set)
    for pos, name in POS.items():
        with open(os.path.join(wn, name + ".exc"), encoding="latin-1") as f:
            for line in f:
                form, *bases = line.split()
                for b in bases:
                    out[(pos, b)].add(form)
    return out


def plural(w):
    """The -s form of a noun or verb."""
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    if w.endswith("y") and w[-2:-1] not in "aeiou":
        return w[:-1] + "ies"
    return w + "s"


def regular_forms(w, pos):
    """The regular inflections of a noun (plural) or a verb (-s, -ed, -ing)."""
    if pos == "n":
        return {plural(w)}
    if pos != "v":
        return set()
    forms = {plural(w)}
    if w.endswith("e"):
        forms |= {w + "d", (w if w.endswith("ee") else w[:-1]) + "ing"}
    elif w.endswith("y") and w[-2:-1] not in "aeiou":
        forms |= {w[:-1] + "ied", w + "ing"}
    else:
        forms |= {w + "ed", w + "ing"}
        # a final consonant doubled after a single vowel (stop, stopped, stopping)
        if len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


def read_counts(wn):
    """(lemma, pos) -> {sense number: tag count}"""
    out = collections.defaultdict(dict)
    with open(os.path.join(wn, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, sense, count = line.split()
            lemma, rest = key.split("%", 1)
            pos = SS_POS[rest[0]]
            out[(lemma, pos)][int(sense)] = int(count)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-share", type=float, default=0.5)
    ap.add_argument("--pos", default="nvar", help="parts of speech to read (n, v, a, r)")
    args = ap.parse_args()
    wn = args.wordnet

    index = {p: read_index(wn, p) for p in POS}
    data = {p: read_data(wn, p) for p in POS}
    counts = read_counts(wn)
    exceptions = read_exceptions(wn)
    lemmas = set().union(*index.values())

    def inflected(lemma):
        """Whether the lemma is an inflected form of another lemma ("works", "being", "larger"):
        it would stand for its base form's stem, whose senses are other ones."""
        bases = set(exceptions.get(lemma, ()))
        for end, repl in SUFFIXES:
            if lemma.endswith(end) and len(lemma) >= len(end) + 2:
                bases.add(lemma[: -len(end)] + repl)
        return any(b != lemma and b in lemmas for b in bases)

    def total(lemma, pos):
        return sum(counts.get((lemma, pos), {}).values())

    classes = collections.defaultdict(list)  # (pos, offset) -> [(count, lemma)]
    for pos in args.pos:
        for lemma, offsets in index[pos].items():
            if not lemma.isalpha() or not lemma.isascii() or lemma in STOP or inflected(lemma):
                continue
            totals = {p: total(lemma, p) for p in POS if lemma in index[p]}
            if max(totals, key=lambda p: (totals[p], p == pos)) != pos:
                continue
            first = counts.get((lemma, pos), {}).get(1, 0)
            if first < args.min_count or first < args.min_share * sum(totals.values()):
                continue
            members = data[pos][offsets[0]]
            # as written in the synset: a capital marks a proper noun ("Turkey", "Bush")
            written = next((m for m in members if m.split("(")[0].lower() == lemma), None)
            if written is None or written.split("(")[0] != lemma:
                continue
            classes[(pos, offsets[0])].append((first, lemma))

    irregular = read_inflections(wn)
    out = []
    for key, members in classes.items():
        if len(members) < 2:
            continue
        members.sort(key=lambda m: (-m[0], m[1]))
        out.append((sum(c for c, _ in members), key, [l for _, l in members]))
    out.sort(key=lambda c: (-c[0], c[1]))

    # Each line: the lemmas, then their inflections. An inflected form that is a lemma of its
    # own, tagged as often as a class's lemma must be ("works", "findings"), is left out: it
    # has senses of its own. A form is in one line at most (the first).
    def own_senses(form):
        return sum(total(form, p) for p in POS) >= args.min_count

    seen = set()
    lines = []
    for _, (pos, _), members in out:
        forms = list(members)
        for lemma in members:
            infl = irregular.get((pos, lemma), set()) | regular_forms(lemma, pos)
            forms += sorted(f for f in infl if f.isalpha() and not own_senses(f))
        forms = [f for f in dict.fromkeys(forms) if f not in seen]
        if len([f for f in forms if f in members]) >= 2:
            seen.update(forms)
            lines.append(forms)

    w = sys.stdout.write
    w("# English synonym classes, generated by scripts/wordnet-synonyms.py from WordNet 3.0\n")
    w(f"# (--min-count {args.min_count} --min-share {args.min_share} --pos {args.pos}).\n")
    w("# One class a line: its lemmas, most frequent first, then their inflected forms.\n#\n")
    for line in LICENSE.strip("\n").splitlines():
        w(("# " + line).rstrip() + "\n")
    for forms in lines:
        w(" ".join(forms) + "\n")


LICENSE = """
This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license.  By obtaining, using
and/or copying this software and database, you agree that you have
read, understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and
database and its documentation for any purpose and without fee or
royalty is hereby granted, provided that you agree to comply with
the following copyright notice and statements, including the disclaimer,
and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal
use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in
advertising or publicity pertaining to distribution of the software
and/or database.  Title to copyright in this software, database and
any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same.
"""

if __name__ == "__main__":
    main()
