/* test-csv.c: CSV import and export (io/collab-csv-*.c, SPEC §8)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <libcollab/collab.h>
#include <libcollab/collab-csv.h>

#include "io/collab-csv-private.h"
#include "collab-test-util.h"

/* The fixtures in tests/csv/: roster-zh.csv has Chinese headers and
 * values, roster-gb18030.csv is the same bytes through `iconv -t GB18030`,
 * roster-bom.csv has a BOM, English headers and CRLF line ends. */

/* Checks a call's result after its error, so a failure shows the message. */
static void
assert_ok (gboolean   ok,
           GError   **error)
{
  g_assert_no_error (*error);
  g_assert_true (ok);
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("COLLAB_TEST_SRCDIR"), "csv", name, NULL);
}

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  assert_ok (g_file_get_contents (path, &data, length, &error), &error);
  return data;
}

static CollabDataset *
load_wuxi (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("COLLAB_TEST_DATA"), "wuxi-2021.json", NULL);
  g_autoptr(GError) error = NULL;
  CollabDataset *dataset = collab_dataset_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
merge (CollabDataset *dataset,
       const char    *json)
{
  g_autoptr(GError) error = NULL;

  assert_ok (collab_dataset_merge_from_data (dataset, json, -1, &error), &error);
}

static void
import (CollabDataset    *dataset,
        CollabRecordKind  kind,
        const char       *csv)
{
  g_autoptr(GError) error = NULL;

  assert_ok (collab_dataset_import_csv_data (dataset, kind, csv, -1, "test.csv", &error), &error);
}

/* A failed import reports @code and @message, and changes nothing. */
static void
assert_import_fails (CollabDataset    *dataset,
                     CollabRecordKind  kind,
                     const char       *csv,
                     gssize            length,
                     int               code,
                     const char       *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = collab_dataset_to_data (dataset, NULL);
  g_autofree char *after = NULL;

  g_assert_false (collab_dataset_import_csv_data (dataset, kind, csv, length, "roster.csv", &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  after = collab_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* RFC 4180 ----------------------------------------------------------------- */

static void
free_rows (GPtrArray *rows)
{
  g_ptr_array_unref (rows);
}

static GPtrArray *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = collab_csv_parse (text, strlen (text), "t.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
assert_row (GPtrArray  *rows,
            guint       index,
            guint       line,
            const char *const *cells)
{
  const CollabCsvRow *row = g_ptr_array_index (rows, index);

  g_assert_cmpuint (row->line, ==, line);
  g_assert_cmpuint (row->n_cells, ==, g_strv_length ((char **) cells));
  for (guint i = 0; i < row->n_cells; i++)
    g_assert_cmpstr (row->cells[i], ==, cells[i]);
}

static void
test_parse_rfc4180 (void)
{
  GPtrArray *rows;

  /* Quoted commas, doubled quotes, a line break in a quoted cell, CRLF,
   * a blank line and a trailing empty line. */
  rows = parse ("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nlast,,\n\n");
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, 1, (const char *[]) { "a", "b", "c", NULL });
  assert_row (rows, 1, 2, (const char *[]) { "x, y", "say \"hi\"", "two\nlines", NULL });
  assert_row (rows, 2, 5, (const char *[]) { "last", "", "", NULL });
  free_rows (rows);

  /* LF only, no line break at the end, an empty quoted cell. */
  rows = parse ("a,b\nc,\"\"");
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 1, 2, (const char *[]) { "c", "", NULL });
  free_rows (rows);

  /* The lone CR of old Mac spreadsheets; a quote inside an unquoted cell. */
  rows = parse ("a,b\r12\" screen,d\r");
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 1, 2, (const char *[]) { "12\" screen", "d", NULL });
  free_rows (rows);

  /* A quoted CRLF is kept and counted as one line. */
  rows = parse ("a\r\n\"1\r\n2\"\r\nb\r\n");
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 1, 2, (const char *[]) { "1\r\n2", NULL });
  assert_row (rows, 2, 4, (const char *[]) { "b", NULL });
  free_rows (rows);
}

static void
test_parse_errors (void)
{
  struct { const char *text; const char *message; } cases[] = {
    { "a,b\n1,\"open\n\n", "t.csv:2:2: the quoted cell that starts here has no closing quote" },
    { "a,b\n\"x\"y,z\n", "t.csv:2:1: the quoted cell is followed by \"y\": a closing quote must end the "
                           "cell (write \"\" for a quote inside a quoted cell)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *rows = collab_csv_parse (cases[i].text, strlen (cases[i].text), "t.csv", &error);

      g_assert_null (rows);
      g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_append_cell (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  collab_csv_append_cell (out, "plain 文字");
  g_string_append_c (out, ',');
  collab_csv_append_cell (out, "a, \"b\"\nc");
  g_string_append_c (out, ',');
  collab_csv_append_cell (out, "");
  g_assert_cmpstr (out->str, ==, "plain 文字,\"a, \"\"b\"\"\nc\",");
}

/* Encodings ---------------------------------------------------------------- */

static char *
decode (const char  *data,
        gsize        length,
        GError     **error)
{
  gsize text_length = 0;
  char *text = collab_csv_decode (data, length, "t.csv", &text_length, error);

  if (text != NULL)
    g_assert_cmpuint (text_length, ==, strlen (text));
  return text;
}

static void
test_decode (void)
{
  const char *utf8 = "编号,姓名\nx001,张三\n";
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", utf8, NULL);
  g_autofree char *gb = NULL;
  g_autoptr(GError) error = NULL;
  gsize gb_length;
  char *text;

  text = decode (utf8, strlen (utf8), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, utf8);
  g_free (text);

  text = decode (bom, strlen (bom), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, utf8);
  g_free (text);

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (gb, gb_length, NULL));
  text = decode (gb, gb_length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, utf8);
  g_free (text);

  /* GB18030 is all of GBK: four-byte sequences read too. */
  {
    const char *rare = "a\n𠀀\n";
    g_autofree char *bytes = g_convert (rare, -1, "GB18030", "UTF-8", NULL, &gb_length, &error);

    g_assert_no_error (error);
    text = decode (bytes, gb_length, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (text, ==, rare);
    g_free (text);
  }
}

static void
test_decode_errors (void)
{
  g_autoptr(GString) gb = g_string_new (NULL);
  g_autoptr(GString) damaged = g_string_new (NULL);
  g_autofree char *head = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  /* Bytes that neither UTF-8 nor GB18030 read: 0xFF is no GB18030 lead
   * byte. The position is the cell the byte is in. */
  head = g_convert ("编号,姓名\nx001,张三\nx002,李", -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_string_append_len (gb, head, length);
  g_string_append (gb, "\xff\n");
  g_assert_null (decode (gb->str, gb->len, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "t.csv:3:2: 姓名: the byte 0xFF (at offset 27) is neither UTF-8 "
                                       "nor GB18030; save the file as UTF-8 or GB18030 CSV");
  g_clear_error (&error);

  /* A UTF-8 file with one damaged byte is not read as GB18030 garbage. */
  g_string_append (damaged, "编号,姓名,职业\nd001,张三,教师\nd002,\"李四\n李\",医");
  g_string_append (damaged, "\xe7\n");
  g_assert_null (decode (damaged->str, damaged->len, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "t.csv:4:3: 职业: the byte 0xE7 (at offset 61) is not UTF-8, and "
                                       "the rest of the file is; save the file as UTF-8 or GB18030 CSV");
  g_clear_error (&error);

  /* A BOM says UTF-8: a bad byte after it is an error, not GB18030. */
  g_assert_null (decode ("\xef\xbb\xbf" "id\n\xc4\xe3\n", 9, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "t.csv:2:1: id: the byte 0xC4 (at offset 6) is not UTF-8"));
  g_clear_error (&error);

  g_assert_null (decode ("\xff\xfei\0d\0", 6, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "t.csv:1:1: the file is UTF-16; save it as \"CSV UTF-8\" (or GB18030 CSV)");
  g_clear_error (&error);

  /* NUL is no character of a spreadsheet. */
  g_assert_null (decode ("id\nab\0c\n", 8, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "t.csv:2:1: id: the byte 0x00 (at offset 5)"));
}

/* Import ------------------------------------------------------------------- */

static void
check_zh_roster (CollabDataset *dataset)
{
  g_autoptr(CollabRecord) person = NULL;
  g_autofree char *json = NULL;

  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_DISPATCH), ==, 4);
  /* x001 has two rows and is created once. */
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PERSON), ==, 3);

  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d001", "person", "x001");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d001", "kind", "professional");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d001", "direction", "outbound");
  /* 江阴市 and 延川县 are names of regions; the ids are stored. */
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d001", "from", "jiangyin");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d001", "to", "yanchuan");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d001", "start", "2021-03-01");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d001", "planned_end", "2022-02-28");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d001", "备注", "支教，初中数学");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d002", "start", "2022-03-01");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d002", "planned_end", "2023-02-28");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d003", "start", "2021-03-01");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d003", "planned_end", "2021-08-31");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d004", "kind", "short_term");

  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, "x001", "name", "张三");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, "x001", "profession", "teacher");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, "x002", "profession", "doctor");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, "x003", "profession", "agriculture");

  /* An empty cell is a member not given; unknown columns survive into
   * the dataset document. */
  person = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_DISPATCH, "d002");
  g_assert_false (collab_record_has_field (person, "备注"));
  json = collab_dataset_to_data (dataset, NULL);
  g_assert_nonnull (strstr (json, "\"备注\": \"支教，初中数学\""));
}

static void
count_changes (CollabDataset *dataset,
               guint         *count)
{
  (*count)++;
}

static void
test_import_chinese (void)
{
  g_autoptr(CollabDataset) dataset = load_wuxi ();
  g_autofree char *path = fixture_path ("roster-zh.csv");
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (dataset, "changed", G_CALLBACK (count_changes), &changed);

  assert_ok (collab_dataset_import_csv (dataset, COLLAB_RECORD_KIND_DISPATCH, path, &error), &error);
  g_assert_cmpuint (changed, ==, 1);
  check_zh_roster (dataset);
}

static void
test_import_gb18030 (void)
{
  g_autoptr(CollabDataset) utf8 = load_wuxi ();
  g_autoptr(CollabDataset) gb = load_wuxi ();
  g_autoptr(CollabDataset) converted = load_wuxi ();
  g_autofree char *path = fixture_path ("roster-gb18030.csv");
  g_autofree char *zh = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autoptr(GError) error = NULL;
  gsize length, bytes_length;

  zh = read_fixture ("roster-zh.csv", &length);
  import (utf8, COLLAB_RECORD_KIND_DISPATCH, zh);

  /* The committed fixture, made with `iconv -t GB18030`. */
  assert_ok (collab_dataset_import_csv (gb, COLLAB_RECORD_KIND_DISPATCH, path, &error), &error);
  check_zh_roster (gb);

  /* The same bytes made here. */
  bytes = g_convert (zh, length, "GB18030", "UTF-8", NULL, &bytes_length, &error);
  g_assert_no_error (error);
  assert_ok (collab_dataset_import_csv_data (converted, COLLAB_RECORD_KIND_DISPATCH, bytes,
                                             (gssize) bytes_length, "gb.csv", &error), &error);

  a = collab_dataset_to_data (utf8, NULL);
  b = collab_dataset_to_data (gb, NULL);
  c = collab_dataset_to_data (converted, NULL);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, c);
}

static void
test_import_bom_english (void)
{
  g_autoptr(CollabDataset) dataset = load_wuxi ();
  g_autofree char *path = fixture_path ("roster-bom.csv");
  g_autoptr(CollabRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  /* A BOM, CRLF line ends, headers in any case, a quoted comma. */
  assert_ok (collab_dataset_import_csv (dataset, COLLAB_RECORD_KIND_DISPATCH, path, &error), &error);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_DISPATCH), ==, 2);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PERSON), ==, 2);
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, "y002", "name", "Qian, Qi");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, "y001", "profession", "doctor");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DISPATCH, "d101", "actual_end", "2021-12-31");
  record = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_DISPATCH, "d102");
  g_assert_false (collab_record_has_field (record, "actual_end"));
  g_assert_false (collab_record_has_field (record, "id\xef\xbb\xbf"));
}

static const char base_funds[] =
  "{\"format\": \"libcollab-dataset\", \"version\": 1,"
  " \"accounts\": [{\"id\": \"acc-js\", \"holder\": \"js-finance\", \"source\": true},"
  "                {\"id\": \"acc-sn\", \"holder\": \"sn-finance\"}]}";

static void
test_import_quoted (void)
{
  g_autoptr(CollabDataset) dataset = load_wuxi ();
  g_autoptr(CollabRecord) record = NULL;

  merge (dataset, base_funds);

  /* CRLF; a quoted cell with a comma, doubled quotes and a line break; a
   * parent further down; bare numbers under 金额（万元） are 万. */
  import (dataset, COLLAB_RECORD_KIND_TRANSACTION,
          "编号,类型,转出,转入,金额（万元）,日期,预算年度,规划,文件,上级\r\n"
          "t1,下达,,acc-sn,1920,2021-04-15,2021年,wuxi-2021,《关于下达2021年苏陕协作项目资金计划的通知》,\r\n"
          "t2,拨付,acc-js,acc-sn,1920万,2021/5/10,,无锡市“十四五”东西部协作规划,"
          "\"苏财\"\"协作\"\"〔2021〕1号, 第2页\r\n续\",t3\r\n"
          "t3,transfer,acc-js,acc-sn,0.5,2021/5/9,,,,\r\n");

  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_TRANSACTION), ==, 3);
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t1", "type", "allocation");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t1", "amount", "19200000.00");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t1", "document",
                             "《关于下达2021年苏陕协作项目资金计划的通知》");
  record = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t1");
  g_assert_cmpint (collab_record_get_int (record, "budget_year"), ==, 2021);
  g_assert_false (collab_record_has_field (record, "from"));
  g_assert_false (collab_record_has_field (record, "parent"));

  /* Accounts have no name and are named by id; a program may be named
   * by its name. */
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t2", "type", "transfer");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t2", "program", "wuxi-2021");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t2", "document", "苏财\"协作\"〔2021〕1号, 第2页\r\n续");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t2", "date", "2021-05-10");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t2", "parent", "t3");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t3", "amount", "5000.00");
}

static void
test_import_projects (void)
{
  g_autoptr(CollabDataset) dataset = load_wuxi ();
  g_autoptr(CollabRecord) record = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  import (dataset, COLLAB_RECORD_KIND_PROJECT,
          "项目名称,编号,所在县,类别,子类别,预算,入库,状态,状态日期\n"
          "延川县苹果良种苗木繁育基地,prj-apple,延川县,产业,speciality_farming,500万,是,备案,2021年6月1日\n"
          "  劳务车间  ,prj-work,yanchang,Labour,,300.50,否,,\n"
          "培训,prj-train,yanchang,talent,,,1,planned,2021-01-05\n");

  record = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PROJECT, "prj-apple");
  g_assert_cmpstr (collab_record_get_string (record, "county"), ==, "yanchuan");
  g_assert_cmpstr (collab_record_get_string (record, "category"), ==, "industry");
  g_assert_cmpstr (collab_record_get_string (record, "budget"), ==, "5000000.00");
  g_assert_true (collab_record_get_boolean (record, "in_reserve"));
  node = collab_record_to_json (record);
  json = json_to_string (node, FALSE);
  g_assert_nonnull (strstr (json, "\"status\":[{\"status\":\"filed\",\"date\":\"2021-06-01\"}]"));

  g_clear_object (&record);
  record = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PROJECT, "prj-work");
  g_assert_cmpstr (collab_record_get_string (record, "name"), ==, "劳务车间");
  g_assert_cmpstr (collab_record_get_string (record, "category"), ==, "labour");
  g_assert_cmpstr (collab_record_get_string (record, "budget"), ==, "300.50");
  g_assert_false (collab_record_get_boolean (record, "in_reserve"));
  g_assert_false (collab_record_has_field (record, "status"));

  /* A status without its date: the reader says what is missing, of the
   * status column. */
  assert_import_fails (dataset, COLLAB_RECORD_KIND_PROJECT,
                       "id,name,county,category,status\np2,x,yanchuan,industry,filed\n", -1,
                       COLLAB_DATASET_ERROR_MISSING_MEMBER,
                       "roster.csv:2:5: status: a status needs the member \"date\"");
}

static void
test_import_people_once (void)
{
  g_autoptr(CollabDataset) dataset = load_wuxi ();
  const char *header = "id,person,name,profession,organization,kind,direction,from,to,start,planned_end\n";
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other = NULL;

  first = g_strconcat (header,
                       "d1,x1,张三,teacher,wuxi-drc,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n"
                       "d2,x1,,教师,,professional,outbound,jiangyin,yanchuan,2022-03-01,2023-02-28\n"
                       "d3,x1,张三,,无锡市发改委,professional,outbound,jiangyin,yanchuan,2023-03-01,2024-02-28\n"
                       "d4,x2,,医生,,cadre,outbound,jiangyin,yanchuan,2021-03-01,2024-02-28\n", NULL);
  import (dataset, COLLAB_RECORD_KIND_DISPATCH, first);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PERSON), ==, 2);
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, "x1", "organization", "wuxi-drc");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PERSON, "x2", "profession", "doctor");

  /* The people now exist: a second roster agrees with them and adds no one. */
  again = g_strconcat (header, "d5,x1,张三,teacher,,professional,outbound,jiangyin,yanchuan,2024-03-01,2025-02-28\n", NULL);
  import (dataset, COLLAB_RECORD_KIND_DISPATCH, again);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PERSON), ==, 2);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_DISPATCH), ==, 5);

  /* … or contradicts them, which names the row. */
  other = g_strconcat (header,
                       "d6,x3,,other,,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n"
                       "d7,x1,,doctor,,professional,outbound,jiangyin,yanchuan,2024-03-01,2025-02-28\n", NULL);
  assert_import_fails (dataset, COLLAB_RECORD_KIND_DISPATCH, other, -1, COLLAB_DATASET_ERROR_INCONSISTENT,
                       "roster.csv:3:4: profession: the person \"x1\" has the profession \"teacher\" in the "
                       "dataset, and this row says \"doctor\"");
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PERSON), ==, 2);
}

static void
test_import_names (void)
{
  g_autoptr(CollabDataset) dataset = load_wuxi ();

  merge (dataset, "{\"format\": \"libcollab-dataset\", \"version\": 1, \"regions\": ["
                  "{\"id\": \"xq-1\", \"name\": \"新区\", \"level\": \"county\", \"parent\": \"wuxi\"},"
                  "{\"id\": \"xq-2\", \"name\": \"新区\", \"level\": \"county\", \"parent\": \"yanan\"}]}");

  /* A name that two regions have must be written as an id. */
  assert_import_fails (dataset, COLLAB_RECORD_KIND_DISPATCH,
                       "id,person,kind,direction,from,to,start,planned_end\n"
                       "d1,x1,cadre,outbound,新区,yanchuan,2021-03-01,2021-12-31\n", -1,
                       COLLAB_DATASET_ERROR_INVALID_VALUE,
                       "roster.csv:2:5: from: \"新区\" is the name of more than one record "
                       "(region \"xq-1\", region \"xq-2\"): write the id");

  /* Regions of the same file may be named too, and an id wins over a name. */
  import (dataset, COLLAB_RECORD_KIND_REGION,
          "id,name,level,parent,flags,code\n"
          "v1,某村,village,v-town,脱贫县、national_key,\"610622101\"\n"
          "v-town,某镇,乡镇,延川县,,\n"
          "v2,v1,村,某镇,,\n"
          "v3,某村3,village,v1,,\n");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_REGION, "v1", "parent", "v-town");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_REGION, "v-town", "parent", "yanchuan");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_REGION, "v-town", "level", "township");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_REGION, "v2", "parent", "v-town");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_REGION, "v2", "level", "village");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_REGION, "v3", "parent", "v1");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_REGION, "v1", "code", "610622101");
  {
    g_autoptr(CollabRecord) village = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_REGION, "v1");
    g_auto(GStrv) flags = collab_record_get_strv (village, "flags");

    g_assert_cmpuint (g_strv_length (flags), ==, 2);
    g_assert_cmpstr (flags[0], ==, "poverty_lifted");
    g_assert_cmpstr (flags[1], ==, "national_key");
  }
}

/* Errors name the file, the row and the column ----------------------------- */

#define ROSTER "id,person,profession,kind,direction,from,to,start,planned_end\n"
#define GOOD_ROW "d1,p1,teacher,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n"

typedef struct
{
  const char *csv;
  gssize      length;
  int         code;
  const char *message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  /* Bad dates: not a date at all, and not in the calendar. */
  { ROSTER GOOD_ROW "d2,p1,teacher,professional,outbound,jiangyin,yanchuan,March 1,2022-02-28\n", -1,
    COLLAB_DATASET_ERROR_INVALID_VALUE,
    "roster.csv:3:8: start: expected a date such as 2021-03-01, 2021/3/1, 2021.3.1 or 2021年3月1日, "
    "found \"March 1\"" },
  { ROSTER "d1,p1,teacher,professional,outbound,jiangyin,yanchuan,2021/2/29,2022-02-28\n", -1,
    COLLAB_DATASET_ERROR_INVALID_VALUE,
    "roster.csv:2:8: start: \"2021-02-29\" is not a date in the calendar: month 02 of 2021 has 28 days" },
  /* An unknown profession. */
  { ROSTER "d1,p1,厨师,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n", -1,
    COLLAB_DATASET_ERROR_INVALID_VALUE,
    "roster.csv:2:3: profession: expected one of teacher (教师), doctor (医生), agriculture (农业), "
    "other (其他), found \"厨师\"" },
  /* A required column missing. */
  { "id,person,profession,kind,direction,from,to,start\n"
    "d1,p1,teacher,professional,outbound,jiangyin,yanchuan,2021-03-01\n", -1,
    COLLAB_DATASET_ERROR_MISSING_MEMBER,
    "roster.csv:1:1: the header has no column \"planned_end\" (or \"计划结束日期\"), which every dispatch needs" },
  { "id,person,profession,kind,to,start\n", -1,
    COLLAB_DATASET_ERROR_MISSING_MEMBER,
    "roster.csv:1:1: the header has no columns \"direction\" (or \"方向\"), \"from\" (or \"派出地\"), "
    "\"planned_end\" (or \"计划结束日期\"), which every dispatch needs" },
  /* A required cell empty. */
  { ROSTER "d1,p1,teacher,,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n", -1,
    COLLAB_DATASET_ERROR_MISSING_MEMBER,
    "roster.csv:2:4: kind: the cell is empty, and every dispatch needs one" },
  /* Too few and too many cells. */
  { ROSTER GOOD_ROW "d2,p1,teacher,professional,outbound,jiangyin,yanchuan,2021-03-01\n", -1,
    COLLAB_DATASET_ERROR_SYNTAX,
    "roster.csv:3:9: planned_end: the row has 8 cells, and the header 9" },
  { ROSTER "d1,p1,teacher,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28,x\n", -1,
    COLLAB_DATASET_ERROR_SYNTAX,
    "roster.csv:2:10: the row has 10 cells, and the header 9" },
  /* A reference to a region the dataset does not have. */
  { ROSTER "d1,p1,teacher,professional,outbound,jiangyin,nowhere,2021-03-01,2022-02-28\n", -1,
    COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
    "roster.csv:2:7: to: no region has the id \"nowhere\"" },
  /* An end before the start, under an English and a Chinese header. */
  { ROSTER "d1,p1,teacher,professional,outbound,jiangyin,yanchuan,2021-03-01,2021-01-01\n", -1,
    COLLAB_DATASET_ERROR_INCONSISTENT,
    "roster.csv:2:9: planned_end: ends on 2021-01-01, before it starts on 2021-03-01" },
  { "编号,人员编号,职业,派出类型,方向,派出地,派往地,开始日期,计划结束日期\n"
    "d1,p1,教师,专业技术人才,选派,江阴市,延川县,2021-03-01,2021-01-01\n", -1,
    COLLAB_DATASET_ERROR_INCONSISTENT,
    "roster.csv:2:9: 计划结束日期 (planned_end): ends on 2021-01-01, before it starts on 2021-03-01" },
  { "id,person,profession,kind,planned_end,direction,from,to,start\n"
    "d1,p1,teacher,professional,2022-02-28,outbound,jiangyin,yanchuan,2021-03-01\n"
    "d2,p1,teacher,professional,2022-02-28,outbound,jiangyin,yanchuan,2021-03-01\n"
    "\n"
    "d3,p1,teacher,professional,2022-02-28,outbound,jiangyin,yanchuan,2021-03-01\n"
    ",,,,,,,,\n"
    "d4,p1,teacher,professional,2021-01-01,outbound,jiangyin,yanchuan,2021-03-01\n", -1,
    COLLAB_DATASET_ERROR_INCONSISTENT,
    "roster.csv:7:5: planned_end: ends on 2021-01-01, before it starts on 2021-03-01" },
  /* Undecodable bytes. */
  { ROSTER GOOD_ROW "d2,p\xff,teacher\n", -1,
    COLLAB_DATASET_ERROR_SYNTAX,
    "roster.csv:3:2: person: the byte 0xFF (at offset 142) is neither UTF-8 nor GB18030; "
    "save the file as UTF-8 or GB18030 CSV" },
  /* Malformed CSV. */
  { ROSTER "d1,\"p1,teacher\n", -1,
    COLLAB_DATASET_ERROR_SYNTAX,
    "roster.csv:2:2: the quoted cell that starts here has no closing quote" },
  { "", 0, COLLAB_DATASET_ERROR_SYNTAX,
    "roster.csv:1:1: the file is empty: expected a header row naming the columns" },
  /* Ids taken, in the file and in the dataset. */
  { ROSTER GOOD_ROW GOOD_ROW, -1, COLLAB_DATASET_ERROR_DUPLICATE_ID,
    "roster.csv:3:1: id: line 2 already has the dispatch id \"d1\"" },
  { "id,name,level\nyanchuan,延川县,county\n", -1, COLLAB_DATASET_ERROR_DUPLICATE_ID,
    "roster.csv:2:1: id: the dataset already has a region with the id \"yanchuan\"" },
  /* Two columns for one member. */
  { "id,person,profession,kind,direction,from,to,start,planned_end,派出地\n", -1,
    COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
    "roster.csv:1:10: 派出地 (from): column 6 (from) already gives \"from\"" },
  /* A roster's people: contradicting each other, or never given a profession. */
  { ROSTER GOOD_ROW "d2,p1,doctor,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n", -1,
    COLLAB_DATASET_ERROR_INCONSISTENT,
    "roster.csv:3:3: profession: line 2 gives the person \"p1\" the profession \"teacher\", and this "
    "row says \"doctor\"" },
  { "id,person,name,kind,direction,from,to,start,planned_end\n"
    "d1,p1,张三,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n", -1,
    COLLAB_DATASET_ERROR_MISSING_MEMBER,
    "roster.csv:2:2: person: the person \"p1\" is not in the dataset, and none of its rows gives the "
    "profession a new person needs" },
  /* Without person columns, the person must exist. */
  { "id,person,kind,direction,from,to,start,planned_end\n"
    "d1,p1,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n", -1,
    COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
    "roster.csv:2:2: person: no person has the id \"p1\"" },
  /* A person's organization that does not exist: the person's row and column. */
  { "id,person,profession,单位,kind,direction,from,to,start,planned_end\n"
    "d1,p1,teacher,,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n"
    "d2,p1,teacher,某中学,professional,outbound,jiangyin,yanchuan,2022-03-01,2023-02-28\n", -1,
    COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
    "roster.csv:3:4: 单位 (organization): no organization has the id \"某中学\"" },
  /* A post that is not a post; a value in a column without a header. */
  { "id,person,profession,kind,direction,from,to,start,planned_end,post\n"
    "d1,p1,teacher,cadre,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28,none\n", -1,
    COLLAB_DATASET_ERROR_INVALID_VALUE,
    "roster.csv:2:10: post: expected one of working_group (工作组), liaison (联络员), found \"none\"" },
  { "id,person,profession,kind,direction,from,to,start,planned_end,\n"
    "d1,p1,teacher,cadre,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28,x\n", -1,
    COLLAB_DATASET_ERROR_INVALID_VALUE,
    "roster.csv:2:10: \"x\" is in a column without a header" },
};

static void
test_errors (void)
{
  g_autoptr(CollabDataset) dataset = load_wuxi ();

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      CollabRecordKind kind = g_str_has_prefix (c->csv, "id,name,level") ? COLLAB_RECORD_KIND_REGION
                                                                         : COLLAB_RECORD_KIND_DISPATCH;

      g_test_message ("case %u: %s", i, c->message);
      assert_import_fails (dataset, kind, c->csv, c->length, c->code, c->message);
    }
}

typedef struct
{
  CollabRecordKind  kind;
  const char       *csv;
  int               code;
  const char       *message;
} KindErrorCase;

static const KindErrorCase kind_error_cases[] = {
  /* A transfer into a source account: a check of the whole store,
   * mapped back to its row. */
  { COLLAB_RECORD_KIND_TRANSACTION,
    "id,type,from,to,amount,date\n"
    "t1,transfer,acc-js,acc-sn,1万,2021-05-01\n"
    "t2,transfer,acc-sn,acc-js,1万,2021-05-02\n",
    COLLAB_DATASET_ERROR_INCONSISTENT,
    "roster.csv:3:4: to: \"acc-js\" is a source account: money enters the program there "
    "and is never transferred into it" },
  /* An allocation without a `to` column at all. */
  { COLLAB_RECORD_KIND_TRANSACTION,
    "id,type,amount,date\nt1,allocation,1万,2021-05-01\n",
    COLLAB_DATASET_ERROR_MISSING_MEMBER,
    "roster.csv:2:1: to: a plan or an allocation needs the member \"to\"" },
  { COLLAB_RECORD_KIND_TRANSACTION,
    "id,type,to,amount,date\nt1,allocation,acc-sn,300.505,2021-05-01\n",
    COLLAB_DATASET_ERROR_INVALID_VALUE,
    "roster.csv:2:4: amount: \"300.505\": an amount is exact to the fen (two decimals of a yuan, "
    "six of 万, ten of 亿)" },
  { COLLAB_RECORD_KIND_TRANSACTION,
    "id,type,to,amount,date,budget_year\nt1,allocation,acc-sn,1万,2021-05-01,明年\n",
    COLLAB_DATASET_ERROR_INVALID_VALUE,
    "roster.csv:2:6: budget_year: expected a year such as 2021, found \"明年\"" },
  { COLLAB_RECORD_KIND_PAIRING,
    "id,program,assisting,assisted,level,period.first_year,period.last_year\n"
    "p1,wuxi-2021,jiangyin,yanchuan,county,2023,2021\n",
    COLLAB_DATASET_ERROR_INCONSISTENT,
    "roster.csv:2:7: period.last_year: the period ends in 2021, before it starts in 2023" },
  { COLLAB_RECORD_KIND_PROGRAM,
    "id,name,kind,first_year,last_year,assisting,assisted,fund_base\n",
    COLLAB_DATASET_ERROR_TYPE,
    "roster.csv:1:8: fund_base: a program holds a list of records here, which a CSV column cannot" },
  { COLLAB_RECORD_KIND_ACCOUNT,
    "id,holder,source\nacc-x,js-finance,maybe\n",
    COLLAB_DATASET_ERROR_INVALID_VALUE,
    "roster.csv:2:3: source: expected 是 or 否 (true or false, 1 or 0), found \"maybe\"" },
};

static void
test_errors_other_kinds (void)
{
  g_autoptr(CollabDataset) dataset = load_wuxi ();

  merge (dataset, base_funds);
  for (guint i = 0; i < G_N_ELEMENTS (kind_error_cases); i++)
    {
      const KindErrorCase *c = &kind_error_cases[i];

      g_test_message ("case %u: %s", i, c->message);
      assert_import_fails (dataset, c->kind, c->csv, -1, c->code, c->message);
    }
}

static void
test_atomic (void)
{
  g_autoptr(CollabDataset) dataset = load_wuxi ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = collab_dataset_to_data (dataset, NULL);
  g_autofree char *after = NULL;
  const char *bad =
    "id,person,profession,kind,direction,from,to,start,planned_end\n"
    "d1,p1,teacher,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n"
    "d2,p2,doctor,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n"
    "d3,p3,doctor,professional,outbound,jiangyin,atlantis,2021-03-01,2022-02-28\n";
  const char *good =
    "id,person,profession,kind,direction,from,to,start,planned_end\n"
    "d1,p1,teacher,professional,outbound,jiangyin,yanchuan,2021-03-01,2022-02-28\n";

  /* The last row fails when the reader resolves references, after two
   * people and two dispatches were read: none of them stays. */
  g_assert_false (collab_dataset_import_csv_data (dataset, COLLAB_RECORD_KIND_DISPATCH, bad, -1, "r.csv", &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_DANGLING_REFERENCE);
  g_assert_cmpstr (error->message, ==, "r.csv:4:7: to: no region has the id \"atlantis\"");
  g_clear_error (&error);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PERSON), ==, 0);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_DISPATCH), ==, 0);
  after = collab_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (after, ==, before);

  /* Nothing of the failed import lingers: its ids are free again. */
  import (dataset, COLLAB_RECORD_KIND_DISPATCH, good);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PERSON), ==, 1);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_DISPATCH), ==, 1);

  g_assert_false (collab_dataset_import_csv (dataset, COLLAB_RECORD_KIND_DISPATCH, "/nonexistent/roster.csv", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* Transactions from a spreadsheet (collab_dataset_import_csv_data), with
 * Chinese headers, a unit in the amount's header, dates in three forms
 * and a BOM, into the money chain of tests/data/funds.json: the fund
 * rules judge them like any others. */
static void
test_import_transactions (void)
{
  static const char csv[] =
    "\xef\xbb\xbf编号,类型,转出,转入,金额（万元）,日期,规划,上级,用途\n"
    "c1,拨付,acc-js,acc-yanan,1000,2021-05-10,p,,\n"
    "c2,拨付,acc-yanan,acc-yanchuan,1200,2021/5/12,,c1,\n"
    "c3,拨付,acc-yanchuan,prj-apple,1000,2021年6月1日,,c2,\n"
    "c4,支出,prj-apple,,12.5,2021-06-02,,c3,office_premises\n";
  g_autoptr(CollabDataset) dataset = collab_test_load_fixture ("funds.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) overdraw = NULL;
  g_autoptr(GPtrArray) prohibited = NULL;
  CollabFinding *finding;

  if (!collab_dataset_import_csv_data (dataset, COLLAB_RECORD_KIND_TRANSACTION, csv, -1, "ledger.csv", &error))
    g_error ("%s", error->message);

  overdraw = collab_test_check_as_of (dataset, "fund.overdraw", "2021-12-31");
  finding = collab_test_assert_one_finding (overdraw);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "date"), ==, "2021-05-12");
  collab_test_assert_string_value (collab_finding_get_actual (finding), "12000000.00");

  prohibited = collab_test_check_as_of (dataset, "fund.prohibited_use", "2021-12-31");
  finding = collab_test_assert_one_finding (prohibited);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "transaction"), ==, "c4");
}

/* Export ------------------------------------------------------------------- */

static const char small_dataset[] =
  "{\"format\": \"libcollab-dataset\", \"version\": 1,"
  " \"regions\": ["
  "  {\"id\": \"js\", \"name\": \"江苏省\", \"level\": \"province\", \"side\": \"east\"},"
  "  {\"id\": \"wx\", \"name\": \"无锡市\", \"level\": \"city\", \"parent\": \"js\"},"
  "  {\"id\": \"sx\", \"name\": \"陕西省\", \"level\": \"province\", \"side\": \"west\"},"
  "  {\"id\": \"ya\", \"name\": \"延安市\", \"level\": \"city\", \"parent\": \"sx\"},"
  "  {\"id\": \"yc\", \"name\": \"延川县\", \"level\": \"county\", \"parent\": \"ya\","
  "   \"flags\": [\"poverty_lifted\", \"national_key\"], \"note\": \"a, \\\"quoted\\\"\\nnote\","
  "   \"tags\": [\"x\"]}],"
  " \"programs\": [{\"id\": \"p\", \"name\": \"规划\", \"kind\": \"east_west\", \"first_year\": 2021,"
  "  \"last_year\": 2025, \"assisting\": \"wx\", \"assisted\": [\"ya\", \"sx\"],"
  "  \"fund_base\": [{\"city\": \"ya\", \"base\": \"1920万\"}]}],"
  " \"pairings\": ["
  "  {\"id\": \"pr\", \"program\": \"p\", \"assisting\": \"wx\", \"assisted\": \"ya\", \"level\": \"city\","
  "   \"period\": {\"first_year\": 2021, \"last_year\": 2023}},"
  "  {\"id\": \"pr2\", \"program\": \"p\", \"assisting\": \"wx\", \"assisted\": \"yc\", \"level\": \"county\"}],"
  " \"projects\": [{\"id\": \"prj\", \"name\": \"苹果\", \"county\": \"yc\", \"category\": \"industry\","
  "  \"budget\": \"500万\", \"in_reserve\": true,"
  "  \"status\": [{\"status\": \"reserve\", \"date\": \"2020-11-01\"}, {\"status\": \"filed\", \"date\": \"2021-06-01\"}]}]}";

static void
assert_export (CollabDataset    *dataset,
               CollabRecordKind  kind,
               const char       *expected)
{
  gsize length = 0;
  g_autofree char *csv = collab_dataset_export_csv (dataset, kind, &length);

  g_assert_cmpstr (csv, ==, expected);
  g_assert_cmpuint (length, ==, strlen (expected));
}

static void
test_export (void)
{
  g_autoptr(CollabDataset) dataset = collab_dataset_new ();
  g_autoptr(GError) error = NULL;

  assert_ok (collab_dataset_load_from_data (dataset, small_dataset, -1, &error), &error);

  /* Flags joined with `;`; members the library does not know after the
   * fields, when they hold one value; RFC 4180 quoting, CRLF. */
  assert_export (dataset, COLLAB_RECORD_KIND_REGION,
                 "id,name,name_en,level,parent,code,side,flags,note\r\n"
                 "js,江苏省,,province,,,east,,\r\n"
                 "wx,无锡市,,city,js,,,,\r\n"
                 "sx,陕西省,,province,,,west,,\r\n"
                 "ya,延安市,,city,sx,,,,\r\n"
                 "yc,延川县,,county,ya,,,poverty_lifted;national_key,\"a, \"\"quoted\"\"\nnote\"\r\n");
  /* Lists of ids joined; lists of sub-records left out. */
  assert_export (dataset, COLLAB_RECORD_KIND_PROGRAM,
                 "id,name,kind,first_year,last_year,assisting,assisted,ruleset\r\n"
                 "p,规划,east_west,2021,2025,wx,ya;sx,\r\n");
  /* An inline sub-record flattened. */
  assert_export (dataset, COLLAB_RECORD_KIND_PAIRING,
                 "id,program,assisting,assisted,level,period.first_year,period.last_year\r\n"
                 "pr,p,wx,ya,city,2021,2023\r\n"
                 "pr2,p,wx,yc,county,,\r\n");
  /* Canonical amounts; the latest status and its date. */
  assert_export (dataset, COLLAB_RECORD_KIND_PROJECT,
                 "id,name,county,category,subcategory,budget,in_reserve,program,status,status_date\r\n"
                 "prj,苹果,yc,industry,,5000000.00,true,,filed,2021-06-01\r\n");
  /* A kind without records: the header alone. */
  assert_export (dataset, COLLAB_RECORD_KIND_PERSON, "id,name,profession,organization\r\n");
}

/* Export, then import: the same records, byte for byte. */
static void
assert_round_trip (CollabDataset    *dataset,
                   CollabRecordKind  kind)
{
  g_autoptr(CollabDataset) copy = collab_dataset_new ();
  g_autofree char *document = collab_dataset_to_data (dataset, NULL);
  g_autofree char *csv = collab_dataset_export_csv (dataset, kind, NULL);
  g_autofree char *again = NULL;
  g_autofree char *result = NULL;
  g_auto(GStrv) ids = collab_dataset_list_ids (dataset, kind);
  g_autoptr(GError) error = NULL;

  assert_ok (collab_dataset_load_from_data (copy, document, -1, &error), &error);
  for (guint i = 0; ids[i] != NULL; i++)
    assert_ok (collab_dataset_remove (copy, kind, ids[i], &error), &error);
  g_assert_cmpuint (collab_dataset_get_n_records (copy, kind), ==, 0);

  assert_ok (collab_dataset_import_csv_data (copy, kind, csv, -1, "export.csv", &error), &error);

  result = collab_dataset_to_data (copy, NULL);
  g_assert_cmpstr (result, ==, document);
  again = collab_dataset_export_csv (copy, kind, NULL);
  g_assert_cmpstr (again, ==, csv);
}

static void
test_round_trip_pairings (void)
{
  g_autoptr(CollabDataset) wuxi = load_wuxi ();
  g_autoptr(CollabDataset) small = collab_dataset_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (collab_dataset_get_n_records (wuxi, COLLAB_RECORD_KIND_PAIRING), ==, 11);
  assert_round_trip (wuxi, COLLAB_RECORD_KIND_PAIRING);

  /* With periods, and for the other kinds a CSV holds whole. */
  assert_ok (collab_dataset_load_from_data (small, small_dataset, -1, &error), &error);
  assert_round_trip (small, COLLAB_RECORD_KIND_PAIRING);
  assert_round_trip (wuxi, COLLAB_RECORD_KIND_ORGANIZATION);
}

static void
test_round_trip_roster (void)
{
  g_autoptr(CollabDataset) dataset = load_wuxi ();
  g_autofree char *zh = NULL;
  gsize length;

  zh = read_fixture ("roster-zh.csv", &length);
  import (dataset, COLLAB_RECORD_KIND_DISPATCH, zh);
  assert_round_trip (dataset, COLLAB_RECORD_KIND_DISPATCH);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/csv/parse/rfc4180", test_parse_rfc4180);
  g_test_add_func ("/collab/csv/parse/errors", test_parse_errors);
  g_test_add_func ("/collab/csv/parse/append-cell", test_append_cell);
  g_test_add_func ("/collab/csv/decode/encodings", test_decode);
  g_test_add_func ("/collab/csv/decode/errors", test_decode_errors);
  g_test_add_func ("/collab/csv/import/chinese", test_import_chinese);
  g_test_add_func ("/collab/csv/import/gb18030", test_import_gb18030);
  g_test_add_func ("/collab/csv/import/bom-english", test_import_bom_english);
  g_test_add_func ("/collab/csv/import/quoted", test_import_quoted);
  g_test_add_func ("/collab/csv/import/projects", test_import_projects);
  g_test_add_func ("/collab/csv/import/people-once", test_import_people_once);
  g_test_add_func ("/collab/csv/import/names", test_import_names);
  g_test_add_func ("/collab/csv/import/transactions", test_import_transactions);
  g_test_add_func ("/collab/csv/errors/roster", test_errors);
  g_test_add_func ("/collab/csv/errors/other-kinds", test_errors_other_kinds);
  g_test_add_func ("/collab/csv/atomic", test_atomic);
  g_test_add_func ("/collab/csv/export/columns", test_export);
  g_test_add_func ("/collab/csv/round-trip/pairings", test_round_trip_pairings);
  g_test_add_func ("/collab/csv/round-trip/roster", test_round_trip_roster);

  return g_test_run ();
}
