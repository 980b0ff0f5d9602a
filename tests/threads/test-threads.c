/* test-threads.c: sharing a dataset between threads
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A loaded dataset that nobody modifies can be checked, reported, planned
 * and traced from any number of threads at once. Six threads take the
 * example of examples/data/wuxi-2021-2023.json, freshly loaded so that no
 * derived data (ledger, talent tally, plans, cadre index) exists yet, and
 * each runs the checker, the scorecard, the findings as a table and as
 * JSON, the 666 plan, the money-flow trace and the tables of records; each
 * result, as text (JSON, or CSV through collab_table_to_csv()), must be
 * the one a single thread gets on a dataset of its own.
 *
 * The threads take the steps in different orders, so that each piece of
 * derived data is first asked for by several threads and from several
 * callers at once; then once more, when it is there. Between rounds, and
 * only while no worker runs, the main thread changes the dataset — merges
 * a pairing, removes it, loads another file, loads the first again — and
 * the results must follow: those of a fresh single-threaded run of the
 * same state, which differ from the state before where the change says.
 *
 * Built as it is in the normal build, where it proves that the results
 * agree, and with -fsanitize=address or thread (tests/threads/meson.build),
 * where the sanitizers see the races themselves. Only GLib threads,
 * mutexes and conditions, as a program using the library would.
 *
 * COLLAB_THREADS_ROUNDS overrides the number of rounds, for a longer soak.
 * COLLAB_THREADS_ONE_AT_A_TIME=1 makes the workers take turns (a mutex
 * around each computation): the same test without concurrency, to tell a
 * wrong expectation from a race.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "../collab-test-util.h"
#include "test-barrier.h"

#define N_THREADS 6
#define DEFAULT_ROUNDS 10
/* Each worker computes everything this many times a round: the first
 * time the derived data is being built by the others too, then it is
 * there (or should be). */
#define REPEATS 2
/* A fixed day, so that nothing depends on the day the tests run
 * (doc/talent.md lists the example's findings as of this day). */
#define AS_OF "2023-12-31"

#define WUXI "wuxi-2021-2023.json"
#define WUXI_2021 "wuxi-2021.json"

/* A county pairing that the example does not have, with no dispatch:
 * Liangxi, which already helps Xunhua, also takes Yanchang (from 2021,
 * the first year of the program, as a pairing without a period does). */
#define EXTRA_PAIRING_ID "p-liangxi-yanchang"
/* How its findings name it (SPEC §10: a pairing-year by its two units). */
#define EXTRA_PAIRING_SUBJECT "\"assisting\":\"liangxi\",\"assisted\":\"yanchang\""
static const char extra_pairing[] =
  "{\"format\": \"libcollab-dataset\", \"version\": 1,"
  " \"pairings\": [{\"id\": \"" EXTRA_PAIRING_ID "\", \"program\": \"wuxi-2021\","
  "  \"assisting\": \"liangxi\", \"assisted\": \"yanchang\", \"level\": \"county\"}]}";

/* --- results ------------------------------------------------------------ */

/* What one thread computes from a dataset, all as text so that two runs
 * compare with strcmp() and a difference can be shown. An error becomes
 * the text "error: …" in the place of its result. */
typedef struct
{
  guint   n_findings;
  char   *findings_json;
  char   *findings_csv;
  char   *scorecard_csv;
  char   *plan_csv;
  char   *trace_csv;
  guint   n_kinds;
  char  **records_csv;   /* one a record kind, collab_dataset_to_table() */
} Results;

static guint
n_record_kinds (void)
{
  GEnumClass *kinds = g_type_class_ref (COLLAB_TYPE_RECORD_KIND);
  guint n = kinds->n_values;

  g_type_class_unref (kinds);
  return n;
}

static void
results_clear (Results *results)
{
  g_free (results->findings_json);
  g_free (results->findings_csv);
  g_free (results->scorecard_csv);
  g_free (results->plan_csv);
  g_free (results->trace_csv);
  for (guint i = 0; i < results->n_kinds && results->records_csv != NULL; i++)
    g_free (results->records_csv[i]);
  g_free (results->records_csv);
  memset (results, 0, sizeof *results);
}

/* Takes @table, which may be NULL after @error. */
static char *
table_text (CollabTable *table,
            GError      *error)
{
  char *text;

  if (table == NULL)
    return g_strdup_printf ("error: %s", error != NULL ? error->message : "(no table, no error)");
  text = collab_table_to_csv (table);
  g_object_unref (table);
  return text;
}

static CollabChecker *
new_checker (void)
{
  CollabChecker *checker = collab_checker_new ();
  CollabDay day;

  if (!collab_day_parse (AS_OF, &day, NULL))
    g_error ("cannot parse %s", AS_OF);
  collab_checker_set_as_of (checker, day);
  return checker;
}

/* The steps, which the threads take in turns of their own. */
enum { STEP_CHECK, STEP_PLAN, STEP_TRACE, STEP_RECORDS, N_STEPS };

static void
compute_step (CollabDataset *dataset,
              CollabChecker *checker,
              guint          step,
              Results       *results)
{
  g_autoptr(GError) error = NULL;

  switch (step)
    {
    case STEP_CHECK:
      {
        g_autoptr(GPtrArray) findings = collab_checker_run (checker, dataset, &error);
        JsonNode *node;

        if (findings == NULL)
          {
            results->findings_json = g_strdup_printf ("error: %s", error->message);
            break;
          }
        results->n_findings = findings->len;
        node = collab_findings_to_json (findings);
        results->findings_json = json_to_string (node, FALSE);
        json_node_unref (node);
        results->findings_csv = table_text (collab_table_new_from_findings (findings), NULL);
        results->scorecard_csv = table_text (collab_dataset_get_scorecard (dataset, findings, NULL, NULL, &error), error);
      }
      break;

    case STEP_PLAN:
      results->plan_csv = table_text (collab_checker_plan (checker, dataset, NULL, NULL, &error), error);
      break;

    case STEP_TRACE:
      results->trace_csv = table_text (collab_dataset_trace_funds (dataset, NULL, NULL, &error), error);
      break;

    case STEP_RECORDS:
      results->records_csv = g_new0 (char *, results->n_kinds);
      for (guint kind = 0; kind < results->n_kinds; kind++)
        results->records_csv[kind] = table_text (collab_dataset_to_table (dataset, kind), NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Every result, the steps taken from @first_step on, round the list. */
static void
results_compute (CollabDataset *dataset,
                 guint          first_step,
                 guint          n_kinds,
                 Results       *results)
{
  g_autoptr(CollabChecker) checker = new_checker ();

  memset (results, 0, sizeof *results);
  results->n_kinds = n_kinds;
  for (guint i = 0; i < N_STEPS; i++)
    compute_step (dataset, checker, (first_step + i) % N_STEPS, results);
}

/* Where @a and @b first differ, as "what: line N: [a] != [b]". */
static char *
text_diff (const char *what,
           const char *a,
           const char *b)
{
  g_auto(GStrv) a_lines = NULL, b_lines = NULL;
  guint i;

  if (g_strcmp0 (a, b) == 0)
    return NULL;
  if (a == NULL || b == NULL)
    return g_strdup_printf ("%s: %s", what, a == NULL ? "missing in the first" : "missing in the second");
  a_lines = g_strsplit (a, "\n", -1);
  b_lines = g_strsplit (b, "\n", -1);
  for (i = 0; a_lines[i] != NULL && b_lines[i] != NULL; i++)
    if (!g_str_equal (a_lines[i], b_lines[i]))
      break;
  return g_strdup_printf ("%s: line %u: [%.300s] != [%.300s]", what, i + 1,
                          a_lines[i] != NULL ? a_lines[i] : "(end)",
                          b_lines[i] != NULL ? b_lines[i] : "(end)");
}

/* The first difference between @expected and @got, or NULL. */
static char *
results_diff (const Results *expected,
              const Results *got)
{
  char *diff;

  if (expected->n_findings != got->n_findings)
    return g_strdup_printf ("number of findings: %u != %u", expected->n_findings, got->n_findings);
  if ((diff = text_diff ("findings as JSON", expected->findings_json, got->findings_json)) != NULL ||
      (diff = text_diff ("findings as a table", expected->findings_csv, got->findings_csv)) != NULL ||
      (diff = text_diff ("scorecard", expected->scorecard_csv, got->scorecard_csv)) != NULL ||
      (diff = text_diff ("plan", expected->plan_csv, got->plan_csv)) != NULL ||
      (diff = text_diff ("trace", expected->trace_csv, got->trace_csv)) != NULL)
    return diff;
  g_assert_cmpuint (expected->n_kinds, ==, got->n_kinds);
  for (guint kind = 0; kind < expected->n_kinds; kind++)
    {
      g_autofree char *what = g_strdup_printf ("records of kind %u", kind);

      if ((diff = text_diff (what, expected->records_csv[kind], got->records_csv[kind])) != NULL)
        return diff;
    }
  return NULL;
}

/* A result that is an error, in a baseline, is a failure of its own. */
static void
assert_results_sane (const Results *results)
{
  const char *texts[] = { results->findings_json, results->findings_csv, results->scorecard_csv,
                          results->plan_csv, results->trace_csv };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_assert_nonnull (texts[i]);
      g_assert_false (g_str_has_prefix (texts[i], "error: "));
    }
  for (guint kind = 0; kind < results->n_kinds; kind++)
    g_assert_false (g_str_has_prefix (results->records_csv[kind], "error: "));
}

/* --- the threads -------------------------------------------------------- */

/* The workers and the main thread meet at the barrier before a round (the
 * dataset is ready) and after (nobody uses it any more). */
typedef struct
{
  Barrier        barrier;
  guint          n_kinds;
  gboolean       one_at_a_time;
  GMutex         turn;
  /* Set by the main thread between the barriers, read by the workers. */
  CollabDataset *dataset;
  const Results *expected;
  guint          round;
  gboolean       stop;
} Shared;

typedef struct
{
  Shared  *shared;
  guint    index;
  GThread *thread;
  /* Written by its worker during a round, read by the main thread after. */
  guint    computed;
  guint    mismatches;
  char    *first_mismatch;
} Worker;

static gpointer
worker_run (gpointer data)
{
  Worker *worker = data;
  Shared *shared = worker->shared;

  for (;;)
    {
      barrier_wait (&shared->barrier);
      if (shared->stop)
        break;

      for (guint r = 0; r < REPEATS; r++)
        {
          Results got;
          char *diff;

          if (shared->one_at_a_time)
            g_mutex_lock (&shared->turn);
          results_compute (shared->dataset, worker->index + shared->round + r, shared->n_kinds, &got);
          if (shared->one_at_a_time)
            g_mutex_unlock (&shared->turn);
          diff = results_diff (shared->expected, &got);
          worker->computed++;
          if (diff != NULL)
            {
              if (worker->mismatches++ == 0)
                worker->first_mismatch = g_strdup_printf ("round %u, thread %u: %s",
                                                          shared->round, worker->index, diff);
              g_free (diff);
            }
          results_clear (&got);
        }

      barrier_wait (&shared->barrier);
    }
  return NULL;
}

typedef struct
{
  Shared shared;
  Worker workers[N_THREADS];
} Pool;

static void
pool_start (Pool  *pool,
            guint  n_kinds)
{
  memset (pool, 0, sizeof *pool);
  barrier_init (&pool->shared.barrier, N_THREADS + 1);
  pool->shared.n_kinds = n_kinds;
  pool->shared.one_at_a_time = g_strcmp0 (g_getenv ("COLLAB_THREADS_ONE_AT_A_TIME"), "1") == 0;
  g_mutex_init (&pool->shared.turn);
  for (guint i = 0; i < N_THREADS; i++)
    {
      Worker *worker = &pool->workers[i];
      g_autofree char *name = g_strdup_printf ("reader-%u", i);

      worker->shared = &pool->shared;
      worker->index = i;
      worker->thread = g_thread_new (name, worker_run, worker);
    }
}

/* One round: every worker computes from @dataset while the main thread
 * waits; then each must have got @expected every time. */
static void
pool_round (Pool          *pool,
            CollabDataset *dataset,
            const Results *expected,
            const char    *state)
{
  Shared *shared = &pool->shared;
  guint mismatches = 0;

  shared->dataset = dataset;
  shared->expected = expected;
  barrier_wait (&shared->barrier);   /* go */
  barrier_wait (&shared->barrier);   /* all done */

  for (guint i = 0; i < N_THREADS; i++)
    {
      Worker *worker = &pool->workers[i];

      g_assert_cmpuint (worker->computed, ==, (shared->round + 1) * REPEATS);
      if (worker->first_mismatch != NULL)
        g_printerr ("%s: %s\n", state, worker->first_mismatch);
      mismatches += worker->mismatches;
      worker->mismatches = 0;
      g_clear_pointer (&worker->first_mismatch, g_free);
    }
  g_test_message ("round %u (%s): %u results of %u threads, %u different from a single thread's",
                  shared->round, state, N_THREADS * REPEATS, N_THREADS, mismatches);
  g_assert_cmpuint (mismatches, ==, 0);
  shared->dataset = NULL;
  shared->expected = NULL;
  shared->round++;
}

static void
pool_stop (Pool *pool)
{
  pool->shared.stop = TRUE;
  barrier_wait (&pool->shared.barrier);
  for (guint i = 0; i < N_THREADS; i++)
    g_thread_join (pool->workers[i].thread);
  barrier_clear (&pool->shared.barrier);
  g_mutex_clear (&pool->shared.turn);
}

/* --- a dataset nobody changes ------------------------------------------- */

/* Each round a dataset fresh from the file: the derived data is built
 * while six threads ask for it. */
static void
test_fresh_dataset (void)
{
  guint n_kinds = n_record_kinds ();
  g_autoptr(CollabDataset) reference = collab_test_load_example (WUXI);
  Results expected;
  guint rounds = barrier_n_rounds (DEFAULT_ROUNDS);
  Pool pool;

  results_compute (reference, 0, n_kinds, &expected);
  assert_results_sane (&expected);
  g_assert_cmpuint (expected.n_findings, >, 0);
  g_test_message ("%s: %u findings", WUXI, expected.n_findings);

  pool_start (&pool, n_kinds);
  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(CollabDataset) dataset = collab_test_load_example (WUXI);

      pool_round (&pool, dataset, &expected, "fresh " WUXI);
    }
  pool_stop (&pool);
  results_clear (&expected);
}

/* --- a dataset changed between rounds ----------------------------------- */

typedef enum
{
  CHANGE_LOAD_WUXI,
  CHANGE_MERGE_PAIRING,
  CHANGE_REMOVE_PAIRING,
  CHANGE_LOAD_WUXI_2021,
} Change;

static const char *
change_name (Change change)
{
  switch (change)
    {
    case CHANGE_LOAD_WUXI: return "load " WUXI;
    case CHANGE_MERGE_PAIRING: return "merge " EXTRA_PAIRING_ID;
    case CHANGE_REMOVE_PAIRING: return "remove " EXTRA_PAIRING_ID;
    case CHANGE_LOAD_WUXI_2021: return "load " WUXI_2021;
    default: g_assert_not_reached ();
    }
}

static void
apply_change (CollabDataset *dataset,
              Change         change)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  switch (change)
    {
    case CHANGE_LOAD_WUXI:
    case CHANGE_LOAD_WUXI_2021:
      path = collab_test_example_path (change == CHANGE_LOAD_WUXI ? WUXI : WUXI_2021);
      g_assert_true (collab_dataset_load_from_file (dataset, path, &error));
      break;
    case CHANGE_MERGE_PAIRING:
      collab_test_merge_data (dataset, extra_pairing);
      break;
    case CHANGE_REMOVE_PAIRING:
      g_assert_true (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_PAIRING, EXTRA_PAIRING_ID, &error));
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_no_error (error);
}

/* The states the shared dataset goes through, each by a change of the
 * one before; the derived data of a state must not outlive it. */
static const Change changes[] = {
  CHANGE_LOAD_WUXI,
  CHANGE_MERGE_PAIRING,
  CHANGE_REMOVE_PAIRING,
  CHANGE_LOAD_WUXI_2021,
  CHANGE_LOAD_WUXI,
  CHANGE_MERGE_PAIRING,
};

/* A single thread's results for the state after changes[0..last], on a
 * dataset of its own that went through the same changes. */
static void
baseline (guint    last,
          guint    n_kinds,
          Results *results)
{
  g_autoptr(CollabDataset) dataset = collab_dataset_new ();

  for (guint i = 0; i <= last; i++)
    apply_change (dataset, changes[i]);
  results_compute (dataset, 0, n_kinds, results);
  assert_results_sane (results);
}

static gboolean
records_differ (const Results *a,
                const Results *b,
                CollabRecordKind kind)
{
  return !g_str_equal (a->records_csv[kind], b->records_csv[kind]);
}

static void
test_changed_dataset (void)
{
  guint n_kinds = n_record_kinds ();
  g_autoptr(CollabDataset) dataset = collab_dataset_new ();
  Results expected[G_N_ELEMENTS (changes)];
  guint rounds = MAX (barrier_n_rounds (DEFAULT_ROUNDS), G_N_ELEMENTS (changes));
  Pool pool;

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    baseline (i, n_kinds, &expected[i]);

  /* The changes change what they should, so that a worker that kept the
   * derived data of the state before would be caught. A new pairing
   * without dispatches has 666 findings, a scorecard row and a plan of
   * its own; the funds stay as they were. */
  g_assert_true (records_differ (&expected[0], &expected[1], COLLAB_RECORD_KIND_PAIRING));
  g_assert_cmpuint (expected[1].n_findings, >, expected[0].n_findings);
  g_assert_cmpstr (expected[0].findings_json, !=, expected[1].findings_json);
  g_assert_cmpstr (expected[0].scorecard_csv, !=, expected[1].scorecard_csv);
  g_assert_cmpstr (expected[0].plan_csv, !=, expected[1].plan_csv);
  g_assert_cmpstr (expected[0].trace_csv, ==, expected[1].trace_csv);
  g_assert_nonnull (strstr (expected[1].findings_json, EXTRA_PAIRING_SUBJECT));
  g_assert_null (strstr (expected[0].findings_json, EXTRA_PAIRING_SUBJECT));
  /* Removing it gives back the state before. */
  g_assert_null (results_diff (&expected[0], &expected[2]));
  /* Another file: other people, other money. */
  g_assert_true (records_differ (&expected[2], &expected[3], COLLAB_RECORD_KIND_REGION) ||
                 records_differ (&expected[2], &expected[3], COLLAB_RECORD_KIND_PERSON));
  g_assert_cmpstr (expected[2].findings_json, !=, expected[3].findings_json);
  g_assert_cmpstr (expected[2].trace_csv, !=, expected[3].trace_csv);

  pool_start (&pool, n_kinds);
  for (guint round = 0; round < rounds; round++)
    {
      guint state = round % G_N_ELEMENTS (changes);

      /* No worker runs now: the change is the main thread's alone. */
      apply_change (dataset, changes[state]);
      pool_round (&pool, dataset, &expected[state], change_name (changes[state]));
    }
  pool_stop (&pool);

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    results_clear (&expected[i]);
}

/* Errors in several threads at once: each thread loads a broken document
 * into a dataset of its own and asks for a rule set that is not shipped.
 * The error domains are made once, whichever thread fails first. */
static gpointer
failing_worker (gpointer data)
{
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(CollabDataset) dataset = collab_dataset_new ();
      g_autoptr(CollabRuleset) ruleset = NULL;
      g_autoptr(GError) load_error = NULL;
      g_autoptr(GError) ruleset_error = NULL;
      gint64 fen;

      g_assert_false (collab_dataset_load_from_data (dataset, "{\"format\": \"libcollab-dataset\", \"version\": 2}",
                                                     -1, &load_error));
      g_assert_error (load_error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_VERSION);
      ruleset = collab_ruleset_new_builtin ("east-west-2099", &ruleset_error);
      g_assert_null (ruleset);
      g_assert_error (ruleset_error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_NOT_FOUND);
      g_assert_false (collab_money_parse ("1.234", &fen, NULL));
    }
  return NULL;
}

static void
test_errors (void)
{
  GThread *threads[N_THREADS];

  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("failing", failing_worker, NULL);
  for (guint i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/threads/fresh-dataset", test_fresh_dataset);
  g_test_add_func ("/threads/changed-dataset", test_changed_dataset);
  g_test_add_func ("/threads/errors", test_errors);

  return g_test_run ();
}
