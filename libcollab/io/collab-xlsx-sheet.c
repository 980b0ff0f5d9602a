/* collab-xlsx-sheet.c: the XML parts of a workbook as rows of text
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A sheet of an xlsx workbook is XML (ECMA-376 part 1, §18.3): rows of
 * cells, each with its position (`r="D7"`, and cells may be skipped), a
 * type and a value. Text is in the workbook's table of shared strings
 * (`t="s"`) or inline (`t="inlineStr"`), possibly as runs of rich text;
 * numbers are written as decimal text, and a date is a number (days since
 * 1900 or 1904) that a date format in xl/styles.xml shows as a date.
 *
 * This file turns a sheet into the rows of text cells the CSV import
 * reads (collab-csv-read.c), so that a workbook is held to exactly the
 * rules of a CSV file: a number becomes its decimal digits (never a
 * double, which would lose fen), a date cell becomes `2021-03-01`, and
 * everything else its text. libxml2's xmlTextReader streams the XML; no
 * DTD is read, no entity expanded, no network opened, and a part with a
 * document type declaration is refused.
 */

#include <string.h>

#include <libcollab/collab-error.h>

#include "collab-csv-private.h"
#include "collab-xlsx-private.h"
#include "types/collab-i18n-private.h"

/* The most rows and columns Excel has (collab-xlsx-grid.c bounds what a
 * sheet may make of them). */
#define MAX_ROW    1048576u
#define MAX_COLUMN 16384u

/* XML ---------------------------------------------------------------------- */

typedef struct
{
  char *message;
  int   line;
} XmlError;

static void
on_xml_error (void                    *data,
              const char              *message,
              xmlParserSeverities      severity,
              xmlTextReaderLocatorPtr  locator)
{
  XmlError *xml_error = data;

  if (xml_error->message != NULL ||
      (severity != XML_PARSER_SEVERITY_ERROR && severity != XML_PARSER_SEVERITY_VALIDITY_ERROR))
    return;
  xml_error->message = g_strstrip (g_strdup (message));
  xml_error->line = xmlTextReaderLocatorLineNumber (locator);
}

xmlTextReaderPtr
collab_xlsx_xml_open (const CollabXlsxPart *part)
{
  static gsize initialized = 0;
  xmlTextReaderPtr reader;

  /* libxml2 sets up its global state on first use, which two threads
   * importing at once must not race to do. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }

  /* No XML_PARSE_NOENT (entities stay unexpanded), no DTDLOAD or
   * DTDATTR (no DTD is read), no HUGE (libxml2's limits hold). */
  reader = xmlReaderForMemory (part->data, (int) part->length, NULL, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOWARNING);
  if (reader != NULL)
    xmlTextReaderSetErrorHandler (reader, on_xml_error, g_new0 (XmlError, 1));
  return reader;
}

gboolean
collab_xlsx_xml_next (xmlTextReaderPtr      reader,
                      const CollabXlsxPart *part,
                      gboolean             *done,
                      GError              **error)
{
  xmlTextReaderErrorFunc handler;
  XmlError *xml_error;
  int ret;

  *done = FALSE;
  if (reader == NULL)
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s: %s: the part cannot be read as XML: the workbook is damaged"),
                   part->file, part->part);
      return FALSE;
    }
  ret = xmlTextReaderRead (reader);
  if (ret == 1 && xmlTextReaderNodeType (reader) != XML_READER_TYPE_DOCUMENT_TYPE)
    return TRUE;

  xmlTextReaderGetErrorHandler (reader, &handler, (void **) &xml_error);
  if (ret == 0)
    *done = TRUE;
  else if (ret == 1)
    g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                 _("%s: %s: the part declares a document type, which no workbook does: "
                   "the file is not a workbook that Excel saved"),
                 part->file, part->part);
  else
    g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                 _("%s: %s:%d: the XML is malformed (%s): the workbook is damaged; "
                   "open it in Excel and save it again"),
                 part->file, part->part, xml_error != NULL ? xml_error->line : 0,
                 xml_error != NULL && xml_error->message != NULL ? xml_error->message : "?");
  return FALSE;
}

void
collab_xlsx_xml_close (xmlTextReaderPtr reader)
{
  xmlTextReaderErrorFunc handler;
  XmlError *xml_error = NULL;

  if (reader == NULL)
    return;
  xmlTextReaderGetErrorHandler (reader, &handler, (void **) &xml_error);
  if (xml_error != NULL)
    g_free (xml_error->message);
  g_free (xml_error);
  xmlFreeTextReader (reader);
}

char *
collab_xlsx_xml_attribute (xmlTextReaderPtr  reader,
                           const char       *name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    if (strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0)
      {
        value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
        break;
      }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return value;
}

gboolean
collab_xlsx_xml_is (xmlTextReaderPtr  reader,
                    int               type,
                    const char       *local_name)
{
  return xmlTextReaderNodeType (reader) == type &&
         strcmp ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0;
}

/* The text of the current node when it is text inside a `t` element. */
static gboolean
is_text (xmlTextReaderPtr reader)
{
  int type = xmlTextReaderNodeType (reader);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
         type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE;
}

/* Rich text ---------------------------------------------------------------- */

/* A string item (`<si>` of the shared strings, `<is>` of a cell): the
 * text of its `t` elements, plain or in runs (`<r><t>`), without the
 * phonetic guide of `<rPh>`. Feeds the current node to @text; returns
 * whether it was part of the item. */
typedef struct
{
  gboolean in_t;
  gboolean in_phonetic;
} RichText;

static void
rich_text_feed (RichText         *state,
                xmlTextReaderPtr  reader,
                GString          *text)
{
  if (collab_xlsx_xml_is (reader, XML_READER_TYPE_ELEMENT, "rPh") && !xmlTextReaderIsEmptyElement (reader))
    state->in_phonetic = TRUE;
  else if (collab_xlsx_xml_is (reader, XML_READER_TYPE_END_ELEMENT, "rPh"))
    state->in_phonetic = FALSE;
  else if (collab_xlsx_xml_is (reader, XML_READER_TYPE_ELEMENT, "t") && !xmlTextReaderIsEmptyElement (reader))
    state->in_t = TRUE;
  else if (collab_xlsx_xml_is (reader, XML_READER_TYPE_END_ELEMENT, "t"))
    state->in_t = FALSE;
  else if (state->in_t && !state->in_phonetic && is_text (reader))
    g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
}

gboolean
collab_xlsx_read_shared_strings (const CollabXlsxPart *part,
                                 CollabXlsxStrings    *strings,
                                 GError              **error)
{
  g_autoptr(xmlTextReader) reader = collab_xlsx_xml_open (part);
  g_autoptr(GString) item = g_string_new (NULL);
  gboolean in_item = FALSE;
  RichText state = { 0 };
  gboolean done;

  /* Each item is copied into the store, one after another: no allocation
   * of its own (a table of millions of short strings stays compact). */
  while (collab_xlsx_xml_next (reader, part, &done, error))
    {
      gboolean start = collab_xlsx_xml_is (reader, XML_READER_TYPE_ELEMENT, "si");

      if (start)
        {
          g_string_truncate (item, 0);
          state = (RichText) { 0 };
          in_item = !xmlTextReaderIsEmptyElement (reader);
        }
      else if (in_item && collab_xlsx_xml_is (reader, XML_READER_TYPE_END_ELEMENT, "si"))
        in_item = FALSE;
      else
        {
          if (in_item)
            rich_text_feed (&state, reader, item);
          continue;
        }
      if (!in_item)
        {
          guint32 at;

          if (!collab_xlsx_strings_add (strings, item->str, item->len, &at))
            {
              g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT,
                           /* Translators: the file, then the part (xl/sharedStrings.xml). */
                           _("%s: %s: the shared strings hold more text than a workbook of records"),
                           part->file, part->part);
              return FALSE;
            }
          g_array_append_val (strings->shared, at);
        }
    }
  return done;
}

/* Styles ------------------------------------------------------------------- */

/* The built-in number formats that show a date (ECMA-376 §18.8.30 and the
 * Chinese ones Excel adds: 27–31, 36, 50–58). Times alone (18–21, 32–35,
 * 45–47) are not dates. */
static gboolean
builtin_date_format (guint id)
{
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 ||
         (id >= 50 && id <= 58);
}

/* Whether a format code (`yyyy/m/d;@`, `yyyy"年"m"月"d"日"`) shows a date:
 * it has a day or a year outside quoted text, escapes and [colours]. */
static gboolean
custom_date_format (const char *code)
{
  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '"')
        {
          const char *end = strchr (p + 1, '"');

          if (end == NULL)
            return FALSE;
          p = end;
        }
      else if (*p == '[')
        {
          const char *end = strchr (p + 1, ']');

          if (end == NULL)
            return FALSE;
          p = end;
        }
      else if (*p == '\\' || *p == '_' || *p == '*')
        {
          if (p[1] == '\0')
            return FALSE;
          p++;
        }
      else if (*p == 'y' || *p == 'Y' || *p == 'd' || *p == 'D')
        return TRUE;
    }
  return FALSE;
}

GArray *
collab_xlsx_read_date_styles (const CollabXlsxPart *part,
                              GError              **error)
{
  g_autoptr(xmlTextReader) reader = collab_xlsx_xml_open (part);
  g_autoptr(GArray) dates = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(GHashTable) custom = g_hash_table_new (g_direct_hash, g_direct_equal);
  gboolean in_cell_xfs = FALSE;
  gboolean done;

  while (collab_xlsx_xml_next (reader, part, &done, error))
    {
      if (collab_xlsx_xml_is (reader, XML_READER_TYPE_ELEMENT, "numFmt"))
        {
          g_autofree char *id = collab_xlsx_xml_attribute (reader, "numFmtId");
          g_autofree char *code = collab_xlsx_xml_attribute (reader, "formatCode");

          if (id != NULL && code != NULL && custom_date_format (code))
            g_hash_table_add (custom, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)));
        }
      else if (collab_xlsx_xml_is (reader, XML_READER_TYPE_ELEMENT, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (reader);
      else if (collab_xlsx_xml_is (reader, XML_READER_TYPE_END_ELEMENT, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && collab_xlsx_xml_is (reader, XML_READER_TYPE_ELEMENT, "xf"))
        {
          g_autofree char *id_text = collab_xlsx_xml_attribute (reader, "numFmtId");
          guint id = id_text != NULL ? (guint) g_ascii_strtoull (id_text, NULL, 10) : 0;
          gboolean date = builtin_date_format (id) || g_hash_table_contains (custom, GUINT_TO_POINTER (id));

          g_array_append_val (dates, date);
        }
    }
  return done ? g_steal_pointer (&dates) : NULL;
}

/* Values ------------------------------------------------------------------- */

char *
collab_xlsx_plain_number (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;
  gboolean negative = FALSE;
  int point = -1;   /* digits before the decimal point */
  gint64 exponent = 0;
  GString *out;
  int start, end;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; g_ascii_isdigit (*p) || (*p == '.' && point < 0); p++)
    if (*p == '.')
      point = (int) digits->len;
    else
      g_string_append_c (digits, *p);
  if (point < 0)
    point = (int) digits->len;
  if (digits->len == 0)
    return NULL;
  if (*p == 'e' || *p == 'E')
    {
      char *end_exponent;

      exponent = g_ascii_strtoll (p + 1, &end_exponent, 10);
      if (end_exponent == p + 1 || exponent < -400 || exponent > 400)
        return NULL;
      p = end_exponent;
    }
  if (*p != '\0')
    return NULL;

  /* Move the point, then drop the zeros that carry no value. */
  point += (int) exponent;
  while (point < 1)
    {
      g_string_prepend_c (digits, '0');
      point++;
    }
  while ((int) digits->len < point)
    g_string_append_c (digits, '0');
  for (start = 0; start < point - 1 && digits->str[start] == '0'; start++)
    ;
  for (end = (int) digits->len; end > point && digits->str[end - 1] == '0'; end--)
    ;

  out = g_string_new (negative ? "-" : "");
  g_string_append_len (out, digits->str + start, point - start);
  if (end > point)
    {
      g_string_append_c (out, '.');
      g_string_append_len (out, digits->str + point, end - point);
    }
  if (strcmp (out->str, "-0") == 0)
    g_string_assign (out, "0");
  return g_string_free (out, FALSE);
}

char *
collab_xlsx_serial_date (const char *serial,
                         gboolean    date1904)
{
  char *end;
  double value = g_ascii_strtod (serial, &end);
  gint64 days;
  guint seconds;
  GDate date;

  if (end == serial || *end != '\0' || !(value >= 1 && value < 2958466))
    return NULL;
  days = (gint64) value;
  seconds = (guint) ((value - (double) days) * 86400 + 0.5);

  /* The 1900 system counts 1900-01-01 as day 1 and, as Lotus 1-2-3 did,
   * has a 29 February 1900: day 60, which the reader then refuses as
   * the day that never was. Days after it are one off. */
  if (!date1904 && days == 60)
    return g_strdup ("1900-02-29");
  if (date1904)
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
  else
    g_date_set_dmy (&date, days < 60 ? 31 : 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, (guint) days);

  /* A time of day other than midnight is kept, for the import to refuse
   * in a date; 86400 rounds up to the next midnight. */
  if (seconds >= 86400)
    {
      g_date_add_days (&date, 1);
      seconds = 0;
    }
  if (seconds != 0)
    return g_strdup_printf ("%04u-%02u-%02u %02u:%02u:%02u", g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), seconds / 3600, seconds / 60 % 60, seconds % 60);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* Rows --------------------------------------------------------------------- */

gboolean
collab_xlsx_parse_reference (const char *text,
                             guint      *column,
                             guint      *row)
{
  const char *p = text;
  guint c = 0;
  guint64 r;
  char *end;

  for (; g_ascii_isalpha (*p) && c <= MAX_COLUMN; p++)
    c = c * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
  if (c == 0 || c > MAX_COLUMN || !g_ascii_isdigit (*p))
    return FALSE;
  r = g_ascii_strtoull (p, &end, 10);
  if (*end != '\0' || r == 0 || r > MAX_ROW)
    return FALSE;
  *column = c - 1;
  *row = (guint) r;
  return TRUE;
}

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
  RichText rich;
} CellState;

/* What reading a sheet takes, for each of its cells. */
typedef struct
{
  const CollabXlsxPart *part;
  const char           *sheet;
  CollabXlsxStrings    *strings;
  GHashTable           *shared_formulas;   /* `si` → the formula, for messages */
  GArray               *date_styles;
  gboolean              date1904;
  CollabXlsxGrid       *grid;
} SheetReader;

static void
cell_state_clear (CellState *cell)
{
  g_clear_pointer (&cell->type, g_free);
  g_clear_pointer (&cell->shared_formula, g_free);
}

/* @text, or its first @n characters and an ellipsis: what a message
 * quotes of a hostile file stays short. */
static char *
shorten (const char *text,
         glong       n)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= n)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, n);
  return g_strconcat (start, "…", NULL);
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
      shown = shorten (formula != NULL ? formula : "", 80);
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

          collab_csv_append_column_letters (place, cell->column);
          g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                       _("%s:%s!%s%u: the cell refers to shared string \"%s\", which the workbook "
                         "does not have: the workbook is damaged"),
                       sheet->part->file, sheet->sheet, place->str, cell->row, value);
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
start_row (xmlTextReaderPtr   reader,
           SheetReader       *sheet,
           GError           **error)
{
  g_autofree char *r = collab_xlsx_xml_attribute (reader, "r");
  guint previous = collab_xlsx_grid_last_row (sheet->grid);
  guint64 number = (guint64) previous + 1;

  if ((r != NULL && !g_ascii_string_to_unsigned (r, 10, 1, MAX_ROW, &number, NULL)) ||
      number <= previous || number > MAX_ROW)
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s: %s: row \"%s\" after row %u: rows must be numbered 1 to %u, in order"),
                   sheet->part->file, sheet->sheet, r != NULL ? r : "", previous, MAX_ROW);
      return FALSE;
    }
  collab_xlsx_grid_add_row (sheet->grid, (guint) number);
  return TRUE;
}

/* The start of a cell: where it is, which must be in its row after the
 * cells before it. */
static gboolean
start_cell (xmlTextReaderPtr   reader,
            SheetReader       *sheet,
            CellState         *cell,
            GError           **error)
{
  g_autofree char *r = collab_xlsx_xml_attribute (reader, "r");
  g_autofree char *s = collab_xlsx_xml_attribute (reader, "s");
  guint row = collab_xlsx_grid_last_row (sheet->grid);
  guint next = collab_xlsx_grid_next_column (sheet->grid);
  guint column, row_number;

  if (r == NULL)
    column = next;
  else if (!collab_xlsx_parse_reference (r, &column, &row_number) || row_number != row || column < next)
    {
      /* A reference is short; a hostile one is shown cut. */
      g_autofree char *shown = shorten (r, 40);

      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s: %s: the cell \"%s\" is not where row %u puts its cells: "
                     "the workbook is damaged"),
                   sheet->part->file, sheet->sheet, shown, row);
      return FALSE;
    }
  if (column >= MAX_COLUMN)
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s: %s: row %u has more than %u cells"), sheet->part->file, sheet->sheet, row, MAX_COLUMN);
      return FALSE;
    }
  cell_state_clear (cell);
  cell->type = collab_xlsx_xml_attribute (reader, "t");
  cell->column = column;
  cell->row = row;
  cell->style = s != NULL ? (guint) g_ascii_strtoull (s, NULL, 10) : 0;
  g_string_truncate (cell->value, 0);
  g_string_truncate (cell->inline_text, 0);
  g_string_truncate (cell->formula, 0);
  cell->rich = (RichText) { 0 };
  cell->has_v = cell->has_f = cell->in_v = cell->in_is = cell->in_f = FALSE;
  return TRUE;
}

/* A node inside a cell: its value, inline text or formula. */
static void
feed_cell (xmlTextReaderPtr  reader,
           int               type,
           const char       *name,
           CellState        *cell)
{
  gboolean element = type == XML_READER_TYPE_ELEMENT;
  gboolean end = type == XML_READER_TYPE_END_ELEMENT;

  if ((element || end) && strcmp (name, "v") == 0)
    {
      cell->in_v = element && !xmlTextReaderIsEmptyElement (reader);
      cell->has_v = TRUE;
    }
  else if ((element || end) && strcmp (name, "f") == 0)
    {
      cell->in_f = element && !xmlTextReaderIsEmptyElement (reader);
      cell->has_f = TRUE;
      if (element)
        cell->shared_formula = collab_xlsx_xml_attribute (reader, "si");
    }
  else if ((element || end) && strcmp (name, "is") == 0)
    cell->in_is = element && !xmlTextReaderIsEmptyElement (reader);
  else if (cell->in_v && is_text (reader))
    g_string_append (cell->value, (const char *) xmlTextReaderConstValue (reader));
  else if (cell->in_f && is_text (reader))
    g_string_append (cell->formula, (const char *) xmlTextReaderConstValue (reader));
  else if (cell->in_is)
    rich_text_feed (&cell->rich, reader, cell->inline_text);
}

GPtrArray *
collab_xlsx_read_rows (const CollabXlsxPart *part,
                       const char           *sheet_name,
                       CollabXlsxStrings    *strings,
                       GArray               *date_styles,
                       gboolean              date1904,
                       GError              **error)
{
  g_autoptr(xmlTextReader) reader = collab_xlsx_xml_open (part);
  g_autoptr(CollabXlsxGrid) grid = collab_xlsx_grid_new (strings, part, sheet_name);
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) inline_text = g_string_new (NULL);
  g_autoptr(GString) formula = g_string_new (NULL);
  g_autoptr(GHashTable) shared_formulas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SheetReader sheet = { part, sheet_name, strings, shared_formulas, date_styles, date1904, grid };
  CellState cell = { 0 };
  gboolean in_data = FALSE, in_row = FALSE, in_cell = FALSE;
  gboolean ok = TRUE;
  gboolean done;

  cell.value = value;
  cell.inline_text = inline_text;
  cell.formula = formula;
  while (ok && collab_xlsx_xml_next (reader, part, &done, error))
    {
      /* The node's type and name once: a sheet has millions of nodes. */
      int type = xmlTextReaderNodeType (reader);
      const char *name = type == XML_READER_TYPE_ELEMENT || type == XML_READER_TYPE_END_ELEMENT
                         ? (const char *) xmlTextReaderConstLocalName (reader) : "";
      gboolean element = type == XML_READER_TYPE_ELEMENT;
      gboolean end = type == XML_READER_TYPE_END_ELEMENT;

      if (in_cell)
        {
          if (end && strcmp (name, "c") == 0)
            {
              in_cell = FALSE;
              ok = end_cell (&sheet, &cell, error);
            }
          else
            feed_cell (reader, type, name, &cell);
        }
      else if (in_row && element && strcmp (name, "c") == 0)
        {
          ok = start_cell (reader, &sheet, &cell, error);
          in_cell = !xmlTextReaderIsEmptyElement (reader);
        }
      else if (in_data && element && strcmp (name, "row") == 0)
        {
          ok = start_row (reader, &sheet, error);
          in_row = !xmlTextReaderIsEmptyElement (reader);
        }
      else if (end && strcmp (name, "row") == 0)
        in_row = FALSE;
      else if ((element || end) && strcmp (name, "sheetData") == 0)
        in_data = element && !xmlTextReaderIsEmptyElement (reader);
      else if (element && strcmp (name, "mergeCell") == 0)
        {
          g_autofree char *ref = collab_xlsx_xml_attribute (reader, "ref");

          ok = collab_xlsx_grid_add_merge (grid, ref, error);
        }
    }
  cell_state_clear (&cell);
  if (!ok || !done)
    return NULL;

  return collab_xlsx_grid_end (grid, error);
}
