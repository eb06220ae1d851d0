"""argparse in the CLI's language: the headings, "usage:", the help option and argparse's own
common errors, by key (samjournal/messages_help.py), so `samjournal --help` reads as one
language. The parsers are built after the language is chosen (cli.support.language): every help
text is `words("help_...")` in that language."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable
from typing import Any, NoReturn

from samjournal.cli.support import words


def worded(message: str) -> str:
    """argparse's error `message` in the CLI's language, by key where the catalogue has it;
    what is not here is shown as argparse words it (English). The messages of Python 3.11-3.13,
    in the function so that the CLI's key check (tests/samjournal/test_cli_language.py) sees
    every key and its parameters."""
    errors: tuple[tuple[str, Callable[[dict[str, str]], str]], ...] = (
        (
            r"the following arguments are required: (?P<names>.*)",
            lambda g: words("argparse_required", names=g["names"]),
        ),
        (
            r"unrecognized arguments: (?P<names>.*)",
            lambda g: words("argparse_unrecognised", names=g["names"]),
        ),
        (
            r"argument (?P<argument>.*?): invalid choice: (?P<value>.*)"
            r" \(choose from (?P<choices>.*)\)",
            lambda g: words(
                "argparse_invalid_choice",
                argument=g["argument"],
                value=g["value"],
                choices=g["choices"],
            ),
        ),
        (
            r"argument (?P<argument>.*?): invalid .* value: (?P<value>.*)",
            lambda g: words("argparse_invalid_value", argument=g["argument"], value=g["value"]),
        ),
        (
            r"argument (?P<argument>.*?): expected one argument",
            lambda g: words("argparse_one_value", argument=g["argument"]),
        ),
        (
            r"argument (?P<argument>.*?): expected at least one argument",
            lambda g: words("argparse_at_least_one", argument=g["argument"]),
        ),
        (
            r"argument (?P<argument>.*?): ignored explicit argument (?P<value>.*)",
            lambda g: words("argparse_no_value", argument=g["argument"], value=g["value"]),
        ),
        (
            r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
            lambda g: words("argparse_ambiguous", option=g["option"], matches=g["matches"]),
        ),
    )
    for pattern, word_it in errors:
        if found := re.fullmatch(pattern, message):
            return word_it(found.groupdict())
    return message


class HelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        prefix = words("argparse_usage") if prefix is None else prefix
        super().add_usage(usage, actions, groups, prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are in the CLI's language; subcommands get the same
    class."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False  # ours, in the CLI's language, is added below
        super().__init__(*args, **kwargs)
        self._positionals.title = words("argparse_positionals")
        self._optionals.title = words("argparse_options")
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=words("argparse_help"),
            )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, words("argparse_error", prog=self.prog, message=worded(message)) + "\n")
