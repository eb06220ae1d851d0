"""First-run setup as a UI-free state machine; the Qt wizard only renders it.

Steps: choose where the journal lives -> the first team lead -> a passphrase (with a strength
hint) -> create -> the recovery key, shown once in groups -> re-type one randomly chosen group to
show it was written down -> done. Every input is checked here, so the flow is tested headless.
"""

from __future__ import annotations

import random
import secrets
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from samjournal import validation as v
from samjournal.errors import ValidationError
from samjournal.journal import MIN_PASSPHRASE, Journal, check_passphrase, check_username
from samjournal.kdf import KdfCost


class Step(StrEnum):
    LOCATION = "location"
    TEAM_LEAD = "team_lead"
    PASSPHRASE = "passphrase"  # noqa: S105 - a step name, not a secret
    CREATE = "create"
    RECOVERY_KEY = "recovery_key"
    CONFIRM = "confirm"
    DONE = "done"


ORDER = tuple(Step)
# Where "back" leads. Nothing goes back across CREATE: the journal exists from then on.
_BACK = {
    Step.TEAM_LEAD: Step.LOCATION,
    Step.PASSPHRASE: Step.TEAM_LEAD,
    Step.CREATE: Step.PASSPHRASE,
    Step.CONFIRM: Step.RECOVERY_KEY,
}


class Hint(StrEnum):
    """Why a passphrase is weak; the UI words each one in the user's language."""

    TOO_SHORT = "too_short"
    ADD_VARIETY = "add_variety"
    USE_WORDS = "use_words"
    REPEATED = "repeated"


@dataclass(frozen=True, slots=True)
class Strength:
    """0 (unusable) .. 4 (strong), and what would make it better."""

    score: int
    acceptable: bool
    hints: tuple[Hint, ...]


def passphrase_strength(passphrase: str) -> Strength:
    """A length-and-variety estimate; acceptable means it passes `check_passphrase`."""
    length = len(passphrase)
    kinds = sum(
        (
            any(ch.islower() for ch in passphrase),
            any(ch.isupper() for ch in passphrase),
            any(ch.isdigit() for ch in passphrase),
            any(not ch.isalnum() and not ch.isspace() for ch in passphrase),
        )
    )
    words = len(passphrase.split())
    distinct = len(set(passphrase))
    hints: list[Hint] = []
    if length < MIN_PASSPHRASE:
        hints.append(Hint.TOO_SHORT)
    if kinds < 3 and words < 4:
        hints.append(Hint.ADD_VARIETY)
    if words < 3 and length < 20:
        hints.append(Hint.USE_WORDS)
    if length and distinct <= max(3, length // 4):
        hints.append(Hint.REPEATED)
    if length < MIN_PASSPHRASE:
        score = 0
    else:
        score = 1 + (length >= 14) + (length >= 20 or words >= 4) + (kinds >= 3)
        if Hint.REPEATED in hints:
            score = 1
    return Strength(min(score, 4), length >= MIN_PASSPHRASE, tuple(hints))


def _plain(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFC", text).upper() if ch not in " -\t\n")


class SetupFlow:
    """One run of the first-run setup. Methods move it forward or raise ValidationError."""

    def __init__(
        self,
        default_location: Path,
        *,
        cost: KdfCost | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.step = Step.LOCATION
        self.location = Path(default_location)
        self.username = ""
        self.display_name = ""
        self._passphrase = ""
        self._cost = cost
        self._rng = rng or secrets.SystemRandom()
        self._journal: Journal | None = None
        self._recovery_key = ""
        self._confirm_index = 0

    # -- moving forward ---------------------------------------------------------------------

    def _expect(self, step: Step) -> None:
        if self.step is not step:
            raise RuntimeError(f"setup is at {self.step}, not {step}")

    def choose_location(self, path: Path | str) -> None:
        self._expect(Step.LOCATION)
        if not str(path).strip():
            raise ValidationError("plassering", "velg en mappe")
        folder = Path(path).expanduser()
        if folder.exists() and not folder.is_dir():
            raise ValidationError("plassering", "er en fil, ikke en mappe")
        if folder.is_dir() and any(folder.iterdir()):
            raise ValidationError("plassering", "mappen er ikke tom; velg en tom eller ny mappe")
        self.location = folder
        self.step = Step.TEAM_LEAD

    def set_team_lead(self, username: str, display_name: str) -> None:
        self._expect(Step.TEAM_LEAD)
        self.username = check_username(username)
        self.display_name = v.text("navn", display_name, required=True)
        self.step = Step.PASSPHRASE

    def set_passphrase(self, passphrase: str, repeated: str) -> None:
        self._expect(Step.PASSPHRASE)
        check_passphrase(passphrase)
        if passphrase != repeated:
            raise ValidationError("gjenta passordfrase", "er ikke lik passordfrasen")
        self._passphrase = passphrase
        self.step = Step.CREATE

    def create(self) -> Journal:
        """Create the journal (slow: the key derivation is calibrated to about half a second)."""
        self._expect(Step.CREATE)
        created = Journal.create(
            self.location,
            username=self.username,
            display_name=self.display_name,
            passphrase=self._passphrase,
            cost=self._cost,
        )
        self._passphrase = ""
        self._journal = created.journal
        self._recovery_key = created.recovery_key
        self._confirm_index = self._rng.randrange(len(self.recovery_groups))
        self.step = Step.RECOVERY_KEY
        return created.journal

    def key_written_down(self) -> None:
        self._expect(Step.RECOVERY_KEY)
        self.step = Step.CONFIRM

    def confirm(self, typed: str) -> None:
        """The user re-types group `confirm_group_number` from the sheet."""
        self._expect(Step.CONFIRM)
        if _plain(typed) != self.recovery_groups[self._confirm_index]:
            raise ValidationError("gruppe", "stemmer ikke med nøkkelen; se på arket igjen")
        self._recovery_key = ""  # shown once; from here it lives only on paper
        self.step = Step.DONE

    # -- going back -------------------------------------------------------------------------

    @property
    def can_go_back(self) -> bool:
        return self.step in _BACK

    def back(self) -> None:
        if self.step not in _BACK:
            raise RuntimeError(f"cannot go back from {self.step}")
        if self.step is Step.CREATE:
            self._passphrase = ""
        self.step = _BACK[self.step]

    # -- what the screens show --------------------------------------------------------------

    @property
    def recovery_groups(self) -> tuple[str, ...]:
        if not self._recovery_key:
            return ()
        return tuple(self._recovery_key.split("-"))

    @property
    def confirm_group_number(self) -> int:
        """1-based, as printed on the sheet."""
        return self._confirm_index + 1

    @property
    def journal(self) -> Journal | None:
        return self._journal

    @property
    def position(self) -> tuple[int, int]:
        """(step number from 1, number of steps) for a progress line."""
        return ORDER.index(self.step) + 1, len(ORDER)
