"""Family members: adults and children, with validated identity numbers and phones."""

from __future__ import annotations

import datetime as dt

from samjournal import validation as v
from samjournal.audit import Action
from samjournal.messages import invalid
from samjournal.model import FamilyId, Member, MemberId, Version
from samjournal.records import base
from samjournal.store import Row


def member_from_row(row: Row) -> Member:
    return Member(
        id=MemberId(row["id"]),
        family_id=FamilyId(row["family_id"]),
        name=row["name"],
        is_child=bool(row["is_child"]),
        birth_year=row["birth_year"],
        birth_date=base.date_or_none(row["birth_date"]),
        national_id=row["national_id"],
        phone=row["phone"],
        primary_contact=bool(row["primary_contact"]),
        version=row["version"],
    )


def born(birth_year: int | None, birth_date: dt.date | None, number: str | None) -> int | None:
    """The birth year a member is kept with: a birth date's year (one given beside it must be
    the same), checked against, or read from, the identity number `number` (already valid).
    The form's rule, and a received member's (handover/checks.py). Raises ValidationError."""
    if birth_date is not None:
        if birth_year is not None and birth_year != birth_date.year:
            raise invalid("birth_year", "year_not_date")
        birth_year = birth_date.year
    return v.birth_year_of(v.birth_year("birth_year", birth_year), number)


def _checked(
    name: str,
    is_child: bool,
    birth_year: int | None,
    birth_date: dt.date | None,
    national_id: str | None,
    phone: str,
) -> dict[str, object]:
    if birth_date is not None:
        v.not_future("birth_date", birth_date)
    number = v.national_id(national_id)
    return {
        "name": v.text("name", name, required=True),
        "is_child": int(bool(is_child)),
        "birth_year": born(birth_year, birth_date, number),
        "birth_date": birth_date.isoformat() if birth_date else None,
        "national_id": number,
        "phone": v.phone("phone", phone),
    }


class Members(base.Section):
    def add(
        self,
        family_id: FamilyId,
        name: str,
        *,
        is_child: bool = False,
        birth_year: int | None = None,
        birth_date: dt.date | None = None,
        national_id: str | None = None,
        phone: str = "",
        primary_contact: bool = False,
    ) -> Member:
        ctx = self._ctx
        values = _checked(name, is_child, birth_year, birth_date, national_id, phone)
        with ctx.db.transaction():
            ctx.family_row(family_id)
            if primary_contact:
                self._clear_primary(family_id)
            mid = base.insert(
                ctx,
                "members",
                {**values, "family_id": family_id, "primary_contact": int(primary_contact)},
            )
            base.index(ctx, "member", mid, family_id, str(values["name"]))
            base.log_create(ctx, "member", mid, family_id)
        ctx.emit("member", family_id=family_id)
        return self.get(MemberId(mid))

    def _clear_primary(self, family_id: FamilyId) -> None:
        ctx = self._ctx
        for row in ctx.db.all(
            "SELECT * FROM members WHERE family_id = ? AND primary_contact = 1"
            " AND deleted_at IS NULL",
            (family_id,),
        ):
            base.update(ctx, "members", "member", row, {"primary_contact": 0})

    def get(self, member_id: MemberId) -> Member:
        return member_from_row(base.owned_row(self._ctx, "members", member_id))

    def update(
        self,
        member_id: MemberId,
        *,
        name: str,
        is_child: bool,
        birth_year: int | None = None,
        birth_date: dt.date | None = None,
        national_id: str | None = None,
        phone: str = "",
        primary_contact: bool = False,
    ) -> Member:
        ctx = self._ctx
        values = _checked(name, is_child, birth_year, birth_date, national_id, phone)
        with ctx.db.transaction():
            row = base.owned_row(ctx, "members", member_id)
            family_id = int(row["family_id"])
            if primary_contact and not row["primary_contact"]:
                self._clear_primary(FamilyId(family_id))
                row = base.owned_row(ctx, "members", member_id)
            base.update(
                ctx, "members", "member", row, {**values, "primary_contact": int(primary_contact)}
            )
            base.index(ctx, "member", member_id, family_id, str(values["name"]))
            base.log_update(ctx, "member", member_id, family_id)
        ctx.emit("member", family_id=family_id)
        return self.get(member_id)

    def remove(self, member_id: MemberId, reason: str) -> None:
        ctx = self._ctx
        why = v.text("reason", reason, required=True)
        with ctx.db.transaction():
            row = base.owned_row(ctx, "members", member_id)
            base.soft_delete(ctx, "members", "member", row, why)
            ctx.log(Action.DELETE, "member", member_id, row["family_id"])
        ctx.emit("member", family_id=row["family_id"])

    def history(self, member_id: MemberId) -> list[Version]:
        base.owned_row(self._ctx, "members", member_id)
        return base.versions(self._ctx, "members", "member", member_id)
