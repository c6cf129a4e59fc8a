"""Bad input never raises: each bad file becomes a Skipped with a one-line reason."""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.reading.ingest import ingest

GOOD = (
    "The harbour board of Valdoria voted on Thursday to extend the night ferry service "
    "until the end of the year, a spokesperson said."
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def skipped_one(tmp_path: Path, name: str, content: str | bytes, **kwargs) -> str:
    """Write the bad file next to a good one; return the bad file's reason."""
    write(tmp_path, "good.txt", GOOD)
    bad = write(tmp_path, name, content)
    result = ingest([tmp_path], **kwargs)
    assert [d.id for d in result.documents] == ["good.txt"]
    assert [s.path for s in result.skipped] == [str(bad)]
    reason = result.skipped[0].reason
    assert reason and "\n" not in reason and "Traceback" not in reason
    return reason


def test_zero_byte_file(tmp_path):
    assert "empty" in skipped_one(tmp_path, "a.txt", b"")


def test_whitespace_only(tmp_path):
    assert "whitespace" in skipped_one(tmp_path, "a.txt", " \n\t\r\n  \n")


def test_bom_only(tmp_path):
    assert "empty" in skipped_one(tmp_path, "a.txt", b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    "magic, kind",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
    ],
)
def test_binary_file_with_a_text_name(tmp_path, magic, kind):
    reason = skipped_one(tmp_path, "a.txt", magic + bytes(range(256)) * 4)
    assert "binary" in reason and kind in reason


def test_nul_bytes_that_are_not_utf16(tmp_path):
    data = bytes(random.Random(7).randrange(256) for _ in range(3000)) + b"\x00" * 50
    assert "binary" in skipped_one(tmp_path, "a.txt", data)


def test_invalid_utf8_that_no_encoding_explains(tmp_path):
    data = (
        b"The harbour board voted \x81\x8d on Thursday \x9d\x90 to extend the service \x8f. "
    ) * 3
    reason = skipped_one(tmp_path, "a.txt", data)
    assert "UTF-8" in reason and "no other text encoding" in reason


def test_file_over_max_bytes(tmp_path):
    reason = skipped_one(tmp_path, "big.txt", GOOD * 40, max_bytes=2_000)
    size = len((GOOD * 40).encode())
    assert f"{size:,}" in reason and "2,000" in reason


@pytest.mark.parametrize("depth", [300, 5_000, 100_000])
def test_deeply_nested_html(tmp_path, depth):
    html = "<html><body>" + "<div>" * depth + f"<p>{GOOD}</p>" + "</div>" * depth + "</body></html>"
    reason = skipped_one(tmp_path, "deep.html", html)
    assert "nested" in reason


def test_deeply_nested_unclosed_html(tmp_path):
    html = "<html><body>" + "<div><span><b>" * 20_000 + GOOD
    assert "nested" in skipped_one(tmp_path, "deep.html", html)


def test_broken_html_is_read_as_far_as_it_goes(tmp_path):
    write(tmp_path, "a.html", f"<html><body><p>{GOOD}<div><<>>>< </p></b></i><p>{GOOD}")
    result = ingest([tmp_path])
    assert result.skipped == []
    assert result.documents[0].text.startswith(GOOD)


def test_html_without_text(tmp_path):
    html = "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>"
    assert "no article text" in skipped_one(tmp_path, "a.html", html)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    bad = write(tmp_path, "locked.txt", GOOD)
    bad.chmod(0)
    try:
        result = ingest([tmp_path])
    finally:
        bad.chmod(0o644)
    assert [d.id for d in result.documents] == ["good.txt"]
    assert [(s.path, s.reason) for s in result.skipped] == [
        (str(bad), "cannot read: permission denied")
    ]


def test_unreadable_file_and_folder_simulated(tmp_path, monkeypatch):
    """The same reasons where the real test cannot run (as root, every file is readable)."""
    import builtins
    import errno

    write(tmp_path, "good.txt", GOOD)
    locked = write(tmp_path, "locked.txt", GOOD)
    write(tmp_path, "closed/inner.txt", GOOD)
    real_open, real_scandir = builtins.open, os.scandir

    def fake_open(path, *args, **kwargs):
        if str(path) == str(locked):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def fake_scandir(path):
        if str(path).endswith("closed"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    result = ingest([tmp_path])
    assert [d.id for d in result.documents] == ["good.txt"]
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert reasons == {
        "locked.txt": "cannot read: permission denied",
        "closed": "cannot list folder: permission denied",
    }


def test_symlinked_dirs_are_followed_once_and_loops_end(tmp_path):
    root = tmp_path / "root"
    write(root, "a.txt", GOOD)
    write(tmp_path, "elsewhere/b.txt", GOOD)
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)
    (root / "other").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (root / "other2").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    result = ingest([root])
    assert result.skipped == []
    assert [d.id for d in result.documents] == ["a.txt", "other/b.txt"]


def test_symlink_to_itself_and_broken_symlink(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = ingest([tmp_path])
    assert [d.id for d in result.documents] == ["good.txt"]
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert "loop" in reasons["self.txt"]
    assert "broken symbolic link" in reasons["gone.txt"]


def test_path_that_does_not_exist(tmp_path):
    result = ingest([tmp_path / "missing", tmp_path / "missing.txt"])
    assert result.documents == []
    assert [s.reason for s in result.skipped] == ["no such file or folder"] * 2


def test_invalid_json_says_line_and_column(tmp_path):
    reason = skipped_one(tmp_path, "a.json", '{\n  "title": "x",\n  "text": "y"\n  "url": 1\n}')
    assert "not valid JSON" in reason and "line 4 column 3" in reason


def test_json_object_without_a_text_field(tmp_path):
    reason = skipped_one(tmp_path, "a.json", json.dumps({"id": 7, "heading": "x", "tags": []}))
    assert "no text field" in reason and "id, heading, tags" in reason


def test_json_list_with_one_bad_item(tmp_path):
    items = [{"text": GOOD}, {"id": 2}, "just a string", {"text": GOOD + " Again."}]
    write(tmp_path, "a.json", json.dumps(items))
    result = ingest([tmp_path])
    assert [d.id for d in result.documents] == ["a.json#1", "a.json#4"]
    assert [s.path.rsplit("/", 1)[-1] for s in result.skipped] == ["a.json#2", "a.json#3"]


def test_jsonl_with_a_broken_line(tmp_path):
    lines = [json.dumps({"text": GOOD}), "{broken", json.dumps({"text": GOOD + " More."})]
    write(tmp_path, "a.jsonl", "\n".join(lines))
    result = ingest([tmp_path])
    assert [d.id for d in result.documents] == ["a.jsonl#1", "a.jsonl#3"]
    assert len(result.skipped) == 1 and "line 2" in result.skipped[0].reason


def test_json_scalar(tmp_path):
    assert "not an article" in skipped_one(tmp_path, "a.json", "42")


def test_feed_that_is_not_a_feed(tmp_path):
    assert "feed" in skipped_one(tmp_path, "a.xml", "<root><thing>1</thing></root>")


def test_furniture_only_page(tmp_path):
    reason = skipped_one(tmp_path, "a.txt", "Share\nTweet\nAdvertisement\nLoading\n")
    assert "furniture" in reason


def test_folder_of_5000_small_files(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(5000):
        (folder / f"{n:04d}.txt").write_text(
            f"Ferry report {n}\n\nThe harbour board met for the {n}th time on Thursday and "
            "agreed to keep the night service running, a spokesperson said.\n",
            encoding="utf-8",
        )
    start = time.perf_counter()
    result = ingest([folder], progress=False)
    elapsed = time.perf_counter() - start
    assert result.skipped == []
    assert len(result.documents) == 5000
    assert result.documents[0].id == "0000.txt" and result.documents[-1].id == "4999.txt"
    print(f"\n5,000 files read in {elapsed:.2f}s")


# --- properties ------------------------------------------------------------------------

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def check_one(path: Path) -> None:
    result = ingest([path])
    total = len(result.documents) + len(result.skipped)
    assert total == 1, result
    if result.documents:
        assert result.documents[0].text.strip()
    else:
        reason = result.skipped[0].reason
        assert reason and "\n" not in reason
        assert "internal error" not in reason, reason


@PROPERTY
@given(data=st.binary(max_size=2000))
def test_any_bytes_give_a_document_or_a_skip(tmp_path, data):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    check_one(path)


@PROPERTY
@given(text=st.text(max_size=1500))
def test_any_text_gives_a_document_or_a_skip(tmp_path, text):
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    check_one(path)


@PROPERTY
@given(
    text=st.lists(
        st.sampled_from(
            [
                "",
                GOOD,
                "Share",
                "Recommended for you",
                "March 3, 2031",
                "BTC",
                "$412.07",
                "-0.3%",
                "© 2031 Valley Post, Inc. All Rights Reserved.",
                "Photo by Ann Lee on Unsplash",
                "a caption line",
                "What happens next",
                "Published June 1, 2031",
                "<p>Some <b>bold</b> words in a paragraph of html.</p>",
                "date 2031-06-01",
                "Title: A story",
                "---",
                "# Heading",
            ]
        ),
        max_size=30,
    )
)
def test_any_mix_of_article_shapes_gives_a_document_or_a_skip(tmp_path, text):
    for name in ("x.txt", "x.md", "x.html"):
        path = tmp_path / name
        path.write_text("\n".join(text), encoding="utf-8")
        check_one(path)
