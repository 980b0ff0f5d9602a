/* collab-xlsx-cells.c: the cells of a sheet, formulas and merged ranges
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A sheet of an xlsx workbook is XML (ECMA-376 part 1, §18.3): rows of
 * cells, each with its position (`r="D7"`, and cells may be skipped), a
 * type and a value. Text is in the workbook's table of shared strings
 * (`t="s"`) or inline (`t="inlineStr"`), possibly as runs of rich text;
 * numbers are written as decimal text, and a date is a number (days since
 * 1900 or 1904) that a date format in xl/styles.xml shows as a date. A
 * formula (`<f>`) comes with the value Excel calculated (`<v>`); merged
 * ranges follow the rows (`<mergeCell ref="A3:A5"/>`).
 *
 * This file reads a sheet, with SAX (collab-xlsx-xml.c), into the grid
 * of collab-xlsx-grid.c, which makes the rows of text cells the CSV
 * import reads (collab-csv-read.c), so that a workbook is held to exactly
 * the rules of a CSV file: a number becomes its decimal digits (never a
 * double, which would lose fen), a date cell becomes `2021-03-01`, and
 * everything else its text.
 */

#include <string.h>

#include <libcollab/collab-error.h>

#include "collab-csv-private.h"
#include "collab-xlsx-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

/* The state of the cell being read. */
typedef struct
{
  guint    column;
  guint    row;
  char    *type;
  guint    style;
  GString *value;        /* `<v>` */
  GString *inline_text;  /* `<is>` */
  GString *formula;      /* `<f>` */
  char    *shared_formula;   /* its `si`, for a formula shared with others */
  gboolean has_v;
  gboolean has_f;
  gboolean in_v;
  gboolean in_is;
  gboolean in_f;
  CollabXlsxRichText rich;
} CellState;

/* What reading a sheet takes: where it is, and where it is in it. */
typedef struct
{
  const CollabXlsxPart *part;
  const char           *sheet;
  CollabXlsxStrings    *strings;
  GHashTable           *shared_formulas;   /* `si` → the formula, for messages */
  GArray               *date_styles;
  gboolean              date1904;
  CollabXlsxGrid       *grid;
  CellState             cell;
  gboolean              in_data, in_row, in_cell;
} SheetReader;

static void
cell_state_clear (CellState *cell)
{
  g_clear_pointer (&cell->type, g_free);
  g_clear_pointer (&cell->shared_formula, g_free);
}

/* The message of a cell that cannot be read: `FILE:SHEET!D7: …`. */
static void G_GNUC_PRINTF (5, 6)
cell_error (GError            **error,
            int                 code,
            const SheetReader  *sheet,
            const CellState    *cell,
            const char         *format,
            ...)
{
  g_autoptr(GString) place = g_string_new (NULL);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  collab_csv_append_column_letters (place, cell->column);
  g_set_error (error, COLLAB_DATASET_ERROR, code, "%s:%s!%s%u: %s", sheet->part->file, sheet->sheet, place->str,
               cell->row, message);
}

/* The text of the cell as the import reads it; NULL with @error set. A
 * formula's value is the one Excel saved beside it (`<f>` and `<v>`): a
 * formula without one is an error, for libcollab calculates none. */
static char *
cell_text (const SheetReader  *sheet,
           const CellState    *cell,
           GError            **error)
{
  const char *type = cell->type != NULL ? cell->type : "n";
  const char *value = cell->value->str;

  if (cell->has_f && !cell->has_v && strcmp (type, "inlineStr") != 0)
    {
      const char *formula = cell->formula->str;
      g_autofree char *shown = NULL;

      if (*formula == '\0' && cell->shared_formula != NULL)
        formula = g_hash_table_lookup (sheet->shared_formulas, cell->shared_formula);
      shown = collab_error_cut (formula != NULL ? formula : "");
      cell_error (error, COLLAB_DATASET_ERROR_INVALID_VALUE, sheet, cell,
                  /* Translators: after FILE:SHEET!CELL; %s is the formula, as A2&"县". */
                  _("the cell holds the formula =%s and no value saved with it, and libcollab calculates no "
                    "formula: open the workbook in Excel (or LibreOffice), which saves each formula's value, and "
                    "save it again"), shown);
      return NULL;
    }
  if (strcmp (type, "inlineStr") == 0)
    return g_strdup (cell->inline_text->str);
  if (strcmp (type, "s") == 0)
    {
      guint64 index;

      if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &index, NULL) ||
          index >= sheet->strings->shared->len)
        {
          g_autoptr(GString) place = g_string_new (NULL);
          g_autofree char *shown = collab_error_cut (value);

          collab_csv_append_column_letters (place, cell->column);
          g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                       _("%s:%s!%s%u: the cell refers to shared string \"%s\", which the workbook "
                         "does not have: the workbook is damaged"),
                       sheet->part->file, sheet->sheet, place->str, cell->row, shown);
          return NULL;
        }
      /* The store's own item: the caller takes it as it is. */
      return NULL;
    }
  if (strcmp (type, "b") == 0)
    return g_strdup (strcmp (value, "1") == 0 ? "true" : strcmp (value, "0") == 0 ? "false" : value);
  if (strcmp (type, "d") == 0)
    {
      /* An ISO 8601 date cell: the day, when the time is midnight. */
      if (strlen (value) > 10 && value[10] == 'T' && strspn (value + 11, "0:.Z") == strlen (value + 11))
        return g_strndup (value, 10);
      return g_strdup (value);
    }
  if (strcmp (type, "n") == 0 && *value != '\0')
    {
      char *text = NULL;

      if (cell->style < sheet->date_styles->len && g_array_index (sheet->date_styles, gboolean, cell->style))
        text = collab_xlsx_serial_date (value, sheet->date1904);
      if (text == NULL)
        text = collab_xlsx_plain_number (value);
      return text != NULL ? text : g_strdup (value);
    }
  /* `str` (a formula's text), `e` (an error such as #N/A): as written. */
  return g_strdup (value);
}

/* Adds the cell just read to the grid. */
static gboolean
end_cell (SheetReader  *sheet,
          CellState    *cell,
          GError      **error)
{
  CollabXlsxStrings *strings = sheet->strings;
  g_autofree char *text = NULL;
  guint32 at;

  /* A formula shared with the cells below it is written in full once. */
  if (cell->has_f && cell->shared_formula != NULL && cell->formula->len > 0)
    g_hash_table_insert (sheet->shared_formulas, g_strdup (cell->shared_formula), g_strdup (cell->formula->str));
  text = cell_text (sheet, cell, error);
  if (text == NULL && *error != NULL)
    return FALSE;
  if (text == NULL)
    {
      guint index = (guint) g_ascii_strtoull (cell->value->str, NULL, 10);
      guint end = index + 1 < strings->shared->len ? g_array_index (strings->shared, guint32, index + 1)
                                                   : (guint32) strings->text->len;

      at = g_array_index (strings->shared, guint32, index);
      return collab_xlsx_grid_add_cell (sheet->grid, cell->column, at, end - at - 1, error);
    }
  if (*text == '\0')
    return TRUE;
  if (!collab_xlsx_strings_add (strings, text, strlen (text), &at))
    {
      cell_error (error, COLLAB_DATASET_ERROR_FORMAT, sheet, cell,
                  _("the sheet holds more text than a workbook of records"));
      return FALSE;
    }
  return collab_xlsx_grid_add_cell (sheet->grid, cell->column, at, strlen (text), error);
}

/* The start of a row: its number, which must follow the last. */
static gboolean
start_row (SheetReader  *sheet,
           const char   *r,
           GError      **error)
{
  guint previous = collab_xlsx_grid_last_row (sheet->grid);
  guint64 number = (guint64) previous + 1;

  if ((r != NULL && !g_ascii_string_to_unsigned (r, 10, 1, COLLAB_XLSX_MAX_ROW, &number, NULL)) ||
      number <= previous || number > COLLAB_XLSX_MAX_ROW)
    {
      g_autofree char *shown = collab_error_cut (r != NULL ? r : "");

      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s: %s: row \"%s\" after row %u: rows must be numbered 1 to %u, in order"),
                   sheet->part->file, sheet->sheet, shown, previous, COLLAB_XLSX_MAX_ROW);
      return FALSE;
    }
  collab_xlsx_grid_add_row (sheet->grid, (guint) number);
  return TRUE;
}

/* The start of a cell: where it is, which must be in its row after the
 * cells before it. */
static gboolean
start_cell (SheetReader     *sheet,
            const xmlChar  **attributes,
            int              n_attributes,
            GError         **error)
{
  CellState *cell = &sheet->cell;
  g_autofree char *r = collab_xlsx_sax_attribute (attributes, n_attributes, "r");
  g_autofree char *s = collab_xlsx_sax_attribute (attributes, n_attributes, "s");
  guint row = collab_xlsx_grid_last_row (sheet->grid);
  guint next = collab_xlsx_grid_next_column (sheet->grid);
  guint column, row_number;

  if (r == NULL)
    column = next;
  else if (!collab_xlsx_parse_reference (r, &column, &row_number) || row_number != row || column < next)
    {
      g_autofree char *shown = collab_error_cut (r);

      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s: %s: the cell \"%s\" is not where row %u puts its cells: "
                     "the workbook is damaged"),
                   sheet->part->file, sheet->sheet, shown, row);
      return FALSE;
    }
  if (column >= COLLAB_XLSX_MAX_COLUMN)
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s: %s: row %u has more than %u cells"), sheet->part->file, sheet->sheet, row,
                   COLLAB_XLSX_MAX_COLUMN);
      return FALSE;
    }
  cell_state_clear (cell);
  cell->type = collab_xlsx_sax_attribute (attributes, n_attributes, "t");
  cell->column = column;
  cell->row = row;
  cell->style = s != NULL ? (guint) g_ascii_strtoull (s, NULL, 10) : 0;
  g_string_truncate (cell->value, 0);
  g_string_truncate (cell->inline_text, 0);
  g_string_truncate (cell->formula, 0);
  cell->rich = (CollabXlsxRichText) { 0 };
  cell->has_v = cell->has_f = cell->in_v = cell->in_is = cell->in_f = FALSE;
  return TRUE;
}

static gboolean
on_start (gpointer        data,
          const char     *name,
          const xmlChar **attributes,
          int             n_attributes,
          GError        **error)
{
  SheetReader *sheet = data;
  CellState *cell = &sheet->cell;

  if (sheet->in_cell)
    {
      if (strcmp (name, "v") == 0)
        cell->in_v = cell->has_v = TRUE;
      else if (strcmp (name, "f") == 0)
        {
          cell->in_f = cell->has_f = TRUE;
          g_free (cell->shared_formula);
          cell->shared_formula = collab_xlsx_sax_attribute (attributes, n_attributes, "si");
        }
      else if (strcmp (name, "is") == 0)
        cell->in_is = TRUE;
      else if (cell->in_is)
        collab_xlsx_rich_text_start (&cell->rich, name);
      return TRUE;
    }
  if (sheet->in_row && strcmp (name, "c") == 0)
    {
      sheet->in_cell = TRUE;
      return start_cell (sheet, attributes, n_attributes, error);
    }
  if (sheet->in_data && strcmp (name, "row") == 0)
    {
      g_autofree char *r = collab_xlsx_sax_attribute (attributes, n_attributes, "r");

      sheet->in_row = TRUE;
      return start_row (sheet, r, error);
    }
  if (strcmp (name, "sheetData") == 0)
    sheet->in_data = TRUE;
  else if (strcmp (name, "mergeCell") == 0)
    {
      g_autofree char *ref = collab_xlsx_sax_attribute (attributes, n_attributes, "ref");

      return collab_xlsx_grid_add_merge (sheet->grid, ref, error);
    }
  return TRUE;
}

static gboolean
on_end (gpointer     data,
        const char  *name,
        GError     **error)
{
  SheetReader *sheet = data;
  CellState *cell = &sheet->cell;

  if (sheet->in_cell)
    {
      if (strcmp (name, "c") == 0)
        {
          sheet->in_cell = FALSE;
          return end_cell (sheet, cell, error);
        }
      if (strcmp (name, "v") == 0)
        cell->in_v = FALSE;
      else if (strcmp (name, "f") == 0)
        cell->in_f = FALSE;
      else if (strcmp (name, "is") == 0)
        cell->in_is = FALSE;
      else if (cell->in_is)
        collab_xlsx_rich_text_end (&cell->rich, name);
    }
  else if (strcmp (name, "row") == 0)
    sheet->in_row = FALSE;
  else if (strcmp (name, "sheetData") == 0)
    sheet->in_data = FALSE;
  return TRUE;
}

static void
on_text (gpointer    data,
         const char *text,
         int         length)
{
  SheetReader *sheet = data;
  CellState *cell = &sheet->cell;

  if (!sheet->in_cell)
    return;
  if (cell->in_v)
    g_string_append_len (cell->value, text, length);
  else if (cell->in_f)
    g_string_append_len (cell->formula, text, length);
  else if (cell->in_is)
    collab_xlsx_rich_text_text (&cell->rich, text, length, cell->inline_text);
}

GPtrArray *
collab_xlsx_read_rows (const CollabXlsxPart *part,
                       const char           *sheet_name,
                       CollabXlsxStrings    *strings,
                       GArray               *date_styles,
                       gboolean              date1904,
                       GError              **error)
{
  static const CollabXlsxSaxFuncs funcs = { on_start, on_end, on_text };
  g_autoptr(CollabXlsxGrid) grid = collab_xlsx_grid_new (strings, part, sheet_name);
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) inline_text = g_string_new (NULL);
  g_autoptr(GString) formula = g_string_new (NULL);
  g_autoptr(GHashTable) shared_formulas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SheetReader sheet = { part, sheet_name, strings, shared_formulas, date_styles, date1904, grid, { 0 },
                        FALSE, FALSE, FALSE };
  gboolean ok;

  sheet.cell.value = value;
  sheet.cell.inline_text = inline_text;
  sheet.cell.formula = formula;
  ok = collab_xlsx_sax_parse (part, &funcs, &sheet, error);
  cell_state_clear (&sheet.cell);
  if (!ok)
    return NULL;
  return collab_xlsx_grid_end (grid, error);
}
