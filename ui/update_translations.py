"""`python -m ui.update_translations [NB.json]`: bring both .ts files up to date with the code.

Runs lupdate over ui/ (dropping obsolete entries and source locations, so diffs stay small),
then fills what is new: English with the source text itself, bokmål from NB.json, a file of
{"Context": {"source": "oversettelse"}}. A %n plural takes a list of forms, singular first:
{"Context": {"%n file(s)": ["%n fil", "%n filer"]}}, and its English forms go under "@en" in the
same file: {"@en": {"Context": {"%n file(s)": ["%n file", "%n files"]}}}. Whatever is still
missing is listed, and the exit code is 1; tests/ui/test_translations.py fails on the same
entries.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from ui.translations import qt_tool

FOLDER = Path(__file__).resolve().parents[1] / "resources" / "translations"


Forms = str | list[str]


def update(language: str, bokmal: dict[str, Any]) -> list[str]:
    """Run lupdate for one language and fill its unfinished entries; what is left unfilled."""
    ts = FOLDER / f"samjournal_{language}.ts"
    lupdate = [qt_tool("lupdate"), "-extensions", "py", "-recursive", "ui", "-ts", str(ts)]
    options = ["-no-obsolete", "-locations", "none", "-silent"]
    subprocess.run([*lupdate, *options], check=True, cwd=FOLDER.parents[1])  # noqa: S603 (Qt's own tool)
    tree = ET.parse(ts)  # noqa: S314 (our own committed file)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = message.findtext("source") or ""
            numerus = message.get("numerus") == "yes"
            table: dict[str, dict[str, Forms]] = (
                bokmal.get("@en", {}) if language == "en" else bokmal
            )
            text: Forms | None = table.get(name, {}).get(source)
            if language == "en" and text is None and not numerus:
                text = source
            if text is None or numerus != isinstance(text, list):
                missing.append(f"{language}: {name}: {source!r}")
                continue
            if isinstance(text, list):
                forms = list(translation.iter("numerusform")) or [
                    ET.SubElement(translation, "numerusform") for _ in text
                ]
                for form, form_text in zip(forms, text, strict=True):
                    form.text = form_text
            else:
                translation.text = text
            del translation.attrib["type"]
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")
    return missing


def main(argv: list[str]) -> int:
    bokmal = json.loads(Path(argv[0]).read_text("utf-8")) if argv else {}
    missing = [line for language in ("nb", "en") for line in update(language, bokmal)]
    for line in missing:
        print("untranslated", line)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
