/* bench-labour.c: a labour document loaded, checked with the labour rules and matched, timed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-labour FILE [--as-of YYYY-MM-DD] [--repeat N] [--findings OUT.jsonl]
 *
 * Loads FILE (tests/benchmark/generate-labour.py), then, through the
 * public API only, checks it with the labour.* rules of east-west-2021 and
 * nothing else: all of them together N times (default 3; the first and
 * the best of the others are reported: a rule may build an index on the
 * dataset the first time), then each alone; then matches every worker and
 * offer on the as-of day (collab_dataset_match()) N times, the first and
 * the best of the others reported with the first's three figures.
 *
 * Prints one "key: value" per line (bench-labour.sh makes a table of
 * them): the records by kind, the load's wall and CPU seconds, the RSS
 * the loaded dataset accounts for (VmRSS after the load minus before it)
 * and per record, the peak RSS (getrusage) after the load and at the
 * end, the check's and the match's seconds, the findings by rule and
 * the match's three figures. "rules.available: no"
 * when the library knows no labour.* rule. With --findings, every finding
 * of the first check is written to OUT.jsonl as one JSON object a line
 * (collab_finding_to_json()), for labour_pandas.py --collab to compare.
 */

#include "bench-common.h"

#define USAGE "usage: bench-labour FILE [--as-of YYYY-MM-DD] [--repeat N] [--findings OUT.jsonl]\n"

static gboolean
write_findings (GPtrArray  *findings,
                const char *path)
{
  FILE *out = fopen (path, "w");

  if (out == NULL)
    {
      fprintf (stderr, "%s: %s\n", path, g_strerror (errno));
      return FALSE;
    }
  for (guint i = 0; i < findings->len; i++)
    {
      g_autoptr(JsonNode) node = collab_finding_to_json (g_ptr_array_index (findings, i));
      g_autofree char *text = json_to_string (node, FALSE);

      fprintf (out, "%s\n", text);
    }
  return fclose (out) == 0;
}

static void
print_by_rule (GPtrArray *findings)
{
  g_autoptr(GHashTable) by_rule = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) rules = NULL;

  for (guint i = 0; i < findings->len; i++)
    {
      const char *rule = collab_finding_get_rule (g_ptr_array_index (findings, i));

      g_hash_table_insert (by_rule, (gpointer) rule,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (by_rule, rule)) + 1));
    }
  rules = g_list_sort (g_hash_table_get_keys (by_rule), (GCompareFunc) strcmp);
  for (GList *l = rules; l != NULL; l = l->next)
    printf ("findings.%s: %u\n", (const char *) l->data, GPOINTER_TO_UINT (g_hash_table_lookup (by_rule, l->data)));
  printf ("findings.total: %u\n", findings->len);
}

/* The check with every labour rule, then each alone. */
static int
check (CollabDataset *dataset,
       CollabDay      as_of,
       int            repeat,
       const char    *findings_path)
{
  g_auto(GStrv) known = collab_ruleset_list_known_rules ();
  g_autoptr(CollabRuleset) ruleset = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  double first, again = 0, cpu;
  guint n_labour = 0;

  for (char **rule = known; *rule != NULL; rule++)
    n_labour += g_str_has_prefix (*rule, "labour.");
  printf ("rules.available: %s\n", n_labour > 0 ? "yes" : "no");
  if (n_labour == 0)
    return 0;

  ruleset = bench_rules_with_prefix ("labour.");
  cpu = bench_cpu_seconds ();
  first = bench_timed_check (dataset, ruleset, as_of, &findings);
  printf ("rules.cpu_seconds: %.3f\n", bench_cpu_seconds () - cpu);
  for (int r = 1; r < repeat; r++)
    {
      double t = bench_timed_check (dataset, ruleset, as_of, NULL);

      again = r == 1 ? t : MIN (again, t);
    }
  printf ("rules.seconds: %.3f\n", first);
  if (repeat > 1)
    printf ("rules.again_seconds: %.3f\n", again);
  for (char **rule = known; *rule != NULL; rule++)
    if (g_str_has_prefix (*rule, "labour."))
      {
        g_autoptr(CollabRuleset) alone = bench_rules_with_prefix (*rule);

        printf ("rules.%s_seconds: %.3f\n", *rule + strlen ("labour."), bench_timed_check (dataset, alone, as_of, NULL));
      }
  print_by_rule (findings);
  if (findings_path != NULL && !write_findings (findings, findings_path))
    return 1;
  return 0;
}

/* The matching of every worker and offer on @as_of, @repeat times. */
static void
match (CollabDataset *dataset,
       CollabDay      as_of,
       int            repeat)
{
  double again = G_MAXDOUBLE;

  for (int r = 0; r < repeat; r++)
    {
      g_autoptr(CollabMatch) matching = NULL;
      g_autoptr(GError) error = NULL;
      double cpu = bench_cpu_seconds ();
      double t = bench_now ();

      matching = collab_dataset_match (dataset, NULL, as_of, &error);
      t = bench_now () - t;
      if (matching == NULL)
        g_error ("%s", error->message);
      if (r > 0)
        {
          again = MIN (again, t);
          continue;
        }
      printf ("match.seconds: %.3f\n", t);
      printf ("match.cpu_seconds: %.3f\n", bench_cpu_seconds () - cpu);
      printf ("match.placed: %u\n", collab_match_get_placed (matching));
      printf ("match.priority_placed: %u\n", collab_match_get_priority_placed (matching));
      printf ("match.rank_sum: %" G_GUINT64_FORMAT "\n", collab_match_get_rank_sum (matching));
    }
  if (repeat > 1)
    printf ("match.again_seconds: %.3f\n", again);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabDataset) dataset = NULL;
  const char *path = NULL;
  const char *findings_path = NULL;
  CollabDay as_of = collab_day_new (2025, 6, 30);
  int repeat = 3;

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
      else if (strcmp (argv[i], "--repeat") == 0 && i + 1 < argc)
        {
          repeat = atoi (argv[++i]);   /* not inside MAX (), which reads it twice */
          repeat = MAX (1, repeat);
        }
      else if (strcmp (argv[i], "--findings") == 0 && i + 1 < argc)
        findings_path = argv[++i];
      else if (path == NULL && argv[i][0] != '-')
        path = argv[i];
      else
        {
          fprintf (stderr, USAGE);
          return 2;
        }
    }
  if (path == NULL)
    {
      fprintf (stderr, USAGE);
      return 2;
    }
  dataset = bench_timed_load (path, NULL, &error);
  if (dataset == NULL)
    {
      fprintf (stderr, "load failed: %s\n", error->message);
      return 2;
    }
  if (check (dataset, as_of, repeat, findings_path) != 0)
    return 1;
  match (dataset, as_of, repeat);
  printf ("peak_rss_kb: %ld\n", bench_peak_rss_kb ());
  return 0;
}
