"""Full-text search (FTS5) over names, meeting notes, needs and payment purposes.

User input is never passed as query syntax: it is cut into words, each quoted and used as a
prefix, so quotes, stars, parentheses or SQL in the box find text or nothing, never an error.
The index matches a folded copy of each text (folding.fold: Odegard, Oedegaard and Ødegård are
one word), so the words looked for are folded the same way; a hit shows the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from samjournal.folding import fold
from samjournal.model import FamilyId, SearchHit
from samjournal.records import base

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8
SNIPPET_WORDS = 12  # words a hit shows of a longer text
_BEFORE_HIT = 4  # of them, before the first word that matched


def query_words(text: str) -> list[str]:
    """`Ødegård, Ola` -> `["odegard", "ola"]`: the folded words to look for."""
    return _WORD.findall(fold(text))[:MAX_WORDS]


def fts_query(text: str) -> str | None:
    """`Ola "hus` -> `"ola"* "hus"*`; None when there is nothing to look for."""
    words = query_words(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def snippet(text: str, words: Sequence[str]) -> str:
    """`text` as written, cut to SNIPPET_WORDS words around the first one that starts with one
    of the folded `words` (FTS5's snippet() could show only the folded copy the index matched)."""
    found = list(_WORD.finditer(text))
    if len(found) <= SNIPPET_WORDS:
        return text
    prefixes = tuple(words)
    hit = next((i for i, m in enumerate(found) if fold(m[0]).startswith(prefixes)), 0)
    start = max(0, min(hit - _BEFORE_HIT, len(found) - SNIPPET_WORDS))
    end = start + SNIPPET_WORDS
    begin = found[start].start() if start else 0
    stop = found[end - 1].end() if end < len(found) else len(text)
    return ("…" if start else "") + text[begin:stop] + ("…" if end < len(found) else "")


class Search(base.Section):
    def _match(self, text: str) -> tuple[str, str, tuple[object, ...]] | None:
        """The FTS query for `text` and the families this user may see; None: nothing to find."""
        query = fts_query(text)
        if query is None:
            return None
        visible, params = self._ctx.visibility("f")
        return query, visible, params

    def __call__(self, text: str, *, limit: int = 200) -> list[SearchHit]:
        found = self._match(text)
        if found is None:
            return []
        query, visible, params = found
        rows = self._ctx.db.all(
            "SELECT f.id AS family_id, s.entity, s.entity_id, f.case_number, f.display_name,"
            " s.body"
            f" FROM search_index s JOIN families f ON f.id = s.rowid >> {base.FAMILY_SHIFT}"
            f" WHERE search_index MATCH ? AND f.deleted_at IS NULL AND {visible}"
            " ORDER BY rank LIMIT ?",
            (query, *params, limit),
        )
        words = query_words(text)
        return [
            SearchHit(
                family_id=FamilyId(int(r["family_id"])),
                case_number=r["case_number"],
                display_name=r["display_name"],
                entity=r["entity"],
                entity_id=int(r["entity_id"]),
                snippet=snippet(r["body"], words),
            )
            for r in rows
        ]

    def families(self, text: str) -> list[FamilyId]:
        """Every matching family, each once: what search-as-you-type filters the case list by.

        No ranking and no snippets: the list keeps its own sort order, and a common prefix
        must not hide families behind a hit limit.
        """
        found = self._match(text)
        if found is None:
            return []
        query, visible, params = found
        # The family is read from the rowid (base.search_rowid): no content-table lookups.
        rows = self._ctx.db.all(
            "SELECT f.id AS family_id FROM families f WHERE f.id IN ("
            f"SELECT rowid >> {base.FAMILY_SHIFT} FROM search_index WHERE search_index MATCH ?)"
            f" AND f.deleted_at IS NULL AND {visible}",
            (query, *params),
        )
        return [FamilyId(int(r["family_id"])) for r in rows]
