/* collab-csv.h: the record tables officers keep in spreadsheets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/io/collab-csv-read.c (import) and collab-csv-write.c (export).
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

G_END_DECLS
