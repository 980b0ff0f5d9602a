/* collab-cli-report.c: `collab report FILE`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <string.h>

#include "collab-cli-private.h"

/* What heads a row's column on a terminal: its year, or its period. */
static char *
row_years (CollabTable *card,
           guint        row,
           int          first_column,
           int          last_column)
{
  gint64 first = collab_table_get_int (card, row, first_column);
  gint64 last = last_column >= 0 ? collab_table_get_int (card, row, last_column) : first;

  if (first == last)
    return g_strdup_printf ("%" G_GINT64_FORMAT, first);
  return g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, first, last);
}

/* A scorecard has a few rows (years, or one period) and many columns
 * (figures): on a terminal it reads better turned, a figure per line and
 * a year per column, one block per program. */
static void
print_text (CollabTable *card)
{
  guint n_rows = collab_table_get_n_rows (card);
  guint n_columns = collab_table_get_n_columns (card);
  int program_column = collab_table_find_column (card, "program");
  int year_column = collab_table_find_column (card, "year");
  int last_column = collab_table_find_column (card, "last_year");
  g_auto(GStrv) labels = g_new0 (char *, n_columns + 1);
  const char *heading;
  guint width;

  /* A period's table has first_year and last_year instead of year. */
  if (year_column < 0)
    year_column = collab_table_find_column (card, "first_year");

  /* Rows named as people name them, in the language of the messages. */
  /* Translators: heads the years a scorecard's columns cover, as in
   * "Period  2016–2020". */
  heading = last_column >= 0 ? _("Period") : NULL;
  for (guint c = 0; c < n_columns; c++)
    labels[c] = collab_table_get_column_label (card, c);
  if (heading == NULL)
    heading = labels[year_column];
  width = collab_cli_display_width (heading);
  for (guint c = 0; c < n_columns; c++)
    width = MAX (width, collab_cli_display_width (labels[c]));

  for (guint start = 0; start < n_rows;)
    {
      const char *program = collab_table_get_string (card, start, program_column);
      guint end = start;

      while (end < n_rows && g_strcmp0 (collab_table_get_string (card, end, program_column), program) == 0)
        end++;

      printf ("%s%s\n", start > 0 ? "\n" : "", program);
      printf ("  ");
      collab_cli_print_padded (heading, width);
      for (guint r = start; r < end; r++)
        {
          g_autofree char *years = row_years (card, r, year_column, last_column);

          /* The en dash is one column wide and three bytes long. */
          printf (" %*s", 14 + (int) (strlen (years) - g_utf8_strlen (years, -1)), years);
        }
      printf ("\n");

      for (guint c = 0; c < n_columns; c++)
        {
          CollabColumnType type = collab_table_get_column_type (card, c);

          if ((int) c == program_column || (int) c == year_column || (int) c == last_column)
            continue;

          printf ("  ");
          collab_cli_print_padded (labels[c], width);
          for (guint r = start; r < end; r++)
            {
              if (collab_table_is_null (card, r, c))
                printf (" %14s", "-");
              else if (type == COLLAB_COLUMN_TYPE_AMOUNT)
                {
                  g_autofree char *text = collab_money_format_readable (collab_table_get_int (card, r, c));
                  /* 万 and 亿 are two columns wide on a terminal. */
                  printf (" %*s", 14 + (int) (strlen (text) - g_utf8_strlen (text, -1)) - 1, text);
                }
              else if (type == COLLAB_COLUMN_TYPE_STRING)
                printf (" %14s", collab_table_get_string (card, r, c));
              else
                printf (" %14" G_GINT64_FORMAT, collab_table_get_int (card, r, c));
            }
          printf ("\n");
        }
      start = end;
    }
}

/* --years FIRST-LAST (or a single year) into @years. */
static gboolean
parse_years (const char      *text,
             CollabYearRange *years)
{
  g_auto(GStrv) parts = g_strsplit (text, "-", 3);
  gint64 first, last;

  if (g_strv_length (parts) > 2 ||
      !g_ascii_string_to_signed (parts[0], 10, 1, 9999, &first, NULL) ||
      !g_ascii_string_to_signed (parts[1] != NULL ? parts[1] : parts[0], 10, first, 9999, &last, NULL))
    return FALSE;

  years->first = (int) first;
  years->last = (int) last;
  return TRUE;
}

int
collab_cli_report (int    argc,
                   char **argv)
{
  g_autofree char *program = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *period = NULL;
  int year = 0;
  CollabYearRange years;
  GOptionEntry entries[] = {
    { "program", 0, 0, G_OPTION_ARG_STRING, &program, N_("Only this program"), "ID" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Only this year"), "YEAR" },
    { "years", 0, 0, G_OPTION_ARG_STRING, &period, N_("One column for the whole period, as 2016-2020"),
      "FIRST-LAST" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format"), "text|json|csv|xlsx" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the spreadsheet to this file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(CollabChecker) checker = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CollabTable) card = NULL;
  g_autoptr(GError) error = NULL;

  if (!collab_cli_parse ("report", N_("FILE"),
                         N_("Print the scorecard: one row per program and year, or with --years one per program "
                            "for the whole period."),
                         entries, &argc, &argv))
    return COLLAB_EXIT_USAGE;
  if (argc != 2)
    return collab_cli_usage_error ("report", argc < 2 ? _("no file given") : _("one file at a time"));
  if (year != 0 && period != NULL)
    return collab_cli_usage_error ("report", _("--year and --years cannot be given together"));
  if (year < 0)
    return collab_cli_usage_error ("report", _("--year is a year, not %d"), year);
  if (period != NULL && !parse_years (period, &years))
    {
      g_autofree char *shown = collab_error_cut (period);

      /* Translators: %s is what was given after --years; keep FIRST-LAST and
       * 2016-2020 as they are. */
      return collab_cli_usage_error ("report", _("--years is FIRST-LAST, the first year no later than the last, "
                                                 "as 2016-2020, not '%s'"), shown);
    }
  if (!collab_cli_check_output ("report", format, output))
    return COLLAB_EXIT_USAGE;

  dataset = collab_cli_load (argv[1]);
  if (dataset == NULL)
    return COLLAB_EXIT_USAGE;

  /* The scorecard counts the findings too. */
  checker = collab_checker_new ();
  findings = collab_checker_run (checker, dataset, &error);
  if (findings == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return COLLAB_EXIT_USAGE;
    }

  if (period != NULL)
    card = collab_dataset_get_scorecard_for_period (dataset, findings, program, &years, &error);
  else
    card = collab_dataset_get_scorecard (dataset, findings, program, collab_cli_years (year, &years), &error);
  if (card == NULL)
    return collab_cli_report_error ("report", argv[1], error);

  /* Translators: the name of a sheet of a workbook (记分卡), at most 31
   * characters, none of []:*?/\ */
  return collab_cli_print_table (card, format, output, "scorecard", _("Scorecard"), print_text);
}
