"""Reading staff users; adding and removing them (with their key slots) lives in Journal."""

from __future__ import annotations

from samjournal.model import Role, User, UserId
from samjournal.store import Row


def user_from_row(row: Row | None) -> User:
    if row is None:
        return User(UserId(0), "?", "?", Role.CASEWORKER, active=False)
    return User(
        id=UserId(row["id"]),
        username=row["username"],
        display_name=row["display_name"],
        role=Role(row["role"]),
        active=row["removed_at"] is None,
        origin=row["origin"],
    )
