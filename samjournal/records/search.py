"""Full-text search (FTS5) over names, meeting notes, needs and payment purposes.

User input is never passed as query syntax: it is cut into words, each quoted and used as a
prefix, so quotes, stars, parentheses or SQL in the box find text or nothing, never an error.
"""

from __future__ import annotations

import re

from samjournal.model import FamilyId, SearchHit
from samjournal.records import base

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8


def fts_query(text: str) -> str | None:
    """`Ola "hus` -> `"ola"* "hus"*`; None when there is nothing to look for."""
    words = _WORD.findall(text.lower())[:MAX_WORDS]
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


class Search(base.Section):
    def __call__(self, text: str, *, limit: int = 200) -> list[SearchHit]:
        query = fts_query(text)
        if query is None:
            return []
        ctx = self._ctx
        visible, params = ctx.visibility("f")
        rows = ctx.db.all(
            "SELECT f.id AS family_id, s.entity, s.entity_id, f.case_number, f.display_name,"
            " snippet(search_index, 0, '', '', '…', 12) AS snippet"
            f" FROM search_index s JOIN families f ON f.id = s.rowid >> {base.FAMILY_SHIFT}"
            f" WHERE search_index MATCH ? AND f.deleted_at IS NULL AND {visible}"
            " ORDER BY rank LIMIT ?",
            (query, *params, limit),
        )
        return [
            SearchHit(
                family_id=FamilyId(int(r["family_id"])),
                case_number=r["case_number"],
                display_name=r["display_name"],
                entity=r["entity"],
                entity_id=int(r["entity_id"]),
                snippet=r["snippet"],
            )
            for r in rows
        ]

    def families(self, text: str) -> list[FamilyId]:
        """Every matching family, each once: what search-as-you-type filters the case list by.

        No ranking and no snippets: the list keeps its own sort order, and a common prefix
        must not hide families behind a hit limit.
        """
        query = fts_query(text)
        if query is None:
            return []
        ctx = self._ctx
        visible, params = ctx.visibility("f")
        # The family is read from the rowid (base.search_rowid): no content-table lookups.
        rows = ctx.db.all(
            "SELECT f.id AS family_id FROM families f WHERE f.id IN ("
            f"SELECT rowid >> {base.FAMILY_SHIFT} FROM search_index WHERE search_index MATCH ?)"
            f" AND f.deleted_at IS NULL AND {visible}",
            (query, *params),
        )
        return [FamilyId(int(r["family_id"])) for r in rows]
