"""Quality-of-life check-ins: 0-10 life satisfaction plus domain scores, followed as a trend."""

from __future__ import annotations

import datetime as dt

from samjournal import validation as v
from samjournal.messages import invalid
from samjournal.model import CHECKIN_DOMAINS, Checkin, CheckinId, FamilyId, MemberId
from samjournal.records import base
from samjournal.store import Row


def checkin_from_row(row: Row) -> Checkin:
    return Checkin(
        id=CheckinId(row["id"]),
        family_id=FamilyId(row["family_id"]),
        member_id=row["member_id"],
        answered_on=dt.date.fromisoformat(row["answered_on"]),
        life_satisfaction=row["life_satisfaction"],
        domains={d: row[d] for d in CHECKIN_DOMAINS},
        version=row["version"],
    )


class Checkins(base.Section):
    def record(
        self,
        family_id: FamilyId,
        life_satisfaction: int | None,
        *,
        member_id: MemberId | None = None,
        answered_on: dt.date | None = None,
        domains: dict[str, int | None] | None = None,
    ) -> Checkin:
        ctx = self._ctx
        scores = dict(domains or {})
        unknown = set(scores) - set(CHECKIN_DOMAINS)
        if unknown:
            raise invalid("domain", "unknown_domain")
        values: dict[str, object] = {d: v.score(d, scores.get(d)) for d in CHECKIN_DOMAINS}
        values["life_satisfaction"] = v.score("life_satisfaction", life_satisfaction, required=True)
        when = v.not_future("date", answered_on or dt.date.today())
        with ctx.db.transaction():
            ctx.family_row(family_id)
            if member_id is not None and not ctx.db.first(
                "SELECT 1 FROM members WHERE id = ? AND family_id = ? AND deleted_at IS NULL",
                (member_id, family_id),
            ):
                raise invalid("respondent", "respondent_not_member")
            cid = base.insert(
                ctx,
                "checkins",
                {
                    **values,
                    "family_id": family_id,
                    "member_id": member_id,
                    "answered_on": when.isoformat(),
                },
            )
            base.log_create(ctx, "checkin", cid, family_id)
        ctx.emit("checkin", family_id=family_id)
        return checkin_from_row(base.owned_row(ctx, "checkins", cid))

    def trend(self, family_id: FamilyId) -> list[Checkin]:
        ctx = self._ctx
        ctx.family_row(family_id)
        return [
            checkin_from_row(r)
            for r in ctx.db.all(
                "SELECT * FROM checkins WHERE family_id = ? AND deleted_at IS NULL"
                " ORDER BY answered_on, id",
                (family_id,),
            )
        ]
