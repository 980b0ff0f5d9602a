/* test-rule-program.c: the rules of a program's events, plan tasks and
 * key initiatives (rules/program/, SPEC §11.2) and counterpart-2022
 * (SPEC §11.4)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The regions of wuxi-mini.json with program.json: the counterpart
 * program `cp` (Wuxi → Yan'an, 2022–2024, counterpart-2022) and the
 * east–west program `ew` (Wuxi → Haidong, 2022–2024, east-west-2021);
 * agencies wx-org and jy-gov in the east, ya-org and yc-gov in the west.
 * Each test adds the events, tasks, reports and initiatives it is about.
 * A year is past when it ends before the as-of day: as of 2024-01-01,
 * 2022 and 2023 are; as of 2023-12-31, only 2022.
 */

#include <libcollab/collab.h>

#include "collab-test-util.h"

static CollabDataset *
program_dataset (const char *members)
{
  CollabDataset *dataset = collab_test_load_fixture ("wuxi-mini.json");

  collab_test_merge_fixture (dataset, "program.json");
  if (members != NULL)
    collab_test_merge_members (dataset, members);
  return dataset;
}

/* counterpart-2022 with event.annual's min set to @min (JSON). */
static CollabRuleset *
counterpart_with_min (const char *min)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_strdup_printf ("{\"format\": \"libcollab-ruleset\", \"version\": 1, \"id\": \"mine\", "
                                           "\"base\": \"counterpart-2022\", "
                                           "\"rules\": {\"event.annual\": {\"min\": %s}}}", min);
  CollabRuleset *ruleset = collab_ruleset_new_from_data (data, -1, &error);

  g_assert_no_error (error);
  return ruleset;
}

/* The findings of @rule in a check as of @as_of, the program cp alone
 * judged when @ruleset is given. */
static GPtrArray *
check (CollabDataset *dataset,
       const char    *rule,
       CollabRuleset *ruleset,
       const char    *as_of)
{
  return collab_test_check_full (dataset, rule, COLLAB_TEST_NO_OVERRIDE, ruleset, as_of);
}

static CollabFinding *
nth (GPtrArray *findings,
     guint      i)
{
  g_assert_cmpuint (i, <, findings->len);
  return g_ptr_array_index (findings, i);
}

/* --- event.annual ---------------------------------------------------- */

#define EVENT(id, program, kind, date) \
  "{\"id\": \"" id "\", \"program\": \"" program "\", \"kind\": \"" kind "\", \"date\": \"" date "\"}"

/* cp's 2022 has all three kinds, on its first and last days; 2023 a
 * joint meeting only (the visit of 2024-01-01 is 2024's, the park
 * meeting of ew is not cp's); 2024 that visit only. ew (a joint meeting
 * and a visit a year, east-west-2021) has what it needs in 2022 only. */
#define EVENTS \
  "\"events\": [" \
  EVENT ("e1", "cp", "park_meeting", "2022-01-01") "," \
  EVENT ("e2", "cp", "joint_meeting", "2022-06-01") "," \
  EVENT ("e3", "cp", "visit", "2022-12-31") "," \
  EVENT ("e4", "cp", "joint_meeting", "2023-03-01") "," \
  EVENT ("e5", "ew", "park_meeting", "2023-05-01") "," \
  EVENT ("e6", "cp", "job_fair", "2023-05-01") "," \
  EVENT ("e7", "cp", "visit", "2024-01-01") "," \
  EVENT ("e8", "ew", "joint_meeting", "2022-04-01") "," \
  EVENT ("e9", "ew", "visit", "2022-04-02") "]"

static void
assert_event_finding (CollabFinding *finding,
                      const char    *program,
                      const char    *kind,
                      gint64         year,
                      gint64         expected,
                      gint64         actual)
{
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_VIOLATION);
  collab_test_assert_subject_keys (finding, "program", "kind", "year", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "program"), ==, program);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "kind"), ==, kind);
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, year);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_expected (finding)), ==, expected);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_actual (finding)), ==, actual);
}

/* Only past years are judged; an event counts for its program and the
 * year of its date. */
static void
test_event_annual_past_years (void)
{
  g_autoptr(CollabDataset) dataset = program_dataset (EVENTS);
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;

  /* 2022 only: cp has all three, ew both of its kinds. */
  findings = check (dataset, "event.annual", NULL, "2023-12-31");
  collab_test_assert_no_findings (findings);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* 2023 too: cp had no park meeting (ew's is not cp's) and no visit; ew
   * nothing, and east-west-2021 asks it for no park meeting. */
  findings = check (dataset, "event.annual", NULL, "2024-01-01");
  g_assert_cmpuint (findings->len, ==, 4);
  assert_event_finding (nth (findings, 0), "cp", "park_meeting", 2023, 1, 0);
  assert_event_finding (nth (findings, 1), "cp", "visit", 2023, 1, 0);
  assert_event_finding (nth (findings, 2), "ew", "joint_meeting", 2023, 1, 0);
  assert_event_finding (nth (findings, 3), "ew", "visit", 2023, 1, 0);
  finding = nth (findings, 0);
  collab_test_assert_message_contains (finding, "Program cp held 0 events of the kind meeting on industrial parks");
  collab_test_assert_message_contains (finding, "in 2023, fewer than the 1 a year");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The whole period, and no year after it: 2024 has its visit only. */
  findings = check (dataset, "event.annual", NULL, "2030-01-01");
  g_assert_cmpuint (findings->len, ==, 4 + 4);
  assert_event_finding (nth (findings, 0), "cp", "joint_meeting", 2024, 1, 0);
  assert_event_finding (nth (findings, 1), "cp", "park_meeting", 2023, 1, 0);
  assert_event_finding (nth (findings, 2), "cp", "park_meeting", 2024, 1, 0);
  assert_event_finding (nth (findings, 3), "cp", "visit", 2023, 1, 0);
}

/* Exactly min passes; min − 1 does not. A kind min does not name is not
 * asked for. */
static void
test_event_annual_min (void)
{
  g_autoptr(CollabDataset) dataset = program_dataset (EVENTS);
  g_autoptr(CollabRuleset) two = counterpart_with_min ("{\"joint_meeting\": 2}");
  g_autoptr(CollabRuleset) one = counterpart_with_min ("{\"joint_meeting\": 1, \"job_fair\": 1}");
  g_autoptr(CollabRuleset) none = counterpart_with_min ("{}");
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;

  /* Each had one joint meeting in 2022 (ew judged by the same set here). */
  findings = check (dataset, "event.annual", two, "2023-06-30");
  g_assert_cmpuint (findings->len, ==, 2);
  assert_event_finding (nth (findings, 0), "cp", "joint_meeting", 2022, 2, 1);
  assert_event_finding (nth (findings, 1), "ew", "joint_meeting", 2022, 2, 1);
  collab_test_assert_message_contains (nth (findings, 0), "held 1 event of the kind joint meeting in 2022");
  g_clear_pointer (&findings, g_ptr_array_unref);

  collab_test_add_record (dataset, COLLAB_RECORD_KIND_EVENT, EVENT ("e10", "cp", "joint_meeting", "2022-11-30"));
  findings = check (dataset, "event.annual", two, "2023-06-30");
  finding = collab_test_assert_one_finding (findings);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "program"), ==, "ew");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* cp's job fair of 2023 meets 2023's; 2022 had none. Its joint meetings
   * meet both years; no other kind is asked for. */
  findings = check (dataset, "event.annual", one, "2024-01-01");
  g_assert_cmpuint (findings->len, >=, 1);
  assert_event_finding (nth (findings, 0), "cp", "job_fair", 2022, 1, 0);
  for (guint i = 1; i < findings->len; i++)
    g_assert_cmpstr (collab_finding_get_subject_string (nth (findings, i), "program"), ==, "ew");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* By default the rule asks for nothing. */
  findings = check (dataset, "event.annual", none, "2030-01-01");
  collab_test_assert_no_findings (findings);
}

/* --- task.responsible ------------------------------------------------ */

#define TASK(id, program, number, responsible) \
  "{\"id\": \"" id "\", \"program\": \"" program "\", \"number\": " number ", \"area\": \"red_culture\", " \
  "\"title\": \"任务" number "\", \"responsible\": [" responsible "]}"

static void
assert_task_side (CollabFinding *finding,
                  const char    *task,
                  const char    *side)
{
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_VIOLATION);
  collab_test_assert_subject_keys (finding, "task", "side", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "task"), ==, task);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "side"), ==, side);
}

/* A unit's side is its region's, from the parent chain: jy-gov is in
 * Jiangyin under Wuxi (east), yc-gov in Yanchuan under Yan'an (west). */
static void
test_task_responsible (void)
{
  g_autoptr(CollabDataset) dataset = program_dataset (
    "\"tasks\": ["
    TASK ("t-both", "cp", "1", "\"jy-gov\", \"yc-gov\"") ","
    TASK ("t-east", "cp", "2", "\"wx-org\", \"jy-gov\"") ","
    TASK ("t-west", "cp", "3", "\"ya-org\"") ","
    TASK ("t-none", "cp", "4", "") ","
    TASK ("t-ew", "ew", "1", "") "]");
  g_autoptr(GPtrArray) findings = check (dataset, "task.responsible", NULL, "2022-01-01");

  /* t-ew's program is judged by east-west-2021, which does not apply the
   * rule; a task with none at all is two findings. */
  g_assert_cmpuint (findings->len, ==, 4);
  assert_task_side (nth (findings, 0), "t-east", "west");
  assert_task_side (nth (findings, 1), "t-none", "east");
  assert_task_side (nth (findings, 2), "t-none", "west");
  assert_task_side (nth (findings, 3), "t-west", "east");
  collab_test_assert_message_contains (nth (findings, 0),
                                       "Plan task t-east (no. 2, “任务2”) of program cp has no responsible unit on the west side");
  collab_test_assert_message_contains (nth (findings, 3), "on the east side; name an organization of the assisting side");
}

/* --- task.report ----------------------------------------------------- */

static void
test_task_report (void)
{
  g_autoptr(CollabDataset) dataset = program_dataset (
    "\"tasks\": [" TASK ("t1", "cp", "1", "\"wx-org\", \"ya-org\"") "," TASK ("t2", "cp", "2", "\"wx-org\", \"ya-org\"") "],"
    "\"task_reports\": [{\"task\": \"t1\", \"year\": 2022, \"status\": \"in_progress\"},"
    "                   {\"task\": \"t1\", \"year\": 2021, \"status\": \"not_started\"},"
    "                   {\"task\": \"t2\", \"year\": 2023, \"status\": \"done\"}]");
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;

  /* 2022 alone is past: t2 has none for it (its 2023 report is another year's). */
  findings = check (dataset, "task.report", NULL, "2023-12-31");
  finding = collab_test_assert_one_finding (findings);
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_WARNING);
  collab_test_assert_subject_keys (finding, "task", "year", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "task"), ==, "t2");
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2022);
  collab_test_assert_message_contains (finding, "Plan task t2 (no. 2, “任务2”) of program cp has no task report for 2022");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* 2023 is past as well: t1 lacks it, t2 has it. */
  findings = check (dataset, "task.report", NULL, "2024-01-01");
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (nth (findings, 0), "task"), ==, "t1");
  g_assert_cmpint (collab_finding_get_subject_int (nth (findings, 0), "year"), ==, 2023);
  g_assert_cmpstr (collab_finding_get_subject_string (nth (findings, 1), "task"), ==, "t2");
  g_assert_cmpint (collab_finding_get_subject_int (nth (findings, 1), "year"), ==, 2022);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Before the period's first year has ended, nothing is asked. */
  findings = check (dataset, "task.report", NULL, "2022-12-31");
  collab_test_assert_no_findings (findings);
}

/* --- initiative.count and initiative.plan ----------------------------- */

#define INITIATIVE(id, program, year, more) \
  "{\"id\": \"" id "\", \"program\": \"" program "\", \"year\": " year ", \"title\": \"专项" id "\"" more "}"
#define DOCUMENT ", \"document\": \"实施方案\""

/* 2022: one (min); 2023: none of cp's (min − 1; ew's does not count);
 * 2024: four (max + 1). */
#define INITIATIVES \
  "\"initiatives\": [" \
  INITIATIVE ("i1", "cp", "2022", DOCUMENT) "," \
  INITIATIVE ("i2", "ew", "2023", DOCUMENT) "," \
  INITIATIVE ("i3", "cp", "2024", DOCUMENT) "," \
  INITIATIVE ("i4", "cp", "2024", DOCUMENT) "," \
  INITIATIVE ("i5", "cp", "2024", DOCUMENT) "," \
  INITIATIVE ("i6", "cp", "2024", "") "]"

static void
assert_count_finding (CollabFinding *finding,
                      gint64         year,
                      gint64         actual)
{
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_WARNING);
  collab_test_assert_subject_keys (finding, "program", "year", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "program"), ==, "cp");
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, year);
  collab_test_assert_json (collab_finding_get_expected (finding), "{\"min\":1,\"max\":3}");
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_actual (finding)), ==, actual);
}

static void
test_initiative_count (void)
{
  g_autoptr(CollabDataset) dataset = program_dataset (INITIATIVES);
  g_autoptr(GPtrArray) findings = NULL;

  /* 2024 is not past yet. */
  findings = check (dataset, "initiative.count", NULL, "2024-12-31");
  assert_count_finding (collab_test_assert_one_finding (findings), 2023, 0);
  collab_test_assert_message_contains (nth (findings, 0), "Program cp has 0 key initiatives for 2023, fewer than the 1");
  g_clear_pointer (&findings, g_ptr_array_unref);

  findings = check (dataset, "initiative.count", NULL, "2025-01-01");
  g_assert_cmpuint (findings->len, ==, 2);
  assert_count_finding (nth (findings, 0), 2023, 0);
  assert_count_finding (nth (findings, 1), 2024, 4);
  collab_test_assert_message_contains (nth (findings, 1), "Program cp has 4 key initiatives for 2024, more than the 3");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Exactly max passes. */
  collab_test_remove_record (dataset, COLLAB_RECORD_KIND_INITIATIVE, "i6");
  findings = check (dataset, "initiative.count", NULL, "2025-01-01");
  assert_count_finding (collab_test_assert_one_finding (findings), 2023, 0);
}

/* Every initiative is judged, past year or not; only cp's set applies
 * the rule. */
static void
test_initiative_plan (void)
{
  g_autoptr(CollabDataset) dataset = program_dataset (INITIATIVES);
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;

  collab_test_add_record (dataset, COLLAB_RECORD_KIND_INITIATIVE, INITIATIVE ("i7", "ew", "2022", ""));
  findings = check (dataset, "initiative.plan", NULL, "2022-01-01");
  finding = collab_test_assert_one_finding (findings);
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_WARNING);
  collab_test_assert_subject_keys (finding, "initiative", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "initiative"), ==, "i6");
  collab_test_assert_message_contains (finding, "Key initiative i6 (“专项i6”) of program cp for 2024 has no implementation plan");
}

/* --- counterpart-2022 ------------------------------------------------ */

/* A program naming counterpart-2022 is judged by it: the plan's rules
 * and three kinds of event, no talent or fund rule; the east–west
 * program beside it by east-west-2021. */
static void
test_counterpart_ruleset (void)
{
  g_autoptr(CollabDataset) dataset = program_dataset (
    "\"tasks\": [" TASK ("t-cp", "cp", "1", "") "," TASK ("t-ew", "ew", "1", "") "]");
  g_autoptr(GPtrArray) findings = check (dataset, NULL, NULL, "2023-06-30");
  guint cp = 0, park = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = nth (findings, i);
      const char *rule = collab_finding_get_rule (finding);

      g_test_message ("%s: %s", rule, collab_finding_get_message (finding));
      g_assert_false (g_str_has_prefix (rule, "666.") || g_str_has_prefix (rule, "fund."));
      if (g_str_has_prefix (rule, "task.") || g_str_has_prefix (rule, "initiative."))
        {
          const char *task = collab_finding_get_subject_string (finding, "task");

          g_assert_true (task == NULL || g_str_equal (task, "t-cp"));
          cp++;
        }
      if (g_str_equal (rule, "event.annual"))
        {
          const char *program = collab_finding_get_subject_string (finding, "program");
          const char *kind = collab_finding_get_subject_string (finding, "kind");

          park += g_str_equal (kind, "park_meeting");
          g_assert_true (g_str_equal (program, "cp") || !g_str_equal (kind, "park_meeting"));
        }
    }
  /* t-cp: two sides, 2022's report; 2022's initiatives. */
  g_assert_cmpuint (cp, ==, 4);
  g_assert_cmpuint (park, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/rule/program/event-annual/past-years", test_event_annual_past_years);
  g_test_add_func ("/collab/rule/program/event-annual/min", test_event_annual_min);
  g_test_add_func ("/collab/rule/program/task-responsible", test_task_responsible);
  g_test_add_func ("/collab/rule/program/task-report", test_task_report);
  g_test_add_func ("/collab/rule/program/initiative-count", test_initiative_count);
  g_test_add_func ("/collab/rule/program/initiative-plan", test_initiative_plan);
  g_test_add_func ("/collab/rule/program/counterpart-2022", test_counterpart_ruleset);

  return g_test_run ();
}
