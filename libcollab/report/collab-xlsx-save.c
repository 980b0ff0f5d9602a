/* collab-xlsx-save.c: tables and records as files, CSV or xlsx
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Where a report or a kind of record becomes a file an officer opens in
 * Excel (SPEC §12.3). CSV is the text of collab-table-format.c and
 * io/collab-csv-write.c; a workbook is written here with libxlsxwriter,
 * one sheet per table: the header row frozen and filtered, each column
 * as wide as its widest cell (a CJK character counts two), dates as date
 * cells, amounts as numbers in yuan, counts as numbers.
 *
 * A record table goes through a CollabTable too: the record sheet of
 * io/ (its headers the import reads back, its words in the chosen
 * language) is turned into typed columns, so that reports and records
 * share one workbook writer.
 *
 * Every file is written beside its target and renamed over it
 * (io/collab-file-private.h): libxlsxwriter writes the temporary file by
 * name, and a failure leaves the old file whole and no temporary behind.
 */

#include <string.h>

#include <xlsxwriter.h>

#include <libcollab/collab-money.h>

#include "io/collab-csv-private.h"
#include "io/collab-file-private.h"
#include "model/collab-dataset-private.h"
#include "types/collab-day-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"
#include "collab-table-columns-private.h"

/* A double holds every integer up to 2^53 exactly: amounts of up to 2^53
 * fen (90 万亿 yuan) and counts are numbers; beyond, text that keeps them
 * exact. */
#define EXACT_IN_DOUBLE ((gint64) 1 << 53)

/* Widths are in characters of the default font; a column is never
 * narrower than a short header nor wider than a screen. */
#define MIN_WIDTH 6
#define MAX_WIDTH 60

typedef struct
{
  lxw_worksheet *sheet;
  lxw_format    *header;
  lxw_format    *date;
  lxw_format    *money;
  GString       *text;
} Writer;

/* Whether @day is one Excel shows as a date: its calendar starts in
 * 1900 and ends with 9999. */
static gboolean
day_in_excel (CollabDay  day,
              lxw_datetime *datetime)
{
  guint year, month, day_of_month;

  collab_day_to_ymd (day, &year, &month, &day_of_month);
  *datetime = (lxw_datetime) { (int) year, (int) month, (int) day_of_month, 0, 0, 0 };
  return year >= 1900 && year <= 9999;
}

/* The characters "#,##0.00" shows @fen in: the canonical text and a
 * thousands separator every three digits. */
static guint
money_width (gint64 fen)
{
  g_autofree char *text = collab_money_format (fen);
  guint digits = (guint) strcspn (text, ".") - (text[0] == '-');

  return (guint) strlen (text) + (digits > 0 ? (digits - 1) / 3 : 0);
}

/* Closes @book, which writes it out and frees it, one workbook at a
 * time: libxlsxwriter stamps docProps/core.xml with gmtime(), whose
 * result is one static buffer of glibc's for the whole process, so two
 * threads writing workbooks at once would race on it (TSan saw it in
 * tests/threads/test-threads-shared.c) and could stamp each other's
 * time. Writing the file is the greater part of a save; tables are
 * built, and cells written, in parallel still. */
static lxw_error
close_workbook (lxw_workbook *book)
{
  static GMutex closing;
  lxw_error result;

  g_mutex_lock (&closing);
  result = workbook_close (book);
  g_mutex_unlock (&closing);
  return result;
}

/* Writes the cell at @row (of the table) to sheet row @row + 1, and
 * returns its width in characters. */
static guint
write_cell (Writer            *w,
            CollabTableColumn *column,
            guint              row,
            guint              col,
            gboolean           labels)
{
  lxw_row_t at = (lxw_row_t) row + 1;
  gint64 value;
  lxw_datetime datetime;

  if (collab_table_cell_is_null (column, row))
    return 0;

  value = collab_table_cell_value (column, row);
  switch (column->type)
    {
    case COLLAB_COLUMN_TYPE_INT:
      if (value > -EXACT_IN_DOUBLE && value < EXACT_IN_DOUBLE)
        {
          worksheet_write_number (w->sheet, at, (lxw_col_t) col, (double) value, NULL);
          g_string_printf (w->text, "%" G_GINT64_FORMAT, value);
          return (guint) w->text->len;
        }
      break;

    case COLLAB_COLUMN_TYPE_AMOUNT:
      if (value > -EXACT_IN_DOUBLE && value < EXACT_IN_DOUBLE)
        {
          /* fen / 100 is the double nearest the amount in yuan, which
           * Excel shows, and reads back, as the amount. */
          worksheet_write_number (w->sheet, at, (lxw_col_t) col, (double) value / 100.0, w->money);
          return money_width (value);
        }
      break;

    case COLLAB_COLUMN_TYPE_DAY:
      if (day_in_excel ((CollabDay) value, &datetime))
        {
          worksheet_write_datetime (w->sheet, at, (lxw_col_t) col, &datetime, w->date);
          return 10;
        }
      break;

    case COLLAB_COLUMN_TYPE_STRING:
    case COLLAB_COLUMN_TYPE_BOOL:
    default:
      break;
    }

  /* Text: strings, yes and no, and what a number cell cannot hold exactly. */
  g_string_truncate (w->text, 0);
  collab_table_append_cell (w->text, column, row, labels);
  worksheet_write_string (w->sheet, at, (lxw_col_t) col, w->text->str, NULL);
  return collab_table_display_width (w->text->str);
}

/* Writes @table as the one sheet @sheet_name of a workbook at @path (a
 * temporary file: the caller renames it). With @labels the header row
 * has the columns' labels and the cells the words for people; without,
 * the names, which for a record table are the headers already. */
static gboolean
write_workbook (CollabTable  *table,
                gboolean      labels,
                const char   *sheet_name,
                const char   *path,
                const char   *target,
                GError      **error)
{
  lxw_workbook *book = workbook_new (path);
  g_autofree guint *widths = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_columns = table->columns->len;
  lxw_error result;
  Writer w;

  if (book == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   /* Translators: %s is a file name. */
                   _("%s: cannot start a workbook"), target);
      return FALSE;
    }

  if (workbook_validate_sheet_name (book, sheet_name) != LXW_NO_ERROR)
    {
      g_autofree char *shown = collab_error_cut (sheet_name);

      close_workbook (book);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   /* Translators: %s is the name asked for; Excel allows 31 characters, none of []:*?/\ */
                   _("“%s” cannot name a sheet: at most 31 characters, none of []:*?/\\"), shown);
      return FALSE;
    }

  w.sheet = workbook_add_worksheet (book, sheet_name);
  w.header = workbook_add_format (book);
  format_set_bold (w.header);
  w.date = workbook_add_format (book);
  format_set_num_format (w.date, "yyyy-mm-dd");
  w.money = workbook_add_format (book);
  format_set_num_format (w.money, "#,##0.00");
  w.text = text;

  widths = g_new0 (guint, MAX (n_columns, 1));
  for (guint c = 0; c < n_columns && w.sheet != NULL; c++)
    {
      g_autofree char *label = labels ? collab_table_get_column_label (table, c) : NULL;
      const char *header = labels ? label : collab_table_column_at (table, c)->name;

      worksheet_write_string (w.sheet, 0, (lxw_col_t) c, header, w.header);
      widths[c] = collab_table_display_width (header);
    }
  for (guint row = 0; row < table->n_rows && w.sheet != NULL; row++)
    for (guint c = 0; c < n_columns; c++)
      widths[c] = MAX (widths[c], write_cell (&w, collab_table_column_at (table, c), row, c, labels));

  if (w.sheet != NULL)
    {
      /* The header stays in sight, and filters what is under it. */
      worksheet_freeze_panes (w.sheet, 1, 0);
      if (n_columns > 0)
        worksheet_autofilter (w.sheet, 0, 0, (lxw_row_t) table->n_rows, (lxw_col_t) (n_columns - 1));
      for (guint c = 0; c < n_columns; c++)
        worksheet_set_column (w.sheet, (lxw_col_t) c, (lxw_col_t) c,
                              CLAMP (widths[c] + 2, MIN_WIDTH, MAX_WIDTH), NULL);
    }

  /* workbook_close() frees the workbook whatever happens. */
  result = close_workbook (book);
  if (w.sheet == NULL || result != LXW_NO_ERROR)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second what went wrong. */
                   _("%s: cannot write the workbook: %s"), target,
                   w.sheet == NULL ? _("the sheet cannot be made") : lxw_strerror (result));
      return FALSE;
    }
  return TRUE;
}

/* Writes @table to @path in @format, atomically. */
static gboolean
save_table (CollabTable        *table,
            const char         *path,
            CollabSheetFormat   format,
            gboolean            labels,
            const char         *csv,
            gsize               csv_length,
            const char         *sheet_name,
            GError            **error)
{
  CollabFileReplace replace;
  g_autofree char *target = g_strdup (path);
  gboolean ok;

  if (format == COLLAB_SHEET_FORMAT_CSV)
    return collab_file_replace_with (path, csv, csv_length, error);

  if (!collab_file_replace_begin (&replace, path, error))
    return FALSE;
  ok = write_workbook (table, labels, sheet_name, replace.temp, target, error);
  if (!ok)
    {
      collab_file_replace_abandon (&replace);
      return FALSE;
    }
  return collab_file_replace_end (&replace, 0, error);
}

/**
 * collab_table_save:
 * @self: a table
 * @path: (type filename): the file to write
 * @format: CSV or xlsx
 * @flags: what to add for people; `collab` gives both flags
 * @sheet_name: (nullable): the name of the workbook's sheet (at most 31
 *   characters, none of `[]:*?/\`), or `NULL` for "Sheet1"; CSV has none
 * @error: return location for a #GError
 *
 * Writes the table to a file an officer opens in a spreadsheet.
 *
 * CSV is what [method@Collab.Table.to_csv_full] writes. A workbook has
 * one sheet: a header row, frozen and with a filter over the rows; the
 * columns as wide as their widest cell; days as date cells shown
 * `yyyy-mm-dd`, amounts as numbers in yuan shown `#,##0.00`, numbers as
 * numbers (an amount or a number beyond 2^53, which a spreadsheet cannot
 * hold exactly, is written as text); strings and booleans as text. With
 * %COLLAB_EXPORT_LABELS, the header row has the columns' labels and the
 * cells the words of the language of the messages, as in CSV.
 *
 * The file is written beside @path and renamed over it once complete: a
 * failure leaves the old file as it was, and a file replaced keeps its
 * permissions, its owner where the saver may give it, and a symbolic
 * link stays a link ([Saving files](saving.html)).
 *
 * Returns: whether the file was written
 */
gboolean
collab_table_save (CollabTable        *self,
                   const char         *path,
                   CollabSheetFormat   format,
                   CollabExportFlags   flags,
                   const char         *sheet_name,
                   GError            **error)
{
  g_autofree char *csv = NULL;
  gsize length = 0;

  g_return_val_if_fail (COLLAB_IS_TABLE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format == COLLAB_SHEET_FORMAT_CSV || format == COLLAB_SHEET_FORMAT_XLSX, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == COLLAB_SHEET_FORMAT_CSV)
    csv = collab_table_to_csv_full (self, flags, &length);
  return save_table (self, path, format, (flags & COLLAB_EXPORT_LABELS) != 0, csv, length,
                     sheet_name != NULL ? sheet_name : "Sheet1", error);
}

/* The record sheet of @kind as typed columns named by its headers: days,
 * amounts and numbers as what they are, everything else as its text. */
static CollabTable *
records_table (const CollabCsvSheet *sheet)
{
  g_autoptr(CollabTableBuilder) builder = collab_table_builder_new ();
  const CollabStore *store = sheet->store;
  guint n_columns = sheet->columns->len;

  for (guint c = 0; c < n_columns; c++)
    {
      const CollabField *field = collab_csv_sheet_field (sheet, c);
      CollabColumnType type = COLLAB_COLUMN_TYPE_STRING;

      if (field != NULL && field->type == COLLAB_FIELD_DATE)
        type = COLLAB_COLUMN_TYPE_DAY;
      else if (field != NULL && field->type == COLLAB_FIELD_AMOUNT)
        type = COLLAB_COLUMN_TYPE_AMOUNT;
      else if (field != NULL && (field->type == COLLAB_FIELD_INT || field->type == COLLAB_FIELD_YEAR))
        type = COLLAB_COLUMN_TYPE_INT;
      collab_table_builder_add_column (builder, g_array_index (sheet->columns, CollabCsvColumn, c).header, type);
    }

  for (guint i = 0; i < collab_store_count (store, sheet->kind); i++)
    {
      gconstpointer record = collab_store_get (store, sheet->kind, i);

      for (guint c = 0; c < n_columns; c++)
        {
          const CollabField *field = collab_csv_sheet_field (sheet, c);
          gconstpointer slot = collab_csv_sheet_slot (sheet, record, c);
          CollabFieldType type = field != NULL ? field->type : COLLAB_FIELD_STRING;

          if (slot != NULL && type == COLLAB_FIELD_DATE)
            collab_table_builder_append_day (builder, *(const CollabDay *) slot);
          else if (slot != NULL && type == COLLAB_FIELD_AMOUNT)
            collab_table_builder_append_amount (builder, *(const gint64 *) slot);
          else if (slot != NULL && (type == COLLAB_FIELD_INT || type == COLLAB_FIELD_YEAR))
            collab_table_builder_append_int (builder, *(const gint32 *) slot);
          else if (type == COLLAB_FIELD_DATE || type == COLLAB_FIELD_AMOUNT ||
                   type == COLLAB_FIELD_INT || type == COLLAB_FIELD_YEAR)
            collab_table_builder_append_null (builder);
          else
            {
              g_autofree char *text = collab_csv_sheet_text (sheet, record, c);

              collab_table_builder_append_string (builder, text);
            }
        }
    }

  return collab_table_builder_end (builder);
}

/**
 * collab_dataset_export_to_file:
 * @dataset: a dataset
 * @kind: the kind of record to write
 * @path: (type filename): the file to write
 * @format: CSV or xlsx
 * @flags: what to add for people; `collab convert` gives both flags
 * @error: return location for a #GError
 *
 * Writes the records of @kind to a file that
 * [method@Collab.Dataset.import_csv] (or the xlsx import) reads back as
 * the same records, after an officer has edited it or not.
 *
 * CSV is what [method@Collab.Dataset.export_csv_full] writes. A workbook
 * has one sheet, named by the kind (`dispatches`, or 派出人员 when the
 * headers are Chinese), with the same columns, headers and words, the
 * header row frozen and filtered, dates as date cells (`yyyy-mm-dd`),
 * amounts as numbers in yuan (`#,##0.00`) and numbers as numbers. The
 * file is replaced atomically, as [method@Collab.Table.save] does.
 *
 * Returns: whether the file was written
 */
gboolean
collab_dataset_export_to_file (CollabDataset      *dataset,
                               CollabRecordKind    kind,
                               const char         *path,
                               CollabSheetFormat   format,
                               CollabExportFlags   flags,
                               GError            **error)
{
  g_autoptr(CollabCsvSheet) sheet = NULL;
  g_autoptr(CollabTable) table = NULL;
  g_autofree char *csv = NULL;
  gboolean chinese;
  gsize length;

  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format == COLLAB_SHEET_FORMAT_CSV || format == COLLAB_SHEET_FORMAT_XLSX, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == COLLAB_SHEET_FORMAT_CSV)
    {
      csv = collab_dataset_export_csv_full (dataset, kind, flags, &length);
      return collab_file_replace_with (path, csv, length, error);
    }

  chinese = (flags & COLLAB_EXPORT_LABELS) && collab_i18n_is_chinese ();
  sheet = collab_csv_sheet_new (collab_dataset_get_store (dataset), kind, chinese);
  table = records_table (sheet);
  /* The headers are the sheet's own already: no labels on top. */
  return save_table (table, path, format, FALSE, NULL, 0,
                     chinese ? collab_csv_kind_word (kind) : collab_schema_for_kind (kind)->member, error);
}
