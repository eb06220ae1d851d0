"""The PyInstaller spec brings along what the code looks for, where it looks for it."""

from __future__ import annotations

import ast
import re

import smoke

from samjournal.reports.fonts import FONT_DIR
from tests.packaging.conftest import PACKAGING, ROOT
from ui.translations import TS_DIR

SPEC = (PACKAGING / "samjournal.spec").read_text(encoding="utf-8")


def spec_constant(name: str) -> object:
    for node in ast.parse(SPEC).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not in the spec")


def test_the_code_finds_its_data_relative_to_the_packages() -> None:
    # The bundle keeps the repository's layout: <bundle>/resources beside <bundle>/samjournal.
    assert FONT_DIR == ROOT / "resources" / "fonts"
    assert TS_DIR == ROOT / "resources" / "translations"


def test_the_spec_bundles_fonts_icons_translations_licences_and_migrations() -> None:
    for target in ("fonts", "icons", "translations", "licenses"):
        assert f'"resources/{target}"' in SPEC
    assert '"*.qm"' in SPEC or '/ "*.qm"' in SPEC
    assert 'collect_data_files("samjournal", includes=["**/*.sql"])' in SPEC
    assert (ROOT / "samjournal" / "store" / "migrations" / "0001_initial.sql").is_file()


def test_the_spec_copies_the_metadata_the_about_box_reads() -> None:
    about = (ROOT / "ui" / "about.py").read_text(encoding="utf-8")
    distributions = re.findall(r'_version\("([^"]+)"\)', about)
    assert distributions
    for name in distributions:
        assert f'"{name}"' in SPEC, name


def test_the_spec_names_both_entry_points() -> None:
    for script in ("app_entry.py", "cli_entry.py"):
        assert f'"{script}"' in SPEC
        assert (PACKAGING / script).is_file()


def test_trimming_keeps_the_qt_parts_the_app_needs() -> None:
    unused = spec_constant("UNUSED_QT")
    assert isinstance(unused, tuple)
    needed = [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt6PrintSupport.dll",
        "PySide6/Qt6Pdf.dll",
    ]
    for path in needed:
        assert not any(part in "/" + path for part in unused), path


def test_the_build_check_asks_for_offscreen_and_desktop_platforms_print_and_pdf() -> None:
    names = {name for name, _patterns in smoke.REQUIRED}
    assert {
        "Qt offscreen platform",
        "Qt desktop platform",
        "Qt print support",
        "QtPdf",
        "translations nb",
        "translations en",
        "fonts",
        "migrations",
        "sqlcipher3",
    } <= names


def test_the_gnu_licence_texts_are_shipped() -> None:
    lgpl = (PACKAGING / "licenses" / "LGPL-3.0.txt").read_text(encoding="utf-8")
    gpl = (PACKAGING / "licenses" / "GPL-3.0.txt").read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in lgpl
    assert "Version 3, 29 June 2007" in lgpl
    assert "GNU GENERAL PUBLIC LICENSE" in gpl
    assert "Version 3, 29 June 2007" in gpl
