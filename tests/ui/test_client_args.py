"""The desktop client's command line (`python -m ui`, `SamJournal` when packaged)."""

from __future__ import annotations

import pytest

from ui.app import parse_args


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_clients_help_is_in_one_language(
    lang: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m ui --help` was in English whatever the language (team-lead review); now the
    CLI's language chooses it, as for the `samjournal` command beside it."""
    monkeypatch.setenv("SAMJOURNAL_LANG", lang)
    with pytest.raises(SystemExit) as done:
        parse_args(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    if lang == "nb":
        assert out.startswith("bruk: python -m ui")
        assert "åpne demojournalen" in out
        for english in ("usage:", "positional arguments", "options:", "show this help", "open"):
            assert english not in out
    else:
        assert out.startswith("usage: python -m ui")
        assert "open the demo journal" in out
    assert parse_args(["--demo"]).demo
