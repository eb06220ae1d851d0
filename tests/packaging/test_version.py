"""One version number, samjournal.__version__, reaches the build and the Windows installer."""

from __future__ import annotations

import re
import tomllib

import appinfo
import pytest

import samjournal
from tests.packaging.conftest import PACKAGING, ROOT

ISS = (PACKAGING / "windows" / "samjournal.iss").read_text(encoding="utf-8")


def test_the_version_has_one_home() -> None:
    assert samjournal.__version__ == appinfo.VERSION
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "samjournal.__version__"
    }


@pytest.mark.parametrize(
    ("version", "numeric"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("2", (2, 0, 0, 0)),
        ("1.2.3.4", (1, 2, 3, 4)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
        ("0.2.0rc1", (0, 2, 0, 0)),
        ("1.0.0+local.7", (1, 0, 0, 0)),
    ],
)
def test_numeric_version_for_windows(version: str, numeric: tuple[int, ...]) -> None:
    assert appinfo.numeric_version(version) == numeric


def test_numeric_version_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="no version"):
        appinfo.numeric_version("dev")


def test_the_inno_include_carries_the_version() -> None:
    text = appinfo.inno_defines("1.2.0rc1")
    assert '#define MyAppVersion "1.2.0rc1"' in text
    assert '#define MyAppNumericVersion "1.2.0.0"' in text


def test_the_installer_takes_its_version_from_the_include_only() -> None:
    assert '#include Root + "\\build\\installer\\version.iss"' in ISS
    assert "#ifndef MyAppVersion" in ISS
    assert "AppVersion={#MyAppVersion}" in ISS
    assert re.search(r"^\s*(App)?Version\w*=\d", ISS, re.MULTILINE) is None


def test_the_installer_does_per_user_per_machine_silent_and_icons() -> None:
    for line in (
        "PrivilegesRequired=lowest",
        "PrivilegesRequiredOverridesAllowed=dialog commandline",
        "DefaultDirName={autopf}\\{#MyAppName}",
        'Name: "{autoprograms}\\{#MyAppName}"',
        'Name: "{autodesktop}\\{#MyAppName}"',
        'Source: "{#Root}\\dist\\{#MyAppName}\\*"',
        "recursesubdirs",
        "skipifsilent",
        "SetupIconFile={#Root}\\build\\package-inputs\\icons\\samjournal.ico",
    ):
        assert line in ISS, line
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", ISS, re.MULTILINE)
