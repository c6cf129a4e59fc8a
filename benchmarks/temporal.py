"""Benchmark: consistency.time.temporal against dateparser's search_dates on the case table.

Run from the repository root::

    python benchmarks/temporal.py [--ours-passes N] [--dateparser-passes N]

The table is ``tests/data/temporal_cases.yaml``: sentences with an anchor (publication
date, or none), a tense, and every time expression expected in them with its interval.
Both tools get the same sentence and the same anchor, in one run.

* ours: ``find_times(sentence)``, then ``resolve(text, anchor, tense=tense)`` for each
  mention.
* dateparser: ``dateparser.search.search_dates(sentence, languages=["en"], settings=...)``
  with ``RELATIVE_BASE`` = the anchor (left out when the document has no anchor) and
  ``PREFER_DATES_FROM`` = "past" / "future" / "current_period" from the tense, so that it
  gets the same information we do.

Scoring, per expected expression (strict about invented precision, fair otherwise):

* A returned item *covers* an expected expression when their character spans overlap
  (dateparser's substrings are located in the sentence left to right).
* ours is correct when a covering mention resolves to exactly the expected interval
  ``[start, end)``; for an expression that cannot be anchored (expected start null) the
  covering mention must be unresolved too.
* dateparser returns one datetime, never an interval: it is correct when a covering item's
  day lies inside the expected interval AND the expected granularity is "day". For a
  "month", "year", "quarter", ... expression any single day is invented precision, so it is
  wrong. For an expression that cannot be anchored it is correct when it returns nothing
  for it (it did not guess from today's date).
* A returned item that covers no expected expression is a false positive ("May" the verb,
  "13,000 people", ...).

accuracy = correct / (expected expressions + false positives).

Speed: wall time to process the whole table (every sentence found and resolved), best of
several passes; ours clears its caches before each pass so no work is reused across
passes. Reported as expected expressions per second and sentences per second.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from consistency.time import meaning, temporal  # noqa: E402

CASES_FILE = ROOT / "tests" / "data" / "temporal_cases.yaml"

Span = tuple[int, int]


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def load_cases() -> list[dict[str, Any]]:
    cases = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]
    for case in cases:
        case["anchor"] = _day(case["anchor"])
        at = 0
        for e in case["expect"]:
            start = case["sentence"].index(e["text"], at)
            e["span"] = (start, start + len(e["text"]))
            e["start"], e["end"] = _day(e["start"]), _day(e["end"])
            at = e["span"][1]
    return cases


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# ------------------------------------------------------------------------------- tools


def run_ours(case: dict[str, Any]) -> list[tuple[Span, date | None, date | None]]:
    out = []
    for m in temporal.find_times(case["sentence"]):
        tv = temporal.resolve(m.text, case["anchor"], tense=case["tense"])
        out.append(((m.start, m.end), tv.start, tv.end))
    return out


def _clear_our_caches() -> None:
    temporal.resolve.cache_clear()
    meaning.parse.cache_clear()
    temporal.parse_date_string.cache_clear()


_PREFER = {"past": "past", "future": "future", "present": "current_period"}


def run_dateparser(case: dict[str, Any]) -> list[tuple[Span, date]]:
    from dateparser.search import search_dates

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": _PREFER.get(case["tense"], "past"),
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if case["anchor"] is not None:
        a = case["anchor"]
        settings["RELATIVE_BASE"] = datetime(a.year, a.month, a.day)
    found = search_dates(case["sentence"], languages=["en"], settings=settings) or []
    out = []
    at = 0
    sentence = case["sentence"]
    for text, dt in found:
        start = sentence.find(text, at)
        if start < 0:
            start = sentence.find(text)
        if start < 0:
            continue
        out.append(((start, start + len(text)), dt.date()))
        at = start + len(text)
    return out


# ----------------------------------------------------------------------------- scoring


def score_ours(
    case: dict[str, Any], got: list[tuple[Span, date | None, date | None]]
) -> tuple[int, int]:
    correct = 0
    for e in case["expect"]:
        covering = [g for g in got if _overlaps(g[0], e["span"])]
        if any((s, t) == (e["start"], e["end"]) for _, s, t in covering):
            correct += 1
    spurious = sum(1 for g in got if not any(_overlaps(g[0], e["span"]) for e in case["expect"]))
    return correct, spurious


def score_dateparser(case: dict[str, Any], got: list[tuple[Span, date]]) -> tuple[int, int]:
    correct = 0
    for e in case["expect"]:
        covering = [g for g in got if _overlaps(g[0], e["span"])]
        if e["start"] is None:
            correct += not covering
        elif e["granularity"] == "day" and any(e["start"] <= d < e["end"] for _, d in covering):
            correct += 1
    spurious = sum(1 for g in got if not any(_overlaps(g[0], e["span"]) for e in case["expect"]))
    return correct, spurious


# ------------------------------------------------------------------------------ runner


def measure(cases: list[dict[str, Any]], tool: str, passes: int) -> dict[str, float]:
    run = run_ours if tool == "ours" else run_dateparser
    score = score_ours if tool == "ours" else score_dateparser
    best = float("inf")
    results: list[Any] = []
    for _ in range(passes):
        if tool == "ours":
            _clear_our_caches()
        t0 = time.perf_counter()
        results = [run(c) for c in cases]
        best = min(best, time.perf_counter() - t0)
    correct = spurious = 0
    for case, got in zip(cases, results, strict=True):
        c, s = score(case, got)  # type: ignore[operator]
        correct += c
        spurious += s
    expected = sum(len(c["expect"]) for c in cases)
    return {
        "correct": correct,
        "expected": expected,
        "false_pos": spurious,
        "accuracy": correct / (expected + spurious),
        "expr_per_s": expected / best,
        "sent_per_s": len(cases) / best,
        "seconds": best,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ours-passes", type=int, default=20)
    ap.add_argument("--dateparser-passes", type=int, default=2)
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")  # dateparser's deprecation chatter
    cases = load_cases()
    import dateparser.search  # noqa: F401  (import cost is not part of the timing)

    run_dateparser(cases[0])  # warm dateparser's language data outside the timing
    rows = {
        "consistency.time.temporal": measure(cases, "ours", args.ours_passes),
        "dateparser.search_dates": measure(cases, "dateparser", args.dateparser_passes),
    }
    n_expr = sum(len(c["expect"]) for c in cases)
    print(f"{len(cases)} sentences, {n_expr} expected expressions, "
          f"{sum(1 for c in cases if not c['expect'])} with none")  # fmt: skip
    cols = ("correct", "false+", "accuracy", "expr/s", "sent/s")
    header = f"{'tool':<25} " + " ".join(
        f"{c:>{w}}" for c, w in zip(cols, (9, 7, 9, 10, 10), strict=True)
    )
    print(header)
    print("-" * len(header))
    for name, r in rows.items():
        print(
            f"{name:<25} {r['correct']:>4}/{r['expected']:<4} {r['false_pos']:>7} "
            f"{r['accuracy']:>9.1%} {r['expr_per_s']:>10,.0f} {r['sent_per_s']:>10,.0f}"
        )
    ours, theirs = rows["consistency.time.temporal"], rows["dateparser.search_dates"]
    print(
        f"\nours vs dateparser: accuracy {ours['accuracy'] - theirs['accuracy']:+.1%} points, "
        f"{ours['expr_per_s'] / theirs['expr_per_s']:,.0f}x the throughput"
    )
    ok = ours["accuracy"] > theirs["accuracy"] and ours["expr_per_s"] >= theirs["expr_per_s"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
