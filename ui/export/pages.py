"""The export wizard's first page: choosing the study (and importing its profile)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QProgressBar, QPushButton

from samjournal.flows.export import ExportFlow, Problem, Review, Step, StudyChoice
from ui import fmt
from ui.export import labels
from ui.export.flow_page import FlowPage, plain_label
from ui.session import Session
from ui.table_model import Column, RecordTableModel, record_table, selected_record
from ui.widgets import MessageBar


class StudyPage(FlowPage):
    import_requested = Signal()

    def __init__(self, flow: ExportFlow, session: Session) -> None:
        super().__init__(
            flow,
            session,
            QCoreApplication.translate("ExportWizard", "Choose the study"),
            QCoreApplication.translate(
                "ExportWizard",
                "Only families where every adult has consented to the study are sent. Names,"
                " identity numbers, contact details and free text never leave the journal.",
            ),
        )
        self.model = RecordTableModel[StudyChoice](
            [
                Column(QCoreApplication.translate("ExportWizard", "Study"), lambda s: s.name),
                Column(
                    QCoreApplication.translate("ExportWizard", "Organisation"),
                    lambda s: s.organisation,
                    stretch=True,
                ),
                Column(QCoreApplication.translate("ExportWizard", "Profile"), self._profile),
                Column(
                    QCoreApplication.translate("ExportWizard", "Bundles sent"),
                    lambda s: labels.number(s.exports),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("ExportWizard", "Last export"),
                    lambda s: fmt.date(s.last_export),
                ),
                Column(
                    QCoreApplication.translate("ExportWizard", "Waiting for receipt"),
                    lambda s: labels.number(s.waiting),
                    right=True,
                ),
            ],
            self,
        )
        self.table = record_table(self.model, QCoreApplication.translate("ExportWizard", "Studies"))
        self.table.doubleClicked.connect(lambda _i: self.wizard().next())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._say_what_it_lacks())
        self.full = QCheckBox(
            QCoreApplication.translate(
                "ExportWizard",
                "Send &everything again (a full bundle), not only what changed since the last one",
            )
        )
        self.full.setToolTip(
            QCoreApplication.translate(
                "ExportWizard",
                "The first bundle to a study is always full. Ask for a full one again when the"
                " evaluator has lost data or asks to rebuild.",
            )
        )
        self.empty = plain_label(
            QCoreApplication.translate(
                "ExportWizard",
                "The journal knows no study yet. Import the study profile (study.json) you got"
                " from the evaluator first.",
            )
        )
        self.empty.hide()
        self.import_button = QPushButton(
            QCoreApplication.translate("ExportWizard", "&Import study profile…")
        )
        self.import_button.clicked.connect(self.import_requested)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(14)
        self.busy.setAccessibleName(QCoreApplication.translate("ExportWizard", "Working"))
        self.busy.hide()
        row = QHBoxLayout()  # the long check box on a line of its own: it fits at 2x scaling
        row.addWidget(self.import_button)
        row.addStretch(1)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self.empty)
        self.layout_.addWidget(self.full)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.busy)
        self.layout_.addWidget(self.message)
        self.loaded = False
        self._waiting = False
        self._select: str | None = None

    def _profile(self, study: StudyChoice) -> str:
        if study.ready:
            return QCoreApplication.translate("ExportWizard", "Imported (k = %1)").replace(
                "%1", str(study.k)
            )
        return QCoreApplication.translate("ExportWizard", "Missing")

    def initializePage(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.loaded = False
        self.run(lambda j: self.flow.load(j), self._loaded)

    def _loaded(self, studies: tuple[StudyChoice, ...]) -> None:
        self.model.set_rows(studies)
        self.loaded = True
        self.empty.setVisible(not studies)
        self.table.setVisible(bool(studies))
        ready = [i for i, s in enumerate(studies) if s.ready]
        if studies:  # one to export to, else the first: with one study, that is the one meant
            self.table.selectRow(ready[0] if ready else 0)
        if ready:
            self.table.setFocus()
        else:
            self.import_button.setFocus()
        if self._select is not None:
            self._apply_selection()

    def _say_what_it_lacks(self) -> None:
        """The chosen study's missing profile, or nothing: what was said of another choice
        ("Choose a study", a refusal) stayed, under a row that had since got its profile."""
        study = selected_record(self.table)
        if isinstance(study, StudyChoice) and not study.ready:
            self.message.show_message(labels.problem(Problem.NO_PROFILE), MessageBar.INFO)
        else:
            self.message.clear()
        # A study's first bundle is full anyway: the choice is offered once one was sent.
        sent = isinstance(study, StudyChoice) and study.exports > 0
        self.full.setEnabled(sent)
        if not sent:
            self.full.setChecked(False)

    def select_when_loaded(self, study_id: str) -> None:
        """Select a study once the list is (re)loaded, such as one just imported."""
        self._select = study_id
        if self.loaded:
            self._apply_selection()

    def _apply_selection(self) -> None:
        for i, study in enumerate(self.model.rows()):
            if study.id == self._select:
                self.table.selectRow(i)
                self._select = None

    def validatePage(self) -> bool:
        if self.flow.step is not Step.STUDY:
            return True
        if self._waiting:
            return False
        study: StudyChoice | None = selected_record(self.table)
        if study is None:
            self.message.show_message(labels.problem(Problem.NO_STUDY), MessageBar.ERROR)
            return False
        self.message.clear()
        self._waiting = True
        self.set_busy(True)
        self.busy.show()
        study_id, full = study.id, self.full.isChecked()
        self.run(
            lambda j: self.flow.choose_study(j, study_id, full=full), self._reviewed, self._refused
        )
        return False

    def _reviewed(self, _review: Review) -> None:
        self._waiting = False
        self.busy.hide()
        self.set_busy(False)
        self.wizard().next()

    def _refused(self, error: BaseException) -> None:
        self._waiting = False
        self.busy.hide()
        self.failed(error)

    def cleanupPage(self) -> None:
        pass


# -- 2. the review ----------------------------------------------------------------------------
