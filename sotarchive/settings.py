"""Settings: one data directory, the environment, an optional settings file.

Precedence, highest first: the command line (--data-dir), environment
variables (SOTARCHIVE_*), the settings file (SOTARCHIVE_SETTINGS, or
settings.toml in the data directory), built-in defaults. Two data
directories never share anything: the catalog, blobs, index and queue all
live inside it unless a production URL says otherwise.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from archive.config import PipelineConfig
from indexing.backend import BACKENDS
from storage.catalog import sqlite_url

ENV_PREFIX = "SOTARCHIVE_"
KEYS = {
    "database_url": str,
    "broker_url": str,
    "search_backend": str,
    "opensearch_url": str,
    "opensearch_prefix": str,
    "ocr_languages": str,
    "ocr_timeout_s": int,
    "raster_dpi": int,
    "worker_concurrency": int,
    "anonymise_style": str,  # initials (as on sot.kg) or placeholder ([ФИО-1])
    "anonymise_keep_roles": str,  # officials kept, comma-separated: judge,prosecutor,lawyer,secretary,expert,investigator
    "auto_approve": bool,
    "secret_key": str,
    "secure_cookies": bool,
    "public_rate_limit": str,  # e.g. 300/minute; "off" for none
    "max_upload_mb": int,
    "keep_rejected_files": bool,  # keep the bytes of files the pipeline rejects
    "trusted_proxies": int,  # reverse proxies in front of the web app
    "hsts": bool,  # send Strict-Transport-Security (HTTPS only)
}
TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


def _boolean(raw: str) -> bool:
    if raw.strip().lower() in TRUE:
        return True
    if raw.strip().lower() in FALSE:
        return False
    raise ValueError("expected true or false")


class SettingsError(ValueError):
    pass


def resolve_data_dir(option: str | None) -> Path:
    value = option or os.environ.get(ENV_PREFIX + "DATA_DIR") or "./data"
    return Path(value).expanduser().resolve()


def _settings_file(data_dir: Path) -> dict[str, Any]:
    explicit = os.environ.get(ENV_PREFIX + "SETTINGS")
    path = Path(explicit) if explicit else data_dir / "settings.toml"
    if not path.is_file():
        if explicit:
            raise SettingsError(f"settings file {path} does not exist")
        return {}
    try:
        values = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: {exc}") from exc
    unknown = set(values) - set(KEYS)
    if unknown:
        raise SettingsError(f"{path}: unknown settings {', '.join(sorted(unknown))}")
    return values


def load_config(data_dir_option: str | None = None) -> PipelineConfig:
    data_dir = resolve_data_dir(data_dir_option)
    values: dict[str, Any] = {
        "database_url": sqlite_url(data_dir / "catalog.sqlite"),
        "broker_url": "filesystem://",
    }
    values.update(_settings_file(data_dir))
    for key, kind in KEYS.items():
        raw = os.environ.get(ENV_PREFIX + key.upper())
        if raw:
            try:
                values[key] = _boolean(raw) if kind is bool else kind(raw)
            except ValueError as exc:
                raise SettingsError(f"{ENV_PREFIX}{key.upper()}={raw!r}: {exc}") from exc
    if values.get("anonymise_style", "initials") not in ("initials", "placeholder"):
        raise SettingsError(f"anonymise_style must be 'initials' or 'placeholder', not {values['anonymise_style']!r}")
    roles = {r.strip() for r in str(values.get("anonymise_keep_roles", "")).split(",") if r.strip()}
    unknown_roles = roles - {"judge", "prosecutor", "lawyer", "secretary", "expert", "investigator"}
    if unknown_roles:
        raise SettingsError(f"anonymise_keep_roles: unknown roles {', '.join(sorted(unknown_roles))}")
    for key, kind in KEYS.items():
        if key in values and not isinstance(values[key], kind):
            raise SettingsError(f"{key} must be a {kind.__name__}, not {values[key]!r}")
    if values.get("search_backend", "embedded") not in BACKENDS:
        raise SettingsError(f"search_backend must be {' or '.join(repr(k) for k in BACKENDS)}, "
                            f"not {values['search_backend']!r}")
    if values.get("search_backend") == "opensearch" and not values.get("opensearch_url"):
        raise SettingsError("search_backend is opensearch but no opensearch_url is set (SOTARCHIVE_OPENSEARCH_URL)")
    data_dir.mkdir(parents=True, exist_ok=True)
    return PipelineConfig(data_dir=data_dir, **values)
