/* collab-talent-planner.c: the 666 shortfall of every pairing-year
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * CollabPlanner:
 *
 * Tabulates the 666 rule (SPEC §5) per pairing-year — who was counted,
 * by profession and by tenure tier, which of `666.total`, `666.tenure`
 * and `666.mix` pass — and, for each pairing-year that falls short, the
 * smallest set of additional dispatches that would make all three pass:
 * how many of each profession group, serving at least how many months.
 * It is what `collab plan` prints.
 *
 * ```c
 * g_autoptr(CollabPlanner) planner = collab_planner_new ();
 * g_autoptr(CollabTable) plan = NULL;
 *
 * collab_planner_set_interpretation (planner, COLLAB_INTERPRETATION_CUMULATIVE);
 * plan = collab_planner_run (planner, dataset, NULL, 2022, &error);
 * // one row per pairing-year of 2022: "add_total" dispatches close it,
 * // "plan" says which: "add 2 doctors for ≥ 6 months and 1 teacher for ≥ 12 months"
 * ```
 *
 * ```python
 * plan = Collab.Planner().run(wuxi, None, 0).to_pandas()
 * plan[plan.add_total > 0].groupby('year').add_total.sum()
 * ```
 *
 * Like [class@Collab.Checker], the planner judges each program by the
 * rule set its record names unless it is given one, reads the tenure
 * tiers as that rule set says unless told otherwise, and counts services
 * that end after its as-of day (today by default) as projected. Unlike
 * the checker it covers every year of each program, the future ones too:
 * a plan is for the years to come as much as for the past.
 *
 * A plan is minimal: no set of fewer dispatches, of any professions and
 * tenures, makes the pairing-year pass (doc/talent.md proves it). A rule
 * the rule set disables is not planned for, and neither is the mix of a
 * pairing-year with a recorded `666.mix` adjustment.
 */

#include <libcollab/collab-error.h>
#include <libcollab/collab-enum-types.h>
#include <libcollab/collab-plan.h>

#include "model/collab-dataset-private.h"
#include "rules/collab-ruleset-private.h"
#include "collab-table-private.h"
#include "collab-talent-private.h"

struct _CollabPlanner
{
  GObject               parent_instance;
  CollabRuleset        *ruleset;
  CollabDay             as_of;
  gboolean              override_interpretation;
  CollabInterpretation  interpretation;
};

G_DEFINE_FINAL_TYPE (CollabPlanner, collab_planner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULESET,
  PROP_AS_OF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
collab_planner_finalize (GObject *object)
{
  CollabPlanner *self = COLLAB_PLANNER (object);

  g_clear_object (&self->ruleset);

  G_OBJECT_CLASS (collab_planner_parent_class)->finalize (object);
}

static void
collab_planner_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CollabPlanner *self = COLLAB_PLANNER (object);

  switch (prop_id)
    {
    case PROP_RULESET:
      g_value_set_object (value, self->ruleset);
      break;

    case PROP_AS_OF:
      g_value_set_uint (value, self->as_of);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
collab_planner_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CollabPlanner *self = COLLAB_PLANNER (object);

  switch (prop_id)
    {
    case PROP_RULESET:
      collab_planner_set_ruleset (self, g_value_get_object (value));
      break;

    case PROP_AS_OF:
      collab_planner_set_as_of (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
collab_planner_class_init (CollabPlannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = collab_planner_finalize;
  object_class->get_property = collab_planner_get_property;
  object_class->set_property = collab_planner_set_property;

  /**
   * CollabPlanner:ruleset:
   *
   * The rule set every program is planned by, or `NULL` to plan each
   * program by the rule set its record names.
   */
  properties[PROP_RULESET] =
    g_param_spec_object ("ruleset", NULL, NULL, COLLAB_TYPE_RULESET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CollabPlanner:as-of:
   *
   * The day the plan is made as of, as a [alias@Collab.Day]: services
   * ending after it are counted as projected; 0 means the day
   * [method@Collab.Planner.run] is called.
   */
  properties[PROP_AS_OF] =
    g_param_spec_uint ("as-of", NULL, NULL, 0, G_MAXUINT32, COLLAB_DAY_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
collab_planner_init (CollabPlanner *self)
{
  self->as_of = COLLAB_DAY_NONE;
  self->interpretation = COLLAB_INTERPRETATION_NESTED;
}

/**
 * collab_planner_new:
 *
 * Makes a planner that plans each program by its own rule set, as of
 * today.
 *
 * Returns: (transfer full): a new planner
 */
CollabPlanner *
collab_planner_new (void)
{
  return g_object_new (COLLAB_TYPE_PLANNER, NULL);
}

/**
 * collab_planner_get_ruleset:
 * @self: a planner
 *
 * Gets the rule set that overrides the programs' own.
 *
 * Returns: (transfer none) (nullable): the rule set, or `NULL` when each
 *   program is planned by its own
 */
CollabRuleset *
collab_planner_get_ruleset (CollabPlanner *self)
{
  g_return_val_if_fail (COLLAB_IS_PLANNER (self), NULL);

  return self->ruleset;
}

/**
 * collab_planner_set_ruleset:
 * @self: a planner
 * @ruleset: (nullable): a rule set, or `NULL`
 *
 * Sets a rule set to plan every program by (`collab plan --ruleset`),
 * instead of the rule set each program record names.
 */
void
collab_planner_set_ruleset (CollabPlanner *self,
                            CollabRuleset *ruleset)
{
  g_return_if_fail (COLLAB_IS_PLANNER (self));
  g_return_if_fail (ruleset == NULL || COLLAB_IS_RULESET (ruleset));

  if (g_set_object (&self->ruleset, ruleset))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULESET]);
}

/**
 * collab_planner_get_as_of:
 * @self: a planner
 *
 * Gets the day the plan is made as of.
 *
 * Returns: the day, or %COLLAB_DAY_NONE for the day of each run
 */
CollabDay
collab_planner_get_as_of (CollabPlanner *self)
{
  g_return_val_if_fail (COLLAB_IS_PLANNER (self), COLLAB_DAY_NONE);

  return self->as_of;
}

/**
 * collab_planner_set_as_of:
 * @self: a planner
 * @as_of: a day, or %COLLAB_DAY_NONE for the day of each run
 *
 * Sets the day the plan is made as of: services that end after it are
 * counted, and reported in the `projected` column.
 */
void
collab_planner_set_as_of (CollabPlanner *self,
                          CollabDay      as_of)
{
  g_return_if_fail (COLLAB_IS_PLANNER (self));

  if (self->as_of == as_of)
    return;
  self->as_of = as_of;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}

/**
 * collab_planner_set_interpretation:
 * @self: a planner
 * @interpretation: a reading of the 666 tenure tiers
 *
 * Overrides the reading of the 666 tenure tiers that the rule sets name
 * (`collab plan --interpretation`), for every program.
 */
void
collab_planner_set_interpretation (CollabPlanner        *self,
                                   CollabInterpretation  interpretation)
{
  g_return_if_fail (COLLAB_IS_PLANNER (self));
  g_return_if_fail (collab_interpretation_to_nick (interpretation) != NULL);

  self->override_interpretation = TRUE;
  self->interpretation = interpretation;
}

/* --- the table ------------------------------------------------------- */

CollabRuleset *
collab_talent_program_ruleset (const CollabProgramRec  *program,
                               CollabRuleset           *override,
                               GHashTable              *loaded,
                               GError                 **error)
{
  const char *id = program->ruleset != NULL ? program->ruleset : COLLAB_RULESET_DEFAULT;
  CollabRuleset *set;

  if (override != NULL)
    return override;

  set = g_hash_table_lookup (loaded, id);
  if (set == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      set = collab_ruleset_new_builtin (id, &local_error);
      if (set == NULL)
        {
          g_set_error (error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_NOT_FOUND,
                       "the program \"%s\" is judged by the rule set \"%s\", which is not shipped; "
                       "give the planner a rule set instead", program->h.id, id);
          return NULL;
        }
      g_hash_table_insert (loaded, g_strdup (id), set);
    }
  return set;
}

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

static CollabDay
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return collab_day_new (g_date_time_get_year (now), g_date_time_get_month (now),
                         g_date_time_get_day_of_month (now));
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

/**
 * collab_planner_run:
 * @self: a planner
 * @dataset: the records
 * @program_id: (nullable): a program id, or `NULL` for every program
 * @year: a year, or 0 for every year of each program
 * @error: return location for a #GError
 *
 * Counts and plans every pairing-year: a county-level pairing of a
 * program and a year it is active in (its period, else the program's).
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
 *   @program_id names no program or a program names a rule set that is
 *   not shipped
 */
CollabTable *
collab_planner_run (CollabPlanner  *self,
                    CollabDataset  *dataset,
                    const char     *program_id,
                    int             year,
                    GError        **error)
{
  g_autoptr(CollabTableBuilder) builder = NULL;
  g_autoptr(GHashTable) loaded = NULL;
  g_autofree CollabTalentRules *rules = NULL;
  guint months[2 * COLLAB_TALENT_MAX_TIERS];
  static const char * const group_columns[] = { "teachers", "doctors", "agriculture_or_other" };
  CollabTalentTally *tally;
  CollabStore *store;
  CollabDay as_of;
  guint only = G_MAXUINT;
  guint n_programs, n_months;

  g_return_val_if_fail (COLLAB_IS_PLANNER (self), NULL);
  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = collab_dataset_get_store (dataset);
  if (program_id != NULL && !collab_store_lookup (store, COLLAB_RECORD_KIND_PROGRAM, program_id, &only))
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND,
                   "no program has the id \"%s\"", program_id);
      return NULL;
    }

  /* The rules of every program, as the checker would read them. */
  n_programs = collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM);
  loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  rules = g_new0 (CollabTalentRules, MAX (n_programs, 1));
  for (guint p = 0; p < n_programs; p++)
    {
      const CollabProgramRec *program = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, p);
      CollabRuleset *set = collab_talent_program_ruleset (program, self->ruleset, loaded, error);

      if (set == NULL)
        return NULL;
      collab_talent_rules_init (&rules[p], set,
                                self->override_interpretation ? self->interpretation
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
  as_of = self->as_of != COLLAB_DAY_NONE ? self->as_of : today ();

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
