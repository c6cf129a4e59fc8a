"""The article files: plain text with a header, an HTML page with metadata and site
furniture, Markdown with front matter, or a JSON feed; price tickers, teasers, share and
advertisement lines."""

from __future__ import annotations

import html
import json
import random
from dataclasses import dataclass
from datetime import timedelta

from .cast import slug
from .figures import qty_exact
from .model import Outlet, Plan, Story
from .sentences import Renderer
from .times import MONTHS, _expr, add_months, fmt_day, month_span, year_span
from .vocabulary import AD_LINES, DOMAINS, GENERIC_TEASERS, TITLE_FORMS
from .wording import tidy


def teaser_lines(rng: random.Random, story: Story, o: int) -> list[tuple[str, str]]:
    """A "Recommended for you" list: headlines with their own dates. A teaser trap's item
    tells one of the story's facts again, with another (older) date."""
    out = story.outlets[o]
    ents = story.entities
    items: list[tuple[str, str]] = []
    for t in story.traps:
        if t.kind == "teaser" and t.extra.get("host") == o:
            f = story.fact(t.fact or "")
            assert f.date is not None
            wrong = add_months(f.date, -rng.randint(14, 40))
            texp = rng.choice(
                [
                    _expr(
                        "abs_month",
                        f"in {MONTHS[wrong.month - 1]} {wrong.year}",
                        month_span(wrong.year, wrong.month),
                        "month",
                    ),
                    _expr("abs_year", f"in {wrong.year}", year_span(wrong.year), "year"),
                ]
            )
            p = Plan(f, o, time=texp)
            if f.figure is not None:
                p.qty = qty_exact(f.figure, out.style, rng)
            r = Renderer(story, o, rng)
            full = {k: ("the " if e.article else "") + e.name for k, e in ents.items()}
            extra = {
                "S": full[f.key],
                "A": full["reg"],
                "C": full["city"],
                "FUND": full["fund"],
                "X2": full.get(f.fields.get("X2", ""), ""),
            }
            text = tidy(r.fill(f"{{S}} {r.vp(p)}", p, extra)).rstrip(".")
            text += rng.choice([", archive shows", ": a look back", ", records show", ""])
            when = out.pub - timedelta(days=rng.randint(1, 60))
            items.append((text, fmt_day(when, out.style)))
            t.extra.update(headline=text, date=when.isoformat(), wrong=texp.label())
    for h in rng.sample(GENERIC_TEASERS, rng.randint(1, 3)):
        when = out.pub - timedelta(days=rng.randint(1, 60))
        items.append((h, fmt_day(when, out.style)))
    rng.shuffle(items)
    return items


def ticker(rng: random.Random, story: Story, o: int) -> tuple[list[str], str]:
    capture = story.outlets[o].pub + timedelta(days=rng.randint(30, 400))
    sym = DOMAINS[story.domain]["ticker"]
    parts = [
        f"{s} {rng.uniform(10, 3000):,.2f} {rng.choice(['▲', '▼'])}{rng.uniform(0, 3):.2f}%"
        for s in ("BRNT", "GOLD", sym)
    ]
    return ["MARKETS | " + " | ".join(parts), f"Updated {capture.strftime('%m-%d-%Y')} 14:05"], (
        capture.isoformat()
    )


@dataclass
class _Page:
    """One article's page: its text and the furniture around it (teasers, a price ticker,
    share lines, an advertisement after paragraph ``ad_at``, or -1 for none)."""

    out: Outlet
    title: str
    url: str
    paras: list[str]
    teasers: list[tuple[str, str]]
    tick: list[str]
    share: bool
    ad_at: int


def _furnish(rng: random.Random, story: Story, o: int, title: str, paras: list[list[str]]) -> _Page:
    """Draw the page furniture of outlet ``o``'s article, and note it in
    ``story.furniture`` (the answers say what a reader must ignore)."""
    out = story.outlets[o]
    notes: list[str] = []
    use_teasers = any(t.kind == "teaser" and t.extra.get("host") == o for t in story.traps) or (
        out.fmt != "json" and rng.random() < 0.5
    )
    teasers = teaser_lines(rng, story, o) if use_teasers and out.fmt != "json" else []
    if teasers:
        notes.append("teasers: " + "; ".join(f"{h} ({d})" for h, d in teasers))
    tick: list[str] = []
    if out.fmt in ("txt", "html") and rng.random() < 0.35:
        tick, cap = ticker(rng, story, o)
        notes.append(f"price ticker captured {cap}")
    share = out.fmt != "json" and rng.random() < 0.6
    if out.fmt == "html":
        notes.append("navigation and footer")
    ad_at = (
        rng.randint(1, max(1, len(paras) - 1)) if out.fmt != "json" and rng.random() < 0.5 else -1
    )
    if share:
        notes.append("share lines")
    if ad_at >= 0:
        notes.append("an advertisement line")
    url = (
        f"https://{out.slug.replace('-', '')}.example/news/{out.pub:%Y/%m/%d}/"
        f"{slug(title)[:60].rstrip('-')}"
    )
    story.furniture[o] = notes
    body = [" ".join(p) for p in paras]
    return _Page(out, title, url, body, teasers, tick, share, ad_at)


def _as_text(rng: random.Random, page: _Page) -> str:
    """Plain text: a header of date, title and outlet, then the body and furniture."""
    out = page.out
    lines = [f"date {out.pub.isoformat()}", f"Title: {page.title}", f"Outlet: {out.name}", ""]
    if page.tick:
        lines += page.tick + [""]
    if page.share:
        lines += ["Share", "Tweet", ""]
    for i, para in enumerate(page.paras):
        lines += [para, ""]
        if i == page.ad_at:
            lines += [rng.choice(AD_LINES), ""]
    if page.teasers:
        lines.append("Recommended for you")
        for h, d in page.teasers:
            lines += [h, d]
    return "\n".join(lines).rstrip("\n") + "\n"


def _as_markdown(rng: random.Random, page: _Page) -> str:
    """Markdown with YAML front matter, a byline and the furniture."""
    out, title = page.out, page.title
    lines = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"date: {out.pub.isoformat()}",
        f"outlet: {out.name}",
        f"url: {page.url}",
        "---",
        "",
        f"# {title}",
        "",
        f"*By {out.reporter}*",
        "",
    ]
    for i, para in enumerate(page.paras):
        lines += [para, ""]
        if i == page.ad_at:
            lines += [f"_{rng.choice(AD_LINES)}_", ""]
    if page.share:
        lines += ["*Share this article: Facebook | X | LinkedIn | Email*", ""]
    if page.teasers:
        lines += ["## Recommended for you", ""]
        for h, d in page.teasers:
            lines.append(
                f"- [{h}](https://{out.slug.replace('-', '')}.example/{slug(h)[:40]}) · {d}"
            )
    return "\n".join(lines).rstrip("\n") + "\n"


def _as_json(page: _Page) -> str:
    """A JSON feed with one article, its body one string, no furniture."""
    out = page.out
    doc = {
        "articles": [
            {
                "headline": page.title,
                "outlet": out.name,
                "url": page.url,
                "published": out.pub.isoformat(),
                "body": "\n\n".join(page.paras),
            }
        ]
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _html_head(rng: random.Random, page: _Page) -> list[str]:
    """The HTML page up to its navigation: title, Open Graph metadata with the publication
    time, the canonical address."""
    e, out, title = html.escape, page.out, page.title
    hour = rng.randint(6, 20)
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(title)} | {e(out.name)}</title>",
        f'<meta property="og:site_name" content="{e(out.name)}">',
        f'<meta property="og:title" content="{e(title)}">',
        f'<meta property="article:published_time" content="{out.pub.isoformat()}T{hour:02d}:'
        f'{rng.choice(["00", "15", "30", "45"])}:00+00:00">',
        f'<link rel="canonical" href="{e(page.url)}">',
        "</head>",
        "<body>",
        '<header><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/business">'
        'Business</a> | <a href="/sport">Sport</a> | <a href="/weather">Weather</a></nav></header>',
    ]


def _as_html(rng: random.Random, page: _Page) -> str:
    """An HTML page: head and navigation, the article, teasers aside, a footer."""
    e, out = html.escape, page.out
    lines = _html_head(rng, page)
    if page.tick:
        lines.append(
            f'<div class="ticker">{e(page.tick[0], quote=False)} <span class="updated">'
            f"{e(page.tick[1], quote=False)}</span></div>"
        )
    lines += [
        "<main>",
        "<article>",
        f"<h1>{e(page.title, quote=False)}</h1>",
        f'<p class="byline">By {e(out.reporter)} · {fmt_day(out.pub, out.style)}</p>',
    ]
    for i, para in enumerate(page.paras):
        lines.append(f"<p>{e(para, quote=False)}</p>")
        if i == page.ad_at:
            lines.append(f'<div class="ad">{rng.choice(AD_LINES)}</div>')
    lines.append("</article>")
    if page.teasers:
        lines.append('<aside class="recommended"><h3>Recommended for you</h3><ul>')
        for h, d in page.teasers:
            lines.append(
                f'<li><a href="/news/{slug(h)[:40]}">{e(h, quote=False)}</a> '
                f'<span class="date">{e(d)}</span></li>'
            )
        lines.append("</ul></aside>")
    lines.append("</main>")
    foot = f"<footer><p>© {out.pub.year} {e(out.name)} Ltd. All rights reserved.</p>"
    if page.share:
        foot += "<p>Share: Facebook | X | LinkedIn | Email</p>"
    lines += [foot + "</footer>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"


def write_article(
    rng: random.Random, story: Story, o: int, title: str, paras: list[list[str]]
) -> str:
    """Outlet ``o``'s article file, in the outlet's format, with its page furniture."""
    page = _furnish(rng, story, o, title, paras)
    fmt = page.out.fmt
    if fmt == "txt":
        return _as_text(rng, page)
    if fmt == "md":
        return _as_markdown(rng, page)
    if fmt == "json":
        return _as_json(page)
    return _as_html(rng, page)


def make_title(rng: random.Random, story: Story) -> str:
    ents = story.entities
    topic = DOMAINS[story.domain]["topic"]
    t = rng.choice(TITLE_FORMS)
    return t.format(
        C=ents["city"].name,
        topic=topic,
        topic_cap=topic[0].upper() + topic[1:],
        Co=ents["co0"].name,
        Reg=ents["reg"].short,
    )
