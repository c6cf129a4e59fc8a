"""End-to-end speed and memory: articles per second through each stage.

    python benchmarks/throughput.py [--copies N] [CORPUS ...]

Copies the given corpora (default: the real stories of ../shared/corpus/real when present,
else examples/ and the seeds) N times into a temporary folder, as if N stories of that
size arrived, then times ingest, the lexicon extraction, the value parse (spaCy, loaded
once before timing) and the full check, and prints articles per second and peak memory.
Figures vary with the machine; compare runs on the same one.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

from consistency import facts, lexicon, nlp
from consistency.extract import extract
from consistency.ingest import ingest
from consistency.pipeline import check
from consistency.text import _sentences

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--copies", type=int, default=1)
    args = ap.parse_args()
    real = ROOT.parent / "shared/corpus/real"
    default = sorted(p for p in real.iterdir() if p.is_dir()) if real.is_dir() else []
    corpora = args.corpora or default or [ROOT / "examples", ROOT.parent / "shared/corpus/seeds"]
    corpora = [c for c in corpora if c.is_dir()]
    nlp.load()  # once per process, as a run does; not part of the figures
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.copies):
            for c in corpora:
                shutil.copytree(c, Path(tmp) / f"story-{i:03d}-{c.name}")
        stories = sorted(Path(tmp).iterdir())
        lex = lexicon.default()

        t0 = time.perf_counter()
        docs = ingest([tmp]).documents
        t_ingest = time.perf_counter() - t0

        # The copies are identical texts: clear the caches so no copy is served from them.
        t0 = time.perf_counter()
        n_claims = 0
        for d in docs:
            _sentences.cache_clear()
            n_claims += len(extract(d, lex))
        t_extract = time.perf_counter() - t0

        t0 = time.perf_counter()
        _sentences.cache_clear()
        n_values = sum(len(ms) for ms in facts.mentions(docs).values())
        t_values = time.perf_counter() - t0

        t0 = time.perf_counter()
        findings = 0
        for story in stories:  # one story at a time, as an editor runs it
            _sentences.cache_clear()
            findings += len(check([story]).findings_list)
        t_check = time.perf_counter() - t0

        # Memory of one run over everything at once (tracing slows it: timed apart).
        tracemalloc.start()
        check([tmp])
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

    n = len(docs)
    print(
        f"{n} articles in {len(stories)} stories, {n_claims} lexicon claims,"
        f" {n_values} value claims, {findings} findings"
    )
    print(f"{'stage':<22}{'seconds':>9}{'articles/s':>12}{'ms/article':>12}")
    for name, t in (
        ("ingest", t_ingest),
        ("extract (lexicon)", t_extract),
        ("values (spaCy parse)", t_values),
        ("check (all stages)", t_check),
    ):
        print(f"{name:<22}{t:>9.2f}{n / t:>12.1f}{1000 * t / n:>12.2f}")
    print(f"peak traced memory of one check over all {n} articles: {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
