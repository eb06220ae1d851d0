"""The first-run wizard: a QWizard that renders `samjournal.flows.setup.SetupFlow`.

Every step's input is checked by the flow; the pages only collect it and show the flow's
refusals beside the field. Creation runs on the database worker (the key derivation takes about
half a second by design).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import SIGNAL, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from samjournal.errors import ValidationError
from samjournal.flows.setup import SetupFlow, Step
from samjournal.journal import Journal
from samjournal.kdf import KdfCost
from samjournal.reports import recovery_sheet
from samjournal.settings import ServiceContact
from ui.dialogs.passphrase import StrengthMeter
from ui.errors import describe, field_message
from ui.printing import PrintFailed, print_pdf
from ui.recovery_file import audit_copy, save_recovery_sheet, saved
from ui.translations import core_language
from ui.widgets import (
    FieldError,
    MessageBar,
    NotTheSame,
    PassphraseEdit,
    clear_on_edit,
    fit_to_screen,
)
from ui.worker import DbWorker


class _Page(QWizardPage):
    """Shows a ValidationError from the flow next to the field it names."""

    def __init__(self, flow: SetupFlow, title: str, subtitle: str) -> None:
        super().__init__()
        self.flow = flow
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.errors: dict[str, FieldError] = {}
        self._boxes: dict[str, QWidget] = {}
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.message = MessageBar(self)

    def field_row(self, label: str, widget: QWidget, *names: str) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        error = FieldError(box)
        column.addWidget(error)
        column.addStretch(1)  # the field stays at the top of the room its message keeps
        clear_on_edit(error, widget)
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.form.addRow(caption, box)
        for name in names:
            self.errors[name] = error
            self._boxes[name] = box

    def attempt(self, step: object) -> bool:
        for error in self.errors.values():
            error.clear_error()
        self.message.clear()
        try:
            step()  # type: ignore[operator]
        except ValidationError as exc:
            if exc.field_id in self.errors:
                self.errors[exc.field_id].show_error(field_message(exc))
                # Keep the room the message took: the fields below stay put under the mouse
                # when it goes away as the user types.
                box = self._boxes[exc.field_id]
                box.setMinimumHeight(max(box.minimumHeight(), box.sizeHint().height()))
            else:
                self.message.show_message(describe(exc), MessageBar.ERROR)
            return False
        return True

    def cleanupPage(self) -> None:  # going back: keep what was typed, step the flow back
        if self.flow.can_go_back:
            self.flow.back()


class WelcomePage(_Page):
    """What setting up is, and the language to do it in (before anything is typed)."""

    language_chosen = Signal(str)

    def __init__(self, flow: SetupFlow) -> None:
        super().__init__(
            flow,
            QCoreApplication.translate("SetupWizard", "Welcome to SamJournal"),
            QCoreApplication.translate(
                "SetupWizard", "SamJournal keeps the families' journal encrypted on this computer."
            ),
        )
        about = QLabel(
            QCoreApplication.translate(
                "SetupWizard",
                "Setting it up takes a few minutes: a folder, the first team lead, a passphrase,"
                " and the recovery key to write down or print.",
            )
        )
        about.setWordWrap(True)
        self.layout_.insertWidget(0, about)
        self.language_box = QWidget()
        row = QHBoxLayout(self.language_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.languages: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        for code, name in (("nb", "Norsk bokmål"), ("en", "English")):  # each in its own words
            button = QRadioButton(name)
            button.setChecked(code == core_language())
            button.toggled.connect(lambda on, c=code: self._chosen(c, on))
            group.addButton(button)
            row.addWidget(button)
            self.languages[code] = button
        row.addStretch(1)
        self.form.addRow(
            QCoreApplication.translate("SetupWizard", "Language / Språk:"), self.language_box
        )
        self.layout_.addStretch(1)

    def _chosen(self, code: str, on: bool) -> None:
        if on:
            self.language_chosen.emit(code)

    def cleanupPage(self) -> None:
        pass


class LocationPage(_Page):
    def __init__(self, flow: SetupFlow) -> None:
        super().__init__(
            flow,
            QCoreApplication.translate("SetupWizard", "Where the journal lives"),
            QCoreApplication.translate(
                "SetupWizard",
                "The journal is one folder, encrypted. Choose an empty or new folder on this"
                " computer.",
            ),
        )
        self.path = QLineEdit(str(flow.location))
        browse = QPushButton(QCoreApplication.translate("SetupWizard", "B&rowse…"))
        browse.clicked.connect(self._browse)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.path, 1)
        line.addWidget(browse)
        self.field_row(QCoreApplication.translate("SetupWizard", "&Folder:"), row, "location")
        self.path.setAccessibleName(QCoreApplication.translate("SetupWizard", "Folder"))
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.title(), self.path.text())
        if chosen:
            self.path.setText(chosen)

    def validatePage(self) -> bool:
        return self.attempt(lambda: self.flow.choose_location(self.path.text()))

    def cleanupPage(self) -> None:
        pass


class TeamLeadPage(_Page):
    def __init__(self, flow: SetupFlow) -> None:
        super().__init__(
            flow,
            QCoreApplication.translate("SetupWizard", "The first team lead"),
            QCoreApplication.translate(
                "SetupWizard",
                "The team lead approves payments over the approval limit, manages users and keeps"
                " the recovery key. More users are added later.",
            ),
        )
        self.username = QLineEdit()
        self.username.setPlaceholderText("lise.leder")
        self.field_row(
            QCoreApplication.translate("SetupWizard", "&Username:"), self.username, "username"
        )
        self.display_name = QLineEdit()
        self.field_row(
            QCoreApplication.translate("SetupWizard", "&Full name:"), self.display_name, "name"
        )
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)

    def validatePage(self) -> bool:
        return self.attempt(
            lambda: self.flow.set_team_lead(self.username.text(), self.display_name.text())
        )


class PassphrasePage(_Page):
    def __init__(self, flow: SetupFlow) -> None:
        super().__init__(
            flow,
            QCoreApplication.translate("SetupWizard", "Your passphrase"),
            QCoreApplication.translate(
                "SetupWizard",
                "At least 10 characters. A few ordinary words in a row are easy to remember and"
                " hard to guess.",
            ),
        )
        self.passphrase = PassphraseEdit()
        self.field_row(
            QCoreApplication.translate("SetupWizard", "&Passphrase:"),
            self.passphrase,
            "passphrase",
        )
        self.form.addRow(
            "",
            StrengthMeter(self.passphrase, user_inputs=lambda: (flow.username, flow.display_name)),
        )
        self.repeat = PassphraseEdit()
        self.field_row(
            QCoreApplication.translate("SetupWizard", "R&epeat:"),
            self.repeat,
            "repeat_passphrase",
        )
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        NotTheSame(self.errors["repeat_passphrase"], self.passphrase, self.repeat)

    def validatePage(self) -> bool:
        return self.attempt(
            lambda: self.flow.set_passphrase(self.passphrase.text(), self.repeat.text())
        )


class CreatePage(_Page):
    created = Signal(object)  # Journal

    def __init__(self, flow: SetupFlow, worker: DbWorker) -> None:
        super().__init__(
            flow,
            QCoreApplication.translate("SetupWizard", "Create the journal"),
            QCoreApplication.translate(
                "SetupWizard",
                "SamJournal now makes the encryption keys and the journal. After this you will"
                " see the recovery key once.",
            ),
        )
        self.worker = worker
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(QCoreApplication.translate("SetupWizard", "Creating"))
        self.progress.hide()
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.progress)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        self.setCommitPage(True)
        self.setButtonText(
            QWizard.WizardButton.CommitButton,
            QCoreApplication.translate("SetupWizard", "&Create journal"),
        )
        self._busy = False

    def initializePage(self) -> None:
        self.summary.setText(
            QCoreApplication.translate("SetupWizard", "Folder: %1\nTeam lead: %2 (%3)")
            .replace("%1", str(self.flow.location))
            .replace("%2", self.flow.display_name)
            .replace("%3", self.flow.username)
        )

    def validatePage(self) -> bool:
        if self.flow.step is not Step.CREATE:
            return True
        if not self._busy:
            self._busy = True
            self.progress.show()
            self.message.clear()
            self.wizard().button(QWizard.WizardButton.CommitButton).setEnabled(False)
            self.worker.call(self.flow.create, self._done, self._failed, context=self)
        return False

    def _done(self, journal: Journal) -> None:
        self._busy = False
        self.progress.hide()
        self.created.emit(journal)
        self.wizard().next()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.progress.hide()
        self.wizard().button(QWizard.WizardButton.CommitButton).setEnabled(True)
        self.message.show_message(describe(error), MessageBar.ERROR)


class RecoveryKeyPage(_Page):
    def __init__(self, flow: SetupFlow) -> None:
        super().__init__(
            flow,
            QCoreApplication.translate("SetupWizard", "The recovery key"),
            QCoreApplication.translate(
                "SetupWizard",
                "Write these eight groups on the recovery sheet, in order, and keep it in the"
                " safe. If every passphrase is forgotten, this key is the only way in. It is"
                " shown only now.",
            ),
        )
        self.grid = QGridLayout()
        self.layout_.addLayout(self.grid)
        self.written = QCheckBox(
            QCoreApplication.translate("SetupWizard", "I have &written the key down")
        )
        self.written.toggled.connect(self.completeChanged)
        self.print_button = QPushButton(
            QCoreApplication.translate("SetupWizard", "&Print the recovery sheet…")
        )
        self.print_button.clicked.connect(self.print_sheet)
        # Where no printer is set up: a PDF to print elsewhere.
        self.save_button = QPushButton(QCoreApplication.translate("SetupWizard", "&Save as PDF…"))
        self.save_button.clicked.connect(self.save_sheet)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.written)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)

    def save_sheet(self) -> None:
        try:
            pdf = self.sheet_pdf()
        except Exception as exc:  # shown to the user; the key is still on screen
            self.message.show_message(describe(exc), MessageBar.ERROR)
            return
        outcome = save_recovery_sheet(pdf, self)
        if outcome is not None:
            self.message.show_message(outcome[1], outcome[0])
        if saved(outcome) and self.flow.journal is not None:
            audit_copy(self.flow.journal, printed=False)

    def _fill_groups(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setWeight(QFont.Weight.Bold)
        for index, group in enumerate(self.flow.recovery_groups):
            number = QLabel(f"{index + 1}.")
            text = QLabel(group)
            text.setFont(font)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setAccessibleName(
                QCoreApplication.translate("SetupWizard", "Group %1").replace("%1", str(index + 1))
            )
            row, column = divmod(index, 4)
            self.grid.addWidget(number, row, column * 2)
            self.grid.addWidget(text, row, column * 2 + 1)
        self.grid.setColumnStretch(8, 1)

    def sheet_pdf(self) -> bytes:
        """The recovery sheet as PDF bytes, in memory only (audited as a view)."""
        import datetime as dt

        journal = self.flow.journal
        assert journal is not None
        return recovery_sheet(
            recovery_key="-".join(self.flow.recovery_groups),
            journal_id=journal.journal_id,
            printed_by=journal.user.display_name,
            created=dt.date.today(),
            journal=journal,
        )

    def print_sheet(self) -> None:
        try:
            pdf = self.sheet_pdf()
        except Exception as exc:  # shown to the user; the key is still on screen
            self.message.show_message(describe(exc), MessageBar.ERROR)
            return
        try:
            printed = print_pdf(pdf, self)
        except PrintFailed as exc:  # the key is still on screen: it can be written down
            self.message.show_message(describe(exc), MessageBar.ERROR)
            return
        if printed and self.flow.journal is not None:
            audit_copy(self.flow.journal, printed=True)

    def initializePage(self) -> None:
        # The journal exists from here on: there is nothing left to cancel.
        self.wizard().setOption(QWizard.WizardOption.NoCancelButton, True)
        self._fill_groups()

    def isComplete(self) -> bool:
        return self.written.isChecked()

    def validatePage(self) -> bool:
        if self.flow.step is Step.RECOVERY_KEY:
            return self.attempt(self.flow.key_written_down)
        return True

    def cleanupPage(self) -> None:
        pass


class ConfirmPage(_Page):
    def __init__(self, flow: SetupFlow) -> None:
        super().__init__(
            flow,
            QCoreApplication.translate("SetupWizard", "Check the sheet"),
            QCoreApplication.translate(
                "SetupWizard", "To be sure the key was written down right, type one group from it."
            ),
        )
        self.group = QLineEdit()
        self.group.setMaxLength(9)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.group.setFont(font)
        self.prompt = QLabel()
        self.layout_.insertWidget(0, self.prompt)
        self.field_row(QCoreApplication.translate("SetupWizard", "&Group:"), self.group, "group")
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        # Once the key is confirmed the flow is done: the last page has no way back to here.
        self.setCommitPage(True)
        self.setButtonText(
            QWizard.WizardButton.CommitButton,
            QCoreApplication.translate("SetupWizard", "&Next >"),
        )

    def initializePage(self) -> None:
        self.group.clear()
        self.prompt.setText(
            QCoreApplication.translate(
                "SetupWizard", "Type group number %1 from your sheet."
            ).replace("%1", str(self.flow.confirm_group_number))
        )
        # After QWizard has moved the focus to its Next button: typing goes to the field.
        QTimer.singleShot(0, self.group.setFocus)

    def validatePage(self) -> bool:
        return self.attempt(lambda: self.flow.confirm(self.group.text()))


class DonePage(_Page):
    """The last page: ready, and (optional) the service's contact details that the family's copy
    prints under "Who to call". Finish saves what was typed on the worker, then starts."""

    def __init__(self, flow: SetupFlow, worker: DbWorker) -> None:
        super().__init__(
            flow,
            QCoreApplication.translate("SetupWizard", "Ready"),
            QCoreApplication.translate(
                "SetupWizard",
                "The journal is created and you are signed in. Add caseworkers under"
                " Team lead → Users.",
            ),
        )
        self.worker = worker
        intro = QLabel(
            QCoreApplication.translate(
                "SetupWizard",
                "If you like, fill in how families reach the service: it is printed on the"
                " family's copy. Everything here is optional and can be changed later under"
                " Team lead → Contact details for families.",
            )
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.service_name = QLineEdit()
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.hours = QLineEdit()
        for label, widget, field in (
            (
                QCoreApplication.translate("SetupWizard", "Name of the &service:"),
                self.service_name,
                "service_name",
            ),
            (QCoreApplication.translate("SetupWizard", "&Address:"), self.address, "address"),
            (QCoreApplication.translate("SetupWizard", "&Phone:"), self.phone, "phone"),
            (QCoreApplication.translate("SetupWizard", "&E-mail:"), self.email, "email"),
            (
                QCoreApplication.translate("SetupWizard", "Opening &hours:"),
                self.hours,
                "opening_hours",
            ),
        ):
            self.field_row(label, widget, field)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        self._saved = False

    def contact(self) -> ServiceContact:
        return ServiceContact(
            name=self.service_name.text(),
            address=self.address.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            hours=self.hours.text(),
        )

    def validatePage(self) -> bool:
        journal = self.flow.journal
        if self._saved or journal is None:
            return True
        contact = self.contact()
        if not self.attempt(contact.checked) or contact.empty:
            return contact.empty
        self.wizard().button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.worker.call(
            lambda: journal.update_settings(replace(journal.settings(), service=contact)),
            self._done,
            self._failed,
            context=self,
        )
        return False

    def _done(self, _settings: object) -> None:
        self._saved = True
        self.wizard().button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.wizard().accept()

    def _failed(self, error: BaseException) -> None:
        self.wizard().button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.message.show_message(describe(error), MessageBar.ERROR)


class SetupWizard(QWizard):
    """`finished_setup(journal)` once the journal exists and the key was confirmed."""

    finished_setup = Signal(object)
    language_requested = Signal(str)  # the App installs it, then calls retranslate()

    def __init__(
        self,
        default_location: Path,
        worker: DbWorker,
        *,
        cost: KdfCost | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.flow = SetupFlow(default_location, cost=cost)
        self._worker = worker
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self._build()
        self.currentIdChanged.connect(self._show_step_in_title)
        self.resize(640, 480)

    def retranslate(self) -> None:
        """Build the pages again in the language just installed (only from the welcome page,
        before anything is typed)."""
        if self.currentPage() is not self.welcome_page:
            return
        for page_id in self.pageIds():
            page = self.page(page_id)
            self.removePage(page_id)
            page.deleteLater()
        self._build()
        self.restart()

    def _show_step_in_title(self, page_id: int) -> None:
        # The step in the title tells a screen reader, the task bar and a test driving the real
        # window from outside which page is showing.
        page = self.page(page_id)
        name = self.tr("Set up SamJournal")
        self.setWindowTitle(f"{page.title()} — {name}" if page is not None else name)

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Set up SamJournal"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Start SamJournal"))
        worker = self._worker
        self.welcome_page = WelcomePage(self.flow)
        self.welcome_page.language_chosen.connect(self.language_requested.emit)
        self.location_page = LocationPage(self.flow)
        self.team_lead_page = TeamLeadPage(self.flow)
        self.passphrase_page = PassphrasePage(self.flow)
        self.create_page = CreatePage(self.flow, worker)
        self.key_page = RecoveryKeyPage(self.flow)
        self.confirm_page = ConfirmPage(self.flow)
        self.done_page = DonePage(self.flow, worker)
        for page in (
            self.welcome_page,
            self.location_page,
            self.team_lead_page,
            self.passphrase_page,
            self.create_page,
            self.key_page,
            self.confirm_page,
            self.done_page,
        ):
            self.addPage(page)

    def showEvent(self, event: QShowEvent) -> None:
        # The choice shows only where the App is there to install the language it asks for.
        connected = self.receivers(SIGNAL("language_requested(QString)")) > 0
        self.welcome_page.language_box.setVisible(connected)
        label = self.welcome_page.form.labelForField(self.welcome_page.language_box)
        if label is not None:
            label.setVisible(connected)
        super().showEvent(event)
        fit_to_screen(self)  # never bigger than the screen (2x scaling on a laptop)

    @property
    def journal(self) -> Journal | None:
        return self.flow.journal

    def accept(self) -> None:
        # QWizard asks the page only in done(), after this: the program started on the
        # journal while the last page refused an e-mail (or was still saving), and the
        # contact details typed there were lost (review s10).
        if not self.validateCurrentPage():
            return
        journal = self.flow.journal
        if journal is not None and self.flow.step is Step.DONE:
            self.finished_setup.emit(journal)
        super().accept()
