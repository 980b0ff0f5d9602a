/* collab-rule-666-term.c: 666.term
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: "teachers and doctors mostly serve a year or half a year". A
 * warning when fewer than `percent` (50) per cent of the teachers and
 * doctors counted in a pairing-year serve at least `months` (6) months.
 * Exactly half is enough ("fewer than half" fails). A pairing-year
 * without teachers or doctors is left to 666.mix.
 *
 * Subject {assisting, assisted, year}; expected {"months", "count"}: how
 * many of those counted must serve that long; actual {"count", "of",
 * "projected"}: how many do, of how many teachers and doctors, of whom how
 * many end after the as-of day.
 */

#include "collab-rule-666-private.h"


static void
check (CollabCheckContext *ctx)
{
  const CollabTalentPairingYear *py;
  CollabTalentCounts counts;
  Collab666Run run;
  guint percent;

  collab_rule_666_begin (&run, ctx);
  percent = MIN (run.rules.term_percent, 100);

  while ((py = collab_rule_666_next (&run, &counts)) != NULL)
    {
      g_autofree char *where = NULL, *projected = NULL, *add = NULL;
      CollabFinding *finding;
      guint needed;

      if (counts.term_people == 0 || (guint64) counts.term_served * 100 >= (guint64) percent * counts.term_people)
        continue;

      /* The fewest who must serve that long: ceil (percent × people / 100). */
      needed = (guint) (((guint64) percent * counts.term_people + 99) / 100);

      /* Or, keeping everyone, how many more long-serving ones would do:
       * (served + x) × 100 ≥ percent × (people + x). */
      if (percent < 100)
        {
          guint64 gap = (guint64) percent * counts.term_people - (guint64) counts.term_served * 100;
          guint64 x = (gap + (100 - percent) - 1) / (100 - percent);

          add = g_strdup_printf (ngettext_ (", or add %u teacher or doctor serving ≥ %u months",
                                            ", or add %u teachers or doctors serving ≥ %u months", (gulong) x),
                                 (guint) x, run.rules.term_months);
        }
      else
        add = g_strdup ("");

      finding = collab_rule_666_new_finding (&run, py,
                                             collab_rule_int_dict ("months", (gint64) run.rules.term_months,
                                                                   "count", (gint64) needed, NULL),
                                             collab_rule_int_dict ("count", (gint64) counts.term_served,
                                                                   "of", (gint64) counts.term_people,
                                                                   "projected", (gint64) counts.term_projected,
                                                                   NULL));

      where = collab_rule_666_describe (&run, py);
      /* "of those counted": the teachers and doctors. */
      counts.projected = counts.term_projected;
      projected = collab_rule_666_projected (&run, &counts);
      collab_finding_set_message (finding,
                                  _("%s: %u of the %u teachers and doctors counted serve ≥ %u months, fewer than "
                                    "%u%% (%u needed)%s; teaching and medical support should serve mainly a year or "
                                    "half a year: keep %u more of them for ≥ %u months%s."),
                                  where, counts.term_served, counts.term_people, run.rules.term_months,
                                  percent, needed, projected, needed - counts.term_served, run.rules.term_months, add);
      collab_check_context_report (ctx, finding);
    }
}

static const CollabRuleParam params[] = {
  COLLAB_RULE_COUNT ("months", 6),
  COLLAB_RULE_COUNT ("percent", 50),
  { NULL },
};

COLLAB_DEFINE_RULE (666_term,
  .id = "666.term",
  .area = "talent",
  .severity = COLLAB_SEVERITY_WARNING,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .params = params,
  .check = check);
