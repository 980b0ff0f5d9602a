/* collab-record.h: one record of a dataset, as a value
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/io/collab-record.c.
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "collab-version.h"
#include "collab-enums.h"

G_BEGIN_DECLS

#define COLLAB_TYPE_RECORD (collab_record_get_type ())

COLLAB_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CollabRecord, collab_record, COLLAB, RECORD, GObject)

COLLAB_AVAILABLE_IN_ALL
CollabRecord     *collab_record_new_from_json (CollabRecordKind   kind,
                                               const char        *json,
                                               GError           **error) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
gboolean          collab_record_kind_from_name (const char        *name,
                                                CollabRecordKind  *kind);
COLLAB_AVAILABLE_IN_ALL
CollabRecordKind  collab_record_get_kind      (CollabRecord      *self);
COLLAB_AVAILABLE_IN_ALL
const char       *collab_record_get_id        (CollabRecord      *self);
COLLAB_AVAILABLE_IN_ALL
gboolean          collab_record_has_field     (CollabRecord      *self,
                                               const char        *field);
COLLAB_AVAILABLE_IN_ALL
const char       *collab_record_get_string    (CollabRecord      *self,
                                               const char        *field);
COLLAB_AVAILABLE_IN_ALL
gint64            collab_record_get_int       (CollabRecord      *self,
                                               const char        *field);
COLLAB_AVAILABLE_IN_ALL
gint64            collab_record_get_amount    (CollabRecord      *self,
                                               const char        *field);
COLLAB_AVAILABLE_IN_ALL
gboolean          collab_record_get_boolean   (CollabRecord      *self,
                                               const char        *field);
COLLAB_AVAILABLE_IN_ALL
char            **collab_record_get_strv      (CollabRecord      *self,
                                               const char        *field) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
char            **collab_record_list_fields   (CollabRecord      *self) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
JsonNode         *collab_record_to_json       (CollabRecord      *self) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
GVariant         *collab_record_to_variant    (CollabRecord      *self) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
char             *collab_record_to_string     (CollabRecord      *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
