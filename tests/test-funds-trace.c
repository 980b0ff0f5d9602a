/* test-funds-trace.c: the money-flow trace (report/collab-funds-trace.c, collab_dataset_trace_funds)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The edges of a program's money, from account to account to project to
 * what it was spent on, each with its program: down the chain of
 * tests/data/funds-chain.json by parents, through Yan'an first in first
 * out (funds-mixed.json), money that belongs to no program, an edge past
 * int64 fen, and the 2021 example of examples/data/. The sums over a
 * boundary are test-flow.c's.
 */

#include <string.h>

#include <libcollab/collab.h>
#include <libcollab/collab-funds.h>

#include "collab-test-util.h"

#define WAN COLLAB_TEST_WAN

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
  int from = collab_test_column (table, "from"), to = collab_test_column (table, "to"), amount = collab_test_column (table, "amount");
  int year = collab_test_column (table, "year"), program = collab_test_column (table, "program");

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
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-chain.json");
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
 * money arrives passes on that money (funds-mixed.json). */
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
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-mixed.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabTable) p = collab_dataset_trace_funds (dataset, "p", NULL, &error);
  g_autoptr(CollabTable) q = collab_dataset_trace_funds (dataset, "q", NULL, &error);
  g_autoptr(CollabTable) y2022 = collab_dataset_trace_funds (dataset, NULL, &(CollabYearRange) { 2022, 2022 }, &error);

  g_assert_no_error (error);
  assert_edges (p, p_edges, G_N_ELEMENTS (p_edges));
  assert_edges (q, q_edges, G_N_ELEMENTS (q_edges));
  assert_edges (y2022, all_2022, G_N_ELEMENTS (all_2022));
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
    collab_test_funds_dataset ("{\"id\": \"x1\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\","
                               " \"amount\": \"100万\", \"date\": \"2021-05-01\"},"
                               "{\"id\": \"x2\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\","
                               " \"amount\": \"100万\", \"date\": \"2021-05-02\", \"program\": \"p\"}",
                               NULL);
  g_autoptr(CollabTable) all = collab_dataset_trace_funds (dataset, NULL, NULL, NULL);

  assert_edges (all, expected, G_N_ELEMENTS (expected));
}

/* An edge whose money adds up past int64 fen is an error naming it,
 * never a wrap nor a sum held at the limit. */
static void
test_trace_overflow (void)
{
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset ("{\"id\": \"x1\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\","
                               " \"amount\": " COLLAB_TEST_MOST_AMOUNT ", \"date\": \"2021-05-01\", \"program\": \"p\"},"
                               "{\"id\": \"x2\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\","
                               " \"amount\": \"0.01\", \"date\": \"2021-05-02\", \"program\": \"p\"}",
                               NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabTable) edges = collab_dataset_trace_funds (dataset, NULL, NULL, &error);

  g_assert_null (edges);
  g_assert_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW);
  g_assert_cmpstr (error->message, ==, "The money from acc-js to acc-yanan in 2021 adds up to more than libcollab "
                                       "can count (92233720368547758.07 yuan); correct the amounts of those "
                                       "transactions.");
}

/* The 2021 example ------------------------------------------------------ */

static void
test_example_2021 (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-funds-2021.json");
  g_autoptr(CollabTable) edges = collab_dataset_trace_funds (dataset, "wuxi-2021", &(CollabYearRange) { 2021, 2021 }, NULL);
  int from, to, amount;
  gint64 out_of_js = 0, into_projects = 0, spent = 0;

  /* All of the 28920万 leaves the source and reaches projects; 60 % is
   * spent (test-flow.c checks the same at each boundary). */
  from = collab_test_column (edges, "from");
  to = collab_test_column (edges, "to");
  amount = collab_test_column (edges, "amount");
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/funds-trace/chain", test_trace_chain);
  g_test_add_func ("/collab/funds-trace/fifo", test_trace_fifo);
  g_test_add_func ("/collab/funds-trace/unattributed", test_trace_unattributed);
  g_test_add_func ("/collab/funds-trace/overflow", test_trace_overflow);
  g_test_add_func ("/collab/funds-trace/example/2021", test_example_2021);

  return g_test_run ();
}
