/* collab-csv-private.h: reading and writing RFC 4180 text
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The pieces of the CSV import that do not know about records: turning
 * the bytes of a spreadsheet export into UTF-8, splitting it into rows,
 * and quoting a cell on the way out (for the report and table writers as
 * well as the export).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint   line;     /* the line of the file the row starts on, 1-based */
  guint   n_cells;
  char  **cells;    /* UTF-8, as read: not trimmed */
} CollabCsvRow;

/* The text of @data as UTF-8: with or without a BOM, else GB18030. The
 * error names the line and column of the first byte that is neither. */
char       *collab_csv_decode      (const char  *data,
                                    gsize        length,
                                    const char  *name,
                                    gsize       *text_length,
                                    GError     **error);

/* The rows of UTF-8 @text, blank lines left out: an array of
 * CollabCsvRow, each one allocation that the array frees. The error
 * (COLLAB_DATASET_ERROR_SYNTAX) names the line and column. */
GPtrArray  *collab_csv_parse       (const char  *text,
                                    gsize        length,
                                    const char  *name,
                                    GError     **error);

/* Appends @text as one cell, quoted when it must be. */
void        collab_csv_append_cell (GString     *out,
                                    const char  *text);

/* The line break the writer ends every row with (RFC 4180: CRLF). */
#define COLLAB_CSV_EOL "\r\n"

G_END_DECLS
