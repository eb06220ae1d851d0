"""Search folding: the one rule for which spellings of a word search takes as the same.

Names are written several ways in Norway: Ødegård, Odegard, Oedegaard; Åsen, Aasen; Sæther,
Saether. Staff on an English keyboard, or in a hurry, type the plain letters. The search index
holds a folded copy of every text (records/base.index, migration 0015) and a query is folded the
same way (records/search), so each of these finds the others.

- case and marks go: É -> e, ü -> u, å -> a (SQLite's own `remove_diacritics` does this too, but
  not for ø and æ: they are letters, not letters with a mark);
- ø is o and æ is ae, the letters typed without their stroke or as two;
- the two-letter spellings fold to one: aa -> a (Aasen, Haakon) and oe -> o (Oedegaard, Schroeder).

æ does not fold to a: it has no plain letter it is "typed without", and ae -> a would make
Michael and Michal, or "være" and "vare", one word. Folding only widens what matches; a few
different words meet (Moen and Mon, før and for), as å and a already did.
"""

from __future__ import annotations

import re
import unicodedata
from unicodedata import combining

_LETTERS = str.maketrans({"ø": "o", "æ": "ae"})
# What aa and oe add to a and o; all of a run, so that folding twice changes nothing ("aaa").
_SECOND_LETTERS = re.compile(r"(?<=a)a+|(?<=o)e+")


def fold(text: str) -> str:
    """`Ødegård` -> `odegard`, `Oedegaard` -> `odegard`, `Åsen` and `Aasen` -> `asen`."""
    folded = text.casefold()
    if not folded.isascii():  # most names are: the case list folds them all on a keystroke
        folded = _without_marks(folded).translate(_LETTERS)
    return _SECOND_LETTERS.sub("", folded)


def _without_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not combining(c)))
