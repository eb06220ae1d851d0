"""First-run setup as a UI-free state machine; the Qt wizard only renders it.

Steps: choose where the journal lives -> the first team lead -> a passphrase (refused when a real
strength estimate finds it easy to guess, see samjournal.passphrase) -> create -> the recovery
key, shown once in groups -> re-type one randomly chosen group to show it was written down ->
done. Every input is checked here, so the flow is tested headless.
"""

from __future__ import annotations

import random
import secrets
import unicodedata
from enum import StrEnum
from pathlib import Path

from samjournal import validation as v
from samjournal.flows.steps import previous
from samjournal.journal import Journal, check_username
from samjournal.kdf import KdfCost
from samjournal.messages import invalid
from samjournal.passphrase import Hint, Strength, check_passphrase, passphrase_strength

__all__ = ["Hint", "SetupFlow", "Step", "Strength", "passphrase_strength"]


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
            raise invalid("location", "choose_folder")
        folder = Path(path).expanduser()
        if folder.exists() and not folder.is_dir():
            raise invalid("location", "is_a_file")
        if folder.is_dir() and any(folder.iterdir()):
            raise invalid("location", "setup_folder_not_empty")
        self.location = folder
        self.step = Step.TEAM_LEAD

    def set_team_lead(self, username: str, display_name: str) -> None:
        self._expect(Step.TEAM_LEAD)
        self.username = check_username(username)
        self.display_name = v.text("name", display_name, required=True)
        self.step = Step.PASSPHRASE

    def set_passphrase(self, passphrase: str, repeated: str) -> None:
        self._expect(Step.PASSPHRASE)
        check_passphrase(passphrase, (self.username, self.display_name))
        if passphrase != repeated:
            raise invalid("repeat_passphrase", "passphrases_differ")
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
            raise invalid("group", "group_mismatch")
        self._recovery_key = ""  # shown once; from here it lives only on paper
        self.step = Step.DONE

    # -- going back -------------------------------------------------------------------------

    @property
    def can_go_back(self) -> bool:
        return self.step in _BACK

    def back(self) -> None:
        if self.step is Step.CREATE:
            self._passphrase = ""
        self.step = previous(self.step, _BACK)

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
