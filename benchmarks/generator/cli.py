"""Generate a seeded corpus of invented multi-outlet news stories with known answers.

The command line: ``python benchmarks/generate.py OUT --stories N --outlets M --seed S``,
or ``python -m benchmarks.generator OUT ...``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .corpus import generate
from .model import KINDS


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to write (story-001/ ... and expected.yaml)")
    ap.add_argument("--stories", type=int, default=20)
    ap.add_argument("--outlets", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    if args.stories < 1 or args.outlets < 2:
        print(
            "error: --stories must be at least 1 and --outlets at least 2 (a discrepancy "
            "needs two outlets)",
            file=sys.stderr,
        )
        return 2
    data = generate(args.out, args.stories, args.outlets, args.seed)
    counts: dict[str, int] = {}
    for d in data["discrepancies"]:
        counts[d["kind"]] = counts.get(d["kind"], 0) + 1
        if d.get("form") in ("count", "internal"):
            counts[d["form"]] = counts.get(d["form"], 0) + 1
    summary = ", ".join(f"{k} {counts.get(k, 0)}" for k in KINDS)
    summary += f"; of these, count {counts.get('count', 0)}, internal {counts.get('internal', 0)}"
    print(
        f"{args.stories} stories x {args.outlets} outlets in {args.out}: "
        f"{len(data['discrepancies'])} discrepancies ({summary}), "
        f"{len(data['consistent'])} consistent entries",
        file=sys.stderr,
    )
    return 0
