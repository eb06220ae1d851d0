"""The journal's settings (team lead): approval limit, idle lock, default budget, language."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from samjournal.settings import JournalSettings
from ui.dialogs.form import FormDialog, Work
from ui.session import Session
from ui.widgets import MoneyEdit


class SettingsDialog(FormDialog):
    ASK_BEFORE_DISCARD = False

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session, QCoreApplication.translate("SettingsDialog", "Journal settings"), parent
        )
        current = session.settings
        self.approval_limit = MoneyEdit("approval_limit")
        self.approval_limit.set_value(current.approval_limit)
        self.add_row(self.tr("&Approval limit (NOK):"), self.approval_limit, "approval_limit")
        self.idle = QSpinBox()
        self.idle.setRange(1, 240)
        self.idle.setValue(current.idle_timeout_minutes)
        self.idle.setSuffix(self.tr(" min"))
        self.add_row(self.tr("&Lock after idle:"), self.idle, "idle_timeout")
        self.budget = MoneyEdit("default_budget")
        self.budget.set_value(current.default_budget)
        self.add_row(self.tr("Default yearly &budget (NOK):"), self.budget, "default_budget")
        self.language = QComboBox()
        self.language.addItem("Norsk bokmål", "nb")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.add_row(self.tr("Journal lan&guage:"), self.language, "language")
        self.retention = QSpinBox()
        self.retention.setRange(1, 100)
        self.retention.setValue(current.retention_years)
        self.retention.setSuffix(self.tr(" years"))
        self.add_row(self.tr("Keep closed cases &for:"), self.retention, "retention")
        self.resize(440, self.sizeHint().height())

    def build(self) -> Work:
        settings = replace(
            self.session.settings if self.session else JournalSettings(),
            approval_limit=self.approval_limit.value(),
            idle_timeout_minutes=self.idle.value(),
            default_budget=self.budget.value(),
            language=self.language.currentData(),
            retention_years=self.retention.value(),
        )
        return lambda journal: journal.update_settings(settings)
