/* collab-rule-labour-overfilled.c: labour.overfilled
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §11.2: more placements name a job offer than it has positions.
 * Every placement that names the offer counts, ended or not: a position
 * filled once stays counted, so that a list of job offers (岗位供给清单)
 * cannot be filled twice over by rotating people through it. One finding
 * per offer of the program (or of no program) judged.
 *
 * Subject {offer}; expected the positions, actual the placements.
 */

#include "collab-rule-labour-private.h"

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const CollabLabourIndex *index = collab_rule_labour_index (ctx);
  guint n;
  const guint32 *offers = collab_rule_labour_offers (ctx, &n);

  for (guint i = 0; i < n; i++)
    {
      const CollabJobOfferRec *offer = collab_store_get (store, COLLAB_RECORD_KIND_JOB_OFFER, offers[i]);
      guint filled = index->filled[offers[i]];
      guint positions = MAX (offer->positions, 0);
      CollabFinding *finding;

      if (filled <= positions)
        continue;

      finding = collab_check_context_new_finding (ctx);
      collab_finding_set_subject_string (finding, "offer", offer->h.id);
      collab_finding_set_expected_int (finding, positions);
      collab_finding_set_actual_int (finding, filled);
      collab_finding_set_message (finding,
                                  /* Translators: the id of a job offer, of its employer and the
                                   * employer's name, its positions, the placements that name it, then
                                   * how many are too many. */
                                  ngettext_ ("The job offer %s of %s (%s) has %u position but %u placements name it, "
                                             "%u too many; correct the offer of the placements that filled "
                                             "another job, or raise the offer's positions if the employer "
                                             "added posts.",
                                             "The job offer %s of %s (%s) has %u positions but %u placements name "
                                             "it, %u too many; correct the offer of the placements that filled "
                                             "another job, or raise the offer's positions if the employer "
                                             "added posts.", positions),
                                  collab_check_context_cut (ctx, offer->h.id),
                                  collab_check_context_cut (ctx, collab_units_id (store, offer->employer)),
                                  collab_check_context_cut (ctx, collab_units_name (store, offer->employer)),
                                  positions, filled, filled - positions);
      collab_check_context_report (ctx, finding);
    }
}

COLLAB_DEFINE_RULE (labour_overfilled,
  .id = "labour.overfilled",
  .area = "labour",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_PROGRAM_AND_NONE,
  .check = check);
