"""Accuracy against known answers: precision and recall per kind of discrepancy.

The answers are an ``expected.yaml`` in the seeds' format::

    discrepancies:
      - id: ..., kind: date, entity: HashKey, event: licensed,
        claims: [{source: a.txt, says: "...", value: "2022-11"}, ...]
        also: [first]          # optional: other kinds this discrepancy implies
    consistent:
      - id: ..., entity: China, event: banned, note: "..."

A discrepancy is **found** when a finding of its kind cites all its sources and names
its entity (or, for a quote, one of its ``speakers``; for a status, either side's event;
for one article against itself, only that article and that event). A finding is a **true
alarm** when it finds a discrepancy, or reports the same discrepancy against another
source: same kind, entity and event, citing one of the discrepancy's sources (a date
moved in one outlet conflicts with every outlet that tells the true date; a "first" is
contradicted by every earlier licence, not only the one the answers name). It is
**related** when it speaks of a discrepancy's entity with one of its sources under
another kind (a date conflict that also breaks a "first"): neither rewarded nor
punished. Anything else is a **false alarm** (a **trap** when it hits a ``consistent``
entry).

A corpus folder whose articles sit in sub-folders (``story-001/``, ``story-002/``) is
checked one story at a time, as an editor would; sources are then paths relative to the
corpus (``story-001/outlet.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from consistency.config import Settings
from consistency.errors import ConfigError
from consistency.models import KINDS, Finding, Result


def _words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in {"the", "of", "s"}}


def entity_matches(expected: str, actual: str) -> bool:
    """Names match when the words of one contain the other's ("Legislative Council")."""
    e, a = _words(expected), _words(actual)
    return bool(e) and bool(a) and (e <= a or a <= e)


def event_matches(expected: str, actual: str) -> bool:
    """Free-text events ("released policy statements") against lexicon ids
    ("released-statement"): a shared word stem of five letters."""
    stems_e = {w[:5] for w in _words(expected) if len(w) >= 5}
    stems_a = {w[:5] for w in _words(actual) if len(w) >= 5}
    return bool(stems_e & stems_a)


def load_expected(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{p}: cannot read the expected answers: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("discrepancies", []), list):
        raise ConfigError(f"{p}: expected a mapping with a 'discrepancies' list")
    for i, d in enumerate(data.get("discrepancies") or []):
        if not isinstance(d, dict) or not {"kind", "entity", "claims"} <= set(d):
            raise ConfigError(f"{p}: discrepancy {i + 1} needs kind, entity and claims")
        claims = d["claims"]
        if not isinstance(claims, list) or not all(
            isinstance(c, dict) and "source" in c for c in claims
        ):
            raise ConfigError(
                f"{p}: discrepancy {d.get('id', i + 1)}: claims must be a list of mappings,"
                " each with a source"
            )
    data.setdefault("consistent", [])
    return data


@dataclass
class Run:
    """One check of one story, with each document's name as the answers spell it."""

    result: Result
    source_of: dict[str, str]  # document id -> source as written in expected.yaml


def cited_sources(run: Run, f: Finding) -> set[str]:
    return {run.source_of[c.claim.document] for c in f.cited}


def finds(run: Run, f: Finding, d: dict[str, Any]) -> bool:
    sources = {str(c["source"]) for c in d["claims"]}
    if f.kind != d["kind"] or not sources <= cited_sources(run, f):
        return False
    if not any(entity_matches(n, f.entity) for n in names_of(d)):
        return False
    if len(sources) == 1 and len(d["claims"]) > 1:
        # One article against itself: the finding must be about that event, from it alone.
        return cited_sources(run, f) == sources and _event_ok(d, f)
    return True


def _event_ok(d: dict[str, Any], f: Finding) -> bool:
    events = [str(d.get("event", ""))] + ([str(d["opposite"])] if d.get("opposite") else [])
    return not d.get("event") or any(e == f.event or event_matches(e, f.event) for e in events)


def names_of(d: dict[str, Any]) -> list[str]:
    """The names a finding may carry: the entity, the one called "first", the speakers."""
    names = [str(d["entity"])]
    if d.get("first"):
        names.append(str(d["first"]))
    names += [str(s) for s in d.get("speakers") or ()]
    return names


def supports(run: Run, f: Finding, d: dict[str, Any]) -> bool:
    """The same discrepancy reported against another source that tells the same fact."""
    if f.kind != d["kind"]:
        return False
    cited = cited_sources(run, f)
    if d["kind"] == "first":
        # Any earlier one contradicts the "first": it must cite the "first" claim itself.
        firsts = {
            str(c["source"]) for c in d["claims"] if str(c.get("value", "")).startswith("first")
        }
        return bool(firsts & cited) and event_matches(str(d.get("event", "")), f.event)
    sources = {str(c["source"]) for c in d["claims"]}
    return (
        bool(cited & sources)
        and any(entity_matches(n, f.entity) for n in names_of(d))
        and _event_ok(d, f)
    )


def related(run: Run, f: Finding, d: dict[str, Any]) -> bool:
    sources = {str(c["source"]) for c in d["claims"]}
    return bool(cited_sources(run, f) & sources) and any(
        entity_matches(n, f.entity) for n in names_of(d)
    )


def trap(f: Finding, c: dict[str, Any]) -> bool:
    return (
        "entity" in c
        and entity_matches(str(c["entity"]), f.entity)
        and event_matches(str(c.get("event", "")), f.event)
    )


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    true_alarms: int = 0
    false_alarms: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        total = self.true_alarms + self.false_alarms
        return self.true_alarms / total if total else 1.0


@dataclass
class Report:
    by_kind: dict[str, Score] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[tuple[Finding, str]] = field(default_factory=list)  # (finding, why)
    related: list[Finding] = field(default_factory=list)
    stories: int = 0

    @property
    def overall(self) -> Score:
        s = Score()
        for k in self.by_kind.values():
            s.expected += k.expected
            s.found += k.found
            s.true_alarms += k.true_alarms
            s.false_alarms += k.false_alarms
        return s

    def score(self, kind: str) -> Score:
        return self.by_kind.setdefault(kind, Score())


def score_runs(runs: Sequence[Run], expected: dict[str, Any]) -> Report:
    report = Report(stories=len(runs))
    discrepancies = list(expected.get("discrepancies") or [])
    consistent = list(expected.get("consistent") or [])
    all_sources = {s for run in runs for s in run.source_of.values()}
    for d in discrepancies:
        sources = {str(c["source"]) for c in d["claims"]}
        if not sources <= all_sources:
            missing = ", ".join(sorted(sources - all_sources))
            raise ConfigError(f"expected discrepancy {d.get('id')}: no such source {missing}")
        sc = report.score(str(d["kind"]))
        sc.expected += 1
        if any(finds(run, f, d) for run in runs for f in run.result.findings_list):
            sc.found += 1
        else:
            report.misses.append(d)
    for run in runs:
        for f in run.result.findings_list:
            if any(finds(run, f, d) or supports(run, f, d) for d in discrepancies):
                report.score(f.kind).true_alarms += 1
            elif any(related(run, f, d) for d in discrepancies):
                report.related.append(f)
            else:
                report.score(f.kind).false_alarms += 1
                hit = next((c for c in consistent if trap(f, c)), None)
                why = f"hits a consistent fact ({hit.get('id')})" if hit else "matches nothing"
                report.false_alarms.append((f, why))
    report.by_kind = {k: report.by_kind[k] for k in KINDS if k in report.by_kind}
    return report


def stories(corpus: Path) -> list[Path]:
    """The story folders of a corpus: its sub-folders when the articles are there."""
    if corpus.is_file():
        return [corpus]
    subdirs = sorted(p for p in corpus.iterdir() if p.is_dir() and not p.name.startswith("."))
    loose = [
        p
        for p in corpus.iterdir()
        if p.is_file()
        and not p.name.startswith(".")
        and p.name != "expected.yaml"
        and p.suffix.lower() not in {".yaml", ".yml", ".toml", ".csv"}
    ]
    return subdirs if subdirs and not loose else [corpus]


def evaluate(
    corpus: str | Path,
    expected_path: str | Path,
    *,
    settings: Settings | None = None,
    lexicon_files: Sequence[str | Path] = (),
) -> Report:
    """Check every story of ``corpus`` and score the findings against the answers."""
    from consistency.pipeline import check

    root = Path(corpus)
    if not root.exists():
        raise ConfigError(f"{root}: no such corpus")
    expected = load_expected(expected_path)
    runs = []
    for story in stories(root):
        result = check([story], settings=settings, lexicon_files=lexicon_files)
        source_of = {}
        for d in result.documents:
            rel = Path(d.path).resolve()
            try:
                source_of[d.id] = rel.relative_to(root.resolve()).as_posix()
            except ValueError:
                source_of[d.id] = d.name
            if story == root:
                source_of[d.id] = d.id if "#" in d.id else d.name
        runs.append(Run(result, source_of))
    return score_runs(runs, expected)


def format_report(report: Report) -> str:
    lines = [
        f"{report.stories} stories",
        "",
        f"{'kind':<13}{'expected':>9}{'found':>7}{'alarms':>8}{'false':>7}"
        f"{'precision':>11}{'recall':>8}",
    ]
    rows = list(report.by_kind.items()) + [("overall", report.overall)]
    for kind, s in rows:
        lines.append(
            f"{kind:<13}{s.expected:>9}{s.found:>7}{s.true_alarms + s.false_alarms:>8}"
            f"{s.false_alarms:>7}{s.precision:>11.3f}{s.recall:>8.3f}"
        )
    if report.misses:
        lines += ["", f"Missed ({len(report.misses)}):"]
        for d in report.misses:
            lines.append(f"- [{d['kind']}] {d.get('id', '')}: {d['entity']} {d.get('event', '')}")
            for c in d["claims"]:
                lines.append(f'    {c["source"]}: "{str(c.get("says", "")).strip()}"')
    if report.false_alarms:
        lines += ["", f"False alarms ({len(report.false_alarms)}):"]
        for f, why in report.false_alarms:
            lines.append(f"- [{f.kind}] {f.rule} {f.entity} {f.event}: {why}")
            for c in f.cited:
                lines.append(f'    {c.claim.document}: "{c.claim.sentence}" -> {c.value}')
    if report.related:
        lines += ["", f"Also reported about listed discrepancies ({len(report.related)}):"]
        for f in report.related:
            docs = ", ".join(sorted({c.claim.document for c in f.cited}))
            lines.append(f"- [{f.kind}] {f.rule} {f.entity} {f.event} ({docs})")
    return "\n".join(lines) + "\n"
