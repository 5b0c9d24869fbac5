"""Commands for reviewers: anonymising a text, reviewing a decision's
detections, approving, publishing and withdrawing, and anonymising again
under a new policy."""

from __future__ import annotations

import sys
from dataclasses import asdict

import click
from tqdm import tqdm

from sotarchive.cli.base import cli, emit, json_option, refusals_shown, report, services_of


@cli.command(name="anonymise")
@click.argument("source", type=click.File("r", encoding="utf-8"))
@json_option
def anonymise_command(source, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    """Detect and redact personal data in a text (FILE or - for stdin)."""
    from anonymise import anonymise

    result = anonymise(source.read())
    if as_json:
        emit({"text": result.text, "entities": [asdict(e) for e in result.entities]})
    else:
        click.echo(result.text)


@cli.command()
@click.argument("document_id")
@click.option("--redact", "to_redact", multiple=True, help="A name or value the detectors missed: redacted everywhere.")
@click.option("--label", default="PERSON", show_default=True, help="What --redact is (PERSON, PHONE, ADDRESS...).")
@click.option("--keep", "to_keep", multiple=True, help="A detection that is wrong (an official, a place): kept.")
@click.option("--approve", is_flag=True, help="Approve for publication after the changes.")
@click.option("--reject", is_flag=True, help="Reject: not to be published.")
@click.option("--reason", help="Why, for the record.")
@json_option
@click.pass_context
@refusals_shown
def review(ctx: click.Context, document_id: str, to_redact: tuple[str, ...], label: str, to_keep: tuple[str, ...],
           approve: bool, reject: bool, reason: str | None, as_json: bool) -> None:
    """Review an anonymised decision: list its detections, mend them, approve or reject.

    Every change is an event with who, when, and the detections before and after."""
    from archive import publication, review as reviewing

    if approve and reject:
        raise click.UsageError("--approve or --reject, not both")
    svc = services_of(ctx)
    for text in to_redact:
        reviewing.redact_text(svc, document_id, text, label.upper())
    for text in to_keep:
        reviewing.keep_text(svc, document_id, text)
    if reject:
        reviewing.reject(svc, document_id, reason)
    found = reviewing.detections(svc, document_id)
    if approve:
        outcome = publication.approve(svc, [document_id])
        if outcome.refused:
            raise click.ClickException(outcome.refused[document_id])
    if as_json:
        emit({"id": document_id, "detections": [{"page": d.page, **asdict(d.entity)} for d in found]})
        return
    for d in found:
        shown = "keep  " if d.entity.action == "keep" else "redact"
        click.echo(f"p.{d.page} {shown} {d.entity.label:<9} {d.entity.text!r} → {d.entity.replacement or d.entity.text}")


@cli.command()
@click.argument("ids", nargs=-1)
@click.option("--all", "all_approved", is_flag=True, help="Every approved document (with --approve: every one waiting for review).")
@click.option("--approve", is_flag=True, help="Approve the documents first (recorded as an event).")
@json_option
@click.pass_context
def publish(ctx: click.Context, ids: tuple[str, ...], all_approved: bool, approve: bool, as_json: bool) -> None:
    """Publish approved, anonymised decisions to the public index.

    Each is checked for leaks first: a detected value still in the text
    refuses the publication. Exits 1 if any document was refused."""
    from archive import publication

    if not ids and not all_approved:
        raise click.UsageError("name documents by id, or use --all")
    svc = services_of(ctx)
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
        emit(asdict(outcome))
        if outcome.refused:
            sys.exit(1)
    else:
        report(f"published {len(outcome.published)} / жарыяланды / опубликовано", outcome.refused)


@cli.command()
@click.argument("ids", nargs=-1, required=True)
@click.option("--reason", help="Why, for the record.")
@click.pass_context
def withdraw(ctx: click.Context, ids: tuple[str, ...], reason: str | None) -> None:
    """Take published decisions out of the public index."""
    from archive import publication

    outcome = publication.withdraw(services_of(ctx), list(ids), reason=reason)
    report(f"withdrawn {len(outcome.withdrawn)} / алынды / отозвано", outcome.refused)


@cli.command()
@click.argument("ids", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Every processed document.")
@json_option
@click.pass_context
def reanonymise(ctx: click.Context, ids: tuple[str, ...], every: bool, as_json: bool) -> None:
    """Anonymise documents again under the current policy (after a change of
    anonymise_style or anonymise_keep_roles, or a better detector). Documents
    done under this policy already are skipped, so it can be interrupted and
    run again. Reviewers' corrections are kept; a decision whose text changes
    goes back to review, and off the public site if it was published."""
    from archive.indexed import live_document_ids
    from archive.publication import publication_states
    from ingest import pipeline

    if bool(ids) == every:
        raise click.UsageError("name documents by id, or use --all")
    svc = services_of(ctx)
    if every:
        ids = tuple(live_document_ids(svc))
    before = publication_states(svc, list(ids))
    for document_id in tqdm(ids, desc="anonymising", unit="doc", disable=as_json, file=sys.stderr):
        pipeline.anonymise_document(svc, document_id)
    after = publication_states(svc, list(ids))
    returned = sorted(i for i in ids if before.get(i) in ("approved", "published") and after.get(i) == "pending")
    summary = {"documents": len(ids), "back_to_review": returned}
    if as_json:
        emit(summary)
    else:
        click.echo(f"{len(ids)} documents; {len(returned)} changed and wait for review again")
