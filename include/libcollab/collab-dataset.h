/* collab-dataset.h: the records of a program, loaded, queried and saved
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/model/collab-dataset.c (the object, queries of
 * ids), io/collab-dataset-io.c (load, merge, add, save),
 * io/collab-dataset-records.c (records as values) and the report/ and
 * analysis/ files of collab-report.h and collab-funds.h.
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <gio/gio.h>

#include "collab-version.h"
#include "collab-date.h"
#include "collab-enums.h"
#include "collab-record.h"

G_BEGIN_DECLS

#define COLLAB_TYPE_DATASET (collab_dataset_get_type ())

COLLAB_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CollabDataset, collab_dataset, COLLAB, DATASET, GObject)

COLLAB_AVAILABLE_IN_ALL
CollabDataset  *collab_dataset_new                (void) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
CollabDataset  *collab_dataset_new_from_file      (const char        *path,
                                                   GError           **error) G_GNUC_WARN_UNUSED_RESULT;

COLLAB_AVAILABLE_IN_ALL
gboolean        collab_dataset_load_from_file     (CollabDataset     *self,
                                                   const char        *path,
                                                   GError           **error);
COLLAB_AVAILABLE_IN_ALL
gboolean        collab_dataset_load_from_data     (CollabDataset     *self,
                                                   const char        *data,
                                                   gssize             length,
                                                   GError           **error);
COLLAB_AVAILABLE_IN_ALL
gboolean        collab_dataset_merge_from_file    (CollabDataset     *self,
                                                   const char        *path,
                                                   GError           **error);
COLLAB_AVAILABLE_IN_ALL
gboolean        collab_dataset_merge_from_data    (CollabDataset     *self,
                                                   const char        *data,
                                                   gssize             length,
                                                   GError           **error);
COLLAB_AVAILABLE_IN_ALL
gboolean        collab_dataset_save_to_file       (CollabDataset     *self,
                                                   const char        *path,
                                                   GError           **error);
COLLAB_AVAILABLE_IN_ALL
char           *collab_dataset_to_data            (CollabDataset     *self,
                                                   gsize             *length) G_GNUC_WARN_UNUSED_RESULT;

COLLAB_AVAILABLE_IN_ALL
guint           collab_dataset_get_n_records      (CollabDataset     *self,
                                                   CollabRecordKind   kind);
COLLAB_AVAILABLE_IN_ALL
char          **collab_dataset_list_ids           (CollabDataset     *self,
                                                   CollabRecordKind   kind) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
CollabRecord   *collab_dataset_lookup             (CollabDataset     *self,
                                                   CollabRecordKind   kind,
                                                   const char        *id) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
CollabRecord   *collab_dataset_get_record         (CollabDataset     *self,
                                                   CollabRecordKind   kind,
                                                   guint              position) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
GPtrArray      *collab_dataset_get_records        (CollabDataset     *self,
                                                   CollabRecordKind   kind) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
gboolean        collab_dataset_add                (CollabDataset     *self,
                                                   CollabRecord      *record,
                                                   GError           **error);
COLLAB_AVAILABLE_IN_ALL
gboolean        collab_dataset_remove             (CollabDataset     *self,
                                                   CollabRecordKind   kind,
                                                   const char        *id,
                                                   GError           **error);

COLLAB_AVAILABLE_IN_ALL
CollabSide      collab_dataset_get_region_side    (CollabDataset     *self,
                                                   const char        *region_id);
COLLAB_AVAILABLE_IN_ALL
GPtrArray      *collab_dataset_get_pairings       (CollabDataset         *self,
                                                   const char            *program_id,
                                                   CollabPairingLevels    levels,
                                                   const CollabYearRange *years) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
char          **collab_dataset_get_partners       (CollabDataset         *self,
                                                   const char            *unit_id,
                                                   const CollabYearRange *years) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
char          **collab_dataset_get_counties       (CollabDataset     *self,
                                                   const char        *city_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
