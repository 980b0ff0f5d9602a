/* collab-bench.c: load, save, reload and save a dataset document; time it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   collab-bench FILE [--keep] [--tmpdir DIR]
 *
 * Prints one "key: value" per line (run.sh turns them into a table):
 * the file size, the records of each kind, the time of each step, the peak
 * RSS of the process (getrusage), the RSS the loaded dataset accounts for
 * (VmRSS and RssAnon from /proc/self/status before and after the load),
 * bytes per record, and whether a second save gives the same bytes as the
 * first (save → load → save is byte-identical, SPEC §9).
 *
 * The first dataset is freed before the saved file is loaded again, so the
 * peak RSS is that of one dataset, not two.
 */

#include "bench-common.h"

static gboolean
same_bytes (const char *a,
            const char *b,
            goffset    *size_a,
            goffset    *size_b)
{
  g_autoptr(GMappedFile) fa = g_mapped_file_new (a, FALSE, NULL);
  g_autoptr(GMappedFile) fb = g_mapped_file_new (b, FALSE, NULL);

  *size_a = fa != NULL ? (goffset) g_mapped_file_get_length (fa) : -1;
  *size_b = fb != NULL ? (goffset) g_mapped_file_get_length (fb) : -1;
  if (fa == NULL || fb == NULL || *size_a != *size_b)
    return FALSE;
  return *size_a == 0 ||
         memcmp (g_mapped_file_get_contents (fa), g_mapped_file_get_contents (fb), *size_a) == 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char *path = NULL;
  const char *tmp_base = g_get_tmp_dir ();
  gboolean keep = FALSE;
  CollabDataset *dataset;
  double t, save1, load2, save2;
  long peak_all;
  guint total;
  goffset size1, size2;
  gboolean identical;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--keep") == 0)
        keep = TRUE;
      else if (strcmp (argv[i], "--tmpdir") == 0 && i + 1 < argc)
        tmp_base = argv[++i];
      else if (path == NULL && argv[i][0] != '-')
        path = argv[i];
      else
        {
          fprintf (stderr, "usage: %s FILE [--keep] [--tmpdir DIR]\n", argv[0]);
          return 2;
        }
    }
  if (path == NULL)
    {
      fprintf (stderr, "usage: %s FILE [--keep] [--tmpdir DIR]\n", argv[0]);
      return 2;
    }
  dataset = bench_timed_load (path, &total, &error);
  if (dataset == NULL)
    {
      fprintf (stderr, "load failed: %s\n", error->message);
      return 1;
    }

  tmpdir = g_build_filename (tmp_base, "collab-bench-XXXXXX", NULL);
  if (g_mkdtemp (tmpdir) == NULL)
    {
      fprintf (stderr, "%s: %s\n", tmpdir, g_strerror (errno));
      return 1;
    }
  first = g_build_filename (tmpdir, "first.json", NULL);
  second = g_build_filename (tmpdir, "second.json", NULL);

  t = bench_now ();
  if (!collab_dataset_save_to_file (dataset, first, &error))
    {
      fprintf (stderr, "save failed: %s\n", error->message);
      return 1;
    }
  save1 = bench_now () - t;
  printf ("save.seconds: %.3f\n", save1);
  g_object_unref (dataset);

  t = bench_now ();
  dataset = collab_dataset_new_from_file (first, &error);
  load2 = bench_now () - t;
  if (dataset == NULL)
    {
      fprintf (stderr, "reload failed: %s\n", error->message);
      return 1;
    }
  printf ("reload.seconds: %.3f\n", load2);
  if (bench_count_records (dataset, FALSE) != total)
    printf ("reload.records_differ: %u\n", bench_count_records (dataset, FALSE));

  t = bench_now ();
  if (!collab_dataset_save_to_file (dataset, second, &error))
    {
      fprintf (stderr, "second save failed: %s\n", error->message);
      return 1;
    }
  save2 = bench_now () - t;
  printf ("save2.seconds: %.3f\n", save2);
  g_object_unref (dataset);

  peak_all = bench_peak_rss_kb ();
  printf ("peak_rss.all_kb: %ld\n", peak_all);

  identical = same_bytes (first, second, &size1, &size2);
  printf ("saved.bytes: %lld\n", (long long) size1);
  printf ("round_trip.identical: %s\n", identical ? "yes" : "no");
  if (!identical)
    printf ("round_trip.second_bytes: %lld\n", (long long) size2);

  if (keep)
    printf ("kept: %s %s\n", first, second);
  else
    {
      g_unlink (first);
      g_unlink (second);
      g_rmdir (tmpdir);
    }

  return identical ? 0 : 3;
}
