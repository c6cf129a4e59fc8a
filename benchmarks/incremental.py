"""An incremental CI check: a drop of 10 articles against a store of 10,000.

    python benchmarks/incremental.py [--size 10000] [--work DIR] [--jobs 2] [--store URL]

Builds (once: the store and its articles are kept in ``--work``, default
``/tmp/consistency-incremental``) an archive of ``--size`` articles:

* perturbed copies of the real stories under ../shared/corpus/real (when present) and of
  examples/: every copy renames the capitalised words (names, places, outlets) to invented
  ones, its own for each copy, and moves its figures and years a little, so each copy is a
  story of its own that tells the same kinds of facts;
* the rest: stories invented by benchmarks/generate.py (4 outlets each, in batches of 40
  stories: names recur across batches, as common names do in an archive);

then stores them (``consistency store add``, ``--jobs`` processes; the time is printed),
and times ``consistency.store.check`` of a drop of 10 new articles (one new invented story
of 4 outlets and 6 new perturbed copies), the parse of the 10 included, in this process
with the spaCy model already loaded (loading it costs about a second more per process),
and the same check as a command (``consistency check DROP --store ...``), wall clock.
Prints how many stored articles the check read, and the store's size on disk.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
sys.path.append(str(ROOT))  # last: the installed consistency, not the checkout's folder

from benchmarks.generator import generate  # noqa: E402
from consistency.extract import lexicon, nlp  # noqa: E402
from consistency.store import Store, add, check, open_store, reader  # noqa: E402
from consistency.time.calendar import MONTH_NAMES, WEEKDAYS  # noqa: E402

print = partial(print, flush=True)  # noqa: A001 - progress of a long run, as it happens

_SYLLABLES = "ka lo mi ra ve tu sen dor fal gri hal bren mor tis quen zal vor nel pa".split()
_KEEP = {
    *"The A An In On At Of And But For It He She They We This That His Her Its Their Our"
    " Title Outlet Mr Ms Mrs Dr President Minister Mayor Chief".split(),
    *MONTH_NAMES,
    *(w.capitalize() for w in WEEKDAYS),
}


def _invented(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def perturb(text: str, copy: int) -> str:
    """The article as another story: its names renamed, its figures and years moved."""
    rng = random.Random(copy)
    names: dict[str, str] = {}

    def name(m: re.Match[str]) -> str:
        w = m.group(0)
        if w in _KEEP:
            return w
        return names.setdefault(w, _invented(rng))

    def figure(m: re.Match[str]) -> str:
        n = int(m.group(0))
        if 1900 <= n <= 2030:
            return str(n + copy % 7 - 3)
        return str(max(1, round(n * (0.5 + (copy % 11) / 10))))

    body = re.sub(r"\b[A-Z][a-z]{2,}\b", name, text)
    return re.sub(r"(?<![\d.,])\d{1,4}(?![\d.,])", figure, body)


def _bases() -> list[Path]:
    found = sorted(REAL.rglob("*.txt")) if REAL.is_dir() else []
    return found + sorted(
        p for p in (ROOT / "examples").iterdir() if p.is_file() and p.suffix != ".yaml"
    )


def build(folder: Path, size: int, copies: int, seed: int) -> None:
    bases = _bases()
    n = 0
    for c in range(copies):
        for b in bases:
            out = folder / "copies" / f"copy-{c:04d}" / b.name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(perturb(b.read_text(encoding="utf-8"), c * 7919 + 1), encoding="utf-8")
            n += 1
    stories = max(0, (size - n) // 4)
    for batch in range(0, stories, 40):  # the generator runs out of names past a few dozen
        part = folder / "invented" / f"batch-{batch // 40:03d}"
        generate(part, stories=min(40, stories - batch), outlets=4, seed=seed + batch)
    extra = size - n - 4 * stories  # a few more copies to reach the size exactly
    for k, b in enumerate(bases[:extra]):
        out = folder / "copies" / "extra" / b.name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(perturb(b.read_text(encoding="utf-8"), 10**6 + k), encoding="utf-8")


def drop(folder: Path, seed: int) -> None:
    """10 new articles: one invented story (4 outlets) and 6 new perturbed copies."""
    generate(folder / "story", stories=1, outlets=4, seed=seed)
    (folder / "story" / "expected.yaml").unlink()
    bases = _bases()
    rng = random.Random(seed)
    for k, b in enumerate(rng.sample(bases, 6)):
        out = folder / "copies" / f"{k}-{b.name}"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(
            perturb(b.read_text(encoding="utf-8"), 2 * 10**6 + 10 * seed + k), encoding="utf-8"
        )


def _arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=10_000)
    ap.add_argument("--copies", type=int, default=8, help="perturbed copies of each real article")
    ap.add_argument("--work", type=Path, default=Path("/tmp/consistency-incremental"))
    ap.add_argument("--store", default=None, help="store URL (default: WORK/store.sqlite)")
    ap.add_argument("--jobs", type=int, default=2, help="processes to fill the store")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--drops", type=int, default=3, help="drops checked in this process")
    return ap.parse_args()


def _check_drops(st: Store, work: Path, size: int, seed: int, drops: int) -> list[float]:
    """Check ``drops`` new drops against the store in this process; their times."""
    runs = []
    for k in range(drops):
        # A new drop each time, never stored before: its seed is the store's size.
        new = work / f"drop-{size}-{k}"
        shutil.rmtree(new, ignore_errors=True)
        drop(new, seed + st.stats()["documents"])
        t = time.perf_counter()

        def phase(message: str, start: float = t) -> None:
            print(f"  {time.perf_counter() - start:7.2f} s  {message}")

        result = check(st, [new], jobs=1, note=phase)
        runs.append(time.perf_counter() - t)
        read = len(result.documents) - 10
        print(
            f"drop {k}: check of 10 new articles (parse included) {runs[-1]:.2f} s;"
            f" {read} stored articles read with them; {len(result.findings_list)} findings"
        )
    return runs


def _check_from_command(work: Path, size: int, seed: int, where: str, stored: int) -> None:
    """One more drop checked by the command line: process start and model load included."""
    new = work / f"drop-{size}-cli"
    shutil.rmtree(new, ignore_errors=True)
    drop(new, seed + stored)
    t = time.perf_counter()
    cmd = [sys.executable, "-m", "consistency.cli", "check", str(new), "--store", where]
    done = subprocess.run([*cmd, "-f", "json", "-o", str(work / "drop.json"), "-q"], check=False)
    print(
        f"command: consistency check DROP --store ... {time.perf_counter() - t:.2f} s wall"
        f" (exit {done.returncode}; process start and model load included)"
    )


def main() -> None:
    args = _arguments()
    work: Path = args.work
    archive = work / f"archive-{args.size}"
    where = args.store or str(work / f"store-{args.size}.sqlite")
    if not archive.is_dir():
        t = time.perf_counter()
        build(archive, args.size, args.copies, args.seed)
        print(f"wrote {args.size} articles in {archive} ({time.perf_counter() - t:.1f} s)")
    lex = lexicon.load()
    nlp.load()
    with open_store(where, reader()) as st:
        t = time.perf_counter()
        filled = add(st, [archive], lexicon=lex, jobs=args.jobs)
        took = time.perf_counter() - t
        print(
            f"store add: {filled.documents} articles, {filled.read} read now"
            f" ({took:.1f} s with {args.jobs} processes)"
        )
        runs = _check_drops(st, work, args.size, args.seed, args.drops)
        stats = st.stats()
    print(f"median in-process check: {sorted(runs)[len(runs) // 2]:.2f} s (model loaded)")
    _check_from_command(work, args.size, args.seed, where, stats["documents"])
    print(
        f"store: {stats['documents']} documents, {stats['readings']} readings,"
        f" {stats['size_bytes'] / 2**20:.1f} MiB on disk ({where})"
    )


if __name__ == "__main__":
    main()
