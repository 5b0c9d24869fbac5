"""Commands for searching the archive: the staff or public index, the
analyser's view of a text, and the saved searches' alerts."""

from __future__ import annotations

import html
import re
from dataclasses import asdict

import click

from sotarchive.cli.base import cli, emit, json_option, services_of


@cli.command()
@click.argument("query")
@click.option("--public", is_flag=True, help="Only published, anonymised documents.")
@json_option
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--sort", type=click.Choice(["relevance", "date", "date_asc"]), default="relevance", show_default=True)
@click.pass_context
def search(ctx: click.Context, query: str, public: bool, as_json: bool, limit: int, offset: int, sort: str) -> None:
    """Search the internal (staff) index, or the public one with --public.

    The query language: words, "phrases", "phrase"~N, -exclusion, OR,
    prefix*, court:, year:1965..1970, type:, lang:, article:"УК 168"."""
    from indexing import QueryError

    svc = services_of(ctx)
    index = svc.public_index if public else svc.internal_index
    try:
        result = index.search(query, limit=limit, offset=offset, sort=sort)
    except QueryError as exc:
        raise click.ClickException(f"query not understood: {exc}") from exc
    if as_json:
        emit({"total": result.total, "hits": [asdict(h) for h in result.hits]})
        return
    click.echo(f"{result.total} found / табылды / найдено")
    for number, hit in enumerate(result.hits, start=offset + 1):
        where = " · ".join(str(part) for part in (hit.court, hit.date, hit.source) if part)
        click.echo(f"\n{number}. {hit.title}\n   {where} · id {hit.id}\n   {terminal_snippet(hit.snippet)}")


def terminal_snippet(snippet: str) -> str:
    """A snippet's HTML for a terminal: the matched words in bold (plain
    when the output is not a terminal: click drops the styles), entities
    read back, no tags."""
    marked = re.sub(r"<mark>(.*?)</mark>", lambda m: click.style(m.group(1), bold=True), snippet, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", marked))


@cli.command()
@click.argument("text")
@json_option
def analyze(text: str, as_json: bool) -> None:
    """Show how the search analyser sees a text."""
    from indexing import analyze as run_analyze

    tokens = run_analyze(text)
    if as_json:
        emit({"tokens": [{"token": t.text, "start": t.start, "end": t.end, "lang": t.lang, "terms": list(t.terms)} for t in tokens]})
    else:
        for t in tokens:
            folded = f"  folded: {t.folded}" if t.folded != t.term else ""
            click.echo(f"{' '.join(t.text.split()):<24} {t.lang:<5} {t.term}{folded}")


@cli.command()
@json_option
@click.pass_context
def alerts(ctx: click.Context, as_json: bool) -> None:
    """New decisions for every saved search, by user (run daily to send them on)."""
    from archive import saved_searches

    svc = services_of(ctx)
    found = saved_searches.everyone_with_alerts(svc.catalog, svc.internal_index)
    if as_json:
        emit({user: [{"query": a.query, "new": a.new} for a in items] for user, items in found.items()})
        return
    for user, items in found.items():
        for alert in items:
            click.echo(f"{user}: {alert.query!r}: {len(alert.new)} new")
