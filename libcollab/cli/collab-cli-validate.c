/* collab-cli-validate.c: `collab validate FILE…`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>

#include "collab-cli-private.h"

/* "12 regions": how many records of @kind a document holds. */
static char *
count_records (CollabRecordKind kind,
               guint            n)
{
  /* Whole phrases with their plural forms, for the translators. */
  switch (kind)
    {
    case COLLAB_RECORD_KIND_REGION: return g_strdup_printf (ngettext_ ("%u region", "%u regions", n), n);
    case COLLAB_RECORD_KIND_ORGANIZATION: return g_strdup_printf (ngettext_ ("%u organization", "%u organizations", n), n);
    case COLLAB_RECORD_KIND_PROGRAM: return g_strdup_printf (ngettext_ ("%u program", "%u programs", n), n);
    case COLLAB_RECORD_KIND_PAIRING: return g_strdup_printf (ngettext_ ("%u pairing", "%u pairings", n), n);
    case COLLAB_RECORD_KIND_ACCOUNT: return g_strdup_printf (ngettext_ ("%u account", "%u accounts", n), n);
    case COLLAB_RECORD_KIND_TRANSACTION: return g_strdup_printf (ngettext_ ("%u transaction", "%u transactions", n), n);
    case COLLAB_RECORD_KIND_PROJECT: return g_strdup_printf (ngettext_ ("%u project", "%u projects", n), n);
    case COLLAB_RECORD_KIND_PERSON: return g_strdup_printf (ngettext_ ("%u person", "%u people", n), n);
    case COLLAB_RECORD_KIND_DISPATCH: return g_strdup_printf (ngettext_ ("%u dispatch", "%u dispatches", n), n);
    case COLLAB_RECORD_KIND_TRAINING: return g_strdup_printf (ngettext_ ("%u training", "%u trainings", n), n);
    case COLLAB_RECORD_KIND_ADJUSTMENT: return g_strdup_printf (ngettext_ ("%u adjustment", "%u adjustments", n), n);
    case COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE:
      return g_strdup_printf (ngettext_ ("%u demonstration village", "%u demonstration villages", n), n);
    default:
      return g_strdup_printf (ngettext_ ("%u other record", "%u other records", n), n);
    }
}

int
collab_cli_validate (int    argc,
                     char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  int status = COLLAB_EXIT_OK;

  if (!collab_cli_parse ("validate", N_("FILE…"), N_("Load each dataset document, resolve its references "
                                                     "and report the first error."), entries, &argc, &argv))
    return COLLAB_EXIT_USAGE;
  if (argc < 2)
    return collab_cli_usage_error ("validate", _("no file given"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(CollabDataset) dataset = collab_cli_load (argv[i]);
      g_autoptr(GString) counts = g_string_new (NULL);

      if (dataset == NULL)
        {
          status = COLLAB_EXIT_USAGE;
          continue;
        }

      for (guint k = 0; k <= COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE; k++)
        {
          guint n = collab_dataset_get_n_records (dataset, k);
          g_autofree char *count = NULL;

          if (n == 0)
            continue;
          count = count_records (k, n);
          g_string_append_printf (counts, "%s%s", counts->len > 0 ? _(", ") : "", count);
        }
      printf (_("%s: valid (%s)"), argv[i], counts->len > 0 ? counts->str : _("no records"));
      putchar ('\n');
    }

  return status;
}
