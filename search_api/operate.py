"""The operators' desk: batches, uploads, live progress, failures and the
pages that need attention.

Uploads come in chunks that the browser can resume after a broken
connection (it asks how much arrived and goes on from there), so a
500 MB scan is never sent twice; a plain form upload works without
JavaScript too. Received files go through ingest.batches exactly as
`sotarchive ingest` sends them.
"""

from __future__ import annotations

import io
import json
import re
import secrets
import shutil
import time
from pathlib import Path

from flask import Blueprint, abort, flash, jsonify, make_response, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from PIL import Image
from werkzeug.utils import secure_filename

from archive.config import MIB
from ingest import attention, batches, dashboard
from ingest.submit import submit
from search_api.auth import account, requires
from search_api.documents import services
from search_api.i18n import label, minutes, say_reason
from search_api.staff import scan_of

blueprint = Blueprint("operate", __name__)
THUMB_WIDTH = 240
UPLOAD_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
STALE_UPLOAD_S = 2 * 24 * 3600


def _who() -> str:
    who = account()
    assert who is not None
    return who.username


def _queue(document_ids: list[str]) -> None:
    submit(services().config, document_ids)


@blueprint.get("/")
@requires("operate")
def desk():  # type: ignore[no-untyped-def]
    svc = services()
    per_day = dashboard.pages_per_day(svc)
    return render_template("operate.html", batches=dashboard.all_batches(svc), flagged=attention.flagged_pages(svc),
                           per_day=per_day, daily=dashboard.daily_totals(per_day), max_upload_mb=svc.config.max_upload_mb)


@blueprint.get("/status.json")
@requires("operate")
def status():  # type: ignore[no-untyped-def]
    """What the desk's page polls to update itself without reloading."""
    svc = services()
    return jsonify({
        "batches": [{**b.as_dict(), "eta_text": minutes(b.eta_s)} for b in dashboard.all_batches(svc)],
        "flagged": [{"document_id": p.document_id, "number": p.number, "source_name": p.source_name,
                     "reason": say_reason(p.reason)} for p in attention.flagged_pages(svc)],
    })


@blueprint.post("/batches")
@requires("operate")
def create_batch():  # type: ignore[no-untyped-def]
    name = request.form.get("name", "").strip()
    if not name:
        abort(400, description="a batch needs a name")
    description = batches.Description(request.form.get("archive_ref"), request.form.get("court"),
                                      request.form.get("scanned_by") or _who())
    batch_id = batches.get_or_create_batch(services(), name, description)
    return redirect(url_for("operate.desk") + f"#batch-{batch_id}")


@blueprint.post("/batches/<int:batch_id>/files")
@requires("operate")
def upload_files(batch_id: int):  # type: ignore[no-untyped-def]
    """Several files in one form post (no JavaScript needed)."""
    svc = services()
    _known_batch(batch_id)
    received = []
    for upload in request.files.getlist("files"):
        name = _name(upload.filename)
        spool = _spool_dir() / f"form-{secrets.token_hex(8)}"
        spool.mkdir()
        path = spool / name
        upload.save(path)
        document_id = batches.receive_file(svc, batch_id, path)
        shutil.rmtree(spool, ignore_errors=True)
        if document_id:
            received.append(document_id)
    _queue(received)
    flash(ngettext("%(num)d file received", "%(num)d files received", len(received)), "ok")
    return redirect(url_for("operate.desk") + f"#batch-{batch_id}")


# --- resumable uploads: POST to start, GET how much arrived, PUT chunks at an offset ---


@blueprint.post("/uploads")
@requires("operate")
def start_upload():  # type: ignore[no-untyped-def]
    body = request.get_json(silent=True) or {}
    try:
        batch_id, size = int(body["batch_id"]), int(body["size"])
    except (KeyError, TypeError, ValueError):
        abort(400, description="give batch_id, name and size")
    if size <= 0:
        abort(400, description=f"an upload's size must be a positive number of bytes, not {size}")
    config = services().config
    if size > config.max_upload_bytes:
        abort(413, description=gettext("The file is %(size)s MB; this archive takes files up to %(limit)s MB "
                                       "(the max_upload_mb setting): split the scan into parts.",
                                       size=f"{size / MIB:,.0f}", limit=f"{config.max_upload_mb:,}"))
    _known_batch(batch_id)
    _sweep_stale_uploads()
    upload_id = secrets.token_urlsafe(18)
    folder = _spool_dir() / upload_id
    folder.mkdir()
    (folder / "upload.json").write_text(json.dumps({"batch_id": batch_id, "name": _name(body.get("name")),
                                                    "size": size, "who": _who()}))
    (folder / "data").touch()
    return jsonify({"id": upload_id, "received": 0}), 201


@blueprint.get("/uploads/<upload_id>")
@requires("operate")
def upload_state(upload_id: str):  # type: ignore[no-untyped-def]
    folder = _upload(upload_id)
    return jsonify({"id": upload_id, "received": (folder / "data").stat().st_size})


@blueprint.put("/uploads/<upload_id>")
@requires("operate")
def upload_chunk(upload_id: str):  # type: ignore[no-untyped-def]
    folder = _upload(upload_id)
    meta = json.loads((folder / "upload.json").read_text())
    data = folder / "data"
    offset = request.args.get("offset", type=int)
    received = data.stat().st_size
    if offset != received:
        # The client's idea of what arrived is wrong (a chunk was lost): tell it where to go on from.
        return jsonify({"id": upload_id, "received": received, "message": "resume from 'received'"}), 409
    chunk = request.get_data()
    if received + len(chunk) > meta["size"]:
        abort(400, description="more bytes than the upload's announced size")
    with open(data, "ab") as out:
        out.write(chunk)
    received += len(chunk)
    if received < meta["size"]:
        return jsonify({"id": upload_id, "received": received})
    final = folder / meta["name"]
    data.rename(final)
    document_id = batches.receive_file(services(), meta["batch_id"], final)
    shutil.rmtree(folder, ignore_errors=True)
    if document_id:
        _queue([document_id])
    return jsonify({"id": upload_id, "received": received, "document_id": document_id, "done": True})


# --- failures and flagged pages -------------------------------------------------------


@blueprint.post("/batches/<int:batch_id>/retry")
@requires("operate")
def retry(batch_id: int):  # type: ignore[no-untyped-def]
    again = dashboard.retry_failed(services(), batch_id, _who())
    _queue(again)
    flash(ngettext("%(num)d document sent again", "%(num)d documents sent again", len(again)), "ok")
    return redirect(url_for("operate.desk") + f"#batch-{batch_id}")


@blueprint.get("/pages/<document_id>/<int:number>/thumbnail")
@requires("operate")
def thumbnail(document_id: str, number: int):  # type: ignore[no-untyped-def]
    with Image.open(services().blobs.path(scan_of(document_id, number, "thumbnail"))) as image:
        image.thumbnail((THUMB_WIDTH, THUMB_WIDTH * 2))
        out = io.BytesIO()
        image.convert("L").save(out, "JPEG", quality=70)
    response = make_response(out.getvalue())
    response.headers["Content-Type"] = "image/jpeg"
    response.headers["Cache-Control"] = "private, no-store"
    return response


@blueprint.post("/pages/<document_id>/<int:number>/<decision>")
@requires("operate")
def decide(document_id: str, number: int, decision: str):  # type: ignore[no-untyped-def]
    svc = services()
    try:
        if decision == "rescan":
            upload = request.files.get("scan")
            if upload is None or not upload.filename:
                raise attention.AttentionError("choose the new scan of the page")
            spool = _spool_dir() / f"rescan-{secrets.token_hex(8)}"
            spool.mkdir()
            path = spool / _name(upload.filename)
            upload.save(path)
            try:
                attention.replace_page(svc, document_id, number, path, path.name, _who())
            finally:
                shutil.rmtree(spool, ignore_errors=True)
            _queue([document_id])
        else:
            attention.resolve(svc, document_id, number, decision, _who())
    except attention.AttentionError as exc:
        flash(say_reason(str(exc)), "error")
    else:
        flash(label("done", decision), "ok")
    return redirect(url_for("operate.desk") + "#attention")


def _known_batch(batch_id: int) -> None:
    """Files go only to a batch that exists: a file for a batch that does
    not would be stored, then refused by the catalog, and left behind."""
    if not batches.batch_exists(services(), batch_id):
        abort(404, description=f"there is no batch {batch_id}: create it first")


def _spool_dir() -> Path:
    folder = services().config.data_dir / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sweep_stale_uploads() -> None:
    """Uploads nobody finished (a closed browser) are dropped after STALE_UPLOAD_S
    without a chunk: they would fill the disk, and a resume after that long is
    a new upload anyway."""
    now = time.time()
    for folder in _spool_dir().iterdir():
        try:
            stale = now - max(p.stat().st_mtime for p in [folder, *folder.iterdir()]) > STALE_UPLOAD_S
        except (OSError, ValueError):
            continue
        if stale:
            shutil.rmtree(folder, ignore_errors=True)


def _upload(upload_id: str) -> Path:
    folder = _spool_dir() / upload_id
    if not UPLOAD_ID.match(upload_id) or not (folder / "upload.json").is_file():
        abort(404, description=f"no upload {upload_id}: start again")
    return folder


def _name(filename: str | None) -> str:
    """The file's own name, without any path a browser sent with it;
    Cyrillic kept (secure_filename would drop it)."""
    base = re.split(r"[\\/]", filename or "")[-1].strip().lstrip(".")
    base = re.sub(r"[\x00-\x1f]", "", base)
    return base[:200] or secure_filename(filename or "") or "upload"
