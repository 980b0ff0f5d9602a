/* fuzz-csv.c: an officer's CSV table imported and exported
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The first byte picks the record kind, the rest is the table. The table
 * is imported into the base dataset (so that places, units and people can
 * be named): a failed import leaves it as it was; a successful one exports
 * in every form (ids, labels, BOM), and the export imports again.
 */

#include "fuzz.h"

static const CollabExportFlags forms[] = {
  COLLAB_EXPORT_NONE,
  COLLAB_EXPORT_LABELS,
  COLLAB_EXPORT_BOM | COLLAB_EXPORT_LABELS,
};

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  CollabRecordKind kind;
  gsize before_length;

  if (size < 1)
    return 0;
  fuzz_set_up ();
  kind = fuzz_pick_kind (data[0]);
  dataset = fuzz_base_dataset ();
  before = collab_dataset_to_data (dataset, &before_length);

  if (!collab_dataset_import_csv_data (dataset, kind, (const char *) data + 1, size - 1,
                                       "fuzz.csv", &error))
    {
      fuzz_assert_saves_as (dataset, before, before_length);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(CollabDataset) base = fuzz_base_dataset ();
      g_autofree char *csv = NULL;
      gsize length;

      csv = collab_dataset_export_csv_full (dataset, kind, forms[i], &length);
      /* What the library wrote, it reads: into the base, whose records
       * the export may name. Ids already there are a clear error, not a
       * failure of the round trip, so only the base's own kind is
       * emptied by starting from a fresh base. */
      if (!collab_dataset_import_csv_data (base, kind, csv, length, "export.csv", &error))
        {
          if (!g_error_matches (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_DUPLICATE_ID))
            g_error ("the export of an import does not import: %s\n%s", error->message, csv);
          g_clear_error (&error);
        }
    }
  return 0;
}
