"""One family: a header and tabs (overview, meetings, needs, payments, check-ins, consents,
history). Reloads itself when the core announces a change to this family."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from samjournal.model import Changes, FamilyId, User
from ui import a11y, fmt, labels
from ui.dialogs.family import FamilyDialog
from ui.errors import describe
from ui.family.checkins import CheckinsTab
from ui.family.consents import ConsentsTab
from ui.family.data import FamilyData, load_family
from ui.family.history import HistoryTab
from ui.family.meetings import MeetingsTab
from ui.family.needs import NeedsTab
from ui.family.overview import OverviewTab
from ui.family.payments import PaymentsTab
from ui.family.tab import FamilyTab
from ui.header_layout import HeaderLayout
from ui.lifecycle import erase_dialog
from ui.printouts import actions as printouts
from ui.session import Session
from ui.widgets import ElidedLabel, MessageBar, back_to_cases

RELOAD_DELAY_MS = 80
SAY_LATEST_MS = 1500  # a save is said by then even if no reload shows it


class FamilyView(QWidget):
    back = Signal()
    loaded = Signal(int)  # family id
    erased = Signal(str)  # case number: the family is gone for good

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data: FamilyData | None = None
        self._family_id: FamilyId | None = None
        self._generation = 0
        # An action chosen in the case list for the family being opened: run once it is shown.
        self._when_shown: tuple[FamilyId, Callable[[FamilyView], object]] | None = None

        self.title = ElidedLabel()  # a long name must not push the page out of the window
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleDescription(self.tr("Family"))  # its name is the family's
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)  # on two lines rather than widening a narrow window
        self.back_button = back_to_cases(self, self.back)
        self.edit_button = QPushButton(self.tr("Edit famil&y…"))
        self.edit_button.clicked.connect(self.edit_family)
        self.copy_button = QPushButton(self.tr("Family c&opy…"))
        self.copy_button.setToolTip(
            self.tr("Preview and print what was agreed, for the family to take home (Ctrl+P)")
        )
        self.copy_button.clicked.connect(self.family_copy)
        self.summary_button = QPushButton(self.tr("Case s&ummary…"))
        self.summary_button.setToolTip(
            self.tr("Preview and print the whole case for a period (Ctrl+Shift+S)")
        )
        self.summary_button.clicked.connect(self.case_summary)
        self.summary_button.setVisible(session.is_teamlead)
        self.access_button = QPushButton(self.tr("Access lo&g…"))
        self.access_button.setToolTip(
            self.tr("Who viewed or changed the family's records, and when (Ctrl+Shift+L)")
        )
        self.access_button.clicked.connect(self.access_log)
        self.access_button.setVisible(session.is_teamlead)
        buttons = [self.copy_button, self.summary_button, self.access_button, self.edit_button]
        # Beside the titles while they have room, under them when not (1366x768 at 200 %).
        self.header = HeaderLayout(self.back_button, self.title, self.subtitle, buttons)

        self.overview = OverviewTab(session)
        self.meetings = MeetingsTab(session)
        self.needs = NeedsTab(session)
        self.payments = PaymentsTab(session)
        self.checkins = CheckinsTab(session)
        self.consents = ConsentsTab(session)
        self.history = HistoryTab(session)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Family tabs"))
        self.tabs.setDocumentMode(True)
        for tab, title in self._tab_titles():
            self.tabs.addTab(tab, title)
        self.message = MessageBar(self)

        layout = QVBoxLayout(self)
        layout.addLayout(self.header)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        session.changed.connect(self._on_changes)
        self._to_say: list[tuple[int, str]] = []  # (generation when saved, words)
        self._say_timer = QTimer(self)
        self._say_timer.setSingleShot(True)
        self._say_timer.setInterval(SAY_LATEST_MS)
        self._say_timer.timeout.connect(lambda: self._say(None))
        for tab in self.tab_list:
            tab.say_when_shown.connect(self._say_when_shown)

    def _tab_titles(self) -> list[tuple[FamilyTab, str]]:
        return [
            (self.overview, self.tr("Overview")),
            (self.meetings, self.tr("Meetings")),
            (self.needs, self.tr("Needs")),
            (self.payments, self.tr("Payments")),
            (self.checkins, self.tr("Check-ins")),
            (self.consents, self.tr("Consents")),
            (self.history, self.tr("History")),
        ]

    @property
    def tab_list(self) -> list[FamilyTab]:
        return [tab for tab, _ in self._tab_titles()]

    @property
    def family_id(self) -> FamilyId | None:
        return self._family_id

    # -- loading ----------------------------------------------------------------------------

    def open_family(self, family_id: FamilyId) -> None:
        if self._when_shown is not None and self._when_shown[0] != family_id:
            self._when_shown = None
        if family_id != self._family_id:
            self.data = None
            self.title.setText(self.tr("Opening…"))
            self.subtitle.clear()
            self.tabs.setCurrentIndex(0)
        self._family_id = family_id
        self.reload(viewed=True)

    def reload(self, *, viewed: bool = False) -> None:
        """Fetch the family again; `viewed` when the user opened it (audited as a view)."""
        if self._family_id is None:
            return
        family_id = self._family_id
        self._generation += 1
        generation = self._generation

        def show(data: FamilyData) -> None:
            if generation == self._generation:
                self._show(data)

        self.session.submit(
            lambda j: load_family(j, family_id, viewed=viewed), show, self._failed, context=self
        )

    def _show(self, data: FamilyData) -> None:
        self.data = data
        family = data.detail.family
        self.message.clear()
        self.title.setText(family.display_name)
        number = family.case_number
        if data.origin is not None:
            number = (
                self.tr("%1 (was %2 at %3)")
                .replace("%1", number)
                .replace("%2", data.origin.old_case_number)
                .replace("%3", data.origin.from_label)
            )
        self.subtitle.setText(
            self.tr("Case %1 · %2 · caseworker %3")
            .replace("%1", number)
            .replace("%2", labels.family_status(family.status))
            .replace("%3", data.detail.owner.display_name)
        )
        if data.handed_over is not None:
            self.message.show_message(
                self.tr(
                    "Handed over to %1 on %2, waiting for their receipt. A change made now does"
                    " not go with the file: make the file again after changing anything."
                )
                .replace("%1", data.handed_over.to_label)
                .replace("%2", fmt.datetime(data.handed_over.sent_at)),
                MessageBar.WARNING,
            )
        for tab in self.tab_list:
            tab.show_data(data)
        self._say(self._generation)
        self.loaded.emit(int(family.id))
        pending, self._when_shown = self._when_shown, None
        if pending is not None and pending[0] == family.id:
            # After this slot returns: the action may open a dialog of its own.
            QTimer.singleShot(0, self, lambda: pending[1](self) if self.data is not None else None)

    def when_shown(self, family_id: FamilyId, act: Callable[[FamilyView], object]) -> None:
        """Run `act` on this view once family `family_id`, being opened, is shown (a family
        action chosen from the case list); dropped if another family is opened first, or if
        it cannot be shown."""
        self._when_shown = (family_id, act)

    def _failed(self, error: BaseException) -> None:
        self._when_shown = None
        self._say(None)  # the save happened, whatever the reload met
        if self.session.locked:
            return
        self.message.show_message(describe(error), MessageBar.ERROR)

    def _say_when_shown(self, text: str) -> None:
        """Say a save (status bar, screen reader) once the page shows it: said as the dialog
        closed, it came before the list it speaks of, which reloads after RELOAD_DELAY_MS and a
        read."""
        self._to_say.append((self._generation, text))
        self._say_timer.start()

    def _say(self, shown: int | None) -> None:
        """Say what was saved before the reload `shown` began (None: all of it, now)."""
        due = [text for g, text in self._to_say if shown is None or g < shown]
        self._to_say = [(g, text) for g, text in self._to_say if shown is not None and g >= shown]
        for text in due:
            a11y.status(self, text)
        if not self._to_say:
            self._say_timer.stop()

    def _on_changes(self, changes: Changes) -> None:
        if self._family_id is None or self.session.locked:
            return
        ours = not changes.family_ids or self._family_id in changes.family_ids
        if ours and changes.entities - {"user", "settings"}:
            self._reload_timer.start()

    # -- actions ----------------------------------------------------------------------------

    def case_summary(self) -> None:
        """Team lead: options, then the preview of the case summary."""
        if self.data is not None:
            printouts.case_summary(self.session, self.data.detail, self)

    def access_log(self) -> None:
        """Team lead: who viewed or changed the family's records (the family's right to know)."""
        if self.data is not None and self.session.is_teamlead:
            printouts.access_log(self.session, self.data.detail.family, self)

    def erase_family(self) -> QDialog | None:
        """Team lead: delete the family for good at its request, with a reason."""
        if self.data is None or not self.session.is_teamlead:
            return None
        family = self.data.detail.family
        dialog = erase_dialog(
            self.session, family.id, family.display_name, family.case_number, self
        )
        dialog.saved.connect(lambda _r: self._erased(family.case_number))
        dialog.open()
        return dialog

    def _erased(self, case_number: str) -> None:
        self.data = None
        self._family_id = None
        self.erased.emit(case_number)

    def family_copy(self) -> None:
        if self.data is not None:
            printouts.family_copy(self.session, self.data.detail.family, self)

    def edit_family(self) -> None:
        if self.data is None:
            return
        users: list[User] = list(self.data.users.values())
        FamilyDialog(self.session, family=self.data.detail.family, users=users, parent=self).open()
