"""Reading files and folders: which files, their ids, the paths given, text encodings, the
progress bar, and the real seed corpus (other fixtures are invented text)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from ingest_support import P1, P2, P3, one, write

from consistency.reading.ingest import ingest

# --- files and folders -----------------------------------------------------------------


def test_folder_ids_are_relative_posix_and_sorted(tmp_path):
    write(tmp_path, "b.txt", P1)
    write(tmp_path, "sub/deeper/a.txt", P2)
    write(tmp_path, "sub/c.md", P3)
    write(tmp_path, "sub/photo.jpg", b"\xff\xd8\xff\xe0 not text")
    write(tmp_path, ".hidden.txt", P1)
    write(tmp_path, ".git/x.txt", P1)
    write(tmp_path, "notes.docx", b"PK\x03\x04")
    result = ingest([tmp_path])
    assert result.skipped == []
    assert [d.id for d in result.documents] == ["b.txt", "sub/c.md", "sub/deeper/a.txt"]
    assert result.documents[2].path == os.path.join(str(tmp_path), "sub", "deeper", "a.txt")
    assert result == ingest([tmp_path])  # deterministic


def test_unknown_extension_named_explicitly_is_read_as_text(tmp_path):
    path = write(tmp_path, "story.article", f"{P1}\n\n{P2}\n")
    assert ingest([tmp_path]).documents == []
    doc = one(ingest([path]))
    assert doc.text == f"{P1}\n\n{P2}"


def test_same_file_name_from_two_folders_gets_distinct_ids(tmp_path):
    a = write(tmp_path, "one/a.txt", P1)
    b = write(tmp_path, "two/a.txt", P2)
    result = ingest([a, b])
    ids = [d.id for d in result.documents]
    assert len(set(ids)) == 2 and "a.txt" in ids


def test_paths_may_be_str_or_pathlike(tmp_path):
    write(tmp_path, "a.txt", P1)
    assert ingest([str(tmp_path)]) == ingest([tmp_path])


def test_progress_bar_goes_to_stderr(tmp_path, capsys):
    write(tmp_path, "a.txt", P1)
    result = ingest([tmp_path], progress=True)
    assert len(result.documents) == 1
    assert capsys.readouterr().out == ""
    assert len(ingest([tmp_path], progress=False).documents) == 1


# --- encodings -------------------------------------------------------------------------

TEXT_WITH_MARKS = (
    "The mayor’s office put the cost at €4.5 million for the café district, "
    "and said “work starts soon” in Besançon."
)


@pytest.mark.parametrize(
    "codec, prefix",
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("cp1252", b""),
    ],
)
def test_encodings(tmp_path, codec, prefix):
    content = f"Valdoria budget\r\n\r\n{TEXT_WITH_MARKS}\r\n\r\n{P2}\r\n"
    write(tmp_path, "a.txt", prefix + content.encode(codec))
    doc = one(ingest([tmp_path / "a.txt"]))
    assert doc.title == "Valdoria budget"
    assert doc.text == f"{TEXT_WITH_MARKS}\n\n{P2}"
    assert "\r" not in doc.text and "\ufeff" not in doc.text


def test_latin1(tmp_path):
    content = "Le conseil a approuvé le plan à Besançon, a déclaré le maire, après un débat."
    write(tmp_path, "a.txt", content.encode("latin-1"))
    doc = one(ingest([tmp_path / "a.txt"]))
    assert doc.text == content


def test_utf8_with_a_damaged_byte_is_read_with_a_note(tmp_path):
    data = TEXT_WITH_MARKS.encode("utf-8") + b" \xff " + P2.encode("utf-8")
    write(tmp_path, "a.txt", data)
    doc = one(ingest([tmp_path / "a.txt"]))
    assert "€4.5 million" in doc.text
    assert any("not valid UTF-8" in n for n in doc.notes)


# --- the real seeds --------------------------------------------------------------------

SEEDS = Path(__file__).resolve().parents[2] / "shared/corpus/seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not present")
def test_real_seeds():
    result = ingest([SEEDS])
    assert result.skipped == []
    docs = {d.id[:3]: d for d in result.documents}
    assert len(result.documents) == 5 and sorted(docs) == ["000", "001", "002", "003", "004"]
    assert docs["003"].published == date(2023, 8, 3)
    assert docs["003"].published_from == "header"
    assert docs["004"].published == date(2023, 4, 14)
    assert docs["004"].published_from == "dateline"
    assert docs["002"].published is None
    assert any("09-23-2024" in n and "capture date" in n for n in docs["002"].notes)
    assert docs["000"].published is None and docs["001"].published is None
    # furniture never reaches the text
    assert "2025" not in docs["004"].text and "2021" not in docs["004"].text
    assert "$63733" not in docs["002"].text and "2024" not in docs["002"].text
    assert "Sponsored" not in docs["000"].text
    assert "style of" not in docs["000"].text
    assert "©" not in docs["004"].text and "©" not in docs["003"].text
    assert "Source: Coindesk" in docs["000"].text
    for doc in result.documents:
        assert doc.text.strip()
        assert "\n\n\n" not in doc.text
        assert "<" not in doc.text and "\\r" not in doc.text
        assert all(p == p.strip() and "\n" not in p for p in doc.text.split("\n\n"))
