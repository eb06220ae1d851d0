"""`python -m ui [--demo | JOURNAL]`: placeholder until the desktop client lands (issue 3)."""

import sys

if __name__ == "__main__":
    print("Skrivebordsklienten kommer; bruk kommandoen `samjournal` inntil videre.")
    sys.exit(0)
