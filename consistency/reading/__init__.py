"""Reading input: files and folders in, :class:`~consistency.models.Document` objects out.

:func:`consistency.reading.ingest.ingest` finds the files (:mod:`.files`), gives each to the
reader of its type, cleans each article the reader found into a Document (:mod:`.article`,
with :mod:`.furniture` for page furniture) and applies sidecars (:mod:`.sidecar`);
:mod:`.positions` maps a document's text back into its file for reports.

Readers
-------
A reader reads one input format. Readers are registered in the entry-point group
``consistency.readers`` (the built-in ones in this package's ``pyproject.toml``, a third
party's in its own), and collected in :data:`consistency.reading.readers.READERS`, keyed by
the entry point's name, the reader's *type* ("txt", "md", "html", "json", "jsonl", "feed"):

.. code-block:: toml

    [project.entry-points."consistency.readers"]
    note = "my_package.note_reader:READER"

The entry point names a :class:`Reader` (``from consistency.reading import Reader``):

* ``suffixes``: the file suffixes it reads, with the dot (``(".note",)``). A file's type is
  recognised by its suffix, case-insensitively; folders are searched for the suffixes of the
  registered readers only, and a file named on the command line with a suffix no reader
  claims is read as plain text ("txt").
* ``read(source) -> list[Article | Skipped]``: the articles of one file, in file order.
  It gets a :class:`Source`: the file's ``path``, ``name``, ``data`` (its bytes, within the
  size limit), ``text`` (the bytes decoded and cleaned: the encoding found, ``\\n`` line ends,
  no control characters) and ``fields`` (the ``--field`` mapping, for structured formats).
* ``binary=True``: the reader gets the bytes only (``text`` is empty), e.g. a feed parser
  that reads the encoding declared in the XML.

Each :class:`Article` holds the article's ``lines`` (one paragraph a line; blank lines between
blocks are fine) and what the format says about it: ``title``, ``outlet``, ``url``,
``format`` (empty: the reader's type), ``headings`` and ``items`` (lines known to be
headings or list items), ``notes`` for the editor, and the publication dates the file gives:
``article.set_date(day, "meta", 'field "date" "2024-06-17"')`` adds one, a
:class:`~consistency.time.published.Candidate` (``"meta"`` for a date field of the format,
``"header"`` for a header at the top of the file). Everything after that is shared by all
formats: furniture, datelines, bylines and the headline are taken out, the date is chosen
among the candidates by :func:`consistency.time.published.choose` (a sidecar's and a
dateline's with them), the sidecar's title and outlet win. An article the reader cannot read is a
:class:`~consistency.models.Skipped` with a one-line reason in its place (its path is filled
in); a file it cannot read at all raises :class:`Unreadable` with a one-line reason.

A reader never stops the run: a plugin that fails to load is listed among the skipped
inputs as ``(readers)``, and a plugin that raises (or gives back anything but articles)
skips the file it was reading with a one-line reason naming the plugin; the other files are
read. A reader module imports from :mod:`consistency.reading` (and lower layers) only.
"""

from consistency.reading.base import Article, Reader, Source, Unreadable

__all__ = ["Article", "Reader", "Source", "Unreadable"]
