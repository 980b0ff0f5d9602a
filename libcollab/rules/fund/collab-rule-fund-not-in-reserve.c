/* collab-rule-fund-not-in-reserve.c: fund.not_in_reserve
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: a funded project that did not come from the reserve library
 * (项目储备库); the plan asks that reserve projects be implemented first.
 *
 * "Funded" means money was transferred to it (a plan or an allocation is
 * not money). "From the reserve" is the project's `in_reserve`; a project
 * that does not say is taken not to be, since the library cannot show
 * that it was. A warning, as the plan prefers reserve projects and does
 * not forbid others.
 *
 * Subject: {project}; expected true, actual false.
 */

#include "collab-rule-fund-private.h"

static void
judge (const CollabFundProject *p)
{
  g_autofree char *what = NULL;
  g_autofree char *total_text = NULL;
  const guint32 *credits;
  CollabFinding *finding;
  CollabMoneySum total = { 0 };
  guint n;

  if (p->project->in_reserve)
    return;
  credits = collab_ledger_get_credits (p->ledger, p->node, &n);
  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    collab_money_sum_add (&total, collab_ledger_get_columns (p->ledger)->amount[credits[i]]);

  what = collab_rule_fund_describe (p->store, p->ref);
  finding = collab_check_context_new_finding (p->ctx);
  collab_finding_set_subject_string (finding, "project", p->project->h.id);
  collab_finding_take_expected (finding, g_variant_new_boolean (TRUE));
  collab_finding_take_actual (finding, g_variant_new_boolean (FALSE));
  if (total.overflow)
    {
      collab_finding_set_message (finding,
                                  /* Translators: a project's id and its name, then a number of transfers. */
                                  ngettext_ ("The project %s received, in %u transfer, more than libcollab can count "
                                             "(92233720368547758.07 yuan), and did not come from the project reserve "
                                             "(in_reserve is not true): correct the amount, and enter the project in "
                                             "the reserve or record why it was chosen.",
                                             "The project %s received, in %u transfers, more than libcollab can "
                                             "count (92233720368547758.07 yuan), and did not come from the project "
                                             "reserve (in_reserve is not true): correct the amounts, and enter the "
                                             "project in the reserve or record why it was chosen.", n),
                                  what, n);
      collab_check_context_report (p->ctx, finding);
      return;
    }

  total_text = collab_money_format_readable (total.fen);
  collab_finding_set_message (finding,
                              ngettext_ ("The project %s received %s in %u transfer but did not come from the project "
                                         "reserve (in_reserve is not true); the plan asks that reserve projects be funded "
                                         "first: enter it in the reserve, or record why it was chosen.",
                                         "The project %s received %s in %u transfers but did not come from the project "
                                         "reserve (in_reserve is not true); the plan asks that reserve projects be funded "
                                         "first: enter it in the reserve, or record why it was chosen.", n),
                              what, total_text, n);
  collab_check_context_report (p->ctx, finding);
}

static const CollabFundProjectRule rule = { judge };

COLLAB_DEFINE_RULE (fund_not_in_reserve,
  .id = "fund.not_in_reserve",
  .area = "fund",
  .severity = COLLAB_SEVERITY_WARNING,
  .scope = COLLAB_RULE_SCOPE_DATASET,
  .check = collab_rule_fund_check_projects,
  .data = &rule);
