/* collab-rule-fund-plan-total.c: fund.plan_total
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: allocations over the period differ from the plan total; the
 * finding gives both.
 *
 * Allocations count as for fund.floor (the same city, year and program
 * attribution). A city of the fund base without a `plan_total` is not
 * judged. While the period runs (the as-of day is before its last day)
 * the sum is still growing, and only a sum already above the plan total
 * is reported; once the period is over, any difference is.
 *
 * Allocations that add up past what a gint64 of fen holds are above any
 * plan total, by an amount that cannot be stated: a finding without an
 * actual value asks to correct them, while the period runs too.
 *
 * Subject: {program, city}; expected: the plan total; actual: the sum.
 */

#include "collab-rule-fund-private.h"

/* Whether a fund base entry gave its plan total. A few entries per
 * program: the field is looked up each time rather than kept in a static
 * that threads would race to fill. */
static gboolean
has_plan_total (const CollabFundBaseRec *base)
{
  const CollabSchema *program = collab_schema_for_kind (COLLAB_RECORD_KIND_PROGRAM);
  const CollabSchema *fund_base = program->fields[collab_schema_find_field (program, "fund_base")].sub;
  int index = collab_schema_find_field (fund_base, "plan_total");

  return index >= 0 && COLLAB_RECORD_PRESENT (base, index);
}

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  CollabRef program_ref = collab_check_context_get_program_ref (ctx);
  const CollabProgramRec *program = collab_check_context_get_program (ctx);
  const CollabFundBaseRec *bases = program->fund_base.items;
  CollabDay as_of = collab_check_context_get_as_of (ctx);
  gboolean over = as_of >= collab_day_new (program->last_year, 12, 31);
  int n_years = program->last_year - program->first_year + 1;
  g_autoptr(CollabLedger) ledger = NULL;
  g_autofree CollabMoneySum *allocated = NULL;
  g_autofree CollabMoneySum *sums = NULL;
  g_autofree char *years = NULL;

  if (program->fund_base.n == 0)
    return;

  ledger = collab_rule_fund_ledger (ctx);
  allocated = collab_rule_fund_allocated (ledger, program_ref, program);
  sums = g_new0 (CollabMoneySum, program->fund_base.n);
  years = collab_rule_format_years (program->first_year, program->last_year);

  /* The period's sum per city: the years of fund.floor added up. */
  for (guint b = 0; b < program->fund_base.n; b++)
    for (int y = 0; y < n_years; y++)
      collab_money_sum_add_sum (&sums[b], &allocated[b * n_years + y]);

  for (guint b = 0; b < program->fund_base.n; b++)
    {
      const char *city_id = collab_units_id (store, bases[b].city);
      gint64 sum = sums[b].fen, plan_total = bases[b].plan_total;
      g_autofree char *plan_text = NULL;
      g_autofree char *sum_text = NULL;
      g_autofree char *gap_text = NULL;
      CollabFinding *finding;

      if (!has_plan_total (&bases[b]) ||
          (!sums[b].overflow && (sum == plan_total || (!over && sum < plan_total))))
        continue;

      finding = collab_check_context_new_finding (ctx);
      collab_finding_set_subject_string (finding, "program", program->h.id);
      collab_finding_set_subject_string (finding, "city", city_id);
      collab_finding_take_expected (finding, collab_rule_fund_amount (plan_total));
      if (sums[b].overflow)
        {
          /* Above any plan total, by an amount no gint64 holds. */
          collab_rule_fund_report_overflow (ctx, ledger, finding, bases[b].city, program->first_year,
                                            program->last_year);
          continue;
        }

      plan_text = collab_money_format_readable (plan_total);
      sum_text = collab_money_format_readable (sum);
      /* Both are amounts the loader took as not negative: the gap fits. */
      gap_text = collab_money_format_readable (sum > plan_total ? sum - plan_total : plan_total - sum);
      collab_finding_take_actual (finding, collab_rule_fund_amount (sum));
      collab_finding_set_message (finding,
                                  sum > plan_total
                                    ? _("Program %s allocated %s to %s (%s) over %s, against a plan total of %s "
                                        "(over by %s); check the allocations or update the plan.")
                                    : _("Program %s allocated %s to %s (%s) over %s, against a plan total of %s "
                                        "(short by %s); check the allocations or update the plan."),
                                  collab_check_context_cut (ctx, program->h.id), sum_text,
                                  collab_check_context_cut (ctx, city_id),
                                  collab_check_context_cut (ctx, collab_units_name (store, bases[b].city)),
                                  years, plan_text, gap_text);
      collab_check_context_report (ctx, finding);
    }
}

COLLAB_DEFINE_RULE (fund_plan_total,
  .id = "fund.plan_total",
  .area = "fund",
  .severity = COLLAB_SEVERITY_WARNING,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .check = check);
