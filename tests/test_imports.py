"""The imports between the project's own modules: every one that runs is at the top of its
module, so the layers (import-linter's contracts in pyproject.toml) see them all and no cycle
hides inside a function; the few that must stay lazy say why on their line. The core names no
Qt even for mypy (the contracts leave `if TYPE_CHECKING:` imports out)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN = ("samjournal", "ui")
QT = ("PySide6", "shiboken6", "ui")


def _imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.ImportFrom):
        return ["." if node.level else node.module or ""]
    return [alias.name for alias in node.names]


def _is(name: str, roots: tuple[str, ...]) -> bool:
    return name == "." or any(name == r or name.startswith(r + ".") for r in roots)


def lazy_imports_without_reason(path: Path) -> list[str]:
    """Imports of the project's own modules inside a function with no comment on their line."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found: list[int] = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import | ast.ImportFrom) and any(
                _is(name, OWN) for name in _imported(node)
            ):
                line = lines[node.end_lineno - 1 if node.end_lineno else node.lineno - 1]
                if "#" not in line:
                    found.append(node.lineno)
    return [f"{path.name}:{n}" for n in sorted(set(found))]


def qt_imports(path: Path) -> list[str]:
    """Imports of Qt or the window, anywhere in the module (under TYPE_CHECKING too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        and not (isinstance(node, ast.ImportFrom) and node.level)
        and any(_is(name, QT) for name in _imported(node))
    ]


def _sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def test_an_import_of_our_own_inside_a_function_says_why() -> None:
    problems = [
        p for package in OWN for f in _sources(package) for p in lazy_imports_without_reason(f)
    ]
    assert problems == []


def test_the_core_names_no_qt_even_for_the_type_checker() -> None:
    assert [p for f in _sources("samjournal") for p in qt_imports(f)] == []


def test_the_checks_find_what_they_should(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from PySide6.QtWidgets import QWidget\n"
        "def f():\n"
        "    from samjournal import errors\n"
        "    from samjournal import reports  # reportlab: loaded for this command only\n"
        "    import json\n"
        "    from . import sibling\n"
        "def g():\n"
        "    import ui.app\n",
        encoding="utf-8",
    )
    assert lazy_imports_without_reason(module) == ["m.py:5", "m.py:8", "m.py:10"]
    assert qt_imports(module) == ["m.py:3", "m.py:10"]
