/* collab-rule-event-annual.c: event.annual
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §11.2: in each past year of a program's period, at least `min`
 * events of each kind the rule set names: a joint meeting (联席会议) and
 * a visit of party and government leaders (党政领导互访) a year for
 * east–west cooperation, a meeting on industrial parks (产业园区发展交流
 * 会议) as well for the counterpart plan. `min` is a count by event kind;
 * a kind it does not name is not asked for, and by default it names none.
 *
 * An event counts for the program it names and the year of its date.
 * Only past years are judged (collab-rule-program-private.h). One finding
 * per kind and year short.
 *
 * Subject {program, kind, year}; expected `min` of the kind; actual the
 * events of the kind held that year.
 */

#include <libcollab/collab-enum-types.h>

#include "collab-rule-program-private.h"

/* What a message calls a kind of event. */
static const char *
kind_label (CollabEventKind kind)
{
  switch (kind)
    {
    case COLLAB_EVENT_KIND_JOINT_MEETING:
      return C_("event kind", "joint meeting");
    case COLLAB_EVENT_KIND_VISIT:
      return C_("event kind", "visit of party and government leaders");
    case COLLAB_EVENT_KIND_PARK_MEETING:
      return C_("event kind", "meeting on industrial parks");
    case COLLAB_EVENT_KIND_JOB_FAIR:
      return C_("event kind", "job fair");
    case COLLAB_EVENT_KIND_TRAINING_CLASS:
      return C_("event kind", "training class");
    case COLLAB_EVENT_KIND_EXPO:
      return C_("event kind", "sales fair or promotion");
    case COLLAB_EVENT_KIND_OTHER:
    default:
      return C_("event kind", "other event");
    }
}

/* The subject names the kind as the document writes it (@kind); the
 * message as people call it. */
static void
report (CollabCheckContext *ctx,
        const char         *kind,
        CollabEventKind     value,
        int                 year,
        guint               min,
        guint               held)
{
  const char *program_id = collab_check_context_get_program_id (ctx);
  CollabFinding *finding = collab_check_context_new_finding (ctx);

  collab_finding_set_subject_string (finding, "program", program_id);
  collab_finding_set_subject_string (finding, "kind", kind);
  collab_finding_set_subject_int (finding, "year", year);
  collab_finding_set_expected_int (finding, min);
  collab_finding_set_actual_int (finding, held);
  collab_finding_set_message (finding,
                              /* Translators: the id of a program, the events it held, the
                               * kind of event (such as "joint meeting"), the year, the
                               * events of that kind the rule set asks for a year, then the
                               * program's id again. */
                              ngettext_ ("Program %s held %u event of the kind %s in %d, fewer than the %u a year "
                                         "the rule set asks for; hold the missing ones, or record those held as "
                                         "events of program %s.",
                                         "Program %s held %u events of the kind %s in %d, fewer than the %u a year "
                                         "the rule set asks for; hold the missing ones, or record those held as "
                                         "events of program %s.", held),
                              collab_check_context_cut (ctx, program_id), held, kind_label (value), year, min,
                              collab_check_context_cut (ctx, program_id));
  collab_check_context_report (ctx, finding);
}

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const CollabProgramRec *program = collab_check_context_get_program (ctx);
  int last = collab_rule_program_last_past_year (ctx);
  g_autoptr(GVariant) min = collab_check_context_get_parameter (ctx, "min");
  g_autoptr(GEnumClass) kinds = NULL;
  g_autofree guint *held = NULL;
  const guint32 *events;
  GVariantIter iter;
  char *kind;
  gint64 count;
  guint n;

  if (last < program->first_year || g_variant_n_children (min) == 0)
    return;

  /* held[(year − first) × kinds + kind]: the program's events in its past years. */
  kinds = g_type_class_ref (COLLAB_TYPE_EVENT_KIND);
  held = g_new0 (guint, (gsize) (last - program->first_year + 1) * kinds->n_values);
  events = collab_rule_program_records (ctx, &collab_rule_program_index (ctx)->events, &n);
  for (guint i = 0; i < n; i++)
    {
      const CollabEventRec *event = collab_store_get (store, COLLAB_RECORD_KIND_EVENT, events[i]);
      int year = (int) collab_day_get_year (event->date);

      if (year >= program->first_year && year <= last && event->kind < kinds->n_values)
        held[(year - program->first_year) * kinds->n_values + event->kind]++;
    }

  /* By kind, then year: the kinds of `min` are event kinds (the rule set
   * checked them when it was loaded or set). */
  g_variant_iter_init (&iter, min);
  while (g_variant_iter_next (&iter, "{sx}", &kind, &count))
    {
      GEnumValue *value = g_enum_get_value_by_nick (kinds, kind);
      guint wanted = (guint) CLAMP (count, 0, G_MAXUINT);

      for (int year = program->first_year; value != NULL && year <= last; year++)
        {
          guint got = held[(year - program->first_year) * kinds->n_values + value->value];

          if (got < wanted)
            report (ctx, kind, value->value, year, wanted, got);
        }
      g_free (kind);
    }
}

static const CollabRuleParam params[] = {
  COLLAB_RULE_COUNTS ("min", collab_event_kind_get_type),
  { NULL },
};

COLLAB_DEFINE_RULE (event_annual,
  .id = "event.annual",
  .area = "program",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .params = params,
  .check = check);
