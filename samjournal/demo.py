"""Realistic fictional families for the demo journal, the tests and the benchmarks.

A seeded generator writes a *script* for each family (create it, add the household, two years of
meetings with the needs agreed and payments proposed in them, needs and payments moving along their
status flows, check-ins, consents) and plays it through the real `Journal` API, as the team lead or
as the family's caseworker. Everything comes from one `random.Random(seed)` and a fixed `today`, so
a seed always gives the same journal, apart from the wall-clock times the journal stamps on each
change. The words live in `samjournal.demo_texts`.

At municipal scale (the benchmarks) the very same calls run inside one transaction per family on
the team lead's connection ("bulk"): one commit per family instead of one per call.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from samjournal import demo_texts as T
from samjournal.errors import PermissionDenied
from samjournal.folder import JournalFolder
from samjournal.journal import Journal
from samjournal.kdf import KdfCost
from samjournal.model import (
    CHECKIN_DOMAINS,
    ConsentId,
    ConsentMethod,
    FamilyId,
    FamilyStatus,
    MeetingId,
    MeetingKind,
    MemberId,
    NeedCategory,
    NeedDraft,
    NeedId,
    NeedStatus,
    PaymentDraft,
    PaymentId,
    PaymentMethod,
    Role,
    User,
)
from samjournal.money import Money
from samjournal.records.meetings import member, partner, staff
from samjournal.session import Context
from samjournal.store import Database

DEMO_PASSPHRASE = "demo-passordfrase-2026"  # noqa: S105 - public on purpose, shown as demo
DEMO_LEAD = ("leder", "Lise Leder")
DEMO_CASEWORKERS: tuple[tuple[str, str], ...] = (
    ("kari", "Kari Nilsen"),
    ("ahmed", "Ahmed Hassan"),
    ("marte", "Marte Ødegård"),
)
DEMO_STUDY = ("samskaping-2026", "Evaluering av samskapt familiestøtte")
DEMO_TODAY = dt.date(2026, 11, 1)
BULK_FROM = 200  # families: from here on, populate() commits once per family
_LETTER_V11 = dt.date(2026, 2, 1)  # information letter v1.1 replaced v1.0 on this day
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
) -> Journal:
    """A new demo journal: the team lead, the caseworkers, a study and `families` families.
    Returned open as the team lead (DEMO_LEAD); every demo user has DEMO_PASSPHRASE."""
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
    populate(lead, families=families, seed=seed, study_id=study_id, bulk=bulk, progress=progress)
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
        raise PermissionDenied("Bare en teamleder kan lage demofamilier.")
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
    one_commit: Callable[[], AbstractContextManager[object]] = (
        journal._ctx.db.transaction if bulk else nullcontext
    )
    try:
        for family_seed, day in zip(seeds, opened, strict=True):
            story_rng = random.Random(family_seed)  # noqa: S311
            worker = staff[story_rng.randrange(len(staff))] if staff else journal
            story = _Story(
                story_rng, day, today, worker.user, study_id, limit, bool(staff), vouchers
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


# -- the script: steps that refer to earlier records by their position in the family --------


@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    first: str  # what the notes call them
    female: bool
    born: dt.date
    adult: bool
    national_id: str | None = None
    phone: str = ""


@dataclass(frozen=True, slots=True)
class _NewFamily:
    name: str
    district: str
    budget_kr: int
    opened: dt.date


@dataclass(frozen=True, slots=True)
class _AddMember:
    person: _Person
    primary: bool


@dataclass(frozen=True, slots=True)
class _RaiseNeed:
    description: str
    category: NeedCategory
    raised_on: dt.date


@dataclass(frozen=True, slots=True)
class _Pay:
    amount_kr: int
    purpose: str
    method: PaymentMethod
    need: int | None = None  # an earlier need of the family
    draft: int | None = None  # a need drafted in the same meeting


@dataclass(frozen=True, slots=True)
class _Meeting:
    held_at: dt.datetime
    kind: MeetingKind
    place: str
    words: str
    agreed: str
    next_at: dt.datetime | None
    members: tuple[int, ...]
    partners: tuple[str, ...]
    needs: tuple[NeedDraft, ...] = ()
    payments: tuple[_Pay, ...] = ()


@dataclass(frozen=True, slots=True)
class _NeedStatus:
    need: int
    status: NeedStatus
    outcome: str | None = None  # agreeing refers to the latest meeting


@dataclass(frozen=True, slots=True)
class _Settle:
    payment: int
    fate: str  # approve, paid, cancel, approve-cancel, reject
    by_lead: bool = False
    paid_on: dt.date | None = None
    voucher: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class _Checkin:
    member: int
    day: dt.date
    life: int
    domains: dict[str, int | None]


@dataclass(frozen=True, slots=True)
class _Consent:
    member: int
    study: str
    day: dt.date
    method: ConsentMethod
    letter: str


@dataclass(frozen=True, slots=True)
class _Withdraw:
    consent: int
    day: dt.date


@dataclass(frozen=True, slots=True)
class _Status:
    status: FamilyStatus


_Step = (
    _NewFamily
    | _AddMember
    | _RaiseNeed
    | _Meeting
    | _NeedStatus
    | _Settle
    | _Checkin
    | _Consent
    | _Withdraw
    | _Status
)


def _play(script: Iterator[_Step], lead: Journal, worker: Journal, counts: Counter[str]) -> None:
    """Run one family's script through the facade; the lead creates it and approves big sums."""
    fid = FamilyId(0)
    members: list[MemberId] = []
    needs: list[NeedId] = []
    payments: list[PaymentId] = []
    consents: list[ConsentId] = []
    meeting = MeetingId(0)
    for step in script:
        match step:
            case _NewFamily():
                fid = lead.families.create(
                    step.name,
                    district=step.district,
                    budget_frame=Money.kr(step.budget_kr),
                    owner_id=worker.user.id,
                    opened_on=step.opened,
                ).id
                counts["families"] += 1
            case _AddMember(person=p):
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
            case _RaiseNeed():
                need = worker.needs.raise_need(
                    fid, step.description, step.category, raised_on=step.raised_on
                )
                needs.append(need.id)
                counts["needs"] += 1
            case _Meeting():
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
            case _NeedStatus():
                worker.needs.set_status(
                    needs[step.need],
                    step.status,
                    outcome=step.outcome,
                    meeting_id=meeting if step.status is NeedStatus.AGREED else None,
                )
            case _Settle():
                _settle(step, payments[step.payment], lead, worker)
            case _Checkin():
                worker.checkins.record(
                    fid,
                    step.life,
                    member_id=members[step.member],
                    answered_on=step.day,
                    domains=step.domains,
                )
                counts["checkins"] += 1
            case _Consent():
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
            case _Withdraw():
                worker.consents.withdraw(consents[step.consent], withdrawn_on=step.day)
            case _Status():
                worker.families.set_status(fid, step.status)


def _settle(step: _Settle, pid: PaymentId, lead: Journal, worker: Journal) -> None:
    approver = lead if step.by_lead else worker
    if step.fate == "reject":
        lead.payments.reject(pid, step.reason)
        return
    if step.fate == "cancel":
        worker.payments.cancel(pid, step.reason)
        return
    approver.payments.approve(pid)
    if step.fate == "paid" and step.paid_on is not None:
        worker.payments.mark_paid(pid, step.voucher, paid_on=step.paid_on)
    elif step.fate == "approve-cancel":
        worker.payments.cancel(pid, step.reason)


# -- people ----------------------------------------------------------------------------------

_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_SHAPES = {"single": 38, "couple": 32, "large": 9, "grand": 6, "young": 8, "multi": 7}


def _national_id(rng: random.Random, born: dt.date, female: bool, d_number: bool) -> str:
    """Eleven digits that pass both check digits; the individual number fits the century and is
    odd for men, as in the real register. (D-numbers add 40 to the day.)"""
    low, high = (0, 499) if born.year < 2000 else (500, 999)
    while True:
        individual = rng.randint(low, high)
        if individual % 2 != (0 if female else 1):
            individual ^= 1  # ranges start even and end odd, so this stays inside
        day = born.day + (40 if d_number else 0)
        body = [int(c) for c in f"{day:02d}{born.month:02d}{born.year % 100:02d}{individual:03d}"]
        k1 = (11 - sum(d * w for d, w in zip(body, _K1, strict=True)) % 11) % 11
        k2 = (11 - sum(d * w for d, w in zip([*body, k1], _K2, strict=True)) % 11) % 11
        if k1 < 10 and k2 < 10:
            return "".join(map(str, [*body, k1, k2]))


def _phone(rng: random.Random) -> str:
    lead = rng.choice("99994")
    return f"{lead}{rng.randint(0, 99):02d} {rng.randint(0, 99):02d} {rng.randint(0, 999):03d}"


def _age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


class _Household:
    """One household's people, named by the customs of its language group."""

    def __init__(self, rng: random.Random, today: dt.date, origin: T.Origin) -> None:
        self.rng, self.today, self.origin = rng, today, origin
        self.family = rng.choice(origin.surnames)  # the children's line: (man, wife, daughter)
        self.father_first = rng.choice(origin.male)
        self.people: list[_Person] = []
        self._firsts: set[str] = set()
        self._heads: list[tuple[tuple[str, str, str], str]] = []

    @property
    def display_name(self) -> str:
        """Like "Familien Hansen", or "Familien Elmi/Farah" when the parents' names differ."""
        lines = list(dict.fromkeys(line for line, _ in self._heads))
        if len(lines) == 1:
            return f"Familien {lines[0][0]}"
        shown = [next(name for line2, name in self._heads if line2 == line) for line in lines]
        return f"Familien {'/'.join(shown)}"

    def _first(self, female: bool, origin: T.Origin, child: bool) -> str:
        rng = self.rng
        pool = origin.female if female else origin.male
        if child and origin.key != "norsk" and rng.random() < 0.25:
            pool = T.SHARED_CHILD_FEMALE if female else T.SHARED_CHILD_MALE
        first = rng.choice(pool)
        for _ in range(5):  # siblings do not share a first name
            if first not in self._firsts:
                break
            first = rng.choice(pool)
        self._firsts.add(first)
        return first

    def adult(
        self,
        female: bool,
        ages: tuple[int, int],
        *,
        own_name: bool = False,
        origin: T.Origin | None = None,
        head: bool = True,
    ) -> _Person:
        """A grown-up; `own_name` for a wife or grandmother who keeps her own family name.
        The heads of the household give the family its name in the case list."""
        o = origin or self.origin
        first = self._first(female, o, child=False)
        keeps_own = origin is not None or (female and (own_name or o.wife_keeps_name))
        line = self.rng.choice(o.surnames) if keeps_own else self.family
        if not female and o.naming == "patronymic":
            self.father_first = first
        surname = line[1] if female and o.naming != "vietnamese" else line[0]
        if o.naming == "vietnamese":
            name = f"{surname} {T.VIETNAMESE_MIDDLE[0 if female else 1]} {first}"
        else:
            name = f"{first} {surname}"
        if head:
            self._heads.append((line, surname))
        born = self.today - dt.timedelta(days=self.rng.randint(ages[0] * 365, ages[1] * 365 + 364))
        return self._add(name, first, female, born)

    def children(self, count: int, parent_born: dt.date) -> None:
        """Up to `count` children of a parent born `parent_born`; the youngest is a minor."""
        rng = self.rng
        room = _age(parent_born, self.today) - 18
        ages = [rng.randint(0, max(0, min(15, room - 1)))]
        while len(ages) < count and ages[-1] + 4 <= room:
            ages.append(ages[-1] + rng.randint(1, 4))
        for age in reversed(ages):  # the eldest first, as families list them
            female = rng.random() < 0.5
            first = self._first(female, self.origin, child=True)
            o = self.origin
            if o.naming == "patronymic":
                name = f"{first} {self.father_first}"
            elif o.naming == "vietnamese" and first not in o.female + o.male:
                name = f"{first} {self.family[0]}"
            elif o.naming == "vietnamese":
                name = f"{self.family[0]} {T.VIETNAMESE_MIDDLE[0 if female else 1]} {first}"
            else:
                name = f"{first} {self.family[2] if female else self.family[0]}"
            days = rng.randint(age * 365, age * 365 + 360)
            self._add(name, first, female, self.today - dt.timedelta(days=days))

    def _add(self, name: str, first: str, female: bool, born: dt.date) -> _Person:
        rng = self.rng
        adult = _age(born, self.today) >= 18
        nid = None
        if rng.random() < (0.8 if self.origin.key == "norsk" else 0.5 if adult else 0.45):
            d_number = adult and rng.random() < self.origin.d_number_share
            nid = _national_id(rng, born, female, d_number)
        teen = _age(born, self.today) >= 13
        phone = _phone(rng) if rng.random() < (0.92 if adult else 0.5 if teen else 0.0) else ""
        person = _Person(name, first, female, born, adult, nid, phone)
        self.people.append(person)
        return person


def _household(rng: random.Random, today: dt.date) -> _Household:
    """Who lives together: the primary contact first, then other adults, then the children."""
    origin = rng.choices(T.ORIGINS, [o.weight for o in T.ORIGINS])[0]
    shape = rng.choices(list(_SHAPES), list(_SHAPES.values()))[0]
    if origin.key == "ukrainsk" and shape in ("couple", "multi") and rng.random() < 0.6:
        shape = "single"  # many came with the children while the fathers stayed
    h = _Household(rng, today, origin)
    if shape == "grand":
        elder = h.adult(True, (54, 72), own_name=True)
        if rng.random() < 0.4:
            h.adult(False, (56, 76))
        h.father_first = rng.choice(origin.male)  # the grandchildren's absent father
        h.children(rng.randint(1, 3), elder.born + dt.timedelta(days=rng.randint(20, 30) * 365))
        return h
    couple = shape in ("couple", "multi") or (shape == "large" and rng.random() < 0.8)
    if couple:
        # Some Norwegian fathers have a wife from elsewhere; she keeps her own name.
        mixed = origin.key == "norsk" and rng.random() < 0.12
        parent = h.adult(True, (24, 50), origin=rng.choice(T.ORIGINS[1:]) if mixed else None)
        age = _age(parent.born, today)
        h.adult(False, (max(22, age - 3), age + 8))
    elif shape == "single" and rng.random() < 0.15:
        parent = h.adult(False, (26, 52))  # a single father
    else:
        parent = h.adult(True, (19, 24) if shape == "young" else (24, 50))
    if shape == "multi":
        h.adult(True, (60, 80), own_name=True, head=False)  # a grandmother living with them
    count = {"couple": (1, 4), "large": (5, 7), "young": (1, 2), "multi": (2, 4)}
    low, high = count.get(shape, (0, 0))
    h.children(rng.randint(low, high) if shape != "single" else _few(rng), parent.born)
    if couple and rng.random() < 0.12:  # some couples name the father as primary contact
        h.people[0], h.people[1] = h.people[1], h.people[0]
    return h


def _few(rng: random.Random) -> int:
    return rng.choices((1, 2, 3, 4), (35, 35, 20, 10))[0]


# -- the story of one family -----------------------------------------------------------------


@dataclass(slots=True)
class _Need:
    """A need as the story tracks it; `ref` is its position among the family's needs."""

    text: T.NeedText
    description: str
    child: str
    status: NeedStatus = NeedStatus.RAISED
    ref: int = -1
    items: list[T.Item] = field(default_factory=list)  # one-off things not yet proposed
    recurring_kr: int = 0


def _workday(day: dt.date) -> dt.date:
    """The day itself, or the Monday after a weekend."""
    return day + dt.timedelta(days={5: 2, 6: 1}.get(day.weekday(), 0))


def _oslo(day: dt.date, hour: int, minute: int) -> dt.datetime:
    """Norwegian wall-clock time, summer time included, without needing a tz database."""

    def last_sunday(month: int) -> dt.date:
        end = dt.date(day.year, month + 1, 1) - dt.timedelta(days=1)
        return end - dt.timedelta(days=(end.weekday() + 1) % 7)

    summer = last_sunday(3) <= day < last_sunday(10)
    return dt.datetime(
        day.year,
        day.month,
        day.day,
        hour,
        minute,
        tzinfo=dt.timezone(dt.timedelta(hours=1 + summer)),
    )


def _kr(amount: int) -> str:
    return f"{amount:,} kr".replace(",", " ")


def _listed(names: Sequence[str]) -> str:
    """ "NAV, Skolen og BUP"."""
    return " og ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


class _Story:
    """Writes one family's script, from the first meeting to today."""

    def __init__(
        self,
        rng: random.Random,
        opened: dt.date,
        today: dt.date,
        worker: User,
        study: str | None,
        limit: Money,
        approvers: bool,
        vouchers: Iterator[int],
    ) -> None:
        self.rng, self.opened, self.today, self.study = rng, opened, today, study
        self.limit_kr, self.approvers, self.vouchers = limit.ore // 100, approvers, vouchers
        self.household = _household(rng, today)
        self.origin, self.people = self.household.origin, self.household.people
        self.adults = [i for i, p in enumerate(self.people) if p.adult]
        self.minors = [p for p in self.people if not p.adult]
        # The frame grows with each year the family has been followed up.
        yearly = 70_000 + 18_000 * len(self.minors) + rng.choice((0, 5_000, 10_000, 20_000))
        self.frame_kr = round(yearly * max(1.0, (today - opened).days / 365) / 10_000) * 10_000
        self.used_kr = 0  # approved and paid, as the budget check counts it
        self.needs: list[_Need] = []
        self.taken: set[str] = set()  # need templates used, so a family has each need once
        self.payments = 0
        self.consents: list[int] = []  # active consents, by position
        self.given = 0
        self.place = {
            "worker": worker.display_name.split()[0],
            "district": rng.choice(T.DISTRICTS),
            "club": rng.choice(T.CLUBS),
            "school": rng.choice(T.SCHOOLS),
            "adult": self.people[0].first,
            "child": rng.choice(self.minors).first,
            "n": str(len(self.people)),
        }
        self.base = rng.uniform(2.5, 6.0)
        self.trend = rng.choices(("up", "flat", "dip", "down"), (55, 20, 17, 8))[0]
        self.dip_month = rng.uniform(3, 12)
        self.offsets = {d: rng.uniform(-1.5, 1.5) for d in CHECKIN_DOMAINS}
        self.offsets["economy"] -= 1.0

    # -- text ---------------------------------------------------------------------------------

    def fill(self, template: str, need: _Need | None = None, **extra: str) -> str:
        values = dict(self.place, **extra)
        if need is not None and need.child:
            values["child"] = need.child
        return template.format(**values)

    def pick(self, templates: Sequence[str], need: _Need | None = None, **extra: str) -> str:
        return self.fill(self.rng.choice(templates), need, **extra)

    # -- the script ---------------------------------------------------------------------------

    def script(self) -> Iterator[_Step]:
        rng = self.rng
        yield _NewFamily(
            self.household.display_name, self.place["district"], self.frame_kr, self.opened
        )
        for i, person in enumerate(self.people):
            yield _AddMember(person, primary=i == 0)
        days, end, next_day = self._calendar()
        times = [self._when(i, day) for i, day in enumerate([*days, next_day])]
        consent_at = -1
        if self.study and rng.random() < 0.7:
            consent_at = 0 if len(days) == 1 or rng.random() < 0.5 else 1
        withdraw_at = -1
        if consent_at >= 0 and len(days) > consent_at + 3 and rng.random() < 0.1:
            withdraw_at = rng.randint(consent_at + 2, len(days) - 1)
        checkin_due = days[0]
        for i, day in enumerate(days):
            kind, held_at = times[i]
            last = i == len(days) - 1
            next_at = times[i + 1][1] if not last or end is FamilyStatus.ACTIVE else None
            yield from self._between(day, days[i - 1] if i else None)
            consent = "give" if i == consent_at else "withdraw" if i == withdraw_at else ""
            yield from self._meeting(i, day, kind, held_at, next_at, end if last else None, consent)
            if i == consent_at:
                yield from self._consent(day)
            if i == withdraw_at:
                yield from (_Withdraw(ref, day) for ref in self.consents)
                self.consents = []
            if day >= checkin_due:
                yield from self._checkins(day)
                checkin_due = day + dt.timedelta(days=rng.randint(80, 110))
        if end is not FamilyStatus.ACTIVE:
            yield _Status(end)

    def _calendar(self) -> tuple[list[dt.date], FamilyStatus, dt.date]:
        """Meeting days from opening until today (or the end), and the next planned day."""
        rng, today = self.rng, self.today
        span = (today - self.opened).days
        end, stop = FamilyStatus.ACTIVE, today - dt.timedelta(days=1)
        draw = rng.random()
        if span > 200 and draw < 0.09:
            end, stop = FamilyStatus.CLOSED, self.opened + dt.timedelta(rng.randint(150, span - 30))
        elif span > 120 and draw < 0.14:
            end, stop = FamilyStatus.PAUSED, today - dt.timedelta(rng.randint(20, 80))
        elif span > 90 and draw < 0.19:
            stop = today - dt.timedelta(rng.randint(25, 60))  # the planned meeting never happened
        day = _workday(self.opened + dt.timedelta(rng.randint(0, 10)))
        days: list[dt.date] = []
        while day <= stop or not days:
            days.append(day)
            gap = rng.choices((7, 14, 21, 28, 42), (15, 35, 30, 15, 5))[0] + rng.randint(-2, 2)
            day = _workday(day + dt.timedelta(days=gap))
        return days, end, day

    def _when(self, i: int, day: dt.date) -> tuple[MeetingKind, dt.datetime]:
        rng = self.rng
        if i == 0:
            kind = rng.choice((MeetingKind.HOME_VISIT, MeetingKind.HOME_VISIT, MeetingKind.OFFICE))
        else:
            kinds = (
                MeetingKind.HOME_VISIT,
                MeetingKind.OFFICE,
                MeetingKind.PHONE,
                MeetingKind.NETWORK,
            )
            kind = rng.choices(kinds, (35, 30, 25, 10))[0]
        if kind is MeetingKind.PHONE:
            return kind, _oslo(day, rng.randint(8, 15), rng.choice((0, 15, 30, 45)))
        return kind, _oslo(day, rng.choice((9, 10, 11, 12, 13, 14)), rng.choice((0, 30)))

    def _between(self, day: dt.date, before: dt.date | None) -> Iterator[_Step]:
        """Now and then the family calls in a need between meetings; it is agreed at the next."""
        if before is None or (day - before).days < 3 or self.rng.random() >= 0.08:
            return
        need = self._new_need(day)
        if need is None:
            return
        raised = before + dt.timedelta(days=self.rng.randint(1, (day - before).days - 1))
        need.ref = len(self.needs)
        self.needs.append(need)
        yield _RaiseNeed(need.description, need.text.category, raised)

    def _new_need(self, day: dt.date) -> _Need | None:
        rng = self.rng
        fits = [
            t
            for t in T.NEEDS
            if t.key not in self.taken
            and (self.minors or not t.needs_child)
            and (self.origin.key != "norsk" or not t.immigrant_only)
            and _in_season(t, day)
        ]
        if not fits:
            return None
        text = rng.choice(fits)
        self.taken.add(text.key)
        child = rng.choice(self.minors).first if text.needs_child else ""
        need = _Need(text, "", child, items=[i for i in text.items if not i.recurring])
        need.description = self.pick(text.words, need)
        recurring = [i for i in text.items if i.recurring]
        if recurring:
            need.recurring_kr = self._amount(recurring[0])
        return need

    def _amount(self, item: T.Item) -> int:
        kr = self.rng.randint(item.low, item.high)
        step = 50 if kr >= 2000 else 10
        return round(kr / step) * step

    # -- a meeting and what follows from it ------------------------------------------------------

    def _meeting(
        self,
        i: int,
        day: dt.date,
        kind: MeetingKind,
        held_at: dt.datetime,
        next_at: dt.datetime | None,
        ending: FamilyStatus | None,
        consent: str,
    ) -> Iterator[_Step]:
        rng = self.rng
        words: list[str] = []
        agreed: list[str] = []
        if i == 0:
            words.append(self.fill(T.FIRST_WORDS, referrer=self.pick(T.REFERRERS)))
            agreed.append(self.pick(T.FIRST_AGREED))
        elif kind is MeetingKind.PHONE:
            words.append(self.pick(T.PHONE_WORDS))
        level = self._level(day)
        words.append(
            self.pick(T.MOOD_LOW if level < 4 else T.MOOD_MID if level < 6.5 else T.MOOD_HIGH)
        )
        ongoing = [n for n in self.needs if n.status in _WORKING]
        if ongoing and i and rng.random() < 0.6:
            need = rng.choice(ongoing)
            words.append(self.pick(need.text.progress, need))
        # Needs the family already has move on; the steps are saved after the meeting.
        moves = [m for m in (self._move(n, ending) for n in self.needs) if m is not None]
        ready = [self.needs[m.need] for m in moves if m.status is NeedStatus.AGREED]
        agreed += [self.pick(n.text.agreed, n) for n in ready]
        fresh: list[_Need] = []
        count = rng.randint(2, 4) if i == 0 else int(ending is None and rng.random() < 0.4)
        for _ in range(count):
            new = self._new_need(day)
            if new is None:
                break
            raised = i > 0 and rng.random() < 0.15  # mentioned now, to be agreed next time
            new.status = NeedStatus.RAISED if raised else NeedStatus.AGREED
            words.append(new.description)
            if not raised:
                agreed.append(self.pick(new.text.agreed, new))
            fresh.append(new)
        pays: list[_Pay] = []
        settles: list[_Settle] = []
        if ending is None:
            still = [n for n in self.needs if n.status in _WORKING and n not in ready]
            for need in [*fresh, *ready, *still]:
                if len(pays) < 7 and need.status is not NeedStatus.RAISED:
                    first = need in fresh or need in ready
                    draft = fresh.index(need) if need in fresh else None
                    self._propose(need, first, draft, day, pays, settles, agreed)
        members, partners, place = self._who(kind, agreed)
        if consent == "give":
            agreed.append(T.CONSENT_AGREED)
        elif consent == "withdraw":
            words.append(T.WITHDRAW_WORDS)
        if ending is FamilyStatus.CLOSED:
            words.append(T.CLOSING_WORDS)
            agreed.append(T.CLOSING_AGREED)
        elif ending is FamilyStatus.PAUSED:
            words.append(T.PAUSE_WORDS)
            agreed.append(self.fill(T.PAUSE_AGREED))
        if next_at is not None:
            when = f"{T.WEEKDAYS[next_at.weekday()]} {next_at.day}.{next_at.month}."
            agreed.append(T.NEXT_AGREED.format(when=when))
        yield _Meeting(
            held_at,
            kind,
            place,
            " ".join(words),
            "\n".join(agreed),
            next_at,
            tuple(members),
            partners,
            tuple(NeedDraft(n.description, n.text.category, n.status) for n in fresh),
            tuple(pays),
        )
        for need in fresh:
            need.ref = len(self.needs)
            self.needs.append(need)
        self.payments += len(pays)
        yield from moves
        yield from settles

    def _move(self, need: _Need, ending: FamilyStatus | None) -> _NeedStatus | None:
        """Where a need goes at this meeting, if anywhere."""
        draw = self.rng.random()
        target: NeedStatus | None = None
        if need.status not in _OPEN or ending is FamilyStatus.PAUSED:
            return None
        if ending is FamilyStatus.CLOSED:
            met = need.status is not NeedStatus.RAISED and draw < 0.75
            target = NeedStatus.MET if met else NeedStatus.DROPPED
        elif need.status is NeedStatus.RAISED:
            target = NeedStatus.AGREED if draw < 0.85 else NeedStatus.DROPPED
        elif need.status is NeedStatus.AGREED:
            target = NeedStatus.IN_PROGRESS if draw < 0.7 else None
        elif draw < (0.05 if need.recurring_kr else 0.18):
            target = NeedStatus.MET
        elif draw < (0.065 if need.recurring_kr else 0.21):
            target = NeedStatus.DROPPED
        if target is None:
            return None
        need.status = target
        outcome = None
        if target is NeedStatus.MET:
            outcome = self.pick(need.text.met, need)
        elif target is NeedStatus.DROPPED:
            outcome = self.pick(need.text.dropped, need)
        return _NeedStatus(need.ref, target, outcome)

    def _propose(
        self,
        need: _Need,
        first: bool,
        draft: int | None,
        day: dt.date,
        pays: list[_Pay],
        settles: list[_Settle],
        agreed: list[str],
    ) -> None:
        """Maybe propose a payment for `need`, and decide what becomes of it."""
        rng = self.rng
        recurring = next((i for i in need.text.items if i.recurring), None)
        item: T.Item | None = None
        if need.items and rng.random() < (0.85 if first else 0.3):
            item = need.items.pop(0)
        elif recurring is not None and rng.random() < 0.95 and _in_season(need.text, day):
            item = recurring
        if item is None:
            return
        kr = need.recurring_kr if item is recurring else self._amount(item)
        if self.used_kr + kr > 0.85 * self.frame_kr and rng.random() < 0.75:
            return  # near the end of the frame, the family and the coordinator hold back
        ref = self.payments + len(pays)
        over = kr > self.limit_kr
        paid_on = _workday(day + dt.timedelta(days=rng.randint(3, 20)))
        draw = rng.random()
        settle: _Settle | None = None
        if draw < 0.025:
            settle = _Settle(ref, "reject", reason=rng.choice(T.REJECT_REASONS))
        elif draw < 0.05:
            settle = _Settle(ref, "cancel", reason=rng.choice(T.CANCEL_REASONS))
        elif self.used_kr + kr > self.frame_kr:
            if rng.random() >= 0.2:
                return  # the family and the coordinator agree it does not fit the frame
            settle = _Settle(ref, "reject", reason=T.OVER_BUDGET_REASON)
        elif over and not self.approvers:
            settle = None  # waits for a second team lead
        elif paid_on > self.today:
            settle = _Settle(ref, "approve", by_lead=over) if rng.random() < 0.6 else None
        elif draw < 0.08:
            settle = _Settle(
                ref, "approve-cancel", by_lead=over, reason=rng.choice(T.CANCEL_REASONS)
            )
        else:
            voucher = f"B{paid_on.year}-{next(self.vouchers):06d}"
            settle = _Settle(ref, "paid", by_lead=over, paid_on=paid_on, voucher=voucher)
        if settle is not None and settle.fate in ("approve", "paid"):
            self.used_kr += kr
        purpose = self.fill(item.purpose, need)
        pays.append(_Pay(kr, purpose, item.method, None if draft is not None else need.ref, draft))
        if settle is not None:
            settles.append(settle)
        agreed.append(self.pick(T.PAYMENT_AGREED, need, purpose=_lower(purpose), amount=_kr(kr)))

    def _who(self, kind: MeetingKind, agreed: list[str]) -> tuple[list[int], tuple[str, ...], str]:
        """Who takes part, and where: members by position, partners by name."""
        rng = self.rng
        members = [0]
        together = {MeetingKind.HOME_VISIT: 0.7, MeetingKind.PHONE: 0.0}.get(kind, 0.4)
        if len(self.adults) > 1 and rng.random() < together:
            members.append(self.adults[1])
        teens = [
            i for i, p in enumerate(self.people) if not p.adult and _age(p.born, self.today) >= 12
        ]
        if teens and kind is MeetingKind.HOME_VISIT and rng.random() < 0.25:
            members.append(rng.choice(teens))
        partners: tuple[str, ...] = ()
        if kind is MeetingKind.NETWORK:
            pool = {p for n in self.needs if n.status in _OPEN for p in n.text.partners}
            pool |= set(T.GENERAL_PARTNERS)
            partners = tuple(rng.sample(sorted(pool), rng.randint(1, 3)))
            agreed.insert(0, T.NETWORK_AGREED.format(partners=_listed(partners)))
            return members, partners, self.fill(T.PLACE_PARTNER.get(partners[0], T.PLACE_OFFICE[0]))
        if kind is MeetingKind.OFFICE and rng.random() < 0.08:
            partners = (rng.choice(T.GENERAL_PARTNERS),)
        if kind is MeetingKind.HOME_VISIT:
            return members, partners, T.PLACE_HOME
        if kind is MeetingKind.PHONE:
            return members, partners, rng.choice(T.PLACE_PHONE)
        return members, partners, self.pick(T.PLACE_OFFICE)

    # -- consents and check-ins ------------------------------------------------------------------

    def _consent(self, day: dt.date) -> Iterator[_Step]:
        """Every adult consents; now and then one is recorded under the old letter and redone."""
        rng, study = self.rng, self.study or ""
        letter = "v1.1" if day >= _LETTER_V11 else "v1.0"
        method = rng.choices(list(ConsentMethod), (60, 30, 10))[0]
        for m in self.adults:
            if letter == "v1.1" and rng.random() < 0.05:
                yield _Consent(m, study, day, method, "v1.0")
                yield _Withdraw(self.given, day)
                self.given += 1
            self.consents.append(self.given)
            yield _Consent(m, study, day, method, letter)
            self.given += 1

    def _level(self, day: dt.date) -> float:
        """How the family is doing, 0-10: mostly slowly better, some dipping, a few worse."""
        months = (day - self.opened).days / 30.4
        if self.trend == "up":
            return self.base + min(3.5, 0.18 * months)
        if self.trend == "flat":
            return self.base + 0.4 * math.sin(months / 2)
        if self.trend == "dip":
            dip = 2.5 * math.exp(-(((months - self.dip_month) / 2.5) ** 2))
            return self.base + min(2.0, 0.08 * months) - dip
        return self.base - min(2.5, 0.12 * months)

    def _checkins(self, day: dt.date) -> Iterator[_Step]:
        rng = self.rng
        months = (day - self.opened).days / 30.4
        answering = self.adults[:1]
        if len(self.adults) > 1 and rng.random() < 0.35:
            answering.append(self.adults[1])
        for m in answering:
            own = self._level(day) + rng.gauss(0, 0.6)
            domains: dict[str, int | None] = {}
            for d in CHECKIN_DOMAINS:
                lift = min(2.0, 0.12 * months) if d == "trust" and self.trend != "down" else 0.0
                score = _score(own + self.offsets[d] + lift + rng.gauss(0, 0.9))
                domains[d] = None if rng.random() < 0.04 else score
            yield _Checkin(m, day, _score(own), domains)


_OPEN = frozenset({NeedStatus.RAISED, NeedStatus.AGREED, NeedStatus.IN_PROGRESS})
_WORKING = frozenset({NeedStatus.AGREED, NeedStatus.IN_PROGRESS})


def _in_season(text: T.NeedText, day: dt.date) -> bool:
    return not text.months or day.month in text.months


def _score(value: float) -> int:
    return max(0, min(10, round(value)))
