"""The store: exact readings, migrations, what is read again and what is not, management
commands and their errors. PostgreSQL cases run when CONSISTENCY_TEST_POSTGRES names a
server (.ci/run starts one) and are skipped, with that reason, when it does not."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import zlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency.cli import main
from consistency.errors import StoreError
from consistency.extract import lexicon
from consistency.extract import read as reading
from consistency.models import Document
from consistency.reading.ingest import ingest
from consistency.store import add, codec, content_hash, db, open_store, reader
from consistency.store.store import Saved, rebase

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def examples_read() -> list[tuple[object, reading.Reading]]:
    docs = ingest([EXAMPLES]).documents
    return list(zip(docs, reading.read(docs, lexicon.load()), strict=True))


def test_a_reading_comes_back_equal_field_by_field_and_byte_for_byte(examples_read) -> None:
    for _, r in examples_read:
        data = codec.encode_reading(r)
        back = codec.decode_reading(data)
        assert back == r
        assert codec.encode_reading(back) == data
        # ints stay ints and floats floats: a report prints them differently
        for a, b in zip(r.mentions, back.mentions, strict=True):
            if a.quantity is not None:
                assert b.quantity is not None
                assert type(a.quantity.low) is type(b.quantity.low)
                assert type(a.quantity.high) is type(b.quantity.high)


def test_unbounded_values_and_dates_survive(examples_read) -> None:
    # "at least 10" is [10, inf): JSON has no inf, the codec writes it as text
    r = next(r for _, r in examples_read if r.mentions)
    m = r.mentions[0]
    from consistency.models import Quantity

    q = Quantity("at least 10", 10, float("inf"), "people", value=10.0)
    tricky = replace(r, mentions=[replace(m, quantity=q)])
    back = codec.decode_reading(codec.encode_reading(tricky))
    assert back.mentions[0].quantity == q
    assert back.mentions[0].quantity.high == float("inf")


def test_data_of_another_format_is_refused_not_misread(examples_read) -> None:
    import zlib

    _, r = examples_read[0]
    obj = json.loads(zlib.decompress(codec.encode_reading(r)))
    obj["format"] = codec.FORMAT + 1
    with pytest.raises(codec.CodecError, match="format"):
        codec.decode_reading(zlib.compress(json.dumps(obj).encode()))
    with pytest.raises(codec.CodecError):
        codec.decode_reading(b"not zlib at all")


def _format_1(d: Document) -> bytes:
    """The document as the previous version stored it: format 1, its reasons in one line."""
    fields = codec.document_json(d)
    why = fields.pop("published_why", [])
    if why:
        fields["published_note"] = "; ".join(why)
    return zlib.compress(codec.canonical_json({"format": 1, "document": fields}).encode())


def test_a_document_of_format_1_is_read_with_its_note_as_its_reason() -> None:
    note = 'header "Date: 2031-05-01"'
    old = {
        "id": "a.txt",
        "path": "a.txt",
        "name": "a.txt",
        "text": "Acme opened a depot.",
        "published": "2031-05-01",
        "published_from": "header",
        "published_note": note,
    }
    data = zlib.compress(json.dumps({"format": 1, "document": old}).encode())
    d = codec.decode_document(data)
    assert (d.published, d.published_why, d.published_note) == (date(2031, 5, 1), (note,), note)
    undated = {k: v for k, v in old.items() if not k.startswith("published")}
    data = zlib.compress(json.dumps({"format": 1, "document": undated}).encode())
    assert codec.decode_document(data).published_why == ()
    # A reading of format 1 is read again, not upgraded; a format never written is refused.
    with pytest.raises(codec.CodecError, match="format 1"):
        codec.decode_reading(zlib.compress(json.dumps({"format": 1}).encode()))
    with pytest.raises(codec.CodecError, match="format 0"):
        codec.decode_document(zlib.compress(json.dumps({"format": 0, "document": old}).encode()))


def test_a_store_of_the_previous_format_opens_and_reads_its_documents(tmp_path: Path) -> None:
    where = tmp_path / "s.sqlite"
    with open_store(where, "0.1.0+format-1") as st:
        add(st, [EXAMPLES], lexicon=lexicon.load())
    docs = {d.id: d for d in ingest([EXAMPLES]).documents}
    assert any(d.published_why for d in docs.values())
    with sqlite3.connect(where) as conn:  # the documents as the previous version wrote them
        for doc_id, d in docs.items():
            old = replace(d, id="", path="")
            fields = json.loads(zlib.decompress(_format_1(old)))["document"]
            h = hashlib.sha256(codec.canonical_json(fields).encode()).hexdigest()
            conn.execute(
                "UPDATE documents SET data = ?, content_hash = ? WHERE doc_id = ?",
                (_format_1(d), h, doc_id),
            )
    with open_store(where, reader()) as st:
        assert {d.id: d for d in st.unread()} == docs
        again = add(st, [EXAMPLES], lexicon=lexicon.load())
        assert again.read == len(docs)
        assert [d for d, _ in st.load(docs)] == sorted(docs.values(), key=lambda d: d.id)
        # The stored form of a dated file is new, not the file: "changed" once (as
        # codec._document_from_1 and the README say), then already stored.
        dated = sum(bool(d.published_why) for d in docs.values())
        assert again.saved.documents_changed == dated
        assert add(st, [EXAMPLES], lexicon=lexicon.load()).saved == Saved()


def test_a_reading_moved_to_another_id_equals_reading_it_there(examples_read) -> None:
    d, r = next((d, r) for d, r in examples_read if r.claims and r.orders)
    moved = replace(d, id="elsewhere/" + d.id, path="elsewhere/" + d.path)
    (fresh,) = reading.read([moved], lexicon.load())
    assert rebase(r, d.id, moved.id) == fresh
    assert rebase(rebase(r, d.id, ""), "", moved.id) == fresh


def test_content_hash_is_the_content_not_the_place(examples_read) -> None:
    d, _ = examples_read[0]
    assert content_hash(replace(d, id="x", path="y/x")) == content_hash(d)
    assert content_hash(replace(d, text=d.text + " More.")) != content_hash(d)
    assert content_hash(replace(d, published=None)) != content_hash(d)


def test_migrations_build_exactly_the_schema(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.config import Config
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from consistency.store import schema

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(db.__file__).parent / "migrations"))
    assert ScriptDirectory.from_config(cfg).get_current_head() == db.HEAD
    with open_store(tmp_path / "s.sqlite", reader()) as st, st.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table": "store_version"})
        assert compare_metadata(ctx, schema.metadata) == []
        assert ctx.get_current_revision() == db.HEAD


def test_adding_the_same_articles_again_reads_and_adds_nothing(store_url: str) -> None:
    lex = lexicon.load()
    with open_store(store_url, reader()) as st:
        first = add(st, [EXAMPLES], lexicon=lex)
        assert (first.read, first.saved.documents_added) == (4, 4)
        again = add(st, [EXAMPLES], lexicon=lex)
        assert (again.read, again.saved.documents_added, again.saved.readings_added) == (0, 0, 0)
        s = st.stats()
    assert (s["documents"], s["readings"]) == (4, 4)
    assert s["readings_by_version"] == {reader(): 4}
    assert s["size_bytes"] > 0


def test_the_same_text_at_two_paths_is_read_once(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(EXAMPLES / "alder-daily.txt", tmp_path / sub / "alder-daily.txt")
    with open_store(tmp_path / "s.sqlite", reader()) as st:
        done = add(st, [tmp_path / "a", tmp_path / "b"], lexicon=lexicon.load())
        assert (done.read, done.saved.documents_added, done.saved.readings_added) == (1, 2, 1)


def test_another_version_reads_again_and_gc_drops_the_old_readings(tmp_path: Path) -> None:
    where = tmp_path / "s.sqlite"
    with open_store(where, "0.0.1+old") as st:
        add(st, [EXAMPLES / "alder-daily.txt"], lexicon=lexicon.load())
    with open_store(where, reader()) as st:
        again = add(st, [EXAMPLES / "alder-daily.txt"], lexicon=lexicon.load())
        assert again.read == 1
        assert set(st.stats()["readings_by_version"]) == {"0.0.1+old", reader()}
        dropped = st.gc()
        assert dropped["readings"] == 1
        assert st.stats()["readings_by_version"] == {reader(): 1}


def test_gc_drops_the_articles_whose_file_is_gone_under_the_paths(tmp_path: Path) -> None:
    arch = tmp_path / "arch"
    shutil.copytree(EXAMPLES, arch)
    runner = CliRunner()
    store = str(tmp_path / "s.sqlite")
    assert runner.invoke(main, ["store", "add", str(arch), "--store", store]).exit_code == 0
    (arch / "alder-daily.txt").unlink()
    res = runner.invoke(main, ["store", "gc", str(arch), "--store", store])
    assert res.exit_code == 0, res.output
    assert "dropped 1 article" in res.output
    res = runner.invoke(main, ["store", "stats", "--store", store, "--json"])
    stats = json.loads(res.stdout)
    assert (stats["documents"], stats["readings"]) == (3, 3)


def test_rebuild_reads_everything_again(tmp_path: Path) -> None:
    store = str(tmp_path / "s.sqlite")
    runner = CliRunner()
    runner.invoke(main, ["store", "add", str(EXAMPLES), "--store", store])
    res = runner.invoke(
        main, ["store", "rebuild", str(EXAMPLES / "alder-daily.txt"), "--store", store]
    )
    assert res.exit_code == 0, res.output
    assert "1 article(s), 1 read" in res.output
    stats = json.loads(runner.invoke(main, ["store", "stats", "--store", store, "--json"]).stdout)
    assert stats["documents"] == 1


def test_the_store_setting_is_used_and_relative_to_the_settings_file(tmp_path: Path) -> None:
    from consistency import config

    (tmp_path / "pyproject.toml").write_text('[tool.consistency]\nstore = "cache/s.sqlite"\n')
    s = config.load(start=tmp_path)
    assert s.store == str(tmp_path / "cache" / "s.sqlite")
    (tmp_path / "consistency.toml").write_text("store = 3\n")
    with pytest.raises(Exception, match="store must be"):
        config.load(tmp_path / "consistency.toml")


# --- bad input: a clear error, exit 2, never a traceback --------------------------------


def _error(args: list[str]) -> str:
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    return res.output


def test_a_file_that_is_not_a_store_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "s.sqlite"
    bad.write_text("these are not the droids\n")
    out = _error(["check", str(EXAMPLES), "--store", str(bad)])
    assert "not an SQLite database" in out


def test_an_sqlite_database_of_another_program_is_an_error(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE documents (x)")
    out = _error(["store", "stats", "--store", str(other)])
    assert "no consistency store" in out


def test_a_damaged_reading_is_an_error_naming_the_article(tmp_path: Path) -> None:
    where = tmp_path / "s.sqlite"
    runner = CliRunner()
    runner.invoke(main, ["store", "add", str(EXAMPLES), "--store", str(where)])
    with sqlite3.connect(where) as conn:
        conn.execute("UPDATE documents SET data = X'00' WHERE doc_id = 'alder-daily.txt'")
    # a new article that shares facts with it makes the check load it
    tmp_new = tmp_path / "new"
    tmp_new.mkdir()
    shutil.copy(EXAMPLES / "bayside-post.json", tmp_new / "copy.json")
    out = _error(["check", str(tmp_new), "--store", str(where), "-o", str(tmp_path / "r.json")])
    assert "alder-daily.txt" in out and "rebuild" in out


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    where = tmp_path / "s.sqlite"
    open_store(where, reader()).close()
    with sqlite3.connect(where) as conn:
        conn.execute("UPDATE store_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer"):
        open_store(where, reader())


@pytest.mark.parametrize(
    ("store", "expected"),
    [
        ("postgresql://nobody@127.0.0.1:9/none", "cannot open the store postgresql://nobody@"),
        ("postgresql://user:secret@[::1:9/x", "not a database URL"),
        ("mysql://u@h/db", "unsupported store 'mysql'"),
    ],
)
def test_bad_or_unreachable_databases_are_errors(store: str, expected: str) -> None:
    out = _error(["check", str(EXAMPLES), "--store", store])
    assert expected in out
    assert "secret" not in out


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    assert "is a folder" in _error(["check", str(EXAMPLES), "--store", str(tmp_path)])


def test_changed_since_outside_git_is_an_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(EXAMPLES, tmp_path / "a")
    out = _error(["check", "a", "--store", "s.sqlite", "--changed-since", "HEAD"])
    assert "not a git repository" in out or "needs a git repository" in out


def test_store_options_need_a_store_and_no_new(tmp_path: Path) -> None:
    assert "need a store" in _error(["check", str(EXAMPLES), "--archive", str(EXAMPLES)])
    s = str(tmp_path / "s.sqlite")
    assert "leave out --new" in _error(
        ["check", str(EXAMPLES), "--store", s, "--new", str(EXAMPLES)]
    )


def test_stats_of_a_missing_store_is_an_error(tmp_path: Path) -> None:
    assert "no such store" in _error(["store", "stats", "--store", str(tmp_path / "none.sqlite")])


# --- git ---------------------------------------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_changed_since_takes_the_new_articles_from_git(tmp_path: Path, monkeypatch) -> None:
    repo = tmp_path / "repo"
    (repo / "articles").mkdir(parents=True)
    for name in ("alder-daily.txt", "bayside-post.json", "coastline-wire.md"):
        shutil.copy(EXAMPLES / name, repo / "articles" / name)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "archive")
    shutil.copy(EXAMPLES / "harbour-courier.html", repo / "articles" / "harbour-courier.html")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "a new drop")
    monkeypatch.chdir(repo)
    runner = CliRunner()
    res = runner.invoke(main, ["store", "add", "articles", "--store", "s.sqlite"])
    assert res.exit_code == 0, res.output
    args = ["check", "articles", "--store", "s.sqlite", "-f", "json", "-o", "r.json", "-q"]
    res = runner.invoke(main, [*args, "--changed-since", "HEAD~1"])
    assert res.exit_code in (0, 1), res.output
    report = json.loads((repo / "r.json").read_text())
    assert report["findings"]
    for f in report["findings"]:
        assert any(c["document"] == "harbour-courier.html" for c in f["claims"])
    res = runner.invoke(main, [*args, "--changed-since", "HEAD"])
    assert res.exit_code == 0 and "no article added or changed" in res.output
    assert "no such revision" in _error([*args, "--changed-since", "no-such-branch"])
