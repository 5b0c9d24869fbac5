"""pages re-scanned and flags resolved by operators

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 07:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('replacement_blob', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('attention_resolution', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.drop_column('attention_resolution')
        batch_op.drop_column('replacement_blob')
