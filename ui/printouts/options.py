"""What to print: the few choices before a document is built (period, identity numbers,
language). "Preview" builds the PDF on the database worker; refusals from the core (a
caseworker asking for a case summary, a period that ends before it starts) appear in the
dialog, beside the field they concern."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from samjournal import reports
from samjournal.journal import Journal
from samjournal.model import Family, FamilyDetail
from ui import fmt
from ui.dialogs.form import FormDialog, Work
from ui.printouts.printout import (
    CASE_SUMMARY,
    FAMILY_COPY,
    PORTFOLIO,
    Printout,
    document_title,
    file_name,
)
from ui.session import Session

LANGUAGES = (("nb", "Norsk bokmål"), ("en", "English"))


def language_combo(current: str) -> QComboBox:
    combo = QComboBox()
    for code, name in LANGUAGES:
        combo.addItem(name, code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class PeriodEdit(QWidget):
    """From and to dates, each with a calendar."""

    def __init__(self, start: dt.date, end: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = self._date_edit(start, self.tr("Period from"))
        self.end = self._date_edit(end, self.tr("Period to"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.start)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.end)
        layout.addStretch(1)
        self.setFocusProxy(self.start)

    @staticmethod
    def _date_edit(value: dt.date, name: str) -> QDateEdit:
        edit = fmt.date_edit(QDateEdit(fmt.qdate(value)))
        edit.setCalendarPopup(True)
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setAccessibleName(name)
        return edit

    def period(self) -> tuple[dt.date, dt.date]:
        return fmt.pydate(self.start.date()), fmt.pydate(self.end.date())


class PeriodChoice(QWidget):
    """The whole case (everything recorded, the builder's default) or only a period."""

    def __init__(self, first_day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.whole = QRadioButton(self.tr("The &whole case"))
        self.only = QRadioButton(self.tr("O&nly:"))
        self.whole.setChecked(True)
        self.dates = PeriodEdit(first_day, dt.date.today())
        self.dates.start.dateChanged.connect(lambda _d: self.only.setChecked(True))
        self.dates.end.dateChanged.connect(lambda _d: self.only.setChecked(True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.whole)
        row = QHBoxLayout()
        row.addWidget(self.only)
        row.addWidget(self.dates, 1)
        layout.addLayout(row)
        self.setFocusProxy(self.whole)

    def period(self) -> tuple[dt.date, dt.date] | None:
        return self.dates.period() if self.only.isChecked() else None


def first_recorded_day(detail: FamilyDetail) -> dt.date:
    """When the case began: the opening date, or anything recorded before it."""
    days = [detail.family.opened_on]
    days += [fmt.local(m.held_at).date() for m in detail.meetings]
    days += [fmt.local(p.proposed_at).date() for p in detail.payments]
    days += [n.raised_on for n in detail.needs]
    days += [c.answered_on for c in detail.checkins]
    return min(days)


class _PrintoutDialog(FormDialog):
    """A form whose "save" is "build the document and preview it"; `saved` carries the
    `Printout`."""

    ASK_BEFORE_DISCARD = False

    def __init__(self, session: Session, title: str, parent: QWidget | None = None) -> None:
        super().__init__(session, title, parent)
        self.save_button.setText(self.tr("&Preview…"))
        self.save_button.setAccessibleName(self.tr("Build the document and preview it"))

    def intro(self, text: str) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        self.body.insertWidget(0, label)


class CaseSummaryDialog(_PrintoutDialog):
    def __init__(
        self, session: Session, detail: FamilyDetail, parent: QWidget | None = None
    ) -> None:
        family = detail.family
        super().__init__(
            session,
            QCoreApplication.translate("CaseSummaryDialog", "Case summary for case %1").replace(
                "%1", family.case_number
            ),
            parent,
        )
        self.family = family
        self.intro(
            self.tr(
                "Members, needs, meetings, payments, check-ins and consents, for the whole case"
                " or a period. Printing it is recorded in the audit log."
            )
        )
        self.period = PeriodChoice(first_recorded_day(detail))
        self.add_row(self.tr("Pe&riod:"), self.period, "period")
        self.show_ids = QCheckBox(self.tr("Show &full identity numbers"))
        self.show_ids.setToolTip(
            self.tr("Only when the reader needs them. Otherwise they are masked (010190 •••••).")
        )
        self.add_row(self.tr("Identity numbers:"), self.show_ids)
        self.language = language_combo(session.settings.language)
        self.add_row(self.tr("&Language:"), self.language, "language")
        self.resize(520, self.sizeHint().height())

    def build(self) -> Work:
        fid, period = self.family.id, self.period.period()
        show_ids, language = self.show_ids.isChecked(), str(self.language.currentData())
        title = f"{document_title(CASE_SUMMARY)} {self.family.case_number}"
        name = file_name(CASE_SUMMARY, self.family.case_number)

        def work(journal: Journal) -> Printout:
            pdf = reports.case_summary(
                journal, fid, period=period, show_national_ids=show_ids, language=language
            )
            return Printout(pdf, CASE_SUMMARY, title, name, fid)

        return work


class FamilyCopyDialog(_PrintoutDialog):
    def __init__(self, session: Session, family: Family, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            QCoreApplication.translate("FamilyCopyDialog", "Family copy for case %1").replace(
                "%1", family.case_number
            ),
            parent,
        )
        self.family = family
        self.intro(
            self.tr(
                "What we agreed, what the municipality will pay and when, the next meeting and"
                " who to call: in plain language and large type, without internal notes."
            )
        )
        self.language = language_combo(family.language)
        self.add_row(self.tr("The family's &language:"), self.language, "language")
        self.resize(480, self.sizeHint().height())

    def build(self) -> Work:
        fid, language = self.family.id, str(self.language.currentData())
        title = f"{document_title(FAMILY_COPY)} {self.family.case_number}"
        name = file_name(FAMILY_COPY, self.family.case_number)

        def work(journal: Journal) -> Printout:
            pdf = reports.family_copy(journal, fid, language=language)
            return Printout(pdf, FAMILY_COPY, title, name, fid)

        return work


class PortfolioDialog(_PrintoutDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session, QCoreApplication.translate("PortfolioDialog", "Portfolio report"), parent
        )
        self.intro(
            self.tr(
                "Figures and charts over every family for the period: families by status,"
                " payments by category and month, budget use, needs and check-in scores."
            )
        )
        today = dt.date.today()
        self.period = PeriodEdit(dt.date(today.year, 1, 1), today)
        self.add_row(self.tr("Pe&riod:"), self.period, "period")
        self.language = language_combo(session.settings.language)
        self.add_row(self.tr("&Language:"), self.language, "language")
        self.resize(520, self.sizeHint().height())

    def build(self) -> Work:
        (start, end), language = self.period.period(), str(self.language.currentData())
        title = f"{document_title(PORTFOLIO)} {fmt.date(start)}–{fmt.date(end)}"
        name = file_name(PORTFOLIO, f"{start.isoformat()}_{end.isoformat()}")

        def work(journal: Journal) -> Printout:
            pdf = reports.portfolio(journal, start=start, end=end, language=language)
            return Printout(pdf, PORTFOLIO, title, name)

        return work
