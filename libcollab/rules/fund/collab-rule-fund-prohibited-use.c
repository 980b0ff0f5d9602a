/* collab-rule-fund-prohibited-use.c: fund.prohibited_use
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: an expenditure whose use is on the prohibited list. The list
 * is the rule's `uses` parameter (the six uses of SPEC §4 in the shipped
 * rule sets); a derived rule set may change it. Uses are compared as
 * written, code for code.
 *
 * Expenditures are not a program's (an untagged one may be anyone's), so
 * the rule runs once per dataset, with the list of the rule set in force.
 *
 * Subject: {transaction}; actual: the use.
 */

#include "collab-rule-fund-private.h"

/* SPEC §4: the uses the seeds prohibit. */
static const char * const default_uses[] = {
  "unit_basic_expenditure", "vehicles_and_communication", "government_buildings",
  "bonuses_and_allowances", "debt_and_advances", "office_premises",
};

/* The set of the rule's `uses`; its strings are @list's. */
static GHashTable *
prohibited_uses (GVariant *list)
{
  GHashTable *uses = g_hash_table_new (g_str_hash, g_str_equal);
  gsize n;
  g_autofree const char **strings = g_variant_get_strv (list, &n);

  for (gsize i = 0; i < n; i++)
    g_hash_table_add (uses, (gpointer) strings[i]);
  return uses;
}

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  guint n = collab_store_count (store, COLLAB_RECORD_KIND_TRANSACTION);
  g_autoptr(GVariant) list = collab_check_context_get_parameter (ctx, "uses");
  g_autoptr(GHashTable) uses = prohibited_uses (list);

  if (g_hash_table_size (uses) == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      const CollabTransactionRec *t = collab_store_get (store, COLLAB_RECORD_KIND_TRANSACTION, i);
      g_autofree char *what = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *date = NULL;
      CollabFinding *finding;

      if (t->type != COLLAB_TRANSACTION_TYPE_EXPENDITURE || t->use == NULL ||
          !g_hash_table_contains (uses, t->use))
        continue;

      what = collab_rule_fund_describe (store, t->from);
      amount = collab_money_format_readable (t->amount);
      date = collab_day_format (t->date);

      finding = collab_check_context_new_finding (ctx);
      collab_finding_set_subject_string (finding, "transaction", t->h.id);
      collab_finding_take_actual (finding, g_variant_new_string (t->use));
      collab_finding_set_message (finding,
                                  _("The expenditure %s of %s by the project %s on %s is for \"%s\", which "
                                    "cooperation funds may not pay for; pay it from other funds and return "
                                    "the money to the project."),
                                  collab_check_context_cut (ctx, t->h.id), amount, what, date,
                                  collab_check_context_cut (ctx, t->use));
      collab_check_context_report (ctx, finding);
    }
}

static const CollabRuleParam params[] = {
  COLLAB_RULE_STRINGS ("uses", default_uses),
  { NULL },
};

COLLAB_DEFINE_RULE (fund_prohibited_use,
  .id = "fund.prohibited_use",
  .area = "fund",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_DATASET,
  .params = params,
  .check = check);
