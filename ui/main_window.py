"""The main window: menus and shortcuts, the pages (case list, family, approvals), the lock."""

from __future__ import annotations

import datetime as dt
import logging

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from samjournal import audit_check
from samjournal.model import FamilyId
from samjournal.records.payments import Rejected
from ui import a11y, clipboard, export, fmt, handover, labels, menus
from ui.approvals import ApprovalsPage
from ui.case_page import CaseListPage
from ui.dialogs.family import FamilyDialog
from ui.dialogs.passphrase import ChangePassphraseDialog
from ui.dialogs.settings import SettingsDialog
from ui.dialogs.users import UsersDialog
from ui.errors import core_message, describe
from ui.family.view import FamilyView
from ui.idle import IdleWatcher
from ui.lifecycle import PurgeListDialog
from ui.prefs import Prefs
from ui.printouts import actions as printouts
from ui.scroll_body import ScrollBody
from ui.session import Session
from ui.shortcuts import ShortcutsDialog
from ui.unlock import UnlockDialog
from ui.widgets import (
    FRAME_ROOM,
    MessageBar,
    fits_screen,
    go_ahead,
    screen_room,
    shown_windows,
)

log = logging.getLogger(__name__)


def default_size(room: QSize) -> QSize:
    """The window's first size on a screen whose free area is `room` (logical pixels): most of
    a 1366x768 laptop, with room for the title bar, and no larger than is comfortable on big
    screens."""
    width = min(1440, int(room.width() * 0.95))
    height = min(900, int(room.height() * 0.92), room.height() - FRAME_ROOM.height())
    return QSize(width, height)


class _PagesLayout(QVBoxLayout):
    """The pages' layout, which does not tell the scroll area around it that wrapped text makes
    its height depend on its width: a scroll area then makes the pages as tall as they would
    like (every table at its preferred height), not as tall as the window, and at 1024x600 the
    family's member buttons scrolled below the window. The pages fill the window instead, and
    scroll once they are taller than they can be; wrapped text inside is laid out as before."""

    def hasHeightForWidth(self) -> bool:
        return False


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    quit_requested = Signal()
    closed = Signal(object)  # this window, once it has closed (the app quits unless rebuilt)

    def __init__(self, session: Session, prefs: Prefs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.prefs = prefs
        self.keep_session = False  # set when the window is rebuilt (language switch)
        self.signing_out = False  # set when a user signs out: the app shows the unlock screen
        self.unlock_dialog: UnlockDialog | None = None
        self._hidden_windows: list[QWidget] = []
        self._page_before_lock: QWidget | None = None
        self.setWindowTitle(self.tr("SamJournal"))
        self.setObjectName("SamJournalMain")
        fmt.set_norwegian_formats(prefs.norwegian_formats)

        self.cases = CaseListPage(session)
        self.family = FamilyView(session)
        self.approvals = ApprovalsPage(session)
        self.locked_page = self._make_locked_page()
        self.pages = QStackedWidget()
        for page in (self.cases, self.family, self.approvals, self.locked_page):
            self.pages.addWidget(page)
        self.pages.currentChanged.connect(self._size_to_current)
        self._size_to_current()
        self.banner = MessageBar(self, closable=True)
        layout = _PagesLayout()
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        # The pages scroll as a whole when the window is smaller than they can be (2x scaling on
        # a laptop leaves 683x384): the window itself never has to be bigger than the screen.
        central = ScrollBody(layout)
        self.setCentralWidget(central)

        self.user_label = QLabel()
        self.user_label.setWordWrap(True)  # a long journal path wraps rather than widening
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(14)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.hide()
        self.statusBar().addWidget(self.user_label, 1)
        self.statusBar().addPermanentWidget(self.busy)
        self._update_user_label()

        self.actions_by_name: dict[str, QAction] = {}
        self.action_specs: dict[str, menus.Action] = {}
        menus.build_menus(self)

        self.cases.open_family.connect(lambda fid: self.show_family(FamilyId(fid)))
        self.cases.new_family.connect(self.new_family)
        self.cases.print_summaries.connect(self.batch_print)
        self.cases.selection_changed.connect(self._update_actions)
        self._hint = ""  # the banner's hint of what to do first, while shown (batch_print)
        self.cases.selection_changed.connect(self._drop_hint)
        self.pages.currentChanged.connect(lambda _i: self._drop_hint())
        self.approvals.open_family.connect(lambda fid: self.show_family(FamilyId(fid)))
        self.approvals.count_changed.connect(self._approvals_count)
        self.family.back.connect(self.show_cases)
        self.approvals.back.connect(self.show_cases)
        self.family.erased.connect(self._family_erased)
        self.pages.currentChanged.connect(lambda _i: self._update_actions())
        session.worker.busy_changed.connect(self._set_busy)
        session.worker.unhandled.connect(self._error)  # a job that brought no failure handler
        session.locked_changed.connect(lambda _l: self._update_actions())
        session.locked_changed.connect(lambda _l: self._update_user_label())

        # A user removal or restore elsewhere waits for this window to lock or close: say so.
        self.waiting_timer = QTimer(self)
        self.waiting_timer.setInterval(1000)
        self.waiting_timer.timeout.connect(self._show_waiting)
        self.waiting_timer.start()

        self.idle = IdleWatcher(session.settings.idle_timeout_minutes, self)
        session.settings_changed.connect(lambda s: self.idle.set_minutes(s.idle_timeout_minutes))
        self.idle.idle.connect(self.lock)
        self.idle.start()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._share_lock_shortcut)
        # A size saved on a bigger screen, or before the scaling went up, is used only when it
        # fits this one: a window bigger than the screen hides its edges and status bar.
        geometry = prefs.geometry("main")
        restored = geometry is not None and self.restoreGeometry(geometry)
        maximized = bool(self.windowState() & Qt.WindowState.WindowMaximized)
        if not restored or not (maximized or fits_screen(self.size(), screen_room(self))):
            self.setWindowState(Qt.WindowState.WindowNoState)
            self._default_size()
        a11y.name_parts(self)
        self._update_actions()

    def _default_size(self) -> None:
        screen: QScreen | None = self.screen()  # None while no screen is attached
        if screen is None:
            self.resize(1280, 720)
            return
        room = screen.availableGeometry()
        size = default_size(room.size())
        self.resize(size)
        # Placed by us, title bar included: a window manager's own placement put the bottom
        # edge, and the status line, off a 768-line screen at 1.5x.
        self.move(
            room.x() + (room.width() - size.width()) // 2,
            room.y() + max(0, (room.height() - size.height() - FRAME_ROOM.height()) // 2),
        )

    def _make_locked_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        label = QLabel(self.tr("SamJournal is locked. Unlock to continue (Ctrl+L)."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        label.setFont(font)
        layout.addWidget(label, 1)
        return page

    # -- start ------------------------------------------------------------------------------

    def start(self) -> None:
        """Load the case list and say if anyone failed to unlock as this user meanwhile."""
        self.cases.reload()
        if self.session.is_teamlead:
            self.approvals.reload()
        self.show_failed_attempts(self.session.journal.failed_attempts)
        self.say_rejected()
        self.cases.focus_search()

    def say_rejected(self) -> None:
        """The payments you proposed that a team lead rejected since you last signed in, in the
        banner (after anything about the journal's safety, which keeps it): a rejection
        reached no one (team-lead review)."""

        def show(found: list[Rejected]) -> None:
            if not found or self.banner.text():
                return
            latest = found[0]
            payment = latest.payment
            said = (
                self.tr(
                    "A payment you proposed was rejected since you last signed in: %1 for “%2”"
                    " to %3, by %4: “%5”."
                )
                if len(found) == 1
                else self.tr(
                    "%6 payments you proposed were rejected since you last signed in. The"
                    " latest: %1 for “%2” to %3, by %4: “%5”."
                ).replace("%6", str(len(found)))
            )
            self.banner.show_message(
                said.replace("%1", fmt.money(payment.amount))
                .replace("%2", payment.purpose)
                .replace("%3", latest.family_name)
                .replace("%4", latest.rejected_by)
                .replace("%5", payment.reason),
                MessageBar.INFO,
            )

        def failed(error: BaseException) -> None:  # a courtesy: the payments tab says it too
            log.warning("rejections not read: %s", type(error).__name__)

        self.session.submit(
            lambda journal: journal.payments.rejected_since_last_unlock(),
            show,
            failed,
            context=self,
        )

    def show_failed_attempts(self, attempts: tuple[str, ...]) -> None:
        if self.session.journal.mark_damaged:  # the details are in the audit log
            self.banner.show_message(
                self.tr(
                    "journal.mark, which records how far this journal had come, was found gone or"
                    " damaged when the journal was opened, so recent work that is missing could"
                    " not be noticed. Tell your team lead, who can check the journal against a"
                    " backup (Team lead ▸ Verify the audit log, or “samjournal audit verify”) and"
                    " then acknowledge the alarm; until then it is shown at every unlock."
                ),
                MessageBar.ERROR,
            )
            return
        if self.session.journal.audit_alarms:  # the details are in the audit log
            self.banner.show_message(
                self.tr(
                    "The audit log does not extend a head it had already shown outside this"
                    " journal: events were removed or rewritten. Tell your team lead, who can"
                    " check it with “samjournal audit verify”."
                ),
                MessageBar.ERROR,
            )
            return
        if self.session.journal.failures_altered:  # the details are in the audit log
            self.banner.show_message(
                self.tr(
                    "The record of failed unlock attempts in this journal's folder was changed"
                    " since your last unlock, so attempts may be hidden. Tell your team lead."
                ),
                MessageBar.WARNING,
            )
            return
        if not attempts:
            return
        last = dt.datetime.fromisoformat(attempts[-1])
        if self.session.is_teamlead:  # "tell your team lead" would send her to herself
            text = self.tr(
                "%n failed unlock attempt(s) as you since last time (latest %1). If that was"
                " not you, change your passphrase (File ▸ Change passphrase…); each attempt is"
                " in the audit log.",
                "",
                len(attempts),
            )
        else:
            text = self.tr(
                "%n failed unlock attempt(s) as you since last time (latest %1)."
                " If that was not you, tell your team lead.",
                "",
                len(attempts),
            )
        self.banner.show_message(text.replace("%1", fmt.datetime(last)), MessageBar.WARNING)

    # -- navigation -------------------------------------------------------------------------

    def _size_to_current(self) -> None:
        """The pages as big as the one shown needs: a stacked widget is as big as its biggest
        page, so the approvals queue was as tall as the family page can be, and at 1.5x on a
        laptop its Approve button sat below the window (outside review s20). A page not shown
        asks for no room (Qt's stacked layout leaves out a size policy of Ignored)."""
        shown = self.pages.currentWidget()
        for page in (self.cases, self.family, self.approvals, self.locked_page):
            policy = QSizePolicy.Policy.Preferred if page is shown else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.pages.updateGeometry()

    def show_cases(self) -> None:
        self.pages.setCurrentWidget(self.cases)
        self.cases.table.setFocus()

    def show_family(self, family_id: FamilyId) -> None:
        self.family.open_family(family_id)
        self.pages.setCurrentWidget(self.family)
        self.family.tabs.setFocus()

    def show_approvals(self) -> None:
        if not self.session.is_teamlead:
            return
        self.approvals.reload()
        self.pages.setCurrentWidget(self.approvals)
        self.approvals.view.setFocus()

    def focus_search(self) -> None:
        self.show_cases()
        self.cases.focus_search()

    def show_tab(self, index: int) -> None:
        menus.with_family(self, lambda view: view.tabs.setCurrentIndex(index))

    def reload(self) -> None:
        self.cases.reload()
        if self.pages.currentWidget() is self.family:
            self.family.reload()
        if self.session.is_teamlead:
            self.approvals.reload()

    def set_norwegian_formats(self, on: bool) -> None:
        """Dates and amounts in Norwegian form in every language, or in the language's own."""
        self.prefs.norwegian_formats = on
        fmt.set_norwegian_formats(on)
        self.reload()

    def _approvals_count(self, count: int) -> None:
        action = self.actions_by_name.get("approvals")
        if action is not None:
            action.setText(self.tr("&Approvals (%1)").replace("%1", str(count)))

    # -- dialogs ----------------------------------------------------------------------------

    def new_family(self) -> None:
        def ask(users: list) -> None:  # type: ignore[type-arg]
            dialog = FamilyDialog(self.session, users=users, parent=self)
            dialog.saved.connect(lambda f: self.show_family(f.id))
            dialog.open()

        self.session.submit(lambda j: j.users(), ask, self._error, context=self)

    def change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.session, self)
        dialog.saved.connect(
            lambda _r: self.banner.show_message(self.tr("Your passphrase was changed."))
        )
        dialog.open()

    def manage_users(self) -> None:
        if self.session.is_teamlead:
            UsersDialog(self.session, self).open()

    def journal_settings(self) -> None:
        if self.session.is_teamlead:
            SettingsDialog(self.session, self).open()

    def export_to_study(self) -> None:
        """The export wizard (team lead): study, risk report, folder, export, result."""
        export.open_export_wizard(self.session, self)

    def export_history(self) -> None:
        export.open_export_history(self.session, self)

    def import_study_profile(self) -> None:
        export.open_import_study(self.session, self)

    # -- handing families over (team lead) ---------------------------------------------------

    def handover_peers(self) -> None:
        handover.open_peers(self.session, self)

    def hand_over_family(self) -> None:
        def send(view: FamilyView) -> None:
            if view.family_id is not None:
                handover.open_send(self.session, view.family_id, self)

        menus.with_family(self, send)

    def receive_family(self) -> None:
        dialog = handover.open_receive(self.session, self)
        dialog.received.connect(lambda ids: self.show_family(FamilyId(ids[0])) if ids else None)

    def register_handover_receipt(self) -> None:
        handover.take_receipt(self.session, self, self.banner)

    def verify_audit(self) -> None:
        def show(verdict: audit_check.Verdict) -> None:
            report = verdict.report
            # A restore went back to an older head: said every time, never hidden (audit_forks).
            forks = [
                self.tr(
                    "The journal was restored from a backup at event %1 (%2, by %3): the log"
                    " goes on from head %4, and the events after it were lost. Reason: %5"
                )
                .replace("%1", str(f.seq))
                .replace("%2", f.at)
                .replace("%3", f.username)
                .replace("%4", f.restored.short())
                .replace("%5", f.reason or "-")
                for f in verdict.forks
            ]
            if verdict.ok:
                intact = self.tr(
                    "The audit log is intact: %n event(s), head %1.", "", report.events
                ).replace("%1", report.head[:16])
                level = MessageBar.WARNING if forks else MessageBar.INFO
                self.banner.show_message(" ".join([intact, *forks]), level)
                if self.session.journal.mark_damaged:
                    self._offer_acknowledge()
            else:
                problems = "; ".join(core_message(p) for p in verdict.problems[:5])
                broken = self.tr("The audit log does NOT verify: %1").replace("%1", problems)
                self.banner.show_message(" ".join([broken, *forks]), MessageBar.ERROR)

        self.session.submit(lambda j: audit_check.verify(j, []), show, self._error, context=self)

    def _offer_acknowledge(self) -> None:
        """After a check that found the log intact, the team lead may take the journal.mark
        alarm away (`Journal.acknowledge_alarm`, audited): without this only the command line
        could, and the window showed it at every unlock for good."""
        if not go_ahead(
            self,
            self.tr("Acknowledge the alarm?"),
            self.tr(
                "journal.mark was found gone or damaged when the journal was opened, so recent"
                " work that is missing could not be noticed. Compare the journal with your latest"
                " backup first (a family or a meeting you know of). Acknowledged, the alarm is"
                " no longer shown at every unlock; the acknowledgement is in the audit log."
            ),
            self.tr("&Acknowledge"),
        ):
            self.show_failed_attempts(())  # still pending: the red alarm comes back
            return

        def done(acknowledged: bool) -> None:
            if acknowledged:
                self.banner.show_message(
                    self.tr("The journal.mark alarm is acknowledged (in the audit log)."),
                    MessageBar.INFO,
                )

        self.session.submit(lambda j: j.acknowledge_alarm(), done, self._error, context=self)

    def portfolio_report(self) -> None:
        if self.session.is_teamlead:
            printouts.portfolio(self.session, self)

    def batch_print(self) -> None:
        """Case summaries for the families selected in the case list (team lead)."""
        if not self.session.is_teamlead:
            return
        rows = self.cases.selected_families()
        if self.pages.currentWidget() is not self.cases or not rows:
            self.show_cases()
            self._hint = self.tr(
                "Select the families in the case list first (Ctrl+click or Shift+click to"
                " select several), then choose Print case summaries."
            )
            self.banner.show_message(self._hint)
            return
        self._drop_hint()
        printouts.batch(self.session, rows, self)

    def _drop_hint(self) -> None:
        """A hint of what to do first goes once it has been done, or the page left: it stayed
        on, through the print dialogs and on family pages, until the window locked."""
        if self._hint and self.banner.text() == self._hint:
            self.banner.clear()
        self._hint = ""

    def purge_list(self) -> PurgeListDialog | None:
        """Team lead: closed cases whose retention period has run out, to purge."""
        if not self.session.is_teamlead:
            return None
        dialog = PurgeListDialog(self.session, self)
        dialog.open()
        return dialog

    def _family_erased(self, case_number: str) -> None:
        self.show_cases()
        self.banner.show_message(self.tr("Case %1 was erased for good.").replace("%1", case_number))

    def _error(self, error: BaseException) -> None:
        if not self.session.locked:
            self.banner.show_message(describe(error), MessageBar.ERROR)

    # -- locking ----------------------------------------------------------------------------

    def lock(self) -> None:
        if self.session.locked:
            if self.unlock_dialog is not None:
                self.unlock_dialog.raise_()
            return
        self._page_before_lock = self.pages.currentWidget()
        self._hidden_windows = self._other_windows()
        for window in self._hidden_windows:
            window.hide()
        self.pages.setCurrentWidget(self.locked_page)
        self.banner.clear()
        clipboard.clear_now()
        self.idle.stop()
        self.session.lock()
        self._ask_unlock()

    def _ask_unlock(self) -> None:
        self.unlock_dialog = UnlockDialog(
            self.session.journal.path,
            session=self.session,
            demo_passphrase=self.session.demo_passphrase,
            parent=self,
        )
        self.unlock_dialog.unlocked.connect(lambda _j, _s: self._unlocked())
        self.unlock_dialog.rejected.connect(self._unlock_cancelled)
        self.unlock_dialog.someone_else.connect(self.sign_out)
        self.unlock_dialog.open()

    def sign_out(self) -> None:
        """Close this user's session and go back to the unlock screen with every user, so a
        colleague can sign in on the same laptop (a team lead at a caseworker's, to approve).
        Windows left open (hidden at the lock, or beside this one) close, after a yes."""
        left_open = self._hidden_windows if self.session.locked else self._other_windows()
        if left_open and not self._sign_out_anyway():
            return
        if self.unlock_dialog is not None:
            self.unlock_dialog.rejected.disconnect(self._unlock_cancelled)  # not a quit
            self.unlock_dialog.close()
            self.unlock_dialog = None
        for window in left_open:
            if shiboken6.isValid(window):
                window.close()
        self._hidden_windows = []
        self.signing_out = True
        self.close()

    def _other_windows(self) -> list[QWidget]:
        """The other windows on screen a person works in (dialogs, previews): not a menu, a
        tooltip or a list dropped down, which a sign-out would have counted as left open."""
        kinds = (Qt.WindowType.Window, Qt.WindowType.Dialog)
        return [w for w in shown_windows() if w is not self and w.windowType() in kinds]

    def _sign_out_anyway(self) -> bool:
        return self._close_left_open(self.tr("Sign out?"), self.tr("&Sign out"))

    def _close_left_open(self, title: str, go: str) -> bool:
        """Whether to go on, closing the windows left open (a yes; Cancel is the default)."""
        text = self.tr(
            "Windows left open, such as a meeting being written, close: what was typed in"
            " them and not saved is lost."
        )
        return go_ahead(self.unlock_dialog or self, title, text, go)

    def _share_lock_shortcut(self, _old: QWidget | None, now: QWidget | None) -> None:
        """Ctrl+L locks from a form or message too: a shortcut of this window works only while
        it is the active one, so the lock action goes along to the dialog that has the focus
        (dialogs only: a menu would list it)."""
        lock = self.actions_by_name["lock"]
        dialog = now.window() if now is not None else None
        if isinstance(dialog, QDialog) and lock not in dialog.actions():
            dialog.addAction(lock)

    def _unlocked(self) -> None:
        self.unlock_dialog = None
        self.pages.setCurrentWidget(self._page_before_lock or self.cases)
        for window in self._hidden_windows:
            if shiboken6.isValid(window):  # previews and batch dialogs close on lock
                window.show()
        self._hidden_windows = []
        self.idle.start()
        self.reload()
        self.show_failed_attempts(self.session.journal.failed_attempts)
        self.say_rejected()

    def _unlock_cancelled(self) -> None:
        """Quit from the lock screen: after a yes where windows were left open when it locked
        (a meeting half written went without a word, reliability review); a no unlocks on."""
        self.unlock_dialog = None
        left_open = [w for w in self._hidden_windows if shiboken6.isValid(w)]
        if left_open and not self._close_left_open(self.tr("Quit SamJournal?"), self.tr("&Quit")):
            self._ask_unlock()
            return
        self.quit_requested.emit()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def _show_waiting(self) -> None:
        if not self.session.locked and self.session.journal.others_waiting():
            self.statusBar().showMessage(
                self.tr(
                    "Another program is waiting to change this journal (a user removal or a"
                    " restore). Lock or close this window to let it go ahead."
                ),
                1500,
            )

    def _update_user_label(self) -> None:
        user = self.session.user
        if self.session.locked:  # nobody is signed in while the key is dropped
            self.user_label.setText(
                self.tr("Locked · %1").replace("%1", str(self.session.journal.path))
            )
            return
        self.user_label.setText(
            self.tr("Signed in as %1 (%2) · %3")
            .replace("%1", user.display_name)
            .replace("%2", labels.role(user.role))
            .replace("%3", str(self.session.journal.path))
        )

    def _update_actions(self) -> None:
        menus.update_enabled(self, locked=self.session.locked, page=self.pages.currentWidget())

    # -- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.prefs.set_geometry("main", self.saveGeometry())
        self.idle.remove()
        if not self.keep_session:
            clipboard.clear_now()
            self.session.close(stop_worker=not self.signing_out)  # the app's, used again
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit(self)

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(list(self.actions_by_name.values()), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
