"""What every command shares: the `sotarchive` group, the settings and
services of the data directory, `--json` output, and domain refusals
shown as errors. A command parses its arguments, calls the layers below
and prints; the rules live in archive/ and ingest/."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from archive.errors import Refusal
from sotarchive.settings import SettingsError, load_config

F = TypeVar("F", bound=Callable[..., Any])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", envvar="SOTARCHIVE_DATA_DIR", help="Where all state lives (default ./data).")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None) -> None:
    """sotarchive: Кыргыз Республикасынын сот архиви / судебный архив Кыргызской Республики."""
    ctx.ensure_object(dict)
    ctx.obj["data_dir"] = data_dir


def config_of(ctx: click.Context):  # type: ignore[no-untyped-def]
    """The settings (command line, environment, settings file, defaults); a bad one is an error that says which."""
    try:
        return load_config(ctx.obj.get("data_dir"))
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc


def services_of(ctx: click.Context):  # type: ignore[no-untyped-def]
    from archive.services import services_for

    return services_for(config_of(ctx))


def emit(data: Any) -> None:
    """JSON for scripts: the shapes are a contract (DESIGN.md)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def json_option(command: F) -> F:
    """The `--json` flag, passed to the command as `as_json`."""
    return click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")(command)


def refusals_shown(command: F) -> F:
    """A refusal of the archive's (archive.errors.Refusal) is shown as an
    error with its reason, and the command exits 1."""
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except Refusal as exc:
            raise click.ClickException(str(exc)) from exc
    return run  # type: ignore[return-value]


def report(done: str, refused: dict[str, str]) -> None:
    """What was done, each refusal with its reason; exit 1 if any."""
    click.echo(done)
    for document_id, why in refused.items():
        click.echo(f"  {document_id}: {why}", err=True)
    if refused:
        sys.exit(1)


def count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
