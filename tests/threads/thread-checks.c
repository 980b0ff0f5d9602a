/* thread-checks.c: six threads check, score and tabulate one loaded dataset
 * at once, forty times over
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The reproducer of shared/reliability/thread-checks.c, copied here so that
 * the project builds and tests it without ../shared; what it does is the
 * same, only written to the project's warning flags. Against libcollab 0.1
 * it gives a heap use-after-free under ASan (collab_talent_tally_plan()
 * frees a plan sentence that collab_rule_666_set_plan() is copying) and
 * races under TSan. Its exit code and the sanitizer's output are the
 * verdict; it compares no results (test-threads.c does).
 *
 *   thread-checks examples/data/wuxi-2021-2023.json 40
 *
 * When the public API changes, change the calls, not what the program does.
 */

#include <stdio.h>
#include <stdlib.h>

#include <libcollab/collab.h>

#define NT 6

static CollabDataset *ds;
static int iters = 40;

/* A simple barrier on GMutex/GCond. Under TSan, tests/threads/
 * glib-tsan-shim.c makes them pthread objects that TSan sees, or the
 * hand-off of each freshly loaded dataset would look like a race. */
static GMutex m;
static GCond c;
static int arrived, gen;

static void
barrier (void)
{
  int g;

  g_mutex_lock (&m);
  g = gen;
  if (++arrived == NT + 1)
    {
      arrived = 0;
      gen++;
      g_cond_broadcast (&c);
    }
  else
    {
      while (g == gen)
        g_cond_wait (&c, &m);
    }
  g_mutex_unlock (&m);
}

static gpointer
worker (gpointer data)
{
  for (int i = 0; i < iters; i++)
    {
      GError *error = NULL;
      CollabChecker *ck;
      GPtrArray *f;

      barrier ();                       /* dataset freshly loaded */
      ck = collab_checker_new ();
      f = collab_checker_run (ck, ds, &error);
      if (!f)
        {
          fprintf (stderr, "run: %s\n", error->message);
          g_clear_error (&error);
        }
      else
        {
          CollabTable *t = collab_dataset_get_scorecard (ds, f, NULL, NULL, &error);
          JsonNode *n;

          g_clear_error (&error);
          if (t)
            g_object_unref (t);
          n = collab_findings_to_json (f);
          json_node_unref (n);
          g_ptr_array_unref (f);
        }
      g_object_unref (ck);
      barrier ();                       /* done */
    }
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  GThread *th[NT];

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s DATASET.json [ITERATIONS]\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    iters = atoi (argv[2]);
  for (int i = 0; i < NT; i++)
    th[i] = g_thread_new ("w", worker, NULL);
  for (int i = 0; i < iters; i++)
    {
      GError *error = NULL;

      ds = collab_dataset_new ();
      if (!collab_dataset_load_from_file (ds, argv[1], &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 2;
        }
      barrier ();
      barrier ();
      g_object_unref (ds);
    }
  for (int i = 0; i < NT; i++)
    g_thread_join (th[i]);
  printf ("done %d iterations x %d threads\n", iters, NT);
  return 0;
}
