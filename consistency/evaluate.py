"""Accuracy against an answer key, scored exactly as ``../shared/corpus/score.py`` scores.

A key is a ``gold.yaml`` or an ``expected.yaml``::

    discrepancies:
      - kind: date, entity: Quillon, event: licensed, real: true,   # real: true by default
        claims: [{source: a.txt, says: "a quote of six words or more", value: "2022-11"}, ...]
    consistent:
      - kind: number, entity: victims, event: number killed, claims: [...]

A key item is **found** when one finding cites at least two of its claims (all of them
where it has two), each by document (``same_doc``) and by a quote sharing a run of six
words with ``says`` (or the shorter one whole), and, where the item's claims state
different values, two cited claims that state different values.

- recall = real items found / real items;
- precision = findings that match a real item / findings counted, where a finding that
  matches a ``real: false`` item and no real item is neutral and not counted;
- on_agreed_facts = findings that match a ``consistent`` item (with claims).

A corpus whose sub-folders each hold a key is checked one story at a time, each against its
own key. A folder with a key beside its articles is one story, or, when its articles sit in
sub-folders, one story per sub-folder against that one key, whose sources are then paths
relative to the corpus (``story-001/outlet.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

from consistency.config import Settings
from consistency.errors import ConfigError
from consistency.models import KINDS, Finding, Result

KEY_NAMES = ("gold.yaml", "expected.yaml")

Citation = tuple[str, str]  # (document name, quote)


# The rule of score.py ------------------------------------------------------------------


def words(text: str | None) -> list[str]:
    return re.findall(r"[a-z0-9]+", (text or "").lower())


def overlap(a: str | None, b: str | None, n: int = 6) -> bool:
    """True when a and b share a run of n words (or the shorter one whole)."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    n = min(n, len(wa), len(wb))
    grams = {tuple(wa[i : i + n]) for i in range(len(wa) - n + 1)}
    return any(tuple(wb[i : i + n]) in grams for i in range(len(wb) - n + 1))


def same_doc(name: str, source: str) -> bool:
    stem = source.rsplit(".", 1)[0]
    return name == source or (name or "").startswith(stem)


def hits(cited: Iterable[Citation], item: dict[str, Any]) -> list[dict[str, Any]]:
    """The item's claims that one of the citations names, by document and quote."""
    cited = list(cited)
    return [
        g
        for g in item.get("claims") or []
        if any(
            same_doc(name, str(g["source"])) and overlap(quote, g.get("says"))
            for name, quote in cited
        )
    ]


def matches(cited: Iterable[Citation], item: dict[str, Any]) -> bool:
    claims = item.get("claims") or []
    hit = hits(cited, item)
    if len(hit) < min(2, len(claims)):
        return False
    return len(_values(claims)) < 2 or len(_values(hit)) >= 2


def _values(claims: Iterable[dict[str, Any]]) -> set[str]:
    return {str(g.get("value")) for g in claims}


# Keys and stories ----------------------------------------------------------------------


def load_expected(path: str | Path) -> dict[str, Any]:
    """Read a key (``gold.yaml`` or ``expected.yaml``); a ConfigError when malformed."""
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{p}: cannot read the answers: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("discrepancies", []), list):
        raise ConfigError(f"{p}: expected a mapping with a 'discrepancies' list")
    data["discrepancies"] = data.get("discrepancies") or []
    data["consistent"] = data.get("consistent") or []
    for i, d in enumerate(data["discrepancies"] + data["consistent"]):
        if not isinstance(d, dict):
            raise ConfigError(f"{p}: item {i + 1} is not a mapping")
        where = d.get("id") or f"{d.get('entity')} / {d.get('event')}"
        if i < len(data["discrepancies"]) and not {"kind", "entity", "claims"} <= set(d):
            raise ConfigError(
                f"{p}: discrepancy {d.get('id', i + 1)} needs kind, entity and claims"
            )
        claims = d.get("claims") or []
        if not isinstance(claims, list) or not all(
            isinstance(c, dict) and "source" in c for c in claims
        ):
            raise ConfigError(
                f"{p}: {where}: claims must be a list of mappings, each with a source"
            )
    return data


@dataclass
class Story:
    """One story checked alone, with its key items and each document's name as the key
    spells it (the file name, or the path relative to the corpus under a corpus-wide key)."""

    name: str
    result: Result
    names: dict[str, str]  # document id -> name
    discrepancies: list[dict[str, Any]] = field(default_factory=list)
    consistent: list[dict[str, Any]] = field(default_factory=list)

    @cached_property
    def linked(self) -> tuple[dict[str, int], dict[str, tuple[str, str, str]]]:
        """Each claim node's same_fact component, and each claim's (document, entity, event):
        read once per story, for every miss's cause."""
        same_fact = nx.Graph()
        if self.result.graph is not None:
            edges = self.result.graph.edges(keys=True)
            same_fact.add_edges_from((a, b) for a, b, k in edges if k == "same_fact")
        part = {n: i for i, nodes in enumerate(nx.connected_components(same_fact)) for n in nodes}
        fact = {c.id: (c.document, c.entity, c.event) for c in self.result.claims_list}
        return part, fact

    def citations(self, f: Finding) -> list[Citation]:
        return [
            (self.names.get(c.claim.document, c.claim.document), c.claim.sentence) for c in f.cited
        ]


def _key_in(folder: Path) -> Path | None:
    return next((folder / n for n in KEY_NAMES if (folder / n).is_file()), None)


def _subfolders(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def _has_articles(folder: Path) -> bool:
    skip = {".yaml", ".yml", ".toml", ".csv"}
    return any(
        p.is_file() and not p.name.startswith(".") and p.suffix.lower() not in skip
        for p in folder.iterdir()
    )


def plan(corpus: Path, expected: Path | None = None) -> list[tuple[Path, Path]]:
    """(story folder, key) pairs: where the answers are, found as described above."""
    if not corpus.exists():
        raise ConfigError(f"{corpus}: no such corpus")
    key = expected or (_key_in(corpus) if corpus.is_dir() else None)
    if key is not None:
        if corpus.is_dir() and _subfolders(corpus) and not _has_articles(corpus):
            return [(s, key) for s in _subfolders(corpus)]
        return [(corpus, key)]
    pairs = [(s, k) for s in _subfolders(corpus) if (k := _key_in(s))] if corpus.is_dir() else []
    if not pairs:
        raise ConfigError(
            f"{corpus}: no {' or '.join(KEY_NAMES)} beside the articles or in the sub-folders;"
            " give one with --expected"
        )
    return pairs


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).name


def _assign(stories: list[Story], key: dict[str, Any], path: Path) -> None:
    """Give each key item to the story whose documents it names; unknown sources fail."""
    every = {n for s in stories for n in s.names.values()}
    for part in ("discrepancies", "consistent"):
        for item in key[part]:
            sources = [str(c["source"]) for c in item.get("claims") or []]
            missing = sorted({s for s in sources if not any(same_doc(n, s) for n in every)})
            if missing:
                what = item.get("id") or f"{item.get('entity')} / {item.get('event')}"
                raise ConfigError(f"{path}: {what}: no such source {', '.join(missing)}")
            names = [(s, n) for s in stories for n in s.names.values()]
            home = next((s for s, n in names if any(same_doc(n, x) for x in sources)), stories[0])
            getattr(home, part).append(item)


def load_stories(
    corpus: str | Path,
    expected: str | Path | None = None,
    *,
    settings: Settings | None = None,
    lexicon_files: Sequence[str | Path] = (),
) -> list[Story]:
    from consistency.pipeline import check

    root = Path(corpus)
    pairs = plan(root, Path(expected) if expected else None)
    keys = {key: load_expected(key) for _, key in pairs}  # a bad key fails before the checks
    by_key: dict[Path, list[Story]] = {}
    for folder, key in pairs:
        result = check([folder], settings=settings, lexicon_files=lexicon_files)
        # One key above many stories: its sources are paths relative to the corpus.
        wide = folder != root and key.resolve().parent != folder.resolve()
        names = {d.id: _relative(d.path, root) if wide else d.name for d in result.documents}
        label = folder.relative_to(root).as_posix() if folder != root else folder.name
        by_key.setdefault(key, []).append(Story(label, result, names))
    for key, stories in by_key.items():
        _assign(stories, keys[key], key)
    return [s for stories in by_key.values() for s in stories]


# Scores --------------------------------------------------------------------------------


@dataclass
class Score:
    real: int = 0  # real key items
    found: int = 0
    findings: int = 0  # findings counted (not neutral)
    useful: int = 0  # findings that match a real item
    on_agreed: int = 0  # findings that match a consistent item
    apparent: int = 0  # neutral: findings on a real: false item only

    @property
    def recall(self) -> float:
        return self.found / self.real if self.real else 1.0

    @property
    def precision(self) -> float:
        return self.useful / self.findings if self.findings else 1.0

    def add(self, other: Score) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def to_json(self) -> dict[str, Any]:
        return {
            "recall": round(self.recall, 4) if self.real else None,
            "found": self.found,
            "real": self.real,
            "precision": round(self.precision, 4) if self.findings else None,
            "useful": self.useful,
            "findings": self.findings,
            "on_agreed_facts": self.on_agreed,
            "apparent_flagged": self.apparent,
        }


@dataclass
class StoryReport:
    name: str
    score: Score
    by_kind: dict[str, Score]
    misses: list[tuple[dict[str, Any], str]]  # (key item, cause)
    false_alarms: list[tuple[Finding, list[Citation], str]]  # (finding, citations, cause)


@dataclass
class Report:
    stories: list[StoryReport]

    @property
    def overall(self) -> Score:
        total = Score()
        for s in self.stories:
            total.add(s.score)
        return total

    @property
    def by_kind(self) -> dict[str, Score]:
        out: dict[str, Score] = {}
        for s in self.stories:
            for kind, sc in s.by_kind.items():
                out.setdefault(kind, Score()).add(sc)
        return {k: out[k] for k in sorted(out, key=_kind_order)}


_ORDER = (*KINDS[:2], "count", *KINDS[2:])  # "count": a kind the real keys use


def _kind_order(kind: str) -> tuple[int, str]:
    return (_ORDER.index(kind) if kind in _ORDER else len(_ORDER), kind)


def score_story(story: Story) -> StoryReport:
    real = [g for g in story.discrepancies if g.get("real", True)]
    apparent = [g for g in story.discrepancies if not g.get("real", True)]
    agreed = [g for g in story.consistent if g.get("claims")]
    kinds: dict[str, Score] = {}

    def tally(item: dict[str, Any] | None, f: Finding | None = None) -> Score:
        """A figure counts under its key item's kind (a finding on none: its own kind)."""
        kind = str((item or {}).get("kind") or (f.kind if f else "other"))
        return kinds.setdefault(kind, Score())

    found: set[int] = set()
    alarms = []
    for f in story.result.findings_list:
        cited = story.citations(f)
        on_real = [i for i, g in enumerate(real) if matches(cited, g)]
        on_apparent = next((g for g in apparent if matches(cited, g)), None)
        if not on_real and on_apparent:
            tally(on_apparent, f).apparent += 1  # neither credit nor fault
            continue
        found.update(on_real)
        on_agreed = next((g for g in agreed if matches(cited, g)), None)
        if on_agreed:
            tally(on_agreed, f).on_agreed += 1
        sc = tally(real[on_real[0]] if on_real else on_agreed, f)
        sc.findings += 1
        sc.useful += bool(on_real)
        if not on_real:
            why = (
                f"on an agreed fact ({on_agreed.get('entity')}/{on_agreed.get('event')})"
                if on_agreed
                else "matches no key item"
            )
            alarms.append((f, cited, why))
    for i, g in enumerate(real):
        tally(g).real += 1
        tally(g).found += i in found
    total = Score()
    for sc in kinds.values():
        total.add(sc)
    misses = [(g, miss_cause(story, g)) for i, g in enumerate(real) if i not in found]
    return StoryReport(story.name, total, kinds, misses, alarms)


def miss_cause(story: Story, item: dict[str, Any]) -> str:
    """Why an item was missed, first cause first: its claims were not extracted, or not
    linked to each other, or linked but cited by no finding."""
    result = story.result
    claims = item.get("claims") or []
    extracted = [
        [
            c.id
            for c in result.claims_list
            if same_doc(story.names.get(c.document, c.document), str(g["source"]))
            and overlap(c.sentence, g.get("says"))
        ]
        for g in claims
    ]
    if not matches(
        [(str(g["source"]), g.get("says")) for g, e in zip(claims, extracted, strict=True) if e],
        item,
    ):
        lost = sorted({str(g["source"]) for g, e in zip(claims, extracted, strict=True) if not e})
        return f"not extracted (no claim from {', '.join(lost)})"
    # Joined: by a same_fact path, or in one document by the same entity and event (what
    # the rules on one article against itself compare: same_fact joins documents only).
    part, fact = story.linked

    def together(a: str, b: str) -> bool:
        pa = part.get(f"claim:{a}")
        return fact[a] == fact[b] or (pa is not None and pa == part.get(f"claim:{b}"))

    def joined(i: int, j: int) -> bool:
        return any(together(a, b) for a in extracted[i] for b in extracted[j])

    differ = len(_values(claims)) >= 2
    pairs = [
        (i, j)
        for i in range(len(claims))
        for j in range(i + 1, len(claims))
        if not differ or str(claims[i].get("value")) != str(claims[j].get("value"))
    ]
    if len(claims) > 1 and not any(joined(i, j) for i, j in pairs):
        return "not linked (claims extracted, but no same_fact path joins two that differ)"
    ids = {c for e in extracted for c in e}
    near = sorted({f.rule for f in result.findings_list if any(c.claim.id in ids for c in f.cited)})
    return "linked, no finding" + (f" (partly cited by {', '.join(near)})" if near else "")


# Entry point and output ----------------------------------------------------------------


def evaluate(
    corpus: str | Path,
    expected_path: str | Path | None = None,
    *,
    settings: Settings | None = None,
    lexicon_files: Sequence[str | Path] = (),
) -> Report:
    """Check every story of ``corpus`` and score its findings against its key."""
    stories = load_stories(corpus, expected_path, settings=settings, lexicon_files=lexicon_files)
    return Report([score_story(s) for s in stories])


def _cell(a: int, b: int) -> str:
    return f"{a}/{b}".rjust(7) + (f"{a / b:6.2f}" if b else "     -")


def _table(title: str, rows: list[tuple[str, Score]]) -> list[str]:
    width = max([len(title), *(len(n) for n, _ in rows)]) + 2
    lines = [f"{title:<{width}}{'recall':>14}{'precision':>14}{'on_agreed':>11}{'apparent':>10}"]
    for name, s in rows:
        lines.append(
            f"{name:<{width}}{_cell(s.found, s.real):>14}{_cell(s.useful, s.findings):>14}"
            f"{s.on_agreed:>11}{s.apparent:>10}"
        )
    return lines


def _short(text: str, n: int = 110) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def format_report(report: Report) -> str:
    lines = _table(
        "story", [(s.name, s.score) for s in report.stories] + [("overall", report.overall)]
    )
    lines += ["", *_table("kind", list(report.by_kind.items()))]
    misses = sum(len(s.misses) for s in report.stories)
    alarms = sum(len(s.false_alarms) for s in report.stories)
    if misses:
        lines += ["", f"Missed ({misses}):"]
        for s in report.stories:
            for g, cause in s.misses:
                lines.append(
                    f"- {s.name} [{g['kind']}] {g['entity']} / {g.get('event', '')}: {cause}"
                )
                for c in g.get("claims") or []:
                    lines.append(
                        f'    {c["source"]}: "{_short(c.get("says", ""))}" = {c.get("value")}'
                    )
    if alarms:
        lines += ["", f"False alarms ({alarms}):"]
        for s in report.stories:
            for f, cited, cause in s.false_alarms:
                lines.append(f"- {s.name} [{f.kind}] {f.rule} {f.entity} / {f.event}: {cause}")
                for (name, quote), c in zip(cited, f.cited, strict=True):
                    lines.append(f'    {name}: "{_short(quote)}" -> {c.value}')
    return "\n".join(lines) + "\n"


def report_json(report: Report) -> dict[str, Any]:
    return {
        "stories": [
            {
                "story": s.name,
                **s.score.to_json(),
                "misses": [
                    {
                        "kind": g["kind"],
                        "entity": g["entity"],
                        "event": g.get("event"),
                        "cause": why,
                    }
                    for g, why in s.misses
                ],
                "false_alarms": [
                    {
                        "rule": f.rule,
                        "kind": f.kind,
                        "entity": f.entity,
                        "event": f.event,
                        "documents": sorted({n for n, _ in cited}),
                        "cause": why,
                    }
                    for f, cited, why in s.false_alarms
                ],
            }
            for s in report.stories
        ],
        "kinds": {k: s.to_json() for k, s in report.by_kind.items()},
        "overall": report.overall.to_json(),
    }
