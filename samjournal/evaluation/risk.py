"""The disclosure-risk report: shown before an export, sent inside it, kept in the export log."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from samjournal.evaluation.anonymise import Risk
from samjournal.evaluation.tables import QUASI_IDENTIFIERS, TIME_TRANSFORM, TOMBSTONE_REASONS

# Day offsets are whole-day differences of local calendar dates against one index date per
# household, so an interval between two events of a household is released without error.
TIME = {
    "index_date": "the day the household's case opened",
    "index_date_released_as": "opened_month",
    "event_times": "whole days since the index date",
    "interval_error_days": 0,
    "transform": TIME_TRANSFORM,
}

LEFT_LABELS = {
    "no_consent": "mangler samtykke fra en voksen",
    "withdrawn": "samtykke trukket",
    "no_adults": "ingen voksne registrert",
    "erased": "slettet i journalen",
    "too_few": "for få samtykkende husstander for k",
}


@dataclass(frozen=True, slots=True)
class RiskReport:
    study_id: str
    k: int
    created: str
    families: int  # live families in the journal
    consented: int
    released: int
    left_out: dict[str, int]  # reason -> families (live, plus erased that were never sent)
    generalisation: dict[str, str]  # quasi-identifier -> level used
    suppressed: int  # households with every quasi-identifier starred
    before: Risk
    after: Risk
    amounts: dict[str, int]
    tombstones: dict[str, int]  # reason -> tombstones in this bundle
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows in this bundle
    time: dict[str, Any] = field(default_factory=lambda: dict(TIME))  # how times are released

    def to_json(self) -> dict[str, Any]:
        return {
            "study_id": self.study_id,
            "k": self.k,
            "created": self.created,
            "model": "prosecutor",
            "quasi_identifiers": list(QUASI_IDENTIFIERS),
            "population": {
                "families_in_journal": self.families,
                "consented": self.consented,
                "released": self.released,
                "left_out": dict(sorted(self.left_out.items())),
            },
            "generalisation": self.generalisation,
            "suppressed_households": self.suppressed,
            "before_anonymisation": self.before.to_json(),
            "after_anonymisation": self.after.to_json(),
            "amounts": self.amounts,
            "tombstones": dict(sorted(self.tombstones.items())),
            "rows": self.rows,
            "time": self.time,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> RiskReport:
        def risk(r: dict[str, Any]) -> Risk:
            return Risk(
                r["records"],
                r["classes"],
                r["smallest_class"],
                r["records_at_risk"],
                r["highest_prosecutor_risk"],
                r["prosecutor_success_rate"],
            )

        pop = raw["population"]
        return cls(
            study_id=raw["study_id"],
            k=raw["k"],
            created=raw["created"],
            families=pop["families_in_journal"],
            consented=pop["consented"],
            released=pop["released"],
            left_out=dict(pop["left_out"]),
            generalisation=dict(raw["generalisation"]),
            suppressed=raw["suppressed_households"],
            before=risk(raw["before_anonymisation"]),
            after=risk(raw["after_anonymisation"]),
            amounts=dict(raw["amounts"]),
            tombstones=dict(raw["tombstones"]),
            rows=dict(raw.get("rows", {})),
            time=dict(raw.get("time", {})),
        )

    def lines(self) -> list[str]:
        """The report as short lines of bokmål, for the CLI and the export wizard."""
        a, b = self.after, self.before
        out = [
            f"Risikorapport for {self.study_id} (k = {self.k}, anklagermodellen)",
            f"  Familier i journalen: {self.families}; samtykket: {self.consented};"
            f" med i utleveringen: {self.released}",
        ]
        for reason, count in sorted(self.left_out.items()):
            out.append(f"  Holdt utenfor, {LEFT_LABELS.get(reason, reason)}: {count}")
        out.append(
            f"  Før anonymisering: {b.classes} grupper, minste gruppe {b.smallest_class},"
            f" {b.records_at_risk} husstander i grupper under k"
        )
        out.append(
            f"  Etter: {a.classes} grupper, minste gruppe {a.smallest_class},"
            f" husstander i risiko {a.records_at_risk}, høyeste risiko {a.highest_risk:.0%},"
            f" suksessrate {a.success_rate:.0%}"
        )
        general = ", ".join(f"{qi}: {level}" for qi, level in self.generalisation.items())
        out.append(f"  Generalisert: {general}")
        out.append(f"  Skjult (alle kvasi-identifikatorer *): {self.suppressed} husstander")
        out.append(
            f"  Beløp avrundet til {self.amounts.get('rounding_nok', 0)} kr,"
            f" toppkodet ved {self.amounts.get('top_code_nok', 0)} kr"
            f" ({self.amounts.get('top_coded', 0)} beløp toppkodet)"
        )
        for reason, count in sorted(self.tombstones.items()):
            label = TOMBSTONE_REASONS.get(reason, (reason, reason))[0].lower()
            out.append(f"  Gravsteiner, {label}: {count}")
        if self.time:
            out.append(
                "  Tid: hele dager fra husstandens startdato, som bare utleveres som måned;"
                f" feil i intervaller innen en husstand: {self.time.get('interval_error_days')}"
                " dager"
            )
        if self.rows:
            out.append("  Rader i pakken: " + ", ".join(f"{t} {n}" for t, n in self.rows.items()))
        return out
