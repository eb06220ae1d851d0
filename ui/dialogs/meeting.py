"""Record a family meeting: who took part, the family's own words, what was agreed, the next
meeting, and in the same dialog the needs agreed and payments proposed (one save).

The same dialog edits a recorded meeting; needs and payments are then their own records,
changed in their tabs, so the draft lists are left out."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from samjournal.errors import ValidationError
from samjournal.journal import Journal
from samjournal.model import (
    OPEN_NEED_STATUSES,
    FamilyDetail,
    Meeting,
    MeetingKind,
    NeedCategory,
    NeedDraft,
    Participant,
    ParticipantKind,
    PaymentDraft,
    User,
)
from samjournal.records.meetings import Recorded
from ui import fmt, labels
from ui.dialogs.drafts import DraftList, DraftRow, NeedRow, PaymentRow
from ui.dialogs.form import FormDialog, Work
from ui.dialogs.payment import sole_approver_note
from ui.errors import field_message
from ui.session import Session

PARTICIPANT_ROLE = Qt.ItemDataRole.UserRole + 1
NEXT_MEETING_DAYS = 14  # the next meeting offered, unless the staff choose another


def _rounded_now() -> QDateTime:
    now = QDateTime.currentDateTime()
    minute = now.time().minute() // 5 * 5
    return QDateTime(now.date(), QTime(now.time().hour(), minute))


def next_meeting_default(held: QDateTime) -> QDateTime:
    """Two weeks after the meeting, moved on to the Monday if that falls on a weekend (the
    family's copy printed "Søndag 20. desember")."""
    later = held.addDays(NEXT_MEETING_DAYS)
    weekend = later.date().dayOfWeek() - 5  # Qt counts Monday 1 to Sunday 7
    return later.addDays(3 - weekend) if weekend > 0 else later


class MeetingDialog(FormDialog):
    def __init__(
        self,
        session: Session,
        detail: FamilyDetail,
        users: list[User],
        parent: QWidget | None = None,
        meeting: Meeting | None = None,
        *,
        sole_approver: bool = False,  # the only team lead (Payments.sole_approver): say so
    ) -> None:
        title = (
            QCoreApplication.translate("MeetingDialog", "Edit meeting")
            if meeting
            else QCoreApplication.translate("MeetingDialog", "Record meeting")
        )
        super().__init__(session, title, parent)
        self.detail = detail
        self.meeting = meeting
        self.setWindowTitle(title)
        columns = self.columns = QHBoxLayout()
        self.body.removeItem(self.form)
        left_box = QWidget()
        left = QVBoxLayout(left_box)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(self.form)
        left.addStretch(1)
        columns.addWidget(left_box, 2)
        right_form = QFormLayout()
        right_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        columns.addLayout(right_form, 3)
        self.body.addLayout(columns, 1)

        self.held_at = fmt.date_edit(QDateTimeEdit(_rounded_now()))
        self.held_at.setCalendarPopup(True)
        self.add_row(self.tr("&When:"), self.held_at, "held_at")
        self.kind = QComboBox()
        for kind in MeetingKind:
            self.kind.addItem(labels.meeting_kind(kind), kind)
        self.add_row(self.tr("&Kind:"), self.kind, "meeting_kind")
        self.place = QLineEdit()
        self.add_row(self.tr("&Place:"), self.place, "place")

        self.participants = QListWidget()
        self.participants.setAccessibleName(self.tr("Who took part"))
        for member in detail.members:
            role = self.tr("child") if member.is_child else self.tr("adult")
            item = QListWidgetItem(f"{member.name} ({role})")
            item.setData(PARTICIPANT_ROLE, Participant(ParticipantKind.MEMBER, member_id=member.id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.participants.addItem(item)
        for user in users:
            if not user.active:
                continue
            staff_text = self.tr("staff")
            item = QListWidgetItem(f"{user.display_name} ({staff_text})")
            item.setData(PARTICIPANT_ROLE, Participant(ParticipantKind.STAFF, user_id=user.id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            mine = user.id == session.user.id
            item.setCheckState(Qt.CheckState.Checked if mine else Qt.CheckState.Unchecked)
            self.participants.addItem(item)
        self.participants.setMinimumHeight(100)
        self.participants.setMaximumHeight(180)
        self.add_row(self.tr("Who took par&t:"), self.participants, "participants")
        self.partners = QLineEdit()
        self.partners.setPlaceholderText(self.tr("e.g. NAV, school (comma-separated)"))
        self.add_row(self.tr("P&artners:"), self.partners, "partner")

        next_box = QWidget()
        next_row = QHBoxLayout(next_box)
        next_row.setContentsMargins(0, 0, 0, 0)
        self.has_next = QCheckBox(self.tr("Planned"))
        self.next_at = fmt.date_edit(QDateTimeEdit(next_meeting_default(self.held_at.dateTime())))
        self.next_at.setCalendarPopup(True)
        self.next_at.setEnabled(False)
        self.next_at.setAccessibleName(self.tr("Next meeting time"))
        self.has_next.toggled.connect(self.next_at.setEnabled)
        next_row.addWidget(self.has_next)
        next_row.addWidget(self.next_at, 1)
        self.add_row(self.tr("Ne&xt meeting:"), next_box, "next_meeting")

        self.family_words = QPlainTextEdit()
        self.family_words.setTabChangesFocus(True)
        self.family_words.setPlaceholderText(self.tr("What the family said, in their own words"))
        self.add_row(
            self.tr("The family's &own words:"),
            self.family_words,
            "familiens ord",
            form=right_form,
        )
        self.agreed = QPlainTextEdit()
        self.agreed.setTabChangesFocus(True)
        self.agreed.setPlaceholderText(self.tr("What you agreed together, and who does what"))
        self.add_row(self.tr("What was a&greed:"), self.agreed, "agreed", form=right_form)

        needs_box = QGroupBox(self.tr("Needs agreed in this meeting"))
        needs_layout = QVBoxLayout(needs_box)
        self.needs = DraftList(NeedRow, self.tr("Add &need"), self)
        needs_layout.addWidget(self.needs)
        self.needs_error = self.needs.error
        self.register_field(
            self.needs_error, "description", "need", "category", "status", "meeting"
        )
        payments_box = QGroupBox(self.tr("Payments proposed in this meeting"))
        payments_layout = QVBoxLayout(payments_box)
        self.payments = DraftList(PaymentRow, self.tr("Add pa&yment"), self)
        payments_layout.addWidget(self.payments)
        if sole_approver:
            note = QLabel(sole_approver_note())
            note.setWordWrap(True)
            payments_layout.addWidget(note)
        self.register_field(self.payments.error, "amount", "purpose", "method")
        drafts = self.draft_columns = QHBoxLayout()
        drafts.addWidget(needs_box, 2)
        drafts.addWidget(payments_box, 3)
        self.body.addLayout(drafts)
        if meeting is not None:
            needs_box.hide()
            payments_box.hide()
            self._fill(meeting)

        self._open_needs = [
            (n.id, n.description) for n in detail.needs if n.status in OPEN_NEED_STATUSES
        ]
        self.needs.changed.connect(self._refresh_need_choices)
        self.payments.row_added.connect(lambda _row: self._refresh_need_choices())
        for drafts_list in (self.needs, self.payments):
            drafts_list.row_added.connect(self._row_added)
        # A comfortable size on a laptop; showing it shrinks it to the screen (the fields
        # scroll then), so at 1.5x or 2x scaling Save and Cancel stay in view.
        self.resize(1000, 660)

    def _fill(self, meeting: Meeting) -> None:
        self.held_at.setDateTime(fmt.qdatetime(meeting.held_at))
        self.kind.setCurrentIndex(self.kind.findData(meeting.kind))
        self.place.setText(meeting.place)
        taking_part = {(p.kind, p.member_id, p.user_id) for p in meeting.participants}
        for i in range(self.participants.count()):
            item = self.participants.item(i)
            who: Participant = item.data(PARTICIPANT_ROLE)
            checked = (who.kind, who.member_id, who.user_id) in taking_part
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        partners = [p.name for p in meeting.participants if p.kind is ParticipantKind.PARTNER]
        self.partners.setText(", ".join(partners))
        if meeting.next_meeting_at is not None:
            self.has_next.setChecked(True)
            self.next_at.setDateTime(fmt.qdatetime(meeting.next_meeting_at))
        self.family_words.setPlainText(meeting.family_words)
        self.agreed.setPlainText(meeting.agreed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side where there is room; one above the other on a narrow screen (2x
        scaling), so the fields keep their width instead of scrolling sideways (WCAG 1.4.10).
        The Tab order follows either way: it is the layouts' order."""
        narrow = self.width() < 110 * self.fontMetrics().averageCharWidth()
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        for layout in (self.columns, self.draft_columns):
            if layout.direction() != direction:
                layout.setDirection(direction)
        super().resizeEvent(event)

    def _row_added(self, row: DraftRow) -> None:
        """A new row's fields come where they stand in the Tab order (they came after Cancel,
        so Tab never reached the fields above again), and it is scrolled into view whole."""
        self.order_tab()
        self.scroll_body.reveal(row.widgets())

    def _refresh_need_choices(self) -> None:
        drafted = [row.description() for row in self.needs.rows() if isinstance(row, NeedRow)]
        for row in self.payments.rows():
            assert isinstance(row, PaymentRow)
            row.set_need_choices(self._open_needs, drafted)

    # -- adding from code (tests, keyboard macros) ------------------------------------------

    def add_need(self, description: str, category: NeedCategory) -> NeedRow:
        row = self.needs.add()
        assert isinstance(row, NeedRow)
        row.text.setText(description)
        row.category.setCurrentIndex(row.category.findData(category))
        return row

    def add_payment(
        self, amount: str, purpose: str, *, draft_need: int | None = None
    ) -> PaymentRow:
        row = self.payments.add()
        assert isinstance(row, PaymentRow)
        row.amount.setText(amount)
        row.purpose.setText(purpose)
        if draft_need is not None:
            row.need.setCurrentIndex(row.need.findData(f"draft:{draft_need}"))
        return row

    def check_participant(self, text: str) -> None:
        for i in range(self.participants.count()):
            item = self.participants.item(i)
            if item.text().startswith(text):
                item.setCheckState(Qt.CheckState.Checked)

    # -- saving -----------------------------------------------------------------------------

    def done_message(self, result: object) -> None:
        """Said aloud and shown in the status bar: the dialog closes, and a screen-reader user
        heard nothing of the save (WCAG 4.1.3)."""
        self.announce(self.tr("The meeting is saved."))

    def field_text(self, error: ValidationError) -> str:
        found = self._wrong_payment(error)
        if found is None:
            return super().field_text(error)
        number, field = found
        heading = PaymentRow.headings()[0 if field == "amount" else 1]  # its column's
        return (
            self.tr("Payment %1, %2: %3")
            .replace("%1", str(number))
            .replace("%2", heading.lower())
            .replace("%3", field_message(error))
        )

    def _wrong_payment(self, error: ValidationError) -> tuple[int, str] | None:
        """Which payment row (from 1) the core's message is about, and its field: "må være
        større enn null" under three rows named none of them (outside review s20). The first
        row the message fits: its amount not above zero, or its purpose empty."""
        if error.field_id not in ("amount", "purpose"):
            return None
        for number, row in enumerate(self.payments.rows(), 1):
            assert isinstance(row, PaymentRow)
            if row.is_empty():
                continue
            if error.field_id == "purpose" and not row.purpose.text().strip():
                return number, "purpose"
            if error.field_id == "amount":
                try:
                    if row.amount.value().ore <= 0:
                        return number, "amount"
                except ValidationError:
                    return number, "amount"  # not an amount at all
        return None

    def build(self) -> Work:
        held_at = fmt.pydatetime(self.held_at.dateTime())
        kind: MeetingKind = self.kind.currentData()
        place = self.place.text()
        words = self.family_words.toPlainText()
        agreed = self.agreed.toPlainText()
        next_at: dt.datetime | None = (
            fmt.pydatetime(self.next_at.dateTime()) if self.has_next.isChecked() else None
        )
        people: list[Participant] = []
        for i in range(self.participants.count()):
            item = self.participants.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                people.append(item.data(PARTICIPANT_ROLE))
        for name in self.partners.text().split(","):
            if name.strip():
                people.append(Participant(ParticipantKind.PARTNER, name=name.strip()))
        needs: list[NeedDraft] = []
        renumber: dict[int, int] = {}  # row index -> index among the needs saved
        for index, row in enumerate(self.needs.rows()):
            assert isinstance(row, NeedRow)
            if not row.is_empty():
                renumber[index] = len(needs)
                needs.append(row.draft())
        payments: list[PaymentDraft] = []
        for row in self.payments.rows():
            assert isinstance(row, PaymentRow)
            if not row.is_empty():
                draft = row.draft()
                if draft.draft_need is not None:
                    draft = replace(draft, draft_need=renumber.get(draft.draft_need))
                payments.append(draft)
        others = [p for p in people if p.kind is not ParticipantKind.STAFF]
        if not others and not (words.strip() or agreed.strip() or needs or payments):
            # An empty meeting (no one, nothing said) was saved as a line of the case; with the
            # caseworker ticked by default, one click on Save still made one (review s30).
            raise ValidationError(
                "participants",
                self.tr("tick who from the family took part, or write what was said or agreed"),
            )
        family_id = self.detail.family.id
        if self.meeting is not None:
            meeting_id = self.meeting.id

            def update(journal: Journal) -> Meeting:
                return journal.meetings.update(
                    meeting_id,
                    held_at=held_at,
                    kind=kind,
                    place=place,
                    family_words=words,
                    agreed=agreed,
                    next_meeting_at=next_at,
                    participants=people,
                )

            return update

        def record(journal: Journal) -> Recorded:
            return journal.meetings.record(
                family_id,
                held_at,
                kind,
                place=place,
                family_words=words,
                agreed=agreed,
                next_meeting_at=next_at,
                participants=people,
                needs=needs,
                payments=payments,
            )

        return record
