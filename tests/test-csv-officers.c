/* test-csv-officers.c: tables as officers keep them (SPEC §12.2)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The shared row code of the CSV and xlsx imports (io/collab-csv-*.c),
 * through CSV: ids made for tables without an id column, the people of a
 * roster by name and home unit, references by name, short name or code,
 * and the candidates an error offers when a reference matches nothing.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

static void
import (CollabDataset    *dataset,
        CollabRecordKind  kind,
        const char       *csv)
{
  collab_test_import_csv (dataset, kind, "roster.csv", csv);
}

static void
assert_import_fails (CollabDataset    *dataset,
                     CollabRecordKind  kind,
                     const char       *csv,
                     int               code,
                     const char       *message)
{
  collab_test_assert_import_fails (dataset, kind, "roster.csv", csv, code, message);
}

/* Ids made from rows ------------------------------------------------------- */

static void
test_generated_ids (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabDataset) reordered = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabDataset) with_ids = collab_test_load_example ("wuxi-2021.json");
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) same = NULL;

  /* Rows 2 and 3 are the same: one id, then the same with -2. */
  import (dataset, COLLAB_RECORD_KIND_DISPATCH,
          "person,profession,kind,direction,from,to,start,planned_end\n"
          "p1,teacher,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n"
          "p1,teacher,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n"
          "p2,doctor,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n");
  g_assert_cmpuint (collab_dataset_get_n_generated_ids (dataset), ==, 3);
  ids = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_DISPATCH);
  g_assert_cmpuint (g_strv_length (ids), ==, 3);
  g_assert_true (g_str_has_prefix (ids[0], "dispatch-"));
  g_assert_cmpuint (strlen (ids[0]), ==, strlen ("dispatch-") + 10);
  g_assert_true (g_str_has_prefix (ids[1], ids[0]));
  g_assert_cmpstr (ids[1] + strlen (ids[0]), ==, "-2");
  g_assert_cmpstr (ids[2], !=, ids[0]);

  /* The same content in another column order, written otherwise: the
   * same ids. */
  import (reordered, COLLAB_RECORD_KIND_DISPATCH,
          "派往地,派出地,人员编号,职业,派出类型,方向,开始日期,计划结束日期\n"
          "延川县,江阴,p1,教师,专业技术人才,选派,2021/3/1,2022年2月28日\n"
          "延川,320281,p1,教师,专业技术人才,选派,2021.3.1,2022-02-28\n"
          "610622,江阴市,p2,医生,专技,选派,2021-03-01,2022-02-28\n");
  same = collab_dataset_list_ids (reordered, COLLAB_RECORD_KIND_DISPATCH);
  g_assert_cmpstrv (same, ids);

  /* A table with ids makes none. */
  import (with_ids, COLLAB_RECORD_KIND_DISPATCH,
          "id,person,profession,kind,direction,from,to,start,planned_end\n"
          "d1,p1,teacher,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n");
  g_assert_cmpuint (collab_dataset_get_n_generated_ids (with_ids), ==, 0);
}

/* The same rows again are the same records again: the made id is taken.
 * The message names the id, which is a hash: compare only its start. */
static void
test_generated_duplicate (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GError) error = NULL;
  const char *csv = "name,level,parent\n某镇,township,延川县\n";

  import (dataset, COLLAB_RECORD_KIND_REGION, csv);
  g_assert_false (collab_dataset_import_csv_data (dataset, COLLAB_RECORD_KIND_REGION, csv, -1, "r.csv", &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_DUPLICATE_ID);
  g_assert_true (g_str_has_prefix (error->message, "r.csv:2:1: the dataset already has this region (the id \"region-"));
}

/* People by name and home unit --------------------------------------------- */

static const char roster_by_name[] =
  "2021年选派专业技术人才花名册,,,,,,,,,\n"
  "填报单位：无锡市对口支援办,,,,,,,,,\n"
  "序号,姓名,专业,派出单位,派出类型,方向,派出地,派往地,开始日期,计划结束日期\n"
  "1,赵六,医生,无锡市发改委,专业技术人才,选派,江阴市,延川县,2021-03-01,2022-02-28\n"
  "2,孙七,教师,,专业技术人才,选派,江阴市,延川县,2021-03-01,2022-02-28\n"
  "3,孙七,教师,,专业技术人才,选派,江阴市,延川县,2022-03-01,2023-02-28\n"
  "4,赵六,医生,,专业技术人才,选派,江阴市,延川县,2021-03-01,2022-02-28\n";

static void
test_people_by_name (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabDataset) again = collab_test_load_example ("wuxi-2021.json");
  g_auto(GStrv) dispatches = NULL;
  g_auto(GStrv) people = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  collab_test_merge_data (dataset, "{\"format\": \"libcollab-dataset\", \"version\": 1, \"people\": ["
                                   "{\"id\": \"x9\", \"name\": \"赵六\", \"profession\": \"doctor\","
                                   " \"organization\": \"wuxi-drc\"}]}");
  collab_test_merge_data (again, "{\"format\": \"libcollab-dataset\", \"version\": 1, \"people\": ["
                                 "{\"id\": \"x9\", \"name\": \"赵六\", \"profession\": \"doctor\","
                                 " \"organization\": \"wuxi-drc\"}]}");

  /* A title and a line above the header; 赵六 of 无锡市发改委 is x9; 孙七
   * is made once for two rows; 赵六 without a unit is someone else. 序号
   * is no member; 派出单位 is the person's unit, 派出地 the `from`. */
  import (dataset, COLLAB_RECORD_KIND_DISPATCH, roster_by_name);
  dispatches = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_DISPATCH);
  people = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_PERSON);
  g_assert_cmpuint (g_strv_length (dispatches), ==, 4);
  g_assert_cmpuint (g_strv_length (people), ==, 3);
  /* Four dispatches and two new people. */
  g_assert_cmpuint (collab_dataset_get_n_generated_ids (dataset), ==, 6);

  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, dispatches[0], "person", "x9");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, dispatches[0], "from", "jiangyin");
  g_assert_true (g_str_has_prefix (people[1], "person-"));
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, dispatches[1], "person", people[1]);
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, dispatches[2], "person", people[1]);
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, dispatches[3], "person", people[2]);
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, people[1], "name", "孙七");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, people[1], "profession", "teacher");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, people[2], "name", "赵六");
  {
    g_autoptr(CollabRecord) record = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_DISPATCH, dispatches[0]);

    g_assert_false (collab_record_has_field (record, "序号"));
  }

  /* The same roster makes the same ids. */
  import (again, COLLAB_RECORD_KIND_DISPATCH, roster_by_name);
  a = collab_dataset_to_data (dataset, NULL);
  b = collab_dataset_to_data (again, NULL);
  g_assert_cmpstr (a, ==, b);

  /* A row without a name; a profession the dataset contradicts. */
  assert_import_fails (dataset, COLLAB_RECORD_KIND_DISPATCH,
                       "姓名,专业,派出类型,方向,派出地,派往地,开始日期,计划结束日期\n"
                       ",医生,专业技术人才,选派,江阴市,延川县,2024-03-01,2025-02-28\n",
                       COLLAB_DATASET_ERROR_MISSING_MEMBER,
                       "roster.csv:2:1: 姓名 (name): the cell is empty, and every dispatch needs a person: "
                       "write the name here or give the id in a column \"person\"");
  assert_import_fails (dataset, COLLAB_RECORD_KIND_DISPATCH,
                       "姓名,专业,派出单位,派出类型,方向,派出地,派往地,开始日期,计划结束日期\n"
                       "赵六,教师,wuxi-drc,专业技术人才,选派,江阴市,延川县,2024-03-01,2025-02-28\n",
                       COLLAB_DATASET_ERROR_INCONSISTENT,
                       "roster.csv:2:2: 专业 (profession): the person \"x9\" has the profession \"doctor\" in the "
                       "dataset, and this row says \"teacher\"");
}

/* References --------------------------------------------------------------- */

static void
test_references (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");

  /* The full name, the name without its suffix, the code; 互助 for
   * 互助土族自治县. */
  import (dataset, COLLAB_RECORD_KIND_DISPATCH,
          "id,person,profession,kind,direction,from,to,start,planned_end\n"
          "d1,p1,teacher,professional,outbound,江阴市,延川县,2021-03-01,2022-02-28\n"
          "d2,p1,teacher,professional,outbound,江阴,延川,2022-03-01,2023-02-28\n"
          "d3,p1,teacher,professional,outbound,320281,610622,2023-03-01,2024-02-28\n"
          "d4,p1,teacher,professional,outbound,新吴,互助,2023-03-01,2024-02-28\n");
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i);

      collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, id, "from", "jiangyin");
      collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, id, "to", "yanchuan");
    }
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d4", "from", "xinwu");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d4", "to", "huzhu");
}

static void
test_candidates (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  const char *header = "id,person,profession,kind,direction,from,to,start,planned_end\n";
  g_autofree char *typo = g_strconcat (header, "d1,p1,teacher,professional,outbound,江阴市,延安县,"
                                       "2021-03-01,2022-02-28\n", NULL);
  g_autofree char *one = g_strconcat (header, "d1,p1,teacher,professional,outbound,江阴县,延川县,"
                                      "2021-03-01,2022-02-28\n", NULL);
  g_autofree char *id = g_strconcat (header, "d1,p1,teacher,professional,outbound,jiangyni,延川县,"
                                     "2021-03-01,2022-02-28\n", NULL);
  g_autofree char *shared = g_strconcat (header, "d1,p1,teacher,professional,outbound,江阴市,延川,"
                                         "2021-03-01,2022-02-28\n", NULL);

  assert_import_fails (dataset, COLLAB_RECORD_KIND_DISPATCH, typo, COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                       "roster.csv:2:7: to: no region is named 延安县; did you mean 延安市 (yanan), "
                       "延长县 (yanchang) or 延川县 (yanchuan)?");
  assert_import_fails (dataset, COLLAB_RECORD_KIND_DISPATCH, one, COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                       "roster.csv:2:6: from: no region is named 江阴县; did you mean 江阴市 (jiangyin)?");
  assert_import_fails (dataset, COLLAB_RECORD_KIND_DISPATCH, id, COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                       "roster.csv:2:6: from: no region is named jiangyni; did you mean 江阴市 (jiangyin)?");

  /* A short name two records have is no name of either. */
  collab_test_merge_data (dataset, "{\"format\": \"libcollab-dataset\", \"version\": 1, \"regions\": ["
                                   "{\"id\": \"yc-town\", \"name\": \"延川镇\", \"level\": \"township\","
                                   " \"parent\": \"yanchuan\"}]}");
  assert_import_fails (dataset, COLLAB_RECORD_KIND_DISPATCH, shared, COLLAB_DATASET_ERROR_INVALID_VALUE,
                       "roster.csv:2:7: to: \"延川\" is the name of more than one record "
                       "(region \"yanchuan\", region \"yc-town\"): write the id");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/csv/officers/generated-ids", test_generated_ids);
  g_test_add_func ("/collab/csv/officers/generated-duplicate", test_generated_duplicate);
  g_test_add_func ("/collab/csv/officers/people-by-name", test_people_by_name);
  g_test_add_func ("/collab/csv/officers/references", test_references);
  g_test_add_func ("/collab/csv/officers/candidates", test_candidates);

  return g_test_run ();
}
