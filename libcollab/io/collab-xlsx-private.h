/* collab-xlsx-private.h: what the two files of the xlsx import share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   collab-xlsx-read.c   the container: what the file is (a zip, an .xls,
 *                        an encrypted workbook, text), the parts read
 *                        within size caps, the workbook's sheets and
 *                        which one to read; the public API
 *   collab-xlsx-sheet.c  the XML of the parts, streamed with libxml2's
 *                        xmlTextReader: shared strings, the styles that
 *                        make a number a date, and a sheet as the rows of
 *                        text cells the CSV import reads (collab-csv-read.c)
 *
 * Neither parses zip or XML by hand: libgsf reads the zip, libxml2 the
 * XML, without network access, DTDs or entity expansion.
 */

#pragma once

#include <glib.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

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

/* The strings of xl/sharedStrings.xml, rich text runs joined. */
GPtrArray        *collab_xlsx_read_shared_strings (const CollabXlsxPart *part,
                                                   GError              **error);
/* For each cell format of xl/styles.xml (cellXfs), whether it shows a
 * number as a date. */
GArray           *collab_xlsx_read_date_styles  (const CollabXlsxPart *part,
                                                 GError              **error);
/* The rows of a sheet as CollabCsvRow, each one allocation, cells from
 * column A, as many in every row; `line` is the row's number. */
GPtrArray        *collab_xlsx_read_rows         (const CollabXlsxPart *part,
                                                 const char           *sheet,
                                                 GPtrArray            *shared_strings,
                                                 GArray               *date_styles,
                                                 gboolean              date1904,
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
