"""Small typed helpers over the store for the evaluation code: plain tuples, many rows at once.

An export reads and a bundle import writes hundreds of thousands of rows, so these skip what
`Database.all` and `Database.execute` add per row (row objects, one call per statement).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence
from typing import Any

from samjournal.store import Database

Params = Sequence[Any] | dict[str, Any]


def tuples(db: Database, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
    """Every row of a query, as plain tuples."""
    return db.tuples(sql, params)


def executemany(db: Database, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """Many rows through one statement, inside the caller's transaction."""
    if rows:
        db.executemany(sql, rows)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while hundreds of thousands of rows (tuples, lists) are made:
    they hold no cycles, and repeated collections over them cost more than the work itself.
    Reference counting still frees everything; collection resumes afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
