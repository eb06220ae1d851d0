"""Benchmarks on a municipal-scale demo journal, each beside the same work on plain SQLite.

Run with `make bench` (`python -m tests.bench`); never part of the normal test run, and no module
here is named like a test so pytest does not collect them.
"""
