/* collab-dataset-private.h: what the rest of the library sees of a dataset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The dataset holds its records in a store. The layers above read the
 * store; io/ is the only one that changes it, and only through these
 * three calls, so that the dataset always knows when its records changed
 * (and says ::changed).
 */

#pragma once

#include <libcollab/collab-dataset.h>

#include "collab-store-private.h"

G_BEGIN_DECLS

/* The records, for the analyses, rules and reports; valid until the
 * dataset changes. */
CollabStore  *collab_dataset_get_store      (CollabDataset *self);

/* Makes @store the dataset's records (taking a reference) and says
 * ::changed: a load. */
void          collab_dataset_replace_store  (CollabDataset *self,
                                             CollabStore   *store);

/* The store to append records to in place (a merge, an import, an add),
 * and the end of that edit: ::changed when @changed. Whoever appends
 * takes back what it appended when it fails (collab_store_truncate()). */
CollabStore  *collab_dataset_begin_edit     (CollabDataset *self);
void          collab_dataset_end_edit       (CollabDataset *self,
                                             gboolean       changed);

G_END_DECLS
