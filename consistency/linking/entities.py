"""Resolution of entity names across the corpus.

Resolution merges the names that speak of one entity: possessives and titles ("Varrow's
Harbour Assembly" and "the Varrow Harbour Assembly"), surnames ("Okafor" after "Dana
Okafor"), acronyms ("CWA", or one defined in parentheses), a longer name ending in a shorter
one, and close spellings. The mentions and the name forms it compares
(consistency.extract.names) come from extraction.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from rapidfuzz import fuzz

from consistency.extract.names import display, normalize


def speaks_for(speaker: str, body: str) -> bool:
    """Whether ``speaker`` is written as someone of ``body``: its name or initials in the
    speaker's title ("Harlow Motors Chairwoman Dana Pike" speaks for Harlow Motors, "NRW
    Vice President Sam Okafor" for the Northern Rail Workers). A quote given to a body in
    one outlet and to its officer in another is one attribution told at two levels."""
    words = re.findall(r"[\w&]+", speaker.casefold())
    key = normalize(body).split()
    if not key or len(words) <= len(key):
        return False
    n = len(key)
    if any(words[i : i + n] == key for i in range(len(words) - n + 1)):
        return True
    initials = _initials(" ".join(key))
    return len(initials) >= 2 and initials in words


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in {"of", "and", "for", "the", "&", "de"})


def _is_acronym(name: str) -> bool:
    return " " not in name and len(name) <= 6 and sum(c.isupper() for c in name) >= 2


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Deterministic: the smaller key is the root.
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


# fuzz.ratio >= 94 allows an edit distance (insertions and deletions) of at most 6% of the
# two lengths; a partner is at most 1.06 / 0.94 times as long, so a name of n characters
# is within 0.1277 * n edits of any partner (plus one for rounding).
_CLOSE = 94
_MAX_EDITS_PER_CHAR = 0.06 * (1 + 1.06 / 0.94)


def close_spellings(names: Sequence[str]) -> list[tuple[str, str]]:
    """The pairs of ``names`` (distinct) with the same first letter and fuzz.ratio >= 94.

    Candidates are found by pigeonhole, not by comparing every pair: when two names are
    within d edits and one is cut into d + 1 pieces, a piece the edits did not touch
    occurs whole in the other, shifted by at most d. Each name's pieces are indexed by
    first letter, length of the name and position (:func:`spelling_pieces`); each name
    looks up its own substrings at those positions, for the lengths a close spelling can
    have (:func:`spelling_probes`). Only those candidates are compared, so the result is
    exactly that of comparing every pair.
    """
    index: dict[tuple[str, int, int, str], list[int]] = {}
    for j, b in enumerate(names):
        for piece in spelling_pieces(b):
            index.setdefault(piece, []).append(j)
    out = []
    for i, a in enumerate(names):
        near: set[int] = set()
        for probe in spelling_probes(a):
            near.update(index.get(probe, ()))
        for j in sorted(near):
            if j > i and fuzz.ratio(a, names[j]) >= _CLOSE:
                out.append((a, names[j]))
    return out


def is_close_spelling(a: str, b: str) -> bool:
    """What :func:`close_spellings` pairs: same first letter, fuzz.ratio >= 94."""
    return bool(a) and bool(b) and a[0] == b[0] and fuzz.ratio(a, b) >= _CLOSE


def spelling_pieces(name: str) -> list[tuple[str, int, int, str]]:
    """Where a name is filed for close spellings: (first letter, length, position, piece)."""
    return [(name[0], len(name), at, name[at : at + n]) for at, n in _pieces(len(name))]


@lru_cache(maxsize=65536)
def spelling_probes(name: str) -> frozenset[tuple[str, int, int, str]]:
    """The filings (:func:`spelling_pieces`) of every name that may be a close spelling of
    ``name``: one of them is shared by any such name."""
    a = name
    out: set[tuple[str, int, int, str]] = set()
    reach = _reach(len(a))
    for size in range(max(1, len(a) - reach), len(a) + reach + 1):
        shift = int(0.06 * (len(a) + size)) + 1  # the most edits between the two
        if abs(len(a) - size) > shift:
            continue
        for at, piece in _pieces(size):
            for p in range(max(0, at - shift), min(len(a) - piece, at + shift) + 1):
                out.add((a[0], size, at, a[p : p + piece]))
    return frozenset(out)


# Names of at least this many characters are joined by close spelling (resolve_names).
_SPELLING_MIN = 8


def filings(key: str) -> set[str]:
    """Where a name key (:func:`normalize`) is filed so that every key :func:`resolve_names`
    may join it with is found by one of that key's :func:`lookups` (acronyms defined in a
    text aside): its first and last words, initials, longer-name suffixes, close-spelling
    pieces. A store uses this to resolve a few names exactly without loading them all."""
    out = {f"k:{key}"}
    words = key.split()
    if len(words) > 1:
        out.add(f"f:{words[0]}")
        if len(words) <= 3:
            out.add(f"l:{words[-1]}")
        out.add(f"i:{_initials(key)}")
        out |= {f"s:{' '.join(words[i:])}" for i in range(1, len(words) - 1)}
    if len(key) >= _SPELLING_MIN:
        out |= {"p:" + "|".join(map(str, p)) for p in spelling_pieces(key)}
    return out


def lookups(key: str) -> set[str]:
    """The filings (:func:`filings`) of the keys that :func:`resolve_names` may join with
    ``key``: a multi-word name finds the single words it may own, its initials and the
    names it ends in or that end in it; a single word finds the names it may be the
    surname, short name or acronym of; a long name finds its close spellings."""
    words = key.split()
    if len(words) > 1:
        out = {f"k:{words[0]}", f"k:{_initials(key)}", f"s:{key}"}
        if len(words) <= 3:
            out.add(f"k:{words[-1]}")
        out |= {f"k:{' '.join(words[i:])}" for i in range(1, len(words) - 1)}
    else:
        out = {f"f:{key}", f"l:{key}", f"i:{key}"}
    if len(key) >= _SPELLING_MIN:
        out |= {"p:" + "|".join(map(str, p)) for p in spelling_probes(key)}
    return out


def _reach(length: int) -> int:
    """The most edits between a name of ``length`` characters and a close spelling."""
    return int(_MAX_EDITS_PER_CHAR * length) + 1


@cache
def _pieces(length: int) -> tuple[tuple[int, int], ...]:
    """Where the pieces of a name of ``length`` characters start, and their sizes: one
    piece more than the edits a close spelling may make."""
    n = min(length, _reach(length) + 1)
    bounds = [length * k // n for k in range(n + 1)]
    return tuple((bounds[k], bounds[k + 1] - bounds[k]) for k in range(n))


def resolve_names(
    names: Iterable[str],
    acronyms: Iterable[tuple[str, str]] = (),
    outlets: Iterable[str] = (),
) -> dict[str, str]:
    """Map every surface name to its canonical display name.

    ``names`` are all proper-name mentions of the corpus, repeated as often as they occur
    (the most frequent surface form of a cluster becomes its display name). ``outlets`` are
    the corpus's outlets: "Northgate" is Northgate Aqua even when an outlet called Northgate
    Ledger is named in the text ("told Northgate Ledger").
    """
    outlet_keys = {normalize(o) for o in outlets if o}
    counts = Counter(display(n) for n in names if normalize(n))
    keys: dict[str, Counter[str]] = {}
    for surface, c in counts.items():
        keys.setdefault(normalize(surface), Counter())[surface] += c
    uf = _UnionFind()
    all_keys = sorted(keys)
    for k in all_keys:
        uf.find(k)
    multi = [k for k in all_keys if " " in k and k not in outlet_keys]
    index = _MultiWordIndex(multi)
    for long, short in acronyms:
        lk, sk = normalize(long), normalize(short)
        if lk in keys or sk in keys:
            uf.union(lk, sk)
            keys.setdefault(lk, Counter())
            keys.setdefault(sk, Counter())
    # Multi-word names first, so that a surname is counted against people, not spellings:
    # "Kwame Navarro" and "A. Kwame Navarro" are one owner of "Navarro".
    _join_name_endings(uf, multi)
    for k in all_keys:
        if " " not in k:
            _join_single_word(uf, k, keys, index)
    # Close spellings of longer names ("Quillnet Group" / "QuillNet Group").
    for a, b in close_spellings([k for k in all_keys if len(k) >= _SPELLING_MIN]):
        uf.union(a, b)
    return _canonical_names(uf, keys)


class _MultiWordIndex:
    """The multi-word names by last word (names of two or three words), by first word
    and by initials: names are looked up by their words and initials, never by scanning
    every name."""

    def __init__(self, multi: list[str]) -> None:
        self.by_last: dict[str, list[str]] = {}
        self.by_first: dict[str, list[str]] = {}
        self.by_initials: dict[str, list[str]] = {}
        for m in multi:
            words = m.split()
            if len(words) <= 3:
                self.by_last.setdefault(words[-1], []).append(m)
            self.by_first.setdefault(words[0], []).append(m)
            self.by_initials.setdefault(_initials(m), []).append(m)


def _join_name_endings(uf: _UnionFind, multi: list[str]) -> None:
    """A longer name ending in a shorter multi-word one is that name: "Varrow Harbour
    Assembly" and "Harbour Assembly"."""
    is_multi = set(multi)
    for k in multi:
        for i, ch in enumerate(k):
            if ch == " " and k[i + 1 :] in is_multi:
                uf.union(k, k[i + 1 :])


def _join_single_word(
    uf: _UnionFind, k: str, keys: dict[str, Counter[str]], index: _MultiWordIndex
) -> None:
    """Join a one-word name to the multi-word name it stands for, when only one fits: as
    a surname, a company's short name, or an acronym by initials."""
    # Surname: the last word of multi-word names of two or three words, all one person.
    owners = {uf.find(m) for m in index.by_last.get(k, ())}
    if len(owners) == 1 and k[0].isalpha():
        uf.union(k, next(iter(owners)))
    # A company's short name: "Ravenwick" for "Ravenwick Pharma", when only one
    # multi-word name starts with it and it is not a person's first name told alone.
    starters = {uf.find(m) for m in index.by_first.get(k, ())}
    if len(starters) == 1 and not owners and len(k) >= 4:
        uf.union(k, next(iter(starters)))
    # Acronym by initials: "CWA" and "Coastal Water Authority". Not for a
    # surname ("Ho" of Dana Ho is not the Home Office), nor for a word in lower case.
    if len(k) >= 2 and not owners and any(_is_acronym(x) for x in keys.get(k, ())):
        matches = {uf.find(m) for m in index.by_initials.get(k, ())}
        if len(matches) == 1:
            uf.union(k, next(iter(matches)))


def _canonical_names(uf: _UnionFind, keys: dict[str, Counter[str]]) -> dict[str, str]:
    """Each key's display name: of its cluster's surface forms, the full name over an
    acronym, then the most frequent, then the longest."""
    clusters: dict[str, Counter[str]] = {}
    for k, surfaces in keys.items():
        clusters.setdefault(uf.find(k), Counter()).update(surfaces)
    canonical: dict[str, str] = {}
    for root, surfaces in clusters.items():
        if not surfaces:
            continue
        best = sorted(
            surfaces.items(), key=lambda kv: (_is_acronym(kv[0]), -kv[1], -len(kv[0]), kv[0])
        )[0][0]
        canonical[root] = best
    out: dict[str, str] = {}
    for k in keys:
        root = uf.find(k)
        if root in canonical:
            out[k] = canonical[root]
    return out
