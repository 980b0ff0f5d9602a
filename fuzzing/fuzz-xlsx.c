/* fuzz-xlsx.c: an officer's workbook imported and exported
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The first byte picks the record kind, the rest is the .xlsx file (a zip
 * of XML). A failed import leaves the base dataset as it was; a
 * successful one exports as a workbook, which imports again.
 */

#include <glib/gstdio.h>

#include "fuzz.h"

/* The workbook a successful import is exported to: one file in a
 * directory of the run's own, replaced each time. */
static char *
export_path (void)
{
  static char *path;

  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("fuzz-xlsx-XXXXXX", &error);

      g_assert_no_error (error);
      path = g_build_filename (dir, "export.xlsx", NULL);
    }
  return path;
}

static void
export_and_reimport (CollabDataset    *dataset,
                     CollabRecordKind  kind)
{
  g_autoptr(CollabDataset) base = fuzz_base_dataset ();
  g_autoptr(GError) error = NULL;

  collab_dataset_export_to_file (dataset, kind, export_path (), COLLAB_SHEET_FORMAT_XLSX,
                                 COLLAB_EXPORT_LABELS, &error);
  g_assert_no_error (error);
  /* The export has the base's own records of @kind too: their ids are
   * taken in a fresh base, which is a clear error and nothing else. */
  if (!collab_dataset_import_xlsx (base, kind, export_path (), NULL, &error) &&
      !g_error_matches (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_DUPLICATE_ID))
    g_error ("the export of an import does not import: %s", error->message);
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = NULL;
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
  bytes = g_bytes_new (data + 1, size - 1);

  if (collab_dataset_import_xlsx_data (dataset, kind, bytes, "fuzz.xlsx", NULL, &error))
    export_and_reimport (dataset, kind);
  else
    fuzz_assert_saves_as (dataset, before, before_length);
  return 0;
}
