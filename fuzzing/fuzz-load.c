/* fuzz-load.c: a dataset document loaded, checked, saved and reloaded
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What must hold for any input: a failed load leaves the (empty) dataset
 * empty; a loaded one checks, scores and saves without error from the
 * library's own side, and what it saves loads again to the same bytes.
 * The save is collab_dataset_to_data(), the serializer
 * collab_dataset_save_to_file() writes with: a file per input would
 * measure the disk, not the code.
 */

#include "fuzz.h"

static void
check_and_score (CollabDataset *dataset)
{
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CollabTable) scorecard = NULL;
  g_autoptr(JsonNode) json = NULL;

  collab_checker_set_as_of (checker, FUZZ_AS_OF);
  /* An error is an answer (an unknown rule set, a sum beyond int64): the
   * fuzzer looks for crashes, not for findings. */
  findings = collab_checker_run (checker, dataset, NULL);
  if (findings == NULL)
    return;
  /* Rendered, so that every message and remedy is formatted. */
  json = collab_findings_to_json (findings);
  scorecard = collab_dataset_get_scorecard (dataset, findings, NULL, NULL, NULL);
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(CollabDataset) dataset = collab_dataset_new ();
  g_autoptr(GError) error = NULL;

  fuzz_set_up ();
  if (!collab_dataset_load_from_data (dataset, (const char *) data, size, &error))
    {
      g_assert_nonnull (error);
      for (guint kind = 0; kind < fuzz_n_kinds (); kind++)
        g_assert_cmpuint (collab_dataset_get_n_records (dataset, kind), ==, 0);
      return 0;
    }

  check_and_score (dataset);
  fuzz_assert_round_trip (dataset);
  return 0;
}
