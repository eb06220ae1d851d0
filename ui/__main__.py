"""`python -m ui [--demo] [JOURNAL]`: the SamJournal desktop client."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
