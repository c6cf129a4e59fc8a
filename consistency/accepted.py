"""Accepted findings: the list a desk keeps of disagreements it has looked at and lets stand.

``consistency accept FINGERPRINT --reason "..."`` writes an entry to
``.consistency/accepted.yaml``; ``consistency check`` reads that file (or ``--accepted FILE``,
or ``accepted = "..."`` in the settings) and a finding whose fingerprint it lists, and whose
``until`` day has not passed, is reported as accepted and does not fail the run. A baseline
(``--baseline`` a previous JSON report) works the same way: its findings are accepted with the
reason "baseline". The file is plain YAML, meant to be reviewed in a merge request::

    # Findings accepted by the desk: `consistency check` reports them but does not fail on them.
    accepted:
    - fingerprint: DT01-4785d284ff3d
      reason: The Courier's date is the board's; the Daily's is the minister's. Both stand.
      until: 2024-12-31
      rule: DT01
      summary: 'Coastal Water Authority, approved: 2023-08 (Alder Daily); 2023-11 (...)'
      documents: [url:https://..., sha256:...]

``fingerprint`` and ``reason`` are required; ``until`` (a day, inclusive), ``rule``,
``summary`` and ``documents`` (the identities of the cited articles, see
:mod:`consistency.fingerprints`) are optional. An entry is *stale* when its finding does not
appear in a run over the same inputs: its rule ran and every article it cited was read.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from consistency import atomic
from consistency.errors import ConfigError
from consistency.fingerprints import identity
from consistency.models import Acceptance, Finding, Result, Review

#: Where ``accept`` writes and ``check`` looks when no other file is named.
DEFAULT_FILE = os.path.join(".consistency", "accepted.yaml")

#: A fingerprint as :mod:`consistency.fingerprints` writes it: a rule code, 12 hex digits.
FINGERPRINT = re.compile(r"^\w+-[0-9a-f]{12}$")

_KEYS = ("fingerprint", "reason", "until", "rule", "summary", "documents")

_HEADER = (
    "# Findings accepted by the desk: `consistency check` reports them but does not fail on them.\n"
    '# Add or update one with: consistency accept FINGERPRINT --reason "..." [--until YYYY-MM-DD]\n'
    "# An entry holds until the end of its `until` day; without one it holds until removed.\n"
)


# --- the accepted list -----------------------------------------------------------------


def load(path: str | os.PathLike[str]) -> list[Acceptance]:
    """The entries of an accepted list. Raises ConfigError naming the file and the entry."""
    import yaml

    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{p}: accepted list not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read the accepted list: {exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise ConfigError(f"{p}: not valid YAML{where}: {problem}") from None
    if data is None:
        return []
    items = data.get("accepted") if isinstance(data, dict) else data
    if isinstance(data, dict) and set(data) - {"accepted"}:
        extra = ", ".join(sorted(str(k) for k in set(data) - {"accepted"}))
        raise ConfigError(f"{p}: unknown key(s) {extra}; the list goes under 'accepted:'")
    if items is None:
        return []
    if not isinstance(items, list):
        raise ConfigError(f"{p}: 'accepted' must be a list of entries")
    entries: list[Acceptance] = []
    seen: dict[str, int] = {}
    for n, item in enumerate(items, 1):
        entry = _entry(item, f"{p}: entry {n}")
        if entry.fingerprint in seen:
            raise ConfigError(
                f"{p}: entries {seen[entry.fingerprint]} and {n} both accept {entry.fingerprint}"
            )
        seen[entry.fingerprint] = n
        entries.append(entry)
    return entries


def _entry(item: Any, where: str) -> Acceptance:
    if not isinstance(item, dict):
        raise ConfigError(f"{where}: must be a mapping with fingerprint and reason")
    unknown = sorted(str(k) for k in item if k not in _KEYS)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key(s) {', '.join(unknown)} (keys: {', '.join(_KEYS)})"
        )
    fingerprint = item.get("fingerprint")
    if not isinstance(fingerprint, str) or not FINGERPRINT.match(fingerprint.strip()):
        raise ConfigError(
            f"{where}: fingerprint {fingerprint!r} is not one (e.g. DT01-4785d284ff3d)"
        )
    reason = item.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise ConfigError(f"{where} ({fingerprint}): a reason is required")
    documents = item.get("documents") or []
    if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
        raise ConfigError(f"{where} ({fingerprint}): documents must be a list of strings")
    for key in ("rule", "summary"):
        if item.get(key) is not None and not isinstance(item.get(key), str):
            raise ConfigError(f"{where} ({fingerprint}): {key} must be text")
    return Acceptance(
        fingerprint=fingerprint.strip(),
        reason=reason.strip(),
        until=parse_day(item.get("until"), f"{where} ({fingerprint}): until"),
        rule=str(item.get("rule") or ""),
        summary=str(item.get("summary") or ""),
        documents=tuple(documents),
    )


def parse_day(value: Any, what: str) -> date | None:
    """A day written as YAML's date or as ``YYYY-MM-DD`` text; None for nothing."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(f"{what} {value!r} is not a day (YYYY-MM-DD)") from None


def save(path: str | os.PathLike[str], entries: Iterable[Acceptance]) -> None:
    """Write the accepted list, entries sorted by fingerprint, atomically."""
    import yaml

    items = []
    for e in sorted(entries, key=lambda e: e.fingerprint):
        item: dict[str, Any] = {"fingerprint": e.fingerprint, "reason": e.reason}
        if e.until is not None:
            item["until"] = e.until
        if e.rule:
            item["rule"] = e.rule
        if e.summary:
            item["summary"] = e.summary
        if e.documents:
            item["documents"] = list(e.documents)
        items.append(item)
    body = yaml.safe_dump(
        {"accepted": items},
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    atomic.write_text(path, _HEADER + body)


def accept(
    path: str | os.PathLike[str],
    fingerprint: str,
    reason: str,
    until: date | None = None,
    report: Mapping[str, Any] | None = None,
) -> tuple[Acceptance, bool]:
    """Add or update the entry for ``fingerprint`` in the accepted list at ``path`` (created
    if missing). ``report``, a JSON report holding the finding, gives its rule, a summary and
    the articles it cites. Returns the entry and whether it was new."""
    fingerprint = fingerprint.strip()
    if not FINGERPRINT.match(fingerprint):
        raise ConfigError(f"{fingerprint!r} is not a fingerprint (e.g. DT01-4785d284ff3d)")
    if not reason.strip():
        raise ConfigError("--reason must say why the finding is accepted")
    entries = load(path) if Path(path).exists() else []
    entry = Acceptance(fingerprint, " ".join(reason.split()), until, rule=rule_of(fingerprint))
    if report is not None:
        try:
            entry = _described(entry, report)
        except (TypeError, AttributeError, KeyError) as exc:
            raise ConfigError(
                f"the report does not hold findings as check writes them ({exc})"
            ) from None
    new = all(e.fingerprint != fingerprint for e in entries)
    kept = [e for e in entries if e.fingerprint != fingerprint]
    if not new and report is None:
        # Updated without a report: keep what the entry knew of its finding.
        old = next(e for e in entries if e.fingerprint == fingerprint)
        entry = replace(entry, rule=old.rule or entry.rule, summary=old.summary)
        entry = replace(entry, documents=old.documents)
    save(path, [*kept, entry])
    return entry, new


def rule_of(fingerprint: str) -> str:
    return fingerprint.rsplit("-", 1)[0]


def _described(entry: Acceptance, report: Mapping[str, Any]) -> Acceptance:
    findings = report.get("findings") or []
    found = next(
        (
            f
            for f in findings
            if isinstance(f, dict) and entry.fingerprint in (f.get("id"), f.get("fingerprint"))
        ),
        None,
    )
    if found is None:
        raise ConfigError(f"{entry.fingerprint} is not a finding of the report")
    docs = {d.get("id"): d for d in report.get("documents") or [] if isinstance(d, dict)}
    identities = sorted(
        {
            str(docs[c["document"]]["identity"])
            for c in found.get("claims") or []
            if c.get("document") in docs and docs[c["document"]].get("identity")
        }
    )
    return replace(
        entry,
        rule=str(found.get("rule") or entry.rule),
        summary=summary_of(found, docs),
        documents=tuple(identities),
    )


def summary_of(finding: Mapping[str, Any], documents: Mapping[Any, Mapping[str, Any]]) -> str:
    """A finding of a JSON report in one line: its fact, then each value with its sources."""
    by_value: dict[str, list[str]] = {}
    for c in finding.get("claims") or []:
        doc = documents.get(c.get("document")) or {}
        source = doc.get("outlet") or c.get("name") or c.get("document") or "?"
        names = by_value.setdefault(str(c.get("value", "")), [])
        if source not in names:
            names.append(str(source))
    values = "; ".join(f"{v} ({', '.join(s)})" for v, s in by_value.items())
    return f"{finding.get('entity', '')}, {finding.get('event', '')}: {values}"


def read_report(path: str | os.PathLike[str], what: str = "report") -> dict[str, Any]:
    """A JSON report of ``check``. Raises ConfigError naming the file."""
    try:
        data: Any = json.loads(Path(path).read_text(encoding="utf-8"))
        findings = data["findings"]
        if not isinstance(findings, list) or not all(
            isinstance(f, dict)
            and isinstance(f["id"], str)
            and isinstance(f.get("claims", []), list)
            and all(
                isinstance(c, dict) and isinstance(c.get("document", ""), str)
                for c in f.get("claims", [])
            )
            for f in findings
        ):
            raise TypeError("its findings are not a list of findings with ids and claims")
        documents = data.get("documents", [])
        if not isinstance(documents, list) or not all(
            isinstance(d, dict) and isinstance(d.get("id", ""), str) for d in documents
        ):
            raise TypeError("its documents are not a list of documents with ids")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a consistency JSON {what} ({exc})") from None
    result: dict[str, Any] = data
    return result


def baseline_entries(report: Mapping[str, Any]) -> list[Acceptance]:
    """The findings of a previous report as entries accepted with the reason "baseline"."""
    try:
        return _baseline_entries(report)
    except (TypeError, AttributeError, KeyError) as exc:
        raise ConfigError(
            f"the baseline does not hold findings as check writes them ({exc})"
        ) from None


def _baseline_entries(report: Mapping[str, Any]) -> list[Acceptance]:
    docs = {d.get("id"): d for d in report.get("documents") or [] if isinstance(d, dict)}
    return [
        Acceptance(
            fingerprint=str(f["id"]),
            reason="baseline",
            rule=str(f.get("rule") or rule_of(str(f["id"]))),
            summary=summary_of(f, docs),
            source="baseline",
        )
        for f in report["findings"]
    ]


# --- a run against the list ------------------------------------------------------------


def sources(
    path: str | os.PathLike[str] | None,
    configured: str | None = None,
    baseline: str | os.PathLike[str] | None = None,
) -> tuple[list[Acceptance], list[Acceptance] | None]:
    """What a run accepts: the entries of the accepted list, and the baseline's findings as
    entries (None without a baseline).

    The list is ``path`` (it must exist), else ``configured`` (the settings' ``accepted``)
    when that file exists, else :data:`DEFAULT_FILE` when it exists.
    """
    if path is None and configured and Path(configured).exists():
        path = configured
    if path is None and Path(DEFAULT_FILE).exists():
        path = DEFAULT_FILE
    entries = load(path) if path is not None else []
    base = None
    if baseline is not None:
        base = baseline_entries(read_report(baseline, "report (--baseline)"))
    return entries, base


def notices(review: Review | None) -> list[str]:
    """What to tell on standard error: stale entries, and acceptances that have ended."""
    if review is None:
        return []
    out = [
        f"stale accepted entry {e.fingerprint}"
        + (f" ({e.summary})" if e.summary else "")
        + ": its finding no longer appears; remove it from the accepted list"
        for e in review.stale
    ]
    out += [
        f"the acceptance of {e.fingerprint} ended on {e.until}: it fails again"
        for e in review.expired
    ]
    return out


def review(
    result: Result,
    entries: Sequence[Acceptance],
    baseline: Sequence[Acceptance] | None = None,
    *,
    rules_run: Iterable[str] = (),
    today: date | None = None,
) -> Review:
    """How ``result``'s findings stand against the accepted ``entries`` and a ``baseline``.

    Call it on the whole run, before findings are narrowed to a new drop (``--new``), so
    that an entry is called stale only when its finding is really gone. ``rules_run`` are
    the codes of the rules that ran: an entry of a rule that did not run is not stale. A
    result already narrowed to a drop (an incremental check against a store) can only tell
    that the findings of entries naming one of the drop's articles are gone.
    """
    today = today or date.today()
    found = {f.fingerprint for f in result.findings_list}
    read = {identity(d) for d in result.documents}
    if result.narrowed_to is not None:
        new = {identity(d) for d in result.documents if d.id in result.narrowed_to}
        entries_judged = [e for e in entries if new.intersection(e.documents)]
    else:
        entries_judged = list(entries)
    ran = set(rules_run)
    in_force: dict[str, Acceptance] = {}
    for b in baseline or ():
        in_force[b.fingerprint] = b
    expired = tuple(e for e in entries if e.until is not None and e.until < today)
    for e in entries:
        if e.until is None or e.until >= today:
            in_force[e.fingerprint] = e  # the accepted list's reason wins over "baseline"
    stale = tuple(
        e
        for e in entries_judged
        if e.fingerprint not in found
        and (not e.rule or e.rule in ran)
        and all(d in read for d in e.documents)
    )
    absent = tuple(b for b in baseline or () if b.fingerprint not in found)
    return Review(
        accepted=in_force,
        stale=stale,
        expired=tuple(e for e in expired if e.fingerprint in found),
        baseline=frozenset(b.fingerprint for b in baseline) if baseline is not None else None,
        absent=absent,
    )


def status(finding: Finding, review: Review | None) -> str:
    """``failing``, ``accepted`` or ``passing`` (below ``--fail-on``) for a reported finding;
    without a review every finding fails (``--fail-on low``, nothing accepted)."""
    if review is None:
        return "failing"
    if finding.fingerprint in review.accepted:
        return "accepted"
    return "failing" if finding.fingerprint in review.failing else "passing"
