"""Personal-data detection and redaction.

So far the structured identifiers (ПИН, passports, phones, e-mail, cards,
accounts, vehicle plates, dates of birth, addresses: anonymise/identifiers.py),
each validated. Persons (names in both languages, roles, propagation,
officials kept) come next; until then nothing is published.
"""

from anonymise.detect import Policy, all_sure, anonymise
from anonymise.entity import AnonymisationResult, Entity
from anonymise.result import redact

__all__ = ["AnonymisationResult", "Entity", "Policy", "all_sure", "anonymise", "redact"]
