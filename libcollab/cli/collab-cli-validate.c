/* collab-cli-validate.c: `collab validate FILE…`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A dataset document is loaded and its references resolved. A table an
 * officer keeps (a CSV file or an xlsx workbook) is imported as `convert`
 * would import it, into the dataset --base names or an empty one, and
 * nothing is written: the first error, or what the table would add.
 */

#include <stdio.h>

#include "collab-cli-private.h"

static char *
count_all (CollabDataset *dataset)
{
  g_autoptr(GString) counts = g_string_new (NULL);

  for (guint k = 0; k < COLLAB_CLI_N_KINDS; k++)
    {
      guint n = collab_dataset_get_n_records (dataset, k);
      g_autofree char *count = NULL;

      if (n == 0)
        continue;
      count = collab_cli_count_records (k, n);
      g_string_append_printf (counts, "%s%s", counts->len > 0 ? _(", ") : "", count);
    }
  return g_string_free (g_steal_pointer (&counts), FALSE);
}

int
collab_cli_validate (int    argc,
                     char **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *base = NULL;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name,
      N_("Tables: the records they hold, when the sheet or file name does not say"), N_("KIND") },
    { "sheet", 's', 0, G_OPTION_ARG_STRING, &sheet, N_("Workbooks: the sheet to read"), N_("NAME") },
    { "base", 'b', 0, G_OPTION_ARG_FILENAME, &base,
      N_("Tables: the dataset their rows are added to, and may refer to"), N_("FILE") },
    { NULL }
  };
  int status = COLLAB_EXIT_OK;

  if (!collab_cli_parse ("validate", N_("FILE…"),
                         N_("Load each dataset document, resolve its references and report the first error. "
                            "A CSV file or an xlsx workbook is imported as convert would, into --base or an "
                            "empty dataset, and nothing is written."), entries, &argc, &argv))
    return COLLAB_EXIT_USAGE;
  if (argc < 2)
    return collab_cli_usage_error ("validate", _("no file given"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(CollabDataset) dataset = NULL;
      g_autofree char *counts = NULL;
      CollabRecordKind kind;

      if (collab_cli_is_table (argv[i]))
        {
          /* --base is loaded afresh for each table, so that one table's
           * rows do not meet the next's. */
          if (collab_cli_table_kind ("validate", argv[i], kind_name, sheet, &kind))
            dataset = collab_cli_import_table (argv[i], base, kind, sheet, &counts);
        }
      else if ((dataset = collab_cli_load (argv[i])) != NULL)
        counts = count_all (dataset);

      if (dataset == NULL)
        {
          status = COLLAB_EXIT_USAGE;
          continue;
        }
      printf (_("%s: valid (%s)"), argv[i], *counts != '\0' ? counts : _("no records"));
      putchar ('\n');
    }

  return status;
}
