"""The client's write path, killed by tests/ui/test_kill_client.py: the window's `Session` and
its database worker (a QThread holding the Journal) save meetings the way the meeting dialog
does, and the GUI thread acknowledges each save on stdout when `done` arrives, which is when the
dialog would close and the caseworker would believe it saved.

`python -m tests.ui.client_writer_child JOURNAL RUN` prints READY, then `ACK <marker>` per save.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from samjournal.journal import Journal
from samjournal.model import MeetingKind, NeedCategory, NeedDraft, PaymentDraft
from samjournal.money import Money
from tests.conftest import LEAD, LEAD_PASS
from ui.session import Session
from ui.worker import DbWorker

IN_FLIGHT = 3  # the window can queue saves while earlier ones are still being written


def main(path: Path, run: str) -> None:
    app = QCoreApplication([])
    journal = Journal.open(path, LEAD, LEAD_PASS)
    session = Session(journal, DbWorker())
    family = journal.families.case_list()[0].id
    held = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    counter = iter(range(1_000_000))

    def save() -> None:
        i = next(counter)
        marker = f"cli{run}x{i}"

        def work(j: Journal) -> object:
            return j.meetings.record(
                family,
                held + dt.timedelta(minutes=i),
                MeetingKind.HOME_VISIT,
                family_words=f"{marker} " + "ord " * 150,
                agreed=f"{marker} avtalt",
                needs=[NeedDraft(f"{marker} behov", NeedCategory.OTHER)],
                payments=[PaymentDraft(Money(500 + i), f"{marker} formål", draft_need=0)],
            )

        def done(_result: object) -> None:
            print(f"ACK {marker}", flush=True)
            save()

        def failed(error: BaseException) -> None:
            print(f"FAILED {type(error).__name__}: {error}", file=sys.stderr, flush=True)
            app.exit(1)

        session.submit(work, done, failed)

    print("READY", flush=True)
    for _ in range(IN_FLIGHT):
        save()
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
