/* bench-talent.c: the 666, cadre and village rules and the plan on a big roster
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-talent FILE [--repeat N] [--csv PLAN.csv]
 *
 * Loads FILE, then runs a check with only the talent rules enabled (the
 * six 666.* rules of east-west-2021, cadre.continuity and village.demo;
 * pairing and fund rules off), then plans every pairing-year with the
 * same checker (collab_checker_plan(); the plan reads only the 666 rules,
 * which the talent rule set leaves as east-west-2021 has them). The first
 * check builds the pairing-year tally (the one pass over the dispatches)
 * and every rule and the plan reuse it; a second check and plan on the
 * same dataset show the cost without it.
 *
 * Prints one "key: value" per line: the records, the time of each step,
 * the findings by rule, the rows of the plan and the dispatches it asks
 * for, and the peak RSS of the process (getrusage). With --csv, the plan
 * table is written to PLAN.csv, for bench-talent.sh to compare with the
 * counts pandas makes of the same file.
 */

#include "bench-common.h"

static CollabRuleset *
talent_ruleset (void)
{
  g_autoptr(GError) error = NULL;
  CollabRuleset *set = collab_ruleset_new_builtin ("east-west-2021", &error);
  g_auto(GStrv) rules = NULL;

  if (set == NULL)
    g_error ("%s", error->message);
  rules = collab_ruleset_list_rules (set);
  for (guint i = 0; rules[i] != NULL; i++)
    if (g_str_has_prefix (rules[i], "fund.") || g_str_has_prefix (rules[i], "pairing."))
      collab_ruleset_set_enabled (set, rules[i], FALSE);
  return set;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(CollabRuleset) ruleset = NULL;
  g_autoptr(CollabChecker) checker = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) by_rule = NULL;
  GHashTableIter iter;
  gpointer key, value;
  double t0, t_load, t_check1, t_plan1, t_check2, t_plan2;
  guint n_findings = 0, n_rows = 0;
  gint64 to_add = 0;
  long peak_check_plan = 0;
  const char *csv_path = NULL;
  int repeat = 2;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-talent FILE [--repeat N] [--csv PLAN.csv]\n");
      return 2;
    }
  for (int i = 2; i + 1 < argc; i += 2)
    {
      if (g_str_equal (argv[i], "--repeat"))
        repeat = MAX (1, atoi (argv[i + 1]));
      else if (g_str_equal (argv[i], "--csv"))
        csv_path = argv[i + 1];
    }

  t0 = bench_now ();
  dataset = collab_dataset_new_from_file (argv[1], &error);
  if (dataset == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  t_load = bench_now () - t0;

  printf ("records.dispatches: %u\n", collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_DISPATCH));
  printf ("records.people: %u\n", collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PERSON));
  printf ("records.pairings: %u\n", collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PAIRING));
  printf ("records.programs: %u\n", collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PROGRAM));
  printf ("load.seconds: %.3f\n", t_load);
  printf ("peak_rss.load_kb: %ld\n", bench_peak_rss_kb ());

  ruleset = talent_ruleset ();
  checker = collab_checker_new ();
  collab_checker_set_ruleset (checker, ruleset);
  collab_checker_set_as_of (checker, collab_day_new (2025, 12, 31));

  t_check1 = t_plan1 = t_check2 = t_plan2 = 0;
  for (int r = 0; r < repeat; r++)
    {
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(CollabTable) plan = NULL;
      double t, t_check, t_plan;

      t = bench_now ();
      findings = collab_checker_run (checker, dataset, &error);
      t_check = bench_now () - t;
      if (findings == NULL)
        g_error ("%s", error->message);

      t = bench_now ();
      plan = collab_checker_plan (checker, dataset, NULL, NULL, &error);
      t_plan = bench_now () - t;
      if (plan == NULL)
        g_error ("%s", error->message);

      if (r == 0)
        {
          int add_total = collab_table_find_column (plan, "add_total");

          t_check1 = t_check;
          t_plan1 = t_plan;
          by_rule = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint i = 0; i < findings->len; i++)
            {
              const char *rule = collab_finding_get_rule (g_ptr_array_index (findings, i));
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (by_rule, rule));

              g_hash_table_insert (by_rule, g_strdup (rule), GUINT_TO_POINTER (n + 1));
            }
          n_findings = findings->len;
          peak_check_plan = bench_peak_rss_kb ();
          /* Not while the findings are alive: the CSV text of 50,000
           * rows is not part of what is measured. */
          g_clear_pointer (&findings, g_ptr_array_unref);
          if (csv_path != NULL)
            {
              g_autofree char *csv = collab_table_to_csv (plan);

              if (!g_file_set_contents (csv_path, csv, -1, &error))
                g_error ("%s", error->message);
            }
          n_rows = collab_table_get_n_rows (plan);
          for (guint i = 0; i < n_rows; i++)
            to_add += collab_table_get_int (plan, i, add_total);
        }
      else
        {
          t_check2 = t_check2 == 0 ? t_check : MIN (t_check2, t_check);
          t_plan2 = t_plan2 == 0 ? t_plan : MIN (t_plan2, t_plan);
        }
    }

  printf ("check.seconds: %.3f\n", t_check1);
  printf ("plan.seconds: %.3f\n", t_plan1);
  printf ("check_plus_plan.seconds: %.3f\n", t_check1 + t_plan1);
  if (repeat > 1)
    {
      printf ("check.again.seconds: %.3f\n", t_check2);
      printf ("plan.again.seconds: %.3f\n", t_plan2);
    }
  printf ("findings.total: %u\n", n_findings);
  g_hash_table_iter_init (&iter, by_rule);
  while (g_hash_table_iter_next (&iter, &key, &value))
    printf ("findings.%s: %u\n", (const char *) key, GPOINTER_TO_UINT (value));
  printf ("plan.rows: %u\n", n_rows);
  printf ("plan.dispatches_to_add: %" G_GINT64_FORMAT "\n", to_add);
  printf ("peak_rss.check_plan_kb: %ld\n", peak_check_plan);
  printf ("peak_rss_kb: %ld\n", bench_peak_rss_kb ());
  return 0;
}
