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

#include "types/collab-day-private.h"
#include "collab-rule-labour-private.h"

/* Per placement, by its position k in the labour index (which keeps each
 * program's placements together): its start, or COLLAB_DAY_NONE when it
 * is not a transfer placement and is not judged, its end, and the dates
 * of its follow-ups, sorted: dates[starts[k] … starts[k + 1]). */
typedef struct
{
  CollabDay *start;
  CollabDay *end;
  guint32   *starts;
  CollabDay *dates;
} FollowUps;

typedef enum
{
  GAP_TO_FOLLOW_UP,
  GAP_TO_END,
  GAP_TO_AS_OF,
} GapEnd;

static void
follow_ups_free (gpointer data)
{
  FollowUps *follow_ups = data;

  g_free (follow_ups->start);
  g_free (follow_ups->end);
  g_free (follow_ups->starts);
  g_free (follow_ups->dates);
  g_free (follow_ups);
}

static gpointer
follow_ups_new (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const guint32 *pos = collab_rule_labour_index (ctx)->placement_pos;
  guint n_placements = collab_store_count (store, COLLAB_RECORD_KIND_PLACEMENT);
  guint n = collab_store_count (store, COLLAB_RECORD_KIND_FOLLOW_UP);
  FollowUps *follow_ups = g_new0 (FollowUps, 1);
  g_autofree guint32 *keys = g_new (guint32, MAX (n, 1));
  g_autofree CollabDay *dates = g_new (CollabDay, MAX (n, 1));

  follow_ups->start = g_new (CollabDay, MAX (n_placements, 1));
  follow_ups->end = g_new (CollabDay, MAX (n_placements, 1));
  for (guint p = 0; p < n_placements; p++)
    {
      const CollabPlacementRec *placement = collab_store_get (store, COLLAB_RECORD_KIND_PLACEMENT, p);

      follow_ups->start[pos[p]] = placement->kind == COLLAB_PLACEMENT_KIND_TRANSFER ? placement->start
                                                                                    : COLLAB_DAY_NONE;
      follow_ups->end[pos[p]] = placement->end;
    }

  for (guint i = 0; i < n; i++)
    {
      const CollabFollowUpRec *follow_up = collab_store_get (store, COLLAB_RECORD_KIND_FOLLOW_UP, i);

      keys[i] = pos[COLLAB_REF_INDEX (follow_up->placement)];
      dates[i] = follow_up->date;
    }
  follow_ups->dates = g_new (CollabDay, MAX (n, 1));
  follow_ups->starts = collab_rule_labour_sort (keys, dates, sizeof *dates, n, n_placements, follow_ups->dates);

  for (guint k = 0; k < n_placements; k++)
    if (follow_ups->start[k] != COLLAB_DAY_NONE)
      collab_rule_labour_sort_days (follow_ups->dates + follow_ups->starts[k],
                                    follow_ups->starts[k + 1] - follow_ups->starts[k]);
  return follow_ups;
}

static void
report_gap (CollabCheckContext *ctx,
            guint               placement_index,
            CollabDay           from,
            CollabDay           to,
            GapEnd              end,
            guint               days)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const CollabPlacementRec *placement = collab_store_get (store, COLLAB_RECORD_KIND_PLACEMENT, placement_index);
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
                              collab_check_context_cut (ctx, placement->h.id),
                              collab_check_context_cut (ctx, worker),
                              collab_check_context_cut (ctx, collab_units_id (store, placement->employer)),
                              collab_check_context_cut (ctx, collab_units_name (store, placement->employer)),
                              gap, from_text, to_text, days);
  collab_check_context_report (ctx, finding);
}

/* Reports every gap of the placement at position @k of @index. */
static void
judge (CollabCheckContext      *ctx,
       const CollabLabourIndex *index,
       const FollowUps         *follow_ups,
       guint                    k,
       guint                    days)
{
  CollabDay as_of = collab_check_context_get_as_of (ctx);
  CollabDay start = follow_ups->start[k];
  CollabDay end = follow_ups->end[k];
  gboolean ends = end != COLLAB_DAY_NONE && end <= as_of;
  CollabDay horizon = ends ? end : as_of;
  CollabDay last = start;
  guint32 placement = index->placements[k];

  if (start == COLLAB_DAY_NONE || horizon < start)
    return;

  for (guint i = follow_ups->starts[k]; i < follow_ups->starts[k + 1] && follow_ups->dates[i] <= horizon; i++)
    {
      CollabDay day = follow_ups->dates[i];

      if (day < start)
        continue;
      if (day - last > days)
        report_gap (ctx, placement, last, day, GAP_TO_FOLLOW_UP, days);
      last = day;
    }
  if (horizon - last > days)
    report_gap (ctx, placement, last, horizon, ends ? GAP_TO_END : GAP_TO_AS_OF, days);
}

static void
check (CollabCheckContext *ctx)
{
  static const char key = 0;
  FollowUps *follow_ups = collab_check_context_get_run_data (ctx, &key, follow_ups_new, follow_ups_free);
  guint days = collab_check_context_get_count (ctx, "days");
  guint first, end;
  const CollabLabourIndex *index = collab_rule_labour_placements (ctx, &first, &end);

  for (guint k = first; k < end; k++)
    judge (ctx, index, follow_ups, k, days);
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
