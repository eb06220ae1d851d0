"""One journal with a richly recorded family, built once for all report tests."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, Template
from tests.samjournal.reports.data import Rich, populate

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "reports"


@dataclass(frozen=True)
class Filled:
    path: Path
    journal: Journal  # open as the team lead
    rich: Rich
    recovery_key: str


@pytest.fixture(scope="session")
def filled(template: Template, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Filled]:
    path = tmp_path_factory.mktemp("reports") / "journal"
    shutil.copytree(template.path, path)
    journal = Journal.open(path, LEAD, LEAD_PASS)
    rich = populate(journal, template.worker_family)
    yield Filled(path, journal, rich, template.recovery_key)
    journal.lock()


def pages(pdf: bytes) -> list[str]:
    """The text of each page, as a PDF reader extracts it."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def text_of(pdf: bytes) -> str:
    return "\n".join(pages(pdf))


def flat(text: str) -> str:
    """Without any whitespace: line wrapping must not matter to a comparison."""
    return "".join(text.split())
