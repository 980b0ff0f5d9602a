/* collab-scorecard-talent.c: professionals against 666, cadres, villages, training
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The talent columns of a scorecard row (a program and a year, or a
 * period):
 *
 *   professionals, professionals_teacher … _other
 *                        people counted for the 666 rule in the program's
 *                        pairing-years of the row (each person once per
 *                        pairing over the row's years, with their longest
 *                        dispatch: once per pairing-year for one year),
 *                        by profession
 *   professionals_served_12, _6, _1
 *                        of them, serving at least that many months (one
 *                        column per tier of the programs' rule sets)
 *   pairing_years        county pairing-years of the program in the row
 *   total_passing, total_failing, tenure_passing, tenure_failing
 *                        pairing-years passing or failing 666.total and
 *                        666.tenure under the program's rule set and its
 *                        reading (null where the set disables the rule);
 *                        each pairing-year is judged on its own, so a
 *                        period adds them up
 *   cadres_working_group, cadres_liaison
 *                        distinct cadres in post for at least a day of
 *                        the row in an assisted city / a paired county
 *   demonstration_villages
 *                        the program's demonstration villages (they carry
 *                        no year: the same figure every year)
 *   training_person_times
 *                        cadres and talent trained: the person-times of
 *                        the program's trainings of area cadre_talent (a
 *                        training without an area is one) in the row's
 *                        years, both sides; labour training is the labour
 *                        section's (collab-scorecard-labour.c)
 *
 * A scorecard has no as-of day: nothing is projected, and every service
 * counts with its recorded (actual, else planned) end. The rows read the
 * talent tally the 666 rules use and the index of cadre posts
 * cadre.continuity uses, both kept with the store (analysis/).
 */

#include <libcollab/collab-enum-types.h>

#include "analysis/collab-cadre-index-private.h"
#include "rules/666/collab-rule-666-private.h"
#include "rules/collab-ruleset-private.h"
#include "collab-scorecard-private.h"

typedef struct
{
  const CollabStore       *store;
  const CollabTalentTally *tally;      /* the 666 rules' own, kept with the store */
  const CollabCadreIndex  *cadres;     /* cadre.continuity's own, likewise */
  CollabTalentRules       *rules;      /* per program */
  guint                    months[2 * COLLAB_TALENT_MAX_TIERS];
  guint                    n_months;
  GPtrArray               *counties;   /* per program: GArray of the paired counties' refs */
  guint                   *villages;   /* per program */
} TalentState;

static void
free_state (gpointer data)
{
  TalentState *state = data;

  g_free (state->rules);
  g_ptr_array_unref (state->counties);
  g_free (state->villages);
  g_free (state);
}

static void
collect_months (TalentState *state,
                guint        n_programs)
{
  for (guint p = 0; p < n_programs; p++)
    for (guint t = 0; t < state->rules[p].n_tiers; t++)
      {
        guint m = state->rules[p].tiers[t].months, i;

        for (i = 0; i < state->n_months && state->months[i] != m; i++)
          ;
        if (i == state->n_months && state->n_months < G_N_ELEMENTS (state->months))
          state->months[state->n_months++] = m;
      }

  for (guint i = 1; i < state->n_months; i++)
    for (guint j = i; j > 0 && state->months[j - 1] < state->months[j]; j--)
      {
        guint swap = state->months[j];
        state->months[j] = state->months[j - 1];
        state->months[j - 1] = swap;
      }
}

static gpointer
prepare (const CollabStore *store,
         GPtrArray         *findings)
{
  TalentState *state = g_new0 (TalentState, 1);
  guint n_programs = collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM);
  g_autoptr(CollabRuleset) fallback = collab_ruleset_new_builtin (COLLAB_RULESET_DEFAULT, NULL);
  g_autoptr(GPtrArray) sets = collab_ruleset_resolve_programs (store, NULL, fallback, NULL);

  state->store = store;
  state->tally = collab_talent_tally_for_store ((CollabStore *) store);
  state->cadres = collab_cadre_index_for_store ((CollabStore *) store);

  /* Each program's rules as its own rule set gives them; a set that is
   * not shipped falls back to the default (the checker reports it). */
  state->rules = g_new0 (CollabTalentRules, MAX (n_programs, 1));
  for (guint p = 0; p < n_programs; p++)
    {
      CollabRuleset *set = g_ptr_array_index (sets, p);

      collab_rule_666_thresholds (&state->rules[p], set, collab_ruleset_get_interpretation (set));
    }
  collect_months (state, n_programs);

  /* The paired counties of each program, each once. */
  state->counties = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint p = 0; p < n_programs; p++)
    g_ptr_array_add (state->counties, g_array_new (FALSE, FALSE, sizeof (CollabRef)));
  for (guint i = 0; i < collab_store_count (store, COLLAB_RECORD_KIND_PAIRING); i++)
    {
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, i);
      GArray *list;
      guint k;

      if (pairing->level != COLLAB_PAIRING_LEVEL_COUNTY || pairing->program == COLLAB_REF_NONE ||
          COLLAB_REF_KIND (pairing->assisted) != COLLAB_RECORD_KIND_REGION)
        continue;
      list = g_ptr_array_index (state->counties, COLLAB_REF_INDEX (pairing->program));
      for (k = 0; k < list->len && g_array_index (list, CollabRef, k) != pairing->assisted; k++)
        ;
      if (k == list->len)
        g_array_append_val (list, pairing->assisted);
    }

  /* Demonstration villages of each program, each village once. */
  state->villages = g_new0 (guint, MAX (n_programs, 1));
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
    g_autofree gint64 *keys = g_new (gint64, collab_store_count (store, COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE) + 1);

    for (guint i = 0; i < collab_store_count (store, COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE); i++)
      {
        const CollabDemoVillageRec *demo = collab_store_get (store, COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE, i);

        keys[i] = ((gint64) demo->program << 32) | demo->village;
        if (g_hash_table_add (seen, &keys[i]))
          state->villages[COLLAB_REF_INDEX (demo->program)]++;
      }
  }

  return state;
}

static void
add_columns (CollabTableBuilder *builder,
             gpointer            data)
{
  TalentState *state = data;
  GEnumClass *professions = g_type_class_ref (COLLAB_TYPE_PROFESSION);

  collab_table_builder_add_column (builder, "professionals", COLLAB_COLUMN_TYPE_INT);
  for (guint i = 0; i < professions->n_values; i++)
    {
      g_autofree char *name = g_strdup_printf ("professionals_%s", professions->values[i].value_nick);
      collab_table_builder_add_column (builder, name, COLLAB_COLUMN_TYPE_INT);
    }
  g_type_class_unref (professions);

  for (guint m = 0; m < state->n_months; m++)
    {
      g_autofree char *name = g_strdup_printf ("professionals_served_%u", state->months[m]);
      collab_table_builder_add_column (builder, name, COLLAB_COLUMN_TYPE_INT);
    }

  collab_table_builder_add_column (builder, "pairing_years", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "total_passing", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "total_failing", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "tenure_passing", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "tenure_failing", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "cadres_working_group", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "cadres_liaison", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "demonstration_villages", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "training_person_times", COLLAB_COLUMN_TYPE_INT);
}

/* Distinct cadres with @post in one of @regions for a day of the row. */
static guint
cadres_in_post (TalentState              *state,
                CollabPost                post,
                const CollabRef          *regions,
                guint                     n_regions,
                const CollabScorecardRow *row)
{
  g_autoptr(GHashTable) people = g_hash_table_new (NULL, NULL);
  CollabDay first = collab_scorecard_row_first_day (row);
  CollabDay last = collab_scorecard_row_last_day (row);

  for (guint r = 0; r < n_regions; r++)
    {
      GArray *stints = collab_cadre_index_lookup (state->cadres, post, regions[r]);

      for (guint i = 0; stints != NULL && i < stints->len; i++)
        {
          const CollabCadreStint *stint = &g_array_index (stints, CollabCadreStint, i);
          const CollabDispatchRec *dispatch = collab_store_get (state->store, COLLAB_RECORD_KIND_DISPATCH,
                                                                stint->dispatch);

          if (stint->start <= last && stint->end >= first)
            g_hash_table_add (people, GUINT_TO_POINTER (dispatch->person));
        }
    }
  return g_hash_table_size (people);
}

static void
append_pass_fail (CollabTableBuilder *builder,
                  gboolean            enabled,
                  guint               passing,
                  guint               failing)
{
  if (enabled)
    {
      collab_table_builder_append_int (builder, passing);
      collab_table_builder_append_int (builder, failing);
    }
  else
    {
      collab_table_builder_append_null (builder);
      collab_table_builder_append_null (builder);
    }
}

static void
append_cells (CollabTableBuilder       *builder,
              const CollabScorecardRow *row,
              gpointer                  data)
{
  TalentState *state = data;
  guint program = COLLAB_REF_INDEX (row->program_ref);
  const CollabTalentRules *rules = &state->rules[program];
  const CollabTalentTally *tally = state->tally;
  guint by_profession[COLLAB_PROFESSION_OTHER + 1] = { 0 };
  guint served[COLLAB_TALENT_MAX_TIERS] = { 0 };
  guint counted = 0, pairing_years = 0;
  guint total_ok = 0, total_bad = 0, tenure_ok = 0, tenure_bad = 0;
  gint64 training = 0;
  GArray *counties = g_ptr_array_index (state->counties, program);
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (CollabTalentEntry));

  for (guint i = tally->program_first[program]; i < tally->program_first[program + 1];)
    {
      const CollabTalentPairingYear *first = &tally->pairing_years[i];
      CollabTalentCounts counts;

      /* The pairing's pairing-years follow each other, by year. Each is
       * judged on its own; its people are counted with the pairing's
       * other years of the row, each person once. */
      g_array_set_size (people, 0);
      for (; i < tally->program_first[program + 1] && tally->pairing_years[i].pairing == first->pairing; i++)
        {
          const CollabTalentPairingYear *py = &tally->pairing_years[i];

          if (py->year < row->first_year || py->year > row->last_year)
            continue;

          collab_talent_count (tally, i, rules, COLLAB_DAY_NONE, &counts);
          pairing_years++;
          if (collab_talent_total_passes (rules, &counts))
            total_ok++;
          else
            total_bad++;
          if (collab_talent_tenure_passes (rules, &counts))
            tenure_ok++;
          else
            tenure_bad++;
          g_array_append_vals (people, tally->entries + py->first, py->n);
        }

      collab_talent_sort_entries ((CollabTalentEntry *) people->data, people->len);
      collab_talent_count_entries ((CollabTalentEntry *) people->data, people->len, rules, COLLAB_DAY_NONE,
                                   &counts);
      counted += counts.counted;
      for (guint p = 0; p < G_N_ELEMENTS (by_profession); p++)
        by_profession[p] += counts.by_profession[p];
      for (guint t = 0; t < rules->n_tiers; t++)
        served[t] += counts.at_least[t];
    }

  collab_table_builder_append_int (builder, counted);
  for (guint p = 0; p < G_N_ELEMENTS (by_profession); p++)
    collab_table_builder_append_int (builder, by_profession[p]);
  for (guint m = 0; m < state->n_months; m++)
    {
      guint t;

      for (t = 0; t < rules->n_tiers && rules->tiers[t].months != state->months[m]; t++)
        ;
      if (t < rules->n_tiers)
        collab_table_builder_append_int (builder, served[t]);
      else
        collab_table_builder_append_null (builder);
    }

  collab_table_builder_append_int (builder, pairing_years);
  append_pass_fail (builder, rules->total_enabled, total_ok, total_bad);
  append_pass_fail (builder, rules->tenure_enabled && rules->n_tiers > 0, tenure_ok, tenure_bad);

  collab_table_builder_append_int (builder, cadres_in_post (state, COLLAB_POST_WORKING_GROUP, row->program->assisted.refs,
                                                            row->program->assisted.n, row));
  collab_table_builder_append_int (builder, cadres_in_post (state, COLLAB_POST_LIAISON, (CollabRef *) counties->data,
                                                            counties->len, row));
  collab_table_builder_append_int (builder, state->villages[program]);

  for (guint i = 0; i < collab_store_count (row->store, COLLAB_RECORD_KIND_TRAINING); i++)
    {
      const CollabTrainingRec *training_rec = collab_store_get (row->store, COLLAB_RECORD_KIND_TRAINING, i);

      if (training_rec->program == row->program_ref && training_rec->area == COLLAB_TRAINING_AREA_CADRE_TALENT &&
          training_rec->year >= row->first_year && training_rec->year <= row->last_year)
        training += training_rec->person_times;
    }
  collab_table_builder_append_int (builder, training);
}

const CollabScorecardSection collab_scorecard_talent = {
  "talent", prepare, free_state, add_columns, append_cells,
};
