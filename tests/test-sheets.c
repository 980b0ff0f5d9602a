/* test-sheets.c: spreadsheets out (SPEC §12.3): CSV with a BOM, labels,
 * Chinese record headers that read back, files replaced atomically
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The library side of report/collab-xlsx-save.c, io/collab-csv-write.c
 * and report/collab-table-labels.c. What a workbook looks like inside
 * (frozen pane, filter, date and number cells) is read back with
 * openpyxl in tests/python/test_sheets.py.
 *
 * The language is switched with LANGUAGE inside the process, as gettext
 * reads it on every call; meson sets LC_ALL=C.UTF-8 (under which gettext
 * honours LANGUAGE) and COLLAB_LOCALEDIR (the catalogs just built).
 */

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include <libcollab/collab.h>

#include "io/collab-csv-private.h"
#include "types/collab-i18n-private.h"
#include "collab-test-util.h"

#define BOM "\xEF\xBB\xBF"

static void
assert_ok (gboolean   ok,
           GError   **error)
{
  g_assert_no_error (*error);
  g_assert_true (ok);
}

static void
set_language (const char *language)
{
  collab_test_set_language (language);
}

/* --- the language ------------------------------------------------------ */

static void
test_language (void)
{
  set_language ("en");
  g_assert_false (collab_i18n_is_chinese ());
  set_language ("zh_CN");
  /* The catalog's header says so, translated strings or not. */
  g_assert_cmpstr (collab_i18n_language (), ==, "zh_CN");
  g_assert_true (collab_i18n_is_chinese ());
  set_language ("en");
}

/* --- CSV round trips ---------------------------------------------------- */

/* @document without the records of @kind (its member in the document),
 * or NULL when the rest refers to them and does not load alone. */
static CollabDataset *
without_kind (const char       *document,
              CollabRecordKind  kind)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CollabDataset) copy = collab_dataset_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) names = NULL;
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, document, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  /* The kinds' members, in kind order, are the names the document uses. */
  names = g_strsplit ("regions organizations programs pairings accounts transactions projects people "
                      "dispatches trainings adjustments demonstration_villages job_offers workers placements "
                      "follow_ups events", " ", -1);
  json_object_remove_member (root, names[kind]);
  text = json_to_string (json_parser_get_root (parser), FALSE);
  if (!collab_dataset_load_from_data (copy, text, -1, &error))
    {
      g_test_message ("%s: not round-tripped: %s", names[kind], error->message);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

/* Exports @kind of @dataset as `collab convert` does (a BOM, the headers
 * of the current language) and imports the CSV into the rest of the
 * dataset: the same document. FALSE when the rest does not load without
 * the kind (other kinds refer to it). */
static gboolean
round_trip (CollabDataset    *dataset,
            CollabRecordKind  kind,
            const char       *header_start)
{
  g_autofree char *document = collab_dataset_to_data (dataset, NULL);
  g_autofree char *csv = collab_dataset_export_csv_full (dataset, kind,
                                                         COLLAB_EXPORT_BOM | COLLAB_EXPORT_LABELS, NULL);
  g_autoptr(CollabDataset) copy = without_kind (document, kind);
  g_autofree char *result = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (csv, BOM));
  if (header_start != NULL)
    g_assert_true (g_str_has_prefix (csv + strlen (BOM), header_start));
  if (copy == NULL)
    return FALSE;

  assert_ok (collab_dataset_import_csv_data (copy, kind, csv, -1, "export.csv", &error), &error);
  /* What went out comes back: the same sheet, and the same records but
   * for a project's status history, which a row holds as its latest
   * step (doc/csv.md). */
  again = collab_dataset_export_csv_full (copy, kind, COLLAB_EXPORT_BOM | COLLAB_EXPORT_LABELS, NULL);
  g_assert_cmpstr (again, ==, csv);
  result = collab_dataset_to_data (copy, NULL);
  if (kind != COLLAB_RECORD_KIND_PROJECT)
    g_assert_cmpstr (result, ==, document);
  return TRUE;
}

/* Every kind of every example that can be taken out and put back. */
static void
round_trip_examples (const char *language)
{
  static const char * const examples[] = {
    "wuxi-2021.json", "wuxi-roster-2021-2023.json", "wuxi-funds-2021.json", "zhuhai-zunyi-2021.json",
    "wuxi-labour-2021-2023.json",
  };
  guint32 done = 0;

  set_language (language);
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(CollabDataset) dataset = collab_test_load_example (examples[e]);

      g_autofree char *document = collab_dataset_to_data (dataset, NULL);
      g_autoptr(CollabDataset) no_money = without_kind (document, COLLAB_RECORD_KIND_TRANSACTION);

      for (guint k = 0; k <= COLLAB_RECORD_KIND_EVENT; k++)
        if (collab_dataset_get_n_records (dataset, k) > 0 && round_trip (dataset, k, NULL))
          done |= 1u << k;
      /* Transactions refer to projects: without them, projects too. */
      if (collab_dataset_get_n_records (no_money, COLLAB_RECORD_KIND_PROJECT) > 0 &&
          round_trip (no_money, COLLAB_RECORD_KIND_PROJECT, NULL))
        done |= 1u << COLLAB_RECORD_KIND_PROJECT;
    }
  set_language ("en");

  /* The sheets officers keep: pairings, rosters, money, projects, labour. */
  g_assert_true (done & (1u << COLLAB_RECORD_KIND_PAIRING));
  g_assert_true (done & (1u << COLLAB_RECORD_KIND_DISPATCH));
  g_assert_true (done & (1u << COLLAB_RECORD_KIND_TRANSACTION));
  g_assert_true (done & (1u << COLLAB_RECORD_KIND_PROJECT));
  /* The labour sheets no other kind refers to (test-csv-labour.c takes
   * out the others with what refers to them). */
  g_assert_true (done & (1u << COLLAB_RECORD_KIND_FOLLOW_UP));
  g_assert_true (done & (1u << COLLAB_RECORD_KIND_EVENT));
}

static void
test_round_trip_english (void)
{
  g_autoptr(CollabDataset) roster = collab_test_load_example ("wuxi-roster-2021-2023.json");

  set_language ("en");
  g_assert_true (round_trip (roster, COLLAB_RECORD_KIND_DISPATCH, "id,person,kind,direction,from,to,"));
  round_trip_examples ("en");
}

static void
test_round_trip_chinese (void)
{
  g_autoptr(CollabDataset) roster = collab_test_load_example ("wuxi-roster-2021-2023.json");
  g_autoptr(CollabDataset) funds = collab_test_load_example ("wuxi-funds-2021.json");
  g_autofree char *csv = NULL;

  set_language ("zh_CN");
  /* The import's own words: headers, values, and the unit of amounts. */
  g_assert_true (round_trip (roster, COLLAB_RECORD_KIND_DISPATCH, "编号,人员编号,派出类型,方向,派出地,派往地,"));
  g_assert_true (round_trip (funds, COLLAB_RECORD_KIND_TRANSACTION, "编号,类型,转出,转入,金额（元）,日期,"));
  csv = collab_dataset_export_csv_full (roster, COLLAB_RECORD_KIND_DISPATCH, COLLAB_EXPORT_LABELS, NULL);
  g_assert_nonnull (strstr (csv, ",专业技术人才,选派,"));
  round_trip_examples ("zh_CN");
}

/* Without flags, the export is the table for programs it always was. */
static void
test_flags (void)
{
  g_autoptr(CollabDataset) roster = collab_test_load_example ("wuxi-roster-2021-2023.json");
  g_autofree char *plain = collab_dataset_export_csv (roster, COLLAB_RECORD_KIND_DISPATCH, NULL);
  g_autofree char *none = NULL;
  g_autofree char *bom = NULL;

  set_language ("zh_CN");
  none = collab_dataset_export_csv_full (roster, COLLAB_RECORD_KIND_DISPATCH, COLLAB_EXPORT_NONE, NULL);
  bom = collab_dataset_export_csv_full (roster, COLLAB_RECORD_KIND_DISPATCH, COLLAB_EXPORT_BOM, NULL);
  set_language ("en");

  g_assert_cmpstr (none, ==, plain);
  g_assert_true (g_str_has_prefix (plain, "id,person,"));
  g_assert_cmpstr (bom + strlen (BOM), ==, plain);
}

/* Every reader of CSV here skips the BOM: the import, and the decoder
 * under it. */
static void
test_bom_readers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;
  const char *csv = BOM "id,name\r\njiangsu,江苏省\r\n";

  text = collab_csv_decode (csv, strlen (csv), "bom.csv", &length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "id,name\r\njiangsu,江苏省\r\n");
}

/* --- tables for people ------------------------------------------------ */

static GPtrArray *
wuxi_findings (CollabDataset *dataset)
{
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = collab_checker_run (checker, dataset, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, >, 0);
  return findings;
}

static void
test_findings_sheet (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = wuxi_findings (dataset);
  g_autoptr(CollabTable) sheet = collab_table_new_findings_sheet (findings);
  g_autoptr(CollabTable) table = collab_table_new_from_findings (findings);
  g_autofree char *csv = NULL;
  g_autofree char *label = NULL;
  guint n = collab_table_get_n_columns (sheet);

  set_language ("en");
  /* Severity first, to filter on; the message after the subject; no remedy. */
  g_assert_cmpuint (collab_table_get_n_rows (sheet), ==, findings->len);
  g_assert_cmpstr (collab_table_get_column_name (sheet, 0), ==, "severity");
  g_assert_cmpstr (collab_table_get_column_name (sheet, 1), ==, "rule");
  g_assert_cmpstr (collab_table_get_column_name (sheet, n - 3), ==, "message");
  g_assert_cmpstr (collab_table_get_column_name (sheet, n - 1), ==, "actual");
  g_assert_cmpint (collab_table_find_column (sheet, "remedy"), ==, -1);
  g_assert_cmpint (collab_table_find_column (table, "remedy"), >=, 0);
  g_assert_cmpuint (collab_table_get_n_columns (table), ==, n + 1);

  label = collab_table_get_column_label (sheet, 0);
  g_assert_cmpstr (label, ==, "Severity");
  csv = collab_table_to_csv_full (sheet, COLLAB_EXPORT_BOM | COLLAB_EXPORT_LABELS, NULL);
  g_assert_true (g_str_has_prefix (csv, BOM "Severity,Rule,"));
  g_assert_true (g_str_has_prefix (strchr (csv, '\n') + 1, "warning,666.mix,") ||
                 g_str_has_prefix (strchr (csv, '\n') + 1, "violation,"));
}

/* Every column of the scorecard and the plan has a label, in words and
 * not its name; JSON keeps the names. */
static void
test_labels (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-roster-2021-2023.json");
  g_autoptr(GPtrArray) findings = wuxi_findings (dataset);
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, findings, NULL, NULL, &error);
  g_autoptr(CollabTable) plan = NULL;
  CollabTable *tables[2];

  g_assert_no_error (error);
  plan = collab_checker_plan (checker, dataset, NULL, NULL, &error);
  g_assert_no_error (error);
  tables[0] = card;
  tables[1] = plan;

  set_language ("en");
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (guint c = 0; c < collab_table_get_n_columns (tables[t]); c++)
      {
        g_autofree char *label = collab_table_get_column_label (tables[t], c);

        if (g_strcmp0 (label, collab_table_get_column_name (tables[t], c)) == 0)
          g_error ("column %s has no label", label);
        /* Rule ids (666.short_other) are ids, whatever the language. */
        if (!g_str_has_prefix (label, "Findings of ") && strchr (label, '_') != NULL)
          g_error ("label %s has a machine word", label);
      }

  {
    int served = collab_table_find_column (plan, "served_1");
    g_autofree char *label = collab_table_get_column_label (plan, (guint) served);

    g_assert_cmpint (served, >=, 0);
    g_assert_cmpstr (label, ==, "Served 1 month or more");
  }

  /* A pairing level between a prefix and a suffix; people sent. */
  {
    static const char * const expected[][2] = {
      { "pairings_school_assisting", "Pairings: school, assisting units" },
      { "pairings_social_org_village_assisted", "Pairings: social organization and village, assisted units" },
      { "pairings_school", "Pairings: school" },
      { "cadres_sent", "Cadres sent" },
      { "professionals_received", "Professionals received" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        int c = collab_table_find_column (card, expected[i][0]);
        g_autofree char *label = NULL;

        g_assert_cmpint (c, >=, 0);
        label = collab_table_get_column_label (card, (guint) c);
        g_assert_cmpstr (label, ==, expected[i][1]);
      }
  }
}

/* --- files ----------------------------------------------------------------- */

/* The names in @dir other than @keep. */
static guint
count_others (const char *dir,
              const char *keep)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_strcmp0 (name, keep) != 0)
      n++;
  return n;
}

static void
test_save_atomic (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = wuxi_findings (dataset);
  g_autoptr(CollabTable) sheet = collab_table_new_findings_sheet (findings);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("collab-sheets-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "findings.xlsx", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "findings.csv", NULL);
  g_autofree char *contents = NULL;
  struct stat st;

  g_assert_no_error (error);

  /* A file an officer shared keeps its permissions when replaced. */
  assert_ok (g_file_set_contents (path, "old", -1, &error), &error);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  assert_ok (collab_table_save (sheet, path, COLLAB_SHEET_FORMAT_XLSX, COLLAB_EXPORT_LABELS, "findings", &error),
             &error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  assert_ok (g_file_get_contents (path, &contents, NULL, &error), &error);
  g_assert_true (g_str_has_prefix (contents, "PK"));
  g_assert_cmpuint (count_others (dir, "findings.xlsx"), ==, 0);

  /* A failure leaves the old file whole and nothing beside it. */
  g_assert_false (collab_table_save (sheet, path, COLLAB_SHEET_FORMAT_XLSX, 0, "no/slash", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  assert_ok (g_file_get_contents (path, &contents, NULL, &error), &error);
  g_assert_true (g_str_has_prefix (contents, "PK"));
  g_assert_cmpuint (count_others (dir, "findings.xlsx"), ==, 0);

  g_assert_false (collab_table_save (sheet, "/nonexistent/dir/f.csv", COLLAB_SHEET_FORMAT_CSV, 0, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  /* CSV files have the BOM too. */
  assert_ok (collab_table_save (sheet, csv_path, COLLAB_SHEET_FORMAT_CSV,
                                COLLAB_EXPORT_BOM | COLLAB_EXPORT_LABELS, NULL, &error), &error);
  g_clear_pointer (&contents, g_free);
  assert_ok (g_file_get_contents (csv_path, &contents, NULL, &error), &error);
  g_assert_true (g_str_has_prefix (contents, BOM "Severity,"));

  g_assert_cmpint (g_unlink (csv_path), ==, 0);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_export_records (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-funds-2021.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("collab-sheets-XXXXXX", &error);
  g_autofree char *xlsx = g_build_filename (dir, "transactions.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "transactions.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = collab_dataset_export_csv_full (dataset, COLLAB_RECORD_KIND_TRANSACTION,
                                                              COLLAB_EXPORT_BOM, NULL);

  g_assert_no_error (error);
  assert_ok (collab_dataset_export_to_file (dataset, COLLAB_RECORD_KIND_TRANSACTION, xlsx,
                                            COLLAB_SHEET_FORMAT_XLSX, COLLAB_EXPORT_LABELS, &error), &error);
  assert_ok (collab_dataset_export_to_file (dataset, COLLAB_RECORD_KIND_TRANSACTION, csv,
                                            COLLAB_SHEET_FORMAT_CSV, COLLAB_EXPORT_BOM, &error), &error);
  assert_ok (g_file_get_contents (csv, &contents, NULL, &error), &error);
  g_assert_cmpstr (contents, ==, expected);

  g_assert_cmpint (g_unlink (csv), ==, 0);
  g_assert_cmpint (g_unlink (xlsx), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  /* gettext honours LANGUAGE only outside the C locale. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/sheets/language", test_language);
  g_test_add_func ("/collab/sheets/csv/flags", test_flags);
  g_test_add_func ("/collab/sheets/csv/bom-readers", test_bom_readers);
  g_test_add_func ("/collab/sheets/csv/round-trip/english", test_round_trip_english);
  g_test_add_func ("/collab/sheets/csv/round-trip/chinese", test_round_trip_chinese);
  g_test_add_func ("/collab/sheets/findings", test_findings_sheet);
  g_test_add_func ("/collab/sheets/labels", test_labels);
  g_test_add_func ("/collab/sheets/save/atomic", test_save_atomic);
  g_test_add_func ("/collab/sheets/save/records", test_export_records);

  return g_test_run ();
}
