/* collab-rule-fund-floor.c: fund.floor
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: for every assisted city and every year of the period, the
 * allocations to it in that year are at least its base (每年安排协作资金
 * 不低于2020年基数). An allocation exactly at the base passes.
 *
 * The cities and bases are the program's `fund_base`. An allocation goes
 * to a city when it is made to an account held by the city, or by a
 * region or an organization in it; it counts toward its budget year, else
 * the year of its date (SPEC §3). Allocations that name another program
 * do not count; allocations that name none count for the program whose
 * period holds their year. An allocation from an account of the same city
 * (a city passing its money on to a county) is internal and not counted
 * again (collab_ledger_allocation_city()).
 *
 * Years that have not begun by the as-of day are not judged: nothing can
 * have been allocated for them yet. One finding per city and year.
 *
 * Allocations of a city and year that add up past what a gint64 of fen
 * holds cannot be compared: that is a finding too, with no actual value
 * and no remedy, asking to correct them (as fund.agreement's).
 *
 * Subject: {program, city, year}; expected: the base; actual: what was
 * allocated; remedy: {"allocate": the shortfall}.
 */

#include "collab-rule-fund-private.h"

static void
report (CollabCheckContext      *ctx,
        const CollabFundBaseRec *base,
        int                      year,
        gint64                   allocated)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const char *program_id = collab_check_context_get_program_id (ctx);
  const char *city_id = collab_units_id (store, base->city);
  g_autofree char *base_text = collab_money_format_readable (base->base);
  g_autofree char *allocated_text = collab_money_format_readable (allocated);
  g_autofree char *short_text = collab_money_format_readable (base->base - allocated);
  CollabFinding *finding = collab_check_context_new_finding (ctx);
  GVariantBuilder remedy;

  g_variant_builder_init (&remedy, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&remedy, "{sv}", "allocate", collab_rule_fund_amount (base->base - allocated));

  collab_finding_set_subject_string (finding, "program", program_id);
  collab_finding_set_subject_string (finding, "city", city_id);
  collab_finding_set_subject_int (finding, "year", year);
  collab_finding_take_expected (finding, collab_rule_fund_amount (base->base));
  collab_finding_take_actual (finding, collab_rule_fund_amount (allocated));
  collab_finding_take_remedy (finding, g_variant_builder_end (&remedy));
  collab_finding_set_message (finding,
                              _("Program %s allocated %s to %s (%s) for %d, below its base of %s a year; "
                                "allocate %s more for %d."),
                              collab_check_context_cut (ctx, program_id), allocated_text,
                              collab_check_context_cut (ctx, city_id),
                              collab_check_context_cut (ctx, collab_units_name (store, base->city)), year,
                              base_text, short_text, year);
  collab_check_context_report (ctx, finding);
}

/* Allocations that add up past an amount cannot be compared with the
 * base: a finding asking to correct them, as fund.agreement makes. */
static void
report_overflow (CollabCheckContext      *ctx,
                 CollabLedger            *ledger,
                 const CollabFundBaseRec *base,
                 int                      year)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  CollabFinding *finding = collab_check_context_new_finding (ctx);

  collab_finding_set_subject_string (finding, "program", collab_check_context_get_program_id (ctx));
  collab_finding_set_subject_string (finding, "city", collab_units_id (store, base->city));
  collab_finding_set_subject_int (finding, "year", year);
  collab_finding_take_expected (finding, collab_rule_fund_amount (base->base));
  collab_rule_fund_report_overflow (ctx, ledger, finding, base->city, year, year);
}

static void
check (CollabCheckContext *ctx)
{
  CollabRef program_ref = collab_check_context_get_program_ref (ctx);
  const CollabProgramRec *program = collab_check_context_get_program (ctx);
  const CollabFundBaseRec *bases = program->fund_base.items;
  int n_years = program->last_year - program->first_year + 1;
  int last_judged = MIN (program->last_year, (int) collab_day_get_year (collab_check_context_get_as_of (ctx)));
  g_autoptr(CollabLedger) ledger = NULL;
  g_autofree CollabMoneySum *allocated = NULL;

  if (program->fund_base.n == 0 || last_judged < program->first_year)
    return;

  ledger = collab_rule_fund_ledger (ctx);
  allocated = collab_rule_fund_allocated (ledger, program_ref, program);

  for (guint b = 0; b < program->fund_base.n; b++)
    for (int year = program->first_year; year <= last_judged; year++)
      {
        const CollabMoneySum *sum = &allocated[b * n_years + (year - program->first_year)];

        if (sum->overflow)
          report_overflow (ctx, ledger, &bases[b], year);
        else if (sum->fen < bases[b].base)
          report (ctx, &bases[b], year, sum->fen);
      }
}

COLLAB_DEFINE_RULE (fund_floor,
  .id = "fund.floor",
  .area = "fund",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .check = check);
