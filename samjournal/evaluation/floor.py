"""The journal's policy floor: the least protection a study profile may ask for.

The evaluator writes the policy, but the journal holds the data, so these limits live in the
journal's code and no profile can lower them. `check` raises PolicyBelowFloor (one message per
limit, by key) for a policy under the floor; `Policy.checked` calls it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from samjournal.errors import PolicyBelowFloor
from samjournal.messages import keyed

if TYPE_CHECKING:
    from samjournal.evaluation.profile import Policy

# Groups under five households are the small cells official statistics suppress (SSB "prikking").
MIN_K = 5
# Whoever knows one payment of a household usually knows another event of it too (a meeting).
MIN_M = 2
# Amounts to the krone (or ten) are close to the voucher and single a payment out.
MIN_AMOUNT_ROUNDING_NOK = 100
# Single payments above 50 000 kr are rare, so each one would name its household.
MAX_AMOUNT_TOP_CODE_NOK = 50_000
# A yearly budget frame is a figure set per family; to the nearest 1 000 kr it stops being one.
MIN_BUDGET_ROUNDING_NOK = 1_000
# Frames above 200 000 kr a year are a handful of families, each recognisable by its frame.
MAX_BUDGET_TOP_CODE_NOK = 200_000


def check(policy: Policy) -> None:
    """Refuse `policy` when it asks for less than the floor; the first limit broken is named."""
    if policy.k < MIN_K:
        raise keyed(PolicyBelowFloor, "study_profile_asks_k", k=str(policy.k), min_k=str(MIN_K))
    if policy.m < MIN_M:
        raise keyed(PolicyBelowFloor, "study_profile_asks_m", m=str(policy.m), min_m=str(MIN_M))
    if policy.amount_rounding_nok < MIN_AMOUNT_ROUNDING_NOK:
        raise keyed(
            PolicyBelowFloor,
            "study_profile_rounds_amounts",
            amount_rounding_nok=str(policy.amount_rounding_nok),
            min_amount_rounding_nok=str(MIN_AMOUNT_ROUNDING_NOK),
        )
    if policy.amount_top_code_nok > MAX_AMOUNT_TOP_CODE_NOK:
        raise keyed(
            PolicyBelowFloor,
            "study_profile_caps_amounts",
            amount_top_code_nok=str(policy.amount_top_code_nok),
            max_amount_top_code_nok=str(MAX_AMOUNT_TOP_CODE_NOK),
        )
    if policy.budget_rounding_nok < MIN_BUDGET_ROUNDING_NOK:
        raise keyed(
            PolicyBelowFloor,
            "study_profile_rounds_budget",
            budget_rounding_nok=str(policy.budget_rounding_nok),
            min_budget_rounding_nok=str(MIN_BUDGET_ROUNDING_NOK),
        )
    if policy.budget_top_code_nok > MAX_BUDGET_TOP_CODE_NOK:
        raise keyed(
            PolicyBelowFloor,
            "study_profile_caps_budget",
            budget_top_code_nok=str(policy.budget_top_code_nok),
            max_budget_top_code_nok=str(MAX_BUDGET_TOP_CODE_NOK),
        )
