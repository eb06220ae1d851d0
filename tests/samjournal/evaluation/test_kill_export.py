"""SIGKILL during exports (full and incremental) and during the evaluator's import, many times.

After every kill:
- no half-written bundle is left under a name that could be taken for a whole one: a `.age` file
  in the export folder decrypts, verifies and imports; anything else is a hidden `.partial`;
- the journal passes both integrity checks and its audit chain, and the export log is one
  unbroken chain (sequences 1..n, each bundle naming the one before) whose every bundle is in
  the folder with the hash the log says; every acknowledged export is in the log;
- the next export (the next child) works, and the evaluator, importing what the log claims in
  order, sees no gap and no fork;
- a bundle gets its name only after the export log commits, so a name never holds a bundle the
  log does not claim; a kill between the commit and the rename (rare at random, forced in
  `test_an_export_killed_between_commit_and_naming`) leaves the logged bundle under its temp
  name, whole and with the SHA-256 the log holds, and the next export into the folder names it;
- on the evaluator's side the dataset passes its integrity checks, holds every acknowledged
  bundle, a bundle imported before the kill re-imports as a no-op, every receipt on disk
  verifies, and once every bundle is in, the dataset equals the one an uninterrupted import
  gives.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path

import pytest

from samjournal.evaluation.bundle import open_bundle
from samjournal.evaluation.evaluator import Workspace, import_bundles
from samjournal.evaluation.evaluator.merge import sequence_problems
from samjournal.evaluation.exporter import ExportEntry
from samjournal.evaluation.receipts import verify_receipt
from samjournal.journal import Journal
from samjournal.store.db import integrity_problems
from tests.conftest import note_reliability
from tests.killing import kill_seed, run_and_kill, run_and_kill_after_first_ack
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, WS_PASS, World, dataset
from tests.samjournal.evaluation.export_child import change

CHILD = "tests.samjournal.evaluation.export_child"
SELF_KILL_WINDOW = 60.0  # a child told where to kill itself is given this long to get there


def _hidden_partial(name: str) -> bool:
    return name.startswith(".") and name.endswith(".partial")


def _snapshot(ws: Workspace) -> object:
    db = ws.db
    return (
        dataset(ws),
        [tuple(r) for r in db.all("SELECT * FROM bundles ORDER BY 1")],
        [tuple(r) for r in db.all("SELECT * FROM journal_keys ORDER BY 1, 2")],
    )


def _check_chain(log: list[ExportEntry]) -> None:
    """The export log is one chain: 1..n, each bundle building on the one before."""
    assert [e.sequence for e in log] == list(range(1, len(log) + 1))
    for before, entry in zip([None, *log], log, strict=False):
        if before is None:
            assert (entry.previous_hash, entry.change_from) == ("", 1)
            continue
        assert entry.previous_hash == before.bundle_hash
        assert entry.change_from == (1 if entry.kind == "full" else before.change_to + 1)
        assert entry.change_to >= before.change_to


# -- exports -----------------------------------------------------------------------------------


@dataclass
class ExportRun:
    world: World
    out: Path
    evaluator: Workspace  # receives every bundle the log claims, in order
    empty_workspace: Path  # copied to show that an unclaimed bundle imports
    acknowledged: set[tuple[int, str]] = field(default_factory=set)
    imported: set[str] = field(default_factory=set)
    verified: dict[tuple[str, int, int], str] = field(default_factory=dict)  # file -> hash
    waiting: int = 0  # logged bundles still under their temp name (see the module's docstring)

    def check(self) -> list[ExportEntry]:
        journal = Journal.open(self.world.journal, LEAD, LEAD_PASS)
        try:
            assert journal.integrity_problems() == []
            assert journal.verify_audit().ok
            log = journal.evaluation.export_log(STUDY)
            self._check_folder(journal, log)
            journal_id = journal.journal_id
        finally:
            journal.lock()
        _check_chain(log)
        claimed = {(e.sequence, e.bundle_hash) for e in log}
        lost = self.acknowledged - claimed
        note_reliability("lost", len(lost))
        assert not lost, f"acknowledged exports missing from the log: {sorted(lost)}"
        for entry in log:  # what the team lead sends the evaluator, in order
            if entry.bundle_hash in self.imported:
                continue
            if not (self.out / entry.file_name).exists():
                break  # named by the next export into the folder, then sent
            [report] = import_bundles(self.evaluator, [self.out / entry.file_name])
            assert report.status == "stored", report.lines()
            self.imported.add(entry.bundle_hash)
        assert sequence_problems(self.evaluator, journal_id) == []
        assert integrity_problems(self.evaluator.db) == []
        return log

    def _check_folder(self, journal: Journal, log: list[ExportEntry]) -> None:
        by_name = {e.file_name: e for e in log}
        names = set()
        staged: dict[str, str] = {}  # bundle name -> its temp file's name
        for path in sorted(self.out.iterdir()):
            if _hidden_partial(path.name):  # a write the kill cut short: never taken for a bundle
                staged[path.name[1:].split(".age.")[0] + ".age"] = path.name
                continue
            assert path.suffix == ".age", path.name
            names.add(path.name)
            if path.name not in by_name:
                continue  # checked below
            # Every claimed file is whole: it decrypts and every layer verifies.
            seen = path.stat()
            file_key = (path.name, seen.st_size, seen.st_mtime_ns)
            if file_key not in self.verified:
                data = path.read_bytes()
                self.verified[file_key] = open_bundle(data, self.evaluator.identities).bundle_hash
            assert self.verified[file_key] == by_name[path.name].bundle_hash
        assert names <= set(by_name), "a bundle under its name that the log does not claim"
        db = journal._require_open().db
        for name in sorted(set(by_name) - names):  # killed between the commit and the rename
            self.waiting += 1
            assert name in staged, f"{name} is logged but neither named nor staged"
            data = (self.out / staged[name]).read_bytes()
            logged = db.scalar(
                "SELECT file_sha256 FROM evaluation_exports WHERE file_name = ?", (name,)
            )
            assert sha256(data).hexdigest() == logged
            bundle = open_bundle(data, self.evaluator.identities)
            assert bundle.bundle_hash == by_name[name].bundle_hash


@pytest.fixture
def export_run(world: World, tmp_path: Path) -> Iterator[ExportRun]:
    empty = tmp_path / "empty-workspace"
    shutil.copytree(world.workspace, empty)
    out = tmp_path / "USB"
    out.mkdir()
    with Workspace.open(world.workspace, WS_PASS) as ws:
        yield ExportRun(world, out, ws, empty)


def _kill_exports(run: ExportRun, kills: int, window: float = 0.25) -> list[ExportEntry]:
    """Children killed in turn by the work (within as long again as their first export took:
    each acknowledges one at least, so a loaded machine still proves something) and by the
    clock, between 0 and `window` seconds after READY, the window stretched to twice the last
    child's time to its first export (so a kill also comes before any export)."""
    rng = kill_seed()
    for n in range(kills):
        args = ["export", str(run.world.journal), str(run.out), str(n)]
        if n % 2 == 0 and window < SELF_KILL_WINDOW:
            acks, took = run_and_kill_after_first_ack(CHILD, args, rng)
            window = max(window, 2 * took)
        else:
            acks = run_and_kill(CHILD, args, rng, window=window)
        for ack in acks:
            sequence, bundle_hash, _ = ack.split()
            run.acknowledged.add((int(sequence), bundle_hash))
        note_reliability("kills")
        note_reliability("acknowledged", len(acks))
        run.check()
    # A re-run after the last kill works, full and incremental, and the evaluator takes both.
    journal = Journal.open(run.world.journal, LEAD, LEAD_PASS)
    try:
        families = [row.id for row in journal.families.case_list()]
        for i, full in enumerate((True, False)):
            change(journal, rng, families, i)
            result = journal.evaluation.export(STUDY, run.out, full=full)
            run.acknowledged.add((result.entry.sequence, result.entry.bundle_hash))
    finally:
        journal.lock()
    # The re-runs cleared the temp files the kills left behind.
    assert not [p.name for p in run.out.iterdir() if _hidden_partial(p.name)]
    return run.check()


def test_killed_exports_leave_whole_bundles_and_a_consistent_log(export_run: ExportRun) -> None:
    log = _kill_exports(export_run, kills=5)
    assert len(export_run.acknowledged) >= 5, "hardly anything was exported: proved little"
    assert {e.kind for e in log} == {"full", "incremental"}


def test_an_export_killed_between_commit_and_naming(
    export_run: ExportRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worst moment, every time: the log is committed, the file not named yet. Each such
    bundle keeps its number and is named by the next export into the folder."""
    monkeypatch.setenv("SAMJOURNAL_KILL_AT", "export-committed")
    log = _kill_exports(export_run, kills=2, window=SELF_KILL_WINDOW)  # the child kills itself
    assert export_run.waiting == 2
    assert [e.sequence for e in log] == [1, 2, 3, 4]  # two killed, named later; two re-runs


@pytest.mark.slow
def test_killed_exports_many_times(export_run: ExportRun) -> None:
    _kill_exports(export_run, kills=30)


# -- the evaluator's import ----------------------------------------------------------------------


@dataclass
class ImportRun:
    workspace: Path
    empty: Path  # an empty workspace, copied in after every complete round
    pool: Path  # bundles from the journal: full and incremental, with tombstones
    hashes: dict[str, str]  # file name -> bundle hash
    expected: object  # the dataset after an uninterrupted import of the whole pool
    rounds: int = 0  # times the whole pool was imported across kills
    held: int = 0  # the most bundles the workspace held after a kill

    def check(self, stored: set[str]) -> bool:
        """Check the workspace after a kill; True when the whole pool was in and the workspace
        was emptied for the next round."""
        with Workspace.open(self.workspace, WS_PASS) as ws:
            assert integrity_problems(ws.db) == []
            held = {str(r[0]) for r in ws.db.all("SELECT bundle_hash FROM bundles")}
            self.held = max(self.held, len(held))
            lost = stored - held
            note_reliability("lost", len(lost))
            assert not lost, f"acknowledged imports missing from the dataset: {sorted(lost)}"
            self._check_receipts(ws, held)
            # Imported before the kill: importing again changes nothing (and writes a receipt
            # the kill may have prevented).
            before = _snapshot(ws)
            again = [p for p in sorted(self.pool.iterdir()) if self.hashes[p.name] in held]
            for report in import_bundles(ws, again):
                assert report.status == "already", report.lines()
            assert _snapshot(ws) == before
            receipts = [p for p in ws.folder.receipts_path.iterdir() if p.suffix == ".json"]
            assert len(receipts) == len(held)
            if held == set(self.hashes.values()):
                assert dataset(ws) == self.expected
                journals = {str(r[0]) for r in ws.db.all("SELECT journal_id FROM bundles")}
                assert all(sequence_problems(ws, j) == [] for j in journals)
                complete = True
            else:
                complete = False
        if complete:  # start over, so the next kills land in imports again
            self.rounds += 1
            shutil.rmtree(self.workspace)
            shutil.copytree(self.empty, self.workspace)
        return complete

    def _check_receipts(self, ws: Workspace, held: set[str]) -> None:
        """A receipt on disk is whole and signed, and only for a bundle that is stored."""
        key = ws.profile.receipt_public_key()
        for path in ws.folder.receipts_path.iterdir():
            if _hidden_partial(path.name):
                continue
            receipt = verify_receipt(path.read_bytes(), key)
            assert receipt.bundle_hash in held


@pytest.fixture
def import_run(world: World, tmp_path: Path) -> ImportRun:
    empty = tmp_path / "empty-workspace"
    shutil.copytree(world.workspace, empty)
    pool = tmp_path / "pool"
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        families = [row.id for row in journal.families.case_list()]
        rng = kill_seed()
        hashes = {}
        for i in range(24):
            change(journal, rng, families, i)
            result = journal.evaluation.export(STUDY, pool, full=i % 5 == 4)
            hashes[result.path.name] = result.entry.bundle_hash
    finally:
        journal.lock()
    reference = tmp_path / "reference"
    shutil.copytree(empty, reference)
    with Workspace.open(reference, WS_PASS) as ws:
        reports = import_bundles(ws, sorted(pool.iterdir()), receipts_dir=tmp_path / "r")
        assert {r.status for r in reports} == {"stored"}
        expected = dataset(ws)
    return ImportRun(world.workspace, empty, pool, hashes, expected)


def _kill_imports(run: ImportRun, kills: int, window: float = 0.06) -> None:
    rng = kill_seed()
    stored: set[str] = set()
    for n in range(kills):
        args = ["import", str(run.workspace), str(run.pool), str(n)]
        acks = run_and_kill(CHILD, args, rng, window=window)
        note_reliability("kills")
        note_reliability("acknowledged", len(acks))
        stored |= {ack.split()[1] for ack in acks}
        if run.check(stored):
            stored = set()


def test_killed_imports_keep_the_dataset_whole_and_idempotent(import_run: ImportRun) -> None:
    _kill_imports(import_run, kills=5)
    assert import_run.held or import_run.rounds, "nothing was ever imported: proved nothing"


def test_an_import_killed_before_its_receipt(
    import_run: ImportRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stored, then killed before the receipt is written: importing again writes it."""
    monkeypatch.setenv("SAMJOURNAL_KILL_AT", "import-committed")
    _kill_imports(import_run, kills=2, window=60)  # the child kills itself; never kill it sooner
    assert import_run.held == 2  # one stored by each child before it died


@pytest.mark.slow
def test_killed_imports_many_times(import_run: ImportRun) -> None:
    _kill_imports(import_run, kills=30)
