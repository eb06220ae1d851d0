"""What every `samjournal` subcommand shares: exit codes, passphrases, who signs in, opening."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from samjournal.errors import ValidationError
from samjournal.journal import Journal

EXIT_OK, EXIT_ERROR, EXIT_REFUSED = 0, 1, 2


def secret(env: str, prompt: str, *, confirm: bool = False) -> str:
    """From the environment when set (scripts), otherwise asked for without echo."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise ValidationError("passordfrase", f"sett {env} eller kjør i en terminal")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Gjenta: ") != first:
        raise ValidationError("passordfrase", "de to passordfrasene er ulike")
    return first


def passphrase(confirm: bool = False) -> str:
    return secret("SAMJOURNAL_PASSPHRASE", "Passordfrase: ", confirm=confirm)


def username(args: argparse.Namespace) -> str:
    if args.user:
        return str(args.user)
    if env := os.environ.get("SAMJOURNAL_USER"):
        return env
    names = Journal.usernames(args.journal)
    if len(names) == 1:
        return names[0]
    raise ValidationError("bruker", f"velg bruker med --user ({', '.join(names)})")


def language() -> str:
    """Bokmål unless the environment asks for English (SAMJOURNAL_LANG or LANG=en...)."""
    wanted = os.environ.get("SAMJOURNAL_LANG") or os.environ.get("LANG", "")
    return "en" if wanted.startswith("en") else "nb"


def open_journal(args: argparse.Namespace, *, accept_missing: bool = False) -> Journal:
    journal = Journal.open(
        args.journal, username(args), passphrase(), accept_missing=accept_missing
    )
    if journal.failed_attempts:
        print(
            f"Merk: {len(journal.failed_attempts)} mislykkede opplåsingsforsøk siden sist.",
            file=sys.stderr,
        )
    return journal


@contextmanager
def unlocked(args: argparse.Namespace) -> Iterator[Journal]:
    """The journal named by `args`, locked again however the command ends."""
    journal = open_journal(args)
    try:
        yield journal
    finally:
        journal.lock()
