"""Sidecar files (sources.yaml, sources.csv) that set a document's outlet, url, title and date
(all fixtures are invented text)."""

from __future__ import annotations

from datetime import date

import pytest
from ingest_support import P1, P2, one, write

from consistency.reading.ingest import ingest


def test_sidecar_yaml_overrides_everything(tmp_path):
    write(tmp_path, "a.txt", f"Title: Old title\nDate: 1 May 2031\nSource: Old Outlet\n\n{P1}\n")
    write(tmp_path, "b.txt", f"{P2}\n")
    write(
        tmp_path,
        "sources.yaml",
        "a.txt:\n  outlet: The Northern Ledger\n  url: https://ledger.example/a\n"
        "  date: 2031-03-04\n  title: New title\n"
        "b.txt:\n  outlet: The Valley Post\n  published: 'March 5, 2031'\n",
    )
    result = ingest([tmp_path])
    assert result.skipped == []
    a, b = result.documents
    assert (a.outlet, a.url, a.title) == (
        "The Northern Ledger",
        "https://ledger.example/a",
        "New title",
    )
    assert a.published == date(2031, 3, 4) and a.published_from == "sidecar"
    assert "sources.yaml" in a.published_note
    assert b.outlet == "The Valley Post"
    assert b.published == date(2031, 3, 5) and b.published_from == "sidecar"


def test_sidecar_csv(tmp_path):
    write(tmp_path, "a.txt", P1)
    write(
        tmp_path,
        "sources.csv",
        "file,outlet,url,date,title\na.txt,The Valley Post,https://post.example/a,2031-03-04,T\n",
    )
    doc = one(ingest([tmp_path]))
    assert doc.outlet == "The Valley Post" and doc.title == "T"
    assert doc.published == date(2031, 3, 4) and doc.published_from == "sidecar"


def test_sidecar_applies_to_a_file_named_explicitly(tmp_path):
    path = write(tmp_path, "a.txt", P1)
    write(tmp_path, "sources.yaml", "a.txt: {outlet: The Valley Post}\n")
    doc = one(ingest([path]))
    assert doc.outlet == "The Valley Post"


def test_sidecar_bad_date_and_missing_file(tmp_path):
    write(tmp_path, "a.txt", P1)
    write(tmp_path, "b.txt", P2)
    write(
        tmp_path,
        "sources.yaml",
        "a.txt: {outlet: The Valley Post, date: 'not a date'}\n"
        "gone.txt: {outlet: Nobody}\n"
        "b.txt: {outlet: The Northern Ledger, date: 2031-03-04}\n",
    )
    result = ingest([tmp_path])
    a, b = result.documents
    assert a.outlet == "The Valley Post" and a.published is None
    assert b.outlet == "The Northern Ledger" and b.published == date(2031, 3, 4)
    reasons = {s.reason for s in result.skipped}
    assert all(s.path.endswith("sources.yaml") for s in result.skipped)
    assert any("a.txt" in r and "not a date" in r for r in reasons)
    assert any("gone.txt" in r and "no such file" in r for r in reasons)
    assert len(result.skipped) == 2


@pytest.mark.parametrize(
    "name, content",
    [
        ("sources.yaml", "a.txt: {outlet: [unclosed\n"),
        ("sources.yaml", "- just\n- a list of strings\n"),
        ("sources.csv", "name_of_thing,outlet\n"),
    ],
)
def test_invalid_sidecar_is_skipped_and_files_are_read_without_it(tmp_path, name, content):
    write(tmp_path, "a.txt", P1)
    write(tmp_path, name, content)
    result = ingest([tmp_path])
    assert len(result.documents) == 1 and result.documents[0].outlet is None
    assert result.skipped and all(s.path.endswith(name) for s in result.skipped)


def test_a_sidecar_named_among_explicit_files_is_not_an_article(tmp_path):
    a = write(tmp_path, "a.txt", P1)
    sidecar = write(tmp_path, "sources.yaml", "a.txt: {outlet: The Valley Post}\n")
    result = ingest([a, sidecar])
    assert result.skipped == []
    assert [(d.id, d.outlet) for d in result.documents] == [("a.txt", "The Valley Post")]
