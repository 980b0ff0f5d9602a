/* collab-rule-666-county-mix.c: 666.county_mix
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5, the 13th Five-Year plan's rule (rule set poverty-2016): each
 * assisted county receives, every year, at least `teacher` (6) teachers,
 * `doctor` (6) medical staff and `agriculture_or_other` (6) agricultural
 * or other professionals — per county, from any assisting unit, with no
 * tenure tiers.
 *
 * "From any assisting unit": the county's pairing-years of the program
 * are merged, so that the dispatches of every district paired with it
 * count, each person once (a person sent by two districts in one year is
 * one person). An adjustment with rule "666.county_mix" for the county and
 * year silences it, as "666.mix" does for 666.mix.
 *
 * Subject {program, assisted, year} (SPEC §10: a county counts toward
 * the program that pairs it, so that the scorecard counts a finding in
 * its own program's rows only); expected {teacher, doctor,
 * agriculture_or_other}, actual the same and "projected".
 */

#include "collab-rule-666-private.h"

static void
judge_county (Collab666Run *run,
              const guint  *mix,
              GVariant     *expected,
              CollabRef     county,
              int           year,
              GArray       *pairing_years,
              GArray       *scratch)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) from = g_string_new (NULL);
  g_autofree char *missing_text = NULL;
  g_autofree char *projected = NULL;
  CollabTalentCounts counts;
  CollabFinding *finding;
  gboolean short_ = FALSE;

  g_array_set_size (scratch, 0);
  for (guint k = 0; k < pairing_years->len; k++)
    {
      const CollabTalentPairingYear *py = &run->tally->pairing_years[g_array_index (pairing_years, guint, k)];
      const CollabPairingRec *pairing = collab_rule_666_pairing (run, py);

      g_array_append_vals (scratch, run->tally->entries + py->first, py->n);
      g_string_append_printf (from, "%s%s", from->len > 0 ? _(", ") : "",
                              collab_check_context_cut (run->ctx, collab_units_id (run->store, pairing->assisting)));
    }
  collab_talent_sort_entries ((CollabTalentEntry *) scratch->data, scratch->len);
  collab_talent_count_entries ((CollabTalentEntry *) scratch->data, scratch->len, &run->rules,
                               run->as_of, &counts);

  for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
    if (counts.groups[g] < mix[g])
      {
        guint more = mix[g] - counts.groups[g];

        short_ = TRUE;
        g_ptr_array_add (missing, g_strdup_printf (
          g == COLLAB_TALENT_GROUP_TEACHER
            ? ngettext_ ("%u more teacher", "%u more teachers", more)
            : g == COLLAB_TALENT_GROUP_DOCTOR
            ? ngettext_ ("%u more medical staff", "%u more medical staff", more)
            : ngettext_ ("%u more agricultural or other professional",
                         "%u more agricultural or other professionals", more),
          more));
      }
  if (!short_ || collab_talent_is_adjusted (run->tally, "666.county_mix", COLLAB_REF_NONE, county, year))
    return;

  finding = collab_check_context_new_finding (run->ctx);
  collab_finding_set_subject_string (finding, "program", collab_check_context_get_program_id (run->ctx));
  collab_finding_set_subject_string (finding, "assisted", collab_units_id (run->store, county));
  collab_finding_set_subject_int (finding, "year", year);
  collab_finding_take_expected (finding, g_variant_ref (expected));
  collab_finding_take_actual (finding, collab_rule_666_mix_actual (run, &counts));

  projected = collab_rule_666_projected (run, &counts);
  missing_text = collab_i18n_join_list ((const char * const *) missing->pdata, missing->len);
  collab_finding_set_message (finding,
                              _("%s (%s) received %u teachers, %u medical staff and %u agricultural or other "
                                "professionals in %d from %s%s, short of %u/%u/%u; send %s."),
                              collab_check_context_cut (run->ctx, collab_units_id (run->store, county)),
                              collab_check_context_cut (run->ctx, collab_units_name (run->store, county)),
                              counts.groups[COLLAB_TALENT_GROUP_TEACHER],
                              counts.groups[COLLAB_TALENT_GROUP_DOCTOR],
                              counts.groups[COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER], year, from->str,
                              projected, mix[0], mix[1], mix[2], missing_text);
  collab_check_context_report (run->ctx, finding);
}

static void
check (CollabCheckContext *ctx)
{
  Collab666Run run;
  guint mix[COLLAB_TALENT_N_GROUPS];
  g_autoptr(GHashTable) by_county_year = NULL;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (CollabTalentEntry));
  g_autoptr(GVariant) expected = NULL;

  collab_rule_666_begin (&run, ctx);
  mix[COLLAB_TALENT_GROUP_TEACHER] = collab_check_context_get_count (ctx, "teacher");
  mix[COLLAB_TALENT_GROUP_DOCTOR] = collab_check_context_get_count (ctx, "doctor");
  mix[COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER] = collab_check_context_get_count (ctx, "agriculture_or_other");
  expected = g_variant_ref_sink (collab_rule_666_mix_dict (mix, FALSE, 0));

  /* The program's pairing-years by (assisted county, year), in the order
   * they first appear. */
  by_county_year = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  for (guint i = run.first; i < run.end; i++)
    {
      const CollabTalentPairingYear *py = &run.tally->pairing_years[i];
      const CollabPairingRec *pairing = collab_rule_666_pairing (&run, py);
      gint64 key = ((gint64) pairing->assisted << 16) | (py->year & 0xffff);
      GArray *list;

      if (!collab_rule_666_is_judged (&run, py))
        continue;

      list = g_hash_table_lookup (by_county_year, &key);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_county_year, g_memdup2 (&key, sizeof key), list);
          g_array_append_val (order, key);
        }
      g_array_append_val (list, i);
    }

  for (guint k = 0; k < order->len; k++)
    {
      gint64 key = g_array_index (order, gint64, k);

      judge_county (&run, mix, expected, (CollabRef) (key >> 16), (int) (key & 0xffff),
                    g_hash_table_lookup (by_county_year, &key), scratch);
    }
}

COLLAB_DEFINE_RULE (666_county_mix,
  .id = "666.county_mix",
  .area = "talent",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .params = collab_rule_666_mix_params,
  .check = check);
