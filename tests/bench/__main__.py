"""`python -m tests.bench [--families N] [--runs N] [--rebuild]`."""

from tests.bench.run import main

raise SystemExit(main())
