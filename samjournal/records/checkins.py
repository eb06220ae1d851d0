"""Check-ins: one respondent's answers to an instrument version on one day, followed as a trend.

The answers are kept as JSON on the row (history keeps every earlier version, like every
record); the score columns copy the answers to the items with the journal's old domain ids, so
the trend chart, the reports and the export read them as before.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any, overload

from samjournal import validation as v
from samjournal.audit import Action
from samjournal.instruments.default import JOURNAL_DEFAULT, SCORE_ITEMS
from samjournal.instruments.due import Answered, Case, Due, DueState, due_for, worst
from samjournal.instruments.model import (
    Answer,
    Instrument,
    InstrumentRef,
    Occasion,
    Respondent,
)
from samjournal.instruments.parse import plain_id
from samjournal.messages import invalid
from samjournal.model import (
    CHECKIN_DOMAINS,
    Checkin,
    CheckinId,
    FamilyId,
    FamilyStatus,
    MemberId,
    Version,
)
from samjournal.records import base
from samjournal.records import instruments as section
from samjournal.store import Database, Row


def checkin_from_row(row: Row) -> Checkin:
    answers = json.loads(row["answers"])
    return Checkin(
        id=CheckinId(row["id"]),
        family_id=FamilyId(row["family_id"]),
        member_id=row["member_id"],
        answered_on=dt.date.fromisoformat(row["answered_on"]),
        life_satisfaction=row["life_satisfaction"],
        domains={d: row[d] for d in CHECKIN_DOMAINS},
        version=row["version"],
        instrument=InstrumentRef(row["instrument_id"], row["instrument_version"], row["study_id"]),
        respondent=Respondent(row["respondent"]),
        occasion=Occasion(row["occasion"]),
        answers=answers,
    )


def _scores(answers: Mapping[str, Answer]) -> dict[str, object]:
    """The score columns: an integer 0-10 answer to an item with a score id, else empty."""
    out: dict[str, object] = {}
    for key in SCORE_ITEMS:
        value = answers.get(key)
        out[key] = value if isinstance(value, int) and 0 <= value <= 10 else None
    return out


class Checkins(base.Section):
    @overload
    def record(
        self,
        family_id: FamilyId,
        instrument: InstrumentRef,
        answers: Mapping[str, Answer],
        *,
        respondent: Respondent,
        member_id: MemberId | None = None,
        occasion: Occasion = Occasion.OTHER,
        answered_on: dt.date | None = None,
    ) -> Checkin: ...

    @overload
    def record(
        self,
        family_id: FamilyId,
        instrument: int | None,
        *,
        member_id: MemberId | None = None,
        answered_on: dt.date | None = None,
        domains: dict[str, int | None] | None = None,
    ) -> Checkin: ...

    def record(
        self,
        family_id: FamilyId,
        instrument: InstrumentRef | int | None,
        answers: Mapping[str, Answer] | None = None,
        *,
        respondent: Respondent | None = None,
        member_id: MemberId | None = None,
        occasion: Occasion = Occasion.OTHER,
        answered_on: dt.date | None = None,
        domains: dict[str, int | None] | None = None,
    ) -> Checkin:
        """Answers to `instrument` (one of the family's, `instruments.for_family`) by one
        respondent: an adult or child member, or the caseworker (no member). Every answer is
        checked against its item; at least one must be given.

        The older form `record(family_id, life_satisfaction, domains=...)` records the
        journal's own instrument's score items (life satisfaction required), as before."""
        ctx = self._ctx
        when = v.not_future("date", answered_on or dt.date.today())
        if not isinstance(instrument, InstrumentRef):
            scores = dict(domains or {})
            if set(scores) - set(CHECKIN_DOMAINS):
                raise invalid("domain", "unknown_domain")
            given = {d: v.score(d, scores.get(d)) for d in CHECKIN_DOMAINS}
            life = v.score("life_satisfaction", instrument, required=True)
            checked = JOURNAL_DEFAULT.check_answers({"life_satisfaction": life, **given})
            with ctx.db.transaction():
                ctx.family_row(family_id)
                asked = {i.ref for i in section.Instruments(ctx).for_family(family_id)}
            if JOURNAL_DEFAULT.ref not in asked:
                raise invalid(
                    "instrument", "instrument_not_for_family", instrument=str(JOURNAL_DEFAULT.ref)
                )
            return self._insert(
                family_id, JOURNAL_DEFAULT, checked, None, member_id, Occasion.OTHER, when
            )
        occasion = v.choice("occasion", occasion, Occasion)
        who = v.choice("respondent", respondent, Respondent)
        with ctx.db.transaction():
            ctx.family_row(family_id)
            # Only what the family's studies ask (the journal's own when none): answers to
            # anything else would leave for no study, or for one that never asked them.
            held = {i.ref: i for i in section.Instruments(ctx).for_family(family_id)}
            form = held.get(instrument)
            if form is None:
                raise invalid("instrument", "instrument_not_for_family", instrument=str(instrument))
        checked = _checked(form, answers or {}, who)
        return self._insert(family_id, form, checked, who, member_id, occasion, when)

    def _insert(
        self,
        family_id: FamilyId,
        form: Instrument,
        answers: dict[str, Answer],
        respondent: Respondent | None,
        member_id: MemberId | None,
        occasion: Occasion,
        when: dt.date,
    ) -> Checkin:
        ctx = self._ctx
        with ctx.db.transaction():
            ctx.family_row(family_id)
            who = _respondent(ctx.db, family_id, member_id, respondent)
            if who is Respondent.CHILD and member_id is not None:
                _old_enough(ctx.db, form, answers, member_id, when)
            section.store(ctx.db, form, form.study)  # the journal's own: kept like a study's
            cid = base.insert(
                ctx,
                "checkins",
                {
                    **_stored(answers),
                    "family_id": family_id,
                    "member_id": member_id,
                    "answered_on": when.isoformat(),
                    "study_id": form.study,
                    "instrument_id": form.id,
                    "instrument_version": form.version,
                    "respondent": who.value,
                    "occasion": occasion.value,
                },
            )
            base.log_create(ctx, "checkin", cid, family_id)
        ctx.emit("checkin", family_id=family_id)
        return checkin_from_row(base.owned_row(ctx, "checkins", cid))

    def get(self, checkin_id: CheckinId) -> Checkin:
        return checkin_from_row(base.owned_row(self._ctx, "checkins", checkin_id))

    def update(
        self, checkin_id: CheckinId, answers: Mapping[str, Answer], *, expected_version: int
    ) -> Checkin:
        """New answers to the same instrument version; the earlier ones stay in the history.
        Refused when the check-in changed since `expected_version` was read."""
        ctx = self._ctx
        with ctx.db.transaction():
            row = base.owned_row(ctx, "checkins", checkin_id)
            if row["version"] != expected_version:
                raise invalid("checkin", "record_changed")
            form, who, migrated = _form_of(ctx.db, row)
            checked = _checked(form, answers, None if migrated else who)
            if who is Respondent.CHILD and row["member_id"] is not None and not migrated:
                day = dt.date.fromisoformat(row["answered_on"])
                _old_enough(ctx.db, form, checked, row["member_id"], day)
            base.update(ctx, "checkins", "checkin", row, _stored(checked))
            base.log_update(ctx, "checkin", checkin_id, row["family_id"])
        ctx.emit("checkin", family_id=row["family_id"])
        return self.get(checkin_id)

    def remove(self, checkin_id: CheckinId, reason: str) -> None:
        ctx = self._ctx
        why = v.text("reason", reason, required=True, max_len=500)
        with ctx.db.transaction():
            row = base.owned_row(ctx, "checkins", checkin_id)
            base.soft_delete(ctx, "checkins", "checkin", row, why)
            ctx.log(Action.DELETE, "checkin", checkin_id, row["family_id"])
        ctx.emit("checkin", family_id=row["family_id"])

    def history(self, checkin_id: CheckinId) -> list[Version]:
        base.owned_row(self._ctx, "checkins", checkin_id)
        return base.versions(self._ctx, "checkins", "checkin", checkin_id)

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

    def due(self, family_id: FamilyId, today: dt.date | None = None) -> tuple[Due, ...]:
        """The check-ins due (or overdue) for the family by `today`, per instrument."""
        ctx = self._ctx
        ctx.family_row(family_id)
        return self._due(today or dt.date.today(), "AND f.id = ?", (family_id,)).get(family_id, ())

    def due_by_family(self, today: dt.date | None = None) -> dict[FamilyId, DueState]:
        """The worst due state of every family this user sees (for the case list)."""
        found = self._due(today or dt.date.today(), "", ())
        return {family_id: worst(items) for family_id, items in found.items()}

    def _due(
        self, today: dt.date, where: str, params: tuple[object, ...]
    ) -> dict[FamilyId, tuple[Due, ...]]:
        ctx = self._ctx
        seen, seen_params = ctx.visibility("f")
        fam = f"f.deleted_at IS NULL AND {seen} {where}"
        args = (*seen_params, *params)
        families = ctx.db.all(f"SELECT f.* FROM families f WHERE {fam}", args)
        meetings: dict[int, list[dt.date]] = {}
        for r in ctx.db.all(
            "SELECT x.family_id, substr(x.held_at, 1, 10) AS day FROM meetings x"
            f" JOIN families f ON f.id = x.family_id WHERE x.deleted_at IS NULL AND {fam}"
            " ORDER BY x.held_at",
            args,
        ):
            meetings.setdefault(r["family_id"], []).append(dt.date.fromisoformat(r["day"]))
        answered: dict[int, list[Answered]] = {}
        for r in ctx.db.all(
            "SELECT x.family_id, x.study_id, x.instrument_id, x.respondent, x.occasion,"
            " x.answered_on FROM checkins x"
            f" JOIN families f ON f.id = x.family_id WHERE x.deleted_at IS NULL AND {fam}",
            args,
        ):
            answered.setdefault(r["family_id"], []).append(
                Answered(
                    r["study_id"],
                    r["instrument_id"],
                    Respondent(r["respondent"]),
                    Occasion(r["occasion"]),
                    dt.date.fromisoformat(r["answered_on"]),
                )
            )
        studies: dict[int, list[tuple[InstrumentRef, dt.date]]] = {}
        for r in ctx.db.all(
            section.FAMILY_INSTRUMENTS.format(
                where=f"AND m.family_id IN (SELECT f.id FROM families f WHERE {fam})"
            ),
            args,
        ):
            ref = InstrumentRef(r["instrument_id"], r["instrument_version"], r["owner"])
            studies.setdefault(r["family_id"], []).append((ref, dt.date.fromisoformat(r["since"])))
        forms: dict[InstrumentRef, Instrument] = {}
        out: dict[FamilyId, tuple[Due, ...]] = {}
        for f in families:
            opened = dt.date.fromisoformat(f["opened_on"])
            closed = f["closed_on"] if f["status"] == FamilyStatus.CLOSED else None
            case = Case(
                opened,
                dt.date.fromisoformat(closed) if closed else None,
                meetings.get(f["id"], []),
                answered.get(f["id"], []),
            )
            plan = studies.get(f["id"]) or [(JOURNAL_DEFAULT.ref, opened)]
            found: list[Due] = []
            for ref, since in plan:
                if ref not in forms:
                    forms[ref] = section.load(ctx.db, ref)
                found += due_for(forms[ref], since, case, today)
            out[FamilyId(f["id"])] = tuple(found)
        return out


def answered(db: Database, row: Mapping[str, Any]) -> dict[str, object]:
    """A check-in row made elsewhere (a hand-over received) as `update` would store its answers:
    each checked against its item of the instrument version the row names, at least one, each
    for the respondent named; the score columns copied from them. Raises ValidationError.
    An item id no instrument could have is not repeated in the message (review s28: control
    characters and 3,000 characters of it were)."""
    form, who, migrated = _form_of(db, {"study_id": None, **row})
    raw = json.loads(str(row["answers"]))
    answers = raw if isinstance(raw, dict) else {}
    if not all(map(plain_id, answers)):
        raise invalid("answer", "answer_unknown_items")
    # A migrated row holds only what the old form asked: the score items.
    migrated = migrated and set(answers) <= set(SCORE_ITEMS)
    return _stored(_checked(form, answers, None if migrated else who))


def _form_of(db: Database, row: Row | Mapping[str, Any]) -> tuple[Instrument, Respondent, bool]:
    """The instrument version a check-in row names, who answered, and whether the row is a
    migrated child's: migration 0010 made every old row the journal's own instrument's first
    version, whose score items are the adults', so such a row's respondent is not held to
    them (only there: a child's row of another instrument was, review s28)."""
    form = section.load(
        db, InstrumentRef(row["instrument_id"], row["instrument_version"], row["study_id"])
    )
    who = Respondent(row["respondent"])
    migrated = (
        row["occasion"] == Occasion.OTHER
        and who is Respondent.CHILD
        and (form.id, form.version) == (JOURNAL_DEFAULT.id, 1)
    )
    return form, who, migrated


def _stored(answers: Mapping[str, Answer]) -> dict[str, object]:
    """The columns that hold checked answers: the answers as JSON, and the score columns."""
    return {**_scores(answers), "answers": json.dumps(answers, ensure_ascii=False, sort_keys=True)}


def _checked(
    form: Instrument, answers: Mapping[str, Answer], respondent: Respondent | None
) -> dict[str, Answer]:
    checked = form.check_answers(answers)
    if not checked:
        raise invalid("answer", "answers_none")
    for item_id in checked:
        item = form.item(item_id)
        if respondent is not None and item is not None and item.respondent != respondent:
            raise invalid("answer", "answer_wrong_respondent", item=item_id, respondent=respondent)
    return checked


def age_on(born: dt.date | None, birth_year: int | None, day: dt.date) -> int | None:
    """Age in whole years on `day`; from the birth year alone, the age reached that year."""
    if born is not None:
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    return None if birth_year is None else day.year - birth_year


def _old_enough(
    db: Database,
    form: Instrument,
    answers: Mapping[str, Answer],
    member_id: MemberId,
    day: dt.date,
) -> None:
    """A child answers an item only from its age limit, on the check-in's day (unknown age:
    not at all, as the window gives such a child no page)."""
    row = db.first("SELECT birth_date, birth_year FROM members WHERE id = ?", (member_id,))
    born = row["birth_date"] if row else None
    age = age_on(
        dt.date.fromisoformat(born) if born else None, row["birth_year"] if row else None, day
    )
    for item_id in answers:
        item = form.item(item_id)
        if item is not None and item.min_age is not None and (age is None or age < item.min_age):
            raise invalid("answer", "answer_too_young", item=item_id, age=item.min_age)


def _respondent(
    db: Database, family_id: FamilyId, member_id: MemberId | None, given: Respondent | None
) -> Respondent:
    """Who answered, checked against the member: an adult or child of the family answers for
    themself, the caseworker for no member. None (the older form): read from the member."""
    if member_id is None:
        if given in (Respondent.ADULT, Respondent.CHILD):
            raise invalid("respondent", "respondent_member")
        return given or Respondent.ADULT
    row = db.first(
        "SELECT is_child FROM members WHERE id = ? AND family_id = ? AND deleted_at IS NULL",
        (member_id, family_id),
    )
    if row is None:
        raise invalid("respondent", "respondent_not_member")
    own = Respondent.CHILD if row["is_child"] else Respondent.ADULT
    if given is Respondent.CASEWORKER:
        raise invalid("respondent", "respondent_caseworker")
    if given is not None and given is not own:
        raise invalid("respondent", "respondent_member")
    return own
