"""Logins, roles, CSRF and rate limits for the web app.

Flask-Login keeps the session (a signed cookie, HttpOnly, SameSite=Lax,
Secure behind HTTPS); Flask-WTF checks a CSRF token on every form post;
Flask-Limiter limits requests per client on the public face and on the
login form. The staff API takes a bearer token instead of a cookie.
"""

from __future__ import annotations

import os
import secrets
from functools import wraps
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, current_user, login_user, logout_user
from flask_wtf.csrf import CSRFProtect

from archive import accounts
from archive.accounts import Account
from archive.config import PipelineConfig

blueprint = Blueprint("auth", __name__)
csrf = CSRFProtect()
limiter = Limiter(get_remote_address, headers_enabled=True)
login_manager = LoginManager()


class SessionUser:
    """Flask-Login's view of an account."""

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def __init__(self, account: Account) -> None:
        self.account = account

    def get_id(self) -> str:
        # The account's session version rides in the cookie: when the
        # catalog's moves on (logout, new password), the cookie is void.
        return f"{self.account.id}:{self.account.session_version}"


def install_auth(app: Flask, config: PipelineConfig) -> None:
    app.config.update(
        SECRET_KEY=config.secret_key or _stored_secret(config.data_dir),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=config.secure_cookies,
        REMEMBER_COOKIE_SECURE=config.secure_cookies,
        PERMANENT_SESSION_LIFETIME=8 * 3600,  # a working day
        WTF_CSRF_TIME_LIMIT=8 * 3600,
        RATELIMIT_ENABLED=config.public_rate_limit != "off",
        RATELIMIT_STORAGE_URI=config.broker_url if config.broker_url.startswith("redis") else "memory://",
    )
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = lazy_gettext("Please log in to see this page.")
    app.register_blueprint(blueprint)


@login_manager.user_loader
def _load(user_id: str) -> SessionUser | None:
    from search_api.documents import services

    number, _, version = user_id.partition(":")
    if not (number.isdigit() and version.isdigit()):
        return None  # a cookie from before session versions: log in again
    account = accounts.load_account(services().catalog, int(number))
    return SessionUser(account) if account and account.session_version == int(version) else None


def account() -> Account | None:
    """Who is asking: the session's user, or the API token's."""
    if getattr(g, "token_account", None) is not None:
        return g.token_account
    return current_user.account if current_user.is_authenticated else None


def requires(permission: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Pages for staff with this permission. Anonymous visitors are sent to
    the login page (API callers get 401); the wrong role gets 403."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            who = account() or _bearer()
            if who is None:
                if request.path.startswith("/api/"):
                    abort(401, description="this endpoint is for staff: send 'Authorization: Bearer <token>'")
                return login_manager.unauthorized()
            if not who.may(permission):
                abort(403, description=f"the role {who.role!r} may not do this")
            return view(*args, **kwargs)

        return guarded

    return decorate


def _bearer() -> Account | None:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    from search_api.documents import services

    found = accounts.token_account(services().catalog, header.removeprefix("Bearer ").strip())
    if found is None:
        abort(401, description="the token is unknown, revoked, or its account is disabled")
    g.token_account = found
    return found


def public_limit() -> str:
    """The per-client limit on the public face (a setting)."""
    from search_api.documents import services

    value = services().config.public_rate_limit
    return "1000000/second" if value == "off" else value


@blueprint.route("/login", methods=["GET", "POST"])
# Per address, beside the per-account lock: generous, as a court office may share one address.
@limiter.limit("60/minute", methods=["POST"])
def login():  # type: ignore[no-untyped-def]
    from search_api.documents import services

    error, status = None, 200
    if request.method == "POST":
        result = accounts.authenticate(services().catalog, request.form.get("username", ""),
                                       request.form.get("password", ""), request.remote_addr or "unknown")
        if result.account is not None:
            login_user(SessionUser(result.account))
            return redirect(_safe_next(request.args.get("next")))
        error, status = ("locked", 429) if result.wait_s else ("wrong", 401)
        return render_template("login.html", error=error, wait_s=result.wait_s), status
    return render_template("login.html", error=error, wait_s=0), status


@blueprint.post("/logout")
def logout():  # type: ignore[no-untyped-def]
    from search_api.documents import services

    who = account()
    if who is not None:
        accounts.end_sessions(services().catalog, who.id)  # a copied cookie ends with this one
    logout_user()
    flash(gettext("You are logged out"))
    return redirect(url_for("public.search_page"))


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect to another host."""
    # Browsers read "/\\host" as "//host": a backslash anywhere is refused too.
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target \
            and not urlsplit(target).netloc:
        return target
    return url_for("staff.search_page")


def _stored_secret(data_dir: Path) -> str:
    """A key made once per data directory, readable by its owner alone.
    Written beside and linked into place, so two servers starting together
    agree on one key."""
    path = data_dir / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".secret_key.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as out:
            out.write(secrets.token_hex(32))
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text().strip()


def current_account_for_templates() -> dict[str, Any]:
    return {"staff": account(), "csrf_field": _csrf_field}


def _csrf_field() -> str:
    from flask_wtf.csrf import generate_csrf
    from markupsafe import Markup

    return Markup(f'<input type="hidden" name="csrf_token" value="{generate_csrf()}">')
