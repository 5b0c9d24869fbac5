"""Personal-data detection and redaction.

So far the structured identifiers (ПИН, passports, phones, e-mail, cards,
accounts, vehicle plates, dates of birth, addresses: anonymise/identifiers.py),
each validated. Persons (names in both languages, roles, propagation,
officials kept) come next; until then nothing is published.
"""

from anonymise.detect import Policy, anonymise
from anonymise.result import AnonymisationResult, Entity, redact

__all__ = ["AnonymisationResult", "Entity", "Policy", "anonymise", "redact"]
