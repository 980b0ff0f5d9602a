/* test-table.c: tables (report/collab-table*.c): columnar tables of records and findings (SPEC §7)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The builder first (every column type, missing cells, the text forms),
 * then the export of the Wuxi example's regions, programs and pairings,
 * of a small roster of people and dispatches merged into it, of funds,
 * and of findings.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "report/collab-table-private.h"
#include "rules/collab-finding-private.h"
#include "collab-test-util.h"

#define LIBRARY_LOG_DOMAIN "Collab"
#define HEADER "\"format\": \"libcollab-dataset\", \"version\": 1"

/* Helpers ------------------------------------------------------------------ */

/* People and dispatches between the Wuxi example's districts and counties;
 * d3 is a cadre with a post and an actual end, the others have neither. */
static const char roster[] =
  "{" HEADER ","
  " \"people\": ["
  "  {\"id\": \"x001\", \"profession\": \"teacher\"},"
  "  {\"id\": \"x002\", \"name\": \"王医生\", \"profession\": \"doctor\"},"
  "  {\"id\": \"x003\", \"profession\": \"agriculture\"}],"
  " \"dispatches\": ["
  "  {\"id\": \"d1\", \"person\": \"x002\", \"kind\": \"professional\", \"direction\": \"outbound\","
  "   \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"},"
  "  {\"id\": \"d2\", \"person\": \"x001\", \"kind\": \"professional\", \"direction\": \"outbound\","
  "   \"from\": \"huishan\", \"to\": \"pingan\", \"start\": \"1970-01-01\", \"planned_end\": \"1970-01-31\"},"
  "  {\"id\": \"d3\", \"person\": \"x002\", \"kind\": \"cadre\", \"direction\": \"outbound\", \"post\": \"liaison\","
  "   \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2021-01-01\", \"planned_end\": \"2022-12-31\","
  "   \"actual_end\": \"2022-06-30\"}]"
  "}";

/* Accounts, a project with a status history and transactions. */
static const char funds[] =
  "{" HEADER ","
  " \"accounts\": ["
  "  {\"id\": \"acc-js\", \"holder\": \"js-finance\", \"source\": true},"
  "  {\"id\": \"acc-yanan\", \"holder\": \"yanan\", \"designation\": \"延安市协作资金专户\"}],"
  " \"projects\": ["
  "  {\"id\": \"prj-apple\", \"name\": \"延川县苹果良种苗木繁育基地\", \"county\": \"yanchuan\","
  "   \"category\": \"industry\", \"budget\": \"500万\", \"in_reserve\": true, \"program\": \"wuxi-2021\","
  "   \"status\": [{\"status\": \"reserve\", \"date\": \"2020-11-01\"}, {\"status\": \"filed\", \"date\": \"2021-06-01\"}]},"
  "  {\"id\": \"prj-road\", \"name\": \"产业路\", \"county\": \"yanchuan\", \"category\": \"industry\"}],"
  " \"transactions\": ["
  "  {\"id\": \"t1\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"1920万\","
  "   \"date\": \"2021-04-15\", \"budget_year\": 2021, \"program\": \"wuxi-2021\"},"
  "  {\"id\": \"t2\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"prj-apple\", \"amount\": \"300万\","
  "   \"date\": \"2021-07-01\", \"parent\": \"t1\", \"use\": \"seedlings\"},"
  "  {\"id\": \"t3\", \"type\": \"expenditure\", \"from\": \"prj-apple\", \"amount\": \"0.5\","
  "   \"date\": \"2021-09-01\", \"use\": \"seedlings\", \"parent\": \"t2\"}]"
  "}";

static guint
column (CollabTable *table,
        const char  *name)
{
  int index = collab_table_find_column (table, name);

  if (index < 0)
    g_error ("no column %s", name);
  return (guint) index;
}

static const char *
string_at (CollabTable *table,
           guint        row,
           const char  *name)
{
  return collab_table_get_string (table, row, column (table, name));
}

static gint64
int_at (CollabTable *table,
        guint        row,
        const char  *name)
{
  return collab_table_get_int (table, row, column (table, name));
}

static gboolean
null_at (CollabTable *table,
         guint        row,
         const char  *name)
{
  return collab_table_is_null (table, row, column (table, name));
}

static int
row_of (CollabTable *table,
        const char  *id)
{
  guint id_column = column (table, "id");

  for (guint row = 0; row < collab_table_get_n_rows (table); row++)
    if (g_strcmp0 (collab_table_get_string (table, row, id_column), id) == 0)
      return (int) row;

  g_error ("no row %s", id);
}

/* The column names, joined by ",". */
static char *
column_names (CollabTable *table)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < collab_table_get_n_columns (table); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "," : "", collab_table_get_column_name (table, i));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Every cell of every column agrees with the column-wise data. */
static void
assert_consistent (CollabTable *table)
{
  guint n_rows = collab_table_get_n_rows (table);

  for (guint c = 0; c < collab_table_get_n_columns (table); c++)
    {
      g_autoptr(GBytes) validity = collab_table_get_column_validity (table, c);
      const guint8 *valid = validity != NULL ? g_bytes_get_data (validity, NULL) : NULL;
      gboolean any_missing = FALSE;

      if (validity != NULL)
        g_assert_cmpuint (g_bytes_get_size (validity), ==, n_rows);

      if (collab_table_get_column_type (table, c) == COLLAB_COLUMN_TYPE_STRING)
        {
          g_autoptr(GBytes) bytes = collab_table_get_column_codes (table, c);
          const gint32 *codes = g_bytes_get_data (bytes, NULL);
          const char * const *categories = collab_table_get_column_categories (table, c);
          guint n_categories = g_strv_length ((char **) categories);
          g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

          g_assert_cmpuint (g_bytes_get_size (bytes), ==, (gsize) n_rows * sizeof (gint32));
          for (guint i = 0; i < n_categories; i++)
            g_assert_true (g_hash_table_add (seen, (gpointer) categories[i]));   /* distinct */
          for (guint row = 0; row < n_rows; row++)
            {
              g_assert_cmpint (codes[row], >=, -1);
              g_assert_cmpint (codes[row], <, (int) n_categories);
              g_assert_cmpint (codes[row] < 0, ==, collab_table_is_null (table, row, c));
              g_assert_cmpint (valid != NULL ? valid[row] == 0 : FALSE, ==, codes[row] < 0);
              g_assert_true (collab_table_get_string (table, row, c) ==
                             (codes[row] >= 0 ? categories[codes[row]] : NULL));
              any_missing |= codes[row] < 0;
            }
        }
      else
        {
          /* gint64 cells, but one CollabDay per row in a DAY column, 0
           * exactly where the cell is missing. */
          gboolean day = collab_table_get_column_type (table, c) == COLLAB_COLUMN_TYPE_DAY;
          g_autoptr(GBytes) bytes = collab_table_get_column_data (table, c);
          const void *data = g_bytes_get_data (bytes, NULL);

          g_assert_cmpuint (g_bytes_get_size (bytes), ==,
                            (gsize) n_rows * (day ? sizeof (guint32) : sizeof (gint64)));
          for (guint row = 0; row < n_rows; row++)
            {
              gboolean missing = valid != NULL && valid[row] == 0;
              gint64 cell = day ? ((const CollabDay *) data)[row] : ((const gint64 *) data)[row];

              g_assert_cmpint (collab_table_is_null (table, row, c), ==, missing);
              if (day)
                g_assert_cmpint (cell == COLLAB_DAY_NONE, ==, missing);
              g_assert_cmpint (collab_table_get_int (table, row, c), ==, missing ? 0 : cell);
              any_missing |= missing;
            }
        }

      /* Validity is there exactly when a cell is missing. */
      g_assert_cmpint (validity != NULL, ==, any_missing);
    }
}

/* The builder ------------------------------------------------------------- */

static CollabTable *
build_small_table (void)
{
  g_autoptr(CollabTableBuilder) builder = collab_table_builder_new ();

  g_assert_cmpuint (collab_table_builder_add_column (builder, "county", COLLAB_COLUMN_TYPE_STRING), ==, 0);
  g_assert_cmpuint (collab_table_builder_add_column (builder, "year", COLLAB_COLUMN_TYPE_INT), ==, 1);
  g_assert_cmpuint (collab_table_builder_add_column (builder, "allocated", COLLAB_COLUMN_TYPE_AMOUNT), ==, 2);
  g_assert_cmpuint (collab_table_builder_add_column (builder, "date", COLLAB_COLUMN_TYPE_DAY), ==, 3);
  g_assert_cmpuint (collab_table_builder_add_column (builder, "met", COLLAB_COLUMN_TYPE_BOOL), ==, 4);

  collab_table_builder_append_string (builder, "延川县");
  collab_table_builder_append_int (builder, 2021);
  collab_table_builder_append_amount (builder, 1920000000);
  collab_table_builder_append_day (builder, collab_day_new (2021, 4, 15));
  collab_table_builder_append_bool (builder, TRUE);

  /* Chained, with a comma and a quote that CSV must escape. */
  collab_table_builder_append_bool (
    collab_table_builder_append_day (
      collab_table_builder_append_amount (
        collab_table_builder_append_int (
          collab_table_builder_append_string (builder, "a, \"b\""), 2022), -5), COLLAB_DAY_NONE), FALSE);

  collab_table_builder_append_string (builder, "延川县");
  collab_table_builder_append_null (builder);
  collab_table_builder_append_null (builder);
  collab_table_builder_append_day (builder, collab_day_new (1969, 12, 31));
  collab_table_builder_append_null (builder);

  return collab_table_builder_end (builder);
}

static void
test_builder_types (void)
{
  g_autoptr(CollabTable) table = build_small_table ();
  g_autoptr(GBytes) codes = NULL;
  g_autoptr(GBytes) days = NULL;
  const char * const *categories;
  const gint32 *code;
  const CollabDay *day;
  guint n = 0;

  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (collab_table_get_n_columns (table), ==, 5);
  g_assert_cmpint (collab_table_get_column_type (table, 0), ==, COLLAB_COLUMN_TYPE_STRING);
  g_assert_cmpint (collab_table_get_column_type (table, 1), ==, COLLAB_COLUMN_TYPE_INT);
  g_assert_cmpint (collab_table_get_column_type (table, 2), ==, COLLAB_COLUMN_TYPE_AMOUNT);
  g_assert_cmpint (collab_table_get_column_type (table, 3), ==, COLLAB_COLUMN_TYPE_DAY);
  g_assert_cmpint (collab_table_get_column_type (table, 4), ==, COLLAB_COLUMN_TYPE_BOOL);
  g_assert_cmpint (collab_table_find_column (table, "date"), ==, 3);
  g_assert_cmpint (collab_table_find_column (table, "nothing"), ==, -1);
  g_object_get (table, "n-rows", &n, NULL);
  g_assert_cmpuint (n, ==, 3);

  /* A repeated string is one category. */
  codes = collab_table_get_column_codes (table, 0);
  code = g_bytes_get_data (codes, NULL);
  categories = collab_table_get_column_categories (table, 0);
  g_assert_cmpuint (g_strv_length ((char **) categories), ==, 2);
  g_assert_cmpstr (categories[0], ==, "延川县");
  g_assert_cmpstr (categories[1], ==, "a, \"b\"");
  g_assert_cmpint (code[0], ==, 0);
  g_assert_cmpint (code[1], ==, 1);
  g_assert_cmpint (code[2], ==, 0);

  /* Days are CollabDays, 0001-01-01 being day 1 (Python's
   * date.toordinal()); 1970-01-01, numpy's day 0, is day 719163. */
  days = collab_table_get_column_data (table, 3);
  day = g_bytes_get_data (days, NULL);
  g_assert_cmpuint (g_bytes_get_size (days), ==, 3 * sizeof (guint32));
  g_assert_cmpuint (day[0], ==, collab_day_new (2021, 4, 15));
  g_assert_cmpuint (day[0], ==, 719163 + 18732);
  g_assert_cmpuint (day[1], ==, COLLAB_DAY_NONE);
  g_assert_cmpuint (day[2], ==, 719163 - 1);
  g_assert_cmpint (collab_table_get_int (table, 0, 3), ==, 719163 + 18732);
  g_assert_cmpint (collab_table_get_int (table, 1, 3), ==, 0);

  g_assert_cmpint (collab_table_get_int (table, 0, 1), ==, 2021);
  g_assert_cmpint (collab_table_get_int (table, 1, 2), ==, -5);
  g_assert_cmpint (collab_table_get_int (table, 0, 4), ==, 1);
  g_assert_cmpint (collab_table_get_int (table, 1, 4), ==, 0);
  g_assert_true (collab_table_is_null (table, 2, 1));
  g_assert_true (collab_table_is_null (table, 1, 3));
  g_assert_false (collab_table_is_null (table, 1, 4));
  g_assert_true (collab_table_is_null (table, 2, 4));

  assert_consistent (table);
}

static void
test_builder_validity (void)
{
  g_autoptr(CollabTable) table = build_small_table ();
  g_autoptr(GBytes) county = collab_table_get_column_validity (table, 0);
  g_autoptr(GBytes) year = collab_table_get_column_validity (table, 1);
  const guint8 *valid;

  /* Every county is there; the third year is not. */
  g_assert_null (county);
  g_assert_nonnull (year);
  valid = g_bytes_get_data (year, NULL);
  g_assert_cmpuint (g_bytes_get_size (year), ==, 3);
  g_assert_cmpint (valid[0], ==, 1);
  g_assert_cmpint (valid[1], ==, 1);
  g_assert_cmpint (valid[2], ==, 0);
}

static void
test_builder_categories (void)
{
  static const char * const levels[] = { "county", "city", NULL };
  g_autoptr(CollabTableBuilder) builder = collab_table_builder_new ();
  g_autoptr(CollabTable) table = NULL;
  const char * const *categories;

  collab_table_builder_add_column_with_categories (builder, "level", levels);
  collab_table_builder_add_enum_column (builder, "severity", COLLAB_TYPE_SEVERITY);
  collab_table_builder_append_string (builder, "village");
  collab_table_builder_append_string (builder, "warning");
  table = collab_table_builder_end (builder);

  /* Declared categories come first and stay when unused. */
  categories = collab_table_get_column_categories (table, 0);
  g_assert_cmpuint (g_strv_length ((char **) categories), ==, 3);
  g_assert_cmpstr (categories[2], ==, "village");
  categories = collab_table_get_column_categories (table, 1);
  g_assert_cmpuint (g_strv_length ((char **) categories), ==, 3);
  g_assert_cmpstr (categories[0], ==, "info");
  g_assert_cmpstr (categories[2], ==, "violation");
  g_assert_cmpstr (collab_table_get_string (table, 0, 1), ==, "warning");

  /* The builder is empty again and can make another table. */
  collab_table_builder_add_column (builder, "n", COLLAB_COLUMN_TYPE_INT);
  g_clear_object (&table);
  table = collab_table_builder_end (builder);
  g_assert_cmpuint (collab_table_get_n_columns (table), ==, 1);
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 0);
  assert_consistent (table);
}

static void
test_builder_misuse (void)
{
  g_autoptr(CollabTableBuilder) builder = collab_table_builder_new ();
  g_autoptr(CollabTable) table = NULL;

  collab_table_builder_add_column (builder, "county", COLLAB_COLUMN_TYPE_STRING);
  collab_table_builder_add_column (builder, "year", COLLAB_COLUMN_TYPE_INT);

  /* A value of the wrong type becomes a null, so rows stay whole. */
  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*column “county” (row 0) is not of that type*");
  collab_table_builder_append_int (builder, 7);
  g_test_assert_expected_messages ();
  collab_table_builder_append_int (builder, 2021);

  /* A half row is completed with nulls. */
  collab_table_builder_append_string (builder, "ledu");
  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*row 1 has 1 of 2 cells*");
  table = collab_table_builder_end (builder);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 2);
  g_assert_null (collab_table_get_string (table, 0, 0));
  g_assert_cmpint (collab_table_get_int (table, 0, 1), ==, 2021);
  g_assert_cmpstr (collab_table_get_string (table, 1, 0), ==, "ledu");
  g_assert_true (collab_table_is_null (table, 1, 1));
  assert_consistent (table);
}

/* The text forms ---------------------------------------------------------- */

static void
test_csv (void)
{
  g_autoptr(CollabTable) table = build_small_table ();
  g_autofree char *csv = collab_table_to_csv (table);

  g_assert_cmpstr (csv, ==,
                   "county,year,allocated,date,met\n"
                   "延川县,2021,19200000.00,2021-04-15,true\n"
                   "\"a, \"\"b\"\"\",2022,-0.05,,false\n"
                   "延川县,,,1969-12-31,\n");
}

static void
test_json (void)
{
  g_autoptr(CollabTable) table = build_small_table ();
  g_autoptr(JsonNode) node = collab_table_to_json (table);
  g_autofree char *text = json_to_string (node, FALSE);

  g_assert_cmpstr (text, ==,
                   "[{\"county\":\"延川县\",\"year\":2021,\"allocated\":\"19200000.00\",\"date\":\"2021-04-15\",\"met\":true},"
                   "{\"county\":\"a, \\\"b\\\"\",\"year\":2022,\"allocated\":\"-0.05\",\"date\":null,\"met\":false},"
                   "{\"county\":\"延川县\",\"year\":null,\"allocated\":null,\"date\":\"1969-12-31\",\"met\":null}]");
}

static void
test_text (void)
{
  g_autoptr(CollabTable) table = build_small_table ();
  g_autofree char *text = collab_table_to_text (table);

  /* 延川县 is six columns wide; numbers align right; no trailing blanks. */
  g_assert_cmpstr (text, ==,
                   "county  year    allocated  date        met\n"
                   "------  ----  -----------  ----------  -----\n"
                   "延川县  2021  19200000.00  2021-04-15  true\n"
                   "a, \"b\"  2022        -0.05              false\n"
                   "延川县                     1969-12-31\n");
}

static void
test_empty (void)
{
  g_autoptr(CollabTable) table = g_object_new (COLLAB_TYPE_TABLE, NULL);
  g_autofree char *csv = collab_table_to_csv (table);
  g_autofree char *text = collab_table_to_text (table);

  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 0);
  g_assert_cmpuint (collab_table_get_n_columns (table), ==, 0);
  g_assert_cmpstr (csv, ==, "\n");
  g_assert_cmpstr (text, ==, "\n\n");
}

/* Records ------------------------------------------------------------------ */

static void
test_regions (void)
{
  g_autoptr(CollabDataset) wuxi = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabTable) table = collab_dataset_to_table (wuxi, COLLAB_RECORD_KIND_REGION);
  g_autofree char *names = column_names (table);
  g_autoptr(GBytes) parent_codes = NULL;
  const char * const *parents;
  const char * const *levels;
  int pingan, wuxi_row, jiangsu;

  g_assert_cmpstr (names, ==, "id,name,name_en,level,parent,code,side,flags,derived_side");
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 22);
  assert_consistent (table);

  pingan = row_of (table, "pingan");
  wuxi_row = row_of (table, "wuxi");
  jiangsu = row_of (table, "jiangsu");
  g_assert_cmpint (jiangsu, ==, 0);

  g_assert_cmpstr (string_at (table, pingan, "name"), ==, "平安区");
  g_assert_cmpstr (string_at (table, pingan, "level"), ==, "county");
  g_assert_cmpstr (string_at (table, pingan, "parent"), ==, "haidong");
  g_assert_cmpstr (string_at (table, pingan, "flags"), ==, "poverty_lifted");
  g_assert_cmpstr (string_at (table, pingan, "derived_side"), ==, "west");
  g_assert_null (string_at (table, pingan, "side"));
  g_assert_cmpstr (string_at (table, wuxi_row, "derived_side"), ==, "east");
  g_assert_null (string_at (table, wuxi_row, "flags"));
  g_assert_cmpstr (string_at (table, jiangsu, "side"), ==, "east");
  g_assert_null (string_at (table, jiangsu, "parent"));

  /* Every level, used or not, in enum order; side leaves out "unknown". */
  levels = collab_table_get_column_categories (table, column (table, "level"));
  g_assert_cmpuint (g_strv_length ((char **) levels), ==, 5);
  g_assert_cmpstr (levels[0], ==, "province");
  g_assert_cmpstr (levels[4], ==, "village");
  g_assert_cmpuint (g_strv_length ((char **) collab_table_get_column_categories (table, column (table, "side"))), ==, 2);

  /* A reference is coded by the referenced record's position, and its
   * categories are the ids of the kind: the id column's own list. */
  parents = collab_table_get_column_categories (table, column (table, "parent"));
  g_assert_true (parents == collab_table_get_column_categories (table, column (table, "id")));
  g_assert_cmpuint (g_strv_length ((char **) parents), ==, 22);
  parent_codes = collab_table_get_column_codes (table, column (table, "parent"));
  g_assert_cmpint (((const gint32 *) g_bytes_get_data (parent_codes, NULL))[pingan], ==, row_of (table, "haidong"));
}

static void
test_programs (void)
{
  g_autoptr(CollabDataset) wuxi = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabTable) table = collab_dataset_to_table (wuxi, COLLAB_RECORD_KIND_PROGRAM);
  g_autofree char *names = column_names (table);

  /* fund_base is a table of its own. */
  g_assert_cmpstr (names, ==, "id,name,kind,first_year,last_year,assisting,assisted,ruleset");
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 1);
  g_assert_cmpint (collab_table_get_column_type (table, column (table, "first_year")), ==, COLLAB_COLUMN_TYPE_INT);
  g_assert_cmpint (int_at (table, 0, "first_year"), ==, 2021);
  g_assert_cmpint (int_at (table, 0, "last_year"), ==, 2025);
  g_assert_cmpstr (string_at (table, 0, "kind"), ==, "east_west");
  g_assert_cmpstr (string_at (table, 0, "assisted"), ==, "yanan;haidong");
  g_assert_cmpstr (string_at (table, 0, "ruleset"), ==, "east-west-2021");
  assert_consistent (table);
}

static void
test_pairings (void)
{
  g_autoptr(CollabDataset) wuxi = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabTable) table = NULL;
  g_autofree char *names = NULL;
  const char * const *units;
  int row;

  collab_test_merge_data (wuxi,
                          "{" HEADER ", \"pairings\": [{\"id\": \"p-school\", \"program\": \"wuxi-2021\","
                          " \"assisting\": \"wuxi-drc\", \"assisted\": \"yanan-finance\", \"level\": \"school\","
                          " \"period\": {\"first_year\": 2022, \"last_year\": 2023}}]}");
  table = collab_dataset_to_table (wuxi, COLLAB_RECORD_KIND_PAIRING);
  names = column_names (table);

  g_assert_cmpstr (names, ==, "id,program,assisting,assisted,level,period.first_year,period.last_year");
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 12);
  assert_consistent (table);

  row = row_of (table, "p-huishan-pingan");
  g_assert_cmpstr (string_at (table, row, "program"), ==, "wuxi-2021");
  g_assert_cmpstr (string_at (table, row, "assisting"), ==, "huishan");
  g_assert_cmpstr (string_at (table, row, "assisted"), ==, "pingan");
  g_assert_cmpstr (string_at (table, row, "level"), ==, "county");
  /* No period of its own: the cells are missing, not the program's. */
  g_assert_true (null_at (table, row, "period.first_year"));

  row = row_of (table, "p-school");
  g_assert_cmpint (int_at (table, row, "period.first_year"), ==, 2022);
  g_assert_cmpint (int_at (table, row, "period.last_year"), ==, 2023);
  g_assert_cmpstr (string_at (table, row, "assisting"), ==, "wuxi-drc");

  /* A unit is a region or an organization: both kinds' ids, once each. */
  units = collab_table_get_column_categories (table, column (table, "assisting"));
  g_assert_cmpuint (g_strv_length ((char **) units), ==, 22 + 6);
  g_assert_true (units == collab_table_get_column_categories (table, column (table, "assisted")));
}

static void
test_dispatches (void)
{
  g_autoptr(CollabDataset) wuxi = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabTable) table = NULL;
  g_autoptr(CollabTable) people = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GBytes) person_codes = NULL;
  g_autoptr(GBytes) starts = NULL;
  const char * const *categories;
  const gint32 *code;

  collab_test_merge_data (wuxi, roster);
  table = collab_dataset_to_table (wuxi, COLLAB_RECORD_KIND_DISPATCH);
  names = column_names (table);

  g_assert_cmpstr (names, ==, "id,person,kind,direction,from,to,post,start,planned_end,actual_end");
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 3);
  assert_consistent (table);

  g_assert_cmpint (collab_table_get_column_type (table, column (table, "start")), ==, COLLAB_COLUMN_TYPE_DAY);
  g_assert_cmpint (int_at (table, 0, "start"), ==, collab_day_new (2022, 3, 1));
  g_assert_cmpint (int_at (table, 0, "planned_end"), ==, collab_day_new (2023, 2, 28));
  /* 1970-01-01, numpy's day 0, is a day like any other. */
  g_assert_cmpint (int_at (table, 1, "start"), ==, 719163);
  g_assert_cmpint (int_at (table, 1, "start"), ==, collab_day_new (1970, 1, 1));
  g_assert_false (null_at (table, 1, "start"));
  g_assert_true (null_at (table, 0, "actual_end"));
  g_assert_cmpint (int_at (table, 2, "actual_end"), ==, collab_day_new (2022, 6, 30));
  starts = collab_table_get_column_validity (table, column (table, "start"));
  g_assert_null (starts);

  g_assert_cmpstr (string_at (table, 2, "kind"), ==, "cadre");
  g_assert_cmpstr (string_at (table, 2, "post"), ==, "liaison");
  g_assert_null (string_at (table, 0, "post"));
  g_assert_cmpstr (string_at (table, 1, "from"), ==, "huishan");
  g_assert_cmpstr (string_at (table, 1, "to"), ==, "pingan");

  /* person: the people's ids as categories, the person's position as code. */
  categories = collab_table_get_column_categories (table, column (table, "person"));
  g_assert_cmpuint (g_strv_length ((char **) categories), ==, 3);
  person_codes = collab_table_get_column_codes (table, column (table, "person"));
  code = g_bytes_get_data (person_codes, NULL);
  g_assert_cmpint (code[0], ==, 1);
  g_assert_cmpint (code[1], ==, 0);
  g_assert_cmpint (code[2], ==, 1);
  g_assert_cmpstr (categories[1], ==, "x002");

  people = collab_dataset_to_table (wuxi, COLLAB_RECORD_KIND_PERSON);
  g_assert_cmpstr (string_at (people, 1, "name"), ==, "王医生");
  g_assert_null (string_at (people, 0, "name"));
  g_assert_null (string_at (people, 0, "organization"));
  assert_consistent (people);
}

static void
test_funds (void)
{
  g_autoptr(CollabDataset) wuxi = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabTable) accounts = NULL;
  g_autoptr(CollabTable) projects = NULL;
  g_autoptr(CollabTable) transactions = NULL;
  g_autofree char *project_names = NULL;

  collab_test_merge_data (wuxi, funds);

  accounts = collab_dataset_to_table (wuxi, COLLAB_RECORD_KIND_ACCOUNT);
  assert_consistent (accounts);
  g_assert_cmpint (collab_table_get_column_type (accounts, column (accounts, "source")), ==, COLLAB_COLUMN_TYPE_BOOL);
  /* An absent boolean is false, never missing. */
  g_assert_cmpint (int_at (accounts, 0, "source"), ==, 1);
  g_assert_cmpint (int_at (accounts, 1, "source"), ==, 0);
  g_assert_false (null_at (accounts, 1, "source"));
  g_assert_cmpstr (string_at (accounts, 0, "holder"), ==, "js-finance");
  g_assert_cmpstr (string_at (accounts, 1, "holder"), ==, "yanan");

  projects = collab_dataset_to_table (wuxi, COLLAB_RECORD_KIND_PROJECT);
  project_names = column_names (projects);
  assert_consistent (projects);
  g_assert_cmpstr (project_names, ==,
                   "id,name,county,category,subcategory,budget,in_reserve,program,status,status_date");
  g_assert_cmpint (int_at (projects, 0, "budget"), ==, G_GINT64_CONSTANT (500) * 10000 * 100);
  g_assert_true (null_at (projects, 1, "budget"));
  /* The latest state of the history. */
  g_assert_cmpstr (string_at (projects, 0, "status"), ==, "filed");
  g_assert_cmpint (int_at (projects, 0, "status_date"), ==, collab_day_new (2021, 6, 1));
  g_assert_null (string_at (projects, 1, "status"));
  g_assert_true (null_at (projects, 1, "status_date"));

  transactions = collab_dataset_to_table (wuxi, COLLAB_RECORD_KIND_TRANSACTION);
  assert_consistent (transactions);
  g_assert_cmpint (collab_table_get_column_type (transactions, column (transactions, "amount")), ==,
                   COLLAB_COLUMN_TYPE_AMOUNT);
  g_assert_cmpint (int_at (transactions, 0, "amount"), ==, G_GINT64_CONSTANT (1920) * 10000 * 100);
  g_assert_cmpint (int_at (transactions, 2, "amount"), ==, 50);
  g_assert_cmpint (int_at (transactions, 0, "budget_year"), ==, 2021);
  g_assert_true (null_at (transactions, 1, "budget_year"));
  g_assert_cmpstr (string_at (transactions, 1, "to"), ==, "prj-apple");
  g_assert_cmpstr (string_at (transactions, 2, "from"), ==, "prj-apple");
  g_assert_cmpstr (string_at (transactions, 1, "parent"), ==, "t1");
  g_assert_null (string_at (transactions, 0, "parent"));
  g_assert_cmpstr (string_at (transactions, 1, "use"), ==, "seedlings");
  g_assert_cmpuint (g_strv_length ((char **) collab_table_get_column_categories (transactions,
                                                                                 column (transactions, "use"))), ==, 1);
}

static void
test_every_kind (void)
{
  g_autoptr(CollabDataset) wuxi = collab_test_load_example ("wuxi-2021.json");

  collab_test_merge_data (wuxi, roster);
  collab_test_merge_data (wuxi, funds);
  for (guint kind = COLLAB_RECORD_KIND_REGION; kind <= COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE; kind++)
    {
      g_autoptr(CollabTable) table = collab_dataset_to_table (wuxi, kind);

      g_assert_cmpuint (collab_table_get_n_rows (table), ==, collab_dataset_get_n_records (wuxi, kind));
      g_assert_cmpint (collab_table_find_column (table, "id"), ==, 0);
      assert_consistent (table);
    }
}

static void
test_outlives_dataset (void)
{
  CollabDataset *wuxi = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabTable) table = collab_dataset_to_table (wuxi, COLLAB_RECORD_KIND_REGION);

  g_object_unref (wuxi);
  g_assert_cmpstr (collab_table_get_string (table, 21, 0), ==, "xunhua");
  g_assert_cmpstr (collab_table_get_string (table, 21, 1), ==, "循化撒拉族自治县");
}

static void
test_kind_from_name (void)
{
  CollabRecordKind kind = COLLAB_RECORD_KIND_REGION;

  g_assert_true (collab_record_kind_from_name ("dispatches", &kind));
  g_assert_cmpint (kind, ==, COLLAB_RECORD_KIND_DISPATCH);
  g_assert_true (collab_record_kind_from_name ("person", &kind));
  g_assert_cmpint (kind, ==, COLLAB_RECORD_KIND_PERSON);
  g_assert_true (collab_record_kind_from_name ("demonstration_villages", &kind));
  g_assert_cmpint (kind, ==, COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE);
  g_assert_false (collab_record_kind_from_name ("dispatchs", &kind));
}

/* Findings ------------------------------------------------------------------ */

static CollabFinding *
finding (const char     *rule,
         CollabSeverity  severity,
         const char     *message)
{
  CollabFinding *result = collab_finding_new (rule, severity);

  collab_finding_set_message (result, "%s", message);
  return result;
}

static void
test_findings (void)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CollabTable) table = NULL;
  g_autofree char *names = NULL;
  CollabFinding *f;

  f = finding ("pairing.coverage", COLLAB_SEVERITY_VIOLATION, "pingan has no pairing in 2021");
  collab_finding_set_subject_string (f, "program", "wuxi-2021");
  collab_finding_set_subject_string (f, "county", "pingan");
  collab_finding_set_subject_int (f, "year", 2021);
  collab_finding_set_expected_int (f, 1);
  collab_finding_set_actual_int (f, 0);
  g_ptr_array_add (findings, f);

  f = finding ("666.total", COLLAB_SEVERITY_VIOLATION, "13 professionals, 18 needed");
  collab_finding_set_subject_string (f, "assisting", "huishan");
  collab_finding_set_subject_string (f, "assisted", "ledu");
  collab_finding_set_subject_int (f, "year", 2022);
  collab_finding_set_expected_int (f, 18);
  collab_finding_take_actual (f, json_gvariant_deserialize_data ("{\"teacher\": 5}", -1, NULL, NULL));
  collab_finding_take_remedy (f, json_gvariant_deserialize_data ("[{\"profession\": \"doctor\", \"count\": 5}]", -1, NULL, NULL));
  g_ptr_array_add (findings, f);

  f = finding ("fund.floor", COLLAB_SEVERITY_WARNING, "short");
  collab_finding_set_subject_string (f, "program", "wuxi-2021");
  collab_finding_set_subject_string (f, "city", "yanan");
  collab_finding_take_actual (f, json_gvariant_deserialize_data ("\"19200000.00\"", -1, NULL, NULL));
  g_ptr_array_add (findings, f);

  table = collab_table_new_from_findings (findings);
  names = column_names (table);
  assert_consistent (table);

  g_assert_cmpstr (names, ==, "rule,severity,message,program,county,year,assisting,assisted,city,expected,actual,remedy");
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (string_at (table, 1, "rule"), ==, "666.total");
  g_assert_cmpstr (string_at (table, 2, "severity"), ==, "warning");
  g_assert_cmpstr (string_at (table, 0, "message"), ==, "pingan has no pairing in 2021");
  g_assert_cmpstr (string_at (table, 0, "county"), ==, "pingan");
  g_assert_null (string_at (table, 1, "county"));
  g_assert_cmpint (collab_table_get_column_type (table, column (table, "year")), ==, COLLAB_COLUMN_TYPE_INT);
  g_assert_cmpint (int_at (table, 1, "year"), ==, 2022);
  g_assert_true (null_at (table, 2, "year"));

  /* expected holds integers only; actual holds an object and a string. */
  g_assert_cmpint (collab_table_get_column_type (table, column (table, "expected")), ==, COLLAB_COLUMN_TYPE_INT);
  g_assert_cmpint (int_at (table, 1, "expected"), ==, 18);
  g_assert_true (null_at (table, 2, "expected"));
  g_assert_cmpint (collab_table_get_column_type (table, column (table, "actual")), ==, COLLAB_COLUMN_TYPE_STRING);
  g_assert_cmpstr (string_at (table, 0, "actual"), ==, "0");
  g_assert_cmpstr (string_at (table, 1, "actual"), ==, "{\"teacher\":5}");
  g_assert_cmpstr (string_at (table, 2, "actual"), ==, "19200000.00");
  g_assert_cmpstr (string_at (table, 1, "remedy"), ==, "[{\"profession\":\"doctor\",\"count\":5}]");
  g_assert_null (string_at (table, 0, "remedy"));
}

static void
test_no_findings (void)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  g_autoptr(CollabTable) table = collab_table_new_from_findings (findings);
  g_autofree char *names = column_names (table);

  g_assert_cmpstr (names, ==, "rule,severity,message,expected,actual,remedy");
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/table/builder/types", test_builder_types);
  g_test_add_func ("/collab/table/builder/validity", test_builder_validity);
  g_test_add_func ("/collab/table/builder/categories", test_builder_categories);
  g_test_add_func ("/collab/table/builder/misuse", test_builder_misuse);
  g_test_add_func ("/collab/table/text/csv", test_csv);
  g_test_add_func ("/collab/table/text/json", test_json);
  g_test_add_func ("/collab/table/text/aligned", test_text);
  g_test_add_func ("/collab/table/text/empty", test_empty);
  g_test_add_func ("/collab/table/records/regions", test_regions);
  g_test_add_func ("/collab/table/records/programs", test_programs);
  g_test_add_func ("/collab/table/records/pairings", test_pairings);
  g_test_add_func ("/collab/table/records/dispatches", test_dispatches);
  g_test_add_func ("/collab/table/records/funds", test_funds);
  g_test_add_func ("/collab/table/records/every-kind", test_every_kind);
  g_test_add_func ("/collab/table/records/outlives-dataset", test_outlives_dataset);
  g_test_add_func ("/collab/table/records/kind-from-name", test_kind_from_name);
  g_test_add_func ("/collab/table/findings/columns", test_findings);
  g_test_add_func ("/collab/table/findings/none", test_no_findings);

  return g_test_run ();
}
