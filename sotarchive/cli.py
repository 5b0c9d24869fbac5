"""The `sotarchive` command. Its JSON shapes are a contract (DESIGN.md)."""

from __future__ import annotations

import html
import json
import os
import re
import signal
import sys
import time
from contextlib import nullcontext
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from sotarchive.settings import SettingsError, load_config


def _emit(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", envvar="SOTARCHIVE_DATA_DIR", help="Where all state lives (default ./data).")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None) -> None:
    """sotarchive: Кыргыз Республикасынын сот архиви / судебный архив Кыргызской Республики."""
    ctx.ensure_object(dict)
    ctx.obj["data_dir"] = data_dir


def _config(ctx: click.Context):  # type: ignore[no-untyped-def]
    try:
        return load_config(ctx.obj.get("data_dir"))
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc


def _services(ctx: click.Context):  # type: ignore[no-untyped-def]
    from archive.services import services_for

    return services_for(_config(ctx))


# --- ingest ------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--batch", "batch_name", help="Batch name; the same name again resumes that batch.")
@click.option("--wait", is_flag=True, help="Show progress and return when the batch is done.")
@click.option("--json", "as_json", is_flag=True, help="Print the final summary as JSON.")
@click.option("--archive-ref", help='The archive reference the batch covers, e.g. "Ф. 1, оп. 3, д. 40–55".')
@click.option("--court", help="The court whose files these are.")
@click.option("--scanned-by", help="Who scanned them.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], batch_name: str | None, wait: bool, as_json: bool,
           archive_ref: str | None, court: str | None, scanned_by: str | None) -> None:
    """Ingest files or folders (PDF, TIFF, PNG, JPEG, TXT)."""
    from ingest.batches import Description

    config = _config(ctx)
    code = run_ingest(config, list(paths), batch_name, wait, as_json, Description(archive_ref, court, scanned_by))
    sys.exit(code)


def run_ingest(config, paths: list[Path], batch_name: str | None, wait: bool, as_json: bool,  # type: ignore[no-untyped-def]
               description=None) -> int:
    from archive.services import services_for
    from ingest import batches
    from ingest.celery_app import configure
    from ingest.tasks import prepare_task
    from sotarchive.embedded import WorkerDied, supervised_worker, wait_for

    configure(config)
    svc = services_for(config)
    # A path that does not exist is received too: it is recorded as refused.
    files = list(batches.expand_paths(paths))
    batch_id = batches.get_or_create_batch(svc, batch_name or batches.default_batch_name(),
                                           description or batches.Description())

    def queue_unfinished() -> None:
        # A new batch and a resumed one alike: what is not finished is queued.
        for document_id in batches.unfinished_documents(svc, batch_id):
            prepare_task.delay(document_id)

    # The worker boots while the files are received: that overlaps its start-up.
    with supervised_worker(config, queue_unfinished) if wait else nullcontext() as worker:
        for path in tqdm(files, desc="receiving", unit="file", disable=as_json or len(files) < 2, file=sys.stderr):
            batches.receive_file(svc, batch_id, path)
        queue_unfinished()
        progress = batches.batch_progress(svc, batch_id)
        if not wait:
            click.echo(f"batch {progress.batch}: {progress.files} files queued", err=True)
            return 0
        # The total as far as known from the start: a document not yet opened counts one page.
        bar = tqdm(total=progress.pages_expected, desc="pages", unit="page", disable=as_json, file=sys.stderr,
                   dynamic_ncols=True)

        def done() -> tuple[bool, object]:
            nonlocal progress
            progress = batches.batch_progress(svc, batch_id)
            bar.total = progress.pages_expected
            bar.update(progress.pages_done - bar.n)
            state = (progress.pages_done, progress.finished_documents, tuple(sorted(progress.statuses.items())))
            return progress.finished, state

        try:
            wait_for(done, worker)
        except WorkerDied as exc:
            bar.close()
            raise click.ClickException(str(exc)) from exc
        except KeyboardInterrupt:
            bar.close()
            click.echo("\ninterrupted: run the same command again to resume", err=True)
            return 130
        bar.close()
    _print_summary(progress, as_json)
    return 1 if progress.failures else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _print_summary(progress, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    if as_json:
        _emit(progress.as_dict())
        return
    statuses = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in sorted(progress.statuses.items()))
    refused = f"; {progress.refused} refused at the door" if progress.refused else ""
    click.echo(
        f"batch {progress.batch}: {_count(progress.files, 'file')}: {_count(progress.documents, 'document')} "
        f"({statuses}){refused}; {progress.pages_done} of {_count(progress.pages_total, 'page')} read"
    )
    if progress.failures:
        # Refused files, rejected documents and failed pages alike: each with its reason.
        click.echo(f"{len(progress.failures)} to look at / карап чыгуу керек / требуют внимания:")
        for failure in progress.failures:
            click.echo(f"  - {failure.name}: {failure.reason}")


# --- worker, serve, demo -------------------------------------------------------------


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--batch", "batch_name", help="Batch to receive into (default: watch-<folder name>).")
@click.option("--settle", default=5.0, show_default=True, type=click.FloatRange(0),
              help="Seconds a file must stay unchanged before it is taken (the scanner has finished it).")
@click.option("--interval", default=1.0, show_default=True, type=click.FloatRange(0.05), help="Seconds between looks.")
@click.option("--idle-exit", type=click.FloatRange(0), help="Stop once everything is processed and nothing new came for this many seconds.")
@click.option("--archive-ref", help='The archive reference the batch covers, e.g. "Ф. 1, оп. 3, д. 40–55".')
@click.option("--court", help="The court whose files these are.")
@click.option("--scanned-by", help="Who scans them.")
@click.pass_context
def watch(ctx: click.Context, folder: Path, batch_name: str | None, settle: float, interval: float,
          idle_exit: float | None, archive_ref: str | None, court: str | None, scanned_by: str | None) -> None:
    """Watch a folder the scanner writes to: each file is ingested once it is complete."""
    from archive.services import services_for
    from ingest import batches
    from ingest.celery_app import configure
    from ingest.tasks import prepare_task
    from ingest.watch import FolderWatcher
    from sotarchive.embedded import supervised_worker

    config = _config(ctx)
    configure(config)
    svc = services_for(config)
    name = batch_name or f"watch-{folder.resolve().name}"
    batch_id = batches.get_or_create_batch(svc, name, batches.Description(archive_ref, court, scanned_by))
    watcher = FolderWatcher(folder, settle)

    def queue_unfinished() -> None:
        for document_id in batches.unfinished_documents(svc, batch_id):
            prepare_task.delay(document_id)

    click.echo(f"watching {folder} into batch {name} (Ctrl-C to stop) / көзөмөлдөнүүдө / наблюдение", err=True)
    last_new = time.monotonic()
    try:
        with supervised_worker(config, queue_unfinished) as worker:
            queue_unfinished()  # a restarted watch finishes what the last one left
            while True:
                for path in watcher.poll():
                    document_id = batches.receive_file(svc, batch_id, path)
                    if document_id:
                        prepare_task.delay(document_id)
                    click.echo(f"{'received' if document_id else 'refused '} {path}", err=True)
                    last_new = time.monotonic()
                worker.ensure()
                if idle_exit is not None and time.monotonic() - last_new >= idle_exit and not watcher.waiting() \
                        and batches.batch_progress(svc, batch_id).finished:
                    break
                time.sleep(interval)
    except KeyboardInterrupt:
        click.echo("\nstopped: run the same command again to go on", err=True)
        sys.exit(130)
    _print_summary(batches.batch_progress(svc, batch_id), as_json=False)


@cli.command()
@click.option("--concurrency", type=int, help="Processes (default: one per core).")
@click.option("--loglevel", default="INFO")
@click.pass_context
def worker(ctx: click.Context, concurrency: int | None, loglevel: str) -> None:
    """Run a Celery worker for the pipeline."""
    from ingest.worker import run_worker

    run_worker(_config(ctx), concurrency, loglevel)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Serve the web app and the JSON API."""
    run_server(_config(ctx), host, port)


def run_server(config, host: str, port: int) -> None:  # type: ignore[no-untyped-def]
    """The web app; on the embedded broker with a worker beside it, so what
    operators upload is processed (production runs workers of its own)."""
    from waitress import serve as waitress_serve

    from archive.services import services_for
    from ingest import batches
    from ingest.celery_app import configure
    from ingest.tasks import prepare_task
    from search_api.app import create_app
    from sotarchive.embedded import supervised_worker

    configure(config)

    def queue_unfinished() -> None:
        for document_id in batches.unfinished_documents(services_for(config), None):
            prepare_task.delay(document_id)

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

    config = _config(ctx)
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


# --- ocr, anonymise, analyze, search --------------------------------------------------------


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True)
@click.option("--lang", "languages", help="Tesseract languages (default kir+rus).")
@click.pass_context
def ocr(ctx: click.Context, files: tuple[Path, ...], as_json: bool, languages: str | None) -> None:
    """OCR images or PDFs without touching the catalog."""
    from archive.errors import BadInput
    from ingest.sources import inspect_source

    config = _config(ctx)
    languages = languages or config.ocr_languages
    pages: list[dict[str, Any]] = []
    failed = False
    for path in files:
        try:
            info = inspect_source(path, path.name, config.raster_dpi)
        except BadInput as exc:
            click.echo(f"{path}: {exc}", err=True)
            failed = True
            continue
        numbers = range(1, info.page_count + 1)
        with ThreadPoolExecutor(max_workers=config.worker_concurrency) as pool:
            results = list(pool.map(lambda n: _ocr_one(path, info, n, config, languages), numbers))
        for result in results:
            if "error" in result:
                click.echo(f"{path}, page {result['page']}: {result['error']}", err=True)
                failed = True
            pages.append({**result, "file": str(path)} if len(files) > 1 else result)
    if as_json:
        _emit({"pages": pages})
    else:
        for page in pages:
            click.echo(f"--- {page.get('file', files[0])} page {page['page']} "
                       f"({page.get('language')}, {page.get('confidence')})")
            click.echo(page.get("text", ""))
    sys.exit(1 if failed else 0)


def _ocr_one(path: Path, info, number: int, config, languages: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    from archive.errors import BadInput
    from ingest.reading import read_page
    from ocr import OcrError

    source = info.page_source(number)
    try:
        page = read_page(path, info.kind, number, source, languages, config.ocr_timeout_s, config.raster_dpi)
    except (BadInput, OcrError) as exc:
        return {"page": number, "error": str(exc)}
    confidence = page.confidence if page.confidence is not None else 100.0
    out: dict[str, Any] = {
        "page": number, "text": page.text, "confidence": confidence, "language": page.language, "source": source,
    }
    if source == "ocr":
        out.update(quality=page.quality, blank=page.blank, needs_attention=page.attention is not None,
                   attention_reason=page.attention, skew=page.skew, preparation=page.preparation)
    return out


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def extract(ctx: click.Context, file: Path, as_json: bool) -> None:
    """The metadata found in a document: title, court, case numbers, date,
    case type, composition of the court, lower courts' acts, articles cited,
    archive reference (read with the full OCR)."""
    from archive.errors import BadInput
    from ingest.pipeline import document_language
    from ingest.sources import inspect_source
    from metadata import extract as extract_metadata
    from metadata.titles import act_title

    config = _config(ctx)
    try:
        info = inspect_source(file, file.name, config.raster_dpi)
    except BadInput as exc:
        raise click.ClickException(f"{file}: {exc}") from exc
    pages = [_ocr_one(file, info, n, config, config.ocr_languages) for n in range(1, info.page_count + 1)]
    metadata = extract_metadata("\n\n".join(p.get("text", "") for p in pages))
    found = {"title": act_title(metadata, document_language(p.get("language") for p in pages)), **metadata.as_json()}
    if as_json:
        _emit(found)
    else:
        _print_fields(found)


@cli.command(name="anonymise")
@click.argument("source", type=click.File("r", encoding="utf-8"))
@click.option("--json", "as_json", is_flag=True)
def anonymise_command(source, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    """Detect and redact personal data in a text (FILE or - for stdin)."""
    from dataclasses import asdict

    from anonymise import anonymise

    result = anonymise(source.read())
    if as_json:
        _emit({"text": result.text, "entities": [asdict(e) for e in result.entities]})
    else:
        click.echo(result.text)


@cli.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True)
def analyze(text: str, as_json: bool) -> None:
    """Show how the search analyser sees a text."""
    from indexing import analyze as run_analyze

    tokens = run_analyze(text)
    if as_json:
        _emit({"tokens": [{"token": t.text, "start": t.start, "end": t.end, "lang": t.lang, "terms": list(t.terms)} for t in tokens]})
    else:
        for t in tokens:
            folded = f"  folded: {t.folded}" if t.folded != t.term else ""
            click.echo(f"{' '.join(t.text.split()):<24} {t.lang:<5} {t.term}{folded}")


@cli.command()
@click.argument("query")
@click.option("--public", is_flag=True, help="Only published, anonymised documents.")
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--sort", type=click.Choice(["relevance", "date", "date_asc"]), default="relevance", show_default=True)
@click.pass_context
def search(ctx: click.Context, query: str, public: bool, as_json: bool, limit: int, offset: int, sort: str) -> None:
    """Search the internal (staff) index, or the public one with --public.

    The query language: words, "phrases", "phrase"~N, -exclusion, OR,
    prefix*, court:, year:1965..1970, type:, lang:, article:"УК 168"."""
    from dataclasses import asdict

    from indexing import QueryError

    svc = _services(ctx)
    index = svc.public_index if public else svc.internal_index
    try:
        result = index.search(query, limit=limit, offset=offset, sort=sort)
    except QueryError as exc:
        raise click.ClickException(f"query not understood: {exc}") from exc
    if as_json:
        _emit({"total": result.total, "hits": [asdict(h) for h in result.hits]})
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
@click.argument("ids", nargs=-1)
@click.option("--all", "all_approved", is_flag=True, help="Every approved document (with --approve: every one waiting for review).")
@click.option("--approve", is_flag=True, help="Approve the documents first (recorded as an event).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def publish(ctx: click.Context, ids: tuple[str, ...], all_approved: bool, approve: bool, as_json: bool) -> None:
    """Publish approved, anonymised decisions to the public index.

    Each is checked for leaks first: a detected value still in the text
    refuses the publication. Exits 1 if any document was refused."""
    from dataclasses import asdict

    from archive import publication

    if not ids and not all_approved:
        raise click.UsageError("name documents by id, or use --all")
    svc = _services(ctx)
    if approve and not ids:  # --all --approve: everything waiting for review (not what a reviewer rejected)
        ids = tuple(publication.waiting_ids(svc))
        if not ids:
            click.echo("nothing waits for review / текшерүүнү күткөн документ жок / нет документов на проверке", err=True)
    approved = publication.approve(svc, list(ids)) if approve and ids else publication.Outcome()
    targets = list(ids) if ids else publication.approved_ids(svc)
    outcome = publication.publish(svc, [i for i in targets if i not in approved.refused])
    outcome.approved = approved.approved
    outcome.refused.update(approved.refused)
    if as_json:
        _emit(asdict(outcome))
        if outcome.refused:
            sys.exit(1)
    else:
        _report(f"published {len(outcome.published)} / жарыяланды / опубликовано", outcome.refused)


@cli.command()
@click.argument("document_id")
@click.option("--redact", "to_redact", multiple=True, help="A name or value the detectors missed: redacted everywhere.")
@click.option("--label", default="PERSON", show_default=True, help="What --redact is (PERSON, PHONE, ADDRESS...).")
@click.option("--keep", "to_keep", multiple=True, help="A detection that is wrong (an official, a place): kept.")
@click.option("--approve", is_flag=True, help="Approve for publication after the changes.")
@click.option("--reject", is_flag=True, help="Reject: not to be published.")
@click.option("--reason", help="Why, for the record.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def review(ctx: click.Context, document_id: str, to_redact: tuple[str, ...], label: str, to_keep: tuple[str, ...],
           approve: bool, reject: bool, reason: str | None, as_json: bool) -> None:
    """Review an anonymised decision: list its detections, mend them, approve or reject.

    Every change is an event with who, when, and the detections before and after."""
    from dataclasses import asdict

    from archive import publication, review as reviewing

    if approve and reject:
        raise click.UsageError("--approve or --reject, not both")
    svc = _services(ctx)
    try:
        for text in to_redact:
            reviewing.redact_text(svc, document_id, text, label.upper())
        for text in to_keep:
            reviewing.keep_text(svc, document_id, text)
        if reject:
            reviewing.reject(svc, document_id, reason)
        found = reviewing.detections(svc, document_id)
    except reviewing.ReviewError as exc:
        raise click.ClickException(str(exc)) from exc
    if approve:
        outcome = publication.approve(svc, [document_id])
        if outcome.refused:
            raise click.ClickException(outcome.refused[document_id])
    if as_json:
        _emit({"id": document_id, "detections": [{"page": d.page, **asdict(d.entity)} for d in found]})
        return
    for d in found:
        shown = "keep  " if d.entity.action == "keep" else "redact"
        click.echo(f"p.{d.page} {shown} {d.entity.label:<9} {d.entity.text!r} → {d.entity.replacement or d.entity.text}")


@cli.command()
@click.argument("ids", nargs=-1, required=True)
@click.option("--reason", help="Why, for the record.")
@click.pass_context
def withdraw(ctx: click.Context, ids: tuple[str, ...], reason: str | None) -> None:
    """Take published decisions out of the public index."""
    from archive import publication

    outcome = publication.withdraw(_services(ctx), list(ids), reason=reason)
    _report(f"withdrawn {len(outcome.withdrawn)} / алынды / отозвано", outcome.refused)


def _report(done: str, refused: dict[str, str]) -> None:
    """What was done, each refusal with its reason; exit 1 if any."""
    click.echo(done)
    for document_id, why in refused.items():
        click.echo(f"  {document_id}: {why}", err=True)
    if refused:
        sys.exit(1)


@cli.command()
@click.option("--processes", type=click.IntRange(1), default=os.cpu_count() or 1, show_default=True,
              help="Processes analysing text while the index is written.")
@click.option("--public", "public", is_flag=True, help="Rebuild the public index (published documents) instead.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def reindex(ctx: click.Context, processes: int, public: bool, as_json: bool) -> None:
    """Rebuild the internal (staff) index from the catalog alone; with
    --public, the public index from the published, anonymised documents.

    The new index is built beside the old one and swapped in at the end
    (an alias in OpenSearch, a link for the embedded engine): searches keep
    answering throughout. Documents that workers index meanwhile are
    indexed again into the new one after the swap."""
    from sqlalchemy import select

    from ingest import stages
    from ingest.pipeline import catalog_documents, live_document_ids
    from storage.models import StageRun, utcnow

    svc = _services(ctx)
    started, began = utcnow(), time.monotonic()
    if public:
        from archive.publication import published_documents

        svc.public_index.reindex(published_documents(svc), processes=processes)
        summary = {"documents": svc.public_index.count(), "seconds": round(time.monotonic() - began, 1)}
        if as_json:
            _emit(summary)
        else:
            click.echo(f"public index rebuilt: {summary['documents']} documents")
        return
    ids = live_document_ids(svc)
    total = len(ids)
    bar = tqdm(total=total, desc="reindexing", unit="doc", disable=as_json, file=sys.stderr, dynamic_ncols=True)

    def counted():  # type: ignore[no-untyped-def]
        for document in catalog_documents(svc, ids):
            bar.update(1)
            yield document

    svc.internal_index.reindex(counted(), processes=processes)
    bar.close()
    with svc.catalog.read() as session:
        late_ids = list(session.scalars(select(StageRun.document_id).where(
            StageRun.stage == stages.INDEX, StageRun.status == "done", StageRun.finished_at >= started)))
    late = list(catalog_documents(svc, late_ids))
    if late:
        svc.internal_index.index(late)
    summary = {"documents": total, "caught_up": len(late), "seconds": round(time.monotonic() - began, 1),
               "count": svc.internal_index.count()}
    if as_json:
        _emit(summary)
    else:
        click.echo(f"reindexed {total} documents in {summary['seconds']} s / {total} документ кайра индекстелди / "
                   f"{total} документов переиндексировано")


@cli.command()
@click.option("--originals-only", is_flag=True, help="Check the originals only (quicker), not derived files.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def verify(ctx: click.Context, originals_only: bool, as_json: bool) -> None:
    """Re-hash every stored file and report any whose sha256 no longer matches
    (or that is gone). Exits 1 if any is; 0 when all are intact."""
    from archive import fixity

    svc = _services(ctx)
    refs = fixity.referenced_blobs(svc, originals_only)
    bar = tqdm(total=len(refs), desc="verifying", unit="file", disable=as_json, file=sys.stderr, dynamic_ncols=True)
    report = fixity.verify(svc, refs, lambda _: bar.update(1))
    bar.close()
    if as_json:
        _emit(report.as_dict())
    else:
        click.echo(f"checked {report.checked} files / {report.checked} файл текшерилди / проверено файлов: {report.checked}")
        for ref in report.altered:
            what = f"original {ref.name!r}" if ref.kind == "original" else f"{ref.kind} of page {ref.page}" if ref.page else ref.kind
            click.echo(f"  ALTERED {ref.digest}: {what} of document {ref.document_id}", err=True)
        for ref in report.missing:
            click.echo(f"  MISSING {ref.digest}: {ref.kind} of document {ref.document_id}", err=True)
        if not report.ok:
            click.echo("restore the originals from backup; derived files are made again by re-processing", err=True)
    sys.exit(0 if report.ok else 1)


@cli.command(name="metadata")
@click.argument("document_id")
@click.option("--set", "changes", multiple=True, metavar="FIELD=VALUE",
              help="Correct a field (court, case_number, date, case_type, judges, articles, archive_ref); "
                   "an empty value clears it. Recorded as an event; wins over extraction from then on.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def metadata_command(ctx: click.Context, document_id: str, changes: tuple[str, ...], as_json: bool) -> None:
    """A catalogued document's metadata: extracted from its text, with the operators' corrections."""
    from archive import corrections
    from archive.publication import actor
    from ingest.pipeline import refresh_indexes

    svc = _services(ctx)
    text = corrections.document_text(svc, document_id)
    if text is None:
        raise click.ClickException(f"no document {document_id}")
    try:
        for change in changes:
            field, sep, value = change.partition("=")
            if not sep:
                raise corrections.CorrectionError(f"write FIELD=VALUE, e.g. date=1967-03-14, not {change!r}")
            corrections.correct(svc, document_id, field.strip(), value, text, actor())
    except corrections.CorrectionError as exc:
        raise click.ClickException(str(exc)) from exc
    if changes:
        refresh_indexes(svc, document_id)
    found, corrected = corrections.effective(svc, document_id, text)
    if as_json:
        _emit({**found.as_json(), "corrected": sorted(corrected)})
        return
    _print_fields(found.as_json(), corrected)


def _print_fields(found: dict[str, Any], corrected: set[str] | frozenset[str] = frozenset()) -> None:
    """An act's metadata for a person: one field a line, lists joined, the
    court's composition and the lower courts' acts one to a line, empty
    fields left out, the confidence in percent at the end."""
    confidence = found.get("confidence") or {}
    for field, value in found.items():
        if field == "confidence" or value in (None, "", [], {}):
            continue
        mark = "  (corrected)" if field in corrected else ""
        if isinstance(value, dict):  # the composition: role → name(s)
            click.echo(f"{field}:{mark}")
            for role, names in value.items():
                if names:
                    click.echo(f"  {role:<11} {_joined(names)}")
        elif isinstance(value, list) and value and isinstance(value[0], dict):  # lower acts, parties, articles
            click.echo(f"{field}:{mark}")
            separator = " " if field == "articles" else ", "  # "УК 168 ч.2", "Ленинский районный суд, 2025-05-05"
            for item in value:
                click.echo("  - " + separator.join(str(v) for v in item.values() if v))
        else:
            click.echo(f"{field + ':':<13}{_joined(value)}{mark}")
    if confidence:
        click.echo("confidence:  " + ", ".join(f"{k} {v:.0%}" for k, v in confidence.items()))


def _joined(value: Any) -> str:
    return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)


@cli.command()
@click.argument("destination", type=click.Path(path_type=Path))
@click.option("--batch", "batch_name", help="Every document of this batch.")
@click.option("--query", help="Every document the staff search finds for this query.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def export(ctx: click.Context, destination: Path, batch_name: str | None, query: str | None, as_json: bool) -> None:
    """A BagIt bag of originals, searchable PDFs and metadata (JSON and CSV),
    for transfer to the national archive."""
    from archive.export import ExportError, batch_documents, export_bag
    from indexing import QueryError

    if bool(batch_name) == bool(query):
        raise click.UsageError("choose the documents with --batch NAME or --query QUERY")
    svc = _services(ctx)
    try:
        if batch_name:
            ids, description = batch_documents(svc, batch_name), f"batch {batch_name}"
        else:
            ids, description = _all_hits(svc, query or ""), f"search: {query}"
        summary = export_bag(svc, ids, destination, description)
    except (ExportError, QueryError) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        _emit(summary)
    else:
        click.echo(f"bag written: {summary['bag']} ({summary['documents']} documents)")


def _all_hits(svc, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    ids: list[str] = []
    while True:
        page = svc.internal_index.search(query, limit=100, offset=len(ids))
        ids += [hit.id for hit in page.hits]
        if not page.hits or len(ids) >= page.total:
            return ids


@cli.command()
@click.argument("document_id")
@click.argument("ranges", nargs=-1, required=True)
@click.option("--name", "names", multiple=True, help="A name for each new document, in order (default: the file's name and pages).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def split(ctx: click.Context, document_id: str, ranges: tuple[str, ...], names: tuple[str, ...], as_json: bool) -> None:
    """Split a document into several by page ranges (1-3 4-9 10), which must
    cover every page once. The original is kept, and leaves the search."""
    from archive.publication import actor
    from ingest import compose

    svc = _services(ctx)
    try:
        parsed = [r for text in ranges for r in compose.parse_ranges(text)]
        made = compose.split(svc, document_id, parsed, list(names) or None, actor())
    except compose.ComposeError as exc:
        raise click.ClickException(str(exc)) from exc
    _process_now(ctx, made, as_json)


@cli.command()
@click.argument("document_ids", nargs=-1, required=True)
@click.option("--name", required=True, help="The joined document's name.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def join(ctx: click.Context, document_ids: tuple[str, ...], name: str, as_json: bool) -> None:
    """Join whole documents, in the order given, into one."""
    from archive.publication import actor
    from ingest import compose

    svc = _services(ctx)
    try:
        made = compose.join(svc, list(document_ids), name, actor())
    except compose.ComposeError as exc:
        raise click.ClickException(str(exc)) from exc
    _process_now(ctx, [made], as_json)


def _process_now(ctx: click.Context, document_ids: list[str], as_json: bool) -> None:
    """Run the new documents through the pipeline, with a worker if none runs."""
    from ingest import batches
    from ingest.celery_app import configure
    from ingest.tasks import prepare_task
    from sotarchive.embedded import supervised_worker, wait_for
    from storage.models import Document

    config = _config(ctx)
    configure(config)
    svc = _services(ctx)

    def queue() -> None:
        for document_id in document_ids:
            prepare_task.delay(document_id)

    def done() -> tuple[bool, object]:
        with svc.catalog.read() as session:
            states = tuple(session.get(Document, d).status for d in document_ids)  # type: ignore[union-attr]
        return all(s in batches.FINISHED for s in states), states

    with supervised_worker(config, queue) as worker:
        queue()
        wait_for(done, worker)
    if as_json:
        _emit({"documents": document_ids})
    else:
        for document_id in document_ids:
            click.echo(document_id)


@cli.command()
@click.option("--batch", "batch_name", required=True, help="The batch whose failures to run again.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def retry(ctx: click.Context, batch_name: str, as_json: bool) -> None:
    """Run a batch's failed pages and stages again (after a fix, a freed disk,
    a longer OCR timeout); waits until they are done."""
    from sqlalchemy import select

    from archive.publication import actor
    from ingest import dashboard
    from storage.models import Batch

    svc = _services(ctx)
    with svc.catalog.read() as session:
        batch_id = session.scalar(select(Batch.id).where(Batch.name == batch_name))
    if batch_id is None:
        raise click.ClickException(f"no batch named {batch_name!r}")
    again = dashboard.retry_failed(svc, batch_id, actor())
    if not again:
        click.echo("nothing failed in this batch / ката жок / ошибок нет", err=True)
    _process_now(ctx, again, as_json)


@cli.command(name="open-data")
@click.argument("destination", type=click.Path(path_type=Path))
@click.option("--base-url", default="https://sot.kg/archive", show_default=True,
              help="Where the public site lives: each decision's URL is built on it.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def open_data(ctx: click.Context, destination: Path, base_url: str, as_json: bool) -> None:
    """Export every published decision (anonymised) as JSON lines, with a
    manifest and sha256 checksums."""
    from archive import publication
    from archive.open_data import export_published
    from archive.publication import LeakError

    svc = _services(ctx)
    ids = publication.published_ids(svc)
    bar = tqdm(total=len(ids), desc="exporting", unit="decision", disable=as_json, file=sys.stderr)
    try:
        summary = export_published(svc, destination, lambda i: f"{base_url.rstrip('/')}/decisions/{i}", ids,
                                   lambda: bar.update(1))
    except (FileExistsError, LeakError) as exc:
        raise click.ClickException(str(exc)) from exc
    bar.close()
    if as_json:
        _emit(summary)
    else:
        click.echo(f"{summary['decisions']} decisions written to {summary['export']}")


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def alerts(ctx: click.Context, as_json: bool) -> None:
    """New decisions for every saved search, by user (run daily to send them on)."""
    from archive import saved_searches as saved

    svc = _services(ctx)
    found = saved.everyone_with_alerts(svc.catalog, svc.internal_index)
    if as_json:
        _emit({user: [{"query": a.query, "new": a.new} for a in items] for user, items in found.items()})
        return
    for user, items in found.items():
        for alert in items:
            click.echo(f"{user}: {alert.query!r}: {len(alert.new)} new")


@cli.command()
@click.argument("ids", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Every processed document.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def reanonymise(ctx: click.Context, ids: tuple[str, ...], every: bool, as_json: bool) -> None:
    """Anonymise documents again under the current policy (after a change of
    anonymise_style or anonymise_keep_roles, or a better detector). Documents
    done under this policy already are skipped, so it can be interrupted and
    run again. Reviewers' corrections are kept; a decision whose text changes
    goes back to review, and off the public site if it was published."""
    from sqlalchemy import select

    from ingest import pipeline
    from storage.models import Document

    if bool(ids) == every:
        raise click.UsageError("name documents by id, or use --all")
    svc = _services(ctx)
    if every:
        ids = tuple(pipeline.live_document_ids(svc))
    with svc.catalog.read() as session:
        before = dict(session.execute(select(Document.id, Document.publication).where(Document.id.in_(ids))).all())
    for document_id in tqdm(ids, desc="anonymising", unit="doc", disable=as_json, file=sys.stderr):
        pipeline.anonymise_document(svc, document_id)
    with svc.catalog.read() as session:
        after = dict(session.execute(select(Document.id, Document.publication).where(Document.id.in_(ids))).all())
    returned = sorted(i for i in ids if before.get(i) in ("approved", "published") and after.get(i) == "pending")
    summary = {"documents": len(ids), "back_to_review": returned}
    if as_json:
        _emit(summary)
    else:
        click.echo(f"{len(ids)} documents; {len(returned)} changed and wait for review again")


# --- staff accounts --------------------------------------------------------------------------


# archive.accounts.ROLES, written out: importing the accounts module
# (argon2, the catalog) would slow every command's start.
ROLE_CHOICE = click.Choice(["operator", "reviewer", "judge", "admin"])


@cli.group()
def users() -> None:
    """Staff accounts: operators, reviewers, judges, admins."""


@users.command(name="add")
@click.argument("username")
@click.option("--role", required=True, type=ROLE_CHOICE)
@click.option("--name", "full_name", help="The person's full name, for the audit trail.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin (for scripts).")
@click.pass_context
def users_add(ctx: click.Context, username: str, role: str, full_name: str | None, password_stdin: bool) -> None:
    """Add an account. The password is asked for twice, never taken as an argument
    (arguments are visible to every user of the machine)."""
    from archive import accounts

    password = _password(password_stdin)
    try:
        accounts.add_user(_services(ctx).catalog, username, role, password, full_name)
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"added {username} ({role})")


@users.command(name="password")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin (for scripts).")
@click.pass_context
def users_password(ctx: click.Context, username: str, password_stdin: bool) -> None:
    """Set a new password (clears a login lock)."""
    from archive import accounts

    password = _password(password_stdin)
    try:
        accounts.set_password(_services(ctx).catalog, username, password)
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{username}: password changed")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return click.prompt("password / сырсөз / пароль", hide_input=True, confirmation_prompt=True)


@users.command(name="role")
@click.argument("username")
@click.argument("role", type=ROLE_CHOICE)
@click.pass_context
def users_role(ctx: click.Context, username: str, role: str) -> None:
    """Give a member of staff another role: their sessions end at once."""
    from archive import accounts

    try:
        accounts.set_role(_services(ctx).catalog, username, role)
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{username}: {role}")


@users.command(name="disable")
@click.argument("usernames", nargs=-1, required=True)
@click.pass_context
def users_disable(ctx: click.Context, usernames: tuple[str, ...]) -> None:
    """Disable accounts: their sessions and tokens stop working at once."""
    _set_active(ctx, usernames, False)


@users.command(name="enable")
@click.argument("usernames", nargs=-1, required=True)
@click.pass_context
def users_enable(ctx: click.Context, usernames: tuple[str, ...]) -> None:
    """Enable disabled accounts again (and clear a login lock)."""
    _set_active(ctx, usernames, True)


def _set_active(ctx: click.Context, usernames: tuple[str, ...], active: bool) -> None:
    from archive import accounts

    for username in usernames:
        try:
            accounts.set_active(_services(ctx).catalog, username, active)
        except accounts.AccountError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"{username}: {'enabled' if active else 'disabled'}")


@users.command(name="list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def users_list(ctx: click.Context, as_json: bool) -> None:
    from archive import accounts

    found = accounts.list_users(_services(ctx).catalog)
    if as_json:
        _emit({"users": found})
        return
    for user in found:
        state = "" if user["active"] else "  (disabled)"
        click.echo(f"{user['username']:<20} {user['role']:<9} {user['full_name'] or ''}{state}")


@users.command(name="token")
@click.argument("username")
@click.option("--name", "token_name", default="api", show_default=True, help="What the token is for.")
@click.pass_context
def users_token(ctx: click.Context, username: str, token_name: str) -> None:
    """A bearer token for the staff API, printed once (only its hash is kept)."""
    from archive import accounts

    try:
        click.echo(accounts.new_token(_services(ctx).catalog, username, token_name))
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc


def _exit_on_sigterm(signum: int, _frame: object) -> None:
    # Unwind like Ctrl-C, so a worker this command started is stopped too.
    raise SystemExit(128 + signum)


def main() -> None:
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    cli(obj={})


if __name__ == "__main__":
    main()
