"""What tests/samjournal/handover/test_kill_handover.py kills.

    python -m tests.samjournal.handover.handover_child send SENDER CASE RECEIVER_ID OUT
    python -m tests.samjournal.handover.handover_child receive RECEIVER FILE RECEIPT
    python -m tests.samjournal.handover.handover_child receipt SENDER RECEIPT

Each prints READY once its journal is open, then does its step again and again, printing
`ACK <what>` each time the step has returned.
"""

from __future__ import annotations

import sys
from pathlib import Path

from samjournal.fsutil import atomic_write
from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS
from tests.samjournal.handover.conftest import RECEIVER, RECEIVER_PASS


def main(mode: str, journal_path: str, *rest: str) -> None:
    user, passphrase = (RECEIVER, RECEIVER_PASS) if mode == "receive" else (LEAD, LEAD_PASS)
    journal = Journal.open(Path(journal_path), user, passphrase)
    print("READY", flush=True)
    while True:
        if mode == "send":
            case, to_journal, out = rest
            family = journal.families.by_case_number(case)
            journal.handovers.send([family], to_journal, Path(out))
            print(f"ACK sent {case}", flush=True)
        elif mode == "receive":
            source, receipt = rest
            intake = journal.handovers.receive(Path(source).read_bytes())
            atomic_write(Path(receipt), intake.receipt.encode())
            print(f"ACK received {intake.families[0].case_number}", flush=True)
        else:
            (receipt,) = rest
            removed = journal.handovers.take_receipt(Path(receipt).read_bytes())
            print(f"ACK receipt {len(removed)}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
