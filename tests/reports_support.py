"""Results built by hand for the report tests, and the golden-file comparison they share.

An invented story told by two invented outlets (``build_result``), a result whose every field
is hostile markup (``hostile_result``) and an empty one, so that the report tests need no
other stage of the pipeline. Imported as ``from reports_support import ...`` (pytest puts
tests/ on the path, as for cli_support.py).
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import Any

from consistency.models import (
    Cited,
    Claim,
    Document,
    Finding,
    Quantity,
    Removed,
    Result,
    Skipped,
    TimeValue,
)
from consistency.reports.common import tool_version

GOLDEN = Path(__file__).parent / "golden"
REFRESH = os.environ.get("CONSISTENCY_REFRESH_GOLDEN") == "1"
#: The HTML report's one timestamp (the time it was made), blanked where runs are compared.
GENERATED = re.compile(r'<time class="generated" datetime="[^"]*">[^<]*</time>')


def blank_time(text: str) -> str:
    return GENERATED.sub('<time class="generated" datetime="TIME">TIME</time>', text)


def golden(name: str, actual: str) -> None:
    """Compare a report with its saved file in tests/golden/, the tool's version blanked."""
    actual = actual.replace(tool_version(), "VERSION")
    path = GOLDEN / name
    if REFRESH:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden file {path}: run CONSISTENCY_REFRESH_GOLDEN=1 pytest"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from {path}; refresh if intended (see docstring)"


# ---------------------------------------------------------------------------------------
# An invented story told by two invented outlets


def _document(doc_id: str, sentences: list[str], **fields: Any) -> tuple[Document, list[int]]:
    """A document of paragraphs, one sentence each, and where each sentence starts."""
    text = "\n\n".join(sentences)
    starts = []
    at = 0
    for sentence in sentences:
        starts.append(at)
        at += len(sentence) + 2
    doc = Document(id=doc_id, path=f"corpus/{doc_id}", name=doc_id, text=text, **fields)
    return doc, starts


S1 = (
    "Riverton Exchange, with 13,000 staff, became the first retail exchange licensed last November."
)
S2 = "Riverton Exchange was the first exchange to win a licence, in September 2022."
S3 = "About 1,300 people work for Riverton Exchange, the company said."


def _harbor_post() -> tuple[Document, list[int]]:
    """The first outlet: dated by its dateline, with furniture removed and a capture note."""
    return _document(
        "harbor-post.txt",
        ["Riverton, April 14, 2023.", S1],
        title="Riverton exchange wins licence",
        outlet="The Harbor Post",
        url="https://harbor.example/news/riverton",
        published=date(2023, 4, 14),
        published_from="dateline",
        published_why=('dateline "Riverton, April 14, 2023"',),
        removed=(
            Removed("ticker", "Markets: up"),
            Removed("ad", "Buy now"),
            Removed("ticker", "Weather"),
        ),
        notes=("captured 2023-04-15",),
    )


def _valley_wire() -> tuple[Document, list[int]]:
    """The second outlet: an HTML page whose publication date is only inferred."""
    return _document(
        "valley-wire.html",
        [S2, S3],
        title="A licence for Riverton",
        outlet="Valley Wire",
        url="http://valley.example/a?id=1&b=2",
        published=date(2023, 5, 2),
        published_from="inferred",
        published_why=("inferred from the capture date of the corpus",),
        format="html",
        confidence=0.6,
    )


def _licensed_last_november(doc: Document, starts: list[int]) -> Claim:
    """The Harbor Post's claim: a relative date, a head count and two qualifiers."""
    return Claim(
        id="harbor-post.txt#1",
        document=doc.id,
        sentence=S1,
        span=(starts[1], starts[1] + len(S1)),
        entity="Riverton Exchange",
        event="licensed",
        time=TimeValue(
            "last November",
            date(2022, 11, 1),
            date(2022, 12, 1),
            "month",
            date(2023, 4, 14),
            "dateline",
            '"last November" read from 2023-04-14 (dateline)',
        ),
        quantity=Quantity("13,000", 13000, 13000, "people"),
        qualifiers=("first", "retail"),
        index=1,
    )


def _licensed_in_september(doc: Document, starts: list[int]) -> Claim:
    """Valley Wire's date claim: an absolute month."""
    return Claim(
        id="valley-wire.html#0",
        document=doc.id,
        sentence=S2,
        span=(starts[0], starts[0] + len(S2)),
        entity="Riverton Exchange",
        event="licensed",
        time=TimeValue(
            "September 2022", date(2022, 9, 1), date(2022, 10, 1), "month", None, "absolute"
        ),
        qualifiers=("first",),
    )


def _employs_about_1300(doc: Document, starts: list[int]) -> Claim:
    """Valley Wire's head count: approximate and attributed."""
    return Claim(
        id="valley-wire.html#1",
        document=doc.id,
        sentence=S3,
        span=(starts[1], starts[1] + len(S3)),
        entity="Riverton Exchange",
        event="employs",
        quantity=Quantity("About 1,300", 1250, 1350, "people", approx=True),
        attributed_to="the company",
        index=1,
    )


def _date_finding(harbor: Claim, valley: Claim) -> Finding:
    """The high-severity finding: November 2022 against September 2022."""
    return Finding(
        rule="DT01",
        kind="date",
        severity="high",
        confidence=0.9,
        entity="Riverton Exchange",
        event="licensed",
        message=(
            "The Harbor Post dates the licence to November 2022, Valley Wire to September 2022."
        ),
        cited=(
            Cited(harbor, "2022-11", '"last November" read from 2023-04-14 (dateline)'),
            Cited(valley, "2022-09", "absolute date"),
        ),
        reconcile=(
            'The Harbor Post says "first retail" and Valley Wire "first": two licences?',
            "Valley Wire's publication date is inferred.",
        ),
        fingerprint="dt01-5e1c0a9b",
    )


def _number_finding(harbor: Claim, valley: Claim) -> Finding:
    """The low-severity finding: 13,000 staff against about 1,300."""
    return Finding(
        rule="NU01",
        kind="number",
        severity="low",
        confidence=0.66666,
        entity="Riverton Exchange",
        event="employs",
        message="The Harbor Post counts 13,000 staff, Valley Wire about 1,300.",
        cited=(
            Cited(harbor, "13,000 people"),
            Cited(valley, "[1,250, 1,350] people", "about: ±50"),
        ),
        reconcile=("A factor of ten: a slip in one source?",),
        fingerprint="nu01-2b7d44e0",
    )


def build_result() -> Result:
    """Two documents, three claims, a date and a number finding, one skipped input."""
    doc1, at1 = _harbor_post()
    doc2, at2 = _valley_wire()
    c1 = _licensed_last_november(doc1, at1)
    c2 = _licensed_in_september(doc2, at2)
    c3 = _employs_about_1300(doc2, at2)
    return Result(
        documents=[doc1, doc2],
        claims_list=[c1, c2, c3],
        findings_list=[_date_finding(c1, c2), _number_finding(c1, c3)],
        skipped=[Skipped("corpus/scan.pdf", "not a text format (pdf)")],
    )


# ---------------------------------------------------------------------------------------
# A result made of hostile markup, and an empty one


HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a>'
)
_HOSTILE_SENTENCE = f"Mallory Corp was licensed on {HOSTILE} in 2021."
_PLAIN_SENTENCE = "Mallory Corp was licensed in 2019."


def _hostile_documents() -> tuple[Document, Document]:
    """A document with markup in every field, and a plain one behind a disguised bad URL."""
    evil = Document(
        id="evil.html",
        path="corpus/evil.html",
        name="evil.html",
        text=_HOSTILE_SENTENCE,
        title=HOSTILE,
        outlet=HOSTILE,
        url="javascript:alert(1)",
        published=date(2023, 1, 2),
        published_from="meta",
        published_why=(HOSTILE,),
        notes=(HOSTILE,),
        removed=(Removed(HOSTILE, "x"),),
    )
    other = Document(
        id="other.txt",
        path="corpus/other.txt",
        name="other.txt",
        text=_PLAIN_SENTENCE,
        outlet="Plain News",
        url=" JaVaScRiPt:alert(2)",
    )
    return evil, other


def _hostile_claims() -> tuple[Claim, Claim]:
    """The hostile document's claim (markup as entity, time and source) and the plain one."""
    evil = Claim(
        id="evil#0",
        document="evil.html",
        sentence=_HOSTILE_SENTENCE,
        span=(0, len(_HOSTILE_SENTENCE)),
        entity=HOSTILE,
        event="licensed",
        time=TimeValue(HOSTILE, None, None, "unknown"),
        qualifiers=("<img",),
        attributed_to=HOSTILE,
    )
    plain = Claim(
        id="other#0",
        document="other.txt",
        sentence=_PLAIN_SENTENCE,
        span=(0, 34),
        entity="Mallory Corp",
        event="licensed",
        time=TimeValue("2019", date(2019, 1, 1), date(2020, 1, 1), "year"),
    )
    return evil, plain


def hostile_result() -> Result:
    """Markup and script URLs wherever a report shows text: for the escaping tests."""
    doc, other = _hostile_documents()
    c1, c2 = _hostile_claims()
    finding = Finding(
        rule="DT01",
        kind="date",
        severity="medium",
        confidence=0.5,
        entity=HOSTILE,
        event=HOSTILE,
        message=HOSTILE,
        cited=(Cited(c1, HOSTILE, HOSTILE), Cited(c2, "2019")),
        reconcile=(HOSTILE,),
        fingerprint="dt01-evil",
    )
    return Result(
        documents=[doc, other],
        claims_list=[c1, c2],
        findings_list=[finding],
        skipped=[Skipped(HOSTILE, HOSTILE)],
    )


def empty_result() -> Result:
    return Result(documents=[], claims_list=[], findings_list=[])
