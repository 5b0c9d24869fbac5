"""docker/compose.yml and docker/Dockerfile, checked without a Docker
engine (these machines have none): the file parses, every service is
complete, and every image, command and setting agrees with what the app
reads. The WSGI entry the web service runs is served by a real gunicorn."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from sotarchive.cli import cli
from sotarchive.settings import KEYS, load_config
from tests.conftest import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker" / "compose.yml").read_text("utf-8"))
DOCKERFILE = (ROOT / "docker" / "Dockerfile").read_text("utf-8")
SERVICES = COMPOSE["services"]
APP_SERVICES = ("web", "worker")


def _env(service: str) -> dict[str, str]:
    env = {k: str(v) for k, v in SERVICES[service]["environment"].items()}
    return {k: re.sub(r"\$\{(POSTGRES_PASSWORD|SOTARCHIVE_SECRET_KEY):\?[^}]*\}", "secret", v) for k, v in env.items()}


def test_every_service_has_an_image_a_healthcheck_and_declared_volumes() -> None:
    declared = set(COMPOSE["volumes"])
    assert {"web", "worker", "postgres", "redis", "opensearch-1", "opensearch-2", "opensearch-3"} <= set(SERVICES)
    for name, service in SERVICES.items():
        assert service.get("image"), name
        assert "healthcheck" in service, name
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            assert source in declared, f"{name} mounts undeclared volume {source}"
        for dependency in service.get("depends_on", {}):
            assert dependency in SERVICES, f"{name} depends on unknown {dependency}"


def test_the_app_services_use_only_settings_the_app_reads() -> None:
    known = {"SOTARCHIVE_" + key.upper() for key in KEYS} | {"SOTARCHIVE_DATA_DIR"}
    for name in APP_SERVICES:
        env = _env(name)
        assert set(env) <= known, set(env) - known
        assert env["SOTARCHIVE_SEARCH_BACKEND"] == "opensearch"
        for key in ("SOTARCHIVE_DATABASE_URL", "SOTARCHIVE_BROKER_URL", "SOTARCHIVE_OPENSEARCH_URL"):
            host = urlparse(env[key].replace("postgresql+psycopg", "postgresql")).hostname
            assert host in SERVICES, f"{name}: {key} points at {host}, which is not a service"


def test_the_app_services_settings_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in APP_SERVICES:
        for key, value in _env(name).items():
            monkeypatch.setenv(key, value)
        monkeypatch.setenv("SOTARCHIVE_DATA_DIR", str(tmp_path / name))
        config = load_config()
        assert config.search_backend == "opensearch" and config.database_url.startswith("postgresql+psycopg://")
        assert config.broker_url.startswith("redis://")


def test_commands_exist() -> None:
    assert SERVICES["worker"]["command"][:2] == ["sotarchive", "worker"] and "worker" in cli.commands
    web = SERVICES["web"]["command"]
    assert web[0] == "gunicorn" and web[-1] == "sotarchive.wsgi:app"
    assert '"sotarchive.wsgi:app"]' in DOCKERFILE  # the image's default is the same server


def test_opensearch_is_the_version_the_tests_run() -> None:
    tested = re.search(r'OPENSEARCH_VERSION="\$\{SOTARCHIVE_OPENSEARCH_VERSION:-([\d.]+)\}"',
                       (ROOT / "scripts" / "services.sh").read_text()).group(1)  # type: ignore[union-attr]
    nodes = [s for n, s in SERVICES.items() if n.startswith("opensearch-")]
    assert len(nodes) == 3 and all(s["image"] == f"opensearchproject/opensearch:{tested}" for s in nodes)
    seeds = nodes[0]["environment"]["discovery.seed_hosts"].split(",")
    assert sorted(seeds) == sorted(n for n in SERVICES if n.startswith("opensearch-"))


def test_the_image_holds_tesseract_with_kyrgyz_and_russian_and_every_package() -> None:
    assert "tesseract-ocr-kir" in DOCKERFILE and "tesseract-ocr-rus" in DOCKERFILE
    pyproject = (ROOT / "pyproject.toml").read_text()
    packages = re.search(r"include = \[(.*?)\]", pyproject).group(1)  # type: ignore[union-attr]
    for package in re.findall(r'"(\w+)\*"', packages):
        assert f"COPY {package} {package}" in DOCKERFILE, package
    assert '".[server]"' in DOCKERFILE and 'server = ["gunicorn' in pyproject


def test_gunicorn_serves_the_wsgi_entry(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOTARCHIVE_")}
    env["SOTARCHIVE_DATA_DIR"] = str(tmp_path / "data")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind", f"127.0.0.1:{port}", "sotarchive.wsgi:app"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/search?q=сот".replace("сот", "%D1%81%D0%BE%D1%82")) as r:
                    body = r.read().decode()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, server.stderr.read().decode()  # type: ignore[union-attr]
                time.sleep(0.5)
        assert '"total":0' in body.replace(" ", "")
    finally:
        server.terminate()
        server.wait(timeout=30)
