"""What the demo knows about one kind of need: its words, and what the budget may pay for it.

The needs themselves are in `samjournal.demo.needs_home` and `samjournal.demo.needs_everyday`;
their templates use the placeholders listed in `samjournal.demo.notes`.
"""

from __future__ import annotations

from dataclasses import dataclass

from samjournal.model import NeedCategory as C
from samjournal.model import PaymentMethod as M


@dataclass(frozen=True, slots=True)
class Item:
    """Something the family's budget may pay for; kroner, rounded by the generator."""

    purpose: str
    low: int
    high: int
    method: M = M.BANK_TRANSFER
    recurring: bool = False  # proposed again at later meetings while the need is open


@dataclass(frozen=True, slots=True)
class NeedText:
    key: str
    category: C
    words: tuple[str, ...]  # the need in the family's own words
    agreed: tuple[str, ...]  # what was agreed when it was taken up
    progress: tuple[str, ...]  # the family's words at later meetings
    met: tuple[str, ...]
    dropped: tuple[str, ...]
    items: tuple[Item, ...] = ()
    partners: tuple[str, ...] = ()
    needs_child: bool = False
    immigrant_only: bool = False
    months: tuple[int, ...] = ()  # when it comes up (and recurring costs fall due); () any time
