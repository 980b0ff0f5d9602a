/* collab-checker.c: runs rule sets over a dataset, and plans the 666 shortfall
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * CollabChecker:
 *
 * Runs the rules of SPEC §5 over a [class@Collab.Dataset] and gives back
 * the [class@Collab.Finding]s; and, under the same options, plans what
 * would close the 666 shortfall of every pairing-year.
 *
 * ```c
 * g_autoptr(CollabChecker) checker = collab_checker_new ();
 * g_autoptr(GPtrArray) findings = NULL;
 * g_autoptr(JsonNode) json = NULL;
 *
 * collab_checker_set_as_of (checker, collab_day_new (2023, 12, 31));
 * findings = collab_checker_run (checker, dataset, &error);
 * if (findings == NULL)
 *   return FALSE;   // a program names a rule set that does not exist
 *
 * json = collab_findings_to_json (findings);   // what `collab check --format json` prints
 * ```
 *
 * Each program is judged by its own rule set: the shipped set its record
 * names in `ruleset` (`east-west-2021` when it names none). A rule set
 * given with [method@Collab.Checker.set_ruleset] overrides them all, which
 * is how `collab check --ruleset` works. Rules about the dataset as a
 * whole rather than one program run once, under the checker's rule set,
 * or else the first program's (by position in the dataset) that enables
 * them. Records that belong to no program — a job offer that names none,
 * a placement of such an offer or of none — are judged by the checker's
 * rule set, else by `east-west-2021` (SPEC §11.4).
 *
 * [method@Collab.Checker.plan] tabulates the 666 rule per pairing-year —
 * who was counted, by profession and by tenure tier, which of
 * `666.total`, `666.tenure` and `666.mix` pass — and, for each
 * pairing-year that falls short, the smallest set of additional
 * dispatches that would make all three pass. It reads the rule sets, the
 * as-of day and the interpretation the way [method@Collab.Checker.run]
 * does, and is what `collab plan` prints.
 *
 * ```c
 * g_autoptr(CollabTable) plan = NULL;
 *
 * collab_checker_set_interpretation (checker, COLLAB_INTERPRETATION_CUMULATIVE);
 * plan = collab_checker_plan (checker, dataset, NULL, &(CollabYearRange) { 2022, 2022 }, &error);
 * // one row per pairing-year of 2022: "add_total" dispatches close it,
 * // "plan" says which: "add 2 doctors for ≥ 6 months and 1 teacher for ≥ 12 months"
 * ```
 *
 * ```python
 * plan = Collab.Checker().plan(wuxi, None, None).to_pandas()   # or wuxi.plan() in the override
 * plan[plan.add_total > 0].groupby('year').add_total.sum()
 * ```
 *
 * Findings come out in a stable order: by rule id, then by subject, key by
 * key in the order of SPEC §10 (years as numbers), then by message.
 */

#include <libcollab/collab-checker.h>
#include <libcollab/collab-enum-types.h>
#include <libcollab/collab-error.h>

#include "types/collab-day-private.h"
#include "model/collab-dataset-private.h"
#include "collab-checker-private.h"
#include "collab-finding-private.h"
#include "collab-ruleset-private.h"

struct _CollabChecker
{
  GObject               parent_instance;
  CollabRuleset        *ruleset;
  CollabDay             as_of;
  gboolean              override_interpretation;
  CollabInterpretation  interpretation;
};

G_DEFINE_FINAL_TYPE (CollabChecker, collab_checker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULESET,
  PROP_AS_OF,
  PROP_INTERPRETATION,
  PROP_INTERPRETATION_SET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
collab_checker_finalize (GObject *object)
{
  CollabChecker *self = COLLAB_CHECKER (object);

  g_clear_object (&self->ruleset);

  G_OBJECT_CLASS (collab_checker_parent_class)->finalize (object);
}

static void
collab_checker_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CollabChecker *self = COLLAB_CHECKER (object);

  switch (prop_id)
    {
    case PROP_RULESET:
      g_value_set_object (value, self->ruleset);
      break;

    case PROP_AS_OF:
      g_value_set_uint (value, self->as_of);
      break;

    case PROP_INTERPRETATION:
      g_value_set_enum (value, self->interpretation);
      break;

    case PROP_INTERPRETATION_SET:
      g_value_set_boolean (value, self->override_interpretation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
collab_checker_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CollabChecker *self = COLLAB_CHECKER (object);

  switch (prop_id)
    {
    case PROP_RULESET:
      collab_checker_set_ruleset (self, g_value_get_object (value));
      break;

    case PROP_AS_OF:
      collab_checker_set_as_of (self, g_value_get_uint (value));
      break;

    case PROP_INTERPRETATION:
      collab_checker_set_interpretation (self, g_value_get_enum (value));
      break;

    case PROP_INTERPRETATION_SET:
      collab_checker_set_interpretation_set (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
collab_checker_class_init (CollabCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = collab_checker_finalize;
  object_class->get_property = collab_checker_get_property;
  object_class->set_property = collab_checker_set_property;

  /**
   * CollabChecker:ruleset:
   *
   * The rule set every program is judged and planned by, or `NULL` to
   * judge and plan each program by the rule set its record names.
   */
  properties[PROP_RULESET] =
    g_param_spec_object ("ruleset", NULL, NULL, COLLAB_TYPE_RULESET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CollabChecker:as-of:
   *
   * The day checks and plans are made as of, as a [alias@Collab.Day];
   * 0 means the day [method@Collab.Checker.run] or
   * [method@Collab.Checker.plan] is called.
   */
  properties[PROP_AS_OF] =
    g_param_spec_uint ("as-of", NULL, NULL, 0, G_MAXUINT32, COLLAB_DAY_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CollabChecker:interpretation:
   *
   * The reading of the 666 tenure tiers that overrides the rule sets'
   * (`collab check --interpretation`), when
   * [property@Collab.Checker:interpretation-set] is `TRUE`. Setting it
   * sets that too.
   */
  properties[PROP_INTERPRETATION] =
    g_param_spec_enum ("interpretation", NULL, NULL,
                       COLLAB_TYPE_INTERPRETATION, COLLAB_INTERPRETATION_NESTED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CollabChecker:interpretation-set:
   *
   * Whether [property@Collab.Checker:interpretation] overrides the
   * reading each rule set names; `FALSE` (the default) reads the tiers as
   * the rule sets say.
   */
  properties[PROP_INTERPRETATION_SET] =
    g_param_spec_boolean ("interpretation-set", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
collab_checker_init (CollabChecker *self)
{
  self->as_of = COLLAB_DAY_NONE;
  self->interpretation = COLLAB_INTERPRETATION_NESTED;
}

/**
 * collab_checker_new:
 *
 * Makes a checker that judges each program by its own rule set, as of
 * today.
 *
 * Returns: (transfer full): a new checker
 */
CollabChecker *
collab_checker_new (void)
{
  return g_object_new (COLLAB_TYPE_CHECKER, NULL);
}

/**
 * collab_checker_get_ruleset:
 * @self: a checker
 *
 * Gets the rule set that overrides the programs' own.
 *
 * Returns: (transfer none) (nullable): the rule set, or `NULL` when each
 *   program is judged by its own
 */
CollabRuleset *
collab_checker_get_ruleset (CollabChecker *self)
{
  g_return_val_if_fail (COLLAB_IS_CHECKER (self), NULL);

  return self->ruleset;
}

/**
 * collab_checker_set_ruleset:
 * @self: a checker
 * @ruleset: (nullable): a rule set, or `NULL`
 *
 * Sets a rule set to judge and plan every program by (`collab check
 * --ruleset`, `collab plan --ruleset`), instead of the rule set each
 * program record names; `NULL` goes back to the programs' own.
 * The checker keeps a reference: changes made to @ruleset later apply to
 * later runs.
 */
void
collab_checker_set_ruleset (CollabChecker *self,
                            CollabRuleset *ruleset)
{
  g_return_if_fail (COLLAB_IS_CHECKER (self));
  g_return_if_fail (ruleset == NULL || COLLAB_IS_RULESET (ruleset));

  if (g_set_object (&self->ruleset, ruleset))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULESET]);
}

/**
 * collab_checker_get_as_of:
 * @self: a checker
 *
 * Gets the day checks and plans are made as of.
 *
 * Returns: the day, or %COLLAB_DAY_NONE when they are made as of the day
 *   they are run
 */
CollabDay
collab_checker_get_as_of (CollabChecker *self)
{
  g_return_val_if_fail (COLLAB_IS_CHECKER (self), COLLAB_DAY_NONE);

  return self->as_of;
}

/**
 * collab_checker_set_as_of:
 * @self: a checker
 * @as_of: a day, or %COLLAB_DAY_NONE for the day of each run
 *
 * Sets the day checks and plans are made as of (`collab check --as-of`,
 * `collab plan --as-of`): rules that look at time count only the days up
 * to it, and a service that ends after it is reported as projected (in
 * a plan, in the `projected` column).
 */
void
collab_checker_set_as_of (CollabChecker *self,
                          CollabDay      as_of)
{
  g_return_if_fail (COLLAB_IS_CHECKER (self));

  if (self->as_of == as_of)
    return;
  self->as_of = as_of;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}

/**
 * collab_checker_set_interpretation:
 * @self: a checker
 * @interpretation: a reading of the 666 tenure tiers
 *
 * Overrides the reading of the 666 tenure tiers that the rule sets name
 * (`collab check --interpretation`, `collab plan --interpretation`), for
 * every program, in checks and plans alike.
 */
void
collab_checker_set_interpretation (CollabChecker        *self,
                                   CollabInterpretation  interpretation)
{
  g_return_if_fail (COLLAB_IS_CHECKER (self));
  g_return_if_fail (collab_interpretation_to_nick (interpretation) != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->interpretation != interpretation)
    {
      self->interpretation = interpretation;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERPRETATION]);
    }
  collab_checker_set_interpretation_set (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * collab_checker_get_interpretation:
 * @self: a checker
 *
 * Gets the reading of the 666 tenure tiers that overrides the rule sets',
 * which applies when [method@Collab.Checker.get_interpretation_set] says
 * so.
 *
 * Returns: the interpretation
 */
CollabInterpretation
collab_checker_get_interpretation (CollabChecker *self)
{
  g_return_val_if_fail (COLLAB_IS_CHECKER (self), COLLAB_INTERPRETATION_NESTED);

  return self->interpretation;
}

/**
 * collab_checker_get_interpretation_set:
 * @self: a checker
 *
 * Whether the checker's interpretation overrides the rule sets'.
 *
 * Returns: `TRUE` when it does
 */
gboolean
collab_checker_get_interpretation_set (CollabChecker *self)
{
  g_return_val_if_fail (COLLAB_IS_CHECKER (self), FALSE);

  return self->override_interpretation;
}

/**
 * collab_checker_set_interpretation_set:
 * @self: a checker
 * @interpretation_set: whether the checker's interpretation applies
 *
 * Makes the checker's interpretation override the rule sets' readings,
 * or (`FALSE`) go back to reading the tiers as each rule set says.
 */
void
collab_checker_set_interpretation_set (CollabChecker *self,
                                       gboolean       interpretation_set)
{
  g_return_if_fail (COLLAB_IS_CHECKER (self));

  interpretation_set = !!interpretation_set;
  if (self->override_interpretation == interpretation_set)
    return;
  self->override_interpretation = interpretation_set;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERPRETATION_SET]);
}

/* The day a run or a plan is made as of. */
static CollabDay
effective_as_of (CollabChecker *self)
{
  return self->as_of != COLLAB_DAY_NONE ? self->as_of : collab_day_today ();
}

/* The options a plan or a scorecard judges by, as a check does. */
void
collab_checker_get_options (CollabChecker        *self,
                            CollabDay            *as_of,
                            gboolean             *override_interpretation,
                            CollabInterpretation *interpretation)
{
  *as_of = effective_as_of (self);
  *override_interpretation = self->override_interpretation;
  *interpretation = self->interpretation;
}

/* The rule set of the records that belong to no program (SPEC §11.4: a
 * job offer or a placement naming none): the checker's, else the
 * default set, loaded once per run into @fallback. */
static CollabRuleset *
unowned_ruleset (CollabChecker  *self,
                 CollabRuleset **fallback)
{
  if (self->ruleset != NULL)
    return self->ruleset;
  if (*fallback == NULL)
    *fallback = collab_ruleset_new_builtin (COLLAB_RULESET_DEFAULT, NULL);
  return *fallback;
}

static CollabRuleset *
dataset_ruleset (CollabChecker     *self,
                 GPtrArray         *program_sets,
                 const CollabRule  *rule,
                 CollabRuleset    **fallback)
{
  if (self->ruleset != NULL)
    return self->ruleset;

  for (guint i = 0; i < program_sets->len; i++)
    if (collab_ruleset_is_enabled (g_ptr_array_index (program_sets, i), rule->id))
      return g_ptr_array_index (program_sets, i);

  /* A dataset without programs is judged by the default set. */
  if (program_sets->len == 0)
    return unowned_ruleset (self, fallback);
  return NULL;
}

/* Runs @rule over @program (COLLAB_REF_NONE: the dataset, or the records
 * of no program) when @set applies it. */
static void
run_rule (CollabCheckContext *ctx,
          const CollabRule   *rule,
          CollabRuleset      *set,
          CollabRef           program)
{
  if (set == NULL || !collab_ruleset_is_enabled (set, rule->id))
    return;
  collab_check_context_set_target (ctx, rule, set, program);
  rule->check (ctx);
}

/**
 * collab_checker_run:
 * @self: a checker
 * @dataset: the records to check
 * @error: return location for an error
 *
 * Runs every enabled rule over @dataset. The dataset must not change
 * while the check runs.
 *
 * Findings of every severity are returned; a check that finds nothing
 * returns an empty array. The only error is a program that names a rule
 * set that is not shipped (%COLLAB_RULESET_ERROR_NOT_FOUND) while the
 * checker has none of its own.
 *
 * The array holds a reference to each finding and releases them when it
 * is freed with g_ptr_array_unref(). (It is annotated `transfer container`
 * for that reason: a binding that took the elements too, as `transfer
 * full` says, would release them twice.)
 *
 * Returns: (transfer container) (element-type Collab.Finding): the
 *   findings, sorted, or `NULL` with @error set
 */
GPtrArray *
collab_checker_run (CollabChecker  *self,
                    CollabDataset  *dataset,
                    GError        **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) program_sets = NULL;
  g_autoptr(CollabRuleset) fallback = NULL;
  const CollabRule * const *rules;
  CollabCheckContext *ctx;
  CollabStore *store;
  guint n_rules;

  g_return_val_if_fail (COLLAB_IS_CHECKER (self), NULL);
  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = collab_dataset_get_store (dataset);
  program_sets = collab_ruleset_resolve_programs (store, self->ruleset, NULL, error);
  if (program_sets == NULL)
    return NULL;

  findings = g_ptr_array_new_with_free_func (g_object_unref);
  ctx = collab_check_context_new (dataset, effective_as_of (self),
                                  self->override_interpretation, self->interpretation, findings);

  rules = collab_rule_registry_get_all (&n_rules);
  for (guint r = 0; r < n_rules; r++)
    {
      const CollabRule *rule = rules[r];

      if (rule->scope == COLLAB_RULE_SCOPE_DATASET)
        {
          run_rule (ctx, rule, dataset_ruleset (self, program_sets, rule, &fallback), COLLAB_REF_NONE);
          continue;
        }

      for (guint p = 0; p < program_sets->len; p++)
        run_rule (ctx, rule, g_ptr_array_index (program_sets, p), COLLAB_REF (COLLAB_RECORD_KIND_PROGRAM, p));
      if (rule->scope == COLLAB_RULE_SCOPE_PROGRAM_AND_NONE)
        run_rule (ctx, rule, unowned_ruleset (self, &fallback), COLLAB_REF_NONE);
    }

  collab_check_context_free (ctx);

  /* g_ptr_array_sort() is a stable merge sort. */
  g_ptr_array_sort (findings, collab_finding_compare);
  return g_steal_pointer (&findings);
}
