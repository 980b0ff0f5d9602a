/* collab-rule-fund-overspend.c: fund.overspend
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: at some date a project has spent more than was transferred to
 * it. The same balance as fund.overdraw (date order, money in before
 * money out on one day), over a project's transfers in and expenditures.
 * One finding per project, for the first day it went below zero.
 *
 * Subject: {project}; expected: what had been transferred to it by the
 * end of that day; actual: what it had spent. The day is in the message.
 */

#include "collab-rule-fund-private.h"

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  g_autoptr(CollabLedger) ledger = collab_rule_fund_ledger (ctx);
  guint n_projects = collab_store_count (store, COLLAB_RECORD_KIND_PROJECT);

  for (guint p = 0; p < n_projects; p++)
    {
      CollabRef ref = COLLAB_REF (COLLAB_RECORD_KIND_PROJECT, p);
      g_autofree char *what = NULL;
      g_autofree char *date = NULL;
      g_autofree char *in = NULL;
      g_autofree char *out = NULL;
      g_autofree char *excess = NULL;
      CollabFinding *finding;
      gint64 received, spent;
      CollabDay day;

      if (!collab_ledger_find_deficit (ledger, collab_ledger_node (ledger, ref), &day, &received, &spent))
        continue;

      what = collab_rule_fund_describe (store, ref);
      date = collab_day_format (day);
      in = collab_money_format_readable (received);
      out = collab_money_format_readable (spent);
      excess = collab_money_format_readable (spent - received);

      finding = collab_check_context_new_finding (ctx);
      collab_finding_set_subject_string (finding, "project", collab_units_id (store, ref));
      collab_finding_take_expected (finding, collab_rule_fund_amount (received));
      collab_finding_take_actual (finding, collab_rule_fund_amount (spent));
      collab_finding_set_message (finding,
                                  "By the end of %s the project %s had spent %s but only %s had been "
                                  "transferred to it, %s too much; record the transfer that paid for it, "
                                  "or correct the expenditures.",
                                  date, what, out, in, excess);
      collab_check_context_report (ctx, finding);
    }
}

COLLAB_DEFINE_RULE (fund_overspend,
  .id = "fund.overspend",
  .area = "fund",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_DATASET,
  .check = check);
