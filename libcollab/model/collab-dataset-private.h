/* collab-dataset-private.h: what the rest of the library sees of a dataset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libcollab/collab-dataset.h>

#include "collab-store-private.h"

G_BEGIN_DECLS

/* The records, for rules and reports; valid until the dataset changes. */
CollabStore  *collab_dataset_get_store   (CollabDataset     *self);

/* A record value for the record at @index of @kind. */
CollabRecord *collab_record_new_for_store (const CollabStore *store,
                                           CollabRecordKind   kind,
                                           guint              index);

G_END_DECLS
