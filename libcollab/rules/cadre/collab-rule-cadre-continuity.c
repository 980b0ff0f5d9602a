/* collab-rule-cadre-continuity.c: cadre.continuity
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: "a working group at city level, a liaison at county level"
 * (市有工作组、县有联络员), with rotations that leave no gap (不断档、不留
 * 空白). For every assisted city of the program a cadre with post
 * `working_group`, and for every county the program pairs at county level
 * a cadre with post `liaison`, must be in post on every day: one finding
 * per uncovered range of days, with its exact first and last day.
 *
 * A cadre is in post from the start of an outbound `cadre` dispatch with
 * that post whose `to` is the city (working group) or the county
 * (liaison), to its actual end, else its planned end, both days included.
 * The days judged are those of the program period — for a county, of the
 * years it is paired in — up to the as-of day: days after it are not
 * judged yet (a check as of today does not report next year's rotation).
 *
 * The cadre dispatches are indexed once per dataset (by post and region,
 * sorted by start: analysis/collab-cadre-index.c), so that a check over
 * many programs does not scan a million dispatches per program.
 *
 * Subject {program, post, region, from, to}; expected 1 cadre in post,
 * actual 0.
 */

#include "analysis/collab-cadre-index-private.h"
#include "rules/collab-finding-private.h"
#include "rules/collab-rule-private.h"

static const char *
post_words (CollabPost post)
{
  return post == COLLAB_POST_WORKING_GROUP ? _("working-group cadre (工作组)") : _("liaison (联络员)");
}

static void
report_gap (CollabCheckContext *ctx,
            CollabPost          post,
            CollabRef           region,
            CollabDay           first,
            CollabDay           last,
            const CollabCadreStint        *before,
            const CollabCadreStint        *after)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  CollabFinding *finding = collab_check_context_new_finding (ctx);
  g_autofree char *from = collab_day_format (first);
  g_autofree char *to = collab_day_format (last);
  g_autoptr(GString) around = g_string_new (NULL);
  g_autofree char *remedy = NULL;
  g_autofree char *days_text = NULL;
  guint days = last - first + 1;

  collab_finding_set_subject_string (finding, "program", collab_check_context_get_program_id (ctx));
  collab_finding_set_subject_string (finding, "post", post == COLLAB_POST_WORKING_GROUP ? "working_group" : "liaison");
  collab_finding_set_subject_string (finding, "region", collab_units_id (store, region));
  collab_finding_set_subject_string (finding, "from", from);
  collab_finding_set_subject_string (finding, "to", to);
  collab_finding_set_expected_int (finding, 1);
  collab_finding_set_actual_int (finding, 0);

  if (before != NULL)
    {
      const CollabDispatchRec *dispatch = collab_store_get (store, COLLAB_RECORD_KIND_DISPATCH, before->dispatch);
      g_autofree char *end = collab_day_format (before->end);

      g_string_append_printf (around, _("%s (%s) left on %s"), collab_check_context_cut (ctx, dispatch->h.id),
                              collab_check_context_cut (ctx, collab_units_id (store, dispatch->person)), end);
    }
  if (after != NULL)
    {
      const CollabDispatchRec *dispatch = collab_store_get (store, COLLAB_RECORD_KIND_DISPATCH, after->dispatch);
      g_autofree char *start = collab_day_format (after->start);

      if (around->len > 0)
        g_string_append (around, _(" and "));
      g_string_append_printf (around, _("%s (%s) arrived on %s"), collab_check_context_cut (ctx, dispatch->h.id),
                              collab_check_context_cut (ctx, collab_units_id (store, dispatch->person)), start);
    }

  if (before != NULL && after != NULL)
    remedy = g_strdup (_("the successor should arrive the day after the predecessor leaves, or the predecessor "
                         "stay until then"));
  else if (after != NULL)
    remedy = g_strdup_printf (_("the first should arrive on %s"), from);
  else
    remedy = g_strdup_printf (_("send a successor who arrives on %s"), from);
  days_text = g_strdup_printf (ngettext_ ("%u day", "%u days", days), days);

  if (before == NULL && after == NULL)
    collab_finding_set_message (finding,
                                _("No %s of program %s was in post in %s (%s) from %s to %s (%s): no outbound "
                                  "cadre dispatch with post %s covers any of it; dispatch one for the whole range."),
                                post_words (post),
                                collab_check_context_cut (ctx, collab_check_context_get_program_id (ctx)),
                                collab_check_context_cut (ctx, collab_units_id (store, region)),
                                collab_check_context_cut (ctx, collab_units_name (store, region)), from, to,
                                days_text, post == COLLAB_POST_WORKING_GROUP ? "working_group" : "liaison");
  else
    collab_finding_set_message (finding,
                                _("No %s of program %s was in post in %s (%s) from %s to %s (%s): %s; "
                                  "rotations must leave no gap (不断档): %s."),
                                post_words (post),
                                collab_check_context_cut (ctx, collab_check_context_get_program_id (ctx)),
                                collab_check_context_cut (ctx, collab_units_id (store, region)),
                                collab_check_context_cut (ctx, collab_units_name (store, region)), from, to,
                                days_text, around->str, remedy);
  collab_check_context_report (ctx, finding);
}

/* Reports every day of [@first, @last] that no stint covers. */
static void
judge (CollabCheckContext     *ctx,
       const CollabCadreIndex *index,
       CollabPost              post,
       CollabRef               region,
       CollabDay               first,
       CollabDay               last)
{
  GArray *stints = collab_cadre_index_lookup (index, post, region);
  const CollabCadreStint *previous = NULL;   /* the stint reaching furthest so far */
  CollabDay covered_to = first - 1;   /* every day up to it is covered */

  for (guint i = 0; stints != NULL && i < stints->len; i++)
    {
      const CollabCadreStint *stint = &g_array_index (stints, CollabCadreStint, i);

      if (stint->end <= covered_to)
        continue;  /* within what is covered already */
      if (stint->start > covered_to + 1)
        {
          /* One that starts after the window does not close it. */
          if (stint->start > last)
            break;
          report_gap (ctx, post, region, covered_to + 1, stint->start - 1, previous, stint);
        }
      covered_to = stint->end;
      previous = stint;
      if (covered_to >= last)
        break;
    }

  if (covered_to < last)
    report_gap (ctx, post, region, covered_to + 1, last, previous, NULL);
}

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const CollabProgramRec *program = collab_check_context_get_program (ctx);
  CollabRef program_ref = collab_check_context_get_program_ref (ctx);
  const CollabCadreIndex *index = collab_cadre_index_for_store (store);
  CollabDay as_of = collab_check_context_get_as_of (ctx);
  CollabDay first = collab_day_new (program->first_year, 1, 1);
  CollabDay last = collab_day_new (program->last_year, 12, 31);
  int n_years = program->last_year - program->first_year + 1;
  g_autoptr(GHashTable) counties = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (CollabRef));

  if (as_of != COLLAB_DAY_NONE && as_of < last)
    last = as_of;
  if (last < first)
    return;

  /* Working groups: every assisted city, the whole period. */
  for (guint c = 0; c < program->assisted.n; c++)
    judge (ctx, index, COLLAB_POST_WORKING_GROUP, program->assisted.refs[c], first, last);

  /* Liaisons: every county the program pairs at county level, in the
   * years it is paired. */
  for (guint p = 0; p < collab_store_count (store, COLLAB_RECORD_KIND_PAIRING); p++)
    {
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, p);
      gboolean *years;
      int from_year, to_year;

      if (pairing->program != program_ref || pairing->level != COLLAB_PAIRING_LEVEL_COUNTY ||
          COLLAB_REF_KIND (pairing->assisted) != COLLAB_RECORD_KIND_REGION ||
          !collab_units_pairing_is_sound (store, pairing))
        continue;

      years = g_hash_table_lookup (counties, GUINT_TO_POINTER (pairing->assisted));
      if (years == NULL)
        {
          years = g_new0 (gboolean, n_years);
          g_hash_table_insert (counties, GUINT_TO_POINTER (pairing->assisted), years);
          g_array_append_val (order, pairing->assisted);
        }
      collab_store_pairing_years (store, pairing, &from_year, &to_year);
      for (int y = MAX (from_year, program->first_year); y <= MIN (to_year, program->last_year); y++)
        years[y - program->first_year] = TRUE;
    }

  for (guint i = 0; i < order->len; i++)
    {
      CollabRef county = g_array_index (order, CollabRef, i);
      const gboolean *years = g_hash_table_lookup (counties, GUINT_TO_POINTER (county));

      /* Each run of paired years is a window of its own. */
      for (int y = 0; y < n_years;)
        {
          int end;
          CollabDay window_first, window_last;

          if (!years[y])
            {
              y++;
              continue;
            }
          for (end = y; end + 1 < n_years && years[end + 1]; end++)
            ;
          window_first = collab_day_new (program->first_year + y, 1, 1);
          window_last = MIN (collab_day_new (program->first_year + end, 12, 31), last);
          if (window_first <= window_last)
            judge (ctx, index, COLLAB_POST_LIAISON, county, window_first, window_last);
          y = end + 1;
        }
    }
}

COLLAB_DEFINE_RULE (cadre_continuity,
  .id = "cadre.continuity",
  .area = "cadre",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .check = check);
