"""Check-ins: the trend chart and the answers, newest first."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from samjournal.model import CHECKIN_DOMAINS, Checkin
from ui import fmt, labels
from ui.dialogs.checkin import CheckinDialog
from ui.family.tab import FamilyTab
from ui.family.trend_chart import TrendChart
from ui.session import Session
from ui.table_model import Column, RecordTableModel, record_table


def _score(value: int | None) -> str:
    return "–" if value is None else str(value)


def _domain_score(checkin: Checkin, *, domain: str) -> str:
    return _score(checkin.domains.get(domain))


class CheckinsTab(FamilyTab):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.chart = TrendChart()
        self.domains = QCheckBox(self.tr("Show &domains"))
        self.domains.toggled.connect(self.chart.set_show_domains)
        columns = [
            Column[Checkin](self.tr("Date"), lambda c: fmt.date(c.answered_on)),
            Column[Checkin](self.tr("Answered by"), self._who),
            Column[Checkin](
                labels.checkin_domain("life_satisfaction"),
                lambda c: _score(c.life_satisfaction),
                right=True,
            ),
        ]
        for domain in CHECKIN_DOMAINS:
            columns.append(
                Column[Checkin](
                    labels.checkin_domain(domain),
                    partial(_domain_score, domain=domain),
                    right=True,
                )
            )
        self.model = RecordTableModel[Checkin](columns, self)
        self.view = record_table(self.model, self.tr("Check-ins"))
        self.record_button = QPushButton(self.tr("&Record check-in…"))
        self.record_button.clicked.connect(self.record_checkin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.domains)
        buttons.addStretch(1)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart, 1)
        chart_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(chart_box)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def _who(self, checkin: Checkin) -> str:
        member = self.data.member(checkin.member_id) if self.data else None
        return member.name if member else self.tr("The family together")

    def refresh(self) -> None:
        if self.data is None:
            return
        checkins = list(self.data.detail.checkins)
        self.chart.set_checkins(checkins)
        self.model.set_rows(sorted(checkins, key=lambda c: (c.answered_on, c.id), reverse=True))

    def record_checkin(self) -> None:
        if self.data:
            self.open_dialog(CheckinDialog(self.session, self.data.detail, self))
