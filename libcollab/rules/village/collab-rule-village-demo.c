/* collab-rule-village-demo.c: village.demo
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: every county the program pairs has at least `count` (1)
 * demonstration villages of the program (so Yan'an's 3 counties have 3 or
 * more, Haidong's 6 have 6 or more). A village counts once however many
 * records name it; a demonstration-village record of another program, or
 * for another county, does not count. The paired counties are the
 * assisted ends (regions) of the program's county-level pairings, at any
 * year of its period.
 *
 * Subject {program, county}; expected the count, actual the villages.
 */

#include "rules/collab-finding-private.h"
#include "rules/collab-rule-private.h"

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  CollabRef program_ref = collab_check_context_get_program_ref (ctx);
  const char *program_id = collab_check_context_get_program_id (ctx);
  guint needed = collab_check_context_get_count (ctx, "count");
  g_autoptr(GHashTable) villages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GArray) counties = g_array_new (FALSE, FALSE, sizeof (CollabRef));

  /* The paired counties, in pairing order, each once. */
  for (guint p = 0; p < collab_store_count (store, COLLAB_RECORD_KIND_PAIRING); p++)
    {
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, p);

      if (pairing->program != program_ref || pairing->level != COLLAB_PAIRING_LEVEL_COUNTY ||
          COLLAB_REF_KIND (pairing->assisted) != COLLAB_RECORD_KIND_REGION ||
          !collab_units_pairing_is_sound (store, pairing) ||
          g_hash_table_contains (villages, GUINT_TO_POINTER (pairing->assisted)))
        continue;
      g_hash_table_insert (villages, GUINT_TO_POINTER (pairing->assisted), g_hash_table_new (NULL, NULL));
      g_array_append_val (counties, pairing->assisted);
    }

  for (guint i = 0; i < collab_store_count (store, COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE); i++)
    {
      const CollabDemoVillageRec *demo = collab_store_get (store, COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE, i);
      GHashTable *set;

      if (demo->program != program_ref)
        continue;
      set = g_hash_table_lookup (villages, GUINT_TO_POINTER (demo->county));
      if (set != NULL)
        g_hash_table_add (set, GUINT_TO_POINTER (demo->village));
    }

  for (guint i = 0; i < counties->len; i++)
    {
      CollabRef county = g_array_index (counties, CollabRef, i);
      guint have = g_hash_table_size (g_hash_table_lookup (villages, GUINT_TO_POINTER (county)));
      CollabFinding *finding;

      if (have >= needed)
        continue;

      finding = collab_check_context_new_finding (ctx);
      collab_finding_set_subject_string (finding, "program", program_id);
      collab_finding_set_subject_string (finding, "county", collab_units_id (store, county));
      collab_finding_set_expected_int (finding, needed);
      collab_finding_set_actual_int (finding, have);
      collab_finding_set_message (finding,
                                  ngettext_ ("%s (%s), paired in program %s, has %u demonstration village of the "
                                             "program, %u required; designate %u more (a village region of the "
                                             "county, recorded in demonstration_villages with program %s).",
                                             "%s (%s), paired in program %s, has %u demonstration villages of the "
                                             "program, %u required; designate %u more (a village region of the "
                                             "county, recorded in demonstration_villages with program %s).", have),
                                  collab_check_context_cut (ctx, collab_units_id (store, county)),
                                  collab_check_context_cut (ctx, collab_units_name (store, county)),
                                  collab_check_context_cut (ctx, program_id), have, needed, needed - have,
                                  collab_check_context_cut (ctx, program_id));
      collab_check_context_report (ctx, finding);
    }
}

static const CollabRuleParam params[] = {
  COLLAB_RULE_COUNT ("count", 1),
  { NULL },
};

COLLAB_DEFINE_RULE (village_demo,
  .id = "village.demo",
  .area = "village",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .params = params,
  .check = check);
