/* collab-rule-labour-follow-up.c: labour.follow_up
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §11.2: a `transfer` placement (work away from home, 异地转移就业)
 * went more than `days` (90) without contact. The contacts are the
 * placement's start and its follow-ups (跟踪服务) dated from the start up
 * to the horizon: the placement's end, or the as-of day when that comes
 * first or the placement has not ended. Follow-ups outside that range do
 * not count. Between contacts on days a < b the gap is b − a days, and
 * so is the gap from the last contact to the horizon; every gap of more
 * than `days` days is one finding. A placement that starts after the
 * as-of day is not judged yet.
 *
 * The follow-ups are grouped by placement once per check run (a counting
 * sort over the placements, then each placement's dates sorted), so that
 * twelve million follow-ups cost two passes, not a search per placement.
 *
 * Subject {placement, from, to}: from the earlier contact, to the later
 * one or the horizon. Expected `days`, actual the gap's days.
 */

#include <stdlib.h>

#include "types/collab-day-private.h"
#include "collab-rule-labour-private.h"

/* The dates of every placement's follow-ups, sorted: those of placement
 * p are dates[starts[p] … starts[p + 1]). */
typedef struct
{
  guint32   *starts;
  CollabDay *dates;
} FollowUps;

typedef enum
{
  GAP_TO_FOLLOW_UP,
  GAP_TO_END,
  GAP_TO_AS_OF,
} GapEnd;

static int
compare_days (const void *a,
              const void *b)
{
  CollabDay x = *(const CollabDay *) a;
  CollabDay y = *(const CollabDay *) b;

  return (x > y) - (x < y);
}

static void
sort_days (CollabDay *days,
           guint      n)
{
  if (n > 16)
    {
      qsort (days, n, sizeof *days, compare_days);
      return;
    }
  /* A placement has a handful: an insertion sort beats qsort's calls. */
  for (guint i = 1; i < n; i++)
    {
      CollabDay day = days[i];
      guint j = i;

      for (; j > 0 && days[j - 1] > day; j--)
        days[j] = days[j - 1];
      days[j] = day;
    }
}

static void
follow_ups_free (gpointer data)
{
  FollowUps *follow_ups = data;

  g_free (follow_ups->starts);
  g_free (follow_ups->dates);
  g_free (follow_ups);
}

static gpointer
follow_ups_new (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  guint n_placements = collab_store_count (store, COLLAB_RECORD_KIND_PLACEMENT);
  guint n = collab_store_count (store, COLLAB_RECORD_KIND_FOLLOW_UP);
  FollowUps *follow_ups = g_new0 (FollowUps, 1);
  g_autofree guint32 *placements = g_new (guint32, MAX (n, 1));
  g_autofree CollabDay *dates = g_new (CollabDay, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const CollabFollowUpRec *follow_up = collab_store_get (store, COLLAB_RECORD_KIND_FOLLOW_UP, i);

      placements[i] = COLLAB_REF_INDEX (follow_up->placement);
      dates[i] = follow_up->date;
    }
  follow_ups->dates = g_new (CollabDay, MAX (n, 1));
  follow_ups->starts = collab_rule_labour_sort (placements, dates, sizeof *dates, n, n_placements,
                                                follow_ups->dates);

  for (guint p = 0; p < n_placements; p++)
    {
      const CollabPlacementRec *placement = collab_store_get (store, COLLAB_RECORD_KIND_PLACEMENT, p);

      if (placement->kind == COLLAB_PLACEMENT_KIND_TRANSFER)
        sort_days (follow_ups->dates + follow_ups->starts[p], follow_ups->starts[p + 1] - follow_ups->starts[p]);
    }
  return follow_ups;
}

static void
report_gap (CollabCheckContext       *ctx,
            const CollabPlacementRec *placement,
            CollabDay                 from,
            CollabDay                 to,
            GapEnd                    end,
            guint                     days)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  CollabFinding *finding = collab_check_context_new_finding (ctx);
  char from_text[COLLAB_DAY_TEXT_LEN + 1] = { 0 };
  char to_text[COLLAB_DAY_TEXT_LEN + 1] = { 0 };
  const char *worker = collab_units_id (store, placement->worker);
  guint gap = to - from;

  /* A few million findings may be made here: no allocation but theirs. */
  collab_day_write_text (from, from_text);
  collab_day_write_text (to, to_text);
  collab_finding_set_subject_string (finding, "placement", placement->h.id);
  collab_finding_set_subject_string (finding, "from", from_text);
  collab_finding_set_subject_string (finding, "to", to_text);
  collab_finding_set_expected_int (finding, days);
  collab_finding_set_actual_int (finding, gap);

  collab_finding_set_message (finding,
                              end == GAP_TO_FOLLOW_UP ?
                              /* Translators: the id of a placement, of its worker, of its employer
                               * and the employer's name, the days of the gap, the day of the
                               * earlier contact and of the next follow-up, then the days
                               * allowed. */
                              ngettext_ ("The transfer placement %s of worker %s at %s (%s) went %u day without "
                                         "contact, from %s to the next follow-up on %s; at most %u are allowed. "
                                         "Follow up sooner, or record the follow-ups that were made.",
                                         "The transfer placement %s of worker %s at %s (%s) went %u days without "
                                         "contact, from %s to the next follow-up on %s; at most %u are allowed. "
                                         "Follow up sooner, or record the follow-ups that were made.", gap) :
                              end == GAP_TO_END ?
                              /* Translators: the same, up to the placement's last day. */
                              ngettext_ ("The transfer placement %s of worker %s at %s (%s) went %u day without "
                                         "contact, from %s to its end on %s; at most %u are allowed. Record the "
                                         "follow-ups made before it ended.",
                                         "The transfer placement %s of worker %s at %s (%s) went %u days without "
                                         "contact, from %s to its end on %s; at most %u are allowed. Record the "
                                         "follow-ups made before it ended.", gap) :
                              /* Translators: the same, up to the day the check is made as of. */
                              ngettext_ ("The transfer placement %s of worker %s at %s (%s) has gone %u day without "
                                         "contact, from %s to %s, the day of the check; at most %u are allowed. "
                                         "Follow up with the worker now, and record it.",
                                         "The transfer placement %s of worker %s at %s (%s) has gone %u days without "
                                         "contact, from %s to %s, the day of the check; at most %u are allowed. "
                                         "Follow up with the worker now, and record it.", gap),
                              placement->h.id, worker, collab_units_id (store, placement->employer),
                              collab_units_name (store, placement->employer), gap, from_text, to_text, days);
  collab_check_context_report (ctx, finding);
}

static void
judge (CollabCheckContext       *ctx,
       const CollabPlacementRec *placement,
       const CollabDay          *dates,
       guint                     n_dates,
       guint                     days)
{
  CollabDay as_of = collab_check_context_get_as_of (ctx);
  gboolean ends = placement->end != COLLAB_DAY_NONE && placement->end <= as_of;
  CollabDay horizon = ends ? placement->end : as_of;
  CollabDay last = placement->start;

  if (horizon < placement->start)
    return;

  for (guint i = 0; i < n_dates && dates[i] <= horizon; i++)
    {
      if (dates[i] < placement->start)
        continue;
      if (dates[i] - last > days)
        report_gap (ctx, placement, last, dates[i], GAP_TO_FOLLOW_UP, days);
      last = dates[i];
    }
  if (horizon - last > days)
    report_gap (ctx, placement, last, horizon, ends ? GAP_TO_END : GAP_TO_AS_OF, days);
}

static void
check (CollabCheckContext *ctx)
{
  static const char key = 0;
  CollabStore *store = collab_check_context_get_store (ctx);
  FollowUps *follow_ups = collab_check_context_get_run_data (ctx, &key, follow_ups_new, follow_ups_free);
  guint days = collab_check_context_get_count (ctx, "days");
  guint n;
  const guint32 *placements = collab_rule_labour_placements (ctx, &n);

  for (guint i = 0; i < n; i++)
    {
      guint p = placements[i];
      const CollabPlacementRec *placement = collab_store_get (store, COLLAB_RECORD_KIND_PLACEMENT, p);

      if (placement->kind != COLLAB_PLACEMENT_KIND_TRANSFER)
        continue;
      judge (ctx, placement, follow_ups->dates + follow_ups->starts[p], follow_ups->starts[p + 1] -
             follow_ups->starts[p], days);
    }
}

static const CollabRuleParam params[] = {
  COLLAB_RULE_COUNT ("days", 90),
  { NULL },
};

COLLAB_DEFINE_RULE (labour_follow_up,
  .id = "labour.follow_up",
  .area = "labour",
  .severity = COLLAB_SEVERITY_WARNING,
  .scope = COLLAB_RULE_SCOPE_PROGRAM_AND_NONE,
  .params = params,
  .check = check);
