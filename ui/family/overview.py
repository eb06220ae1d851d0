"""The family at a glance: members, the budget bar, the next meeting and the open needs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from samjournal.model import OPEN_NEED_STATUSES, Member, Need, overdue, planned_meeting
from ui import attention, fmt, labels
from ui.clipboard import copy_sensitive
from ui.dialogs.member import MemberDialog
from ui.dialogs.reason import ReasonDialog
from ui.family.budget_bar import BudgetBar
from ui.family.tab import FamilyTab
from ui.instrument.due import dues_text
from ui.session import Session
from ui.table_model import Column, RecordTableModel, record_table, selected_record


def masked(national_id: str | None) -> str:
    if not national_id:
        return ""
    return national_id[:6] + " •••••"


class _TallEnough(QObject):
    """Keeps a box as tall as its wrapped text needs at its width. Layouts in the family's
    tabs count a box's least height, not the height for its width, and at 200 % scaling the
    budget's legend and the check-in's words were cut off at the boxes' bottom."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            needed = watched.heightForWidth(watched.width())
            if needed > 0 and needed != watched.minimumHeight():
                watched.setMinimumHeight(needed)
        return False


class OverviewTab(FamilyTab):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._tall_enough = _TallEnough(self)
        yes = self.tr("yes")
        self.members = RecordTableModel[Member](
            [
                # The name keeps LEAST_CHARS; the headings wider than their values give way
                # first, those that say least last (outside review s20: names read "Ing…").
                Column(self.tr("Name"), lambda m: m.name, stretch=True),
                Column(
                    self.tr("Adult/child"),
                    lambda m: self.tr("child") if m.is_child else self.tr("adult"),
                    give_way=2,
                ),
                Column(self.tr("Born"), lambda m: str(m.birth_year or ""), give_way=5),
                Column(self.tr("Identity number"), lambda m: masked(m.national_id), give_way=3),
                Column(self.tr("Phone"), lambda m: m.phone, give_way=4),
                Column(
                    labels.primary_contact(),
                    lambda m: yes if m.primary_contact else "",
                    give_way=1,
                ),
            ],
            self,
        )
        self.members_view = record_table(self.members, self.tr("Members"))
        self.members_view.doubleClicked.connect(lambda _i: self.edit_member())
        self.add_button = QPushButton(self.tr("A&dd member…"))
        self.edit_button = QPushButton(self.tr("&Edit member…"))
        self.remove_button = QPushButton(self.tr("&Remove member…"))
        self.copy_button = QPushButton(self.tr("Copy identity &number"))
        self.copy_button.setToolTip(self.tr("The clipboard is cleared again after 30 seconds."))
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_member)
        self.remove_button.clicked.connect(self.remove_member)
        self.copy_button.clicked.connect(self.copy_national_id)
        members_box = QGroupBox(self.tr("Members"))
        members_layout = QVBoxLayout(members_box)
        members_layout.addWidget(self.members_view, 1)
        members_layout.addWidget(self.message)  # by the buttons: it moves no list nor them
        buttons = QGridLayout()  # two by two: in one line they set a width too wide for 2x
        for index, button in enumerate(
            (self.add_button, self.edit_button, self.remove_button, self.copy_button)
        ):
            buttons.addWidget(button, index // 2, index % 2)
        buttons.setColumnStretch(2, 1)
        members_layout.addLayout(buttons)

        self.budget = BudgetBar()
        # Every payment since the case opened counts against the frame (records.budget_of, the
        # case list's and the approvals' figures too): it said "this year" and counted 2025's.
        budget_box = QGroupBox(self.tr("Budget since the case opened"))
        budget_box.setToolTip(
            self.tr(
                "Paid and approved since the case opened, against the family's budget frame."
                " To give a new year its own room, the team lead raises the frame."
            )
        )
        QVBoxLayout(budget_box).addWidget(self.budget)
        self.next_meeting = QLabel()
        self.next_meeting.setWordWrap(True)
        self.last_meeting = QLabel()
        self.last_meeting.setWordWrap(True)  # its kind after the time: 200 % scaling had no room
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        meeting_box = QGroupBox(self.tr("Meetings"))
        meeting_layout = QGridLayout(meeting_box)
        meeting_layout.addWidget(QLabel(self.tr("Next:")), 0, 0)
        meeting_layout.addWidget(self.next_meeting, 0, 1)
        meeting_layout.addWidget(QLabel(self.tr("Last:")), 1, 0)
        meeting_layout.addWidget(self.last_meeting, 1, 1)
        self.checkin_due = QLabel()  # a baseline or follow-up due or overdue, in words
        self.checkin_due.setWordWrap(True)
        checkin_caption = QLabel(self.tr("Check-in:"))
        checkin_caption.setBuddy(self.checkin_due)
        self.checkin_due.setAccessibleName(self.tr("Check-in due"))
        meeting_layout.addWidget(checkin_caption, 2, 0, Qt.AlignmentFlag.AlignTop)
        meeting_layout.addWidget(self.checkin_due, 2, 1)
        meeting_layout.setColumnStretch(1, 1)
        self.open_needs = RecordTableModel[Need](
            [
                Column(self.tr("Open need"), lambda n: n.description, stretch=True),
                Column(self.tr("Category"), lambda n: labels.need_category(n.category)),
                Column(self.tr("Status"), lambda n: labels.need_status(n.status)),
            ],
            self,
        )
        self.open_needs_view = record_table(self.open_needs, self.tr("Open needs"))
        needs_box = QGroupBox(self.tr("Open needs"))
        QVBoxLayout(needs_box).addWidget(self.open_needs_view)

        for box in (budget_box, meeting_box):
            box.installEventFilter(self._tall_enough)
        right = QVBoxLayout()
        right.addWidget(budget_box)
        right.addWidget(meeting_box)
        right.addWidget(needs_box, 1)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.facts)
        left.addWidget(members_box, 1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)

    def refresh(self) -> None:
        data = self.data
        if data is None:
            return
        detail = data.detail
        family = detail.family
        self.members.set_rows(detail.members)
        self.budget.set_budget(detail.budget)
        # As in the case list: what the latest meeting planned (a later meeting replaces it).
        upcoming = planned_meeting(detail.meetings)
        self.next_meeting.setText(
            attention.next_meeting(upcoming) if upcoming else self.tr("not planned")
        )
        attention.mark(self.next_meeting, overdue(upcoming))
        last = detail.meetings[0] if detail.meetings else None
        self.last_meeting.setText(
            f"{fmt.datetime(last.held_at)} — {labels.meeting_kind(last.kind)}"
            if last
            else self.tr("none yet")
        )
        self.checkin_due.setText(dues_text(data.due))
        attention.mark(self.checkin_due, any(d.overdue for d in data.due))
        self.open_needs.set_rows([n for n in detail.needs if n.status in OPEN_NEED_STATUSES])
        self.facts.setText(
            self.tr("Caseworker: %1 · District: %2 · Opened %3")
            .replace("%1", detail.owner.display_name)
            .replace("%2", family.district or "–")
            .replace("%3", fmt.date(family.opened_on))
        )

    # -- actions ----------------------------------------------------------------------------

    def add_member(self) -> None:
        if self.data:
            self.open_dialog(MemberDialog(self.session, self.data.family_id, parent=self))

    def selected_member(self) -> Member | None:
        member = selected_record(self.members_view)
        if member is None:
            self.ask_to_choose(
                self.members_view,
                self.tr("Choose a member in the list first."),
                self.tr("No members yet: add one first."),
            )
        return member if isinstance(member, Member) else None

    def edit_member(self) -> None:
        member = self.selected_member()
        if member and self.data:
            self.open_dialog(
                MemberDialog(self.session, self.data.family_id, member=member, parent=self)
            )

    def remove_member(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        member_id = member.id
        self.open_dialog(
            ReasonDialog(
                self.session,
                self.tr("Remove member"),
                self.tr("Remove %1 from the family? The record is kept in the history.").replace(
                    "%1", member.name
                ),
                lambda journal, reason: journal.members.remove(member_id, reason),
                confirm_text=self.tr("Re&move"),
                parent=self,
            )
        )

    def copy_national_id(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        if not member.national_id:
            self.show_info(self.tr("This member has no identity number recorded."))
            return
        copy_sensitive(member.national_id)
        self.show_info(self.tr("Copied. The clipboard is cleared in 30 seconds."))
