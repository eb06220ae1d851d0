"""The audit log recomputed in a second process while the caller goes on (the export).

An export recomputes every event before it signs a head (issue 13): about 2 s at 400,000
events, all of it hashing small strings under the interpreter lock, so a thread gains nothing
(measured: slower than one after the other). A child process reads the journal read-only
meanwhile. The caller starts it inside its write transaction, before it writes anything: no other
connection can commit while that lock is held, so the committed log the child reads is the very
log the caller then extends, and `result` checks that by its size.

The child is `python -m samjournal.audit_recompute` (the frozen programs take the same
arguments, packaging/*_entry.py), not a multiprocessing child: spawning one imports the caller's
`__main__` again, and a script without a main guard would run twice. It gets the database key
on its stdin, never in arguments, environment or files, and its stderr goes nowhere (no crash
output holds anything of the journal). Short logs, and any child that cannot start or fails, are
recomputed here instead: the same report, only not beside the caller's work.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

from samjournal.audit import AuditLog, ChainReport, for_db
from samjournal.store import Database

MODULE = "samjournal.audit_recompute"
# Below this many events the recompute (~4.5 µs an event) costs less than starting a child
# (~0.3 s of imports).
BESIDE_FROM = 60_000
_ROOT = Path(__file__).resolve().parents[1]
_NO_WINDOW = 0x08000000  # CREATE_NO_WINDOW: no console flashing up over the Windows client


class Recompute:
    """One recompute of the whole log, started by `begin`; its report from `result`."""

    def __init__(self, log: AuditLog, db: Database, size: int, beside_from: int) -> None:
        self._log, self._db, self._size = log, db, size
        self._child: subprocess.Popen[bytes] | None = None
        if size < beside_from:
            return
        try:
            self._child = subprocess.Popen(  # noqa: S603 - our own module, no shell
                [sys.executable, "-m", MODULE],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                cwd=None if getattr(sys, "frozen", False) else _ROOT,  # -m finds this copy
                creationflags=_NO_WINDOW if sys.platform == "win32" else 0,
            )
            assert self._child.stdin is not None
            asked = {"path": str(db.path.resolve()), "key": db.key.hex()}
            self._child.stdin.write(json.dumps(asked).encode())
            self._child.stdin.close()
        except OSError:  # no child here (or it died at once): recomputed in `result`
            self.close()

    @property
    def beside(self) -> bool:
        """Whether a child is recomputing (False: `result` recomputes here)."""
        return self._child is not None

    def result(self) -> ChainReport:
        """The report on the log as it was when `begin` was called (call it before writing to
        the log). A child's report is taken only for the same number of events: otherwise, or
        when the child failed, the log is recomputed here."""
        report = None
        if self._child is not None:
            try:
                assert self._child.stdout is not None
                out = self._child.stdout.read()
                if self._child.wait() == 0:
                    report = pickle.loads(out)  # noqa: S301 - our own child's answer
            except (OSError, pickle.UnpicklingError, EOFError, ValueError):
                report = None
            finally:
                self.close()
        if not isinstance(report, ChainReport) or report.events != self._size:
            report = self._log.verify(self._db)
        return report

    def __enter__(self) -> Recompute:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the child, if any (also on the caller's error)."""
        child, self._child = self._child, None
        if child is not None and child.poll() is None:
            child.kill()
            child.wait()


def begin(log: AuditLog, db: Database) -> Recompute:
    """Start recomputing `db`'s log; call inside a write transaction, before writing."""
    size = int(db.scalar("SELECT count(*) FROM audit"))
    return Recompute(log, db, size, BESIDE_FROM)


def child() -> int:
    """The child's side: the committed log, recomputed read-only; the report, pickled, on
    stdout."""
    asked = json.loads(sys.stdin.buffer.read())
    db = Database(Path(asked["path"]), bytes.fromhex(asked["key"]), read_only=True)
    try:
        report = for_db(db).verify(db)
    finally:
        db.close()
    sys.stdout.buffer.write(pickle.dumps(report))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(child())
