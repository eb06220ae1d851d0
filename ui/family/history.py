"""History: earlier versions of the case record, and the audit events of this family."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from samjournal.journal import Journal
from samjournal.model import AuditEvent, FamilyId, Version
from ui import fmt, labels
from ui.family.tab import FamilyTab
from ui.session import Session
from ui.table_model import Column, RecordTableModel, record_table

_SHOWN_FIELDS = ("display_name", "status", "district", "budget_ore", "owner_id", "closed_on")


@dataclass(frozen=True)
class Change:
    version: Version
    changed: str


def describe_changes(versions: list[Version]) -> list[Change]:
    """Each version with the fields that differ from the one before (names, not values)."""
    out: list[Change] = []
    previous: dict[str, object] | None = None
    for version in versions:
        if previous is None:
            changed = "created"
        else:
            changed = ", ".join(k for k in _SHOWN_FIELDS if previous.get(k) != version.data.get(k))
        out.append(Change(version, changed))
        previous = version.data
    return list(reversed(out))


class HistoryTab(FamilyTab):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._loaded_for: FamilyId | None = None
        self.versions = RecordTableModel[Change](
            [
                Column(self.tr("Version"), lambda c: str(c.version.version), right=True),
                Column(self.tr("Changed by"), lambda c: c.version.changed_by),
                Column(self.tr("When"), lambda c: fmt.datetime(c.version.changed_at)),
                Column(self.tr("Fields changed"), self._changed, stretch=True),
            ],
            self,
        )
        self.events = RecordTableModel[AuditEvent](
            [
                Column(self.tr("When"), lambda e: fmt.datetime(e.at)),
                Column(self.tr("User"), lambda e: e.user),
                Column(self.tr("Action"), lambda e: labels.audit_action(e.action)),
                Column(
                    self.tr("Record"), lambda e: f"{labels.entity(e.entity)} {e.entity_id}".strip()
                ),
                Column(self.tr("Detail"), lambda e: e.detail, stretch=True),
            ],
            self,
        )
        versions_box = QGroupBox(self.tr("Versions of the case record"))
        QVBoxLayout(versions_box).addWidget(
            record_table(self.versions, self.tr("Versions of the case record"))
        )
        events_box = QGroupBox(self.tr("Who has read or changed this family (audit log)"))
        QVBoxLayout(events_box).addWidget(record_table(self.events, self.tr("Audit events")))
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(versions_box)
        splitter.addWidget(events_box)
        splitter.setStretchFactor(1, 2)
        self.reload_button = QPushButton(self.tr("Re&load history"))
        self.reload_button.clicked.connect(self.load)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _changed(self, change: Change) -> str:
        return self.tr("created") if change.changed == "created" else change.changed

    def refresh(self) -> None:
        if self.isVisible():
            self.load()
        else:
            self._loaded_for = None

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self.data is not None and self._loaded_for != self.data.family_id:
            self.load()

    def load(self) -> None:
        if self.data is None:
            return
        family_id = self.data.family_id
        self._loaded_for = family_id

        def read(journal: Journal) -> tuple[list[Version], list[AuditEvent]]:
            return journal.families.history(family_id), journal.audit_events(family_id)

        def show(result: tuple[list[Version], list[AuditEvent]]) -> None:
            self.versions.set_rows(describe_changes(result[0]))
            self.events.set_rows(result[1])

        self.run(read, show)
