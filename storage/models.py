"""The catalog's tables.

Portable SQLAlchemy 2 types only (no SQLite-specific columns), so the same
model and migrations run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime, timezone
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands datetimes back without their zone; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    pass


class Batch(Base):
    """A group of files an operator fed in together (a box, a shelf)."""

    __tablename__ = "batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # As the operator describes the box: "Ф. 1, оп. 3, д. 40–55", the court, who scanned it.
    archive_ref: Mapped[str | None] = mapped_column(String(200))
    court: Mapped[str | None] = mapped_column(String(300))
    scanned_by: Mapped[str | None] = mapped_column(String(200))


class DocumentStatus(StrEnum):
    """Where a document is in the pipeline (documents.status)."""

    QUEUED = "queued"
    PROCESSING = "processing"
    DONE = "done"
    DONE_WITH_ERRORS = "done_with_errors"  # some pages failed; the rest is searchable
    FAILED = "failed"
    REJECTED = "rejected"  # the file is not usable: the reason is in documents.error


class Publication(StrEnum):
    """The public's side of a document (documents.publication): pending (in
    the review queue) → approved → published, or rejected / withdrawn."""

    PENDING = "pending"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class RunStatus(StrEnum):
    """A stage run's state (stage_runs.status)."""

    PENDING = "pending"  # the document stages' marker: queued once, by the page that finished last
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class Document(Base):
    """One unique original (deduplicated by sha256) and what was made of it."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(BigInteger)
    source_name: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32), default=DocumentStatus.QUEUED, index=True)
    error: Mapped[str | None] = mapped_column(Text)
    page_count: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(String(500))
    language: Mapped[str | None] = mapped_column(String(8))
    pdf_blob: Mapped[str | None] = mapped_column(String(64))
    entities_json: Mapped[str | None] = mapped_column(Text)
    # The public's side: pending (in the review queue) → approved → published,
    # or rejected / withdrawn. Only "published" documents are in the public index.
    publication: Mapped[str | None] = mapped_column(String(16), index=True)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    public_pdf_blob: Mapped[str | None] = mapped_column(String(64))  # the redacted PDF the public downloads
    # Split or joined into other documents (page_sources says which): kept, not searched.
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class File(Base):
    """One file as received in a batch; several files may share a document."""

    __tablename__ = "files"
    __table_args__ = (UniqueConstraint("batch_id", "path"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), index=True)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"), index=True)
    name: Mapped[str] = mapped_column(String(500))
    path: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(32), default="received")
    error: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Page(Base):
    """A page of a document: its image, its text and how the text was got."""

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text_source: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str | None] = mapped_column(Text)
    redacted_text: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)
    language: Mapped[str | None] = mapped_column(String(8))
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    quality: Mapped[float | None] = mapped_column(Float)
    blank: Mapped[bool] = mapped_column(Boolean, default=False)
    needs_attention: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    attention_reason: Mapped[str | None] = mapped_column(Text)
    skew: Mapped[float | None] = mapped_column(Float)
    preparation: Mapped[str | None] = mapped_column(Text)  # the steps applied, in order
    image_blob: Mapped[str | None] = mapped_column(String(64))
    words_blob: Mapped[str | None] = mapped_column(String(64))
    hocr_blob: Mapped[str | None] = mapped_column(String(64))
    pdf_blob: Mapped[str | None] = mapped_column(String(64))
    public_image_blob: Mapped[str | None] = mapped_column(String(64))  # black boxes burnt in, set at publication
    # A page scanned again takes the old one's place: this image is read
    # instead of the original's page (which stays stored, untouched).
    replacement_blob: Mapped[str | None] = mapped_column(String(64))
    # What an operator decided about a page OCR flagged: accepted, handwritten, rescanned.
    attention_resolution: Mapped[str | None] = mapped_column(String(16))


class PageSource(Base):
    """Where a page of a split or joined document comes from: a page of
    another document (and so of an original file). Every original page is
    in exactly one live document."""

    __tablename__ = "page_sources"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    source_document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    source_page: Mapped[int] = mapped_column(Integer)


class StageRun(Base):
    """The state of one stage for one document (page 0) or one page.

    Keyed by subject and stage; `version` and `input_key` tell whether a
    stored result is still valid, so running a batch twice does no work twice.
    """

    __tablename__ = "stage_runs"
    __table_args__ = (UniqueConstraint("document_id", "page_number", "stage"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    page_number: Mapped[int] = mapped_column(Integer, default=0)
    stage: Mapped[str] = mapped_column(String(32))
    version: Mapped[str] = mapped_column(String(100))
    input_key: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16), index=True)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Event(Base):
    """Append-only log: what happened to which file, when, by which stage."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    batch_id: Mapped[int | None] = mapped_column(Integer, index=True)
    document_id: Mapped[str | None] = mapped_column(String(32), index=True)
    page_number: Mapped[int | None] = mapped_column(Integer)
    stage: Mapped[str] = mapped_column(String(32))
    stage_version: Mapped[str | None] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32))
    message: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(200))


class User(Base):
    """A member of staff who logs in: operator, reviewer, judge or admin.

    Only an argon2 hash of the password is kept. Failed logins are counted
    in LoginThrottle, per name and address (failed_logins and locked_until
    here are no longer used); a disabled account keeps its row, because
    events name it."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Part of every session cookie: logging out, a new password, disabling
    # the account raise it, and every older cookie stops working.
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class LoginThrottle(Base):
    """Failed logins for one user name from one address. Per address, so an
    attacker elsewhere cannot keep a judge locked out; per name, whether an
    account of that name exists or not, so the answers do not tell."""

    __tablename__ = "login_throttles"
    __table_args__ = (UniqueConstraint("username", "address"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(64))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class ApiToken(Base):
    """A bearer token for the staff API. Stored as its sha256: a leaked
    catalog does not give working tokens."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class SavedSearch(Base):
    """A query a member of staff keeps, and the decisions they have seen for
    it: what matches now and was not seen is "new" (the alert)."""

    __tablename__ = "saved_searches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    query: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    seen_json: Mapped[str] = mapped_column(Text, default="[]")  # document ids seen, as JSON


class CaseNumber(Base):
    """A case number an act carries: its own court's ("deciding", or
    "other" for a second registration) or a lower court's ("lower"). Acts
    that share a number's key are links of one appeal chain: the Supreme
    Court's act names the regional court's case, which is another act's own."""

    __tablename__ = "case_numbers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    number: Mapped[str] = mapped_column(String(80))  # as written: "05-354/26-ГД", "ГД-15940/24Б3"
    key: Mapped[str] = mapped_column(String(80), index=True)  # hyphens, spaces and "№" aside, upper case
    role: Mapped[str] = mapped_column(String(16))  # deciding, other, lower
