"""Writing the demo families: each family's script played through the real `Journal` facade.

The team lead creates each family and approves the sums above the approval limit; the family's
caseworker does the rest, in a session of their own. In bulk mode the caseworkers instead borrow
the team lead's connection, so one transaction (one commit) can span a whole family.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from samjournal.context import Context, clock_at
from samjournal.demo.constants import (
    BULK_FROM,
    DEMO_CASEWORKERS,
    DEMO_LEAD,
    DEMO_PASSPHRASE,
    DEMO_STUDY,
    DEMO_TODAY,
    LEAD_WAITING,
)
from samjournal.demo.script import (
    AddMember,
    Checkin,
    Consent,
    Meeting,
    MoveNeed,
    NewFamily,
    RaiseNeed,
    SetStatus,
    Settle,
    Step,
    Withdraw,
)
from samjournal.demo.story import Story
from samjournal.errors import PermissionDenied
from samjournal.folder import JournalFolder
from samjournal.instruments.default import JOURNAL_DEFAULT
from samjournal.journal import Journal
from samjournal.kdf import KdfCost
from samjournal.messages import action, keyed
from samjournal.model import (
    ConsentId,
    FamilyId,
    FamilyStatus,
    MeetingId,
    MemberId,
    NeedId,
    NeedStatus,
    PaymentDraft,
    PaymentId,
    Role,
    User,
    UserId,
)
from samjournal.money import Money
from samjournal.records.meetings import member, partner, staff
from samjournal.store import Database

Progress = Callable[[int, int], object]  # (families done, families in all)


@dataclass(frozen=True, slots=True)
class DemoSummary:
    families: int = 0
    members: int = 0
    meetings: int = 0
    needs: int = 0
    payments: int = 0
    checkins: int = 0
    consents: int = 0


def create_demo_journal(
    path: Path,
    *,
    families: int = 60,
    seed: int = 1,
    cost: KdfCost | None = None,
    study: tuple[str, str] | None = DEMO_STUDY,
    bulk: bool | None = None,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> Journal:
    """A new demo journal: the team lead, the caseworkers, a study and `families` families.
    Returned open as the team lead (DEMO_LEAD); every demo user has DEMO_PASSPHRASE. `today`:
    as for `populate` (the window's demo passes the real date, so it never looks stale)."""
    lead = Journal.create(
        path,
        username=DEMO_LEAD[0],
        display_name=DEMO_LEAD[1],
        passphrase=DEMO_PASSPHRASE,
        cost=cost,
    ).journal
    for username, name in DEMO_CASEWORKERS:
        lead.add_user(username, name, Role.CASEWORKER, DEMO_PASSPHRASE)
    if study is not None:
        lead.consents.add_study(*study)
    study_id = study[0] if study else None
    try:
        populate(
            lead,
            families=families,
            seed=seed,
            study_id=study_id,
            today=today,
            bulk=bulk,
            progress=progress,
        )
    except BaseException:  # stopped early (`progress` raised): nothing left open
        lead.lock()
        raise
    return lead


def populate(
    journal: Journal,
    *,
    families: int,
    seed: int = 1,
    study_id: str | None = None,
    today: dt.date | None = None,
    bulk: bool | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Add `families` fictional families to a journal opened as a team lead.

    The families go to the demo caseworkers found in the journal (each acting in their own
    session, opened with DEMO_PASSPHRASE); without any, the team lead works every case alone and
    payments above the approval limit wait for a second team lead. `today` defaults to
    DEMO_TODAY (or the real date, if that is earlier). `bulk` (default: from BULK_FROM
    families) runs the same calls one transaction per family on the team lead's connection.
    `progress(done, total)` is called after each family; raise from it to stop early (the
    families written so far stay).
    """
    if journal.user.role is not Role.TEAMLEAD:
        raise keyed(PermissionDenied, "teamlead_only", what=action("make_demo_families"))
    today = today or min(DEMO_TODAY, dt.date.today())
    bulk = families >= BULK_FROM if bulk is None else bulk
    demo_names = {name for name, _ in DEMO_CASEWORKERS}
    workers = [
        u
        for u in journal.users()
        if u.active and u.role is Role.CASEWORKER and u.username in demo_names
    ]
    rng = random.Random(seed)  # noqa: S311 - reproducible fiction, not secrets
    seeds = [rng.getrandbits(64) for _ in range(families)]
    # Families are created in the order they were opened, so case numbers follow the calendar.
    opened = sorted(today - dt.timedelta(days=rng.randint(21, 730)) for _ in range(families))
    staff, to_lock = _worker_sessions(journal, workers, bulk)
    limit = journal.settings().approval_limit
    counts: Counter[str] = Counter()
    vouchers = iter(range(1, 10**9))
    for_lead: dict[UserId, Iterator[int]] = {}  # each caseworker's places in the lead's queue
    one_commit: Callable[[], AbstractContextManager[object]] = (
        journal._ctx.db.transaction if bulk else nullcontext
    )
    try:
        for family_seed, day in zip(seeds, opened, strict=True):
            story_rng = random.Random(family_seed)  # noqa: S311
            worker = staff[story_rng.randrange(len(staff))] if staff else journal
            queue = for_lead.setdefault(worker.user.id, iter(range(LEAD_WAITING)))
            story = Story(
                story_rng, day, today, worker.user, study_id, limit, bool(staff), vouchers, queue
            )
            with one_commit():
                _play(story.script(), journal, worker, counts)
            if progress is not None:
                progress(counts["families"], families)
    finally:
        for session in to_lock:
            session.lock()
    return DemoSummary(**{name: counts[name] for name in DemoSummary.__dataclass_fields__})


# -- who writes ------------------------------------------------------------------------------


class _Borrowed(Context):
    """Acts as `user` on another session's connection, so one transaction spans every actor."""

    def __init__(self, owner: Context, user: User) -> None:
        super().__init__(owner.db.path, owner.data_key, user)
        self._owner = owner

    @property
    def db(self) -> Database:
        return self._owner.db


def _worker_sessions(
    journal: Journal, workers: Sequence[User], bulk: bool
) -> tuple[list[Journal], list[Journal]]:
    """A Journal per caseworker, and those of them that must be locked when done."""
    if bulk:
        folder = JournalFolder(journal.path)
        return [Journal(folder, _Borrowed(journal._ctx, u), ()) for u in workers], []
    sessions = [Journal.open(journal.path, u.username, DEMO_PASSPHRASE) for u in workers]
    return sessions, sessions


# -- what they write -------------------------------------------------------------------------


def _play(script: Iterator[Step], lead: Journal, worker: Journal, counts: Counter[str]) -> None:
    """Run one family's script through the facade; the lead creates it and approves big sums."""
    fid = FamilyId(0)
    members: list[MemberId] = []
    needs: list[NeedId] = []
    payments: list[PaymentId] = []
    consents: list[ConsentId] = []
    meeting = MeetingId(0)
    at = dt.datetime.now(dt.UTC)  # until the first step (NewFamily) sets it
    for step in script:
        at = _saved_at(step, at)
        with clock_at(at):  # every time the step saves is its time in the story
            match step:
                case NewFamily():
                    fid = lead.families.create(
                        step.name,
                        district=step.district,
                        budget_frame=Money.kr(step.budget_kr),
                        owner_id=worker.user.id,
                        opened_on=step.opened,
                    ).id
                    counts["families"] += 1
                case AddMember(person=p):
                    members.append(
                        worker.members.add(
                            fid,
                            p.name,
                            is_child=not p.adult,
                            birth_year=p.born.year,
                            birth_date=p.born if p.national_id else None,
                            national_id=p.national_id,
                            phone=p.phone,
                            primary_contact=step.primary,
                        ).id
                    )
                    counts["members"] += 1
                case RaiseNeed():
                    need = worker.needs.raise_need(
                        fid, step.description, step.category, raised_on=step.raised_on
                    )
                    needs.append(need.id)
                    counts["needs"] += 1
                case Meeting():
                    drafts = [
                        PaymentDraft(
                            Money.kr(p.amount_kr),
                            p.purpose,
                            p.method,
                            need_id=None if p.need is None else needs[p.need],
                            draft_need=p.draft,
                        )
                        for p in step.payments
                    ]
                    people = [staff(worker.user.id)]
                    people += [member(members[m]) for m in step.members]
                    people += [partner(name) for name in step.partners]
                    done = worker.meetings.record(
                        fid,
                        step.held_at,
                        step.kind,
                        place=step.place,
                        family_words=step.words,
                        agreed=step.agreed,
                        next_meeting_at=step.next_at,
                        participants=people,
                        needs=step.needs,
                        payments=drafts,
                    )
                    meeting = done.meeting.id
                    needs.extend(done.need_ids)
                    payments.extend(done.payment_ids)
                    counts["meetings"] += 1
                    counts["needs"] += len(done.need_ids)
                    counts["payments"] += len(done.payment_ids)
                case MoveNeed():
                    worker.needs.set_status(
                        needs[step.need],
                        step.status,
                        outcome=step.outcome,
                        meeting_id=meeting if step.status is NeedStatus.AGREED else None,
                    )
                case Settle():
                    _settle(step, payments[step.payment], lead, worker)
                case Checkin():
                    worker.checkins.record(
                        fid,
                        JOURNAL_DEFAULT.ref,
                        step.answers,
                        respondent=step.respondent,
                        member_id=None if step.member is None else members[step.member],
                        occasion=step.occasion,
                        answered_on=step.day,
                    )
                    counts["checkins"] += 1
                case Consent():
                    consents.append(
                        worker.consents.give(
                            members[step.member],
                            step.study,
                            letter_version=step.letter,
                            given_on=step.day,
                            method=step.method,
                        ).id
                    )
                    counts["consents"] += 1
                case Withdraw():
                    worker.consents.withdraw(consents[step.consent], withdrawn_on=step.day)
                case SetStatus():
                    closed = step.at.date() if step.status is FamilyStatus.CLOSED else None
                    worker.families.set_status(fid, step.status, closed_on=closed)


def _settle(step: Settle, pid: PaymentId, lead: Journal, worker: Journal) -> None:
    approver = lead if step.by_lead else worker
    if step.fate == "reject":
        lead.payments.reject(pid, step.reason)
        return
    if step.fate == "cancel":
        worker.payments.cancel(pid, step.reason)
        return
    approver.payments.approve(pid)
    if step.then is None:
        return
    with clock_at(step.then):
        if step.fate == "paid":
            worker.payments.mark_paid(pid, step.voucher, paid_on=step.then.date())
        else:
            worker.payments.cancel(pid, step.reason)


def _saved_at(step: Step, last: dt.datetime) -> dt.datetime:
    """When the story saves `step`: its moment, else midday on its day (11:00 UTC, the same
    calendar day in every Norwegian office), else (a member added with the family) `last`."""
    match step:
        case Meeting():
            return step.held_at
        case MoveNeed() | Settle() | SetStatus():
            return step.at
        case NewFamily():
            return _midday(step.opened)
        case RaiseNeed():
            return _midday(step.raised_on)
        case Checkin() | Consent() | Withdraw():
            return _midday(step.day)
        case AddMember():
            return last


def _midday(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(11), dt.UTC)
