"""Argon2id parameters: calibrated at journal creation, stored per key slot, never below a floor."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

# OWASP's floor for Argon2id: 19 MiB, two passes. Calibration only goes up from here.
FLOOR_MEMORY_KIB = 19 * 1024
FLOOR_ITERATIONS = 2
CALIBRATION_MEMORY_KIB = 64 * 1024
TARGET_SECONDS = 0.5


@dataclass(frozen=True, slots=True)
class KdfCost:
    memory_kib: int
    iterations: int
    lanes: int = 1

    @property
    def below_floor(self) -> bool:
        return self.memory_kib < FLOOR_MEMORY_KIB or self.iterations < FLOOR_ITERATIONS


# Tests (and only tests) create journals with this: the same code path, a trivial cost.
TEST_COST = KdfCost(memory_kib=8, iterations=1)
FLOOR_COST = KdfCost(memory_kib=FLOOR_MEMORY_KIB, iterations=FLOOR_ITERATIONS)


def derive(secret: bytes, salt: bytes, cost: KdfCost) -> bytes:
    return Argon2id(
        salt=salt,
        length=32,
        iterations=cost.iterations,
        lanes=cost.lanes,
        memory_cost=cost.memory_kib,
    ).derive(secret)


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfCost:
    """Pick the number of passes over 64 MiB that takes about `target_seconds` here.

    The whole derivation is timed (what the user waits for at unlock, memory set-up included)
    and the pass count scaled towards the target; two rounds settle it even on a busy machine.
    """
    salt = os.urandom(16)
    iterations = FLOOR_ITERATIONS
    for _ in range(3):
        start = time.perf_counter()
        derive(b"calibration", salt, KdfCost(CALIBRATION_MEMORY_KIB, iterations))
        elapsed = max(time.perf_counter() - start, 1e-3)
        iterations = min(max(FLOOR_ITERATIONS, round(iterations * target_seconds / elapsed)), 64)
    return KdfCost(CALIBRATION_MEMORY_KIB, iterations)
