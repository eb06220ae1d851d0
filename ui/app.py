"""`python -m ui [--demo] [JOURNAL]`: choose the journal, unlock it, open the main window.

Without arguments the last journal folder used (from QSettings: a path, never personal data)
is opened, or the first-run wizard starts when there is none.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog

from samjournal.cli.parser import Parser
from samjournal.cli.support import words
from samjournal.demo import DEMO_CASEWORKERS, DEMO_PASSPHRASE, create_demo_journal
from samjournal.demo.evaluator import add_demo_workspace, create_demo_workspace, workspace_beside
from samjournal.errors import SamJournalError
from samjournal.journal import Journal
from samjournal.kdf import KdfCost
from samjournal.private_memory import keep_private
from samjournal.settings import JournalSettings
from ui import theme
from ui.dialogs.passphrase import RecoveryResetDialog
from ui.errors import describe
from ui.main_window import MainWindow
from ui.platform_check import explain, missing_xcb_packages
from ui.prefs import APP_NAME, Prefs, default_journal_path, demo_journal_path
from ui.render_process import RENDERER
from ui.session import Session
from ui.translations import Language
from ui.unlock import UnlockDialog
from ui.widgets import MessageBar
from ui.wizard import SetupWizard
from ui.worker import Cancelled, DbWorker, Task

log = logging.getLogger(__name__)
DEMO_FAMILIES = 60


class App(QObject):
    """Moves between the screens: wizard or unlock, then the main window.

    The controller, not Qt, decides when the program ends: between two screens (the wizard
    closing before the main window opens, one unlock dialog replacing another) no window is
    visible, and Qt's quit-on-last-window-closed would end the program there.
    """

    def __init__(
        self,
        prefs: Prefs | None = None,
        *,
        demo_path: Path | None = None,
        default_path: Path | None = None,
        kdf_cost: KdfCost | None = None,
        demo_families: int = DEMO_FAMILIES,
        qm_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        QGuiApplication.setQuitOnLastWindowClosed(False)
        theme.follow_system()  # contrast-checked colours, light or dark as the system says
        self.prefs = prefs or Prefs()
        self.language = Language(qm_dir)
        self.language.install(self.prefs.language)
        self.worker = DbWorker(parent=self)
        self.demo_path = demo_path or demo_journal_path()
        self.default_path = default_path or default_journal_path()
        self.kdf_cost = kdf_cost
        self.demo_families = demo_families
        self.window: MainWindow | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.wizard: SetupWizard | None = None
        self.progress: QProgressDialog | None = None
        self._demo = False

    # -- where to start ---------------------------------------------------------------------

    def start(self, *, demo: bool = False, path: Path | None = None) -> None:
        if demo:
            self.start_demo()
        elif path is not None:
            self.open_journal(path)
        elif self.prefs.last_journal and (self.prefs.last_journal / "keyring.json").exists():
            self.open_journal(self.prefs.last_journal)
        else:
            self.run_wizard()

    def start_demo(self) -> None:
        self._demo = True
        if (self.demo_path / "keyring.json").exists():
            self.open_journal(self.demo_path)
            return
        self.create_demo()

    def create_demo(self) -> None:
        partial = self.demo_path.with_name(self.demo_path.name + ".partial")
        target, families, cost = self.demo_path, self.demo_families, self.kdf_cost
        workspace = workspace_beside(target)
        progress = QProgressDialog(
            QCoreApplication.translate("App", "Making the demo journal with made-up families…"),
            QCoreApplication.translate("App", "Cancel"),
            0,
            0,
        )
        progress.setWindowTitle(QCoreApplication.translate("App", "SamJournal demo"))
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress = progress
        task = Task()

        def work(task: Task) -> Path:
            if partial.exists():
                shutil.rmtree(partial)

            # Dated from today: a demo made on a fixed day looks stale (every meeting overdue).
            # In bulk (one commit per family on the team lead's connection): the same journal,
            # less the caseworkers' own sign-ins in the audit log, made in 9 s instead of 21 s
            # (a new user's first wait; 36 s on a reviewer's busy laptop).
            def step(done: int, total: int) -> None:
                task.report(done, total)
                task.check()  # Cancel stops after this family (it ran every family to the end)

            try:
                journal = create_demo_journal(
                    partial,
                    families=families,
                    cost=cost,
                    today=dt.date.today(),
                    progress=step,
                    bulk=True,
                )
            except Cancelled:
                shutil.rmtree(partial, ignore_errors=True)
                return partial
            try:
                if not task.cancelled:  # the study's evaluator, so the export can be tried
                    create_demo_workspace(journal, workspace)  # two key derivations: ~1 s
            except (SamJournalError, OSError) as error:  # tried again at the lead's sign-in
                log.warning("demo workspace could not be made: %s", type(error).__name__)
            finally:
                journal.lock()
            if task.cancelled:
                shutil.rmtree(partial, ignore_errors=True)
                return partial
            partial.rename(target)
            return target

        def finish() -> bool:
            cancelled = task.cancelled
            progress.canceled.disconnect()
            progress.close()  # (closing a progress dialog emits `canceled`)
            self.progress = None
            return cancelled

        def done(path: Path) -> None:
            if finish():
                QCoreApplication.quit()
                return
            self.open_journal(path)

        def failed(error: BaseException) -> None:
            finish()
            log.error("demo journal could not be created: %s", type(error).__name__)
            QCoreApplication.exit(1)

        def made(done: int, total: int) -> None:
            """Families made so far: the bar moves (some seconds at the demo's size)."""
            progress.setMaximum(total)
            progress.setValue(done)

        task.progressed.connect(made)
        progress.canceled.connect(task.cancel)
        progress.canceled.connect(
            lambda: progress.setLabelText(
                QCoreApplication.translate("App", "Stopping after the current step…")
            )
        )
        progress.show()
        self.worker.call(work, done, failed, task=task)

    def run_wizard(self) -> SetupWizard:
        wizard = SetupWizard(self.default_path, self.worker, cost=self.kdf_cost)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished_setup.connect(self._set_up)
        wizard.rejected.connect(self._wizard_cancelled)
        wizard.language_requested.connect(self._wizard_language)
        self.wizard = wizard
        wizard.show()
        return wizard

    def _wizard_language(self, code: str) -> None:
        self.prefs.language = code
        self.language.install(code)
        if self.wizard is not None:
            self.wizard.retranslate()

    def _set_up(self, journal: Journal) -> None:
        self.wizard = None
        self._open_created(journal)

    def _wizard_cancelled(self) -> None:
        wizard = self.wizard
        self.wizard = None
        journal = wizard.journal if wizard else None
        if journal is not None:  # created but not confirmed: open it anyway
            self._open_created(journal)
            return
        QCoreApplication.quit()

    def _open_created(self, journal: Journal) -> None:
        self.prefs.last_journal = journal.path

        def failed(error: BaseException) -> None:  # the journal exists: unlock it anew
            log.error("new journal could not be opened: %s", type(error).__name__)
            self.open_journal(journal.path)

        self.worker.call(journal.settings, lambda s: self.show_main(journal, s), failed)

    # -- unlocking --------------------------------------------------------------------------

    def open_journal(self, path: Path) -> UnlockDialog:
        dialog = UnlockDialog(
            path,
            worker=self.worker,
            demo_passphrase=DEMO_PASSPHRASE if self._demo else None,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self._demo:
            # A caseworker, the program's everyday user: it chose the team lead (outside review
            # s30). Nothing remembers who unlocked last: the settings hold no one's name
            # (DESIGN.md, ui/prefs.py), and a journal's roles are read only once it is open.
            dialog.select_user(DEMO_CASEWORKERS[0][0])
        dialog.unlocked.connect(lambda j, s: self._unlocked(path, j, s))
        dialog.rejected.connect(self._unlock_cancelled)
        dialog.other_journal.connect(lambda: self._other_journal(dialog))
        dialog.forgot.connect(lambda user: self._forgot(path, user, dialog))
        self.unlock_dialog = dialog
        dialog.show()
        dialog.raise_()
        return dialog

    def _unlocked(self, path: Path, journal: Journal, settings: JournalSettings) -> None:
        self.unlock_dialog = None
        if not self._demo:
            self.prefs.last_journal = path
            self.show_main(journal, settings)
            return

        # A demo made before it had an evaluator's workspace gets one at the team lead's
        # sign-in (only the lead may import its profile); come what may, the demo opens.
        def failed(error: BaseException) -> None:
            log.warning("demo workspace could not be added: %s", type(error).__name__)
            self.show_main(journal, settings)

        workspace = workspace_beside(path)
        self.worker.call(
            lambda: add_demo_workspace(journal, workspace),
            lambda _: self.show_main(journal, settings),
            failed,
        )

    def _unlock_cancelled(self) -> None:
        if self.unlock_dialog is not None and self.window is None:
            QCoreApplication.quit()
        self.unlock_dialog = None

    def _other_journal(self, dialog: UnlockDialog) -> None:
        chosen = QFileDialog.getExistingDirectory(
            dialog, QCoreApplication.translate("App", "Open a journal folder")
        )
        if not chosen:
            return
        self.unlock_dialog = None
        dialog.hide()
        self._demo = False
        self.open_journal(Path(chosen))
        dialog.deleteLater()

    def _forgot(self, path: Path, username: str, dialog: UnlockDialog) -> None:
        """The recovery-key reset; the keyring is read on the worker, and a keyring that cannot
        be read says why in the unlock dialog instead of the button doing nothing."""

        def ask(names: list[tuple[str, str]]) -> None:
            RecoveryResetDialog(path, self.worker, names, username=username, parent=dialog).open()

        def failed(error: BaseException) -> None:
            dialog.message.show_message(describe(error), MessageBar.ERROR)

        self.worker.call(lambda: Journal.people(path), ask, failed, context=dialog)

    # -- the main window --------------------------------------------------------------------

    def show_main(self, journal: Journal, settings: JournalSettings) -> MainWindow:
        session = Session(
            journal,
            self.worker,
            settings=settings,
            demo_passphrase=DEMO_PASSPHRASE if self._demo else None,
            parent=self,
        )
        return self._make_window(session)

    def _make_window(self, session: Session) -> MainWindow:
        window = MainWindow(session, self.prefs)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._watch(window)
        self.window = window
        window.show()
        window.raise_()
        window.activateWindow()
        window.start()
        return window

    def _watch(self, window: MainWindow) -> None:
        window.language_requested.connect(self.switch_language)
        window.quit_requested.connect(window.close)
        window.closed.connect(self._main_closed)

    def _main_closed(self, window: MainWindow) -> None:
        if window.keep_session:  # rebuilt in another language: the new window carries on
            return
        if self.window is window:
            self.window = None
        if window.signing_out:  # the unlock screen again, with every user
            self.open_journal(window.session.journal.path)
            return
        QCoreApplication.quit()

    def switch_language(self, code: str) -> None:
        """Install the other language and rebuild the window where the user was."""
        old = self.window
        if old is None or code == self.language.code:
            return
        self.prefs.language = code
        self.language.install(code)
        family = old.family.family_id if old.pages.currentWidget() is old.family else None
        tab = old.family.tabs.currentIndex()
        on_approvals = old.pages.currentWidget() is old.approvals
        search = old.cases.search.text()
        geometry = old.saveGeometry()
        new = MainWindow(old.session, self.prefs)
        new.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._watch(new)
        new.restoreGeometry(geometry)
        self.window = new
        new.show()
        new.start()
        new.cases.search.setText(search)
        if family is not None:
            new.show_family(family)
            new.family.tabs.setCurrentIndex(tab)
        elif on_approvals:
            new.show_approvals()
        old.keep_session = True
        old.close()

    def stop(self) -> None:
        """Close whatever is open, lock the journal and end the worker (tests, quitting)."""
        self._stop_wizard()
        for widget in (self.window, self.unlock_dialog, self.progress):
            if widget is not None and shiboken6.isValid(widget):
                widget.close()
        self.window = None
        self.worker.stop()

    def _stop_wizard(self) -> None:
        """Closed by stop(), the wizard is not cancelled: a cancel opens the journal it created,
        and that main window would open after the App stopped, signed in, and outlive it."""
        wizard, self.wizard = self.wizard, None
        if wizard is None or not shiboken6.isValid(wizard):
            return
        wizard.rejected.disconnect(self._wizard_cancelled)
        flow = wizard.flow

        def lock_created() -> None:  # on the worker, after a create still under way
            if flow.journal is not None:
                flow.journal.lock()

        self.worker.call(lock_created)
        wizard.close()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The client's arguments; its help in the CLI's language (cli.support.language), as the
    same program folder's `samjournal-cli` gives its own."""
    prog = "SamJournal" if getattr(sys, "frozen", False) else "python -m ui"
    parser = Parser(prog=prog, description=words("help_client"))
    parser.add_argument("--demo", action="store_true", help=words("help_client_demo"))
    parser.add_argument(
        "journal", nargs="?", type=Path, metavar="JOURNAL", help=words("help_journal")
    )
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    keep_private()  # no core dump of the key or a family's data (samjournal/private_memory.py)
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    missing = missing_xcb_packages()
    if missing and QApplication.instance() is None:
        print(explain(missing), file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    icon = Path(__file__).resolve().parent.parent / "resources" / "icons" / "samjournal.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    controller = App()
    controller.start(demo=args.demo, path=args.journal)
    code = app.exec()
    controller.worker.stop()
    RENDERER.stop()
    return int(code)
