"""Personal-data detection and redaction.

For now a pass-through that detects nothing: the pipeline stage, the
command and the data shapes exist so that the detectors can be added
without touching their callers. Until then nothing is published.
"""

from anonymise.result import AnonymisationResult, Entity, anonymise

__all__ = ["AnonymisationResult", "Entity", "anonymise"]
