/* collab-xlsx-private.h: what the files of the xlsx import share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   collab-xlsx-read.c   the container: what the file is (a zip, an .xls,
 *                        an encrypted workbook, text), the parts read
 *                        within size caps, the workbook's sheets and
 *                        which one to read; the public API
 *   collab-xlsx-xml.c    libxml2, safely: a cursor for the small parts,
 *                        SAX for the large ones, and rich text
 *   collab-xlsx-sheet.c  the shared strings, the styles that make a
 *                        number a date, the values of cells
 *   collab-xlsx-cells.c  a sheet's cells, formulas and merged ranges
 *   collab-xlsx-grid.c   the cells kept within bounds, merged ranges
 *                        filled, and the rows of text cells the CSV
 *                        import reads (collab-csv-read.c)
 *
 * Neither parses zip or XML by hand: libgsf reads the zip, libxml2 the
 * XML, without network access, DTDs or entity expansion.
 */

#pragma once

#include <glib.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

/* The most rows and columns Excel has (collab-xlsx-grid.c bounds what a
 * sheet may make of them). */
#define COLLAB_XLSX_MAX_ROW    1048576u
#define COLLAB_XLSX_MAX_COLUMN 16384u

/* A part of the workbook in memory, and the names messages give it. */
typedef struct
{
  const char *file;   /* the workbook, as messages name it */
  const char *part;   /* xl/workbook.xml */
  const char *data;
  gsize       length;
} CollabXlsxPart;

/* A streaming reader of @part that reads no DTD, expands no entity and
 * opens no network connection. */
xmlTextReaderPtr  collab_xlsx_xml_open          (const CollabXlsxPart *part);
void              collab_xlsx_xml_close         (xmlTextReaderPtr      reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, collab_xlsx_xml_close)
/* Advances @reader; FALSE at the end or, with @error set, on malformed
 * XML or a document type declaration (no part of a workbook has one). */
gboolean          collab_xlsx_xml_next          (xmlTextReaderPtr      reader,
                                                 const CollabXlsxPart *part,
                                                 gboolean             *done,
                                                 GError              **error);
/* The attribute @name of the current element, by local name, or NULL. */
char             *collab_xlsx_xml_attribute     (xmlTextReaderPtr      reader,
                                                 const char           *name);
gboolean          collab_xlsx_xml_is            (xmlTextReaderPtr      reader,
                                                 int                   type,
                                                 const char           *local_name);

/* A SAX parse of @part (collab-xlsx-xml.c), for the large parts: each
 * element's start and end by local name, and text. A callback that
 * returns FALSE with @error set stops the parse with that error. */
typedef struct
{
  gboolean (*start) (gpointer        data,
                     const char     *name,
                     const xmlChar **attributes,
                     int             n_attributes,
                     GError        **error);
  gboolean (*end)   (gpointer        data,
                     const char     *name,
                     GError        **error);
  void     (*text)  (gpointer        data,
                     const char     *text,
                     int             length);
} CollabXlsxSaxFuncs;

gboolean          collab_xlsx_sax_parse         (const CollabXlsxPart     *part,
                                                 const CollabXlsxSaxFuncs *funcs,
                                                 gpointer                  data,
                                                 GError                  **error);
/* The attribute @name of a SAX start, by local name, or NULL. */
char             *collab_xlsx_sax_attribute     (const xmlChar           **attributes,
                                                 int                       n_attributes,
                                                 const char               *name);

/* A string item (`<si>` of the shared strings, `<is>` of a cell): the
 * text of its `t` elements, plain or in runs (`<r><t>`), without the
 * phonetic guide of `<rPh>`. */
typedef struct
{
  gboolean in_t;
  gboolean in_phonetic;
} CollabXlsxRichText;

void              collab_xlsx_rich_text_start   (CollabXlsxRichText       *state,
                                                 const char               *name);
void              collab_xlsx_rich_text_end     (CollabXlsxRichText       *state,
                                                 const char               *name);
void              collab_xlsx_rich_text_text    (CollabXlsxRichText       *state,
                                                 const char               *text,
                                                 int                       length,
                                                 GString                  *out);

/* The text the cells of a workbook point into: the shared strings, then
 * the text of every other cell as the sheet is read, each item ending
 * with a NUL; offset 0 is the empty string. The rows a sheet becomes
 * point into it, so it must outlive them. */
typedef struct
{
  GString *text;
  GArray  *shared;   /* guint32: where shared string i starts in @text */
} CollabXlsxStrings;

CollabXlsxStrings *collab_xlsx_strings_new      (void);
void               collab_xlsx_strings_free     (CollabXlsxStrings    *strings);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CollabXlsxStrings, collab_xlsx_strings_free)
/* Adds @length bytes of @data as an item at *@at; FALSE when the store
 * would pass 4 GiB. */
gboolean           collab_xlsx_strings_add      (CollabXlsxStrings    *strings,
                                                 const char           *data,
                                                 gsize                 length,
                                                 guint32              *at);

/* The items of xl/sharedStrings.xml, rich text runs joined, added to
 * @strings as its shared strings. */
gboolean          collab_xlsx_read_shared_strings (const CollabXlsxPart *part,
                                                   CollabXlsxStrings    *strings,
                                                   GError              **error);
/* For each cell format of xl/styles.xml (cellXfs), whether it shows a
 * number as a date. */
GArray           *collab_xlsx_read_date_styles  (const CollabXlsxPart *part,
                                                 GError              **error);
/* The rows of a sheet as CollabCsvRow, each one allocation whose cells
 * point into @strings; cells from column A, as many in every row; `line`
 * is the row's number. */
GPtrArray        *collab_xlsx_read_rows         (const CollabXlsxPart *part,
                                                 const char           *sheet,
                                                 CollabXlsxStrings    *strings,
                                                 GArray               *date_styles,
                                                 gboolean              date1904,
                                                 GError              **error);

/* `D7` as the 0-based column 3 and the row 7, within Excel's 16384
 * columns and 1048576 rows; FALSE for anything else. */
gboolean          collab_xlsx_parse_reference   (const char           *text,
                                                 guint                *column,
                                                 guint                *row);

/* The cells of a sheet as they are read (collab-xlsx-grid.c): rows in
 * order, each row's cells in order of column, then merged ranges; then
 * the rows of text cells, or an error when the sheet asks for more than
 * it holds. */
typedef struct _CollabXlsxGrid CollabXlsxGrid;

CollabXlsxGrid   *collab_xlsx_grid_new          (CollabXlsxStrings    *strings,
                                                 const CollabXlsxPart *part,
                                                 const char           *sheet);
void              collab_xlsx_grid_free         (CollabXlsxGrid       *grid);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CollabXlsxGrid, collab_xlsx_grid_free)
guint             collab_xlsx_grid_last_row     (CollabXlsxGrid       *grid);
guint             collab_xlsx_grid_next_column  (CollabXlsxGrid       *grid);
void              collab_xlsx_grid_add_row      (CollabXlsxGrid       *grid,
                                                 guint                 number);
/* A cell of the last row whose text, @length bytes, is at @text in the
 * store. */
gboolean          collab_xlsx_grid_add_cell     (CollabXlsxGrid       *grid,
                                                 guint                 column,
                                                 guint32               text,
                                                 gsize                 length,
                                                 GError              **error);
/* A merged range, `A3:A5`. */
gboolean          collab_xlsx_grid_add_merge    (CollabXlsxGrid       *grid,
                                                 const char           *ref,
                                                 GError              **error);
GPtrArray        *collab_xlsx_grid_end          (CollabXlsxGrid       *grid,
                                                 GError              **error);

/* A number as a cell holds it (`1.5E+7`) in plain decimals (`15000000`),
 * digit for digit: money never passes through a double. NULL when @text
 * is no number. */
char             *collab_xlsx_plain_number      (const char           *text);
/* The day of Excel's serial number @serial (`44256`) in the 1900 or the
 * 1904 date system, as text the import reads (`2021-03-01`); NULL when
 * it is no day. */
char             *collab_xlsx_serial_date       (const char           *serial,
                                                 gboolean              date1904);

/* Whether every entry of the zip archive @data has a time libgsf can
 * make a date of (collab-zip-times.c says why that is looked at first). */
gboolean          collab_zip_times_valid        (const guint8         *data,
                                                 gsize                 length);

G_END_DECLS
