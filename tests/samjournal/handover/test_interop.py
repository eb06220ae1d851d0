"""A handover file opens with the reference tools: `age -d` with the receiving identity, then a
plain tar whose JSON `minisign -V` checks with the sending journal's public key."""

from __future__ import annotations

import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from samjournal.handover import keys
from tests.rich_family import rich_family
from tests.samjournal.handover.conftest import Pair

AGE = shutil.which("age")
MINISIGN = shutil.which("minisign")


def test_age_and_minisign_open_a_handover_file(pair: Pair, tmp_path: Path) -> None:
    if AGE is None or MINISIGN is None:
        pytest.skip("Debian's age and minisign are not installed (apt-get install age minisign)")
    rich = rich_family(pair.sender, "Ref")
    sealed = tmp_path / "fil.age"
    pair.sender.handovers.send([rich.id], pair.receiver.journal_id, sealed)
    db = pair.receiver._ctx.db
    with db.transaction():
        identity = tmp_path / "mottak.key"
        identity.write_text(str(keys.identity(db)) + "\n")
    plain = tmp_path / "fil.tar"
    subprocess.run([AGE, "-d", "-i", identity, "-o", plain, sealed], check=True)
    with tarfile.open(plain) as tar:
        assert sorted(tar.getnames()) == ["handover.json", "handover.json.minisig"]
        tar.extractall(tmp_path / "out", filter="data")
    public = tmp_path / "avsender.pub"
    public.write_text(pair.sender.evaluation.public_key().to_file())
    checked = subprocess.run(
        [MINISIGN, "-V", "-p", public, "-m", tmp_path / "out" / "handover.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert "Signature and comment signature verified" in checked.stdout
    # The signed JSON is the family: its name is in it, in the clear only after age.
    assert "Familien Ref" in (tmp_path / "out" / "handover.json").read_text(encoding="utf-8")
    assert b"Familien Ref" not in sealed.read_bytes()
