"""SamJournal: the encrypted case journal core. Never imports Qt."""

__version__ = "0.1.0"
