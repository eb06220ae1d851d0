"""Journal content for the report tests and the report benchmark: names in many scripts, hostile
text, a 20,000-character note, payments in every status, check-ins over months, consents."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass

from samjournal import nin
from samjournal.journal import Journal
from samjournal.model import (
    FamilyId,
    MeetingKind,
    MemberId,
    NeedCategory,
    NeedDraft,
    NeedStatus,
    PaymentDraft,
    PaymentStatus,
)
from samjournal.money import Money
from samjournal.records.meetings import member, partner, staff

NAMES = ("Åse Ødegård", "Nguyễn Thị Ánh", "Łukasz Żółć", "Ольга Петрова")
CJK_NAME = "王秀英"
HOSTILE = (
    '<font color="red">',
    '<a href="file:///etc/passwd">',
    "&amp;",
    "<br/>",
)
STUDY = ("trd-eval", "Evaluering av samskaping")


def national_id(birth: str = "010185", individual: int = 123) -> str:
    """A valid fødselsnummer (both check digits computed) for `birth` (DDMMYY)."""
    for ind in range(individual, individual + 50):
        digits = [int(c) for c in f"{birth}{ind:03d}"]
        k1 = (11 - sum(d * w for d, w in zip(digits, nin._K1[:9], strict=True)) % 11) % 11
        if k1 == 10:
            continue
        digits.append(k1)
        k2 = (11 - sum(d * w for d, w in zip(digits, nin._K2[:10], strict=True)) % 11) % 11
        if k2 == 10:
            continue
        number = "".join(map(str, [*digits, k2]))
        nin.validate(number)
        return number
    raise AssertionError("no valid number found")


def long_note(words: int = 2900) -> str:
    """About 20,000 characters of numbered words, with paragraphs, so every word can be found."""
    parts = []
    for i in range(words):
        parts.append(f"n{i:05d}")
        if i % 400 == 399:
            parts.append("\n\n")
        elif i % 37 == 36:
            parts.append("\n")
    text = " ".join(parts)
    assert len(text) >= 20_000
    return text


def note_words(count: int = 2900) -> list[str]:
    return [f"n{i:05d}" for i in range(count)]


@dataclass(frozen=True)
class Rich:
    family: FamilyId
    case_number: str
    national_id: str
    adult: MemberId
    agreed_texts: tuple[str, ...]
    old_agreed: str  # a meeting long before the others, for period tests
    paid_purpose: str
    proposed_purpose: str
    rejected_purpose: str
    long_purpose: str


def _at(days_ago: int, hour: int = 10) -> dt.datetime:
    day = dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def populate(journal: Journal, family_id: FamilyId) -> Rich:
    """Fill one family (the lead's journal) with everything a summary shows."""
    j = journal
    fnr = national_id()
    adult = j.members.add(
        family_id, NAMES[0], birth_year=1985, national_id=fnr, primary_contact=True,
        phone="912 34 567",
    )  # fmt: skip
    second = j.members.add(family_id, NAMES[1], birth_year=1990)
    j.members.add(family_id, NAMES[2], is_child=True, birth_year=2015)
    j.members.add(family_id, NAMES[3], birth_year=1970)
    j.members.add(family_id, CJK_NAME + " 👍🏽", birth_year=1960)
    j.consents.add_study(*STUDY)
    j.consents.give(adult.id, STUDY[0], letter_version="v2", given_on=dt.date.today())
    withdrawn = j.consents.give(second.id, STUDY[0], letter_version="v1")
    j.consents.withdraw(withdrawn.id)

    old_agreed = "Gammel avtale fra lenge siden om sykkel"
    j.meetings.record(family_id, _at(700), MeetingKind.OFFICE, agreed=old_agreed, place="Rådhuset")
    agreed = (
        f"Vi avtalte: {HOSTILE[0]}rød tekst</font> og {HOSTILE[1]}lenke</a>.",
        f"Husleie {HOSTILE[2]} strøm; linjeskift {HOSTILE[3]} skal stå som skrevet.\n"
        "Andre linje av avtalen.",
        long_note(),
    )
    long_purpose = "Langt formål " + "ord " * 240 + "SLUTT"
    for i, text in enumerate(agreed):
        rec = j.meetings.record(
            family_id,
            _at(90 - i * 30),
            MeetingKind.HOME_VISIT if i % 2 == 0 else MeetingKind.NETWORK,
            place="Hjemme & <i>kjøkkenet</i>",
            family_words="Familiens egne ord (ikke i familiekopien? jo, men ikke her)",
            agreed=text,
            next_meeting_at=_at(-14) if i == len(agreed) - 1 else _at(60 - i * 30),
            participants=[member(adult.id), staff(j.user.id), partner("NAV & skolen <b>")],
            needs=[NeedDraft(f"Fritidsaktivitet {i} for barna", NeedCategory.LEISURE)],
            payments=[
                PaymentDraft(
                    Money.kr(1_500 + i * 100), f"Kontingent {i} <b>fotball</b>", draft_need=0
                )
            ],
        )
        for pid in rec.payment_ids:
            j.payments.approve(pid)
            if i < 2:
                j.payments.mark_paid(pid, f"B-{i}", paid_on=_at(80 - i * 30).date())
    paid_purpose = "Kontingent 0 <b>fotball</b>"
    need = j.needs.raise_need(family_id, "Trenger bolig nær skolen", NeedCategory.HOUSING)
    proposed = j.payments.propose(family_id, Money.kr(900), "Foreslått busskort", need_id=need.id)
    rejected = j.payments.propose(family_id, Money.kr(700), "Avslått ønske om TV")
    j.payments.reject(rejected.id, "utenfor rammen")
    long_pay = j.payments.propose(family_id, Money.kr(300), long_purpose)
    j.payments.approve(long_pay.id)
    for k in range(8):
        j.checkins.record(
            family_id,
            4 + k % 5,
            member_id=adult.id,
            answered_on=_at(30 * (8 - k)).date(),
            domains={"economy": 3 + k % 4, "trust": 6 + k % 3, "housing": 5, "participation": 7},
        )
    assert proposed.status is PaymentStatus.PROPOSED
    return Rich(
        family=family_id,
        case_number=j.families.get(family_id).case_number,
        national_id=fnr,
        adult=adult.id,
        agreed_texts=agreed,
        old_agreed=old_agreed,
        paid_purpose=paid_purpose,
        proposed_purpose="Foreslått busskort",
        rejected_purpose="Avslått ønske om TV",
        long_purpose=long_purpose,
    )


def big_family(
    journal: Journal,
    name: str,
    *,
    meetings: int,
    payments: int,
    checkins: int = 24,
    seed: int = 1,
) -> FamilyId:
    """A family with many meetings and payments, written in a few transactions (for benchmarks)."""
    from samjournal.records import base

    rng = random.Random(seed)
    j = journal
    family = j.families.create(name, budget_frame=Money.kr(10_000_000), district="Lade")
    fid = family.id
    adult = j.members.add(fid, "Åse Ødegård", birth_year=1985, national_id=national_id())
    j.members.add(fid, "Łukasz Żółć", is_child=True, birth_year=2014)
    ctx = j._ctx
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=2 * 365)
    categories = list(NeedCategory)
    with ctx.db.transaction():
        need_ids = []
        for k in range(12):
            nid = base.insert(
                ctx,
                "needs",
                {
                    "family_id": fid,
                    "description": f"Behov {k}: {rng.choice(['bolig', 'fritid', 'jobb'])}",
                    "category": categories[k % len(categories)].value,
                    "status": rng.choice(list(NeedStatus)).value,
                    "raised_on": (start + dt.timedelta(days=k * 30)).date().isoformat(),
                },
            )
            need_ids.append(nid)
        for k in range(meetings):
            held = start + dt.timedelta(hours=k * (2 * 365 * 24) // max(1, meetings))
            mid = base.insert(
                ctx,
                "meetings",
                {
                    "family_id": fid,
                    "held_at": held.isoformat(timespec="seconds"),
                    "place": "Hjemme",
                    "kind": rng.choice(list(MeetingKind)).value,
                    "family_words": "Vi har det litt bedre nå. " * 8,
                    "agreed": (
                        f"Møte {k}: vi avtalte å søke om støtte til fritid og å ringe NAV. "
                        * rng.randint(2, 6)
                    ),
                    "next_meeting_at": (held + dt.timedelta(days=14)).isoformat(timespec="seconds"),
                },
            )
            for kind, who in (("member", adult.id), ("staff", j.user.id)):
                ctx.db.execute(
                    "INSERT INTO meeting_participants (meeting_id, kind, member_id, user_id, name)"
                    " VALUES (?, ?, ?, ?, '')",
                    (
                        mid,
                        kind,
                        who if kind == "member" else None,
                        who if kind == "staff" else None,
                    ),
                )
        for k in range(payments):
            when = start + dt.timedelta(hours=k * (2 * 365 * 24) // max(1, payments))
            status = rng.choice(["paid", "paid", "paid", "approved", "proposed", "cancelled"])
            base.insert(
                ctx,
                "payments",
                {
                    "family_id": fid,
                    "need_id": rng.choice([*need_ids, None]),
                    "amount_ore": rng.randint(100, 5_000) * 100,
                    "purpose": f"Utbetaling {k}: {rng.choice(['kontingent', 'husleie', 'utstyr'])}",
                    "method": "bank_transfer",
                    "status": status,
                    "proposed_by": j.user.id,
                    "proposed_at": when.isoformat(timespec="seconds"),
                    "approved_by": j.user.id if status in ("paid", "approved") else None,
                    "approved_at": when.isoformat(timespec="seconds")
                    if status in ("paid", "approved")
                    else None,
                    "paid_on": when.date().isoformat() if status == "paid" else None,
                    "voucher_ref": f"B{k}" if status == "paid" else "",
                    "reason": "ikke nødvendig" if status == "cancelled" else "",
                },
            )
        for k in range(checkins):
            scores = {
                "life_satisfaction": rng.randint(3, 9),
                "economy": rng.randint(2, 8),
                "housing": rng.randint(3, 9),
                "health": rng.randint(3, 9),
                "social": rng.randint(3, 9),
                "trust": rng.randint(4, 10),
                "participation": rng.randint(4, 10),
            }
            base.insert(
                ctx,
                "checkins",
                {
                    "family_id": fid,
                    "member_id": adult.id,
                    "answered_on": (start + dt.timedelta(days=k * 30)).date().isoformat(),
                    **scores,
                    "instrument_id": "innbyggernes-modell",
                    "instrument_version": 1,
                    "respondent": "adult",
                    "occasion": "other",
                    "answers": json.dumps(scores),
                },
            )
    return fid
