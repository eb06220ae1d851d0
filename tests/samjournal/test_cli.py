"""The `samjournal` command, in-process and as a real process for exit codes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from samjournal import __version__
from samjournal.cli.commands import EXIT_ERROR, EXIT_OK, EXIT_REFUSED, main
from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", LEAD)
    monkeypatch.delenv("SAMJOURNAL_NEW_PASSPHRASE", raising=False)


def test_list_is_tab_separated_case_number_first(
    journal_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["list", str(journal_dir)], capsys)
    assert code == EXIT_OK
    lines = [line.split("\t") for line in out.splitlines()]
    assert [line[1] for line in lines] == ["Familien Ødegård", "Familien Hassan"]
    assert all(line[0].count("-") == 1 for line in lines)


def test_caseworker_lists_own_families(
    journal_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", WORKER_PASS)
    code, out, _ = run(["list", str(journal_dir), "--user", WORKER], capsys)
    assert code == EXIT_OK
    assert [line.split("\t")[1] for line in out.splitlines()] == ["Familien Ødegård"]


def test_search_info_check_audit(journal_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["search", str(journal_dir), 'Hassan" (*'], capsys)
    assert code == EXIT_OK
    assert "Familien Hassan" in out
    code, out, _ = run(["info", str(journal_dir)], capsys)
    assert code == EXIT_OK
    assert "families:\t2" in out
    assert run(["check", str(journal_dir)], capsys)[0] == EXIT_OK
    code, out, _ = run(["audit", "verify", str(journal_dir)], capsys)
    assert code == EXIT_OK
    assert "hel" in out


def test_check_repairs_wrong_case_list_figures(
    journal_dir: Path, template: Template, capsys: pytest.CaptureFixture[str]
) -> None:
    """Derived data gone wrong is named as such, with the repair, not a restore."""
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    db = journal._require_open().db
    with db.transaction():
        db.execute(
            "UPDATE family_totals SET used_ore = 999 WHERE family_id = ?", (template.other_family,)
        )
    journal.lock()
    code, out, err = run(["check", str(journal_dir)], capsys)
    assert code == EXIT_ERROR
    assert f"saksoversikten for familie {template.other_family}" in out
    assert "check --repair" in err
    assert "sikkerhetskopi" not in err
    code, out, _ = run(["check", "--repair", str(journal_dir)], capsys)
    assert code == EXIT_OK
    assert out.startswith(f"rettet: saksoversiktens tall for familie {template.other_family}\n")
    assert run(["check", str(journal_dir)], capsys)[0] == EXIT_OK
    code, out, _ = run(["list", str(journal_dir)], capsys)
    assert code == EXIT_OK


def test_a_closed_pipe_ends_quietly(journal_dir: Path) -> None:
    env = {"SAMJOURNAL_USER": LEAD, "SAMJOURNAL_PASSPHRASE": LEAD_PASS}
    with subprocess.Popen(
        [sys.executable, "-m", "samjournal", "list", str(journal_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **env},
    ) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        child.stdout.close()  # like `| head -0`: the reader is gone before the first line
        err = child.stderr.read().decode()
        assert child.wait(timeout=60) == EXIT_ERROR
    assert "Traceback" not in err


def test_users(
    journal_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAMJOURNAL_NEW_PASSPHRASE", "ny bruker passord")
    assert run(["user", "add", str(journal_dir), "ola", "--name", "Ola Nordmann"], capsys)[0] == 0
    _code, out, _ = run(["user", "list", str(journal_dir)], capsys)
    assert "ola\tOla Nordmann\tFamiliekoordinator\taktiv" in out
    assert run(["user", "remove", str(journal_dir), "ola"], capsys)[0] == EXIT_OK
    assert "ola" not in Journal.usernames(journal_dir)
    assert run(["user", "passwd", str(journal_dir)], capsys)[0] == EXIT_OK
    assert Journal.open(journal_dir, LEAD, "ny bruker passord")


def test_reset_with_recovery_key(
    journal_dir: Path,
    template: Template,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SAMJOURNAL_RECOVERY_KEY", template.recovery_key)
    monkeypatch.setenv("SAMJOURNAL_NEW_PASSPHRASE", "glemt og funnet igjen")
    assert run(["user", "reset", str(journal_dir), WORKER], capsys)[0] == EXIT_OK
    assert Journal.open(journal_dir, WORKER, "glemt og funnet igjen")


def test_backup_and_restore(
    journal_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "kopi.sjbak"
    assert run(["backup", str(journal_dir), str(file)], capsys)[0] == EXIT_OK
    code, _out, _ = run(["restore", str(file), str(tmp_path / "ny"), "--user", LEAD], capsys)
    assert code == EXIT_OK
    assert Journal.open(tmp_path / "ny", LEAD, LEAD_PASS)


def test_errors_are_clear_and_coded(
    journal_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, _, err = run(["list", str(tmp_path / "none")], capsys)
    assert (code, err.startswith("samjournal: Fant ingen journal")) == (EXIT_ERROR, True)
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", "wrong wrong")
    code, _, err = run(["list", str(journal_dir)], capsys)
    assert code == EXIT_REFUSED
    assert "Feil brukernavn eller passordfrase" in err
    assert "Traceback" not in err


def _process(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "samjournal", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
        check=False,
    )


def test_real_process_version_help_and_exit_codes(journal_dir: Path) -> None:
    assert _process(["--version"], {}).stdout.strip() == f"samjournal {__version__}"
    for command in (["init", "--help"], ["user", "add", "--help"], ["audit", "verify", "--help"]):
        assert _process(command, {}).returncode == 0
    env = {"SAMJOURNAL_USER": LEAD}
    assert (
        _process(
            ["list", str(journal_dir)], {**env, "SAMJOURNAL_PASSPHRASE": "nope nope"}
        ).returncode
        == 2
    )
    done = _process(["list", str(journal_dir)], {**env, "SAMJOURNAL_PASSPHRASE": LEAD_PASS})
    assert done.returncode == 0
    assert "Familien Hassan" in done.stdout


def test_init_prints_the_recovery_key_once(tmp_path: Path) -> None:
    done = _process(
        ["init", str(tmp_path / "ny"), "--user", "leder", "--name", "Lise Leder"],
        {"SAMJOURNAL_PASSPHRASE": "en god lang passordfrase"},
    )
    assert done.returncode == 0, done.stderr
    key = done.stdout.splitlines()[-1].strip()
    assert len(key.split("-")) == 8
    assert key not in (tmp_path / "ny" / "keyring.json").read_text()


def test_errors_in_english_when_asked(
    journal_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAMJOURNAL_LANG", "en")
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", "wrong wrong")
    code, _, err = run(["list", str(journal_dir)], capsys)
    assert code == EXIT_REFUSED
    assert err.strip() == (
        "samjournal: Wrong user name or passphrase. A forgotten passphrase can be replaced with"
        " the recovery key."
    )


@pytest.mark.parametrize("argv", [["--help"], ["backup", "--help"], ["user", "add", "--help"]])
def test_help_is_in_norwegian_throughout(argv: list[str], capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("bruk: samjournal")
    assert "valg:" in out
    assert "vis denne hjelpen og avslutt" in out
    for english in ("usage:", "positional arguments", "options:", "show this help"):
        assert english not in out


def test_a_usage_error_is_in_norwegian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["backup"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("bruk: samjournal backup")
    assert "samjournal backup: feil: disse mangler: JOURNAL, FIL" in err


CHILD = "import os, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); time.sleep(60)"
PARENT = (
    "import sys; from samjournal.cli.support import run_child;"
    " sys.exit(run_child([sys.executable, '-c', sys.argv[1], sys.argv[2]]))"
)


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper has ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] == "Z")


def _start_gui_like(tmp_path: Path) -> tuple[subprocess.Popen[bytes], int]:
    pid_file = tmp_path / "child.pid"
    parent = subprocess.Popen([sys.executable, "-c", PARENT, CHILD, str(pid_file)])
    for _ in range(200):
        if pid_file.exists() and pid_file.read_text():
            return parent, int(pid_file.read_text())
        time.sleep(0.05)
    parent.kill()
    raise AssertionError("the child never started")


def _ends(pid: int) -> bool:
    for _ in range(100):
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals; Windows has no SIGTERM to send")
def test_sigterm_to_the_gui_command_ends_its_child(tmp_path: Path) -> None:
    parent, child = _start_gui_like(tmp_path)
    parent.send_signal(signal.SIGTERM)
    assert parent.wait(timeout=10) != 0
    assert _ends(child)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl(PR_SET_PDEATHSIG)")
def test_the_child_ends_even_when_the_gui_command_is_killed(tmp_path: Path) -> None:
    parent, child = _start_gui_like(tmp_path)
    parent.kill()
    parent.wait(timeout=10)
    assert _ends(child)
