"""Commands for administrators: workers and the web server, the demo,
rebuilding indexes, checking fixity, exports for the national archive
and open data, and staff accounts."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click
from tqdm import tqdm

from sotarchive.cli.base import cli, config_of, emit, json_option, refusals_shown, services_of
from sotarchive.cli.operators import run_ingest


@cli.command()
@click.option("--concurrency", type=int, help="Processes (default: one per core).")
@click.option("--loglevel", default="INFO")
@click.pass_context
def worker(ctx: click.Context, concurrency: int | None, loglevel: str) -> None:
    """Run a Celery worker for the pipeline."""
    from ingest.worker import run_worker

    run_worker(config_of(ctx), concurrency, loglevel)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Serve the web app and the JSON API."""
    run_server(config_of(ctx), host, port)


def run_server(config, host: str, port: int) -> None:  # type: ignore[no-untyped-def]
    """The web app; on the embedded broker with a worker beside it, so what
    operators upload is processed (production runs workers of its own)."""
    from waitress import serve as waitress_serve

    from ingest.submit import submit_unfinished
    from search_api.app import create_app
    from sotarchive.embedded import supervised_worker

    def queue_unfinished() -> None:
        submit_unfinished(config)

    with supervised_worker(config, queue_unfinished):
        queue_unfinished()  # what an interrupted run left
        click.echo(f"serving on http://{host}:{port}/  (Ctrl-C to stop)")
        waitress_serve(create_app(config), host=host, port=port, threads=8)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="Ingest the sample archive, then stop.")
@click.pass_context
def demo(ctx: click.Context, host: str, port: int, no_serve: bool) -> None:
    """Ingest the bundled sample archive and serve the site."""
    from sotarchive.sample_archive import build_sample_archive

    config = config_of(ctx)
    samples = config.data_dir / "samples"
    click.echo(f"writing the sample archive to {samples}")
    build_sample_archive(samples)
    started = time.monotonic()
    code = run_ingest(config, [samples], "sample-archive", wait=True, as_json=False)
    click.echo(f"pipeline finished in {time.monotonic() - started:.0f} s")
    if code not in (0, 1):
        sys.exit(code)
    password = _demo_publication_and_account(config)
    click.echo(
        "\nLook at / Караңыз / Смотрите:\n"
        f"  public site:  http://{host}:{port}/?q=сот\n"
        f"  workspace:    http://{host}:{port}/staff/  (user: demo, password: {password})\n"
        f"  review queue: http://{host}:{port}/staff/review/\n"
        f"  API:          http://{host}:{port}/api/v1/search?q=сот\n"
        f"  CLI:          .venv/bin/sotarchive --data-dir {config.data_dir} search 'похищение имущества'\n"
    )
    if not no_serve:
        run_server(config, host, port)


def _demo_publication_and_account(config) -> str:  # type: ignore[no-untyped-def]
    """The demo's fictional decisions approved and published (as "demo"),
    and a demo admin account with a fresh password, which is returned."""
    import secrets

    from archive import accounts, publication
    from archive.services import Services

    svc = Services(config)
    publication.approve(svc, publication.waiting_ids(svc), who="demo")
    outcome = publication.publish(svc, publication.approved_ids(svc), who="demo")
    for document_id, why in outcome.refused.items():
        click.echo(f"  not published: {document_id}: {why}", err=True)
    click.echo(f"published {len(outcome.published)} decisions of the sample archive")
    password = secrets.token_urlsafe(9)
    try:
        accounts.add_user(svc.catalog, "demo", "admin", password, "Demo account")
    except accounts.AccountError:
        accounts.set_password(svc.catalog, "demo", password)
        accounts.set_active(svc.catalog, "demo", True)
    return password


@cli.command()
@click.option("--processes", type=click.IntRange(1), default=os.cpu_count() or 1, show_default=True,
              help="Processes analysing text while the index is written.")
@click.option("--public", "public", is_flag=True, help="Rebuild the public index (published documents) instead.")
@json_option
@click.pass_context
def reindex(ctx: click.Context, processes: int, public: bool, as_json: bool) -> None:
    """Rebuild the internal (staff) index from the catalog alone; with
    --public, the public index from the published, anonymised documents.

    The new index is built beside the old one and swapped in at the end
    (an alias in OpenSearch, a link for the embedded engine): searches keep
    answering throughout. Documents that workers index meanwhile are
    indexed again into the new one after the swap."""
    from ingest.reindex import rebuild_internal, rebuild_public

    svc = services_of(ctx)
    if public:
        rebuilt = rebuild_public(svc, processes)
        emit(rebuilt.as_dict()) if as_json else click.echo(f"public index rebuilt: {rebuilt.documents} documents")
        return
    bar = tqdm(desc="reindexing", unit="doc", disable=as_json, file=sys.stderr, dynamic_ncols=True)

    def step(total: int) -> None:
        bar.total = total
        bar.update(1)

    rebuilt = rebuild_internal(svc, processes, step)
    bar.close()
    if as_json:
        emit(rebuilt.as_dict())
    else:
        n = rebuilt.documents
        click.echo(f"reindexed {n} documents in {rebuilt.seconds} s / {n} документ кайра индекстелди / "
                   f"{n} документов переиндексировано")


@cli.command()
@click.option("--originals-only", is_flag=True, help="Check the originals only (quicker), not derived files.")
@json_option
@click.pass_context
def verify(ctx: click.Context, originals_only: bool, as_json: bool) -> None:
    """Re-hash every stored file and report any whose sha256 no longer matches
    (or that is gone). Exits 1 if any is; 0 when all are intact."""
    from archive import fixity

    svc = services_of(ctx)
    refs = fixity.referenced_blobs(svc, originals_only)
    bar = tqdm(total=len(refs), desc="verifying", unit="file", disable=as_json, file=sys.stderr, dynamic_ncols=True)
    result = fixity.verify(svc, refs, lambda _: bar.update(1))
    bar.close()
    if as_json:
        emit(result.as_dict())
    else:
        click.echo(f"checked {result.checked} files / {result.checked} файл текшерилди / проверено файлов: {result.checked}")
        for ref in result.altered:
            what = f"original {ref.name!r}" if ref.kind == "original" else f"{ref.kind} of page {ref.page}" if ref.page else ref.kind
            click.echo(f"  ALTERED {ref.digest}: {what} of document {ref.document_id}", err=True)
        for ref in result.missing:
            click.echo(f"  MISSING {ref.digest}: {ref.kind} of document {ref.document_id}", err=True)
        if not result.ok:
            click.echo("restore the originals from backup; derived files are made again by re-processing", err=True)
    sys.exit(0 if result.ok else 1)


@cli.command()
@click.argument("destination", type=click.Path(path_type=Path))
@click.option("--batch", "batch_name", help="Every document of this batch.")
@click.option("--query", help="Every document the staff search finds for this query.")
@json_option
@click.pass_context
@refusals_shown
def export(ctx: click.Context, destination: Path, batch_name: str | None, query: str | None, as_json: bool) -> None:
    """A BagIt bag of originals, searchable PDFs and metadata (JSON and CSV),
    for transfer to the national archive."""
    from archive.export import batch_documents, export_bag, found_documents
    from indexing import QueryError

    if bool(batch_name) == bool(query):
        raise click.UsageError("choose the documents with --batch NAME or --query QUERY")
    svc = services_of(ctx)
    try:
        if batch_name:
            ids, description = batch_documents(svc, batch_name), f"batch {batch_name}"
        else:
            ids, description = found_documents(svc, query or ""), f"search: {query}"
    except QueryError as exc:
        raise click.ClickException(str(exc)) from exc
    summary = export_bag(svc, ids, destination, description)
    if as_json:
        emit(summary)
    else:
        click.echo(f"bag written: {summary['bag']} ({summary['documents']} documents)")


@cli.command(name="open-data")
@click.argument("destination", type=click.Path(path_type=Path))
@click.option("--base-url", default="https://sot.kg/archive", show_default=True,
              help="Where the public site lives: each decision's URL is built on it.")
@json_option
@click.pass_context
@refusals_shown
def open_data(ctx: click.Context, destination: Path, base_url: str, as_json: bool) -> None:
    """Export every published decision (anonymised) as JSON lines, with a
    manifest and sha256 checksums."""
    from archive import publication
    from archive.open_data import export_published

    svc = services_of(ctx)
    ids = publication.published_ids(svc)
    bar = tqdm(total=len(ids), desc="exporting", unit="decision", disable=as_json, file=sys.stderr)
    try:
        summary = export_published(svc, destination, lambda i: f"{base_url.rstrip('/')}/decisions/{i}", ids,
                                   lambda: bar.update(1))
    except FileExistsError as exc:
        raise click.ClickException(str(exc)) from exc
    bar.close()
    if as_json:
        emit(summary)
    else:
        click.echo(f"{summary['decisions']} decisions written to {summary['export']}")


# archive.accounts.ROLES, written out: importing the accounts module
# (argon2, the catalog) would slow every command's start.
ROLE_CHOICE = click.Choice(["operator", "reviewer", "judge", "admin"])
PASSWORD_STDIN_HELP = "Read the password from the first line of stdin (for scripts)."


@cli.group()
def users() -> None:
    """Staff accounts: operators, reviewers, judges, admins."""


@users.command(name="add")
@click.argument("username")
@click.option("--role", required=True, type=ROLE_CHOICE)
@click.option("--name", "full_name", help="The person's full name, for the audit trail.")
@click.option("--password-stdin", is_flag=True, help=PASSWORD_STDIN_HELP)
@click.pass_context
@refusals_shown
def users_add(ctx: click.Context, username: str, role: str, full_name: str | None, password_stdin: bool) -> None:
    """Add an account. The password is asked for twice, never taken as an argument
    (arguments are visible to every user of the machine)."""
    from archive import accounts

    accounts.add_user(services_of(ctx).catalog, username, role, _password(password_stdin), full_name)
    click.echo(f"added {username} ({role})")


@users.command(name="password")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help=PASSWORD_STDIN_HELP)
@click.pass_context
@refusals_shown
def users_password(ctx: click.Context, username: str, password_stdin: bool) -> None:
    """Set a new password (clears a login lock)."""
    from archive import accounts

    accounts.set_password(services_of(ctx).catalog, username, _password(password_stdin))
    click.echo(f"{username}: password changed")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return click.prompt("password / сырсөз / пароль", hide_input=True, confirmation_prompt=True)


@users.command(name="role")
@click.argument("username")
@click.argument("role", type=ROLE_CHOICE)
@click.pass_context
@refusals_shown
def users_role(ctx: click.Context, username: str, role: str) -> None:
    """Give a member of staff another role: their sessions end at once."""
    from archive import accounts

    accounts.set_role(services_of(ctx).catalog, username, role)
    click.echo(f"{username}: {role}")


@users.command(name="disable")
@click.argument("usernames", nargs=-1, required=True)
@click.pass_context
@refusals_shown
def users_disable(ctx: click.Context, usernames: tuple[str, ...]) -> None:
    """Disable accounts: their sessions and tokens stop working at once."""
    _set_active(ctx, usernames, False)


@users.command(name="enable")
@click.argument("usernames", nargs=-1, required=True)
@click.pass_context
@refusals_shown
def users_enable(ctx: click.Context, usernames: tuple[str, ...]) -> None:
    """Enable disabled accounts again (and clear a login lock)."""
    _set_active(ctx, usernames, True)


def _set_active(ctx: click.Context, usernames: tuple[str, ...], active: bool) -> None:
    from archive import accounts

    for username in usernames:
        accounts.set_active(services_of(ctx).catalog, username, active)
        click.echo(f"{username}: {'enabled' if active else 'disabled'}")


@users.command(name="list")
@json_option
@click.pass_context
def users_list(ctx: click.Context, as_json: bool) -> None:
    from archive import accounts

    found = accounts.list_users(services_of(ctx).catalog)
    if as_json:
        emit({"users": found})
        return
    for user in found:
        state = "" if user["active"] else "  (disabled)"
        click.echo(f"{user['username']:<20} {user['role']:<9} {user['full_name'] or ''}{state}")


@users.command(name="token")
@click.argument("username")
@click.option("--name", "token_name", default="api", show_default=True, help="What the token is for.")
@click.pass_context
@refusals_shown
def users_token(ctx: click.Context, username: str, token_name: str) -> None:
    """A bearer token for the staff API, printed once (only its hash is kept)."""
    from archive import accounts

    click.echo(accounts.new_token(services_of(ctx).catalog, username, token_name))
