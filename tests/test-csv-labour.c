/* test-csv-labour.c: the officers' labour forms (SPEC §11.1, §12.2)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The sheets labour cooperation is kept in, through CSV (the xlsx import
 * reads the same rows, tests/test-xlsx.c): the job supply list
 * (岗位供给清单), the employment demand list (就业需求清单) with its 是/否
 * columns, the placements (就业情况) by the worker's name and home
 * county, the follow-ups (跟踪服务) by person and day, and the events
 * (活动); every error naming the file, the row, the column, what was
 * expected and what was found; and the export back, in Chinese, that
 * reads back as the same records. tests/data/labour-sheets.json is the
 * dataset the forms describe.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

static const char * const labour_members[] = { "job_offers", "workers", "placements", "follow_ups", "events" };

/* labour-sheets.json without the members @drop: what an officer starts
 * from before the forms are typed in. */
static CollabDataset *
labour_without (const char * const *drop,
                gsize               n_drop)
{
  return collab_test_load_fixture_without ("labour-sheets.json", drop, n_drop);
}

static CollabDataset *
labour_base (void)
{
  return labour_without (labour_members, G_N_ELEMENTS (labour_members));
}


/* The records of @kind, in order, as JSON without their ids (which the
 * import made from the rows): @expected, NULL-terminated. */
static void
assert_records (CollabDataset      *dataset,
                CollabRecordKind    kind,
                const char * const *expected)
{
  g_autoptr(GPtrArray) records = collab_dataset_get_records (dataset, kind);

  g_assert_cmpuint (records->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < records->len; i++)
    {
      CollabRecord *record = g_ptr_array_index (records, i);
      g_autofree char *text = collab_record_to_string (record);
      g_autofree char *prefix = g_strdup_printf ("{\"id\": \"%s\", ", collab_record_get_id (record));
      g_autofree char *rest = collab_record_get_id (record) != NULL && g_str_has_prefix (text, prefix)
                              ? g_strconcat ("{", text + strlen (prefix), NULL) : g_strdup (text);

      g_assert_cmpstr (rest, ==, expected[i]);
    }
}

/* The name of the worker of placement @id of @dataset. */
static const char *
worker_name (CollabDataset *dataset,
             const char    *id)
{
  g_autoptr(CollabRecord) placement = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PLACEMENT, id);
  g_autoptr(CollabRecord) worker = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_WORKER,
                                                          collab_record_get_string (placement, "worker"));

  return g_intern_string (collab_record_get_string (worker, "name"));
}

/* The officers' forms -------------------------------------------------------- */

/* Offers numbered by the officer, a title above the table, employers
 * and the program by name, places by short name, dates three ways, the
 * wage in yuan by the header's unit, a contact column of their own. */
static const char job_offers[] =
  "2021年无锡市面向延安市岗位供给清单,,,,,,,,,,\n"
  "序号,编号,用工单位,工种,岗位数,开始日期,截止日期,面向地区,月工资（元）,规划,联系电话\n"
  "1,GW-01,无锡顺达物流有限公司,物流,30,2021/3/1,2021年6月30日,延安,5500,无锡市—延安市东西部协作,0510-12345678\n"
  "2,GW-02,江阴味道餐饮管理有限公司,餐饮服务,20,2021.3.15,2021-05-31,延川县,4200,wuxi-yanan,\n"
  "3,GW-03,无锡康乐养老服务中心,养老,10,2021/4/1,2021/12/31,,,,\n";

/* No ids: the import makes them. Flags as one 是/否 column each. */
static const char workers_yes_no[] =
  "序号,姓名,户籍县,脱贫人口,监测对象,残疾人,意向工种,登记日期\n"
  "1,张建国,延川,是,否,否,物流配送、餐饮服务,2021/2/20\n"
  "2,李秀英,延川县,否,是,,餐饮,2021/2/25\n"
  "3,王磊,延长,是,,是,不限,2021/3/1\n"
  "4,刘芳,610621,,,,养老、家政,2021/3/5\n"
  "5,张建国,延长县,是,,,建筑,2021/3/10\n";

/* The same people with their flags as words in one column. */
static const char workers_words[] =
  "姓名,户籍县,人员类别,意向工种,登记日期\n"
  "张建国,延川县,脱贫人口,物流配送；餐饮服务,2021-02-20\n"
  "李秀英,延川县,边缘易致贫户,餐饮服务,2021-02-25\n"
  "王磊,延长县,脱贫人口、残疾人,任意,2021-03-01\n"
  "刘芳,延长县,,养老服务、家政服务,2021-03-05\n"
  "张建国,延长县,脱贫人口,建筑施工,2021-03-10\n";

/* Workers by name; the two 张建国 by their home county. */
static const char placements[] =
  "序号,姓名,户籍县,用工单位,岗位编号,就业类型,有组织劳务输出,上岗日期,离岗日期\n"
  "1,张建国,延川县,无锡顺达物流有限公司,GW-01,异地转移就业,是,2021/3/15,\n"
  "2,李秀英,,江阴味道餐饮管理有限公司,GW-02,转移就业,是,2021/4/1,2021/8/31\n"
  "3,李秀英,,无锡康乐养老服务中心,GW-03,外出务工,否,2021/9/10,\n"
  "4,王磊,延长县,延川县红枣加工扶贫车间,,车间就业,,2021/5/1,\n"
  "5,张建国,延长,延长县人力资源和社会保障局,,公益性岗位,,2021/6/1,\n";

/* By person: 李秀英 on 2021-09-05 is between her two jobs, and the call
 * is about the one she left; the two 张建国 by their employers. */
static const char follow_ups[] =
  "序号,姓名,用工单位,回访日期,状态,备注\n"
  "1,张建国,无锡顺达物流有限公司,2021/5/10,在岗,电话回访，工作稳定\n"
  "2,李秀英,,2021/6/15,在岗,\n"
  "3,李秀英,,2021/9/5,换工作,转至养老服务\n"
  "4,李秀英,,2021/11/20,在岗,\n"
  "5,王磊,,2021/8/1,在岗,\n"
  "6,张建国,延长县人力资源和社会保障局,2021/8/1,返乡,\n";

static const char events[] =
  "序号,规划,类型,日期,地区,参加人数,培训人次,培训类别\n"
  "1,无锡市—延安市东西部协作,联席会议,2021/4/20,延安市,60,,\n"
  "2,wuxi-yanan,互访,2021/5/18,无锡,25,,\n"
  "3,wuxi-yanan,专场招聘,2021/3/6,延川,800,,\n"
  "4,wuxi-yanan,培训班,2021/7/12,延长县,,120,劳动力\n"
  "5,wuxi-yanan,推介会,2021/11/5,无锡市,300,,\n";

static void
test_job_offers (void)
{
  g_autoptr(CollabDataset) dataset = labour_base ();

  collab_test_import_csv (dataset, COLLAB_RECORD_KIND_JOB_OFFER, "labour.csv", job_offers);
  g_assert_cmpuint (collab_dataset_get_n_generated_ids (dataset), ==, 0);
  assert_records (dataset, COLLAB_RECORD_KIND_JOB_OFFER, (const char *[]) {
    "{\"employer\": \"shunda\", \"job_type\": \"logistics\", \"positions\": 30, "
    "\"open\": {\"first\": \"2021-03-01\", \"last\": \"2021-06-30\"}, \"target\": \"yanan\", "
    "\"monthly_wage\": \"5500.00\", \"program\": \"wuxi-yanan\", \"联系电话\": \"0510-12345678\"}",
    "{\"employer\": \"weidao\", \"job_type\": \"catering\", \"positions\": 20, "
    "\"open\": {\"first\": \"2021-03-15\", \"last\": \"2021-05-31\"}, \"target\": \"yanchuan\", "
    "\"monthly_wage\": \"4200.00\", \"program\": \"wuxi-yanan\"}",
    "{\"employer\": \"kangle\", \"job_type\": \"elderly_care\", \"positions\": 10, "
    "\"open\": {\"first\": \"2021-04-01\", \"last\": \"2021-12-31\"}}",
    NULL });
}

static void
test_workers (void)
{
  g_autoptr(CollabDataset) dataset = labour_base ();
  g_autoptr(CollabDataset) words = labour_base ();
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) same = NULL;

  collab_test_import_csv (dataset, COLLAB_RECORD_KIND_WORKER, "labour.csv", workers_yes_no);
  g_assert_cmpuint (collab_dataset_get_n_generated_ids (dataset), ==, 5);
  assert_records (dataset, COLLAB_RECORD_KIND_WORKER, (const char *[]) {
    "{\"name\": \"张建国\", \"county\": \"yanchuan\", \"flags\": [\"poverty_lifted\"], "
    "\"wants\": [\"logistics\", \"catering\"], \"registered\": \"2021-02-20\"}",
    "{\"name\": \"李秀英\", \"county\": \"yanchuan\", \"flags\": [\"at_risk\"], \"wants\": [\"catering\"], "
    "\"registered\": \"2021-02-25\"}",
    "{\"name\": \"王磊\", \"county\": \"yanchang\", \"flags\": [\"poverty_lifted\", \"disabled\"], \"wants\": [], "
    "\"registered\": \"2021-03-01\"}",
    "{\"name\": \"刘芳\", \"county\": \"yanchang\", \"wants\": [\"elderly_care\", \"domestic_service\"], "
    "\"registered\": \"2021-03-05\"}",
    "{\"name\": \"张建国\", \"county\": \"yanchang\", \"flags\": [\"poverty_lifted\"], \"wants\": [\"construction\"], "
    "\"registered\": \"2021-03-10\"}",
    NULL });
  ids = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_WORKER);
  g_assert_true (g_str_has_prefix (ids[0], "worker-"));

  /* The same people in the other form are the same records, ids and all. */
  collab_test_import_csv (words, COLLAB_RECORD_KIND_WORKER, "labour.csv", workers_words);
  same = collab_dataset_list_ids (words, COLLAB_RECORD_KIND_WORKER);
  g_assert_cmpstrv (same, ids);
}

/* All five forms, one after the other, as an officer enters a year. */
static CollabDataset *
import_all (void)
{
  CollabDataset *dataset = labour_base ();

  collab_test_import_csv (dataset, COLLAB_RECORD_KIND_JOB_OFFER, "labour.csv", job_offers);
  collab_test_import_csv (dataset, COLLAB_RECORD_KIND_WORKER, "labour.csv", workers_yes_no);
  collab_test_import_csv (dataset, COLLAB_RECORD_KIND_PLACEMENT, "labour.csv", placements);
  collab_test_import_csv (dataset, COLLAB_RECORD_KIND_FOLLOW_UP, "labour.csv", follow_ups);
  collab_test_import_csv (dataset, COLLAB_RECORD_KIND_EVENT, "labour.csv", events);
  return dataset;
}

static void
test_placements (void)
{
  g_autoptr(CollabDataset) dataset = import_all ();
  g_auto(GStrv) ids = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_PLACEMENT);
  g_auto(GStrv) workers = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_WORKER);
  static const char * const names[] = { "张建国", "李秀英", "李秀英", "王磊", "张建国" };
  static const char * const kinds[] = { "transfer", "transfer", "transfer", "local", "public_welfare" };

  g_assert_cmpuint (g_strv_length (ids), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (worker_name (dataset, ids[i]), ==, names[i]);
      collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PLACEMENT, ids[i], "kind", kinds[i]);
    }
  /* The two 张建国, by their home counties. */
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PLACEMENT, ids[0], "worker", workers[0]);
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PLACEMENT, ids[4], "worker", workers[4]);
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PLACEMENT, ids[0], "offer", "GW-01");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PLACEMENT, ids[1], "end", "2021-08-31");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PLACEMENT, ids[3], "employer", "hongzao");
  {
    g_autoptr(CollabRecord) first = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PLACEMENT, ids[0]);
    g_autoptr(CollabRecord) third = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PLACEMENT, ids[2]);

    g_assert_true (collab_record_get_boolean (first, "organized"));
    g_assert_false (collab_record_get_boolean (third, "organized"));
    /* The home county found the worker; it is no member of the placement. */
    g_assert_false (collab_record_has_field (first, "户籍县"));
  }
}

static void
test_follow_ups (void)
{
  g_autoptr(CollabDataset) dataset = import_all ();
  g_auto(GStrv) placed = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_PLACEMENT);
  g_auto(GStrv) no_ids = NULL;
  g_auto(GStrv) expected = g_new0 (char *, 7);

  expected[0] = g_strdup_printf ("{\"placement\": \"%s\", \"date\": \"2021-05-10\", \"status\": \"employed\", "
                                 "\"note\": \"电话回访，工作稳定\"}", placed[0]);
  expected[1] = g_strdup_printf ("{\"placement\": \"%s\", \"date\": \"2021-06-15\", \"status\": \"employed\"}",
                                 placed[1]);
  /* 2021-09-05 is after the first job of 李秀英 and before the second. */
  expected[2] = g_strdup_printf ("{\"placement\": \"%s\", \"date\": \"2021-09-05\", \"status\": \"changed_job\", "
                                 "\"note\": \"转至养老服务\"}", placed[1]);
  expected[3] = g_strdup_printf ("{\"placement\": \"%s\", \"date\": \"2021-11-20\", \"status\": \"employed\"}",
                                 placed[2]);
  expected[4] = g_strdup_printf ("{\"placement\": \"%s\", \"date\": \"2021-08-01\", \"status\": \"employed\"}",
                                 placed[3]);
  expected[5] = g_strdup_printf ("{\"placement\": \"%s\", \"date\": \"2021-08-01\", \"status\": \"returned_home\"}",
                                 placed[4]);
  assert_records (dataset, COLLAB_RECORD_KIND_FOLLOW_UP, (const char * const *) expected);
  /* Follow-ups need no id, and get none. */
  no_ids = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_FOLLOW_UP);
  g_assert_null (no_ids[0]);
}

static void
test_events (void)
{
  g_autoptr(CollabDataset) dataset = labour_base ();

  collab_test_import_csv (dataset, COLLAB_RECORD_KIND_EVENT, "labour.csv", events);
  assert_records (dataset, COLLAB_RECORD_KIND_EVENT, (const char *[]) {
    "{\"program\": \"wuxi-yanan\", \"kind\": \"joint_meeting\", \"date\": \"2021-04-20\", \"region\": \"yanan\", "
    "\"participants\": 60}",
    "{\"program\": \"wuxi-yanan\", \"kind\": \"visit\", \"date\": \"2021-05-18\", \"region\": \"wuxi\", "
    "\"participants\": 25}",
    "{\"program\": \"wuxi-yanan\", \"kind\": \"job_fair\", \"date\": \"2021-03-06\", \"region\": \"yanchuan\", "
    "\"participants\": 800}",
    "{\"program\": \"wuxi-yanan\", \"kind\": \"training_class\", \"date\": \"2021-07-12\", \"region\": \"yanchang\", "
    "\"trainees\": 120, \"area\": \"labour\"}",
    "{\"program\": \"wuxi-yanan\", \"kind\": \"expo\", \"date\": \"2021-11-05\", \"region\": \"wuxi\", "
    "\"participants\": 300}",
    NULL });
}

/* Workshops and shops, labour training by classes. */
static void
test_organizations_and_trainings (void)
{
  g_autoptr(CollabDataset) dataset = labour_base ();

  collab_test_import_csv (dataset, COLLAB_RECORD_KIND_ORGANIZATION, "labour.csv",
                          "编号,名称,类型,地区,服务地区\n"
                          "ws-2,延长县社区工厂,社区工厂,延长,\n"
                          "ws-3,延川县乡村振兴车间,乡村振兴车间,延川县,\n"
                          "shop-2,延安苹果体验店,体验店,江阴,延安\n");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_ORGANIZATION, "ws-2", "kind", "workshop");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_ORGANIZATION, "ws-3", "kind", "workshop");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_ORGANIZATION, "shop-2", "kind", "shop");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_ORGANIZATION, "shop-2", "serves", "yanan");

  collab_test_import_csv (dataset, COLLAB_RECORD_KIND_TRAINING, "labour.csv",
                          "编号,规划,年度,主题,培训人次,培训类别,期数\n"
                          "t-1,wuxi-yanan,2022,家政技能培训,240,劳务,6\n");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRAINING, "t-1", "area", "labour");
  {
    g_autoptr(CollabRecord) training = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_TRAINING, "t-1");

    g_assert_cmpint (collab_record_get_int (training, "person_times"), ==, 240);
    g_assert_cmpint (collab_record_get_int (training, "classes"), ==, 6);
  }
}

/* Errors ----------------------------------------------------------------------- */

static void
test_errors (void)
{
  const char *placed[] = { "placements", "follow_ups" };
  g_autoptr(CollabDataset) base = labour_base ();
  g_autoptr(CollabDataset) dataset = labour_without (placed, G_N_ELEMENTS (placed));

  /* A type of work the list does not have. */
  collab_test_assert_import_fails (base, COLLAB_RECORD_KIND_JOB_OFFER, "labour.csv",
                                   "用工单位,工种,岗位数,开始日期,截止日期\n"
                                   "无锡顺达物流有限公司,保洁,5,2021/3/1,2021/6/30\n",
                                   COLLAB_DATASET_ERROR_INVALID_VALUE,
                                   "labour.csv:2:2: 工种 (job_type): expected one of domestic_service (家政服务), "
                                   "logistics (物流配送), elderly_care (养老服务), catering (餐饮服务), construction (建筑施工), "
                                   "machine_repair (机械修理), manufacturing (制造业), other (其他), found \"保洁\"");
  /* A negative count of positions, and none. */
  collab_test_assert_import_fails (base, COLLAB_RECORD_KIND_JOB_OFFER, "labour.csv",
                                   "用工单位,工种,岗位数,开始日期,截止日期\n"
                                   "无锡顺达物流有限公司,物流,30,2021/3/1,2021/6/30\n"
                                   "无锡顺达物流有限公司,物流,-3,2021/3/1,2021/6/30\n",
                                   COLLAB_DATASET_ERROR_INVALID_VALUE,
                                   "labour.csv:3:3: 岗位数 (positions): expected a count of at least 1, found -3");
  collab_test_assert_import_fails (base, COLLAB_RECORD_KIND_JOB_OFFER, "labour.csv",
                                   "用工单位,工种,岗位数,开始日期,截止日期\n"
                                   "无锡顺达物流有限公司,物流,0,2021/3/1,2021/6/30\n",
                                   COLLAB_DATASET_ERROR_INVALID_VALUE,
                                   "labour.csv:2:3: 岗位数 (positions): expected a count of at least 1, found 0");
  /* The open period needs both ends. */
  collab_test_assert_import_fails (base, COLLAB_RECORD_KIND_JOB_OFFER, "labour.csv",
                                   "用工单位,工种,岗位数,开始日期\n"
                                   "无锡顺达物流有限公司,物流,30,2021/3/1\n",
                                   COLLAB_DATASET_ERROR_MISSING_MEMBER,
                                   "labour.csv:1:1: the header has no column \"open.last\" (or \"截止日期\"), "
                                   "which every job offer needs");
  collab_test_assert_import_fails (base, COLLAB_RECORD_KIND_JOB_OFFER, "labour.csv",
                                   "用工单位,工种,岗位数\n"
                                   "无锡顺达物流有限公司,物流,30\n",
                                   COLLAB_DATASET_ERROR_MISSING_MEMBER,
                                   "labour.csv:1:1: the header has no columns \"open.first\" (or \"开始日期\"), "
                                   "\"open.last\" (or \"截止日期\"), which every job offer needs");

  /* A flag is 是 or 否; a wanted type of work is one of the list. */
  collab_test_assert_import_fails (base, COLLAB_RECORD_KIND_WORKER, "labour.csv",
                                   "姓名,户籍县,脱贫人口,登记日期\n"
                                   "张建国,延川,有,2021/2/20\n",
                                   COLLAB_DATASET_ERROR_INVALID_VALUE,
                                   "labour.csv:2:3: 脱贫人口 (flags): expected 是 or 否 (true or false, 1 or 0), found \"有\"");
  collab_test_assert_import_fails (base, COLLAB_RECORD_KIND_WORKER, "labour.csv",
                                   "姓名,户籍县,意向工种,登记日期\n"
                                   "张建国,延川,物流、开车,2021/2/20\n",
                                   COLLAB_DATASET_ERROR_INVALID_VALUE,
                                   "labour.csv:2:3: 意向工种 (wants): expected one of domestic_service (家政服务), "
                                   "logistics (物流配送), elderly_care (养老服务), catering (餐饮服务), construction (建筑施工), "
                                   "machine_repair (机械修理), manufacturing (制造业), other (其他), found \"开车\"");

  /* A name no worker has; one two workers have, and a county neither is from. */
  collab_test_assert_import_fails (dataset, COLLAB_RECORD_KIND_PLACEMENT, "labour.csv",
                                   "姓名,用工单位,就业类型,上岗日期\n"
                                   "赵四,无锡顺达物流有限公司,转移就业,2021/3/15\n",
                                   COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                                   "labour.csv:2:1: 姓名 (worker): no worker has the id \"赵四\"");
  collab_test_assert_import_fails (dataset, COLLAB_RECORD_KIND_PLACEMENT, "labour.csv",
                                   "姓名,用工单位,就业类型,上岗日期\n"
                                   "张建军,无锡顺达物流有限公司,转移就业,2021/3/15\n",
                                   COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                                   "labour.csv:2:1: 姓名 (worker): no worker is named 张建军; "
                                   "did you mean 张建国 (w-001) or 张建国 (w-005)?");
  collab_test_assert_import_fails (dataset, COLLAB_RECORD_KIND_PLACEMENT, "labour.csv",
                                   "姓名,用工单位,就业类型,上岗日期\n"
                                   "张建国,无锡顺达物流有限公司,转移就业,2021/3/15\n",
                                   COLLAB_DATASET_ERROR_INVALID_VALUE,
                                   "labour.csv:2:1: 姓名 (worker): \"张建国\" is the name of more than one record "
                                   "(worker \"w-001\", worker \"w-005\"): write the id");
  collab_test_assert_import_fails (dataset, COLLAB_RECORD_KIND_PLACEMENT, "labour.csv",
                                   "姓名,户籍县,用工单位,就业类型,上岗日期\n"
                                   "张建国,江阴,无锡顺达物流有限公司,转移就业,2021/3/15\n",
                                   COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                                   "labour.csv:2:1: 姓名 (worker): no worker named 张建国 is from 江阴; "
                                   "the workers of that name are w-001 (延川县) and w-005 (延长县)");
  collab_test_assert_import_fails (dataset, COLLAB_RECORD_KIND_PLACEMENT, "labour.csv",
                                   "姓名,用工单位,就业类型,上岗日期\n"
                                   "w-001,无锡顺达物流有限公司,出国务工,2021/3/15\n",
                                   COLLAB_DATASET_ERROR_INVALID_VALUE,
                                   "labour.csv:2:3: 就业类型 (kind): expected one of transfer (异地转移就业), "
                                   "local (就地就近就业), public_welfare (公益性岗位), found \"出国务工\"");
}

/* A follow-up by person that matches no placement, or more than one. */
static void
test_follow_up_errors (void)
{
  const char *drop[] = { "follow_ups" };
  g_autoptr(CollabDataset) dataset = labour_without (drop, 1);

  collab_test_assert_import_fails (dataset, COLLAB_RECORD_KIND_FOLLOW_UP, "labour.csv",
                                   "姓名,日期,状态\n"
                                   "李秀英,2021/6/15,在岗\n"
                                   "张建国,2021/7/1,在岗\n",
                                   COLLAB_DATASET_ERROR_INVALID_VALUE,
                                   "labour.csv:3:1: 姓名 (placement.worker): 张建国 matches more than one placement on "
                                   "2021-07-01: pl-001 (无锡顺达物流有限公司, 2021-03-15–) or "
                                   "pl-005 (延长县人力资源和社会保障局, 2021-06-01–); write the employer (用工单位) or the "
                                   "placement's id (就业编号)");
  collab_test_assert_import_fails (dataset, COLLAB_RECORD_KIND_FOLLOW_UP, "labour.csv",
                                   "姓名,日期,状态\n"
                                   "张建国,2021/3/1,在岗\n",
                                   COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                                   "labour.csv:2:1: 姓名 (placement.worker): no placement of 张建国 starts on or before "
                                   "2021-03-01; the placements are pl-001 (无锡顺达物流有限公司, 2021-03-15–) and "
                                   "pl-005 (延长县人力资源和社会保障局, 2021-06-01–)");
  collab_test_assert_import_fails (dataset, COLLAB_RECORD_KIND_FOLLOW_UP, "labour.csv",
                                   "姓名,用工单位,日期,状态\n"
                                   "张建国,江阴味道餐饮管理有限公司,2021/7/1,在岗\n",
                                   COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                                   "labour.csv:2:1: 姓名 (placement.worker): the dataset has no placement of 张建国 at "
                                   "江阴味道餐饮管理有限公司: import the placements before their follow-ups");
  collab_test_assert_import_fails (dataset, COLLAB_RECORD_KIND_FOLLOW_UP, "labour.csv",
                                   "姓名,日期,状态\n"
                                   "刘芳,2021/7/1,在岗\n",
                                   COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                                   "labour.csv:2:1: 姓名 (placement.worker): the dataset has no placement of 刘芳: "
                                   "import the placements before their follow-ups");
  collab_test_assert_import_fails (dataset, COLLAB_RECORD_KIND_FOLLOW_UP, "labour.csv",
                                   "姓名,日期,状态\n"
                                   "张建军,2021/7/1,在岗\n",
                                   COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                                   "labour.csv:2:1: 姓名 (placement.worker): no worker is named 张建军; "
                                   "did you mean 张建国 (w-001) or 张建国 (w-005)?");
  collab_test_assert_import_fails (dataset, COLLAB_RECORD_KIND_FOLLOW_UP, "labour.csv",
                                   "姓名,日期,状态\n"
                                   "赵四,2021/7/1,在岗\n",
                                   COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                                   "labour.csv:2:1: 姓名 (placement.worker): no worker has the name or the id \"赵四\"");
  collab_test_assert_import_fails (dataset, COLLAB_RECORD_KIND_FOLLOW_UP, "labour.csv",
                                   "姓名,用工单位,日期,状态\n"
                                   "张建国,某公司,2021/7/1,在岗\n",
                                   COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                                   "labour.csv:2:2: 用工单位 (placement.employer): no organization has the name or the id "
                                   "\"某公司\"");
  collab_test_assert_import_fails (dataset, COLLAB_RECORD_KIND_FOLLOW_UP, "labour.csv",
                                   "姓名,日期,状态\n"
                                   ",2021/7/1,在岗\n",
                                   COLLAB_DATASET_ERROR_MISSING_MEMBER,
                                   "labour.csv:2:1: 姓名 (placement.worker): the cell is empty, and every follow-up needs a "
                                   "placement: write the name here or give the id in a column \"placement\"");
  collab_test_assert_import_fails (dataset, COLLAB_RECORD_KIND_FOLLOW_UP, "labour.csv",
                                   "日期,状态\n"
                                   "2021/7/1,在岗\n",
                                   COLLAB_DATASET_ERROR_MISSING_MEMBER,
                                   "labour.csv:1:1: the header has no column \"placement\" (or \"就业编号\"), "
                                   "which every follow-up needs");

  /* The placement's id, where given, is the placement. */
  collab_test_import_csv (dataset, COLLAB_RECORD_KIND_FOLLOW_UP, "labour.csv",
                          "姓名,就业编号,日期,状态\n"
                          "张建国,pl-005,2021/7/1,在岗\n"
                          "王磊,,2021/7/2,离岗\n");
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_FOLLOW_UP), ==, 2);
}

/* Export and import ------------------------------------------------------------ */

static void
set_language (const char *language)
{
  collab_test_set_language (language);
}

/* The labour kinds of labour-sheets.json, exported with the headers of
 * the language (in Chinese the officers' ones, every one) and imported
 * into the rest: the same records. */
static void
round_trip (const char *language)
{
  static const struct
  {
    CollabRecordKind  kind;
    const char       *drop[5];   /* the kind, what refers to it, NULL */
    const char       *header;
  } kinds[] = {
    { COLLAB_RECORD_KIND_JOB_OFFER, { "job_offers", "placements", "follow_ups" },
      "编号,用工单位,工种,岗位数,开始日期,截止日期,面向地区,月薪（元）,规划\r\n" },
    { COLLAB_RECORD_KIND_WORKER, { "workers", "placements", "follow_ups" },
      "编号,姓名,户籍县,人员类别,意向工种,登记日期\r\n" },
    { COLLAB_RECORD_KIND_PLACEMENT, { "placements", "follow_ups" },
      "编号,人员编号,用工单位,岗位编号,就业类型,有组织,上岗日期,离岗日期\r\n" },
    { COLLAB_RECORD_KIND_FOLLOW_UP, { "follow_ups" }, "编号,就业编号,日期,状态,备注\r\n" },
    { COLLAB_RECORD_KIND_EVENT, { "events" }, "编号,规划,类型,日期,地区,参加人数,培训人次,培训类别,相关任务\r\n" },
    { COLLAB_RECORD_KIND_ORGANIZATION, { "organizations", "job_offers", "placements", "follow_ups" },
      "编号,名称,类型,地区,服务地区\r\n" },
    { COLLAB_RECORD_KIND_TRAINING, { "trainings" }, "编号,规划,东西部,年份,主题,人次,培训类别,期数\r\n" },
  };

  set_language (language);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(CollabDataset) whole = labour_without (kinds[i].drop + 1, g_strv_length ((char **) kinds[i].drop + 1));
      g_autoptr(CollabDataset) rest = labour_without (kinds[i].drop, g_strv_length ((char **) kinds[i].drop));
      g_autofree char *csv = collab_dataset_export_csv_full (whole, kinds[i].kind, COLLAB_EXPORT_LABELS, NULL);
      g_autofree char *again = NULL;
      g_autofree char *expected = collab_dataset_to_data (whole, NULL);
      g_autofree char *result = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", kinds[i].drop[0]);
      if (g_str_equal (language, "zh_CN"))
        g_assert_true (g_str_has_prefix (csv, kinds[i].header));
      if (!collab_dataset_import_csv_data (rest, kinds[i].kind, csv, -1, "export.csv", &error))
        g_error ("%s\n%s", error->message, csv);
      result = collab_dataset_to_data (rest, NULL);
      g_assert_cmpstr (result, ==, expected);
      again = collab_dataset_export_csv_full (rest, kinds[i].kind, COLLAB_EXPORT_LABELS, NULL);
      g_assert_cmpstr (again, ==, csv);
    }
  set_language ("en");
}

static void
test_round_trip_english (void)
{
  round_trip ("en");
}

static void
test_round_trip_chinese (void)
{
  round_trip ("zh_CN");
}

/* The export's words for what an empty cell would not say: a worker who
 * wants any job (不限), one with no flag (无). */
static void
test_export_words (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_fixture ("labour-sheets.json");
  g_autofree char *english = collab_dataset_export_csv (dataset, COLLAB_RECORD_KIND_WORKER, NULL);
  g_autofree char *chinese = NULL;

  g_assert_nonnull (strstr (english, "\r\nw-003,王磊,yanchang,poverty_lifted;disabled,any,2021-03-01\r\n"));
  g_assert_nonnull (strstr (english, "\r\nw-004,刘芳,yanchang,,elderly_care;domestic_service,2021-03-05\r\n"));
  g_assert_nonnull (strstr (english, "\r\nw-006,,yanchang,none,,2021-03-12\r\n"));
  set_language ("zh_CN");
  chinese = collab_dataset_export_csv_full (dataset, COLLAB_RECORD_KIND_WORKER, COLLAB_EXPORT_LABELS, NULL);
  set_language ("en");
  g_assert_nonnull (strstr (chinese, "\r\nw-003,王磊,yanchang,脱贫人口、残疾人,不限,2021-03-01\r\n"));
  g_assert_nonnull (strstr (chinese, "\r\nw-006,,yanchang,无,,2021-03-12\r\n"));
}

int
main (int    argc,
      char **argv)
{
  /* gettext honours LANGUAGE only outside the C locale. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/csv/labour/job-offers", test_job_offers);
  g_test_add_func ("/collab/csv/labour/workers", test_workers);
  g_test_add_func ("/collab/csv/labour/placements", test_placements);
  g_test_add_func ("/collab/csv/labour/follow-ups", test_follow_ups);
  g_test_add_func ("/collab/csv/labour/events", test_events);
  g_test_add_func ("/collab/csv/labour/organizations-trainings", test_organizations_and_trainings);
  g_test_add_func ("/collab/csv/labour/errors", test_errors);
  g_test_add_func ("/collab/csv/labour/follow-up-errors", test_follow_up_errors);
  g_test_add_func ("/collab/csv/labour/round-trip/english", test_round_trip_english);
  g_test_add_func ("/collab/csv/labour/round-trip/chinese", test_round_trip_chinese);
  g_test_add_func ("/collab/csv/labour/export-words", test_export_words);

  return g_test_run ();
}
