"""minisign signatures and keys, checked against Debian's `minisign` both ways."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from samjournal.errors import BundleRejected
from samjournal.minisign import PublicKey, Signature, SigningKey

MINISIGN = shutil.which("minisign")
needs_minisign = pytest.mark.skipif(
    MINISIGN is None, reason="Debian's minisign is not installed (apt-get install minisign)"
)


def test_sign_and_verify() -> None:
    key = SigningKey.generate()
    text = key.sign(b"hello", trusted_comment="who: me\tand tabs", untrusted_comment="hi")
    assert key.public.verify(b"hello", text) == "who: me and tabs"
    with pytest.raises(BundleRejected, match="stemmer ikke"):
        key.public.verify(b"hellO", text)
    other = SigningKey.generate()
    with pytest.raises(BundleRejected, match="nøkkel"):
        other.public.verify(b"hello", text)
    lines = text.splitlines()
    forged = "\n".join([*lines[:2], "trusted comment: someone else", lines[3]])
    with pytest.raises(BundleRejected):
        key.public.verify(b"hello", forged)
    with pytest.raises(BundleRejected, match="format"):
        Signature.parse("untrusted comment: x\nnot base64!\n")


def test_public_key_file_round_trip() -> None:
    key = SigningKey.generate()
    text = key.public.to_file()
    assert PublicKey.from_file(text) == key.public
    assert PublicKey.from_line(key.public.to_line()) == key.public
    assert len(key.public.fingerprint) == 24
    with pytest.raises(BundleRejected):
        PublicKey.from_line("RWQ" + "A" * 40)


@needs_minisign
def test_minisign_verifies_ours(tmp_path: Path) -> None:
    key = SigningKey.generate()
    message = tmp_path / "tagmanifest-sha256.txt"
    message.write_bytes(b"abc  bagit.txt\n")
    (tmp_path / "tagmanifest-sha256.txt.minisig").write_text(
        key.sign(message.read_bytes(), trusted_comment="samjournal test")
    )
    (tmp_path / "key.pub").write_text(key.public.to_file())
    done = subprocess.run(
        [MINISIGN, "-V", "-p", "key.pub", "-m", "tagmanifest-sha256.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "samjournal test" in done.stdout
    message.write_bytes(b"abd  bagit.txt\n")
    done = subprocess.run(
        [MINISIGN, "-V", "-p", "key.pub", "-m", "tagmanifest-sha256.txt"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert done.returncode != 0


@needs_minisign
@pytest.mark.parametrize("legacy", [False, True])
def test_we_verify_minisign(tmp_path: Path, legacy: bool) -> None:
    assert MINISIGN is not None
    subprocess.run(
        [MINISIGN, "-G", "-W", "-p", "k.pub", "-s", "k.sec"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    (tmp_path / "m.txt").write_bytes(b"content\n")
    subprocess.run(
        [MINISIGN, "-S", "-W", "-s", "k.sec", "-m", "m.txt", "-t", "their comment"]
        + (["-l"] if legacy else []),
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    public = PublicKey.from_file((tmp_path / "k.pub").read_text())
    sig = (tmp_path / "m.txt.minisig").read_text()
    assert Signature.parse(sig).algorithm == (b"Ed" if legacy else b"ED")
    assert public.verify(b"content\n", sig) == "their comment"
    assert f"minisign public key {public.key_id_hex}" in (tmp_path / "k.pub").read_text()
