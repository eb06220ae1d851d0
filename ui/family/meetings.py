"""The meetings timeline: newest first, the chosen meeting's notes beside the list."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from samjournal.model import Meeting, MeetingId, ParticipantKind
from samjournal.records.meetings import Recorded, proposed_in
from ui import fmt, labels
from ui.dialogs.meeting import MeetingDialog
from ui.dialogs.reason import ReasonDialog
from ui.family.tab import FamilyTab
from ui.session import Session
from ui.table_model import Column, RecordTableModel, record_table, selected_record


class MeetingsTab(FamilyTab):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = RecordTableModel[Meeting](
            [
                Column(self.tr("When"), lambda m: fmt.datetime(m.held_at)),
                Column(self.tr("Kind"), lambda m: labels.meeting_kind(m.kind)),
                Column(self.tr("Place"), lambda m: m.place, stretch=True),
            ],
            self,
        )
        self.view = record_table(self.model, self.tr("Meetings"))
        self._saved_id: MeetingId | None = None  # recorded, to be chosen once listed
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.notes = QTextBrowser()
        self.notes.setAccessibleName(self.tr("Meeting notes"))
        self.notes.setOpenLinks(False)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(self.notes)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.record_button = QPushButton(self.tr("&Record meeting…"))
        self.record_button.clicked.connect(self.record_meeting)
        self.edit_button = QPushButton(self.tr("&Edit meeting…"))
        self.edit_button.setAccessibleName(self.tr("Edit the chosen meeting"))
        self.edit_button.clicked.connect(self.edit_meeting)
        self.remove_button = QPushButton(self.tr("Re&move meeting…"))
        self.remove_button.clicked.connect(self.remove_meeting)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)  # by the buttons: a message moves no list nor them
        layout.addLayout(buttons)

    def refresh(self) -> None:
        if self.data is None:
            return
        selected = selected_record(self.view)
        kept = selected.id if isinstance(selected, Meeting) else None
        self.model.set_rows(self.data.detail.meetings)
        ids = [m.id for m in self.model.rows()]
        if self._saved_id in ids:
            kept, self._saved_id = self._saved_id, None  # shown: the user chooses from now on
        if ids:
            row = ids.index(kept) if kept in ids else 0
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        self._show_selected()

    def _select_when_listed(self, recorded: Recorded) -> None:
        """Choose a meeting just recorded, once the reloaded list holds it: the notes showed
        an older one (review s10 #19)."""
        self._saved_id = recorded.meeting.id
        self.refresh()

    def _show_selected(self) -> None:
        meeting = selected_record(self.view)
        if not isinstance(meeting, Meeting):
            empty = self.tr("No meetings recorded yet.")
            self.notes.setHtml(f"<p>{html.escape(empty)}</p>")
            return
        self.notes.setHtml(self.meeting_html(meeting))

    def meeting_html(self, m: Meeting) -> str:
        e = html.escape

        def names(kind: ParticipantKind) -> str:
            return e(", ".join(p.name for p in m.participants if p.kind is kind)) or "–"

        agreed_needs = [
            n for n in (self.data.detail.needs if self.data else ()) if n.agreed_meeting_id == m.id
        ]

        def para(text: str) -> str:
            return "<br>".join(e(line) for line in text.splitlines()) or "–"

        t = {
            "place": self.tr("Place"),
            "family": self.tr("Family"),
            "staff": self.tr("Staff"),
            "partners": self.tr("Partners"),
            "words": labels.heading("family_words"),
            "agreed": labels.heading("agreed"),
            "needs": self.tr("Needs agreed"),
            "payments": self.tr("Payments proposed in the meeting"),
            "next": self.tr("Next meeting"),
        }
        parts = [
            f"<h3>{e(fmt.datetime(m.held_at))} — {e(labels.meeting_kind(m.kind))}</h3>",
            f"<p><b>{e(t['place'])}:</b> {e(m.place) or '–'}</p>",
            f"<p><b>{e(t['family'])}:</b> {names(ParticipantKind.MEMBER)}<br>"
            f"<b>{e(t['staff'])}:</b> {names(ParticipantKind.STAFF)}<br>"
            f"<b>{e(t['partners'])}:</b> {names(ParticipantKind.PARTNER)}</p>",
            f"<h4>{e(t['words'])}</h4><p>{para(m.family_words)}</p>",
            f"<h4>{e(t['agreed'])}</h4><p>{para(m.agreed)}</p>",
        ]
        if agreed_needs:
            items = "".join(
                f"<li>{e(n.description)} ({e(labels.need_category(n.category))})</li>"
                for n in agreed_needs
            )
            parts.append(f"<h4>{e(t['needs'])}</h4><ul>{items}</ul>")
        payments = proposed_in(m, self.data.detail.payments if self.data else ())
        if payments:
            items = "".join(
                f"<li>{e(fmt.money(p.amount))} — {e(p.purpose)}"
                f" ({e(labels.payment_status(p.status))})</li>"
                for p in payments
            )
            parts.append(f"<h4>{e(t['payments'])}</h4><ul>{items}</ul>")
        if m.next_meeting_at:
            parts.append(f"<p><b>{e(t['next'])}:</b> {e(fmt.datetime(m.next_meeting_at))}</p>")
        return "".join(parts)

    # -- actions ----------------------------------------------------------------------------

    def record_meeting(self) -> MeetingDialog | None:
        if self.data is None:
            return None
        dialog = MeetingDialog(
            self.session,
            self.data.detail,
            list(self.data.users.values()),
            parent=self,
            sole_approver=self.data.sole_approver,
        )
        dialog.saved.connect(self._select_when_listed)
        self.open_dialog(dialog)
        return dialog

    def edit_meeting(self) -> MeetingDialog | None:
        meeting = selected_record(self.view)
        if self.data is None or not isinstance(meeting, Meeting):
            self.ask_to_choose(
                self.view,
                self.tr("Choose a meeting first."),
                self.tr("No meetings yet: record one first."),
            )
            return None
        dialog = MeetingDialog(
            self.session,
            self.data.detail,
            list(self.data.users.values()),
            parent=self,
            meeting=meeting,
        )
        self.open_dialog(dialog)
        return dialog

    def remove_meeting(self) -> None:
        meeting = selected_record(self.view)
        if not isinstance(meeting, Meeting):
            self.ask_to_choose(
                self.view,
                self.tr("Choose a meeting first."),
                self.tr("No meetings yet: record one first."),
            )
            return
        meeting_id = meeting.id
        self.open_dialog(
            ReasonDialog(
                self.session,
                self.tr("Remove meeting"),
                self.tr("Remove this meeting? It is kept in the history with your reason."),
                lambda journal, reason: journal.meetings.remove(meeting_id, reason),
                confirm_text=self.tr("Re&move"),
                parent=self,
            )
        )
