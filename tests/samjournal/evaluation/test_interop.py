"""Each layer of a bundle opens with its reference tool: age, minisign, bagit, frictionless."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace, import_bundles, write_datapackage
from samjournal.evaluation.evaluator.merge import SEP
from samjournal.evaluation.tables import PAYMENTS, SUPPRESSED
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import STUDY, World

AGE = shutil.which("age")
MINISIGN = shutil.which("minisign")
FRICTIONLESS = shutil.which("frictionless") or str(Path(sys.executable).parent / "frictionless")


@pytest.fixture
def unpacked(lead: Journal, ws: Workspace, world: World, tmp_path: Path) -> tuple[Path, Path]:
    """(bag folder, journal key file) of a second bundle (with a tombstone), opened with age."""
    if AGE is None:
        pytest.skip("Debian's age is not installed (apt-get install age)")
    section = lead.evaluation
    section.export(STUDY, tmp_path / "out")
    lead.consents.withdraw(lead.consents.for_family(world.families[0])[0].id)
    bundle = section.export(STUDY, tmp_path / "out").path
    identity = ws.export_identity(tmp_path / "identity.txt")
    done = subprocess.run(
        [AGE, "-d", "-i", str(identity), "-o", str(tmp_path / "bundle.zip"), str(bundle)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(tmp_path / "bundle.zip") as zf:
        zf.extractall(tmp_path / "bag")
    [bag] = list((tmp_path / "bag").iterdir())
    key = section.write_public_key(tmp_path / "journal.pub")
    assert key.key_id_hex in (bag / "bag-info.txt").read_text()
    return bag, tmp_path / "journal.pub"


def test_age_decrypts_and_bagit_validates(unpacked: tuple[Path, Path]) -> None:
    import bagit

    bag_dir, _ = unpacked
    bag = bagit.Bag(str(bag_dir))
    bag.validate()
    assert bag.info["SamJournal-Sequence"] == "2"
    assert bag.info["SamJournal-Study-Id"] == STUDY
    assert len(bag.info["SamJournal-Previous-Bundle"]) == 64
    (bag_dir / "data" / "households.csv").write_bytes(b"household_id\r\nx\r\n")
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(bag_dir)).validate()


def test_minisign_verifies_the_tag_manifest(unpacked: tuple[Path, Path]) -> None:
    if MINISIGN is None:
        pytest.skip("Debian's minisign is not installed (apt-get install minisign)")
    bag, key = unpacked
    done = subprocess.run(
        [MINISIGN, "-V", "-H", "-p", str(key), "-m", "tagmanifest-sha256.txt"],
        cwd=bag,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "sequence:2" in done.stdout
    manifest = bag / "tagmanifest-sha256.txt"
    manifest.write_bytes(manifest.read_bytes().replace(b"bagit.txt", b"bagit.tx "))
    done = subprocess.run(
        [MINISIGN, "-V", "-p", str(key), "-m", "tagmanifest-sha256.txt"],
        cwd=bag,
        capture_output=True,
        check=False,
    )
    assert done.returncode != 0


def _frictionless(descriptor: Path) -> None:
    if not Path(FRICTIONLESS).exists():
        pytest.skip("frictionless is not installed in this environment")
    done = subprocess.run(
        [FRICTIONLESS, "validate", "--json", str(descriptor)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert '"valid": true' in done.stdout


def test_frictionless_validates_the_bundles_data_package(unpacked: tuple[Path, Path]) -> None:
    bag, _ = unpacked
    _frictionless(bag / "data" / "datapackage.json")


def test_frictionless_validates_the_evaluators_data_package(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    section = lead.evaluation
    first = section.export(STUDY, tmp_path / "out").path
    lead.families.delete(world.families[2], "slettet")
    second = section.export(STUDY, tmp_path / "out").path
    import_bundles(ws, [first, second])
    written = write_datapackage(ws, tmp_path / "dp")
    _frictionless(written.path / "datapackage.json")


def test_a_link_to_a_row_the_dataset_lacks_is_suppressed_and_the_package_validates(
    lead: Journal, ws: Workspace, tmp_path: Path
) -> None:
    """A payment released while the journal's check held its need back: the payment's need_id
    is suppressed (*) in the dataset, a missing value to the foreign key (review, s10)."""
    import_bundles(ws, [lead.evaluation.export(STUDY, tmp_path / "out").path])
    at = PAYMENTS.header.index("need_id")
    linked = {
        data.split(SEP)[at]
        for (data,) in ws.db.tuples("SELECT data FROM records WHERE entity = 'payments'")
    } - {""}
    held = sorted(linked)[0]
    with ws.db.transaction() as db:  # as if the journal had held the need back
        db.execute("DELETE FROM records WHERE entity = 'needs' AND record_id = ?", (held,))
    written = write_datapackage(ws, tmp_path / "dp")
    with (written.path / "payments.csv").open(newline="", encoding="utf-8") as fh:
        needs = [row["need_id"] for row in csv.DictReader(fh)]
    assert held not in needs
    assert SUPPRESSED in needs
    assert linked - {held} <= set(needs)  # links to needs the dataset holds are kept
    _frictionless(written.path / "datapackage.json")
