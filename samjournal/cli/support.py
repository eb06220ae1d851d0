"""What every `samjournal` subcommand shares: exit codes, passphrases, who signs in, opening."""

from __future__ import annotations

import argparse
import ctypes
import getpass
import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import TextIO

from samjournal.journal import Journal
from samjournal.messages import Param, Said, invalid, text

EXIT_OK, EXIT_ERROR, EXIT_REFUSED = 0, 1, 2
EXIT_UNCONFIRMED = 3  # audit verify: a witness explained only by an unconfirmed restore


def secret(env: str, prompt: str, *, confirm: bool = False) -> str:
    """From the environment when set (scripts), otherwise asked for without echo."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise invalid("passphrase", "set_env_or_terminal", env=env)
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(words("cli_repeat_prompt")) != first:
        raise invalid("passphrase", "two_passphrases_differ")
    return first


def passphrase(confirm: bool = False) -> str:
    return secret("SAMJOURNAL_PASSPHRASE", words("cli_passphrase_prompt"), confirm=confirm)


def username(args: argparse.Namespace) -> str:
    if args.user:
        return str(args.user)
    if env := os.environ.get("SAMJOURNAL_USER"):
        return env
    names = Journal.usernames(args.journal)
    if len(names) == 1:
        return names[0]
    raise invalid("user", "choose_user", names=", ".join(names))


def language() -> str:
    """Bokmål unless the environment asks for English (SAMJOURNAL_LANG or LANG=en...)."""
    wanted = os.environ.get("SAMJOURNAL_LANG") or os.environ.get("LANG", "")
    return "en" if wanted.startswith("en") else "nb"


def words(key: str, **params: Param) -> str:
    """Message `key` of the catalogue (samjournal/messages_cli.py) in the CLI's language."""
    return text(key, params, language())


def say(key: str, *, file: TextIO | None = None, **params: Param) -> None:
    """Print message `key` in the CLI's language, the one its errors are in."""
    print(words(key, **params), file=file)


def open_journal(args: argparse.Namespace, *, accept_missing: bool = False) -> Journal:
    journal = Journal.open(
        args.journal, username(args), passphrase(), accept_missing=accept_missing
    )
    if journal.failed_attempts:
        say("cli_failed_unlocks", file=sys.stderr, count=len(journal.failed_attempts))
    # Every command, as every unlock in the window: `info` and `check` said nothing (review).
    for alarm in journal.audit_alarms:
        say("cli_alarm", file=sys.stderr, alarm=alarm if isinstance(alarm, Said) else str(alarm))
    return journal


@contextmanager
def unlocked(args: argparse.Namespace) -> Iterator[Journal]:
    """The journal named by `args`, locked again however the command ends."""
    journal = open_journal(args)
    try:
        yield journal
    finally:
        journal.lock()


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the kernel sends the child SIGTERM if this process dies, even by SIGKILL."""
    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def run_child(command: Sequence[str]) -> int:
    """Run `command` and end it with us: a SIGTERM, SIGINT or SIGHUP to this process is passed
    on to the child (so `kill` on `samjournal gui` closes the window too), and we return once
    it has ended, with its exit code."""
    linux = sys.platform.startswith("linux")
    child = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        list(command), preexec_fn=_die_with_parent if linux else None
    )

    def forward(signum: int, _frame: FrameType | None) -> None:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM if sys.platform == "win32" else signum)

    wanted = [signal.SIGTERM, signal.SIGINT] + (
        [signal.SIGHUP] if hasattr(signal, "SIGHUP") else []
    )
    before = {signum: signal.signal(signum, forward) for signum in wanted}
    try:
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:  # pragma: no cover - SIGINT is handled by `forward`
                continue
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
