/* collab-cli-convert.c: `collab convert IN OUT`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * CSV or xlsx → JSON: the rows of IN (of one sheet of a workbook)
 * become records of one dataset document, added to those of --base when
 * given. JSON → CSV or xlsx: the records of one kind become a sheet for
 * people (SPEC §12.3), with a BOM, and in Chinese the headers and words
 * the import reads back, so that the sheet can be edited and converted
 * again. Which kind the table holds is --kind; else, for a workbook read,
 * the kind the sheet's name names (--sheet, or the one sheet named for a
 * kind); else a member name in the file name (dispatches.csv,
 * wuxi-pairings.xlsx).
 */

#include <stdio.h>
#include <string.h>

#include "collab-cli-private.h"

/* The names of the tables in the dataset document (SPEC §9), and the
 * words file names use for them. */
static const struct
{
  const char       *name;
  CollabRecordKind  kind;
} kind_names[] = {
  { "regions", COLLAB_RECORD_KIND_REGION },
  { "organizations", COLLAB_RECORD_KIND_ORGANIZATION },
  { "programs", COLLAB_RECORD_KIND_PROGRAM },
  { "pairings", COLLAB_RECORD_KIND_PAIRING },
  { "accounts", COLLAB_RECORD_KIND_ACCOUNT },
  { "transactions", COLLAB_RECORD_KIND_TRANSACTION },
  { "projects", COLLAB_RECORD_KIND_PROJECT },
  { "people", COLLAB_RECORD_KIND_PERSON },
  { "dispatches", COLLAB_RECORD_KIND_DISPATCH },
  { "trainings", COLLAB_RECORD_KIND_TRAINING },
  { "adjustments", COLLAB_RECORD_KIND_ADJUSTMENT },
  { "demonstration_villages", COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE },
  /* Singular forms and what officers call a table of dispatches. */
  { "region", COLLAB_RECORD_KIND_REGION },
  { "organization", COLLAB_RECORD_KIND_ORGANIZATION },
  { "program", COLLAB_RECORD_KIND_PROGRAM },
  { "pairing", COLLAB_RECORD_KIND_PAIRING },
  { "account", COLLAB_RECORD_KIND_ACCOUNT },
  { "transaction", COLLAB_RECORD_KIND_TRANSACTION },
  { "project", COLLAB_RECORD_KIND_PROJECT },
  { "person", COLLAB_RECORD_KIND_PERSON },
  { "dispatch", COLLAB_RECORD_KIND_DISPATCH },
  { "roster", COLLAB_RECORD_KIND_DISPATCH },
  { "training", COLLAB_RECORD_KIND_TRAINING },
  { "adjustment", COLLAB_RECORD_KIND_ADJUSTMENT },
  { "demonstration_village", COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE },
};

/* The first entries are the plural names, one per kind, in kind order. */
static const char *
member_of (CollabRecordKind kind)
{
  return kind_names[kind].name;
}

static char *
name_key (const char *text)
{
  char *key = g_ascii_strdown (text, -1);

  for (char *p = key; *p != '\0'; p++)
    if (*p == '-' || *p == ' ')
      *p = '_';
  return key;
}

static gboolean
kind_from_option (const char       *text,
                  CollabRecordKind *kind)
{
  g_autofree char *key = name_key (text);

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (key, kind_names[i].name) == 0)
      {
        *kind = kind_names[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* The kind a file name names, when it names exactly one. */
static gboolean
kind_from_file_name (const char       *path,
                     CollabRecordKind *kind,
                     gboolean         *ambiguous)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *key = name_key (base);
  guint32 found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (strstr (key, kind_names[i].name) != NULL)
      found |= 1u << kind_names[i].kind;

  *ambiguous = found != 0 && (found & (found - 1)) != 0;
  if (found == 0 || *ambiguous)
    return FALSE;
  *kind = (CollabRecordKind) g_bit_nth_lsf (found, -1);
  return TRUE;
}

static gboolean
has_extension (const char *path,
               const char *extension)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, extension);
}

/* The kind of records a workbook holds when --kind does not say: the
 * kind --sheet names, or the one kind that its sheets' names name. */
static gboolean
kind_from_sheets (const char       *in,
                  const char       *sheet,
                  CollabRecordKind *kind,
                  gboolean         *ambiguous,
                  GError          **error)
{
  g_auto(GStrv) sheets = NULL;
  guint32 found = 0;

  *ambiguous = FALSE;
  if (sheet != NULL)
    return collab_xlsx_sheet_kind (sheet, kind);

  sheets = collab_xlsx_list_sheets (in, error);
  if (sheets == NULL)
    return FALSE;
  for (guint i = 0; sheets[i] != NULL; i++)
    if (collab_xlsx_sheet_kind (sheets[i], kind))
      found |= 1u << *kind;

  *ambiguous = found != 0 && (found & (found - 1)) != 0;
  if (found == 0 || *ambiguous)
    return FALSE;
  *kind = (CollabRecordKind) g_bit_nth_lsf (found, -1);
  return TRUE;
}

static int
table_to_json (const char       *in,
               const char       *out,
               CollabRecordKind  kind,
               const char       *sheet,
               const char       *base,
               gboolean          xlsx)
{
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) added = g_string_new (NULL);
  guint before[COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE + 1];

  /* Without a base, the CSV must hold everything its rows refer to. */
  dataset = base != NULL ? collab_cli_load (base) : collab_dataset_new ();
  if (dataset == NULL)
    return COLLAB_EXIT_USAGE;

  for (guint k = 0; k < G_N_ELEMENTS (before); k++)
    before[k] = collab_dataset_get_n_records (dataset, k);

  if (!(xlsx ? collab_dataset_import_xlsx (dataset, kind, in, sheet, &error)
             : collab_dataset_import_csv (dataset, kind, in, &error)) ||
      !collab_dataset_save_to_file (dataset, out, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return COLLAB_EXIT_USAGE;
    }
  if (collab_dataset_get_n_generated_ids (dataset) > 0)
    {
      guint n = collab_dataset_get_n_generated_ids (dataset);

      /* Translators: ids made for rows without an id column, and for
       * the people a roster names by name */
      fprintf (stderr, ngettext_ ("%s: generated %u id\n", "%s: generated %u ids\n", n), in, n);
    }

  /* The rows' own kind first, then the people a roster created. */
  g_string_append_printf (added, "%u %s", collab_dataset_get_n_records (dataset, kind) - before[kind],
                          member_of (kind));
  for (guint k = 0; k < G_N_ELEMENTS (before); k++)
    if (k != kind && collab_dataset_get_n_records (dataset, k) > before[k])
      g_string_append_printf (added, ", %u %s", collab_dataset_get_n_records (dataset, k) - before[k],
                              member_of (k));
  printf ("%s: %s from %s%s%s\n", out, added->str, in, base != NULL ? " added to " : "",
          base != NULL ? base : "");
  return COLLAB_EXIT_OK;
}

static int
json_to_sheet (const char        *in,
               const char        *out,
               CollabSheetFormat  format,
               CollabRecordKind   kind)
{
  g_autoptr(CollabDataset) dataset = collab_cli_load (in);
  g_autoptr(GError) error = NULL;
  CollabExportFlags flags = COLLAB_EXPORT_BOM | COLLAB_EXPORT_LABELS;

  if (dataset == NULL)
    return COLLAB_EXIT_USAGE;

  if (g_str_equal (out, "-"))
    {
      gsize length;
      g_autofree char *csv = collab_dataset_export_csv_full (dataset, kind, flags, &length);

      fwrite (csv, 1, length, stdout);
      return COLLAB_EXIT_OK;
    }

  /* Written beside the target and renamed: the old file stays whole
   * until the new one is complete, and keeps its permissions. */
  if (!collab_dataset_export_to_file (dataset, kind, out, format, flags, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return COLLAB_EXIT_USAGE;
    }

  printf ("%s: %u %s from %s\n", out, collab_dataset_get_n_records (dataset, kind), member_of (kind), in);
  return COLLAB_EXIT_OK;
}

int
collab_cli_convert (int    argc,
                    char **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *base = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *sheet = NULL;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name,
      N_("The records the table holds: dispatches (or roster), pairings, transactions, projects, people, …"),
      N_("KIND") },
    { "sheet", 's', 0, G_OPTION_ARG_STRING, &sheet,
      N_("xlsx → JSON: the sheet to read (by default the one named for the kind, or the only one)"),
      N_("NAME") },
    { "base", 'b', 0, G_OPTION_ARG_FILENAME, &base,
      N_("CSV or xlsx → JSON: a dataset the rows are added to, and may refer to"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("JSON → table: csv or xlsx, when OUT's name does not say"), "csv|xlsx" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("OUT, given as an option"), N_("FILE") },
    { NULL }
  };
  const char *in, *out, *csv;
  gboolean to_json, xlsx, ambiguous = FALSE;
  CollabSheetFormat sheet_format = COLLAB_SHEET_FORMAT_CSV;
  CollabRecordKind kind;

  if (!collab_cli_parse ("convert", N_("IN OUT"),
                         N_("Convert a CSV table or a sheet of an xlsx workbook to a JSON dataset document "
                            "(IN.csv OUT.json, IN.xlsx OUT.json), or the records of one kind of a dataset to "
                            "a spreadsheet (IN.json OUT.csv, - for CSV on standard output, or IN.json "
                            "OUT.xlsx). CSV files may be UTF-8 or GB18030, with English or Chinese headers; "
                            "spreadsheets are written with the headers of the language of the messages, "
                            "which read back."),
                         entries, &argc, &argv))
    return COLLAB_EXIT_USAGE;
  if (argc != (output != NULL ? 2 : 3))
    return collab_cli_usage_error ("convert", _("expected IN and OUT, found %d file names"),
                                   argc - 1 + (output != NULL));
  if (format != NULL && !collab_cli_is_sheet_format (format))
    return collab_cli_usage_error ("convert", _("--format is csv or xlsx, not “%s”"), format);

  in = argv[1];
  out = output != NULL ? output : argv[2];
  if ((format != NULL && g_str_equal (format, "xlsx")) || (format == NULL && has_extension (out, ".xlsx")))
    sheet_format = COLLAB_SHEET_FORMAT_XLSX;
  /* An .xls goes the way of a workbook, to be told what it is. */
  xlsx = has_extension (in, ".xlsx") || has_extension (in, ".xlsm") || has_extension (in, ".xls");
  if ((has_extension (in, ".csv") || xlsx) && has_extension (out, ".json"))
    to_json = TRUE;
  else if (has_extension (in, ".json") &&
           (format != NULL || has_extension (out, ".csv") || has_extension (out, ".xlsx") || g_str_equal (out, "-")))
    to_json = FALSE;
  else
    return collab_cli_usage_error ("convert",
                                   _("expected a .csv or .xlsx file and a .json file, one each way, or a .json "
                                     "file and a .csv or .xlsx file; found %s and %s"), in, out);
  if (sheet_format == COLLAB_SHEET_FORMAT_XLSX && g_str_equal (out, "-"))
    return collab_cli_usage_error ("convert", _("a workbook is written to a file, not to standard output"));

  if (!to_json && base != NULL)
    return collab_cli_usage_error ("convert", _("--base adds CSV rows to a dataset; it has no use for JSON → CSV"));
  if (!xlsx && sheet != NULL)
    return collab_cli_usage_error ("convert", _("--sheet chooses a sheet of an xlsx workbook; %s is none"), in);

  csv = to_json ? in : out;
  if (kind_name != NULL)
    {
      if (!kind_from_option (kind_name, &kind))
        return collab_cli_usage_error ("convert", _("unknown --kind \"%s\": expected regions, organizations, "
                                                    "programs, pairings, accounts, transactions, projects, people, "
                                                    "dispatches, trainings, adjustments or demonstration_villages"),
                                       kind_name);
    }
  else if (xlsx)
    {
      g_autoptr(GError) error = NULL;

      /* A sheet named for a kind says what it holds; else the file name. */
      gboolean named = kind_from_sheets (in, sheet, &kind, &ambiguous, &error);

      if (error != NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return COLLAB_EXIT_USAGE;
        }
      if (!named && !kind_from_file_name (in, &kind, &ambiguous))
        return collab_cli_usage_error ("convert", _("%s: neither the sheets nor the file name say which records "
                                                    "the workbook holds; say it with --kind (dispatches, "
                                                    "pairings, transactions, …)"), in);
    }
  else if (!kind_from_file_name (csv, &kind, &ambiguous))
    return collab_cli_usage_error ("convert", ambiguous
                                   ? _("%s: the file name names more than one kind of record; say which "
                                       "records the CSV holds with --kind (dispatches, pairings, transactions, …)")
                                   : _("%s: the file name names no kind of record; say which records the "
                                       "CSV holds with --kind (dispatches, pairings, transactions, …)"), csv);

  return to_json ? table_to_json (in, out, kind, sheet, base, xlsx) : json_to_sheet (in, out, sheet_format, kind);
}
