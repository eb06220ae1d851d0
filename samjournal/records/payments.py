"""Flexible payments: proposed -> approved -> paid, or rejected / cancelled, against the budget."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from samjournal import validation as v
from samjournal.audit import Action
from samjournal.context import Context, iso, utcnow
from samjournal.errors import (
    InvalidTransition,
    OverBudget,
    PermissionDenied,
)
from samjournal.messages import Said, invalid, keyed, said
from samjournal.model import (
    PAYMENT_FLOW,
    FamilyId,
    NeedCategory,
    NeedId,
    Payment,
    PaymentId,
    PaymentMethod,
    PaymentStatus,
    UserId,
    Version,
)
from samjournal.money import Money, bounded
from samjournal.records import base
from samjournal.store import Row


def payment_from_row(row: Row) -> Payment:
    return Payment(
        id=PaymentId(row["id"]),
        family_id=FamilyId(row["family_id"]),
        amount=Money(row["amount_ore"]),
        purpose=row["purpose"],
        method=PaymentMethod(row["method"]),
        status=PaymentStatus(row["status"]),
        need_id=row["need_id"],
        proposed_by=UserId(row["proposed_by"]),
        proposed_at=dt.datetime.fromisoformat(row["proposed_at"]),
        approved_by=row["approved_by"],
        approved_at=base.time_or_none(row["approved_at"]),
        paid_on=base.date_or_none(row["paid_on"]),
        voucher_ref=row["voucher_ref"],
        reason=row["reason"],
        version=row["version"],
    )


def approval_limit(ctx: Context) -> Money:
    value = ctx.db.scalar("SELECT value FROM settings WHERE key = 'approval_limit_ore'")
    return Money(int(value or 0))


def approval_rule(limit: Money) -> Said:
    """Who approves a payment over the limit, in the words of a caseworker's refusal: the
    window tells it with them where payments are proposed."""
    return said("over_approval_limit", limit=limit.format())


def add_payment(
    ctx: Context,
    family_id: FamilyId,
    amount: Money,
    purpose: str,
    method: PaymentMethod,
    need_id: NeedId | None,
    proposed_at: dt.datetime | None = None,
) -> int:
    """Insert a proposed payment inside the caller's transaction.

    `proposed_at` is when it was agreed: a payment decided in a meeting takes the meeting's time.
    """
    if bounded(amount).ore <= 0:
        raise invalid("amount", "amount_positive")
    text = v.text("purpose", purpose, required=True, max_len=1000)
    method = v.choice("method", method, PaymentMethod)
    if need_id is not None:
        need = ctx.db.first(
            "SELECT family_id FROM needs WHERE id = ? AND deleted_at IS NULL", (need_id,)
        )
        if need is None or need["family_id"] != family_id:
            raise invalid("need", "need_other_family")
    pid = base.insert(
        ctx,
        "payments",
        {
            "family_id": family_id,
            "need_id": need_id,
            "amount_ore": amount.ore,
            "purpose": text,
            "method": method.value,
            "status": PaymentStatus.PROPOSED.value,
            "proposed_by": ctx.user.id,
            "proposed_at": iso(proposed_at or utcnow()),
        },
    )
    base.index(ctx, "payment", pid, family_id, text)
    base.log_create(ctx, "payment", pid, family_id)
    return pid


def flow_recorded(
    status: PaymentStatus, approved_at: object, paid_on: object, voucher_ref: str
) -> None:
    """What the flow (PAYMENT_FLOW) leaves on a payment that reached `status`, for one made
    elsewhere (a hand-over received): `approve` records its time, and `mark_paid`, which takes
    only an approved payment, its day and voucher (required, as the form has it); a payment
    proposed or rejected was never approved, a cancelled one may have been, and only a paid
    one has a day paid. The days' order is not held: `mark_paid` takes any day up to today.
    Raises ValidationError."""
    approved = status in (PaymentStatus.APPROVED, PaymentStatus.PAID)
    if approved and approved_at is None:
        raise invalid("status", "payment_not_approved")
    if status in (PaymentStatus.PROPOSED, PaymentStatus.REJECTED) and approved_at is not None:
        raise invalid("status", "payment_approved_early")
    if status is not PaymentStatus.PAID:
        if paid_on is not None:
            raise invalid("paid_on", "payment_unpaid_day")
        return
    if paid_on is None:
        raise invalid("paid_on", "payment_paid_no_day")
    v.text("voucher", voucher_ref, required=True)


@dataclass(frozen=True, slots=True)
class Totals:
    """Approved and paid amounts of one family, per need and per category."""

    by_need: dict[NeedId | None, Money]
    by_category: dict[NeedCategory | None, Money]


@dataclass(frozen=True, slots=True)
class PendingApproval:
    """A payment waiting for a team lead, with what the decision rests on."""

    payment: Payment
    case_number: str
    family_name: str
    need_description: str = ""  # the linked need, if any
    need_category: NeedCategory | None = None
    budget_left: Money = Money(0)  # the family's frame less what is approved or paid
    family_words: str = ""  # from the meeting the payment was agreed in (or its need's)


@dataclass(frozen=True, slots=True)
class Rejected:
    """A payment this user proposed that a team lead rejected, told at their next sign-in."""

    payment: Payment
    family_name: str
    rejected_by: str  # the team lead's name
    rejected_at: dt.datetime


class Payments(base.Section):
    def propose(
        self,
        family_id: FamilyId,
        amount: Money,
        purpose: str,
        *,
        method: PaymentMethod = PaymentMethod.BANK_TRANSFER,
        need_id: NeedId | None = None,
    ) -> Payment:
        ctx = self._ctx
        with ctx.db.transaction():
            ctx.family_row(family_id)
            pid = add_payment(ctx, family_id, amount, purpose, method, need_id)
        ctx.emit("payment", family_id=family_id)
        return self.get(PaymentId(pid))

    def get(self, payment_id: PaymentId) -> Payment:
        return payment_from_row(base.owned_row(self._ctx, "payments", payment_id))

    def needs_teamlead(self, payment: Payment) -> bool:
        return payment.amount > approval_limit(self._ctx)

    def approval_refusal(self, payment: Payment) -> PermissionDenied | None:
        """Why this user may not approve the payment (the four-eyes rule over the approval
        limit), or None if they may; the budget is asked about on approving."""
        ctx = self._ctx
        if not self.needs_teamlead(payment):
            return None
        if not ctx.is_teamlead:
            return approval_rule(approval_limit(ctx)).error(PermissionDenied)
        if payment.proposed_by == ctx.user.id:
            return keyed(PermissionDenied, "own_approval")
        return None

    def sole_approver(self) -> bool:
        """Whether this user is the journal's only team lead: payments they propose over the
        limit can then be approved by no one until a second team lead is added."""
        ctx = self._ctx
        leads = ctx.db.scalar(
            "SELECT count(*) FROM users WHERE role = 'teamlead' AND removed_at IS NULL"
            " AND origin IS NULL"
        )
        return ctx.is_teamlead and leads == 1

    def approve(self, payment_id: PaymentId, *, over_budget_ok: bool = False) -> Payment:
        ctx = self._ctx
        with ctx.db.transaction():
            row = base.owned_row(ctx, "payments", payment_id)
            payment = payment_from_row(row)
            self._check_flow(payment, PaymentStatus.APPROVED)
            refusal = self.approval_refusal(payment)
            if refusal is not None:
                raise refusal
            family = ctx.family_row(payment.family_id)
            committed = ctx.db.scalar(
                "SELECT coalesce(sum(amount_ore), 0) FROM payments WHERE family_id = ?"
                " AND deleted_at IS NULL AND status IN ('approved', 'paid')",
                (payment.family_id,),
            )
            over_budget = committed + payment.amount.ore > family["budget_ore"]
            if over_budget and not (over_budget_ok and ctx.is_teamlead):
                raise invalid("amount", "over_budget", OverBudget)
            base.update(
                ctx,
                "payments",
                "payment",
                row,
                {
                    "status": PaymentStatus.APPROVED.value,
                    "approved_by": ctx.user.id,
                    "approved_at": iso(utcnow()),
                },
            )
            base.log_update(
                ctx, "payment", payment_id, payment.family_id, "status proposed->approved"
            )
        ctx.emit("payment", family_id=payment.family_id)
        return self.get(payment_id)

    def reject(self, payment_id: PaymentId, reason: str) -> Payment:
        return self._close(payment_id, PaymentStatus.REJECTED, reason, teamlead=True)

    def cancel(self, payment_id: PaymentId, reason: str) -> Payment:
        return self._close(payment_id, PaymentStatus.CANCELLED, reason, teamlead=False)

    def _close(
        self, payment_id: PaymentId, status: PaymentStatus, reason: str, *, teamlead: bool
    ) -> Payment:
        ctx = self._ctx
        why = v.text("reason", reason, required=True, max_len=1000)
        with ctx.db.transaction():
            row = base.owned_row(ctx, "payments", payment_id)
            payment = payment_from_row(row)
            self._check_flow(payment, status)
            if teamlead and self.needs_teamlead(payment):
                ctx.require_teamlead("reject_over_limit")
            base.update(ctx, "payments", "payment", row, {"status": status.value, "reason": why})
            detail = f"status {payment.status}->{status}"
            base.log_update(ctx, "payment", payment_id, payment.family_id, detail)
        ctx.emit("payment", family_id=payment.family_id)
        return self.get(payment_id)

    def mark_paid(
        self, payment_id: PaymentId, voucher_ref: str, *, paid_on: dt.date | None = None
    ) -> Payment:
        ctx = self._ctx
        voucher = v.text("voucher", voucher_ref, required=True)
        when = v.not_future("paid_on", paid_on or dt.date.today())
        with ctx.db.transaction():
            row = base.owned_row(ctx, "payments", payment_id)
            payment = payment_from_row(row)
            self._check_flow(payment, PaymentStatus.PAID)
            base.update(
                ctx,
                "payments",
                "payment",
                row,
                {"status": "paid", "voucher_ref": voucher, "paid_on": when.isoformat()},
            )
            base.log_update(ctx, "payment", payment_id, payment.family_id, "status approved->paid")
        ctx.emit("payment", family_id=payment.family_id)
        return self.get(payment_id)

    @staticmethod
    def _check_flow(payment: Payment, target: PaymentStatus) -> None:
        if target not in PAYMENT_FLOW[payment.status]:
            raise invalid("status", "transition", InvalidTransition, old=payment.status, new=target)

    def pending_approvals(self) -> list[PendingApproval]:
        """Proposed payments over the limit, across every family this user may see."""
        ctx = self._ctx
        visible, params = ctx.visibility("f")
        # A payment agreed in a meeting carries the meeting's time (add_payment): that meeting's
        # words first, else those of the meeting that agreed its need.
        rows = ctx.db.all(
            "SELECT p.*, f.case_number, f.display_name, n.description AS need_description,"
            " n.category AS need_category,"
            " f.budget_ore - coalesce(t.used_ore, 0) AS left_ore,"
            " coalesce((SELECT m.family_words FROM meetings m WHERE m.family_id = p.family_id"
            "   AND m.held_at = p.proposed_at AND m.deleted_at IS NULL AND m.family_words != ''"
            "   LIMIT 1),"
            "  (SELECT m.family_words FROM meetings m WHERE m.id = n.agreed_meeting_id"
            "   AND m.deleted_at IS NULL), '') AS family_words"
            " FROM payments p JOIN families f ON f.id = p.family_id"
            " LEFT JOIN family_totals t ON t.family_id = f.id"
            " LEFT JOIN needs n ON n.id = p.need_id AND n.deleted_at IS NULL"
            f" WHERE p.status = 'proposed' AND p.deleted_at IS NULL AND f.deleted_at IS NULL"
            f" AND p.amount_ore > ? AND {visible} ORDER BY p.proposed_at",
            (approval_limit(ctx).ore, *params),
        )
        return [
            PendingApproval(
                payment_from_row(r),
                r["case_number"],
                r["display_name"],
                need_description=r["need_description"] or "",
                need_category=NeedCategory(r["need_category"]) if r["need_category"] else None,
                budget_left=Money(r["left_ore"]),
                family_words=r["family_words"],
            )
            for r in rows
        ]

    def rejected_since_last_unlock(self) -> list[Rejected]:
        """The payments this user proposed that were rejected since they last unlocked the
        journal before this time, newest first: a rejection reached no one (its reason was a
        tooltip on a cell of the family's payments, if the caseworker looked; team-lead
        review). The first unlock says nothing of the past."""
        ctx = self._ctx
        # By the audit log's order, not by clock: an unlock and a rejection in the same second
        # are told apart. A rejected payment changes no more, so one with a change logged after
        # that unlock was rejected after it.
        since = ctx.db.scalar(
            "SELECT seq FROM audit WHERE action = ? AND entity = 'user' AND entity_id = ?"
            " ORDER BY seq DESC LIMIT 1 OFFSET 1",
            (Action.UNLOCK.value, ctx.user.username),
        )
        if since is None:
            return []
        visible, params = ctx.visibility("f")
        rows = ctx.db.all(
            "SELECT p.*, f.display_name AS family_name, u.display_name AS decided_by"
            " FROM payments p JOIN families f ON f.id = p.family_id"
            " JOIN users u ON u.id = p.updated_by"
            " WHERE p.proposed_by = ? AND p.status = ?"
            f" AND p.deleted_at IS NULL AND f.deleted_at IS NULL AND {visible}"
            " AND EXISTS (SELECT 1 FROM audit a WHERE a.seq > ? AND a.action = ?"
            "   AND a.entity = 'payment' AND a.entity_id = CAST(p.id AS TEXT))"
            " ORDER BY p.updated_at DESC, p.id DESC",
            (
                ctx.user.id,
                PaymentStatus.REJECTED.value,
                *params,
                since,
                Action.UPDATE.value,
            ),
        )
        return [
            Rejected(
                payment_from_row(r),
                r["family_name"],
                r["decided_by"],
                dt.datetime.fromisoformat(r["updated_at"]),
            )
            for r in rows
        ]

    def totals(self, family_id: FamilyId) -> Totals:
        ctx = self._ctx
        ctx.family_row(family_id)
        rows = ctx.db.all(
            "SELECT p.need_id, n.category, sum(p.amount_ore) AS total FROM payments p"
            " LEFT JOIN needs n ON n.id = p.need_id"
            " WHERE p.family_id = ? AND p.deleted_at IS NULL AND p.status IN ('approved', 'paid')"
            " GROUP BY p.need_id, n.category",
            (family_id,),
        )
        by_need: dict[NeedId | None, Money] = {}
        by_category: dict[NeedCategory | None, Money] = {}
        for r in rows:
            amount = Money(int(r["total"]))
            need = None if r["need_id"] is None else NeedId(r["need_id"])
            category = None if r["category"] is None else NeedCategory(r["category"])
            by_need[need] = by_need.get(need, Money(0)) + amount
            by_category[category] = by_category.get(category, Money(0)) + amount
        return Totals(by_need, by_category)

    def history(self, payment_id: PaymentId) -> list[Version]:
        base.owned_row(self._ctx, "payments", payment_id)
        return base.versions(self._ctx, "payments", "payment", payment_id)
