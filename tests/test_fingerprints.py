"""Fingerprints stay put: a finding keeps its fingerprint when its files move, are renamed,
or are read with unrelated articles (``consistency.fingerprints``).

The fingerprint is built from the rule, the fact, the values and each cited article's
identity (its URL, else a hash of its text), never from a path or a file name.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency import pipeline
from consistency.cli import main
from consistency.fingerprints import fingerprint, identity
from consistency.models import Cited, Claim, Document, Finding

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLES = ("alder-daily.txt", "bayside-post.json", "coastline-wire.md", "harbour-courier.html")

# An article on another matter: it shares no entity or event with the examples.
UNRELATED = """date 2024-03-14
Title: Glenmore cyclists get a new track
Outlet: Glenmore Evening Star

The Glenmore Cycling Club opened a velodrome on the old quarry site in February 2024.

Its chairwoman, Ines Varga, said 300 members had signed up in the first week.
"""


def _ids(folder: Path, tmp_path: Path, name: str) -> list[str]:
    out = tmp_path / f"{name}.json"
    result = CliRunner().invoke(main, ["check", str(folder), "-f", "json", "-o", str(out), "-q"])
    assert result.exit_code == 1, result.output
    return sorted(f["fingerprint"] for f in json.loads(out.read_text("utf-8"))["findings"])


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    tmp = tmp_path_factory.mktemp("original")
    folder = tmp / "story"
    folder.mkdir()
    for name in ARTICLES:
        shutil.copy(EXAMPLES / name, folder / name)
    return _ids(folder, tmp, "original")


def test_fingerprints_survive_moves_renames_and_unrelated_articles(
    original: list[str], tmp_path: Path
) -> None:
    assert len(original) == 10
    moved = tmp_path / "archive" / "2024" / "drop-7"
    moved.mkdir(parents=True)
    for n, name in enumerate(ARTICLES):
        # Another folder, other file names (the suffix says the format).
        shutil.copy(EXAMPLES / name, moved / f"item-{9 - n}{Path(name).suffix}")
    (moved / "aaa-glenmore.txt").write_text(UNRELATED, encoding="utf-8")
    assert _ids(moved, tmp_path, "moved") == original


def test_merged_findings_keep_their_fingerprint(original: list[str], tmp_path: Path) -> None:
    # Two folders instead of one, each file renamed: the findings that merge several
    # rules' findings (DT01 with DT02, SC01 with DT02) keep the leading finding's id.
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    for n, name in enumerate(ARTICLES):
        shutil.copy(EXAMPLES / name, (one if n % 2 else two) / f"z{n}{Path(name).suffix}")
    result = pipeline.check([two, one])
    merged = [f for f in result.findings_list if f.also]
    assert merged
    assert {f.fingerprint for f in merged} <= set(original)
    assert sorted(f.fingerprint for f in result.findings_list) == original


def _doc(doc_id: str, text: str, url: str | None = None) -> Document:
    return Document(id=doc_id, path=f"x/{doc_id}", name=doc_id, text=text, url=url)


def _finding(docs: list[Document], values: list[str], rule: str = "DT01") -> Finding:
    cited = tuple(
        Cited(Claim(f"{d.id}#1", d.id, d.text, (0, len(d.text)), "Acme", "licensed"), v)
        for d, v in zip(docs, values, strict=True)
    )
    return Finding(rule, "date", "high", 1.0, "Acme", "licensed", "m", cited)


def test_identity_is_the_url_else_a_hash_of_the_text() -> None:
    a = _doc("a.txt", "Acme won a licence in May.")
    assert identity(a) == identity(_doc("elsewhere/b.txt", "Acme won  a licence\nin May."))
    assert identity(a) != identity(_doc("a.txt", "Acme won a licence in June."))
    assert identity(_doc("a.txt", "text", url=" https://x.example/1 ")) == "url:https://x.example/1"


def test_fingerprint_depends_on_what_the_finding_says_not_on_paths() -> None:
    a, b = _doc("a.txt", "Acme won a licence in May."), _doc("b.txt", "Acme won it in June.")
    base = fingerprint(_finding([a, b], ["2024-05", "2024-06"]), {"a.txt": a, "b.txt": b})
    assert base.startswith("DT01-") and len(base) == len("DT01-") + 12
    renamed_a, renamed_b = _doc("new/1.txt", a.text), _doc("new/2.txt", b.text)
    docs = {"new/1.txt": renamed_a, "new/2.txt": renamed_b}
    assert fingerprint(_finding([renamed_a, renamed_b], ["2024-05", "2024-06"]), docs) == base
    both = {"a.txt": a, "b.txt": b}
    assert fingerprint(_finding([a, b], ["2024-05", "2024-07"]), both) != base
    assert fingerprint(_finding([a, b], ["2024-05", "2024-06"], "DT02"), both) != base
    other = _doc("b.txt", "Acme won it in June, the council said.")
    assert fingerprint(_finding([a, other], ["2024-05", "2024-06"]), {**both, "b.txt": other}) != (
        base
    )
