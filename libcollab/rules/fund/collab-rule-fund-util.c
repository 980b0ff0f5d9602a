/* collab-rule-fund-util.c: what the fund rules share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * collab-rule-fund-private.h says what each part is for.
 */

#include "collab-rule-fund-private.h"

CollabMoneySum *
collab_rule_fund_allocated (CollabLedger           *ledger,
                            CollabRef               program_ref,
                            const CollabProgramRec *program)
{
  const CollabFundBaseRec *bases = program->fund_base.items;
  int n_years = program->last_year - program->first_year + 1;
  CollabMoneySum *allocated = g_new0 (CollabMoneySum, MAX ((gsize) program->fund_base.n * n_years, 1));
  const CollabLedgerAllocation *allocations;
  guint n_allocations;

  allocations = collab_ledger_get_allocations (ledger, program_ref, &n_allocations);
  for (guint i = 0; i < n_allocations; i++)
    {
      const CollabLedgerAllocation *a = &allocations[i];

      if (a->year < program->first_year || a->year > program->last_year)
        continue;
      for (guint b = 0; b < program->fund_base.n; b++)
        if (bases[b].city == a->city)
          {
            collab_money_sum_add (&allocated[b * n_years + (a->year - program->first_year)], a->amount);
            break;
          }
    }
  return allocated;
}

void
collab_rule_fund_report_overflow (CollabCheckContext *ctx,
                                  CollabLedger       *ledger,
                                  CollabFinding      *finding,
                                  CollabRef           city,
                                  int                 first_year,
                                  int                 last_year)
{
  g_autoptr(GError) overflow = NULL;

  collab_ledger_set_allocations_overflow (ledger, collab_check_context_get_program_ref (ctx), city,
                                          first_year, last_year, &overflow);
  collab_finding_set_message (finding, "%s", overflow->message);
  collab_check_context_report (ctx, finding);
}

gboolean
collab_rule_fund_find_deficit (const CollabStore *store,
                               CollabLedger      *ledger,
                               CollabRef          ref,
                               CollabFundDeficit *deficit)
{
  CollabDay day;
  gint64 received, passed_on;

  if (!collab_ledger_find_deficit (ledger, collab_ledger_node (ledger, ref), &day, &deficit->received,
                                   &deficit->passed_on))
    return FALSE;

  deficit->day = collab_day_format (day);
  deficit->what = collab_rule_fund_describe (store, ref);
  deficit->counted = collab_money_total_get (&deficit->received, &received) &&
                     collab_money_total_get (&deficit->passed_on, &passed_on);
  if (deficit->counted)
    {
      deficit->in = collab_money_format_readable (received);
      deficit->out = collab_money_format_readable (passed_on);
      /* passed_on > received >= 0: the difference fits. */
      deficit->difference = collab_money_format_readable (passed_on - received);
    }
  return TRUE;
}

void
collab_rule_fund_deficit_values (CollabFinding           *finding,
                                 const CollabFundDeficit *deficit)
{
  gint64 fen;

  if (collab_money_total_get (&deficit->received, &fen))
    collab_finding_take_expected (finding, collab_rule_fund_amount (fen));
  if (collab_money_total_get (&deficit->passed_on, &fen))
    collab_finding_take_actual (finding, collab_rule_fund_amount (fen));
}

void
collab_fund_deficit_clear (CollabFundDeficit *deficit)
{
  g_free (deficit->day);
  g_free (deficit->what);
  g_free (deficit->in);
  g_free (deficit->out);
  g_free (deficit->difference);
}

void
collab_rule_fund_check_projects (CollabCheckContext *ctx)
{
  const CollabFundProjectRule *rule = collab_check_context_get_rule (ctx)->data;
  CollabStore *store = collab_check_context_get_store (ctx);
  g_autoptr(CollabLedger) ledger = collab_rule_fund_ledger (ctx);
  guint n_projects = collab_store_count (store, COLLAB_RECORD_KIND_PROJECT);

  for (guint p = 0; p < n_projects; p++)
    {
      CollabFundProject project = { ctx, store, ledger };

      project.ref = COLLAB_REF (COLLAB_RECORD_KIND_PROJECT, p);
      project.project = collab_store_deref (store, project.ref);
      project.node = collab_ledger_node (ledger, project.ref);
      rule->judge (&project);
    }
}
