/* collab-rule-registry.c: every rule the library checks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The rules describe themselves (COLLAB_DEFINE_RULE in their own files)
 * and the build gathers them into collab_rule_table[] (the generated
 * collab-rule-table.c). Here they are sorted by id once, checked for
 * duplicate ids, and their parameters' defaults made into GVariants that
 * rule sets hand out when they give no value of their own.
 */

#include <stdlib.h>
#include <string.h>

#include "collab-rule-private.h"

extern const CollabRule * const collab_rule_table[];

static const CollabRule **rules;
static guint n_rules;
/* Per rule (in sorted order), its parameters' defaults. */
static GVariant **defaults;

static int
compare_rules (const void *a,
               const void *b)
{
  return strcmp ((*(const CollabRule * const *) a)->id, (*(const CollabRule * const *) b)->id);
}

const GVariantType *
collab_rule_param_variant_type (CollabRuleParamType type)
{
  switch (type)
    {
    case COLLAB_RULE_PARAM_COUNT:
      return G_VARIANT_TYPE_INT64;
    case COLLAB_RULE_PARAM_STRINGS:
      return G_VARIANT_TYPE_STRING_ARRAY;
    case COLLAB_RULE_PARAM_TIERS:
      return G_VARIANT_TYPE ("aa{sx}");
    case COLLAB_RULE_PARAM_COUNTS:
      return G_VARIANT_TYPE ("a{sx}");
    default:
      g_assert_not_reached ();
    }
}

static GVariant *
make_default_value (const CollabRuleParam *param)
{
  GVariantBuilder builder;

  switch (param->type)
    {
    case COLLAB_RULE_PARAM_COUNT:
      return g_variant_ref_sink (g_variant_new_int64 (param->count));

    case COLLAB_RULE_PARAM_STRINGS:
      return g_variant_ref_sink (g_variant_new_strv ((const char * const *) param->strings, param->n));

    case COLLAB_RULE_PARAM_TIERS:
      g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sx}"));
      for (guint i = 0; i < param->n; i++)
        {
          g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sx}"));
          g_variant_builder_add (&builder, "{sx}", "months", (gint64) param->tiers[i].months);
          g_variant_builder_add (&builder, "{sx}", "count", (gint64) param->tiers[i].count);
          g_variant_builder_close (&builder);
        }
      return g_variant_ref_sink (g_variant_builder_end (&builder));

    case COLLAB_RULE_PARAM_COUNTS:
      /* A rule set says what it counts: none by default. */
      return g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{sx}"), NULL, 0));

    default:
      g_assert_not_reached ();
    }
}

static GVariant *
make_default (const CollabRuleParam *param)
{
  GVariant *value = make_default_value (param);

  /* Serialised now: a GVariant made by a builder serialises itself on
   * its first read, and these are read by every check in every thread. */
  (void) g_variant_get_data (value);
  return value;
}

static void
ensure_registry (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {

      for (n_rules = 0; collab_rule_table[n_rules] != NULL; n_rules++)
        ;
      rules = g_new (const CollabRule *, n_rules);
      memcpy (rules, collab_rule_table, n_rules * sizeof *rules);
      qsort (rules, n_rules, sizeof *rules, compare_rules);

      /* Programming errors in the library, not a user's. */
      for (guint i = 0; i < n_rules; i++)
        {
          if (i > 0 && strcmp (rules[i - 1]->id, rules[i]->id) == 0)
            g_error ("two rules have the id %s", rules[i]->id);
          if (collab_rule_count_params (rules[i]) > COLLAB_RULE_MAX_PARAMS)
            g_error ("rule %s has more than %d parameters", rules[i]->id, COLLAB_RULE_MAX_PARAMS);
        }

      defaults = g_new0 (GVariant *, n_rules * COLLAB_RULE_MAX_PARAMS);
      for (guint i = 0; i < n_rules; i++)
        for (guint p = 0; p < collab_rule_count_params (rules[i]); p++)
          defaults[i * COLLAB_RULE_MAX_PARAMS + p] = make_default (&rules[i]->params[p]);

      g_once_init_leave (&initialized, 1);
    }
}

static int
compare_id (const void *key,
            const void *element)
{
  return strcmp (key, (*(const CollabRule * const *) element)->id);
}

const CollabRule *
collab_rule_registry_lookup (const char *id)
{
  const CollabRule * const *found;

  g_return_val_if_fail (id != NULL, NULL);

  ensure_registry ();
  found = bsearch (id, rules, n_rules, sizeof *rules, compare_id);
  return found != NULL ? *found : NULL;
}

/* All rules, sorted by id. */
const CollabRule * const *
collab_rule_registry_get_all (guint *n)
{
  ensure_registry ();
  *n = n_rules;
  return rules;
}

guint
collab_rule_count_params (const CollabRule *rule)
{
  guint n = 0;

  for (const CollabRuleParam *param = rule->params; param != NULL && param->name != NULL; param++)
    n++;
  return n;
}

const CollabRuleParam *
collab_rule_find_param (const CollabRule *rule,
                        const char       *name,
                        guint            *index)
{
  for (guint i = 0; rule->params != NULL && rule->params[i].name != NULL; i++)
    if (strcmp (rule->params[i].name, name) == 0)
      {
        if (index != NULL)
          *index = i;
        return &rule->params[i];
      }
  return NULL;
}

GVariant *
collab_rule_get_default (const CollabRule *rule,
                         guint             index)
{
  const CollabRule * const *found;

  ensure_registry ();
  found = bsearch (rule->id, rules, n_rules, sizeof *rules, compare_id);
  g_return_val_if_fail (found != NULL && index < collab_rule_count_params (rule), NULL);
  return defaults[(found - rules) * COLLAB_RULE_MAX_PARAMS + index];
}
