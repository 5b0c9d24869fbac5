"""Alembic environment: runs on the connection the catalog hands it."""

from alembic import context

from storage.models import Base

config = context.config
connection = config.attributes.get("connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
