"""Commands for scanner operators: receiving files and folders, following
a batch, running failures again, splitting and joining documents, reading
files without the catalog, and correcting a document's metadata."""

from __future__ import annotations

import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from sotarchive.cli.base import cli, config_of, count, emit, json_option, refusals_shown, services_of

ARCHIVE_REF_HELP = 'The archive reference the batch covers, e.g. "Ф. 1, оп. 3, д. 40–55".'


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--batch", "batch_name", help="Batch name; the same name again resumes that batch.")
@click.option("--wait", is_flag=True, help="Show progress and return when the batch is done.")
@json_option
@click.option("--archive-ref", help=ARCHIVE_REF_HELP)
@click.option("--court", help="The court whose files these are.")
@click.option("--scanned-by", help="Who scanned them.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], batch_name: str | None, wait: bool, as_json: bool,
           archive_ref: str | None, court: str | None, scanned_by: str | None) -> None:
    """Ingest files or folders (PDF, TIFF, PNG, JPEG, TXT)."""
    from ingest.batches import Description

    config = config_of(ctx)
    code = run_ingest(config, list(paths), batch_name, wait, as_json, Description(archive_ref, court, scanned_by))
    sys.exit(code)


def run_ingest(config, paths: list[Path], batch_name: str | None, wait: bool, as_json: bool,  # type: ignore[no-untyped-def]
               description=None) -> int:
    from archive.services import services_for
    from ingest import batches
    from ingest.submit import submit_unfinished
    from sotarchive.embedded import WorkerDied, supervised_worker, wait_for

    svc = services_for(config)
    # A path that does not exist is received too: it is recorded as refused.
    files = list(batches.expand_paths(paths))
    batch_id = batches.get_or_create_batch(svc, batch_name or batches.default_batch_name(),
                                           description or batches.Description())

    def queue_unfinished() -> None:
        submit_unfinished(config, batch_id)

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
    print_summary(progress, as_json)
    return 1 if progress.failures else 0


def print_summary(progress, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    if as_json:
        emit(progress.as_dict())
        return
    statuses = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in sorted(progress.statuses.items()))
    refused = f"; {progress.refused} refused at the door" if progress.refused else ""
    click.echo(
        f"batch {progress.batch}: {count(progress.files, 'file')}: {count(progress.documents, 'document')} "
        f"({statuses}){refused}; {progress.pages_done} of {count(progress.pages_total, 'page')} read"
    )
    if progress.failures:
        # Refused files, rejected documents and failed pages alike: each with its reason.
        click.echo(f"{len(progress.failures)} to look at / карап чыгуу керек / требуют внимания:")
        for failure in progress.failures:
            click.echo(f"  - {failure.name}: {failure.reason}")


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--batch", "batch_name", help="Batch to receive into (default: watch-<folder name>).")
@click.option("--settle", default=5.0, show_default=True, type=click.FloatRange(0),
              help="Seconds a file must stay unchanged before it is taken (the scanner has finished it).")
@click.option("--interval", default=1.0, show_default=True, type=click.FloatRange(0.05), help="Seconds between looks.")
@click.option("--idle-exit", type=click.FloatRange(0), help="Stop once everything is processed and nothing new came for this many seconds.")
@click.option("--archive-ref", help=ARCHIVE_REF_HELP)
@click.option("--court", help="The court whose files these are.")
@click.option("--scanned-by", help="Who scans them.")
@click.pass_context
def watch(ctx: click.Context, folder: Path, batch_name: str | None, settle: float, interval: float,
          idle_exit: float | None, archive_ref: str | None, court: str | None, scanned_by: str | None) -> None:
    """Watch a folder the scanner writes to: each file is ingested once it is complete."""
    from archive.services import services_for
    from ingest import batches
    from ingest.submit import submit, submit_unfinished
    from ingest.watch import FolderWatcher
    from sotarchive.embedded import supervised_worker

    config = config_of(ctx)
    svc = services_for(config)
    name = batch_name or f"watch-{folder.resolve().name}"
    batch_id = batches.get_or_create_batch(svc, name, batches.Description(archive_ref, court, scanned_by))
    watcher = FolderWatcher(folder, settle)

    def queue_unfinished() -> None:
        submit_unfinished(config, batch_id)

    click.echo(f"watching {folder} into batch {name} (Ctrl-C to stop) / көзөмөлдөнүүдө / наблюдение", err=True)
    last_new = time.monotonic()
    try:
        with supervised_worker(config, queue_unfinished) as worker:
            queue_unfinished()  # a restarted watch finishes what the last one left
            while True:
                for path in watcher.poll():
                    document_id = batches.receive_file(svc, batch_id, path)
                    if document_id:
                        submit(config, [document_id])
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
    print_summary(batches.batch_progress(svc, batch_id), as_json=False)


@cli.command()
@click.option("--batch", "batch_name", required=True, help="The batch whose failures to run again.")
@json_option
@click.pass_context
def retry(ctx: click.Context, batch_name: str, as_json: bool) -> None:
    """Run a batch's failed pages and stages again (after a fix, a freed disk,
    a longer OCR timeout); waits until they are done."""
    from archive.publication import actor
    from ingest import batches, dashboard

    svc = services_of(ctx)
    batch_id = batches.batch_id_named(svc, batch_name)
    if batch_id is None:
        raise click.ClickException(f"no batch named {batch_name!r}")
    again = dashboard.retry_failed(svc, batch_id, actor())
    if not again:
        click.echo("nothing failed in this batch / ката жок / ошибок нет", err=True)
    process_now(ctx, again, as_json)


@cli.command()
@click.argument("document_id")
@click.argument("ranges", nargs=-1, required=True)
@click.option("--name", "names", multiple=True, help="A name for each new document, in order (default: the file's name and pages).")
@json_option
@click.pass_context
@refusals_shown
def split(ctx: click.Context, document_id: str, ranges: tuple[str, ...], names: tuple[str, ...], as_json: bool) -> None:
    """Split a document into several by page ranges (1-3 4-9 10), which must
    cover every page once. The original is kept, and leaves the search."""
    from archive.publication import actor
    from ingest import compose

    parsed = [r for text in ranges for r in compose.parse_ranges(text)]
    made = compose.split(services_of(ctx), document_id, parsed, list(names) or None, actor())
    process_now(ctx, made, as_json)


@cli.command()
@click.argument("document_ids", nargs=-1, required=True)
@click.option("--name", required=True, help="The joined document's name.")
@json_option
@click.pass_context
@refusals_shown
def join(ctx: click.Context, document_ids: tuple[str, ...], name: str, as_json: bool) -> None:
    """Join whole documents, in the order given, into one."""
    from archive.publication import actor
    from ingest import compose

    made = compose.join(services_of(ctx), list(document_ids), name, actor())
    process_now(ctx, [made], as_json)


def process_now(ctx: click.Context, document_ids: list[str], as_json: bool) -> None:
    """Run the documents through the pipeline, with a worker if none runs, and wait for them."""
    from ingest import batches
    from ingest.submit import submit
    from sotarchive.embedded import supervised_worker, wait_for

    config = config_of(ctx)
    svc = services_of(ctx)

    def queue() -> None:
        submit(config, document_ids)

    def done() -> tuple[bool, object]:
        states = batches.document_states(svc, document_ids)
        return all(s in batches.FINISHED for s in states), states

    with supervised_worker(config, queue) as worker:
        queue()
        wait_for(done, worker)
    if as_json:
        emit({"documents": document_ids})
    else:
        for document_id in document_ids:
            click.echo(document_id)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@click.option("--lang", "languages", help="Tesseract languages (default kir+rus).")
@click.pass_context
def ocr(ctx: click.Context, files: tuple[Path, ...], as_json: bool, languages: str | None) -> None:
    """OCR images or PDFs without touching the catalog."""
    from archive.errors import BadInput
    from ingest.sources import inspect_source

    config = config_of(ctx)
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
            results = list(pool.map(lambda n: ocr_one(path, info, n, config, languages), numbers))
        for result in results:
            if "error" in result:
                click.echo(f"{path}, page {result['page']}: {result['error']}", err=True)
                failed = True
            pages.append({**result, "file": str(path)} if len(files) > 1 else result)
    if as_json:
        emit({"pages": pages})
    else:
        for page in pages:
            click.echo(f"--- {page.get('file', files[0])} page {page['page']} "
                       f"({page.get('language')}, {page.get('confidence')})")
            click.echo(page.get("text", ""))
    sys.exit(1 if failed else 0)


def ocr_one(path: Path, info, number: int, config, languages: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
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
@json_option
@click.pass_context
def extract(ctx: click.Context, file: Path, as_json: bool) -> None:
    """The metadata found in a document: title, court, case numbers, date,
    case type, composition of the court, lower courts' acts, articles cited,
    archive reference (read with the full OCR)."""
    from archive.errors import BadInput
    from archive.indexed import document_language
    from ingest.sources import inspect_source
    from metadata import extract as extract_metadata
    from metadata.titles import act_title

    config = config_of(ctx)
    try:
        info = inspect_source(file, file.name, config.raster_dpi)
    except BadInput as exc:
        raise click.ClickException(f"{file}: {exc}") from exc
    pages = [ocr_one(file, info, n, config, config.ocr_languages) for n in range(1, info.page_count + 1)]
    metadata = extract_metadata("\n\n".join(p.get("text", "") for p in pages))
    found = {"title": act_title(metadata, document_language(p.get("language") for p in pages)), **metadata.as_json()}
    if as_json:
        emit(found)
    else:
        print_fields(found)


@cli.command(name="metadata")
@click.argument("document_id")
@click.option("--set", "changes", multiple=True, metavar="FIELD=VALUE",
              help="Correct a field (court, case_number, date, case_type, judges, articles, archive_ref); "
                   "an empty value clears it. Recorded as an event; wins over extraction from then on.")
@json_option
@click.pass_context
@refusals_shown
def metadata_command(ctx: click.Context, document_id: str, changes: tuple[str, ...], as_json: bool) -> None:
    """A catalogued document's metadata: extracted from its text, with the operators' corrections."""
    from archive import corrections
    from archive.publication import actor
    from archive.indexed import refresh_indexes

    svc = services_of(ctx)
    text = corrections.document_text(svc, document_id)
    if text is None:
        raise click.ClickException(f"no document {document_id}")
    for change in changes:
        field, sep, value = change.partition("=")
        if not sep:
            raise corrections.CorrectionError(f"write FIELD=VALUE, e.g. date=1967-03-14, not {change!r}")
        corrections.correct(svc, document_id, field.strip(), value, text, actor())
    if changes:
        refresh_indexes(svc, document_id)
    found, corrected = corrections.effective(svc, document_id, text)
    if as_json:
        emit({**found.as_json(), "corrected": sorted(corrected)})
        return
    print_fields(found.as_json(), corrected)


def print_fields(found: dict[str, Any], corrected: set[str] | frozenset[str] = frozenset()) -> None:
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
