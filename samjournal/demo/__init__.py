"""Realistic fictional families for the demo journal, the tests and the benchmarks.

A seeded generator writes a *script* for each family (create it, add the household, two years of
meetings with the needs agreed and payments proposed in them, needs and payments moving along their
status flows, check-ins, consents) and plays it through the real `Journal` API, as the team lead or
as the family's caseworker. Everything comes from one `random.Random(seed)` and a fixed `today`, so
a seed always gives the same journal (its times of day on the local clock, so they read as office
hours where it is shown). The playback holds the journal's clock at each step's moment in the
story (`context.clock_at`), so what the journal stamps on a change (proposed, approved, status
changed) follows the story; only the audit log keeps the real time the journal was written.

At municipal scale (the benchmarks) the very same calls run inside one transaction per family on
the team lead's connection ("bulk"): one commit per family instead of one per call.

The modules: `constants` (the demo users, study and day), `playback` (writing the families through
the facade), `story` (one family's script), `script` (its steps), `people` (households and their
members), `evaluator` (the demo study's evaluator workspace beside the journal); and the words,
which are data only: `names`, `places`, `notes`, `need_text`, `needs_home` and `needs_everyday`.
"""

from samjournal.demo.constants import DEMO_CASEWORKERS, DEMO_LEAD, DEMO_PASSPHRASE, DEMO_TODAY
from samjournal.demo.playback import DemoSummary, Progress, create_demo_journal, populate

__all__ = [
    "DEMO_CASEWORKERS",
    "DEMO_LEAD",
    "DEMO_PASSPHRASE",
    "DEMO_TODAY",
    "DemoSummary",
    "Progress",
    "create_demo_journal",
    "populate",
]
