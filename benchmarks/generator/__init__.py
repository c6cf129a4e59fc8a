"""Generate a seeded corpus of invented multi-outlet news stories with known answers.

Run from the repository root::

    python benchmarks/generate.py OUT --stories 20 --outlets 4 --seed 7
    python -m benchmarks.generator OUT --stories 20 --outlets 4 --seed 7   # the same

or from Python (with the repository root on ``sys.path``)::

    from benchmarks.generator import generate
    expected = generate(Path("out"), stories=20, outlets=4, seed=7)

It writes ``OUT/story-001/`` ... one folder per story, each with one article per invented
outlet (``.txt`` with a header, an ``.html`` page with metadata and site furniture, ``.md``
with YAML front matter, or a ``.json`` feed), and one ``OUT/expected.yaml`` for the whole
corpus, in the shape of ``../shared/corpus/seeds/expected.yaml``: ``discrepancies`` (what a
correct check must report) and ``consistent`` (traps that must not be reported). Every
``source`` is the file's path relative to OUT (``story-003/harbour-courier.txt``) and every
``says`` is a sentence that occurs verbatim in that file.

How a story is made:

* an invented cast (companies, a regulator whose acronym one outlet defines once, a city
  council, people named in full and then by surname, a festival, a scheme) and 5-8 true
  facts drawn from the event lexicon (``consistency/data/events.yaml``), each with a true
  date and, for some, a figure with a unit;
* each outlet has its own publication date (within three weeks of the others, after every
  true event), its own date style (US, UK or AP) and format, and tells a random subset of
  the facts (each fact by at least two outlets) through many sentence frames: active,
  passive, regulator as subject, attribution ("..., the CWA said", "told X", "said on
  Tuesday that it had ..."), hedges, relative clauses, coordinated clauses, group subjects,
  fronted time phrases; times absolute or relative to that outlet's own date (computed from
  the true date, so they are right); figures exact, rounded ("about") or bounded ("at
  least", "more than", "nearly"); filler sentences with no claim; page furniture (price
  tickers with a later capture date, "Recommended for you" teasers with their own dates,
  share and ad lines); some outlets repeat another outlet's sentence verbatim;
* 2-3 planted discrepancies per story, dealt from a shuffled deck (the five kinds below
  twice, the four others once) so that 20 stories have every kind:

  - ``date``, ``number``, ``first``, ``order``, ``anachronism`` (one outlet moves a date,
    a figure, calls a company the first, tells two events in the wrong order, or dates a
    past event after its own publication);
  - ``status``: one outlet has a company refused a licence, stripped of it, or still
    without one ("has yet to obtain", "is still waiting for"), an authority lifting a ban
    or rejecting a plan, while another tells the opposite state for the same time;
  - ``attribution``: the same direct quote (eight words or more) given to two different
    named people in two outlets, or the same report credited "according to" two different
    (invented) news agencies;
  - ``count`` (kind ``number``): "one of two companies to obtain a licence in May" against
    "the only company" or "one of three" for the same period;
  - ``internal`` (kind ``date`` or ``number``, both claims from one article): an article
    that dates an event, or gives a figure, two incompatible ways in two sentences;
* traps that are no discrepancy (a month inside a year, "about 13,000" and "13,200", a bound
  and a figure inside it, "retail" on one side only, a relative and an absolute time that
  agree, a true "first", a statement's date that is not the event's, a teaser's date).

Every claim is also kept as structured data (times, figures, statuses, counts, quotes and
their speakers, "according to" sources), and a small checker over that data (not over the
text) verifies the ground truth: every conflict among the claims comes from a planted
discrepancy (an extra kind it implies is listed under ``also``; for an internal one, every
kind it also shows against other outlets), and no trap is touched by one. Same seed, same
bytes: only ``random.Random(seed)`` is used, never the clock.

The modules, each importing only those above it:

* ``vocabulary``: the words, read once from ``data/*.yaml`` (cast, press, domains, events,
  statuses, counts, echoes) and checked against a schema;
* ``times``, ``figures``: time phrases and figures as an outlet writes them, with the
  interval or range a careful reader gives them;
* ``model``: the kinds of plant and trap, and the story's data (cast, facts, outlets, and a
  ``Plan`` for how each outlet tells each fact);
* ``cast``, ``story``: the invented cast, and a story's facts, dates and outlets;
* ``plans``: choosing time phrases, and deciding every claim not yet decided;
* ``plants``, ``traps``: the planted discrepancies and the traps;
* ``wording``, ``sentences``, ``article``: naming the cast, the sentences, an article's
  paragraphs;
* ``truth``: the ground-truth check over the structured claims;
* ``formats``: the files (txt, html, md, json) with their page furniture;
* ``answers``: the expected entries;
* ``corpus``: the whole corpus and ``expected.yaml``; ``cli``: the command line.
"""

from .cli import main
from .corpus import build_corpus, generate
from .model import KINDS, PLANTS, TRAPS, Story
from .plants import LONG_QUOTE_WORDS
from .times import disjoint, time_options
from .truth import claims_of, conflicts, verify
from .vocabulary import AGENCIES, QUOTES, VocabularyError

__all__ = [
    "AGENCIES",
    "KINDS",
    "LONG_QUOTE_WORDS",
    "PLANTS",
    "QUOTES",
    "TRAPS",
    "Story",
    "VocabularyError",
    "build_corpus",
    "claims_of",
    "conflicts",
    "disjoint",
    "generate",
    "main",
    "time_options",
    "verify",
]
