"""Storage: the only package that imports sqlcipher3."""

from samjournal.store.db import Database, Row, integrity_problems
from samjournal.store.migrations import SCHEMA_VERSION, migrate

__all__ = ["SCHEMA_VERSION", "Database", "Row", "integrity_problems", "migrate"]
