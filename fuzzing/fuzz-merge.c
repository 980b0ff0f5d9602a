/* fuzz-merge.c: a document merged into a dataset that has records
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A failed merge must leave the dataset exactly as it was (SPEC: a failed
 * load loses nothing): its saved bytes before and after are compared. A
 * merge that succeeds must save and reload to the same bytes.
 */

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gsize before_length;

  fuzz_set_up ();
  dataset = fuzz_base_dataset ();
  before = collab_dataset_to_data (dataset, &before_length);

  if (collab_dataset_merge_from_data (dataset, (const char *) data, size, &error))
    fuzz_assert_round_trip (dataset);
  else
    fuzz_assert_saves_as (dataset, before, before_length);
  return 0;
}
