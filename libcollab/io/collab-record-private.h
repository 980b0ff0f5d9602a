/* collab-record-private.h: records made from the store
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libcollab/collab-record.h>

#include "model/collab-store-private.h"

G_BEGIN_DECLS

/* A value of the record at @index of @kind, as the document writes it. */
CollabRecord *collab_record_new_for_store (const CollabStore *store,
                                           CollabRecordKind   kind,
                                           guint              index) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
