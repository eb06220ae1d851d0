"""Dialogs: forms that save through the worker and keep what was typed when a save fails."""
