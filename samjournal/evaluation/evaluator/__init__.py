"""The evaluator's side: a workspace with an encrypted store, bundle import, status, and the
merged dataset as a Frictionless data package."""

from samjournal.evaluation.evaluator.datapackage import Written, write_datapackage
from samjournal.evaluation.evaluator.merge import ImportReport, import_bundles, key_fingerprint
from samjournal.evaluation.evaluator.senders import Sender, read_key, register, senders
from samjournal.evaluation.evaluator.status import Status, status
from samjournal.evaluation.evaluator.workspace import Created, Workspace

__all__ = [
    "Created",
    "ImportReport",
    "Sender",
    "Status",
    "Workspace",
    "Written",
    "import_bundles",
    "key_fingerprint",
    "read_key",
    "register",
    "senders",
    "status",
    "write_datapackage",
]
