"""The SamJournal desktop client (PySide6): a thin view over `samjournal.Journal`."""

from ui import qt_compat

qt_compat.apply()
