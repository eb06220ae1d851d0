"""The passphrase policy: at least MIN_PASSPHRASE characters and hard to guess by a real
estimate (zxcvbn), the same for the wizard, the users dialog, the recovery reset and the CLI.

zxcvbn knows English words and names; a few Norwegian words people reach for are given to it
as well, with the user's own name, so "Kari2026!" or "passordpassord" do not pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from zxcvbn import zxcvbn

from samjournal.messages import invalid

MIN_PASSPHRASE = 10
MIN_SCORE = 3  # zxcvbn: "safely unguessable", about 10^8 guesses or more
FIELD = "passphrase"
_ESTIMATED = 100  # characters the estimate reads: past that a passphrase is long enough
_NORWEGIAN = (
    "passord", "passordfrase", "hemmelig", "sommer", "vinter", "høst", "vår", "norge",
    "trondheim", "oslo", "bergen", "kommune", "familie", "samjournal", "journal", "leder",
    "saksbehandler", "velkommen", "qwertzuiopå", "asdfghjkløæ",
)  # fmt: skip


class Hint(StrEnum):
    """Why a passphrase is weak; the UI words each one in the user's language."""

    TOO_SHORT = "too_short"
    ADD_VARIETY = "add_variety"
    USE_WORDS = "use_words"
    REPEATED = "repeated"
    PATTERN = "pattern"  # abc, 1234, qwerty
    COMMON = "common"  # a common password, word or name on its own
    DATE = "date"  # dates and years
    PERSONAL = "personal"  # the user's own name


# What the refusal says, most telling first, in bokmål and English.
ADVICE: dict[Hint, tuple[str, str]] = {
    Hint.REPEATED: (
        "unngå gjentakelser som «aaa», og skriv heller noen vanlige ord etter hverandre",
        "avoid repeats like “aaa”; write a few ordinary words in a row instead",
    ),
    Hint.PATTERN: (
        "unngå rekker som «abc», «1234» og «qwerty»; skriv heller noen vanlige ord",
        "avoid runs like “abc”, “1234” and “qwerty”; write a few ordinary words instead",
    ),
    Hint.DATE: (
        "unngå datoer og årstall; skriv heller noen vanlige ord etter hverandre",
        "avoid dates and years; write a few ordinary words in a row instead",
    ),
    Hint.PERSONAL: (
        "unngå ditt eget navn; skriv heller noen vanlige ord etter hverandre",
        "avoid your own name; write a few ordinary words in a row instead",
    ),
    Hint.COMMON: (
        "et vanlig passord eller ett enkelt ord; skriv heller tre eller fire ord",
        "a common password or a single word; write three or four words instead",
    ),
    Hint.USE_WORDS: (
        "skriv heller tre eller fire vanlige ord etter hverandre",
        "write three or four ordinary words in a row instead",
    ),
}


@dataclass(frozen=True, slots=True)
class Strength:
    """0 (too short), 1 (weak) .. 4 (strong), and what would make it better."""

    score: int
    acceptable: bool
    hints: tuple[Hint, ...]


def passphrase_strength(passphrase: str, user_inputs: Iterable[str] = ()) -> Strength:
    """zxcvbn's score and hints; acceptable means `check_passphrase` lets it through."""
    own = [w for text in user_inputs for w in text.casefold().split() if len(w) > 1]
    result = (
        zxcvbn(passphrase[:_ESTIMATED], user_inputs=[*own, *_NORWEGIAN]) if passphrase else None
    )
    hints: list[Hint] = []
    if len(passphrase) < MIN_PASSPHRASE:
        hints.append(Hint.TOO_SHORT)
    for match in result["sequence"] if result else ():
        pattern = match["pattern"]
        hint = {
            "repeat": Hint.REPEATED,
            "sequence": Hint.PATTERN,
            "spatial": Hint.PATTERN,
            "date": Hint.DATE,
            "regex": Hint.DATE,  # zxcvbn's only regex is recent years
        }.get(pattern)
        if pattern == "dictionary":
            hint = Hint.PERSONAL if match.get("matched_word") in own else Hint.COMMON
        if hint is not None and hint not in hints:
            hints.append(hint)
    # 0 means too short; a long enough but guessable one is still "weak", not "too short".
    score = max(1, int(result["score"])) if result and len(passphrase) >= MIN_PASSPHRASE else 0
    acceptable = len(passphrase) >= MIN_PASSPHRASE and score >= MIN_SCORE
    if acceptable:
        return Strength(score, True, ())  # no advice to follow once it is good enough
    if len(passphrase.split()) < 3:
        hints.append(Hint.USE_WORDS)
    if not hints:
        hints.append(Hint.ADD_VARIETY)
    return Strength(score, False, tuple(hints))


def check_passphrase(passphrase: str, user_inputs: Iterable[str] = ()) -> str:
    """The passphrase, or ValidationError saying what would make it good enough."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise invalid(FIELD, "passphrase_short", min=MIN_PASSPHRASE)
    strength = passphrase_strength(passphrase, user_inputs)
    if not strength.acceptable:
        advice = next((ADVICE[h] for h in strength.hints if h in ADVICE), ADVICE[Hint.USE_WORDS])
        raise invalid(FIELD, "passphrase_easy", advice=advice)
    return passphrase
