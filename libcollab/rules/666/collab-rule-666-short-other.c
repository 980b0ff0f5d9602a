/* collab-rule-666-short-other.c: 666.short_other
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: "others serve at least a month". Every agriculture-or-other
 * dispatch of a pairing-year that serves under `months` (1) months is a
 * violation, and is not counted toward 666.total, 666.mix or 666.tenure
 * (analysis/collab-talent.c leaves it out when it counts). A person with a
 * longer dispatch in the same pairing-year is still counted, with that
 * one; the message says so.
 *
 * Subject {assisting, assisted, year, dispatch}; expected the months
 * (1), actual the whole months served (0).
 */

#include "collab-rule-666-private.h"

static void
report (Collab666Run                  *run,
        const CollabTalentPairingYear *py,
        const CollabTalentEntry       *entry,
        const CollabTalentEntry       *longest)
{
  const CollabDispatchRec *dispatch = collab_store_get (run->store, COLLAB_RECORD_KIND_DISPATCH, entry->dispatch);
  const CollabPersonRec *person = collab_store_get (run->store, COLLAB_RECORD_KIND_PERSON, entry->person);
  g_autofree char *where = collab_rule_666_describe (run, py);
  g_autofree char *start = collab_day_format (dispatch->start);
  g_autofree char *end = collab_day_format (entry->end);
  g_autofree char *needed = collab_day_format (collab_day_add_months (dispatch->start, run->rules.short_months) - 1);
  g_autofree char *counted = NULL;
  g_autofree char *days_text = NULL;
  g_autofree char *months_text = NULL;
  CollabFinding *finding = collab_rule_666_new_finding (run, py, g_variant_new_int64 (run->rules.short_months),
                                                        g_variant_new_int64 (entry->months));
  guint days = entry->end - dispatch->start + 1;

  collab_finding_set_subject_string (finding, "dispatch", dispatch->h.id);

  if (longest->months >= run->rules.short_months)
    {
      const CollabDispatchRec *other = collab_store_get (run->store, COLLAB_RECORD_KIND_DISPATCH, longest->dispatch);
      counted = g_strdup_printf (_("%s is counted with the longer dispatch %s instead"),
                                 collab_check_context_cut (run->ctx, person->h.id),
                                 collab_check_context_cut (run->ctx, other->h.id));
    }
  else
    counted = g_strdup_printf (_("%s is not counted toward the 666 rule"),
                               collab_check_context_cut (run->ctx, person->h.id));
  days_text = g_strdup_printf (ngettext_ ("%u day", "%u days", days), days);
  months_text = g_strdup_printf (ngettext_ ("%u month", "%u months", run->rules.short_months),
                                 run->rules.short_months);

  /* Translators: "%s: dispatch wx-d0582 of wx-p0581 (agriculture) serves
   * 2021-05-10 to 2021-05-23, 14 days, under 1 month, and wx-p0581 is not
   * counted …; … at least 1 month: extend the dispatch to end on
   * 2021-06-09 or later …". The %s after the end day is " (planned)" or
   * nothing. short_term is a value of the data: keep it. */
  collab_finding_set_message (finding,
                              _("%s: dispatch %s of %s (%s) serves %s to %s%s, %s, under %s, and %s; "
                                "agriculture and other professionals serve at least %s: extend the dispatch "
                                "to end on %s or later, or record the visit as short_term."),
                              where, collab_check_context_cut (run->ctx, dispatch->h.id),
                              collab_check_context_cut (run->ctx, person->h.id),
                              person->profession == COLLAB_PROFESSION_AGRICULTURE ? _("agriculture") : _("other"),
                              start, end, dispatch->actual_end != COLLAB_DAY_NONE ? "" : _(" (planned)"),
                              days_text, months_text, counted, months_text, needed);
  collab_check_context_report (run->ctx, finding);
}

static void
check (CollabCheckContext *ctx)
{
  const CollabTalentPairingYear *py;
  Collab666Run run;

  collab_rule_666_begin (&run, ctx);

  /* A rule set without the months asks for nothing. */
  while (run.rules.short_months > 0 && (py = collab_rule_666_next (&run, NULL)) != NULL)
    {
      const CollabTalentEntry *entries = run.tally->entries + py->first;
      const CollabTalentEntry *longest = NULL;

      for (guint e = 0; e < py->n; e++)
        {
          if (entries[e].longest)
            longest = &entries[e];
          if (collab_talent_group_of (entries[e].profession) == COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER &&
              entries[e].months < run.rules.short_months)
            report (&run, py, &entries[e], longest);
        }
    }
}

static const CollabRuleParam params[] = {
  COLLAB_RULE_COUNT ("months", 1),
  { NULL },
};

COLLAB_DEFINE_RULE (666_short_other,
  .id = "666.short_other",
  .area = "talent",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .params = params,
  .check = check);
