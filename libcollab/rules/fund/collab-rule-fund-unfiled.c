/* collab-rule-fund-unfiled.c: fund.unfiled
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: money transferred to a project before the date it was filed
 * (备案) with the eastern lead department; a transfer on the filing date
 * itself is fine.
 *
 * The filing date is the date of the first `filed` step of the project's
 * status history. A project whose history has no `filed` step was never
 * filed, and every transfer to it is reported: a project that went from
 * `planned` straight to `implementing` skipped the filing the plan asks
 * for. One finding per transfer, so each can be followed up on its own.
 *
 * Subject: {project, transaction}; expected: the filing date (null when
 * never filed); actual: the date of the transfer.
 */

#include "collab-rule-fund-private.h"

static void
judge (const CollabFundProject *p)
{
  CollabStore *store = p->store;
  CollabLedger *ledger = p->ledger;
  const CollabProjectRec *project = p->project;
  CollabDay filed = collab_project_filing_day (project);
  g_autofree char *what = NULL;
  g_autofree char *filed_text = NULL;
  const guint32 *credits;
  guint n;

  credits = collab_ledger_get_credits (ledger, p->node, &n);
  for (guint i = 0; i < n; i++)
    {
      const CollabTransactionRec *t;
      g_autofree char *date = NULL;
      g_autofree char *amount = NULL;
      CollabFinding *finding;

      if (filed != COLLAB_DAY_NONE && collab_ledger_get_columns (ledger)->date[credits[i]] >= filed)
        break;  /* in date order: the rest are later still */

      t = collab_ledger_get_transaction (ledger, credits[i]);
      if (what == NULL)
        {
          what = collab_rule_fund_describe (store, p->ref);
          filed_text = filed != COLLAB_DAY_NONE ? collab_day_format (filed) : NULL;
        }
      date = collab_day_format (t->date);
      amount = collab_money_format_readable (t->amount);

      finding = collab_check_context_new_finding (p->ctx);
      collab_finding_set_subject_string (finding, "project", project->h.id);
      collab_finding_set_subject_string (finding, "transaction", t->h.id);
      collab_finding_take_expected_string (finding, g_strdup (filed_text));
      collab_finding_take_actual_string (finding, collab_day_format (t->date));
      if (filed_text != NULL)
        collab_finding_set_message (finding,
                                    _("The transfer %s put %s into the project %s on %s, before the "
                                      "project was filed on %s; money may reach a project on or after "
                                      "its filing date."),
                                    collab_check_context_cut (p->ctx, t->h.id), amount, what, date, filed_text);
      else
        collab_finding_set_message (finding,
                                    _("The transfer %s put %s into the project %s on %s, and the "
                                      "project was never filed (its status history has no \"filed\" "
                                      "step); file it before money reaches it, and record the date."),
                                    collab_check_context_cut (p->ctx, t->h.id), amount, what, date);
      collab_check_context_report (p->ctx, finding);
    }
}

static const CollabFundProjectRule rule = { judge };

COLLAB_DEFINE_RULE (fund_unfiled,
  .id = "fund.unfiled",
  .area = "fund",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_DATASET,
  .check = collab_rule_fund_check_projects,
  .data = &rule);
