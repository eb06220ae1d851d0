"""Family meetings: who took part, the family's own words, what was agreed, what comes next.

Recording a meeting is one flow: the needs agreed and payments proposed in it are saved in the
same transaction, so a meeting is never half-recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from samjournal import validation as v
from samjournal.audit import Action
from samjournal.context import Context, iso
from samjournal.messages import invalid
from samjournal.model import (
    FamilyId,
    Meeting,
    MeetingId,
    MeetingKind,
    MemberId,
    NeedDraft,
    NeedId,
    Participant,
    ParticipantKind,
    Payment,
    PaymentDraft,
    PaymentId,
    UserId,
    Version,
)
from samjournal.records import base
from samjournal.records.needs import add_need
from samjournal.records.payments import add_payment
from samjournal.store import Database, Row


@dataclass(frozen=True, slots=True)
class Recorded:
    meeting: Meeting
    need_ids: tuple[NeedId, ...]
    payment_ids: tuple[PaymentId, ...]


_PARTICIPANTS = (
    "SELECT mp.*, coalesce(m.name, u.display_name, mp.name) AS shown"
    " FROM meeting_participants mp JOIN meetings mt ON mt.id = mp.meeting_id"
    " LEFT JOIN members m ON m.id = mp.member_id LEFT JOIN users u ON u.id = mp.user_id"
    " WHERE {where} ORDER BY mp.rowid"
)


def _participants_by_meeting(db: Database, where: str, key: int) -> dict[int, list[Participant]]:
    people: dict[int, list[Participant]] = {}
    for p in db.all(_PARTICIPANTS.format(where=where), (key,)):
        people.setdefault(p["meeting_id"], []).append(
            Participant(ParticipantKind(p["kind"]), p["member_id"], p["user_id"], p["shown"])
        )
    return people


def _participants(db: Database, where: str, key: int) -> tuple[Participant, ...]:
    return tuple(p for ps in _participants_by_meeting(db, where, key).values() for p in ps)


def load_meetings(db: Database, family_id: FamilyId) -> list[Meeting]:
    rows = db.all(
        "SELECT * FROM meetings WHERE family_id = ? AND deleted_at IS NULL ORDER BY held_at DESC",
        (family_id,),
    )
    people = _participants_by_meeting(db, "mt.family_id = ?", family_id)
    return [meeting_from_row(r, tuple(people.get(r["id"], ()))) for r in rows]


def meeting_from_row(row: Row, participants: tuple[Participant, ...] = ()) -> Meeting:
    return Meeting(
        id=MeetingId(row["id"]),
        family_id=FamilyId(row["family_id"]),
        held_at=dt.datetime.fromisoformat(row["held_at"]),
        place=row["place"],
        kind=MeetingKind(row["kind"]),
        family_words=row["family_words"],
        agreed=row["agreed"],
        next_meeting_at=base.time_or_none(row["next_meeting_at"]),
        participants=participants,
        version=row["version"],
    )


def _checked(
    held_at: dt.datetime,
    kind: MeetingKind,
    place: str,
    family_words: str,
    agreed: str,
    next_meeting_at: dt.datetime | None,
) -> dict[str, object]:
    # Checked first: year 1 has no UTC. A meeting on a day to come is not held yet (the case
    # summary left it out while its budget counted the payments proposed in it).
    held = v.held("held_at", held_at).astimezone(dt.UTC)
    # Compared in UTC: a time without a zone (local) beside one with was a raw TypeError.
    if next_meeting_at is not None and (
        v.day("next_meeting", next_meeting_at).astimezone(dt.UTC) <= held
    ):
        raise invalid("next_meeting", "next_meeting_before")
    return {
        "held_at": iso(held_at),
        "kind": v.choice("meeting_kind", kind, MeetingKind).value,
        "place": v.text("place", place),
        "family_words": v.text("family_words", family_words, max_len=v.LONG),
        "agreed": v.text("agreed", agreed, max_len=v.LONG),
        "next_meeting_at": iso(next_meeting_at),
    }


def _save_participants(
    ctx: Context, family_id: FamilyId, meeting_id: int, participants: Sequence[Participant]
) -> None:
    ctx.db.execute("DELETE FROM meeting_participants WHERE meeting_id = ?", (meeting_id,))
    for p in participants:
        kind = v.choice("participant", p.kind, ParticipantKind)
        if kind is ParticipantKind.MEMBER:
            ok = ctx.db.first(
                "SELECT 1 FROM members WHERE id = ? AND family_id = ? AND deleted_at IS NULL",
                (p.member_id, family_id),
            )
            if not ok:
                raise invalid("participants", "participant_member")
        elif kind is ParticipantKind.STAFF:
            if not ctx.db.first("SELECT 1 FROM users WHERE id = ?", (p.user_id,)):
                raise invalid("participants", "participant_staff")
        else:
            v.text("partner", p.name, required=True)
        ctx.db.execute(
            "INSERT INTO meeting_participants (meeting_id, kind, member_id, user_id, name)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                meeting_id,
                kind.value,
                p.member_id if kind is ParticipantKind.MEMBER else None,
                p.user_id if kind is ParticipantKind.STAFF else None,
                v.text("partner", p.name) if kind is ParticipantKind.PARTNER else "",
            ),
        )


def proposed_in(meeting: Meeting, payments: Iterable[Payment]) -> list[Payment]:
    """The payments proposed in `meeting`: recording it gives them the meeting's time."""
    return [
        p for p in payments if p.family_id == meeting.family_id and p.proposed_at == meeting.held_at
    ]


class Meetings(base.Section):
    def record(
        self,
        family_id: FamilyId,
        held_at: dt.datetime,
        kind: MeetingKind,
        *,
        place: str = "",
        family_words: str = "",
        agreed: str = "",
        next_meeting_at: dt.datetime | None = None,
        participants: Sequence[Participant] = (),
        needs: Sequence[NeedDraft] = (),
        payments: Sequence[PaymentDraft] = (),
    ) -> Recorded:
        ctx = self._ctx
        values = _checked(held_at, kind, place, family_words, agreed, next_meeting_at)
        need_ids: list[int] = []
        payment_ids: list[int] = []
        with ctx.db.transaction():
            ctx.family_row(family_id)
            mid = base.insert(ctx, "meetings", {**values, "family_id": family_id})
            _save_participants(ctx, family_id, mid, participants)
            base.index(
                ctx, "meeting", mid, family_id, str(values["family_words"]), str(values["agreed"])
            )
            base.log_create(ctx, "meeting", mid, family_id)
            for draft in needs:
                need_ids.append(
                    add_need(
                        ctx,
                        family_id,
                        draft.description,
                        draft.category,
                        draft.status,
                        MeetingId(mid),
                        held_at.date(),
                    )
                )
            for pay in payments:
                need_id = pay.need_id
                if pay.draft_need is not None:
                    if not 0 <= pay.draft_need < len(need_ids):
                        raise invalid("need", "draft_need_unknown")
                    need_id = NeedId(need_ids[pay.draft_need])
                payment_ids.append(
                    add_payment(
                        ctx, family_id, pay.amount, pay.purpose, pay.method, need_id, held_at
                    )
                )
        ctx.emit("meeting", "need", "payment", family_id=family_id)
        return Recorded(
            self.get(MeetingId(mid)),
            tuple(NeedId(n) for n in need_ids),
            tuple(PaymentId(p) for p in payment_ids),
        )

    def get(self, meeting_id: MeetingId) -> Meeting:
        row = base.owned_row(self._ctx, "meetings", meeting_id)
        return meeting_from_row(row, _participants(self._ctx.db, "mp.meeting_id = ?", meeting_id))

    def update(
        self,
        meeting_id: MeetingId,
        *,
        held_at: dt.datetime,
        kind: MeetingKind,
        place: str = "",
        family_words: str = "",
        agreed: str = "",
        next_meeting_at: dt.datetime | None = None,
        participants: Sequence[Participant] = (),
    ) -> Meeting:
        ctx = self._ctx
        values = _checked(held_at, kind, place, family_words, agreed, next_meeting_at)
        with ctx.db.transaction():
            row = base.owned_row(ctx, "meetings", meeting_id)
            family_id = FamilyId(row["family_id"])
            base.update(ctx, "meetings", "meeting", row, values)
            _save_participants(ctx, family_id, meeting_id, participants)
            base.index(
                ctx,
                "meeting",
                meeting_id,
                family_id,
                str(values["family_words"]),
                str(values["agreed"]),
            )
            base.log_update(ctx, "meeting", meeting_id, family_id)
        ctx.emit("meeting", family_id=family_id)
        return self.get(meeting_id)

    def remove(self, meeting_id: MeetingId, reason: str) -> None:
        ctx = self._ctx
        why = v.text("reason", reason, required=True)
        with ctx.db.transaction():
            row = base.owned_row(ctx, "meetings", meeting_id)
            base.soft_delete(ctx, "meetings", "meeting", row, why)
            ctx.log(Action.DELETE, "meeting", meeting_id, row["family_id"])
        ctx.emit("meeting", family_id=row["family_id"])

    def history(self, meeting_id: MeetingId) -> list[Version]:
        base.owned_row(self._ctx, "meetings", meeting_id)
        return base.versions(self._ctx, "meetings", "meeting", meeting_id)


def staff(user_id: UserId) -> Participant:
    return Participant(ParticipantKind.STAFF, user_id=user_id)


def member(member_id: MemberId) -> Participant:
    return Participant(ParticipantKind.MEMBER, member_id=member_id)


def partner(name: str) -> Participant:
    return Participant(ParticipantKind.PARTNER, name=name)
