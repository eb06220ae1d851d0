"""What every wizard flow does with its steps."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

S = TypeVar("S", bound=StrEnum)


def previous(step: S, back: Mapping[S, S]) -> S:
    """The step before `step`. A step with no way back is refused: the window offers no Back
    there, so asking is a programming error, not the user's."""
    if step not in back:
        raise RuntimeError(f"cannot go back from {step}")
    return back[step]
