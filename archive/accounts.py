"""Staff accounts: roles, password checks that slow guessing down, API tokens.

Passwords are hashed with argon2id (argon2-cffi, the reference binding), so
a copy of the catalog does not give passwords away. Every failed login for
a user name from an address lengthens the wait before the next try from
there is even checked: after FREE_TRIES failures, 2, 4, 8... seconds, at
most LOCK_MAX_S. Counted per name and address, an attacker cannot keep a
judge out from elsewhere; counted for names that have no account just as
for those that do, the answers do not tell which names exist. The counter
sits in the catalog, so it holds across server processes and restarts.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select

from archive.errors import Refusal
from storage import Catalog
from storage.models import ApiToken, LoginThrottle, User, as_utc, utcnow

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
THROTTLE_KEPT = timedelta(days=1)  # failures older than this, and no lock, are forgotten
MIN_PASSWORD = 10

_hasher = PasswordHasher()


class AccountError(Refusal, ValueError):
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
        clear_locks(session, username)
        _end_sessions(user)  # whoever had the old password is out


def end_sessions(catalog: Catalog, user_id: int) -> None:
    """Every session of the account ends, copied cookies included (logout)."""
    with catalog.write() as session:
        user = session.get(User, user_id)
        if user is not None:
            _end_sessions(user)


def _end_sessions(user: User) -> None:
    """Raise the session version that rides in every session cookie: each
    cookie issued before (copies included) stops working."""
    user.session_version = (user.session_version or 0) + 1


def set_active(catalog: Catalog, username: str, active: bool) -> None:
    """Disable (or enable again) an account; its tokens stop working with it."""
    with catalog.write() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise AccountError(f"no user {username!r}")
        user.active = active
        clear_locks(session, username)
        _end_sessions(user)


def set_role(catalog: Catalog, username: str, role: str) -> None:
    """A new role: every session ends, so none goes on with the old rights."""
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    with catalog.write() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise AccountError(f"no user {username!r}")
        if user.role != role:
            user.role = role
            _end_sessions(user)


def list_users(catalog: Catalog) -> list[dict[str, object]]:
    with catalog.read() as session:
        return [
            {"username": u.username, "role": u.role, "active": u.active, "full_name": u.full_name,
             "last_login_at": u.last_login_at.isoformat() if u.last_login_at else None}
            for u in session.scalars(select(User).order_by(User.username))
        ]


def authenticate(catalog: Catalog, username: str, password: str, address: str = "local") -> LoginResult:
    """The account if the password is right; a wait if this name is locked
    from this address by earlier failures (then the password is not even
    checked). An unknown name fails, and locks, exactly as a wrong password."""
    now = utcnow()
    name = username.strip()[:100]
    with catalog.write() as session:
        throttle = session.scalar(select(LoginThrottle).where(LoginThrottle.username == name.lower(),
                                                              LoginThrottle.address == address[:64]))
        if throttle is not None and throttle.locked_until is not None and as_utc(throttle.locked_until) > now:
            return LoginResult(None, wait_s=max(1, int((as_utc(throttle.locked_until) - now).total_seconds() + 0.999)))
        user = session.scalar(select(User).where(User.username == name))
        if user is None:
            _hasher.hash(password)  # the same work as a real check: no timing hint that the name is unknown
            ok = False
        else:
            try:
                ok = _hasher.verify(user.password_hash, password) and user.active
            except (VerificationError, InvalidHashError):
                ok = False
        if not ok:
            _failed(session, throttle, name.lower(), address[:64], now)
            return LoginResult(None)
        assert user is not None
        if throttle is not None:
            session.delete(throttle)
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        user.last_login_at = now
        return LoginResult(_account(user))


def _failed(session, throttle: LoginThrottle | None, name: str, address: str, now) -> None:  # type: ignore[no-untyped-def]
    if throttle is None:
        session.execute(delete(LoginThrottle).where(LoginThrottle.updated_at < now - THROTTLE_KEPT,
                                                    (LoginThrottle.locked_until.is_(None))
                                                    | (LoginThrottle.locked_until < now)))
        throttle = LoginThrottle(username=name, address=address, failures=0)
        session.add(throttle)
    throttle.failures += 1
    throttle.updated_at = now
    if throttle.failures >= FREE_TRIES:
        throttle.locked_until = now + timedelta(seconds=min(LOCK_MAX_S, 2 ** (throttle.failures - FREE_TRIES + 1)))


def clear_locks(session, username: str) -> None:  # type: ignore[no-untyped-def]
    """An administrator's word: the name may try again from everywhere."""
    session.execute(delete(LoginThrottle).where(LoginThrottle.username == username.strip().lower()))


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
