"""One widget per answer type, each starting at "Not answered", and an answer in words.

Every type is a combo box except a number (a spin box): both take the keyboard (arrows, typing
the start of an entry), name themselves to a screen reader, and have "Not answered" as their
first value, so a question skipped is never saved as an answer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from samjournal.instruments.model import Answer, AnswerType, Item
from ui.translations import ui_language

DASH = "\u2013"


def not_answered() -> str:
    return QCoreApplication.translate("Answers", "Not answered")


def _agree_words() -> dict[int, str]:
    return {
        1: QCoreApplication.translate("Answers", "Strongly disagree"),
        2: QCoreApplication.translate("Answers", "Somewhat disagree"),
        3: QCoreApplication.translate("Answers", "Neither agree nor disagree"),
        4: QCoreApplication.translate("Answers", "Somewhat agree"),
        5: QCoreApplication.translate("Answers", "Strongly agree"),
    }


def choices(item: Item) -> list[tuple[str, Answer]]:
    """The entries of a combo item after "Not answered": (words, answer)."""
    lang = ui_language()
    if item.type is AnswerType.SCALE_0_10:
        ends = {0: item.low, 10: item.high}
        return [
            (f"{n} {DASH} {end.get(lang)}" if (end := ends.get(n)) else str(n), n)
            for n in range(11)
        ]
    if item.type is AnswerType.AGREE_1_5:
        words = _agree_words()
        if item.low is not None:
            words[1] = item.low.get(lang)
        if item.high is not None:
            words[5] = item.high.get(lang)
        return [(f"{n} {DASH} {words[n]}", n) for n in range(1, 6)]
    if item.type is AnswerType.YES_NO:
        return [
            (QCoreApplication.translate("Answers", "Yes"), 1),
            (QCoreApplication.translate("Answers", "No"), 0),
        ]
    if item.type is AnswerType.CHOICE:
        return [(c.text.get(lang), c.id) for c in item.choices]
    return []


def answer_text(item: Item | None, value: Answer) -> str:
    """A recorded answer in words: "7 – Completely satisfied", "Yes", a choice's text."""
    if value is None:
        return not_answered()
    if item is None:  # an item the instrument no longer has: the raw value
        return str(value)
    if item.type is AnswerType.NUMBER:
        return str(value)
    found = next((words for words, v in choices(item) if v == value), None)
    return found if found is not None else str(value)


class ChoiceBox(QComboBox):
    """Scale, agreement, yes/no or one of a list: "Not answered" first and by default."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.addItem(not_answered(), None)
        for words, value in choices(item):
            self.addItem(words, value)
        self.setCurrentIndex(0)
        # One width for every list of the page, wide enough for "3 – Neither agree nor …".
        self.setMinimumContentsLength(26)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def answer(self) -> Answer:
        value = self.currentData()
        return value if isinstance(value, int | str) else None

    def set_answer(self, value: Answer) -> None:
        index = self.findData(value) if value is not None else 0
        self.setCurrentIndex(max(index, 0))


class NumberBox(QSpinBox):
    """A whole number within the item's bounds; one below the lowest shows "Not answered"."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        low = item.minimum if item.minimum is not None else 0
        high = item.maximum if item.maximum is not None else 1_000_000
        self._unanswered = low - 1
        self.setRange(self._unanswered, high)
        self.setSpecialValueText(not_answered())
        self.setValue(self._unanswered)
        self.setMinimumWidth(140)

    def answer(self) -> Answer:
        return None if self.value() == self._unanswered else self.value()

    def set_answer(self, value: Answer) -> None:
        self.setValue(value if isinstance(value, int) else self._unanswered)


AnswerWidget = ChoiceBox | NumberBox


def answer_widget(item: Item) -> AnswerWidget:
    return NumberBox(item) if item.type is AnswerType.NUMBER else ChoiceBox(item)
