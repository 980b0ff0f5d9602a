/* fuzz-ruleset.c: a rule-set document read, saved and used
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Any text is a rule set or an error. A rule set saves to a document that
 * reads back to the same bytes, and checks the base dataset (every rule's
 * parameters, however odd, are applied without crashing).
 */

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(CollabRuleset) ruleset = NULL;
  g_autoptr(CollabRuleset) again = NULL;
  g_autoptr(CollabChecker) checker = NULL;
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize length, length_again;

  fuzz_set_up ();
  ruleset = collab_ruleset_new_from_data ((const char *) data, size, &error);
  if (ruleset == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  saved = collab_ruleset_to_data (ruleset, &length);
  again = collab_ruleset_new_from_data (saved, length, &error);
  g_assert_no_error (error);
  saved_again = collab_ruleset_to_data (again, &length_again);
  g_assert_cmpmem (saved, length, saved_again, length_again);

  checker = collab_checker_new ();
  collab_checker_set_ruleset (checker, ruleset);
  collab_checker_set_as_of (checker, FUZZ_AS_OF);
  dataset = fuzz_base_dataset ();
  findings = collab_checker_run (checker, dataset, NULL);
  if (findings != NULL)
    {
      g_autoptr(JsonNode) json = collab_findings_to_json (findings);
    }
  return 0;
}
