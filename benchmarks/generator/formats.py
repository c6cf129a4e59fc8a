"""The article files: plain text with a header, an HTML page with metadata and site
furniture, Markdown with front matter, or a JSON feed; price tickers, teasers, share and
advertisement lines."""

from __future__ import annotations

import html
import json
import random
from datetime import timedelta

from .cast import slug
from .figures import qty_exact
from .model import Plan, Story
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


def write_article(
    rng: random.Random, story: Story, o: int, title: str, paras: list[list[str]]
) -> str:
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
    body_paras = [" ".join(p) for p in paras]
    story.furniture[o] = notes
    if out.fmt == "txt":
        lines = [f"date {out.pub.isoformat()}", f"Title: {title}", f"Outlet: {out.name}", ""]
        if tick:
            lines += tick + [""]
        if share:
            lines += ["Share", "Tweet", ""]
        for i, para in enumerate(body_paras):
            lines += [para, ""]
            if i == ad_at:
                lines += [rng.choice(AD_LINES), ""]
        if teasers:
            lines.append("Recommended for you")
            for h, d in teasers:
                lines += [h, d]
        return "\n".join(lines).rstrip("\n") + "\n"
    if out.fmt == "md":
        lines = [
            "---",
            f"title: {json.dumps(title, ensure_ascii=False)}",
            f"date: {out.pub.isoformat()}",
            f"outlet: {out.name}",
            f"url: {url}",
            "---",
            "",
            f"# {title}",
            "",
            f"*By {out.reporter}*",
            "",
        ]
        for i, para in enumerate(body_paras):
            lines += [para, ""]
            if i == ad_at:
                lines += [f"_{rng.choice(AD_LINES)}_", ""]
        if share:
            lines += ["*Share this article: Facebook | X | LinkedIn | Email*", ""]
        if teasers:
            lines += ["## Recommended for you", ""]
            for h, d in teasers:
                lines.append(
                    f"- [{h}](https://{out.slug.replace('-', '')}.example/{slug(h)[:40]}) · {d}"
                )
        return "\n".join(lines).rstrip("\n") + "\n"
    if out.fmt == "json":
        doc = {
            "articles": [
                {
                    "headline": title,
                    "outlet": out.name,
                    "url": url,
                    "published": out.pub.isoformat(),
                    "body": "\n\n".join(body_paras),
                }
            ]
        }
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    e = html.escape
    hour = rng.randint(6, 20)
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(title)} | {e(out.name)}</title>",
        f'<meta property="og:site_name" content="{e(out.name)}">',
        f'<meta property="og:title" content="{e(title)}">',
        f'<meta property="article:published_time" content="{out.pub.isoformat()}T{hour:02d}:'
        f'{rng.choice(["00", "15", "30", "45"])}:00+00:00">',
        f'<link rel="canonical" href="{e(url)}">',
        "</head>",
        "<body>",
        '<header><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/business">'
        'Business</a> | <a href="/sport">Sport</a> | <a href="/weather">Weather</a></nav></header>',
    ]
    if tick:
        lines.append(
            f'<div class="ticker">{e(tick[0], quote=False)} <span class="updated">'
            f"{e(tick[1], quote=False)}</span></div>"
        )
    lines += [
        "<main>",
        "<article>",
        f"<h1>{e(title, quote=False)}</h1>",
        f'<p class="byline">By {e(out.reporter)} · {fmt_day(out.pub, out.style)}</p>',
    ]
    for i, para in enumerate(body_paras):
        lines.append(f"<p>{e(para, quote=False)}</p>")
        if i == ad_at:
            lines.append(f'<div class="ad">{rng.choice(AD_LINES)}</div>')
    lines.append("</article>")
    if teasers:
        lines.append('<aside class="recommended"><h3>Recommended for you</h3><ul>')
        for h, d in teasers:
            lines.append(
                f'<li><a href="/news/{slug(h)[:40]}">{e(h, quote=False)}</a> '
                f'<span class="date">{e(d)}</span></li>'
            )
        lines.append("</ul></aside>")
    lines.append("</main>")
    foot = f"<footer><p>© {out.pub.year} {e(out.name)} Ltd. All rights reserved.</p>"
    if share:
        foot += "<p>Share: Facebook | X | LinkedIn | Email</p>"
    lines += [foot + "</footer>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"


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
