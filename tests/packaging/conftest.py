"""Fast checks of packaging/: the spec's inputs, the installer scripts, the entry points and the
About box. Nothing here freezes the program; `make package` does that and runs its own smoke
test on the result."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless unless a display is chosen

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
# packaging/ is a folder of scripts, not a package (the name would hide PyPA's `packaging`).
# Appended, so nothing in it can shadow an installed module.
if str(PACKAGING) not in sys.path:
    sys.path.append(str(PACKAGING))
