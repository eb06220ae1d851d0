"""Coverage-guided fuzzing of the importers that read untrusted files, with atheris.

Not part of `make test` (atheris has no Windows wheels, and a useful run takes minutes). On
Linux or macOS:

    pip install atheris
    python -m tests.fuzz.atheris_importers backup  -atheris_runs=50000
    python -m tests.fuzz.atheris_importers keyring -atheris_runs=200000

Any exception other than the importer's own clear errors is a finding; atheris stops and writes
the input that caused it as crash-<hash> in the current folder.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["samjournal"]):
    from samjournal.backup import restore
    from samjournal.errors import BackupInvalid, KeyringDamaged, WrongPassphrase
    from samjournal.journal import Journal
    from samjournal.kdf import TEST_COST
    from samjournal.keyring import Keyring

USER, PASSPHRASE = "lise", "atheris passordfrase"


def _seed_backup(work: Path) -> bytes:
    journal = Journal.create(
        work / "seed", username=USER, display_name="Lise", passphrase=PASSPHRASE, cost=TEST_COST
    ).journal
    journal.families.create("Familien Frø")
    target = journal.backup(work / "seed.sjbak")
    journal.lock()
    return target.read_bytes()


def backup_target(work: Path) -> object:
    source = work / "input.sjbak"

    def test(data: bytes) -> None:
        source.write_bytes(data)
        into = work / "restored"
        try:
            restore(source, into, USER, PASSPHRASE)
        except (BackupInvalid, WrongPassphrase):
            return
        finally:
            shutil.rmtree(into, ignore_errors=True)

    return test


def keyring_target(_work: Path) -> object:
    def test(data: bytes) -> None:
        try:
            ring = Keyring.from_json(json.loads(data))
            ring.unlock(USER, PASSPHRASE)
        except (KeyringDamaged, WrongPassphrase, ValueError, RecursionError):
            return  # ValueError: not JSON at all, before the keyring is read

    return test


def main() -> None:
    kind = sys.argv.pop(1) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "backup"
    work = Path(tempfile.mkdtemp(prefix="atheris-"))
    corpus = work / "corpus"
    corpus.mkdir()
    seed = _seed_backup(work)
    if kind == "backup":
        (corpus / "valid.sjbak").write_bytes(seed)
        target = backup_target(work)
    else:
        (corpus / "keyring.json").write_bytes((work / "seed" / "keyring.json").read_bytes())
        target = keyring_target(work)
    atheris.Setup([*sys.argv, str(corpus)], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
