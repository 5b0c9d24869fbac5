"""a session version per account, so logout and a new password end every session

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 10:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite has it): no table copy holding the write lock
    # while other workers start and migrate too.
    op.add_column('users', sa.Column('session_version', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.drop_column('session_version')
