"""consistency.extract.facts: the case table in tests/data/facts_cases.yaml, the word classes of
``parse_vocabulary``, and the ``same_fact`` edges the graph draws between value claims."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

import consistency
from consistency.errors import ConfigError
from consistency.extract import facts, vocabulary
from consistency.models import Claim, Document, FactKey

CASES_FILE = Path(__file__).parent / "data" / "facts_cases.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]
PUBLISHED = date(2024, 5, 10)  # a Friday

KEY_FIELDS = ("kind", "unit", "measure", "role", "place", "modality")
CLAIM_FIELDS = {
    "owner": "entity",
    "negated": "negated",
    "attributed_to": "attributed_to",
    "tense": "tense",
}
KNOWN_FIELDS = {"value", "same_key", "anchor", *KEY_FIELDS, *CLAIM_FIELDS}


def _published(case: dict[str, Any]) -> date:
    value = case.get("published", PUBLISHED)
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@pytest.fixture(scope="module")
def extracted() -> dict[str, list[Claim]]:
    """Every case's claims, parsed in one batch (the model is loaded once)."""
    docs = [
        Document(
            id=c["id"],
            path=f"{c['id']}.txt",
            name=f"{c['id']}.txt",
            text=c["text"],
            published=_published(c),
            published_from="header",
        )
        for c in CASES
    ]
    found = facts.mentions(docs)
    return {d.id: facts.claims(d, found[d.id]) for d in docs}


def value_of(c: Claim) -> str:
    if c.quantity is not None:
        return c.quantity.label()
    return c.time.label() if c.time is not None else ""


def describe(c: Claim) -> str:
    return f"{value_of(c)!r} key={c.key} owner={c.entity!r} ({c.why})"


def pair(got: list[Claim], expect: list[dict[str, Any]]) -> list[tuple[dict[str, Any], Claim]]:
    """Each expected claim with the claim of its value, in order; [] when the values differ."""
    if sorted(value_of(c) for c in got) != sorted(str(e["value"]) for e in expect):
        return []
    left = list(got)
    out = []
    for e in expect:
        c = next(c for c in left if value_of(c) == str(e["value"]))
        left.remove(c)
        out.append((e, c))
    return out


def problems(got: list[Claim], expect: list[dict[str, Any]]) -> list[str]:
    """What differs between the claims extracted and the claims expected."""
    paired = pair(got, expect)
    if not paired and expect or len(got) != len(expect):
        return [
            f"values {sorted(value_of(c) for c in got)}, expected {[e['value'] for e in expect]}"
        ]
    out = []
    for e, c in paired:
        assert c.key is not None, describe(c)
        for f in KEY_FIELDS:
            if f in e and getattr(c.key, f) != str(e[f]):
                out.append(f"{e['value']}: {f} {getattr(c.key, f)!r}, expected {e[f]!r}")
        for f, attr in CLAIM_FIELDS.items():
            if f in e and getattr(c, attr) != e[f]:
                out.append(f"{e['value']}: {f} {getattr(c, attr)!r}, expected {e[f]!r}")
        if "anchor" in e and c.quantity is not None:
            # The time a figure holds at, from its own clause ("" when it has none).
            anchor = c.time.label() if c.time is not None else ""
            if anchor != str(e["anchor"]):
                out.append(f"{e['value']}: anchor {anchor!r}, expected {e['anchor']!r}")
    return out


def test_table_is_large_and_varied() -> None:
    assert len(CASES) >= 30
    passing = [c for c in CASES if "xfail" not in c]
    assert len(passing) >= 24
    assert sum(1 for c in passing if not c["expect"]) >= 5, "cases that must give no claim"
    assert len({c["id"] for c in CASES}) == len(CASES), "duplicate ids"
    assert len({c["text"] for c in CASES}) == len(CASES), "duplicate texts"
    for c in CASES:
        assert set(c) <= {"id", "text", "published", "expect", "xfail"}, c["id"]
        for e in c["expect"]:
            assert "value" in e and set(e) <= KNOWN_FIELDS, (c["id"], e)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any], extracted: dict[str, list[Claim]]) -> None:
    got = extracted[case["id"]]
    found = problems(got, case["expect"])
    report = "\n".join([*found, "claims:", *(describe(c) for c in got)])
    if "xfail" in case:
        if found:
            pytest.xfail(case["xfail"])
        pytest.fail(
            f"XPASS(strict): {case['id']} is now extracted right; remove its xfail mark\n{report}"
        )
    assert not found, report


def test_every_claim_is_a_value_claim_of_its_document(extracted: dict[str, list[Claim]]) -> None:
    for doc_id, claims in extracted.items():
        for n, c in enumerate(claims, 1):
            assert c.id == f"{doc_id}#v{n}" and c.document == doc_id
            assert c.key is not None and c.event == c.key.label()
            # A figure may hold at a time of its own clause (its anchor); a date is no figure.
            assert c.key.kind == ("number" if c.quantity is not None else "date"), describe(c)
            assert c.key.kind == "number" or c.time is not None, describe(c)
            assert c.trigger and c.trigger in c.sentence


def test_same_key_groups(extracted: dict[str, list[Claim]]) -> None:
    """One role told with different words shares one key; different roles do not."""
    keys: dict[str, set[FactKey]] = defaultdict(set)
    for case in CASES:
        if "xfail" in case:
            continue
        for e, c in pair(extracted[case["id"]], case["expect"]):
            if "same_key" in e:
                assert c.key is not None
                keys[e["same_key"]].add(c.key)
    assert {"dead", "injured", "hospital", "aboard", "cost"} <= set(keys)
    for tag, found in keys.items():
        assert len(found) == 1, (tag, sorted(found))
    all_keys = [k for found in keys.values() for k in found]
    assert len(set(all_keys)) == len(all_keys), "two groups share a key"


def test_times_resolve_against_the_publication_date() -> None:
    text = "The freighter left Carrick on May 3."
    doc = Document(id="d", path="d.txt", name="d.txt", text=text)
    found = facts.mentions([doc])["d"]
    (undated,) = facts.claims(doc, found)
    assert undated.time is not None and not undated.time.resolved
    # The same mentions, read against a date: no parsing again.
    dated = Document(id="d", path="d.txt", name="d.txt", text=text, published=date(2023, 6, 1))
    (again,) = facts.claims(dated, found)
    assert again.time is not None and again.time.label() == "2023-05-03"
    assert again.key == undated.key


# ----------------------------------------------------------------------- parse_vocabulary


def test_parse_vocabulary_maps_words_to_their_class() -> None:
    voc = vocabulary.parse_vocabulary(
        {
            "roles": {"death": ["Die", "kill"], "injury": ["injure", "kill"]},
            "measures": {"worker": ["employee", "staff"]},
            "generic": ["People"],
            "light": ["be"],
            "modality": {"sought": ["seek"], "planned": ["plan"]},
            "reporting": ["say"],
            "units_of_time": ["day"],
        },
        "test.yaml",
    )
    assert voc.role == {"die": "death", "kill": "death", "injure": "injury"}  # first class wins
    assert voc.measure == {"employee": "worker", "staff": "worker"}
    assert voc.generic == frozenset({"people"})
    assert voc.light == frozenset({"be"})
    assert voc.modality == {"seek": "sought", "plan": "planned"}
    assert voc.reporting == frozenset({"say"})
    assert voc.time_units == frozenset({"day"})


def test_parse_vocabulary_missing_sections_are_empty() -> None:
    voc = vocabulary.parse_vocabulary({}, "empty.yaml")
    assert voc.role == {} and voc.measure == {} and voc.generic == frozenset()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"roles": {}, "verbs": ["be"]}, "unknown key(s) verbs"),
        ({"generic": "people"}, "generic must be a list of words"),
        ({"light": ["be", 3]}, "light must be a list of words"),
        ({"roles": {"death": "die"}}, "roles.death must be a list of words"),
        ({"measures": ["worker"]}, "measures must map a class to its words"),
        (["roles"], "expected a mapping"),
    ],
)
def test_parse_vocabulary_rejects(data: Any, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        vocabulary.parse_vocabulary(data, "bad.yaml")
    assert str(err.value).startswith("bad.yaml: ")
    assert message in str(err.value)


def test_packaged_vocabulary() -> None:
    voc = vocabulary.vocabulary()
    for word in ("die", "kill", "fatality", "life", "toll"):
        assert voc.role[word] == "death"
    assert voc.role["injure"] == "injury"
    assert voc.measure["employee"] == voc.measure["staff"] == "worker"
    assert "will" not in voc.modality, "'will' is a tense, not a modality"
    assert "say" in voc.reporting and "day" in voc.time_units


# -------------------------------------------------------------------------------- graph


def test_graph_links_value_claims_of_one_fact_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2024-07-01\n\nThe crash killed 12 passengers near Orrin Gap."
        " Another 30 passengers were injured.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "date 2024-07-01\n\nTwelve passengers died in the crash near Orrin Gap."
        " Officials said 28 passengers were injured.\n",
        encoding="utf-8",
    )
    result = consistency.check([tmp_path])
    g = result.graph
    value_claims = [c for c in result.claims_list if c.key is not None]
    by_role: dict[tuple[str, str], Claim] = {}
    for c in value_claims:
        assert c.key is not None
        by_role[(c.document, c.key.role)] = c
    assert {
        ("a.txt", "death"),
        ("b.txt", "death"),
        ("a.txt", "injury"),
        ("b.txt", "injury"),
    } <= set(by_role), [describe(c) for c in value_claims]

    def same_fact(a: Claim, b: Claim) -> list[dict[str, Any]]:
        u, v = f"claim:{a.id}", f"claim:{b.id}"
        edges = [*g.get_edge_data(u, v, default={}).values()]
        edges += [*g.get_edge_data(v, u, default={}).values()]
        return [e for e in edges if e.get("type") == "same_fact"]

    for role in ("death", "injury"):
        a, b = by_role[("a.txt", role)], by_role[("b.txt", role)]
        assert a.key == b.key
        (edge,) = same_fact(a, b)
        assert a.key is not None
        assert edge["why"] == f"same fact key: {a.key.label()}"
        assert role in edge["why"]
    for x, y in (("death", "injury"), ("injury", "death")):
        assert not same_fact(by_role[("a.txt", x)], by_role[("b.txt", y)])
    # Value claims of one document are never linked to each other.
    assert not same_fact(by_role[("a.txt", "death")], by_role[("a.txt", "injury")])
