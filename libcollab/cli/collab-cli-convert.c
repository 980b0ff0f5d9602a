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

static int
table_to_json (const char       *in,
               const char       *out,
               CollabRecordKind  kind,
               const char       *sheet,
               const char       *base)
{
  g_autofree char *added = NULL;
  g_autoptr(CollabDataset) dataset = collab_cli_import_table (in, base, kind, sheet, &added);
  g_autoptr(GError) error = NULL;

  if (dataset == NULL)
    return COLLAB_EXIT_USAGE;
  if (!collab_dataset_save_to_file (dataset, out, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return COLLAB_EXIT_USAGE;
    }

  if (base != NULL)
    /* Translators: "out.json: 646 dispatches, 645 people from roster.xlsx added to wuxi.json" */
    printf (_("%s: %s from %s added to %s"), out, added, in, base);
  else
    printf (_("%s: %s from %s"), out, added, in);
  putchar ('\n');
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
   * until the new one is complete, and keeps its permissions and owner
   * (doc/saving.md). */
  if (!collab_dataset_export_to_file (dataset, kind, out, format, flags, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return COLLAB_EXIT_USAGE;
    }

  {
    g_autofree char *count = collab_cli_count_records (kind, collab_dataset_get_n_records (dataset, kind));

    /* Translators: "dispatches.xlsx: 646 dispatches written from wuxi.json" */
    printf (_("%s: %s written from %s"), out, count, in);
    putchar ('\n');
  }
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
  const char *in, *out;
  gboolean to_json, xlsx;
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
    {
      g_autofree char *shown = collab_error_cut (format);

      return collab_cli_usage_error ("convert", _("--format is csv or xlsx, not “%s”"), shown);
    }

  in = argv[1];
  out = output != NULL ? output : argv[2];
  if ((format != NULL && g_str_equal (format, "xlsx")) || (format == NULL && collab_cli_has_extension (out, ".xlsx")))
    sheet_format = COLLAB_SHEET_FORMAT_XLSX;
  xlsx = collab_cli_is_workbook (in);
  if (collab_cli_is_table (in) && collab_cli_has_extension (out, ".json"))
    to_json = TRUE;
  else if (collab_cli_has_extension (in, ".json") &&
           (format != NULL || collab_cli_has_extension (out, ".csv") || collab_cli_has_extension (out, ".xlsx") || g_str_equal (out, "-")))
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

  if (!collab_cli_table_kind ("convert", to_json ? in : out, kind_name, sheet, &kind))
    return COLLAB_EXIT_USAGE;

  return to_json ? table_to_json (in, out, kind, sheet, base) : json_to_sheet (in, out, sheet_format, kind);
}
