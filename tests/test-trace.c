/* test-trace.c: boundary totals and the money-flow trace (include/libcollab/collab-funds.h)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A province → city → county → project chain whose totals are the same at
 * every boundary (what crosses in, what leaves; what moves inside is kept
 * apart), the flow edges with parents and first in, first out, and the
 * 2021 example of examples/data/.
 */

#include <string.h>

#include <libcollab/collab.h>
#include <libcollab/collab-funds.h>

#include "collab-test-util.h"

#define WAN(n) ((gint64) (n) * 1000000)

static const char document_format[] =
  "{\"format\": \"libcollab-dataset\", \"version\": 1,\n"
  " \"regions\": [\n"
  "  {\"id\": \"jiangsu\", \"name\": \"江苏省\", \"level\": \"province\", \"side\": \"east\"},\n"
  "  {\"id\": \"wuxi\", \"name\": \"无锡市\", \"level\": \"city\", \"parent\": \"jiangsu\"},\n"
  "  {\"id\": \"shaanxi\", \"name\": \"陕西省\", \"level\": \"province\", \"side\": \"west\"},\n"
  "  {\"id\": \"yanan\", \"name\": \"延安市\", \"level\": \"city\", \"parent\": \"shaanxi\"},\n"
  "  {\"id\": \"yanchuan\", \"name\": \"延川县\", \"level\": \"county\", \"parent\": \"yanan\"}],\n"
  " \"organizations\": [\n"
  "  {\"id\": \"js-finance\", \"name\": \"江苏省财政厅\", \"kind\": \"agency\", \"region\": \"jiangsu\"},\n"
  "  {\"id\": \"yanan-finance\", \"name\": \"延安市财政局\", \"kind\": \"agency\", \"region\": \"yanan\"}],\n"
  " \"programs\": [\n"
  "  {\"id\": \"p\", \"name\": \"p\", \"kind\": \"east_west\", \"first_year\": 2021, \"last_year\": 2025,\n"
  "   \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"]},\n"
  "  {\"id\": \"q\", \"name\": \"q\", \"kind\": \"counterpart\", \"first_year\": 2021, \"last_year\": 2025,\n"
  "   \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"]}],\n"
  " \"accounts\": [\n"
  "  {\"id\": \"acc-js\", \"holder\": \"js-finance\", \"source\": true},\n"
  "  {\"id\": \"acc-sn\", \"holder\": \"shaanxi\"},\n"
  "  {\"id\": \"acc-yanan\", \"holder\": \"yanan-finance\"},\n"
  "  {\"id\": \"acc-yanchuan\", \"holder\": \"yanchuan\"}],\n"
  " \"transactions\": [%s],\n"
  " \"projects\": [\n"
  "  {\"id\": \"prj-apple\", \"name\": \"苹果\", \"county\": \"yanchuan\", \"category\": \"industry\",\n"
  "   \"in_reserve\": true, \"program\": \"p\",\n"
  "   \"status\": [{\"status\": \"reserve\", \"date\": \"2021-01-10\"}, {\"status\": \"filed\", \"date\": \"2021-06-01\"},\n"
  "              {\"status\": \"completed\", \"date\": \"2022-03-01\"}]},\n"
  "  {\"id\": \"prj-road\", \"name\": \"道路\", \"county\": \"yanchuan\", \"category\": \"rural_revitalization\",\n"
  "   \"status\": [{\"status\": \"filed\", \"date\": \"2021-01-10\"}]}]}\n";

/* 1000万 down the chain, spent in two parts, with an allocation ahead. */
static const char chain[] =
  "{\"id\": \"a1\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"1000万\", \"date\": \"2021-04-01\","
  " \"program\": \"p\"},"
  "{\"id\": \"t1\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-sn\", \"amount\": \"1000万\","
  " \"date\": \"2021-05-10\", \"program\": \"p\"},"
  "{\"id\": \"t2\", \"type\": \"transfer\", \"from\": \"acc-sn\", \"to\": \"acc-yanan\", \"amount\": \"1000万\","
  " \"date\": \"2021-05-11\", \"parent\": \"t1\"},"
  "{\"id\": \"t3\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\", \"amount\": \"1000万\","
  " \"date\": \"2021-05-12\", \"parent\": \"t2\"},"
  "{\"id\": \"t4\", \"type\": \"transfer\", \"from\": \"acc-yanchuan\", \"to\": \"prj-apple\", \"amount\": \"1000万\","
  " \"date\": \"2021-06-01\", \"parent\": \"t3\"},"
  "{\"id\": \"e1\", \"type\": \"expenditure\", \"from\": \"prj-apple\", \"amount\": \"600万\","
  " \"date\": \"2021-09-01\", \"use\": \"seedlings\", \"parent\": \"t4\"},"
  "{\"id\": \"e2\", \"type\": \"expenditure\", \"from\": \"prj-apple\", \"amount\": \"400万\","
  " \"date\": \"2021-10-01\", \"use\": \"construction\", \"parent\": \"t4\"}";

static CollabDataset *
make_dataset (const char *transactions)
{
  g_autofree char *text = g_strdup_printf (document_format, transactions);

  return collab_test_load_data (text);
}

static void
assert_totals (CollabDataset *dataset,
               const char    *boundary,
               int            year,
               gint64         incoming,
               gint64         internal,
               gint64         outgoing,
               gint64         allocated)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabFundTotals) totals = collab_dataset_get_fund_totals (dataset, boundary, COLLAB_TEST_YEARS (year),
                                                                       &error);

  if (totals == NULL)
    g_error ("%s: %s", boundary, error->message);
  if (totals->incoming != incoming || totals->internal != internal || totals->outgoing != outgoing ||
      totals->allocated != allocated)
    g_error ("%s: in %" G_GINT64_FORMAT " internal %" G_GINT64_FORMAT " out %" G_GINT64_FORMAT
             " allocated %" G_GINT64_FORMAT, boundary, totals->incoming, totals->internal, totals->outgoing,
             totals->allocated);
}

static void
test_chain_boundaries (void)
{
  g_autoptr(CollabDataset) dataset = make_dataset (chain);

  /* The same 1000万 comes in and goes out at every boundary of the chain;
   * only what moves inside differs, and is never added to it. */
  assert_totals (dataset, "shaanxi", 2021, WAN (1000), WAN (3000), WAN (1000), WAN (1000));
  assert_totals (dataset, "yanan", 2021, WAN (1000), WAN (2000), WAN (1000), WAN (1000));
  assert_totals (dataset, "yanchuan", 2021, WAN (1000), WAN (1000), WAN (1000), 0);
  assert_totals (dataset, "prj-apple", 2021, WAN (1000), 0, WAN (1000), 0);
  assert_totals (dataset, "p", 2021, WAN (1000), WAN (3000), WAN (1000), WAN (1000));
  assert_totals (dataset, "acc-yanan", 2021, WAN (1000), 0, WAN (1000), WAN (1000));
  /* The source's side: money leaves Jiangsu, nothing comes in. */
  assert_totals (dataset, "jiangsu", 2021, 0, 0, WAN (1000), 0);
  assert_totals (dataset, "js-finance", 2021, 0, 0, WAN (1000), 0);
  /* Another program has none of it; another year neither. */
  assert_totals (dataset, "q", 2021, 0, 0, 0, 0);
  assert_totals (dataset, "yanan", 2022, 0, 0, 0, 0);
  /* An open period is every year. */
  assert_totals (dataset, "yanan", 0, WAN (1000), WAN (2000), WAN (1000), WAN (1000));
}

static void
test_boundary_lookup (void)
{
  g_autoptr(CollabDataset) dataset = make_dataset (chain);
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabFundTotals) totals = NULL;
  const CollabYearRange year = { 2021, 2021 };

  totals = collab_dataset_get_fund_totals (dataset, "region:yanan", &year, &error);
  g_assert_no_error (error);
  g_assert_nonnull (totals);
  g_assert_cmpint (totals->incoming, ==, WAN (1000));
  g_clear_pointer (&totals, collab_fund_totals_free);

  totals = collab_dataset_get_fund_totals (dataset, "account:yanan", &year, &error);
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND);
  g_assert_null (totals);
  g_clear_error (&error);

  g_assert_null (collab_dataset_aggregate_funds (dataset, "nowhere", NULL, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND);
}

static int
column (CollabTable *table,
        const char  *name)
{
  int c = collab_table_find_column (table, name);

  g_assert_cmpint (c, >=, 0);
  return c;
}

static void
test_aggregate_rows (void)
{
  g_autoptr(CollabDataset) dataset = make_dataset (chain);
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabTable) table = collab_dataset_aggregate_funds (dataset, "yanchuan", &(CollabYearRange) { 2021, 2021 }, &error);
  g_autoptr(CollabTable) later = collab_dataset_aggregate_funds (dataset, "yanchuan", &(CollabYearRange) { 2021, 2022 }, &error);
  int category, status, incoming, internal, outgoing;

  g_assert_no_error (error);
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 2);
  category = column (table, "category");
  status = column (table, "status");
  incoming = column (table, "incoming");
  internal = column (table, "internal");
  outgoing = column (table, "outgoing");
  g_assert_cmpint (collab_table_get_column_type (table, incoming), ==, COLLAB_COLUMN_TYPE_AMOUNT);

  /* Money between accounts has no category; the project's is industry,
   * and its status at the end of 2021 is filed. */
  g_assert_true (collab_table_is_null (table, 0, category));
  g_assert_true (collab_table_is_null (table, 0, status));
  g_assert_cmpint (collab_table_get_int (table, 0, incoming), ==, WAN (1000));
  g_assert_cmpstr (collab_table_get_string (table, 1, category), ==, "industry");
  g_assert_cmpstr (collab_table_get_string (table, 1, status), ==, "filed");
  g_assert_cmpint (collab_table_get_int (table, 1, internal), ==, WAN (1000));
  g_assert_cmpint (collab_table_get_int (table, 1, outgoing), ==, WAN (1000));

  /* Read at the end of 2022, the project is completed. */
  g_assert_cmpstr (collab_table_get_string (later, 1, column (later, "status")), ==, "completed");
}

static void
test_aggregate_days (void)
{
  g_autoptr(CollabDataset) dataset = make_dataset (chain);
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabDateRange) range = collab_date_range_new (collab_day_new (2021, 5, 11), collab_day_new (2021, 9, 1));
  g_autoptr(CollabTable) table = collab_dataset_aggregate_funds_between (dataset, "yanchuan", range, &error);
  gint64 in = 0, inside = 0, out = 0;

  g_assert_no_error (error);
  for (guint r = 0; r < collab_table_get_n_rows (table); r++)
    {
      in += collab_table_get_int (table, r, column (table, "incoming"));
      inside += collab_table_get_int (table, r, column (table, "internal"));
      out += collab_table_get_int (table, r, column (table, "outgoing"));
    }
  /* 2021-05-11..09-01: t3 in, t4 inside, e1 out (e2 is in October). */
  g_assert_cmpint (in, ==, WAN (1000));
  g_assert_cmpint (inside, ==, WAN (1000));
  g_assert_cmpint (out, ==, WAN (600));
}

static void
test_cache_follows_changes (void)
{
  g_autoptr(CollabDataset) dataset = make_dataset (chain);
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRecord) record = NULL;

  assert_totals (dataset, "yanan", 2021, WAN (1000), WAN (2000), WAN (1000), WAN (1000));
  record = collab_record_new_from_json (COLLAB_RECORD_KIND_TRANSACTION,
                                        "{\"id\": \"t9\", \"type\": \"transfer\", \"from\": \"acc-js\","
                                        " \"to\": \"acc-yanan\", \"amount\": \"5万\", \"date\": \"2021-12-01\"}",
                                        &error);
  g_assert_no_error (error);
  g_assert_true (collab_dataset_add (dataset, record, &error));
  assert_totals (dataset, "yanan", 2021, WAN (1005), WAN (2000), WAN (1000), WAN (1000));
}

/* The flow trace ------------------------------------------------------- */

typedef struct
{
  const char *from;
  const char *to;
  gint64      amount;
  int         year;
  const char *program;
} Edge;

static void
assert_edges (CollabTable *table,
              const Edge  *expected,
              guint        n)
{
  int from = column (table, "from"), to = column (table, "to"), amount = column (table, "amount");
  int year = column (table, "year"), program = column (table, "program");

  for (guint r = 0; r < collab_table_get_n_rows (table); r++)
    g_test_message ("%s -> %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s",
                    collab_table_get_string (table, r, from), collab_table_get_string (table, r, to),
                    collab_table_get_int (table, r, amount), collab_table_get_int (table, r, year),
                    collab_table_get_string (table, r, program));
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, n);
  for (guint r = 0; r < n; r++)
    {
      g_assert_cmpstr (collab_table_get_string (table, r, from), ==, expected[r].from);
      g_assert_cmpstr (collab_table_get_string (table, r, to), ==, expected[r].to);
      g_assert_cmpint (collab_table_get_int (table, r, amount), ==, expected[r].amount);
      g_assert_cmpint (collab_table_get_int (table, r, year), ==, expected[r].year);
      if (expected[r].program == NULL)
        g_assert_true (collab_table_is_null (table, r, program));
      else
        g_assert_cmpstr (collab_table_get_string (table, r, program), ==, expected[r].program);
    }
}

static void
test_trace_chain (void)
{
  static const Edge expected[] = {
    { "acc-js", "acc-sn", WAN (1000), 2021, "p" },
    { "acc-sn", "acc-yanan", WAN (1000), 2021, "p" },
    { "acc-yanan", "acc-yanchuan", WAN (1000), 2021, "p" },
    { "acc-yanchuan", "prj-apple", WAN (1000), 2021, "p" },
    { "prj-apple", "spent:seedlings", WAN (600), 2021, "p" },
    { "prj-apple", "spent:construction", WAN (400), 2021, "p" },
  };
  g_autoptr(CollabDataset) dataset = make_dataset (chain);
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabTable) table = collab_dataset_trace_funds (dataset, "p", NULL, &error);
  g_autoptr(CollabTable) none = collab_dataset_trace_funds (dataset, "q", NULL, &error);
  g_autoptr(CollabTable) other_year = collab_dataset_trace_funds (dataset, "p", &(CollabYearRange) { 2022, 2022 }, &error);

  g_assert_no_error (error);
  assert_edges (table, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (collab_table_get_n_rows (none), ==, 0);
  g_assert_cmpuint (collab_table_get_n_rows (other_year), ==, 0);
  g_assert_null (collab_dataset_trace_funds (dataset, "nope", NULL, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND);
}

/* Without parents, money is followed first in, first out: Yan'an holds
 * q's 500万 (older) and p's 1000万; a transfer of 1200万 passes on all of
 * q's and 700万 of p's, the next 300万 is p's, and a transfer on the day
 * money arrives passes on that money. */
static const char mixed[] =
  "{\"id\": \"q1\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\", \"amount\": \"500万\","
  " \"date\": \"2021-05-01\", \"program\": \"q\"},"
  "{\"id\": \"p1\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\", \"amount\": \"1000万\","
  " \"date\": \"2021-05-11\", \"program\": \"p\"},"
  "{\"id\": \"m2\", \"type\": \"transfer\", \"from\": \"acc-yanchuan\", \"to\": \"prj-road\", \"amount\": \"1200万\","
  " \"date\": \"2021-05-12\"},"
  "{\"id\": \"m1\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\", \"amount\": \"1200万\","
  " \"date\": \"2021-05-12\"},"
  "{\"id\": \"m3\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\", \"amount\": \"300万\","
  " \"date\": \"2021-06-01\", \"budget_year\": 2022}";

static void
test_trace_fifo (void)
{
  static const Edge p_edges[] = {
    { "acc-js", "acc-yanan", WAN (1000), 2021, "p" },
    { "acc-yanan", "acc-yanchuan", WAN (700), 2021, "p" },
    { "acc-yanchuan", "prj-road", WAN (700), 2021, "p" },
    { "acc-yanan", "acc-yanchuan", WAN (300), 2022, "p" },
  };
  static const Edge q_edges[] = {
    { "acc-js", "acc-yanan", WAN (500), 2021, "q" },
    { "acc-yanan", "acc-yanchuan", WAN (500), 2021, "q" },
    { "acc-yanchuan", "prj-road", WAN (500), 2021, "q" },
  };
  static const Edge all_2022[] = {
    { "acc-yanan", "acc-yanchuan", WAN (300), 2022, "p" },
  };
  g_autoptr(CollabDataset) dataset = make_dataset (mixed);
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabTable) p = collab_dataset_trace_funds (dataset, "p", NULL, &error);
  g_autoptr(CollabTable) q = collab_dataset_trace_funds (dataset, "q", NULL, &error);
  g_autoptr(CollabTable) y2022 = collab_dataset_trace_funds (dataset, NULL, &(CollabYearRange) { 2022, 2022 }, &error);

  g_assert_no_error (error);
  assert_edges (p, p_edges, G_N_ELEMENTS (p_edges));
  assert_edges (q, q_edges, G_N_ELEMENTS (q_edges));
  assert_edges (y2022, all_2022, G_N_ELEMENTS (all_2022));

  /* The program boundary counts only its own share of a mixed transfer. */
  assert_totals (dataset, "q", 2021, WAN (500), WAN (1000), 0, 0);
  assert_totals (dataset, "p", 2021, WAN (1000), WAN (1400), 0, 0);
}

static void
test_trace_unattributed (void)
{
  /* Money paid out before it came in belongs to no program. */
  static const Edge expected[] = {
    { "acc-yanan", "acc-yanchuan", WAN (100), 2021, NULL },
    { "acc-js", "acc-yanan", WAN (100), 2021, "p" },
  };
  g_autoptr(CollabDataset) dataset =
    make_dataset ("{\"id\": \"x1\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\","
                  " \"amount\": \"100万\", \"date\": \"2021-05-01\"},"
                  "{\"id\": \"x2\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\","
                  " \"amount\": \"100万\", \"date\": \"2021-05-02\", \"program\": \"p\"}");
  g_autoptr(CollabTable) all = collab_dataset_trace_funds (dataset, NULL, NULL, NULL);

  assert_edges (all, expected, G_N_ELEMENTS (expected));
}

/* The 2021 example ------------------------------------------------------ */

static void
test_example_2021 (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-funds-2021.json");
  g_autoptr(CollabTable) edges = collab_dataset_trace_funds (dataset, "wuxi-2021", &(CollabYearRange) { 2021, 2021 }, NULL);
  int from, to, amount;
  gint64 out_of_js = 0, into_projects = 0, spent = 0;

  /* 1920万 and 27000万 come into Yan'an and Haidong; 60 % is spent. */
  assert_totals (dataset, "yanan", 2021, WAN (1920), WAN (1920) * 2, WAN (1152), WAN (1920));
  assert_totals (dataset, "haidong", 2021, WAN (27000), WAN (27000) * 2, WAN (16200), WAN (27000));
  assert_totals (dataset, "wuxi-2021", 2021, WAN (28920), WAN (28920) * 3, WAN (17352), WAN (28920));
  assert_totals (dataset, "jiangsu", 2021, 0, 0, WAN (28920), 0);

  from = column (edges, "from");
  to = column (edges, "to");
  amount = column (edges, "amount");
  for (guint r = 0; r < collab_table_get_n_rows (edges); r++)
    {
      const char *source = collab_table_get_string (edges, r, from);
      const char *target = collab_table_get_string (edges, r, to);

      if (g_str_equal (source, "acc-js"))
        out_of_js += collab_table_get_int (edges, r, amount);
      if (g_str_has_prefix (target, "prj-"))
        into_projects += collab_table_get_int (edges, r, amount);
      if (g_str_has_prefix (target, "spent:"))
        spent += collab_table_get_int (edges, r, amount);
    }
  g_assert_cmpint (out_of_js, ==, WAN (28920));
  g_assert_cmpint (into_projects, ==, WAN (28920));
  g_assert_cmpint (spent, ==, WAN (17352));
}

static void
test_example_round_trip (void)
{
  static const char * const names[] = { "wuxi-funds-2021.json", "wuxi-2016-2020.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CollabDataset) dataset = collab_test_load_example (names[i]);
      g_autofree char *path = collab_test_example_path (names[i]);
      g_autofree char *file = NULL;
      g_autofree char *saved = NULL;
      gsize file_length, saved_length;

      g_assert_true (g_file_get_contents (path, &file, &file_length, NULL));
      saved = collab_dataset_to_data (dataset, &saved_length);
      g_assert_cmpmem (saved, saved_length, file, file_length);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/funds/totals/chain", test_chain_boundaries);
  g_test_add_func ("/collab/funds/totals/lookup", test_boundary_lookup);
  g_test_add_func ("/collab/funds/totals/rows", test_aggregate_rows);
  g_test_add_func ("/collab/funds/totals/days", test_aggregate_days);
  g_test_add_func ("/collab/funds/totals/cache", test_cache_follows_changes);
  g_test_add_func ("/collab/funds/trace/chain", test_trace_chain);
  g_test_add_func ("/collab/funds/trace/fifo", test_trace_fifo);
  g_test_add_func ("/collab/funds/trace/unattributed", test_trace_unattributed);
  g_test_add_func ("/collab/funds/example/2021", test_example_2021);
  g_test_add_func ("/collab/funds/example/round-trip", test_example_round_trip);

  return g_test_run ();
}
