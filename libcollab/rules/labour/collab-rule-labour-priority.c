/* collab-rule-labour-priority.c: labour.priority
 *
 * SPEC §11.2: poverty-lifted people first (脱贫人口优先, seed 000 ch. 3
 * §2). A placement that names a job offer went to a worker with neither
 * of the flags poverty_lifted and at_risk while a worker with one of them
 * was waiting for that job: registered on or before the day the
 * placement started, wanting the offer's job type or any type, from a
 * county of the assisted regions of the offer's program (when the offer
 * names one), and in no placement that day. Placements without an offer
 * are not judged: nothing says which job they took from whom.
 *
 * Who was waiting is computed once per check run, for every program, by
 * one sweep over the days (collab-rule-labour-waiting.c).
 *
 * Subject {placement}; expected 0 priority workers waiting, actual the
 * number waiting. The message names the earliest registered of them
 * (ties by position in the dataset).
 */

#include "types/collab-day-private.h"
#include "collab-rule-labour-private.h"

/* What a message calls a job type. */
static const char *
job_type_words (CollabJobType type)
{
  switch (type)
    {
    case COLLAB_JOB_TYPE_DOMESTIC_SERVICE:
      /* Translators: the job types of SPEC §11.1, named in messages such as
       * "the job offer o1 (logistics and delivery) of e1 (某物流公司)". */
      return C_("job type", "domestic service");
    case COLLAB_JOB_TYPE_LOGISTICS:
      return C_("job type", "logistics and delivery");
    case COLLAB_JOB_TYPE_ELDERLY_CARE:
      return C_("job type", "elderly care");
    case COLLAB_JOB_TYPE_CATERING:
      return C_("job type", "catering");
    case COLLAB_JOB_TYPE_CONSTRUCTION:
      return C_("job type", "construction");
    case COLLAB_JOB_TYPE_MACHINE_REPAIR:
      return C_("job type", "machine repair");
    case COLLAB_JOB_TYPE_MANUFACTURING:
      return C_("job type", "manufacturing");
    case COLLAB_JOB_TYPE_OTHER:
    default:
      return C_("job type", "other");
    }
}

static void
report (CollabCheckContext       *ctx,
        const CollabPlacementRec *placement,
        guint                     waiting,
        guint                     earliest)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const CollabJobOfferRec *offer = collab_store_deref (store, placement->offer);
  const CollabWorkerRec *first = collab_store_get (store, COLLAB_RECORD_KIND_WORKER, earliest);
  CollabFinding *finding = collab_check_context_new_finding (ctx);
  char start[COLLAB_DAY_TEXT_LEN + 1] = { 0 };
  char registered[COLLAB_DAY_TEXT_LEN + 1] = { 0 };

  collab_day_write_text (placement->start, start);
  collab_day_write_text (first->registered, registered);
  collab_finding_set_subject_string (finding, "placement", placement->h.id);
  collab_finding_set_expected_int (finding, 0);
  collab_finding_set_actual_int (finding, waiting);
  collab_finding_set_message (finding,
                              /* Translators: the id of a placement, of its worker, of the job offer,
                               * its job type ("logistics and delivery"), the id of its employer and
                               * the employer's name, the day the placement started, the number of
                               * priority workers waiting, then the id of the one who registered
                               * first and the day they registered. */
                              ngettext_ ("The placement %s gave worker %s, who is neither poverty-lifted nor at "
                                         "risk, the job offer %s (%s) of %s (%s) on %s, while %u priority "
                                         "worker (poverty-lifted or at risk) was waiting for such work: %s, "
                                         "registered on %s. Place priority workers first (脱贫人口优先), or "
                                         "record why they could not take the job.",
                                         "The placement %s gave worker %s, who is neither poverty-lifted nor at "
                                         "risk, the job offer %s (%s) of %s (%s) on %s, while %u priority "
                                         "workers (poverty-lifted or at risk) were waiting for such work; the "
                                         "earliest registered is %s, registered on %s. Place priority workers "
                                         "first (脱贫人口优先), or record why they could not take the job.",
                                         waiting),
                              collab_check_context_cut (ctx, placement->h.id),
                              collab_check_context_cut (ctx, collab_units_id (store, placement->worker)),
                              collab_check_context_cut (ctx, offer->h.id), job_type_words (offer->job_type),
                              collab_check_context_cut (ctx, collab_units_id (store, offer->employer)),
                              collab_check_context_cut (ctx, collab_units_name (store, offer->employer)),
                              start, waiting, collab_check_context_cut (ctx, first->h.id), registered);
  collab_check_context_report (ctx, finding);
}

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const CollabLabourWaiting *waiting = collab_rule_labour_waiting (ctx);
  guint first, end;
  const CollabLabourIndex *index = collab_rule_labour_placements (ctx, &first, &end);

  for (guint k = first; k < end; k++)
    if (waiting->queues[k].waiting > 0)
      report (ctx, collab_store_get (store, COLLAB_RECORD_KIND_PLACEMENT, index->placements[k]),
              waiting->queues[k].waiting, waiting->rank_worker[waiting->queues[k].earliest]);
}

COLLAB_DEFINE_RULE (labour_priority,
  .id = "labour.priority",
  .area = "labour",
  .severity = COLLAB_SEVERITY_WARNING,
  .scope = COLLAB_RULE_SCOPE_PROGRAM_AND_NONE,
  .check = check);
