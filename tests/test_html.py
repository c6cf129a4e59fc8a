"""The HTML report's view model and page: cards, names, overview, pictures, size.

The page on examples/ is also compared with a saved gold file, ``tests/golden/examples.html``,
after its timestamp and the tool's version are blanked. When a change is intended, rewrite
it and review the diff before committing::

    CONSISTENCY_REFRESH_GOLDEN=1 pytest tests/test_html.py -k golden
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from benchmarks import report as report_bench
from consistency.models import (
    Acceptance,
    Cited,
    Claim,
    Document,
    Finding,
    Result,
    Review,
    TimeValue,
)
from consistency.reports.cards import CONTEXT_CHARS, Sentences, fit, marked
from consistency.reports.common import tool_version
from consistency.reports.html import page, render_html
from consistency.reports.names import Wording, event_words, outlet_of, outlets
from consistency.reports.svg import entity_graph, timelines

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
REFRESH = os.environ.get("CONSISTENCY_REFRESH_GOLDEN") == "1"
STAMP = re.compile(r'<time class="generated" datetime="[^"]*">[^<]*</time>')


def blank(html: str) -> str:
    """The page without what depends on when and where it was made: the time, the tool's
    version, the checkout's folder."""
    html = STAMP.sub('<time class="generated" datetime="TIME">TIME</time>', html)
    html = html.replace(f"{ROOT.as_posix()}/", "")
    return html.replace(f"consistency {tool_version()}", "consistency VERSION")


# ---------------------------------------------------------------------------------------
# A small invented story


def _doc(doc_id: str, text: str, **fields) -> Document:  # type: ignore[no-untyped-def]
    return Document(id=doc_id, path=f"in/{doc_id}", name=doc_id, text=text, **fields)


def _claim(doc: Document, sentence: str, cid: str, **fields) -> Claim:  # type: ignore[no-untyped-def]
    start = doc.text.index(sentence)
    return Claim(
        id=cid,
        document=doc.id,
        sentence=sentence,
        span=(start, start + len(sentence)),
        entity=fields.pop("entity", "Quarry Board"),
        event=fields.pop("event", "passed-law"),
        **fields,
    )


def _month(text: str, year: int, month: int) -> TimeValue:
    end = date(year + month // 12, month % 12 + 1, 1)
    return TimeValue(text, date(year, month, 1), end, "month", None, "absolute")


A1 = "Gulls circled the old quarry at dawn."
A2 = "The Quarry Board passed the gravel bylaw in March 2021."
A3 = "Trucks will need permits from next year."
B1 = "Mr. Penrose said the vote was close."
B2 = "The Quarry Board passed the gravel bylaw in June 2021, its minutes show."
B3 = "Opponents plan to appeal."


def story() -> Result:
    a = _doc(
        "0001_9f3c2a7be41d0c55.txt",
        f"{A1} {A2} {A3}",
        title="Quarry rules tighten after a long fight",
        published=date(2021, 9, 1),
        published_from="inferred",
        published_why=("inferred from the corpus",),
    )
    b = _doc(
        "valley.html",
        f"{B1}\n\n{B2} {B3}",
        outlet="Valley Wire",
        outlet_from="header",
        url="https://www.valleywire.example/quarry",
        published=date(2021, 9, 3),
        published_from="meta",
    )
    ca = _claim(a, A2, "a#1", time=_month("March 2021", 2021, 3), trigger="passed … bylaw")
    cb = _claim(b, B2, "b#1", time=_month("June 2021", 2021, 6), trigger="passed … bylaw")
    finding = Finding(
        rule="DT01",
        kind="date",
        severity="high",
        confidence=0.8,
        entity="Quarry Board",
        event="passed-law",
        message="Quarry Board passed-law: 0001_9f3c2a7be41d0c55.txt dates it 2021-03, Valley Wire"
        " 2021-06.",
        cited=(Cited(ca, "2021-03"), Cited(cb, "2021-06")),
        reconcile=("0001_9f3c2a7be41d0c55.txt has no date of its own",),
        fingerprint="DT01-0123456789ab",
    )
    return Result(documents=[a, b], claims_list=[ca, cb], findings_list=[finding])


# ---------------------------------------------------------------------------------------
# Names


def test_a_stated_outlet_is_not_marked_as_guessed():
    o = outlet_of(_doc("x.txt", "Text.", outlet="Valley Wire", outlet_from="header"))
    assert (o.name, o.guessed, o.known) == ("Valley Wire", False, True)
    o = outlet_of(_doc("x.txt", "Text.", outlet="Hill Times", outlet_from="copyright line"))
    assert (o.name, o.guessed) == ("Hill Times", True)


def test_an_outlet_is_guessed_from_the_address_then_a_copyright_line():
    o = outlet_of(_doc("x.txt", "Text.", url="https://www.hilltimes.example/a/b"))
    assert (o.name, o.guessed, o.how) == ("hilltimes.example", True, "guessed from the web address")
    o = outlet_of(_doc("x.txt", "Text.\n\n© 2022 Lakeside Courier Ltd. All rights reserved."))
    assert (o.name, o.guessed) == ("Lakeside Courier", True)


def test_without_an_outlet_the_headline_then_a_short_file_name_stand_in():
    o = outlet_of(_doc("0007_ab12cd34ef56ab78.txt", "Text.", title="A very long headline about"
                       " the gravel bylaw and the quarry board's vote"))  # fmt: skip
    assert o.name == "“A very long headline about the gravel…”" and not o.known
    assert outlet_of(_doc("0007_ab12cd34ef56ab78.txt", "Text.")).name == "Article 0007"
    assert outlet_of(_doc("notes.txt", "Text.")).name == "notes.txt"


def test_two_documents_of_one_outlet_get_two_names():
    docs = [_doc(f"{i}.txt", "T.", outlet="Valley Wire", outlet_from="header") for i in range(3)]
    assert [o.name for o in outlets(docs).values()] == [
        "Valley Wire",
        "Valley Wire (2)",
        "Valley Wire (3)",
    ]


def test_events_read_as_words():
    assert event_words("passed-law") == "passed a law"
    assert event_words("shut-down") == "shut down"
    assert event_words("draw (count)") == "draw (count)"


def test_messages_name_outlets_not_hashed_files():
    res = story()
    wording = Wording(res.documents, outlets(res.documents), ["passed-law"])
    said = wording(res.findings_list[0].message)
    assert said.startswith("Quarry Board passed a law: “Quarry rules tighten after a long fight”")
    assert "0001_9f3c2a7be41d0c55.txt" not in said


# ---------------------------------------------------------------------------------------
# Cards


def test_a_quote_comes_with_its_neighbouring_sentences():
    res = story()
    sentences = Sentences({d.id: d for d in res.documents})
    a, b = (c for c in res.claims_list)
    assert sentences.around(a) == (A1, A3)
    # Across a paragraph break, and not cut after "Mr.".
    assert sentences.around(b) == (B1, B3)
    long = _doc("l.txt", "word " * 200 + "end. " + A2)
    before, _ = Sentences({"l.txt": long}).around(_claim(long, A2, "l#1"))
    assert before.startswith("…") and len(before) <= CONTEXT_CHARS + 1


def test_every_quote_of_a_status_or_order_finding_has_a_mark():
    doc = _doc("s.txt", "Harbour Foods has not yet obtained a fishing permit, its owner said.")
    claim = _claim(doc, doc.text, "s#1", negated=True, trigger="obtained … permit")
    marks = [s.text for s in marked(claim, "status") if s.mark]
    assert marks == ["not yet obtained", "permit"]
    then = _doc("t.txt", "The council then approved the budget.")
    claim = _claim(then, then.text, "t#1", trigger="approved … budget")
    assert [s.text for s in marked(claim, "order") if s.mark] == ["then approved", "budget"]


def test_cards_group_values_and_carry_the_accept_command():
    view = page(story())
    (card,) = view.cards
    assert [g.value for g in card.values] == ["2021-03", "2021-06"]
    assert card.event == "passed a law"
    assert card.accept == 'consistency accept DT01-0123456789ab --reason ""'
    assert [q.outlet.name for g in card.values for q in g.quotes] == [
        "“Quarry rules tighten after a long fight”",
        "Valley Wire",
    ]


def test_an_accepted_finding_gets_a_badge():
    res = story()
    html = render_html(res)
    assert "ACCEPTED" not in html
    first = res.findings_list[0]
    entry = Acceptance(first.fingerprint, "known: two bylaws", until=date(2031, 1, 1))
    res.review = Review(accepted={first.fingerprint: entry})
    html = render_html(res)
    assert 'class="badge accepted" title="accepted: known: two bylaws (until 2031-01-01)"' in html
    assert html.count(">ACCEPTED<") == 1
    # Below --fail-on: reported, not failing, and marked so.
    res.review = Review(fail_on="high", failing=frozenset())
    assert "BELOW --FAIL-ON" in render_html(res)


def test_a_large_report_keeps_less_context_and_says_so():
    res = story()
    finding = res.findings_list[0]
    twice = (*finding.cited, finding.cited[1])  # 2021-06 quoted twice: two quotes, one value
    res.findings_list[0] = Finding(**{**finding.__dict__, "cited": twice})
    cards = page(res).cards
    assert fit(cards) == (cards, "")
    fewer, note = fit(cards, budget=150)
    assert "first quote of each value" in note
    assert all(q.before == "" for g in fewer[0].values for q in g.quotes[1:])
    none, note = fit(cards, budget=0)
    assert "left out" in note
    assert all(q.before == q.after == "" for g in none[0].values for q in g.quotes)


def test_a_report_of_many_quotes_names_the_other_outlets_of_a_value():
    res = story()
    finding = res.findings_list[0]
    twice = (*finding.cited, finding.cited[1])  # one value stated twice
    res.findings_list[0] = Finding(**{**finding.__dict__, "cited": twice})
    cards = page(res).cards
    quotes = sum(len(g.quotes) for g in cards[0].values)
    assert fit(cards, quotes=quotes)[0] == cards  # within the budget: every quote
    fewer, note = fit(cards, quotes=quotes - 1)
    assert "names the other outlets" in note
    (shared,) = [g for g in fewer[0].values if g.also]
    assert len(shared.quotes) == 1 and len(shared.also) == 1
    assert fewer[0].docs == cards[0].docs  # the outlet filter still finds every outlet


# ---------------------------------------------------------------------------------------
# Overview and pictures


def test_the_inferred_date_is_marked_once_in_the_documents_table():
    html = render_html(story())
    assert html.count("inferred, not stated in the article") == 1
    assert html.index("inferred, not stated") < html.index('id="findings"')


def test_who_says_what_colours_each_value():
    view = page(story())
    assert [c.label for c in view.matrix.columns] == ["Quarry Board · passed a law"]
    cells = [(row[0].name, [(c.text, c.tone) for c in row[2]]) for row in view.matrix.rows]
    assert cells == [
        ("“Quarry rules tighten after a long fight”", [("2021-03", 0)]),
        ("Valley Wire", [("2021-06", 1)]),
    ]


def test_the_timeline_joins_conflicting_dates():
    res = story()
    names = outlets(res.documents)
    docs = {d.id: d for d in res.documents}
    (line,), more = timelines(res.findings_list, ["finding-1"], res.claims_list, docs, names)
    assert more == 0 and line.entity == "Quarry Board"
    assert [lane.label for lane in line.lanes] == ["Valley Wire", "“Quarry rules tighten a…"]
    assert len(line.marks) == 2 and all(m.disputed for m in line.marks)
    assert len(line.published) == 2
    (join,) = line.joins
    assert join.href == "#finding-1" and join.severity == "high"
    # Another event's date cited beside them (as an order finding does) is not joined.
    other = _claim(res.documents[1], B3, "b#2", event="appealed", time=_month("May", 2022, 5))
    f = res.findings_list[0]
    wider = Finding(**{**f.__dict__, "cited": (*f.cited, Cited(other, "appealed 2022-05"))})
    (wide,), _ = timelines([wider], ["finding-1"], [*res.claims_list, other], docs, names)
    assert len(wide.marks) == 3 and len(wide.joins) == 1
    assert [t.label for t in line.ticks][:2] == ["2021-03", "2021-04"]


def test_the_entity_graph_is_laid_out_the_same_every_time():
    res = story()
    extra = _claim(res.documents[1], B3, "b#2", entity="Opponents group", event="appeal")
    claims = [*res.claims_list, extra]
    first = entity_graph(claims, res.findings_list, ["finding-1"])
    assert first is not None and first == entity_graph(claims, res.findings_list, ["finding-1"])
    assert {n.label for n in first.nodes} == {"Quarry Board", "Opponents group"}
    assert [n.disputed for n in first.nodes if n.label == "Quarry Board"] == [True]
    assert len(first.edges) == 1


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.svg_text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self._in.append(tag)

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if "svg" in self._in:
            self.svg_text.append(data)


def test_svg_labels_are_escaped():
    res = story()
    evil = "<script>x()</script>"
    res.documents[1] = Document(**{**res.documents[1].__dict__, "outlet": evil})
    res.claims_list[:] = [Claim(**{**c.__dict__, "entity": evil}) for c in res.claims_list]
    finding = res.findings_list[0]
    res.findings_list[0] = Finding(
        **{
            **finding.__dict__,
            "entity": evil,
            "cited": tuple(
                Cited(c, x.value) for c, x in zip(res.claims_list, finding.cited, strict=True)
            ),
        }
    )
    html = render_html(res)
    parser = _Text()
    parser.feed(html)
    assert evil in "".join(parser.svg_text)  # shown as text
    assert html.lower().count("<script") == 1  # ours only


# ---------------------------------------------------------------------------------------
# The page on examples/


def test_every_card_on_examples_marks_words_in_every_quote(examples_result):
    html = render_html(examples_result)
    cards = re.findall(r'<article class="card.*?</article>', html, re.DOTALL)
    assert len(cards) == len(examples_result.findings_list) >= 10
    for card in cards:
        quotes = re.findall(r"<blockquote>(.*?)</blockquote>", card, re.DOTALL)
        assert quotes
        for quote in quotes:
            assert "<mark>" in quote, quote


def test_examples_page_has_readable_names(examples_result):
    html = render_html(examples_result)
    assert "passed-law" not in html
    assert "passed a law" in html
    for outlet in ("Alder Daily", "Bayside Post", "Coastline Wire", "Harbour Courier"):
        assert f'">{outlet}</a>' in html


def test_examples_golden(examples_result):
    actual = blank(render_html(examples_result))
    path = GOLDEN / "examples.html"
    if REFRESH:
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"no gold file {path}: run CONSISTENCY_REFRESH_GOLDEN=1 pytest"
    assert actual == path.read_text(encoding="utf-8"), (
        f"the report on examples/ differs from {path}; refresh if intended (module docstring)"
    )


# ---------------------------------------------------------------------------------------
# Size


def test_two_thousand_findings_make_one_file_under_5_mb():
    result = report_bench.synthetic(2000)
    assert len(result.findings_list) == 2000
    html = render_html(result)
    assert len(html.encode("utf-8")) < 5_000_000
    assert html.count('<article class="card') == 2000
    assert "This report is large" in html


def test_the_page_does_not_depend_on_hash_seeds(tmp_path, examples_dir):
    import subprocess

    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"r{seed}.html"
        env = dict(os.environ, PYTHONHASHSEED=seed, SOURCE_DATE_EPOCH="1700000000")
        cmd = [sys.executable, "-m", "consistency.cli", "check", str(examples_dir), "-q"]
        # From elsewhere: the checkout's consistency/ would shadow the installed package.
        subprocess.run([*cmd, "-o", str(out)], env=env, cwd=tmp_path, check=False)
        pages.append(out.read_bytes())
    assert pages[0] == pages[1] and b'datetime="2023-11-14T22:13:20Z"' in pages[0]
