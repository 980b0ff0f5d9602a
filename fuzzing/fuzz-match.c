/* fuzz-match.c: job offers and workers matched
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input is a dataset document (the labour records of a program: job
 * offers, workers, placements). Every program's matching runs to an
 * answer; it places no more workers than there are, and the same input
 * matches the same way twice.
 */

#include "fuzz.h"

static void
match_program (CollabDataset *dataset,
               const char    *program_id)
{
  g_autoptr(CollabMatch) match = NULL;
  g_autoptr(CollabMatch) again = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) json_again = NULL;
  g_autoptr(GError) error = NULL;

  match = collab_dataset_match (dataset, program_id, FUZZ_AS_OF, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (collab_match_get_placed (match), <=,
                    collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_WORKER));
  g_assert_cmpuint (collab_match_get_priority_placed (match), <=, collab_match_get_placed (match));

  again = collab_dataset_match (dataset, program_id, FUZZ_AS_OF, &error);
  g_assert_no_error (error);
  json = collab_match_to_json (match);
  json_again = collab_match_to_json (again);
  g_assert_true (json_node_equal (json, json_again));
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(CollabDataset) dataset = collab_dataset_new ();
  g_auto(GStrv) programs = NULL;

  fuzz_set_up ();
  if (!collab_dataset_load_from_data (dataset, (const char *) data, size, NULL))
    return 0;

  programs = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_PROGRAM);
  for (guint i = 0; programs[i] != NULL; i++)
    match_program (dataset, programs[i]);
  match_program (dataset, NULL);
  return 0;
}
