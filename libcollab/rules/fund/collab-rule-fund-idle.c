/* collab-rule-fund-idle.c: fund.idle
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: part of an incoming transaction is still held by the account N
 * days (the rule's `days`, 180 in the shipped sets) after it arrived,
 * first in, first out; only days up to the as-of date count.
 *
 * First in, first out, on the ledger's axes: an account's incoming
 * transfers line up, in date order, on the axis of its cumulative money
 * in, and its transfers out on the axis of its cumulative money out. The
 * part of transfer k (the stretch [S_k, S_k + a_k) of the in axis) still
 * held at the end of day D is what the money out by the end of D has not
 * reached: a_k - clamp (OUT(D) - S_k, 0, a_k). The transfer is idle when
 * that is above zero for D = its day + N, and D is not after the as-of
 * day (a transfer received 100 days before the as-of day cannot have been
 * held 180). Money that leaves on day + N itself was held N days, not
 * more, and is not idle.
 *
 * Sources are not judged (money enters the program there); projects are
 * not accounts and hold their money until they spend it (fund.overspend
 * judges them). One finding per incoming transfer with an idle part.
 *
 * Subject: {account, transaction}; expected: 0; actual: the part still
 * held N days after it arrived. The message adds what of it is still held
 * on the as-of day.
 */

#include "collab-rule-fund-private.h"

static void
report (CollabCheckContext         *ctx,
        CollabRef                   account,
        const char                 *what,
        const char                 *as_of_text,
        const CollabTransactionRec *t,
        gint64                      days,
        gint64                      idle,
        gint64                      held_now)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  g_autofree char *amount = collab_money_format_readable (t->amount);
  g_autofree char *idle_text = collab_money_format_readable (idle);
  g_autofree char *now_text = collab_money_format_readable (held_now);
  g_autofree char *arrived = collab_day_format (t->date);
  g_autofree char *deadline = collab_day_format (t->date + days);
  CollabFinding *finding = collab_check_context_new_finding (ctx);

  collab_finding_set_subject_string (finding, "account", collab_units_id (store, account));
  collab_finding_set_subject_string (finding, "transaction", t->h.id);
  collab_finding_take_expected_string (finding, collab_money_format (0));
  collab_finding_take_actual_string (finding, collab_money_format (idle));
  if (held_now > 0)
    /* Translators: "4000万 of the 1亿 that t-17 brought into the account
     * yanan-fin (延安市财政局) on 2021-03-01 was still there 180 days
     * later, on …". */
    collab_finding_set_message (finding,
                                ngettext_ ("%s of the %s that %s brought into the account %s on %s was still there "
                                           "%lld day later, on %s, and %s of it still is on %s; "
                                           "pass it on to the projects it was meant for.",
                                           "%s of the %s that %s brought into the account %s on %s was still there "
                                           "%lld days later, on %s, and %s of it still is on %s; "
                                           "pass it on to the projects it was meant for.", (gulong) days),
                                idle_text, amount, collab_check_context_cut (ctx, t->h.id), what, arrived,
                                (long long) days, deadline, now_text, as_of_text);
  else
    collab_finding_set_message (finding,
                                ngettext_ ("%s of the %s that %s brought into the account %s on %s was still there "
                                           "%lld day later, on %s, before it was passed on; "
                                           "money should not sit idle for longer.",
                                           "%s of the %s that %s brought into the account %s on %s was still there "
                                           "%lld days later, on %s, before it was passed on; "
                                           "money should not sit idle for longer.", (gulong) days),
                                idle_text, amount, collab_check_context_cut (ctx, t->h.id), what, arrived,
                                (long long) days, deadline);
  collab_check_context_report (ctx, finding);
}

static void
check_account (CollabCheckContext *ctx,
               CollabLedger       *ledger,
               CollabRef           account,
               gint64              days,
               CollabDay           as_of,
               const char         *as_of_text)
{
  g_autofree char *what = NULL;
  const CollabLedgerColumns *columns = collab_ledger_get_columns (ledger);
  guint node = collab_ledger_node (ledger, account);
  guint n_in, n_out, j = 0;
  const guint32 *in = collab_ledger_get_credits (ledger, node, &n_in);
  const guint32 *out = collab_ledger_get_debits (ledger, node, &n_out);
  /* The axes: exact however far they run past a gint64, while what is
   * held of one transfer is at most its amount. */
  CollabMoneyTotal start = { 0 }, out_by_deadline = { 0 }, out_by_as_of = { 0 };

  for (guint i = 0; i < n_out && columns->date[out[i]] <= as_of; i++)
    collab_money_total_add (&out_by_as_of, columns->amount[out[i]]);

  for (guint k = 0; k < n_in; k++)
    {
      gint64 amount = columns->amount[in[k]];
      gint64 deadline = (gint64) columns->date[in[k]] + days;
      gint64 idle;

      if (deadline > as_of)
        break;  /* in date order: the later ones are younger still */

      /* Deadlines grow with k, so the money out only moves forward. */
      while (j < n_out && columns->date[out[j]] <= deadline)
        collab_money_total_add (&out_by_deadline, columns->amount[out[j++]]);

      idle = amount - collab_money_total_excess (&out_by_deadline, &start, amount);
      if (idle > 0)
        {
          if (what == NULL)
            what = collab_rule_fund_describe (collab_check_context_get_store (ctx), account);
          report (ctx, account, what, as_of_text, collab_ledger_get_transaction (ledger, in[k]), days, idle,
                  amount - collab_money_total_excess (&out_by_as_of, &start, amount));
        }
      collab_money_total_add (&start, amount);
    }
}

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  g_autoptr(CollabLedger) ledger = collab_rule_fund_ledger (ctx);
  guint n_accounts = collab_store_count (store, COLLAB_RECORD_KIND_ACCOUNT);
  gint64 days = collab_check_context_get_count (ctx, "days");
  CollabDay as_of = collab_check_context_get_as_of (ctx);
  g_autofree char *as_of_text = collab_day_format (as_of);

  for (guint a = 0; a < n_accounts; a++)
    {
      CollabRef ref = COLLAB_REF (COLLAB_RECORD_KIND_ACCOUNT, a);

      if (!collab_ledger_node_is_source (ledger, collab_ledger_node (ledger, ref)))
        check_account (ctx, ledger, ref, days, as_of, as_of_text);
    }
}

static const CollabRuleParam params[] = {
  COLLAB_RULE_COUNT ("days", 180),
  { NULL },
};

COLLAB_DEFINE_RULE (fund_idle,
  .id = "fund.idle",
  .area = "fund",
  .severity = COLLAB_SEVERITY_WARNING,
  .scope = COLLAB_RULE_SCOPE_DATASET,
  .params = params,
  .check = check);
