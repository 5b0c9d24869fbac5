"""The Celery application.

Embedded default broker: kombu's filesystem transport under the data
directory. It needs no server, survives restarts (a queued message is a
file), and lets several processes on one machine share one queue; the
production broker is Redis (SOTARCHIVE_BROKER_URL). There is no result
backend: every stage writes its result to the catalog, which is where
progress and outcomes are read from.
"""

from __future__ import annotations

from celery import Celery

from archive.config import PipelineConfig

app = Celery("sotarchive", include=["ingest.tasks"])
_config: PipelineConfig | None = None


def filesystem_broker_options(config: PipelineConfig) -> dict[str, object]:
    messages = config.queue_dir / "messages"
    processed = config.queue_dir / "processed"
    for folder in (messages, processed):
        folder.mkdir(parents=True, exist_ok=True)
    return {
        "data_folder_in": str(messages),
        "data_folder_out": str(messages),
        "processed_folder": str(processed),
        "store_processed": False,
        "polling_interval": 0.05,  # a directory listing: cheap
    }


def configure(config: PipelineConfig) -> Celery:
    """Point the app at this data directory's broker; call before use."""
    global _config
    _config = config
    transport_options = filesystem_broker_options(config) if config.embedded_broker else {}
    app.conf.update(
        broker_url=config.broker_url,
        broker_transport_options=transport_options,
        broker_connection_retry_on_startup=True,
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        result_backend=None,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        worker_enable_remote_control=not config.embedded_broker,
        worker_send_task_events=False,
        task_default_queue="sotarchive",
        worker_hijack_root_logger=False,
    )
    return app


def current_config() -> PipelineConfig:
    if _config is None:
        raise RuntimeError("the pipeline is not configured: start workers with `sotarchive worker`")
    return _config
