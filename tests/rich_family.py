"""A family with one of everything (for the lifecycle, access log and canary tests).

Every name, note and number is built from `tag`, so a test can look for it afterwards in files,
tables and logs.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from samjournal.journal import Journal
from samjournal.model import (
    ConsentMethod,
    FamilyId,
    FamilyStatus,
    MeetingKind,
    NeedCategory,
    NeedDraft,
    PaymentDraft,
)
from samjournal.money import Money
from samjournal.records.meetings import member, partner, staff
from tests.study import STUDY


def national_id(rng: random.Random, born: dt.date) -> str:
    """A valid fødselsnummer (the rule before 2032) for someone born in the 1900s."""
    k1w, k2w = (3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    while True:
        digits = [int(c) for c in f"{born:%d%m%y}{rng.randint(0, 499):03d}"]
        k1 = (11 - sum(d * w for d, w in zip(digits, k1w, strict=True)) % 11) % 11
        k2 = (11 - sum(d * w for d, w in zip([*digits, k1], k2w, strict=True)) % 11) % 11
        if k1 != 10 and k2 != 10:
            return "".join(map(str, [*digits, k1, k2]))


@dataclass(frozen=True)
class Rich:
    id: FamilyId
    secrets: tuple[str, ...]  # every text and number that must vanish with the family
    national_id: str


def rich_family(
    journal: Journal, tag: str, *, closed_on: dt.date | None = None, seed: int = 1
) -> Rich:
    """Members, meetings with participants, needs, payments, check-ins, a consent, edits, a
    removed member and a removed meeting; closed on `closed_on` when given."""
    rng = random.Random(seed)
    opened = (closed_on or dt.date.today()) - dt.timedelta(days=400)
    family = journal.families.create(f"Familien {tag}", district=f"Bydel{tag}", opened_on=opened)
    nin = national_id(rng, dt.date(1984, 3, 12))
    phone = f"9{rng.randint(1000000, 9999999)}"
    mother = journal.members.add(
        family.id, f"Mor{tag}", birth_year=1984, national_id=nin, phone=phone
    )
    child = journal.members.add(family.id, f"Barn{tag}", is_child=True, birth_year=2015)
    journal.members.update(
        mother.id, name=f"Mor{tag} Endret", is_child=False, birth_year=1984,
        national_id=nin, phone=phone, primary_contact=True,
    )  # fmt: skip
    gone = journal.members.add(family.id, f"Fjernet{tag}", birth_year=1990)
    journal.members.remove(gone.id, "feilregistrert")
    held = dt.datetime.combine(opened + dt.timedelta(days=10), dt.time(10), tzinfo=dt.UTC)
    recorded = journal.meetings.record(
        family.id,
        held,
        MeetingKind.HOME_VISIT,
        place=f"Sted{tag}",
        family_words=f"Vi sier {tag}ord om livet.",
        agreed=f"Avtalt {tag}avtale.",
        participants=[member(mother.id), member(child.id), staff(journal.user.id),
                      partner(f"Skole{tag}")],
        needs=[NeedDraft(f"Behov {tag}behov", NeedCategory.LEISURE)],
        payments=[PaymentDraft(Money.kr(1500), f"Formål {tag}formål", draft_need=0)],
    )  # fmt: skip
    journal.meetings.update(
        recorded.meeting.id, held_at=held, kind=MeetingKind.HOME_VISIT, place=f"Sted{tag}",
        family_words=f"Vi sier {tag}ord om livet, rettet.", agreed=f"Avtalt {tag}avtale.",
    )  # fmt: skip
    extra = journal.meetings.record(
        family.id, held + dt.timedelta(days=3), MeetingKind.PHONE, family_words=f"{tag}slett"
    )
    journal.meetings.remove(extra.meeting.id, "feil familie")
    journal.payments.approve(recorded.payment_ids[0], over_budget_ok=True)
    journal.needs.raise_need(family.id, f"Eget {tag}behov2", NeedCategory.HOUSING, raised_on=opened)
    journal.checkins.record(
        family.id, 7, member_id=mother.id, answered_on=opened + dt.timedelta(days=11),
        domains={"economy": 4},
    )  # fmt: skip
    if STUDY not in dict(journal.consents.studies()):
        journal.consents.add_study(STUDY, "Livskvalitet")
    journal.consents.give(mother.id, STUDY, letter_version="v1", method=ConsentMethod.WRITTEN)
    if closed_on is not None:
        journal.families.set_status(family.id, FamilyStatus.CLOSED, closed_on=closed_on)
    secrets = (tag, nin, phone)
    return Rich(family.id, secrets, nin)
