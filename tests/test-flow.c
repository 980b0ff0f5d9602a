/* test-flow.c: boundary totals (analysis/collab-flow.c, include/libcollab/collab-funds.h)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The sums of money over a boundary — a region, an organization, an
 * account, a project or a program — by the OCHA FTS boundary rule: what
 * crosses in and what leaves are the same at every boundary of a chain,
 * what moves inside is kept apart and never added to them. On the money
 * of tests/data/funds.json with funds-chain.json (province → city →
 * county → project) or funds-mixed.json (two programs through one
 * account, first in first out), and on the 2021 example of
 * examples/data/. Also the rows report/collab-funds-tables.c makes a
 * table of (collab_dataset_aggregate_funds). Which money is whose is
 * test-ledger.c's; the edges of the trace, test-funds-trace.c's.
 */

#include <string.h>

#include <libcollab/collab.h>
#include <libcollab/collab-funds.h>

#include "analysis/collab-flow-private.h"
#include "collab-test-util.h"

#define WAN COLLAB_TEST_WAN

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

/* The 1000万 of funds-chain.json: a transfer down each step of the chain
 * by parents, spent in two parts, with an allocation ahead. */
static void
test_chain_boundaries (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-chain.json");

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
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-chain.json");
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

static void
test_aggregate_rows (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-chain.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabTable) table = collab_dataset_aggregate_funds (dataset, "yanchuan", &(CollabYearRange) { 2021, 2021 }, &error);
  g_autoptr(CollabTable) later = collab_dataset_aggregate_funds (dataset, "yanchuan", &(CollabYearRange) { 2021, 2022 }, &error);
  int category, status, incoming, internal, outgoing;

  g_assert_no_error (error);
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 2);
  category = collab_test_column (table, "category");
  status = collab_test_column (table, "status");
  incoming = collab_test_column (table, "incoming");
  internal = collab_test_column (table, "internal");
  outgoing = collab_test_column (table, "outgoing");
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
  g_assert_cmpstr (collab_table_get_string (later, 1, collab_test_column (later, "status")), ==, "completed");
}

static void
test_aggregate_days (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-chain.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabDateRange) range = collab_date_range_new (collab_day_new (2021, 5, 11), collab_day_new (2021, 9, 1));
  g_autoptr(CollabTable) table = collab_dataset_aggregate_funds_between (dataset, "yanchuan", range, &error);
  gint64 in = 0, inside = 0, out = 0;

  g_assert_no_error (error);
  for (guint r = 0; r < collab_table_get_n_rows (table); r++)
    {
      in += collab_table_get_int (table, r, collab_test_column (table, "incoming"));
      inside += collab_table_get_int (table, r, collab_test_column (table, "internal"));
      out += collab_table_get_int (table, r, collab_test_column (table, "outgoing"));
    }
  /* 2021-05-11..09-01: t3 in, t4 inside, e1 out (e2 is in October). */
  g_assert_cmpint (in, ==, WAN (1000));
  g_assert_cmpint (inside, ==, WAN (1000));
  g_assert_cmpint (out, ==, WAN (600));
}

static void
test_cache_follows_changes (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-chain.json");
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

/* A program boundary counts only its own share of a transfer that
 * carries the money of two programs (funds-mixed.json: 1200万 out of
 * Yan'an, 500万 of q's and 700万 of p's). */
static void
test_mixed_transfer (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-mixed.json");

  assert_totals (dataset, "q", 2021, WAN (500), WAN (1000), 0, 0);
  assert_totals (dataset, "p", 2021, WAN (1000), WAN (1400), 0, 0);
}

/* The rows under the totals, straight from collab_flow_aggregate(): a
 * year, a project category and status (-1 for money between accounts),
 * sorted, without empty rows; an unknown boundary is an error. */
static void
test_flow_rows (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-chain.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = collab_flow_aggregate (dataset, "yanchuan", &(CollabYearRange) { 2021, 2021 }, NULL, &error);
  g_autoptr(GArray) project = NULL;
  g_autoptr(GArray) none = NULL;
  const CollabFlowRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = &g_array_index (rows, CollabFlowRow, 0);
  g_assert_cmpint (row->year, ==, 2021);
  g_assert_cmpint (row->category, ==, -1);
  g_assert_cmpint (row->status, ==, -1);
  g_assert_cmpint (row->sums.incoming, ==, WAN (1000));
  g_assert_cmpint (row->sums.internal, ==, 0);
  g_assert_cmpint (row->sums.outgoing, ==, 0);
  row = &g_array_index (rows, CollabFlowRow, 1);
  g_assert_cmpint (row->year, ==, 2021);
  g_assert_cmpint (row->category, ==, COLLAB_PROJECT_CATEGORY_INDUSTRY);
  g_assert_cmpint (row->status, ==, COLLAB_PROJECT_STATUS_FILED);
  g_assert_cmpint (row->sums.internal, ==, WAN (1000));
  g_assert_cmpint (row->sums.outgoing, ==, WAN (1000));

  /* A project boundary, named with its kind, over the days of the
   * spending only: e1 and e2 leave, nothing comes in. */
  project = collab_flow_aggregate (dataset, "project:prj-apple", NULL,
                                   &(CollabDateRange) { collab_day_new (2021, 9, 1), collab_day_new (2021, 10, 1) },
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (project->len, ==, 1);
  row = &g_array_index (project, CollabFlowRow, 0);
  g_assert_cmpint (row->sums.incoming, ==, 0);
  g_assert_cmpint (row->sums.outgoing, ==, WAN (1000));

  none = collab_flow_aggregate (dataset, "region:prj-apple", NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND);
}

/* Money that adds up past int64 fen is an error naming the boundary and
 * the years, never a wrap nor a sum held at the limit: a year's row in
 * the rows (and the table), the years together in the totals. */
static void
test_overflow (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-chain.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabFundTotals) totals = NULL;
  g_autoptr(CollabTable) table = NULL;
  g_autoptr(GArray) rows = NULL;
  const char *members =
    "\"transactions\": ["
    " {\"id\": \"big-1\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": " COLLAB_TEST_MOST_AMOUNT ","
    "  \"date\": \"2022-04-01\"},"
    " {\"id\": \"big-2\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": " COLLAB_TEST_MOST_AMOUNT ","
    "  \"date\": \"2023-04-01\"}]";

  collab_test_merge_members (dataset, members);

  /* Each year fits; the years together do not. */
  rows = collab_flow_aggregate (dataset, "yanan", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (rows, CollabFlowRow, rows->len - 1).sums.allocated, ==, G_MAXINT64);
  totals = collab_dataset_get_fund_totals (dataset, "yanan", &(CollabYearRange) { 2022, 2022 }, &error);
  g_assert_no_error (error);
  g_assert_cmpint (totals->allocated, ==, G_MAXINT64);
  g_clear_pointer (&totals, collab_fund_totals_free);
  totals = collab_dataset_get_fund_totals (dataset, "yanan", NULL, &error);
  g_assert_null (totals);
  g_assert_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW);
  g_assert_nonnull (strstr (error->message, "yanan in 2021–2023"));
  g_clear_error (&error);

  /* Two in one year: the row does not fit. */
  collab_test_merge_members (dataset, "\"transactions\": [{\"id\": \"big-3\", \"type\": \"allocation\", "
                                      "\"to\": \"acc-yanan\", \"amount\": \"0.01\", \"date\": \"2023-05-01\"}]");
  table = collab_dataset_aggregate_funds (dataset, "yanan", NULL, &error);
  g_assert_null (table);
  g_assert_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW);
  g_assert_cmpstr (error->message, ==, "The money of yanan in 2023 adds up to more than libcollab can count "
                                       "(92233720368547758.07 yuan); correct the amounts of its transactions.");
}

/* The 2021 example ------------------------------------------------------ */

/* 1920万 and 27000万 come into Yan'an and Haidong; 60 % is spent. */
static void
test_example_2021 (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-funds-2021.json");

  assert_totals (dataset, "yanan", 2021, WAN (1920), WAN (1920) * 2, WAN (1152), WAN (1920));
  assert_totals (dataset, "haidong", 2021, WAN (27000), WAN (27000) * 2, WAN (16200), WAN (27000));
  assert_totals (dataset, "wuxi-2021", 2021, WAN (28920), WAN (28920) * 3, WAN (17352), WAN (28920));
  assert_totals (dataset, "jiangsu", 2021, 0, 0, WAN (28920), 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/flow/totals/chain", test_chain_boundaries);
  g_test_add_func ("/collab/flow/totals/lookup", test_boundary_lookup);
  g_test_add_func ("/collab/flow/totals/mixed-transfer", test_mixed_transfer);
  g_test_add_func ("/collab/flow/totals/cache", test_cache_follows_changes);
  g_test_add_func ("/collab/flow/rows", test_flow_rows);
  g_test_add_func ("/collab/flow/rows/table", test_aggregate_rows);
  g_test_add_func ("/collab/flow/rows/days", test_aggregate_days);
  g_test_add_func ("/collab/flow/overflow", test_overflow);
  g_test_add_func ("/collab/flow/example/2021", test_example_2021);

  return g_test_run ();
}
