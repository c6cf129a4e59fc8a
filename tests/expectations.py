"""Compare a run's findings with an ``expected.yaml`` (the seeds' format).

A discrepancy is found when a finding of its kind cites every one of its sources, names
its entity, and matches it by the yardstick's rule (``consistency.evaluate.matches``: each
claim cited by document and quote, two differing values). A finding is a false alarm when
it speaks of a ``consistent`` entry's entity and event, or cites page furniture, or matches
no discrepancy at all. The seeds' ``consistent`` entries have no claims, so these checks
go by names, which ``consistency eval`` no longer does.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from consistency import evaluate
from consistency.models import Finding, Result


def _words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in {"the", "of", "s"}}


def entity_matches(expected: str, actual: str) -> bool:
    """Names match when the words of one contain the other's ("Civic Assembly")."""
    e, a = _words(expected), _words(actual)
    return bool(e) and bool(a) and (e <= a or a <= e)


def event_matches(expected: str, actual: str) -> bool:
    """Free-text events ("released policy statements") against lexicon ids
    ("released-statement"): a shared word stem of five letters."""
    stems_e = {w[:5] for w in _words(expected) if len(w) >= 5}
    stems_a = {w[:5] for w in _words(actual) if len(w) >= 5}
    return bool(stems_e & stems_a)


def names_of(d: dict[str, Any]) -> list[str]:
    """The names a finding may carry: the entity, the one called "first", the speakers."""
    names = [str(d["entity"])]
    if d.get("first"):
        names.append(str(d["first"]))
    return names + [str(s) for s in d.get("speakers") or ()]


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def names(result: Result, f: Finding) -> set[str]:
    docs = {d.id: d for d in result.documents}
    return {docs[c.claim.document].name for c in f.cited}


def matches(result: Result, f: Finding, d: dict[str, Any]) -> bool:
    sources = {c["source"] for c in d["claims"]}
    docs = {doc.id: doc.name for doc in result.documents}
    cited = [(docs[c.claim.document], c.claim.sentence) for c in f.cited]
    return (
        d["kind"] in f.kinds
        and sources <= names(result, f)
        and any(entity_matches(e, f.entity) for e in names_of(d))
        and evaluate.matches(cited, d)
    )


def covered(result: Result, f: Finding, discrepancies: list[dict[str, Any]]) -> bool:
    """The finding speaks of a listed discrepancy (its entity, within its sources)."""
    for d in discrepancies:
        sources = {c["source"] for c in d["claims"]}
        if names(result, f) <= sources and any(entity_matches(e, f.entity) for e in names_of(d)):
            return True
    return False


def false_alarms(result: Result, consistent: list[dict[str, Any]]) -> list[str]:
    out = []
    for f in result.findings_list:
        for c in consistent:
            if "entity" not in c:
                continue
            if entity_matches(c["entity"], f.entity) and event_matches(c["event"], f.event):
                if "sources" in c and not set(c["sources"]) & names(result, f):
                    continue
                out.append(f"{f.rule} {f.entity} {f.event} matches consistent {c['id']}")
    return out


def furniture_quotes(result: Result) -> list[str]:
    """Cited quotes that come from page furniture rather than the article text."""
    docs = {d.id: d for d in result.documents}
    bad = []
    for f in result.findings_list:
        for c in f.cited:
            d = docs[c.claim.document]
            if c.claim.sentence not in d.text or any(c.claim.sentence in r.text for r in d.removed):
                bad.append(f"{f.rule}: {c.claim.sentence[:80]}")
    return bad
