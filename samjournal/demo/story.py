"""The story of one family, from the first meeting to today, written as a script of steps.

Everything is drawn from the family's own `random.Random`, in a fixed order: a change to what is
drawn here, or to the order of the texts drawn from, changes every demo journal.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from samjournal.demo import answers
from samjournal.demo.need_text import Item, NeedText
from samjournal.demo.needs_everyday import EVERYDAY_NEEDS
from samjournal.demo.needs_home import HOME_NEEDS
from samjournal.demo.notes import (
    CANCEL_REASONS,
    CLOSING_AGREED,
    CLOSING_WORDS,
    CONSENT_AGREED,
    FIRST_AGREED,
    FIRST_WORDS,
    MOOD_HIGH,
    MOOD_LOW,
    MOOD_MID,
    NETWORK_AGREED,
    OVER_BUDGET_REASON,
    PAUSE_AGREED,
    PAUSE_WORDS,
    PAYMENT_AGREED,
    PHONE_WORDS,
    REFERRERS,
    REJECT_REASONS,
    WITHDRAW_WORDS,
)
from samjournal.demo.people import age_on, household
from samjournal.demo.places import (
    CLUBS,
    DISTRICTS,
    GENERAL_PARTNERS,
    PLACE_HOME,
    PLACE_OFFICE,
    PLACE_PARTNER,
    PLACE_PHONE,
    SCHOOLS,
)
from samjournal.demo.script import (
    AddMember,
    Checkin,
    Consent,
    Meeting,
    MoveNeed,
    NewFamily,
    Pay,
    RaiseNeed,
    SetStatus,
    Settle,
    Step,
    Withdraw,
)
from samjournal.instruments.model import Answer, Occasion, Respondent
from samjournal.model import (
    CHECKIN_DOMAINS,
    ConsentMethod,
    FamilyStatus,
    MeetingKind,
    NeedDraft,
    NeedStatus,
    User,
)
from samjournal.money import Money

_LETTER_V11 = dt.date(2026, 2, 1)  # information letter v1.1 replaced v1.0 on this day
# A step saved after another (a meeting's outcome after the meeting) comes at least this later.
_AFTER = dt.timedelta(hours=1)
# Days from a proposal to its approval, and from approval to payment: mostly soon, some later.
_APPROVAL_DAYS, _APPROVAL_WEIGHTS = range(8), (22, 24, 16, 12, 9, 7, 5, 5)
_PAYOUT_DAYS, _PAYOUT_WEIGHTS = range(15), (10, 14, 14, 12, 10, 8, 7, 6, 5, 4, 3, 2, 2, 1, 1)
# A sum over the approval limit agreed at a meeting this close to today may still wait for the
# team lead, who decides within a week (_APPROVAL_DAYS).
_LEAD_WAITING = dt.timedelta(days=len(_APPROVAL_DAYS))
_OVER = 50  # kroner: the least such a sum is over the limit (a step _amount rounds to)
# Every kind of need, in the order the generator draws from.
_NEEDS = (*HOME_NEEDS, *EVERYDAY_NEEDS)


@dataclass(slots=True)
class _Need:
    """A need as the story tracks it; `ref` is its position among the family's needs."""

    text: NeedText
    description: str
    child: str
    status: NeedStatus = NeedStatus.RAISED
    ref: int = -1
    items: list[Item] = field(default_factory=list)  # one-off things not yet proposed
    recurring_kr: int = 0
    bought: bool = False  # a one-off thing for it approved or paid


def _workday(day: dt.date) -> dt.date:
    """The day itself, or the Monday after a weekend."""
    return day + dt.timedelta(days={5: 2, 6: 1}.get(day.weekday(), 0))


def _local(day: dt.date, hour: int, minute: int) -> dt.datetime:
    """A time on the clock of the machine the demo is made on, where it is shown: so its office
    hours read as office hours there (Norwegian time in Norway, summer time included), not hours
    early on a machine set to UTC."""
    return dt.datetime(day.year, day.month, day.day, hour, minute).astimezone()


def _kr(amount: int) -> str:
    return f"{amount:,} kr".replace(",", " ")


def _listed(names: Sequence[str]) -> str:
    """ "NAV, Skolen og BUP"."""
    return " og ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


class Story:
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
        for_lead: Iterator[int],
    ) -> None:
        """`vouchers` and `for_lead` are shared with other families: the paid payments'
        numbers, and the worker's places in the team lead's queue of big sums to approve."""
        self.rng, self.opened, self.today, self.study = rng, opened, today, study
        self.limit_kr, self.approvers, self.vouchers = limit.ore // 100, approvers, vouchers
        self.for_lead = for_lead
        self.household = household(rng, today)
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
            "district": rng.choice(DISTRICTS),
            "club": rng.choice(CLUBS),
            "school": rng.choice(SCHOOLS),
            "adult": self.people[0].first,
            "child": rng.choice(self.minors).first,
            "n": str(len(self.people)),
        }
        self.base = rng.uniform(2.5, 6.0)
        self.trend = rng.choices(("up", "flat", "dip", "down"), (55, 20, 17, 8))[0]
        self.dip_month = rng.uniform(3, 12)
        self.offsets = {d: rng.uniform(-1.5, 1.5) for d in CHECKIN_DOMAINS}
        self.offsets["economy"] -= 1.0
        # The answers beyond the scores draw from their own generator, seeded from this family,
        # so the demo's main stream (and every journal built from a seed) stays as it was.
        # The state's ints only: its last part (the spare gauss value) is None here, and hash(None)
        # follows the address of None in Python 3.11, so the demo differed from run to run.
        self.extra = random.Random(hash(rng.getstate()[1]))  # noqa: S311 - ints hash alike in every run
        self.outlook = answers.outlook(self.extra, self.trend)
        self.checkins_taken = 0

    # -- text ---------------------------------------------------------------------------------

    def fill(self, template: str, need: _Need | None = None, **extra: str) -> str:
        values = dict(self.place, **extra)
        if need is not None and need.child:
            values["child"] = need.child
        return template.format(**values)

    def pick(self, templates: Sequence[str], need: _Need | None = None, **extra: str) -> str:
        return self.fill(self.rng.choice(templates), need, **extra)

    # -- the script ---------------------------------------------------------------------------

    def script(self) -> Iterator[Step]:
        rng = self.rng
        yield NewFamily(
            self.household.display_name, self.place["district"], self.frame_kr, self.opened
        )
        for i, person in enumerate(self.people):
            yield AddMember(person, primary=i == 0)
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
            # An active family's last meeting so far is like any other: the work goes on.
            ending = end if last and end is not FamilyStatus.ACTIVE else None
            yield from self._meeting(i, day, kind, held_at, next_at, ending, consent)
            if i == consent_at:
                yield from self._consent(day)
            if i == withdraw_at:
                yield from (Withdraw(ref, day) for ref in self.consents)
                self.consents = []
            if day >= checkin_due:
                yield from self._checkins(day)
                checkin_due = day + dt.timedelta(days=rng.randint(80, 110))
        if end is not FamilyStatus.ACTIVE:
            yield SetStatus(end, times[len(days) - 1][1] + _AFTER)

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
            return kind, _local(day, rng.randint(8, 15), rng.choice((0, 15, 30, 45)))
        return kind, _local(day, rng.choice((9, 10, 11, 12, 13, 14)), rng.choice((0, 30)))

    def _between(self, day: dt.date, before: dt.date | None) -> Iterator[Step]:
        """Now and then the family calls in a need between meetings; it is agreed at the next."""
        if before is None or (day - before).days < 3 or self.rng.random() >= 0.08:
            return
        need = self._new_need(day)
        if need is None:
            return
        raised = before + dt.timedelta(days=self.rng.randint(1, (day - before).days - 1))
        need.ref = len(self.needs)
        self.needs.append(need)
        yield RaiseNeed(need.description, need.text.category, raised)

    def _new_need(self, day: dt.date, *, over: int | None = None) -> _Need | None:
        """A need the family does not have yet; `over`: one with a one-off cost above it."""
        rng = self.rng
        fits = [
            t
            for t in _NEEDS
            if t.key not in self.taken
            and (self.minors or not t.needs_child)
            and (self.origin.key != "norsk" or not t.immigrant_only)
            and _in_season(t, day)
            and (over is None or _costly(t, over) is not None)
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

    def _amount(self, item: Item) -> int:
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
    ) -> Iterator[Step]:
        rng = self.rng
        words: list[str] = []
        agreed: list[str] = []
        if i == 0:
            words.append(self.fill(FIRST_WORDS, referrer=self.pick(REFERRERS)))
            agreed.append(self.pick(FIRST_AGREED))
        elif kind is MeetingKind.PHONE:
            words.append(self.pick(PHONE_WORDS))
        level = self._level(day)
        words.append(self.pick(MOOD_LOW if level < 4 else MOOD_MID if level < 6.5 else MOOD_HIGH))
        ongoing = [n for n in self.needs if n.status in _WORKING]
        if ongoing and i and rng.random() < 0.6:
            need = rng.choice(ongoing)
            words.append(self.pick(need.text.progress, need))
        # Needs the family already has move on; the steps are saved after the meeting.
        moves = [m for n in self.needs if (m := self._move(n, ending, held_at)) is not None]
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
        pays: list[Pay] = []
        settles: list[Settle] = []
        if ending is None:
            still = [n for n in self.needs if n.status in _WORKING and n not in ready]
            for need in [*fresh, *ready, *still]:
                if len(pays) < 7 and need.status is not NeedStatus.RAISED:
                    first = need in fresh or need in ready
                    draft = fresh.index(need) if need in fresh else None
                    self._propose(need, first, draft, held_at, pays, settles, agreed)
            if self.today - day < _LEAD_WAITING:
                self._for_the_lead(day, words, agreed, fresh, pays)
        members, partners, place = self._who(kind, agreed)
        if consent == "give":
            agreed.append(CONSENT_AGREED)
        elif consent == "withdraw":
            words.append(WITHDRAW_WORDS)
        if ending is FamilyStatus.CLOSED:
            words.append(CLOSING_WORDS)
            agreed.append(CLOSING_AGREED)
        elif ending is FamilyStatus.PAUSED:
            words.append(PAUSE_WORDS)
            agreed.append(self.fill(PAUSE_AGREED))
        yield Meeting(
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

    def _move(
        self, need: _Need, ending: FamilyStatus | None, held_at: dt.datetime
    ) -> MoveNeed | None:
        """Where a need goes at the meeting held at `held_at`, if anywhere."""
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
        if target is NeedStatus.DROPPED and need.bought:
            # What the budget bought was the help: not "covered elsewhere", "not needed after all".
            target = NeedStatus.MET
        if target is None:
            return None
        need.status = target
        outcome = None
        if target is NeedStatus.MET:
            outcome = self.pick(need.text.met, need)
        elif target is NeedStatus.DROPPED:
            outcome = self.pick(need.text.dropped, need)
        return MoveNeed(need.ref, target, held_at + _AFTER, outcome)

    def _propose(
        self,
        need: _Need,
        first: bool,
        draft: int | None,
        held_at: dt.datetime,
        pays: list[Pay],
        settles: list[Settle],
        agreed: list[str],
    ) -> None:
        """Maybe propose a payment for `need` at the meeting held at `held_at`, and decide
        what becomes of it, and when: a decision due today or later has not been made yet."""
        rng = self.rng
        recurring = next((i for i in need.text.items if i.recurring), None)
        item: Item | None = None
        if need.items and rng.random() < (0.85 if first else 0.3):
            item = need.items.pop(0)
        elif (
            recurring is not None and rng.random() < 0.95 and _in_season(need.text, held_at.date())
        ):
            item = recurring
        if item is None:
            return
        kr = need.recurring_kr if item is recurring else self._amount(item)
        if self.used_kr + kr > 0.85 * self.frame_kr and rng.random() < 0.75:
            return  # near the end of the frame, the family and the coordinator hold back
        ref = self.payments + len(pays)
        over = kr > self.limit_kr
        decided = self._later(held_at, rng.choices(_APPROVAL_DAYS, _APPROVAL_WEIGHTS)[0])
        paid = self._later(decided, rng.choices(_PAYOUT_DAYS, _PAYOUT_WEIGHTS)[0])
        draw = rng.random()
        settle: Settle | None = None
        if draw < 0.025:
            settle = Settle(ref, "reject", decided, reason=rng.choice(REJECT_REASONS))
        elif draw < 0.05:
            settle = Settle(ref, "cancel", decided, reason=rng.choice(CANCEL_REASONS))
        elif self.used_kr + kr > self.frame_kr:
            if rng.random() >= 0.2:
                return  # the family and the coordinator agree it does not fit the frame
            settle = Settle(ref, "reject", decided, reason=OVER_BUDGET_REASON)
        elif over and not self.approvers:
            settle = None  # waits for a second team lead
        elif paid.date() >= self.today:
            settle = Settle(ref, "approve", decided, by_lead=over) if rng.random() < 0.6 else None
        elif draw < 0.08:
            reason = rng.choice(CANCEL_REASONS)
            settle = Settle(ref, "approve-cancel", decided, paid, by_lead=over, reason=reason)
        else:
            voucher = f"B{paid.year}-{next(self.vouchers):06d}"
            settle = Settle(ref, "paid", decided, paid, by_lead=over, voucher=voucher)
        if decided.date() >= self.today:
            settle = None  # its decision is still to come
        if settle is not None and settle.fate in ("approve", "paid"):
            self.used_kr += kr
            need.bought = need.bought or item is not recurring
        if settle is not None:
            settles.append(settle)
        self._pay(need, item, kr, draft, pays, agreed)

    def _for_the_lead(
        self,
        day: dt.date,
        words: list[str],
        agreed: list[str],
        fresh: list[_Need],
        pays: list[Pay],
    ) -> None:
        """A new need whose one-off cost is over the approval limit, agreed and proposed at the
        meeting on `day` and left for the team lead to decide (reserved in the frame, so they can
        approve it). Nothing, if the family has no such need left, the frame cannot hold it, or
        the lead's queue is full."""
        need = self._new_need(day, over=self.limit_kr)
        if need is None or (item := _costly(need.text, self.limit_kr)) is None:
            return
        kr = self._amount(replace(item, low=max(item.low, self.limit_kr + _OVER)))
        if self.used_kr + kr > self.frame_kr or next(self.for_lead, None) is None:
            return
        self.used_kr += kr
        need.status = NeedStatus.AGREED
        need.items.remove(item)
        words.append(need.description)
        agreed.append(self.pick(need.text.agreed, need))
        fresh.append(need)
        self._pay(need, item, kr, len(fresh) - 1, pays, agreed)

    def _pay(
        self,
        need: _Need,
        item: Item,
        kr: int,
        draft: int | None,
        pays: list[Pay],
        agreed: list[str],
    ) -> None:
        """Propose `kr` for `item` of `need` (drafted in this meeting, if `draft`), and say so
        in what was agreed."""
        purpose = self.fill(item.purpose, need)
        pays.append(Pay(kr, purpose, item.method, None if draft is not None else need.ref, draft))
        agreed.append(self.pick(PAYMENT_AGREED, need, purpose=_lower(purpose), amount=_kr(kr)))

    def _later(self, start: dt.datetime, days: int) -> dt.datetime:
        """A moment in office hours on the workday `days` after `start`'s day, never before
        `start` is done."""
        day = _workday(start.date() + dt.timedelta(days=days))
        at = _local(day, self.rng.randint(8, 15), self.rng.choice((0, 15, 30, 45)))
        return max(at, start + _AFTER)

    def _who(self, kind: MeetingKind, agreed: list[str]) -> tuple[list[int], tuple[str, ...], str]:
        """Who takes part, and where: members by position, partners by name."""
        rng = self.rng
        members = [0]
        together = {MeetingKind.HOME_VISIT: 0.7, MeetingKind.PHONE: 0.0}.get(kind, 0.4)
        if len(self.adults) > 1 and rng.random() < together:
            members.append(self.adults[1])
        teens = [
            i for i, p in enumerate(self.people) if not p.adult and age_on(p.born, self.today) >= 12
        ]
        if teens and kind is MeetingKind.HOME_VISIT and rng.random() < 0.25:
            members.append(rng.choice(teens))
        partners: tuple[str, ...] = ()
        if kind is MeetingKind.NETWORK:
            pool = {p for n in self.needs if n.status in _OPEN for p in n.text.partners}
            pool |= set(GENERAL_PARTNERS)
            partners = tuple(rng.sample(sorted(pool), rng.randint(1, 3)))
            agreed.insert(0, NETWORK_AGREED.format(partners=_listed(partners)))
            return members, partners, self.fill(PLACE_PARTNER.get(partners[0], PLACE_OFFICE[0]))
        if kind is MeetingKind.OFFICE and rng.random() < 0.08:
            partners = (rng.choice(GENERAL_PARTNERS),)
        if kind is MeetingKind.HOME_VISIT:
            return members, partners, PLACE_HOME
        if kind is MeetingKind.PHONE:
            return members, partners, rng.choice(PLACE_PHONE)
        return members, partners, self.pick(PLACE_OFFICE)

    # -- consents and check-ins ------------------------------------------------------------------

    def _consent(self, day: dt.date) -> Iterator[Step]:
        """Every adult consents; now and then one is recorded under the old letter and redone."""
        rng, study = self.rng, self.study or ""
        letter = "v1.1" if day >= _LETTER_V11 else "v1.0"
        method = rng.choices(list(ConsentMethod), (60, 30, 10))[0]
        for m in self.adults:
            if letter == "v1.1" and rng.random() < 0.05:
                yield Consent(m, study, day, method, "v1.0")
                yield Withdraw(self.given, day)
                self.given += 1
            self.consents.append(self.given)
            yield Consent(m, study, day, method, letter)
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

    def _checkins(self, day: dt.date) -> Iterator[Step]:
        rng = self.rng
        months = (day - self.opened).days / 30.4
        answering = self.adults[:1]
        if len(self.adults) > 1 and rng.random() < 0.35:
            answering.append(self.adults[1])
        extra, index = self.extra, self.checkins_taken
        occasion = Occasion.BASELINE if index == 0 else Occasion.FOLLOW_UP
        self.checkins_taken += 1
        for m in answering:
            own = self._level(day) + rng.gauss(0, 0.6)
            domains: dict[str, int | None] = {}
            for d in CHECKIN_DOMAINS:
                lift = min(2.0, 0.12 * months) if d == "trust" and self.trend != "down" else 0.0
                score = _score(own + self.offsets[d] + lift + rng.gauss(0, 0.9))
                domains[d] = None if rng.random() < 0.04 else score
            more = answers.adult(extra, self.outlook, own, months)
            scores: dict[str, Answer] = {"life_satisfaction": _score(own), **domains}
            yield Checkin(m, day, {**scores, **more}, Respondent.ADULT, occasion)
        # children from 10 answer their own items now and then; the caseworker notes the money
        older = [i for i, p in enumerate(self.people) if not p.adult and age_on(p.born, day) >= 10]
        if older and extra.random() < 0.4:
            own = self._level(day)
            kid = answers.child(extra, own)
            yield Checkin(extra.choice(older), day, kid, Respondent.CHILD, occasion)
        if extra.random() < 0.7 or index == self.outlook.money_other_at:
            noted = answers.caseworker(extra, self.outlook, index)
            yield Checkin(None, day, noted, Respondent.CASEWORKER, occasion)


_OPEN = frozenset({NeedStatus.RAISED, NeedStatus.AGREED, NeedStatus.IN_PROGRESS})
_WORKING = frozenset({NeedStatus.AGREED, NeedStatus.IN_PROGRESS})


def _in_season(text: NeedText, day: dt.date) -> bool:
    return not text.months or day.month in text.months


def _costly(text: NeedText, limit_kr: int) -> Item | None:
    """The need's first one-off item that can cost more than the limit, if any."""
    return next((i for i in text.items if not i.recurring and i.high >= limit_kr + _OVER), None)


def _score(value: float) -> int:
    return max(0, min(10, round(value)))
