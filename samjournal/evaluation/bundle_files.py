"""A bundle's file in the export folder: written and synced under a temp name, named only once
the journal has recorded it, and a stray file under the next name moved out of the way."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
from pathlib import Path

from samjournal.fsutil import create_private, fsync_dir, storage_error
from samjournal.messages import Said, said


def name_bundle(staged: Path, target: Path) -> None:
    try:
        os.replace(staged, target)
        fsync_dir(target.parent)
    except FileNotFoundError:
        if not target.exists():  # else another export into the folder adopted it first
            raise
    except OSError as exc:
        raise storage_error(exc) from exc


def write_synced(path: Path, data: bytes) -> None:
    try:
        with create_private(path) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            path.unlink()
        raise storage_error(exc) from exc


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def move_aside(target: Path, sequence: int) -> Said:
    """A bundle under the name of the number about to be used, with no line in the log: written
    by an export that crashed before recording it (a version before the temp-name order), or
    logged in a journal since restored from an older backup. It cannot be adopted (the journal
    cannot decrypt it to check it) and is renamed out of the way, so it is not sent beside the
    new bundle of that number by mistake."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = target.with_name(f"{target.name}.ikke-registrert-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = target.with_name(f"{target.name}.ikke-registrert-{stamp}-{number}")
    try:
        os.replace(target, aside)
    except OSError as exc:
        raise storage_error(exc) from exc
    return said("bundle_moved_aside", name=target.name, aside=aside.name, sequence=sequence)
