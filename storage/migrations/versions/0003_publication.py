"""publication state of documents

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 04:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('publication', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('published_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('public_pdf_blob', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_documents_publication'), ['publication'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_publication'))
        batch_op.drop_column('public_pdf_blob')
        batch_op.drop_column('published_at')
        batch_op.drop_column('publication')
