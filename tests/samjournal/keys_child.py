"""What tests/samjournal/test_kill_keys.py kills: backups, and user removal with its rekey.

`python -m tests.samjournal.keys_child backup JOURNAL TARGET` writes TARGET again and again;
`python -m tests.samjournal.keys_child rekey JOURNAL RUN` adds a user and removes them (the
database gets a new key each time). Each prints READY, then `ACK <step>` once a step is done.
"""

from __future__ import annotations

import sys
from pathlib import Path

from samjournal.journal import Journal
from samjournal.model import Role
from tests.conftest import LEAD, LEAD_PASS

TEMP_PASS = "midlertidig passordfrase"


def backups(journal: Journal, target: Path) -> None:
    for i in range(1_000_000):
        journal.backup(target)
        print(f"ACK backup {i}", flush=True)


def rekeys(journal: Journal, run: str) -> None:
    for i in range(1_000_000):
        name = f"tmp{run}x{i}"
        journal.add_user(name, "Midlertidig", Role.CASEWORKER, TEMP_PASS)
        print(f"ACK added {name}", flush=True)
        journal.remove_user(name)
        print(f"ACK removed {name}", flush=True)


def main(mode: str, path: Path, arg: str) -> None:
    journal = Journal.open(path, LEAD, LEAD_PASS)
    print("READY", flush=True)
    if mode == "backup":
        backups(journal, Path(arg))
    else:
        rekeys(journal, arg)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), sys.argv[3])
