"""The family's access log (team lead): who viewed or changed the family's records, and when.
Only the language to choose; the preview is the same as for every printout."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from samjournal import reports
from samjournal.journal import Journal
from samjournal.model import Family
from ui.dialogs.form import Work
from ui.printouts.options import _PrintoutDialog, language_combo
from ui.printouts.printout import ACCESS_LOG, Printout, document_title, file_name
from ui.session import Session


class AccessLogDialog(_PrintoutDialog):
    def __init__(self, session: Session, family: Family, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            QCoreApplication.translate("AccessLogDialog", "Access log for case %1").replace(
                "%1", family.case_number
            ),
            parent,
        )
        self.family = family
        self.intro(
            self.tr(
                "Who has viewed, printed or changed the family's records, and when: the"
                " family's right to know. It shows no record content. Printing it is recorded"
                " in the audit log."
            )
        )
        self.language = language_combo(family.language)
        self.add_row(self.tr("&Language:"), self.language, "language")
        self.resize(480, self.sizeHint().height())

    def build(self) -> Work:
        fid, language = self.family.id, str(self.language.currentData())
        title = f"{document_title(ACCESS_LOG)} {self.family.case_number}"
        name = file_name(ACCESS_LOG, self.family.case_number)

        def work(journal: Journal) -> Printout:
            pdf = reports.access_log(journal, fid, language=language)
            return Printout(pdf, ACCESS_LOG, title, name, fid)

        return work
