/* collab-rule-pairing-orphan.c: pairing.orphan
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: an assisting county-level unit of the program has no pairing.
 *
 * The assisting county-level units of a program are the county-level
 * regions under its assisting city (parent chain; districts, county-level
 * cities and functional zones alike). One is an orphan when no pairing of
 * the program, at any level and in any year, has it as the assisting end.
 * A pairing that pairing.invalid reports as self- or same-side pairing
 * does not count: it pairs the unit with no one it could assist.
 *
 * Subject: {program, assisting}; expected 1 pairing, actual 0.
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
  guint n_regions = collab_store_count (store, COLLAB_RECORD_KIND_REGION);
  guint n_pairings = collab_store_count (store, COLLAB_RECORD_KIND_PAIRING);
  g_autoptr(GHashTable) paired = g_hash_table_new (NULL, NULL);

  if (program->assisting == COLLAB_REF_NONE)
    return;

  for (guint i = 0; i < n_pairings; i++)
    {
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, i);

      if (pairing->program == program_ref && collab_units_pairing_is_sound (store, pairing))
        g_hash_table_add (paired, GUINT_TO_POINTER (pairing->assisting));
    }

  for (guint i = 0; i < n_regions; i++)
    {
      const CollabRegionRec *region = collab_store_get (store, COLLAB_RECORD_KIND_REGION, i);
      CollabRef region_ref = COLLAB_REF (COLLAB_RECORD_KIND_REGION, i);
      CollabFinding *finding;

      if (region->level != COLLAB_REGION_LEVEL_COUNTY ||
          g_hash_table_contains (paired, GUINT_TO_POINTER (region_ref)) ||
          !collab_units_region_is_under (store, region_ref, program->assisting))
        continue;

      finding = collab_check_context_new_finding (ctx);
      collab_finding_set_subject_string (finding, "program", program_id);
      collab_finding_set_subject_string (finding, "assisting", region->h.id);
      collab_finding_set_expected_int (finding, 1);
      collab_finding_set_actual_int (finding, 0);
      collab_finding_set_message (finding,
                                  _("The county-level unit %s (%s) of the assisting city %s has no pairing in "
                                    "program %s; pair it with an assisted unit, or disable pairing.orphan if it "
                                    "takes no part by design."),
                                  collab_check_context_cut (ctx, region->h.id),
                                  collab_check_context_cut (ctx, collab_units_name (store, region_ref)),
                                  collab_check_context_cut (ctx, collab_units_id (store, program->assisting)),
                                  collab_check_context_cut (ctx, program_id));
      collab_check_context_report (ctx, finding);
    }
}

COLLAB_DEFINE_RULE (pairing_orphan,
  .id = "pairing.orphan",
  .area = "pairing",
  .severity = COLLAB_SEVERITY_WARNING,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .check = check);
