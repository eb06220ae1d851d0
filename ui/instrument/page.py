"""One page of a check-in: the questions one respondent answers, grouped under their sections.

Who gets a page: each adult member, each child old enough for at least one child item, and the
caseworker, for whatever items the instrument has for them. A family member answers for
themself (the core refuses a family's answer without a member), so a family with no members
recorded has only the caseworker's page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from samjournal.instruments.model import Answer, AnswerType, Instrument, Item, Respondent
from samjournal.model import Member
from ui.instrument.answers import AnswerWidget, answer_widget
from ui.translations import ui_language


@dataclass(frozen=True, slots=True)
class PageSpec:
    respondent: Respondent
    member: Member | None
    items: tuple[Item, ...]

    @property
    def key(self) -> tuple[Respondent, int | None]:
        return (self.respondent, None if self.member is None else int(self.member.id))


def age_on(member: Member, day: dt.date) -> int | None:
    if member.birth_date is not None:
        born = member.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    return None if member.birth_year is None else day.year - member.birth_year


def child_items(instrument: Instrument, member: Member, day: dt.date) -> tuple[Item, ...]:
    """The child items a child of this age answers (unknown age: those without an age limit)."""
    age = age_on(member, day)
    return tuple(
        i
        for i in instrument.items_for(Respondent.CHILD)
        if i.min_age is None or (age is not None and age >= i.min_age)
    )


def page_specs(instrument: Instrument, members: Sequence[Member], day: dt.date) -> list[PageSpec]:
    pages: list[PageSpec] = []
    adult_items = instrument.items_for(Respondent.ADULT)
    if adult_items:
        for adult in (m for m in members if not m.is_child):
            pages.append(PageSpec(Respondent.ADULT, adult, adult_items))
    for child in (m for m in members if m.is_child):
        items = child_items(instrument, child, day)
        if items:
            pages.append(PageSpec(Respondent.CHILD, child, items))
    own = instrument.items_for(Respondent.CASEWORKER)
    if own:
        pages.append(PageSpec(Respondent.CASEWORKER, None, own))
    return pages


def page_title(spec: PageSpec) -> str:
    if spec.respondent is Respondent.CASEWORKER:
        return QCoreApplication.translate("CheckinPage", "Caseworker")
    if spec.member is None:  # a check-in from before instruments, answered together
        return QCoreApplication.translate("CheckinPage", "The family together")
    return spec.member.name


def page_intro(spec: PageSpec) -> str:
    if spec.respondent is Respondent.CASEWORKER:
        return QCoreApplication.translate("CheckinPage", "Your own assessment as the caseworker.")
    if spec.respondent is Respondent.CHILD:
        return QCoreApplication.translate("CheckinPage", "%1 answers (child).").replace(
            "%1", page_title(spec)
        )
    return QCoreApplication.translate("CheckinPage", "%1 answers (adult).").replace(
        "%1", page_title(spec)
    )


def anchors(item: Item) -> str:
    """ "0 = Very dissatisfied · 10 = Very satisfied" for a scale with anchored ends."""
    lang = ui_language()
    low, high = {AnswerType.SCALE_0_10: (0, 10), AnswerType.AGREE_1_5: (1, 5)}.get(
        item.type, (None, None)
    )
    if low is None or item.low is None or item.high is None:
        return ""
    return f"{low} = {item.low.get(lang)} · {high} = {item.high.get(lang)}"


class RespondentPage(QWidget):
    """The questions of one respondent, each "Not answered" until given."""

    def __init__(
        self,
        spec: PageSpec,
        answers: Mapping[str, Answer] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.widgets: dict[str, AnswerWidget] = {}
        lang = ui_language()
        layout = QVBoxLayout(self)
        intro = QLabel(page_intro(spec))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        section = None
        for item in spec.items:
            if item.section is not None and item.section != section:
                heading = QLabel(item.section.get(lang))
                heading.setTextFormat(Qt.TextFormat.PlainText)
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                heading.setContentsMargins(0, 8, 0, 0)
                heading.setWordWrap(True)
                heading.setAccessibleName(heading.text())
                layout.addWidget(heading)
            section = item.section
            question = QLabel(item.text.get(lang))
            question.setWordWrap(True)
            question.setTextFormat(Qt.TextFormat.PlainText)
            widget = answer_widget(item)
            widget.setAccessibleName(item.text.get(lang))
            question.setBuddy(widget)
            if answers is not None:
                widget.set_answer(answers.get(item.id))
            self.widgets[item.id] = widget
            layout.addWidget(question)
            row = QHBoxLayout()
            row.addWidget(widget)
            ends = anchors(item)
            if ends:  # the scale's ends in view, not only inside the list
                hint = QLabel(ends)
                hint.setWordWrap(True)
                hint.setTextFormat(Qt.TextFormat.PlainText)
                hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
                widget.setAccessibleDescription(ends)
                row.addWidget(hint, 1)
            else:
                row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(1)

    def answers(self) -> dict[str, Answer]:
        """Every item of the page; None for those not answered."""
        return {item_id: w.answer() for item_id, w in self.widgets.items()}

    def answered(self) -> bool:
        return any(v is not None for v in self.answers().values())
