"""A store larger than ``related``: each new article is checked against its own story.

Fact keys name no entity: within one story "42 deckhands hired" and "55 deckhands hired"
are one fact told two ways. In an archive of many stories the same words may tell another
company's hiring, so a new article is compared only with the stored articles of its story,
those that share its specific names (see consistency.store.select.story)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency.cli import main
from consistency.config import Settings
from consistency.extract import lexicon
from consistency.store import add, check, open_store, reader

STORY = {
    "quay-herald.txt": (
        "2024-05-02",
        "Board chair Miriam Okonkwo said the Lakeside Ferry Board hired 42 deckhands in"
        " March 2024 for the Lakeside Ferries night service.",
    ),
    "pier-gazette.txt": (
        "2024-05-03",
        "The Lakeside Ferry Board hired 42 deckhands in March 2024, board chair Miriam"
        " Okonkwo said of the Lakeside Ferries night service.",
    ),
}
# Another company's hiring, told in the same words, in an archive of other stories.
OTHER = (
    "2024-04-10",
    "Northgate Shipping hired 70 deckhands in March 2024 for its Brennmouth harbour line,"
    " chief executive Ola Varga said.",
)
FILLER = [  # stories that share no name with the ferry story
    f"{town} Council approved a budget of {n} million pounds on March {day}, 2022, council"
    f" leader {leader} said."
    for town, n, day, leader in [
        ("Ashby", 4, 2, "Rosa Minto"),
        ("Brome", 6, 3, "Ivo Kestrel"),
        ("Carlow", 8, 4, "Uma Thistle"),
        ("Dunmore", 9, 5, "Abe Colquhoun"),
    ]
]
NEW = (
    "2024-05-04",
    "Miriam Okonkwo, chair of the Lakeside Ferry Board, said it hired 55 deckhands in"
    " March 2024 for the Lakeside Ferries night service.",
)


def _write(p: Path, day: str, body: str, outlet: str) -> None:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(f"date {day}\nTitle: {outlet}\nOutlet: {outlet}\n\n{body}\n", encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for name, (day, body) in STORY.items():
        _write(tmp_path / "archive" / name, day, body, name.split(".")[0].title())
    _write(tmp_path / "archive" / "northgate.txt", *OTHER, "Coast Wire")
    for k, body in enumerate(FILLER):
        _write(tmp_path / "archive" / f"council-{k}.txt", "2022-03-06", body, f"Crier {k}")
    _write(tmp_path / "drop" / "harbour-wire.txt", *NEW, "Harbour Wire")
    return tmp_path


def _check(corpus: Path, related: int) -> tuple[set[str], list[set[str]]]:
    """The stored documents read with the drop, and the documents each finding cites."""
    with open_store(corpus / "s.sqlite", reader()) as st:
        add(st, [corpus / "archive"], lexicon=lexicon.load())
        result = check(st, [corpus / "drop"], settings=Settings(related=related))
    read = {d.id for d in result.documents} - {"harbour-wire.txt"}
    cited = [{c.claim.document for c in f.cited} for f in result.findings_list]
    return read, cited


def test_a_large_store_is_read_only_for_the_new_articles_story(corpus: Path) -> None:
    read, cited = _check(corpus, related=3)  # 7 stored articles: more than 3
    assert read == {"quay-herald.txt", "pier-gazette.txt"}
    assert any({"harbour-wire.txt", "quay-herald.txt"} <= docs for docs in cited)
    assert not any("northgate.txt" in docs for docs in cited)


def test_a_store_no_larger_than_related_is_checked_whole(corpus: Path) -> None:
    """Up to ``related`` other articles, the check is the full check of archive + new (it
    reads every article that could share a fact); past it, the story gives the same
    findings here."""
    read, cited = _check(corpus, related=100)
    assert "northgate.txt" in read and "council-0.txt" not in read
    assert cited == _check(corpus, related=3)[1]


class _Index:
    """What story() reads of the store: which documents name which name keys."""

    def __init__(self, named: dict[str, set[str]]) -> None:
        self.named = named

    def name_document_counts(self, keys: set[str]) -> dict[str, int]:
        counts = {k: sum(k in v for v in self.named.values()) for k in keys}
        return {k: n for k, n in counts.items() if n}

    def documents_naming(self, keys: set[str]) -> set[str]:
        return {d for d, v in self.named.items() if v & keys}

    def names_in(self, ids: set[str], keys: set[str]) -> set[tuple[str, str]]:
        return {(d, k) for d in ids for k in self.named[d] & keys}


def test_the_story_ranks_by_shared_rare_names_and_keeps_at_most_related() -> None:
    from consistency.store import select

    named = {
        "both-rare.txt": {"okonkwo", "lakeside ferry board", "europe"},
        "one-rare.txt": {"lakeside ferry board", "europe"},
        "tie-a.txt": {"okonkwo", "europe"},
        "common-only.txt": {"europe"},  # only a name too common to mark a story
        **{f"other-{k}.txt": {"europe"} for k in range(6)},
    }
    new = select.keys.Index()
    new.names.update({"Okonkwo": 1, "Lakeside Ferry Board": 1, "Europe": 2, "Nowhere": 1})
    q = _Index(named)
    story = select.story(q, new, stored=len(named), related=3)  # type: ignore[arg-type]
    assert story == {"both-rare.txt", "one-rare.txt", "tie-a.txt"}
    top = select.story(q, new, stored=len(named), related=2)  # type: ignore[arg-type]
    # "okonkwo" and "lakeside ferry board" weigh the same: the tie goes by document id
    assert top == {"both-rare.txt", "one-rare.txt"}


def test_a_name_shared_by_chance_does_not_make_a_story(corpus: Path) -> None:
    """Sharing one name of many (a chair who also sits on a council) is not the story."""
    _write(
        corpus / "archive" / "council-okonkwo.txt",
        "2022-03-07",
        "Ashby Council approved a budget of 5 million pounds on March 7, 2022, council"
        " leader Rosa Minto and councillor Miriam Okonkwo said.",
        "Crier 9",
    )
    read, _ = _check(corpus, related=3)
    assert "council-okonkwo.txt" not in read
    assert read == {"quay-herald.txt", "pier-gazette.txt"}


def test_related_from_the_command_line_and_the_settings(corpus: Path) -> None:
    runner = CliRunner()
    store = str(corpus / "s.sqlite")
    assert (
        runner.invoke(main, ["store", "add", str(corpus / "archive"), "--store", store]).exit_code
        == 0
    )
    out = corpus / "r.json"
    args = ["check", str(corpus / "drop"), "--store", store, "-f", "json", "-o", str(out), "-q"]
    res = runner.invoke(main, [*args, "--related", "3"])
    assert res.exit_code == 1, res.output
    names = {d["name"] for d in json.loads(out.read_text(encoding="utf-8"))["documents"]}
    assert "northgate.txt" not in names and "quay-herald.txt" in names
    (corpus / "consistency.toml").write_text("related = 0\n", encoding="utf-8")
    res = runner.invoke(main, [*args, "--config", str(corpus / "consistency.toml")])
    assert res.exit_code == 2 and "related must be a whole number" in res.output
