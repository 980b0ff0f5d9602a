/* collab-dataset.c: the records of a program, loaded, queried and saved
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * CollabDataset:
 *
 * All the records of one or more programs — regions, organizations,
 * programs, pairings, funds, people and dispatches — as read from a
 * dataset document (SPEC §9).
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(CollabDataset) dataset = collab_dataset_new_from_file ("wuxi-2021.json", &error);
 *
 * if (dataset == NULL)
 *   g_printerr ("%s\n", error->message);   // wuxi-2021.json: $.pairings[3].assisted: …
 * ```
 *
 * The records are kept in one compact array per kind with an id index,
 * so a dataset holds millions of dispatches or transactions; a look-up by
 * id takes constant time. [method@Collab.Dataset.lookup] and the queries
 * hand out [class@Collab.Record] values made on demand.
 *
 * A dataset may be read from any number of threads at once — checked,
 * planned, reported, traced, turned into tables — as long as nobody
 * changes it meanwhile: a load, a merge, an add, a removal or an import
 * must not overlap with anything else on the same dataset. See
 * [Sharing a dataset between threads](threads.html).
 *
 * A load or a merge either succeeds whole or changes nothing: the error
 * names the file with the line and column, or the JSON path of the
 * offending member, and what was expected and found. A save writes the
 * canonical form of the document to a temporary file beside the target
 * and renames it into place, so the old file stays whole until the new
 * one is complete; saving what was loaded, loading it and saving again
 * gives the same bytes.
 */

#include <string.h>

#include <libcollab/collab-enum-types.h>
#include <libcollab/collab-error.h>

#include "collab-dataset-private.h"
#include "collab-units-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

struct _CollabDataset
{
  GObject      parent_instance;
  CollabStore *store;
};

G_DEFINE_FINAL_TYPE (CollabDataset, collab_dataset, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
collab_dataset_finalize (GObject *object)
{
  CollabDataset *self = COLLAB_DATASET (object);

  g_clear_pointer (&self->store, collab_store_unref);

  G_OBJECT_CLASS (collab_dataset_parent_class)->finalize (object);
}

static void
collab_dataset_class_init (CollabDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = collab_dataset_finalize;

  /**
   * CollabDataset::changed:
   * @self: the dataset
   *
   * Emitted after records were loaded, merged, added or removed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
collab_dataset_init (CollabDataset *self)
{
  self->store = collab_store_new ();
}

CollabStore *
collab_dataset_get_store (CollabDataset *self)
{
  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);

  return self->store;
}

void
collab_dataset_replace_store (CollabDataset *self,
                              CollabStore   *store)
{
  g_return_if_fail (COLLAB_IS_DATASET (self));
  g_return_if_fail (store != NULL);

  collab_store_ref (store);
  collab_store_unref (self->store);
  self->store = store;
  g_signal_emit (self, signals[CHANGED], 0);
}

CollabStore *
collab_dataset_begin_edit (CollabDataset *self)
{
  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);

  collab_store_drop_derived (self->store);
  return self->store;
}

void
collab_dataset_end_edit (CollabDataset *self,
                         gboolean       changed)
{
  g_return_if_fail (COLLAB_IS_DATASET (self));

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * collab_dataset_new:
 *
 * Makes an empty dataset, to load or merge documents into.
 *
 * Returns: (transfer full): a new, empty dataset
 */
CollabDataset *
collab_dataset_new (void)
{
  return g_object_new (COLLAB_TYPE_DATASET, NULL);
}

/**
 * collab_dataset_get_n_records:
 * @self: a dataset
 * @kind: a kind of record
 *
 * Counts the records of one kind.
 *
 * Returns: how many records of @kind the dataset holds
 */
guint
collab_dataset_get_n_records (CollabDataset    *self,
                              CollabRecordKind  kind)
{
  g_return_val_if_fail (COLLAB_IS_DATASET (self), 0);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, 0);

  return collab_store_count (self->store, kind);
}

/**
 * collab_dataset_list_ids:
 * @self: a dataset
 * @kind: a kind of record
 *
 * Lists the ids of the records of one kind.
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids of the
 *   records of @kind, in document order (records without an id are left out)
 */
char **
collab_dataset_list_ids (CollabDataset    *self,
                         CollabRecordKind  kind)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, NULL);

  for (guint i = 0; i < collab_store_count (self->store, kind); i++)
    {
      const CollabRecordHeader *header = collab_store_get (self->store, kind, i);

      if (header->id != NULL)
        g_strv_builder_add (builder, header->id);
    }

  return g_strv_builder_end (builder);
}

/**
 * collab_dataset_remove:
 * @self: a dataset
 * @kind: a kind of record
 * @id: the id of the record to remove
 * @error: return location for a #GError
 *
 * Removes a record that no other record refers to.
 *
 * Returns: whether the record was removed; `FALSE` with
 *   %COLLAB_DATASET_ERROR_NOT_FOUND when there is none, or
 *   %COLLAB_DATASET_ERROR_INCONSISTENT naming a record that refers to it
 */
gboolean
collab_dataset_remove (CollabDataset     *self,
                       CollabRecordKind   kind,
                       const char        *id,
                       GError           **error)
{
  g_autofree char *referrer = NULL;
  g_autofree char *shown = NULL;
  guint index;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), FALSE);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!collab_store_lookup (self->store, kind, id, &index))
    {
      shown = collab_error_cut (id);
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND,
                   /* Translators: a kind of record, translated, such as "region";
                    * then the id. */
                   _("no %s has the id \"%s\""), _(collab_schema_kind_name (kind)), shown);
      return FALSE;
    }

  if (collab_store_is_referenced (self->store, COLLAB_REF (kind, index), &referrer))
    {
      shown = collab_error_cut (id);
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_INCONSISTENT,
                   /* Translators: a kind of record, translated, such as "region";
                    * its id; then the JSON path of the member that refers to it,
                    * as $.pairings[0].assisted. */
                   _("the %s \"%s\" cannot be removed: %s refers to it"),
                   _(collab_schema_kind_name (kind)), shown, referrer);
      return FALSE;
    }

  collab_store_remove (self->store, kind, index);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * collab_dataset_get_region_side:
 * @self: a dataset
 * @region_id: the id of a region
 *
 * The side of a region: its own `side`, else that of its nearest
 * ancestor that has one.
 *
 * Returns: the side, %COLLAB_SIDE_UNKNOWN when neither says or there is
 *   no such region
 */
CollabSide
collab_dataset_get_region_side (CollabDataset *self,
                                const char    *region_id)
{
  const CollabRegionRec *region;
  guint index;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), COLLAB_SIDE_UNKNOWN);
  g_return_val_if_fail (region_id != NULL, COLLAB_SIDE_UNKNOWN);

  if (!collab_store_lookup (self->store, COLLAB_RECORD_KIND_REGION, region_id, &index))
    return COLLAB_SIDE_UNKNOWN;

  region = collab_store_get (self->store, COLLAB_RECORD_KIND_REGION, index);
  return region->derived_side;
}

/**
 * collab_dataset_get_partners:
 * @self: a dataset
 * @unit_id: the id of a region or an organization
 * @years: (nullable): years a pairing must be active in (one of them at
 *   least), or `NULL` for any
 *
 * The units paired with @unit_id, on whichever side it is: the counties
 * 惠山区 assists, or the districts that assist 平安区.
 *
 * Returns: (transfer full) (array zero-terminated=1): the partners' ids,
 *   each once, in document order of the pairings
 */
char **
collab_dataset_get_partners (CollabDataset         *self,
                             const char            *unit_id,
                             const CollabYearRange *years)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  CollabRef unit;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail (unit_id != NULL, NULL);

  unit = collab_store_find_ref (self->store,
                                (1u << COLLAB_RECORD_KIND_REGION) | (1u << COLLAB_RECORD_KIND_ORGANIZATION),
                                unit_id);

  for (guint i = 0; unit != COLLAB_REF_NONE && i < collab_store_count (self->store, COLLAB_RECORD_KIND_PAIRING); i++)
    {
      const CollabPairingRec *pairing = collab_store_get (self->store, COLLAB_RECORD_KIND_PAIRING, i);
      CollabRef partner;

      if (pairing->assisting == unit)
        partner = pairing->assisted;
      else if (pairing->assisted == unit)
        partner = pairing->assisting;
      else
        continue;

      if (!collab_units_pairing_is_active (self->store, pairing, years))
        continue;

      if (g_hash_table_add (seen, GUINT_TO_POINTER (partner)))
        g_strv_builder_add (builder, collab_store_ref_id (self->store, partner));
    }

  return g_strv_builder_end (builder);
}

/**
 * collab_dataset_get_counties:
 * @self: a dataset
 * @city_id: the id of a city (or a province)
 *
 * The county-level units under a region: districts, counties,
 * county-level cities and functional zones, at any depth below it.
 *
 * Returns: (transfer full) (array zero-terminated=1): their ids, in
 *   document order
 */
char **
collab_dataset_get_counties (CollabDataset *self,
                             const char    *city_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint city;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail (city_id != NULL, NULL);

  if (collab_store_lookup (self->store, COLLAB_RECORD_KIND_REGION, city_id, &city))
    {
      CollabRef target = COLLAB_REF (COLLAB_RECORD_KIND_REGION, city);

      for (guint i = 0; i < collab_store_count (self->store, COLLAB_RECORD_KIND_REGION); i++)
        {
          const CollabRegionRec *region = collab_store_get (self->store, COLLAB_RECORD_KIND_REGION, i);
          const CollabRegionRec *up;

          if (region->level != COLLAB_REGION_LEVEL_COUNTY)
            continue;
          for (CollabRef ref = region->parent; ref != COLLAB_REF_NONE; ref = up->parent)
            {
              up = collab_store_deref (self->store, ref);
              if (ref == target)
                {
                  g_strv_builder_add (builder, region->h.id);
                  break;
                }
            }
        }
    }

  return g_strv_builder_end (builder);
}
