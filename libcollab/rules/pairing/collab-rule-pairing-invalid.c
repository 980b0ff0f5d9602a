/* collab-rule-pairing-invalid.c: pairing.invalid
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §4–5: a pairing never links a unit to itself, never links two
 * units of the same side, and is never duplicated within overlapping
 * periods. Each is a finding of its own on the offending pairing, and the
 * message says which:
 *
 *  - self: the assisting and the assisted end are the same record;
 *  - same side: both ends are on the east, or both on the west, by the
 *    side each region derives from its parent chain (an organization is
 *    on its region's side); ends whose side the records do not tell are
 *    not judged;
 *  - duplicate: another pairing of the same program has the same assisting
 *    and assisted ends and a period (its own, else the program's) that
 *    overlaps. Of two duplicates, the one with the greater id is reported,
 *    naming the other, so that removing it clears the finding.
 *
 * Subject: {pairing}.
 */

#include <string.h>

#include "rules/collab-finding-private.h"
#include "rules/collab-rule-private.h"

static CollabFinding *
new_finding (CollabCheckContext     *ctx,
             const CollabPairingRec *pairing)
{
  CollabFinding *finding = collab_check_context_new_finding (ctx);

  collab_finding_set_subject_string (finding, "pairing", pairing->h.id);
  return finding;
}

static void
check_ends (CollabCheckContext     *ctx,
            const CollabPairingRec *pairing)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  CollabSide assisting, assisted;
  CollabFinding *finding;

  if (pairing->assisting == pairing->assisted)
    {
      finding = new_finding (ctx, pairing);
      collab_finding_set_message (finding,
                                  _("Pairing %s is a self-pairing: it links %s (%s) to itself; a pairing links an "
                                    "assisting unit to a different, assisted unit."),
                                  collab_check_context_cut (ctx, pairing->h.id),
                                  collab_check_context_cut (ctx, collab_units_id (store, pairing->assisting)),
                                  collab_check_context_cut (ctx, collab_units_name (store, pairing->assisting)));
      collab_check_context_report (ctx, finding);
      return;
    }

  assisting = collab_units_side (store, pairing->assisting);
  assisted = collab_units_side (store, pairing->assisted);
  if (assisting != COLLAB_SIDE_UNKNOWN && assisting == assisted)
    {
      finding = new_finding (ctx, pairing);
      collab_finding_set_message (finding,
                                  assisting == COLLAB_SIDE_EAST
                                    ? _("Pairing %s is a same-side pairing: %s (%s) and %s (%s) are both on the east "
                                        "side; a pairing links an assisting unit in the east with an assisted unit "
                                        "in the west.")
                                    : _("Pairing %s is a same-side pairing: %s (%s) and %s (%s) are both on the west "
                                        "side; a pairing links an assisting unit in the east with an assisted unit "
                                        "in the west."),
                                  collab_check_context_cut (ctx, pairing->h.id),
                                  collab_check_context_cut (ctx, collab_units_id (store, pairing->assisting)),
                                  collab_check_context_cut (ctx, collab_units_name (store, pairing->assisting)),
                                  collab_check_context_cut (ctx, collab_units_id (store, pairing->assisted)),
                                  collab_check_context_cut (ctx, collab_units_name (store, pairing->assisted)));
      collab_check_context_report (ctx, finding);
    }
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  CollabStore *store = user_data;
  const CollabPairingRec *pa = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, *(const guint *) a);
  const CollabPairingRec *pb = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, *(const guint *) b);

  return strcmp (pa->h.id, pb->h.id);
}

/* @group holds the pairings of the program with one (assisting, assisted),
 * sorted by id. */
static void
check_duplicates (CollabCheckContext *ctx,
                  GArray             *group)
{
  CollabStore *store = collab_check_context_get_store (ctx);

  for (guint i = 1; i < group->len; i++)
    {
      const CollabPairingRec *later = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING,
                                                        g_array_index (group, guint, i));
      int later_first, later_last;

      collab_store_pairing_years (store, later, &later_first, &later_last);
      for (guint j = 0; j < i; j++)
        {
          const CollabPairingRec *earlier = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING,
                                                              g_array_index (group, guint, j));
          g_autofree char *overlap = NULL;
          CollabFinding *finding;
          int first, last;

          collab_store_pairing_years (store, earlier, &first, &last);
          first = MAX (first, later_first);
          last = MIN (last, later_last);
          if (first > last)
            continue;

          overlap = collab_rule_format_years (first, last);
          finding = new_finding (ctx, later);
          collab_finding_set_message (finding,
                                      _("Pairing %s is a duplicate of pairing %s: both link %s (%s) to %s (%s) "
                                        "in program %s and their periods overlap in %s; remove %s or make the "
                                        "periods disjoint."),
                                      collab_check_context_cut (ctx, later->h.id),
                                      collab_check_context_cut (ctx, earlier->h.id),
                                      collab_check_context_cut (ctx, collab_units_id (store, later->assisting)),
                                      collab_check_context_cut (ctx, collab_units_name (store, later->assisting)),
                                      collab_check_context_cut (ctx, collab_units_id (store, later->assisted)),
                                      collab_check_context_cut (ctx, collab_units_name (store, later->assisted)),
                                      collab_check_context_cut (ctx, collab_check_context_get_program_id (ctx)),
                                      overlap, collab_check_context_cut (ctx, later->h.id));
          collab_check_context_report (ctx, finding);
          break;  /* one finding per duplicate pairing is enough to act on */
        }
    }
}

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  CollabRef program_ref = collab_check_context_get_program_ref (ctx);
  guint n_pairings = collab_store_count (store, COLLAB_RECORD_KIND_PAIRING);
  g_autoptr(GHashTable) groups = NULL;
  GHashTableIter iter;
  gpointer group;

  /* (assisting, assisted) -> the program's pairings that link them; both
   * references fit in 64 bits. */
  groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n_pairings; i++)
    {
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, i);
      gint64 key;
      GArray *members;

      if (pairing->program != program_ref)
        continue;

      check_ends (ctx, pairing);

      key = ((gint64) pairing->assisting << 32) | pairing->assisted;
      members = g_hash_table_lookup (groups, &key);
      if (members == NULL)
        {
          members = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (groups, g_memdup2 (&key, sizeof key), members);
        }
      g_array_append_val (members, i);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &group))
    if (((GArray *) group)->len > 1)
      {
        g_array_sort_with_data (group, compare_by_id, store);
        check_duplicates (ctx, group);
      }
}

COLLAB_DEFINE_RULE (pairing_invalid,
  .id = "pairing.invalid",
  .area = "pairing",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .check = check);
