"""Personal-data detection and redaction.

Structured identifiers (ПИН, passports, phones, e-mail, cards, accounts,
vehicle plates, dates of birth, addresses: anonymise/identifiers.py), each
validated, and persons (names in both languages, roles, propagation,
officials kept: anonymise/persons.py), found over a whole document; the
independent leak check (anonymise/leaks.py) looks for what they missed.
"""

from anonymise.detect import Policy, all_sure, anonymise, preload
from anonymise.entity import AnonymisationResult, Entity
from anonymise.result import redact

__all__ = ["AnonymisationResult", "Entity", "Policy", "all_sure", "anonymise", "preload", "redact"]
