/* collab-rule-pairing-coverage.c: pairing.coverage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: every poverty-lifted or national-key county of an assisted city
 * in the program has at least one county-level pairing active in every
 * year of the program.
 *
 * "Of an assisted city" follows the parent chain, so a county whose parent
 * is a city listed in the program's `assisted` (or lies deeper under it)
 * counts. A pairing covers a county when it belongs to the program, is at
 * county level, has the county as its assisted end, and its own period
 * (else the program's) includes the year. A pairing that pairing.invalid
 * reports — a self-pairing, two units of one side — covers nothing: it
 * does not assist anyone. One finding per county and uncovered year, so
 * each can be fixed and followed on its own.
 *
 * Subject: {program, county, year}; expected 1 pairing, actual 0.
 */

#include "rules/collab-finding-private.h"
#include "rules/collab-rule-private.h"

#define FLAGS_TO_COVER (COLLAB_REGION_FLAGS_POVERTY_LIFTED | COLLAB_REGION_FLAGS_NATIONAL_KEY)

static const char *
describe_flags (guint flags)
{
  if ((flags & FLAGS_TO_COVER) == FLAGS_TO_COVER)
    return _("poverty-lifted and national key");
  if (flags & COLLAB_REGION_FLAGS_NATIONAL_KEY)
    return _("national key");
  return _("poverty-lifted");
}

static void
report (CollabCheckContext    *ctx,
        CollabRef              county_ref,
        CollabRef              city_ref,
        int                    year,
        GString               *pairings)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const CollabRegionRec *county = collab_store_deref (store, county_ref);
  const char *program_id = collab_check_context_get_program_id (ctx);
  const char *county_id = county->h.id;
  CollabFinding *finding = collab_check_context_new_finding (ctx);

  collab_finding_set_subject_string (finding, "program", program_id);
  collab_finding_set_subject_string (finding, "county", county_id);
  collab_finding_set_subject_int (finding, "year", year);
  collab_finding_set_expected_int (finding, 1);
  collab_finding_set_actual_int (finding, 0);

  if (pairings->len == 0)
    collab_finding_set_message (finding,
                                _("The %s county %s (%s) of %s has no county-level pairing in program %s, "
                                  "so it is not covered in %d; add a county-level pairing of %s with %s as "
                                  "the assisted side whose period includes %d."),
                                describe_flags (county->flags), collab_check_context_cut (ctx, county_id),
                                collab_check_context_cut (ctx, collab_units_name (store, county_ref)),
                                collab_check_context_cut (ctx, collab_units_id (store, city_ref)),
                                collab_check_context_cut (ctx, program_id), year,
                                collab_check_context_cut (ctx, program_id),
                                collab_check_context_cut (ctx, county_id), year);
  else
    collab_finding_set_message (finding,
                                _("The %s county %s (%s) of %s has no county-level pairing of program %s "
                                  "active in %d (%s); extend one of them or add a county-level pairing with %s "
                                  "as the assisted side whose period includes %d."),
                                describe_flags (county->flags), collab_check_context_cut (ctx, county_id),
                                collab_check_context_cut (ctx, collab_units_name (store, county_ref)),
                                collab_check_context_cut (ctx, collab_units_id (store, city_ref)),
                                collab_check_context_cut (ctx, program_id), year, pairings->str,
                                collab_check_context_cut (ctx, county_id), year);

  collab_check_context_report (ctx, finding);
}

static void
check_county (CollabCheckContext *ctx,
              CollabRef           county_ref,
              CollabRef           city_ref,
              GArray             *program_pairings)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const CollabProgramRec *program = collab_check_context_get_program (ctx);
  int n_years = program->last_year - program->first_year + 1;
  g_autofree gboolean *covered = g_new0 (gboolean, MAX (n_years, 1));
  g_autoptr(GString) pairings = g_string_new (NULL);

  for (guint i = 0; i < program_pairings->len; i++)
    {
      const CollabPairingRec *pairing =
        collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, g_array_index (program_pairings, guint, i));
      g_autofree char *years = NULL;
      int first, last;

      if (collab_units_region (store, pairing->assisted) != county_ref)
        continue;

      collab_store_pairing_years (store, pairing, &first, &last);
      years = collab_rule_format_years (first, last);
      if (pairings->len > 0)
        g_string_append (pairings, _(", "));
      g_string_append_printf (pairings, _("%s runs %s"), collab_check_context_cut (ctx, pairing->h.id), years);

      for (int year = MAX (first, program->first_year); year <= MIN (last, program->last_year); year++)
        covered[year - program->first_year] = TRUE;
    }

  for (int year = program->first_year; year <= program->last_year; year++)
    if (!covered[year - program->first_year])
      report (ctx, county_ref, city_ref, year, pairings);
}

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  CollabRef program_ref = collab_check_context_get_program_ref (ctx);
  const CollabProgramRec *program = collab_check_context_get_program (ctx);
  guint n_regions = collab_store_count (store, COLLAB_RECORD_KIND_REGION);
  guint n_pairings = collab_store_count (store, COLLAB_RECORD_KIND_PAIRING);
  g_autoptr(GArray) program_pairings = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  /* The program's sound county-level pairings, once. */
  for (guint i = 0; i < n_pairings; i++)
    {
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, i);

      if (pairing->program == program_ref && pairing->level == COLLAB_PAIRING_LEVEL_COUNTY &&
          collab_units_pairing_is_sound (store, pairing))
        g_array_append_val (program_pairings, i);
    }

  for (guint c = 0; c < program->assisted.n; c++)
    {
      CollabRef city_ref = program->assisted.refs[c];

      for (guint i = 0; i < n_regions; i++)
        {
          const CollabRegionRec *region = collab_store_get (store, COLLAB_RECORD_KIND_REGION, i);
          CollabRef region_ref = COLLAB_REF (COLLAB_RECORD_KIND_REGION, i);

          if (region->level != COLLAB_REGION_LEVEL_COUNTY || (region->flags & FLAGS_TO_COVER) == 0 ||
              !collab_units_region_is_under (store, region_ref, city_ref))
            continue;

          /* Assisted cities may nest (a province and its city): judge a
           * county once. */
          if (!g_hash_table_add (seen, GUINT_TO_POINTER (region_ref)))
            continue;

          check_county (ctx, region_ref, city_ref, program_pairings);
        }
    }
}

COLLAB_DEFINE_RULE (pairing_coverage,
  .id = "pairing.coverage",
  .area = "pairing",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .check = check);
