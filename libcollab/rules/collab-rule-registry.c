/* collab-rule-registry.c: every rule the library knows, and those it runs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Two lists. The table of known rules is SPEC §5: every rule id with its
 * default severity and the parameters a rule set may give it; a rule set
 * that names anything else is refused. COLLAB_RULES lists the rules that
 * have an implementation; the checker skips a known rule that has none
 * yet, so rule sets can enable rules before they are written.
 */

#include "collab-rule-private.h"

/* The rules implemented so far, one line each: X (<area>_<name>) stands
 * for `const CollabRule collab_rule_<area>_<name>` defined in
 * rules/<area>/collab-rule-<area>-<name>.c. */
#define COLLAB_RULES(X) \
  X (666_county_mix) \
  X (666_mix) \
  X (666_short_other) \
  X (666_tenure) \
  X (666_term) \
  X (666_total) \
  X (cadre_continuity) \
  X (fund_floor) \
  X (fund_idle) \
  X (fund_not_in_reserve) \
  X (fund_overdraw) \
  X (fund_overspend) \
  X (fund_plan_total) \
  X (fund_prohibited_use) \
  X (fund_unfiled) \
  X (fund_untraced) \
  X (pairing_coverage) \
  X (pairing_invalid) \
  X (pairing_orphan) \
  X (pairing_period) \
  X (village_demo)

#define DECLARE_RULE(name) extern const CollabRule collab_rule_##name;
COLLAB_RULES (DECLARE_RULE)
#undef DECLARE_RULE

#define RULE_POINTER(name) &collab_rule_##name,
static const CollabRule * const implemented[] = {
  COLLAB_RULES (RULE_POINTER)
};
#undef RULE_POINTER

#define PARAMS(...) ((const CollabRuleParam[]) { __VA_ARGS__, { NULL, 0 } })

static const CollabRuleParam mix_params[] = {
  { "teacher", COLLAB_RULE_PARAM_COUNT },
  { "doctor", COLLAB_RULE_PARAM_COUNT },
  { "agriculture_or_other", COLLAB_RULE_PARAM_COUNT },
  { NULL, 0 },
};

/* SPEC §5, sorted by id (strcmp order: digits before letters). The
 * parameter names are what the shipped rule sets write; a rule reads them
 * with collab_check_context_get_int() and the like. */
static CollabRuleInfo known_rules[] = {
  { "666.county_mix",       COLLAB_SEVERITY_VIOLATION, mix_params, NULL },
  { "666.mix",              COLLAB_SEVERITY_WARNING,   mix_params, NULL },
  { "666.short_other",      COLLAB_SEVERITY_VIOLATION, PARAMS ({ "months", COLLAB_RULE_PARAM_COUNT }), NULL },
  { "666.tenure",           COLLAB_SEVERITY_VIOLATION, PARAMS ({ "tiers", COLLAB_RULE_PARAM_TIERS }), NULL },
  { "666.term",             COLLAB_SEVERITY_WARNING,   PARAMS ({ "months", COLLAB_RULE_PARAM_COUNT },
                                                             { "percent", COLLAB_RULE_PARAM_COUNT }), NULL },
  { "666.total",            COLLAB_SEVERITY_VIOLATION, PARAMS ({ "total", COLLAB_RULE_PARAM_COUNT }), NULL },
  { "cadre.continuity",     COLLAB_SEVERITY_VIOLATION, NULL, NULL },
  { "fund.floor",           COLLAB_SEVERITY_VIOLATION, NULL, NULL },
  { "fund.idle",            COLLAB_SEVERITY_WARNING,   PARAMS ({ "days", COLLAB_RULE_PARAM_COUNT }), NULL },
  { "fund.not_in_reserve",  COLLAB_SEVERITY_WARNING,   NULL, NULL },
  { "fund.overdraw",        COLLAB_SEVERITY_VIOLATION, NULL, NULL },
  { "fund.overspend",       COLLAB_SEVERITY_VIOLATION, NULL, NULL },
  { "fund.plan_total",      COLLAB_SEVERITY_WARNING,   NULL, NULL },
  { "fund.prohibited_use",  COLLAB_SEVERITY_VIOLATION, PARAMS ({ "uses", COLLAB_RULE_PARAM_STRINGS }), NULL },
  { "fund.unfiled",         COLLAB_SEVERITY_VIOLATION, NULL, NULL },
  { "fund.untraced",        COLLAB_SEVERITY_INFO,      NULL, NULL },
  { "pairing.coverage",     COLLAB_SEVERITY_VIOLATION, NULL, NULL },
  { "pairing.invalid",      COLLAB_SEVERITY_VIOLATION, NULL, NULL },
  { "pairing.orphan",       COLLAB_SEVERITY_WARNING,   NULL, NULL },
  { "pairing.period",       COLLAB_SEVERITY_WARNING,   NULL, NULL },
  { "village.demo",         COLLAB_SEVERITY_VIOLATION, PARAMS ({ "count", COLLAB_RULE_PARAM_COUNT }), NULL },
};

static int
compare_info (const void *key,
              const void *element)
{
  return strcmp (key, ((const CollabRuleInfo *) element)->id);
}

static void
ensure_registry (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (known_rules); i++)
        g_assert (i == 0 || strcmp (known_rules[i - 1].id, known_rules[i].id) < 0);

      for (gsize i = 0; i < G_N_ELEMENTS (implemented); i++)
        {
          CollabRuleInfo *info = bsearch (implemented[i]->id, known_rules, G_N_ELEMENTS (known_rules),
                                          sizeof known_rules[0], compare_info);

          /* A programming error in the library, not a user's. */
          if (info == NULL)
            g_error ("rule %s is implemented but not in the table of known rules", implemented[i]->id);
          info->rule = implemented[i];
        }

      g_once_init_leave (&initialized, 1);
    }
}

const CollabRuleInfo *
collab_rule_registry_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  ensure_registry ();
  return bsearch (id, known_rules, G_N_ELEMENTS (known_rules), sizeof known_rules[0], compare_info);
}

/* All known rules, sorted by id. */
const CollabRuleInfo *
collab_rule_registry_get_all (guint *n_rules)
{
  ensure_registry ();
  *n_rules = G_N_ELEMENTS (known_rules);
  return known_rules;
}

const CollabRuleParam *
collab_rule_info_find_param (const CollabRuleInfo *info,
                             const char           *name)
{
  if (info->params == NULL)
    return NULL;

  for (const CollabRuleParam *param = info->params; param->name != NULL; param++)
    if (strcmp (param->name, name) == 0)
      return param;
  return NULL;
}
