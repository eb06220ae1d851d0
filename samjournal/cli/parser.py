"""argparse in bokmål: the headings, "bruk:", the help option and argparse's own common errors,
so `samjournal --help` reads as one language (the commands' own help is written in bokmål)."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

# argparse's error messages (Python 3.11-3.13) and their bokmål; what is not here stays as is.
_ERRORS = (
    (r"the following arguments are required: (.*)", r"disse mangler: \1"),
    (r"unrecognized arguments: (.*)", r"ukjente argumenter: \1"),
    (r"argument (.*?): invalid choice: (.*) \(choose from (.*)\)", r"\1: ugyldig: \2 (velg: \3)"),
    (r"argument (.*?): invalid (.*) value: (.*)", r"\1: ugyldig verdi: \3"),
    (r"argument (.*?): expected one argument", r"\1: skal ha én verdi"),
    (r"argument (.*?): ignored explicit argument (.*)", r"\1: tar ingen verdi (fikk \2)"),
)  # fmt: skip


def norwegian(message: str) -> str:
    for pattern, replacement in _ERRORS:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class HelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "bruk: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are bokmål; subcommands get the same class."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False  # ours, with bokmål help, is added below
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "valg"
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help="vis denne hjelpen og avslutt",
            )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: feil: {norwegian(message)}\n")
