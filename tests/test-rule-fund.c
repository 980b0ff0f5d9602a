/* test-rule-fund.c: the fund rules (rules/fund/, SPEC §5 "Funds")
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each rule on the chain of tests/data/funds.json — 江苏省财政厅 (source)
 * → Shaanxi → Yan'an → Yanchuan county → a project — with transactions
 * of its own: a case that triggers it and one that just does not. Only
 * the findings of the rule under test are looked at, so that rules added
 * later do not change what these tests see. Every check runs as of a
 * fixed day. (How the money is replayed is test-ledger.c's; what the
 * reader refuses of funds, test-json-reader.c's.)
 */

#include <string.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

static GPtrArray *
check (CollabDataset *dataset,
       const char    *rule)
{
  return collab_test_check_as_of (dataset, rule, "2021-12-31");
}

/* fund.floor ------------------------------------------------------------ */

static void
test_floor_below (void)
{
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset ("{\"id\": \"a1\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"1919.99万\","
                               " \"date\": \"2021-04-15\", \"program\": \"p\"}",
                               NULL);
  g_autoptr(GPtrArray) findings = check (dataset, "fund.floor");
  CollabFinding *finding = collab_test_assert_one_finding (findings);
  g_autoptr(GVariant) remedy = NULL;

  collab_test_assert_subject_keys (finding, "program", "city", "year", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "program"), ==, "p");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "city"), ==, "yanan");
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2021);
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_VIOLATION);
  collab_test_assert_string_value (collab_finding_get_expected (finding), "19200000.00");
  collab_test_assert_string_value (collab_finding_get_actual (finding), "19199900.00");
  remedy = g_variant_lookup_value (collab_finding_get_remedy (finding), "allocate", NULL);
  collab_test_assert_string_value (remedy, "100.00");
  collab_test_assert_message_contains (finding, "allocate 100元 more for 2021");
}

static void
test_floor_at_base (void)
{
  /* Exactly the base, in two parts: one to the city's account dated in
   * December 2020 for budget year 2021, one to a county of the city. */
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset ("{\"id\": \"a1\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"1000万\","
                               " \"date\": \"2020-12-20\", \"budget_year\": 2021, \"program\": \"p\"},"
                               "{\"id\": \"a2\", \"type\": \"allocation\", \"to\": \"acc-yanchuan\", \"amount\": \"920万\","
                               " \"date\": \"2021-04-15\"}",
                               NULL);
  g_autoptr(GPtrArray) findings = check (dataset, "fund.floor");

  collab_test_assert_no_findings (findings);
}

static void
test_floor_not_counted (void)
{
  /* Another program's allocation, one to Haidong, a plan, and a city's
   * allocation onwards to its county do not count toward Yan'an's base. */
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset ("{\"id\": \"a1\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"1000万\","
                               " \"date\": \"2021-03-01\", \"program\": \"p\"},"
                               "{\"id\": \"a2\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"920万\","
                               " \"date\": \"2021-03-01\", \"program\": \"other\"},"
                               "{\"id\": \"a3\", \"type\": \"allocation\", \"to\": \"acc-haidong\", \"amount\": \"920万\","
                               " \"date\": \"2021-03-01\", \"program\": \"p\"},"
                               "{\"id\": \"a4\", \"type\": \"plan\", \"to\": \"acc-yanan\", \"amount\": \"920万\","
                               " \"date\": \"2021-03-01\", \"program\": \"p\"},"
                               "{\"id\": \"a5\", \"type\": \"allocation\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\","
                               " \"amount\": \"920万\", \"date\": \"2021-03-05\", \"program\": \"p\"},"
                               "{\"id\": \"a6\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"920万\","
                               " \"date\": \"2021-03-01\", \"budget_year\": 2022, \"program\": \"p\"}",
                               NULL);
  g_autoptr(GPtrArray) findings = check (dataset, "fund.floor");
  CollabFinding *finding = collab_test_assert_one_finding (findings);

  collab_test_assert_string_value (collab_finding_get_actual (finding), "10000000.00");
}

static void
test_floor_years_judged (void)
{
  /* As of mid-2023, 2021–2023 are judged and 2024–2025 not yet. */
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset ("{\"id\": \"a1\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"1920万\","
                               " \"date\": \"2021-04-15\", \"program\": \"p\"}",
                               NULL);
  g_autoptr(GPtrArray) findings = collab_test_check_as_of (dataset, "fund.floor", "2023-06-30");

  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpint (collab_finding_get_subject_int (g_ptr_array_index (findings, 0), "year"), ==, 2022);
  g_assert_cmpint (collab_finding_get_subject_int (g_ptr_array_index (findings, 1), "year"), ==, 2023);
}

/* fund.plan_total ------------------------------------------------------- */

static GString *
yearly_allocations (int first_year,
                    int last_year,
                    const char *amount)
{
  GString *text = g_string_new (NULL);

  for (int year = first_year; year <= last_year; year++)
    g_string_append_printf (text, "%s{\"id\": \"a%d\", \"type\": \"allocation\", \"to\": \"acc-yanan\","
                            " \"amount\": \"%s\", \"date\": \"%d-04-15\", \"program\": \"p\"}",
                            text->len > 0 ? "," : "", year, amount, year);
  return text;
}

static void
test_plan_total (void)
{
  g_autoptr(GString) five = yearly_allocations (2021, 2025, "1920万");
  g_autoptr(GString) four = yearly_allocations (2021, 2024, "1920万");
  g_autoptr(CollabDataset) exact = collab_test_funds_dataset (five->str, NULL);
  g_autoptr(CollabDataset) short_ = collab_test_funds_dataset (four->str, NULL);
  g_autoptr(GPtrArray) none = collab_test_check_as_of (exact, "fund.plan_total", "2026-01-01");
  g_autoptr(GPtrArray) running = collab_test_check_as_of (short_, "fund.plan_total", "2025-06-30");
  g_autoptr(GPtrArray) over = collab_test_check_as_of (short_, "fund.plan_total", "2025-12-31");
  CollabFinding *finding;

  collab_test_assert_no_findings (none);
  collab_test_assert_no_findings (running);  /* the period is still running */
  finding = collab_test_assert_one_finding (over);
  collab_test_assert_subject_keys (finding, "program", "city", NULL);
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_WARNING);
  collab_test_assert_string_value (collab_finding_get_expected (finding), "96000000.00");
  collab_test_assert_string_value (collab_finding_get_actual (finding), "76800000.00");
  collab_test_assert_message_contains (finding, "short by 1920万");
}

static void
test_plan_total_exceeded_early (void)
{
  g_autoptr(GString) big = yearly_allocations (2021, 2022, "5000万");
  g_autoptr(CollabDataset) dataset = collab_test_funds_dataset (big->str, NULL);
  g_autoptr(GPtrArray) findings = collab_test_check_as_of (dataset, "fund.plan_total", "2022-12-31");
  CollabFinding *finding = collab_test_assert_one_finding (findings);

  collab_test_assert_message_contains (finding, "over by 400万");
}

/* fund.overdraw --------------------------------------------------------- */

/* funds-overdrawn.json: 1000万 into Shaanxi, 600万, 600万 and 100万 out. */
static void
test_overdraw (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-overdrawn.json");
  g_autoptr(GPtrArray) findings = check (dataset, "fund.overdraw");
  CollabFinding *finding = collab_test_assert_one_finding (findings);

  collab_test_assert_subject_keys (finding, "account", "date", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "account"), ==, "acc-sn");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "date"), ==, "2021-05-12");
  collab_test_assert_string_value (collab_finding_get_expected (finding), "10000000.00");
  collab_test_assert_string_value (collab_finding_get_actual (finding), "12000000.00");
  collab_test_assert_message_contains (finding, "200万 left it that never came in");
}

static void
test_overdraw_same_day (void)
{
  /* Money in and out on one day: in counts first, whatever the order of
   * the records (funds-same-day.json lists the chain backwards); the
   * source pays what it never received. */
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-same-day.json");
  g_autoptr(GPtrArray) findings = check (dataset, "fund.overdraw");

  collab_test_assert_no_findings (findings);
}

static void
test_overdraw_intent_is_not_money (void)
{
  /* An allocation announces money; it does not pay for a transfer. */
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset ("{\"id\": \"a1\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"1920万\","
                               " \"date\": \"2021-04-15\", \"program\": \"p\"},"
                               "{\"id\": \"t1\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\","
                               " \"amount\": \"1万\", \"date\": \"2021-05-10\"}",
                               NULL);
  g_autoptr(GPtrArray) findings = check (dataset, "fund.overdraw");
  CollabFinding *finding = collab_test_assert_one_finding (findings);

  g_assert_cmpstr (collab_finding_get_subject_string (finding, "account"), ==, "acc-yanan");
  collab_test_assert_string_value (collab_finding_get_expected (finding), "0.00");
}

/* fund.overspend -------------------------------------------------------- */

static const char to_project[] =
  "{\"id\": \"t1\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanchuan\", \"amount\": \"300万\","
  " \"date\": \"2021-06-01\", \"program\": \"p\"},"
  "{\"id\": \"t2\", \"type\": \"transfer\", \"from\": \"acc-yanchuan\", \"to\": \"prj-apple\", \"amount\": \"300万\","
  " \"date\": \"2021-06-01\", \"parent\": \"t1\"}";

static void
test_overspend (void)
{
  g_autofree char *spent_all =
    g_strconcat (to_project, ","
                 "{\"id\": \"e1\", \"type\": \"expenditure\", \"from\": \"prj-apple\", \"amount\": \"120万\","
                 " \"date\": \"2021-09-01\", \"use\": \"seedlings\", \"parent\": \"t2\"},"
                 "{\"id\": \"e2\", \"type\": \"expenditure\", \"from\": \"prj-apple\", \"amount\": \"180万\","
                 " \"date\": \"2021-10-01\", \"use\": \"seedlings\", \"parent\": \"t2\"}",
                 NULL);
  g_autofree char *spent_more =
    g_strconcat (spent_all, ","
                 "{\"id\": \"e3\", \"type\": \"expenditure\", \"from\": \"prj-apple\", \"amount\": \"0.01\","
                 " \"date\": \"2021-10-02\", \"use\": \"seedlings\"}",
                 NULL);
  g_autoptr(CollabDataset) fine = collab_test_funds_dataset (spent_all, NULL);
  g_autoptr(CollabDataset) over = collab_test_funds_dataset (spent_more, NULL);
  g_autoptr(GPtrArray) none = check (fine, "fund.overspend");
  g_autoptr(GPtrArray) findings = check (over, "fund.overspend");
  CollabFinding *finding;

  collab_test_assert_no_findings (none);
  finding = collab_test_assert_one_finding (findings);
  collab_test_assert_subject_keys (finding, "project", NULL);
  collab_test_assert_string_value (collab_finding_get_expected (finding), "3000000.00");
  collab_test_assert_string_value (collab_finding_get_actual (finding), "3000000.01");
  collab_test_assert_message_contains (finding, "2021-10-02");
}

/* fund.unfiled ---------------------------------------------------------- */

static void
test_unfiled (void)
{
  /* prj-apple was filed on 2021-06-01. */
  g_autoptr(CollabDataset) on_the_day = collab_test_funds_dataset (to_project, NULL);
  g_autoptr(CollabDataset) day_before =
    collab_test_funds_dataset ("{\"id\": \"t1\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanchuan\","
                               " \"amount\": \"300万\", \"date\": \"2021-05-31\"},"
                               "{\"id\": \"t2\", \"type\": \"transfer\", \"from\": \"acc-yanchuan\", \"to\": \"prj-apple\","
                               " \"amount\": \"100万\", \"date\": \"2021-05-31\"},"
                               "{\"id\": \"t3\", \"type\": \"transfer\", \"from\": \"acc-yanchuan\", \"to\": \"prj-apple\","
                               " \"amount\": \"100万\", \"date\": \"2021-06-01\"}",
                               NULL);
  g_autoptr(GPtrArray) none = check (on_the_day, "fund.unfiled");
  g_autoptr(GPtrArray) findings = check (day_before, "fund.unfiled");
  CollabFinding *finding;

  collab_test_assert_no_findings (none);
  finding = collab_test_assert_one_finding (findings);
  collab_test_assert_subject_keys (finding, "project", "transaction", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "project"), ==, "prj-apple");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "transaction"), ==, "t2");
  collab_test_assert_string_value (collab_finding_get_expected (finding), "2021-06-01");
  collab_test_assert_string_value (collab_finding_get_actual (finding), "2021-05-31");
}

static void
test_unfiled_never (void)
{
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset ("{\"id\": \"t1\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"prj-pear\","
                               " \"amount\": \"300万\", \"date\": \"2021-05-31\"}",
                               "{\"id\": \"prj-pear\", \"name\": \"梨\", \"county\": \"yanchuan\", \"category\": \"industry\","
                               " \"in_reserve\": true, \"status\": [{\"status\": \"implementing\", \"date\": \"2021-05-01\"}]}");
  g_autoptr(GPtrArray) findings = check (dataset, "fund.unfiled");
  CollabFinding *finding = collab_test_assert_one_finding (findings);
  g_autoptr(JsonNode) json = NULL;

  /* No filing date to expect: no value, JSON null. */
  g_assert_null (collab_finding_get_expected (finding));
  json = collab_finding_to_json (finding);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_node_get_object (json), "expected")));
  collab_test_assert_message_contains (finding, "never filed");
}

/* fund.prohibited_use --------------------------------------------------- */

static void
test_prohibited_use (void)
{
  g_autofree char *transactions =
    g_strconcat (to_project, ","
                 "{\"id\": \"e1\", \"type\": \"expenditure\", \"from\": \"prj-apple\", \"amount\": \"120万\","
                 " \"date\": \"2021-09-01\", \"use\": \"seedlings\"},"
                 "{\"id\": \"e2\", \"type\": \"expenditure\", \"from\": \"prj-apple\", \"amount\": \"80万\","
                 " \"date\": \"2021-09-02\", \"use\": \"office_premises\"}",
                 NULL);
  g_autoptr(CollabDataset) dataset = collab_test_funds_dataset (transactions, NULL);
  g_autoptr(GPtrArray) findings = check (dataset, "fund.prohibited_use");
  CollabFinding *finding = collab_test_assert_one_finding (findings);

  collab_test_assert_subject_keys (finding, "transaction", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "transaction"), ==, "e2");
  collab_test_assert_string_value (collab_finding_get_actual (finding), "office_premises");
}

static void
test_prohibited_use_ruleset (void)
{
  /* A derived rule set may prohibit another use, and allow the six. */
  g_autofree char *transactions =
    g_strconcat (to_project, ","
                 "{\"id\": \"e1\", \"type\": \"expenditure\", \"from\": \"prj-apple\", \"amount\": \"120万\","
                 " \"date\": \"2021-09-01\", \"use\": \"seedlings\"},"
                 "{\"id\": \"e2\", \"type\": \"expenditure\", \"from\": \"prj-apple\", \"amount\": \"80万\","
                 " \"date\": \"2021-09-02\", \"use\": \"office_premises\"}",
                 NULL);
  g_autoptr(CollabDataset) dataset = collab_test_funds_dataset (transactions, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRuleset) ruleset =
    collab_ruleset_new_from_data ("{\"format\": \"libcollab-ruleset\", \"version\": 1, \"id\": \"seedless\","
                                  " \"base\": \"east-west-2021\","
                                  " \"rules\": {\"fund.prohibited_use\": {\"uses\": [\"seedlings\"]}}}",
                                  -1, &error);
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(GPtrArray) all = NULL;
  guint n = 0;

  g_assert_no_error (error);
  collab_checker_set_ruleset (checker, ruleset);
  collab_checker_set_as_of (checker, collab_day_new (2021, 12, 31));
  all = collab_checker_run (checker, dataset, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (all, i);

      if (!g_str_equal (collab_finding_get_rule (finding), "fund.prohibited_use"))
        continue;
      g_assert_cmpstr (collab_finding_get_subject_string (finding, "transaction"), ==, "e1");
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

/* fund.not_in_reserve --------------------------------------------------- */

static void
test_not_in_reserve (void)
{
  static const char projects[] =
    "{\"id\": \"prj-new\", \"name\": \"新项目\", \"county\": \"yanchuan\", \"category\": \"labour\","
    " \"in_reserve\": false, \"status\": [{\"status\": \"filed\", \"date\": \"2021-01-01\"}]}"
    ",{\"id\": \"prj-idea\", \"name\": \"想法\", \"county\": \"yanchuan\", \"category\": \"labour\","
    " \"status\": [{\"status\": \"planned\", \"date\": \"2021-01-01\"}]}";
  g_autofree char *transactions =
    g_strconcat (to_project, ","
                 "{\"id\": \"t3\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"prj-new\","
                 " \"amount\": \"50万\", \"date\": \"2021-07-01\"}",
                 NULL);
  g_autoptr(CollabDataset) dataset = collab_test_funds_dataset (transactions, projects);
  g_autoptr(GPtrArray) findings = check (dataset, "fund.not_in_reserve");
  CollabFinding *finding = collab_test_assert_one_finding (findings);

  /* prj-apple is from the reserve; prj-idea is not, but has no money. */
  collab_test_assert_subject_keys (finding, "project", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "project"), ==, "prj-new");
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_WARNING);
}

/* fund.idle ------------------------------------------------------------- */

/* Three 100万 into Yan'an a month apart, first in first out: 150万 out on
 * day 180 of the first (which therefore just is not idle), 100万 later. */
static const char three_in[] =
  "{\"id\": \"i1\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\", \"amount\": \"100万\","
  " \"date\": \"2021-01-01\", \"program\": \"p\"},"
  "{\"id\": \"i2\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\", \"amount\": \"100万\","
  " \"date\": \"2021-02-01\", \"program\": \"p\"},"
  "{\"id\": \"i3\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\", \"amount\": \"100万\","
  " \"date\": \"2021-03-01\", \"program\": \"p\"},"
  "{\"id\": \"o1\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\", \"amount\": \"150万\","
  " \"date\": \"2021-06-30\"},"
  "{\"id\": \"o2\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\", \"amount\": \"100万\","
  " \"date\": \"2021-09-01\"}";

static void
test_idle_fifo (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_funds_dataset (three_in, NULL);
  g_autoptr(GPtrArray) findings = collab_test_check_as_of (dataset, "fund.idle", "2022-01-01");
  CollabFinding *i2, *i3;

  /* i1 left on its day 180; half of i2 and all of i3 stayed longer, and
   * the last 50万 of i3 is still there. Yanchuan's money arrived on
   * 2021-06-30 and 2021-09-01: not 180 days before the as-of day
   * 2022-01-01 for the second, but the first one is idle. */
  g_assert_cmpuint (findings->len, ==, 3);
  i2 = g_ptr_array_index (findings, 0);
  i3 = g_ptr_array_index (findings, 1);
  collab_test_assert_subject_keys (i2, "account", "transaction", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (i2, "account"), ==, "acc-yanan");
  g_assert_cmpstr (collab_finding_get_subject_string (i2, "transaction"), ==, "i2");
  collab_test_assert_string_value (collab_finding_get_actual (i2), "500000.00");
  collab_test_assert_message_contains (i2, "2021-07-31");
  g_assert_cmpstr (collab_finding_get_subject_string (i3, "transaction"), ==, "i3");
  collab_test_assert_string_value (collab_finding_get_actual (i3), "1000000.00");
  collab_test_assert_message_contains (i3, "50万 of it still is on 2022-01-01");
  g_assert_cmpstr (collab_finding_get_subject_string (g_ptr_array_index (findings, 2), "account"), ==,
                   "acc-yanchuan");
}

static void
test_idle_as_of (void)
{
  /* As of 2021-08-27 only i2 has been held 180 days; i3's day 180 is
   * 2021-08-28. */
  g_autoptr(CollabDataset) dataset = collab_test_funds_dataset (three_in, NULL);
  g_autoptr(GPtrArray) before = collab_test_check_as_of (dataset, "fund.idle", "2021-08-27");
  g_autoptr(GPtrArray) on = collab_test_check_as_of (dataset, "fund.idle", "2021-08-28");
  CollabFinding *finding = collab_test_assert_one_finding (before);

  g_assert_cmpstr (collab_finding_get_subject_string (finding, "transaction"), ==, "i2");
  g_assert_cmpuint (on->len, ==, 2);
}

static void
test_idle_days (void)
{
  /* Out on day 181 is idle; a rule set asking for 181 days lets it be. */
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset ("{\"id\": \"i1\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\","
                               " \"amount\": \"100万\", \"date\": \"2021-01-01\"},"
                               "{\"id\": \"o1\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"prj-apple\","
                               " \"amount\": \"100万\", \"date\": \"2021-07-01\"}",
                               NULL);
  g_autoptr(GPtrArray) findings = check (dataset, "fund.idle");
  g_autoptr(CollabRuleset) ruleset = collab_ruleset_new_builtin ("east-west-2021", NULL);
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(GPtrArray) all = NULL;
  CollabFinding *finding = collab_test_assert_one_finding (findings);

  collab_test_assert_string_value (collab_finding_get_actual (finding), "1000000.00");
  collab_test_assert_message_contains (finding, "before it was passed on");

  collab_ruleset_set_int (ruleset, "fund.idle", "days", 181);
  collab_checker_set_ruleset (checker, ruleset);
  collab_checker_set_as_of (checker, collab_day_new (2021, 12, 31));
  all = collab_checker_run (checker, dataset, NULL);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (collab_finding_get_rule (g_ptr_array_index (all, i)), !=, "fund.idle");
}

/* fund.untraced --------------------------------------------------------- */

static void
test_untraced (void)
{
  g_autofree char *traced =
    g_strconcat (to_project, ","
                 "{\"id\": \"e1\", \"type\": \"expenditure\", \"from\": \"prj-apple\", \"amount\": \"100万\","
                 " \"date\": \"2021-09-01\", \"use\": \"seedlings\", \"parent\": \"t2\"}",
                 NULL);
  g_autofree char *broken =
    g_strconcat (to_project, ","
                 "{\"id\": \"e1\", \"type\": \"expenditure\", \"from\": \"prj-apple\", \"amount\": \"100万\","
                 " \"date\": \"2021-09-01\", \"use\": \"seedlings\"}",
                 NULL);
  g_autoptr(CollabDataset) whole = collab_test_funds_dataset (traced, NULL);
  g_autoptr(CollabDataset) part = collab_test_funds_dataset (broken, NULL);
  g_autoptr(GPtrArray) none = check (whole, "fund.untraced");
  g_autoptr(GPtrArray) findings = check (part, "fund.untraced");
  CollabFinding *finding;
  g_autoptr(GVariant) ids = NULL;
  const char *first;

  collab_test_assert_no_findings (none);
  finding = collab_test_assert_one_finding (findings);
  collab_test_assert_subject_keys (finding, "program", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "program"), ==, "p");
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_INFO);
  /* 300万 + 300万 traced of 700万: the expenditure is the program's by
   * first in, first out through the project. */
  collab_test_assert_string_value (collab_finding_get_expected (finding), "7000000.00");
  collab_test_assert_string_value (collab_finding_get_actual (finding), "6000000.00");
  collab_test_assert_message_contains (finding, "85.7%");
  ids = g_variant_lookup_value (collab_finding_get_remedy (finding), "name_parent", G_VARIANT_TYPE_STRING_ARRAY);
  g_assert_nonnull (ids);
  g_assert_cmpuint (g_variant_n_children (ids), ==, 1);
  g_variant_get_child (ids, 0, "&s", &first);
  g_assert_cmpstr (first, ==, "e1");
}

/* The 2021 example ------------------------------------------------------ */

static void
test_example_2021 (void)
{
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *path = collab_test_example_path ("wuxi-funds-2021.json");

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  dataset = collab_test_load_example ("wuxi-funds-2021.json");

  /* The whole chain of 2021 passes every fund rule as of the end of the
   * year: 1920万 and 27000万 allocated, transferred down the chain and
   * into filed reserve projects, nothing idle, nothing prohibited. */
  findings = collab_test_check_as_of (dataset, "fund.", "2021-12-31");
  collab_test_assert_no_findings (findings);
}

/* Allocations that add up past a gint64 of fen are a finding that says
 * so, never a sum wrapped round or held at the limit (tests/test-money-
 * limits.c has the rest). */
static void
test_floor_overflow (void)
{
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset ("{\"id\": \"a1\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"92233720368547758.07\","
                               " \"date\": \"2021-04-15\", \"program\": \"p\"},"
                               "{\"id\": \"a2\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"0.01\","
                               " \"date\": \"2021-04-15\", \"program\": \"p\"}",
                               NULL);
  g_autoptr(GPtrArray) findings = check (dataset, "fund.floor");
  CollabFinding *finding = collab_test_assert_one_finding (findings);

  g_assert_cmpstr (collab_finding_get_subject_string (finding, "city"), ==, "yanan");
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2021);
  g_assert_null (collab_finding_get_actual (finding));
  g_assert_null (collab_finding_get_remedy (finding));
  collab_test_assert_message_contains (finding, "The allocations of program p to yanan");
  collab_test_assert_message_contains (finding, "for 2021 add up to more than libcollab can count");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/rules/fund/floor/below", test_floor_below);
  g_test_add_func ("/collab/rules/fund/floor/at-base", test_floor_at_base);
  g_test_add_func ("/collab/rules/fund/floor/not-counted", test_floor_not_counted);
  g_test_add_func ("/collab/rules/fund/floor/years-judged", test_floor_years_judged);
  g_test_add_func ("/collab/rules/fund/floor/overflow", test_floor_overflow);
  g_test_add_func ("/collab/rules/fund/plan-total/period", test_plan_total);
  g_test_add_func ("/collab/rules/fund/plan-total/exceeded-early", test_plan_total_exceeded_early);
  g_test_add_func ("/collab/rules/fund/overdraw/deficit", test_overdraw);
  g_test_add_func ("/collab/rules/fund/overdraw/same-day", test_overdraw_same_day);
  g_test_add_func ("/collab/rules/fund/overdraw/intent-is-not-money", test_overdraw_intent_is_not_money);
  g_test_add_func ("/collab/rules/fund/overspend", test_overspend);
  g_test_add_func ("/collab/rules/fund/unfiled/filing-day", test_unfiled);
  g_test_add_func ("/collab/rules/fund/unfiled/never", test_unfiled_never);
  g_test_add_func ("/collab/rules/fund/prohibited-use/default", test_prohibited_use);
  g_test_add_func ("/collab/rules/fund/prohibited-use/ruleset", test_prohibited_use_ruleset);
  g_test_add_func ("/collab/rules/fund/not-in-reserve", test_not_in_reserve);
  g_test_add_func ("/collab/rules/fund/idle/fifo", test_idle_fifo);
  g_test_add_func ("/collab/rules/fund/idle/as-of", test_idle_as_of);
  g_test_add_func ("/collab/rules/fund/idle/days", test_idle_days);
  g_test_add_func ("/collab/rules/fund/untraced", test_untraced);
  g_test_add_func ("/collab/rules/fund/example-2021", test_example_2021);

  return g_test_run ();
}
