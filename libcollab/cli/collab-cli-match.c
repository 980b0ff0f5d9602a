/* collab-cli-match.c: `collab match FILE`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Proposed placements of waiting workers into open job offers
 * ([method@Collab.Dataset.match], SPEC §11.3): on a terminal the three
 * figures, then the table with its headers and words in the language of
 * the messages; `--format json` one object with the figures and the rows;
 * csv and xlsx the table. A matching that places nobody is not an error:
 * the exit status is 0 whenever the file loads (2 when it does not, or on
 * bad usage).
 */

#include <stdio.h>

#include "collab-cli-private.h"

static void
print_text (CollabMatch *match)
{
  CollabTable *table = collab_match_get_table (match);
  guint placed = collab_match_get_placed (match);

  /* Translators: the figures of a matching of workers to job offers:
   * "12 placed, 5 of them priority, rank sum 15". The first %u is the
   * workers placed, the second those of them who are poverty-lifted or
   * at risk, %llu the sum of the ranks of their job types in their
   * wishes (1 = first choice). */
  printf (ngettext_ ("%u placed, %u of them priority, rank sum %llu",
                     "%u placed, %u of them priority, rank sum %llu", placed),
          placed, collab_match_get_priority_placed (match),
          (unsigned long long) collab_match_get_rank_sum (match));
  putchar ('\n');

  if (placed > 0)
    {
      g_autofree char *text = collab_table_to_text_full (table, COLLAB_EXPORT_LABELS);

      putchar ('\n');
      fputs (text, stdout);
    }
}

int
collab_cli_match (int    argc,
                  char **argv)
{
  g_autofree char *program = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "program", 0, 0, G_OPTION_ARG_STRING, &program,
      N_("Only workers from the program's assisted cities, and job offers of the program or of none"), "ID" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("Match on this day instead of today"), "YYYY-MM-DD" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format"), "text|json|csv|xlsx" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the spreadsheet to this file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(CollabMatch) match = NULL;
  g_autoptr(GError) error = NULL;
  CollabDay day = COLLAB_DAY_NONE;

  if (!collab_cli_parse ("match", N_("FILE"),
                         N_("Propose placements of the workers waiting on a day into the job offers open on it: "
                            "as many poverty-lifted and at-risk workers as can be placed, then as many workers, "
                            "then the job types they ranked highest."), entries, &argc, &argv))
    return COLLAB_EXIT_USAGE;
  if (argc != 2)
    return collab_cli_usage_error ("match", argc < 2 ? _("no file given") : _("one file at a time"));
  if (!collab_cli_check_output ("match", format, output))
    return COLLAB_EXIT_USAGE;
  if (as_of != NULL && !collab_day_parse (as_of, &day, &error))
    return collab_cli_usage_error ("match", "--as-of: %s", error->message);

  dataset = collab_cli_load (argv[1]);
  if (dataset == NULL)
    return COLLAB_EXIT_USAGE;

  match = collab_dataset_match (dataset, program, day, &error);
  if (match == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return COLLAB_EXIT_USAGE;
    }

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) node = collab_match_to_json (match);

      collab_cli_print_json (node);
      return COLLAB_EXIT_OK;
    }
  if (collab_cli_is_sheet_format (format))
    /* Translators: the name of a sheet of a workbook (人岗匹配), at most 31
     * characters, none of []:*?/\ */
    return collab_cli_write_sheet (collab_match_get_table (match), format, output, _("Matching"));

  print_text (match);
  return COLLAB_EXIT_OK;
}
