"""Check-ins: what is due, the trend chart, the answers newest first, and every answer of the
chosen check-in in words (the items beyond life satisfaction and the domains too)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from samjournal.instruments.model import Instrument, Respondent
from samjournal.model import CHECKIN_DOMAINS, Checkin
from ui import attention, fmt, labels
from ui.dialogs.checkin import CheckinDialog
from ui.family.tab import FamilyTab
from ui.family.trend_chart import TrendChart
from ui.instrument.answers import answer_text
from ui.instrument.due import dues_text
from ui.session import Session
from ui.table_model import Column, RecordTableModel, record_table, selected_record
from ui.translations import ui_language

# Shown in their own columns; the rest of an instrument's items are "other answers".
SCORE_KEYS = frozenset({"life_satisfaction", *CHECKIN_DOMAINS})
# Who answered, elided beyond this many average characters (the whole name is the tooltip), so
# that a long name does not push the scores out of sight ("The family together" fits).
WHO_CHARS = 22


def _score(value: int | None) -> str:
    return "–" if value is None else str(value)


def _domain_score(checkin: Checkin, *, domain: str) -> str:
    return _score(checkin.domains.get(domain))


def _score_column(key: str, score: Callable[[Checkin], str]) -> Column[Checkin]:
    """A score under its short name ("Tillit"), whole in the tooltip: under the whole names
    ("Trust in the services") the eleven columns did not fit at 1024x600."""
    short = labels.checkin_domain_short(key)
    return Column(short, score, right=True, whole=labels.checkin_domain(key))


def share(splitter: QSplitter, *weights: int) -> None:
    """Share the splitter's room by `weights`, from the start as on resizing: stretch factors
    alone share only what is left over the parts' size hints (the chart's took the answers')."""
    for index, weight in enumerate(weights):
        splitter.setStretchFactor(index, weight)
    splitter.setSizes([weight * 1000 for weight in weights])  # relative: scaled to the room


def charted(checkin: Checkin) -> bool:
    """A check-in with a score the trend draws (a caseworker's page has none)."""
    return checkin.life_satisfaction is not None or any(
        v is not None for v in checkin.domains.values()
    )


class CheckinsTab(FamilyTab):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.due.setTextFormat(Qt.TextFormat.PlainText)
        self.due.setAccessibleName(self.tr("Check-ins due"))
        self.chart = TrendChart()
        self.domains = QCheckBox(self.tr("Show &domains"))
        self.domains.toggled.connect(self.chart.set_show_domains)
        columns = [
            Column[Checkin](self.tr("Date"), lambda c: fmt.date(c.answered_on)),
            Column[Checkin](labels.heading("answered_by"), self._who, chars=WHO_CHARS),
            Column[Checkin](self.tr("Occasion"), lambda c: labels.label(c.occasion)),
            _score_column("life_satisfaction", lambda c: _score(c.life_satisfaction)),
            *(_score_column(d, partial(_domain_score, domain=d)) for d in CHECKIN_DOMAINS),
            Column[Checkin](self.tr("Other answers"), self._others, stretch=True),
        ]
        self.model = RecordTableModel[Checkin](columns, self)
        self.view = record_table(self.model, self.tr("Check-ins"))
        self.view.doubleClicked.connect(lambda _i: self.edit_checkin())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_answers())
        self.answers = QPlainTextEdit()
        self.answers.setReadOnly(True)
        self.answers.setAccessibleName(self.tr("Answers of the chosen check-in"))
        self.answers.setPlaceholderText(self.tr("Choose a check-in to see all its answers."))
        self.record_button = QPushButton(self.tr("&Record check-in…"))
        self.record_button.clicked.connect(self.record_checkin)
        self.edit_button = QPushButton(self.tr("&Edit check-in…"))
        self.edit_button.setToolTip(self.tr("Change the answers; the earlier version is kept"))
        self.edit_button.clicked.connect(self.edit_checkin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.domains)
        buttons.addStretch(1)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart, 1)
        chart_layout.addWidget(self.message)  # by the buttons: a message moves no list nor them
        chart_layout.addLayout(buttons)
        # The table below, as wide as the tab: beside the answers, its eleven columns scrolled
        # sideways at 1024x600, and under the chart's three fifths it showed four rows.
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(chart_box)
        upper.addWidget(self.answers)
        share(upper, 3, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.view)
        share(splitter, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.due)
        layout.addWidget(splitter, 1)

    def _who(self, checkin: Checkin) -> str:
        if checkin.respondent is Respondent.CASEWORKER:
            return self.tr("Caseworker")
        member = self.data.member(checkin.member_id) if self.data else None
        return member.name if member else self.tr("The family together")

    def _instrument(self, checkin: Checkin) -> Instrument | None:
        return self.data.known.get(checkin.instrument) if self.data else None

    def _others(self, checkin: Checkin) -> str:
        """The other items answered, short: "Help came at the right time: 4 – Somewhat agree"."""
        instrument = self._instrument(checkin)
        items = {i.id: i for i in instrument.items} if instrument else {}
        lang = ui_language()
        parts = [
            f"{items[k].text.get(lang) if k in items else k}: {answer_text(items.get(k), v)}"
            for k, v in checkin.answers.items()
            if k not in SCORE_KEYS and v is not None
        ]
        return "; ".join(parts)

    def answers_text(self, checkin: Checkin) -> str:
        """Every item of the check-in's instrument version, answered or not, in its order."""
        instrument = self._instrument(checkin)
        lang = ui_language()
        head = (
            self.tr("%1, %2 — %3 (version %4)")
            .replace("%1", fmt.date(checkin.answered_on))
            .replace("%2", self._who(checkin))
            .replace("%3", instrument.title.get(lang) if instrument else checkin.instrument.id)
            .replace("%4", str(checkin.instrument.version))
        )
        occasion = self.tr("Occasion: %1").replace("%1", labels.label(checkin.occasion))
        lines = [head, occasion, ""]
        if instrument is None:
            lines += [f"{k}: {answer_text(None, v)}" for k, v in checkin.answers.items()]
            return "\n".join(lines)
        for item in instrument.items_for(checkin.respondent):
            if item.id in checkin.answers:
                lines.append(
                    f"{item.text.get(lang)}\n    {answer_text(item, checkin.answers[item.id])}"
                )
        return "\n".join(lines)

    def refresh(self) -> None:
        if self.data is None:
            return
        checkins = list(self.data.detail.checkins)
        self.due.setText(dues_text(self.data.due))
        attention.mark(self.due, any(d.overdue for d in self.data.due))
        self.chart.set_checkins([c for c in checkins if charted(c)])
        self.model.set_rows(sorted(checkins, key=lambda c: (c.answered_on, c.id), reverse=True))
        self._show_answers()

    def selected_checkin(self) -> Checkin | None:
        found = selected_record(self.view)
        return found if isinstance(found, Checkin) else None

    def _show_answers(self) -> None:
        checkin = self.selected_checkin()
        self.answers.setPlainText(self.answers_text(checkin) if checkin else "")

    def record_checkin(self) -> None:
        if self.data:
            self.open_dialog(CheckinDialog(self.session, self.data, self))

    def edit_checkin(self) -> None:
        checkin = self.selected_checkin()
        if checkin is None:
            self.ask_to_choose(
                self.view,
                self.tr("Choose a check-in in the list first."),
                self.tr("No check-ins yet: record one first."),
            )
            return
        if self.data:
            self.open_dialog(CheckinDialog(self.session, self.data, self, checkin=checkin))
