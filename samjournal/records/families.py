"""Families (the cases): create, edit, status, the case list, and one family with everything."""

from __future__ import annotations

import datetime as dt

from samjournal import validation as v
from samjournal.audit import Action
from samjournal.errors import NotFound
from samjournal.messages import invalid, keyed
from samjournal.model import (
    Budget,
    CaseRow,
    Family,
    FamilyDetail,
    FamilyId,
    FamilyStatus,
    PaymentStatus,
    PurgeCandidate,
    Purged,
    UserId,
    Version,
)
from samjournal.money import Money, bounded
from samjournal.records import base, lifecycle
from samjournal.records.checkins import checkin_from_row
from samjournal.records.consents import consent_from_row
from samjournal.records.meetings import load_meetings
from samjournal.records.members import member_from_row
from samjournal.records.needs import need_from_row
from samjournal.records.payments import payment_from_row
from samjournal.records.users import user_from_row
from samjournal.store import Database, Row

# The figures come from family_totals, which the triggers of migration 0004 keep equal to the
# family_figures view over the records. A LEFT JOIN, so a lost totals row shows zeros (and fails
# the integrity check), never hides a case.
_CASE_LIST = """
SELECT f.id, f.case_number, f.display_name, u.display_name AS owner, f.status, f.budget_ore,
    coalesce(t.open_needs, 0) AS open_needs, coalesce(t.used_ore, 0) AS used_ore,
    t.last_meeting, t.next_meeting
FROM families f JOIN users u ON u.id = f.owner_id
    LEFT JOIN family_totals t ON t.family_id = f.id
WHERE f.deleted_at IS NULL AND {visible} {status}
ORDER BY f.case_number
"""


_RECORD_TABLES = (
    ("members", "member"),
    ("meetings", "meeting"),
    ("needs", "need"),
    ("payments", "payment"),
    ("checkins", "checkin"),
)


def family_from_row(row: Row) -> Family:
    return Family(
        id=FamilyId(row["id"]),
        case_number=row["case_number"],
        display_name=row["display_name"],
        status=FamilyStatus(row["status"]),
        owner_id=UserId(row["owner_id"]),
        district=row["district"],
        opened_on=dt.date.fromisoformat(row["opened_on"]),
        closed_on=base.date_or_none(row["closed_on"]),
        budget_frame=Money(row["budget_ore"]),
        language=row["language"],
        version=row["version"],
    )


def next_case_number(db: Database, opened: dt.date) -> str:
    """The year's next free number: a received family gets one too (handover/receive.py)."""
    prefix = f"{opened.year}-"
    last = db.scalar(
        "SELECT max(CAST(substr(case_number, 6) AS INTEGER)) FROM families"
        " WHERE case_number LIKE ?",
        (prefix + "%",),
    )
    return f"{prefix}{(last or 0) + 1:04d}"


def closing(status: FamilyStatus, closed_on: dt.date | None, opened_on: dt.date) -> None:
    """A closing day only for a closed case, and not before it opened: `set_status`'s rule,
    and a received family's (handover/checks.py). Raises ValidationError."""
    if closed_on is None:
        return
    if status is not FamilyStatus.CLOSED:
        raise invalid("closed_on", "closed_date_open_case")
    if closed_on < opened_on:
        raise invalid("closed_on", "closed_before_opened")


def budget_of(rows: list[Row], frame: Money) -> Budget:
    sums = {PaymentStatus(r["status"]): Money(r["total"]) for r in rows}
    return Budget(
        frame=frame,
        spent=sums.get(PaymentStatus.PAID, Money(0)),
        committed=sums.get(PaymentStatus.APPROVED, Money(0)),
        proposed=sums.get(PaymentStatus.PROPOSED, Money(0)),
    )


class Families(base.Section):
    def create(
        self,
        display_name: str,
        *,
        case_number: str | None = None,
        district: str = "",
        budget_frame: Money | None = None,
        owner_id: UserId | None = None,
        opened_on: dt.date | None = None,
        language: str = "nb",
    ) -> Family:
        ctx = self._ctx
        name = v.text("family_name", display_name, required=True)
        owner = owner_id if owner_id is not None else ctx.user.id
        if owner != ctx.user.id:
            ctx.require_teamlead("give_family")
        frame = budget_frame if budget_frame is not None else self._default_budget()
        bounded(frame, "budget_frame")
        if frame.ore < 0:
            raise invalid("budget_frame", "negative")
        opened = v.day("opened_on", opened_on or dt.date.today())
        if language not in ("nb", "en"):
            raise invalid("language", "language_choice")
        with ctx.db.transaction() as db:
            if (
                db.first("SELECT 1 FROM users WHERE id = ? AND removed_at IS NULL", (owner,))
                is None
            ):
                raise invalid("caseworker", "no_such")
            number = v.text("case_number", case_number or self._next_case_number(opened))
            if db.first("SELECT 1 FROM families WHERE case_number = ?", (number,)):
                raise invalid("case_number", "taken")
            fid = base.insert(
                ctx,
                "families",
                {
                    "case_number": number,
                    "display_name": name,
                    "status": FamilyStatus.ACTIVE.value,
                    "owner_id": owner,
                    "district": v.text("district", district),
                    "opened_on": opened.isoformat(),
                    "budget_ore": frame.ore,
                    "language": language,
                },
            )
            base.index(ctx, "family", fid, fid, name, number)
            base.log_create(ctx, "family", fid, fid)
        ctx.emit("family", family_id=fid)
        return self.get(FamilyId(fid))

    def _next_case_number(self, opened: dt.date) -> str:
        return next_case_number(self._ctx.db, opened)

    def _default_budget(self) -> Money:
        value = self._ctx.db.scalar("SELECT value FROM settings WHERE key = 'default_budget_ore'")
        return Money(int(value or 0))

    def by_case_number(self, case_number: str) -> FamilyId:
        """The family with this case number, among those the user may see."""
        wanted = case_number.strip()
        for row in self.case_list():
            if row.case_number == wanted:
                return row.id
        raise keyed(NotFound, "no_such_case_number")

    def get(self, family_id: FamilyId) -> Family:
        return family_from_row(self._ctx.family_row(family_id))

    def update(
        self,
        family_id: FamilyId,
        *,
        display_name: str | None = None,
        district: str | None = None,
        budget_frame: Money | None = None,
        owner_id: UserId | None = None,
        language: str | None = None,
    ) -> Family:
        ctx = self._ctx
        changes: dict[str, object] = {}
        if display_name is not None:
            changes["display_name"] = v.text("family_name", display_name, required=True)
        if district is not None:
            changes["district"] = v.text("district", district)
        if budget_frame is not None:
            if bounded(budget_frame, "budget_frame").ore < 0:
                raise invalid("budget_frame", "negative")
            changes["budget_ore"] = budget_frame.ore
        if owner_id is not None:
            ctx.require_teamlead("move_family")
            changes["owner_id"] = owner_id
        if language is not None:
            if language not in ("nb", "en"):
                raise invalid("language", "language_choice")
            changes["language"] = language
        with ctx.db.transaction():
            row = ctx.family_row(family_id)
            base.update(ctx, "families", "family", row, changes)
            fresh = ctx.family_row(family_id)
            base.index(
                ctx, "family", family_id, family_id, fresh["display_name"], row["case_number"]
            )
            base.log_update(ctx, "family", family_id, family_id, ",".join(sorted(changes)))
        ctx.emit("family", family_id=family_id)
        return self.get(family_id)

    def set_status(
        self, family_id: FamilyId, status: FamilyStatus, *, closed_on: dt.date | None = None
    ) -> Family:
        """Change the case status; closing records the date (today unless given)."""
        ctx = self._ctx
        status = v.choice("status", status, FamilyStatus)
        closing(status, closed_on, dt.date.min)
        with ctx.db.transaction():
            row = ctx.family_row(family_id)
            when = None
            if status is FamilyStatus.CLOSED:
                when = v.not_future("closed_on", closed_on or dt.date.today())
                closing(status, when, dt.date.fromisoformat(row["opened_on"]))
            closed = None if when is None else when.isoformat()
            base.update(
                ctx, "families", "family", row, {"status": status.value, "closed_on": closed}
            )
            base.log_update(
                ctx, "family", family_id, family_id, f"status {row['status']}->{status}"
            )
        ctx.emit("family", family_id=family_id)
        return self.get(family_id)

    def delete(self, family_id: FamilyId, reason: str) -> None:
        ctx = self._ctx
        why = v.text("reason", reason, required=True)
        ctx.require_teamlead("delete_family")
        with ctx.db.transaction():
            row = ctx.family_row(family_id)
            base.soft_delete(ctx, "families", "family", row, why)
            for table, entity in (
                ("members", "member"),
                ("meetings", "meeting"),
                ("needs", "need"),
                ("payments", "payment"),
            ):
                for rid in ctx.db.all(
                    f"SELECT id FROM {table} WHERE family_id = ? AND deleted_at IS NULL",
                    (family_id,),
                ):
                    base.unindex(ctx, entity, int(rid["id"]), family_id)
            ctx.log(Action.DELETE, "family", family_id, family_id)
        ctx.emit("family", family_id=family_id)

    # -- the end of a case (records/lifecycle.py) ---------------------------------------------

    def due_for_purge(self, *, today: dt.date | None = None) -> list[PurgeCandidate]:
        """Closed or removed cases whose retention period has run out (team lead)."""
        return lifecycle.due_for_purge(self._ctx, today)

    def purge(self, family_id: FamilyId, reason: str, *, today: dt.date | None = None) -> Purged:
        """Delete a case for real once its retention period has run out (team lead)."""
        return lifecycle.purge(self._ctx, family_id, reason, today)

    def erase(self, family_id: FamilyId, reason: str) -> Purged:
        """Delete a family for real on its request (right to erasure), open or not (team lead)."""
        return lifecycle.erase(self._ctx, family_id, reason)

    # -- reading ------------------------------------------------------------------------------

    def case_list(
        self,
        *,
        status: FamilyStatus | None = None,
        mine: bool = False,
        owner: UserId | None = None,
    ) -> list[CaseRow]:
        """The case list as the user may see it; a team lead may ask for their own families
        (`mine`) or one caseworker's (`owner`)."""
        ctx = self._ctx
        visible, params = ctx.visibility("f")
        if ctx.is_teamlead and (mine or owner is not None):
            visible, params = "f.owner_id = ?", (ctx.user.id if mine else owner,)
        status_sql = "AND f.status = ?" if status else ""
        sql = _CASE_LIST.format(visible=visible, status=status_sql)
        rows = ctx.db.all(sql, (*params, *([status.value] if status else [])))
        return [
            CaseRow(
                id=FamilyId(r["id"]),
                case_number=r["case_number"],
                display_name=r["display_name"],
                owner=r["owner"],
                status=FamilyStatus(r["status"]),
                open_needs=int(r["open_needs"]),
                budget_used=Money(int(r["used_ore"])),
                budget_frame=Money(int(r["budget_ore"])),
                last_meeting=base.time_or_none(r["last_meeting"]),
                next_meeting=base.time_or_none(r["next_meeting"]),
            )
            for r in rows
        ]

    def stale_totals(self) -> list[FamilyId]:
        """Families whose stored case-list figures differ from their records (none, unless a
        trigger or a hand edit went wrong). Reads every record, so only the integrity check
        calls it."""
        differ = "SELECT family_id FROM (SELECT * FROM {} EXCEPT SELECT * FROM {})"
        rows = self._ctx.db.all(
            differ.format("family_figures", "family_totals")
            + " UNION "
            + differ.format("family_totals", "family_figures")
            + " ORDER BY family_id"
        )
        return [FamilyId(r["family_id"]) for r in rows]

    def rebuild_totals(self) -> list[FamilyId]:
        """Store every family's case-list figures afresh from the records; the families whose
        figures were wrong. They are derived data, so this loses nothing (and is audited)."""
        ctx = self._ctx
        with ctx.db.transaction():
            stale = self.stale_totals()
            ctx.db.execute("INSERT INTO family_totals_refresh SELECT id FROM families")
            ctx.log(Action.UPDATE, "family_totals", detail=f"{len(stale)} rettet")
        if stale:
            ctx.emit("family")
        return stale

    def budget(self, family_id: FamilyId) -> Budget:
        row = self._ctx.family_row(family_id)
        return budget_of(self._budget_rows(family_id), Money(row["budget_ore"]))

    def _budget_rows(self, family_id: FamilyId) -> list[Row]:
        return self._ctx.db.all(
            "SELECT status, sum(amount_ore) AS total FROM payments"
            " WHERE family_id = ? AND deleted_at IS NULL GROUP BY status",
            (family_id,),
        )

    def open(self, family_id: FamilyId, *, audit: bool = True) -> FamilyDetail:
        """Everything about one family, recorded in the audit log as a view.

        `audit=False` is for refreshing what the same user already has open after a change
        they made (the change itself is audited), so the log is not flooded with views.
        """
        ctx = self._ctx
        db = ctx.db
        row = ctx.family_row(family_id)
        family = family_from_row(row)
        live = "family_id = ? AND deleted_at IS NULL"
        members = tuple(
            member_from_row(r)
            for r in db.all(
                f"SELECT * FROM members WHERE {live} ORDER BY is_child, id", (family_id,)
            )
        )
        detail = FamilyDetail(
            family=family,
            owner=user_from_row(db.first("SELECT * FROM users WHERE id = ?", (family.owner_id,))),
            members=members,
            meetings=tuple(load_meetings(db, family_id)),
            needs=tuple(
                need_from_row(r)
                for r in db.all(f"SELECT * FROM needs WHERE {live} ORDER BY id", (family_id,))
            ),
            payments=tuple(
                payment_from_row(r)
                for r in db.all(f"SELECT * FROM payments WHERE {live} ORDER BY id", (family_id,))
            ),
            checkins=tuple(
                checkin_from_row(r)
                for r in db.all(
                    f"SELECT * FROM checkins WHERE {live} ORDER BY answered_on, id", (family_id,)
                )
            ),
            consents=tuple(
                consent_from_row(r)
                for r in db.all(
                    "SELECT c.* FROM consents c JOIN members m ON m.id = c.member_id"
                    " WHERE m.family_id = ? ORDER BY c.id",
                    (family_id,),
                )
            ),
            budget=budget_of(self._budget_rows(family_id), family.budget_frame),
        )
        if audit:
            ctx.log_read(Action.VIEW, "family", family_id, family_id)
        return detail

    def history(self, family_id: FamilyId) -> list[Version]:
        self._ctx.family_row(family_id)
        return base.versions(self._ctx, "families", "family", family_id)

    def record_history(self, family_id: FamilyId) -> list[Version]:
        """Every version of the case and of all its records, removed ones included."""
        ctx = self._ctx
        ctx.family_row(family_id)
        found = base.versions(ctx, "families", "family", family_id)
        for table, entity in _RECORD_TABLES:
            for row in ctx.db.all(
                f"SELECT id FROM {table} WHERE family_id = ? ORDER BY id", (family_id,)
            ):
                found += base.versions(ctx, table, entity, int(row["id"]))
        return found
