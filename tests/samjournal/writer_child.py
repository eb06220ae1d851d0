"""A writer the reliability test kills: it records meetings and acknowledges each commit.

`python -m tests.samjournal.writer_child JOURNAL RUN` prints READY, then `ACK <marker>` after each
committed meeting (with a need and a payment in the same transaction), until it is killed.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from samjournal.journal import Journal
from samjournal.model import MeetingKind, NeedCategory, NeedDraft, PaymentDraft
from samjournal.money import Money
from tests.conftest import LEAD, LEAD_PASS


def main(path: Path, run: str) -> None:
    journal = Journal.open(path, LEAD, LEAD_PASS)
    family = journal.families.case_list()[0].id
    print("READY", flush=True)
    held = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    for i in range(100_000):
        marker = f"mrk{run}x{i}"
        journal.meetings.record(
            family,
            held + dt.timedelta(minutes=i),
            MeetingKind.OFFICE,
            family_words=f"{marker} " + "ord " * 200,
            needs=[NeedDraft(f"{marker} behov", NeedCategory.OTHER)],
            payments=[PaymentDraft(Money(100 + i), f"{marker} betaling", draft_need=0)],
        )
        print(f"ACK {marker}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
