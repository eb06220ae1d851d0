"""Evaluation export in the client (team lead only): the export wizard, the export history with
delivery status and receipt import, and the study-profile import with its fingerprint check.

The openers below are what the main window's Team lead menu calls; each does nothing for a
caseworker (the core refuses them too).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.export.history import ExportHistoryDialog
from ui.export.study_import import ImportStudyDialog
from ui.export.wizard import ExportWizard
from ui.session import Session


def open_export_wizard(session: Session, parent: QWidget | None = None) -> ExportWizard | None:
    if not session.is_teamlead:
        return None
    wizard = ExportWizard(session, parent)

    def import_profile() -> None:
        dialog = open_import_study(session, wizard)
        if dialog is not None:
            dialog.imported.connect(lambda p: _reload_and_select(wizard, p.id))

    wizard.import_requested.connect(import_profile)
    wizard.open()
    return wizard


def _reload_and_select(wizard: ExportWizard, study_id: str) -> None:
    page = wizard.study_page
    page.reload()
    page.select_when_loaded(study_id)


def open_export_history(
    session: Session, parent: QWidget | None = None
) -> ExportHistoryDialog | None:
    if not session.is_teamlead:
        return None
    dialog = ExportHistoryDialog(session, parent)
    dialog.open()
    return dialog


def open_import_study(session: Session, parent: QWidget | None = None) -> ImportStudyDialog | None:
    if not session.is_teamlead:
        return None
    dialog = ImportStudyDialog(session, parent)
    dialog.open()
    return dialog


__all__ = [
    "ExportHistoryDialog",
    "ExportWizard",
    "ImportStudyDialog",
    "open_export_history",
    "open_export_wizard",
    "open_import_study",
]
