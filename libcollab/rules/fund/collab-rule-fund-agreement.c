/* collab-rule-fund-agreement.c: fund.agreement
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §11.2 (seed 003 item 15: Zhuhai's funds are not below the two
 * cities' annual agreement): for each annual agreement of the program,
 * the allocations of the program to the agreement's city in its year,
 * counted as fund.floor counts them (collab_agreement_count(), which
 * reads the same allocations of the ledger), are at least its `funds`.
 * Exactly the agreed funds pass.
 *
 * Years that have not begun by the as-of day are not judged, as in
 * fund.floor. Allocations that add up past what a gint64 of fen holds
 * cannot be compared: that is a finding too, asking to correct them,
 * never a sum wrapped round.
 *
 * Subject: {program, city, year}; expected: the agreed funds; actual:
 * what was allocated; remedy: {"allocate": the shortfall}.
 */

#include "analysis/collab-agreement-private.h"
#include "collab-rule-fund-private.h"

static void
report (CollabCheckContext       *ctx,
        const CollabAgreementRec *agreement,
        gint64                    allocated,
        const GError             *overflow)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const char *program_id = collab_check_context_get_program_id (ctx);
  const char *city_id = collab_units_id (store, agreement->city);
  g_autofree char *funds_text = collab_money_format_readable (agreement->funds);
  g_autofree char *allocated_text = NULL;
  g_autofree char *short_text = NULL;
  CollabFinding *finding = collab_check_context_new_finding (ctx);
  GVariantBuilder remedy;

  collab_finding_set_subject_string (finding, "program", program_id);
  collab_finding_set_subject_string (finding, "city", city_id);
  collab_finding_set_subject_int (finding, "year", agreement->year);
  collab_finding_take_expected (finding, collab_rule_fund_amount (agreement->funds));

  if (overflow != NULL)
    {
      collab_finding_set_message (finding, "%s", overflow->message);
      collab_check_context_report (ctx, finding);
      return;
    }

  allocated_text = collab_money_format_readable (allocated);
  short_text = collab_money_format_readable (agreement->funds - allocated);
  g_variant_builder_init (&remedy, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&remedy, "{sv}", "allocate", collab_rule_fund_amount (agreement->funds - allocated));
  collab_finding_take_actual (finding, collab_rule_fund_amount (allocated));
  collab_finding_take_remedy (finding, g_variant_builder_end (&remedy));
  collab_finding_set_message (finding,
                              /* Translators: a program's id, an amount, a city's id and its name, a year,
                               * the agreed amount, the agreement's id, the amount missing, the year. */
                              _("Program %s allocated %s to %s (%s) for %d, below the %s of the annual agreement "
                                "%s; allocate %s more for %d."),
                              collab_check_context_cut (ctx, program_id), allocated_text,
                              collab_check_context_cut (ctx, city_id),
                              collab_check_context_cut (ctx, collab_units_name (store, agreement->city)),
                              agreement->year, funds_text, collab_check_context_cut (ctx, agreement->h.id),
                              short_text, agreement->year);
  collab_check_context_report (ctx, finding);
}

static void
judge (const CollabAgreementRec     *agreement,
       const CollabAgreementActuals *actuals,
       const GError                 *overflow,
       gpointer                      ctx)
{
  if (overflow != NULL || actuals->allocated.fen < agreement->funds)
    report (ctx, agreement, actuals->allocated.fen, overflow);
}

static void
check (CollabCheckContext *ctx)
{
  collab_agreement_foreach (collab_check_context_get_store (ctx), collab_check_context_get_program_ref (ctx),
                            (int) collab_day_get_year (collab_check_context_get_as_of (ctx)), judge, ctx);
}

COLLAB_DEFINE_RULE (fund_agreement,
  .id = "fund.agreement",
  .area = "fund",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .check = check);
