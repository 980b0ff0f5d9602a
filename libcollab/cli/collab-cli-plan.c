/* collab-cli-plan.c: `collab plan FILE`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The 666 shortfall of every pairing-year and what would close it: the
 * table of [method@Collab.Checker.plan] as CSV or JSON, or on a terminal one
 * line per pairing-year. A shortfall is not an error: the exit status is 0
 * whenever the file loads (2 when it does not, or on bad usage).
 */

#include <stdio.h>

#include "collab-cli-private.h"


static gint64
cell (CollabTable *table,
      guint        row,
      const char  *column)
{
  int c = collab_table_find_column (table, column);

  return c >= 0 && !collab_table_is_null (table, row, c) ? collab_table_get_int (table, row, c) : 0;
}

static const char *
text_cell (CollabTable *table,
           guint        row,
           const char  *column)
{
  int c = collab_table_find_column (table, column);

  return c >= 0 && !collab_table_is_null (table, row, c) ? collab_table_get_string (table, row, c) : NULL;
}

/* "fails total, tenure" or "passes", from the *_ok columns. */
static char *
verdict (CollabTable *table,
         guint        row)
{
  static const char * const rules[] = { "total", "tenure", "mix" };
  g_autoptr(GString) failed = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *column = g_strdup_printf ("%s_ok", rules[i]);
      int c = collab_table_find_column (table, column);

      if (c < 0 || collab_table_is_null (table, row, c) || collab_table_get_int (table, row, c))
        continue;
      if (g_str_equal (rules[i], "mix") && cell (table, row, "mix_adjusted"))
        continue;
      /* The rule's short name, as in its id (666.total): not translated. */
      g_string_append_printf (failed, "%s%s", failed->len > 0 ? ", " : "", rules[i]);
    }
  if (failed->len == 0)
    return g_strdup (_("passes"));
  /* Translators: %s lists the 666 rules failed by their short ids:
   * "total, tenure, mix". */
  return g_strdup_printf (_("fails %s"), failed->str);
}

static void
print_text (CollabTable *table)
{
  guint n_rows = collab_table_get_n_rows (table);
  guint n_columns = collab_table_get_n_columns (table);
  guint short_years = 0;
  gint64 to_add = 0;

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(GString) tiers = g_string_new (NULL);
      g_autofree char *judged = verdict (table, r);
      const char *plan = text_cell (table, r, "plan");
      long long projected = cell (table, r, "projected");
      long long short_other = cell (table, r, "short_other");

      for (guint c = 0; c < n_columns; c++)
        {
          const char *name = collab_table_get_column_name (table, c);

          if (g_str_has_prefix (name, "served_") && !collab_table_is_null (table, r, c))
            g_string_append_printf (tiers, "%s≥%s: %lld", _(", "), name + strlen ("served_"),
                                    (long long) collab_table_get_int (table, r, c));
        }

      /* Translators: "wuxi-2021 2021 jiangyin → yanchuan: 22 counted (6
       * teachers, 6 doctors, 10 agriculture or other, ≥12: 5, ≥6: 12, ≥1:
       * 22)"; the last %s is the tiers, each ", ≥MONTHS: COUNT". */
      printf (_("%s %lld %s → %s: %lld counted (%lld teachers, %lld doctors, %lld agriculture or other%s)"),
              text_cell (table, r, "program"), (long long) cell (table, r, "year"), text_cell (table, r, "assisting"),
              text_cell (table, r, "assisted"), (long long) cell (table, r, "counted"),
              (long long) cell (table, r, "teachers"), (long long) cell (table, r, "doctors"),
              (long long) cell (table, r, "agriculture_or_other"), tiers->str);
      if (projected > 0)
        printf (_(", %lld projected"), projected);
      if (short_other > 0)
        printf (_(", %lld under a month not counted"), short_other);
      printf (" — %s%s%s\n", judged, plan != NULL ? _("; ") : "", plan != NULL ? plan : "");

      if (plan != NULL)
        {
          short_years++;
          to_add += cell (table, r, "add_total");
        }
    }

  {
    g_autofree char *years = g_strdup_printf (ngettext_ ("%u pairing-year", "%u pairing-years", n_rows), n_rows);
    g_autofree char *adds = g_strdup_printf (ngettext_ ("%lld dispatch to add in all", "%lld dispatches to add in all",
                                                        (gulong) to_add), (long long) to_add);

    /* Translators: "45 pairing-years, 22 short; 330 dispatches to add in all". */
    printf (_("%s, %u short; %s"), years, short_years, adds);
    putchar ('\n');
  }
}

int
collab_cli_plan (int    argc,
                 char **argv)
{
  g_autofree char *ruleset_name = NULL;
  g_autofree char *interpretation = NULL;
  g_autofree char *program = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  int year = 0;
  CollabYearRange years;
  GOptionEntry entries[] = {
    { "program", 0, 0, G_OPTION_ARG_STRING, &program, N_("Only this program"), "ID" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Only this year"), "YEAR" },
    { "ruleset", 0, 0, G_OPTION_ARG_STRING, &ruleset_name, N_("Plan by this rule set instead of each program's own"), "ID|FILE" },
    { "interpretation", 0, 0, G_OPTION_ARG_STRING, &interpretation, N_("Reading of the 666 tenure tiers"), "nested|cumulative|banded" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("Count services ending after this day as projected"), "YYYY-MM-DD" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format"), "text|json|csv|xlsx" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the spreadsheet to this file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(CollabChecker) checker = NULL;
  g_autoptr(CollabTable) table = NULL;
  g_autoptr(GError) error = NULL;

  if (!collab_cli_parse ("plan", N_("FILE"),
                         N_("Print the 666 shortfall of every pairing-year and the smallest set of dispatches "
                            "that would close it."), entries, &argc, &argv))
    return COLLAB_EXIT_USAGE;
  if (argc != 2)
    return collab_cli_usage_error ("plan", argc < 2 ? _("no file given") : _("one file at a time"));
  if (!collab_cli_check_output ("plan", format, output))
    return COLLAB_EXIT_USAGE;

  checker = collab_cli_checker ("plan", ruleset_name, interpretation, as_of);
  if (checker == NULL)
    return COLLAB_EXIT_USAGE;

  dataset = collab_cli_load (argv[1]);
  if (dataset == NULL)
    return COLLAB_EXIT_USAGE;

  table = collab_checker_plan (checker, dataset, program, collab_cli_years (year, &years), &error);
  if (table == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return COLLAB_EXIT_USAGE;
    }

  /* Translators: the name of a sheet of a workbook (666 计划), at most 31
   * characters, none of []:*?/\ */
  return collab_cli_print_table (table, format, output, "plan", _("666 plan"), print_text);
}
