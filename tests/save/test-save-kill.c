/* test-save-kill.c: kill -9 at random moments of a large save
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   test-save-kill PYTHON GENERATE.PY
 *
 * Two datasets of about 100 MB each (tests/benchmark/generate.py, two
 * seeds): a child process saves one over the file that holds the other
 * and is killed with SIGKILL after a random delay, from nothing to a
 * little longer than a whole save takes, again and again. After each
 * kill the file must be byte for byte one of the two documents, never a
 * mix, and at most one temporary file may be beside it (each save removes
 * those of the killed saves before it, tests/test-save.c tests which);
 * after the last save, made whole, none is left.
 *
 * Each save alternates direction, so no file needs restoring between
 * kills. The delays come from GTest's random numbers: --seed repeats a
 * run. The figures are printed as TAP comments.
 */

#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include <libcollab/collab.h>

/* Kills wanted, and runs allowed to get them (a save may end first). */
#define N_KILLS 24
#define MAX_RUNS 48

static const char *python;
static const char *generator;

typedef struct
{
  CollabDataset *dataset;
  char          *bytes;     /* what a save of it writes */
  gsize          length;
} Document;

static GPid
generate (const char *path,
          const char *dispatches,
          const char *seed)
{
  const char *argv[] = { python, generator, "-o", path, "--dispatches", dispatches, "--seed", seed, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static void
wait_ok (GPid pid)
{
  int status;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
load (Document   *doc,
      const char *path)
{
  g_autoptr(GError) error = NULL;

  doc->dataset = collab_dataset_new_from_file (path, &error);
  g_assert_no_error (error);
  doc->bytes = collab_dataset_to_data (doc->dataset, &doc->length);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* Which of @docs @path holds: 0 or 1; fails the test on anything else. */
static guint
which (const char     *path,
       const Document *docs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    if (length == docs[i].length && memcmp (contents, docs[i].bytes, length) == 0)
      return i;
  g_error ("%s: %" G_GSIZE_FORMAT " bytes, neither document (%" G_GSIZE_FORMAT " or %" G_GSIZE_FORMAT
           " bytes): a mix", path, length, docs[0].length, docs[1].length);
}

/* The temporary files beside the target, and the largest one's size. */
static guint
count_temps (const char *dir,
             goffset    *largest)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, ".data.json.collab-"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        struct stat st;

        g_assert_cmpint (g_stat (path, &st), ==, 0);
        *largest = MAX (*largest, st.st_size);
        n++;
      }
  return n;
}

static double
save (const Document *doc,
      const char     *path)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (collab_dataset_save_to_file (doc->dataset, path, &error));
  g_assert_no_error (error);
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
test_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("collab-kill-XXXXXX", &error);
  g_autofree char *a = g_build_filename (dir, "a.json", NULL);
  g_autofree char *b = g_build_filename (dir, "b.json", NULL);
  g_autofree char *target = g_build_filename (dir, "data.json", NULL);
  gint64 start = g_get_monotonic_time ();
  Document docs[2] = { { 0 } };
  guint kills = 0, runs = 0, ended[2] = { 0, 0 }, finished = 0, orphans = 0, current;
  goffset largest = 0;
  double full, back, setup;
  GPid pa, pb;

  g_assert_no_error (error);
  /* Both at once, on two cores. */
  pa = generate (a, "400000", "1");
  pb = generate (b, "380000", "2");
  wait_ok (pa);
  wait_ok (pb);
  load (&docs[0], a);
  load (&docs[1], b);

  /* How long a whole save takes: the delays go a fifth beyond it. */
  save (&docs[0], target);
  full = save (&docs[1], target);
  back = save (&docs[0], target);
  full = MAX (full, back);
  current = which (target, docs);
  g_assert_cmpuint (current, ==, 0);
  setup = (g_get_monotonic_time () - start) / 1e6;

  for (runs = 0; kills < N_KILLS && runs < MAX_RUNS; runs++)
    {
      guint next = 1 - current;
      gulong delay = (gulong) g_test_rand_double_range (0, 1.2 * full * G_USEC_PER_SEC);
      guint n_temps;
      int status;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        _exit (collab_dataset_save_to_file (docs[next].dataset, target, NULL) ? 0 : 1);
      g_usleep (delay);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      current = which (target, docs);
      if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
        {
          kills++;
          ended[current == next]++;
        }
      else
        {
          /* Ended before the kill: whole, and new. */
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          g_assert_cmpuint (current, ==, next);
          finished++;
        }
      n_temps = count_temps (dir, &largest);
      g_assert_cmpuint (n_temps, <=, 1);
      orphans += n_temps;
    }
  g_assert_cmpuint (kills, >=, N_KILLS);

  /* The next save, made whole, leaves nothing beside the file. */
  save (&docs[1 - current], target);
  g_assert_cmpuint (which (target, docs), ==, 1 - current);
  g_assert_cmpuint (count_temps (dir, &largest), ==, 0);

  g_test_message ("documents: %.1f MB and %.1f MB; a whole save: %.2f s; set-up %.1f s",
                  docs[0].length / 1e6, docs[1].length / 1e6, full, setup);
  g_test_message ("%u kills in %u runs (%u saves ended first): the old document %u times, "
                  "the new one %u times, never a mix", kills, runs, finished, ended[0], ended[1]);
  g_test_message ("a temporary file was left after %u kills (largest %.1f MB), each removed by the next save; "
                  "none after the last; %.1f s in all",
                  orphans, largest / 1e6, (g_get_monotonic_time () - start) / 1e6);

  for (guint i = 0; i < 2; i++)
    {
      g_object_unref (docs[i].dataset);
      g_free (docs[i].bytes);
    }
  g_assert_cmpint (g_unlink (target), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc != 3)
    g_error ("usage: %s PYTHON GENERATE.PY", argv[0]);
  python = argv[1];
  generator = argv[2];

  g_test_add_func ("/collab/save/kill", test_kill);
  return g_test_run ();
}
