/* collab-rule-talent-agreement.c: talent.agreement
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §11.2 (seed 003 item 15: Zhuhai's people are not below the two
 * cities' annual agreement): in a year with an agreement, the program
 * sent the city at least the professionals and the cadres it agreed —
 * only the measures the agreement gives. The people are counted by
 * collab_agreement_count() (analysis/collab-agreement-private.h): distinct
 * professionals whose outbound dispatch starts in the year, and distinct
 * cadres in post on at least one day of it, sent from the assisting city
 * to the city or a region under it. Exactly the agreed number passes.
 *
 * Years that have not begun by the as-of day are not judged, as in
 * fund.agreement. One finding per measure short.
 *
 * Subject: {program, city, year, measure} with measure "professionals"
 * or "cadres"; expected: the agreed number; actual: the people counted;
 * remedy: {"send": how many more}.
 */

#include "analysis/collab-agreement-private.h"
#include "rules/collab-finding-private.h"
#include "rules/collab-rule-private.h"

static void
report (CollabCheckContext       *ctx,
        const CollabAgreementRec *agreement,
        const char               *measure,
        guint                     agreed,
        guint                     counted)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const char *program_id = collab_check_context_get_program_id (ctx);
  const char *city_id = collab_units_id (store, agreement->city);
  const char *city_name = collab_units_name (store, agreement->city);
  CollabFinding *finding = collab_check_context_new_finding (ctx);
  guint more = agreed - counted;

  collab_finding_set_subject_string (finding, "program", program_id);
  collab_finding_set_subject_string (finding, "city", city_id);
  collab_finding_set_subject_int (finding, "year", agreement->year);
  collab_finding_set_subject_string (finding, "measure", measure);
  collab_finding_set_expected_int (finding, agreed);
  collab_finding_set_actual_int (finding, counted);
  collab_finding_take_remedy (finding, collab_rule_int_dict ("send", (gint64) more, NULL));

  if (g_str_equal (measure, "professionals"))
    collab_finding_set_message (finding,
                                /* Translators: a program's id, the professionals counted, a city's id and
                                 * its name, a year, the agreed number, the agreement's id, how many more
                                 * to send, the year. */
                                ngettext_ ("Program %s sent %u professional to %s (%s) in %d, fewer than the %u "
                                           "of the annual agreement %s; select and send %u more "
                                           "in %d.",
                                           "Program %s sent %u professionals to %s (%s) in %d, fewer than the %u "
                                           "of the annual agreement %s; select and send %u more "
                                           "in %d.", counted),
                                collab_check_context_cut (ctx, program_id), counted,
                                collab_check_context_cut (ctx, city_id),
                                collab_check_context_cut (ctx, city_name), agreement->year, agreed,
                                collab_check_context_cut (ctx, agreement->h.id), more, agreement->year);
  else
    collab_finding_set_message (finding,
                                /* Translators: a program's id, the cadres counted, a city's id and its
                                 * name, a year, the agreed number, the agreement's id, how many more to
                                 * send, the year. */
                                ngettext_ ("Program %s had %u cadre in post in %s (%s) in %d, fewer than the %u "
                                           "of the annual agreement %s; select and send %u more in %d.",
                                           "Program %s had %u cadres in post in %s (%s) in %d, fewer than the %u "
                                           "of the annual agreement %s; select and send %u more in %d.",
                                           counted),
                                collab_check_context_cut (ctx, program_id), counted,
                                collab_check_context_cut (ctx, city_id),
                                collab_check_context_cut (ctx, city_name), agreement->year, agreed,
                                collab_check_context_cut (ctx, agreement->h.id), more, agreement->year);
  collab_check_context_report (ctx, finding);
}

/* An overflow of the money leaves the people counted. */
static void
judge (const CollabAgreementRec     *agreement,
       const CollabAgreementActuals *actuals,
       const GError                 *overflow,
       gpointer                      ctx)
{
  if (collab_agreement_has_professionals (agreement) && actuals->professionals < (guint) agreement->professionals)
    report (ctx, agreement, "professionals", agreement->professionals, actuals->professionals);
  if (collab_agreement_has_cadres (agreement) && actuals->cadres < (guint) agreement->cadres)
    report (ctx, agreement, "cadres", agreement->cadres, actuals->cadres);
}

static void
check (CollabCheckContext *ctx)
{
  collab_agreement_foreach (collab_check_context_get_store (ctx), collab_check_context_get_program_ref (ctx),
                            (int) collab_day_get_year (collab_check_context_get_as_of (ctx)), judge, ctx);
}

COLLAB_DEFINE_RULE (talent_agreement,
  .id = "talent.agreement",
  .area = "talent",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .check = check);
