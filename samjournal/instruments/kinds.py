"""The instruments' enums: how an item is answered, by whom, on which occasion, and whether a
check-in is due (instruments/model.py and due.py re-export them). Like samjournal/kinds.py they
import nothing of the project, so the vocabulary that labels them sits below the messages.
"""

from __future__ import annotations

from enum import StrEnum


class AnswerType(StrEnum):
    SCALE_0_10 = "scale_0_10"  # with anchored ends (low / high)
    AGREE_1_5 = "agree_1_5"  # 1 = disagree completely ... 5 = agree completely
    YES_NO = "yes_no"  # 1 = yes, 0 = no
    CHOICE = "choice"  # one of the item's choices, by choice id
    NUMBER = "number"  # a whole number within minimum..maximum


class Respondent(StrEnum):
    ADULT = "adult"  # each adult member answers
    CHILD = "child"  # children from Item.min_age
    CASEWORKER = "caseworker"


class Occasion(StrEnum):
    BASELINE = "baseline"
    FOLLOW_UP = "follow_up"
    CLOSING = "closing"
    OTHER = "other"


class DueState(StrEnum):
    NONE = "none"
    DUE = "due"
    OVERDUE = "overdue"
