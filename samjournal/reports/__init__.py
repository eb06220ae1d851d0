"""Printed documents, built as PDF bytes in memory (never a temp file).

- `case_summary`: the whole case for a period (team leads).
- `family_copy`: what we agreed, for the family to take home (large type, their language).
- `portfolio`: figures and charts for all families over a period (team leads).
- `recovery_sheet`: the recovery key for the safe.
- `access_log`: who viewed or changed a family's records, and when (team leads).

Every builder audits the document as `Action.VIEW` (which document, never its content) before it
lays it out, so the audit chain head printed on the page includes it. Building is a read, not a
print: a preview closed unprinted must not tell an access-log reader that a paper copy exists.
Saving the bytes to a file is the caller's explicit choice, audited as `Action.EXPORT`
(`save_pdf`, `cli_build`); sending them to a printer is the client's, audited as `Action.PRINT`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from samjournal.audit import Action
from samjournal.errors import PermissionDenied
from samjournal.folder import JournalFolder
from samjournal.fsutil import atomic_write
from samjournal.journal import Journal
from samjournal.messages import invalid, keyed
from samjournal.model import FamilyId, Role
from samjournal.reports import (
    access_history,
    copy_for_family,
    portfolio_figures,
    recovery_key_sheet,
    summary,
)
from samjournal.reports.errors import ReportError, ReportFontsMissing, ReportLayoutFailed
from samjournal.reports.fonts import ensure_fonts
from samjournal.reports.labels import CONFIDENTIAL

__all__ = [
    "CONFIDENTIAL",
    "ReportError",
    "ReportFontsMissing",
    "ReportLayoutFailed",
    "access_log",
    "case_summary",
    "cli_build",
    "ensure_fonts",
    "family_copy",
    "find_family",
    "portfolio",
    "recovery_sheet",
    "save_pdf",
    "saved_detail",
]

ReportKind = Literal["summary", "family", "portfolio", "access-log", "recovery-sheet"]


def case_summary(
    journal: Journal,
    family_id: FamilyId,
    *,
    period: tuple[dt.date, dt.date] | None = None,
    show_national_ids: bool = False,
    language: str | None = None,
) -> bytes:
    """The case summary (team lead only). `period` defaults to opened..today; identity numbers
    are masked unless `show_national_ids`; language defaults to the journal's setting."""
    job = summary.gather(
        journal, family_id, period=period, show_national_ids=show_national_ids, language=language
    )
    return summary.render(job)


def family_copy(
    journal: Journal,
    family_id: FamilyId,
    *,
    language: str | None = None,
    since: dt.date | None = None,
) -> bytes:
    """The family's copy, in `language` (default: the family's own, "nb" or "en"). Agreements
    since `since` (default: the last six months), newest first."""
    return copy_for_family.build(journal, family_id, language=language, since=since)


def portfolio(
    journal: Journal, *, start: dt.date, end: dt.date, language: str | None = None
) -> bytes:
    """Figures and charts over every family for `start`..`end` (team lead only)."""
    return portfolio_figures.build(journal, start=start, end=end, language=language)


# The recovery sheet: its builder as it is. Pass `journal` (when one is open) to audit the print.
recovery_sheet = recovery_key_sheet.build


def access_log(journal: Journal, family_id: FamilyId, *, language: str | None = None) -> bytes:
    """Who viewed or changed the family's records and when: the family's right to know (team lead
    only). Language defaults to the journal's setting."""
    return access_history.build(journal, family_id, language=language)


def find_family(journal: Journal, case_number: str) -> FamilyId:
    """The family with this case number, among those the user may see."""
    return journal.families.by_case_number(case_number)


def _pdf_path(target: Path | str) -> Path:
    path = Path(target)
    if path.suffix.lower() != ".pdf":
        raise invalid("file", "file_name_end_pdf")
    if not path.parent.is_dir():
        raise invalid("file", "folder_missing")
    return path


def saved_detail(document: str) -> str:
    """The audit detail of a document saved as a PDF ("case_summary saved as pdf")."""
    return f"{document} saved as pdf"


def save_pdf(
    pdf: bytes,
    target: Path | str,
    *,
    journal: Journal | None = None,
    document: str = "",
    family_id: FamilyId | None = None,
) -> Path:
    """Write a PDF the user chose to save, atomically (never a half-written file).

    With `journal`, the save is audited as an export of `document` ("case_summary", ...); the
    file name is not recorded (it may name the family).
    """
    path = _pdf_path(target)
    atomic_write(path, pdf)
    if journal is not None:
        entity, entity_id = ("family", family_id) if family_id is not None else ("journal", "")
        journal.record_event(
            Action.EXPORT, entity, entity_id, family_id, detail=saved_detail(document)
        )
    return path


def cli_build(
    journal: Journal,
    kind: ReportKind,
    out: Path | str,
    *,
    case_number: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    show_national_ids: bool = False,
    language: str | None = None,
    recovery_key: str | None = None,
) -> Path:
    """What `samjournal report summary|family|portfolio|access-log|recovery-sheet` does: build,
    then save.

    summary: `case_number` required; `start`/`end` optional (both or neither).
    family, access-log: `case_number` required. portfolio: `start` and `end` required.
    recovery-sheet: `recovery_key` (typed in, never stored) must be this journal's.
    """
    _pdf_path(out)  # before anything is built or audited
    if kind == "recovery-sheet":
        return _recovery_sheet_again(journal, out, recovery_key or "", language)
    if (start is None) != (end is None):
        raise invalid("period", "give_both_from_neither")
    if kind in ("summary", "portfolio", "access-log") and journal.user.role is not Role.TEAMLEAD:
        raise keyed(PermissionDenied, "team_lead_print_report")
    fid: FamilyId | None = None
    if kind in ("summary", "family", "access-log"):
        if not case_number:
            raise invalid("case_number", "required_report")
        fid = find_family(journal, case_number)
        if kind == "summary":
            period = (start, end) if start is not None and end is not None else None
            pdf = case_summary(
                journal,
                fid,
                period=period,
                show_national_ids=show_national_ids,
                language=language,
            )
            document = "case_summary"
        elif kind == "family":
            pdf = family_copy(journal, fid, language=language)
            document = "family_copy"
        else:
            pdf = access_log(journal, fid, language=language)
            document = "access_log"
    elif kind == "portfolio":
        if start is None or end is None:
            raise invalid("period", "portfolio_report_needs_from")
        pdf = portfolio(journal, start=start, end=end, language=language)
        document = "portfolio"
    else:
        raise invalid("report", "choose_summary_family_portfolio")
    return save_pdf(pdf, out, journal=journal, document=document, family_id=fid)


def _recovery_sheet_again(
    journal: Journal, out: Path | str, recovery_key: str, language: str | None
) -> Path:
    """The sheet printed again from the key on the old one (worn, or a second safe): only the
    journal's own key, checked against its recovery slot, so a typing mistake is never printed."""
    if journal.user.role is not Role.TEAMLEAD:
        raise keyed(PermissionDenied, "team_lead_print_recovery")
    if not JournalFolder(journal.path).keyring().opens_recovery(recovery_key):
        raise invalid("recovery_key", "enter_journal_recovery_key")
    pdf = recovery_sheet(
        recovery_key=recovery_key,
        journal_id=journal.journal_id,
        printed_by=journal.user.display_name,
        created=recovery_key_sheet.key_made(journal),
        language=language or journal.settings().language,
        journal=journal,
    )
    return save_pdf(pdf, out, journal=journal, document="recovery_sheet")
