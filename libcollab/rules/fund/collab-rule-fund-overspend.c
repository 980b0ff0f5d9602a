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
 * Totals that do not fit an amount are left out, as in fund.overdraw.
 */

#include "collab-rule-fund-private.h"

static void
judge (const CollabFundProject *p)
{
  g_auto(CollabFundDeficit) deficit = { 0 };
  CollabFinding *finding;

  if (!collab_rule_fund_find_deficit (p->store, p->ledger, p->ref, &deficit))
    return;

  finding = collab_check_context_new_finding (p->ctx);
  collab_finding_set_subject_string (finding, "project", p->project->h.id);
  collab_rule_fund_deficit_values (finding, &deficit);
  if (deficit.counted)
    collab_finding_set_message (finding,
                                _("By the end of %s the project %s had spent %s but only %s had been transferred "
                                  "to it, %s too much; record the transfer that paid for it, or correct the "
                                  "expenditures."),
                                deficit.day, deficit.what, deficit.out, deficit.in, deficit.difference);
  else
    collab_finding_set_message (finding,
                                /* Translators: a date, then a project's id and its name. */
                                _("By the end of %s the project %s had spent more than had been transferred to "
                                  "it, and what was transferred or spent adds up to more than libcollab can count "
                                  "(92233720368547758.07 yuan); correct the amounts of its transfers and "
                                  "expenditures."),
                                deficit.day, deficit.what);
  collab_check_context_report (p->ctx, finding);
}

static const CollabFundProjectRule rule = { judge };

COLLAB_DEFINE_RULE (fund_overspend,
  .id = "fund.overspend",
  .area = "fund",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_DATASET,
  .check = collab_rule_fund_check_projects,
  .data = &rule);
