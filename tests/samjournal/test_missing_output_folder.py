"""Writing a backup, a key file or a receipt key file into a folder that does not exist says so
in the user's language and exits 1 (found by an outside review: it ended in a traceback on the
'.…partial' temp file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.cli.commands import EXIT_ERROR, main
from tests.conftest import LEAD, LEAD_PASS


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(
    "args",
    [
        ["backup", "{j}", "{missing}/x.backup"],
        ["key", "{j}", "--out", "{missing}/j.pub"],
        ["key", "{j}", "--receive", "--out", "{missing}/j.mottak"],
    ],
    ids=["backup", "key", "key-receive"],
)
def test_a_missing_output_folder_is_a_message_not_a_traceback(
    journal_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    lang: str,
) -> None:
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", LEAD)
    monkeypatch.setenv("SAMJOURNAL_LANG", lang)
    missing = tmp_path / "no-such-folder"
    filled = [a.format(j=journal_dir, missing=missing) for a in args]
    try:
        code = main(filled)
    except FileNotFoundError as exc:
        pytest.fail(f"{args[0]}: a traceback instead of a message: {exc!r}")
    out = capsys.readouterr()
    assert code == EXIT_ERROR
    assert "Traceback" not in out.err
