/* collab-rule-initiative-count.c: initiative.count
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §11.2: each year of the plan has a few key initiatives
 * (年度推进重点专项, "每年确定2个左右"): at least `min` (1) and at most
 * `max` (3). An initiative counts for the program it names and its
 * `year`. Only past years of the program's period are judged
 * (collab-rule-program-private.h). One finding per year out of bounds.
 *
 * Subject {program, year}; expected {min, max}; actual the initiatives
 * of the year.
 */

#include "collab-rule-program-private.h"

static void
report (CollabCheckContext *ctx,
        int                 year,
        guint               min,
        guint               max,
        guint               count)
{
  const char *program_id = collab_check_context_get_program_id (ctx);
  CollabFinding *finding = collab_check_context_new_finding (ctx);

  collab_finding_set_subject_string (finding, "program", program_id);
  collab_finding_set_subject_int (finding, "year", year);
  collab_finding_take_expected (finding, collab_rule_int_dict ("min", (gint64) min, "max", (gint64) max, NULL));
  collab_finding_set_actual_int (finding, count);
  if (count < min)
    collab_finding_set_message (finding,
                                /* Translators: the id of a program, its key initiatives of a
                                 * year, the year, then the fewest the rule set asks for. */
                                ngettext_ ("Program %s has %u key initiative for %d, fewer than the %u a year the "
                                           "rule set asks for; choose the year's key initiatives and record them.",
                                           "Program %s has %u key initiatives for %d, fewer than the %u a year the "
                                           "rule set asks for; choose the year's key initiatives and record them.",
                                           count),
                                collab_check_context_cut (ctx, program_id), count, year, min);
  else
    collab_finding_set_message (finding,
                                /* Translators: the id of a program, its key initiatives of a
                                 * year, the year, then the most the rule set allows. */
                                ngettext_ ("Program %s has %u key initiative for %d, more than the %u a year the "
                                           "rule set allows; keep to the year's few most important ones.",
                                           "Program %s has %u key initiatives for %d, more than the %u a year the "
                                           "rule set allows; keep to the year's few most important ones.",
                                           count),
                                collab_check_context_cut (ctx, program_id), count, year, max);
  collab_check_context_report (ctx, finding);
}

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const CollabProgramRec *program = collab_check_context_get_program (ctx);
  int last = collab_rule_program_last_past_year (ctx);
  guint min = collab_check_context_get_count (ctx, "min");
  guint max = collab_check_context_get_count (ctx, "max");
  g_autofree guint *counts = NULL;
  const guint32 *initiatives;
  guint n;

  if (last < program->first_year)
    return;

  counts = g_new0 (guint, last - program->first_year + 1);
  initiatives = collab_rule_program_records (ctx, &collab_rule_program_index (ctx)->initiatives, &n);
  for (guint i = 0; i < n; i++)
    {
      const CollabInitiativeRec *initiative = collab_store_get (store, COLLAB_RECORD_KIND_INITIATIVE, initiatives[i]);

      if (initiative->year >= program->first_year && initiative->year <= last)
        counts[initiative->year - program->first_year]++;
    }

  for (int year = program->first_year; year <= last; year++)
    {
      guint count = counts[year - program->first_year];

      if (count < min || count > max)
        report (ctx, year, min, max, count);
    }
}

static const CollabRuleParam params[] = {
  COLLAB_RULE_COUNT ("min", 1),
  COLLAB_RULE_COUNT ("max", 3),
  { NULL },
};

COLLAB_DEFINE_RULE (initiative_count,
  .id = "initiative.count",
  .area = "program",
  .severity = COLLAB_SEVERITY_WARNING,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .params = params,
  .check = check);
