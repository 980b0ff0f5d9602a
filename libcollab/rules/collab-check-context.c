/* collab-check-context.c: what a rule sees while it runs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The context is the whole interface between the checker and a rule: the
 * records, the rule set in force for this run of the rule (the program's
 * own, or the one set on the checker), the program (or none, for rules
 * that look at the dataset as a whole or at the records of no program),
 * the as-of day and the tenure interpretation, and a place to report
 * findings. A rule that needs anything else should get it through a new
 * accessor here, so that every rule keeps seeing the same world.
 */

#include "model/collab-dataset-private.h"
#include "types/collab-error-private.h"
#include "collab-finding-private.h"
#include "collab-rule-private.h"

struct _CollabCheckContext
{
  CollabStore          *store;
  const CollabRule     *rule;
  CollabRuleset        *ruleset;
  CollabSeverity        severity;   /* the rule set's for the rule: read once, not per finding */
  CollabRef             program;
  CollabDay             as_of;
  gboolean              override_interpretation;
  CollabInterpretation  interpretation;
  GPtrArray            *findings;
  GSList               *run_data;   /* of RunData */
  GPtrArray            *cut;        /* ids and names cut for messages, or NULL */
};

/* What the rules of an area keep for the rest of a run. */
typedef struct
{
  gconstpointer   key;
  gpointer        data;
  GDestroyNotify  free;
} RunData;

CollabCheckContext *
collab_check_context_new (CollabDataset        *dataset,
                          CollabDay             as_of,
                          gboolean              override_interpretation,
                          CollabInterpretation  interpretation,
                          GPtrArray            *findings)
{
  CollabCheckContext *ctx = g_new0 (CollabCheckContext, 1);

  ctx->store = collab_dataset_get_store (dataset);
  ctx->as_of = as_of;
  ctx->override_interpretation = override_interpretation;
  ctx->interpretation = interpretation;
  ctx->findings = findings;
  return ctx;
}

void
collab_check_context_set_target (CollabCheckContext *ctx,
                                 const CollabRule   *rule,
                                 CollabRuleset      *ruleset,
                                 CollabRef           program)
{
  ctx->rule = rule;
  ctx->ruleset = ruleset;
  ctx->severity = collab_ruleset_get_severity (ruleset, rule->id);
  ctx->program = program;
}

void
collab_check_context_free (CollabCheckContext *ctx)
{
  for (GSList *l = ctx->run_data; l != NULL; l = l->next)
    {
      RunData *run_data = l->data;

      run_data->free (run_data->data);
      g_free (run_data);
    }
  g_slist_free (ctx->run_data);
  g_clear_pointer (&ctx->cut, g_ptr_array_unref);
  g_free (ctx);
}

/* Almost every id and name is short and is returned as it is; the few
 * that are cut are kept until the run ends. */
const char *
collab_check_context_cut (CollabCheckContext *ctx,
                          const char         *text)
{
  if (text == NULL)
    return NULL;
  if (ctx->cut == NULL)
    ctx->cut = g_ptr_array_new_with_free_func (g_free);
  return collab_error_cut_kept (text, ctx->cut);
}

/* A run is one thread's: what it keeps needs no lock, and dies with it. */
gpointer
collab_check_context_get_run_data (CollabCheckContext *ctx,
                                   gconstpointer       key,
                                   gpointer          (*make) (CollabCheckContext *ctx),
                                   GDestroyNotify      free_data)
{
  RunData *run_data;

  for (GSList *l = ctx->run_data; l != NULL; l = l->next)
    if (((RunData *) l->data)->key == key)
      return ((RunData *) l->data)->data;

  run_data = g_new (RunData, 1);
  run_data->key = key;
  run_data->data = make (ctx);
  run_data->free = free_data;
  ctx->run_data = g_slist_prepend (ctx->run_data, run_data);
  return run_data->data;
}

CollabStore *
collab_check_context_get_store (CollabCheckContext *ctx)
{
  return ctx->store;
}

CollabRuleset *
collab_check_context_get_ruleset (CollabCheckContext *ctx)
{
  return ctx->ruleset;
}

const CollabRule *
collab_check_context_get_rule (CollabCheckContext *ctx)
{
  return ctx->rule;
}

/* COLLAB_REF_NONE for a rule of COLLAB_RULE_SCOPE_DATASET, and for the
 * run of a COLLAB_RULE_SCOPE_PROGRAM_AND_NONE rule over the records of
 * no program. */
CollabRef
collab_check_context_get_program_ref (CollabCheckContext *ctx)
{
  return ctx->program;
}

const CollabProgramRec *
collab_check_context_get_program (CollabCheckContext *ctx)
{
  return collab_store_deref (ctx->store, ctx->program);
}

const char *
collab_check_context_get_program_id (CollabCheckContext *ctx)
{
  const CollabProgramRec *program = collab_check_context_get_program (ctx);

  return program != NULL ? program->h.id : NULL;
}

/* The day the check is run as of: the checker's, or today. Rules that
 * look at time (fund.idle, projected tenures) count days up to it. */
CollabDay
collab_check_context_get_as_of (CollabCheckContext *ctx)
{
  return ctx->as_of;
}

/* The reading of the 666 tenure tiers: the checker's override, else the
 * rule set's. */
CollabInterpretation
collab_check_context_get_interpretation (CollabCheckContext *ctx)
{
  if (ctx->override_interpretation)
    return ctx->interpretation;
  return collab_ruleset_get_interpretation (ctx->ruleset);
}

CollabSeverity
collab_check_context_get_severity (CollabCheckContext *ctx)
{
  return ctx->severity;
}

guint
collab_check_context_get_count (CollabCheckContext *ctx,
                                const char         *parameter)
{
  gint64 value = collab_ruleset_get_int (ctx->ruleset, ctx->rule->id, parameter, 0);

  return (guint) CLAMP (value, 0, G_MAXINT32);
}

/* A new reference; the rule's own default when the set gives none. */
GVariant *
collab_check_context_get_parameter (CollabCheckContext *ctx,
                                    const char         *parameter)
{
  return collab_ruleset_get_parameter (ctx->ruleset, ctx->rule->id, parameter);
}

/* A finding of the running rule, with the severity the rule set gives it;
 * the rule sets the subject, the message and the values, then reports. */
CollabFinding *
collab_check_context_new_finding (CollabCheckContext *ctx)
{
  return collab_finding_new (ctx->rule->id, collab_check_context_get_severity (ctx));
}

/* Takes ownership of @finding. */
void
collab_check_context_report (CollabCheckContext *ctx,
                             CollabFinding      *finding)
{
  g_return_if_fail (COLLAB_IS_FINDING (finding));
  g_return_if_fail (g_strcmp0 (collab_finding_get_rule (finding), ctx->rule->id) == 0);

  collab_finding_seal (finding);
  g_ptr_array_add (ctx->findings, finding);
}
