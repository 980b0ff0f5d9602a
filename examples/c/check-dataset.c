/* check-dataset.c: load a dataset, list a program's pairings, run the check
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Build against an installed libcollab:
 *
 *   cc check-dataset.c -o check-dataset $(pkg-config --cflags --libs libcollab-1.0)
 *   ./check-dataset ../data/wuxi-2021.json wuxi-2021
 */

#include <locale.h>

#include <libcollab/collab.h>

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(CollabChecker) checker = NULL;
  g_autoptr(GPtrArray) pairings = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  const char *program = argc > 2 ? argv[2] : NULL;

  /* g_print() writes in the locale's charset, which is ASCII until the
   * program takes the user's locale: without this line, 滨湖区 prints as
   * ??? even under LANG=C.UTF-8. It also picks the language of
   * libcollab's messages. Numbers are read the same in every locale. */
  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      g_printerr ("usage: %s DATASET [PROGRAM]\n", argv[0]);
      return 2;
    }

  dataset = collab_dataset_new_from_file (argv[1], &error);
  if (dataset == NULL)
    {
      /* The message names the file and the line and column or JSON path. */
      g_printerr ("%s\n", error->message);
      return 2;
    }

  g_print ("libcollab %s\n", collab_get_version ());

  pairings = collab_dataset_get_pairings (dataset, program, COLLAB_PAIRING_LEVELS_COUNTY, NULL);
  g_print ("%u county pairings:\n", pairings->len);
  for (guint i = 0; i < pairings->len; i++)
    {
      CollabRecord *pairing = g_ptr_array_index (pairings, i);

      g_print ("  %-10s → %s\n", collab_record_get_string (pairing, "assisting"),
               collab_record_get_string (pairing, "assisted"));
    }

  checker = collab_checker_new ();
  findings = collab_checker_run (checker, dataset, &error);
  if (findings == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  g_print ("%u findings\n", findings->len);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      g_print ("  %s: %s\n", collab_finding_get_rule (finding), collab_finding_get_message (finding));
    }

  return 0;
}
