/* collab-xlsx.h: the record tables officers keep in Excel workbooks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/io/collab-xlsx-read.c.
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
gboolean  collab_dataset_import_xlsx      (CollabDataset     *dataset,
                                           CollabRecordKind   kind,
                                           const char        *path,
                                           const char        *sheet,
                                           GError           **error);
COLLAB_AVAILABLE_IN_ALL
gboolean  collab_dataset_import_xlsx_data (CollabDataset     *dataset,
                                           CollabRecordKind   kind,
                                           GBytes            *data,
                                           const char        *name,
                                           const char        *sheet,
                                           GError           **error);
COLLAB_AVAILABLE_IN_ALL
char    **collab_xlsx_list_sheets         (const char        *path,
                                           GError           **error) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
gboolean  collab_xlsx_sheet_kind          (const char        *sheet,
                                           CollabRecordKind  *kind);

G_END_DECLS
