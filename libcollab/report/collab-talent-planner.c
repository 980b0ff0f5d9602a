/* collab-talent-planner.c: the 666 shortfall of every pairing-year, as a table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The table of collab_checker_plan(): the checker resolves the rule set
 * of each program, the reading of the tiers and the as-of day, as it does
 * for a check; this file counts every pairing-year under them
 * (collab-talent.c) and plans what closes it (collab-talent-plan.c).
 */

#include <libcollab/collab-enum-types.h>

#include "model/collab-dataset-private.h"
#include "rules/collab-ruleset-private.h"
#include "collab-table-private.h"
#include "collab-talent-private.h"

/* The months of every tier of every program's rules, longest first, each
 * once: the tier columns. */
static guint
collect_tier_months (const CollabTalentRules *rules,
                     guint                    n_programs,
                     guint                   *months)
{
  guint n = 0;

  for (guint p = 0; p < n_programs; p++)
    for (guint t = 0; t < rules[p].n_tiers; t++)
      {
        guint m = rules[p].tiers[t].months, i;

        for (i = 0; i < n && months[i] != m; i++)
          ;
        if (i == n && n < 2 * COLLAB_TALENT_MAX_TIERS)
          months[n++] = m;
      }

  /* A handful: insertion sort, longest first. */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && months[j - 1] < months[j]; j--)
      {
        guint swap = months[j];
        months[j] = months[j - 1];
        months[j - 1] = swap;
      }
  return n;
}

static int
tier_of (const CollabTalentRules *rules,
         guint                    months)
{
  for (guint t = 0; t < rules->n_tiers; t++)
    if (rules->tiers[t].months == months)
      return t;
  return -1;
}

static void
append_bool_or_null (CollabTableBuilder *builder,
                     gboolean            judged,
                     gboolean            value)
{
  if (judged)
    collab_table_builder_append_bool (builder, value);
  else
    collab_table_builder_append_null (builder);
}

CollabTable *
collab_talent_plan_table (CollabDataset        *dataset,
                          GPtrArray            *program_sets,
                          gboolean              override_interpretation,
                          CollabInterpretation  interpretation,
                          CollabDay             as_of,
                          guint                 only,
                          int                   year)
{
  g_autoptr(CollabTableBuilder) builder = NULL;
  g_autofree CollabTalentRules *rules = NULL;
  guint months[2 * COLLAB_TALENT_MAX_TIERS];
  static const char * const group_columns[] = { "teachers", "doctors", "agriculture_or_other" };
  CollabTalentTally *tally;
  CollabStore *store = collab_dataset_get_store (dataset);
  guint n_programs = program_sets->len;
  guint n_months;

  /* The rules of every program, as the checker reads them. */
  rules = g_new0 (CollabTalentRules, MAX (n_programs, 1));
  for (guint p = 0; p < n_programs; p++)
    {
      CollabRuleset *set = g_ptr_array_index (program_sets, p);

      collab_talent_rules_init (&rules[p], set,
                                override_interpretation ? interpretation
                                                        : collab_ruleset_get_interpretation (set));
    }
  n_months = collect_tier_months (rules, n_programs, months);

  builder = collab_table_builder_new ();
  collab_table_builder_add_column (builder, "program", COLLAB_COLUMN_TYPE_STRING);
  collab_table_builder_add_column (builder, "pairing", COLLAB_COLUMN_TYPE_STRING);
  collab_table_builder_add_column (builder, "assisting", COLLAB_COLUMN_TYPE_STRING);
  collab_table_builder_add_column (builder, "assisted", COLLAB_COLUMN_TYPE_STRING);
  collab_table_builder_add_column (builder, "year", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_enum_column (builder, "interpretation", COLLAB_TYPE_INTERPRETATION);
  collab_table_builder_add_column (builder, "counted", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "projected", COLLAB_COLUMN_TYPE_INT);
  for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
    collab_table_builder_add_column (builder, group_columns[g], COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "short_other", COLLAB_COLUMN_TYPE_INT);
  for (guint m = 0; m < n_months; m++)
    {
      g_autofree char *name = g_strdup_printf ("served_%u", months[m]);
      collab_table_builder_add_column (builder, name, COLLAB_COLUMN_TYPE_INT);
    }
  collab_table_builder_add_column (builder, "total_ok", COLLAB_COLUMN_TYPE_BOOL);
  collab_table_builder_add_column (builder, "tenure_ok", COLLAB_COLUMN_TYPE_BOOL);
  collab_table_builder_add_column (builder, "mix_ok", COLLAB_COLUMN_TYPE_BOOL);
  collab_table_builder_add_column (builder, "mix_adjusted", COLLAB_COLUMN_TYPE_BOOL);
  for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
    for (guint m = 0; m < n_months; m++)
      {
        g_autofree char *name = g_strdup_printf ("add_%s_%u", collab_talent_group_nick (g), months[m]);
        collab_table_builder_add_column (builder, name, COLLAB_COLUMN_TYPE_INT);
      }
  collab_table_builder_add_column (builder, "add_total", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "plan", COLLAB_COLUMN_TYPE_STRING);

  tally = collab_talent_tally_for_dataset (dataset);

  for (guint i = 0; i < tally->n_pairing_years; i++)
    {
      const CollabTalentPairingYear *py = &tally->pairing_years[i];
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, py->pairing);
      const CollabProgramRec *program = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, py->program);
      const CollabTalentRules *r = &rules[py->program];
      CollabTalentCounts counts;
      CollabTalentPlan plan;
      gboolean adjusted;

      if ((only != G_MAXUINT && py->program != only) || (year != 0 && py->year != year))
        continue;

      collab_talent_count (tally, i, r, as_of, &counts);
      adjusted = collab_talent_is_adjusted (tally, "666.mix", pairing->assisting, pairing->assisted, py->year);
      collab_talent_plan (r, &counts, adjusted, &plan);

      collab_table_builder_append_string (builder, program->h.id);
      collab_table_builder_append_string (builder, pairing->h.id);
      collab_table_builder_append_string (builder, collab_store_ref_id (store, pairing->assisting));
      collab_table_builder_append_string (builder, collab_store_ref_id (store, pairing->assisted));
      collab_table_builder_append_int (builder, py->year);
      collab_table_builder_append_string (builder, collab_interpretation_to_nick (r->interpretation));
      collab_table_builder_append_int (builder, counts.counted);
      collab_table_builder_append_int (builder, counts.projected);
      for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
        collab_table_builder_append_int (builder, counts.groups[g]);
      collab_table_builder_append_int (builder, counts.short_other);
      for (guint m = 0; m < n_months; m++)
        {
          int t = tier_of (r, months[m]);

          if (t >= 0)
            collab_table_builder_append_int (builder, counts.at_least[t]);
          else
            collab_table_builder_append_null (builder);
        }
      append_bool_or_null (builder, r->total_enabled, collab_talent_total_passes (r, &counts));
      append_bool_or_null (builder, r->tenure_enabled, collab_talent_tenure_passes (r, &counts));
      append_bool_or_null (builder, r->mix_enabled, collab_talent_mix_passes (r, &counts));
      collab_table_builder_append_bool (builder, adjusted);
      for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
        for (guint m = 0; m < n_months; m++)
          {
            int t = tier_of (r, months[m]);

            collab_table_builder_append_int (builder, t >= 0 ? plan.add[g][t] : 0);
          }
      collab_table_builder_append_int (builder, plan.total);
      if (plan.total > 0)
        {
          g_autofree char *sentence = collab_talent_plan_to_string (r, &plan);
          collab_table_builder_append_string (builder, sentence);
        }
      else
        collab_table_builder_append_null (builder);
    }

  return collab_table_builder_end (builder);
}
