/* collab-plan.c: the 666 shortfall of every pairing-year, as a table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * collab_checker_plan(): the rule set of each program, the reading of the
 * tiers and the as-of day are the checker's, as for a check; this file
 * counts every pairing-year under them (analysis/collab-talent.c) and
 * plans what closes it (analysis/collab-talent-plan.c).
 */

#include <libcollab/collab-enum-types.h>
#include <libcollab/collab-error.h>

#include "model/collab-units-private.h"
#include "types/collab-i18n-private.h"
#include "model/collab-dataset-private.h"
#include "rules/666/collab-rule-666-private.h"
#include "rules/collab-checker-private.h"
#include "rules/collab-ruleset-private.h"
#include "collab-table-private.h"

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

/* Every pairing-year of @dataset (only the program at index @only unless
 * it is G_MAXUINT; only those of @years unless it is NULL), counted as of @as_of under
 * the rule set of its program (@program_sets: one per program, in the
 * order of the dataset), its tiers read as @interpretation when
 * @override_interpretation, else as that rule set says. */
static CollabTable *
plan_table (CollabDataset         *dataset,
            GPtrArray             *program_sets,
            gboolean               override_interpretation,
            CollabInterpretation   interpretation,
            CollabDay              as_of,
            guint                  only,
            const CollabYearRange *years)
{
  g_autoptr(CollabTableBuilder) builder = NULL;
  g_autofree CollabTalentRules *rules = NULL;
  guint months[2 * COLLAB_TALENT_MAX_TIERS];
  static const char * const group_columns[] = { "teachers", "doctors", "agriculture_or_other" };
  const CollabTalentTally *tally;
  CollabStore *store = collab_dataset_get_store (dataset);
  guint n_programs = program_sets->len;
  guint n_months;

  /* The rules of every program, as the checker reads them. */
  rules = g_new0 (CollabTalentRules, MAX (n_programs, 1));
  for (guint p = 0; p < n_programs; p++)
    {
      CollabRuleset *set = g_ptr_array_index (program_sets, p);

      collab_rule_666_thresholds (&rules[p], set,
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

  tally = collab_talent_tally_for_store (store);

  for (guint i = 0; i < tally->n_pairing_years; i++)
    {
      const CollabTalentPairingYear *py = &tally->pairing_years[i];
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, py->pairing);
      const CollabProgramRec *program = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, py->program);
      const CollabTalentRules *r = &rules[py->program];
      CollabTalentCounts counts;
      CollabTalentPlan plan;
      gboolean adjusted;

      if ((only != G_MAXUINT && py->program != only) || !collab_year_range_contains (years, py->year))
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

/**
 * collab_checker_plan:
 * @self: a checker
 * @dataset: the records
 * @program_id: (nullable): a program id, or `NULL` for every program
 * @years: (nullable): the years to plan, or `NULL` for every year of
 *   each program
 * @error: return location for an error
 *
 * Counts and plans every pairing-year under the 666 rule (SPEC §5): a
 * county-level pairing of a program and a year it is active in (its
 * period, else the program's). This is what `collab plan` prints.
 *
 * The plan asks the checker's options what a check would: each program
 * is planned by its own rule set unless the checker has one, the tenure
 * tiers are read as that rule set says unless
 * [method@Collab.Checker.set_interpretation] was called, and services
 * that end after the as-of day count as projected. Unlike a check, a plan
 * covers every year of each program, the future ones too: a plan is for
 * the years to come as much as for the past.
 *
 * A plan is minimal: no set of fewer dispatches, of any professions and
 * tenures, makes the pairing-year pass (doc/talent.md proves it). A rule
 * the rule set disables is not planned for, and neither is the mix of a
 * pairing-year with a recorded `666.mix` adjustment.
 *
 * The table has one row per pairing-year, sorted by program, pairing and
 * year, with the columns
 *
 * - `program`, `pairing`, `assisting`, `assisted`, `year`, and
 *   `interpretation`, the reading of the tenure tiers in force;
 * - `counted` (people counted, each once), `projected` (of them, ending
 *   after the as-of day), `teachers`, `doctors`, `agriculture_or_other`,
 *   and `short_other` (agriculture-or-other people not counted because
 *   they serve under the `666.short_other` months);
 * - `served_12`, `served_6`, `served_1`: people counted who serve at
 *   least that many months, one column per tier of the rule sets;
 * - `total_ok`, `tenure_ok`, `mix_ok` (null where the rule is disabled)
 *   and `mix_adjusted`;
 * - `add_teacher_12` … `add_agriculture_or_other_1`: the dispatches to
 *   add, by profession group and the months they serve at least (under
 *   the banded reading, fewer than the next longer tier's), then
 *   `add_total`, and `plan`, the same in a sentence (`NULL` when nothing
 *   is to be added).
 *
 * Returns: (transfer full): the table, or `NULL` with @error set when
 *   @program_id names no program (%COLLAB_DATASET_ERROR_NOT_FOUND) or a
 *   program names a rule set that is not shipped while the checker has
 *   none of its own (%COLLAB_RULESET_ERROR_NOT_FOUND)
 */
CollabTable *
collab_checker_plan (CollabChecker          *self,
                     CollabDataset          *dataset,
                     const char             *program_id,
                     const CollabYearRange  *years,
                     GError                **error)
{
  g_autoptr(GPtrArray) program_sets = NULL;
  CollabInterpretation interpretation;
  gboolean override_interpretation;
  CollabStore *store;
  guint only = G_MAXUINT;
  CollabDay as_of;

  g_return_val_if_fail (COLLAB_IS_CHECKER (self), NULL);
  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = collab_dataset_get_store (dataset);
  if (!collab_units_find_program (store, program_id, &only, error))
    return NULL;

  program_sets = collab_ruleset_resolve_programs (store, collab_checker_get_ruleset (self), NULL, error);
  if (program_sets == NULL)
    return NULL;

  collab_checker_get_options (self, &as_of, &override_interpretation, &interpretation);
  return plan_table (dataset, program_sets, override_interpretation, interpretation, as_of, only, years);
}
