/* collab-rule-fund-util.c: what the fund rules share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * collab-rule-fund-private.h says what each part is for.
 */

#include "collab-rule-fund-private.h"

gint64 *
collab_rule_fund_allocated (CollabLedger           *ledger,
                            CollabRef               program_ref,
                            const CollabProgramRec *program)
{
  const CollabFundBaseRec *bases = program->fund_base.items;
  int n_years = program->last_year - program->first_year + 1;
  gint64 *allocated = g_new0 (gint64, MAX ((gsize) program->fund_base.n * n_years, 1));
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
            gint64 *cell = &allocated[b * n_years + (a->year - program->first_year)];

            if (!collab_money_add (*cell, a->amount, cell))
              *cell = G_MAXINT64;
            break;
          }
    }
  return allocated;
}

gboolean
collab_rule_fund_find_deficit (const CollabStore *store,
                               CollabLedger      *ledger,
                               CollabRef          ref,
                               CollabFundDeficit *deficit)
{
  CollabDay day;

  if (!collab_ledger_find_deficit (ledger, collab_ledger_node (ledger, ref), &day, &deficit->received,
                                   &deficit->passed_on))
    return FALSE;

  deficit->day = collab_day_format (day);
  deficit->what = collab_rule_fund_describe (store, ref);
  deficit->in = collab_money_format_readable (deficit->received);
  deficit->out = collab_money_format_readable (deficit->passed_on);
  deficit->difference = collab_money_format_readable (deficit->passed_on - deficit->received);
  return TRUE;
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
