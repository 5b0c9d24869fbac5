"""Errors the pipeline turns into a recorded failure with a reason.

A reason is recorded and logged in English, from a template marked with
N_(): the staff pages find the template again and say the reason in the
operator's language (search_api/i18n.py, say_reason)."""


def N_(message: str) -> str:
    """Marks a message template for the translation catalogues (gettext's
    usual no-op marker): the text is kept as it is here."""
    return message


class BadInput(Exception):
    """The file (or one page of it) cannot be used; the message says why
    in words an operator can act on."""


class Refusal(Exception):
    """A request the archive refuses (an unknown account, a correction that
    does not parse, a publication that would leak, pages that do not make
    a document): the message says why, in words a person can act on. The
    command line shows it and exits 1; the web answers it as a 400/409."""
