/* collab-rule-private.h: what a rule is, and what it sees while it runs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A rule is one C file under rules/<area>/ that describes itself — its
 * id, area, default severity, scope and parameters with their types and
 * defaults — and checks. The checker runs it once per program (or once
 * per dataset, or once per program and once for the records of none:
 * CollabRuleScope), hands it a CollabCheckContext, and the rule reports what
 * it finds through collab_check_context_report(). Rules never sort, never
 * filter by severity and never look at other rules: the checker does all
 * that.
 *
 * Adding a rule is one file and one line:
 *
 *  1. write rules/<area>/collab-rule-<area>-<name>.c with a static check
 *     function, its parameters, and
 *
 *         COLLAB_DEFINE_RULE (<area>_<name>,
 *           .id = "<area>.<name>",
 *           .area = "<area>",
 *           .severity = COLLAB_SEVERITY_VIOLATION,
 *           .scope = COLLAB_RULE_SCOPE_PROGRAM,
 *           .params = params,
 *           .check = check);
 *
 *  2. list the file in rules/<area>/meson.build.
 *
 * The build collects every COLLAB_DEFINE_RULE of those files into the
 * registry (collab-rule-table.py); a rule set names the rules it enables
 * and what it changes of them, and everything else comes from here.
 *
 * A rule reads its parameters with collab_check_context_get_count() and
 * collab_check_context_get_parameter(): the rule set's value, else the
 * default declared here.
 */

#pragma once

#include <libcollab/collab-dataset.h>
#include <libcollab/collab-finding.h>
#include <libcollab/collab-ruleset.h>

#include "model/collab-store-private.h"
#include "types/collab-i18n-private.h"
#include "model/collab-units-private.h"

G_BEGIN_DECLS

typedef struct _CollabCheckContext CollabCheckContext;

/* What a rule is run over. */
typedef enum
{
  COLLAB_RULE_SCOPE_PROGRAM,  /* once per program, with that program's rule set */
  COLLAB_RULE_SCOPE_DATASET,  /* once per dataset, with no program */
  /* Once per program, with that program's rule set, and once more for the
   * records that belong to no program (the context's program is then
   * COLLAB_REF_NONE), with the checker's rule set, else the default one
   * (SPEC §11.4): for rules over records whose program is optional, such
   * as job offers and placements. */
  COLLAB_RULE_SCOPE_PROGRAM_AND_NONE,
} CollabRuleScope;

/* The largest count a rule set may give (people, days, months, events).
 * A hundred million is far beyond any program, and small enough that what
 * the rules add up from counts (up to COLLAB_TALENT_MAX_TIERS tiers of
 * 666.tenure, three groups of 666.mix, in collab-talent-plan.c) fits a
 * guint: a larger count is refused when the rule set is read, rather than
 * held at a limit or wrapped. */
#define COLLAB_RULE_COUNT_MAX G_GINT64_CONSTANT (100000000)

/* The types a rule parameter may have, with their GVariant types and
 * their JSON in a rule set document. */
typedef enum
{
  COLLAB_RULE_PARAM_COUNT,    /* "x", a non-negative integer */
  COLLAB_RULE_PARAM_STRINGS,  /* "as", an array of strings */
  COLLAB_RULE_PARAM_TIERS,    /* "aa{sx}", an array of {"months": n, "count": n} */
  COLLAB_RULE_PARAM_COUNTS,   /* "a{sx}", a non-negative count by name: {"visit": 1}, sorted by name */
} CollabRuleParamType;

/* A tier of 666.tenure: at least @count people serving @months or more. */
typedef struct
{
  guint months;
  guint count;
} CollabRuleTier;

typedef struct
{
  const char            *name;
  CollabRuleParamType    type;
  /* The default, by type: */
  gint64                 count;
  const char * const    *strings;
  const CollabRuleTier  *tiers;
  guint                  n;        /* elements of @strings or @tiers */
  /* Of counts: the enumeration whose nicks the names are, or NULL for any
   * name. A counts parameter's default is the empty map. */
  GType                (*names) (void);
} CollabRuleParam;

#define COLLAB_RULE_COUNT(name_, value_) \
  { .name = (name_), .type = COLLAB_RULE_PARAM_COUNT, .count = (value_) }
#define COLLAB_RULE_STRINGS(name_, array_) \
  { .name = (name_), .type = COLLAB_RULE_PARAM_STRINGS, .strings = (array_), .n = G_N_ELEMENTS (array_) }
#define COLLAB_RULE_TIERS(name_, array_) \
  { .name = (name_), .type = COLLAB_RULE_PARAM_TIERS, .tiers = (array_), .n = G_N_ELEMENTS (array_) }
/* Counts by the nicks of the enumeration @names_ (collab_event_kind_get_type). */
#define COLLAB_RULE_COUNTS(name_, names_) \
  { .name = (name_), .type = COLLAB_RULE_PARAM_COUNTS, .names = (names_) }

/* A rule may have up to this many parameters. */
#define COLLAB_RULE_MAX_PARAMS 8

typedef struct
{
  const char            *id;        /* "pairing.coverage": the rule's id of SPEC §5 */
  const char            *area;      /* "pairing": the part of SPEC it belongs to */
  CollabSeverity         severity;  /* the default, when a rule set does not say */
  CollabRuleScope        scope;
  const CollabRuleParam *params;    /* terminated by { NULL }, or NULL for none */
  void                 (*check) (CollabCheckContext *ctx);
  /* For a check that several rules share (the 666 judge, the fund rules
   * per project): what this rule tells it; collab_check_context_get_rule()
   * hands it over. */
  gconstpointer          data;
} CollabRule;

/* Declares the rule `collab_rule_<symbol>`; the build finds it by this
 * macro (see the top of this file). */
#define COLLAB_DEFINE_RULE(symbol, ...) \
  extern const CollabRule collab_rule_##symbol; \
  const CollabRule collab_rule_##symbol = { __VA_ARGS__ }

/* The registry: rules/collab-rule-registry.c, over the table the build
 * generates. Every rule, sorted by id. */
const CollabRule       *collab_rule_registry_lookup        (const char            *id);
const CollabRule * const *
                        collab_rule_registry_get_all       (guint                 *n_rules);
/* The parameter @name of @rule and its index among the rule's, or NULL. */
const CollabRuleParam  *collab_rule_find_param             (const CollabRule      *rule,
                                                            const char            *name,
                                                            guint                 *index);
guint                   collab_rule_count_params           (const CollabRule      *rule);
/* The declared default of the parameter at @index, as a GVariant of its
 * type (owned by the registry). */
GVariant               *collab_rule_get_default            (const CollabRule      *rule,
                                                            guint                  index);
const GVariantType     *collab_rule_param_variant_type     (CollabRuleParamType    type);
/* Counts parameters (rules/collab-rule-counts.c). Whether @name may be a
 * name of @param's counts; if not, @problem says why (translated). */
gboolean                collab_rule_counts_check_name      (const CollabRuleParam *param,
                                                            const char           *name,
                                                            char                **problem);
/* @value (an "a{sx}") checked whole — names, counts not negative, no name
 * twice — and sorted by name: a new floating value, or NULL with
 * @problem set. */
GVariant               *collab_rule_counts_normalize       (const CollabRuleParam *param,
                                                            GVariant             *value,
                                                            char                **problem) G_GNUC_WARN_UNUSED_RESULT;
/* The count of @name in an "a{sx}", or 0. */
guint                   collab_rule_counts_get             (GVariant             *counts,
                                                            const char           *name);

/* The context: rules/collab-check-context.c. Everything it hands out is
 * owned by the checker and valid while the rule runs. */
CollabStore            *collab_check_context_get_store     (CollabCheckContext   *ctx);
CollabRuleset          *collab_check_context_get_ruleset   (CollabCheckContext   *ctx);
const CollabRule       *collab_check_context_get_rule      (CollabCheckContext   *ctx);
CollabRef               collab_check_context_get_program_ref (CollabCheckContext *ctx);
const CollabProgramRec *collab_check_context_get_program   (CollabCheckContext   *ctx);
const char             *collab_check_context_get_program_id (CollabCheckContext  *ctx);
CollabDay               collab_check_context_get_as_of     (CollabCheckContext   *ctx);
CollabInterpretation    collab_check_context_get_interpretation (CollabCheckContext *ctx);
CollabSeverity          collab_check_context_get_severity  (CollabCheckContext   *ctx);
/* A parameter of the running rule: the rule set's value, else the rule's
 * default. A count is clamped to guint. */
guint                   collab_check_context_get_count     (CollabCheckContext   *ctx,
                                                            const char           *parameter);
GVariant               *collab_check_context_get_parameter (CollabCheckContext   *ctx,
                                                            const char           *parameter) G_GNUC_WARN_UNUSED_RESULT;
/* What the rules of an area keep for the rest of the run (the 666 rules'
 * plans, which the findings of a pairing-year share): made by @make on
 * first use, freed with @free_data when the run ends. @key is the address
 * of a static of the area's. Derived data that outlives a run belongs
 * with the store instead (collab_store_get_derived()). */
gpointer                collab_check_context_get_run_data  (CollabCheckContext   *ctx,
                                                            gconstpointer         key,
                                                            gpointer            (*make) (CollabCheckContext *ctx),
                                                            GDestroyNotify        free_data);
CollabFinding          *collab_check_context_new_finding   (CollabCheckContext   *ctx) G_GNUC_WARN_UNUSED_RESULT;
/* @text, an id or a name, as a finding's message quotes it: cut after 64
 * characters with "…" (collab_error_cut()); valid until the run ends.
 * The subjects and values of a finding keep the whole id. */
const char             *collab_check_context_cut           (CollabCheckContext   *ctx,
                                                            const char           *text);
void                    collab_check_context_report        (CollabCheckContext   *ctx,
                                                            CollabFinding        *finding);

/* For the checker only: a context is made once per run and pointed at
 * each (rule, rule set, program) in turn. */
CollabCheckContext     *collab_check_context_new           (CollabDataset        *dataset,
                                                            CollabDay             as_of,
                                                            gboolean              override_interpretation,
                                                            CollabInterpretation  interpretation,
                                                            GPtrArray            *findings);
void                    collab_check_context_set_target    (CollabCheckContext   *ctx,
                                                            const CollabRule     *rule,
                                                            CollabRuleset        *ruleset,
                                                            CollabRef             program);
void                    collab_check_context_free          (CollabCheckContext   *ctx);

/* Helpers the rules share: rules/collab-rule-util.c. */
/* A new floating a{sv} of int64 values: pairs of a key and a gint64,
 * ended by NULL: collab_rule_int_dict ("total", (gint64) 18, NULL). */
GVariant               *collab_rule_int_dict               (const char           *first_key,
                                                            ...) G_GNUC_NULL_TERMINATED G_GNUC_WARN_UNUSED_RESULT;
char                   *collab_rule_format_years           (int                   first_year,
                                                            int                   last_year) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
