"""Import a study profile (team lead): choose study.json, read the fingerprint out with the
evaluator over the phone, import. Renders `samjournal.flows.export.StudyImport`."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from samjournal.evaluation.instrument_words import instrument_sentences
from samjournal.evaluation.policy_words import policy_sentences
from samjournal.evaluation.profile import StudyProfile
from samjournal.flows.export import (
    ImportStep,
    ProfileFacts,
    Refused,
    StudyImport,
)
from ui.errors import describe
from ui.export import labels
from ui.scroll_body import ScrollBody
from ui.session import Session
from ui.translations import core_language
from ui.widgets import Dialog, FieldError, MessageBar, fit_to_screen


class RulesBox(QPlainTextEdit):
    """The rules and the questions, read-only, scrolling inside the dialog: an instrument of
    many questions must not push the fingerprint and the buttons off the screen."""

    # What it asks for: the dialog gives it more as the screen has room (`fit`), and the
    # layout takes it back first when the screen is small (a larger hint would make the
    # middle scroll as a whole instead).
    LINES = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)  # Tab moves on; the arrows and Page keys scroll
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setMinimumHeight(6 * self.fontMetrics().lineSpacing())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.LINES * self.fontMetrics().lineSpacing())


class ImportStudyDialog(Dialog):
    """`imported(profile)` after the import; the study can be exported to from then on."""

    imported = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.flow = StudyImport()
        self.setWindowTitle(self.tr("Import study profile"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(True)
        self._busy = False
        layout = self._layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The evaluator gives you the study profile (study.json). It says where bundles"
                " are encrypted to and what the journal must do before anything leaves it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Study profile file"))
        self.path.setPlaceholderText("study.json")
        self.path.returnPressed.connect(self.read)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        self.read_button = QPushButton(self.tr("Rea&d"))
        self.read_button.clicked.connect(self.read)
        line = QHBoxLayout()
        line.addWidget(self.path, 1)
        line.addWidget(browse)
        line.addWidget(self.read_button)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(line)
        self.file_error = FieldError(box)
        column.addWidget(self.file_error)
        caption = QLabel(self.tr("&File:"))
        caption.setBuddy(self.path)
        form.addRow(caption, box)
        layout.addLayout(form)

        self.details = QGroupBox(self.tr("The study"))
        facts = QFormLayout(self.details)
        self.values: dict[str, QLabel] = {}
        for name, text in (
            ("name", self.tr("Study:")),
            ("organisation", self.tr("Organisation:")),
        ):
            value = QLabel()
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            value.setAccessibleName(text.rstrip(":"))
            self.values[name] = value
            facts.addRow(text, value)
        self.rules = RulesBox()
        rules_caption = QLabel(self.tr("Rules:"))
        self.rules.setAccessibleName(rules_caption.text().rstrip(":"))
        rules_caption.setBuddy(self.rules)
        facts.addRow(rules_caption, self.rules)
        self.fingerprint = QLabel()
        self.fingerprint.setTextFormat(Qt.TextFormat.PlainText)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.fingerprint.setFont(font)
        self.fingerprint.setAccessibleName(self.tr("Fingerprint in the file"))
        facts.addRow(self.tr("Fingerprint:"), self.fingerprint)
        self.replaces = QLabel()
        self.replaces.setWordWrap(True)
        self.replace = QCheckBox(self.tr("&Replace the existing profile"))
        facts.addRow(self.replaces)
        facts.addRow(self.replace)
        # The study's facts and the comparison scroll as one when the screen is too small for
        # them; the file line above and the buttons below stay in view.
        middle = QVBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self.details, 1)

        self.check = QGroupBox(self.tr("Compare with the evaluator"))
        check = QFormLayout(self.check)
        how = QLabel(
            self.tr(
                "Call the evaluator on a number you already know and ask them to read their"
                " fingerprint aloud. Type what you hear; import only if it is the same."
            )
        )
        how.setWordWrap(True)
        check.addRow(how)
        self.heard = QLineEdit()
        self.heard.setAccessibleName(self.tr("Fingerprint read out by the evaluator"))
        self.heard.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX")
        self.heard.textChanged.connect(self._update)
        heard_box = QWidget()
        heard_column = QVBoxLayout(heard_box)
        heard_column.setContentsMargins(0, 0, 0, 0)
        heard_column.addWidget(self.heard)
        self.heard_error = FieldError(heard_box)
        heard_column.addWidget(self.heard_error)
        self.heard.textEdited.connect(lambda _t: self.heard_error.clear_error())
        heard_caption = QLabel(self.tr("Read &out:"))
        heard_caption.setBuddy(self.heard)
        check.addRow(heard_caption, heard_box)
        self.municipality = QLineEdit()
        self.municipality.setAccessibleName(self.tr("Municipality"))
        municipality_caption = QLabel(self.tr("&Municipality:"))
        municipality_caption.setBuddy(self.municipality)
        self.municipality.setToolTip(
            self.tr("The place name sent instead of addresses and (when too few) districts.")
        )
        check.addRow(municipality_caption, self.municipality)
        middle.addWidget(self.check)
        self.middle = ScrollBody(middle)
        layout.addWidget(self.middle, 1)

        self.message = MessageBar(self)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())  # not a minimum: that overrode the layout's
        self._show(None)

    # -- choosing and reading the file ------------------------------------------------------

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.windowTitle(),
            self.path.text(),
            self.tr("Study profiles (*.json);;All files (*)"),
        )
        if chosen:
            self.path.setText(chosen)
            self.read()

    def read(self) -> None:
        if self._busy:
            return
        self.flow.back()
        self._show(None)
        self.file_error.clear_error()
        self.message.clear()
        path = self.path.text()
        self._set_busy(True)
        self.session.submit(
            lambda j: self.flow.read(j, path), self._read, self._read_failed, context=self
        )

    def _read(self, facts: ProfileFacts) -> None:
        self._set_busy(False)
        self._show(facts)
        self.heard.setFocus()

    def _read_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._show(None)
        if isinstance(error, Refused):
            self.file_error.show_error(labels.problem(error.problem))
        else:
            self.file_error.show_error(describe(error))
        self.fit()

    def _show(self, facts: ProfileFacts | None) -> None:
        self.details.setVisible(facts is not None)
        self.check.setVisible(facts is not None)
        if facts is not None:
            profile = facts.profile
            policy = profile.policy
            self.values["name"].setText(f"{profile.name} ({profile.id})")
            self.values["organisation"].setText(profile.organisation)
            # The rules in plain words, read before the import (k, m, rounding, caps, tables).
            # ... and the questions the families will be asked (issue 17).
            lines = policy_sentences(policy, core_language())
            lines += instrument_sentences(profile.instruments, core_language())
            self.rules.setPlainText("\n".join(f"• {line}" for line in lines))
            self.fingerprint.setText(profile.fingerprint)
            self.municipality.setText(policy.municipality)
            if facts.replaces:
                self.replaces.setText(
                    self.tr(
                        "The journal already has another profile for this study (fingerprint"
                        " %1). Importing this one replaces it: bundles from now on are"
                        " encrypted to the new profile's keys."
                    ).replace("%1", facts.replaces)
                )
            elif not facts.first:
                self.replaces.setText(
                    self.tr("The journal already has this profile; importing it again is safe.")
                )
            else:
                self.replaces.setText("")
            self.replaces.setVisible(bool(self.replaces.text()))
            self.replace.setVisible(facts.replaces is not None)
            self.replace.setChecked(False)
        self.heard.clear()
        self.heard_error.clear_error()
        self._update()
        self.fit()

    def fit(self, room: QRect | None = None) -> None:
        """Grow to show what appeared (details, an error); never shrink under the user; then
        fit `room` (the screen's free area unless told)."""
        self._layout.activate()
        hint = self.sizeHint()
        # The rules and questions get as many lines more as the screen has room for.
        more = 0 if not self.details.isVisible() else 22 * self.rules.fontMetrics().lineSpacing()
        height = max(self.height(), hint.height() + more)
        self.resize(max(self.width(), hint.width(), 620), height)
        fit_to_screen(self, room)

    def _update(self) -> None:
        ready = self.flow.step is ImportStep.CONFIRM and bool(self.heard.text().strip())
        self.import_button.setEnabled(ready and not self._busy)

    # -- importing --------------------------------------------------------------------------

    def run(self) -> None:
        if self._busy or self.flow.step is not ImportStep.CONFIRM:
            return
        self.heard_error.clear_error()
        self.message.clear()
        try:
            self.flow.confirm(
                self.heard.text(),
                replace=self.replace.isChecked(),
                municipality=self.municipality.text(),
            )
        except Refused as exc:
            self.heard_error.show_error(labels.problem(exc.problem))
            self.fit()
            return
        self._set_busy(True)
        self.session.submit(self.flow.run, self._imported, self._failed, context=self)

    def _imported(self, profile: StudyProfile) -> None:
        self._set_busy(False)
        self.imported.emit(profile)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.show_message(
            self.tr("Not imported: %1").replace("%1", describe(error)), MessageBar.ERROR
        )
        self.fit()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.read_button.setEnabled(not busy)
        self._update()
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
