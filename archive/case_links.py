"""Acts linked by case number: the start of appeal chains.

A Supreme Court act carries its own number and the lower courts'
("Дело № ГД-15940/24Б3", "К/п 05-494/26 ГД"). The catalog keeps each
(storage.models.CaseNumber), so the regional court's act filed under
"ГД-15940/24Б3" and the Supreme Court's act that reviewed it find each
other, whichever came into the archive first.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from archive.services import Services
from metadata import Metadata
from metadata.case_numbers import number_key
from storage.models import CaseNumber, Document


@dataclass(frozen=True)
class Link:
    document_id: str
    title: str
    relation: str  # "lower" (this act reviewed it), "review" (it reviewed this act), "same" (one case number)
    number: str


def record(session: Session, document_id: str, found: Metadata) -> None:
    """The act's case numbers as the catalog keeps them, replacing what it had."""
    session.execute(delete(CaseNumber).where(CaseNumber.document_id == document_id))
    numbers = [(found.case_number, "deciding")] if found.case_number else []
    numbers += [(n, "other") for n in found.other_numbers] + [(n, "lower") for n in found.lower_case_numbers]
    for number, role in numbers:
        session.add(CaseNumber(document_id=document_id, number=number[:80], key=number_key(number)[:80], role=role))


def linked(svc: Services, document_id: str) -> list[Link]:
    """Other acts in the archive that share a case number with this one,
    and how: the lower court's act this one reviewed, a review of this one,
    or another act in the same case."""
    with svc.catalog.read() as session:
        own = list(session.scalars(select(CaseNumber).where(CaseNumber.document_id == document_id)))
        if not own:
            return []
        keys = {n.key: n for n in own}
        rows = session.execute(
            select(CaseNumber, Document.title, Document.source_name).join(Document, Document.id == CaseNumber.document_id)
            .where(CaseNumber.key.in_(keys), CaseNumber.document_id != document_id, Document.superseded.is_(False))
            .order_by(CaseNumber.document_id)).all()
    links = []
    for other, title, source in rows:
        mine = keys[other.key]
        if mine.role == "lower" and other.role != "lower":
            relation = "lower"
        elif other.role == "lower" and mine.role != "lower":
            relation = "review"
        else:
            relation = "same"
        links.append(Link(other.document_id, title or source, relation, other.number))
    return list(dict.fromkeys(links))
