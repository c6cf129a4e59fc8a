"""The story graph: ``consistency.linking.graph`` and the ``consistency graph`` command.

Nodes are documents, claims, entities and events; edges document -states-> claim,
claim -about-> entity, claim -asserts-> event, and claim -same_fact-> claim only between
claims of different documents that share entity and event.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner, Result

import consistency
from consistency.cli import main
from consistency.errors import ConfigError
from consistency.linking import graph as graph_mod
from consistency.models import STORY, Claim, Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NODE_TYPES = {"document", "claim", "entity", "event"}
EDGE_TYPES = {"states", "about", "asserts", "same_fact"}


@pytest.fixture(autouse=True)
def _in_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def run(*args: Any) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args])
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        raise AssertionError(f"uncaught {type(exc).__name__}: {exc}") from exc
    assert "Traceback" not in result.output
    return result


def read(path: Path, fmt: str) -> nx.Graph:
    if fmt == "graphml":
        return nx.read_graphml(path)
    if fmt == "gexf":
        return nx.read_gexf(path)
    return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="links")


def claim_facts(g: nx.Graph) -> dict[str, tuple[str, str, str]]:
    """claim node -> (document, entity node, event node), from the nodes and their edges."""
    types = nx.get_node_attributes(g, "type")
    out = {}
    for n, t in types.items():
        if t != "claim":
            continue
        targets = {types[v]: v for v in g.successors(n)}
        out[n] = (g.nodes[n]["document"], targets["entity"], targets["event"])
    return out


def check_same_fact(g: nx.Graph, same_fact: list[tuple[str, str]]) -> None:
    facts = claim_facts(g)
    assert same_fact, "the examples have claims that several outlets share"
    for u, v in same_fact:
        assert u in facts and v in facts, (u, v)
        doc_u, entity_u, event_u = facts[u]
        doc_v, entity_v, event_v = facts[v]
        assert doc_u != doc_v, (u, v)
        if "#v" in u:  # a value claim: the same fact key, owners that agree
            assert event_u == event_v, (u, v)
            assert entity_u == entity_v or f"entity:{STORY}" in (entity_u, entity_v), (u, v)
        else:
            assert (entity_u, event_u) == (entity_v, event_v), (u, v)
    # Every pair of lexicon claims of different documents that share entity and event is
    # linked (value claims are linked as a star per document: see graph.build).
    linked = {frozenset(e) for e in same_fact}
    claims = sorted(c for c in facts if "#v" not in c)
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if facts[a][0] != facts[b][0] and facts[a][1:] == facts[b][1:]:
                assert frozenset((a, b)) in linked, (a, b)


def edges_with_type(g: nx.Graph) -> list[tuple[str, str, str]]:
    return [(u, v, t) for u, v, t in g.edges(data="type")]


@pytest.fixture(scope="module")
def examples_graph() -> nx.MultiDiGraph:
    g: nx.MultiDiGraph = consistency.check([EXAMPLES]).graph
    return g


# ---------------------------------------------------------------------------------------
# The command


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_graph_file_reads_back(fmt: str, tmp_path: Path, examples_graph: nx.MultiDiGraph) -> None:
    out = tmp_path / f"story.{fmt}"
    result = run("graph", EXAMPLES, "-o", out)
    assert result.exit_code == 0
    assert f"({fmt})" in result.stderr
    g = read(out, fmt)
    assert g.is_directed()
    assert set(g.nodes) == set(examples_graph.nodes)
    assert g.number_of_edges() == examples_graph.number_of_edges()
    types = nx.get_node_attributes(g, "type")
    assert set(types) == set(g.nodes)
    assert set(types.values()) == NODE_TYPES
    docs = [n for n, t in types.items() if t == "document"]
    assert sorted(g.nodes[n]["name"] for n in docs) == [
        "alder-daily.txt",
        "bayside-post.json",
        "coastline-wire.md",
        "harbour-courier.html",
    ]
    # Claims are joined claim-to-claim only by same_fact, so those edges can be checked
    # in every format, even one that does not keep the edge kinds.
    claim_to_claim = [(u, v) for u, v in g.edges() if types[u] == types[v] == "claim"]
    check_same_fact(g, claim_to_claim)


@pytest.mark.parametrize("fmt", ["graphml", "json"])
def test_graph_file_keeps_the_edge_kinds(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"story.{fmt}"
    run("graph", EXAMPLES, "-o", out)
    g = read(out, fmt)
    typed = edges_with_type(g)
    assert {t for _, _, t in typed} == EDGE_TYPES
    types = nx.get_node_attributes(g, "type")
    ends = {"states": ("document", "claim"), "about": ("claim", "entity")}
    ends |= {"asserts": ("claim", "event"), "same_fact": ("claim", "claim")}
    for u, v, t in typed:
        assert (types[u], types[v]) == ends[t], (u, v, t)
    check_same_fact(g, [(u, v) for u, v, t in typed if t == "same_fact"])


def test_gexf_keeps_the_edge_kinds(tmp_path: Path) -> None:
    out = tmp_path / "story.gexf"
    run("graph", EXAMPLES, "-o", out)
    g = nx.read_gexf(out)
    kinds = {d.get("type") or d.get("kind") or d.get("label") for _, _, d in g.edges(data=True)}
    assert kinds == EDGE_TYPES


def test_json_graph_is_node_link(tmp_path: Path) -> None:
    run("graph", EXAMPLES, "-o", tmp_path / "story.json")
    data = json.loads((tmp_path / "story.json").read_text(encoding="utf-8"))
    assert data["directed"] is True and data["multigraph"] is True
    assert {"nodes", "links"} <= set(data)
    g = nx.node_link_graph(data, edges="links")
    assert isinstance(g, nx.MultiDiGraph)


def test_format_option_wins_over_the_suffix(tmp_path: Path) -> None:
    out = tmp_path / "story.data"
    result = run("graph", EXAMPLES, "-o", out, "--format", "json")
    assert result.exit_code == 0
    assert nx.node_link_graph(json.loads(out.read_text("utf-8")), edges="links").number_of_nodes()


def test_no_suffix_is_graphml(tmp_path: Path) -> None:
    result = run("graph", EXAMPLES, "-o", tmp_path / "story")
    assert result.exit_code == 0
    assert nx.read_graphml(tmp_path / "story").number_of_nodes() > 0


def test_unknown_suffix_without_format_exits_2(tmp_path: Path) -> None:
    out = tmp_path / "story.png"
    result = run("graph", EXAMPLES, "-o", out)
    assert result.exit_code == 2
    assert "png" in result.stderr and "graphml" in result.stderr
    assert not out.exists()


def test_graph_needs_an_output() -> None:
    result = run("graph", EXAMPLES)
    assert result.exit_code == 2


def test_graph_unknown_format_option_exits_2(tmp_path: Path) -> None:
    result = run("graph", EXAMPLES, "-o", tmp_path / "g.graphml", "--format", "dot")
    assert result.exit_code == 2


def test_graph_of_nothing_exits_2(tmp_path: Path) -> None:
    result = run("graph", tmp_path / "nope", "-o", tmp_path / "g.graphml")
    assert result.exit_code == 2


def test_graph_creates_the_output_folder(tmp_path: Path) -> None:
    result = run("graph", EXAMPLES, "-o", tmp_path / "new" / "dir" / "g.graphml")
    assert result.exit_code == 0
    assert (tmp_path / "new" / "dir" / "g.graphml").is_file()


# ---------------------------------------------------------------------------------------
# The library: build, groups, write


def _doc(doc_id: str) -> Document:
    return Document(id=doc_id, path=doc_id, name=doc_id, text="...", outlet=doc_id.upper())


def _claim(claim_id: str, entity: str, event: str, index: int = 0) -> Claim:
    document = claim_id.split("#")[0]
    return Claim(
        id=claim_id,
        document=document,
        sentence=f"{entity} {event}.",
        span=(0, 3),
        entity=entity,
        event=event,
        index=index,
    )


@pytest.fixture
def small() -> tuple[list[Document], list[Claim]]:
    docs = [_doc("a.txt"), _doc("b.txt"), _doc("c.txt")]
    claims = [
        _claim("a.txt#1", "Millbrook Council", "passed-law", 0),
        _claim("a.txt#2", "Millbrook Council", "passed-law", 1),  # same document: no link
        _claim("a.txt#3", "Ferry Company", "launched", 2),
        _claim("b.txt#1", "Millbrook Council", "passed-law", 0),
        _claim("b.txt#2", "Millbrook Council", "fined", 1),  # same entity, other event
        _claim("c.txt#1", "Ferry Company", "licensed", 0),  # other event
        _claim("c.txt#2", "Harbour Board", "launched", 1),  # same event, other entity
    ]
    return docs, claims


def test_build_links_only_shared_facts_across_documents(small: Any) -> None:
    docs, claims = small
    g = graph_mod.build(docs, claims)
    assert isinstance(g, nx.MultiDiGraph)
    same = {frozenset((u, v)) for u, v, k in g.edges(keys=True) if k == "same_fact"}
    assert same == {
        frozenset(("claim:a.txt#1", "claim:b.txt#1")),
        frozenset(("claim:a.txt#2", "claim:b.txt#1")),
    }
    types = nx.get_node_attributes(g, "type")
    assert sum(t == "document" for t in types.values()) == 3
    assert sum(t == "claim" for t in types.values()) == len(claims)
    assert {n for n, t in types.items() if t == "entity"} == {
        "entity:Millbrook Council",
        "entity:Ferry Company",
        "entity:Harbour Board",
    }
    assert {n for n, t in types.items() if t == "event"} == {
        "event:passed-law",
        "event:launched",
        "event:fined",
        "event:licensed",
    }
    for c in claims:
        node = f"claim:{c.id}"
        assert g.has_edge(f"doc:{c.document}", node, key="states")
        assert g.has_edge(node, f"entity:{c.entity}", key="about")
        assert g.has_edge(node, f"event:{c.event}", key="asserts")


def test_build_of_nothing_is_empty() -> None:
    g = graph_mod.build([], [])
    assert g.number_of_nodes() == 0


def test_groups_by_entity_and_event(small: Any) -> None:
    docs, claims = small
    groups = graph_mod.groups(claims)
    assert [c.id for c in groups[("Millbrook Council", "passed-law")]] == [
        "a.txt#1",
        "a.txt#2",
        "b.txt#1",
    ]
    # A claim no other document shares is still a group of its own.
    assert [c.id for c in groups[("Ferry Company", "launched")]] == ["a.txt#3"]
    assert set(groups) == {(c.entity, c.event) for c in claims}
    assert list(groups) == sorted(groups)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_write_by_suffix_and_read_back(fmt: str, small: Any, tmp_path: Path) -> None:
    docs, claims = small
    g = graph_mod.build(docs, claims)
    path = tmp_path / f"g.{fmt}"
    assert graph_mod.write(g, path) == fmt
    back = read(path, fmt)
    assert set(back.nodes) == set(g.nodes)
    assert back.number_of_edges() == g.number_of_edges()


def test_write_xml_suffix_is_graphml(small: Any, tmp_path: Path) -> None:
    g = graph_mod.build(*small)
    assert graph_mod.write(g, tmp_path / "g.xml") == "graphml"
    assert nx.read_graphml(tmp_path / "g.xml").number_of_nodes() == g.number_of_nodes()


def test_write_unknown_format_raises(small: Any, tmp_path: Path) -> None:
    g = graph_mod.build(*small)
    with pytest.raises(ConfigError, match="graphml"):
        graph_mod.write(g, tmp_path / "g.png")
    with pytest.raises(ConfigError):
        graph_mod.write(g, tmp_path / "g.graphml", "dot")
    assert not (tmp_path / "g.png").exists()


def test_a_large_fact_keeps_every_claim_in_its_group() -> None:
    """Past 60 claims the graph links a fact as a star; the rules' groups lose no claim."""
    from consistency.models import Claim

    claims = [
        Claim(id=f"d{k:03d}#{n}", document=f"d{k:03d}", sentence="s", span=(0, 1),
              entity="Acme", event="licensed", index=n)
        for k in range(70) for n in (1, 2)
    ]  # fmt: skip
    g = graph_mod.build([], claims)
    assert sum(1 for *_, k in g.edges(keys=True) if k == "same_fact") < 200
    assert len(graph_mod.groups(claims)[("Acme", "licensed")]) == 140
