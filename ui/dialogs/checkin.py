"""Record a check-in with the instrument the family's studies hold (the journal's own when none).

One page per respondent: each adult, each child old enough for the child items, and the
caseworker. Every question starts at "Not answered"; Save records one check-in per page that
has an answer. Editing opens the one page of the check-in, and the core keeps the old version.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QTabWidget, QWidget

from samjournal.instruments.model import Answer, Instrument, Occasion
from samjournal.journal import Journal
from samjournal.messages import invalid
from samjournal.model import Checkin
from ui import fmt, labels
from ui.dialogs.form import FormDialog, Work
from ui.family.data import FamilyData
from ui.instrument.due import due_text
from ui.instrument.page import PageSpec, RespondentPage, page_specs, page_title
from ui.session import Session
from ui.translations import ui_language


class CheckinDialog(FormDialog):
    def __init__(
        self,
        session: Session,
        data: FamilyData,
        parent: QWidget | None = None,
        *,
        checkin: Checkin | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("CheckinDialog", "Edit check-in")
            if checkin
            else QCoreApplication.translate("CheckinDialog", "Record check-in")
        )
        super().__init__(session, title, parent)
        self.data = data
        self.family_id = data.family_id
        self.checkin = checkin
        lang = ui_language()
        self.instrument = QComboBox()
        if checkin is not None:
            shown: tuple[Instrument, ...] = (data.instrument(checkin.instrument),)
        else:
            shown = data.instruments
        for instrument in shown:
            self.instrument.addItem(
                self.tr("%1 (version %2)")
                .replace("%1", instrument.title.get(lang))
                .replace("%2", str(instrument.version)),
                instrument,
            )
        self.add_row(self.tr("&Instrument:"), self.instrument, "instrument")
        # Several studies with an instrument each: the user picks one first; one is just named.
        self.instrument.setEnabled(len(shown) > 1)
        self.occasion = QComboBox()
        for occasion in Occasion:
            self.occasion.addItem(labels.label(occasion), occasion)
        self.add_row(self.tr("&Occasion:"), self.occasion, "occasion")
        self.due_note = QLabel()
        self.add_note(self.due_note)
        self.answered_on = fmt.date_edit(QDateEdit(QDate.currentDate()))
        self.answered_on.setCalendarPopup(True)
        self.answered_on.setMaximumDate(QDate.currentDate())
        self.add_row(self.tr("&Date:"), self.answered_on, "date")
        self.pages = QTabWidget()
        self.pages.setAccessibleName(self.tr("Respondents"))
        self.pages.setUsesScrollButtons(True)
        self.body.addWidget(self.pages, 1)
        hint = QLabel(
            self.tr(
                "One page per respondent (Ctrl+Tab for the next). A question left at"
                " “Not answered” is saved as not answered; a page without answers is not saved."
            )
        )
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self.no_members = QLabel(
            self.tr(
                "No adult is recorded in the family: add the members (Overview, Add member)"
                " to record their own answers."
            )
        )
        self.no_members.setWordWrap(True)
        self.body.addWidget(self.no_members)
        self.no_members.setVisible(
            checkin is None and not any(not m.is_child for m in data.detail.members)
        )
        if checkin is not None:
            self.occasion.setCurrentIndex(max(self.occasion.findData(checkin.occasion), 0))
            self.answered_on.setDate(fmt.qdate(checkin.answered_on))
            for field in (self.occasion, self.answered_on):
                field.setEnabled(False)  # the core changes the answers of a check-in only
        self.instrument.currentIndexChanged.connect(lambda _i: self._show_instrument())
        self.answered_on.dateChanged.connect(lambda _d: self._rechoose_pages())
        self._show_instrument()
        self.resize(560, 640)

    # -- pages ------------------------------------------------------------------------------

    def current_instrument(self) -> Instrument:
        instrument = self.instrument.currentData()
        assert isinstance(instrument, Instrument)
        return instrument

    def current_occasion(self) -> Occasion:
        return Occasion(self.occasion.currentData())  # Qt hands a StrEnum back as str

    def _specs(self, instrument: Instrument) -> list[PageSpec]:
        members = self.data.detail.members
        checkin = self.checkin
        if checkin is None:  # a child is asked by its age on the check-in's day, not today's
            return page_specs(instrument, members, fmt.pydate(self.answered_on.date()))
        # The one page of the check-in: its respondent, every item it has for them.
        member = self.data.member(checkin.member_id)
        return [PageSpec(checkin.respondent, member, instrument.items_for(checkin.respondent))]

    def _show_instrument(self) -> None:
        instrument = self.current_instrument()
        answers = self.checkin.answers if self.checkin is not None else None
        self._fill(self._specs(instrument), lambda _spec: answers)
        if self.checkin is None:
            self._preset_occasion(instrument)

    def _fill(
        self,
        specs: list[PageSpec],
        answers: Callable[[PageSpec], Mapping[str, Answer] | None],
    ) -> None:
        self.pages.clear()
        for spec in specs:
            self.pages.addTab(RespondentPage(spec, answers(spec)), page_title(spec))
        self._ordered = False  # the new fields take their place in the tab order
        self.order_tab()

    def _rechoose_pages(self) -> None:
        """Another day can make a child old enough for a page or an item, or too young: the
        pages follow the day, and what is already answered stays where the page stays."""
        if self.checkin is not None:
            return
        specs = self._specs(self.current_instrument())
        shown = self.page_list()

        def layout(pages: list[PageSpec]) -> list[tuple[object, tuple[str, ...]]]:
            return [(p.key, tuple(i.id for i in p.items)) for p in pages]

        if layout(specs) == layout([p.spec for p in shown]):
            return  # the same pages: nothing to redo under the user's hands
        given = {p.spec.key: p.answers() for p in shown}
        current = self.pages.currentWidget()
        current_key = current.spec.key if isinstance(current, RespondentPage) else None
        self._fill(specs, lambda spec: given.get(spec.key))
        for index, page in enumerate(self.page_list()):
            if page.spec.key == current_key:
                self.pages.setCurrentIndex(index)

    def _preset_occasion(self, instrument: Instrument) -> None:
        """The occasion that is due for this instrument (the most pressing), else "other"."""
        dues = sorted(
            (d for d in self.data.due if d.instrument == instrument.ref),
            key=lambda d: (not d.overdue, d.due_on),
        )
        occasion = dues[0].occasion if dues else Occasion.OTHER
        self.occasion.setCurrentIndex(max(self.occasion.findData(occasion), 0))
        self.due_note.setText(due_text(dues[0]) if dues else self.tr("No check-in is due."))

    def page_list(self) -> list[RespondentPage]:
        pages = (self.pages.widget(i) for i in range(self.pages.count()))
        return [p for p in pages if isinstance(p, RespondentPage)]

    def set_answer(self, item_id: str, value: int | str | None, page: int = 0) -> None:
        """Give an answer as a person would pick it (for tests and the screenshots)."""
        self.page_list()[page].widgets[item_id].set_answer(value)

    # -- saving -----------------------------------------------------------------------------

    def done_message(self, result: object) -> None:
        """Said aloud and shown in the status bar once the page shows it, as a meeting's save
        is (the dialog closed, and nothing said the check-in was saved: outside review)."""
        several = isinstance(result, list) and len(result) > 1  # one per respondent's page
        self.announce(
            self.tr("The check-ins are saved.") if several else self.tr("The check-in is saved.")
        )

    def build(self) -> Work:
        given = [(p.spec, p.answers()) for p in self.page_list() if p.answered()]
        if not given:
            raise invalid("answer", "answers_none")  # the core says the same when none is given
        ref = self.current_instrument().ref
        family_id = self.family_id
        occasion = self.current_occasion()
        answered_on = fmt.pydate(self.answered_on.date())
        checkin = self.checkin
        if checkin is not None:
            answers = given[0][1]
            checkin_id, version = checkin.id, checkin.version
            return lambda j: [j.checkins.update(checkin_id, answers, expected_version=version)]

        def record(journal: Journal) -> list[Checkin]:
            return [
                journal.checkins.record(
                    family_id,
                    ref,
                    answers,
                    respondent=spec.respondent,
                    member_id=None if spec.member is None else spec.member.id,
                    occasion=occasion,
                    answered_on=answered_on,
                )
                for spec, answers in given
            ]

        return record
