"""Errors the pipeline turns into a recorded failure with a reason."""


class BadInput(Exception):
    """The file (or one page of it) cannot be used; the message says why
    in words an operator can act on."""
