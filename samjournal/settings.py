"""Journal-wide settings, kept inside the encrypted database."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from samjournal import validation as v
from samjournal.messages import invalid
from samjournal.money import Money
from samjournal.store import Database

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True, slots=True)
class ServiceContact:
    """How a family reaches the service: printed on the family's copy. Every field optional;
    the copy leaves out what is empty. The service's own details, never a person's."""

    name: str = ""  # "Familiekoordinatorene, Trondheim kommune"
    address: str = ""  # "Erling Skakkes gate 14, 7012 Trondheim": may be two lines
    phone: str = ""
    email: str = ""
    hours: str = ""  # "Mandag–fredag 08.00–15.30"

    def checked(self) -> ServiceContact:
        email = v.text("email", self.email)
        if email and not _EMAIL.match(email):
            raise invalid("email", "email_form")
        return ServiceContact(
            name=v.text("service_name", self.name),
            address=v.text("address", self.address, max_len=300),
            phone=v.phone("phone", self.phone),
            email=email,
            hours=v.text("opening_hours", self.hours),
        )

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True, slots=True)
class JournalSettings:
    approval_limit: Money = Money(500_000)
    idle_timeout_minutes: int = 5
    default_budget: Money = Money(5_000_000)
    language: str = "nb"
    # Years a case is kept after it ends before the team lead is asked to purge it. Ten, because
    # municipalities commonly hand sensitive personal files (sosialtjeneste and barnevern client
    # files) to the archive depot ten years after the last contact, and Arkivverket requires a
    # set retention period for the rest, destroyed when it runs out (riksarkivarens forskrift
    # ch. 7). This journal is a working tool, not the archive of record: whatever the
    # municipality's archive plan says must be kept goes to the archive before the purge. A
    # municipality with another rule sets its own here (1-100 years).
    retention_years: int = 10
    service: ServiceContact = field(default_factory=ServiceContact)

    def checked(self) -> JournalSettings:
        if self.approval_limit.ore < 0:
            raise invalid("approval_limit", "negative")
        if not 1 <= self.idle_timeout_minutes <= 240:
            raise invalid("idle_timeout", "idle_range")
        if self.default_budget.ore < 0:
            raise invalid("default_budget", "negative_neuter")
        if self.language not in ("nb", "en"):
            raise invalid("language", "language_choice")
        if not 1 <= self.retention_years <= 100:
            raise invalid("retention", "retention_range")
        self.service.checked()
        return self

    def to_rows(self) -> dict[str, str]:
        return {
            "approval_limit_ore": str(self.approval_limit.ore),
            "idle_timeout_minutes": str(self.idle_timeout_minutes),
            "default_budget_ore": str(self.default_budget.ore),
            "language": self.language,
            "retention_years": str(self.retention_years),
            **{f"service_{f.name}": getattr(self.service, f.name) for f in fields(ServiceContact)},
        }

    @classmethod
    def from_rows(cls, rows: dict[str, str]) -> JournalSettings:
        d = cls()
        return cls(
            approval_limit=Money(int(rows.get("approval_limit_ore", d.approval_limit.ore))),
            idle_timeout_minutes=int(rows.get("idle_timeout_minutes", d.idle_timeout_minutes)),
            default_budget=Money(int(rows.get("default_budget_ore", d.default_budget.ore))),
            language=rows.get("language", d.language),
            retention_years=int(rows.get("retention_years", d.retention_years)),
            service=ServiceContact(
                **{f.name: rows.get(f"service_{f.name}", "") for f in fields(ServiceContact)}
            ),
        )


def load_settings(db: Database) -> JournalSettings:
    """The journal's settings as stored (defaults for what is not)."""
    rows = db.all("SELECT key, value FROM settings")
    return JournalSettings.from_rows({r["key"]: r["value"] for r in rows})


def store_settings(db: Database, settings: JournalSettings) -> None:
    """Write every setting (inside the caller's transaction)."""
    for key, value in settings.to_rows().items():
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
