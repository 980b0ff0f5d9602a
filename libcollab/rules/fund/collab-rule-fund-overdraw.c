/* collab-rule-fund-overdraw.c: fund.overdraw
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: at some date an account (not a source) has passed on more than
 * it had received — money created from nothing. The finding gives the
 * account, the first date and the deficit.
 *
 * Balances follow date order, and on one date money in counts before
 * money out (SPEC §4): a county that receives 300万 and passes it on the
 * same day is not overdrawn. Only transfers move money; plans and
 * allocations are intent. A source account (`"source": true`) pays out
 * what it never received, by definition, and is not judged.
 *
 * One finding per account, for the first day its balance went below
 * zero: later days of the same hole are the same fault. Accounts are not
 * a program's, so the rule runs once per dataset.
 *
 * Subject: {account, date}; expected: what it had received by the end of
 * that day; actual: what it had passed on. The balance is exact however
 * large the amounts (collab_ledger_find_deficit()); a total that does
 * not fit an amount is left out of the values, and the message says that
 * libcollab cannot count it instead of stating the deficit.
 */

#include "collab-rule-fund-private.h"

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  g_autoptr(CollabLedger) ledger = collab_rule_fund_ledger (ctx);
  guint n_accounts = collab_store_count (store, COLLAB_RECORD_KIND_ACCOUNT);

  for (guint a = 0; a < n_accounts; a++)
    {
      CollabRef ref = COLLAB_REF (COLLAB_RECORD_KIND_ACCOUNT, a);
      g_auto(CollabFundDeficit) deficit = { 0 };
      CollabFinding *finding;

      if (collab_ledger_node_is_source (ledger, collab_ledger_node (ledger, ref)) ||
          !collab_rule_fund_find_deficit (store, ledger, ref, &deficit))
        continue;

      finding = collab_check_context_new_finding (ctx);
      collab_finding_set_subject_string (finding, "account", collab_units_id (store, ref));
      collab_finding_set_subject_string (finding, "date", deficit.day);
      collab_rule_fund_deficit_values (finding, &deficit);
      if (deficit.counted)
        collab_finding_set_message (finding,
                                    _("By the end of %s the account %s had passed on %s but received only %s: "
                                      "%s left it that never came in; record the transfer into it that paid for "
                                      "this, or correct the transfers out."),
                                    deficit.day, deficit.what, deficit.out, deficit.in, deficit.difference);
      else
        collab_finding_set_message (finding,
                                    /* Translators: a date, then an account's id and its designation. */
                                    _("By the end of %s the account %s had passed on more than it received, and "
                                      "what it received or passed on adds up to more than libcollab can count "
                                      "(92233720368547758.07 yuan); correct the amounts of the transfers into "
                                      "and out of it."),
                                    deficit.day, deficit.what);
      collab_check_context_report (ctx, finding);
    }
}

COLLAB_DEFINE_RULE (fund_overdraw,
  .id = "fund.overdraw",
  .area = "fund",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_DATASET,
  .check = check);
