"""Hypothesis settings: the default profile for every property test, and the fuzz tests' own.

`make test` and CI draw from a fixed seed, so the gate fails only when the code changes (tests
whose inputs are themselves random, like a fresh bundle's bytes, still vary a little).
`make fuzz` sets SAMJOURNAL_FUZZ_EXPLORE and the long versions of the same tests draw fresh random
examples; a finding there becomes a fixed regression test (see test_bad_input.py).
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

EXPLORE = bool(os.environ.get("SAMJOURNAL_FUZZ_EXPLORE"))

# Loaded by tests/conftest.py before any test module builds its own settings on top of it.
PROFILE = "samjournal"
settings.register_profile(PROFILE, derandomize=not EXPLORE, database=None)


def fuzz_settings(examples: int, deadline_seconds: float = 5) -> settings:
    """At most `examples` examples, each failing past the deadline (a hang is a finding)."""
    return settings(
        max_examples=examples,
        deadline=timedelta(seconds=deadline_seconds),
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
        derandomize=not EXPLORE,
    )
