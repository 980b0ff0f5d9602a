/* collab-enums.h: the closed vocabularies of the dataset document
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each value's nick is the word the dataset document (SPEC §9) uses, so
 * g_enum_get_value_by_nick() maps JSON to C and back.
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * CollabRecordKind:
 * @COLLAB_RECORD_KIND_REGION: a [region](../SPEC.html) (`regions`)
 * @COLLAB_RECORD_KIND_ORGANIZATION: an organization (`organizations`)
 * @COLLAB_RECORD_KIND_PROGRAM: a program or plan (`programs`)
 * @COLLAB_RECORD_KIND_PAIRING: a pairing (`pairings`)
 * @COLLAB_RECORD_KIND_ACCOUNT: a fund account (`accounts`)
 * @COLLAB_RECORD_KIND_TRANSACTION: a fund transaction (`transactions`)
 * @COLLAB_RECORD_KIND_PROJECT: a funded project (`projects`)
 * @COLLAB_RECORD_KIND_PERSON: a person who may be dispatched (`people`)
 * @COLLAB_RECORD_KIND_DISPATCH: a dispatch of a person (`dispatches`)
 * @COLLAB_RECORD_KIND_TRAINING: person-times of training (`trainings`)
 * @COLLAB_RECORD_KIND_ADJUSTMENT: a permission to deviate from a rule (`adjustments`)
 * @COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE: a demonstration village (`demonstration_villages`)
 * @COLLAB_RECORD_KIND_JOB_OFFER: an employer's offer of positions (`job_offers`, 岗位供给)
 * @COLLAB_RECORD_KIND_WORKER: a person of an assisted area who wants work (`workers`, 就业需求)
 * @COLLAB_RECORD_KIND_PLACEMENT: a worker in a job (`placements`, 就业)
 * @COLLAB_RECORD_KIND_FOLLOW_UP: a contact with a placed worker (`follow_ups`, 跟踪服务)
 * @COLLAB_RECORD_KIND_EVENT: a meeting, visit, job fair or training class (`events`)
 * @COLLAB_RECORD_KIND_PURCHASE: products of an assisted area bought or sold in the east (`purchases`, 消费协作)
 * @COLLAB_RECORD_KIND_INVESTMENT: an enterprise's investment in an assisted area (`investments`, 产业协作)
 * @COLLAB_RECORD_KIND_DONATION: money or goods given to an assisted area (`donations`, 社会帮扶)
 * @COLLAB_RECORD_KIND_TASK: a task of a counterpart plan (`tasks`, 重点任务)
 * @COLLAB_RECORD_KIND_TASK_REPORT: a year's summary of a plan task (`task_reports`, 总结评估)
 * @COLLAB_RECORD_KIND_INITIATIVE: a key initiative of a year (`initiatives`, 年度推进重点专项)
 * @COLLAB_RECORD_KIND_AGREEMENT: a year's cooperation agreement with an assisted city (`agreements`, 年度协议)
 *
 * The kinds of record a [class@Collab.Dataset] holds, in the order the
 * dataset document writes them.
 */
typedef enum {
  COLLAB_RECORD_KIND_REGION,
  COLLAB_RECORD_KIND_ORGANIZATION,
  COLLAB_RECORD_KIND_PROGRAM,
  COLLAB_RECORD_KIND_PAIRING,
  COLLAB_RECORD_KIND_ACCOUNT,
  COLLAB_RECORD_KIND_TRANSACTION,
  COLLAB_RECORD_KIND_PROJECT,
  COLLAB_RECORD_KIND_PERSON,
  COLLAB_RECORD_KIND_DISPATCH,
  COLLAB_RECORD_KIND_TRAINING,
  COLLAB_RECORD_KIND_ADJUSTMENT,
  COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE, /*< nick=demonstration_village >*/
  COLLAB_RECORD_KIND_JOB_OFFER,             /*< nick=job_offer >*/
  COLLAB_RECORD_KIND_WORKER,
  COLLAB_RECORD_KIND_PLACEMENT,
  COLLAB_RECORD_KIND_FOLLOW_UP,             /*< nick=follow_up >*/
  COLLAB_RECORD_KIND_EVENT,
  COLLAB_RECORD_KIND_PURCHASE,
  COLLAB_RECORD_KIND_INVESTMENT,
  COLLAB_RECORD_KIND_DONATION,
  COLLAB_RECORD_KIND_TASK,
  COLLAB_RECORD_KIND_TASK_REPORT,           /*< nick=task_report >*/
  COLLAB_RECORD_KIND_INITIATIVE,
  COLLAB_RECORD_KIND_AGREEMENT,
} CollabRecordKind;

/**
 * CollabRegionLevel:
 * @COLLAB_REGION_LEVEL_PROVINCE: a province (省)
 * @COLLAB_REGION_LEVEL_CITY: a prefecture-level city (市)
 * @COLLAB_REGION_LEVEL_COUNTY: a county-level unit: county, district, county-level city or functional zone
 * @COLLAB_REGION_LEVEL_TOWNSHIP: a township or town (乡镇)
 * @COLLAB_REGION_LEVEL_VILLAGE: a village (村)
 *
 * The administrative level of a region.
 */
typedef enum {
  COLLAB_REGION_LEVEL_PROVINCE,
  COLLAB_REGION_LEVEL_CITY,
  COLLAB_REGION_LEVEL_COUNTY,
  COLLAB_REGION_LEVEL_TOWNSHIP,
  COLLAB_REGION_LEVEL_VILLAGE,
} CollabRegionLevel;

/**
 * CollabSide:
 * @COLLAB_SIDE_UNKNOWN: neither the region nor any ancestor says
 * @COLLAB_SIDE_EAST: the assisting side (东部)
 * @COLLAB_SIDE_WEST: the assisted side (西部)
 *
 * The side of the cooperation a region is on.
 */
typedef enum {
  COLLAB_SIDE_UNKNOWN,
  COLLAB_SIDE_EAST,
  COLLAB_SIDE_WEST,
} CollabSide;

/**
 * CollabRegionFlags:
 * @COLLAB_REGION_FLAGS_NONE: no flag
 * @COLLAB_REGION_FLAGS_POVERTY_LIFTED: a poverty-lifted county (脱贫县)
 * @COLLAB_REGION_FLAGS_NATIONAL_KEY: a national key county for rural revitalization
 * @COLLAB_REGION_FLAGS_REVOLUTIONARY_BASE: an old revolutionary base area
 * @COLLAB_REGION_FLAGS_FUNCTIONAL_ZONE: a functional zone such as 横琴新区
 *
 * Facts about a region that rules depend on.
 */
typedef enum { /*< flags >*/
  COLLAB_REGION_FLAGS_NONE               = 0,      /*< skip >*/
  COLLAB_REGION_FLAGS_POVERTY_LIFTED     = 1 << 0, /*< nick=poverty_lifted >*/
  COLLAB_REGION_FLAGS_NATIONAL_KEY       = 1 << 1, /*< nick=national_key >*/
  COLLAB_REGION_FLAGS_REVOLUTIONARY_BASE = 1 << 2, /*< nick=revolutionary_base >*/
  COLLAB_REGION_FLAGS_FUNCTIONAL_ZONE    = 1 << 3, /*< nick=functional_zone >*/
} CollabRegionFlags;

/**
 * CollabOrganizationKind:
 * @COLLAB_ORGANIZATION_KIND_AGENCY: a government agency; holds accounts and files projects
 * @COLLAB_ORGANIZATION_KIND_ENTERPRISE: an enterprise
 * @COLLAB_ORGANIZATION_KIND_SOCIAL_ORG: a social organisation
 * @COLLAB_ORGANIZATION_KIND_SCHOOL: a school
 * @COLLAB_ORGANIZATION_KIND_HOSPITAL: a hospital
 * @COLLAB_ORGANIZATION_KIND_PARK: an industrial or agricultural park
 * @COLLAB_ORGANIZATION_KIND_RESEARCH: a research institute
 * @COLLAB_ORGANIZATION_KIND_OTHER: anything else
 * @COLLAB_ORGANIZATION_KIND_WORKSHOP: a workshop in an assisted area that employs local people (扶贫车间, 社区工厂, 乡村振兴车间)
 * @COLLAB_ORGANIZATION_KIND_SHOP: a shop in the east that sells the assisted areas' products (直销店, 体验店)
 *
 * What an organization is.
 */
typedef enum {
  COLLAB_ORGANIZATION_KIND_AGENCY,
  COLLAB_ORGANIZATION_KIND_ENTERPRISE,
  COLLAB_ORGANIZATION_KIND_SOCIAL_ORG, /*< nick=social_org >*/
  COLLAB_ORGANIZATION_KIND_SCHOOL,
  COLLAB_ORGANIZATION_KIND_HOSPITAL,
  COLLAB_ORGANIZATION_KIND_PARK,
  COLLAB_ORGANIZATION_KIND_RESEARCH,
  COLLAB_ORGANIZATION_KIND_OTHER,
  COLLAB_ORGANIZATION_KIND_WORKSHOP,
  COLLAB_ORGANIZATION_KIND_SHOP,
} CollabOrganizationKind;

/**
 * CollabProgramKind:
 * @COLLAB_PROGRAM_KIND_EAST_WEST: East–West cooperation (东西部协作)
 * @COLLAB_PROGRAM_KIND_COUNTERPART: counterpart cooperation (对口合作)
 * @COLLAB_PROGRAM_KIND_HAND_IN_HAND: "hand in hand" sub-county pairings (携手奔小康)
 *
 * The kind of a program.
 */
typedef enum {
  COLLAB_PROGRAM_KIND_EAST_WEST,    /*< nick=east_west >*/
  COLLAB_PROGRAM_KIND_COUNTERPART,
  COLLAB_PROGRAM_KIND_HAND_IN_HAND, /*< nick=hand_in_hand >*/
} CollabProgramKind;

/**
 * CollabPairingLevel:
 * @COLLAB_PAIRING_LEVEL_CITY: city with city
 * @COLLAB_PAIRING_LEVEL_COUNTY: county-level unit with county-level unit
 * @COLLAB_PAIRING_LEVEL_TOWNSHIP: town with township
 * @COLLAB_PAIRING_LEVEL_VILLAGE: village with village
 * @COLLAB_PAIRING_LEVEL_ENTERPRISE_VILLAGE: enterprise with village
 * @COLLAB_PAIRING_LEVEL_SOCIAL_ORG_VILLAGE: social organisation with village
 * @COLLAB_PAIRING_LEVEL_SCHOOL: school with school
 * @COLLAB_PAIRING_LEVEL_HOSPITAL: hospital with hospital
 * @COLLAB_PAIRING_LEVEL_PARK: co-built park
 *
 * The level a pairing links units at.
 */
typedef enum {
  COLLAB_PAIRING_LEVEL_CITY,
  COLLAB_PAIRING_LEVEL_COUNTY,
  COLLAB_PAIRING_LEVEL_TOWNSHIP,
  COLLAB_PAIRING_LEVEL_VILLAGE,
  COLLAB_PAIRING_LEVEL_ENTERPRISE_VILLAGE, /*< nick=enterprise_village >*/
  COLLAB_PAIRING_LEVEL_SOCIAL_ORG_VILLAGE, /*< nick=social_org_village >*/
  COLLAB_PAIRING_LEVEL_SCHOOL,
  COLLAB_PAIRING_LEVEL_HOSPITAL,
  COLLAB_PAIRING_LEVEL_PARK,
} CollabPairingLevel;

/**
 * CollabPairingLevels:
 * @COLLAB_PAIRING_LEVELS_CITY: city with city
 * @COLLAB_PAIRING_LEVELS_COUNTY: county-level unit with county-level unit
 * @COLLAB_PAIRING_LEVELS_TOWNSHIP: town with township
 * @COLLAB_PAIRING_LEVELS_VILLAGE: village with village
 * @COLLAB_PAIRING_LEVELS_ENTERPRISE_VILLAGE: enterprise with village
 * @COLLAB_PAIRING_LEVELS_SOCIAL_ORG_VILLAGE: social organisation with village
 * @COLLAB_PAIRING_LEVELS_SCHOOL: school with school
 * @COLLAB_PAIRING_LEVELS_HOSPITAL: hospital with hospital
 * @COLLAB_PAIRING_LEVELS_PARK: co-built park
 * @COLLAB_PAIRING_LEVELS_ALL: every level
 *
 * A set of [enum@Collab.PairingLevel]s, for asking about the pairings at
 * some levels: [method@Collab.Dataset.get_pairings]. The flag of a level
 * is `1 << level` (COLLAB_PAIRING_LEVELS_FOR()).
 */
typedef enum /*< flags >*/ {
  COLLAB_PAIRING_LEVELS_CITY               = 1 << COLLAB_PAIRING_LEVEL_CITY,
  COLLAB_PAIRING_LEVELS_COUNTY             = 1 << COLLAB_PAIRING_LEVEL_COUNTY,
  COLLAB_PAIRING_LEVELS_TOWNSHIP           = 1 << COLLAB_PAIRING_LEVEL_TOWNSHIP,
  COLLAB_PAIRING_LEVELS_VILLAGE            = 1 << COLLAB_PAIRING_LEVEL_VILLAGE,
  COLLAB_PAIRING_LEVELS_ENTERPRISE_VILLAGE = 1 << COLLAB_PAIRING_LEVEL_ENTERPRISE_VILLAGE, /*< nick=enterprise_village >*/
  COLLAB_PAIRING_LEVELS_SOCIAL_ORG_VILLAGE = 1 << COLLAB_PAIRING_LEVEL_SOCIAL_ORG_VILLAGE, /*< nick=social_org_village >*/
  COLLAB_PAIRING_LEVELS_SCHOOL             = 1 << COLLAB_PAIRING_LEVEL_SCHOOL,
  COLLAB_PAIRING_LEVELS_HOSPITAL           = 1 << COLLAB_PAIRING_LEVEL_HOSPITAL,
  COLLAB_PAIRING_LEVELS_PARK               = 1 << COLLAB_PAIRING_LEVEL_PARK,
  COLLAB_PAIRING_LEVELS_ALL                = (1 << (COLLAB_PAIRING_LEVEL_PARK + 1)) - 1,
} CollabPairingLevels;

/**
 * COLLAB_PAIRING_LEVELS_FOR:
 * @level: a [enum@Collab.PairingLevel]
 *
 * The [flags@Collab.PairingLevels] of one level.
 */
#define COLLAB_PAIRING_LEVELS_FOR(level) ((CollabPairingLevels) (1u << (level)))

/**
 * CollabTransactionType:
 * @COLLAB_TRANSACTION_TYPE_PLAN: a plan: intent, not movement
 * @COLLAB_TRANSACTION_TYPE_ALLOCATION: an allocation (下达): intent, not movement
 * @COLLAB_TRANSACTION_TYPE_TRANSFER: money moves between accounts or into a project (拨付)
 * @COLLAB_TRANSACTION_TYPE_EXPENDITURE: a project spends (支出)
 *
 * What a transaction records.
 */
typedef enum {
  COLLAB_TRANSACTION_TYPE_PLAN,
  COLLAB_TRANSACTION_TYPE_ALLOCATION,
  COLLAB_TRANSACTION_TYPE_TRANSFER,
  COLLAB_TRANSACTION_TYPE_EXPENDITURE,
} CollabTransactionType;

/**
 * CollabProjectCategory:
 * @COLLAB_PROJECT_CATEGORY_INDUSTRY: industrial cooperation
 * @COLLAB_PROJECT_CATEGORY_LABOUR: labour cooperation
 * @COLLAB_PROJECT_CATEGORY_CONSUMPTION: consumption cooperation
 * @COLLAB_PROJECT_CATEGORY_TALENT: cadre and talent exchange
 * @COLLAB_PROJECT_CATEGORY_RURAL_REVITALIZATION: rural revitalization
 *
 * The area a project belongs to.
 */
typedef enum {
  COLLAB_PROJECT_CATEGORY_INDUSTRY,
  COLLAB_PROJECT_CATEGORY_LABOUR,
  COLLAB_PROJECT_CATEGORY_CONSUMPTION,
  COLLAB_PROJECT_CATEGORY_TALENT,
  COLLAB_PROJECT_CATEGORY_RURAL_REVITALIZATION, /*< nick=rural_revitalization >*/
} CollabProjectCategory;

/**
 * CollabProjectStatus:
 * @COLLAB_PROJECT_STATUS_RESERVE: in the project reserve (项目储备库)
 * @COLLAB_PROJECT_STATUS_PLANNED: in the year's fund-project arrangement
 * @COLLAB_PROJECT_STATUS_FILED: filed with the eastern lead department (备案)
 * @COLLAB_PROJECT_STATUS_IMPLEMENTING: being implemented
 * @COLLAB_PROJECT_STATUS_COMPLETED: completed
 * @COLLAB_PROJECT_STATUS_EVALUATED: performance-evaluated
 * @COLLAB_PROJECT_STATUS_CANCELLED: cancelled
 *
 * A step of a project's life.
 */
typedef enum {
  COLLAB_PROJECT_STATUS_RESERVE,
  COLLAB_PROJECT_STATUS_PLANNED,
  COLLAB_PROJECT_STATUS_FILED,
  COLLAB_PROJECT_STATUS_IMPLEMENTING,
  COLLAB_PROJECT_STATUS_COMPLETED,
  COLLAB_PROJECT_STATUS_EVALUATED,
  COLLAB_PROJECT_STATUS_CANCELLED,
} CollabProjectStatus;

/**
 * CollabProfession:
 * @COLLAB_PROFESSION_TEACHER: a teacher (支教)
 * @COLLAB_PROFESSION_DOCTOR: medical staff of any kind (支医)
 * @COLLAB_PROFESSION_AGRICULTURE: an agricultural professional (支农)
 * @COLLAB_PROFESSION_OTHER: any other professional
 *
 * The profession a dispatched person is counted under.
 */
typedef enum {
  COLLAB_PROFESSION_TEACHER,
  COLLAB_PROFESSION_DOCTOR,
  COLLAB_PROFESSION_AGRICULTURE,
  COLLAB_PROFESSION_OTHER,
} CollabProfession;

/**
 * CollabDispatchKind:
 * @COLLAB_DISPATCH_KIND_PROFESSIONAL: professional (technical) talent
 * @COLLAB_DISPATCH_KIND_CADRE: a seconded cadre (干部挂职)
 * @COLLAB_DISPATCH_KIND_SHORT_TERM: a short-term visit
 *
 * What a dispatch is.
 */
typedef enum {
  COLLAB_DISPATCH_KIND_PROFESSIONAL,
  COLLAB_DISPATCH_KIND_CADRE,
  COLLAB_DISPATCH_KIND_SHORT_TERM, /*< nick=short_term >*/
} CollabDispatchKind;

/**
 * CollabDirection:
 * @COLLAB_DIRECTION_OUTBOUND: east to west (选派)
 * @COLLAB_DIRECTION_INBOUND: west to east (接收)
 *
 * Which way a dispatch goes.
 */
typedef enum {
  COLLAB_DIRECTION_OUTBOUND,
  COLLAB_DIRECTION_INBOUND,
} CollabDirection;

/**
 * CollabPost:
 * @COLLAB_POST_NONE: no post
 * @COLLAB_POST_WORKING_GROUP: a member of the working group at city level (工作组)
 * @COLLAB_POST_LIAISON: the liaison at county level (联络员)
 *
 * The post a seconded cadre holds.
 */
typedef enum {
  COLLAB_POST_NONE,
  COLLAB_POST_WORKING_GROUP, /*< nick=working_group >*/
  COLLAB_POST_LIAISON,
} CollabPost;

/**
 * CollabJobType:
 * @COLLAB_JOB_TYPE_DOMESTIC_SERVICE: domestic service (家政服务)
 * @COLLAB_JOB_TYPE_LOGISTICS: logistics and delivery (物流配送)
 * @COLLAB_JOB_TYPE_ELDERLY_CARE: care of the elderly (养老服务)
 * @COLLAB_JOB_TYPE_CATERING: catering (餐饮服务)
 * @COLLAB_JOB_TYPE_CONSTRUCTION: construction (建筑施工)
 * @COLLAB_JOB_TYPE_MACHINE_REPAIR: machine repair (机械修理)
 * @COLLAB_JOB_TYPE_MANUFACTURING: manufacturing (制造业)
 * @COLLAB_JOB_TYPE_OTHER: any other work
 *
 * The type of work a job offer is for and a worker wants (SPEC §11.1).
 */
typedef enum {
  COLLAB_JOB_TYPE_DOMESTIC_SERVICE, /*< nick=domestic_service >*/
  COLLAB_JOB_TYPE_LOGISTICS,
  COLLAB_JOB_TYPE_ELDERLY_CARE,     /*< nick=elderly_care >*/
  COLLAB_JOB_TYPE_CATERING,
  COLLAB_JOB_TYPE_CONSTRUCTION,
  COLLAB_JOB_TYPE_MACHINE_REPAIR,   /*< nick=machine_repair >*/
  COLLAB_JOB_TYPE_MANUFACTURING,
  COLLAB_JOB_TYPE_OTHER,
} CollabJobType;

/**
 * CollabWorkerFlags:
 * @COLLAB_WORKER_FLAGS_NONE: no flag
 * @COLLAB_WORKER_FLAGS_POVERTY_LIFTED: lifted out of poverty (脱贫人口)
 * @COLLAB_WORKER_FLAGS_AT_RISK: monitored for falling back (边缘易致贫户, 监测对象)
 * @COLLAB_WORKER_FLAGS_DISABLED: a person with a disability (残疾人)
 *
 * What the program's priorities say of a worker; the first two make a
 * worker a priority of labour cooperation (SPEC §11.2, §11.3).
 */
typedef enum { /*< flags >*/
  COLLAB_WORKER_FLAGS_NONE           = 0,      /*< skip >*/
  COLLAB_WORKER_FLAGS_POVERTY_LIFTED = 1 << 0, /*< nick=poverty_lifted >*/
  COLLAB_WORKER_FLAGS_AT_RISK        = 1 << 1, /*< nick=at_risk >*/
  COLLAB_WORKER_FLAGS_DISABLED       = 1 << 2,
} CollabWorkerFlags;

/**
 * CollabPlacementKind:
 * @COLLAB_PLACEMENT_KIND_TRANSFER: work away from the home county (异地转移就业)
 * @COLLAB_PLACEMENT_KIND_LOCAL: work in the home county, as in a workshop (就地就近就业)
 * @COLLAB_PLACEMENT_KIND_PUBLIC_WELFARE: a public-welfare post (公益性岗位)
 *
 * Where a placed worker works.
 */
typedef enum {
  COLLAB_PLACEMENT_KIND_TRANSFER,
  COLLAB_PLACEMENT_KIND_LOCAL,
  COLLAB_PLACEMENT_KIND_PUBLIC_WELFARE, /*< nick=public_welfare >*/
} CollabPlacementKind;

/**
 * CollabFollowUpStatus:
 * @COLLAB_FOLLOW_UP_STATUS_EMPLOYED: still in the job (在岗)
 * @COLLAB_FOLLOW_UP_STATUS_CHANGED_JOB: in another job (转岗)
 * @COLLAB_FOLLOW_UP_STATUS_LEFT: out of work (离岗)
 * @COLLAB_FOLLOW_UP_STATUS_RETURNED_HOME: gone back home (返乡)
 *
 * What a follow-up found.
 */
typedef enum {
  COLLAB_FOLLOW_UP_STATUS_EMPLOYED,
  COLLAB_FOLLOW_UP_STATUS_CHANGED_JOB,   /*< nick=changed_job >*/
  COLLAB_FOLLOW_UP_STATUS_LEFT,
  COLLAB_FOLLOW_UP_STATUS_RETURNED_HOME, /*< nick=returned_home >*/
} CollabFollowUpStatus;

/**
 * CollabEventKind:
 * @COLLAB_EVENT_KIND_JOINT_MEETING: a joint meeting of both sides (联席会议)
 * @COLLAB_EVENT_KIND_VISIT: a visit of party and government leaders (党政领导互访)
 * @COLLAB_EVENT_KIND_PARK_MEETING: a meeting on industrial parks (产业园区发展交流会议)
 * @COLLAB_EVENT_KIND_JOB_FAIR: a job fair (招聘会, 专场招聘)
 * @COLLAB_EVENT_KIND_TRAINING_CLASS: a training class (培训班)
 * @COLLAB_EVENT_KIND_EXPO: a sales fair or promotion (展销会, 推介会)
 * @COLLAB_EVENT_KIND_OTHER: any other event
 *
 * What an event is.
 */
typedef enum {
  COLLAB_EVENT_KIND_JOINT_MEETING,  /*< nick=joint_meeting >*/
  COLLAB_EVENT_KIND_VISIT,
  COLLAB_EVENT_KIND_PARK_MEETING,   /*< nick=park_meeting >*/
  COLLAB_EVENT_KIND_JOB_FAIR,       /*< nick=job_fair >*/
  COLLAB_EVENT_KIND_TRAINING_CLASS, /*< nick=training_class >*/
  COLLAB_EVENT_KIND_EXPO,
  COLLAB_EVENT_KIND_OTHER,
} CollabEventKind;

/**
 * CollabTrainingArea:
 * @COLLAB_TRAINING_AREA_CADRE_TALENT: cadres and professionals (干部人才培训)
 * @COLLAB_TRAINING_AREA_LABOUR: workers' skills (劳动力技能培训)
 * @COLLAB_TRAINING_AREA_OTHER: anything else
 *
 * Whom a training or a training class was for.
 */
typedef enum {
  COLLAB_TRAINING_AREA_CADRE_TALENT, /*< nick=cadre_talent >*/
  COLLAB_TRAINING_AREA_LABOUR,
  COLLAB_TRAINING_AREA_OTHER,
} CollabTrainingArea;

/**
 * CollabPurchaseChannel:
 * @COLLAB_PURCHASE_CHANNEL_CANTEEN: canteens of agencies, schools and hospitals (机关、学校、医院食堂)
 * @COLLAB_PURCHASE_CHANNEL_SUPERMARKET: supermarkets, wholesale markets and traders (商超、批发市场、流通企业)
 * @COLLAB_PURCHASE_CHANNEL_COUNTER: specialty counters, halls and zones (专柜、专馆、专区)
 * @COLLAB_PURCHASE_CHANNEL_ECOMMERCE: e-commerce and live streaming (电商、直播带货)
 * @COLLAB_PURCHASE_CHANNEL_FAIR: sales fairs and farm expos (展销会、农博会)
 * @COLLAB_PURCHASE_CHANNEL_UNION: trade unions' purchases (工会采购)
 * @COLLAB_PURCHASE_CHANNEL_OTHER: any other channel
 *
 * Where products of an assisted area were bought or sold (消费协作的渠道).
 */
typedef enum {
  COLLAB_PURCHASE_CHANNEL_CANTEEN,
  COLLAB_PURCHASE_CHANNEL_SUPERMARKET,
  COLLAB_PURCHASE_CHANNEL_COUNTER,
  COLLAB_PURCHASE_CHANNEL_ECOMMERCE,
  COLLAB_PURCHASE_CHANNEL_FAIR,
  COLLAB_PURCHASE_CHANNEL_UNION,
  COLLAB_PURCHASE_CHANNEL_OTHER,
} CollabPurchaseChannel;

/**
 * CollabDonationForm:
 * @COLLAB_DONATION_FORM_CASH: money (捐款)
 * @COLLAB_DONATION_FORM_IN_KIND: goods, at their value (捐物, 折价)
 *
 * What a donation gave.
 */
typedef enum {
  COLLAB_DONATION_FORM_CASH,
  COLLAB_DONATION_FORM_IN_KIND, /*< nick=in_kind >*/
} CollabDonationForm;

/**
 * CollabTaskArea:
 * @COLLAB_TASK_AREA_RED_CULTURE: carrying on the red culture (传承弘扬红色文化)
 * @COLLAB_TASK_AREA_RURAL_URBAN: rural revitalization and new urbanization (衔接推进乡村振兴和新型城镇化)
 * @COLLAB_TASK_AREA_PUBLIC_SERVICES: infrastructure and basic public services (助力完善基础设施和基本公共服务)
 * @COLLAB_TASK_AREA_ECOLOGY: ecology and green, low-carbon growth (推进生态环境保护修复和绿色低碳发展)
 * @COLLAB_TASK_AREA_INDUSTRY: industry and technology (务实开展产业合作与科技创新)
 *
 * The five areas of the tasks of the Yan'an–Wuxi counterpart plan.
 */
typedef enum {
  COLLAB_TASK_AREA_RED_CULTURE,     /*< nick=red_culture >*/
  COLLAB_TASK_AREA_RURAL_URBAN,     /*< nick=rural_urban >*/
  COLLAB_TASK_AREA_PUBLIC_SERVICES, /*< nick=public_services >*/
  COLLAB_TASK_AREA_ECOLOGY,
  COLLAB_TASK_AREA_INDUSTRY,
} CollabTaskArea;

/**
 * CollabTaskStatus:
 * @COLLAB_TASK_STATUS_NOT_STARTED: not started (未启动)
 * @COLLAB_TASK_STATUS_IN_PROGRESS: under way (推进中)
 * @COLLAB_TASK_STATUS_DONE: done (已完成)
 *
 * Where a plan task stood at a year's summary.
 */
typedef enum {
  COLLAB_TASK_STATUS_NOT_STARTED, /*< nick=not_started >*/
  COLLAB_TASK_STATUS_IN_PROGRESS, /*< nick=in_progress >*/
  COLLAB_TASK_STATUS_DONE,
} CollabTaskStatus;

/**
 * CollabSeverity:
 * @COLLAB_SEVERITY_INFO: for information
 * @COLLAB_SEVERITY_WARNING: worth a look
 * @COLLAB_SEVERITY_VIOLATION: a rule was broken
 *
 * How serious a [class@Collab.Finding] is; higher values are more serious.
 */
typedef enum {
  COLLAB_SEVERITY_INFO,
  COLLAB_SEVERITY_WARNING,
  COLLAB_SEVERITY_VIOLATION,
} CollabSeverity;

/**
 * CollabInterpretation:
 * @COLLAB_INTERPRETATION_NESTED: the tiers are slots: ≥12 months ≥ 3, ≥6 months ≥ 9, ≥1 month ≥ 18
 * @COLLAB_INTERPRETATION_CUMULATIVE: the literal words: ≥12 ≥ 3, ≥6 ≥ 6, ≥1 ≥ 9
 * @COLLAB_INTERPRETATION_BANDED: disjoint bands: [12,∞) ≥ 3, [6,12) ≥ 6, [1,6) ≥ 9
 *
 * The three readings of the "666" tenure tiers (SPEC §5).
 */
typedef enum {
  COLLAB_INTERPRETATION_NESTED,
  COLLAB_INTERPRETATION_CUMULATIVE,
  COLLAB_INTERPRETATION_BANDED,
} CollabInterpretation;

G_END_DECLS
