"""Consents per adult member and study. Never edited: a correction withdraws and records anew."""

from __future__ import annotations

import datetime as dt

from samjournal import validation as v
from samjournal.audit import Action
from samjournal.context import iso, utcnow
from samjournal.errors import NotFound
from samjournal.messages import invalid, keyed
from samjournal.model import Consent, ConsentId, ConsentMethod, FamilyId, MemberId, UserId
from samjournal.records import base
from samjournal.records.instruments import set_for_study
from samjournal.store import Row


def consent_from_row(row: Row) -> Consent:
    return Consent(
        id=ConsentId(row["id"]),
        member_id=MemberId(row["member_id"]),
        study_id=row["study_id"],
        letter_version=row["letter_version"],
        given_on=dt.date.fromisoformat(row["given_on"]),
        method=ConsentMethod(row["method"]),
        recorded_by=UserId(row["recorded_by"]),
        withdrawn_on=base.date_or_none(row["withdrawn_on"]),
    )


class Consents(base.Section):
    def add_study(self, study_id: str, name: str) -> None:
        """Make a study known to the journal (the full profile import comes with exports)."""
        ctx = self._ctx
        ctx.require_teamlead("add_study")
        sid = v.text("study_id", study_id, required=True)
        title = v.text("study_name", name, required=True)
        with ctx.db.transaction():
            ctx.db.execute(
                "INSERT INTO studies (id, name, imported_at) VALUES (?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET name = excluded.name",
                (sid, title, iso(utcnow())),
            )
            if not ctx.db.first("SELECT 1 FROM study_instruments WHERE study_id = ?", (sid,)):
                set_for_study(ctx.db, sid, ())  # no profile yet: the journal's own questions
            ctx.log(Action.IMPORT, "study", sid)
        ctx.emit("study")

    def studies(self) -> list[tuple[str, str]]:
        return [(r["id"], r["name"]) for r in self._ctx.db.all("SELECT * FROM studies ORDER BY id")]

    def give(
        self,
        member_id: MemberId,
        study_id: str,
        *,
        letter_version: str,
        given_on: dt.date | None = None,
        method: ConsentMethod = ConsentMethod.WRITTEN,
    ) -> Consent:
        ctx = self._ctx
        version = v.text("information_letter", letter_version, required=True)
        method = v.choice("consent_method", method, ConsentMethod)
        when = v.not_future("date", given_on or dt.date.today())
        with ctx.db.transaction():
            member = base.owned_row(ctx, "members", member_id)
            if member["is_child"]:
                raise invalid("member", "consent_adults")
            if not ctx.db.first("SELECT 1 FROM studies WHERE id = ?", (study_id,)):
                raise invalid("study", "consent_unknown_study")
            if self._active_row(member_id, study_id):
                raise invalid("consent", "consent_active")
            cid = ctx.db.execute(
                "INSERT INTO consents (member_id, study_id, letter_version, given_on, method,"
                " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    member_id,
                    study_id,
                    version,
                    when.isoformat(),
                    method.value,
                    ctx.user.id,
                    iso(utcnow()),
                ),
            )
            base.log_create(ctx, "consent", cid, member["family_id"], f"study {study_id}")
        ctx.emit("consent", family_id=member["family_id"])
        return self._get(ConsentId(cid))

    def withdraw(self, consent_id: ConsentId, *, withdrawn_on: dt.date | None = None) -> Consent:
        ctx = self._ctx
        when = v.not_future("date", withdrawn_on or dt.date.today())
        with ctx.db.transaction():
            row = ctx.db.first("SELECT * FROM consents WHERE id = ?", (consent_id,))
            if row is None:
                raise keyed(NotFound, "consent_not_found")
            member = base.owned_row(ctx, "members", row["member_id"])
            if row["withdrawn_on"] is not None:
                raise invalid("consent", "consent_withdrawn")
            if when < dt.date.fromisoformat(row["given_on"]):
                raise invalid("date", "consent_before_given")
            ctx.db.execute(
                "UPDATE consents SET withdrawn_on = ?, withdrawn_by = ? WHERE id = ?",
                (when.isoformat(), ctx.user.id, consent_id),
            )
            base.log_update(ctx, "consent", consent_id, member["family_id"], "withdrawn")
        ctx.emit("consent", family_id=member["family_id"])
        return self._get(consent_id)

    def _active_row(self, member_id: MemberId, study_id: str) -> Row | None:
        return self._ctx.db.first(
            "SELECT * FROM consents WHERE member_id = ? AND study_id = ? AND withdrawn_on IS NULL",
            (member_id, study_id),
        )

    def _get(self, consent_id: ConsentId) -> Consent:
        row = self._ctx.db.first("SELECT * FROM consents WHERE id = ?", (consent_id,))
        if row is None:
            raise keyed(NotFound, "consent_not_found")
        return consent_from_row(row)

    def for_family(self, family_id: FamilyId) -> list[Consent]:
        self._ctx.family_row(family_id)
        return [
            consent_from_row(r)
            for r in self._ctx.db.all(
                "SELECT c.* FROM consents c JOIN members m ON m.id = c.member_id"
                " WHERE m.family_id = ? ORDER BY c.id",
                (family_id,),
            )
        ]
