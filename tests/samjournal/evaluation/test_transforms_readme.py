"""transforms/README.md says each transform once, and does not claim the study's parameters
are what every journal applied (an outside review read the households' generalisation twice,
the time shift's paragraph once more under every journal, and 100 kr rounding where the journals
rounded to 500 and 1 000 kr)."""

from __future__ import annotations

from samjournal.evaluation.tables import TIME_TRANSFORM
from tests.samjournal.evaluation.conftest import Package


def _readme(package: Package) -> str:
    return (package.path / "transforms" / "README.md").read_text(encoding="utf-8")


def test_each_transform_is_said_once(package: Package) -> None:
    text = _readme(package)
    assert "### journal " in text  # a journal's newest bundle is reported
    assert text.count("so that every combination of") == 1
    shift = TIME_TRANSFORM.removeprefix("Times: ")
    assert text.count(shift) == 1
    assert "**Times (shift).** Times:" not in text
    budget = next(line for line in text.splitlines() if line.startswith("4. **Budget frames.**"))
    assert "budget_top_coded = 1" in budget
    assert "see 2." in budget


def test_the_study_parameters_are_not_said_to_be_every_journals(package: Package) -> None:
    text = " ".join(_readme(package).split())
    assert "every journal applied them" not in text
    assert "the finest any journal releases" in text
