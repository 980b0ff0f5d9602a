/* bench-common.h: what the benchmark programs share (CPU time, memory, a timed load, rule sets)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Static inline so that each program includes it once and uses what it
 * needs without a warning for the rest.
 */

#pragma once

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include <glib/gstdio.h>
#include <libcollab/collab.h>

#include "bench-clock.h"

/* The user and system seconds of the process so far. */
static inline double
bench_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* A field of /proc/self/status in kB, or -1. */
static inline long
bench_proc_status_kb (const char *key)
{
  FILE *f = fopen ("/proc/self/status", "r");
  char line[256];
  size_t key_len = strlen (key);
  long value = -1;

  if (f == NULL)
    return -1;
  while (fgets (line, sizeof line, f) != NULL)
    if (strncmp (line, key, key_len) == 0 && line[key_len] == ':')
      {
        value = strtol (line + key_len + 1, NULL, 10);
        break;
      }
  fclose (f);
  return value;
}

/* The records of @dataset, and with @print a "records.KIND: N" line for
 * each kind it has. */
static inline guint
bench_count_records (CollabDataset *dataset,
               gboolean       print)
{
  GEnumClass *klass = g_type_class_ref (COLLAB_TYPE_RECORD_KIND);
  guint total = 0;

  for (guint i = 0; i < klass->n_values; i++)
    {
      guint n = collab_dataset_get_n_records (dataset, klass->values[i].value);

      total += n;
      if (print && n > 0)
        printf ("records.%s: %u\n", klass->values[i].value_nick, n);
    }
  g_type_class_unref (klass);
  return total;
}

/* Loads @path and prints what it cost, one "key: value" a line: the file
 * and its records by kind, wall and CPU seconds, the RSS before and after
 * (VmRSS and RssAnon of /proc/self/status), the peak RSS and the RSS kept
 * per record. @n_records, if not NULL, is set to the records loaded. */
static inline CollabDataset *
bench_timed_load (const char  *path,
            guint       *n_records,
            GError     **error)
{
  GStatBuf st;
  CollabDataset *dataset;
  double t, cpu, load, load_cpu;
  long rss0, anon0, rss1, anon1;
  guint total;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return NULL;
    }
  /* Types and classes the library registers lazily are made before the
   * "before" figure, so that the delta is the dataset's. */
  g_object_unref (collab_dataset_new ());
  rss0 = bench_proc_status_kb ("VmRSS");
  anon0 = bench_proc_status_kb ("RssAnon");
  t = bench_now ();
  cpu = bench_cpu_seconds ();
  dataset = collab_dataset_new_from_file (path, error);
  load = bench_now () - t;
  load_cpu = bench_cpu_seconds () - cpu;
  if (dataset == NULL)
    return NULL;
  rss1 = bench_proc_status_kb ("VmRSS");
  anon1 = bench_proc_status_kb ("RssAnon");

  printf ("file: %s\n", path);
  printf ("file.bytes: %lld\n", (long long) st.st_size);
  total = bench_count_records (dataset, TRUE);
  printf ("records.total: %u\n", total);
  printf ("load.seconds: %.3f\n", load);
  printf ("load.cpu_seconds: %.3f\n", load_cpu);
  printf ("load.mb_per_second: %.1f\n", st.st_size / 1e6 / load);
  printf ("rss.before_kb: %ld\n", rss0);
  printf ("rss.after_load_kb: %ld\n", rss1);
  printf ("rss.delta_kb: %ld\n", rss1 - rss0);
  printf ("rss_anon.delta_kb: %ld\n", anon1 - anon0);
  printf ("peak_rss.load_kb: %ld\n", bench_peak_rss_kb ());
  printf ("bytes_per_record: %.1f\n", total > 0 ? (rss1 - rss0) * 1024.0 / total : 0.0);
  fflush (stdout);
  if (n_records != NULL)
    *n_records = total;
  return dataset;
}

/* east-west-2021 with the rules whose id starts with @prefix, and nothing
 * else. */
static inline CollabRuleset *
bench_rules_with_prefix (const char *prefix)
{
  CollabRuleset *ruleset = collab_ruleset_new_builtin ("east-west-2021", NULL);
  g_auto(GStrv) rules = collab_ruleset_list_known_rules ();

  for (char **rule = rules; *rule != NULL; rule++)
    collab_ruleset_set_enabled (ruleset, *rule, g_str_has_prefix (*rule, prefix));
  return ruleset;
}

/* Runs a check with @ruleset; returns the wall seconds it took. */
static inline double
bench_timed_check (CollabDataset  *dataset,
             CollabRuleset  *ruleset,
             CollabDay       as_of,
             GPtrArray     **findings)
{
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  double t;

  collab_checker_set_ruleset (checker, ruleset);
  collab_checker_set_as_of (checker, as_of);
  t = bench_now ();
  found = collab_checker_run (checker, dataset, &error);
  t = bench_now () - t;
  if (found == NULL)
    g_error ("%s", error->message);
  if (findings != NULL)
    *findings = g_steal_pointer (&found);
  return t;
}
