"""A second process on the same journal: saves one meeting about every 50 ms and says which
saves were acknowledged, while the test runs the CLI beside it.

`python -m tests.samjournal.concurrent_writer JOURNAL RUN STOPFILE [USER]` prints READY, then
`ACK <marker>` after each committed save and `REFUSED <error class>` for a save that was not
acknowledged, until STOPFILE exists; then it locks the journal and prints DONE.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from samjournal.errors import JournalBusy, SamJournalError
from samjournal.journal import Journal
from samjournal.model import MeetingKind
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS

PAUSE = 0.05
PASSPHRASES = {WORKER: WORKER_PASS, LEAD: LEAD_PASS}


def main(path: Path, run: str, stop: Path, user: str = WORKER) -> None:
    journal = Journal.open(path, user, PASSPHRASES[user])
    family = journal.families.case_list()[0].id
    print("READY", flush=True)
    held = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    i = 0
    while not stop.exists():
        marker = f"mrk{run}x{i}"
        try:
            journal.meetings.record(
                family, held + dt.timedelta(minutes=i), MeetingKind.OFFICE, family_words=marker
            )
        except JournalBusy as exc:  # told, not acknowledged; the next save tries again
            print(f"REFUSED {type(exc).__name__}", flush=True)
        except SamJournalError as exc:  # JournalReplaced among them: stop, as a window would
            print(f"REFUSED {type(exc).__name__}", flush=True)
            break
        else:
            print(f"ACK {marker}", flush=True)
        i += 1
        time.sleep(PAUSE)
    journal.lock()
    print("DONE", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), *sys.argv[4:5])
