/* bench-match.c: matching workers to job offers at national scale
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-match FILE [--as-of YYYY-MM-DD] [--program ID] [--repeat N] [--csv OUT.csv]
 *
 * Loads FILE and matches its workers to its job offers
 * (collab_dataset_match()) N times (default 3), every worker and offer,
 * then once for --program when one is given. Prints one "key: value" per
 * line: the records, the load, the best and the worst matching time, the
 * three figures, and the peak RSS (getrusage). With --csv, the table of
 * the first matching is written to OUT.csv.
 */

#include <stdio.h>
#include <stdlib.h>

#include <libcollab/collab.h>

#include "bench-clock.h"

static void
print_match (const char  *what,
             CollabMatch *match)
{
  printf ("%s.placed: %u\n", what, collab_match_get_placed (match));
  printf ("%s.priority_placed: %u\n", what, collab_match_get_priority_placed (match));
  printf ("%s.rank_sum: %" G_GUINT64_FORMAT "\n", what, collab_match_get_rank_sum (match));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const char *program = NULL, *csv_path = NULL;
  CollabDay as_of = collab_day_new (2023, 6, 30);
  double t0, best = G_MAXDOUBLE, worst = 0;
  int repeat = 3;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-match FILE [--as-of YYYY-MM-DD] [--program ID] [--repeat N] [--csv OUT.csv]\n");
      return 2;
    }
  for (int i = 2; i + 1 < argc; i += 2)
    {
      if (g_str_equal (argv[i], "--repeat"))
        repeat = MAX (1, atoi (argv[i + 1]));
      else if (g_str_equal (argv[i], "--program"))
        program = argv[i + 1];
      else if (g_str_equal (argv[i], "--csv"))
        csv_path = argv[i + 1];
      else if (g_str_equal (argv[i], "--as-of") && !collab_day_parse (argv[i + 1], &as_of, &error))
        g_error ("%s", error->message);
    }

  t0 = bench_now ();
  dataset = collab_dataset_new_from_file (argv[1], &error);
  if (dataset == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  printf ("records.workers: %u\n", collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_WORKER));
  printf ("records.job_offers: %u\n", collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_JOB_OFFER));
  printf ("records.placements: %u\n", collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PLACEMENT));
  printf ("load.seconds: %.3f\n", bench_now () - t0);
  printf ("peak_rss.load_kb: %ld\n", bench_peak_rss_kb ());

  for (int r = 0; r < repeat; r++)
    {
      g_autoptr(CollabMatch) match = NULL;
      double t = bench_now ();

      match = collab_dataset_match (dataset, NULL, as_of, &error);
      t = bench_now () - t;
      g_assert_no_error (error);
      best = MIN (best, t);
      worst = MAX (worst, t);
      if (r > 0)
        continue;

      print_match ("match", match);
      if (csv_path != NULL)
        {
          g_autofree char *csv = collab_table_to_csv (collab_match_get_table (match));

          if (!g_file_set_contents (csv_path, csv, -1, &error))
            g_error ("%s", error->message);
        }
    }
  printf ("match.seconds.best: %.3f\n", best);
  printf ("match.seconds.worst: %.3f\n", worst);

  if (program != NULL)
    {
      g_autoptr(CollabMatch) match = NULL;
      double t = bench_now ();

      match = collab_dataset_match (dataset, program, as_of, &error);
      t = bench_now () - t;
      g_assert_no_error (error);
      print_match ("program", match);
      printf ("program.seconds: %.3f\n", t);
    }

  printf ("peak_rss_kb: %ld\n", bench_peak_rss_kb ());
  return 0;
}
