/* test-threads-shared.c: everything a program asks of one loaded dataset,
 * from six threads at once
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * test-threads.c shares a dataset for the checker, the scorecard, the
 * plan, the trace and the record tables of one program. This takes the
 * rest of the public API that reads a dataset, on a dataset of three
 * programs (the Wuxi example with its funds and labour, the Yan'an plan
 * with its tasks, the Zhuhai example with its agreements, merged into
 * one): the checks of every built-in rule set; the scorecards of every
 * program, yearly and for the period; the 666 plan of every program;
 * the matching of workers to job offers, of every program and of all;
 * the funds: the trace, the boundary totals and sums of every program;
 * the tables: every kind of record as a CollabTable, as the CSV export
 * and as an xlsx workbook written to a file of the thread's own, and the
 * findings as tables; and the look-ups: every record by id and by
 * position, the side of every region, the partners and counties of
 * every unit, the pairings of every program.
 *
 * Each of these is a job whose result is text (CSV, JSON, the XML of a
 * workbook's sheet); a single thread computes every job once on a
 * dataset of its own, and then, on a freshly loaded dataset whose derived
 * data nobody has built yet, six threads take every job, each starting
 * at a different one, and each result must be the single thread's.
 * Built with -fsanitize=thread (tests/threads/meson.build, .ci/test) it
 * is the race detector's workload; with -fsanitize=address, the
 * use-after-free detector's.
 *
 * COLLAB_THREADS_ROUNDS overrides the number of rounds; with
 * COLLAB_THREADS_SHOW=1 the test lists every job and the start of its
 * result.
 */

#include <string.h>

#include <glib/gstdio.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>

#include <libcollab/collab.h>

#include "../collab-test-util.h"
#include "test-barrier.h"

/* libgsf 1.14 declares no g_autoptr() cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

#define N_THREADS 6
#define DEFAULT_ROUNDS 2
/* A fixed day for the checks and the matching, so that nothing depends on
 * the day the tests run. */
#define AS_OF "2023-12-31"
/* Days on which the labour records of the examples and of labour-random
 * place workers. */
static const char * const match_days[] = { "2021-06-01", "2022-03-01" };

/* Examples, and fixtures of tests/data/ (whose names start with "/"):
 * the labour records of random tests, the purchases, investments and
 * donations of more-sheets.json. */
static const char * const parts[] = {
  "wuxi-2021-2023.json",
  "yanan-wuxi-2022-2026.json",
  "zhuhai-zunyi-2021.json",
  "/labour-random.json",
  "/more-sheets.json",
};

/* A record kind exported as a workbook: one small, one with people. */
static const CollabRecordKind xlsx_kinds[] = {
  COLLAB_RECORD_KIND_PAIRING,
  COLLAB_RECORD_KIND_DISPATCH,
};

/* --- the dataset -------------------------------------------------------- */

/* The examples joined as examples/data/combine.py joins its parts: each
 * record once by id, the first part's where two have it (the regions
 * and organizations they share). */
static char *
shared_document (void)
{
  g_autoptr(JsonObject) combined = json_object_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = parts[i][0] == '/' ? collab_test_fixture_path (parts[i] + 1)
                                                 : collab_test_example_path (parts[i]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *document;
      g_autoptr(GList) members = NULL;

      json_parser_load_from_file (parser, path, &error);
      g_assert_no_error (error);
      document = json_node_get_object (json_parser_get_root (parser));
      members = json_object_get_members (document);
      for (GList *m = members; m != NULL; m = m->next)
        {
          JsonNode *value = json_object_get_member (document, m->data);
          JsonArray *records;

          if (!JSON_NODE_HOLDS_ARRAY (value))
            {
              if (!json_object_has_member (combined, m->data))
                json_object_set_member (combined, m->data, json_node_copy (value));
              continue;
            }
          if (!json_object_has_member (combined, m->data))
            json_object_set_array_member (combined, m->data, json_array_new ());
          records = json_object_get_array_member (combined, m->data);
          for (guint r = 0; r < json_array_get_length (json_node_get_array (value)); r++)
            {
              JsonNode *record = json_array_get_element (json_node_get_array (value), r);
              const char *id = json_object_get_string_member_with_default (json_node_get_object (record), "id", NULL);
              char *key = g_strdup_printf ("%s/%s", (const char *) m->data, id);

              if (id != NULL && !g_hash_table_add (seen, key))
                continue;
              if (id == NULL)
                g_free (key);
              json_array_add_element (records, json_node_copy (record));
            }
        }
    }
  json_node_set_object (root, combined);
  return json_to_string (root, FALSE);
}

static CollabDataset *
load_shared (const char *document)
{
  return collab_test_load_data (document);
}

static CollabDay
day_of (const char *text)
{
  CollabDay day;

  if (!collab_day_parse (text, &day, NULL))
    g_error ("cannot parse %s", text);
  return day;
}

/* --- the jobs ----------------------------------------------------------- */

typedef enum
{
  JOB_CHECK,            /* ruleset: the findings as JSON and as both tables */
  JOB_SCORECARD,        /* program: yearly */
  JOB_SCORECARD_PERIOD, /* program */
  JOB_PLAN,             /* program */
  JOB_MATCH,            /* program or NULL */
  JOB_TRACE,            /* program */
  JOB_FUNDS,            /* boundary: totals, sums by year */
  JOB_TABLE,            /* kind: the table, and the CSV export */
  JOB_XLSX,             /* kind: the workbook's sheet and strings */
  JOB_LOOKUP,           /* kind: every record by id and position */
  JOB_UNITS,            /* sides, partners, counties, pairings */
} JobKind;

typedef struct
{
  JobKind           kind;
  char             *name;     /* a ruleset, a program, a boundary */
  CollabRecordKind  record_kind;
} Job;

static void
job_clear (gpointer data)
{
  g_free (((Job *) data)->name);
}

static void
add_job (GArray           *jobs,
         JobKind           kind,
         const char       *name,
         CollabRecordKind  record_kind)
{
  Job job = { kind, g_strdup (name), record_kind };

  g_array_append_val (jobs, job);
}

/* Every job there is for @dataset. The default check comes first: its
 * findings are what the scorecards take. */
static GArray *
list_jobs (CollabDataset *dataset)
{
  GArray *jobs = g_array_new (FALSE, TRUE, sizeof (Job));
  g_auto(GStrv) rulesets = collab_ruleset_list_builtin ();
  g_auto(GStrv) programs = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_PROGRAM);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (COLLAB_TYPE_RECORD_KIND);

  g_array_set_clear_func (jobs, job_clear);
  add_job (jobs, JOB_CHECK, NULL, 0);
  for (guint i = 0; rulesets[i] != NULL; i++)
    add_job (jobs, JOB_CHECK, rulesets[i], 0);
  add_job (jobs, JOB_MATCH, NULL, 0);
  add_job (jobs, JOB_SCORECARD, NULL, 0);
  for (guint i = 0; programs[i] != NULL; i++)
    {
      add_job (jobs, JOB_SCORECARD, programs[i], 0);
      add_job (jobs, JOB_SCORECARD_PERIOD, programs[i], 0);
      add_job (jobs, JOB_PLAN, programs[i], 0);
      add_job (jobs, JOB_MATCH, programs[i], 0);
      add_job (jobs, JOB_TRACE, programs[i], 0);
      add_job (jobs, JOB_FUNDS, programs[i], 0);
    }
  /* The funds of a province, an agency and an account of the example. */
  add_job (jobs, JOB_FUNDS, "jiangsu", 0);
  add_job (jobs, JOB_FUNDS, "js-finance", 0);
  add_job (jobs, JOB_FUNDS, "acc-shaanxi", 0);
  for (guint kind = 0; kind < kinds->n_values; kind++)
    {
      add_job (jobs, JOB_TABLE, NULL, kind);
      add_job (jobs, JOB_LOOKUP, NULL, kind);
    }
  for (guint i = 0; i < G_N_ELEMENTS (xlsx_kinds); i++)
    add_job (jobs, JOB_XLSX, NULL, xlsx_kinds[i]);
  add_job (jobs, JOB_UNITS, NULL, 0);
  return jobs;
}

/* What a thread keeps between its jobs: its findings of the default rule
 * set, which the scorecards take, and its own folder for workbooks. */
typedef struct
{
  GPtrArray *findings;
  char      *folder;
  guint      n_files;
} Context;

static void
context_clear (Context *context)
{
  g_clear_pointer (&context->findings, g_ptr_array_unref);
}

static void
append_table (GString     *out,
              CollabTable *table,
              GError      *error)
{
  g_autofree char *csv = NULL;

  if (table == NULL)
    {
      g_string_append_printf (out, "error: %s\n", error != NULL ? error->message : "(no table, no error)");
      return;
    }
  csv = collab_table_to_csv (table);
  g_string_append (out, csv);
  g_object_unref (table);
}

static void
append_json (GString  *out,
             JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  g_string_append (out, text);
  g_string_append_c (out, '\n');
  json_node_unref (node);
}

static CollabChecker *
new_checker (const char  *ruleset_id,
             GError     **error)
{
  g_autoptr(CollabChecker) checker = collab_checker_new ();

  collab_checker_set_as_of (checker, day_of (AS_OF));
  if (ruleset_id != NULL)
    {
      g_autoptr(CollabRuleset) ruleset = collab_ruleset_new_builtin (ruleset_id, error);

      if (ruleset == NULL)
        return NULL;
      collab_checker_set_ruleset (checker, ruleset);
    }
  return g_steal_pointer (&checker);
}

static void
run_check (GString     *out,
           CollabDataset *dataset,
           const char  *ruleset_id,
           Context     *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabChecker) checker = new_checker (ruleset_id, &error);
  g_autoptr(GPtrArray) findings = NULL;

  if (checker != NULL)
    findings = collab_checker_run (checker, dataset, &error);
  if (findings == NULL)
    {
      g_string_append_printf (out, "error: %s\n", error->message);
      return;
    }
  g_string_append_printf (out, "%u findings\n", findings->len);
  append_json (out, collab_findings_to_json (findings));
  append_table (out, collab_table_new_from_findings (findings), NULL);
  append_table (out, collab_table_new_findings_sheet (findings), NULL);
  if (ruleset_id == NULL)
    {
      g_clear_pointer (&context->findings, g_ptr_array_unref);
      context->findings = g_steal_pointer (&findings);
    }
}

/* The parts of a workbook that hold what was written: the sheet and the
 * shared strings. The rest (styles, properties with the time of writing)
 * are libxlsxwriter's. */
static void
append_workbook (GString    *out,
                 const char *path)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GsfInfile) zip = NULL;
  static const char * const wanted[][3] = {
    { "xl", "worksheets", "sheet1.xml" },
    { "xl", "sharedStrings.xml", NULL },
  };

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_string_append_printf (out, "error: %s\n", error->message);
      return;
    }
  input = gsf_input_memory_new ((const guint8 *) data, (gsf_off_t) length, FALSE);
  zip = gsf_infile_zip_new (input, &error);
  if (zip == NULL)
    {
      g_string_append_printf (out, "error: %s\n", error->message);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      const char *names[4] = { wanted[i][0], wanted[i][1], wanted[i][2], NULL };
      g_autoptr(GsfInput) part = gsf_infile_child_by_aname (zip, names);
      gsf_off_t size;
      const guint8 *bytes;

      if (part == NULL)
        {
          g_string_append_printf (out, "no part %s\n", wanted[i][1]);
          continue;
        }
      size = gsf_input_size (part);
      bytes = gsf_input_read (part, (size_t) size, NULL);
      g_string_append_len (out, (const char *) bytes, size);
      g_string_append_c (out, '\n');
    }
}

static void
run_xlsx (GString          *out,
          CollabDataset    *dataset,
          CollabRecordKind  kind,
          Context          *context)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("table-%u.xlsx", context->n_files++);
  g_autofree char *path = g_build_filename (context->folder, name, NULL);
  g_autoptr(CollabTable) table = collab_dataset_to_table (dataset, kind);

  if (!collab_dataset_export_to_file (dataset, kind, path, COLLAB_SHEET_FORMAT_XLSX,
                                      COLLAB_EXPORT_LABELS, &error))
    {
      g_string_append_printf (out, "error: %s\n", error->message);
      return;
    }
  append_workbook (out, path);
  g_unlink (path);

  /* A report's table as a workbook too: the findings, when there are. */
  if (context->findings != NULL)
    {
      g_autoptr(CollabTable) findings = collab_table_new_findings_sheet (context->findings);

      if (!collab_table_save (findings, path, COLLAB_SHEET_FORMAT_XLSX, COLLAB_EXPORT_NONE, "findings", &error))
        {
          g_string_append_printf (out, "error: %s\n", error->message);
          return;
        }
      append_workbook (out, path);
      g_unlink (path);
    }
  g_string_append_printf (out, "%u rows\n", collab_table_get_n_rows (table));
}

static void
run_lookup (GString          *out,
            CollabDataset    *dataset,
            CollabRecordKind  kind)
{
  g_auto(GStrv) ids = collab_dataset_list_ids (dataset, kind);
  g_autoptr(GPtrArray) records = collab_dataset_get_records (dataset, kind);
  guint n = collab_dataset_get_n_records (dataset, kind);

  g_string_append_printf (out, "%u records\n", n);
  g_assert_cmpuint (records->len, ==, n);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(CollabRecord) record = collab_dataset_lookup (dataset, kind, ids[i]);
      g_autofree char *text = record != NULL ? collab_record_to_string (record) : g_strdup ("(none)");

      g_string_append_printf (out, "%s: %s\n", ids[i], text);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CollabRecord) record = collab_dataset_get_record (dataset, kind, i);

      g_string_append_printf (out, "#%u %s\n", i, collab_record_get_id (record));
      g_assert_true (record == g_ptr_array_index (records, i) ||
                     g_strcmp0 (collab_record_get_id (record),
                                collab_record_get_id (g_ptr_array_index (records, i))) == 0);
    }
}

static void
append_strv (GString    *out,
             const char *what,
             char      **strv)
{
  g_autofree char *joined = strv != NULL ? g_strjoinv (",", strv) : g_strdup ("(null)");

  g_string_append_printf (out, "%s: %s\n", what, joined);
  g_strfreev (strv);
}

static void
run_units (GString       *out,
           CollabDataset *dataset)
{
  g_auto(GStrv) regions = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_REGION);
  g_auto(GStrv) organizations = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_ORGANIZATION);
  g_auto(GStrv) programs = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_PROGRAM);
  const CollabYearRange years = { 2021, 2022 };

  for (guint i = 0; regions[i] != NULL; i++)
    {
      g_string_append_printf (out, "%s side %d\n", regions[i], collab_dataset_get_region_side (dataset, regions[i]));
      append_strv (out, "partners", collab_dataset_get_partners (dataset, regions[i], NULL));
      append_strv (out, "partners 2021-2022", collab_dataset_get_partners (dataset, regions[i], &years));
      append_strv (out, "counties", collab_dataset_get_counties (dataset, regions[i]));
    }
  for (guint i = 0; organizations[i] != NULL; i++)
    append_strv (out, organizations[i], collab_dataset_get_partners (dataset, organizations[i], NULL));
  for (guint i = 0; programs[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) pairings = collab_dataset_get_pairings (dataset, programs[i], COLLAB_PAIRING_LEVELS_ALL, NULL);

      g_string_append_printf (out, "%s pairings:", programs[i]);
      for (guint p = 0; p < pairings->len; p++)
        g_string_append_printf (out, " %s", collab_record_get_id (g_ptr_array_index (pairings, p)));
      g_string_append_c (out, '\n');
    }
}

static char *
run_job (CollabDataset *dataset,
         const Job     *job,
         Context       *context)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  switch (job->kind)
    {
    case JOB_CHECK:
      run_check (out, dataset, job->name, context);
      break;

    case JOB_SCORECARD:
      append_table (out, collab_dataset_get_scorecard (dataset, context->findings, job->name, NULL, &error), error);
      break;

    case JOB_SCORECARD_PERIOD:
      append_table (out, collab_dataset_get_scorecard_for_period (dataset, context->findings, job->name, NULL, &error),
                    error);
      break;

    case JOB_PLAN:
      {
        g_autoptr(CollabChecker) checker = new_checker (NULL, NULL);

        append_table (out, collab_checker_plan (checker, dataset, job->name, NULL, &error), error);
      }
      break;

    case JOB_MATCH:
      {
        for (guint d = 0; d < G_N_ELEMENTS (match_days); d++)
          {
            g_autoptr(CollabMatch) match = collab_dataset_match (dataset, job->name, day_of (match_days[d]), &error);

            if (match == NULL)
              {
                g_string_append_printf (out, "error: %s\n", error->message);
                break;
              }
            append_json (out, collab_match_to_json (match));
          }
      }
      break;

    case JOB_TRACE:
      append_table (out, collab_dataset_trace_funds (dataset, job->name, NULL, &error), error);
      break;

    case JOB_FUNDS:
      {
        g_autoptr(CollabFundTotals) totals = collab_dataset_get_fund_totals (dataset, job->name, NULL, &error);
        const CollabYearRange years = { 2021, 2021 };

        if (totals == NULL)
          g_string_append_printf (out, "error: %s\n", error->message);
        else
          g_string_append_printf (out, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                                  " %" G_GINT64_FORMAT "\n", totals->incoming, totals->internal,
                                  totals->outgoing, totals->allocated);
        g_clear_error (&error);
        append_table (out, collab_dataset_aggregate_funds (dataset, job->name, &years, &error), error);
      }
      break;

    case JOB_TABLE:
      {
        g_autoptr(CollabTable) table = collab_dataset_to_table (dataset, job->record_kind);
        g_autofree char *csv = collab_dataset_export_csv_full (dataset, job->record_kind, COLLAB_EXPORT_LABELS, NULL);
        g_autoptr(JsonNode) json = collab_table_to_json (table);
        g_autofree char *json_text = json_to_string (json, FALSE);
        g_autofree char *text = collab_table_to_text (table);

        g_string_append_printf (out, "%s\n%s\n%s\n%s", csv, json_text, text,
                                collab_table_get_n_rows (table) > 0 ? collab_table_get_string (table, 0, 0) : "");
      }
      break;

    case JOB_XLSX:
      run_xlsx (out, dataset, job->record_kind, context);
      break;

    case JOB_LOOKUP:
      run_lookup (out, dataset, job->record_kind);
      break;

    case JOB_UNITS:
      run_units (out, dataset);
      break;

    default:
      g_assert_not_reached ();
    }
  return g_string_free (out, FALSE);
}

/* --- the threads -------------------------------------------------------- */

typedef struct
{
  Barrier        barrier;
  GArray        *jobs;
  char         **expected;    /* a job's text, as one thread got it */
  CollabDataset *dataset;     /* set by the main thread between the barriers */
  gboolean       stop;
} Shared;

typedef struct
{
  Shared  *shared;
  guint    index;
  GThread *thread;
  Context  context;
  guint    done;
  guint    mismatches;
  char    *first_mismatch;
} Worker;

/* Where @a and @b first differ, in a line of each. */
static char *
first_difference (const char *a,
                  const char *b)
{
  gsize at = 0, start;

  while (a[at] != '\0' && a[at] == b[at])
    at++;
  for (start = at; start > 0 && a[start - 1] != '\n'; start--)
    ;
  return g_strdup_printf ("[%.200s] != [%.200s]", a + start, b + start);
}

static gpointer
worker_run (gpointer data)
{
  Worker *worker = data;
  Shared *shared = worker->shared;

  for (;;)
    {
      guint n = shared->jobs->len;

      barrier_wait (&shared->barrier);
      if (shared->stop)
        break;

      /* The default check first (the scorecards take its findings), then
       * every job from one of its own, round the list. */
      for (guint i = 0; i < n; i++)
        {
          guint j = i == 0 ? 0 : 1 + (worker->index * 7 + i - 1) % (n - 1);
          const Job *job = &g_array_index (shared->jobs, Job, j);
          g_autofree char *got = run_job (shared->dataset, job, &worker->context);

          worker->done++;
          if (strcmp (got, shared->expected[j]) != 0 && worker->mismatches++ == 0)
            {
              g_autofree char *where = first_difference (shared->expected[j], got);

              worker->first_mismatch = g_strdup_printf ("thread %u, job %u (kind %d, %s, record kind %u): %s",
                                                        worker->index, j, job->kind, job->name ? job->name : "-",
                                                        job->record_kind, where);
            }
        }
      context_clear (&worker->context);

      barrier_wait (&shared->barrier);
    }
  return NULL;
}

static void
test_everything (void)
{
  g_autofree char *document = shared_document ();
  g_autoptr(CollabDataset) reference = load_shared (document);
  g_autoptr(GArray) jobs = list_jobs (reference);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("collab-threads-XXXXXX", &error);
  Context context = { NULL, folder, 0 };
  Worker workers[N_THREADS];
  Shared shared = { 0 };
  guint rounds = barrier_n_rounds (DEFAULT_ROUNDS);
  guint errors = 0;
  gint64 start;

  g_assert_no_error (error);

  /* One thread, on a dataset of its own: the results to get. No job
   * fails on these records (a program without funds has empty tables). */
  start = g_get_monotonic_time ();
  shared.jobs = jobs;
  shared.expected = g_new0 (char *, jobs->len + 1);
  for (guint j = 0; j < jobs->len; j++)
    {
      const Job *job = &g_array_index (jobs, Job, j);

      shared.expected[j] = run_job (reference, job, &context);
      errors += g_str_has_prefix (shared.expected[j], "error: ");
      if (g_str_has_prefix (shared.expected[j], "error: ") || g_getenv ("COLLAB_THREADS_SHOW") != NULL)
        g_test_message ("job %u (kind %d, %s, record kind %u): %zu bytes: %.120s", j, job->kind,
                        job->name != NULL ? job->name : "-", job->record_kind,
                        strlen (shared.expected[j]), shared.expected[j]);
    }
  context_clear (&context);
  g_test_message ("%u jobs, one thread: %.2f s", jobs->len, (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (errors, ==, 0);

  barrier_init (&shared.barrier, N_THREADS + 1);
  for (guint i = 0; i < N_THREADS; i++)
    {
      workers[i] = (Worker) { &shared, i, NULL, { NULL, folder, 0 }, 0, 0, NULL };
      workers[i].context.n_files = 1000 * (i + 1);
      workers[i].thread = g_thread_new ("shared", worker_run, &workers[i]);
    }

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(CollabDataset) dataset = load_shared (document);
      guint mismatches = 0;

      start = g_get_monotonic_time ();
      shared.dataset = dataset;
      barrier_wait (&shared.barrier);   /* go */
      barrier_wait (&shared.barrier);   /* all done */
      shared.dataset = NULL;
      for (guint i = 0; i < N_THREADS; i++)
        {
          g_assert_cmpuint (workers[i].done, ==, (round + 1) * jobs->len);
          if (workers[i].first_mismatch != NULL)
            g_printerr ("round %u: %s\n", round, workers[i].first_mismatch);
          g_clear_pointer (&workers[i].first_mismatch, g_free);
          mismatches += workers[i].mismatches;
          workers[i].mismatches = 0;
        }
      g_test_message ("round %u: %u jobs in each of %u threads, %.2f s, %u results different from one thread's",
                      round, jobs->len, N_THREADS, (g_get_monotonic_time () - start) / 1e6, mismatches);
      g_assert_cmpuint (mismatches, ==, 0);
    }

  shared.stop = TRUE;
  barrier_wait (&shared.barrier);
  for (guint i = 0; i < N_THREADS; i++)
    g_thread_join (workers[i].thread);
  barrier_clear (&shared.barrier);
  g_strfreev (shared.expected);
  g_rmdir (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/threads/shared/everything", test_everything);

  return g_test_run ();
}
