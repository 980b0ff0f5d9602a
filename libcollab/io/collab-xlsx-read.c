/* collab-xlsx-read.c: the record tables officers keep in Excel workbooks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Officers keep their rosters, pairings and ledgers in Excel. An xlsx
 * workbook is read into a [class@Collab.Dataset] wherever a CSV file is
 * (SPEC §12.2): one sheet becomes the rows of text cells that the CSV
 * import reads, and from there every header alias, value rule, reference
 * by name and check is the CSV import's own.
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 *
 * if (!collab_dataset_import_xlsx (dataset, COLLAB_RECORD_KIND_DISPATCH, "roster.xlsx", NULL, &error))
 *   g_printerr ("%s\n", error->message);
 *   // roster.xlsx:派出人员!D7: 计划结束日期 (planned_end): ends on 2021-01-01, before it starts on 2021-03-01
 * ```
 *
 * A workbook is a zip archive of XML parts (ECMA-376). libgsf reads the
 * zip and libxml2 the XML; nothing here parses either by hand. A file is
 * looked at before it is trusted, and refused with a message that says
 * what it is when it is no workbook (collab-xlsx-book.c); this file reads
 * the workbook's sheets and imports one.
 */

#include <string.h>

#include <libcollab/collab-csv.h>
#include <libcollab/collab-error.h>
#include <libcollab/collab-xlsx.h>

#include "collab-csv-private.h"
#include "collab-xlsx-book-private.h"
#include "collab-xlsx-private.h"
#include "model/collab-dataset-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

/* The workbook's sheets ---------------------------------------------------- */

typedef struct
{
  char *name;
  char *target;   /* the part, `xl/worksheets/sheet1.xml` */
} Sheet;

static void
sheet_clear (gpointer data)
{
  Sheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet->target);
}

/* A relationship's target as a path in the zip: relative to xl/, or
 * absolute from the root. */
static char *
target_path (const char *target)
{
  if (target[0] == '/')
    return g_strdup (target + 1);
  return g_strconcat ("xl/", target, NULL);
}

/* Reads the sheets of xl/workbook.xml, their parts from the workbook's
 * relationships, whether it counts days from 1904, and where its shared
 * strings and styles are. */
static GArray *
read_sheets (CollabXlsxBook  *book,
             gboolean        *date1904,
             char           **shared_strings,
             char           **styles,
             GError         **error)
{
  g_autoptr(GBytes) workbook = NULL;
  g_autoptr(GBytes) rels = NULL;
  g_autoptr(GArray) sheets = g_array_new (FALSE, TRUE, sizeof (Sheet));
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(xmlTextReader) rels_reader = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  CollabXlsxPart part;
  CollabXlsxPart rels_part;
  gboolean done = FALSE;

  g_array_set_clear_func (sheets, sheet_clear);
  if (!collab_xlsx_book_read (book, "xl/workbook.xml", &workbook, error))
    return NULL;
  if (workbook == NULL)
    {
      collab_xlsx_book_refuse (book, error);
      return NULL;
    }
  if (!collab_xlsx_book_read (book, "xl/_rels/workbook.xml.rels", &rels, error))
    return NULL;
  if (rels == NULL)
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT,
                   _("%s: the zip archive has no xl/_rels/workbook.xml.rels, which every xlsx workbook has"),
                   book->name);
      return NULL;
    }

  rels_part = collab_xlsx_book_part (book, "xl/_rels/workbook.xml.rels", rels);
  rels_reader = collab_xlsx_xml_open (&rels_part);
  while (collab_xlsx_xml_next (rels_reader, &rels_part, &done, error))
    if (collab_xlsx_xml_is (rels_reader, XML_READER_TYPE_ELEMENT, "Relationship"))
      {
        g_autofree char *id = collab_xlsx_xml_attribute (rels_reader, "Id");
        g_autofree char *type = collab_xlsx_xml_attribute (rels_reader, "Type");
        g_autofree char *target = collab_xlsx_xml_attribute (rels_reader, "Target");

        if (id == NULL || target == NULL)
          continue;
        if (type != NULL && g_str_has_suffix (type, "/sharedStrings"))
          {
            g_free (*shared_strings);
            *shared_strings = target_path (target);
          }
        if (type != NULL && g_str_has_suffix (type, "/styles"))
          {
            g_free (*styles);
            *styles = target_path (target);
          }
        g_hash_table_insert (targets, g_steal_pointer (&id), target_path (target));
      }
  if (!done)
    return NULL;

  part = collab_xlsx_book_part (book, "xl/workbook.xml", workbook);
  reader = collab_xlsx_xml_open (&part);
  while (collab_xlsx_xml_next (reader, &part, &done, error))
    if (collab_xlsx_xml_is (reader, XML_READER_TYPE_ELEMENT, "workbookPr"))
      {
        g_autofree char *flag = collab_xlsx_xml_attribute (reader, "date1904");

        *date1904 = flag != NULL && (strcmp (flag, "1") == 0 || strcmp (flag, "true") == 0);
      }
    else if (collab_xlsx_xml_is (reader, XML_READER_TYPE_ELEMENT, "sheet"))
      {
        Sheet sheet = { collab_xlsx_xml_attribute (reader, "name"), NULL };
        g_autofree char *id = collab_xlsx_xml_attribute (reader, "id");
        const char *target = id != NULL ? g_hash_table_lookup (targets, id) : NULL;

        sheet.target = g_strdup (target);
        if (sheet.name != NULL && sheet.target != NULL)
          g_array_append_val (sheets, sheet);
        else
          sheet_clear (&sheet);
      }
  if (!done)
    return NULL;

  if (sheets->len == 0)
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT,
                   _("%s: the workbook has no sheet"), book->name);
      return NULL;
    }
  return g_steal_pointer (&sheets);
}

/* The sheets' names joined for a message: `派出人员, 结对关系`; each cut
 * as messages cut what they quote, and the first few only. */
#define MAX_SHEETS_NAMED 12

static char *
sheet_names (GArray *sheets)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < MIN (sheets->len, MAX_SHEETS_NAMED); i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      collab_error_append_cut (names, g_array_index (sheets, Sheet, i).name, -1);
    }
  if (sheets->len > MAX_SHEETS_NAMED)
    g_string_append (names, ", …");
  return g_string_free (names, FALSE);
}

/* The sheet to read: the one named @wanted; else the one named for
 * @kind, in English or Chinese; else the only one. */
static const Sheet *
choose_sheet (CollabXlsxBook    *book,
              GArray            *sheets,
              CollabRecordKind   kind,
              const char        *wanted,
              GError           **error)
{
  g_autofree char *names = sheet_names (sheets);
  const Sheet *found = NULL;
  guint n_found = 0;

  if (wanted != NULL)
    {
      g_autofree char *shown = NULL;

      for (guint i = 0; i < sheets->len; i++)
        if (strcmp (g_array_index (sheets, Sheet, i).name, wanted) == 0)
          return &g_array_index (sheets, Sheet, i);
      shown = collab_error_cut (wanted);
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND,
                   _("%s: the workbook has no sheet named \"%s\"; its sheets are %s"), book->name, shown, names);
      return NULL;
    }

  for (guint i = 0; i < sheets->len; i++)
    {
      CollabRecordKind named;

      if (collab_csv_kind_of_table (g_array_index (sheets, Sheet, i).name, &named) && named == kind)
        {
          if (found == NULL)
            found = &g_array_index (sheets, Sheet, i);
          n_found++;
        }
    }
  if (n_found == 1)
    return found;
  if (n_found == 0 && sheets->len == 1)
    return &g_array_index (sheets, Sheet, 0);

  g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND,
               n_found > 1 ? _("%s: more than one sheet of %s holds %s; name the sheet to read")
                           : _("%s: none of the sheets %s is named for %s; name the sheet to read"),
               book->name, names, collab_schema_for_kind (kind)->member);
  return NULL;
}

/* The import --------------------------------------------------------------- */

static gboolean
import_workbook (CollabStore       *store,
                 CollabRecordKind   kind,
                 GBytes            *bytes,
                 const char        *name,
                 const char        *wanted,
                 guint             *n_generated,
                 GError           **error)
{
  g_auto(CollabXlsxBook) book = { name, 0, NULL, 0 };
  g_autoptr(GArray) sheets = NULL;
  g_autoptr(GBytes) strings_part = NULL;
  g_autoptr(GBytes) styles_part = NULL;
  g_autoptr(GBytes) sheet_part = NULL;
  g_autoptr(CollabXlsxStrings) strings = collab_xlsx_strings_new ();
  g_autoptr(GArray) date_styles = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *strings_path = g_strdup ("xl/sharedStrings.xml");
  g_autofree char *styles_path = g_strdup ("xl/styles.xml");
  g_autofree char *shown_sheet = NULL;
  gboolean date1904 = FALSE;
  const Sheet *sheet;
  CollabXlsxPart part;

  if (!collab_xlsx_book_open (&book, bytes, error))
    return FALSE;
  sheets = read_sheets (&book, &date1904, &strings_path, &styles_path, error);
  if (sheets == NULL)
    return FALSE;
  sheet = choose_sheet (&book, sheets, kind, wanted, error);
  if (sheet == NULL)
    return FALSE;

  /* Shared strings and styles are optional parts: a workbook of inline
   * strings and no formats has neither. */
  if (!collab_xlsx_book_read (&book, strings_path, &strings_part, error) ||
      !collab_xlsx_book_read (&book, styles_path, &styles_part, error) ||
      !collab_xlsx_book_read (&book, sheet->target, &sheet_part, error))
    return FALSE;
  if (strings_part != NULL)
    {
      part = collab_xlsx_book_part (&book, strings_path, strings_part);
      if (!collab_xlsx_read_shared_strings (&part, strings, error))
        return FALSE;
    }
  if (styles_part != NULL)
    {
      part = collab_xlsx_book_part (&book, styles_path, styles_part);
      date_styles = collab_xlsx_read_date_styles (&part, error);
      if (date_styles == NULL)
        return FALSE;
    }
  else
    date_styles = g_array_new (FALSE, TRUE, sizeof (gboolean));

  /* Messages name the sheet cut, as they cut what they quote. */
  shown_sheet = collab_error_cut (sheet->name);
  if (sheet_part == NULL)
    {
      g_autofree char *target = collab_error_cut (sheet->target);

      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT,
                   _("%s: the sheet %s should be the part %s, which the zip archive does not have"),
                   name, shown_sheet, target);
      return FALSE;
    }
  part = collab_xlsx_book_part (&book, sheet->target, sheet_part);
  rows = collab_xlsx_read_rows (&part, shown_sheet, strings, date_styles, date1904, error);
  /* The rows point into @strings, not into the sheet's XML: let it go
   * before the import, which holds the records twice over. */
  g_clear_pointer (&sheet_part, g_bytes_unref);
  g_clear_pointer (&strings_part, g_bytes_unref);
  if (rows == NULL)
    return FALSE;

  return collab_csv_import_rows (store, kind, rows, name, sheet->name, n_generated, error);
}

/* The bytes of the file at @path. A folder (a workbook's name given to
 * the folder it was unpacked into, say) is an error of its own. */
static GBytes *
read_file (const char  *path,
           GError     **error)
{
  g_autoptr(GError) file_error = NULL;
  char *data;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &file_error))
    {
      if (g_error_matches (file_error, G_FILE_ERROR, G_FILE_ERROR_ISDIR))
        collab_xlsx_not_a_workbook (path, _("this is a folder, not an xlsx workbook"), error);
      else
        g_propagate_error (error, g_steal_pointer (&file_error));
      return NULL;
    }
  return g_bytes_new_take (data, length);
}

/**
 * collab_dataset_import_xlsx_data:
 * @dataset: a dataset
 * @kind: the kind of record each row is
 * @data: the bytes of an xlsx workbook
 * @name: (nullable): the name error messages give the file, or `NULL` for `<data>`
 * @sheet: (nullable): the sheet to read, or `NULL` for the one named for @kind
 * @error: return location for a #GError
 *
 * Appends the rows of one sheet of an Excel workbook (.xlsx) to @dataset
 * as records of @kind, exactly as [method@Collab.Dataset.import_csv_data]
 * appends the rows of a CSV file: the same headers in English or
 * Chinese, values, references by id, name, short name (延川 for 延川县) or
 * code, ids made for tables without an id column, and people named by
 * name and home unit in a roster.
 *
 * **The sheet** is @sheet; else the one named for @kind in English
 * (`dispatches`, `pairings`, … or the singular) or Chinese (派出人员,
 * 结对关系, 资金流水, 项目, 地区, …; doc/csv.md lists them); else the
 * workbook's only sheet. The header is found as in CSV: a title above
 * it is passed over.
 *
 * **Cells**: text as shared or inline strings, rich text included; numbers
 * as the decimal digits the workbook holds, so that an amount cell of
 * 1920.5 is exactly 1920.50 元; date cells (numbers under a date format)
 * as days in the workbook's 1900 or 1904 system, and dates as text as in
 * CSV; booleans as true or false. Empty and missing cells are members not
 * given. A formula reads as the value Excel saved with it; one saved
 * without a value is an error naming its cell, for no formula is
 * calculated. A merged range that spans several rows gives the value of
 * its top-left cell to each of its rows, in its first column; a range of
 * one row keeps it in its first cell.
 *
 * Errors read `FILE:SHEET!CELL: HEADER (member): message`
 * (`roster.xlsx:派出人员!D7: …`). A file that is no xlsx workbook (an
 * .xls, a password-protected workbook, text, a damaged zip, a zip bomb,
 * a zip without xl/workbook.xml, a PDF, a gzip file, a .docx, an .ods, a
 * folder) is a %COLLAB_DATASET_ERROR_FORMAT or
 * %COLLAB_DATASET_ERROR_SYNTAX error saying what the file is; so is a
 * sheet that asks for far more than it holds (doc/csv.md lists the
 * bounds). The import is atomic: on error, @dataset keeps exactly the
 * records it had.
 *
 * Returns: whether the rows were imported
 */
gboolean
collab_dataset_import_xlsx_data (CollabDataset     *dataset,
                                 CollabRecordKind   kind,
                                 GBytes            *data,
                                 const char        *name,
                                 const char        *sheet,
                                 GError           **error)
{
  CollabStore *store;
  guint n_generated = 0;
  gboolean ok;

  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = collab_dataset_begin_edit (dataset);
  ok = import_workbook (store, kind, data, name != NULL ? name : "<data>", sheet, &n_generated, error);
  collab_dataset_end_edit (dataset, ok);
  if (ok)
    collab_csv_set_n_generated (dataset, n_generated);
  return ok;
}

/**
 * collab_dataset_import_xlsx:
 * @dataset: a dataset
 * @kind: the kind of record each row is
 * @path: (type filename): an xlsx workbook
 * @sheet: (nullable): the sheet to read, or `NULL` for the one named for @kind
 * @error: return location for a #GError
 *
 * Like [method@Collab.Dataset.import_xlsx_data], from a file; messages
 * name it by @path.
 *
 * Returns: whether the rows were imported
 */
gboolean
collab_dataset_import_xlsx (CollabDataset     *dataset,
                            CollabRecordKind   kind,
                            const char        *path,
                            const char        *sheet,
                            GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = read_file (path, error);
  if (bytes == NULL)
    return FALSE;
  return collab_dataset_import_xlsx_data (dataset, kind, bytes, path, sheet, error);
}

/**
 * collab_xlsx_list_sheets:
 * @path: (type filename): an xlsx workbook
 * @error: return location for a #GError
 *
 * The names of the sheets of a workbook, in their order, to choose the
 * one to import. A file that is no xlsx workbook is an error as for
 * [method@Collab.Dataset.import_xlsx].
 *
 * Returns: (transfer full) (array zero-terminated=1): the sheets' names,
 *   or `NULL` with @error set
 */
char **
collab_xlsx_list_sheets (const char  *path,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_auto(CollabXlsxBook) book = { path, 0, NULL, 0 };
  g_autoptr(GArray) sheets = NULL;
  g_autofree char *strings_path = NULL;
  g_autofree char *styles_path = NULL;
  gboolean date1904 = FALSE;
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = read_file (path, error);
  if (bytes == NULL)
    return NULL;
  if (!collab_xlsx_book_open (&book, bytes, error))
    return NULL;
  sheets = read_sheets (&book, &date1904, &strings_path, &styles_path, error);
  if (sheets == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < sheets->len; i++)
    g_strv_builder_add (builder, g_array_index (sheets, Sheet, i).name);
  return g_strv_builder_end (builder);
}

/**
 * collab_xlsx_sheet_kind:
 * @sheet: the name of a sheet
 * @kind: (out): the kind of record a sheet of that name holds
 *
 * The kind of record a sheet holds by its name: the member of the dataset
 * document (`dispatches`), its singular (`dispatch`), in any case, or what
 * officers call the table in Chinese (派出人员, 结对关系, 资金流水, …).
 *
 * Returns: whether @sheet names a kind
 */
gboolean
collab_xlsx_sheet_kind (const char       *sheet,
                        CollabRecordKind *kind)
{
  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  return collab_csv_kind_of_table (sheet, kind);
}
