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
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

/* The most rows and columns Excel has; and the most cells a sheet may
 * make, its empty ones included, so that a cell at XFD1048576 cannot ask
 * for terabytes. */
#define MAX_ROW    1048576u
#define MAX_COLUMN 16384u
#define MAX_CELLS  (32u * 1024 * 1024)

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
  g_autofree char *shown = NULL;
  int ret;

  *done = FALSE;
  if (reader == NULL)
    {
      shown = collab_error_cut (part->part);
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s: %s: the part cannot be read as XML: the workbook is damaged"),
                   part->file, shown);
      return FALSE;
    }
  ret = xmlTextReaderRead (reader);
  if (ret == 1 && xmlTextReaderNodeType (reader) != XML_READER_TYPE_DOCUMENT_TYPE)
    return TRUE;

  xmlTextReaderGetErrorHandler (reader, &handler, (void **) &xml_error);
  /* The part's name comes from the workbook: cut like a value. */
  shown = collab_error_cut (part->part);
  if (ret == 0)
    *done = TRUE;
  else if (ret == 1)
    g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                 _("%s: %s: the part declares a document type, which no workbook does: "
                   "the file is not a workbook that Excel saved"),
                 part->file, shown);
  else
    g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                 _("%s: %s:%d: the XML is malformed (%s): the workbook is damaged; "
                   "open it in Excel and save it again"),
                 part->file, shown, xml_error != NULL ? xml_error->line : 0,
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

GPtrArray *
collab_xlsx_read_shared_strings (const CollabXlsxPart *part,
                                 GError              **error)
{
  g_autoptr(xmlTextReader) reader = collab_xlsx_xml_open (part);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  GString *item = NULL;
  RichText state = { 0 };
  gboolean done;

  while (collab_xlsx_xml_next (reader, part, &done, error))
    {
      if (collab_xlsx_xml_is (reader, XML_READER_TYPE_ELEMENT, "si"))
        {
          if (item != NULL)
            g_string_free (item, TRUE);
          item = g_string_new (NULL);
          state = (RichText) { 0 };
          if (xmlTextReaderIsEmptyElement (reader))
            g_ptr_array_add (strings, g_string_free (g_steal_pointer (&item), FALSE));
        }
      else if (collab_xlsx_xml_is (reader, XML_READER_TYPE_END_ELEMENT, "si") && item != NULL)
        g_ptr_array_add (strings, g_string_free (g_steal_pointer (&item), FALSE));
      else if (item != NULL)
        rich_text_feed (&state, reader, item);
    }
  if (item != NULL)
    g_string_free (item, TRUE);
  return done ? g_steal_pointer (&strings) : NULL;
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

typedef struct
{
  guint  column;
  char  *text;
} Cell;

typedef struct
{
  guint   number;
  GArray *cells;   /* of Cell, by column */
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < row->cells->len; i++)
    g_free (g_array_index (row->cells, Cell, i).text);
  g_array_unref (row->cells);
}

/* `D7` as the 0-based column 3 and the row 7; FALSE for anything else. */
static gboolean
parse_reference (const char *text,
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
  char    *type;
  guint    style;
  GString *value;      /* `<v>` */
  GString *inline_text;  /* `<is>` */
  gboolean in_v;
  gboolean in_is;
  RichText rich;
} CellState;

static char *
cell_text (const CellState      *cell,
           const CollabXlsxPart *part,
           const char           *sheet,
           guint                 row,
           GPtrArray            *shared_strings,
           GArray               *date_styles,
           gboolean              date1904,
           GError              **error)
{
  const char *type = cell->type != NULL ? cell->type : "n";
  const char *value = cell->value->str;

  if (strcmp (type, "inlineStr") == 0)
    return g_strdup (cell->inline_text->str);
  if (strcmp (type, "s") == 0)
    {
      guint64 index;

      if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &index, NULL) ||
          shared_strings == NULL || index >= shared_strings->len)
        {
          g_autoptr(GString) place = g_string_new (NULL);
          g_autofree char *shown = collab_error_cut (value);

          collab_csv_append_column_letters (place, cell->column);
          g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                       _("%s:%s!%s%u: the cell refers to shared string \"%s\", which the workbook "
                         "does not have: the workbook is damaged"),
                       part->file, sheet, place->str, row, shown);
          return NULL;
        }
      return g_strdup (g_ptr_array_index (shared_strings, index));
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

      if (cell->style < date_styles->len && g_array_index (date_styles, gboolean, cell->style))
        text = collab_xlsx_serial_date (value, date1904);
      if (text == NULL)
        text = collab_xlsx_plain_number (value);
      return text != NULL ? text : g_strdup (value);
    }
  /* `str` (a formula's text), `e` (an error such as #N/A): as written. */
  return g_strdup (value);
}

/* The rows read, as the CSV import takes them: every row as wide as the
 * widest that holds text, each one allocation. */
static GPtrArray *
make_rows (GArray               *rows,
           guint                 width,
           const CollabXlsxPart *part,
           const char           *sheet,
           GError              **error)
{
  GPtrArray *out;

  if ((guint64) width * rows->len > MAX_CELLS)
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s: %s: the sheet has %u rows and %u columns, more cells than an import reads"),
                   part->file, sheet, rows->len, width);
      return NULL;
    }

  out = g_ptr_array_new_full (rows->len, g_free);
  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);
      gsize size = sizeof (CollabCsvRow) + (width + 1) * sizeof (char *) + 1;
      CollabCsvRow *csv_row;
      char *text;

      for (guint i = 0; i < row->cells->len; i++)
        if (g_array_index (row->cells, Cell, i).column < width)
          size += strlen (g_array_index (row->cells, Cell, i).text) + 1;

      csv_row = g_malloc0 (size);
      csv_row->line = row->number;
      csv_row->n_cells = width;
      csv_row->cells = (char **) (csv_row + 1);
      text = (char *) (csv_row->cells + width + 1);
      *text = '\0';
      for (guint c = 0; c < width; c++)
        csv_row->cells[c] = text;   /* the empty string at the start */
      text++;
      for (guint i = 0; i < row->cells->len; i++)
        {
          const Cell *cell = &g_array_index (row->cells, Cell, i);
          gsize n = strlen (cell->text) + 1;

          if (cell->column >= width)
            continue;
          memcpy (text, cell->text, n);
          csv_row->cells[cell->column] = text;
          text += n;
        }
      g_ptr_array_add (out, csv_row);
    }
  return out;
}

GPtrArray *
collab_xlsx_read_rows (const CollabXlsxPart *part,
                       const char           *sheet,
                       GPtrArray            *shared_strings,
                       GArray               *date_styles,
                       gboolean              date1904,
                       GError              **error)
{
  g_autoptr(xmlTextReader) reader = collab_xlsx_xml_open (part);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) inline_text = g_string_new (NULL);
  CellState cell = { 0, NULL, 0, value, inline_text, FALSE, FALSE, { 0 } };
  /* What cell.type points to, freed on every return, the early ones of a
   * damaged sheet included (fuzz-xlsx found one that leaked it). */
  g_autofree char *cell_type = NULL;
  Row *row = NULL;
  guint width = 0;
  gboolean in_cell = FALSE;
  gboolean done;

  g_array_set_clear_func (rows, row_clear);
  while (collab_xlsx_xml_next (reader, part, &done, error))
    {
      if (collab_xlsx_xml_is (reader, XML_READER_TYPE_ELEMENT, "row"))
        {
          g_autofree char *r = collab_xlsx_xml_attribute (reader, "r");
          guint previous = rows->len > 0 ? g_array_index (rows, Row, rows->len - 1).number : 0;
          guint64 number = previous + 1;

          if ((r != NULL && !g_ascii_string_to_unsigned (r, 10, 1, MAX_ROW, &number, NULL)) ||
              number <= previous || number > MAX_ROW)
            {
              g_autofree char *shown = collab_error_cut (r != NULL ? r : "");

              g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                           _("%s: %s: row \"%s\" after row %u: rows must be numbered 1 to %u, in order"),
                           part->file, sheet, shown, previous, MAX_ROW);
              return NULL;
            }
          g_array_set_size (rows, rows->len + 1);
          row = &g_array_index (rows, Row, rows->len - 1);
          row->number = (guint) number;
          row->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
        }
      else if (row != NULL && collab_xlsx_xml_is (reader, XML_READER_TYPE_ELEMENT, "c"))
        {
          g_autofree char *r = collab_xlsx_xml_attribute (reader, "r");
          g_autofree char *s = collab_xlsx_xml_attribute (reader, "s");
          guint column, row_number;
          guint next = row->cells->len > 0 ? g_array_index (row->cells, Cell, row->cells->len - 1).column + 1 : 0;

          if (r == NULL)
            column = next;
          else if (!parse_reference (r, &column, &row_number) || row_number != row->number || column < next)
            {
              g_autofree char *shown = collab_error_cut (r);

              g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                           _("%s: %s: the cell \"%s\" is not where row %u puts its cells: "
                             "the workbook is damaged"),
                           part->file, sheet, shown, row->number);
              return NULL;
            }
          if (column >= MAX_COLUMN)
            {
              g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                           _("%s: %s: row %u has more than %u cells"), part->file, sheet, row->number, MAX_COLUMN);
              return NULL;
            }
          g_free (cell_type);
          cell.type = cell_type = collab_xlsx_xml_attribute (reader, "t");
          cell.column = column;
          cell.style = s != NULL ? (guint) g_ascii_strtoull (s, NULL, 10) : 0;
          g_string_truncate (value, 0);
          g_string_truncate (inline_text, 0);
          cell.rich = (RichText) { 0 };
          cell.in_v = cell.in_is = FALSE;
          in_cell = !xmlTextReaderIsEmptyElement (reader);
          if (!in_cell)
            g_array_append_val (row->cells, ((Cell) { column, g_strdup ("") }));
        }
      else if (in_cell && collab_xlsx_xml_is (reader, XML_READER_TYPE_END_ELEMENT, "c"))
        {
          char *text = cell_text (&cell, part, sheet, row->number, shared_strings, date_styles, date1904, error);

          if (text == NULL)
            return NULL;
          if (*text != '\0')
            width = MAX (width, cell.column + 1);
          g_array_append_val (row->cells, ((Cell) { cell.column, text }));
          in_cell = FALSE;
        }
      else if (in_cell && collab_xlsx_xml_is (reader, XML_READER_TYPE_ELEMENT, "v"))
        cell.in_v = !xmlTextReaderIsEmptyElement (reader);
      else if (in_cell && collab_xlsx_xml_is (reader, XML_READER_TYPE_END_ELEMENT, "v"))
        cell.in_v = FALSE;
      else if (in_cell && collab_xlsx_xml_is (reader, XML_READER_TYPE_ELEMENT, "is"))
        cell.in_is = !xmlTextReaderIsEmptyElement (reader);
      else if (in_cell && collab_xlsx_xml_is (reader, XML_READER_TYPE_END_ELEMENT, "is"))
        cell.in_is = FALSE;
      else if (in_cell && cell.in_v && is_text (reader))
        g_string_append (value, (const char *) xmlTextReaderConstValue (reader));
      else if (in_cell && cell.in_is)
        rich_text_feed (&cell.rich, reader, inline_text);
    }
  if (!done)
    return NULL;

  return make_rows (rows, width, part, sheet, error);
}
