"""documents split and joined: page sources, superseded originals

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 07:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'page_sources',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.String(length=32), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('source_document_id', sa.String(length=32), nullable=False),
        sa.Column('source_page', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id']),
        sa.ForeignKeyConstraint(['source_document_id'], ['documents.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('document_id', 'number'),
    )
    op.create_index(op.f('ix_page_sources_document_id'), 'page_sources', ['document_id'], unique=False)
    op.create_index(op.f('ix_page_sources_source_document_id'), 'page_sources', ['source_document_id'], unique=False)
    # A plain ADD COLUMN (SQLite can, with a default): a batch copy of
    # "documents" would have to drop a table that pages and files point at.
    op.add_column('documents', sa.Column('superseded', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_column('superseded')
    op.drop_index(op.f('ix_page_sources_source_document_id'), table_name='page_sources')
    op.drop_index(op.f('ix_page_sources_document_id'), table_name='page_sources')
    op.drop_table('page_sources')
