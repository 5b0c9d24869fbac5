"""page quality

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 02:28:34.001773
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quality', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('blank', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('needs_attention', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('attention_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('skew', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('preparation', sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f('ix_pages_needs_attention'), ['needs_attention'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pages_needs_attention'))
        batch_op.drop_column('preparation')
        batch_op.drop_column('skew')
        batch_op.drop_column('attention_reason')
        batch_op.drop_column('needs_attention')
        batch_op.drop_column('blank')
        batch_op.drop_column('quality')

