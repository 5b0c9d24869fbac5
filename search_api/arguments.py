"""Reading a request's arguments: a bad value is a 400 that says which and why."""

from __future__ import annotations

from flask import abort, request


def int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        abort(400, description=f"{name} must be a whole number, got {raw!r}")
    if not low <= value <= high:
        abort(400, description=f"{name} must be between {low} and {high}, got {value}")
    return value
