"""Widgets that render a study instrument: one answer widget per item type, one page per
respondent, and the words that show a recorded answer."""
