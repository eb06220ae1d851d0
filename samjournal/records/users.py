"""Reading staff users; adding and removing them (with their key slots) lives in Journal."""

from __future__ import annotations

from samjournal import validation as v
from samjournal.audit import Action
from samjournal.context import Context
from samjournal.errors import NotFound
from samjournal.messages import keyed
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
        # Before migration 0009 there is no such column. (`in row` would search the values.)
        work_phone=row["work_phone"] if "work_phone" in row.keys() else "",  # noqa: SIM118
    )


def set_work_phone(ctx: Context, username: str, phone: str) -> User:
    """A user's work phone: their own, or anyone's for a team lead. Audited without the number."""
    if username != ctx.user.username:
        ctx.require_teamlead("change_others_phone")
    number = v.phone("phone", phone)
    with ctx.db.transaction() as db:
        row = db.first(
            "SELECT id FROM users WHERE username = ? AND removed_at IS NULL AND origin IS NULL",
            (username,),
        )
        if row is None:
            raise keyed(NotFound, "no_such_user")
        db.execute("UPDATE users SET work_phone = ? WHERE id = ?", (number, row["id"]))
        ctx.log(Action.USER_ADMIN, "user", username, detail="work phone")
    ctx.emit("user")
    return user_from_row(ctx.db.first("SELECT * FROM users WHERE id = ?", (row["id"],)))
