"""Needs in the family's own words, and their status flow raised -> agreed -> ... -> met/dropped."""

from __future__ import annotations

import datetime as dt

from samjournal import validation as v
from samjournal.context import Context
from samjournal.errors import InvalidTransition
from samjournal.messages import invalid
from samjournal.model import (
    NEED_FLOW,
    FamilyId,
    MeetingId,
    Need,
    NeedCategory,
    NeedId,
    NeedStatus,
    Version,
)
from samjournal.records import base
from samjournal.store import Row


def need_from_row(row: Row) -> Need:
    return Need(
        id=NeedId(row["id"]),
        family_id=FamilyId(row["family_id"]),
        description=row["description"],
        category=NeedCategory(row["category"]),
        status=NeedStatus(row["status"]),
        raised_on=dt.date.fromisoformat(row["raised_on"]),
        agreed_meeting_id=row["agreed_meeting_id"],
        outcome=row["outcome"],
        version=row["version"],
    )


def add_need(
    ctx: Context,
    family_id: FamilyId,
    description: str,
    category: NeedCategory,
    status: NeedStatus,
    meeting_id: MeetingId | None,
    raised_on: dt.date,
) -> int:
    """Insert inside the caller's transaction."""
    text = v.text("description", description, required=True, max_len=2000)
    category = v.choice("category", category, NeedCategory)
    status = v.choice("status", status, NeedStatus)
    if status not in (NeedStatus.RAISED, NeedStatus.AGREED):
        raise invalid("status", "new_need_status")
    if status is NeedStatus.AGREED and meeting_id is None:
        raise invalid("meeting", "agreed_need_meeting")
    v.day("date", raised_on)
    nid = base.insert(
        ctx,
        "needs",
        {
            "family_id": family_id,
            "description": text,
            "category": category.value,
            "status": status.value,
            "raised_on": raised_on.isoformat(),
            "agreed_meeting_id": meeting_id,
        },
    )
    base.index(ctx, "need", nid, family_id, text)
    base.log_create(ctx, "need", nid, family_id)
    return nid


class Needs(base.Section):
    def raise_need(
        self,
        family_id: FamilyId,
        description: str,
        category: NeedCategory,
        *,
        raised_on: dt.date | None = None,
    ) -> Need:
        ctx = self._ctx
        with ctx.db.transaction():
            ctx.family_row(family_id)
            nid = add_need(
                ctx,
                family_id,
                description,
                category,
                NeedStatus.RAISED,
                None,
                v.not_future("date", raised_on or dt.date.today()),
            )
        ctx.emit("need", family_id=family_id)
        return self.get(NeedId(nid))

    def get(self, need_id: NeedId) -> Need:
        return need_from_row(base.owned_row(self._ctx, "needs", need_id))

    def set_status(
        self,
        need_id: NeedId,
        status: NeedStatus,
        *,
        outcome: str | None = None,
        meeting_id: MeetingId | None = None,
    ) -> Need:
        ctx = self._ctx
        status = v.choice("status", status, NeedStatus)
        with ctx.db.transaction():
            row = base.owned_row(ctx, "needs", need_id)
            current = NeedStatus(row["status"])
            if status not in NEED_FLOW[current]:
                raise invalid("status", "transition", InvalidTransition, old=current, new=status)
            changes: dict[str, object] = {"status": status.value}
            if outcome is not None:
                changes["outcome"] = v.text("outcome", outcome, max_len=2000)
            if status is NeedStatus.AGREED:
                if meeting_id is None:
                    raise invalid("meeting", "choose_agreed_meeting")
                base.owned_row(ctx, "meetings", meeting_id)
                changes["agreed_meeting_id"] = meeting_id
            base.update(ctx, "needs", "need", row, changes)
            base.log_update(ctx, "need", need_id, row["family_id"], f"status {current}->{status}")
        ctx.emit("need", family_id=row["family_id"])
        return self.get(need_id)

    def edit(self, need_id: NeedId, *, description: str, category: NeedCategory) -> Need:
        ctx = self._ctx
        text = v.text("description", description, required=True, max_len=2000)
        category = v.choice("category", category, NeedCategory)
        with ctx.db.transaction():
            row = base.owned_row(ctx, "needs", need_id)
            base.update(
                ctx, "needs", "need", row, {"description": text, "category": category.value}
            )
            base.index(ctx, "need", need_id, row["family_id"], text)
            base.log_update(ctx, "need", need_id, row["family_id"])
        ctx.emit("need", family_id=row["family_id"])
        return self.get(need_id)

    def history(self, need_id: NeedId) -> list[Version]:
        base.owned_row(self._ctx, "needs", need_id)
        return base.versions(self._ctx, "needs", "need", need_id)
