"""Each fresh copy of a benchmark journal opened as from a new OS account.

A journal keeps a second high-water mark in the account's state folder (samjournal/
account_mark.py). A bench puts a fresh copy of the cached journal back where the last run's
copy moved on: to the journal exactly an older folder put back, which it refuses to open. The
copy is new on purpose, so it is opened with an account folder of its own (and the bench never
writes into the real account's state folder).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from samjournal.account_mark import ENV


def fresh_account(journal_copy: Path) -> None:
    """An empty account state folder beside `journal_copy`, for the opens that follow."""
    state = journal_copy.parent / f"{journal_copy.name}-account"
    shutil.rmtree(state, ignore_errors=True)
    os.environ[ENV] = str(state)
