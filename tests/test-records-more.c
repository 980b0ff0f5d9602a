/* test-records-more.c: the records of the rest of the program (SPEC §11.1) in the dataset document
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Purchases, investments, donations, plan tasks, task reports, key
 * initiatives and annual agreements, and the tasks an event serves: the
 * canonical document tests/data/more-sheets.json loads and saves to the
 * same bytes, and each way such a record can be wrong is a load error
 * that names the JSON path, the line and the column (a dangling
 * reference only its path: references are resolved once the whole
 * document is read) and leaves the dataset as it was.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

#define FIXTURE "more-sheets.json"

/* Two cities, an enterprise of the east, a counterpart program and its
 * task t1; each case adds one member after it (a line of its own, so
 * that the line of every error is 6). */
#define BASE \
  "{\"format\": \"libcollab-dataset\", \"version\": 1,\n" \
  " \"regions\": [{\"id\": \"wuxi\", \"name\": \"无锡市\", \"level\": \"city\", \"side\": \"east\"}, " \
  "{\"id\": \"yanan\", \"name\": \"延安市\", \"level\": \"city\", \"side\": \"west\"}],\n" \
  " \"organizations\": [{\"id\": \"o\", \"name\": \"O\", \"kind\": \"enterprise\", \"region\": \"wuxi\"}],\n" \
  " \"programs\": [{\"id\": \"cp\", \"name\": \"P\", \"kind\": \"counterpart\", \"first_year\": 2022, " \
  "\"last_year\": 2026, \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"]}],\n" \
  " \"tasks\": [{\"id\": \"t1\", \"program\": \"cp\", \"number\": 1, \"area\": \"industry\", \"title\": \"T\", " \
  "\"responsible\": [\"o\"]}],\n "

static const struct
{
  const char       *path;     /* the GTest path under /collab/records-more/error/ */
  CollabDatasetError code;
  const char       *members;  /* the member after BASE */
  const char       *message;  /* the whole message after "FILE: " */
} errors[] = {
  /* Negative amounts and counts. */
  { "purchase-amount", COLLAB_DATASET_ERROR_INVALID_VALUE,
    "\"purchases\": [{\"id\": \"p\", \"origin\": \"yanan\", \"product\": \"枣\", \"channel\": \"canteen\", "
    "\"amount\": \"-1.00\", \"date\": \"2022-01-01\"}]}",
    "$.purchases[0] (p).amount: an amount cannot be negative (line 6, column 124)" },
  { "purchase-beneficiaries", COLLAB_DATASET_ERROR_INVALID_VALUE,
    "\"purchases\": [{\"id\": \"p\", \"origin\": \"yanan\", \"product\": \"枣\", \"channel\": \"canteen\", "
    "\"amount\": \"1.00\", \"date\": \"2022-01-01\", \"beneficiaries\": -3}]}",
    "$.purchases[0] (p).beneficiaries: a count cannot be negative, found -3 (line 6, column 144)" },
  { "investment-amount", COLLAB_DATASET_ERROR_INVALID_VALUE,
    "\"investments\": [{\"id\": \"i\", \"enterprise\": \"o\", \"county\": \"yanan\", \"amount\": \"-5万\", "
    "\"date\": \"2022-01-01\"}]}",
    "$.investments[0] (i).amount: an amount cannot be negative (line 6, column 105)" },
  { "donation-amount", COLLAB_DATASET_ERROR_INVALID_VALUE,
    "\"donations\": [{\"id\": \"d\", \"to\": \"yanan\", \"form\": \"cash\", \"amount\": \"-5万\", \"date\": \"2022-01-01\"}]}",
    "$.donations[0] (d).amount: an amount cannot be negative (line 6, column 96)" },
  { "agreement-funds", COLLAB_DATASET_ERROR_INVALID_VALUE,
    "\"agreements\": [{\"id\": \"a\", \"program\": \"cp\", \"year\": 2022, \"city\": \"yanan\", \"funds\": \"-1\"}]}",
    "$.agreements[0] (a).funds: an amount cannot be negative (line 6, column 90)" },
  { "agreement-cadres", COLLAB_DATASET_ERROR_INVALID_VALUE,
    "\"agreements\": [{\"id\": \"a\", \"program\": \"cp\", \"year\": 2022, \"city\": \"yanan\", \"funds\": \"1\", "
    "\"cadres\": -1}]}",
    "$.agreements[0] (a).cadres: a count cannot be negative, found -1 (line 6, column 103)" },
  { "agreement-professionals-type", COLLAB_DATASET_ERROR_TYPE,
    "\"agreements\": [{\"id\": \"a\", \"program\": \"cp\", \"year\": 2022, \"city\": \"yanan\", \"funds\": \"1\", "
    "\"professionals\": 1.5}]}",
    "$.agreements[0] (a).professionals: expected an integer, found 1.5 (line 6, column 110)" },
  /* Unknown words of the closed vocabularies. */
  { "purchase-channel", COLLAB_DATASET_ERROR_INVALID_VALUE,
    "\"purchases\": [{\"id\": \"p\", \"origin\": \"yanan\", \"product\": \"枣\", \"channel\": \"shop\", "
    "\"amount\": \"1.00\", \"date\": \"2022-01-01\"}]}",
    "$.purchases[0] (p).channel: expected one of canteen, supermarket, counter, ecommerce, fair, union, other, "
    "found \"shop\" (line 6, column 79)" },
  { "donation-form", COLLAB_DATASET_ERROR_INVALID_VALUE,
    "\"donations\": [{\"id\": \"d\", \"to\": \"yanan\", \"form\": \"goods\", \"amount\": \"5万\", \"date\": \"2022-01-01\"}]}",
    "$.donations[0] (d).form: expected one of cash, in_kind, found \"goods\" (line 6, column 57)" },
  { "task-report-status", COLLAB_DATASET_ERROR_INVALID_VALUE,
    "\"task_reports\": [{\"task\": \"t1\", \"year\": 2022, \"status\": \"finished\"}]}",
    "$.task_reports[0].status: expected one of not_started, in_progress, done, found \"finished\" (line 6, column 67)" },
  /* Missing members. */
  { "purchase-missing-channel", COLLAB_DATASET_ERROR_MISSING_MEMBER,
    "\"purchases\": [{\"id\": \"p\", \"origin\": \"yanan\", \"product\": \"枣\", \"amount\": \"1.00\", \"date\": \"2022-01-01\"}]}",
    "$.purchases[0] (p): a purchase needs the member \"channel\" (line 6, column 101)" },
  { "investment-missing-county", COLLAB_DATASET_ERROR_MISSING_MEMBER,
    "\"investments\": [{\"id\": \"i\", \"enterprise\": \"o\", \"amount\": \"5万\", \"date\": \"2022-01-01\"}]}",
    "$.investments[0] (i): an investment needs the member \"county\" (line 6, column 85)" },
  { "task-report-missing-year", COLLAB_DATASET_ERROR_MISSING_MEMBER,
    "\"task_reports\": [{\"task\": \"t1\", \"status\": \"done\"}]}",
    "$.task_reports[0]: a task report needs the member \"year\" (line 6, column 50)" },
  { "initiative-missing-title", COLLAB_DATASET_ERROR_MISSING_MEMBER,
    "\"initiatives\": [{\"id\": \"i\", \"program\": \"cp\", \"year\": 2022}]}",
    "$.initiatives[0] (i): a key initiative needs the member \"title\" (line 6, column 59)" },
  { "agreement-missing-city", COLLAB_DATASET_ERROR_MISSING_MEMBER,
    "\"agreements\": [{\"id\": \"a\", \"program\": \"cp\", \"year\": 2022, \"funds\": \"1\"}]}",
    "$.agreements[0] (a): an annual agreement needs the member \"city\" (line 6, column 72)" },
  /* Dangling tasks, named by their path alone. */
  { "task-report-dangling", COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
    "\"task_reports\": [{\"task\": \"t9\", \"year\": 2022, \"status\": \"done\"}]}",
    "$.task_reports[0].task: no plan task has the id \"t9\"" },
  { "initiative-dangling", COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
    "\"initiatives\": [{\"id\": \"i\", \"program\": \"cp\", \"year\": 2022, \"title\": \"X\", \"tasks\": [\"t1\", \"t2\"]}]}",
    "$.initiatives[0] (i).tasks[1]: no plan task has the id \"t2\"" },
  { "event-dangling", COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
    "\"events\": [{\"id\": \"e\", \"program\": \"cp\", \"kind\": \"visit\", \"date\": \"2022-01-01\", \"tasks\": [\"t3\"]}]}",
    "$.events[0] (e).tasks[0]: no plan task has the id \"t3\"" },
};

/* The task's own number and its area are checked in the BASE's task
 * itself: these two replace it. */
static const struct
{
  const char       *path;
  CollabDatasetError code;
  const char       *from;
  const char       *to;
  const char       *message;
} task_errors[] = {
  { "task-number-zero", COLLAB_DATASET_ERROR_INVALID_VALUE, "\"number\": 1", "\"number\": 0",
    "$.tasks[0] (t1).number: expected a count of at least 1, found 0 (line 5, column 109)" },
  { "task-number-negative", COLLAB_DATASET_ERROR_INVALID_VALUE, "\"number\": 1", "\"number\": -2",
    "$.tasks[0] (t1).number: expected a count of at least 1, found -2 (line 5, column 110)" },
  { "task-area", COLLAB_DATASET_ERROR_INVALID_VALUE, "\"area\": \"industry\"", "\"area\": \"farming\"",
    "$.tasks[0] (t1).area: expected one of red_culture, rural_urban, public_services, ecology, industry, "
    "found \"farming\" (line 5, column 71)" },
  { "task-responsible-dangling", COLLAB_DATASET_ERROR_DANGLING_REFERENCE, "[\"o\"]", "[\"o\", \"zz\"]",
    "$.tasks[0] (t1).responsible[1]: no organization has the id \"zz\"" },
  { "task-missing-title", COLLAB_DATASET_ERROR_MISSING_MEMBER, ", \"title\": \"T\"", "",
    "$.tasks[0] (t1): a plan task needs the member \"title\" (line 5, column 95)" },
};

/* The load of @document fails with @code and a message that ends in
 * ": @message" (what comes before it names the data), and the dataset
 * of the fixture it was to replace is as it was. */
static void
assert_load_fails (const char         *document,
                   CollabDatasetError  code,
                   const char         *message)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_fixture (FIXTURE);
  g_autofree char *before = collab_dataset_to_data (dataset, NULL);
  g_autofree char *expected = g_strconcat (": ", message, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (collab_dataset_load_from_data (dataset, document, -1, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, (int) code);
  if (!g_str_has_suffix (error->message, expected))
    g_error ("\"%s\" does not end in \"%s\"", error->message, expected);
  after = collab_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (after, ==, before);
}

static void
test_error (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *document = g_strconcat (BASE, errors[i].members, NULL);

  assert_load_fails (document, errors[i].code, errors[i].message);
}

static void
test_task_error (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *base = g_strconcat (BASE, "\"x\": 1}", NULL);
  const char *at = strstr (base, task_errors[i].from);
  g_autofree char *document = NULL;

  g_assert_nonnull (at);
  document = g_strdup_printf ("%.*s%s%s", (int) (at - base), base, task_errors[i].to,
                              at + strlen (task_errors[i].from));
  assert_load_fails (document, task_errors[i].code, task_errors[i].message);
}

/* Load, save: the same bytes, unknown members and empty lists kept. */
static void
test_round_trip (void)
{
  g_autofree char *canonical = collab_test_fixture_contents (FIXTURE);
  g_autoptr(CollabDataset) dataset = collab_test_load_data (canonical);
  g_autofree char *saved = collab_dataset_to_data (dataset, NULL);
  static const struct { CollabRecordKind kind; guint n; } counts[] = {
    { COLLAB_RECORD_KIND_EVENT, 3 },
    { COLLAB_RECORD_KIND_PURCHASE, 4 },
    { COLLAB_RECORD_KIND_INVESTMENT, 2 },
    { COLLAB_RECORD_KIND_DONATION, 3 },
    { COLLAB_RECORD_KIND_TASK, 6 },
    { COLLAB_RECORD_KIND_TASK_REPORT, 3 },
    { COLLAB_RECORD_KIND_INITIATIVE, 3 },
    { COLLAB_RECORD_KIND_AGREEMENT, 2 },
  };

  g_assert_cmpstr (saved, ==, canonical);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_cmpuint (collab_dataset_get_n_records (dataset, counts[i].kind), ==, counts[i].n);

  g_assert_nonnull (strstr (canonical, "\"_source\": \"2022年消费协作台账\"}"));
  g_assert_nonnull (strstr (canonical, "\"title\": \"大力传承弘扬延安精神\", \"responsible\": []}"));
  g_assert_nonnull (strstr (canonical, "\"tasks\": [\"t01\", \"t16\"]}"));
}

/* Amounts in 万 and 亿 and integers of yuan come back as yuan with two
 * decimals; the records read as values. */
static void
test_amount_forms (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_data (BASE
    "\"purchases\": [{\"id\": \"p\", \"origin\": \"yanan\", \"product\": \"枣\", \"channel\": \"ecommerce\", "
    "\"amount\": \"2627.13万\", \"date\": \"2022-01-01\", \"beneficiaries\": 0}],\n"
    " \"investments\": [{\"id\": \"i\", \"enterprise\": \"o\", \"county\": \"yanan\", \"amount\": \"7.9亿\", "
    "\"date\": \"2022-01-01\"}],\n"
    " \"donations\": [{\"id\": \"d\", \"to\": \"yanan\", \"form\": \"in_kind\", \"amount\": 1344, "
    "\"date\": \"2022-01-01\"}],\n"
    " \"agreements\": [{\"id\": \"a\", \"program\": \"cp\", \"year\": 2022, \"city\": \"yanan\", \"funds\": \"0\"}]}");
  g_autofree char *saved = collab_dataset_to_data (dataset, NULL);

  g_assert_nonnull (strstr (saved, "\"amount\": \"26271300.00\", \"date\": \"2022-01-01\", \"beneficiaries\": 0}"));
  g_assert_nonnull (strstr (saved, "\"amount\": \"790000000.00\""));
  g_assert_nonnull (strstr (saved, "\"form\": \"in_kind\", \"amount\": \"1344.00\""));
  g_assert_nonnull (strstr (saved, "\"funds\": \"0.00\"}"));
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_PURCHASE, "p", "channel", "ecommerce");
  collab_test_assert_member (dataset, COLLAB_RECORD_KIND_DONATION, "d", "form", "in_kind");
}

/* A merge that brings a good purchase and a report of a task the
 * dataset does not have adds neither. */
static void
test_failed_merge (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_fixture (FIXTURE);
  g_autofree char *before = collab_dataset_to_data (dataset, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (collab_dataset_merge_from_data (dataset,
    "{\"format\": \"libcollab-dataset\", \"version\": 1, "
    "\"purchases\": [{\"id\": \"pu-9\", \"origin\": \"yanchuan\", \"product\": \"枣\", \"channel\": \"fair\", "
    "\"amount\": \"1.00\", \"date\": \"2022-01-01\"}], "
    "\"task_reports\": [{\"task\": \"t01\", \"year\": 2023, \"status\": \"done\"}, "
    "{\"task\": \"t99\", \"year\": 2023, \"status\": \"done\"}]}", -1, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_DANGLING_REFERENCE);
  g_assert_true (g_str_has_suffix (error->message, ": $.task_reports[1].task: no plan task has the id \"t99\""));
  after = collab_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PURCHASE), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/records-more/round-trip", test_round_trip);
  g_test_add_func ("/collab/records-more/amount-forms", test_amount_forms);
  g_test_add_func ("/collab/records-more/failed-merge", test_failed_merge);
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_autofree char *path = g_strconcat ("/collab/records-more/error/", errors[i].path, NULL);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (task_errors); i++)
    {
      g_autofree char *path = g_strconcat ("/collab/records-more/error/", task_errors[i].path, NULL);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_task_error);
    }

  return g_test_run ();
}
