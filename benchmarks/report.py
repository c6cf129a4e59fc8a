"""How fast the HTML report is with 2,000 findings: writing it, its size, and in Chromium
its first paint and a filter click.

    python benchmarks/report.py [--findings 2000] [--out report-2000.html] [--no-browser]

The findings are synthesised (invented outlets, entities and sentences, seeded), each with
two to four cited claims from different articles, so the page is as heavy per finding as a
real one: quotes with the sentences around them, how each value was read, hints. Goals:
write < 5 s, file < 5 MB, first paint < 2 s, a filter click < 200 ms. Not a timed test:
the figures depend on the machine; tests/test_html.py checks the size only.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from consistency.models import (
    Anchor,
    Cited,
    Claim,
    DateSource,
    Document,
    Finding,
    Granularity,
    Quantity,
    Result,
    TimeValue,
)
from consistency.time.calendar import MONTH_NAMES

CHROMIUM = "/usr/bin/chromium"

_PLACES = "North South East West Harbour River Hill Lake Stone Oak Bay Glen Marsh Port".split()
_PAPERS = "Gazette Courier Herald Ledger Post Wire Times Chronicle Observer Dispatch".split()
_NAMES = "Alder Birch Cedar Dunmore Elkin Farrow Galley Hollis Ingram Juniper Kestrel".split()
_KINDS_OF = "Energy Utilities Foods Holdings Transit Council Authority Bank Labs Works".split()
_EVENTS = ["licensed", "passed-law", "raised-funds", "fined", "opened", "cut-jobs", "launched"]
_VERBS = {
    "licensed": "obtained its operating licence",
    "passed-law": "passed the harbour bill",
    "raised-funds": "raised new money from investors",
    "fined": "was fined by the regulator",
    "opened": "opened its second depot",
    "cut-jobs": "announced job cuts",
    "launched": "launched the ferry service",
}
_FILLER = [
    "Residents had waited for a decision since the consultation closed last spring, and several"
    " groups said they would keep a close watch on what happens next.",
    "The plan has divided opinion among local business owners, some of whom say the costs will"
    " fall on customers long before any of the promised benefits arrive.",
    "Officials said further details would follow in the coming weeks, once the board has met and"
    " the remaining objections have been heard in public.",
    "Critics argue the timetable leaves little room for review, pointing to the short notice given"
    " before the last two hearings at the town hall.",
    "The company declined to comment on the figures when asked on Tuesday, saying only that it"
    " would publish a full statement with its annual results.",
    "A spokesperson described the process as thorough and open, and said every submission had"
    " been read by at least two members of staff.",
]


def _month(day: date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


# One planned finding: its number, entity, event, kind, and the claims it will cite, each
# (document, sentence index, day, figure, sentence).
_Plan = tuple[int, str, str, str, list[tuple[str, int, date, int, str]]]


def synthetic(findings: int = 2000, seed: int = 2000, most: int = 4) -> Result:
    """A result with ``findings`` findings over invented documents, each citing two to
    ``most`` claims; the same for a seed."""
    rng = random.Random(seed)
    outlets = sorted({f"The {p} {q}" for p in _PLACES for q in _PAPERS})[:120]
    entities = sorted({f"{a} {b}" for a in _NAMES for b in _KINDS_OF})[:150]
    docs = [f"{i:03d}-{o.lower().replace(' ', '-')}.txt" for i, o in enumerate(outlets)]
    texts: dict[str, list[str]] = {d: [] for d in docs}
    plans = [_plan_finding(rng, n, entities, docs, texts, most) for n in range(findings)]
    starts = {d: _starts(texts[d]) for d in docs}
    claims: list[Claim] = []
    out = [_finding(plan, starts, claims) for plan in plans]
    return Result(documents=_documents(docs, outlets, texts), claims_list=claims, findings_list=out)


def _plan_finding(
    rng: random.Random,
    n: int,
    entities: list[str],
    docs: list[str],
    texts: dict[str, list[str]],
    most: int,
) -> _Plan:
    """Draw finding ``n`` and write its cited sentences, between fillers, into ``texts``."""
    entity, event = rng.choice(entities), rng.choice(_EVENTS)
    kind = rng.choice(["date", "date", "number", "number", "first", "order", "status"])
    cited = []
    base = date(2022, 1, 1) + timedelta(days=rng.randrange(900))
    for j, doc in enumerate(rng.sample(docs, rng.randint(2, most))):
        day = base + timedelta(days=(j % 2) * rng.randint(40, 300))
        figure = (1 + j % 2) * rng.randrange(100, 5000)
        sentence = (
            f"{entity} {_VERBS[event]} in {_month(day)}, with {figure:,} people involved,"
            f" according to {rng.choice(_NAMES)} {rng.choice(['Advisers', 'Partners'])}."
        )
        texts[doc] += [rng.choice(_FILLER), sentence]
        cited.append((doc, len(texts[doc]) - 1, day, figure, sentence))
        texts[doc].append(rng.choice(_FILLER))
    return n, entity, event, kind, cited


def _documents(docs: list[str], outlets: list[str], texts: dict[str, list[str]]) -> list[Document]:
    """The invented documents, with the metadata a real one's report shows."""
    return [
        Document(
            id=d,
            path=f"bench/{d}",
            name=d,
            text="\n\n".join(texts[d]),
            title=f"{o}: the week in review",
            outlet=o,
            url=f"https://{o.lower().replace(' ', '')}.example/{i}",
            published=date(2024, 6, 1) + timedelta(days=i % 20),
            published_from=(DateSource.META if i % 7 else DateSource.INFERRED).value,
            published_why=("page markup" if i % 7 else "inferred from the corpus",),
            outlet_from="sidecar",
        )
        for i, (d, o) in enumerate(zip(docs, outlets, strict=True))
    ]


def _finding(plan: _Plan, starts: dict[str, list[int]], claims: list[Claim]) -> Finding:
    """The planned finding, with a claim for each cited sentence (added to ``claims``)."""
    n, entity, event, kind, cited = plan
    cites = []
    for doc, k, day, figure, sentence in cited:
        start = starts[doc][k]
        end = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        claim = Claim(
            id=f"{doc}#{k}",
            document=doc,
            sentence=sentence,
            span=(start, start + len(sentence)),
            entity=entity,
            event=event,
            time=TimeValue(
                _month(day), day.replace(day=1), end, Granularity.MONTH, None, Anchor.ABSOLUTE
            ),
            quantity=Quantity(f"{figure:,} people", figure, figure, "people", value=figure),
            index=k,
        )
        claims.append(claim)
        value = f"{figure:,} people" if kind == "number" else f"{day.year}-{day.month:02d}"
        cites.append(Cited(claim, value, f'"{_month(day)}" is absolute'))
    return Finding(
        rule={"date": "DT01", "number": "NU02"}.get(kind, "XX01"),
        kind=kind,
        severity=["high", "medium", "low"][n % 3],
        confidence=0.5 + (n % 5) / 10,
        entity=entity,
        event=event,
        message=f"{entity} {event}: the outlets give different values. The values do not overlap.",
        cited=tuple(cites),
        reconcile=("the outlets may be speaking of different things",),
        fingerprint=f"BENCH-{n:012x}",
    )


def _starts(sentences: list[str]) -> list[int]:
    at, out = 0, []
    for s in sentences:
        out.append(at)
        at += len(s) + 2
    return out


def browser_figures(path: Path) -> dict[str, float]:
    """First paint, and the time from choosing a filter to the page drawn again, in ms."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(path.as_uri(), wait_until="load")
        paint = page.evaluate(
            "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime"
        )
        # The time a click takes until the next frame is drawn: the handler, style and layout.
        clicks = []
        for value in ("high", "low", ""):
            clicks.append(
                page.evaluate(
                    """(value) => new Promise((done) => {
                        const select = document.getElementById('f-sev');
                        const t0 = performance.now();
                        select.value = value;
                        select.dispatchEvent(new Event('change'));
                        requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));
                    })""",
                    value,
                )
            )
        search = page.evaluate(
            """() => new Promise((done) => {
                const box = document.getElementById('f-text');
                const t0 = performance.now();
                box.value = 'harbour';
                box.dispatchEvent(new Event('input'));
                requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));
            })"""
        )
        browser.close()
    return {"first_paint": paint or float("nan"), "filter": max(clicks), "search": search}


def main(argv: list[str] | None = None) -> int:
    from consistency.reports.html import render_html

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--most", type=int, default=4, help="quotes per finding: 2 to MOST")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    result = synthetic(args.findings, most=args.most)
    quotes = sum(len(f.cited) for f in result.findings_list) / len(result.findings_list)
    t0 = time.perf_counter()
    html = render_html(result)
    out = args.out or Path(tempfile.mkdtemp()) / f"report-{args.findings}.html"
    out.write_text(html, encoding="utf-8")
    took = time.perf_counter() - t0
    size = out.stat().st_size
    print(
        f"{args.findings} findings ({quotes:.1f} quotes each): write {took:.2f} s (goal < 5),"
        f" {size / 1e6:.2f} MB (goal < 5)"
    )
    print(f"wrote {out}")
    if args.no_browser or not Path(CHROMIUM).exists():
        print("browser figures skipped" + ("" if args.no_browser else f": no {CHROMIUM}"))
        return 0
    fig = browser_figures(out)
    print(
        f"first paint {fig['first_paint']:.0f} ms (goal < 2000); filter click"
        f" {fig['filter']:.0f} ms, search {fig['search']:.0f} ms (goal < 200)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
