/* collab-schema.c: the field tables of every record kind
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The order of the rows is the order the writer uses, so it is part of the
 * dataset document's byte-stable form: append new fields, never reorder.
 */

#include <string.h>

#include <libcollab/collab-enum-types.h>

#include "collab-schema-private.h"
#include "types/collab-i18n-private.h"

#define KIND(k)  (1u << COLLAB_RECORD_KIND_##k)
#define OFF(type, member) ((guint16) G_STRUCT_OFFSET (type, member))

#define F_ID(type)               { "id", COLLAB_FIELD_ID, OFF (type, h.id), COLLAB_FIELD_REQUIRED, NULL, 0, NULL }
#define F_ID_OPTIONAL(type)      { "id", COLLAB_FIELD_ID, OFF (type, h.id), 0, NULL, 0, NULL }
#define F_STR(n, type, m, fl)    { n, COLLAB_FIELD_STRING, OFF (type, m), fl, NULL, 0, NULL }
#define F_ENUM(n, type, m, e, fl) { n, COLLAB_FIELD_ENUM, OFF (type, m), fl, e, 0, NULL }
#define F_REF(n, type, m, k, fl) { n, COLLAB_FIELD_REF, OFF (type, m), fl, NULL, k, NULL }
#define F_DATE(n, type, m, fl)   { n, COLLAB_FIELD_DATE, OFF (type, m), fl, NULL, 0, NULL }
#define F_AMOUNT(n, type, m, fl) { n, COLLAB_FIELD_AMOUNT, OFF (type, m), fl, NULL, 0, NULL }
#define F_YEAR(n, type, m, fl)   { n, COLLAB_FIELD_YEAR, OFF (type, m), fl, NULL, 0, NULL }
#define F_INT(n, type, m, fl)    { n, COLLAB_FIELD_INT, OFF (type, m), fl, NULL, 0, NULL }
#define F_BOOL(n, type, m, fl)   { n, COLLAB_FIELD_BOOL, OFF (type, m), fl, NULL, 0, NULL }

#define REQ COLLAB_FIELD_REQUIRED
#define SCHEMA(member, singular, type, fields) \
  { member, singular, sizeof (type), fields, G_N_ELEMENTS (fields) }

static const CollabField region_fields[] = {
  F_ID (CollabRegionRec),
  F_STR ("name", CollabRegionRec, name, REQ),
  F_STR ("name_en", CollabRegionRec, name_en, 0),
  F_ENUM ("level", CollabRegionRec, level, collab_region_level_get_type, REQ),
  F_REF ("parent", CollabRegionRec, parent, KIND (REGION), 0),
  F_STR ("code", CollabRegionRec, code, 0),
  F_ENUM ("side", CollabRegionRec, side, collab_side_get_type, COLLAB_FIELD_NONZERO),
  { "flags", COLLAB_FIELD_FLAGS, OFF (CollabRegionRec, flags), 0, collab_region_flags_get_type, 0, NULL },
};

static const CollabField organization_fields[] = {
  F_ID (CollabOrganizationRec),
  F_STR ("name", CollabOrganizationRec, name, REQ),
  F_ENUM ("kind", CollabOrganizationRec, kind, collab_organization_kind_get_type, REQ),
  F_REF ("region", CollabOrganizationRec, region, KIND (REGION), 0),
  F_REF ("serves", CollabOrganizationRec, serves, KIND (REGION), 0),
};

static const CollabField fund_base_fields[] = {
  F_REF ("city", CollabFundBaseRec, city, KIND (REGION), REQ),
  F_AMOUNT ("base", CollabFundBaseRec, base, REQ | COLLAB_FIELD_COUNT),
  F_AMOUNT ("plan_total", CollabFundBaseRec, plan_total, COLLAB_FIELD_COUNT),
};

/* Translators: the kind of a part of a record, named in messages such
 * as "a fund base needs the member \"city\"": the base amount of the
 * cooperation funds of an assisted city (资金基数). */
static const CollabSchema fund_base_schema =
  SCHEMA ("fund_base", N_("fund base"), CollabFundBaseRec, fund_base_fields);

static const CollabField program_fields[] = {
  F_ID (CollabProgramRec),
  F_STR ("name", CollabProgramRec, name, REQ),
  F_ENUM ("kind", CollabProgramRec, kind, collab_program_kind_get_type, REQ),
  F_YEAR ("first_year", CollabProgramRec, first_year, REQ),
  F_YEAR ("last_year", CollabProgramRec, last_year, REQ),
  F_REF ("assisting", CollabProgramRec, assisting, KIND (REGION), REQ),
  { "assisted", COLLAB_FIELD_REF_LIST, OFF (CollabProgramRec, assisted), REQ, NULL, KIND (REGION), NULL },
  F_STR ("ruleset", CollabProgramRec, ruleset, COLLAB_FIELD_INTERN),
  { "fund_base", COLLAB_FIELD_ARRAY, OFF (CollabProgramRec, fund_base), 0, NULL, 0, &fund_base_schema },
};

static const CollabField period_fields[] = {
  F_YEAR ("first_year", CollabPeriodRec, first_year, REQ),
  F_YEAR ("last_year", CollabPeriodRec, last_year, REQ),
};

static const CollabSchema period_schema =
  SCHEMA ("period", N_("period"), CollabPeriodRec, period_fields);

static const CollabField pairing_fields[] = {
  F_ID (CollabPairingRec),
  F_REF ("program", CollabPairingRec, program, KIND (PROGRAM), REQ),
  F_REF ("assisting", CollabPairingRec, assisting, KIND (REGION) | KIND (ORGANIZATION), REQ),
  F_REF ("assisted", CollabPairingRec, assisted, KIND (REGION) | KIND (ORGANIZATION), REQ),
  F_ENUM ("level", CollabPairingRec, level, collab_pairing_level_get_type, REQ),
  { "period", COLLAB_FIELD_OBJECT, OFF (CollabPairingRec, period), 0, NULL, 0, &period_schema },
};

static const CollabField account_fields[] = {
  F_ID (CollabAccountRec),
  F_REF ("holder", CollabAccountRec, holder, KIND (ORGANIZATION) | KIND (REGION), REQ),
  F_STR ("designation", CollabAccountRec, designation, 0),
  F_BOOL ("source", CollabAccountRec, source, 0),
};

static const CollabField transaction_fields[] = {
  F_ID (CollabTransactionRec),
  F_ENUM ("type", CollabTransactionRec, type, collab_transaction_type_get_type, REQ),
  F_REF ("from", CollabTransactionRec, from, KIND (ACCOUNT) | KIND (PROJECT), 0),
  F_REF ("to", CollabTransactionRec, to, KIND (ACCOUNT) | KIND (PROJECT), 0),
  F_AMOUNT ("amount", CollabTransactionRec, amount, REQ),
  F_DATE ("date", CollabTransactionRec, date, REQ),
  F_YEAR ("budget_year", CollabTransactionRec, budget_year, 0),
  F_REF ("program", CollabTransactionRec, program, KIND (PROGRAM), 0),
  F_REF ("parent", CollabTransactionRec, parent, KIND (TRANSACTION), 0),
  F_STR ("document", CollabTransactionRec, document, COLLAB_FIELD_INTERN),
  F_STR ("use", CollabTransactionRec, use, COLLAB_FIELD_INTERN),
  F_STR ("payee", CollabTransactionRec, payee, COLLAB_FIELD_INTERN),
};

static const CollabField status_fields[] = {
  F_ENUM ("status", CollabStatusRec, status, collab_project_status_get_type, REQ),
  F_DATE ("date", CollabStatusRec, date, REQ),
};

static const CollabSchema status_schema =
  SCHEMA ("status", N_("status"), CollabStatusRec, status_fields);

static const CollabField project_fields[] = {
  F_ID (CollabProjectRec),
  F_STR ("name", CollabProjectRec, name, REQ),
  F_REF ("county", CollabProjectRec, county, KIND (REGION), REQ),
  F_ENUM ("category", CollabProjectRec, category, collab_project_category_get_type, REQ),
  F_STR ("subcategory", CollabProjectRec, subcategory, COLLAB_FIELD_INTERN),
  F_AMOUNT ("budget", CollabProjectRec, budget, 0),
  F_BOOL ("in_reserve", CollabProjectRec, in_reserve, 0),
  F_REF ("program", CollabProjectRec, program, KIND (PROGRAM), 0),
  { "status", COLLAB_FIELD_ARRAY, OFF (CollabProjectRec, status), 0, NULL, 0, &status_schema },
};

static const CollabField person_fields[] = {
  F_ID (CollabPersonRec),
  F_STR ("name", CollabPersonRec, name, 0),
  F_ENUM ("profession", CollabPersonRec, profession, collab_profession_get_type, REQ),
  F_REF ("organization", CollabPersonRec, organization, KIND (ORGANIZATION), 0),
};

static const CollabField dispatch_fields[] = {
  F_ID (CollabDispatchRec),
  F_REF ("person", CollabDispatchRec, person, KIND (PERSON), REQ),
  F_ENUM ("kind", CollabDispatchRec, kind, collab_dispatch_kind_get_type, REQ),
  F_ENUM ("direction", CollabDispatchRec, direction, collab_direction_get_type, REQ),
  F_REF ("from", CollabDispatchRec, from, KIND (REGION), REQ),
  F_REF ("to", CollabDispatchRec, to, KIND (REGION), REQ),
  F_ENUM ("post", CollabDispatchRec, post, collab_post_get_type, COLLAB_FIELD_NONZERO),
  F_DATE ("start", CollabDispatchRec, start, REQ),
  F_DATE ("planned_end", CollabDispatchRec, planned_end, REQ),
  F_DATE ("actual_end", CollabDispatchRec, actual_end, 0),
};

static const CollabField training_fields[] = {
  F_ID_OPTIONAL (CollabTrainingRec),
  F_REF ("program", CollabTrainingRec, program, KIND (PROGRAM), REQ),
  F_ENUM ("side", CollabTrainingRec, side, collab_side_get_type, COLLAB_FIELD_NONZERO),
  F_YEAR ("year", CollabTrainingRec, year, REQ),
  F_STR ("topic", CollabTrainingRec, topic, COLLAB_FIELD_INTERN),
  F_INT ("person_times", CollabTrainingRec, person_times, REQ | COLLAB_FIELD_COUNT),
  F_ENUM ("area", CollabTrainingRec, area, collab_training_area_get_type, 0),
  F_INT ("classes", CollabTrainingRec, classes, COLLAB_FIELD_COUNT),
};

static const CollabField adjustment_fields[] = {
  F_ID_OPTIONAL (CollabAdjustmentRec),
  F_STR ("rule", CollabAdjustmentRec, rule, REQ | COLLAB_FIELD_INTERN),
  F_REF ("assisting", CollabAdjustmentRec, assisting, KIND (REGION), 0),
  F_REF ("assisted", CollabAdjustmentRec, assisted, KIND (REGION), REQ),
  F_YEAR ("year", CollabAdjustmentRec, year, REQ),
  F_STR ("note", CollabAdjustmentRec, note, 0),
};

static const CollabField demo_village_fields[] = {
  F_ID_OPTIONAL (CollabDemoVillageRec),
  F_REF ("village", CollabDemoVillageRec, village, KIND (REGION), REQ),
  F_REF ("county", CollabDemoVillageRec, county, KIND (REGION), REQ),
  F_REF ("program", CollabDemoVillageRec, program, KIND (PROGRAM), REQ),
};

static const CollabField day_range_fields[] = {
  F_DATE ("first", CollabDayRangeRec, first, REQ),
  F_DATE ("last", CollabDayRangeRec, last, REQ),
};

/* Translators: the part of a job offer that says from which day to
 * which it is open (招聘期限), named in messages such as "an open
 * period needs the member \"last\"". */
static const CollabSchema open_schema =
  SCHEMA ("open", N_("open period"), CollabDayRangeRec, day_range_fields);

static const CollabField job_offer_fields[] = {
  F_ID (CollabJobOfferRec),
  F_REF ("employer", CollabJobOfferRec, employer, KIND (ORGANIZATION), REQ),
  F_ENUM ("job_type", CollabJobOfferRec, job_type, collab_job_type_get_type, REQ),
  F_INT ("positions", CollabJobOfferRec, positions, REQ | COLLAB_FIELD_POSITIVE),
  { "open", COLLAB_FIELD_OBJECT, OFF (CollabJobOfferRec, open), REQ, NULL, 0, &open_schema },
  F_REF ("target", CollabJobOfferRec, target, KIND (REGION), 0),
  F_AMOUNT ("monthly_wage", CollabJobOfferRec, monthly_wage, 0),
  F_REF ("program", CollabJobOfferRec, program, KIND (PROGRAM), 0),
};

static const CollabField worker_fields[] = {
  F_ID (CollabWorkerRec),
  F_STR ("name", CollabWorkerRec, name, 0),
  F_REF ("county", CollabWorkerRec, county, KIND (REGION), REQ),
  { "flags", COLLAB_FIELD_FLAGS, OFF (CollabWorkerRec, flags), 0, collab_worker_flags_get_type, 0, NULL },
  { "wants", COLLAB_FIELD_ENUM_LIST, OFF (CollabWorkerRec, wants), 0, collab_job_type_get_type, 0, NULL },
  F_DATE ("registered", CollabWorkerRec, registered, REQ),
};

static const CollabField placement_fields[] = {
  F_ID (CollabPlacementRec),
  F_REF ("worker", CollabPlacementRec, worker, KIND (WORKER), REQ),
  F_REF ("employer", CollabPlacementRec, employer, KIND (ORGANIZATION), REQ),
  F_REF ("offer", CollabPlacementRec, offer, KIND (JOB_OFFER), 0),
  F_ENUM ("kind", CollabPlacementRec, kind, collab_placement_kind_get_type, REQ),
  F_BOOL ("organized", CollabPlacementRec, organized, 0),
  F_DATE ("start", CollabPlacementRec, start, REQ),
  F_DATE ("end", CollabPlacementRec, end, 0),
};

static const CollabField follow_up_fields[] = {
  F_ID_OPTIONAL (CollabFollowUpRec),
  F_REF ("placement", CollabFollowUpRec, placement, KIND (PLACEMENT), REQ),
  F_DATE ("date", CollabFollowUpRec, date, REQ),
  F_ENUM ("status", CollabFollowUpRec, status, collab_follow_up_status_get_type, REQ),
  F_STR ("note", CollabFollowUpRec, note, 0),
};

static const CollabField event_fields[] = {
  F_ID (CollabEventRec),
  F_REF ("program", CollabEventRec, program, KIND (PROGRAM), REQ),
  F_ENUM ("kind", CollabEventRec, kind, collab_event_kind_get_type, REQ),
  F_DATE ("date", CollabEventRec, date, REQ),
  F_REF ("region", CollabEventRec, region, KIND (REGION), 0),
  F_INT ("participants", CollabEventRec, participants, COLLAB_FIELD_COUNT),
  F_INT ("trainees", CollabEventRec, trainees, COLLAB_FIELD_COUNT),
  F_ENUM ("area", CollabEventRec, area, collab_training_area_get_type, 0),
  { "tasks", COLLAB_FIELD_REF_LIST, OFF (CollabEventRec, tasks), 0, NULL, KIND (TASK), NULL },
};

static const CollabField purchase_fields[] = {
  F_ID (CollabPurchaseRec),
  F_REF ("origin", CollabPurchaseRec, origin, KIND (REGION), REQ),
  F_STR ("product", CollabPurchaseRec, product, REQ | COLLAB_FIELD_INTERN),
  F_ENUM ("channel", CollabPurchaseRec, channel, collab_purchase_channel_get_type, REQ),
  F_AMOUNT ("amount", CollabPurchaseRec, amount, REQ | COLLAB_FIELD_COUNT),
  F_DATE ("date", CollabPurchaseRec, date, REQ),
  F_REF ("buyer", CollabPurchaseRec, buyer, KIND (ORGANIZATION), 0),
  F_INT ("beneficiaries", CollabPurchaseRec, beneficiaries, COLLAB_FIELD_COUNT),
  F_REF ("program", CollabPurchaseRec, program, KIND (PROGRAM), 0),
};

static const CollabField investment_fields[] = {
  F_ID (CollabInvestmentRec),
  F_REF ("enterprise", CollabInvestmentRec, enterprise, KIND (ORGANIZATION), REQ),
  F_REF ("county", CollabInvestmentRec, county, KIND (REGION), REQ),
  F_AMOUNT ("amount", CollabInvestmentRec, amount, REQ | COLLAB_FIELD_COUNT),
  F_DATE ("date", CollabInvestmentRec, date, REQ),
  F_REF ("park", CollabInvestmentRec, park, KIND (ORGANIZATION), 0),
  F_REF ("program", CollabInvestmentRec, program, KIND (PROGRAM), 0),
};

static const CollabField donation_fields[] = {
  F_ID (CollabDonationRec),
  F_REF ("donor", CollabDonationRec, donor, KIND (ORGANIZATION), 0),
  F_REF ("to", CollabDonationRec, to, KIND (REGION), REQ),
  F_ENUM ("form", CollabDonationRec, form, collab_donation_form_get_type, REQ),
  F_AMOUNT ("amount", CollabDonationRec, amount, REQ | COLLAB_FIELD_COUNT),
  F_DATE ("date", CollabDonationRec, date, REQ),
  F_REF ("program", CollabDonationRec, program, KIND (PROGRAM), 0),
};

static const CollabField task_fields[] = {
  F_ID (CollabTaskRec),
  F_REF ("program", CollabTaskRec, program, KIND (PROGRAM), REQ),
  F_INT ("number", CollabTaskRec, number, REQ | COLLAB_FIELD_POSITIVE),
  F_ENUM ("area", CollabTaskRec, area, collab_task_area_get_type, REQ),
  F_STR ("title", CollabTaskRec, title, REQ),
  { "responsible", COLLAB_FIELD_REF_LIST, OFF (CollabTaskRec, responsible), 0, NULL, KIND (ORGANIZATION), NULL },
};

static const CollabField task_report_fields[] = {
  F_ID_OPTIONAL (CollabTaskReportRec),
  F_REF ("task", CollabTaskReportRec, task, KIND (TASK), REQ),
  F_YEAR ("year", CollabTaskReportRec, year, REQ),
  F_ENUM ("status", CollabTaskReportRec, status, collab_task_status_get_type, REQ),
  F_STR ("note", CollabTaskReportRec, note, 0),
};

static const CollabField initiative_fields[] = {
  F_ID (CollabInitiativeRec),
  F_REF ("program", CollabInitiativeRec, program, KIND (PROGRAM), REQ),
  F_YEAR ("year", CollabInitiativeRec, year, REQ),
  F_STR ("title", CollabInitiativeRec, title, REQ),
  F_STR ("document", CollabInitiativeRec, document, 0),
  { "tasks", COLLAB_FIELD_REF_LIST, OFF (CollabInitiativeRec, tasks), 0, NULL, KIND (TASK), NULL },
};

static const CollabField agreement_fields[] = {
  F_ID (CollabAgreementRec),
  F_REF ("program", CollabAgreementRec, program, KIND (PROGRAM), REQ),
  F_YEAR ("year", CollabAgreementRec, year, REQ),
  F_REF ("city", CollabAgreementRec, city, KIND (REGION), REQ),
  F_AMOUNT ("funds", CollabAgreementRec, funds, REQ | COLLAB_FIELD_COUNT),
  F_INT ("professionals", CollabAgreementRec, professionals, COLLAB_FIELD_COUNT),
  F_INT ("cadres", CollabAgreementRec, cadres, COLLAB_FIELD_COUNT),
  F_STR ("document", CollabAgreementRec, document, COLLAB_FIELD_INTERN),
};

/* The singular names are the kinds of records as messages name them
 * ("no region has the id ..."), translated where they are used; the
 * member names are the document's and never change. */
static const CollabSchema schemas[COLLAB_N_RECORD_KINDS] = {
  /* Translators: the kinds of records of a dataset, as messages name
   * them: 行政区划, 单位, 协作规划, 结对关系, 资金账户, 资金往来, 项目,
   * 人员, 派出记录, 培训, 调整记录, 示范村, 岗位, 务工人员, 就业记录,
   * 跟踪服务记录, 活动, 消费协作记录, 投资记录, 捐赠记录, 重点任务,
   * 任务总结, 重点专项, 年度协议. */
  SCHEMA ("regions", N_("region"), CollabRegionRec, region_fields),
  SCHEMA ("organizations", N_("organization"), CollabOrganizationRec, organization_fields),
  SCHEMA ("programs", N_("program"), CollabProgramRec, program_fields),
  SCHEMA ("pairings", N_("pairing"), CollabPairingRec, pairing_fields),
  SCHEMA ("accounts", N_("account"), CollabAccountRec, account_fields),
  SCHEMA ("transactions", N_("transaction"), CollabTransactionRec, transaction_fields),
  SCHEMA ("projects", N_("project"), CollabProjectRec, project_fields),
  SCHEMA ("people", N_("person"), CollabPersonRec, person_fields),
  SCHEMA ("dispatches", N_("dispatch"), CollabDispatchRec, dispatch_fields),
  SCHEMA ("trainings", N_("training"), CollabTrainingRec, training_fields),
  SCHEMA ("adjustments", N_("adjustment"), CollabAdjustmentRec, adjustment_fields),
  SCHEMA ("demonstration_villages", N_("demonstration village"), CollabDemoVillageRec, demo_village_fields),
  SCHEMA ("job_offers", N_("job offer"), CollabJobOfferRec, job_offer_fields),
  SCHEMA ("workers", N_("worker"), CollabWorkerRec, worker_fields),
  SCHEMA ("placements", N_("placement"), CollabPlacementRec, placement_fields),
  SCHEMA ("follow_ups", N_("follow-up"), CollabFollowUpRec, follow_up_fields),
  SCHEMA ("events", N_("event"), CollabEventRec, event_fields),
  SCHEMA ("purchases", N_("purchase"), CollabPurchaseRec, purchase_fields),
  SCHEMA ("investments", N_("investment"), CollabInvestmentRec, investment_fields),
  SCHEMA ("donations", N_("donation"), CollabDonationRec, donation_fields),
  SCHEMA ("tasks", N_("plan task"), CollabTaskRec, task_fields),
  SCHEMA ("task_reports", N_("task report"), CollabTaskReportRec, task_report_fields),
  SCHEMA ("initiatives", N_("key initiative"), CollabInitiativeRec, initiative_fields),
  SCHEMA ("agreements", N_("annual agreement"), CollabAgreementRec, agreement_fields),
};

G_STATIC_ASSERT (G_N_ELEMENTS (region_fields) <= 32);

const CollabSchema *
collab_schema_for_kind (CollabRecordKind kind)
{
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, NULL);

  return &schemas[kind];
}

/* The kind's name in English, as the table has it: translated with _()
 * where it enters a message. */
const char *
collab_schema_kind_name (CollabRecordKind kind)
{
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, NULL);

  return schemas[kind].singular;
}

gboolean
collab_schema_kind_from_member (const char       *member,
                                CollabRecordKind *kind)
{
  for (guint i = 0; i < COLLAB_N_RECORD_KINDS; i++)
    {
      if (strcmp (schemas[i].member, member) == 0)
        {
          *kind = (CollabRecordKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

int
collab_schema_find_field (const CollabSchema *schema,
                          const char         *name)
{
  /* Tables have a dozen rows at most: a scan beats hashing here. */
  for (guint i = 0; i < schema->n_fields; i++)
    if (strcmp (schema->fields[i].name, name) == 0)
      return (int) i;

  return -1;
}
