"""A claim's subject that is a thing ("the new parking scheme"), not a proper name, is a
typed :class:`~consistency.models.Thing` on the claim: extraction sets it, resolution names
every outlet's thing of one head noun alike and never takes it for a name (nor a name for
it), and the store keeps it through its codec and indexes it by its head noun. A store
filled by the version that wrote a thing into the entity string gives the same findings
once upgraded: its readings belong to another reader and are read again."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from cli_articles import write
from click.testing import CliRunner

import consistency
from consistency.cli import main
from consistency.extract import lexicon
from consistency.extract import read as reading
from consistency.extract.events import extract
from consistency.linking.labels import claim_names, thing_labels
from consistency.linking.resolve import resolver_of
from consistency.models import Claim, Document, Thing
from consistency.reading.ingest import ingest
from consistency.store import add, codec, keys, open_store, reader

# Two outlets date the start of one parking scheme differently (DT01), the first calling
# it "the city's new parking scheme", the second "the scheme". A person named Scheme is
# named too: were the second outlet's thing taken for a name, it would be her.
ALPHA = """date 2021-06-01
Title: Parking changes
Outlet: Alpha Courier

The city's new parking scheme took effect on March 3, 2021.

Marta Scheme was appointed head of the transport board in 2020.
"""
BETA = """date 2021-06-02
Title: Parking changes
Outlet: Beta Post

The scheme took effect on April 7, 2021. Scheme said drivers had adapted quickly.
"""
SCHEME = "parking scheme"  # the label both outlets' things resolve to


def _claim(n: int, entity: str, thing: Thing | None = None) -> Claim:
    return Claim(
        id=f"a.txt#{n}",
        document="a.txt",
        sentence="An invented sentence.",
        span=(0, 21),
        entity=entity,
        event="launched",
        thing=thing,
    )


def test_extraction_sets_the_thing_and_keeps_its_words_as_the_entity() -> None:
    text = "The city's new parking scheme took effect on March 3, 2021."
    doc = Document("a.txt", "a.txt", "a.txt", text, published=date(2021, 6, 1))
    (claim,) = extract(doc, lexicon.load())
    assert claim.thing == Thing("scheme", "new parking scheme")
    assert claim.entity == claim.thing.text == claim.mention


def test_things_of_one_head_noun_are_one_entity_across_outlets(tmp_path: Path) -> None:
    result = consistency.check(write(tmp_path, {"alpha.txt": ALPHA, "beta.txt": BETA}))
    things = [c for c in result.claims_list if c.thing is not None]
    assert {c.document for c in things} == {"alpha.txt", "beta.txt"}
    assert {c.thing.text for c in things if c.thing} == {"new parking scheme", "scheme"}
    assert {c.entity for c in things} == {SCHEME}
    (finding,) = [f for f in result.findings_list if f.rule == "DT01"]
    assert (finding.entity, finding.event) == (SCHEME, "commenced")
    assert {c.claim.document for c in finding.cited} == {"alpha.txt", "beta.txt"}


def test_a_thing_never_resolves_to_a_proper_name_nor_a_name_to_a_thing() -> None:
    thing = _claim(1, "scheme", Thing("scheme", "scheme"))
    other = _claim(2, "new parking scheme", Thing("scheme", "new parking scheme"))
    named = _claim(3, "Scheme")
    claims = [thing, other, named]
    assert claim_names(claims) == ["Scheme"]  # a thing's words are no name to learn
    assert thing_labels(claims) == {"scheme": Counter({"scheme": 1, SCHEME: 1})}
    apply = resolver_of(["Marta Scheme", *claim_names(claims)], [], [], thing_labels(claims))
    assert apply(named).entity == "Marta Scheme"  # "Scheme" alone is her ...
    assert apply(thing).entity == apply(other).entity == SCHEME  # ... "the scheme" is not
    assert apply(thing).thing == thing.thing
    assert apply(apply(thing)) == apply(thing)  # resolved again: still the thing


def test_entity_keys_are_written_and_read_by_the_store_alone() -> None:
    thing_key = keys.entity_key(Thing("scheme", "the new parking scheme"))
    name_key = keys.entity_key("Marta Scheme")
    assert (keys.head_of(thing_key), keys.name_key_of(thing_key)) == ("scheme", None)
    assert (keys.head_of(name_key), keys.name_key_of(name_key)) == (None, "marta scheme")
    assert keys.name_entity_key("marta scheme") == name_key
    assert thing_key != keys.entity_key("scheme")  # the thing is not the name "Scheme"


def test_the_store_keeps_the_thing_and_indexes_it_by_its_head_noun(tmp_path: Path) -> None:
    docs = ingest([write(tmp_path, {"alpha.txt": ALPHA})]).documents
    (r,) = reading.read(docs, lexicon.load())
    (thing,) = [d.claim.thing for d in r.claims if d.claim.thing is not None]
    assert thing == Thing("scheme", "new parking scheme")
    data = codec.encode_reading(r)
    back = codec.decode_reading(data)
    assert back == r and codec.encode_reading(back) == data
    assert [d.claim.thing for d in back.claims if d.claim.thing] == [thing]
    ix = keys.index(docs[0], r)
    assert {("entity", "thing:scheme"), ("resolves", "thing:scheme")} <= ix.links
    assert ix.things == {"scheme": Counter({SCHEME: 1})}
    assert not any("parking" in k for _, k in ix.links if keys.name_key_of(k) is not None)
    assert "new parking scheme" not in ix.names


def _findings(args: list[str], out: Path) -> str:
    res = CliRunner().invoke(main, [*args, "-f", "json", "-o", str(out), "-q"])
    assert res.exit_code in (0, 1), res.output
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert [f["entity"] for f in findings if f["rule"] == "DT01"] == [SCHEME]
    return json.dumps(findings, indent=1, sort_keys=True)


@pytest.mark.parametrize("previous", [False, True], ids=["this-version", "previous-version"])
def test_a_stored_archive_with_things_gives_the_findings_of_a_full_check(
    tmp_path: Path, previous: bool
) -> None:
    """An incremental check against the store finds what a full check finds, whether this
    version filled the store or another did. Readings stored under another reader (such as
    the version before Thing, which wrote a thing as a "thing:<head>|<text>" entity) are
    never decoded by this one: the reader hash alone keeps their old form out, as the
    archive's article is read again under this version's reader."""
    archive = write(tmp_path / "archive", {"alpha.txt": ALPHA})
    new = write(tmp_path / "new", {"beta.txt": BETA})
    full = _findings(["check", str(archive), "--new", str(new)], tmp_path / "full.json")
    where = tmp_path / "s.sqlite"
    if previous:  # filled under another reader: its readings are never this version's
        with open_store(where, f"{consistency.__version__}+previous") as st:
            add(st, [archive], lexicon=lexicon.load())
    else:
        CliRunner().invoke(main, ["store", "add", str(archive), "--store", str(where)])
    inc = _findings(["check", str(new), "--store", str(where)], tmp_path / "inc.json")
    assert inc == full
    with open_store(where, reader()) as st:
        versions = st.stats()["readings_by_version"]
    assert versions[reader()] == 2  # the archive's article read again by this version
    assert len(versions) == 1 + previous
