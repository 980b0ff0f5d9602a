/* collab-rule-666-shared.c: what the 666 rules of one check run share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * 666.total, 666.tenure and 666.mix judge the same pairing-years, once
 * per program, and their findings repeat the same few values: the counts
 * of short pairing-years are alike, and so are the plans that close them.
 * One check run keeps, for all its programs and 666 rules:
 *
 *  - per pairing-year of the tally, its plan (computed once for the three
 *    rules), and per distinct plan its remedy and sentence;
 *  - per distinct set of counts, the `actual` value of each kind.
 *
 * The findings hold references to these values. The data is the check
 * run's (collab_check_context_get_run_data()): one thread's, so it needs
 * no lock, and a second run starts afresh, so nothing is cached on the
 * dataset that two threads could race on. The values are serialised when
 * the findings take them (collab-finding.c), before any other thread can
 * see them.
 */

#include <string.h>

#include "collab-rule-666-private.h"

/* The remedy and sentence of one plan under one rule set. */
typedef struct
{
  GVariant *remedy;     /* collab_talent_plan_to_variant() */
  char     *sentence;   /* collab_talent_plan_to_string() */
} PlanText;

typedef struct
{
  guint           key;  /* 0: none, else 1 + 2 × the rules index + mix_adjusted */
  const PlanText *text; /* owned by Collab666Shared.texts */
} CachedPlan;

struct _Collab666Shared
{
  GArray     *rules;    /* of CollabTalentRules, each once */
  CachedPlan *plans;    /* per pairing-year of the tally */
  guint       n_plans;
  GHashTable *texts;    /* plan key → PlanText */
  GHashTable *values;   /* value key → GVariant */
};

/* Keys are guint[1 + n]: n, then the numbers. */
static guint
key_hash (gconstpointer key)
{
  const guint *k = key;
  guint32 h = 2166136261u;

  for (guint i = 0; i <= k[0]; i++)
    h = (h ^ k[i]) * 16777619u;
  return h;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const guint *ka = a, *kb = b;

  return ka[0] == kb[0] && memcmp (ka + 1, kb + 1, ka[0] * sizeof (guint)) == 0;
}

static void
plan_text_free (gpointer data)
{
  PlanText *text = data;

  g_variant_unref (text->remedy);
  g_free (text->sentence);
  g_free (text);
}

static gpointer
shared_new (CollabCheckContext *ctx)
{
  Collab666Shared *shared = g_new0 (Collab666Shared, 1);

  shared->rules = g_array_new (FALSE, FALSE, sizeof (CollabTalentRules));
  shared->n_plans = collab_talent_tally_for_store (collab_check_context_get_store (ctx))->n_pairing_years;
  shared->plans = g_new0 (CachedPlan, MAX (shared->n_plans, 1));
  shared->texts = g_hash_table_new_full (key_hash, key_equal, g_free, plan_text_free);
  shared->values = g_hash_table_new_full (key_hash, key_equal, g_free, (GDestroyNotify) g_variant_unref);
  return shared;
}

static void
shared_free (gpointer data)
{
  Collab666Shared *shared = data;

  g_hash_table_unref (shared->values);
  g_hash_table_unref (shared->texts);
  g_free (shared->plans);
  g_array_unref (shared->rules);
  g_free (shared);
}

static const char shared_key[] = "666-shared";

Collab666Shared *
collab_rule_666_shared_for (CollabCheckContext *ctx)
{
  return collab_check_context_get_run_data (ctx, &shared_key, shared_new, shared_free);
}

/* Rule sets are few (one or two per check): they are compared whole.
 * collab_rule_666_thresholds() zeroes the struct, padding included. */
guint
collab_rule_666_shared_rules_index (Collab666Shared         *shared,
                                    const CollabTalentRules *rules)
{
  guint index;

  for (index = 0; index < shared->rules->len; index++)
    if (memcmp (&g_array_index (shared->rules, CollabTalentRules, index), rules, sizeof *rules) == 0)
      return index;
  g_array_append_vals (shared->rules, rules, 1);
  return index;
}

/* The key of @values under the run's rules: {n, kind, rules index,
 * values…}, into @key of 3 + COLLAB_666_VALUE_KEY_MAX. */
static void
value_key (const Collab666Run *run,
           Collab666ValueKind  kind,
           const guint        *values,
           guint               n,
           guint              *key)
{
  key[0] = 2 + n;
  key[1] = kind;
  key[2] = run->rules_index;
  memcpy (key + 3, values, n * sizeof (guint));
}

GVariant *
collab_rule_666_shared_value (const Collab666Run *run,
                              Collab666ValueKind  kind,
                              const guint        *values,
                              guint               n)
{
  guint key[3 + COLLAB_666_VALUE_KEY_MAX];
  GVariant *value;

  g_return_val_if_fail (n <= COLLAB_666_VALUE_KEY_MAX, NULL);

  value_key (run, kind, values, n, key);
  value = g_hash_table_lookup (run->shared->values, key);
  return value != NULL ? g_variant_ref (value) : NULL;
}

GVariant *
collab_rule_666_share_value (const Collab666Run *run,
                             Collab666ValueKind  kind,
                             const guint        *values,
                             guint               n,
                             GVariant           *value)
{
  guint key[3 + COLLAB_666_VALUE_KEY_MAX];

  g_return_val_if_fail (n <= COLLAB_666_VALUE_KEY_MAX, value);

  value_key (run, kind, values, n, key);
  g_variant_ref_sink (value);
  g_hash_table_replace (run->shared->values, g_memdup2 (key, (3 + n) * sizeof (guint)), value);
  return g_variant_ref (value);
}

/* The text of @plan under the rules of @key, made on first use. */
static const PlanText *
plan_text (Collab666Shared         *shared,
           const CollabTalentRules *rules,
           guint                    key,
           const CollabTalentPlan  *plan)
{
  guint n_tiers = MAX (rules->n_tiers, 1);
  guint values[3 + COLLAB_TALENT_N_GROUPS * COLLAB_TALENT_MAX_TIERS];
  guint n = 1;
  PlanText *text;

  values[n++] = key;
  values[n++] = plan->total;
  for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
    for (guint t = 0; t < n_tiers; t++)
      values[n++] = plan->add[g][t];
  values[0] = n - 1;

  text = g_hash_table_lookup (shared->texts, values);
  if (text == NULL)
    {
      text = g_new (PlanText, 1);
      text->remedy = g_variant_ref_sink (collab_talent_plan_to_variant (rules, plan));
      text->sentence = collab_talent_plan_to_string (rules, plan);
      g_hash_table_insert (shared->texts, g_memdup2 (values, n * sizeof (guint)), text);
    }
  return text;
}

char *
collab_rule_666_set_plan (const Collab666Run            *run,
                          const CollabTalentPairingYear *py,
                          const CollabTalentCounts      *counts,
                          CollabFinding                 *finding)
{
  gboolean mix_adjusted = collab_rule_666_mix_adjusted (run, py);
  guint key = 1 + run->rules_index * 2 + (mix_adjusted ? 1 : 0);
  CachedPlan *cached = &run->shared->plans[py - run->tally->pairing_years];

  if (cached->key != key)
    {
      /* First asked for, or under another rule set than last time. */
      CollabTalentPlan plan;

      collab_talent_plan (&run->rules, counts, mix_adjusted, &plan);
      cached->text = plan_text (run->shared, &run->rules, key, &plan);
      cached->key = key;
    }

  collab_finding_take_remedy (finding, g_variant_ref (cached->text->remedy));
  return g_strdup (cached->text->sentence);
}
