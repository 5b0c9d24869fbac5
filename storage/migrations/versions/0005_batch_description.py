"""batches described: archive reference, court, who scanned

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 07:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('batches', schema=None) as batch_op:
        batch_op.add_column(sa.Column('archive_ref', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('court', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('scanned_by', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('batches', schema=None) as batch_op:
        batch_op.drop_column('scanned_by')
        batch_op.drop_column('court')
        batch_op.drop_column('archive_ref')
