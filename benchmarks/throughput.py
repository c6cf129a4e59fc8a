"""End-to-end speed: articles per second in one process and with --jobs, and how cost grows.

    python benchmarks/throughput.py [--quick] [--jobs N] [--sizes 150,600,1500,3000] [CORPUS ...]

CORPUS defaults to the real stories of ../shared/corpus/real when present, else examples/
and the seeds. Prints:

1. articles per second of one ``check`` over the corpus in one process, with the time
   spent reading it (ingest) and on the per-document work (sentences, value parse, lexicon
   claims), the rest being the corpus-wide stages (resolution, dating, graph, rules);
2. the same with ``--jobs N`` worker processes (default 2), and whether its findings are
   the same;
3. the growth exponent: the corpus copied until it holds each of ``--sizes`` articles (as
   if that many arrived), one ``check`` over each, and the slope of log(time) against
   log(articles): 1.0 is linear. ``--quick`` uses 75, 150 and 300 articles.

The spaCy model is loaded, and the code warmed up on examples/, before any timing: a run
pays that once (about a second). Copies share texts, so syntok's sentence cache serves
the copies' sentences (a few percent of the per-article time); nothing else is cached
across documents. Figures vary with the machine and with what else runs on it; compare
runs on the same one.
"""

from __future__ import annotations

import argparse
import math
import resource
import shutil
import tempfile
import time
from pathlib import Path

from consistency import pipeline
from consistency.extract import nlp
from consistency.extract import read as reading
from consistency.extract.text import _sentences

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for part 2")
    ap.add_argument("--sizes", default="150,600,1500,3000", help="articles, for the exponent")
    ap.add_argument("--quick", action="store_true", help="sizes 75,150,300")
    args = ap.parse_args()
    real = ROOT.parent / "shared/corpus/real"
    default = sorted(p for p in real.iterdir() if p.is_dir()) if real.is_dir() else []
    corpora = args.corpora or default or [ROOT / "examples", ROOT.parent / "shared/corpus/seeds"]
    corpora = [c for c in corpora if c.is_dir()]
    sizes = [75, 150, 300] if args.quick else [int(s) for s in args.sizes.split(",")]

    nlp.load()
    pipeline.check(ROOT / "examples")  # compiles the lazy patterns, as any first run does
    with tempfile.TemporaryDirectory() as tmp:
        base = _copy(corpora, Path(tmp) / "base")
        n, one, parts = _timed_check(base, jobs=1)
        print(f"{n} articles in {len(corpora)} stories")
        print(f"one process:  {n / one:6.1f} articles/s  ({one:.2f} s;", end=" ")
        print(f"ingest {parts['ingest']:.2f} s, per-document {parts['read']:.2f} s,", end=" ")
        print(f"corpus-wide {one - parts['ingest'] - parts['read']:.2f} s)")
        same = _fingerprints(base, 1) == _fingerprints(base, args.jobs)
        _, many, _ = _timed_check(base, jobs=args.jobs)
        print(
            f"--jobs {args.jobs}:     {n / many:6.1f} articles/s  ({many:.2f} s,"
            f" {one / many:.2f}x; same findings: {same})"
        )
        points = []
        for size in sizes:
            folder = _copy(corpora, Path(tmp) / f"n{size}", size)
            count, seconds, _ = _timed_check(folder, jobs=1)
            points.append((count, seconds))
            print(f"{count:6d} articles: {seconds:7.2f} s, {count / seconds:6.1f} articles/s")
            shutil.rmtree(folder)
    print(f"growth exponent (log-log slope of time against articles): {_slope(points):.2f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # kB on Linux
    print(f"peak resident memory of this process: {peak:.0f} MB")


def _copy(corpora: list[Path], into: Path, articles: int = 0) -> Path:
    """The stories copied into ``into`` once, or until it holds ``articles`` articles."""
    count, i = 0, 0
    while i == 0 or count < articles:
        for c in corpora:
            shutil.copytree(c, into / f"story-{i:04d}-{c.name}")
            count += sum(1 for p in c.rglob("*") if p.is_file() and p.suffix not in _ANSWERS)
            if articles and count >= articles:
                break
        i += 1
    return into


_ANSWERS = {".yaml", ".yml"}  # a story's answer key, not an article


def _timed_check(folder: Path, jobs: int) -> tuple[int, float, dict[str, float]]:
    """Articles checked, seconds, and the seconds of ingest and per-document reading."""
    parts = {"ingest": 0.0, "read": 0.0}
    ingest, read = pipeline.ingest, reading.read

    def timed(name, f):  # type: ignore[no-untyped-def]
        def run(*a, **k):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            try:
                return f(*a, **k)
            finally:
                parts[name] += time.perf_counter() - t0

        return run

    pipeline.ingest, reading.read = timed("ingest", ingest), timed("read", read)
    _sentences.cache_clear()
    try:
        t0 = time.perf_counter()
        result = pipeline.check(folder, jobs=jobs)
        seconds = time.perf_counter() - t0
    finally:
        pipeline.ingest, reading.read = ingest, read
    return len(result.documents), seconds, parts


def _fingerprints(folder: Path, jobs: int) -> list[str]:
    return [f.fingerprint for f in pipeline.check(folder, jobs=jobs).findings_list]


def _slope(points: list[tuple[int, float]]) -> float:
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0


if __name__ == "__main__":
    main()
