/* test-rule-labour.c: the labour rules (rules/labour/, SPEC §11.2) and
 * which rule set judges a labour record (SPEC §11.4)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The regions of wuxi-mini.json with labour.json: programs `prog`
 * (assisting Yan'an, east-west-2021) and `hd` (Haidong, poverty-2016),
 * employers e1 and e2, and the job offers o-prog (prog, logistics, 2
 * positions), o-hd (hd, machine repair, 1) and o-none (no program,
 * logistics, 1). Each test adds the workers and placements it is about.
 */

#include <libcollab/collab.h>

#include "collab-test-util.h"

static CollabDataset *
labour_dataset (const char *members)
{
  CollabDataset *dataset = collab_test_load_fixture ("wuxi-mini.json");

  collab_test_merge_fixture (dataset, "labour.json");
  if (members != NULL)
    collab_test_merge_members (dataset, members);
  return dataset;
}

/* A worker of yanchang (Yan'an) who is not a priority, for the
 * placements of the follow-up and overfilled tests. */
#define WORKER_N1 \
  "\"workers\": [{\"id\": \"n1\", \"county\": \"yanchang\", \"registered\": \"2020-01-01\"}]"

/* A placement as JSON: @more is "" or more members (OFFER (), END ()). */
#define PLACEMENT(id, worker, kind, start, more) \
  "{\"id\": \"" id "\", \"worker\": \"" worker "\", \"employer\": \"e1\", \"kind\": \"" kind "\", " \
  "\"start\": \"" start "\"" more "}"
#define OFFER(id) ", \"offer\": \"" id "\""
#define END(day)  ", \"end\": \"" day "\""

/* @finding is of @severity, about the one record @id under @key, and
 * says @expected and @actual. */
static void
assert_finding (CollabFinding  *finding,
                CollabSeverity  severity,
                const char     *key,
                const char     *id,
                gint64          expected,
                gint64          actual)
{
  g_assert_cmpint (collab_finding_get_severity (finding), ==, severity);
  collab_test_assert_subject_keys (finding, key, NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, key), ==, id);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_expected (finding)), ==, expected);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_actual (finding)), ==, actual);
}

/* --- labour.overfilled ---------------------------------------------- */

static void
test_overfilled (void)
{
  g_autoptr(CollabDataset) dataset = labour_dataset (
    WORKER_N1 ", \"placements\": ["
    PLACEMENT ("a", "n1", "transfer", "2021-02-01", OFFER ("o-prog") END ("2021-02-28")) ","
    PLACEMENT ("b", "n1", "transfer", "2021-03-01", OFFER ("o-prog")) "]");
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;

  /* At positions: two placements, one of them ended, fill two positions. */
  findings = collab_test_check_as_of (dataset, "labour.overfilled", "2021-03-01");
  collab_test_assert_no_findings (findings);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Positions + 1. */
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_PLACEMENT,
                          PLACEMENT ("c", "n1", "local", "2021-04-01", OFFER ("o-prog")));
  findings = collab_test_check_as_of (dataset, "labour.overfilled", "2021-03-01");
  finding = collab_test_assert_one_finding (findings);
  assert_finding (finding, COLLAB_SEVERITY_VIOLATION, "offer", "o-prog", 2, 3);
  collab_test_assert_message_contains (finding, "o-prog of e1 (无锡物流公司) has 2 positions but 3 placements");
  collab_test_assert_message_contains (finding, "1 too many");
}

/* --- labour.follow_up ------------------------------------------------ */

/* The findings of labour.follow_up for a transfer placement of n1 from
 * 2021-01-01 (to @end, or open when NULL) with follow-ups on @dates (a
 * NULL-ended list), as of @as_of. */
static GPtrArray *
follow_up_findings (const char  *end,
                    const char  *as_of,
                    const char **dates)
{
  g_autoptr(GString) members = g_string_new (WORKER_N1 ", \"placements\": [");
  g_autoptr(CollabDataset) dataset = NULL;

  g_string_append (members, "{\"id\": \"t\", \"worker\": \"n1\", \"employer\": \"e1\", \"offer\": \"o-prog\", "
                            "\"kind\": \"transfer\", \"start\": \"2021-01-01\"");
  if (end != NULL)
    g_string_append_printf (members, ", \"end\": \"%s\"", end);
  g_string_append (members, "}], \"follow_ups\": [");
  for (guint i = 0; dates != NULL && dates[i] != NULL; i++)
    g_string_append_printf (members, "%s{\"placement\": \"t\", \"date\": \"%s\", \"status\": \"employed\"}",
                            i > 0 ? ", " : "", dates[i]);
  g_string_append (members, "]");

  dataset = labour_dataset (members->str);
  return collab_test_check_as_of (dataset, "labour.follow_up", as_of);
}

/* @findings is one gap of t from @from to @to, of @days days, whose
 * message says @text. */
static void
assert_one_gap (GPtrArray  *findings,
                const char *from,
                const char *to,
                gint64      days,
                const char *text)
{
  CollabFinding *finding = collab_test_assert_one_finding (findings);

  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_WARNING);
  collab_test_assert_subject_keys (finding, "placement", "from", "to", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "placement"), ==, "t");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "from"), ==, from);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "to"), ==, to);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_expected (finding)), ==, 90);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_actual (finding)), ==, days);
  collab_test_assert_message_contains (finding, text);
}

static void
test_follow_up_days (void)
{
  const char *on_90[] = { "2021-04-01", NULL };
  const char *on_91[] = { "2021-04-02", NULL };
  g_autoptr(GPtrArray) exactly = follow_up_findings (NULL, "2021-06-30", on_90);
  g_autoptr(GPtrArray) one_more = follow_up_findings (NULL, "2021-07-01", on_90);
  g_autoptr(GPtrArray) late = follow_up_findings (NULL, "2021-04-02", on_91);

  /* 90 days from the start to the follow-up, 90 from it to the as-of day. */
  collab_test_assert_no_findings (exactly);

  /* 91 days to the as-of day. */
  assert_one_gap (one_more, "2021-04-01", "2021-07-01", 91,
                  "The transfer placement t of worker n1 at e1 (无锡物流公司) has gone 91 days without contact, "
                  "from 2021-04-01 to 2021-07-01, the day of the check; at most 90 are allowed.");

  /* 91 days between the start and the follow-up. */
  assert_one_gap (late, "2021-01-01", "2021-04-02", 91, "to the next follow-up on 2021-04-02");
}

static void
test_follow_up_horizon (void)
{
  const char *after_end[] = { "2021-09-08", NULL };
  const char *before_start[] = { "2020-12-22", NULL };
  g_autoptr(GPtrArray) ended = follow_up_findings ("2021-04-01", "2021-12-31", NULL);
  g_autoptr(GPtrArray) ended_late = follow_up_findings ("2021-07-20", "2021-12-31", after_end);
  g_autoptr(GPtrArray) ends_later = follow_up_findings ("2021-12-31", "2021-04-06", NULL);
  g_autoptr(GPtrArray) early = follow_up_findings (NULL, "2021-04-06", before_start);
  g_autoptr(GPtrArray) not_yet = follow_up_findings (NULL, "2020-12-31", NULL);

  /* The gap runs to the end when it comes before the as-of day: 90 days,
   * however long ago the placement ended. */
  collab_test_assert_no_findings (ended);

  /* A follow-up after the end does not count: 200 days to the end. */
  assert_one_gap (ended_late, "2021-01-01", "2021-07-20", 200, "to its end on 2021-07-20");

  /* The as-of day when it comes before the end. */
  assert_one_gap (ends_later, "2021-01-01", "2021-04-06", 95, "the day of the check");

  /* A follow-up before the start does not count either. */
  assert_one_gap (early, "2021-01-01", "2021-04-06", 95, "from 2021-01-01");

  /* A placement that starts after the as-of day is not judged yet. */
  collab_test_assert_no_findings (not_yet);
}

static void
test_follow_up_kinds_and_days (void)
{
  g_autoptr(CollabDataset) dataset = labour_dataset (
    WORKER_N1 ", \"placements\": ["
    PLACEMENT ("l", "n1", "local", "2021-01-01", OFFER ("o-prog")) ","
    PLACEMENT ("t", "n1", "transfer", "2021-01-01", "") "],"
    "\"follow_ups\": [{\"placement\": \"t\", \"date\": \"2021-03-01\", \"status\": \"employed\"},"
    "                 {\"placement\": \"t\", \"date\": \"2021-02-01\", \"status\": \"employed\"}]");
  g_autoptr(CollabRuleset) thirty = collab_ruleset_new_builtin ("east-west-2021", NULL);
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;

  /* t: 31, 28 and 31 days; l is local. */
  findings = collab_test_check_as_of (dataset, "labour.follow_up", "2021-04-01");
  collab_test_assert_no_findings (findings);
  g_clear_pointer (&findings, g_ptr_array_unref);

  collab_ruleset_set_int (thirty, "labour.follow_up", "days", 30);
  findings = collab_test_check_full (dataset, "labour.follow_up", COLLAB_TEST_NO_OVERRIDE, thirty, "2021-04-01");
  g_assert_cmpuint (findings->len, ==, 2);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "from"), ==, "2021-01-01");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "to"), ==, "2021-02-01");
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_expected (finding)), ==, 30);
  finding = g_ptr_array_index (findings, 1);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "from"), ==, "2021-03-01");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "to"), ==, "2021-04-01");
}

/* --- labour.priority ------------------------------------------------- */

/* The findings of labour.priority when n1 (not a priority) takes the
 * offer @offer on 2021-03-10, with @workers (JSON objects) registered
 * and @placements (JSON objects, or "") as well. */
static GPtrArray *
priority_findings (const char *offer,
                   const char *workers,
                   const char *placements)
{
  g_autofree char *members = g_strdup_printf (
    "\"workers\": [{\"id\": \"n1\", \"county\": \"yanchang\", \"flags\": [\"disabled\"], "
    "               \"registered\": \"2020-01-01\"}, %s],"
    "\"placements\": [{\"id\": \"pn\", \"worker\": \"n1\", \"employer\": \"e1\", \"offer\": \"%s\", "
    "                  \"kind\": \"transfer\", \"start\": \"2021-03-10\"}%s%s]",
    workers, offer, *placements != '\0' ? ", " : "", placements);
  g_autoptr(CollabDataset) dataset = labour_dataset (members);

  return collab_test_check_as_of (dataset, "labour.priority", "2021-03-31");
}

/* The number of priority workers waiting that the one finding of
 * @findings counts, or 0 when there is none. */
static gint64
waiting (GPtrArray *findings)
{
  CollabFinding *finding;

  if (findings->len == 0)
    return 0;
  finding = collab_test_assert_one_finding (findings);
  return g_variant_get_int64 (collab_finding_get_actual (finding));
}

#define PRIORITY(id, county, wants, registered) \
  "{\"id\": \"" id "\", \"county\": \"" county "\", \"flags\": [\"poverty_lifted\"], " \
  "\"wants\": " wants ", \"registered\": \"" registered "\"}"

static void
test_priority (void)
{
  g_autoptr(GPtrArray) same_day = priority_findings ("o-prog", PRIORITY ("w1", "yanchang", "[\"logistics\"]",
                                                                         "2021-03-10"), "");
  g_autoptr(GPtrArray) next_day = priority_findings ("o-prog", PRIORITY ("w1", "yanchang", "[\"logistics\"]",
                                                                         "2021-03-11"), "");
  CollabFinding *finding;

  /* Registered on the day of the placement: waiting. */
  finding = collab_test_assert_one_finding (same_day);
  assert_finding (finding, COLLAB_SEVERITY_WARNING, "placement", "pn", 0, 1);
  collab_test_assert_message_contains (finding, "gave worker n1, who is neither poverty-lifted nor at risk, "
                                                "the job offer o-prog (logistics and delivery) of e1 (无锡物流公司) "
                                                "on 2021-03-10");
  collab_test_assert_message_contains (finding, "w1, registered on 2021-03-10");

  /* The day after: not yet. */
  collab_test_assert_no_findings (next_day);
}

static void
test_priority_placed (void)
{
  const char *w1 = PRIORITY ("w1", "yanchang", "[\"logistics\"]", "2021-01-01");
  g_autoptr(GPtrArray) in_job = priority_findings (
    "o-prog", w1, PLACEMENT ("p1", "w1", "local", "2021-03-01", END ("2021-03-10")));
  g_autoptr(GPtrArray) open_ended = priority_findings ("o-prog", w1, PLACEMENT ("p1", "w1", "local", "2021-01-01", ""));
  g_autoptr(GPtrArray) left = priority_findings (
    "o-prog", w1, PLACEMENT ("p1", "w1", "local", "2021-03-01", END ("2021-03-09")));
  g_autoptr(GPtrArray) starts = priority_findings ("o-prog", w1, PLACEMENT ("p1", "w1", "local", "2021-03-10", ""));
  g_autoptr(GPtrArray) back_to_back = priority_findings (
    "o-prog", w1, PLACEMENT ("p1", "w1", "local", "2021-03-01", END ("2021-03-05")) ","
                  PLACEMENT ("p2", "w1", "local", "2021-03-06", END ("2021-03-31")));
  g_autoptr(GPtrArray) inside_another = priority_findings (
    "o-prog", w1, PLACEMENT ("p2", "w1", "local", "2021-03-01", END ("2021-03-05")) ","
                  PLACEMENT ("p1", "w1", "local", "2021-02-01", END ("2021-03-20")));
  g_autoptr(GPtrArray) before_registering = priority_findings (
    "o-prog", PRIORITY ("w1", "yanchang", "[\"logistics\"]", "2021-03-10"),
    PLACEMENT ("p1", "w1", "local", "2021-01-01", END ("2021-03-09")));

  /* In a placement on the day, to its end inclusive, or open-ended: not
   * waiting; free again the day after an end: waiting. */
  g_assert_cmpint (waiting (in_job), ==, 0);
  g_assert_cmpint (waiting (open_ended), ==, 0);
  g_assert_cmpint (waiting (left), ==, 1);
  g_assert_cmpint (waiting (starts), ==, 0);
  /* Placements that follow each other, or one inside another (listed
   * first): still in one; one ended before registering counts for
   * nothing. */
  g_assert_cmpint (waiting (back_to_back), ==, 0);
  g_assert_cmpint (waiting (inside_another), ==, 0);
  g_assert_cmpint (waiting (before_registering), ==, 1);
}

static void
test_priority_who (void)
{
  g_autoptr(GPtrArray) any = priority_findings ("o-prog", PRIORITY ("w1", "yanchang", "[]", "2021-01-01") ","
                                                "{\"id\": \"w2\", \"county\": \"yanchuan\", \"flags\": [\"at_risk\"], "
                                                " \"registered\": \"2021-01-01\"}", "");
  g_autoptr(GPtrArray) other_type = priority_findings ("o-prog", PRIORITY ("w1", "yanchang", "[\"catering\"]",
                                                                           "2021-01-01"), "");
  g_autoptr(GPtrArray) outside = priority_findings ("o-prog", PRIORITY ("w1", "ledu", "[\"logistics\"]",
                                                                        "2021-01-01"), "");
  g_autoptr(GPtrArray) no_program = priority_findings ("o-none", PRIORITY ("w1", "ledu", "[\"logistics\"]",
                                                                           "2021-01-01"), "");
  g_autoptr(GPtrArray) disabled_only = priority_findings (
    "o-prog", "{\"id\": \"w1\", \"county\": \"yanchang\", \"flags\": [\"disabled\"], \"registered\": \"2021-01-01\"}",
    "");

  /* Wanting any type, by an empty or an absent list; at risk counts. */
  g_assert_cmpint (waiting (any), ==, 2);
  /* Wanting another type. */
  g_assert_cmpint (waiting (other_type), ==, 0);
  /* Ledu is in Haidong, not in prog's Yan'an; an offer of no program
   * takes workers from any county. */
  g_assert_cmpint (waiting (outside), ==, 0);
  g_assert_cmpint (waiting (no_program), ==, 1);
  collab_test_assert_message_contains (g_ptr_array_index (no_program, 0), "o-none (logistics and delivery) of e1");
  /* Disabled alone is not a priority of SPEC §11.2. */
  g_assert_cmpint (waiting (disabled_only), ==, 0);
}

/* The earliest registered, ties by position in the dataset. */
static void
test_priority_earliest (void)
{
  g_autoptr(GPtrArray) by_day = priority_findings (
    "o-prog", PRIORITY ("w1", "yanchang", "[\"logistics\"]", "2021-02-01") ","
              PRIORITY ("w2", "yanchuan", "[\"construction\", \"logistics\"]", "2021-01-15") ","
              PRIORITY ("w3", "yanchang", "[]", "2021-01-20"), "");
  g_autoptr(GPtrArray) tie = priority_findings (
    "o-prog", PRIORITY ("w9", "yanchang", "[]", "2021-01-15") ","
              PRIORITY ("w2", "yanchuan", "[\"logistics\"]", "2021-01-15"), "");

  g_assert_cmpint (waiting (by_day), ==, 3);
  collab_test_assert_message_contains (g_ptr_array_index (by_day, 0), "the earliest registered is w2, "
                                                                      "registered on 2021-01-15");
  g_assert_cmpint (waiting (tie), ==, 2);
  collab_test_assert_message_contains (g_ptr_array_index (tie, 0), "the earliest registered is w9");
}

/* A placement without an offer, or to a priority worker, is not judged. */
static void
test_priority_not_judged (void)
{
  g_autoptr(CollabDataset) dataset = labour_dataset (
    "\"workers\": [" PRIORITY ("w1", "yanchang", "[]", "2021-01-01") ","
    "              {\"id\": \"n1\", \"county\": \"yanchang\", \"registered\": \"2021-01-01\"},"
    "              " PRIORITY ("w2", "yanchang", "[]", "2021-01-01") "],"
    "\"placements\": [" PLACEMENT ("pn", "n1", "transfer", "2021-03-10", "") ","
    "                 " PLACEMENT ("p2", "w2", "transfer", "2021-03-10", OFFER ("o-prog")) "]");
  g_autoptr(GPtrArray) findings = collab_test_check_as_of (dataset, "labour.priority", "2021-03-31");

  collab_test_assert_no_findings (findings);
}

/* --- rule sets (SPEC §11.4) ------------------------------------------ */

static guint
count_subject (GPtrArray  *findings,
               const char *key,
               const char *value)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (collab_finding_get_subject_string (g_ptr_array_index (findings, i), key), value) == 0)
      n++;
  return n;
}

/* Records of no program are judged once, by the default set without
 * --ruleset and by the checker's set with it; a program's records once,
 * by their program's set. */
static void
test_rulesets (void)
{
  g_autoptr(CollabDataset) dataset = labour_dataset (
    WORKER_N1 ", \"placements\": ["
    PLACEMENT ("t-none", "n1", "transfer", "2021-01-01", OFFER ("o-none")) ","
    PLACEMENT ("t-bare", "n1", "transfer", "2021-01-01", "") ","
    PLACEMENT ("t-prog", "n1", "transfer", "2021-01-01", OFFER ("o-prog")) ","
    PLACEMENT ("t-hd", "n1", "transfer", "2021-01-01", OFFER ("o-hd")) ","
    PLACEMENT ("x-none", "n1", "local", "2021-01-01", OFFER ("o-none")) "]");
  g_autoptr(CollabRuleset) mine = collab_ruleset_new_builtin ("east-west-2021", NULL);
  g_autoptr(GPtrArray) by_own = NULL;
  g_autoptr(GPtrArray) by_mine = NULL;
  g_autoptr(GPtrArray) overfilled = NULL;

  /* 60 days to the as-of day: within the default 90 days. */
  by_own = collab_test_check_as_of (dataset, "labour.follow_up", "2021-03-02");
  collab_test_assert_no_findings (by_own);

  /* --ruleset judges the records of no program, and every program's. */
  collab_ruleset_set_int (mine, "labour.follow_up", "days", 30);
  collab_ruleset_set_enabled (mine, "labour.overfilled", FALSE);
  by_mine = collab_test_check_full (dataset, "labour.follow_up", COLLAB_TEST_NO_OVERRIDE, mine, "2021-03-02");
  g_assert_cmpuint (by_mine->len, ==, 4);
  g_assert_cmpuint (count_subject (by_mine, "placement", "t-none"), ==, 1);
  g_assert_cmpuint (count_subject (by_mine, "placement", "t-bare"), ==, 1);
  g_assert_cmpuint (count_subject (by_mine, "placement", "t-prog"), ==, 1);
  g_assert_cmpuint (count_subject (by_mine, "placement", "t-hd"), ==, 1);
  g_clear_pointer (&by_mine, g_ptr_array_unref);
  by_mine = collab_test_check_full (dataset, "labour.overfilled", COLLAB_TEST_NO_OVERRIDE, mine, "2021-03-02");
  collab_test_assert_no_findings (by_mine);

  /* Without it, o-none (no program, two placements for one position) is
   * judged by east-west-2021, once however many programs there are. */
  overfilled = collab_test_check_as_of (dataset, "labour.overfilled", "2021-03-02");
  g_assert_cmpuint (overfilled->len, ==, 1);
  g_assert_cmpstr (collab_finding_get_subject_string (g_ptr_array_index (overfilled, 0), "offer"), ==, "o-none");
}

/* A dataset without labour records, and one without programs. */
static void
test_empty (void)
{
  g_autoptr(CollabDataset) none = labour_dataset (NULL);
  g_autoptr(CollabDataset) bare = collab_test_load_fixture ("wuxi-mini.json");
  g_autoptr(GPtrArray) nothing = collab_test_check_as_of (none, "labour.", "2021-12-31");
  g_autoptr(GPtrArray) priority = NULL;

  collab_test_merge_members (bare,
    "\"organizations\": [{\"id\": \"e1\", \"name\": \"无锡物流公司\", \"kind\": \"enterprise\", \"region\": \"wuxi\"}],"
    "\"job_offers\": [{\"id\": \"o\", \"employer\": \"e1\", \"job_type\": \"other\", \"positions\": 1,"
    "                 \"open\": {\"first\": \"2021-01-01\", \"last\": \"2021-12-31\"}}],"
    "\"workers\": [{\"id\": \"w\", \"county\": \"ledu\", \"flags\": [\"at_risk\"], \"registered\": \"2021-01-01\"},"
    "            {\"id\": \"n\", \"county\": \"yanchang\", \"registered\": \"2021-01-01\"}],"
    "\"placements\": [{\"id\": \"p\", \"worker\": \"n\", \"employer\": \"e1\", \"offer\": \"o\","
    "                 \"kind\": \"transfer\", \"start\": \"2021-02-01\"}]");
  priority = collab_test_check_as_of (bare, "labour.priority", "2021-12-31");

  collab_test_assert_no_findings (nothing);
  g_assert_cmpint (waiting (priority), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/rules/labour/overfilled", test_overfilled);
  g_test_add_func ("/collab/rules/labour/follow-up/days", test_follow_up_days);
  g_test_add_func ("/collab/rules/labour/follow-up/horizon", test_follow_up_horizon);
  g_test_add_func ("/collab/rules/labour/follow-up/kinds-and-days", test_follow_up_kinds_and_days);
  g_test_add_func ("/collab/rules/labour/priority/registered", test_priority);
  g_test_add_func ("/collab/rules/labour/priority/placed", test_priority_placed);
  g_test_add_func ("/collab/rules/labour/priority/who", test_priority_who);
  g_test_add_func ("/collab/rules/labour/priority/earliest", test_priority_earliest);
  g_test_add_func ("/collab/rules/labour/priority/not-judged", test_priority_not_judged);
  g_test_add_func ("/collab/rules/labour/rulesets", test_rulesets);
  g_test_add_func ("/collab/rules/labour/empty", test_empty);

  return g_test_run ();
}
