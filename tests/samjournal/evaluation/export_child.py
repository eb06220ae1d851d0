"""What tests/samjournal/evaluation/test_kill_export.py kills: exports and the evaluator's import.

`python -m tests.samjournal.evaluation.export_child export JOURNAL OUT RUN` changes the journal a
little and exports to OUT again and again (incremental, every third one full), printing
`ACK <sequence> <bundle hash> <file name>` once an export has returned.

`python -m tests.samjournal.evaluation.export_child import WORKSPACE BUNDLES RUN` imports the
bundles in BUNDLES (a folder) in a shuffled order, again and again, printing
`ACK <status> <bundle hash> <file name>` once an import has returned.

Both print READY first. With `SAMJOURNAL_KILL_AT` set the child SIGKILLs itself at that exact
point instead of waiting to be killed at a random moment:

- `export-committed`: the export log is committed, the bundle file not yet renamed into place;
- `import-committed`: the bundle is stored in the dataset, its receipt not yet written.
"""

from __future__ import annotations

import os
import random
import signal
import sys
from pathlib import Path

from samjournal.evaluation import exporter
from samjournal.evaluation.evaluator import Workspace, import_bundles, merge
from samjournal.journal import Journal
from samjournal.model import ConsentMethod, FamilyId
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, WS_PASS

KILL_AT = os.environ.get("SAMJOURNAL_KILL_AT", "")


def _die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def _kill_before_naming() -> None:
    """Die where this process would name a bundle it wrote; naming one an earlier (killed)
    process left behind, at the start of an export, goes ahead."""
    real_write, real_name = exporter.write_synced, exporter.name_bundle
    mine: set[Path] = set()

    def write(path: Path, data: bytes) -> None:
        real_write(path, data)
        mine.add(path)

    def name_or_die(staged: Path, target: Path) -> None:
        if staged in mine:
            _die()
        real_name(staged, target)

    setattr(exporter, "write_synced", write)  # noqa: B010
    setattr(exporter, "name_bundle", name_or_die)  # noqa: B010


def _kill_after_commit() -> None:
    real = merge._receipt

    def die_instead(*args: object, **kwargs: object) -> Path:
        _die()
        return real(*args, **kwargs)  # type: ignore[arg-type]  # never reached

    setattr(merge, "_receipt", die_instead)  # noqa: B010


def change(journal: Journal, rng: random.Random, families: list[FamilyId], i: int) -> None:
    """A check-in for some family; every fourth time a family's consent withdrawn or given
    again (so bundles carry tombstones and households that come back)."""
    journal.checkins.record(rng.choice(families), rng.randint(0, 10))
    if i % 4 == 3:
        toggle_consent(journal, rng.choice(families[:6]))


def toggle_consent(journal: Journal, family: FamilyId) -> None:
    """Withdraw the family's consents if it has any active, else give them again."""
    active = [c for c in journal.consents.for_family(family) if c.active and c.study_id == STUDY]
    if active:
        for c in active:
            journal.consents.withdraw(c.id)
        return
    for m in journal.families.open(family, audit=False).members:
        if not m.is_child:
            journal.consents.give(m.id, STUDY, letter_version="v2", method=ConsentMethod.WRITTEN)


def exports(path: Path, out: Path, run: int) -> None:
    rng = random.Random(run)
    journal = Journal.open(path, LEAD, LEAD_PASS)
    families = [row.id for row in journal.families.case_list()]
    if KILL_AT == "export-committed":
        _kill_before_naming()
    print("READY", flush=True)
    for i in range(1_000_000):
        change(journal, rng, families, i)
        result = journal.evaluation.export(STUDY, out, full=i % 3 == 2)
        entry = result.entry
        print(f"ACK {entry.sequence} {entry.bundle_hash} {result.path.name}", flush=True)


def imports(path: Path, bundles: Path, run: int) -> None:
    rng = random.Random(run)
    ws = Workspace.open(path, WS_PASS)
    files = sorted(p for p in bundles.iterdir() if p.suffix == ".age")
    if KILL_AT == "import-committed":
        _kill_after_commit()
    print("READY", flush=True)
    for _ in range(1_000_000):
        rng.shuffle(files)
        for file in files:
            [report] = import_bundles(ws, [file])
            if report.status == "rejected":
                raise AssertionError(f"{file.name}: {report.reason}")
            print(f"ACK {report.status} {report.bundle_hash} {file.name}", flush=True)


if __name__ == "__main__":
    mode, where, arg, run = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
    (exports if mode == "export" else imports)(where, arg, run)
