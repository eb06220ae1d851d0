"""The export wizard's pages, part two: the destination folder, the export with its progress
(stoppable only until the bundle is being written), and the result with what to do next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from samjournal.flows.export import (
    PHASES,
    ExportFlow,
    Outcome,
    Progress,
    Refused,
    Step,
)
from samjournal.journal import Journal
from ui.errors import core_message
from ui.export import labels
from ui.export.flow_page import FlowPage, bold, plain_label
from ui.session import Session
from ui.widgets import FieldError, MessageBar
from ui.worker import Task

# -- 3. the destination -----------------------------------------------------------------------


class DestinationPage(FlowPage):
    def __init__(self, flow: ExportFlow, session: Session) -> None:
        super().__init__(
            flow,
            session,
            QCoreApplication.translate("ExportWizard", "Where to put the bundle"),
            QCoreApplication.translate(
                "ExportWizard",
                "Choose a folder on this computer or on a USB stick. The bundle is one encrypted"
                " file that only the study's evaluator can open.",
            ),
        )
        form = QFormLayout()
        self.layout_.addLayout(form)
        self.path = QLineEdit()
        self.path.setPlaceholderText(
            QCoreApplication.translate("ExportWizard", "A folder, for example on a USB stick")
        )
        self.path.setAccessibleName(QCoreApplication.translate("ExportWizard", "Folder"))
        self.path.textChanged.connect(self._inspect)
        browse = QPushButton(QCoreApplication.translate("ExportWizard", "B&rowse…"))
        browse.clicked.connect(self._browse)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        line.addWidget(self.path, 1)
        line.addWidget(browse)
        column.addLayout(line)
        self.error = FieldError(box)
        column.addWidget(self.error)
        caption = QLabel(QCoreApplication.translate("ExportWizard", "&Folder:"))
        caption.setBuddy(self.path)
        form.addRow(caption, box)
        self.file_name = plain_label()
        form.addRow(QCoreApplication.translate("ExportWizard", "File name:"), self.file_name)
        self.space = plain_label()
        form.addRow(QCoreApplication.translate("ExportWizard", "Free space:"), self.space)
        self.needed = plain_label()
        form.addRow(QCoreApplication.translate("ExportWizard", "Bundle size:"), self.needed)
        self.note = plain_label(
            QCoreApplication.translate(
                "ExportWizard",
                "The file is written whole or not at all, and the export is recorded in the"
                " journal's export history. Do not remove the USB stick until the last page"
                " says the bundle is written.",
            )
        )
        self.layout_.addWidget(self.note)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        self.setCommitPage(True)
        self.setButtonText(
            QWizard.WizardButton.CommitButton,
            QCoreApplication.translate("ExportWizard", "&Export"),
        )

    def initializePage(self) -> None:
        review = self.flow.review
        assert review is not None
        self.file_name.setText(review.file_name)
        self.needed.setText(
            QCoreApplication.translate("ExportWizard", "up to about %1").replace(
                "%1", labels.size(review.estimated_bytes)
            )
        )
        self._inspect(self.path.text())

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.title(), self.path.text())
        if chosen:
            self.path.setText(chosen)

    def _inspect(self, text: str) -> None:
        """Free space while the user picks (a stat call: cheap, so on the GUI thread)."""
        self.error.clear_error()
        if not text.strip():
            self.space.setText("")
            return
        try:
            seen = self.flow.inspect(text)
        except Refused:
            self.space.setText("")
            return
        self.space.setText(labels.size(seen.free_bytes))
        if seen.low_space:
            self.error.show_error(
                QCoreApplication.translate(
                    "ExportWizard", "There may not be room for the bundle here."
                )
            )

    def validatePage(self) -> bool:
        if self.flow.step is not Step.DESTINATION:
            return True
        return self.attempt(lambda: self.flow.choose_destination(self.path.text()), self.error)

    def show_stopped(self, text: str, kind: str) -> None:
        self.message.show_message(text, kind)


# -- 4. exporting -----------------------------------------------------------------------------


class ExportingPage(FlowPage):
    finished_export = Signal(object)  # Outcome
    stopped = Signal(object)  # the error, or Cancelled
    _progress = Signal(object)  # Progress, from the worker thread

    def __init__(self, flow: ExportFlow, session: Session) -> None:
        super().__init__(
            flow,
            session,
            QCoreApplication.translate("ExportWizard", "Exporting"),
            QCoreApplication.translate(
                "ExportWizard",
                "The bundle is anonymised, signed with the journal's key and encrypted to the"
                " study.",
            ),
        )
        self.step_label = bold(plain_label())
        self.progress = QProgressBar()
        self.progress.setAccessibleName(QCoreApplication.translate("ExportWizard", "Exporting"))
        self.progress.setTextVisible(False)
        self.stop_note = plain_label()
        self.stop_button = QPushButton(QCoreApplication.translate("ExportWizard", "&Stop"))
        self.stop_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.stop_note, 1)
        row.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_.addWidget(self.step_label)
        self.layout_.addWidget(self.progress)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        self.task: Task | None = None
        self.cancellable = False
        # No way back from here: the wizard moves on by itself when the bundle is written.
        self.setCommitPage(True)
        self.setButtonText(
            QWizard.WizardButton.CommitButton,
            QCoreApplication.translate("ExportWizard", "&Next >"),
        )
        self._progress.connect(self.show_progress)  # queued: emitted on the worker thread

    def initializePage(self) -> None:
        self.message.clear()
        self.show_progress(Progress(PHASES[0], 1, len(PHASES), True))
        flow = self.flow
        emit = self._progress.emit

        def work(journal: Journal, task: Task) -> Outcome:
            return flow.export(journal, progress=emit, checkpoint=task.check)

        self.task = self.session.worker.submit_task(work, self._done, self._failed, context=self)

    @Slot(object)
    def show_progress(self, progress: Progress) -> None:
        self.cancellable = progress.cancellable
        self.step_label.setText(
            QCoreApplication.translate("ExportWizard", "Step %1 of %2: %3")
            .replace("%1", str(progress.number))
            .replace("%2", str(progress.count))
            .replace("%3", labels.phase(progress.phase))
        )
        self.progress.setRange(0, progress.count)
        self.progress.setValue(progress.number - 1)
        self.stop_button.setEnabled(progress.cancellable)
        if progress.cancellable:
            self.stop_note.setText(
                QCoreApplication.translate(
                    "ExportWizard", "You can still stop: nothing has been written yet."
                )
            )
        else:
            self.stop_note.setText(
                QCoreApplication.translate(
                    "ExportWizard",
                    "This cannot be stopped now: the bundle is written and recorded in one go,"
                    " whole or not at all. It takes a moment.",
                )
            )

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def cancel(self) -> bool:
        """Ask the export to stop; False when it is past the point where stopping counts."""
        if not self.running or self.task is None:
            return False
        if not self.cancellable:
            self.message.show_message(
                QCoreApplication.translate(
                    "ExportWizard", "The bundle is being written and cannot be stopped now."
                ),
                MessageBar.WARNING,
            )
            return False
        self.task.cancel()
        self.stop_button.setEnabled(False)
        self.stop_note.setText(QCoreApplication.translate("ExportWizard", "Stopping…"))
        return True

    def _done(self, outcome: Outcome) -> None:
        self.progress.setValue(self.progress.maximum())
        self.task = None
        self.finished_export.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.stopped.emit(error)

    def isComplete(self) -> bool:
        return self.flow.step is Step.DONE

    def cleanupPage(self) -> None:
        pass


# -- 5. done ----------------------------------------------------------------------------------


class DonePage(FlowPage):
    def __init__(self, flow: ExportFlow, session: Session) -> None:
        super().__init__(
            flow,
            session,
            QCoreApplication.translate("ExportWizard", "The bundle is written"),
            QCoreApplication.translate(
                "ExportWizard", "Hand the file to the evaluator. It is encrypted to the study."
            ),
        )
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for name, caption in (
            ("file", QCoreApplication.translate("ExportWizard", "File:")),
            ("folder", QCoreApplication.translate("ExportWizard", "Folder:")),
            ("bundle", QCoreApplication.translate("ExportWizard", "Bundle:")),
            ("size", QCoreApplication.translate("ExportWizard", "Size:")),
            ("content", QCoreApplication.translate("ExportWizard", "Content:")),
            ("key", QCoreApplication.translate("ExportWizard", "Signed with key:")),
            ("audit", QCoreApplication.translate("ExportWizard", "Audit log head:")),
        ):
            value = plain_label()
            value.setAccessibleName(caption.rstrip(":"))
            self.values[name] = value
            form.addRow(caption, value)
        # What the done page's last lines are for, for a team lead who has not met them.
        for name, tip in (
            (
                "content",
                QCoreApplication.translate(
                    "ExportWizard",
                    "Removals tell the evaluator what it got before and no longer gets: a household"
                    " that left the study, a row deleted here. They never say why.",
                ),
            ),
            (
                "key",
                QCoreApplication.translate(
                    "ExportWizard",
                    "The journal's own signing key. The evaluator registered it when the study"
                    " began and refuses a bundle signed with any other.",
                ),
            ),
            (
                "audit",
                QCoreApplication.translate(
                    "ExportWizard",
                    "A fingerprint of the journal's audit log as the bundle was made. The bundle"
                    " proves that the log only grew since the last one, so the evaluator would"
                    " see it if the log had been rewritten.",
                ),
            ),
        ):
            self.values[name].setToolTip(tip)
            self.values[name].setAccessibleDescription(tip)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setWeight(QFont.Weight.Bold)
        self.values["file"].setFont(mono)
        self.layout_.addLayout(form)
        self.next_title = bold(
            plain_label(QCoreApplication.translate("ExportWizard", "What to do next"))
        )
        self.next_steps = plain_label()
        self.layout_.addSpacing(8)
        self.layout_.addWidget(self.next_title)
        self.layout_.addWidget(self.next_steps)
        self.open_button = QPushButton(
            QCoreApplication.translate("ExportWizard", "&Open the folder")
        )
        self.open_button.clicked.connect(self._open_folder)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)

    def initializePage(self) -> None:
        outcome = self.flow.outcome
        assert outcome is not None
        entry = outcome.entry
        v = self.values
        v["file"].setText(outcome.file_name)
        v["folder"].setText(str(outcome.path.parent))
        v["bundle"].setText(
            QCoreApplication.translate("ExportWizard", "number %1 (%2) to “%3”")
            .replace("%1", str(entry.sequence))
            .replace("%2", labels.kind(entry.kind))
            .replace("%3", outcome.study.name)
        )
        v["size"].setText(labels.size(outcome.size))
        v["content"].setText(
            QCoreApplication.translate("ExportWizard", "households: %1, rows: %2, removals: %3")
            .replace("%1", labels.number(entry.households))
            .replace("%2", labels.number(entry.rows))
            .replace("%3", labels.number(entry.tombstones))
        )
        v["key"].setText(entry.key_id)
        v["audit"].setText(outcome.audit_head)
        steps = [
            QCoreApplication.translate(
                "ExportWizard",
                "1. If the folder is on a USB stick, eject it safely before you pull it out.",
            ),
            QCoreApplication.translate(
                "ExportWizard",
                "2. Hand the file to the evaluator as agreed with them. Only the study can"
                " open it; keep no other copies.",
            ),
            QCoreApplication.translate(
                "ExportWizard",
                "3. The evaluator sends back a receipt file once the bundle is stored. Import it"
                " under Team lead → Export history → Import receipt. Until then the bundle is"
                " shown as not delivered.",
            ),
        ]
        if outcome.waiting > 1:
            steps.append(
                QCoreApplication.translate(
                    "ExportWizard",
                    "%n bundle(s) to this study are waiting for a receipt.",
                    None,
                    outcome.waiting,
                )
            )
        self.next_steps.setText("\n".join(steps))
        if outcome.notices:  # a bundle an interrupted export left here, put right first
            self.message.show_message(
                "\n".join(core_message(n) for n in outcome.notices), MessageBar.WARNING
            )
        if not outcome.verified:
            self.message.show_message(
                QCoreApplication.translate(
                    "ExportWizard",
                    "The file could not be read back from the folder. The export is recorded;"
                    " check the USB stick, and if the evaluator cannot open the file, make a"
                    " full export.",
                ),
                MessageBar.WARNING,
            )

    def _open_folder(self) -> None:
        outcome = self.flow.outcome
        if outcome is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(outcome.path.parent)))

    def cleanupPage(self) -> None:
        pass
