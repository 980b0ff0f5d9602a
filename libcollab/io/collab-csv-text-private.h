/* collab-csv-text-private.h: cells and rows, shared by the CSV files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The helpers of collab-csv-parse.c that the rest of the CSV code needs
 * besides the entry points of collab-csv-private.h: the decoder splits
 * what it could read of a file to name the cell of a bad byte, and the
 * import trims every cell it reads.
 */

#pragma once

#include "collab-csv-private.h"

G_BEGIN_DECLS

/* @text without the padding spreadsheets put around cells: ASCII
 * spaces, no-break spaces and the ideographic space. */
char       *collab_csv_trim_cell    (const char         *text);

/* Whether every cell of @row is empty once trimmed. */
gboolean    collab_csv_row_is_blank (const CollabCsvRow *row);

/* Like collab_csv_parse() for the start of a file cut anywhere: the row
 * cut short is left out, and @end_line and @end_column say where the cut
 * is. NULL where what comes before the cut is not RFC 4180. */
GPtrArray  *collab_csv_parse_prefix (const char         *text,
                                     gsize               length,
                                     const char         *name,
                                     guint              *end_line,
                                     guint              *end_column);

G_END_DECLS
