"""The demo journal's fixed facts: its users and their passphrase, the study, and its "today"."""

from __future__ import annotations

import datetime as dt

DEMO_PASSPHRASE = "demo-passordfrase-2026"  # noqa: S105 - public on purpose, shown as demo
DEMO_LEAD = ("leder", "Lise Leder")
DEMO_CASEWORKERS: tuple[tuple[str, str], ...] = (
    ("kari", "Kari Nilsen"),
    ("ahmed", "Ahmed Hassan"),
    ("marte", "Marte Ødegård"),
)
DEMO_STUDY = ("samskaping-2026", "Evaluering av samskapt familiestøtte")
# The demo study's evaluator (samjournal/demo/evaluator.py): a made-up research group, a site
# label for the journal, and the workspace's passphrase, public like the journal's.
DEMO_EVALUATOR_PASSPHRASE = "demo-evaluator-2026"  # noqa: S105 - public on purpose, in README
DEMO_ORGANISATION = "Fjordvik forskningssenter (oppdiktet)"
DEMO_SITE = "Fjordvik, demo"
DEMO_TODAY = dt.date(2026, 11, 1)
# Sums over the approval limit, proposed in the last week, that the team lead has yet to decide,
# per caseworker: a lead's main work, so the demo shows some (fewer if few families met lately).
LEAD_WAITING = 2
BULK_FROM = 200  # families: from here on, populate() commits once per family
