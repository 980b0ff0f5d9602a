/* collab-rule-fund-untraced.c: fund.untraced
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: a transfer with no parent; the share of money traced end to
 * end is reported.
 *
 * A movement (a transfer or an expenditure) is traced end to end when it
 * is paid by a source account (where money enters the program: nothing is
 * upstream of it) or names as its parent a movement that is traced. The
 * program's money is what the ledger attributes to it: movements that
 * name the program, or whose parent or first-in-first-out money is the
 * program's. The share is the traced part of that money, by amount.
 *
 * One finding per program that has movements with no parent other than
 * the source's, listing them (the first ten in the message, all in the
 * remedy). Info only: the flow trace follows first-in-first-out where a
 * parent is missing, but an officer may want the records to say it.
 *
 * Subject: {program}; expected: the program's money in movements;
 * actual: the part traced end to end; remedy: {"name_parent": [ids]}.
 * When the program's money adds up past what a gint64 of fen holds, the
 * finding has neither value, and says so instead of giving the share.
 */

#include "collab-rule-fund-private.h"

#define LISTED_IN_MESSAGE 10

static void
check (CollabCheckContext *ctx)
{
  CollabRef program_ref = collab_check_context_get_program_ref (ctx);
  const char *program_id = collab_check_context_get_program_id (ctx);
  g_autoptr(CollabLedger) ledger = collab_rule_fund_ledger (ctx);
  g_autoptr(GString) listed = g_string_new (NULL);
  GVariantBuilder ids, remedy;
  g_autofree char *total_text = NULL;
  g_autofree char *traced_text = NULL;
  char share[G_ASCII_DTOSTR_BUF_SIZE];
  const guint32 *untraced;
  guint n_untraced;
  gint64 total = 0, traced = 0;
  gboolean counted;
  CollabFinding *finding;

  counted = collab_ledger_get_tracing (ledger, program_ref, &total, &traced, &untraced, &n_untraced);
  if (n_untraced == 0)
    return;

  g_variant_builder_init (&ids, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint i = 0; i < n_untraced; i++)
    {
      const char *id = collab_ledger_get_transaction (ledger, untraced[i])->h.id;

      g_variant_builder_add (&ids, "s", id);
      if (i < LISTED_IN_MESSAGE)
        g_string_append_printf (listed, "%s%s", i > 0 ? _(", ") : "", collab_check_context_cut (ctx, id));
    }
  if (n_untraced > LISTED_IN_MESSAGE)
    g_string_append_printf (listed, _(" and %u more"), n_untraced - LISTED_IN_MESSAGE);

  g_variant_builder_init (&remedy, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&remedy, "{sv}", "name_parent", g_variant_builder_end (&ids));

  finding = collab_check_context_new_finding (ctx);
  collab_finding_set_subject_string (finding, "program", program_id);
  collab_finding_take_remedy (finding, g_variant_builder_end (&remedy));
  if (!counted)
    {
      collab_finding_set_message (finding,
                                  /* Translators: a program's id, the number of movements, then
                                   * their ids. */
                                  ngettext_ ("Program %s's money in transfers and expenditures adds up to more "
                                             "than libcollab can count (92233720368547758.07 yuan), so the share "
                                             "traced end to end cannot be given; correct the amounts. %u movement "
                                             "names no parent (%s): name the transaction whose money it passes on.",
                                             "Program %s's money in transfers and expenditures adds up to more "
                                             "than libcollab can count (92233720368547758.07 yuan), so the share "
                                             "traced end to end cannot be given; correct the amounts. %u movements "
                                             "name no parent (%s): name the transaction whose money each passes "
                                             "on.", n_untraced),
                                  collab_check_context_cut (ctx, program_id), n_untraced, listed->str);
      collab_check_context_report (ctx, finding);
      return;
    }

  total_text = collab_money_format_readable (total);
  traced_text = collab_money_format_readable (traced);
  /* Not printf: a decimal point whatever the locale. */
  g_ascii_formatd (share, sizeof share, "%.1f", total > 0 ? 100.0 * (double) traced / (double) total : 0.0);
  collab_finding_take_expected (finding, collab_rule_fund_amount (total));
  collab_finding_take_actual (finding, collab_rule_fund_amount (traced));
  collab_finding_set_message (finding,
                              ngettext_ ("%s%% of program %s's money in transfers and expenditures (%s of %s) is traced "
                                         "end to end from its source; %u movement names no parent (%s): name the "
                                         "transaction whose money it passes on.",
                                         "%s%% of program %s's money in transfers and expenditures (%s of %s) is traced "
                                         "end to end from its source; %u movements name no parent (%s): name the "
                                         "transaction whose money each passes on.", n_untraced),
                              share, collab_check_context_cut (ctx, program_id), traced_text, total_text,
                              n_untraced, listed->str);
  collab_check_context_report (ctx, finding);
}

COLLAB_DEFINE_RULE (fund_untraced,
  .id = "fund.untraced",
  .area = "fund",
  .severity = COLLAB_SEVERITY_INFO,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .check = check);
