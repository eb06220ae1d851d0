"""Hostile and damaged bundles: each is refused with a reason, and the dataset is unchanged."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest

from samjournal.errors import BundleRejected, UnknownSender, ValidationError
from samjournal.evaluation.bundle import TAGMANIFEST, Limits, open_bundle, unzip
from samjournal.evaluation.evaluator import (
    Workspace,
    import_bundles,
    register,
    senders,
    status,
)
from samjournal.evaluation.evaluator.refusals import kept, refused_line
from samjournal.evaluation.evaluator.status import ALARM
from samjournal.evaluation.profile import StudyProfile
from samjournal.journal import Journal
from samjournal.messages import keyed
from samjournal.minisign import SigningKey
from tests.hostile_zips import future_version, huge_offset
from tests.samjournal.evaluation.conftest import SITE, STUDY, World, dataset

Files = dict[str, bytes]


def snapshot(ws: Workspace) -> object:
    db = ws.db
    return (
        dataset(ws),
        [tuple(r) for r in db.all("SELECT * FROM bundles ORDER BY 1")],
        [tuple(r) for r in db.all("SELECT * FROM journal_keys ORDER BY 1, 2")],
        [tuple(r) for r in db.all("SELECT * FROM journals ORDER BY 1")],
        sorted(p.name for p in (ws.path / "receipts").iterdir()),
    )


@pytest.fixture
def two(lead: Journal, ws: Workspace, world: World, tmp_path: Path) -> tuple[Path, Path]:
    """Bundle 1 imported; bundle 2 (with a change) ready to be attacked."""
    section = lead.evaluation
    first = section.export(STUDY, tmp_path / "out").path
    lead.consents.withdraw(lead.consents.for_family(world.families[0])[0].id)
    second = section.export(STUDY, tmp_path / "out").path
    [report] = import_bundles(ws, [first])
    assert report.status == "stored"
    return first, second


def refused(ws: Workspace, data: bytes, tmp_path: Path, match: str, **kw: object) -> None:
    before = snapshot(ws)
    path = tmp_path / "attack.age"
    path.write_bytes(data)
    [report] = import_bundles(ws, [path], **kw)  # type: ignore[arg-type]
    assert report.status == "rejected", report.lines()
    assert re.search(match, report.reason), report.reason
    assert "Ingenting er endret" in report.lines()[0]
    assert snapshot(ws) == before


def _header_end(data: bytes) -> int:
    return data.index(b"\n---") + 4 + 44  # "--- " + base64 MAC


@pytest.mark.parametrize("where", ["header-start", "header-stanza", "mac", "payload", "last"])
def test_a_flipped_byte_anywhere_in_the_file(
    ws: Workspace, two: tuple[Path, Path], tmp_path: Path, where: str
) -> None:
    data = bytearray(two[1].read_bytes())
    end = _header_end(bytes(data))
    pos = {
        "header-start": 3,
        "header-stanza": 40,
        "mac": end - 10,
        "payload": (end + len(data)) // 2,
        "last": len(data) - 1,
    }[where]
    data[pos] ^= 0x20
    refused(ws, bytes(data), tmp_path, "" if where == "header-start" else "dekrypteres")


@pytest.mark.parametrize("keep", [0.5, 0.99, "header"])
def test_a_truncated_bundle(
    ws: Workspace, two: tuple[Path, Path], tmp_path: Path, keep: float | str
) -> None:
    data = two[1].read_bytes()
    size = _header_end(data) if keep == "header" else int(len(data) * float(keep))
    refused(ws, data[:size], tmp_path, "dekrypteres")


def reseal(ws: Workspace, path: Path, change: Callable[[str, Files], str]) -> bytes:
    """What an attacker who knows the study's public recipient can do: open the zip (here with
    the evaluator's identity, to get a realistic bag), change it, and encrypt it again."""
    plain = pyrage.decrypt(path.read_bytes(), ws.identities)
    root, files = unzip(plain)
    root = change(root, files)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(f"{root}/{name}" if root else name, content)
    return bytes(pyrage.encrypt(out.getvalue(), ws.profile.age_recipients()))


def _flip(name: str, offset: int = 40) -> Callable[[str, Files], str]:
    def change(root: str, files: Files) -> str:
        data = bytearray(files[name])
        data[offset % len(data)] ^= 0x01
        files[name] = bytes(data)
        return root

    return change


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (_flip("data/households.csv", 60), "manifestet"),
        (_flip("data/disclosure-risk.json"), "manifestet"),
        (_flip("bag-info.txt", 120), "tag-manifestet"),
        (_flip("manifest-sha256.txt", 3), "tag-manifestet"),
        (_flip(TAGMANIFEST, 5), "Signaturen"),
        (_flip(TAGMANIFEST + ".minisig", 90), "Signaturen"),
        (_flip(TAGMANIFEST + ".minisig", 200), "Signaturen"),
        (_flip("samjournal-signing-key.pub", 60), "nøkkel|Signaturen"),
        (_flip("samjournal-signing-key.pub", 80), "nøkkel|Signaturen"),
    ],
)
def test_a_changed_byte_inside_the_bag(
    ws: Workspace,
    two: tuple[Path, Path],
    tmp_path: Path,
    change: Callable[[str, Files], str],
    match: str,
) -> None:
    refused(ws, reseal(ws, two[1], change), tmp_path, match)


def test_extra_or_missing_files(ws: Workspace, two: tuple[Path, Path], tmp_path: Path) -> None:
    def extra(root: str, files: Files) -> str:
        files["data/extra.csv"] = b"a\r\n1\r\n"
        return root

    def missing(root: str, files: Files) -> str:
        del files["data/payments.csv"]
        return root

    def loose(root: str, files: Files) -> str:
        files["../outside.txt"] = b"x"
        return root

    refused(ws, reseal(ws, two[1], extra), tmp_path, "Manifestet")
    refused(ws, reseal(ws, two[1], missing), tmp_path, "Manifestet")
    refused(ws, reseal(ws, two[1], loose), tmp_path, "ulovlig sti")


def _signed_by(forger: SigningKey) -> Callable[[str, Files], str]:
    """A forger's re-signing of a bag with their own key (put in the bag beside it)."""

    def resign(root: str, files: Files) -> str:
        from samjournal.evaluation.bundle import _manifest, _trusted_comment, verify_bag

        header, _, _ = verify_bag(root, files)
        files["samjournal-signing-key.pub"] = forger.public.to_file().encode()
        info = files["bag-info.txt"].decode().splitlines()
        info = [
            f"SamJournal-Signing-Key: {forger.public.key_id_hex}"
            if line.startswith("SamJournal-Signing-Key")
            else line
            for line in info
        ]
        files["bag-info.txt"] = ("\n".join(info) + "\n").encode()
        tags = {n: files[n] for n in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")}
        tags["samjournal-signing-key.pub"] = files["samjournal-signing-key.pub"]
        tags["samjournal-audit.json"] = files["samjournal-audit.json"]
        files[TAGMANIFEST] = _manifest(tags)
        files[TAGMANIFEST + ".minisig"] = forger.sign(
            files[TAGMANIFEST], trusted_comment=_trusted_comment(header)
        ).encode()
        return root

    return resign


def test_signed_by_another_key(
    lead: Journal, ws: Workspace, two: tuple[Path, Path], tmp_path: Path
) -> None:
    """A forger re-signs a changed bag with their own key: the journal is known, so refused."""
    forger = SigningKey.generate()
    forged = reseal(ws, two[1], _signed_by(forger))
    refused(ws, forged, tmp_path, "registrert med en annen signeringsnøkkel")
    # Nothing at import time can trust the forger's key: only a registration can, on purpose.
    with pytest.raises(ValidationError, match="--new-key"):
        register(ws, lead.journal_id, forger.public, SITE)


def test_a_forged_copy_of_a_stored_bundle_does_not_block_the_journal(
    lead: Journal, ws: Workspace, two: tuple[Path, Path], tmp_path: Path
) -> None:
    """Bundle 2 stored, then a copy of it signed with another key refused: status says what
    happened and that the stored one stands, not that the journal's last bundle was refused
    (evaluator's finding F). A forged bundle past the newest stored one does block it."""
    assert import_bundles(ws, [two[1]])[0].status == "stored"
    forger = SigningKey.generate()
    refused(ws, reseal(ws, two[1], _signed_by(forger)), tmp_path, "annen signeringsnøkkel")
    [journal] = status(ws).journals
    assert journal.blocked is not None
    assert journal.blocked.key == "journal_refused_copy"
    [line] = [line for line in status(ws).lines("en") if "was refused" in line]
    assert line.startswith(ALARM)
    assert "A bundle claiming to be number 2, signed with another key, was refused" in line
    assert "(the bundle 2 already stored stands: nothing is missing): Journal" in line
    assert forger.public.fingerprint in line
    assert not any("BLOCKED" in line for line in status(ws).lines("en"))
    assert not any("SPERRET" in line for line in status(ws).lines("nb"))
    # Bundle 3, which the evaluator does not have, forged: that blocks the journal.
    third = lead.evaluation.export(STUDY, tmp_path / "out").path
    refused(ws, reseal(ws, third, _signed_by(forger)), tmp_path, "annen signeringsnøkkel")
    [line] = [line for line in status(ws).lines("en") if "was refused" in line]
    assert "BLOCKED: the journal's last bundle (3) was refused" in line


def test_only_a_foreign_key_refusal_behind_stored_bundles_is_not_blocking() -> None:
    """A refusal for another key is not blocking when its number or a later one is stored; any
    other (a cut log, a restore reusing a stored number) blocks, whatever was stored."""
    key = kept(
        keyed(
            UnknownSender,
            "journal_registered_another_signing",
            journal_id="j",
            key_id_hex="AB",
            fingerprint="F",
        )
    )
    cut = kept(keyed(BundleRejected, "journal_audit_log_cut", later=2, earlier=1, not_imported=""))
    assert refused_line(2, "t", key, [1, 2]).key == "journal_refused_copy"
    assert refused_line(1, "t", key, [2, 3]).key == "journal_refused_older_number"
    assert refused_line(3, "t", key, [1, 2]).key == "journal_blocked"
    assert refused_line(2, "t", cut, [1, 2, 3]).key == "journal_blocked"


def test_a_journal_with_a_new_key_is_refused_until_registered(
    lead: Journal, ws: Workspace, two: tuple[Path, Path], tmp_path: Path
) -> None:
    db = lead._require_open().db
    with db.transaction():
        db.execute("UPDATE evaluation_signing_keys SET retired_at = '2026-01-01'")
    third = lead.evaluation.export(STUDY, tmp_path / "out").path
    assert import_bundles(ws, [two[1]])[0].status == "stored"
    refused(ws, third.read_bytes(), tmp_path, "annen signeringsnøkkel")
    # The new fingerprint read out over the phone, the new key registered beside the old one.
    register(ws, lead.journal_id, lead.evaluation.public_key(), SITE, new_key=True)
    assert import_bundles(ws, [third])[0].status == "stored"
    [journal] = [s for s in senders(ws) if s.journal_id == lead.journal_id]
    assert [k.how for k in journal.keys] == ["registered", "registered"]


def test_a_bundle_for_another_study(
    lead: Journal, ws: Workspace, two: tuple[Path, Path], tmp_path: Path
) -> None:
    # The same evaluator's keys, another study id: decrypts, but is not for this workspace.
    other = StudyProfile(
        "annen-studie",
        "Annen studie",
        "NTNU",
        ws.profile.recipients,
        ws.profile.receipt_key,
        ws.profile.policy,
    )
    lead.evaluation.import_study(other.to_json_text().encode())
    for family in list(lead.families.case_list())[:5]:
        for m in lead.families.open(family.id).members:
            if not m.is_child:
                lead.consents.give(m.id, "annen-studie", letter_version="v1")
    path = lead.evaluation.export("annen-studie", tmp_path / "other").path
    refused(ws, path.read_bytes(), tmp_path, "gjelder studien annen-studie")
    # And a bundle encrypted to another evaluator does not even open.
    stranger = pyrage.x25519.Identity.generate()
    sealed = pyrage.encrypt(b"PK\x05\x06" + bytes(18), [stranger.to_public()])
    refused(ws, bytes(sealed), tmp_path, "dekrypteres")


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in entries:
            zf.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    "name",
    [
        "bag/../evil.txt",
        "../evil.txt",
        "/etc/passwd",
        "C:/Windows/evil.txt",
        "C:evil.txt",
        "bag\\..\\evil.txt",
        "bag//evil.txt",
        "bag/./evil.txt",
    ],
)
def test_unsafe_paths_are_refused(ws: Workspace, tmp_path: Path, name: str) -> None:
    archive = _zip([("bag/bagit.txt", b"x"), (name, b"evil")])
    with pytest.raises(BundleRejected, match="ulovlig sti"):
        unzip(archive)
    sealed = bytes(pyrage.encrypt(archive, ws.profile.age_recipients()))
    refused(ws, sealed, tmp_path, "ulovlig sti")


def test_symlinks_and_two_roots_are_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        info = zipfile.ZipInfo("bag/link")
        info.external_attr = (0o120777) << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(BundleRejected, match="symbolsk lenke"):
        unzip(out.getvalue())
    with pytest.raises(BundleRejected, match="én mappe"):
        unzip(_zip([("a/x", b"1"), ("b/y", b"2")]))


def test_zip_bombs(ws: Workspace, two: tuple[Path, Path], tmp_path: Path) -> None:
    # Declared size over the limit: refused before anything is inflated.
    plain = pyrage.decrypt(two[1].read_bytes(), ws.identities)
    with pytest.raises(BundleRejected, match="over grensen"):
        unzip(plain, Limits(max_entry_bytes=1000))
    with pytest.raises(BundleRejected, match="over grensen"):
        unzip(plain, Limits(max_total_bytes=5000))
    with pytest.raises(BundleRejected, match="for mange"):
        unzip(plain, Limits(max_entries=3))
    # A tiny archive that inflates enormously.
    bomb = _zip([("bag/data/zeros.csv", bytes(40 * 1024 * 1024))])
    with pytest.raises(BundleRejected, match="komprimert"):
        unzip(bomb)
    sealed = bytes(pyrage.encrypt(bomb, ws.profile.age_recipients()))
    refused(ws, sealed, tmp_path, "komprimert")
    # A real size larger than the declared one: the header lies.
    liar = bytearray(_zip([("bag/data/x.csv", b"a" * 5000)]))
    central = liar.rindex(b"PK\x01\x02")
    struct.pack_into("<I", liar, central + 24, 100)  # uncompressed size in the central directory
    with pytest.raises(BundleRejected, match=r"større enn oppgitt|skadet"):
        unzip(bytes(liar))
    # And the whole file over the bundle limit.
    with pytest.raises(BundleRejected, match="større enn grensen"):
        open_bundle(two[1].read_bytes(), ws.identities, Limits(max_bundle_bytes=100))


@pytest.mark.parametrize("forge", [future_version, huge_offset])
def test_zip_headers_zipfile_cannot_read(
    ws: Workspace, tmp_path: Path, forge: Callable[[bytes], bytes]
) -> None:
    forged = forge(_zip([("bag/bagit.txt", b"x")]))
    with pytest.raises(BundleRejected, match=r"zip-arkiv|skadet"):
        unzip(forged)
    refused(ws, bytes(pyrage.encrypt(forged, ws.profile.age_recipients())), tmp_path, "zip|skadet")


def test_not_an_age_file_or_not_a_zip(ws: Workspace, tmp_path: Path) -> None:
    refused(ws, b"PK\x03\x04 this is a zip, not age", tmp_path, "ikke en age-kryptert")
    sealed = bytes(pyrage.encrypt(b"plain text, no zip", ws.profile.age_recipients()))
    refused(ws, sealed, tmp_path, "zip-arkiv")


def test_breaking_k_is_refused(ws: Workspace, two: tuple[Path, Path], tmp_path: Path) -> None:
    """Even a correctly signed bundle that breaks the study's k is not stored."""
    from samjournal.evaluation.bundle import check_k

    assert ws.profile.policy.k == 5
    bundle = open_bundle(two[1].read_bytes(), ws.identities)
    with pytest.raises(BundleRejected, match="k-anonymiteten"):
        check_k(bundle.tables["households"][:1], 5)


def test_reimport_is_a_no_op(ws: Workspace, two: tuple[Path, Path]) -> None:
    before = snapshot(ws)
    [again] = import_bundles(ws, [two[0]])
    assert again.status == "already"
    assert "allerede importert" in again.lines()[0]
    assert snapshot(ws) == before


@pytest.mark.parametrize(
    ("make", "words"),
    [(lambda p: p / "gone.age", "finnes ikke"), (lambda p: p, "en mappe, ikke en fil")],
)
def test_a_file_that_cannot_be_read_is_said_in_the_users_words(
    ws: Workspace, tmp_path: Path, make: Callable[[Path], Path], words: str
) -> None:
    """The system's reason comes in the user's language, not its own English (evaluator review
    s23: "Kan ikke lese filen: No such file or directory")."""
    [report] = import_bundles(ws, [make(tmp_path)])
    assert report.status == "rejected"
    assert report.reason.startswith("Kan ikke lese filen: ")
    assert words in report.reason
    assert not re.search(r"No such file|Is a directory", report.reason)
