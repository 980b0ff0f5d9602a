/* test-rule-cadre.c: the cadre rules (rules/cadre/, SPEC §5 "Cadres")
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * cadre.continuity on the program of tests/data/yanan-2022.json, 2022–2023
 * assisting Yan'an, with jiangyin→yanchuan and huishan→yanchang; each
 * test merges cadre dispatches and looks at the rule's findings. Every
 * check has an explicit as-of day.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

/* Ids stay unique across the stints merged into one dataset. */
static guint next_id;

/* Cadre stints: "post to start end [actual_end]" lines, ';'-separated,
 * all by person c1 (who they are does not matter to the rule). */
static void
add_cadres (CollabDataset *dataset,
            const char    *stints)
{
  g_auto(GStrv) lines = g_strsplit (stints, ";", -1);
  g_autoptr(GString) json = g_string_new ("\"dispatches\": [");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) w = g_strsplit (g_strstrip (lines[i]), " ", -1);
      const char *direction = "outbound";
      const char *from = "jiangyin";

      if (g_strv_length (w) < 4)
        continue;
      /* A leading "inbound" or "professional" word changes the dispatch. */
      if (g_str_equal (w[0], "inbound"))
        direction = "inbound", from = "yanchuan";
      g_string_append_printf (json,
                              "%s{\"id\": \"k%u\", \"person\": \"c%u\", \"kind\": \"%s\", \"direction\": \"%s\", "
                              "\"from\": \"%s\", \"to\": \"%s\", \"post\": \"%s\", \"start\": \"%s\", "
                              "\"planned_end\": \"%s\"",
                              i > 0 ? ", " : "", next_id++, i % 6 + 1, "cadre", direction,
                              g_str_equal (direction, "inbound") ? w[2] : from,
                              g_str_equal (direction, "inbound") ? "jiangyin" : w[1],
                              g_str_equal (direction, "inbound") ? w[1] : w[0],
                              g_str_equal (direction, "inbound") ? w[3] : w[2],
                              g_str_equal (direction, "inbound") ? w[4] : w[3]);
      if (!g_str_equal (direction, "inbound") && w[4] != NULL)
        g_string_append_printf (json, ", \"actual_end\": \"%s\"", w[4]);
      g_string_append (json, "}");
    }
  g_string_append (json, "]");
  collab_test_merge_members (dataset, json->str);
}

/* The findings as "post region from to" lines, in order. */
static char *
gaps (GPtrArray *findings)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      g_test_message ("%s", collab_finding_get_message (finding));
      g_string_append_printf (text, "%s%s %s %s %s", i > 0 ? "; " : "",
                              collab_finding_get_subject_string (finding, "post"),
                              collab_finding_get_subject_string (finding, "region"),
                              collab_finding_get_subject_string (finding, "from"),
                              collab_finding_get_subject_string (finding, "to"));
    }
  return g_string_free (text, FALSE);
}

/* Full cover of the program period for all three posts but the one a
 * test is about. */
#define COVER_YANAN      "working_group yanan 2021-12-01 2024-01-31"
#define COVER_YANCHANG   "liaison yanchang 2022-01-01 2023-12-31"
#define COVER_YANCHUAN   "liaison yanchuan 2022-01-01 2023-12-31"

static void
test_continuity_covered (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_yanan_2022_dataset ();
  g_autoptr(GPtrArray) findings = NULL;

  /* Overlapping and back-to-back rotations leave no gap. */
  add_cadres (dataset, COVER_YANAN ";" COVER_YANCHANG ";"
                       "liaison yanchuan 2021-06-01 2022-06-30;"
                       "liaison yanchuan 2022-06-01 2022-12-31;"
                       "liaison yanchuan 2023-01-01 2023-06-30;"
                       "liaison yanchuan 2023-07-01 2025-06-30");
  findings = collab_test_check_as_of (dataset, "cadre.continuity", "2024-06-30");
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_continuity_nothing (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_yanan_2022_dataset ();
  g_autoptr(GPtrArray) findings = collab_test_check_as_of (dataset, "cadre.continuity", "2024-06-30");
  g_autofree char *found = gaps (findings);
  CollabFinding *finding;

  /* Sorted by subject: post, then region. */
  g_assert_cmpstr (found, ==,
                   "liaison yanchang 2022-01-01 2023-12-31; "
                   "liaison yanchuan 2022-01-01 2023-12-31; "
                   "working_group yanan 2022-01-01 2023-12-31");
  finding = g_ptr_array_index (findings, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "program"), ==, "prog");
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_VIOLATION);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_expected (finding)), ==, 1);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_actual (finding)), ==, 0);
  collab_test_assert_message_contains (finding, "working-group cadre (工作组)");
  collab_test_assert_message_contains (finding, "yanan (延安市)");
  collab_test_assert_message_contains (finding, "(730 days)");

  collab_test_assert_subject_keys (finding, "program", "post", "region", "from", "to", NULL);
}

/* A one-day gap between two rotations. */
static void
test_continuity_one_day_gap (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_yanan_2022_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;

  add_cadres (dataset, COVER_YANAN ";" COVER_YANCHANG ";"
                       "liaison yanchuan 2022-01-01 2022-12-31 2022-08-30;"
                       "liaison yanchuan 2022-09-01 2023-12-31");
  findings = collab_test_check_as_of (dataset, "cadre.continuity", "2024-06-30");
  found = gaps (findings);
  g_assert_cmpstr (found, ==, "liaison yanchuan 2022-08-31 2022-08-31");
  collab_test_assert_message_contains (g_ptr_array_index (findings, 0), "(1 day)");
  collab_test_assert_message_contains (g_ptr_array_index (findings, 0), "left on 2022-08-30");
  collab_test_assert_message_contains (g_ptr_array_index (findings, 0), "arrived on 2022-09-01");
}

/* Gaps of one day at the start and at the end of the period. */
static void
test_continuity_edges (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_yanan_2022_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;

  add_cadres (dataset, COVER_YANCHANG ";" COVER_YANCHUAN ";"
                       "working_group yanan 2022-01-02 2023-01-31;"
                       "working_group yanan 2023-01-15 2023-12-30");
  findings = collab_test_check_as_of (dataset, "cadre.continuity", "2024-06-30");
  found = gaps (findings);
  g_assert_cmpstr (found, ==, "working_group yanan 2022-01-01 2022-01-01; working_group yanan 2023-12-31 2023-12-31");
  collab_test_assert_message_contains (g_ptr_array_index (findings, 0), "the first should arrive on 2022-01-01");
  collab_test_assert_message_contains (g_ptr_array_index (findings, 1), "send a successor who arrives on 2023-12-31");
}

/* The as-of day cuts the period: later days are not judged yet; and a
 * planned end counts until an actual end says otherwise. */
static void
test_continuity_as_of (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_yanan_2022_dataset ();
  g_autoptr(GPtrArray) mid = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autofree char *found = NULL;

  add_cadres (dataset, COVER_YANAN ";" COVER_YANCHANG ";"
                       "liaison yanchuan 2022-01-01 2022-12-31;"
                       "liaison yanchuan 2023-03-01 2024-02-28");
  mid = collab_test_check_as_of (dataset, "cadre.continuity", "2022-12-31");
  g_assert_cmpuint (mid->len, ==, 0);

  later = collab_test_check_as_of (dataset, "cadre.continuity", "2023-02-10");
  found = gaps (later);
  g_assert_cmpstr (found, ==, "liaison yanchuan 2023-01-01 2023-02-10");

  /* Before the program starts, nothing is judged. */
  before = collab_test_check_as_of (dataset, "cadre.continuity", "2021-06-30");
  g_assert_cmpuint (before->len, ==, 0);
}

/* Only outbound cadres with the right post at the right level count: a
 * liaison sent to the city, a working group sent to a county, an inbound
 * cadre or a professional do not. */
static void
test_continuity_what_counts (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_yanan_2022_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;

  add_cadres (dataset, COVER_YANCHANG ";"
                       "liaison yanan 2022-01-01 2023-12-31;"
                       "working_group yanchuan 2022-01-01 2023-12-31;"
                       "inbound liaison yanchuan 2022-01-01 2023-12-31");
  collab_test_merge_members (dataset, "\"dispatches\": [{\"id\": \"prof\", \"person\": \"c2\", \"kind\": \"professional\", "
                                      "\"direction\": \"outbound\", \"from\": \"jiangyin\", \"to\": \"yanchuan\", "
                                      "\"post\": \"liaison\", \"start\": \"2022-01-01\", \"planned_end\": \"2023-12-31\"}]");
  findings = collab_test_check_as_of (dataset, "cadre.continuity", "2024-06-30");
  found = gaps (findings);
  g_assert_cmpstr (found, ==,
                   "liaison yanchuan 2022-01-01 2023-12-31; working_group yanan 2022-01-01 2023-12-31");
}

/* A county paired for part of the program needs a liaison in those years. */
static void
test_continuity_pairing_period (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_yanan_2022_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_PAIRING, "p2", &error));
  g_assert_no_error (error);
  collab_test_merge_members (dataset, "\"pairings\": [{\"id\": \"p2b\", \"program\": \"prog\", \"assisting\": \"huishan\", "
                                      "\"assisted\": \"yanchang\", \"level\": \"county\", \"period\": {\"first_year\": 2023, \"last_year\": 2023}}]");
  add_cadres (dataset, COVER_YANAN ";" COVER_YANCHUAN ";" "liaison yanchang 2023-02-01 2023-12-31");
  findings = collab_test_check_as_of (dataset, "cadre.continuity", "2024-06-30");
  found = gaps (findings);
  g_assert_cmpstr (found, ==, "liaison yanchang 2023-01-01 2023-01-31");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/rules/cadre/continuity/covered", test_continuity_covered);
  g_test_add_func ("/collab/rules/cadre/continuity/nothing", test_continuity_nothing);
  g_test_add_func ("/collab/rules/cadre/continuity/one-day-gap", test_continuity_one_day_gap);
  g_test_add_func ("/collab/rules/cadre/continuity/edges", test_continuity_edges);
  g_test_add_func ("/collab/rules/cadre/continuity/as-of", test_continuity_as_of);
  g_test_add_func ("/collab/rules/cadre/continuity/what-counts", test_continuity_what_counts);
  g_test_add_func ("/collab/rules/cadre/continuity/pairing-period", test_continuity_pairing_period);

  return g_test_run ();
}
