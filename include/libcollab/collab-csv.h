/* collab-csv.h: the record tables officers keep in spreadsheets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/io/collab-csv-read.c (import), collab-csv-write.c
 * (export) and libcollab/report/collab-xlsx-save.c (files, and xlsx).
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <glib.h>

#include "collab-version.h"
#include "collab-enums.h"
#include "collab-dataset.h"

G_BEGIN_DECLS

/**
 * CollabExportFlags:
 * @COLLAB_EXPORT_NONE: the table for programs: English member names as
 *   headers, English words, no byte-order mark
 * @COLLAB_EXPORT_BOM: start CSV text with a UTF-8 byte-order mark, which
 *   Excel needs to read UTF-8 (every CSV reader of this library skips it)
 * @COLLAB_EXPORT_LABELS: headers and words for people, in the language of
 *   the messages: a report's column labels instead of its column names,
 *   and for records the Chinese headers and words the import reads back
 *   when the messages are Chinese
 *
 * What a spreadsheet written for people has that a table for programs
 * does not. `collab` writes every CSV and workbook with both flags.
 */
typedef enum { /*< flags >*/
  COLLAB_EXPORT_NONE = 0,
  COLLAB_EXPORT_BOM = 1 << 0,
  COLLAB_EXPORT_LABELS = 1 << 1,
} CollabExportFlags;

/**
 * CollabSheetFormat:
 * @COLLAB_SHEET_FORMAT_CSV: CSV text (RFC 4180, UTF-8)
 * @COLLAB_SHEET_FORMAT_XLSX: an Excel workbook of one sheet, with a
 *   frozen header row, a filter, dates as date cells and amounts as
 *   numbers in yuan
 *
 * The forms of a spreadsheet file.
 */
typedef enum {
  COLLAB_SHEET_FORMAT_CSV,
  COLLAB_SHEET_FORMAT_XLSX,
} CollabSheetFormat;

COLLAB_AVAILABLE_IN_ALL
gboolean  collab_dataset_import_csv       (CollabDataset     *dataset,
                                           CollabRecordKind   kind,
                                           const char        *path,
                                           GError           **error);
COLLAB_AVAILABLE_IN_ALL
gboolean  collab_dataset_import_csv_data  (CollabDataset     *dataset,
                                           CollabRecordKind   kind,
                                           const char        *data,
                                           gssize             length,
                                           const char        *name,
                                           GError           **error);
COLLAB_AVAILABLE_IN_ALL
guint     collab_dataset_get_n_generated_ids (CollabDataset  *dataset);
COLLAB_AVAILABLE_IN_ALL
char     *collab_dataset_export_csv       (CollabDataset     *dataset,
                                           CollabRecordKind   kind,
                                           gsize             *length) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
char     *collab_dataset_export_csv_full  (CollabDataset     *dataset,
                                           CollabRecordKind   kind,
                                           CollabExportFlags  flags,
                                           gsize             *length) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
gboolean  collab_dataset_export_to_file   (CollabDataset     *dataset,
                                           CollabRecordKind   kind,
                                           const char        *path,
                                           CollabSheetFormat  format,
                                           CollabExportFlags  flags,
                                           GError           **error);

G_END_DECLS
