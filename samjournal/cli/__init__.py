"""The `samjournal` command (`commands.main`), its subcommands and what they share.

`parser` and `support` are shared by the subcommands; `evaluation` and `handover` add theirs.
The command line is the top layer of the core: nothing in samjournal imports it.
"""

from samjournal.cli.commands import main

__all__ = ["main"]
