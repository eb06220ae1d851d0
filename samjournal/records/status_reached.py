"""When a record first reached a status, in SQL, from its kept versions (the history table).

The evaluation export dates a need met or a payment approved by it (evaluation/release_sql.py),
and the portfolio report counts the needs met within its period by it (reports/queries.py): one
rule for both.
"""

from __future__ import annotations


def reached(entity: str, alias: str, status: str, after: tuple[str, ...]) -> str:
    """SQL: when a record first had `status`: the time its first version with that status was
    written, from the record's history, else the current row's. Only rows whose status is
    `status` or one of the statuses `after` it (so it may have been passed) look into the
    history; the rest are empty."""
    statuses = ", ".join(f"'{s}'" for s in (status, *after))
    return f"""(CASE WHEN {alias}.status IN ({statuses}) THEN coalesce(
    (SELECT h.changed_at FROM history h WHERE h.entity = '{entity}' AND h.entity_id = {alias}.id
        AND json_extract(h.data, '$.status') = '{status}' ORDER BY h.version LIMIT 1),
    CASE WHEN {alias}.status = '{status}' THEN {alias}.updated_at END) END)"""
