# The few commands a newcomer needs. Everything runs inside .venv, created on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-desktop test-slow test-large fuzz bench lint typecheck layers clean package

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Opens the desktop client on the demo journal, creating it on first use.
run: $(STAMP)
	$(PY) -m ui --demo

# The suite is headless: tests/ui/conftest.py picks Qt's offscreen platform.
# Tests run in one process per core (pytest-xdist); each process builds its own session fixtures.
test: lint typecheck layers
	$(PY) -m pytest -n auto

# The program as its own process in a real window (Xvfb, openbox, the xcb platform), driven
# from outside with xdotool; screenshots in test-artifacts/desktop/. Needs the Debian packages
# that .ci/run installs.
test-desktop: $(STAMP)
	$(PY) -m pytest -m desktop --run-desktop tests/desktop

test-slow: $(STAMP)
	$(PY) -m pytest -n auto -m slow --run-slow

# Checks on a municipal-size journal (2,000 families): the release's k^m over every bundle.
# About ten minutes, so not part of CI's run; run it after changing the evaluation export.
test-large: $(STAMP)
	$(PY) -m pytest -m large --run-large

# The long fuzz tests on fresh random examples (CI uses fixed seeds); a few minutes.
fuzz: $(STAMP)
	SAMJOURNAL_FUZZ_EXPLORE=1 $(PY) -m pytest -m slow --run-slow -k fuzz -p no:cacheprovider

lint: $(STAMP)
	$(VENV)/bin/ruff check samjournal ui tests packaging
	$(VENV)/bin/ruff format --check samjournal ui tests packaging

typecheck: $(STAMP)
	$(VENV)/bin/mypy

layers: $(STAMP)
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	$(PY) -m tests.bench

# Freezes the client into dist/SamJournal (PyInstaller, installed into .venv on first use),
# smoke-tests the frozen program, prints its size and time to the unlock window. Slow, so never
# part of `make test`. Windows installer: packaging/windows/samjournal.iss (see packaging/README.md).
package: $(STAMP)
	$(PY) -c "import PyInstaller" 2>/dev/null || $(PY) -m pip install --quiet 'pyinstaller>=6.10'
	$(PY) packaging/build_app.py

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache
