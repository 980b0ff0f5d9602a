/* bench-funds.c: the fund rules, boundary totals and the flow trace, timed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-funds FILE [--as-of YYYY-MM-DD]
 *
 * Loads a dataset document (tests/benchmark/generate.py --transactions),
 * then, through the public API only:
 *
 *   rules    a check with every fund.* rule and nothing else (the ledger
 *            of the dataset is built inside it, by the first fund rule);
 *   totals   collab_dataset_get_fund_totals() for a program, a western province,
 *            a city, a county and a project, and collab_dataset_aggregate_funds()
 *            for the province (rows by year, category and status);
 *   trace    collab_dataset_trace_funds() of all the money, and of one program.
 *
 * Prints one "key: value" per line (bench-funds.sh makes a table of them):
 * wall and CPU seconds of each step, findings by rule, the totals, and the
 * peak RSS of the process (getrusage).
 */

#include "bench-common.h"

/* The first record id of @kind that @accept takes, or NULL. */
static char *
pick (CollabDataset    *dataset,
      CollabRecordKind  kind,
      const char       *field,
      const char       *value)
{
  g_auto(GStrv) ids = collab_dataset_list_ids (dataset, kind);

  for (char **id = ids; id != NULL && *id != NULL; id++)
    {
      g_autoptr(CollabRecord) record = collab_dataset_lookup (dataset, kind, *id);

      if (field == NULL || g_strcmp0 (collab_record_get_string (record, field), value) == 0)
        return g_strdup (*id);
    }
  return NULL;
}

static void
print_totals (const char *label,
              const char *boundary,
              const CollabFundTotals *totals)
{
  g_autofree char *in = collab_money_format_readable (totals->incoming);
  g_autofree char *inside = collab_money_format_readable (totals->internal);
  g_autofree char *out = collab_money_format_readable (totals->outgoing);
  g_autofree char *allocated = collab_money_format_readable (totals->allocated);

  printf ("totals.%s: %s in %s internal %s out %s allocated %s\n", label, boundary, in, inside, out, allocated);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(CollabRuleset) ruleset = bench_rules_with_prefix ("fund.");
  g_autoptr(CollabRuleset) first_rule = bench_rules_with_prefix ("fund.not_in_reserve");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) by_rule = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(CollabTable) aggregate = NULL;
  g_autoptr(CollabTable) trace_all = NULL;
  g_autoptr(CollabTable) trace_one = NULL;
  g_autofree char *program = NULL;
  g_autofree char *province = NULL;
  g_autofree char *city = NULL;
  g_autofree char *county = NULL;
  g_autofree char *project = NULL;
  const char *path = NULL;
  CollabDay as_of = collab_day_new (2030, 12, 31);
  double t, cpu, t_ledger, t_rules, t_totals, t_trace;
  g_auto(GStrv) known = collab_ruleset_list_known_rules ();
  GHashTableIter iter;
  gpointer key, value;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--as-of") == 0 && i + 1 < argc)
        {
          if (!collab_day_parse (argv[++i], &as_of, &error))
            {
              fprintf (stderr, "%s\n", error->message);
              return 2;
            }
        }
      else if (path == NULL)
        path = argv[i];
      else
        {
          fprintf (stderr, "usage: bench-funds FILE [--as-of YYYY-MM-DD]\n");
          return 2;
        }
    }
  if (path == NULL)
    {
      fprintf (stderr, "usage: bench-funds FILE [--as-of YYYY-MM-DD]\n");
      return 2;
    }

  t = bench_now ();
  cpu = bench_cpu_seconds ();
  dataset = collab_dataset_new_from_file (path, &error);
  if (dataset == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  printf ("load.seconds: %.3f\n", bench_now () - t);
  printf ("load.cpu_seconds: %.3f\n", bench_cpu_seconds () - cpu);
  printf ("peak_rss.load_kb: %ld\n", bench_peak_rss_kb ());
  printf ("records.transactions: %u\n", collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_TRANSACTION));
  printf ("records.accounts: %u\n", collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_ACCOUNT));
  printf ("records.projects: %u\n", collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PROJECT));

  /* The boundaries: the first program, a western province, a city and a
   * county, and a project. */
  program = pick (dataset, COLLAB_RECORD_KIND_PROGRAM, NULL, NULL);
  province = pick (dataset, COLLAB_RECORD_KIND_REGION, "level", "province");
  {
    g_autoptr(CollabRecord) first = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PROGRAM, program);
    g_auto(GStrv) assisted = collab_record_get_strv (first, "assisted");
    g_autoptr(CollabRecord) city_record = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_REGION, assisted[0]);

    city = g_strdup (assisted[0]);
    g_free (province);
    province = g_strdup (collab_record_get_string (city_record, "parent"));
    county = pick (dataset, COLLAB_RECORD_KIND_REGION, "parent", city);
  }
  project = pick (dataset, COLLAB_RECORD_KIND_PROJECT, "county", county);

  /* Rules: the first builds the ledger (fund.not_in_reserve itself takes
   * a millisecond), then all of them; then each alone, for the record. */
  cpu = bench_cpu_seconds ();
  t_ledger = bench_timed_check (dataset, first_rule, as_of, NULL);
  t_rules = t_ledger + bench_timed_check (dataset, ruleset, as_of, &findings);
  printf ("rules.ledger_seconds: %.3f\n", t_ledger);
  printf ("rules.seconds: %.3f\n", t_rules);
  printf ("rules.cpu_seconds: %.3f\n", bench_cpu_seconds () - cpu);
  for (char **rule = known; *rule != NULL; rule++)
    if (g_str_has_prefix (*rule, "fund."))
      {
        g_autoptr(CollabRuleset) alone = bench_rules_with_prefix (*rule);
        double seconds = bench_timed_check (dataset, alone, as_of, NULL);

        printf ("rules.%s_seconds: %.3f\n", *rule + strlen ("fund."), seconds);
      }
  for (guint i = 0; i < findings->len; i++)
    {
      const char *rule = collab_finding_get_rule (g_ptr_array_index (findings, i));

      g_hash_table_insert (by_rule, (gpointer) rule,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (by_rule, rule)) + 1));
    }
  g_hash_table_iter_init (&iter, by_rule);
  while (g_hash_table_iter_next (&iter, &key, &value))
    printf ("findings.%s: %u\n", (const char *) key, GPOINTER_TO_UINT (value));
  printf ("findings.total: %u\n", findings->len);

  /* Totals. */
  t = bench_now ();
  cpu = bench_cpu_seconds ();
  {
    const char *labels[] = { "program", "province", "city", "county", "project" };
    const char *boundaries[] = { program, province, city, county, project };

    for (guint i = 0; i < G_N_ELEMENTS (boundaries); i++)
      {
        g_autoptr(CollabFundTotals) totals = NULL;

        if (boundaries[i] == NULL)
          continue;
        totals = collab_dataset_get_fund_totals (dataset, boundaries[i], NULL, &error);
        if (totals == NULL)
          {
            fprintf (stderr, "%s\n", error->message);
            return 2;
          }
        print_totals (labels[i], boundaries[i], totals);
      }
  }
  aggregate = collab_dataset_aggregate_funds (dataset, province, NULL, &error);
  t_totals = bench_now () - t;
  printf ("totals.seconds: %.3f\n", t_totals);
  printf ("totals.cpu_seconds: %.3f\n", bench_cpu_seconds () - cpu);
  printf ("totals.province_rows: %u\n", collab_table_get_n_rows (aggregate));

  /* Trace. */
  t = bench_now ();
  trace_all = collab_dataset_trace_funds (dataset, NULL, NULL, &error);
  trace_one = collab_dataset_trace_funds (dataset, program, NULL, &error);
  t_trace = bench_now () - t;
  printf ("trace.seconds: %.3f\n", t_trace);
  printf ("trace.edges_all: %u\n", collab_table_get_n_rows (trace_all));
  printf ("trace.edges_program: %u\n", collab_table_get_n_rows (trace_one));

  printf ("rules_and_totals.seconds: %.3f\n", t_rules + t_totals);
  printf ("peak_rss_kb: %ld\n", bench_peak_rss_kb ());
  return 0;
}
