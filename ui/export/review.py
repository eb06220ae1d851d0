"""The export wizard's review page: the risk report, the check over every bundle and what it
cost, the rules in plain words, and who is left out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from samjournal.evaluation.policy_words import policy_sentences
from samjournal.evaluation.risk import RiskReport, TableRows, exposure_words, level_words
from samjournal.evaluation.tables import QUASI_IDENTIFIERS
from samjournal.flows.export import ExportFlow, LeftOut, Review, Step
from ui.export import labels
from ui.export.flow_page import (
    FAMILY_CHARS,
    FlowPage,
    bold,
    follow_current_row,
    plain_label,
    show_every_row,
)
from ui.scroll_body import ScrollBody
from ui.session import Session
from ui.table_model import Column, RecordTableModel, record_table
from ui.translations import core_language
from ui.widgets import MessageBar, wrap_to_width

# The study's rules beside the risk report only where they have this many average characters
# a line; on a narrower page they go under it.
RULES_CHARS = 40


class ReviewPage(FlowPage):
    def __init__(self, flow: ExportFlow, session: Session) -> None:
        super().__init__(
            flow,
            session,
            QCoreApplication.translate("ExportWizard", "What will be sent"),
            QCoreApplication.translate(
                "ExportWizard",
                "Check the risk report and who is left out. Nothing has been written yet.",
            ),
        )
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}  # each value's caption, by the value's name
        self.heading = bold(plain_label())
        self.layout_.addWidget(self.heading)
        columns = self.columns = QHBoxLayout()
        left = self.left_column = QVBoxLayout()
        left.addWidget(
            self._group(
                labels.risk("risk_who"),
                [
                    ("families", labels.risk_caption("risk_in_journal")),
                    ("consented", labels.risk_caption("risk_consented")),
                    (
                        "released",
                        labels.risk_caption("risk_sent"),
                    ),
                    ("left_out", labels.risk_caption("risk_left_out")),
                ],
            )
        )
        self.risk_group = self._group(
            "",
            [
                ("smallest", labels.risk_caption("risk_smallest")),
                ("at_risk", labels.risk_caption("risk_at_risk")),
                ("highest", labels.risk_caption("risk_highest")),
                ("success", labels.risk_caption("risk_success")),
            ],
        )
        self.risk_group.setToolTip(
            QCoreApplication.translate(
                "ExportWizard",
                "Prosecutor model: someone who knows a family is in the data, and knows all its"
                " household fields (area, household size, children, adults' ages, when the case"
                " opened, its status and budget frame), picks one household of those that match,"
                " over every bundle the study has received. Every group must hold at least k"
                " households.",
            )
        )
        left.addWidget(self.risk_group)
        # The check over everything the study has received (samjournal/evaluation/attacker.py):
        # what it held back and coarsened to keep every household among k.
        self.protection_group = self._group(
            "",  # titled with k and m by _show_protection
            [
                ("held_rows", labels.risk_caption("risk_rows_held")),
                (
                    "held_households",
                    labels.risk_caption("risk_households_held"),
                ),
                ("waiting", labels.risk_caption("risk_rows_waiting")),
                (
                    "coarsened",
                    labels.risk_caption("risk_cells_coarsened"),
                ),
                ("capped", labels.risk_caption("risk_amounts_capped")),
                ("by_month", labels.risk_caption("risk_opening_month")),
            ],
        )
        self.protection_group.setToolTip(
            QCoreApplication.translate(
                "ExportWizard",
                "Someone who holds every bundle the study got and knows all of a family's"
                " household fields, or up to m of its events (such as a payment in a month),"
                " must find at least k households that fit. Rows that would break this wait for"
                " a later bundle; intervals within a household stay exact.",
            )
        )
        left.addWidget(self.protection_group)
        left.addWidget(
            self._group(
                labels.risk("risk_coarsened"),
                [
                    *((name, labels.quasi_identifier(name) + ":") for name in QUASI_IDENTIFIERS),
                    (
                        "suppressed",
                        labels.risk_caption("risk_hidden"),
                    ),
                    (
                        "rounding",
                        labels.risk_caption("risk_rounded_to"),
                    ),
                    ("top_code", labels.risk_caption("risk_capped_at")),
                    ("categories", labels.risk_caption("risk_need_categories")),
                ],
            )
        )
        tips = {
            "smallest": QCoreApplication.translate(
                "ExportWizard",
                "The fewest households that look alike on all their household fields, over every"
                " bundle the study has received (households that left included). It must be at"
                " least k.",
            ),
            "at_risk": QCoreApplication.translate(
                "ExportWizard", "Households in a group smaller than k. It must be 0."
            ),
            "highest": QCoreApplication.translate(
                "ExportWizard",
                "The chance of picking out the right household: 1 in the smallest group.",
            ),
            "success": QCoreApplication.translate(
                "ExportWizard",
                "The share of households an attacker would pick out right on average.",
            ),
            "suppressed": QCoreApplication.translate(
                "ExportWizard",
                "Households that would stand out even so: their household fields are sent as *"
                " (the status only as open or closed, the budget frame at its coarsest).",
            ),
            # Held back now, and waiting in all (team-lead review: what tells them apart).
            "held_rows": QCoreApplication.translate(
                "ExportWizard",
                "Rows new or changed since the last bundle that would let someone narrow a"
                " household down to fewer than k. They are not sent now: they wait in the journal"
                " and go in a later bundle, once enough households share what they show.",
            ),
            "held_households": QCoreApplication.translate(
                "ExportWizard",
                "New households that would stand out even with their fields coarsened: none of"
                " their rows is sent this time. They go once enough households like them have"
                " joined.",
            ),
            "waiting": QCoreApplication.translate(
                "ExportWizard",
                "Everything the journal holds back for now, from this bundle and the ones"
                " before, of all it would send the study if nothing had to wait. A large share"
                " means the study gets thin data: talk to the evaluator about the study's rules.",
            ),
            "coarsened": QCoreApplication.translate(
                "ExportWizard",
                "Household fields sent in a coarser form than the journal holds them, such as"
                " age groups, or the quarter a case opened instead of its month.",
            ),
        }
        for name, tip in tips.items():
            self.values[name].setToolTip(tip)
            self.captions[name].setToolTip(tip)  # hovering the words explains them too
        left.addStretch(1)
        right = self.right_column = QVBoxLayout()
        # The study's rules in plain words (the core's sentences): read before anything is sent.
        rules_box = self.rules_box = QGroupBox(
            QCoreApplication.translate("ExportWizard", "The study's rules")
        )
        self.rules = plain_label()
        self.rules.setAccessibleName(rules_box.title())
        QVBoxLayout(rules_box).addWidget(self.rules)
        right.addWidget(rules_box)
        right.addWidget(
            self._group(
                QCoreApplication.translate("ExportWizard", "The bundle"),
                [
                    ("bundle", QCoreApplication.translate("ExportWizard", "Bundle:")),
                    ("rows", QCoreApplication.translate("ExportWizard", "Rows:")),
                    ("file", QCoreApplication.translate("ExportWizard", "File:")),
                ],
            )
        )
        self.left_title = bold(plain_label())
        self.left_model = RecordTableModel[LeftOut](
            [
                Column(QCoreApplication.translate("ExportWizard", "Case"), self._case),
                Column(
                    QCoreApplication.translate("ExportWizard", "Family"),
                    lambda x: x.name,
                    chars=FAMILY_CHARS,
                ),
                Column(
                    QCoreApplication.translate("ExportWizard", "Why"),
                    lambda x: labels.left_out_reason(x.reason),
                    stretch=True,
                ),
            ],
            self,
        )
        self.left_table = record_table(
            self.left_model, QCoreApplication.translate("ExportWizard", "Families left out")
        )
        self.left_hint = plain_label(
            QCoreApplication.translate(
                "ExportWizard",
                "To include a family, record a consent for every adult in it (Family → Consents).",
            )
        )
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)
        # Who is left out, under both columns and as wide as the page: in the right column its
        # reasons were cut to "…" at 1024x600, beside the risk report's long lines.
        body = self.body = QVBoxLayout()
        body.addLayout(columns)
        body.addWidget(self.left_title)
        body.addWidget(self.left_table)
        body.addWidget(self.left_hint)
        # Taller than a 1366x768 screen: it scrolls, the wizard's buttons stay on the screen.
        page = self.scroll_body = ScrollBody(body)
        follow_current_row(self.left_table, page)
        self.layout_.addWidget(page, 1)
        self.layout_.addWidget(self.message)

    def _group(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        # A long value goes under its caption rather than widening the page: side by side, the
        # report's rows pushed the rules and who is left out past the edge at 1024x600.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name, caption in rows:
            value = plain_label()
            wrap_to_width(value)
            value.setAccessibleName(caption.rstrip(":"))
            self.values[name] = value
            label = self.captions[name] = QLabel(caption)
            label.setBuddy(value)
            form.addRow(label, value)
        return box

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # the page's layout has sized the scroll area by now
        self._arrange_columns()

    def _arrange_columns(self) -> None:
        """The report and the rules side by side where both have room, the rules under the
        report on a narrow page: side by side, at 1366x768 with 1.5x or 2x scaling, the rules
        were cut off and the page scrolled sideways (WCAG 1.4.10). Room for the rules is
        RULES_CHARS average characters; a vertical scroll bar is counted as there, so showing
        or hiding it never flips the columns back and forth."""
        margins = self.body.contentsMargins()
        room = (
            self.scroll_body.width()
            - self.scroll_body.verticalScrollBar().sizeHint().width()
            - margins.left()
            - margins.right()
        )
        rules = max(
            self.right_column.minimumSize().width(),
            RULES_CHARS * self.fontMetrics().averageCharWidth(),
        )
        wanted = self.left_column.minimumSize().width() + self.columns.spacing() + rules
        direction = (
            QBoxLayout.Direction.TopToBottom if room < wanted else QBoxLayout.Direction.LeftToRight
        )
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    def _show_protection(self, risk: RiskReport) -> None:
        found = risk.protection
        self.protection_group.setVisible(found is not None)
        if found is None:
            return
        v = self.values
        self.protection_group.setTitle(labels.risk("risk_checked", k=found.k, m=found.m))
        v["held_rows"].setText(
            labels.risk(
                "risk_rows_held_value",
                held=labels.number(found.rows_held),
                offered=labels.number(found.rows_offered),
            )
        )
        v["held_households"].setText(
            labels.risk(
                "risk_households_rows",
                households=labels.number(found.households_held),
                rows=labels.number(found.rows_of_households_held),
            )
        )
        every = found.rows_in_all
        v["waiting"].setText(
            ""
            if every is None
            else "\n".join(
                [
                    self._waiting(every),
                    *(
                        f"{labels.table(name)}: {self._waiting(rows)}"
                        for name, rows in found.rows_by_table.items()
                    ),
                ]
            )
        )
        v["coarsened"].setText(labels.number(found.cells_generalised))
        v["capped"].setText(labels.share(found.amounts_top_coded_share))
        by_month = found.by_opening_month
        v["by_month"].setText(
            "" if by_month is None else exposure_words(by_month, core_language(), labels.number)
        )
        why = (
            QCoreApplication.translate(
                "ExportWizard",
                "The check above protects a family from someone who knows its household fields"
                " with the period its case opened, or up to %1 of its events, and from someone"
                " who knows its fields with the month the case opened: new families' rows wait"
                " until that month has %2 families to choose from. This counts the families"
                " such a person could still narrow down to fewer than %2 (the family itself"
                " included): families an older version of SamJournal sent, or a new family its"
                " group in this bundle needs to reach %2. If the number is not 0, talk to the"
                " study's data protection officer before sending.",
            )
            .replace("%1", str(found.m))
            .replace("%2", str(found.k))
        )
        for widget in (v["by_month"], self.captions["by_month"]):
            widget.setToolTip(why)
        v["by_month"].setAccessibleDescription(why)

    @staticmethod
    def _bundle_rows(rows: dict[str, int], by_table: dict[str, TableRows]) -> str:
        """The rows of each table in the bundle: every table of the study (those the risk
        report counts), "0 of 12" for one whose rows all wait, "3 of 12" for one whose rows
        partly wait; a table neither in the study nor sent (an empty consent count) is left
        out. Needs held back whole were missing, as if the study did not take them."""
        lines = []
        for name, n in rows.items():
            waiting = by_table[name].waiting if name in by_table else 0
            if waiting:
                count = labels.risk(
                    "risk_rows_sent_value",
                    sent=labels.number(n),
                    total=labels.number(n + waiting),
                )
            elif n or name in by_table or name in ("households", "tombstones"):
                count = labels.number(n)
            else:
                continue
            lines.append(f"{labels.table(name)}: {count}")
        return "\n".join(lines)

    @staticmethod
    def _waiting(rows: TableRows) -> str:
        """Rows waiting of all the journal would have sent, and the changes held back, as the
        CLI's report says it (risk.waiting_words)."""
        words = labels.risk(
            "risk_rows_waiting_value",
            waiting=labels.number(rows.waiting),
            total=labels.number(rows.total),
            share=labels.share(rows.waiting_share),
        )
        if rows.changes_waiting:
            words += labels.risk(
                "risk_changes_waiting_value", changes=labels.number(rows.changes_waiting)
            )
        return words

    @staticmethod
    def _case(item: LeftOut) -> str:
        if item.case_number:
            return item.case_number
        return QCoreApplication.translate("ExportWizard", "(no longer in the journal)")

    def initializePage(self) -> None:
        review = self.flow.review
        assert review is not None
        self.show_review(review)

    def show_review(self, review: Review) -> None:
        self.rules.setText(
            "\n".join(f"• {line}" for line in policy_sentences(review.policy, core_language()))
        )
        risk = review.risk
        before, after = risk.before, risk.after
        v = self.values
        self.heading.setText(
            QCoreApplication.translate("ExportWizard", "Bundle %1 to “%2” (%3)")
            .replace("%1", str(review.sequence))
            .replace("%2", review.study.name)
            .replace("%3", review.study.organisation)
        )
        left_out = sum(risk.left_out.values())
        v["families"].setText(labels.number(risk.families))
        v["consented"].setText(labels.number(risk.consented))
        v["released"].setText(labels.number(risk.released))
        v["left_out"].setText(labels.number(left_out))
        self.risk_group.setTitle(labels.risk("risk_recognising", k=risk.k))

        def compared(now: int, was: int) -> str:
            return labels.risk(
                "risk_before_value", after=labels.number(now), before=labels.number(was)
            )

        v["smallest"].setText(compared(after.smallest_class, before.smallest_class))
        v["at_risk"].setText(compared(after.records_at_risk, before.records_at_risk))
        v["highest"].setText(labels.share(after.highest_risk))
        v["success"].setText(labels.share(after.success_rate))
        for item in review.generalisation:
            v[item.quasi_identifier].setText(labels.level(item))
        hidden = risk.suppressed / risk.released if risk.released else 0.0
        v["suppressed"].setText(
            labels.risk(
                "risk_hidden_value",
                hidden=labels.number(risk.suppressed),
                released=labels.number(risk.released),
                share=labels.share(hidden),
            )
        )
        self._show_protection(risk)
        amounts = risk.amounts
        v["rounding"].setText(labels.kroner(amounts.get("rounding_nok", 0)))
        v["top_code"].setText(
            labels.risk(
                "risk_capped_value",
                top=labels.kroner(amounts.get("top_code_nok", 0)),
                count=labels.number(amounts.get("top_coded", 0)),
            )
        )
        v["categories"].setText(level_words(risk.need_categories, core_language()))
        v["bundle"].setText(
            QCoreApplication.translate("ExportWizard", "number %1, %2")
            .replace("%1", str(review.sequence))
            .replace("%2", labels.kind(review.kind))
        )
        found = risk.protection
        v["rows"].setText(self._bundle_rows(risk.rows, found.rows_by_table if found else {}))
        v["file"].setText(review.file_name)
        self.left_title.setText(
            QCoreApplication.translate("ExportWizard", "Left out: %1").replace(
                "%1", labels.number(len(review.left_out))
            )
        )
        self.left_model.set_rows(review.left_out)
        show_every_row(self.left_table)
        self.left_table.setVisible(bool(review.left_out))
        self.left_hint.setVisible(bool(review.left_out))
        if review.blocker is not None:
            self.message.show_message(labels.problem(review.blocker, k=risk.k), MessageBar.ERROR)
        elif review.households == 0:
            self.message.show_message(
                QCoreApplication.translate(
                    "ExportWizard",
                    "No household is sent this time, only the notices that data sent before"
                    " must be removed (tombstones).",
                ),
                MessageBar.WARNING,
            )
        else:
            self.message.clear()
        self._arrange_columns()  # the report's values may want more room than before
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        review = self.flow.review
        return review is not None and review.blocker is None

    def validatePage(self) -> bool:
        if self.flow.step is not Step.REVIEW:
            return True
        return self.attempt(self.flow.accept_review)
