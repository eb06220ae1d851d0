"""`python -m samjournal` is the `samjournal` command."""

import sys

from samjournal.cli import main

sys.exit(main())
