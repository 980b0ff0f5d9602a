/* collab-table.h: named, typed columns for notebooks and reports
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/report/collab-table.c (the cells),
 * collab-table-format.c (text, CSV, JSON), collab-table-export.c (records),
 * collab-table-findings.c, collab-table-labels.c (labels for people) and
 * collab-xlsx-save.c (files and workbooks).
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "collab-version.h"
#include "collab-enums.h"
#include "collab-dataset.h"
#include "collab-csv.h"

G_BEGIN_DECLS

/**
 * CollabColumnType:
 * @COLLAB_COLUMN_TYPE_STRING: text, dictionary-encoded: int32 codes into
 *   a list of categories, -1 for a missing cell
 * @COLLAB_COLUMN_TYPE_INT: a signed 64-bit integer (a year, a count)
 * @COLLAB_COLUMN_TYPE_AMOUNT: an exact amount of money, as a signed 64-bit
 *   count of fen (0.01 yuan)
 * @COLLAB_COLUMN_TYPE_DAY: a calendar date, as a [alias@Collab.Day]: an
 *   unsigned 32-bit day number, 0001-01-01 being day 1 (Python's
 *   `date.toordinal()`); a missing cell holds 0 (%COLLAB_DAY_NONE)
 * @COLLAB_COLUMN_TYPE_BOOL: 0 for false, 1 for true, as a signed 64-bit
 *   integer
 *
 * The type of a column of a [class@Collab.Table], which says how its cells
 * are stored: [method@Collab.Table.get_column_data] gives 8 bytes per row
 * for every type but %COLLAB_COLUMN_TYPE_DAY, which gives 4, and
 * %COLLAB_COLUMN_TYPE_STRING, which has codes instead
 * ([method@Collab.Table.get_column_codes]).
 */
typedef enum {
  COLLAB_COLUMN_TYPE_STRING,
  COLLAB_COLUMN_TYPE_INT,
  COLLAB_COLUMN_TYPE_AMOUNT,
  COLLAB_COLUMN_TYPE_DAY,
  COLLAB_COLUMN_TYPE_BOOL,
} CollabColumnType;

#define COLLAB_TYPE_TABLE (collab_table_get_type ())

COLLAB_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CollabTable, collab_table, COLLAB, TABLE, GObject)

COLLAB_AVAILABLE_IN_ALL
guint               collab_table_get_n_rows           (CollabTable      *self);
COLLAB_AVAILABLE_IN_ALL
guint               collab_table_get_n_columns        (CollabTable      *self);
COLLAB_AVAILABLE_IN_ALL
const char         *collab_table_get_column_name      (CollabTable      *self,
                                                       guint             column);
COLLAB_AVAILABLE_IN_ALL
CollabColumnType    collab_table_get_column_type      (CollabTable      *self,
                                                       guint             column);
COLLAB_AVAILABLE_IN_ALL
char               *collab_table_get_column_label     (CollabTable      *self,
                                                       guint             column) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
int                 collab_table_find_column          (CollabTable      *self,
                                                       const char       *name);

COLLAB_AVAILABLE_IN_ALL
GBytes             *collab_table_get_column_data      (CollabTable      *self,
                                                       guint             column) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
GBytes             *collab_table_get_column_validity  (CollabTable      *self,
                                                       guint             column) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
GBytes             *collab_table_get_column_codes     (CollabTable      *self,
                                                       guint             column) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
const char * const *collab_table_get_column_categories (CollabTable     *self,
                                                       guint             column);

COLLAB_AVAILABLE_IN_ALL
const char         *collab_table_get_string           (CollabTable      *self,
                                                       guint             row,
                                                       guint             column);
COLLAB_AVAILABLE_IN_ALL
gint64              collab_table_get_int              (CollabTable      *self,
                                                       guint             row,
                                                       guint             column);
COLLAB_AVAILABLE_IN_ALL
gboolean            collab_table_is_null              (CollabTable      *self,
                                                       guint             row,
                                                       guint             column);

COLLAB_AVAILABLE_IN_ALL
char               *collab_table_to_csv               (CollabTable      *self) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
char               *collab_table_to_csv_full          (CollabTable      *self,
                                                       CollabExportFlags flags,
                                                       gsize            *length) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
gboolean            collab_table_save                 (CollabTable      *self,
                                                       const char       *path,
                                                       CollabSheetFormat format,
                                                       CollabExportFlags flags,
                                                       const char       *sheet_name,
                                                       GError          **error);
COLLAB_AVAILABLE_IN_ALL
JsonNode           *collab_table_to_json              (CollabTable      *self) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
char               *collab_table_to_text              (CollabTable      *self) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
char               *collab_table_to_text_full         (CollabTable      *self,
                                                       CollabExportFlags flags) G_GNUC_WARN_UNUSED_RESULT;

COLLAB_AVAILABLE_IN_ALL
CollabTable        *collab_dataset_to_table           (CollabDataset    *self,
                                                       CollabRecordKind  kind) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
CollabTable        *collab_table_new_from_findings    (GPtrArray        *findings) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
CollabTable        *collab_table_new_findings_sheet   (GPtrArray        *findings) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
