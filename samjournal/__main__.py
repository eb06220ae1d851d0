"""`python -m samjournal` is the `samjournal` command."""

import sys

from samjournal.cli import main

if __name__ == "__main__":
    sys.exit(main())
