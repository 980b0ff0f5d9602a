/* collab-csv-vocabulary.c: the words of the spreadsheets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The part of the CSV code that knows what officers type: column headers
 * in English (`Planned End`) or Chinese (计划结束日期 for `planned_end`),
 * the values of closed vocabularies by their English nick or a Chinese
 * word (教师 for `teacher`), yes and no, the unit a header gives bare
 * amounts (金额（万元）), and dates and lists as spreadsheets write them
 * (2021年3月1日, 脱贫县、革命老区). Everything else walks the field
 * tables, so a new field needs no code here, only its words.
 */

#include <string.h>

#include <libcollab/collab-enum-types.h>

#include "collab-csv-private.h"

/* The words of the spreadsheets ------------------------------------------- */

/* Chinese column headers, tried in order: the first whose member the kind
 * has wins, so that 类别 is a person's profession and a project's category,
 * and 类型 a dispatch's kind and a transaction's type. English headers are
 * the members themselves (any case, spaces or dashes for underscores). */
static const struct
{
  const char *header;
  const char *member;
} header_aliases[] = {
  { "编号", "id" },
  { "姓名", "name" },
  { "名称", "name" },
  { "项目名称", "name" },
  { "人员编号", "person" },
  { "人员", "person" },
  { "职业", "profession" },
  { "专业", "profession" },
  { "类别", "profession" },
  { "类别", "category" },
  { "子类别", "subcategory" },
  { "派出类型", "kind" },
  { "类型", "kind" },
  { "类型", "type" },
  { "方向", "direction" },
  { "派出地", "from" },
  { "付款方", "from" },
  { "转出", "from" },
  { "派往地", "to" },
  { "受援地", "to" },
  { "派驻地", "to" },
  { "收款账户", "to" },
  { "转入", "to" },
  { "岗位", "post" },
  { "开始日期", "start" },
  { "起始日期", "start" },
  { "派出日期", "start" },
  { "计划结束日期", "planned_end" },
  { "计划期满", "planned_end" },
  { "实际结束日期", "actual_end" },
  { "实际期满", "actual_end" },
  { "金额", "amount" },
  { "日期", "date" },
  { "预算年度", "budget_year" },
  { "规划", "program" },
  { "计划", "program" },
  { "上级", "parent" },
  { "来源交易", "parent" },
  { "文件", "document" },
  { "文号", "document" },
  { "用途", "use" },
  { "收款方", "payee" },
  { "县", "county" },
  { "所在县", "county" },
  { "预算", "budget" },
  { "入库", "in_reserve" },
  { "储备库", "in_reserve" },
  { "年份", "year" },
  { "年度", "year" },
  { "单位", "organization" },
  /* In a roster 派出单位 is the person's home unit (a school, a
   * hospital), and 派出地 the district that sends them: `from`. */
  { "派出单位", "organization" },
  { "原单位", "organization" },
  { "所在单位", "organization" },
  { "工作单位", "organization" },
  { "帮扶方", "assisting" },
  { "协作方", "assisting" },
  { "被帮扶方", "assisted" },
  { "协作地区", "assisted" },
  { "层级", "level" },
  { "级别", "level" },
  { "状态", "status" },
  { "状态日期", "status_date" },
  { "区划代码", "code" },
  { "地区", "region" },
  { "持有方", "holder" },
  { "备注", "note" },
  { "人次", "person_times" },
  { "主题", "topic" },
  { "东西部", "side" },
  /* Labour cooperation (SPEC §11.1): job offers, workers, placements,
   * follow-ups and events, as the officers' forms head them. */
  { "用工单位", "employer" },
  { "用人单位", "employer" },
  { "招聘单位", "employer" },
  { "工种", "job_type" },
  { "岗位类型", "job_type" },
  { "岗位数", "positions" },
  { "岗位数量", "positions" },
  { "招聘人数", "positions" },
  /* 开始日期 is `start` wherever a kind has one: a job offer has its
   * open period instead. */
  { "开始日期", "open.first" },
  { "招聘开始日期", "open.first" },
  { "截止日期", "open.last" },
  { "招聘截止日期", "open.last" },
  { "面向地区", "target" },
  { "定向地区", "target" },
  { "月薪", "monthly_wage" },
  { "月工资", "monthly_wage" },
  { "户籍县", "county" },
  { "户籍地", "county" },
  { "户籍", "county" },
  { "人员类别", "flags" },
  { "意向工种", "wants" },
  { "求职意向", "wants" },
  { "登记日期", "registered" },
  { "姓名", "worker" },
  { "人员编号", "worker" },
  { "务工人员", "worker" },
  { "岗位编号", "offer" },
  { "就业类型", "kind" },
  { "就业形式", "kind" },
  { "有组织", "organized" },
  { "有组织劳务输出", "organized" },
  { "上岗日期", "start" },
  { "就业日期", "start" },
  { "离岗日期", "end" },
  { "结束日期", "end" },
  { "结束日期", "open.last" },
  { "就业编号", "placement" },
  { "回访日期", "date" },
  { "活动类型", "kind" },
  { "参加人数", "participants" },
  { "参会人数", "participants" },
  { "培训人次", "trainees" },
  { "培训人次", "person_times" },
  { "培训类别", "area" },
  { "期数", "classes" },
  { "班次", "classes" },
  { "服务地区", "serves" },
  { "对口地区", "serves" },
  /* The rest of the program (SPEC §11.1): purchases, investments,
   * donations, plan tasks and their reports, key initiatives, annual
   * agreements. 任务 is the tasks an event or an initiative serves, and
   * a plan task's own title where the kind has no tasks. */
  { "相关任务", "tasks" },
  { "服务任务", "tasks" },
  { "任务", "tasks" },
  { "重点任务", "tasks" },
  { "任务名称", "title" },
  { "重点任务", "title" },
  { "任务", "title" },
  { "专项名称", "title" },
  { "标题", "title" },
  { "任务编号", "task" },
  { "任务", "task" },
  { "任务序号", "number" },
  { "领域", "area" },
  { "任务领域", "area" },
  { "责任单位", "responsible" },
  { "产地", "origin" },
  { "来源地", "origin" },
  { "产品来源地", "origin" },
  { "产品", "product" },
  { "产品名称", "product" },
  { "商品", "product" },
  { "渠道", "channel" },
  { "销售渠道", "channel" },
  { "采购渠道", "channel" },
  { "采购单位", "buyer" },
  { "采购方", "buyer" },
  { "购买方", "buyer" },
  { "带动脱贫人口", "beneficiaries" },
  { "带动人数", "beneficiaries" },
  { "受益人数", "beneficiaries" },
  { "企业", "enterprise" },
  { "企业名称", "enterprise" },
  { "投资企业", "enterprise" },
  { "落地县", "county" },
  { "实际投资", "amount" },
  { "投资额", "amount" },
  { "投资金额", "amount" },
  { "销售额", "amount" },
  { "销售金额", "amount" },
  { "采购金额", "amount" },
  { "捐赠金额", "amount" },
  { "园区", "park" },
  { "所在园区", "park" },
  { "捐赠方", "donor" },
  { "捐赠单位", "donor" },
  { "受赠地", "to" },
  { "受赠地区", "to" },
  { "捐赠对象", "to" },
  { "捐赠形式", "form" },
  { "形式", "form" },
  { "实施方案", "document" },
  { "协议文件", "document" },
  { "协议名称", "document" },
  { "城市", "city" },
  { "受援市", "city" },
  { "协作城市", "city" },
  { "协议资金", "funds" },
  { "财政援助资金", "funds" },
  { "资金", "funds" },
  { "专业技术人才", "professionals" },
  { "专技人才", "professionals" },
  { "选派专业技术人才", "professionals" },
  { "党政干部", "cadres" },
  { "挂职干部", "cadres" },
  { "选派党政干部", "cadres" },
  { "干部", "cadres" },
};

/* The header an export writes for a member where the first alias of
 * header_aliases would read oddly for the kind: a region has a 名称, not
 * a 姓名, and money leaves an account (转出) rather than a place. The
 * export checks that the import reads each back as the member. */
static const struct
{
  CollabRecordKind  kind;
  const char       *member;
  const char       *header;
} export_headers[] = {
  { COLLAB_RECORD_KIND_REGION, "name", "名称" },
  { COLLAB_RECORD_KIND_ORGANIZATION, "name", "名称" },
  { COLLAB_RECORD_KIND_PROGRAM, "name", "名称" },
  { COLLAB_RECORD_KIND_ACCOUNT, "name", "名称" },
  { COLLAB_RECORD_KIND_PROJECT, "name", "项目名称" },
  { COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE, "name", "名称" },
  { COLLAB_RECORD_KIND_TRANSACTION, "from", "转出" },
  { COLLAB_RECORD_KIND_TRANSACTION, "to", "转入" },
  { COLLAB_RECORD_KIND_TRANSACTION, "parent", "来源交易" },
  { COLLAB_RECORD_KIND_TRANSACTION, "document", "文号" },
  { COLLAB_RECORD_KIND_ORGANIZATION, "kind", "类型" },
  { COLLAB_RECORD_KIND_PROGRAM, "kind", "类型" },
  /* 人员类别 names a worker's flags, not a region's. */
  { COLLAB_RECORD_KIND_REGION, "flags", NULL },
  { COLLAB_RECORD_KIND_WORKER, "county", "户籍县" },
  { COLLAB_RECORD_KIND_PLACEMENT, "worker", "人员编号" },
  { COLLAB_RECORD_KIND_PLACEMENT, "kind", "就业类型" },
  { COLLAB_RECORD_KIND_PLACEMENT, "start", "上岗日期" },
  { COLLAB_RECORD_KIND_EVENT, "kind", "类型" },
  { COLLAB_RECORD_KIND_EVENT, "tasks", "相关任务" },
  { COLLAB_RECORD_KIND_PURCHASE, "origin", "产地" },
  { COLLAB_RECORD_KIND_INVESTMENT, "enterprise", "企业" },
  { COLLAB_RECORD_KIND_INVESTMENT, "county", "落地县" },
  { COLLAB_RECORD_KIND_INVESTMENT, "amount", "实际投资" },
  { COLLAB_RECORD_KIND_DONATION, "to", "受赠地" },
  { COLLAB_RECORD_KIND_DONATION, "form", "捐赠形式" },
  { COLLAB_RECORD_KIND_TASK, "title", "任务名称" },
  { COLLAB_RECORD_KIND_TASK, "area", "任务领域" },
  { COLLAB_RECORD_KIND_TASK_REPORT, "task", "任务编号" },
  { COLLAB_RECORD_KIND_INITIATIVE, "title", "专项名称" },
  { COLLAB_RECORD_KIND_INITIATIVE, "document", "实施方案" },
  { COLLAB_RECORD_KIND_INITIATIVE, "tasks", "相关任务" },
  { COLLAB_RECORD_KIND_AGREEMENT, "city", "受援市" },
  { COLLAB_RECORD_KIND_AGREEMENT, "funds", "协议资金" },
  { COLLAB_RECORD_KIND_AGREEMENT, "professionals", "专业技术人才" },
  { COLLAB_RECORD_KIND_AGREEMENT, "cadres", "党政干部" },
  /* An agreement is named by its title (2022年度协议) more than by a
   * document number (文号). */
  { COLLAB_RECORD_KIND_AGREEMENT, "document", "协议文件" },
};

/* Chinese words for the values of the closed vocabularies. The English
 * nicks are always accepted too. */
static const struct
{
  GType      (*type) (void);
  const char  *word;
  const char  *nick;
} value_aliases[] = {
  { collab_profession_get_type, "教师", "teacher" },
  { collab_profession_get_type, "老师", "teacher" },
  { collab_profession_get_type, "支教", "teacher" },
  { collab_profession_get_type, "医生", "doctor" },
  { collab_profession_get_type, "医务人员", "doctor" },
  { collab_profession_get_type, "卫生", "doctor" },
  { collab_profession_get_type, "医师", "doctor" },
  { collab_profession_get_type, "护士", "doctor" },
  { collab_profession_get_type, "支医", "doctor" },
  { collab_profession_get_type, "农业", "agriculture" },
  { collab_profession_get_type, "农技", "agriculture" },
  { collab_profession_get_type, "支农", "agriculture" },
  { collab_profession_get_type, "其他", "other" },
  { collab_profession_get_type, "其它", "other" },
  { collab_dispatch_kind_get_type, "专业技术人才", "professional" },
  { collab_dispatch_kind_get_type, "专技", "professional" },
  { collab_dispatch_kind_get_type, "干部", "cadre" },
  { collab_dispatch_kind_get_type, "挂职干部", "cadre" },
  { collab_dispatch_kind_get_type, "短期", "short_term" },
  { collab_direction_get_type, "选派", "outbound" },
  { collab_direction_get_type, "派出", "outbound" },
  { collab_direction_get_type, "接收", "inbound" },
  { collab_post_get_type, "工作组", "working_group" },
  { collab_post_get_type, "联络员", "liaison" },
  { collab_transaction_type_get_type, "计划", "plan" },
  { collab_transaction_type_get_type, "下达", "allocation" },
  { collab_transaction_type_get_type, "拨付", "transfer" },
  { collab_transaction_type_get_type, "支出", "expenditure" },
  { collab_project_category_get_type, "产业", "industry" },
  { collab_project_category_get_type, "劳务", "labour" },
  { collab_project_category_get_type, "消费", "consumption" },
  { collab_project_category_get_type, "人才", "talent" },
  { collab_project_category_get_type, "乡村振兴", "rural_revitalization" },
  { collab_project_status_get_type, "储备", "reserve" },
  { collab_project_status_get_type, "计划", "planned" },
  { collab_project_status_get_type, "备案", "filed" },
  { collab_project_status_get_type, "实施", "implementing" },
  { collab_project_status_get_type, "实施中", "implementing" },
  { collab_project_status_get_type, "完工", "completed" },
  { collab_project_status_get_type, "已完成", "completed" },
  { collab_project_status_get_type, "已评价", "evaluated" },
  { collab_project_status_get_type, "取消", "cancelled" },
  { collab_region_level_get_type, "省", "province" },
  { collab_region_level_get_type, "市", "city" },
  { collab_region_level_get_type, "县", "county" },
  { collab_region_level_get_type, "区", "county" },
  { collab_region_level_get_type, "乡镇", "township" },
  { collab_region_level_get_type, "村", "village" },
  { collab_side_get_type, "东部", "east" },
  { collab_side_get_type, "西部", "west" },
  { collab_region_flags_get_type, "脱贫县", "poverty_lifted" },
  { collab_region_flags_get_type, "国家乡村振兴重点帮扶县", "national_key" },
  { collab_region_flags_get_type, "重点帮扶县", "national_key" },
  { collab_region_flags_get_type, "革命老区", "revolutionary_base" },
  { collab_region_flags_get_type, "功能区", "functional_zone" },
  { collab_pairing_level_get_type, "市", "city" },
  { collab_pairing_level_get_type, "县", "county" },
  { collab_pairing_level_get_type, "乡镇", "township" },
  { collab_pairing_level_get_type, "村", "village" },
  { collab_pairing_level_get_type, "学校", "school" },
  { collab_pairing_level_get_type, "医院", "hospital" },
  { collab_pairing_level_get_type, "园区", "park" },
  { collab_organization_kind_get_type, "机关", "agency" },
  { collab_organization_kind_get_type, "企业", "enterprise" },
  { collab_organization_kind_get_type, "社会组织", "social_org" },
  { collab_organization_kind_get_type, "学校", "school" },
  { collab_organization_kind_get_type, "医院", "hospital" },
  { collab_organization_kind_get_type, "园区", "park" },
  { collab_organization_kind_get_type, "科研院所", "research" },
  { collab_organization_kind_get_type, "其他", "other" },
  { collab_program_kind_get_type, "东西部协作", "east_west" },
  { collab_program_kind_get_type, "对口合作", "counterpart" },
  { collab_program_kind_get_type, "携手奔小康", "hand_in_hand" },
  { collab_organization_kind_get_type, "扶贫车间", "workshop" },
  { collab_organization_kind_get_type, "车间", "workshop" },
  { collab_organization_kind_get_type, "社区工厂", "workshop" },
  { collab_organization_kind_get_type, "乡村振兴车间", "workshop" },
  { collab_organization_kind_get_type, "就业帮扶车间", "workshop" },
  { collab_organization_kind_get_type, "直销店", "shop" },
  { collab_organization_kind_get_type, "体验店", "shop" },
  { collab_organization_kind_get_type, "专卖店", "shop" },
  { collab_job_type_get_type, "家政服务", "domestic_service" },
  { collab_job_type_get_type, "家政", "domestic_service" },
  { collab_job_type_get_type, "物流配送", "logistics" },
  { collab_job_type_get_type, "物流", "logistics" },
  { collab_job_type_get_type, "快递", "logistics" },
  { collab_job_type_get_type, "养老服务", "elderly_care" },
  { collab_job_type_get_type, "养老", "elderly_care" },
  { collab_job_type_get_type, "养老护理", "elderly_care" },
  { collab_job_type_get_type, "餐饮服务", "catering" },
  { collab_job_type_get_type, "餐饮", "catering" },
  { collab_job_type_get_type, "建筑施工", "construction" },
  { collab_job_type_get_type, "建筑", "construction" },
  { collab_job_type_get_type, "机械修理", "machine_repair" },
  { collab_job_type_get_type, "机械维修", "machine_repair" },
  { collab_job_type_get_type, "维修", "machine_repair" },
  { collab_job_type_get_type, "制造业", "manufacturing" },
  { collab_job_type_get_type, "制造", "manufacturing" },
  { collab_job_type_get_type, "其他", "other" },
  { collab_job_type_get_type, "其它", "other" },
  { collab_worker_flags_get_type, "脱贫人口", "poverty_lifted" },
  { collab_worker_flags_get_type, "脱贫户", "poverty_lifted" },
  { collab_worker_flags_get_type, "脱贫劳动力", "poverty_lifted" },
  { collab_worker_flags_get_type, "监测对象", "at_risk" },
  { collab_worker_flags_get_type, "防返贫监测对象", "at_risk" },
  { collab_worker_flags_get_type, "边缘易致贫户", "at_risk" },
  { collab_worker_flags_get_type, "残疾人", "disabled" },
  { collab_placement_kind_get_type, "异地转移就业", "transfer" },
  { collab_placement_kind_get_type, "转移就业", "transfer" },
  { collab_placement_kind_get_type, "外出务工", "transfer" },
  { collab_placement_kind_get_type, "就地就近就业", "local" },
  { collab_placement_kind_get_type, "就近就业", "local" },
  { collab_placement_kind_get_type, "就地就业", "local" },
  { collab_placement_kind_get_type, "车间就业", "local" },
  { collab_placement_kind_get_type, "公益性岗位", "public_welfare" },
  { collab_follow_up_status_get_type, "在岗", "employed" },
  { collab_follow_up_status_get_type, "稳定就业", "employed" },
  { collab_follow_up_status_get_type, "转岗", "changed_job" },
  { collab_follow_up_status_get_type, "换工作", "changed_job" },
  { collab_follow_up_status_get_type, "离岗", "left" },
  { collab_follow_up_status_get_type, "失业", "left" },
  { collab_follow_up_status_get_type, "返乡", "returned_home" },
  { collab_event_kind_get_type, "联席会议", "joint_meeting" },
  { collab_event_kind_get_type, "党政领导互访", "visit" },
  { collab_event_kind_get_type, "互访", "visit" },
  { collab_event_kind_get_type, "产业园区发展交流会议", "park_meeting" },
  { collab_event_kind_get_type, "招聘会", "job_fair" },
  { collab_event_kind_get_type, "专场招聘", "job_fair" },
  { collab_event_kind_get_type, "专场招聘会", "job_fair" },
  { collab_event_kind_get_type, "培训班", "training_class" },
  { collab_event_kind_get_type, "展销会", "expo" },
  { collab_event_kind_get_type, "推介会", "expo" },
  { collab_event_kind_get_type, "其他", "other" },
  { collab_event_kind_get_type, "其它", "other" },
  { collab_training_area_get_type, "干部人才", "cadre_talent" },
  { collab_training_area_get_type, "干部人才培训", "cadre_talent" },
  { collab_training_area_get_type, "劳动力", "labour" },
  { collab_training_area_get_type, "劳务", "labour" },
  { collab_training_area_get_type, "劳动力技能培训", "labour" },
  { collab_training_area_get_type, "其他", "other" },
  { collab_training_area_get_type, "其它", "other" },
  { collab_purchase_channel_get_type, "食堂", "canteen" },
  { collab_purchase_channel_get_type, "机关食堂", "canteen" },
  { collab_purchase_channel_get_type, "单位食堂", "canteen" },
  { collab_purchase_channel_get_type, "商超", "supermarket" },
  { collab_purchase_channel_get_type, "超市", "supermarket" },
  { collab_purchase_channel_get_type, "批发市场", "supermarket" },
  { collab_purchase_channel_get_type, "流通企业", "supermarket" },
  { collab_purchase_channel_get_type, "专柜", "counter" },
  { collab_purchase_channel_get_type, "专馆", "counter" },
  { collab_purchase_channel_get_type, "专区", "counter" },
  { collab_purchase_channel_get_type, "电商", "ecommerce" },
  { collab_purchase_channel_get_type, "直播", "ecommerce" },
  { collab_purchase_channel_get_type, "直播带货", "ecommerce" },
  { collab_purchase_channel_get_type, "展销会", "fair" },
  { collab_purchase_channel_get_type, "农博会", "fair" },
  { collab_purchase_channel_get_type, "工会", "union" },
  { collab_purchase_channel_get_type, "工会采购", "union" },
  { collab_purchase_channel_get_type, "其他", "other" },
  { collab_purchase_channel_get_type, "其它", "other" },
  { collab_donation_form_get_type, "捐款", "cash" },
  { collab_donation_form_get_type, "现金", "cash" },
  { collab_donation_form_get_type, "资金", "cash" },
  { collab_donation_form_get_type, "捐物", "in_kind" },
  { collab_donation_form_get_type, "物资", "in_kind" },
  { collab_donation_form_get_type, "实物", "in_kind" },
  { collab_task_area_get_type, "传承弘扬红色文化", "red_culture" },
  { collab_task_area_get_type, "红色文化", "red_culture" },
  { collab_task_area_get_type, "衔接推进乡村振兴和新型城镇化", "rural_urban" },
  { collab_task_area_get_type, "乡村振兴和新型城镇化", "rural_urban" },
  { collab_task_area_get_type, "助力完善基础设施和基本公共服务", "public_services" },
  { collab_task_area_get_type, "基础设施和基本公共服务", "public_services" },
  { collab_task_area_get_type, "推进生态环境保护修复和绿色低碳发展", "ecology" },
  { collab_task_area_get_type, "生态环境", "ecology" },
  { collab_task_area_get_type, "务实开展产业合作与科技创新", "industry" },
  { collab_task_area_get_type, "产业合作与科技创新", "industry" },
  { collab_task_status_get_type, "未启动", "not_started" },
  { collab_task_status_get_type, "未开始", "not_started" },
  { collab_task_status_get_type, "推进中", "in_progress" },
  { collab_task_status_get_type, "进行中", "in_progress" },
  { collab_task_status_get_type, "已完成", "done" },
  { collab_task_status_get_type, "完成", "done" },
};

/* A list given but empty: a worker who wants any type of job (不限), a
 * record with none of the flags (无), a plan task with no responsible
 * unit (无). An empty cell is a member not
 * given, which a list that is there but empty is not. The first word
 * of each is the export's. */
static const char * const any_words[] = { "any", "不限", "任意", "均可" };
static const char * const none_words[] = { "none", "无" };

/* What Chinese offices call a sheet of each kind, in kind order: the
 * name of an exported sheet (a workbook names its sheets, a CSV file
 * does not). */
static const char * const kind_words[] = {
  "地区", "单位", "规划", "结对关系", "资金账户", "资金往来", "项目", "人员",
  "派出人员", "培训", "调整", "示范村", "岗位供给", "就业需求", "就业", "跟踪服务", "活动",
  "消费协作", "产业协作", "社会帮扶", "重点任务", "任务总结", "重点专项", "年度协议",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_words) == COLLAB_N_RECORD_KINDS);

static const char * const true_words[] = { "true", "1", "yes", "y", "是" };
static const char * const false_words[] = { "false", "0", "no", "n", "否" };

/* A header such as 金额（万元） says the unit of the bare numbers below it. */
static const struct
{
  const char *suffix;
  const char *unit;
} header_units[] = {
  { "（万元）", "万" }, { "(万元)", "万" },
  { "（亿元）", "亿" }, { "(亿元)", "亿" },
  { "（元）", "元" }, { "(元)", "元" },
};

/* Columns that hold nothing of the records: the row numbers officers
 * keep beside them. Compared in lower case. */
static const char * const ignored_headers[] = { "序号", "行号", "no.", "no", "#" };

/* What officers call the sheet of each kind of record, beside its English
 * member (`dispatches`) and singular (`dispatch`). */
static const struct
{
  const char       *name;
  CollabRecordKind  kind;
} table_names[] = {
  { "地区", COLLAB_RECORD_KIND_REGION },
  { "行政区划", COLLAB_RECORD_KIND_REGION },
  { "单位", COLLAB_RECORD_KIND_ORGANIZATION },
  { "机构", COLLAB_RECORD_KIND_ORGANIZATION },
  { "规划", COLLAB_RECORD_KIND_PROGRAM },
  { "结对关系", COLLAB_RECORD_KIND_PAIRING },
  { "结对", COLLAB_RECORD_KIND_PAIRING },
  { "账户", COLLAB_RECORD_KIND_ACCOUNT },
  { "资金流水", COLLAB_RECORD_KIND_TRANSACTION },
  { "交易", COLLAB_RECORD_KIND_TRANSACTION },
  { "资金", COLLAB_RECORD_KIND_TRANSACTION },
  { "项目", COLLAB_RECORD_KIND_PROJECT },
  { "项目库", COLLAB_RECORD_KIND_PROJECT },
  { "人员", COLLAB_RECORD_KIND_PERSON },
  { "派出人员", COLLAB_RECORD_KIND_DISPATCH },
  { "选派人员", COLLAB_RECORD_KIND_DISPATCH },
  { "人员派出", COLLAB_RECORD_KIND_DISPATCH },
  { "花名册", COLLAB_RECORD_KIND_DISPATCH },
  { "roster", COLLAB_RECORD_KIND_DISPATCH },
  { "培训", COLLAB_RECORD_KIND_TRAINING },
  { "调整", COLLAB_RECORD_KIND_ADJUSTMENT },
  { "示范村", COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE },
  { "岗位供给", COLLAB_RECORD_KIND_JOB_OFFER },
  { "岗位供给清单", COLLAB_RECORD_KIND_JOB_OFFER },
  { "岗位", COLLAB_RECORD_KIND_JOB_OFFER },
  { "岗位清单", COLLAB_RECORD_KIND_JOB_OFFER },
  { "招聘岗位", COLLAB_RECORD_KIND_JOB_OFFER },
  { "就业需求", COLLAB_RECORD_KIND_WORKER },
  { "就业需求清单", COLLAB_RECORD_KIND_WORKER },
  { "求职登记", COLLAB_RECORD_KIND_WORKER },
  { "务工人员", COLLAB_RECORD_KIND_WORKER },
  { "就业", COLLAB_RECORD_KIND_PLACEMENT },
  { "就业情况", COLLAB_RECORD_KIND_PLACEMENT },
  { "就业台账", COLLAB_RECORD_KIND_PLACEMENT },
  { "跟踪服务", COLLAB_RECORD_KIND_FOLLOW_UP },
  { "就业服务档案", COLLAB_RECORD_KIND_FOLLOW_UP },
  { "跟踪回访", COLLAB_RECORD_KIND_FOLLOW_UP },
  { "活动", COLLAB_RECORD_KIND_EVENT },
  { "招聘会", COLLAB_RECORD_KIND_EVENT },
  { "会议活动", COLLAB_RECORD_KIND_EVENT },
  { "消费协作", COLLAB_RECORD_KIND_PURCHASE },
  { "消费帮扶", COLLAB_RECORD_KIND_PURCHASE },
  { "产品采购", COLLAB_RECORD_KIND_PURCHASE },
  { "产业协作", COLLAB_RECORD_KIND_INVESTMENT },
  { "招商引资", COLLAB_RECORD_KIND_INVESTMENT },
  { "落地企业", COLLAB_RECORD_KIND_INVESTMENT },
  { "社会帮扶", COLLAB_RECORD_KIND_DONATION },
  { "捐赠", COLLAB_RECORD_KIND_DONATION },
  { "捐款捐物", COLLAB_RECORD_KIND_DONATION },
  { "重点任务", COLLAB_RECORD_KIND_TASK },
  { "任务", COLLAB_RECORD_KIND_TASK },
  { "任务分工", COLLAB_RECORD_KIND_TASK },
  { "任务总结", COLLAB_RECORD_KIND_TASK_REPORT },
  { "总结评估", COLLAB_RECORD_KIND_TASK_REPORT },
  { "重点专项", COLLAB_RECORD_KIND_INITIATIVE },
  { "年度推进重点专项", COLLAB_RECORD_KIND_INITIATIVE },
  { "年度协议", COLLAB_RECORD_KIND_AGREEMENT },
  { "协作协议", COLLAB_RECORD_KIND_AGREEMENT },
  { "年度东西部协作协议", COLLAB_RECORD_KIND_AGREEMENT },
};

/* The suffixes of units' names, longest first, that officers leave out:
 * 延川 for 延川县. After 自治县 and the like, the peoples named before it
 * go too: 互助土族自治县 is 互助. */
static const char * const name_suffixes[] = {
  "特别行政区", "自治州", "自治县", "自治旗", "自治区", "地区", "新区", "林区",
  "街道", "社区", "省", "市", "县", "区", "旗", "镇", "乡", "村",
};

static const char * const peoples[] = {
  "回族", "土族", "撒拉族", "藏族", "蒙古族", "苗族", "布依族", "侗族", "彝族", "壮族",
  "土家族", "瑶族", "羌族", "白族", "哈尼族", "傣族", "黎族", "满族", "仡佬族", "水族",
  "各族", "维吾尔族", "哈萨克族", "朝鲜族", "纳西族", "傈僳族", "佤族", "畲族",
};

/* Look-ups ----------------------------------------------------------------- */

/* The member an English header or value names: `Planned End` is
 * `planned_end`. Other text is left as it is. */
char *
collab_csv_english_key (const char *text)
{
  char *key = g_ascii_strdown (text, -1);

  for (char *p = key; *p != '\0'; p++)
    if (*p == ' ' || *p == '-')
      *p = '_';
  return key;
}

/* The @n-th member the Chinese @header may name, in the order to try
 * them, or NULL after the last. */
const char *
collab_csv_header_alias (const char *header,
                         guint       n)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
    if (strcmp (header_aliases[i].header, header) == 0 && n-- == 0)
      return header_aliases[i].member;
  return NULL;
}

gboolean
collab_csv_header_is_ignored (const char *header)
{
  g_autofree char *key = g_utf8_strdown (header, -1);

  for (guint i = 0; i < G_N_ELEMENTS (ignored_headers); i++)
    if (strcmp (key, ignored_headers[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
collab_csv_kind_of_table (const char       *name,
                          CollabRecordKind *kind)
{
  g_autofree char *trimmed = collab_csv_trim_cell (name);
  g_autofree char *key = collab_csv_english_key (trimmed);

  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    {
      const CollabSchema *schema = collab_schema_for_kind (k);
      g_autofree char *singular = collab_csv_english_key (schema->singular);

      if (strcmp (key, schema->member) == 0 || strcmp (key, singular) == 0)
        {
          *kind = (CollabRecordKind) k;
          return TRUE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (table_names); i++)
    if (strcmp (key, table_names[i].name) == 0)
      {
        *kind = table_names[i].kind;
        return TRUE;
      }
  return FALSE;
}

static gboolean
strip_suffix (GString    *name,
              const char *suffix)
{
  gsize n = strlen (suffix);

  /* Something must be left: 县 alone is no name. */
  if (name->len <= n || !g_str_has_suffix (name->str, suffix))
    return FALSE;
  g_string_truncate (name, name->len - n);
  return TRUE;
}

char *
collab_csv_short_name (const char *name)
{
  g_autoptr(GString) shorter = g_string_new (name);
  gboolean autonomous = g_strstr_len (name, -1, "自治") != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (name_suffixes); i++)
    if (strip_suffix (shorter, name_suffixes[i]))
      break;
  for (gboolean again = autonomous; again;)
    {
      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (peoples) && !again; i++)
        again = strip_suffix (shorter, peoples[i]);
    }

  /* One character is too little to name a unit by. */
  if (shorter->len == strlen (name) || g_utf8_strlen (shorter->str, -1) < 2)
    return NULL;
  return g_string_free (g_steal_pointer (&shorter), FALSE);
}

/* The suffixes of companies' names that officers leave out, longest
 * first: 海澜集团 for 海澜集团有限公司. */
static const char * const company_suffixes[] = { "股份有限公司", "有限责任公司", "有限公司" };

/* @name without its company suffix, or NULL when it has none or when
 * less than two characters would be left. */
char *
collab_csv_short_company_name (const char *name)
{
  g_autoptr(GString) shorter = g_string_new (name);

  for (guint i = 0; i < G_N_ELEMENTS (company_suffixes); i++)
    if (strip_suffix (shorter, company_suffixes[i]))
      break;
  if (shorter->len == strlen (name) || g_utf8_strlen (shorter->str, -1) < 2)
    return NULL;
  return g_string_free (g_steal_pointer (&shorter), FALSE);
}

/* The first Chinese header for @member, for messages. */
const char *
collab_csv_first_alias_of (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
    if (strcmp (header_aliases[i].member, member) == 0)
      return header_aliases[i].header;
  return NULL;
}

/* The Chinese header an export writes for @member of @kind: the kind's
 * own word, else the first alias; NULL when there is none. */
const char *
collab_csv_export_header (CollabRecordKind  kind,
                          const char       *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_headers); i++)
    if (export_headers[i].kind == kind && strcmp (export_headers[i].member, member) == 0)
      return export_headers[i].header;
  return collab_csv_first_alias_of (member);
}

/* The unit a header such as 金额（万元） gives, with the header without it
 * in @base; NULL, and @base the whole header, when it names none. */
const char *
collab_csv_header_unit (const char *header,
                        char      **base)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_units); i++)
    if (g_str_has_suffix (header, header_units[i].suffix))
      {
        g_autofree char *head = g_strndup (header, strlen (header) - strlen (header_units[i].suffix));

        *base = collab_csv_trim_cell (head);
        return header_units[i].unit;
      }

  *base = g_strdup (header);
  return NULL;
}

/* The nick that @text means for the enum or flags of @field: the nick
 * itself in any case, or one of its Chinese words. */
const char *
collab_csv_value_nick (const CollabField *field,
                       const char        *text)
{
  GType type = field->enum_type ();
  g_autofree char *key = collab_csv_english_key (text);
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  if (G_IS_FLAGS_CLASS (klass))
    {
      GFlagsValue *value = g_flags_get_value_by_nick (G_FLAGS_CLASS (klass), key);

      if (value != NULL && value->value != 0)
        return value->value_nick;
    }
  else
    {
      GEnumValue *value = g_enum_get_value_by_nick (G_ENUM_CLASS (klass), key);

      if (value != NULL && !(value->value == 0 && (field->flags & COLLAB_FIELD_NONZERO)))
        return value->value_nick;
    }

  for (guint i = 0; i < G_N_ELEMENTS (value_aliases); i++)
    if (value_aliases[i].type () == type && strcmp (value_aliases[i].word, text) == 0)
      return value_aliases[i].nick;

  return NULL;
}

/* The first Chinese word for @nick of @type, or NULL. */
const char *
collab_csv_value_word (GType       type,
                       const char *nick)
{
  for (guint a = 0; a < G_N_ELEMENTS (value_aliases); a++)
    if (value_aliases[a].type () == type && strcmp (value_aliases[a].nick, nick) == 0)
      return value_aliases[a].word;
  return NULL;
}

/* The Chinese name of a sheet of @kind. */
const char *
collab_csv_kind_word (CollabRecordKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_words), NULL);

  return kind_words[kind];
}

static gboolean
word_in (const char         *text,
         const char * const *words,
         gsize               n_words)
{
  g_autofree char *key = g_ascii_strdown (text, -1);

  for (gsize i = 0; i < n_words; i++)
    if (strcmp (key, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @text is a word for true or false, and which. */
gboolean
collab_csv_read_bool (const char *text,
                      gboolean   *value)
{
  if (word_in (text, true_words, G_N_ELEMENTS (true_words)))
    *value = TRUE;
  else if (word_in (text, false_words, G_N_ELEMENTS (false_words)))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* Whether @text gives a list of @type (FLAGS or ENUM_LIST) that is
 * there but empty: 无 (no flag), 不限 (any job type). */
gboolean
collab_csv_is_empty_list (CollabFieldType  type,
                          const char      *text)
{
  if (type == COLLAB_FIELD_ENUM_LIST)
    return word_in (text, any_words, G_N_ELEMENTS (any_words));
  if (type == COLLAB_FIELD_FLAGS || type == COLLAB_FIELD_REF_LIST)
    return word_in (text, none_words, G_N_ELEMENTS (none_words));
  return FALSE;
}

/* What the export writes for such a list, in English or Chinese. */
const char *
collab_csv_empty_list_word (CollabFieldType type,
                            gboolean        chinese)
{
  const char * const *words = type == COLLAB_FIELD_ENUM_LIST ? any_words : none_words;

  return words[chinese ? 1 : 0];
}

/* The flag of @field that a column headed @header says yes or no to: a
 * worker's 脱贫人口 (是/否), or 是否脱贫人口. */
gboolean
collab_csv_flag_of_header (const CollabField *field,
                           const char        *header,
                           guint             *flag)
{
  g_autoptr(GFlagsClass) klass = NULL;
  const char *nick;

  if (field->type != COLLAB_FIELD_FLAGS)
    return FALSE;
  if (g_str_has_prefix (header, "是否") && header[strlen ("是否")] != '\0')
    header += strlen ("是否");
  nick = collab_csv_value_nick (field, header);
  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (field->enum_type ());
  *flag = g_flags_get_value_by_nick (klass, nick)->value;
  return TRUE;
}

/* Lists and dates ---------------------------------------------------------- */

/* A list cell: `poverty_lifted;national_key`, or with the separators a
 * Chinese keyboard types. */
GPtrArray *
collab_csv_split_list (const char *text)
{
  static const char * const separators[] = { ";", ",", "；", "，", "、" };
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;
  const char *p = text;

  for (;;)
    {
      gsize sep = 0;

      if (*p != '\0')
        for (guint i = 0; i < G_N_ELEMENTS (separators) && sep == 0; i++)
          if (g_str_has_prefix (p, separators[i]))
            sep = strlen (separators[i]);

      if (*p == '\0' || sep > 0)
        {
          g_autofree char *raw = g_strndup (start, p - start);
          char *item = collab_csv_trim_cell (raw);

          if (*item != '\0')
            g_ptr_array_add (items, item);
          else
            g_free (item);
          if (*p == '\0')
            break;
          p += sep;
          start = p;
        }
      else
        p = g_utf8_next_char (p);
    }

  return items;
}

/* Reads at most @max digits at *@p, as a number into @value, and moves
 * *@p past them; returns how many there were. */
static int
read_digits (const char **p,
             int          max,
             guint       *value)
{
  int digits;

  *value = 0;
  for (digits = 0; digits < max && g_ascii_isdigit (**p); digits++, (*p)++)
    *value = *value * 10 + g_ascii_digit_value (**p);
  return digits;
}

/* `2021-03-01`, `2021/3/1`, `2021.3.1`, `2021年3月1日`, each maybe with a
 * midnight time of day as spreadsheets add; NULL for anything else. The
 * calendar is checked by the reader. */
char *
collab_csv_normalize_date (const char *text)
{
  const char *p = text;
  guint year, month, day;
  gboolean chinese;
  char separator;

  if (read_digits (&p, 4, &year) != 4)
    return NULL;

  chinese = g_str_has_prefix (p, "年");
  separator = *p;
  if (chinese)
    p += strlen ("年");
  else if (separator == '-' || separator == '/' || separator == '.')
    p++;
  else
    return NULL;

  if (read_digits (&p, 2, &month) == 0)
    return NULL;

  if (chinese && g_str_has_prefix (p, "月"))
    p += strlen ("月");
  else if (!chinese && *p == separator)
    p++;
  else
    return NULL;

  if (read_digits (&p, 2, &day) == 0)
    return NULL;

  if (chinese && (g_str_has_prefix (p, "日") || g_str_has_prefix (p, "号")))
    p += strlen ("日");

  if (*p == ' ')
    {
      static const char * const midnight[] = { " 0:00", " 00:00", " 0:00:00", " 00:00:00" };
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (midnight) && !found; i++)
        if (strcmp (p, midnight[i]) == 0)
          found = TRUE;
      if (!found)
        return NULL;
      p += strlen (p);
    }

  if (*p != '\0')
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}
