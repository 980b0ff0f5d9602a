/* collab-rule-pairing-period.c: pairing.period
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: a pairing's period reaches outside its program's period. Only
 * a pairing that gives its own period can: one without runs exactly for
 * the program's.
 *
 * Subject: {pairing}; expected the program's period, actual the
 * pairing's, each as {"first_year": …, "last_year": …}.
 */

#include "rules/collab-finding-private.h"
#include "rules/collab-rule-private.h"

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  CollabRef program_ref = collab_check_context_get_program_ref (ctx);
  const CollabProgramRec *program = collab_check_context_get_program (ctx);
  const char *program_id = collab_check_context_get_program_id (ctx);
  guint n_pairings = collab_store_count (store, COLLAB_RECORD_KIND_PAIRING);
  g_autofree char *program_years = collab_rule_format_years (program->first_year, program->last_year);
  int period_field = collab_schema_find_field (collab_schema_for_kind (COLLAB_RECORD_KIND_PAIRING), "period");

  for (guint i = 0; i < n_pairings; i++)
    {
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, i);
      g_autofree char *pairing_years = NULL;
      g_autofree char *within = NULL;
      CollabFinding *finding;
      int first, last;

      if (pairing->program != program_ref || period_field < 0 || !COLLAB_RECORD_PRESENT (pairing, period_field))
        continue;

      first = pairing->period.first_year;
      last = pairing->period.last_year;
      if (first >= program->first_year && last <= program->last_year)
        continue;

      pairing_years = collab_rule_format_years (first, last);
      /* What would remove the finding: the part of the pairing's period
       * inside the program's, when there is one. */
      if (MAX (first, program->first_year) <= MIN (last, program->last_year))
        {
          g_autofree char *inside = collab_rule_format_years (MAX (first, program->first_year),
                                                              MIN (last, program->last_year));

          within = g_strdup_printf (_("shorten it to %s"), inside);
        }
      else
        within = g_strdup_printf (_("move it into %s or into the program it belongs to"), program_years);

      finding = collab_check_context_new_finding (ctx);
      collab_finding_set_subject_string (finding, "pairing", pairing->h.id);
      collab_finding_take_expected (finding, collab_rule_int_dict ("first_year", (gint64) program->first_year,
                                                                   "last_year", (gint64) program->last_year, NULL));
      collab_finding_take_actual (finding, collab_rule_int_dict ("first_year", (gint64) first,
                                                                 "last_year", (gint64) last, NULL));
      collab_finding_set_message (finding,
                                  _("Pairing %s runs %s, which reaches outside the period %s of its program %s; "
                                    "%s."),
                                  collab_check_context_cut (ctx, pairing->h.id), pairing_years, program_years,
                                  collab_check_context_cut (ctx, program_id), within);
      collab_check_context_report (ctx, finding);
    }
}

COLLAB_DEFINE_RULE (pairing_period,
  .id = "pairing.period",
  .area = "pairing",
  .severity = COLLAB_SEVERITY_WARNING,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .check = check);
