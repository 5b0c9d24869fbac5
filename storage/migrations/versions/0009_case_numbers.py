"""case numbers of each act, the deciding court's and the lower courts'

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 09:05:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'case_numbers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.String(length=32), nullable=False),
        sa.Column('number', sa.String(length=80), nullable=False),
        sa.Column('key', sa.String(length=80), nullable=False),
        sa.Column('role', sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_case_numbers_document_id'), 'case_numbers', ['document_id'], unique=False)
    op.create_index(op.f('ix_case_numbers_key'), 'case_numbers', ['key'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_case_numbers_key'), table_name='case_numbers')
    op.drop_index(op.f('ix_case_numbers_document_id'), table_name='case_numbers')
    op.drop_table('case_numbers')
