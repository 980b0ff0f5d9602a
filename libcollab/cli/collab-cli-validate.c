/* collab-cli-validate.c: `collab validate FILE…`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>

#include "collab-cli-private.h"

/* In CollabRecordKind order, as the document names its arrays. */
static const char * const plurals[] = {
  "regions", "organizations", "programs", "pairings", "accounts", "transactions",
  "projects", "people", "dispatches", "trainings", "adjustments", "demonstration villages",
};

int
collab_cli_validate (int    argc,
                     char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  int status = COLLAB_EXIT_OK;

  if (!collab_cli_parse ("validate", "FILE…", "Load each dataset document, resolve its references "
                         "and report the first error.", entries, &argc, &argv))
    return COLLAB_EXIT_USAGE;
  if (argc < 2)
    return collab_cli_usage_error ("validate", "no file given");

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(CollabDataset) dataset = collab_cli_load (argv[i]);
      g_autoptr(GString) counts = g_string_new (NULL);

      if (dataset == NULL)
        {
          status = COLLAB_EXIT_USAGE;
          continue;
        }

      for (guint k = 0; k < G_N_ELEMENTS (plurals); k++)
        {
          guint n = collab_dataset_get_n_records (dataset, k);

          if (n > 0)
            g_string_append_printf (counts, "%s%u %s", counts->len > 0 ? ", " : "", n, plurals[k]);
        }
      printf ("%s: valid (%s)\n", argv[i], counts->len > 0 ? counts->str : "no records");
    }

  return status;
}
