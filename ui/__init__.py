"""The SamJournal desktop client (PySide6): a thin view over `samjournal.Journal`."""
