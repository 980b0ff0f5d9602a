/* test-xlsx.c: xlsx import (io/collab-xlsx-*.c, SPEC §12.2)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The workbooks are in tests/xlsx/, made by make-fixtures.py: good ones
 * as openpyxl writes them and by hand (inline strings, rich text, skipped
 * cells, both date systems), the officers' labour forms, and hostile
 * ones, each of which must load nothing.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "io/collab-xlsx-private.h"
#include "collab-test-util.h"

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("COLLAB_TEST_SRCDIR"), "xlsx", name, NULL);
}

static void
import (CollabDataset    *dataset,
        CollabRecordKind  kind,
        const char       *name,
        const char       *sheet)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;

  if (!collab_dataset_import_xlsx (dataset, kind, path, sheet, &error))
    g_error ("%s", error->message);
}

/* A failed import sets @code, a message that starts with @message, and
 * leaves @dataset as it was. */
static void
assert_fails (CollabDataset    *dataset,
              CollabRecordKind  kind,
              const char       *name,
              const char       *sheet,
              int               code,
              const char       *message)
{
  g_autofree char *path = fixture (name);
  g_autofree char *before = collab_dataset_to_data (dataset, NULL);
  g_autofree char *after = NULL;
  g_autofree char *expected = g_strconcat (path, message, NULL);
  g_autoptr(GError) error = NULL;

  g_test_message ("%s", name);
  g_assert_false (collab_dataset_import_xlsx (dataset, kind, path, sheet, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, code);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("expected a message starting \"%s\", found \"%s\"", expected, error->message);
  after = collab_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* Good workbooks ----------------------------------------------------------- */

/* roster-zh.xlsx: a notes sheet and 派出人员 with a merged title above
 * the table, Chinese headers, 序号,
 * no id columns, people by name and home unit, places as 江阴市, 江阴 and
 * 320281, date cells and text dates. */
static void
check_roster (CollabDataset *dataset)
{
  g_auto(GStrv) dispatches = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_DISPATCH);
  g_auto(GStrv) people = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_PERSON);

  g_assert_cmpuint (g_strv_length (dispatches), ==, 4);
  /* 张三 twice, with his unit by name and by id: one person. */
  g_assert_cmpuint (g_strv_length (people), ==, 3);
  g_assert_cmpuint (collab_dataset_get_n_generated_ids (dataset), ==, 7);
  for (guint i = 0; dispatches[i] != NULL; i++)
    {
      g_assert_true (g_str_has_prefix (dispatches[i], "dispatch-"));
      collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, dispatches[i], "from", "jiangyin");
      collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, dispatches[i], "to", "yanchuan");
    }
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, dispatches[0], "start", "2021-03-01");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, dispatches[0], "planned_end", "2022-02-28");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, dispatches[0], "备注", "初中数学");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, dispatches[1], "planned_end", "2023-02-28");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, dispatches[2], "start", "2021-03-01");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, dispatches[3], "kind", "short_term");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, people[0], "name", "张三");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, people[0], "organization", "wuxi-drc");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, people[1], "profession", "doctor");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, people[2], "profession", "agriculture");
}

static void
test_roster (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabDataset) mac = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabDataset) again = collab_test_load_example ("wuxi-2021.json");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  import (dataset, COLLAB_RECORD_KIND_DISPATCH, "roster-zh.xlsx", NULL);
  check_roster (dataset);

  /* The same dates in a workbook of the 1904 system, and the same ids
   * again: ids are made from what the rows say. */
  import (mac, COLLAB_RECORD_KIND_DISPATCH, "roster-1904.xlsx", NULL);
  import (again, COLLAB_RECORD_KIND_DISPATCH, "roster-zh.xlsx", "派出人员");
  a = collab_dataset_to_data (dataset, NULL);
  b = collab_dataset_to_data (mac, NULL);
  c = collab_dataset_to_data (again, NULL);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, c);

  /* The same sheet twice is the same rows twice. */
  assert_fails (dataset, COLLAB_RECORD_KIND_DISPATCH, "roster-zh.xlsx", NULL, COLLAB_DATASET_ERROR_DUPLICATE_ID,
                ":派出人员!A3: the dataset already has this dispatch (the id \"dispatch-");
}

/* inline.xlsx: inline strings, a rich text run with a phonetic guide,
 * skipped columns and rows, cells without `r`, a code as a number, a
 * built-in and a custom date format; inline-1904.xlsx the same days in
 * the 1904 system. */
static void
test_inline (void)
{
  const char *names[] = { "inline.xlsx", "inline-1904.xlsx" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");

      import (dataset, COLLAB_RECORD_KIND_DISPATCH, names[i], NULL);
      g_assert_cmpuint (collab_dataset_get_n_generated_ids (dataset), ==, 0);
      collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d1", "person", "x001");
      collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d1", "kind", "professional");
      collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d1", "from", "jiangyin");
      collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d1", "to", "yanchuan");
      collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d1", "start", "2021-03-01");
      collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d1", "planned_end", "2022-02-28");
      collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, "x001", "profession", "teacher");
    }
}

static const char base_funds[] =
  "{\"format\": \"libcollab-dataset\", \"version\": 1,"
  " \"accounts\": [{\"id\": \"acc-js\", \"holder\": \"js-finance\", \"source\": true},"
  "                {\"id\": \"acc-sn\", \"holder\": \"sn-finance\"}]}";

/* ledger.xlsx: 汇总, 资金流水 and Sheet3; amounts as numbers, to the fen,
 * and as text. */
static void
test_ledger (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabDataset) other = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabRecord) record = NULL;

  collab_test_merge_data (dataset, base_funds);
  collab_test_merge_data (other, base_funds);

  import (dataset, COLLAB_RECORD_KIND_TRANSACTION, "ledger.xlsx", NULL);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_TRANSACTION), ==, 4);
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t1", "amount", "19200000.00");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t1", "date", "2021-04-15");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t2", "amount", "1920.50");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t2", "date", "2021-05-10");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t3", "amount", "0.01");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t4", "amount", "3000000.00");
  record = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t2");
  g_assert_cmpint (collab_record_get_int (record, "budget_year"), ==, 2021);

  /* A sheet chosen by name; one that is not there. */
  import (other, COLLAB_RECORD_KIND_TRANSACTION, "ledger.xlsx", "Sheet3");
  collab_test_assert_member (other, COLLAB_RECORD_KIND_TRANSACTION, "t9", "amount", "123.45");
  assert_fails (other, COLLAB_RECORD_KIND_TRANSACTION, "ledger.xlsx", "流水", COLLAB_DATASET_ERROR_NOT_FOUND,
                ": the workbook has no sheet named \"流水\"; its sheets are 汇总, 资金流水, Sheet3");
  assert_fails (other, COLLAB_RECORD_KIND_PAIRING, "ledger.xlsx", NULL, COLLAB_DATASET_ERROR_NOT_FOUND,
                ": none of the sheets 汇总, 资金流水, Sheet3 is named for pairings");
}

/* labour-zh.xlsx: the labour forms, a sheet each, named as offices
 * name them, imported one after the other as test-csv-labour.c imports
 * the same as CSV: the same records. */
static void
test_labour (void)
{
  static const char * const labour[] = { "job_offers", "workers", "placements", "follow_ups", "events" };
  static const CollabRecordKind kinds[] = {
    COLLAB_RECORD_KIND_JOB_OFFER, COLLAB_RECORD_KIND_WORKER, COLLAB_RECORD_KIND_PLACEMENT,
    COLLAB_RECORD_KIND_FOLLOW_UP, COLLAB_RECORD_KIND_EVENT,
  };
  g_autoptr(CollabDataset) dataset = collab_test_load_fixture_without ("labour-sheets.json", labour,
                                                                       G_N_ELEMENTS (labour));
  g_auto(GStrv) workers = NULL;
  g_auto(GStrv) placements = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(CollabRecord) wage = NULL;
  g_autoptr(CollabRecord) flags = NULL;
  g_auto(GStrv) wants = NULL;
  g_auto(GStrv) at_risk = NULL;
  /* The placement of each call: 李秀英 on 2021-09-05, between her jobs,
   * on the one she left. */
  static const guint visited[] = { 0, 1, 1, 2, 3, 4 };

  /* Each sheet found by the kind alone, past 说明 and the others. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    import (dataset, kinds[k], "labour-zh.xlsx", NULL);

  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_JOB_OFFER), ==, 3);
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_JOB_OFFER, "GW-01", "employer", "shunda");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_JOB_OFFER, "GW-01", "target", "yanan");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_JOB_OFFER, "GW-01", "program", "wuxi-yanan");
  wage = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_JOB_OFFER, "GW-02");
  /* 4200.5 in a number cell is 4200.50 yuan exactly; 2021年5月31日 as text. */
  g_assert_cmpint (collab_record_get_amount (wage, "monthly_wage"), ==, 420050);
  g_assert_cmpint (collab_record_get_int (wage, "positions"), ==, 20);

  workers = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_WORKER);
  g_assert_cmpuint (g_strv_length (workers), ==, 5);
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_WORKER, workers[0], "registered", "2021-02-20");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_WORKER, workers[3], "county", "yanchang");
  /* Boolean cells say yes and no as 是 and 否 do. */
  flags = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_WORKER, workers[1]);
  at_risk = collab_record_get_strv (flags, "flags");
  g_assert_cmpstrv (at_risk, ((const char *[]) { "at_risk", NULL }));
  g_clear_object (&flags);
  flags = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_WORKER, workers[0]);
  wants = collab_record_get_strv (flags, "wants");
  g_assert_cmpstrv (wants, ((const char *[]) { "logistics", "catering", NULL }));

  placements = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_PLACEMENT);
  g_assert_cmpuint (g_strv_length (placements), ==, 5);
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PLACEMENT, placements[0], "worker", workers[0]);
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PLACEMENT, placements[4], "worker", workers[4]);
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PLACEMENT, placements[1], "end", "2021-08-31");

  /* Each call on the placement of its person and day. */
  follow_ups = collab_dataset_get_records (dataset, COLLAB_RECORD_KIND_FOLLOW_UP);
  g_assert_cmpuint (follow_ups->len, ==, G_N_ELEMENTS (visited));
  for (guint i = 0; i < follow_ups->len; i++)
    g_assert_cmpstr (collab_record_get_string (g_ptr_array_index (follow_ups, i), "placement"), ==,
                     placements[visited[i]]);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_EVENT), ==, 5);
}

/* labour-bad.xlsx: the place of each error is the sheet and the cell. */
static void
test_labour_errors (void)
{
  static const char * const labour[] = { "job_offers", "workers", "placements", "follow_ups", "events" };
  static const char * const called[] = { "follow_ups" };
  g_autoptr(CollabDataset) base = collab_test_load_fixture_without ("labour-sheets.json", labour,
                                                                    G_N_ELEMENTS (labour));
  g_autoptr(CollabDataset) placed = collab_test_load_fixture_without ("labour-sheets.json", called, 1);

  assert_fails (base, COLLAB_RECORD_KIND_JOB_OFFER, "labour-bad.xlsx", NULL, COLLAB_DATASET_ERROR_INVALID_VALUE,
                ":岗位供给!C3: 岗位数 (positions): expected a count of at least 1, found -3");
  assert_fails (base, COLLAB_RECORD_KIND_WORKER, "labour-bad.xlsx", NULL, COLLAB_DATASET_ERROR_INVALID_VALUE,
                ":就业需求!C2: 意向工种 (wants): expected one of domestic_service (家政服务), logistics (物流配送), "
                "elderly_care (养老服务), catering (餐饮服务), construction (建筑施工), machine_repair (机械修理), "
                "manufacturing (制造业), other (其他), found \"保洁\"");
  assert_fails (placed, COLLAB_RECORD_KIND_FOLLOW_UP, "labour-bad.xlsx", NULL, COLLAB_DATASET_ERROR_INVALID_VALUE,
                ":跟踪服务!A2: 姓名 (placement.worker): 张建国 matches more than one placement on 2021-07-01: "
                "pl-001 (无锡顺达物流有限公司, 2021-03-15–) or pl-005 (延长县人力资源和社会保障局, 2021-06-01–); "
                "write the employer (用工单位) or the placement's id (就业编号)");
}

static void
test_sheets (void)
{
  g_autofree char *path = fixture ("ledger.xlsx");
  g_autofree char *bad = fixture ("old.xls");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sheets = collab_xlsx_list_sheets (path, &error);
  struct { const char *name; CollabRecordKind kind; } named[] = {
    { "派出人员", COLLAB_RECORD_KIND_DISPATCH }, { "Dispatches", COLLAB_RECORD_KIND_DISPATCH },
    { "roster", COLLAB_RECORD_KIND_DISPATCH }, { "结对关系", COLLAB_RECORD_KIND_PAIRING },
    { "资金流水", COLLAB_RECORD_KIND_TRANSACTION }, { "交易", COLLAB_RECORD_KIND_TRANSACTION },
    { "demonstration villages", COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE }, { " 地区 ", COLLAB_RECORD_KIND_REGION },
    { "岗位供给清单", COLLAB_RECORD_KIND_JOB_OFFER }, { "Job Offers", COLLAB_RECORD_KIND_JOB_OFFER },
    { "job_offer", COLLAB_RECORD_KIND_JOB_OFFER }, { "就业需求清单", COLLAB_RECORD_KIND_WORKER },
    { "求职登记", COLLAB_RECORD_KIND_WORKER }, { "workers", COLLAB_RECORD_KIND_WORKER },
    { "就业情况", COLLAB_RECORD_KIND_PLACEMENT }, { "就业", COLLAB_RECORD_KIND_PLACEMENT },
    { "placement", COLLAB_RECORD_KIND_PLACEMENT }, { "跟踪服务", COLLAB_RECORD_KIND_FOLLOW_UP },
    { "就业服务档案", COLLAB_RECORD_KIND_FOLLOW_UP }, { "follow-ups", COLLAB_RECORD_KIND_FOLLOW_UP },
    { "活动", COLLAB_RECORD_KIND_EVENT }, { "招聘会", COLLAB_RECORD_KIND_EVENT }, { "Events", COLLAB_RECORD_KIND_EVENT },
  };
  CollabRecordKind kind;

  g_assert_no_error (error);
  g_assert_cmpstrv (sheets, ((const char *[]) { "汇总", "资金流水", "Sheet3", NULL }));
  g_assert_null (collab_xlsx_list_sheets (bad, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT);

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      g_assert_true (collab_xlsx_sheet_kind (named[i].name, &kind));
      g_assert_cmpint (kind, ==, named[i].kind);
    }
  g_assert_false (collab_xlsx_sheet_kind ("汇总", &kind));
  g_assert_false (collab_xlsx_sheet_kind ("Sheet1", &kind));
}

/* Values ------------------------------------------------------------------- */

static void
test_numbers (void)
{
  struct { const char *cell; const char *text; } cases[] = {
    { "19200000", "19200000" }, { "1920.5", "1920.5" }, { "0.01", "0.01" }, { "1.5E+7", "15000000" },
    { "1.25e-2", "0.0125" }, { "-3E-1", "-0.3" }, { "2.5000", "2.5" }, { "007", "7" }, { "-0", "0" },
    { "0.30000000000000004", "0.30000000000000004" }, { "12345678901234567890", "12345678901234567890" },
  };
  const char *bad[] = { "", "abc", "1E", "1.2.3", "#N/A", "1E999" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = collab_xlsx_plain_number (cases[i].cell);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_null (collab_xlsx_plain_number (bad[i]));
}

static void
test_serial_dates (void)
{
  struct { const char *serial; gboolean date1904; const char *text; } cases[] = {
    { "1", FALSE, "1900-01-01" }, { "59", FALSE, "1900-02-28" },
    /* Excel's 29 February 1900, for the reader to refuse. */
    { "60", FALSE, "1900-02-29" }, { "61", FALSE, "1900-03-01" },
    { "44256", FALSE, "2021-03-01" }, { "44256.5", FALSE, "2021-03-01 12:00:00" },
    { "0", TRUE, NULL }, { "1", TRUE, "1904-01-02" }, { "42794", TRUE, "2021-03-01" },
    { "0", FALSE, NULL }, { "-1", FALSE, NULL }, { "x", FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = collab_xlsx_serial_date (cases[i].serial, cases[i].date1904);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Errors and hostile files ------------------------------------------------- */

static void
test_errors (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");

  assert_fails (dataset, COLLAB_RECORD_KIND_DISPATCH, "leap-1900.xlsx", NULL, COLLAB_DATASET_ERROR_INVALID_VALUE,
                ":dispatches!H3: start: \"1900-02-29\" is not a date in the calendar");
}

static void
test_hostile (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  struct { const char *name; int code; const char *message; } cases[] = {
    { "old.xls", COLLAB_DATASET_ERROR_FORMAT,
      ": the file is an Excel 97–2003 workbook (.xls), and an xlsx workbook is expected" },
    { "encrypted.xlsx", COLLAB_DATASET_ERROR_FORMAT,
      ": the workbook is encrypted with a password, and an xlsx workbook is expected" },
    { "csv-renamed.xlsx", COLLAB_DATASET_ERROR_FORMAT, ": the file is text (a CSV file?), not an xlsx workbook" },
    { "truncated.xlsx", COLLAB_DATASET_ERROR_SYNTAX, ": the zip archive is damaged or cut short" },
    { "bomb.xlsx", COLLAB_DATASET_ERROR_FORMAT,
      ": the part xl/worksheets/sheet1.xml inflates to 67109" },
    /* A zip without xl/workbook.xml, with a word-processing document's part. */
    { "no-workbook.xlsx", COLLAB_DATASET_ERROR_FORMAT,
      ": the file is a Word document (.docx), not an xlsx workbook" },
    { "malformed.xlsx", COLLAB_DATASET_ERROR_SYNTAX, ": xl/worksheets/sheet1.xml:2: the XML is malformed" },
    { "bad-shared.xlsx", COLLAB_DATASET_ERROR_SYNTAX,
      ":dispatches!C1: the cell refers to shared string \"5\", which the workbook does not have" },
    { "doctype.xlsx", COLLAB_DATASET_ERROR_SYNTAX,
      ": xl/worksheets/sheet1.xml: the part declares a document type, which no workbook does" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_fails (dataset, COLLAB_RECORD_KIND_DISPATCH, cases[i].name, NULL, cases[i].code, cases[i].message);
}

/* Bytes that are no workbook, from memory: empty, and a zip of nothing. */
static void
test_hostile_data (void)
{
  g_autoptr(CollabDataset) dataset = collab_dataset_new ();
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) empty_zip = g_bytes_new_static ("PK\005\006" "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 22);
  g_autoptr(GError) error = NULL;

  g_assert_false (collab_dataset_import_xlsx_data (dataset, COLLAB_RECORD_KIND_REGION, empty, NULL, NULL, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, "<data>: the file is empty: expected an xlsx workbook");
  g_clear_error (&error);
  g_assert_false (collab_dataset_import_xlsx_data (dataset, COLLAB_RECORD_KIND_REGION, empty_zip, "e.xlsx", NULL,
                                                   &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, "e.xlsx: the file is an empty zip archive, not an xlsx workbook");
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_REGION), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/xlsx/import/roster", test_roster);
  g_test_add_func ("/collab/xlsx/import/inline", test_inline);
  g_test_add_func ("/collab/xlsx/import/ledger", test_ledger);
  g_test_add_func ("/collab/xlsx/import/labour", test_labour);
  g_test_add_func ("/collab/xlsx/errors/labour", test_labour_errors);
  g_test_add_func ("/collab/xlsx/sheets", test_sheets);
  g_test_add_func ("/collab/xlsx/values/numbers", test_numbers);
  g_test_add_func ("/collab/xlsx/values/serial-dates", test_serial_dates);
  g_test_add_func ("/collab/xlsx/errors/place", test_errors);
  g_test_add_func ("/collab/xlsx/errors/hostile", test_hostile);
  g_test_add_func ("/collab/xlsx/errors/hostile-data", test_hostile_data);

  return g_test_run ();
}
