"""No text of the corpora in the repository: the real articles are data, not ours to publish.

The standard: no names, figures or phrases of ../shared/corpus go into code, data or tests;
test sentences and examples are texts we write. A sentence copied "just for a comment" is
how it slips in, one example at a time, so this test reads the articles beside the checkout
(never copied; skipped when absent, as the other tests that read them) and checks every
tracked text file (``git ls-files``; binary files are the only ones skipped) for two kinds
of leak, naming the file, the line and the words.

(a) A proper name of the corpus. A *name word* is a capitalised word that an article uses
    inside a sentence (not first, nor after a quote mark or a line break) and that the
    corpus never writes in lower case, less month and weekday names and honorifics. The
    corpus is small (about 25,000 words), so "never in lower case" also holds for plain
    words ("Harbour", "Valley", "Council"), and a name word alone proves little. Hence two
    checks:

    - Two capitalised words side by side as an article has them side by side, one of them
      a name word: a person's full name, a multi-word place, body or outlet. This is what a
      reader knows a story by, and invented names (two invented words, or an invented word
      and a plain one) do not meet an article's pair by chance.
    - A name word alone when it is no English word either, i.e. simplemma's English
      dictionary (the lemmatiser's, already a dependency) does not know it: a surname, a
      company or an exchange of the story. Country and city names are in that dictionary
      (and in any reader's): an invented story may be set in a real country, and our word
      lists name real places, so a place is banned only as a multi-word name of the corpus.

    ``_ALLOWED`` spares a few words that pass both checks and are no leak: given names and
    surnames our invented people share by chance with someone in an article, and the
    agencies and abbreviations that all news copy uses.

(b) A run of five or more consecutive words of an article (case, punctuation, markup and
    line breaks ignored; numbers are words), unless every word of the run is one of the
    commonest function words. Our word lists hold words and two- or three-word expressions,
    which stay below five; a run of five shared with an article is a copied phrase or
    sentence, not a coincidence of English.

What it does not see: a figure alone ("41", a date) and a phrase of four words or fewer
("caught fire after landing") are also common English and our own vocabulary, so they are
left to review; the standard covers them all the same. A finding is fixed by rewriting
the text with invented names, places and figures, not by growing the allow-lists, which
hold generic English only. The whole check takes about two seconds.
"""

from __future__ import annotations

import html
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest
import simplemma

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

RUN = 5  # words in a run of (b)

_WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<[^>]*>")
_ESCAPED_BREAK = re.compile(r"\\[rnt]")  # a page body stored with its escapes
# A word after one of these (or first in the text) may be capitalised for its place alone.
_SENTENCE_START = frozenset('.!?:;"“”‘«»([•|\n')
# Two capitalised words are side by side when only spaces or a hyphen part them; in our
# files also a line break and a comment or docstring margin.
_SIDE_BY_SIDE = re.compile(r"[ \t]*-?[ \t]*")
_ACROSS_LINES = re.compile(r"[ \t]*(?:-?[ \t]*|\n[ \t#*/>-]*)")

# Capitalised for what they are, not because they name something of a story.
_COMMON_CAPITALS = frozenset(
    "January February March April May June July August September October November December"
    " Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday"
    " Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri Sat Sun I Mr Mrs Ms Dr St".split()
)
# Common given names and surnames, news agencies, abbreviations: see (a) above.
_ALLOWED = frozenset("Elena Esther Ruiz Reuters Bloomberg Getty USD GMT UK USA MPs".split())
_ALLOWED_PAIRS = frozenset({("Getty", "Images"), ("All", "Rights"), ("Rights", "Reserved")})
# A run of (b) made only of these is English, whoever wrote it.
_FUNCTION_WORDS = frozenset(
    "a an the and or but nor of to in on at by for from with as into onto than then that"
    " this these those it its is are was were be been being has have had do does did not"
    " no so if there their they them he she his her him we our you your i me my which who"
    " whom what when where while will would can could may might shall should must also all"
    " any some such up out over about after before very just only one s t".split()
)


@dataclass(frozen=True)
class Word:
    text: str
    start: int  # offset in the text
    gap: str  # the text between the word before and this one


@dataclass(frozen=True)
class Corpus:
    names: frozenset[str]  # name words alone (a)
    pairs: frozenset[tuple[str, str]]  # capitalised pairs with a name word (a)
    runs: frozenset[tuple[str, ...]]  # every run of RUN words, folded (b)


def _words(text: str) -> list[Word]:
    out = []
    end = 0
    for m in _WORD.finditer(text):
        out.append(Word(m.group(), m.start(), text[end : m.start()]))
        end = m.end()
    return out


def _fold(word: str) -> str:
    return word.casefold()


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def _article_text(path: Path) -> str:
    """An article's words: for a real story the title and outlet of its header and the body
    (the URL and date lines are no prose); tags and stored escapes become spaces."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.parent.parent.name == "real":
        header, _, body = text.partition("\n\n")
        kept = [ln for ln in header.splitlines() if ln.startswith(("title:", "outlet:"))]
        text = "\n".join(ln.partition(":")[2] for ln in kept) + "\n\n" + body
    text = html.unescape(_TAG.sub(" ", _ESCAPED_BREAK.sub(" ", text)))
    return unicodedata.normalize("NFKC", text)


def _articles() -> Iterator[list[Word]]:
    for folder in ("seeds", "real"):
        for path in sorted((CORPUS / folder).rglob("*.txt")):
            yield _words(_article_text(path))


@cache
def _corpus() -> Corpus:
    articles = list(_articles())
    inside: set[str] = set()
    lower: set[str] = set()
    runs: set[tuple[str, ...]] = set()
    for words in articles:
        for i, w in enumerate(words):
            if not _capitalised(w.text):
                lower.add(_fold(w.text))
            elif i and not _SENTENCE_START.intersection(w.gap):
                inside.add(w.text)
        folded = [_fold(w.text) for w in words]
        runs.update(tuple(folded[i : i + RUN]) for i in range(len(folded) - RUN + 1))
    names = {w for w in inside if _fold(w) not in lower and w not in _COMMON_CAPITALS}
    pairs = set()
    for words in articles:
        for a, b in pairwise(words):
            if (
                _capitalised(a.text)
                and _capitalised(b.text)
                and _SIDE_BY_SIDE.fullmatch(b.gap)
                and (a.text in names or b.text in names)
            ):
                pairs.add((a.text, b.text))
    alone = {w for w in names if not simplemma.is_known(_fold(w), lang="en")}
    return Corpus(frozenset(alone - _ALLOWED), frozenset(pairs - _ALLOWED_PAIRS), frozenset(runs))


def _tracked_texts() -> Iterator[tuple[str, str]]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: no list of tracked files")
    for name in sorted(listed.decode().split("\0")):
        path = ROOT / name
        if not name or not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data:
            continue
        try:
            yield name, unicodedata.normalize("NFKC", data.decode("utf-8"))
        except UnicodeDecodeError:
            continue


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _capitalised_runs(words: list[Word]) -> Iterator[list[Word]]:
    """Maximal runs of capitalised words, each next to the one before."""
    run: list[Word] = []
    for w in words:
        if _capitalised(w.text) and run and _ACROSS_LINES.fullmatch(w.gap):
            run.append(w)
            continue
        if run:
            yield run
        run = [w] if _capitalised(w.text) else []
    if run:
        yield run


def _names(text: str, words: list[Word], corpus: Corpus) -> Iterator[tuple[int, str]]:
    for run in _capitalised_runs(words):
        pair = any((a.text, b.text) in corpus.pairs for a, b in pairwise(run))
        if pair:
            yield _line(text, run[0].start), " ".join(w.text for w in run)
            continue
        for w in run:
            if w.text in corpus.names:
                yield _line(text, w.start), w.text


def _runs(text: str, words: list[Word], corpus: Corpus) -> Iterator[tuple[int, str]]:
    folded = [_fold(w.text) for w in words]
    shared = [
        tuple(folded[i : i + RUN]) in corpus.runs
        and not _FUNCTION_WORDS.issuperset(folded[i : i + RUN])
        for i in range(len(folded) - RUN + 1)
    ]
    i = 0
    while i < len(shared):
        if not shared[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(shared) and shared[j + 1]:
            j += 1
        yield _line(text, words[i].start), " ".join(folded[i : j + RUN])
        i = j + 1


def _leaks() -> list[str]:
    corpus = _corpus()
    out = []
    for name, text in _tracked_texts():
        words = _words(text)
        out += [f"{name}:{n}: name {s!r}" for n, s in _names(text, words, corpus)]
        out += [f"{name}:{n}: words {s!r}" for n, s in _runs(text, words, corpus)]
    return out


@pytest.mark.skipif(not (CORPUS / "seeds").is_dir(), reason="corpus not beside the checkout")
def test_no_name_or_phrase_of_the_corpus_in_the_repository() -> None:
    leaks = _leaks()
    assert not leaks, f"{len(leaks)} names or phrases of ../shared/corpus:\n" + "\n".join(leaks)


@pytest.mark.skipif(not (CORPUS / "seeds").is_dir(), reason="corpus not beside the checkout")
def test_the_guard_sees_a_leak_of_each_kind(tmp_path: Path) -> None:
    """The checks themselves, on text taken from an article at run time (never stored)."""
    corpus = _corpus()
    assert corpus.names and corpus.pairs and corpus.runs
    a, b = sorted(corpus.pairs)[0]
    text = f"# A comment naming {a} {b} here.\n"
    assert list(_names(text, _words(text), corpus)) == [(1, f"{a} {b}")]
    alone = sorted(corpus.names)[0]
    text = f"x = 1\n# then {alone} said so\n"
    assert list(_names(text, _words(text), corpus)) == [(2, alone)]
    run = sorted(r for r in corpus.runs if not _FUNCTION_WORDS.issuperset(r))[0]
    text = "\n" + " ".join(run) + "\n"
    assert list(_runs(text, _words(text), corpus)) == [(2, " ".join(run))]
    text = "Port Alder City Council met at Harbour Lights on Monday, as Tom Hale said in May."
    assert not list(_names(text, _words(text), corpus))
