"""Staff accounts: roles, password checks that slow guessing down, API tokens.

Passwords are hashed with argon2id (argon2-cffi, the reference binding), so
a copy of the catalog does not give passwords away. Every failed login on
an account lengthens the wait before the next try is even checked: after
FREE_TRIES failures, 2, 4, 8... seconds, at most LOCK_MAX_S. The counter
sits in the catalog, so it holds across server processes and restarts.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from storage import Catalog
from storage.models import ApiToken, User, as_utc, utcnow

ROLES = ("operator", "reviewer", "judge", "admin")
# What each role may do. Everyone on staff may read the full archive (and
# each reading is audited); reviewing, operating and administration are apart.
PERMISSIONS = {
    "read": {"operator", "reviewer", "judge", "admin"},
    "review": {"reviewer", "admin"},
    "operate": {"operator", "admin"},
    "admin": {"admin"},
}
FREE_TRIES = 3
LOCK_MAX_S = 15 * 60
MIN_PASSWORD = 10

_hasher = PasswordHasher()


class AccountError(ValueError):
    """The account cannot be made or changed as asked; the message says why."""


@dataclass(frozen=True)
class Account:
    """What the web app keeps of a logged-in user (no hash)."""

    id: int
    username: str
    role: str
    full_name: str | None = None
    session_version: int = 0

    def may(self, permission: str) -> bool:
        return self.role in PERMISSIONS[permission]


@dataclass(frozen=True)
class LoginResult:
    account: Account | None
    wait_s: int = 0  # > 0: refused unchecked, try again after this many seconds


def _account(user: User) -> Account:
    return Account(user.id, user.username, user.role, user.full_name, user.session_version or 0)


def add_user(catalog: Catalog, username: str, role: str, password: str, full_name: str | None = None) -> Account:
    username = username.strip()
    if not username or len(username) > 100 or any(c.isspace() for c in username):
        raise AccountError("a user name is one word of at most 100 characters")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")
    with catalog.write() as session:
        if session.scalar(select(User).where(User.username == username)) is not None:
            raise AccountError(f"there is already a user {username!r}")
        user = User(username=username, role=role, password_hash=_hasher.hash(password), full_name=full_name,
                    active=True, failed_logins=0)
        session.add(user)
        session.flush()
        return _account(user)


def set_password(catalog: Catalog, username: str, password: str) -> None:
    """A new password (the lock and the count of failures are cleared)."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")
    with catalog.write() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise AccountError(f"no user {username!r}")
        user.password_hash = _hasher.hash(password)
        user.failed_logins, user.locked_until = 0, None
        user.session_version = (user.session_version or 0) + 1  # whoever had the old password is out


def end_sessions(catalog: Catalog, user_id: int) -> None:
    """Every session of the account ends, copied cookies included (logout)."""
    with catalog.write() as session:
        user = session.get(User, user_id)
        if user is not None:
            user.session_version = (user.session_version or 0) + 1


def set_active(catalog: Catalog, username: str, active: bool) -> None:
    """Disable (or enable again) an account; its tokens stop working with it."""
    with catalog.write() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise AccountError(f"no user {username!r}")
        user.active = active
        user.failed_logins, user.locked_until = 0, None
        user.session_version = (user.session_version or 0) + 1


def list_users(catalog: Catalog) -> list[dict[str, object]]:
    with catalog.read() as session:
        return [
            {"username": u.username, "role": u.role, "active": u.active, "full_name": u.full_name,
             "last_login_at": u.last_login_at.isoformat() if u.last_login_at else None}
            for u in session.scalars(select(User).order_by(User.username))
        ]


def authenticate(catalog: Catalog, username: str, password: str) -> LoginResult:
    """The account if the password is right; a wait if the account is locked
    by earlier failures (then the password is not even checked)."""
    now = utcnow()
    with catalog.write() as session:
        user = session.scalar(select(User).where(User.username == username.strip()))
        if user is None:
            _hasher.hash(password)  # the same work as a real check: no timing hint that the name is unknown
            return LoginResult(None)
        if user.locked_until is not None and as_utc(user.locked_until) > now:
            return LoginResult(None, wait_s=max(1, int((as_utc(user.locked_until) - now).total_seconds() + 0.999)))
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            user.failed_logins += 1
            if user.failed_logins >= FREE_TRIES:
                wait = min(LOCK_MAX_S, 2 ** (user.failed_logins - FREE_TRIES + 1))
                user.locked_until = now + timedelta(seconds=wait)
            return LoginResult(None)
        if not user.active:
            return LoginResult(None)
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
        return LoginResult(_account(user))


def load_account(catalog: Catalog, user_id: int) -> Account | None:
    """The account behind a session, or None once it is disabled."""
    with catalog.read() as session:
        user = session.get(User, user_id)
        return _account(user) if user is not None and user.active else None


def new_token(catalog: Catalog, username: str, name: str) -> str:
    """A new bearer token for the staff API; shown once, kept only as a hash."""
    token = "sa_" + secrets.token_urlsafe(32)
    with catalog.write() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise AccountError(f"no user {username!r}")
        session.add(ApiToken(user_id=user.id, name=name, token_sha256=_digest(token), revoked=False))
    return token


def token_account(catalog: Catalog, token: str) -> Account | None:
    with catalog.write() as session:
        row = session.scalar(select(ApiToken).where(ApiToken.token_sha256 == _digest(token)))
        if row is None or row.revoked:
            return None
        user = session.get(User, row.user_id)
        if user is None or not user.active:
            return None
        now = utcnow()
        if row.last_used_at is None or now - as_utc(row.last_used_at) > timedelta(minutes=5):
            row.last_used_at = now  # not on every call: a write per request would queue readers
        return _account(user)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
