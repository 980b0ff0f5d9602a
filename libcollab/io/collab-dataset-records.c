/* collab-dataset-records.c: the records a dataset hands out
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The methods of CollabDataset that hand out records, each a
 * CollabRecord value made on demand from the store: by id, by position,
 * all of a kind, and the pairings an officer asks about.
 */

#include <libcollab/collab-dataset.h>

#include "model/collab-dataset-private.h"
#include "model/collab-units-private.h"
#include "collab-record-private.h"


/**
 * collab_dataset_lookup:
 * @self: a dataset
 * @kind: a kind of record
 * @id: a record id
 *
 * Finds a record by id, in constant time.
 *
 * Returns: (transfer full) (nullable): the record, or `NULL` when no
 *   record of @kind has @id
 */
CollabRecord *
collab_dataset_lookup (CollabDataset    *self,
                       CollabRecordKind  kind,
                       const char       *id)
{
  CollabStore *store;
  guint index;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  store = collab_dataset_get_store (self);
  if (!collab_store_lookup (store, kind, id, &index))
    return NULL;

  return collab_record_new_for_store (store, kind, index);
}

/**
 * collab_dataset_get_record:
 * @self: a dataset
 * @kind: a kind of record
 * @position: the position of the record among those of @kind
 *
 * Gets a record by its position among the records of its kind.
 *
 * Returns: (transfer full) (nullable): the record, or `NULL` when
 *   @position is past the last one
 */
CollabRecord *
collab_dataset_get_record (CollabDataset    *self,
                           CollabRecordKind  kind,
                           guint             position)
{
  CollabStore *store;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, NULL);

  store = collab_dataset_get_store (self);
  if (position >= collab_store_count (store, kind))
    return NULL;

  return collab_record_new_for_store (store, kind, position);
}

/**
 * collab_dataset_get_records:
 * @self: a dataset
 * @kind: a kind of record
 *
 * Every record of @kind as a value. For large kinds (dispatches,
 * transactions) prefer the columnar tables, which make no object per
 * record.
 *
 * Returns: (transfer container) (element-type Collab.Record): the records
 */
GPtrArray *
collab_dataset_get_records (CollabDataset    *self,
                            CollabRecordKind  kind)
{
  CollabStore *store;
  GPtrArray *records;
  guint n;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, NULL);

  store = collab_dataset_get_store (self);
  n = collab_store_count (store, kind);
  records = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (records, collab_record_new_for_store (store, kind, i));

  return records;
}

/**
 * collab_dataset_get_pairings:
 * @self: a dataset
 * @program_id: (nullable): a program id, or `NULL` for every program
 * @levels: the levels to include, %COLLAB_PAIRING_LEVELS_ALL for every level
 * @years: (nullable): years a pairing must be active in (one of them at
 *   least), or `NULL` for any
 *
 * The pairings an officer asks about: "the county pairings of Wuxi's
 * program in 2023".
 *
 * ```c
 * g_autoptr(GPtrArray) county =
 *   collab_dataset_get_pairings (dataset, "wuxi-2021", COLLAB_PAIRING_LEVELS_COUNTY,
 *                                &(CollabYearRange) { 2023, 2023 });
 * ```
 *
 * Returns: (transfer container) (element-type Collab.Record): the pairings,
 *   in document order
 */
GPtrArray *
collab_dataset_get_pairings (CollabDataset         *self,
                             const char            *program_id,
                             CollabPairingLevels    levels,
                             const CollabYearRange *years)
{
  CollabStore *store;
  GPtrArray *pairings;
  guint program = 0;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);

  store = collab_dataset_get_store (self);
  pairings = g_ptr_array_new_with_free_func (g_object_unref);
  if (program_id != NULL &&
      !collab_store_lookup (store, COLLAB_RECORD_KIND_PROGRAM, program_id, &program))
    return pairings;

  for (guint i = 0; i < collab_store_count (store, COLLAB_RECORD_KIND_PAIRING); i++)
    {
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, i);

      if (program_id != NULL && pairing->program != COLLAB_REF (COLLAB_RECORD_KIND_PROGRAM, program))
        continue;
      if ((levels & COLLAB_PAIRING_LEVELS_FOR (pairing->level)) == 0 ||
          !collab_units_pairing_is_active (store, pairing, years))
        continue;

      g_ptr_array_add (pairings, collab_record_new_for_store (store, COLLAB_RECORD_KIND_PAIRING, i));
    }

  return pairings;
}
