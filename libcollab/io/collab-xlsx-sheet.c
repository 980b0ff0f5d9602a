/* collab-xlsx-sheet.c: the shared strings, the styles and the values of cells
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What the cells of a sheet (collab-xlsx-cells.c) are read with: the
 * workbook's table of shared strings (xl/sharedStrings.xml, read with
 * SAX into the text store), which cell formats show a number as a date
 * (xl/styles.xml), a number as its decimal digits (never a double, which
 * would lose fen), a date serial as the day it counts to, and a cell
 * reference as its column and row.
 */

#include <string.h>

#include <libcollab/collab-error.h>

#include "collab-csv-private.h"
#include "collab-xlsx-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

/* Shared strings ------------------------------------------------------------ */

typedef struct
{
  CollabXlsxStrings    *strings;
  const CollabXlsxPart *part;
  GString              *item;
  gboolean              in_item;
  CollabXlsxRichText    rich;
} SharedStrings;

static gboolean
shared_start (gpointer        data,
              const char     *name,
              const xmlChar **attributes,
              int             n_attributes,
              GError        **error)
{
  SharedStrings *shared = data;

  if (strcmp (name, "si") == 0)
    {
      g_string_truncate (shared->item, 0);
      shared->rich = (CollabXlsxRichText) { 0 };
      shared->in_item = TRUE;
    }
  else if (shared->in_item)
    collab_xlsx_rich_text_start (&shared->rich, name);
  return TRUE;
}

static gboolean
shared_end (gpointer     data,
            const char  *name,
            GError     **error)
{
  SharedStrings *shared = data;
  guint32 at;

  if (!shared->in_item)
    return TRUE;
  if (strcmp (name, "si") != 0)
    {
      collab_xlsx_rich_text_end (&shared->rich, name);
      return TRUE;
    }
  /* Each item is copied into the store, one after another: no allocation
   * of its own (a table of millions of short strings stays compact). */
  shared->in_item = FALSE;
  if (!collab_xlsx_strings_add (shared->strings, shared->item->str, shared->item->len, &at))
    {
      g_autofree char *shown = collab_error_cut (shared->part->part);

      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT,
                   /* Translators: the file, then the part (xl/sharedStrings.xml). */
                   _("%s: %s: the shared strings hold more text than a workbook of records"),
                   shared->part->file, shown);
      return FALSE;
    }
  g_array_append_val (shared->strings->shared, at);
  return TRUE;
}

static void
shared_text (gpointer    data,
             const char *text,
             int         length)
{
  SharedStrings *shared = data;

  if (shared->in_item)
    collab_xlsx_rich_text_text (&shared->rich, text, length, shared->item);
}

gboolean
collab_xlsx_read_shared_strings (const CollabXlsxPart *part,
                                 CollabXlsxStrings    *strings,
                                 GError              **error)
{
  static const CollabXlsxSaxFuncs funcs = { shared_start, shared_end, shared_text };
  g_autoptr(GString) item = g_string_new (NULL);
  SharedStrings shared = { strings, part, item, FALSE, { 0 } };

  return collab_xlsx_sax_parse (part, &funcs, &shared, error);
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

/* References ---------------------------------------------------------------- */

gboolean
collab_xlsx_parse_reference (const char *text,
                             guint      *column,
                             guint      *row)
{
  const char *p = text;
  guint c = 0;
  guint64 r;
  char *end;

  for (; g_ascii_isalpha (*p) && c <= COLLAB_XLSX_MAX_COLUMN; p++)
    c = c * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
  if (c == 0 || c > COLLAB_XLSX_MAX_COLUMN || !g_ascii_isdigit (*p))
    return FALSE;
  r = g_ascii_strtoull (p, &end, 10);
  if (*end != '\0' || r == 0 || r > COLLAB_XLSX_MAX_ROW)
    return FALSE;
  *column = c - 1;
  *row = (guint) r;
  return TRUE;
}
