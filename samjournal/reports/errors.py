"""Errors of the report builders, under the core's one tree."""

from __future__ import annotations

from samjournal.errors import SamJournalError


class ReportError(SamJournalError):
    """A PDF could not be made; nothing was printed or saved."""


class ReportFontsMissing(ReportError):
    """The report fonts (resources/fonts) are missing or unreadable."""


class ReportLayoutFailed(ReportError):
    """The document could not be laid out on pages (a bug: user text must always fit)."""
