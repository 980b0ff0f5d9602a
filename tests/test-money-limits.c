/* test-money-limits.c: money is exact or an error, at INT64_MAX fen
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Amounts of G_MAXINT64 fen (92233720368547758.07 yuan) through every
 * place that adds money up: the load, the ledger and the fund rules, the
 * agreements, the scorecard (funds, consumption, agreements), the fund
 * totals and the flow trace, with the counts of labour and consumption
 * beside them; and the reproducers of 0.1 (tests/data/ledger-overflow.json,
 * funds-saturation.json) through the library and `collab`. A sum that
 * does not fit is an error or a finding that says so — domain, code and
 * what overflowed — and never a number wrapped round or held at the
 * limit; what does fit is exact. The suite runs under ASan and UBSan with
 * halt_on_error too (.ci/test), where any signed overflow stops it.
 */

#include "types/collab-money-private.h"
#include "collab-test-scorecard.h"

#define MOST     COLLAB_TEST_MOST_AMOUNT
#define MOST_FEN G_MAXINT64
#define BEYOND   "more than libcollab can count (92233720368547758.07 yuan)"

/* A transaction of funds.json's accounts, as a JSON object. */
#define TX(id, type, from, to, amount, date, extra)                                                \
  "{\"id\": \"" id "\", \"type\": \"" type "\", " from to "\"amount\": " amount ", "               \
  "\"date\": \"" date "\"" extra "}"
#define FROM(node) "\"from\": \"" node "\", "
#define TO(node)   "\"to\": \"" node "\", "

/* The findings of @rule in a check of @dataset as of @as_of. */
static GPtrArray *
check (CollabDataset *dataset,
       const char    *rule,
       const char    *as_of)
{
  return collab_test_check_as_of (dataset, rule, as_of);
}

/* The finding of @findings whose subject has @key = @value. */
static CollabFinding *
finding_with (GPtrArray  *findings,
              const char *key,
              const char *value)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (collab_finding_get_subject_string (g_ptr_array_index (findings, i), key), value) == 0)
      return g_ptr_array_index (findings, i);
  g_error ("no finding with %s = %s", key, value);
  return NULL;
}

/* @finding says that what it is about does not fit an amount, with no
 * actual value and no remedy: nothing wrapped round or held at the limit. */
static void
assert_beyond (CollabFinding *finding,
               const char    *about)
{
  collab_test_assert_message_contains (finding, about);
  collab_test_assert_message_contains (finding, BEYOND);
  g_assert_null (collab_finding_get_actual (finding));
  g_assert_null (collab_finding_get_remedy (finding));
}

/* @error is the overflow of a sum, and names @what. */
static void
assert_overflow (const GError *error,
                 const char   *what)
{
  g_assert_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW);
  if (strstr (error->message, what) == NULL || strstr (error->message, BEYOND) == NULL)
    g_error ("the error \"%s\" does not name \"%s\"", error->message, what);
}

/* --- the sums themselves ---------------------------------------------- */

/* A total runs past int64 and back, exactly; a sum remembers overflowing. */
static void
test_sums (void)
{
  CollabMoneyTotal total = { 0 }, other = { 0 };
  CollabMoneySum sum = { 0 }, more = { 0 };
  gint64 fen = 0;

  for (int i = 0; i < 3; i++)
    collab_money_total_add (&total, MOST_FEN);
  g_assert_false (collab_money_total_get (&total, &fen));
  collab_money_total_add (&other, MOST_FEN);
  collab_money_total_add (&other, 1);
  g_assert_cmpint (collab_money_total_compare (&total, &other), >, 0);
  g_assert_cmpint (collab_money_total_compare (&other, &total), <, 0);
  /* 3 × MAX − (MAX + 1) is 2 × MAX − 1: past int64, so the cap holds. */
  g_assert_cmpint (collab_money_total_excess (&total, &other, MOST_FEN), ==, MOST_FEN);
  g_assert_cmpint (collab_money_total_excess (&total, &other, 7), ==, 7);
  g_assert_cmpint (collab_money_total_excess (&other, &total, 7), ==, 0);

  collab_money_total_sub (&total, MOST_FEN);
  collab_money_total_sub (&total, MOST_FEN);
  g_assert_true (collab_money_total_get (&total, &fen));
  g_assert_cmpint (fen, ==, MOST_FEN);
  /* MAX + 1 over MAX: one fen, across the carry. */
  g_assert_cmpint (collab_money_total_excess (&other, &total, MOST_FEN), ==, 1);
  collab_money_total_sub (&total, MOST_FEN);
  g_assert_true (collab_money_total_is_zero (&total));

  collab_money_sum_add (&sum, MOST_FEN);
  g_assert_false (sum.overflow);
  g_assert_cmpint (sum.fen, ==, MOST_FEN);
  collab_money_sum_add (&sum, 1);
  g_assert_true (sum.overflow);
  collab_money_sum_add_sum (&more, &sum);
  g_assert_true (more.overflow);
  more = (CollabMoneySum) { G_MININT64, FALSE };
  collab_money_sum_add (&more, -1);
  g_assert_true (more.overflow);
}

/* --- the load --------------------------------------------------------- */

/* An amount of INT64_MAX fen loads and saves as it is; one fen more, or
 * a fund base below zero (the fund rules subtract from it), is a load
 * error that names the field, and keeps nothing. */
static void
test_load (void)
{
  static const struct {
    const char *members;
    const char *path;
    const char *text;
  } bad[] = {
    { "\"transactions\": [" TX ("x", "transfer", FROM ("acc-js"), TO ("acc-sn"), "\"92233720368547758.08\"",
                                "2021-01-01", "") "]",
      "transactions[0] (x).amount", "64-bit" },
    { "\"purchases\": [{\"id\": \"x\", \"origin\": \"yanchuan\", \"product\": \"红枣\", \"channel\": \"canteen\","
      " \"amount\": \"922337203.6854775808亿\", \"date\": \"2021-01-01\"}]",
      "purchases[0] (x).amount", "64-bit" },
    { "\"programs\": [{\"id\": \"neg\", \"name\": \"n\", \"kind\": \"east_west\", \"first_year\": 2021,"
      " \"last_year\": 2025, \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"],"
      " \"fund_base\": [{\"city\": \"yanan\", \"base\": \"1920万\", \"plan_total\": \"-1\"}]}]",
      "fund_base[0].plan_total", "cannot be negative" },
    { "\"programs\": [{\"id\": \"neg\", \"name\": \"n\", \"kind\": \"east_west\", \"first_year\": 2021,"
      " \"last_year\": 2025, \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"],"
      " \"fund_base\": [{\"city\": \"yanan\", \"base\": \"-0.01\"}]}]",
      "fund_base[0].base", "cannot be negative" },
  };
  g_autoptr(CollabDataset) dataset = collab_test_funds_dataset (TX ("most", "transfer", FROM ("acc-js"), TO ("acc-sn"),
                                                                    MOST, "2021-01-01", ""), NULL);
  g_autofree char *saved = collab_dataset_to_data (dataset, NULL);

  g_assert_nonnull (strstr (saved, "\"amount\": " MOST));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CollabDataset) base = collab_test_load_fixture ("funds.json");
      g_autofree char *document = g_strdup_printf ("{\"format\": \"libcollab-dataset\", \"version\": 1, %s}",
                                                   bad[i].members);
      g_autoptr(GError) error = NULL;
      guint n_programs = collab_dataset_get_n_records (base, COLLAB_RECORD_KIND_PROGRAM);

      g_assert_false (collab_dataset_merge_from_data (base, document, -1, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, bad[i].path) == NULL || strstr (error->message, bad[i].text) == NULL)
        g_error ("the error \"%s\" does not say \"%s\" and \"%s\"", error->message, bad[i].path, bad[i].text);
      g_assert_cmpuint (collab_dataset_get_n_records (base, COLLAB_RECORD_KIND_PROGRAM), ==, n_programs);
      g_assert_cmpuint (collab_dataset_get_n_records (base, COLLAB_RECORD_KIND_TRANSACTION), ==, 0);
    }
}

/* --- the ledger and the fund rules ------------------------------------ */

/* Shaanxi's account receives 2 × MAX and passes on the first MAX: its
 * money in runs past int64, and the ledger still knows that exactly the
 * second transfer is idle, all of it, on the day it should. */
static void
test_idle (void)
{
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset (TX ("in-1", "transfer", FROM ("acc-js"), TO ("acc-sn"), MOST, "2021-01-10",
                                   ", \"program\": \"p\"") ","
                               TX ("in-2", "transfer", FROM ("acc-js"), TO ("acc-sn"), MOST, "2021-01-11",
                                   ", \"program\": \"p\"") ","
                               TX ("out", "transfer", FROM ("acc-sn"), TO ("prj-road"), MOST, "2021-02-01",
                                   ", \"parent\": \"in-1\""),
                               NULL);
  g_autoptr(GPtrArray) findings = check (dataset, "fund.idle", "2021-12-31");
  CollabFinding *finding = collab_test_assert_one_finding (findings);

  g_assert_cmpstr (collab_finding_get_subject_string (finding, "transaction"), ==, "in-2");
  collab_test_assert_string_value (collab_finding_get_actual (finding), "92233720368547758.07");
  collab_test_assert_message_contains (finding, "922337203.6854775807亿 of the 922337203.6854775807亿 that in-2");
  collab_test_assert_message_contains (finding, "180 days later, on 2021-07-10, and 922337203.6854775807亿 of it "
                                                "still is on 2021-12-31");

  /* No account is overdrawn: what went out came in. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = check (dataset, "fund.overdraw", "2021-12-31");
  collab_test_assert_no_findings (findings);
}

/* An account passes on 3 × MAX of the MAX it received: it is overdrawn,
 * and since what it passed on does not fit an amount, the finding gives
 * what it received and says that libcollab cannot count the rest. The
 * hole of 2 × MAX is then filled first, exactly: of the 3 × MAX that
 * come in afterwards (q's twice, then p's), what it passes on next is
 * p's money and only p's. */
static void
test_overdraw (void)
{
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset (TX ("in", "transfer", FROM ("acc-js"), TO ("acc-sn"), MOST, "2021-01-10",
                                   ", \"program\": \"p\"") ","
                               TX ("out-1", "transfer", FROM ("acc-sn"), TO ("acc-yanan"), MOST, "2021-03-01", "") ","
                               TX ("out-2", "transfer", FROM ("acc-sn"), TO ("acc-yanan"), MOST, "2021-03-01", "") ","
                               TX ("out-3", "transfer", FROM ("acc-sn"), TO ("acc-yanan"), MOST, "2021-03-01", "") ","
                               TX ("fill-1", "transfer", FROM ("acc-js"), TO ("acc-sn"), MOST, "2021-04-01",
                                   ", \"program\": \"q\"") ","
                               TX ("fill-2", "transfer", FROM ("acc-js"), TO ("acc-sn"), MOST, "2021-04-02",
                                   ", \"program\": \"q\"") ","
                               TX ("fresh", "transfer", FROM ("acc-js"), TO ("acc-sn"), MOST, "2021-04-03",
                                   ", \"program\": \"p\", \"budget_year\": 2022") ","
                               TX ("onward", "transfer", FROM ("acc-sn"), TO ("acc-haidong"), MOST, "2021-04-04", ""),
                               NULL);
  g_autoptr(GPtrArray) findings = check (dataset, "fund.overdraw", "2021-12-31");
  CollabFinding *finding = collab_test_assert_one_finding (findings);
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabTable) edges = NULL;
  guint onward = G_MAXUINT;

  g_assert_cmpstr (collab_finding_get_subject_string (finding, "account"), ==, "acc-sn");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "date"), ==, "2021-03-01");
  collab_test_assert_string_value (collab_finding_get_expected (finding), "92233720368547758.07");
  g_assert_null (collab_finding_get_actual (finding));
  collab_test_assert_message_contains (finding, "By the end of 2021-03-01 the account acc-sn");
  collab_test_assert_message_contains (finding, "had passed on more than it received");
  collab_test_assert_message_contains (finding, BEYOND);

  /* p's edges: each one transfer (fresh counts toward 2022). */
  edges = collab_dataset_trace_funds (dataset, "p", NULL, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < collab_table_get_n_rows (edges); r++)
    if (g_str_equal (collab_table_get_string (edges, r, collab_test_column (edges, "to")), "acc-haidong"))
      {
        g_assert_cmpuint (onward, ==, G_MAXUINT);
        onward = r;
      }
  g_assert_cmpuint (onward, !=, G_MAXUINT);
  g_assert_cmpint (collab_table_get_int (edges, onward, collab_test_column (edges, "amount")), ==, MOST_FEN);
  g_assert_cmpstr (collab_table_get_string (edges, onward, collab_test_column (edges, "program")), ==, "p");
}

/* A project that receives 2 × MAX and spends 3 × MAX: fund.overspend
 * cannot state what it received or spent, fund.not_in_reserve cannot say
 * how much it received, and both say so. */
static void
test_project (void)
{
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset (TX ("in-1", "transfer", FROM ("acc-js"), TO ("prj-road"), MOST, "2021-02-01", "") ","
                               TX ("in-2", "transfer", FROM ("acc-js"), TO ("prj-road"), MOST, "2021-02-02", "") ","
                               TX ("e-1", "expenditure", FROM ("prj-road"), "", MOST, "2021-03-01", "") ","
                               TX ("e-2", "expenditure", FROM ("prj-road"), "", MOST, "2021-03-01", "") ","
                               TX ("e-3", "expenditure", FROM ("prj-road"), "", MOST, "2021-03-01", ""),
                               NULL);
  g_autoptr(GPtrArray) overspent = check (dataset, "fund.overspend", "2021-12-31");
  g_autoptr(GPtrArray) reserve = check (dataset, "fund.not_in_reserve", "2021-12-31");
  CollabFinding *finding = collab_test_assert_one_finding (overspent);

  g_assert_null (collab_finding_get_expected (finding));
  assert_beyond (finding, "By the end of 2021-03-01 the project prj-road (道路) had spent more than had been "
                          "transferred to it");

  finding = collab_test_assert_one_finding (reserve);
  collab_test_assert_message_contains (finding, "The project prj-road (道路) received, in 2 transfers, " BEYOND);
}

/* Program p's money in movements adds up past int64: fund.untraced lists
 * the movements that name no parent, and says it cannot give the share. */
static void
test_untraced (void)
{
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset (TX ("in", "transfer", FROM ("acc-js"), TO ("acc-sn"), MOST, "2021-01-10",
                                   ", \"program\": \"p\"") ","
                               TX ("m-1", "transfer", FROM ("acc-sn"), TO ("acc-yanan"), MOST, "2021-02-01",
                                   ", \"program\": \"p\""),
                               NULL);
  g_autoptr(GPtrArray) findings = check (dataset, "fund.untraced", "2021-12-31");
  CollabFinding *finding = collab_test_assert_one_finding (findings);

  g_assert_null (collab_finding_get_expected (finding));
  g_assert_null (collab_finding_get_actual (finding));
  collab_test_assert_message_contains (finding, "Program p's money in transfers and expenditures adds up to " BEYOND);
  collab_test_assert_message_contains (finding, "1 movement names no parent (m-1)");
  collab_test_assert_json (collab_finding_get_remedy (finding), "{\"name_parent\":[\"m-1\"]}");
}

/* Allocations of MAX and one fen to Yan'an in 2022: fund.floor cannot
 * compare 2022 with the base, fund.plan_total the period with the plan
 * total — while the period still runs, since any such sum is above it —
 * and both say so with the program, the city and the years; 2021 is
 * judged as ever. */
static void
test_allocations (void)
{
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset (TX ("a-1", "allocation", "", TO ("acc-yanan"), MOST, "2022-04-01",
                                   ", \"program\": \"p\"") ","
                               TX ("a-2", "allocation", "", TO ("acc-yanan"), "\"0.01\"", "2022-04-02",
                                   ", \"program\": \"p\""),
                               NULL);
  g_autoptr(GPtrArray) floor = check (dataset, "fund.floor", "2022-12-31");
  g_autoptr(GPtrArray) plan = check (dataset, "fund.plan_total", "2022-12-31");
  CollabFinding *finding;

  g_assert_cmpuint (floor->len, ==, 2);
  for (guint i = 0; i < floor->len; i++)
    {
      finding = g_ptr_array_index (floor, i);
      collab_test_assert_string_value (collab_finding_get_expected (finding), "19200000.00");
      if (collab_finding_get_subject_int (finding, "year") == 2021)
        collab_test_assert_string_value (collab_finding_get_actual (finding), "0.00");
      else
        assert_beyond (finding, "The allocations of program p to yanan (延安市) for 2022 add up to");
    }

  finding = collab_test_assert_one_finding (plan);
  collab_test_assert_subject_keys (finding, "program", "city", NULL);
  collab_test_assert_string_value (collab_finding_get_expected (finding), "96000000.00");
  assert_beyond (finding, "The allocations of program p to yanan (延安市) for 2021–2025 add up to");
}

/* --- the agreements --------------------------------------------------- */

/* wuxi-mini.json and agreements.json with two agreements of Yan'an for
 * 2024 of MAX each. */
static CollabDataset *
agreements_dataset (void)
{
  CollabDataset *dataset = collab_test_load_fixture ("wuxi-mini.json");

  collab_test_merge_fixture (dataset, "agreements.json");
  collab_test_merge_members (dataset,
    "\"agreements\": ["
    " {\"id\": \"ag-2024-a\", \"program\": \"zh\", \"year\": 2024, \"city\": \"yanan\", \"funds\": " MOST "},"
    " {\"id\": \"ag-2024-b\", \"program\": \"zh\", \"year\": 2024, \"city\": \"yanan\", \"funds\": " MOST "}]");
  return dataset;
}

/* The agreements of 2024 of Yan'an, as fund.agreement finds them. */
static GPtrArray *
check_2024 (CollabDataset *dataset)
{
  g_autoptr(GPtrArray) findings = check (dataset, "fund.agreement", "2024-12-31");
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < findings->len; i++)
    if (collab_finding_get_subject_int (g_ptr_array_index (findings, i), "year") == 2024)
      g_ptr_array_add (found, g_object_ref (g_ptr_array_index (findings, i)));
  g_assert_cmpuint (found->len, ==, 2);
  return found;
}

/* Agreed funds of MAX: fund.agreement asks for all of MAX but 1, exactly;
 * the scorecard cannot add the two up and says so. Allocations of MAX and
 * a fen: fund.agreement cannot count them, for each agreement, and the
 * scorecard fails on the first column that adds them, Allocated. */
static void
test_agreements (void)
{
  g_autoptr(CollabDataset) dataset = agreements_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CollabTable) card = NULL;
  g_autoptr(GError) error = NULL;

  collab_test_merge_members (dataset, "\"transactions\": ["
    TX ("one", "allocation", FROM ("acc-js"), TO ("acc-yanan"), "\"0.01\"", "2024-03-01", ", \"program\": \"zh\"") "]");
  findings = check_2024 (dataset);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      collab_test_assert_string_value (collab_finding_get_actual (finding), "0.01");
      collab_test_assert_json (collab_finding_get_remedy (finding), "{\"allocate\":\"92233720368547758.06\"}");
    }
  card = collab_dataset_get_scorecard (dataset, NULL, "zh", COLLAB_TEST_YEARS (2024), &error);
  g_assert_null (card);
  assert_overflow (error, "The column “Agreed funds (yuan)” of program zh in 2024");
  g_clear_error (&error);
  g_clear_pointer (&findings, g_ptr_array_unref);

  collab_test_merge_members (dataset, "\"transactions\": ["
    TX ("most", "allocation", FROM ("acc-js"), TO ("acc-yanan"), MOST, "2024-03-02", ", \"program\": \"zh\"") "]");
  findings = check_2024 (dataset);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      collab_test_assert_string_value (collab_finding_get_expected (finding), "92233720368547758.07");
      assert_beyond (finding, "The allocations of program zh to yanan (延安市) for 2024 add up to");
    }
  collab_test_remove_record (dataset, COLLAB_RECORD_KIND_AGREEMENT, "ag-2024-b");
  card = collab_dataset_get_scorecard (dataset, NULL, "zh", COLLAB_TEST_YEARS (2024), &error);
  g_assert_null (card);
  assert_overflow (error, "The column “Allocated (yuan)” of program zh in 2024");
}

/* --- the scorecard, the totals and the trace -------------------------- */

/* scorecard-program.json with two purchases of MAX in 2021 for
 * wuxi-yanan: the consumption of 2021 (and of the period) does not fit;
 * 2020 does, to the fen. */
static void
test_consumption (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_fixture ("wuxi-mini.json");
  g_autoptr(CollabTable) card = NULL;
  g_autoptr(GError) error = NULL;

  collab_test_merge_fixture (dataset, "scorecard-program.json");
  collab_test_merge_members (dataset,
    "\"purchases\": ["
    " {\"id\": \"big-1\", \"origin\": \"yanan\", \"product\": \"苹果\", \"channel\": \"canteen\", \"amount\": " MOST ","
    "  \"date\": \"2021-05-01\", \"program\": \"wuxi-yanan\"},"
    " {\"id\": \"big-2\", \"origin\": \"yanan\", \"product\": \"苹果\", \"channel\": \"canteen\", \"amount\": \"0.01\","
    "  \"date\": \"2021-05-02\", \"program\": \"wuxi-yanan\"}]");

  card = collab_dataset_get_scorecard (dataset, NULL, "wuxi-yanan", NULL, &error);
  g_assert_null (card);
  assert_overflow (error, "The column “Consumption (yuan)” of program wuxi-yanan in 2021");
  g_clear_error (&error);

  card = collab_dataset_get_scorecard_for_period (dataset, NULL, "wuxi-yanan", &(CollabYearRange) { 2020, 2022 },
                                                  &error);
  g_assert_null (card);
  assert_overflow (error, "of program wuxi-yanan in 2020–2022");
  g_clear_error (&error);

  card = collab_dataset_get_scorecard (dataset, NULL, "wuxi-yanan", COLLAB_TEST_YEARS (2020), &error);
  g_assert_no_error (error);
  g_assert_cmpint (collab_test_cell (card, 0, "consumption"), ==, 100000);
}

/* Counts of people and positions at INT32_MAX add up exactly in the
 * scorecard: three offers, three trainings and three purchases at the
 * most a count holds, in one year and over the period. */
static void
test_counts (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_fixture ("wuxi-mini.json");
  g_autoptr(CollabTable) card = NULL;
  g_autoptr(CollabTable) period = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) members = g_string_new (
    "\"organizations\": [{\"id\": \"e1\", \"name\": \"无锡物流公司\", \"kind\": \"enterprise\", \"region\": \"wuxi\"}],"
    "\"programs\": [{\"id\": \"prog\", \"name\": \"Wuxi–Yan'an\", \"kind\": \"east_west\", \"first_year\": 2021,"
    " \"last_year\": 2025, \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"], \"ruleset\": \"east-west-2021\"}]");
  const gint64 three = 3 * (gint64) G_MAXINT32;

  for (int i = 0; i < 3; i++)
    g_string_append_printf (members,
                            "%s{\"id\": \"o%d\", \"employer\": \"e1\", \"job_type\": \"logistics\", "
                            "\"positions\": 2147483647, \"open\": {\"first\": \"2021-0%d-01\", "
                            "\"last\": \"2021-12-31\"}, \"program\": \"prog\"}%s",
                            i == 0 ? ", \"job_offers\": [" : ", ", i, i + 1, i == 2 ? "]" : "");
  for (int i = 0; i < 3; i++)
    g_string_append_printf (members,
                            "%s{\"program\": \"prog\", \"year\": 2021, \"area\": \"labour\", "
                            "\"person_times\": 2147483647, \"classes\": 2147483647}%s",
                            i == 0 ? ", \"trainings\": [" : ", ", i == 2 ? "]" : "");
  for (int i = 0; i < 3; i++)
    g_string_append_printf (members,
                            "%s{\"id\": \"pu%d\", \"origin\": \"yanan\", \"product\": \"苹果\", \"channel\": \"canteen\", "
                            "\"amount\": \"1.00\", \"date\": \"2021-06-0%d\", \"beneficiaries\": 2147483647, "
                            "\"program\": \"prog\"}%s",
                            i == 0 ? ", \"purchases\": [" : ", ", i, i + 1, i == 2 ? "]" : "");
  collab_test_merge_members (dataset, members->str);

  card = collab_dataset_get_scorecard (dataset, NULL, "prog", COLLAB_TEST_YEARS (2021), &error);
  g_assert_no_error (error);
  period = collab_dataset_get_scorecard_for_period (dataset, NULL, "prog", NULL, &error);
  g_assert_no_error (error);
  for (guint t = 0; t < 2; t++)
    {
      CollabTable *table = t == 0 ? card : period;

      g_assert_cmpint (collab_test_cell (table, 0, "jobs_offered"), ==, three);
      g_assert_cmpint (collab_test_cell (table, 0, "labour_training_classes"), ==, three);
      g_assert_cmpint (collab_test_cell (table, 0, "labour_training_person_times"), ==, three);
      g_assert_cmpint (collab_test_cell (table, 0, "consumption_beneficiaries"), ==, three);
      g_assert_cmpint (collab_test_cell (table, 0, "consumption"), ==, 300);
    }
}

/* The fund totals of a boundary and the trace of its edges: each sum that
 * does not fit is an error naming it; a sum of exactly MAX is MAX. */
static void
test_totals_and_trace (void)
{
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset (TX ("a-1", "allocation", "", TO ("acc-yanan"), MOST, "2021-04-01", "") ","
                               TX ("t-1", "transfer", FROM ("acc-js"), TO ("acc-sn"), MOST, "2021-04-01",
                                   ", \"program\": \"p\""),
                               NULL);
  g_autoptr(CollabFundTotals) totals = NULL;
  g_autoptr(CollabTable) edges = NULL;
  g_autoptr(GError) error = NULL;

  totals = collab_dataset_get_fund_totals (dataset, "yanan", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (totals->allocated, ==, MOST_FEN);
  edges = collab_dataset_trace_funds (dataset, "p", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (collab_table_get_int (edges, 0, collab_test_column (edges, "amount")), ==, MOST_FEN);
  g_clear_pointer (&totals, collab_fund_totals_free);
  g_clear_object (&edges);

  collab_test_merge_members (dataset,
    "\"transactions\": ["
    TX ("a-2", "allocation", "", TO ("acc-yanan"), "\"0.01\"", "2021-04-02", "") ","
    TX ("t-2", "transfer", FROM ("acc-js"), TO ("acc-sn"), "\"0.01\"", "2021-04-02", ", \"program\": \"p\"") "]");
  totals = collab_dataset_get_fund_totals (dataset, "yanan", NULL, &error);
  g_assert_null (totals);
  assert_overflow (error, "The money of yanan in 2021");
  g_clear_error (&error);
  edges = collab_dataset_trace_funds (dataset, "p", NULL, &error);
  g_assert_null (edges);
  assert_overflow (error, "The money from acc-js to acc-sn in 2021");
}

/* --- the reproducers of 0.1 ------------------------------------------- */

/* ledger-overflow.json: every county and city account passes on two or
 * more transfers of MAX out of one. 0.1 wrapped round (UBSan) and found
 * "0.02元 … still there"; now each is overdrawn, with what it received and
 * the words that it cannot be counted, nothing is idle, the scorecard
 * fails on the first column past int64, and the trace (each edge one
 * transfer) is exact. */
static void
test_ledger_overflow (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_fixture ("ledger-overflow.json");
  g_autoptr(GPtrArray) overdrawn = check (dataset, "fund.overdraw", "2021-12-31");
  g_autoptr(GPtrArray) idle = check (dataset, "fund.idle", "2030-12-31");
  g_autoptr(GPtrArray) untraced = check (dataset, "fund.untraced", "2021-12-31");
  g_autoptr(CollabTable) card = NULL;
  g_autoptr(CollabTable) edges = NULL;
  g_autoptr(GError) error = NULL;
  CollabFinding *finding;

  g_assert_cmpuint (overdrawn->len, ==, 11);
  for (guint i = 0; i < overdrawn->len; i++)
    {
      finding = g_ptr_array_index (overdrawn, i);
      collab_test_assert_string_value (collab_finding_get_expected (finding), "92233720368547758.07");
      assert_beyond (finding, "had passed on more than it received");
    }
  finding = finding_with (overdrawn, "account", "acc-yanan");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "date"), ==, "2021-05-25");
  collab_test_assert_no_findings (idle);
  collab_test_assert_no_findings (untraced);

  card = collab_dataset_get_scorecard (dataset, NULL, NULL, NULL, &error);
  g_assert_null (card);
  assert_overflow (error, "The column “Transferred (yuan)” of program wuxi-2021 in 2021");
  g_clear_error (&error);

  edges = collab_dataset_trace_funds (dataset, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (collab_table_get_n_rows (edges), ==, 37);
  for (guint r = 0; r < collab_table_get_n_rows (edges); r++)
    g_assert_cmpint (collab_table_get_int (edges, r, collab_test_column (edges, "amount")), ==, MOST_FEN);
}

/* funds-saturation.json: 1000 allocations of MAX to Yan'an in 2021. 0.1
 * saturated at 922337203.6854775807亿 with no word; now the rules say they
 * cannot count them, and the scorecard and the totals fail naming them. */
static void
test_funds_saturation (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_fixture ("funds-saturation.json");
  g_autoptr(GPtrArray) floor = check (dataset, "fund.floor", "2021-12-31");
  g_autoptr(GPtrArray) plan = check (dataset, "fund.plan_total", "2025-12-31");
  g_autoptr(CollabFundTotals) totals = NULL;
  g_autoptr(CollabTable) card = NULL;
  g_autoptr(GError) error = NULL;
  CollabFinding *finding;

  finding = finding_with (floor, "city", "yanan");
  assert_beyond (finding, "The allocations of program wuxi-2021 to yanan (延安市) for 2021 add up to");
  finding = finding_with (plan, "city", "yanan");
  assert_beyond (finding, "The allocations of program wuxi-2021 to yanan (延安市) for 2021–2025 add up to");
  /* Haidong's allocations fit, and are judged as ever, once the period
   * is over. */
  finding = finding_with (plan, "city", "haidong");
  collab_test_assert_string_value (collab_finding_get_actual (finding), "270000000.00");

  card = collab_dataset_get_scorecard (dataset, NULL, NULL, NULL, &error);
  g_assert_null (card);
  assert_overflow (error, "The column “Allocated (yuan)” of program wuxi-2021 in 2021");
  g_clear_error (&error);
  totals = collab_dataset_get_fund_totals (dataset, "yanan", NULL, &error);
  g_assert_null (totals);
  assert_overflow (error, "The money of yanan in 2021");
}

/* `collab` on both (SPEC §10): check finds violations (1), report cannot
 * count (2), trace is exact (0). Under UBSan with halt_on_error, an
 * overflow would change each status. */
static void
test_cli (void)
{
  static const struct {
    const char *args;
    const char *file;
    int         status;
  } runs[] = {
    { "check FILE --as-of 2021-12-31", "ledger-overflow.json", 1 },
    { "report FILE", "ledger-overflow.json", 2 },
    { "trace FILE", "ledger-overflow.json", 0 },
    { "check FILE --as-of 2021-12-31", "funds-saturation.json", 1 },
    { "report FILE --format json", "funds-saturation.json", 2 },
    { "trace FILE --program wuxi-2021", "funds-saturation.json", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *path = collab_test_fixture_path (runs[i].file);
      g_autofree char *out = NULL;
      int status = collab_test_run_cli (runs[i].args, "FILE", path, &out);

      if (status != runs[i].status)
        g_error ("collab %s on %s: exit status %d, %d expected", runs[i].args, runs[i].file, status, runs[i].status);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/money-limits/sums", test_sums);
  g_test_add_func ("/collab/money-limits/load", test_load);
  g_test_add_func ("/collab/money-limits/ledger/idle", test_idle);
  g_test_add_func ("/collab/money-limits/ledger/overdraw", test_overdraw);
  g_test_add_func ("/collab/money-limits/ledger/project", test_project);
  g_test_add_func ("/collab/money-limits/ledger/untraced", test_untraced);
  g_test_add_func ("/collab/money-limits/allocations", test_allocations);
  g_test_add_func ("/collab/money-limits/agreements", test_agreements);
  g_test_add_func ("/collab/money-limits/scorecard/consumption", test_consumption);
  g_test_add_func ("/collab/money-limits/scorecard/counts", test_counts);
  g_test_add_func ("/collab/money-limits/totals-and-trace", test_totals_and_trace);
  g_test_add_func ("/collab/money-limits/reproducers/ledger-overflow", test_ledger_overflow);
  g_test_add_func ("/collab/money-limits/reproducers/funds-saturation", test_funds_saturation);
  g_test_add_func ("/collab/money-limits/cli", test_cli);

  return g_test_run ();
}
