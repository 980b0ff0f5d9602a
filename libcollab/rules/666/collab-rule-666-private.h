/* collab-rule-666-private.h: what the 666.* rules share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every 666 rule judges the pairing-years of the running program, counted
 * by analysis/collab-talent.c from the tally the store keeps (one pass
 * over the dispatches per check, however many programs and rules), under
 * the thresholds of the rule set in force and the reading the context
 * gives (the checker's override, else the rule set's).
 */

#pragma once

#include "analysis/collab-talent-private.h"
#include "rules/collab-finding-private.h"
#include "rules/collab-rule-private.h"

G_BEGIN_DECLS

/* What the 666 rules of one check run share: see collab-rule-666-shared.c. */
typedef struct _Collab666Shared Collab666Shared;

/* One 666 rule run over one program: collab_rule_666_begin(), then
 * collab_rule_666_next() for each judged pairing-year. A run owns
 * nothing: it ends when its rule returns. */
typedef struct
{
  CollabCheckContext      *ctx;
  CollabStore             *store;
  const CollabTalentTally *tally;
  Collab666Shared         *shared;      /* of the check run */
  CollabTalentRules        rules;
  guint                    rules_index; /* of these rules in shared */
  CollabDay                as_of;
  int                      last_year;   /* the last year judged: the as-of day's */
  guint                    first;       /* the program's pairing-years [first, end) */
  guint                    end;
  guint                    next;        /* collab_rule_666_next()'s cursor */
} Collab666Run;

/* What 666.total, 666.mix and 666.tenure differ in, given as the rule's
 * data with collab_rule_666_judge() as its check: for each judged
 * pairing-year of the program that @fails, a finding with the run's
 * @expected value, the @actual counts, the pairing-year's plan as the
 * remedy and the rule's @message, which ends with the plan's sentence. */
typedef struct
{
  GVariant *(*expected) (const Collab666Run            *run);
  gboolean  (*fails)    (const Collab666Run            *run,
                         const CollabTalentPairingYear *py,
                         const CollabTalentCounts      *counts);
  GVariant *(*actual)   (Collab666Run                  *run,
                         const CollabTalentCounts      *counts);
  char     *(*message)  (const Collab666Run            *run,
                         const CollabTalentPairingYear *py,
                         const CollabTalentCounts      *counts,
                         const char                    *plan);
} Collab666Judge;

void            collab_rule_666_judge        (CollabCheckContext            *ctx);

/* The parameters of 666.mix and 666.county_mix: 6 teachers, 6 doctors,
 * 6 agriculture-or-other professionals (专栏6; 13th plan, footnote 2). */
extern const CollabRuleParam collab_rule_666_mix_params[];

/* The thresholds @ruleset gives the 666 rules, read under
 * @interpretation; the scorecard and the plan table read them here too. */
void            collab_rule_666_thresholds   (CollabTalentRules             *rules,
                                              CollabRuleset                 *ruleset,
                                              CollabInterpretation           interpretation);
void            collab_rule_666_begin        (Collab666Run                  *run,
                                              CollabCheckContext            *ctx);
/* The next pairing-year of the program that is judged, counted into
 * @counts unless it is NULL (as of the as-of day, under the run's rules);
 * NULL after the last. */
const CollabTalentPairingYear *
                collab_rule_666_next         (Collab666Run                  *run,
                                              CollabTalentCounts            *counts);
/* Whether the pairing-year is judged: not after the as-of day's year. */
gboolean        collab_rule_666_is_judged    (const Collab666Run            *run,
                                              const CollabTalentPairingYear *py);
const CollabPairingRec *
                collab_rule_666_pairing      (const Collab666Run            *run,
                                              const CollabTalentPairingYear *py);

/* A finding with the subject {assisting, assisted, year} and the values
 * given (each floating or a reference to take; NULL for none). */
CollabFinding  *collab_rule_666_new_finding  (const Collab666Run            *run,
                                              const CollabTalentPairingYear *py,
                                              GVariant                      *expected,
                                              GVariant                      *actual) G_GNUC_WARN_UNUSED_RESULT;
/* "jiangyin (江阴市) → yanchuan (延川县) in 2022" */
char           *collab_rule_666_describe     (const Collab666Run            *run,
                                              const CollabTalentPairingYear *py) G_GNUC_WARN_UNUSED_RESULT;
/* "; 3 of those counted end after the as-of day 2022-06-30 (projected)", or "". */
char           *collab_rule_666_projected    (const Collab666Run            *run,
                                              const CollabTalentCounts      *counts) G_GNUC_WARN_UNUSED_RESULT;
/* "; 2 agriculture-or-other dispatches under 1 month are not counted", or "". */
char           *collab_rule_666_not_counted  (const Collab666Run            *run,
                                              const CollabTalentCounts      *counts) G_GNUC_WARN_UNUSED_RESULT;
/* Computes the pairing-year's plan, sets it as the finding's remedy and
 * returns its sentence ("add 2 doctors for ≥ 6 months"). */
char           *collab_rule_666_set_plan     (const Collab666Run            *run,
                                              const CollabTalentPairingYear *py,
                                              const CollabTalentCounts      *counts,
                                              CollabFinding                 *finding) G_GNUC_WARN_UNUSED_RESULT;
gboolean        collab_rule_666_mix_adjusted (const Collab666Run            *run,
                                              const CollabTalentPairingYear *py);

/* --- collab-rule-666-shared.c ---------------------------------------- */

Collab666Shared *collab_rule_666_shared_for         (CollabCheckContext      *ctx);
guint            collab_rule_666_shared_rules_index (Collab666Shared         *shared,
                                                     const CollabTalentRules *rules);

/* The kinds of value the rules share: each has its own keys. */
typedef enum
{
  COLLAB_666_VALUE_TOTAL,
  COLLAB_666_VALUE_TENURE,
  COLLAB_666_VALUE_MIX,
} Collab666ValueKind;

/* The most numbers a value is keyed by. */
#define COLLAB_666_VALUE_KEY_MAX (COLLAB_TALENT_MAX_TIERS + 1)

/* A new reference to the @kind value of @values[0..@n) under the run's
 * rules, made earlier in this check run, or NULL. */
GVariant        *collab_rule_666_shared_value       (const Collab666Run      *run,
                                                     Collab666ValueKind       kind,
                                                     const guint             *values,
                                                     guint                    n) G_GNUC_WARN_UNUSED_RESULT;
/* Keeps @value (sinking a floating one) as the @kind value of
 * @values[0..@n) for the rest of the check run; returns a new reference. */
GVariant        *collab_rule_666_share_value        (const Collab666Run      *run,
                                                     Collab666ValueKind       kind,
                                                     const guint             *values,
                                                     guint                    n,
                                                     GVariant                *value) G_GNUC_WARN_UNUSED_RESULT;

/* A new floating dictionary of the group counts (and "projected"). */
GVariant *collab_rule_666_mix_dict   (const guint              *groups,
                                      gboolean                  with_projected,
                                      guint                     projected) G_GNUC_WARN_UNUSED_RESULT;
GVariant *collab_rule_666_mix_actual (const Collab666Run       *run,
                                      const CollabTalentCounts *counts) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
