/* test-dataset.c: the dataset object (model/collab-dataset.c, io/collab-dataset-io.c): loading, querying and changing it (SPEC §4, §8, §9)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Most cases run against the two example datasets of the seeds: Wuxi with
 * Yan'an and Haidong (22 regions, 11 pairings) and Zhuhai with Zunyi (17
 * regions, 8 pairings). Small documents written here cover what the
 * examples do not have: periods, renumbering after a removal, merges.
 */

#include <string.h>

#include <glib/gstdio.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

#define HEADER "\"format\": \"libcollab-dataset\", \"version\": 1"

/* Helpers ------------------------------------------------------------------ */

/* Compares a NULL-terminated list of ids with the expected ones, in order. */
static void
assert_ids (char       **ids,
            const char  *first,
            ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) expected = NULL;
  g_autofree char *found_text = NULL;
  g_autofree char *expected_text = NULL;
  va_list args;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    g_strv_builder_add (builder, id);
  va_end (args);
  expected = g_strv_builder_end (builder);

  found_text = g_strjoinv (", ", ids);
  expected_text = g_strjoinv (", ", expected);
  g_assert_cmpstr (found_text, ==, expected_text);
  g_assert_true (g_strv_equal ((const char * const *) ids, (const char * const *) expected));
}

/* The ids of a GPtrArray of records, in order. */
static char **
record_ids (GPtrArray *records)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < records->len; i++)
    g_strv_builder_add (builder, collab_record_get_id (g_ptr_array_index (records, i)));
  return g_strv_builder_end (builder);
}

static void
count_changed (CollabDataset *dataset,
               guint         *count)
{
  (*count)++;
}

/* Loading ------------------------------------------------------------------ */

static void
test_load_wuxi (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");

  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_REGION), ==, 22);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_ORGANIZATION), ==, 6);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PROGRAM), ==, 1);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PAIRING), ==, 11);
  for (CollabRecordKind k = COLLAB_RECORD_KIND_ACCOUNT; k <= COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE; k++)
    g_assert_cmpuint (collab_dataset_get_n_records (dataset, k), ==, 0);
}

static void
test_load_zhuhai (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("zhuhai-zunyi-2021.json");

  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_REGION), ==, 17);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_ORGANIZATION), ==, 4);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PROGRAM), ==, 1);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PAIRING), ==, 8);
}

static void
test_load_empty_dataset (void)
{
  g_autoptr(CollabDataset) dataset = collab_dataset_new ();
  g_auto(GStrv) ids = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_REGION);
  g_autoptr(GPtrArray) pairings = collab_dataset_get_pairings (dataset, NULL, COLLAB_PAIRING_LEVELS_ALL, NULL);
  g_autofree char *text = collab_dataset_to_data (dataset, NULL);

  for (CollabRecordKind k = COLLAB_RECORD_KIND_REGION; k <= COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE; k++)
    g_assert_cmpuint (collab_dataset_get_n_records (dataset, k), ==, 0);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);
  g_assert_cmpuint (pairings->len, ==, 0);
  g_assert_cmpstr (text, ==, "{\n  \"format\": \"libcollab-dataset\",\n  \"version\": 1\n}\n");
}

static void
test_load_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabDataset) dataset = NULL;

  dataset = collab_dataset_new_from_file ("/nonexistent/collab/dataset.json", &error);
  g_assert_null (dataset);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/collab/dataset.json"));
}

static void
test_load_replaces (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = collab_test_example_path ("zhuhai-zunyi-2021.json");
  g_autoptr(CollabRecord) wuxi = NULL;

  g_assert_true (collab_dataset_load_from_file (dataset, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_REGION), ==, 17);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_ORGANIZATION), ==, 4);
  wuxi = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_REGION, "wuxi");
  g_assert_null (wuxi);
}

static void
test_load_failure_keeps_records (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autofree char *before = collab_dataset_to_data (dataset, NULL);
  g_autofree char *after = NULL;
  guint changed = 0;
  /* Good records first: the failure comes after some were read. */
  static const char *bad[] = {
    "{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\"}, {\"id\": \"b\"",
    "{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\"}],"
    " \"pairings\": [{\"id\": \"p\", \"program\": \"nowhere\", \"assisting\": \"a\", \"assisted\": \"a\", \"level\": \"city\"}]}",
    "{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"parent\": \"a\"}]}",
    "{" HEADER ", \"_note\": 1, \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"planet\"}]}",
    "[]",
    "",
  };

  g_signal_connect (dataset, "changed", G_CALLBACK (count_changed), &changed);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("loading bad document %u", i);
      g_assert_false (collab_dataset_load_from_data (dataset, bad[i], -1, &error));
      g_assert_error (error, COLLAB_DATASET_ERROR, error->code);
      g_assert_true (g_str_has_prefix (error->message, "<data>"));
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (collab_dataset_load_from_file (dataset, "/nonexistent/x.json", &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }

  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_REGION), ==, 22);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PAIRING), ==, 11);
  after = collab_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* Look-ups ----------------------------------------------------------------- */

static void
test_lookup (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabRecord) huishan = NULL;
  g_autoptr(CollabRecord) pairing = NULL;
  g_autoptr(CollabRecord) nothing = NULL;
  g_autoptr(CollabRecord) wrong_kind = NULL;
  g_autoptr(CollabRecord) program = NULL;

  huishan = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_REGION, "huishan");
  g_assert_nonnull (huishan);
  g_assert_cmpint (collab_record_get_kind (huishan), ==, COLLAB_RECORD_KIND_REGION);
  g_assert_cmpstr (collab_record_get_id (huishan), ==, "huishan");
  g_assert_cmpstr (collab_record_get_string (huishan, "name"), ==, "惠山区");
  g_assert_cmpstr (collab_record_get_string (huishan, "code"), ==, "320206");
  g_assert_cmpstr (collab_record_get_string (huishan, "parent"), ==, "wuxi");
  g_assert_cmpstr (collab_record_get_string (huishan, "level"), ==, "county");

  pairing = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PAIRING, "p-xinwu-huzhu");
  g_assert_nonnull (pairing);
  g_assert_cmpstr (collab_record_get_string (pairing, "assisting"), ==, "xinwu");
  g_assert_cmpstr (collab_record_get_string (pairing, "assisted"), ==, "huzhu");
  g_assert_cmpstr (collab_record_get_string (pairing, "program"), ==, "wuxi-2021");

  program = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PROGRAM, "wuxi-2021");
  g_assert_nonnull (program);
  g_assert_cmpint (collab_record_get_int (program, "first_year"), ==, 2021);
  g_assert_cmpint (collab_record_get_int (program, "last_year"), ==, 2025);

  nothing = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_REGION, "nowhere");
  g_assert_null (nothing);
  /* Ids are unique within a kind: a region id names no pairing. */
  wrong_kind = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PAIRING, "huishan");
  g_assert_null (wrong_kind);
}

static void
test_lookup_every_id (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("zhuhai-zunyi-2021.json");

  /* Every id listed is found, at the position it is listed at. */
  for (CollabRecordKind k = COLLAB_RECORD_KIND_REGION; k <= COLLAB_RECORD_KIND_PAIRING; k++)
    {
      g_auto(GStrv) ids = collab_dataset_list_ids (dataset, k);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          g_autoptr(CollabRecord) found = collab_dataset_lookup (dataset, k, ids[i]);
          g_autoptr(CollabRecord) at = collab_dataset_get_record (dataset, k, i);

          g_assert_nonnull (found);
          g_assert_cmpstr (collab_record_get_id (found), ==, ids[i]);
          g_assert_cmpstr (collab_record_get_id (at), ==, ids[i]);
        }
    }
}

static void
test_list_ids (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_auto(GStrv) regions = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_REGION);
  g_auto(GStrv) programs = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_PROGRAM);
  g_auto(GStrv) pairings = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_PAIRING);
  g_auto(GStrv) people = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_PERSON);

  g_assert_cmpuint (g_strv_length (regions), ==, 22);
  g_assert_cmpstr (regions[0], ==, "jiangsu");
  g_assert_cmpstr (regions[1], ==, "wuxi");
  g_assert_cmpstr (regions[21], ==, "xunhua");
  assert_ids (programs, "wuxi-2021", NULL);
  g_assert_cmpuint (g_strv_length (pairings), ==, 11);
  g_assert_cmpstr (pairings[0], ==, "p-wuxi-yanan");
  g_assert_cmpstr (pairings[10], ==, "p-liangxi-xunhua");
  g_assert_cmpuint (g_strv_length (people), ==, 0);
}

static void
test_list_ids_optional (void)
{
  /* Kinds whose id is optional list only the records that have one. */
  g_autoptr(CollabDataset) dataset = collab_test_load_data (
    "{" HEADER ","
    " \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"county\", \"side\": \"west\"}],"
    " \"adjustments\": [{\"rule\": \"666.mix\", \"assisted\": \"a\", \"year\": 2022},"
    "                   {\"id\": \"adj-2\", \"rule\": \"666.mix\", \"assisted\": \"a\", \"year\": 2023}]}");
  g_auto(GStrv) ids = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_ADJUSTMENT);
  g_autoptr(CollabRecord) first = collab_dataset_get_record (dataset, COLLAB_RECORD_KIND_ADJUSTMENT, 0);

  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_ADJUSTMENT), ==, 2);
  assert_ids (ids, "adj-2", NULL);
  g_assert_null (collab_record_get_id (first));
  g_assert_cmpint (collab_record_get_int (first, "year"), ==, 2022);
}

static void
test_get_record (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabRecord) first = collab_dataset_get_record (dataset, COLLAB_RECORD_KIND_PAIRING, 0);
  g_autoptr(CollabRecord) last = collab_dataset_get_record (dataset, COLLAB_RECORD_KIND_PAIRING, 10);
  g_autoptr(CollabRecord) past = collab_dataset_get_record (dataset, COLLAB_RECORD_KIND_PAIRING, 11);
  g_autoptr(CollabRecord) none = collab_dataset_get_record (dataset, COLLAB_RECORD_KIND_DISPATCH, 0);

  g_assert_cmpstr (collab_record_get_id (first), ==, "p-wuxi-yanan");
  g_assert_cmpstr (collab_record_get_id (last), ==, "p-liangxi-xunhua");
  g_assert_null (past);
  g_assert_null (none);
}

static void
test_get_records (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) organizations = collab_dataset_get_records (dataset, COLLAB_RECORD_KIND_ORGANIZATION);
  g_autoptr(GPtrArray) accounts = collab_dataset_get_records (dataset, COLLAB_RECORD_KIND_ACCOUNT);
  g_auto(GStrv) ids = record_ids (organizations);

  assert_ids (ids, "js-finance", "sn-finance", "qh-finance", "yanan-finance", "haidong-finance", "wuxi-drc", NULL);
  for (guint i = 0; i < organizations->len; i++)
    {
      CollabRecord *record = g_ptr_array_index (organizations, i);

      g_assert_true (COLLAB_IS_RECORD (record));
      g_assert_cmpint (collab_record_get_kind (record), ==, COLLAB_RECORD_KIND_ORGANIZATION);
      g_assert_cmpstr (collab_record_get_string (record, "kind"), ==, "agency");
    }
  g_assert_cmpuint (accounts->len, ==, 0);
}

/* Queries ------------------------------------------------------------------ */

static void
test_pairings_by_program (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) all = collab_dataset_get_pairings (dataset, NULL, COLLAB_PAIRING_LEVELS_ALL, NULL);
  g_autoptr(GPtrArray) wuxi = collab_dataset_get_pairings (dataset, "wuxi-2021", COLLAB_PAIRING_LEVELS_ALL, NULL);
  g_autoptr(GPtrArray) other = collab_dataset_get_pairings (dataset, "zhuhai-zunyi-2021", COLLAB_PAIRING_LEVELS_ALL, NULL);
  g_autoptr(GPtrArray) region_id = collab_dataset_get_pairings (dataset, "wuxi", COLLAB_PAIRING_LEVELS_ALL, NULL);

  g_assert_cmpuint (all->len, ==, 11);
  g_assert_cmpuint (wuxi->len, ==, 11);
  g_assert_cmpuint (other->len, ==, 0);
  /* "wuxi" is a region, not a program. */
  g_assert_cmpuint (region_id->len, ==, 0);
}

static void
test_pairings_by_level (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) city = collab_dataset_get_pairings (dataset, "wuxi-2021", COLLAB_PAIRING_LEVELS_CITY, NULL);
  g_autoptr(GPtrArray) county = collab_dataset_get_pairings (dataset, "wuxi-2021", COLLAB_PAIRING_LEVELS_COUNTY, NULL);
  g_autoptr(GPtrArray) village = collab_dataset_get_pairings (dataset, NULL, COLLAB_PAIRING_LEVELS_VILLAGE, NULL);
  g_auto(GStrv) city_ids = record_ids (city);
  g_auto(GStrv) county_ids = record_ids (county);

  assert_ids (city_ids, "p-wuxi-yanan", "p-wuxi-haidong", NULL);
  assert_ids (county_ids, "p-jiangyin-yanchuan", "p-yixing-yanchang", "p-xinwu-yichuan",
              "p-huishan-ledu", "p-huishan-pingan", "p-binhu-minhe", "p-xishan-hualong",
              "p-xinwu-huzhu", "p-liangxi-xunhua", NULL);
  g_assert_cmpuint (village->len, ==, 0);
}

static void
test_pairings_by_year (void)
{
  g_autoptr(CollabDataset) wuxi = collab_test_load_example ("wuxi-2021.json");
  /* A program of 2021-2025; one pairing runs for the program's period,
   * one has its own shorter one. */
  g_autoptr(CollabDataset) dataset = collab_test_load_data (
    "{" HEADER ","
    " \"regions\": [{\"id\": \"e\", \"name\": \"E\", \"level\": \"city\", \"side\": \"east\"},"
    "               {\"id\": \"e1\", \"name\": \"E1\", \"level\": \"county\", \"parent\": \"e\"},"
    "               {\"id\": \"w\", \"name\": \"W\", \"level\": \"city\", \"side\": \"west\"},"
    "               {\"id\": \"w1\", \"name\": \"W1\", \"level\": \"county\", \"parent\": \"w\"},"
    "               {\"id\": \"w2\", \"name\": \"W2\", \"level\": \"county\", \"parent\": \"w\"}],"
    " \"programs\": [{\"id\": \"prog\", \"name\": \"P\", \"kind\": \"east_west\", \"first_year\": 2021,"
    "                \"last_year\": 2025, \"assisting\": \"e\", \"assisted\": [\"w\"]}],"
    " \"pairings\": [{\"id\": \"whole\", \"program\": \"prog\", \"assisting\": \"e1\", \"assisted\": \"w1\", \"level\": \"county\"},"
    "                {\"id\": \"part\", \"program\": \"prog\", \"assisting\": \"e1\", \"assisted\": \"w2\", \"level\": \"county\","
    "                 \"period\": {\"first_year\": 2022, \"last_year\": 2023}}]}");
  static const struct { int year; const char *ids; } cases[] = {
    { 0, "whole part" },
    { 2020, "" },
    { 2021, "whole" },
    { 2022, "whole part" },
    { 2023, "whole part" },
    { 2024, "whole" },
    { 2025, "whole" },
    { 2026, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) pairings = collab_dataset_get_pairings (dataset, "prog", COLLAB_PAIRING_LEVELS_ALL, COLLAB_TEST_YEARS (cases[i].year));
      g_auto(GStrv) ids = record_ids (pairings);
      g_autofree char *joined = g_strjoinv (" ", ids);

      g_test_message ("year %d", cases[i].year);
      g_assert_cmpstr (joined, ==, cases[i].ids);
    }

  for (int year = 2021; year <= 2025; year++)
    {
      g_autoptr(GPtrArray) pairings = collab_dataset_get_pairings (wuxi, "wuxi-2021", COLLAB_PAIRING_LEVELS_COUNTY, COLLAB_TEST_YEARS (year));
      g_assert_cmpuint (pairings->len, ==, 9);
    }
  {
    g_autoptr(GPtrArray) before = collab_dataset_get_pairings (wuxi, "wuxi-2021", COLLAB_PAIRING_LEVELS_ALL, &(CollabYearRange) { 2020, 2020 });
    g_autoptr(GPtrArray) after = collab_dataset_get_pairings (wuxi, "wuxi-2021", COLLAB_PAIRING_LEVELS_ALL, &(CollabYearRange) { 2026, 2026 });

    g_assert_cmpuint (before->len, ==, 0);
    g_assert_cmpuint (after->len, ==, 0);
  }
}

static void
test_partners (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_auto(GStrv) huishan = collab_dataset_get_partners (dataset, "huishan", NULL);
  g_auto(GStrv) xinwu = collab_dataset_get_partners (dataset, "xinwu", NULL);
  g_auto(GStrv) xinwu_2023 = collab_dataset_get_partners (dataset, "xinwu", &(CollabYearRange) { 2023, 2023 });
  g_auto(GStrv) pingan = collab_dataset_get_partners (dataset, "pingan", NULL);
  g_auto(GStrv) wuxi = collab_dataset_get_partners (dataset, "wuxi", &(CollabYearRange) { 2021, 2021 });
  g_auto(GStrv) later = collab_dataset_get_partners (dataset, "huishan", &(CollabYearRange) { 2030, 2030 });
  g_auto(GStrv) unpaired = collab_dataset_get_partners (dataset, "jiangsu", NULL);
  g_auto(GStrv) unknown = collab_dataset_get_partners (dataset, "nowhere", NULL);

  /* Many-to-many (SPEC §4): 惠山区 with 乐都区 and 平安区, both in Haidong;
   * 新吴区 with 宜川县 in Yan'an and 互助县 in Haidong. */
  assert_ids (huishan, "ledu", "pingan", NULL);
  assert_ids (xinwu, "yichuan", "huzhu", NULL);
  assert_ids (xinwu_2023, "yichuan", "huzhu", NULL);
  /* From the assisted side too. */
  assert_ids (pingan, "huishan", NULL);
  assert_ids (wuxi, "yanan", "haidong", NULL);
  assert_ids (later, NULL);
  assert_ids (unpaired, NULL);
  assert_ids (unknown, NULL);
}

static void
test_partners_zhuhai (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("zhuhai-zunyi-2021.json");
  g_auto(GStrv) hengqin = collab_dataset_get_partners (dataset, "hengqin", NULL);
  g_auto(GStrv) xiangzhou = collab_dataset_get_partners (dataset, "xiangzhou", &(CollabYearRange) { 2021, 2021 });
  g_auto(GStrv) daozhen = collab_dataset_get_partners (dataset, "daozhen", NULL);

  assert_ids (hengqin, "zhengan", "tongzi", NULL);
  assert_ids (xiangzhou, "fenggang", "wuchuan", NULL);
  assert_ids (daozhen, "zhuhai-gaoxin", NULL);
}

static void
test_partners_once (void)
{
  /* Two pairings of the same units in different periods: the partner is
   * listed once. */
  g_autoptr(CollabDataset) dataset = collab_test_load_data (
    "{" HEADER ","
    " \"regions\": [{\"id\": \"e\", \"name\": \"E\", \"level\": \"county\", \"side\": \"east\"},"
    "               {\"id\": \"w\", \"name\": \"W\", \"level\": \"county\", \"side\": \"west\"}],"
    " \"programs\": [{\"id\": \"prog\", \"name\": \"P\", \"kind\": \"east_west\", \"first_year\": 2016,"
    "                \"last_year\": 2025, \"assisting\": \"e\", \"assisted\": [\"w\"]}],"
    " \"pairings\": [{\"id\": \"p1\", \"program\": \"prog\", \"assisting\": \"e\", \"assisted\": \"w\", \"level\": \"county\","
    "                 \"period\": {\"first_year\": 2016, \"last_year\": 2020}},"
    "                {\"id\": \"p2\", \"program\": \"prog\", \"assisting\": \"e\", \"assisted\": \"w\", \"level\": \"county\","
    "                 \"period\": {\"first_year\": 2021, \"last_year\": 2025}}]}");
  g_auto(GStrv) any = collab_dataset_get_partners (dataset, "e", NULL);
  g_auto(GStrv) y2018 = collab_dataset_get_partners (dataset, "w", &(CollabYearRange) { 2018, 2018 });
  g_auto(GStrv) y2026 = collab_dataset_get_partners (dataset, "w", &(CollabYearRange) { 2026, 2026 });

  assert_ids (any, "w", NULL);
  assert_ids (y2018, "e", NULL);
  assert_ids (y2026, NULL);
}

static void
test_counties (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_auto(GStrv) yanan = collab_dataset_get_counties (dataset, "yanan");
  g_auto(GStrv) haidong = collab_dataset_get_counties (dataset, "haidong");
  g_auto(GStrv) wuxi = collab_dataset_get_counties (dataset, "wuxi");
  g_auto(GStrv) jiangsu = collab_dataset_get_counties (dataset, "jiangsu");
  g_auto(GStrv) county = collab_dataset_get_counties (dataset, "huishan");
  g_auto(GStrv) unknown = collab_dataset_get_counties (dataset, "nowhere");

  assert_ids (yanan, "yanchang", "yanchuan", "yichuan", NULL);
  assert_ids (haidong, "ledu", "pingan", "minhe", "huzhu", "hualong", "xunhua", NULL);
  assert_ids (wuxi, "xishan", "huishan", "binhu", "liangxi", "xinwu", "jiangyin", "yixing", NULL);
  /* At any depth below a province. */
  assert_ids (jiangsu, "xishan", "huishan", "binhu", "liangxi", "xinwu", "jiangyin", "yixing", NULL);
  assert_ids (county, NULL);
  assert_ids (unknown, NULL);
}

static void
test_counties_functional_zones (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("zhuhai-zunyi-2021.json");
  g_auto(GStrv) zhuhai = collab_dataset_get_counties (dataset, "zhuhai");
  g_auto(GStrv) zunyi = collab_dataset_get_counties (dataset, "zunyi");

  /* 横琴新区 and 高新区 are functional zones at county level (SPEC §4). */
  assert_ids (zhuhai, "xiangzhou", "doumen", "jinwan", "hengqin", "zhuhai-gaoxin", NULL);
  g_assert_cmpuint (g_strv_length (zunyi), ==, 8);
}

static void
test_region_side (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabDataset) mixed = collab_test_load_data (
    "{" HEADER ","
    " \"regions\": [{\"id\": \"lonely\", \"name\": \"L\", \"level\": \"county\"},"
    "               {\"id\": \"child\", \"name\": \"C\", \"level\": \"county\", \"parent\": \"city\"},"
    "               {\"id\": \"city\", \"name\": \"C\", \"level\": \"city\", \"parent\": \"prov\"},"
    "               {\"id\": \"prov\", \"name\": \"P\", \"level\": \"province\", \"side\": \"west\"},"
    "               {\"id\": \"own\", \"name\": \"O\", \"level\": \"county\", \"parent\": \"city\", \"side\": \"east\"},"
    "               {\"id\": \"below-own\", \"name\": \"B\", \"level\": \"township\", \"parent\": \"own\"}]}");

  /* Its own side, or that of the nearest ancestor that has one. */
  g_assert_cmpint (collab_dataset_get_region_side (dataset, "jiangsu"), ==, COLLAB_SIDE_EAST);
  g_assert_cmpint (collab_dataset_get_region_side (dataset, "wuxi"), ==, COLLAB_SIDE_EAST);
  g_assert_cmpint (collab_dataset_get_region_side (dataset, "huishan"), ==, COLLAB_SIDE_EAST);
  g_assert_cmpint (collab_dataset_get_region_side (dataset, "yanan"), ==, COLLAB_SIDE_WEST);
  g_assert_cmpint (collab_dataset_get_region_side (dataset, "ledu"), ==, COLLAB_SIDE_WEST);
  g_assert_cmpint (collab_dataset_get_region_side (dataset, "nowhere"), ==, COLLAB_SIDE_UNKNOWN);

  /* Parents named before they are defined resolve all the same. */
  g_assert_cmpint (collab_dataset_get_region_side (mixed, "lonely"), ==, COLLAB_SIDE_UNKNOWN);
  g_assert_cmpint (collab_dataset_get_region_side (mixed, "child"), ==, COLLAB_SIDE_WEST);
  g_assert_cmpint (collab_dataset_get_region_side (mixed, "city"), ==, COLLAB_SIDE_WEST);
  g_assert_cmpint (collab_dataset_get_region_side (mixed, "own"), ==, COLLAB_SIDE_EAST);
  g_assert_cmpint (collab_dataset_get_region_side (mixed, "below-own"), ==, COLLAB_SIDE_EAST);
}

static void
test_region_side_not_written (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabRecord) wuxi = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_REGION, "wuxi");

  /* The derived side is not a member: a save writes what was read. */
  g_assert_false (collab_record_has_field (wuxi, "side"));
  g_assert_null (collab_record_get_string (wuxi, "side"));
}

/* Adding ------------------------------------------------------------------- */

static void
test_add_pairing (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRecord) record = NULL;
  g_autoptr(CollabRecord) found = NULL;
  g_auto(GStrv) partners = NULL;
  guint changed = 0;

  g_signal_connect (dataset, "changed", G_CALLBACK (count_changed), &changed);
  record = collab_record_new_from_json (COLLAB_RECORD_KIND_PAIRING,
                                        "{\"id\": \"p-jiangyin-minhe\", \"program\": \"wuxi-2021\","
                                        " \"assisting\": \"jiangyin\", \"assisted\": \"minhe\", \"level\": \"county\","
                                        " \"period\": {\"first_year\": 2022, \"last_year\": 2023}}",
                                        &error);
  g_assert_no_error (error);

  g_assert_true (collab_dataset_add (dataset, record, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PAIRING), ==, 12);

  found = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PAIRING, "p-jiangyin-minhe");
  g_assert_nonnull (found);
  g_assert_cmpstr (collab_record_get_string (found, "assisted"), ==, "minhe");

  partners = collab_dataset_get_partners (dataset, "minhe", &(CollabYearRange) { 2022, 2022 });
  assert_ids (partners, "binhu", "jiangyin", NULL);
  g_clear_pointer (&partners, g_strfreev);
  partners = collab_dataset_get_partners (dataset, "minhe", &(CollabYearRange) { 2024, 2024 });
  assert_ids (partners, "binhu", NULL);
}

static void
test_add_region (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRecord) record = NULL;
  g_auto(GStrv) counties = NULL;

  record = collab_record_new_from_json (COLLAB_RECORD_KIND_REGION,
                                        "{\"id\": \"yanchuan-v1\", \"name\": \"某村\", \"level\": \"village\","
                                        " \"parent\": \"yanchuan\"}", &error);
  g_assert_no_error (error);
  g_assert_true (collab_dataset_add (dataset, record, &error));
  g_assert_no_error (error);

  /* The side of a new record is derived like that of a loaded one. */
  g_assert_cmpint (collab_dataset_get_region_side (dataset, "yanchuan-v1"), ==, COLLAB_SIDE_WEST);
  counties = collab_dataset_get_counties (dataset, "yanan");
  assert_ids (counties, "yanchang", "yanchuan", "yichuan", NULL);
}

static void
assert_add_fails (CollabDataset    *dataset,
                  CollabRecordKind  kind,
                  const char       *json,
                  int               code,
                  const char       *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRecord) record = collab_record_new_from_json (kind, json, &error);
  g_autofree char *before = collab_dataset_to_data (dataset, NULL);
  g_autofree char *after = NULL;
  guint n = collab_dataset_get_n_records (dataset, kind);
  guint changed = 0;
  gulong handler;

  g_assert_no_error (error);
  handler = g_signal_connect (dataset, "changed", G_CALLBACK (count_changed), &changed);

  g_assert_false (collab_dataset_add (dataset, record, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message));

  /* Nothing changed, and nothing was announced. */
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, kind), ==, n);
  after = collab_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (after, ==, before);
  g_signal_handler_disconnect (dataset, handler);
}

static void
test_add_dangling (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabRecord) gone = NULL;

  assert_add_fails (dataset, COLLAB_RECORD_KIND_PAIRING,
                    "{\"id\": \"p-new\", \"program\": \"wuxi-2021\", \"assisting\": \"jiangyin\","
                    " \"assisted\": \"nowhere\", \"level\": \"county\"}",
                    COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                    "$.pairings[0] (p-new).assisted: no region or organization has the id \"nowhere\"");
  assert_add_fails (dataset, COLLAB_RECORD_KIND_PAIRING,
                    "{\"id\": \"p-new\", \"program\": \"wuxi-2022\", \"assisting\": \"jiangyin\","
                    " \"assisted\": \"yanchuan\", \"level\": \"county\"}",
                    COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                    "$.pairings[0] (p-new).program: no program has the id \"wuxi-2022\"");
  gone = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PAIRING, "p-new");
  g_assert_null (gone);
}

static void
test_add_duplicate_id (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");

  assert_add_fails (dataset, COLLAB_RECORD_KIND_PAIRING,
                    "{\"id\": \"p-huishan-ledu\", \"program\": \"wuxi-2021\", \"assisting\": \"jiangyin\","
                    " \"assisted\": \"ledu\", \"level\": \"county\"}",
                    COLLAB_DATASET_ERROR_DUPLICATE_ID,
                    "the pairing id \"p-huishan-ledu\" is already used by $.pairings[5]");
  assert_add_fails (dataset, COLLAB_RECORD_KIND_REGION,
                    "{\"id\": \"wuxi\", \"name\": \"无锡市\", \"level\": \"city\"}",
                    COLLAB_DATASET_ERROR_DUPLICATE_ID,
                    "the region id \"wuxi\" is already used by $.regions[1]");
}

static void
test_add_invalid (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");

  assert_add_fails (dataset, COLLAB_RECORD_KIND_PAIRING,
                    "{\"id\": \"p-new\", \"program\": \"wuxi-2021\", \"assisting\": \"jiangyin\","
                    " \"assisted\": \"ledu\", \"level\": \"province\"}",
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.pairings[0] (p-new).level: expected one of city, county");
  assert_add_fails (dataset, COLLAB_RECORD_KIND_PAIRING,
                    "{\"id\": \"p-new\", \"assisting\": \"jiangyin\", \"assisted\": \"ledu\", \"level\": \"county\"}",
                    COLLAB_DATASET_ERROR_MISSING_MEMBER, "a pairing needs the member \"program\"");
  assert_add_fails (dataset, COLLAB_RECORD_KIND_REGION,
                    "{\"id\": \"loop\", \"name\": \"L\", \"level\": \"city\", \"parent\": \"loop\"}",
                    COLLAB_DATASET_ERROR_INCONSISTENT, "the region \"loop\" is its own ancestor");
}

/* Removing ----------------------------------------------------------------- */

static void
test_remove_pairing (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRecord) kept = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PAIRING, "p-huishan-ledu");
  g_autoptr(CollabRecord) gone = NULL;
  g_autoptr(CollabRecord) next = NULL;
  g_auto(GStrv) partners = NULL;
  guint changed = 0;

  g_signal_connect (dataset, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_true (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_PAIRING, "p-huishan-ledu", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PAIRING), ==, 10);

  gone = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PAIRING, "p-huishan-ledu");
  g_assert_null (gone);
  /* The record after it moved into its place and is still found by id. */
  next = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PAIRING, "p-huishan-pingan");
  g_assert_nonnull (next);
  g_clear_object (&next);
  next = collab_dataset_get_record (dataset, COLLAB_RECORD_KIND_PAIRING, 5);
  g_assert_cmpstr (collab_record_get_id (next), ==, "p-huishan-pingan");

  partners = collab_dataset_get_partners (dataset, "huishan", NULL);
  assert_ids (partners, "pingan", NULL);

  /* A record taken before is a snapshot. */
  g_assert_cmpstr (collab_record_get_string (kept, "assisted"), ==, "ledu");
}

static void
test_remove_referenced (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autofree char *before = collab_dataset_to_data (dataset, NULL);
  g_autofree char *after = NULL;
  guint changed = 0;
  static const struct { CollabRecordKind kind; const char *id; const char *message; } cases[] = {
    { COLLAB_RECORD_KIND_REGION, "ledu",
      "the region \"ledu\" cannot be removed: $.pairings[5] (p-huishan-ledu).assisted refers to it" },
    { COLLAB_RECORD_KIND_REGION, "jiangyin",
      "the region \"jiangyin\" cannot be removed: $.pairings[2] (p-jiangyin-yanchuan).assisting refers to it" },
    { COLLAB_RECORD_KIND_REGION, "wuxi",
      "the region \"wuxi\" cannot be removed: $.regions[2] (xishan).parent refers to it" },
    { COLLAB_RECORD_KIND_PROGRAM, "wuxi-2021",
      "the program \"wuxi-2021\" cannot be removed: $.pairings[0] (p-wuxi-yanan).program refers to it" },
  };

  g_signal_connect (dataset, "changed", G_CALLBACK (count_changed), &changed);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (collab_dataset_remove (dataset, cases[i].kind, cases[i].id, &error));
      g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_INCONSISTENT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  g_assert_cmpuint (changed, ==, 0);
  after = collab_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (after, ==, before);
}

static void
test_remove_not_found (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GError) error = NULL;

  g_assert_false (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_PAIRING, "huishan", &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "no pairing has the id \"huishan\"");
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PAIRING), ==, 11);
}

static void
test_remove_renumbers (void)
{
  /* The first region and the first pairing go; references to every
   * record after them must still name the same records. */
  g_autoptr(CollabDataset) dataset = collab_test_load_data (
    "{" HEADER ","
    " \"regions\": [{\"id\": \"spare\", \"name\": \"S\", \"level\": \"county\"},"
    "               {\"id\": \"e\", \"name\": \"E\", \"level\": \"city\", \"side\": \"east\"},"
    "               {\"id\": \"e1\", \"name\": \"E1\", \"level\": \"county\", \"parent\": \"e\"},"
    "               {\"id\": \"w\", \"name\": \"W\", \"level\": \"city\", \"side\": \"west\"},"
    "               {\"id\": \"w1\", \"name\": \"W1\", \"level\": \"county\", \"parent\": \"w\"},"
    "               {\"id\": \"w2\", \"name\": \"W2\", \"level\": \"county\", \"parent\": \"w\"}],"
    " \"programs\": [{\"id\": \"prog\", \"name\": \"P\", \"kind\": \"east_west\", \"first_year\": 2021,"
    "                \"last_year\": 2025, \"assisting\": \"e\", \"assisted\": [\"w\"],"
    "                \"fund_base\": [{\"city\": \"w\", \"base\": \"1920万\"}]}],"
    " \"pairings\": [{\"id\": \"p0\", \"program\": \"prog\", \"assisting\": \"e1\", \"assisted\": \"w1\", \"level\": \"county\"},"
    "                {\"id\": \"p1\", \"program\": \"prog\", \"assisting\": \"e1\", \"assisted\": \"w2\", \"level\": \"county\"}]}");
  g_autoptr(CollabDataset) expected = collab_test_load_data (
    "{" HEADER ","
    " \"regions\": [{\"id\": \"e\", \"name\": \"E\", \"level\": \"city\", \"side\": \"east\"},"
    "               {\"id\": \"e1\", \"name\": \"E1\", \"level\": \"county\", \"parent\": \"e\"},"
    "               {\"id\": \"w\", \"name\": \"W\", \"level\": \"city\", \"side\": \"west\"},"
    "               {\"id\": \"w1\", \"name\": \"W1\", \"level\": \"county\", \"parent\": \"w\"},"
    "               {\"id\": \"w2\", \"name\": \"W2\", \"level\": \"county\", \"parent\": \"w\"}],"
    " \"programs\": [{\"id\": \"prog\", \"name\": \"P\", \"kind\": \"east_west\", \"first_year\": 2021,"
    "                \"last_year\": 2025, \"assisting\": \"e\", \"assisted\": [\"w\"],"
    "                \"fund_base\": [{\"city\": \"w\", \"base\": \"1920万\"}]}],"
    " \"pairings\": [{\"id\": \"p1\", \"program\": \"prog\", \"assisting\": \"e1\", \"assisted\": \"w2\", \"level\": \"county\"}]}");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected_text = NULL;
  g_auto(GStrv) partners = NULL;
  g_auto(GStrv) counties = NULL;

  g_assert_true (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_REGION, "spare", &error));
  g_assert_no_error (error);
  g_assert_true (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_PAIRING, "p0", &error));
  g_assert_no_error (error);

  text = collab_dataset_to_data (dataset, NULL);
  expected_text = collab_dataset_to_data (expected, NULL);
  g_assert_cmpstr (text, ==, expected_text);

  partners = collab_dataset_get_partners (dataset, "e1", NULL);
  assert_ids (partners, "w2", NULL);
  counties = collab_dataset_get_counties (dataset, "w");
  assert_ids (counties, "w1", "w2", NULL);
  g_assert_cmpint (collab_dataset_get_region_side (dataset, "w2"), ==, COLLAB_SIDE_WEST);

  /* Now nothing refers to w1, and a sub-record still refers to w. */
  g_assert_true (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_REGION, "w1", &error));
  g_assert_no_error (error);
  g_assert_true (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_PAIRING, "p1", &error));
  g_assert_no_error (error);
  g_assert_true (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_REGION, "w2", &error));
  g_assert_no_error (error);
  g_assert_false (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_REGION, "w", &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_INCONSISTENT);
  g_assert_cmpstr (error->message, ==, "the region \"w\" cannot be removed: $.programs[0] (prog).assisted[0] refers to it");
  g_clear_error (&error);

  /* Through a sub-record. */
  {
    g_autoptr(CollabDataset) other = collab_test_load_data (
      "{" HEADER ","
      " \"regions\": [{\"id\": \"e\", \"name\": \"E\", \"level\": \"city\", \"side\": \"east\"},"
      "               {\"id\": \"w\", \"name\": \"W\", \"level\": \"city\", \"side\": \"west\"},"
      "               {\"id\": \"v\", \"name\": \"V\", \"level\": \"city\", \"side\": \"west\"}],"
      " \"programs\": [{\"id\": \"prog\", \"name\": \"P\", \"kind\": \"east_west\", \"first_year\": 2021,"
      "                \"last_year\": 2025, \"assisting\": \"e\", \"assisted\": [\"w\"],"
      "                \"fund_base\": [{\"city\": \"w\", \"base\": \"1920万\"}, {\"city\": \"v\", \"base\": 5}]}]}");

    g_assert_false (collab_dataset_remove (other, COLLAB_RECORD_KIND_REGION, "v", &error));
    g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_INCONSISTENT);
    g_assert_cmpstr (error->message, ==, "the region \"v\" cannot be removed: $.programs[0] (prog).fund_base[1].city refers to it");
  }
}

/* Merging ------------------------------------------------------------------ */

#define ROSTER \
  "{" HEADER "," \
  " \"people\": [{\"id\": \"x001\", \"profession\": \"teacher\"}," \
  "              {\"id\": \"x002\", \"profession\": \"doctor\", \"name\": \"某医生\"}]," \
  " \"dispatches\": [{\"id\": \"d001\", \"person\": \"x001\", \"kind\": \"professional\", \"direction\": \"outbound\"," \
  "                  \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"}," \
  "                 {\"id\": \"d002\", \"person\": \"x002\", \"kind\": \"professional\", \"direction\": \"outbound\"," \
  "                  \"from\": \"huishan\", \"to\": \"ledu\", \"start\": \"2022-03-01\", \"planned_end\": \"2022-08-31\"}]," \
  " \"_provenance\": {\"source\": \"roster\"}," \
  " \"_roster_note\": \"spring 2022\"}"

static void
test_merge_roster (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabRecord) dispatch = NULL;
  g_autofree char *text = NULL;
  guint changed = 0;

  g_signal_connect (dataset, "changed", G_CALLBACK (count_changed), &changed);
  collab_test_merge_data (dataset, ROSTER);
  g_assert_cmpuint (changed, ==, 1);

  /* The old records stay, the new ones join them and refer to the old. */
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_REGION), ==, 22);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PAIRING), ==, 11);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PERSON), ==, 2);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_DISPATCH), ==, 2);
  dispatch = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_DISPATCH, "d002");
  g_assert_nonnull (dispatch);
  g_assert_cmpstr (collab_record_get_string (dispatch, "from"), ==, "huishan");
  g_assert_cmpstr (collab_record_get_string (dispatch, "to"), ==, "ledu");

  /* The dataset keeps its own "_provenance"; the roster's new member joins. */
  text = collab_dataset_to_data (dataset, NULL);
  g_assert_nonnull (strstr (text, "\"_provenance\": {\"source\": \"seed 000"));
  g_assert_null (strstr (text, "\"source\": \"roster\""));
  g_assert_nonnull (strstr (text, "\"_roster_note\": \"spring 2022\""));
}

static void
test_merge_file (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("collab-test-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "roster.json", NULL);
  g_assert_true (g_file_set_contents (path, ROSTER, -1, &error));
  g_assert_no_error (error);

  g_assert_true (collab_dataset_merge_from_file (dataset, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_DISPATCH), ==, 2);

  /* The same roster again: every id is taken, and the error names the file. */
  g_assert_false (collab_dataset_merge_from_file (dataset, path, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_DUPLICATE_ID);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "$.people[0] (x001).id: the person id \"x001\" is already used"));
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PERSON), ==, 2);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_merge_failure (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autofree char *before = collab_dataset_to_data (dataset, NULL);
  guint changed = 0;
  static const struct { const char *document; int code; const char *message; } cases[] = {
    /* A good person, then a dispatch to a county that is not there. */
    { "{" HEADER ", \"_new\": true,"
      " \"people\": [{\"id\": \"x001\", \"profession\": \"teacher\"}],"
      " \"dispatches\": [{\"id\": \"d001\", \"person\": \"x001\", \"kind\": \"professional\", \"direction\": \"outbound\","
      "  \"from\": \"jiangyin\", \"to\": \"atlantis\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"}]}",
      COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
      "<data>: $.dispatches[0] (d001).to: no region has the id \"atlantis\"" },
    /* A region id the dataset has already. */
    { "{" HEADER ", \"regions\": [{\"id\": \"new\", \"name\": \"N\", \"level\": \"county\", \"parent\": \"wuxi\"},"
      " {\"id\": \"wuxi\", \"name\": \"无锡市\", \"level\": \"city\"}]}",
      COLLAB_DATASET_ERROR_DUPLICATE_ID,
      "<data>: $.regions[1] (wuxi).id: the region id \"wuxi\" is already used by $.regions[1]" },
    /* A syntax error after some good records. */
    { "{" HEADER ", \"regions\": [{\"id\": \"new\", \"name\": \"N\", \"level\": \"county\", \"parent\": \"wuxi\"}], ]}",
      COLLAB_DATASET_ERROR_SYNTAX, "<data>:1:" },
  };

  g_signal_connect (dataset, "changed", G_CALLBACK (count_changed), &changed);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      g_autoptr(CollabRecord) added = NULL;

      g_assert_false (collab_dataset_merge_from_data (dataset, cases[i].document, -1, &error));
      g_assert_error (error, COLLAB_DATASET_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));

      after = collab_dataset_to_data (dataset, NULL);
      g_assert_cmpstr (after, ==, before);
      added = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_REGION, "new");
      g_assert_null (added);
      g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PERSON), ==, 0);
    }
  g_assert_cmpuint (changed, ==, 0);

  /* After the failures, a good merge still works. */
  collab_test_merge_data (dataset, ROSTER);
  g_assert_cmpuint (changed, ==, 1);
}

static void
test_merge_into_empty (void)
{
  g_autoptr(CollabDataset) dataset = collab_dataset_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = collab_test_example_path ("zhuhai-zunyi-2021.json");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;

  /* Merging into nothing is loading. */
  g_assert_true (collab_dataset_merge_from_file (dataset, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  text = collab_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (text, ==, contents);
}

/* Signals ------------------------------------------------------------------ */

static void
test_changed_signal (void)
{
  g_autoptr(CollabDataset) dataset = collab_dataset_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = collab_test_example_path ("wuxi-2021.json");
  g_autoptr(CollabRecord) record = NULL;
  guint changed = 0;

  g_signal_connect (dataset, "changed", G_CALLBACK (count_changed), &changed);

  g_assert_true (collab_dataset_load_from_file (dataset, path, &error));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (collab_dataset_load_from_data (dataset, "{" HEADER "}", -1, &error));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (collab_dataset_merge_from_file (dataset, path, &error));
  g_assert_cmpuint (changed, ==, 3);

  record = collab_record_new_from_json (COLLAB_RECORD_KIND_PERSON, "{\"id\": \"x\", \"profession\": \"other\"}", &error);
  g_assert_true (collab_dataset_add (dataset, record, &error));
  g_assert_cmpuint (changed, ==, 4);
  g_assert_true (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_PERSON, "x", &error));
  g_assert_cmpuint (changed, ==, 5);
  g_assert_no_error (error);

  g_assert_true (collab_dataset_add (dataset, record, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 6);

  /* Failures and queries announce nothing. */
  g_assert_false (collab_dataset_add (dataset, record, &error));
  g_clear_error (&error);
  g_assert_false (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_PERSON, "y", &error));
  g_clear_error (&error);
  g_assert_false (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_REGION, "wuxi", &error));
  g_clear_error (&error);
  g_assert_false (collab_dataset_merge_from_data (dataset, "{", -1, &error));
  g_clear_error (&error);
  g_assert_false (collab_dataset_load_from_data (dataset, "[]", -1, &error));
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 6);
  {
    g_auto(GStrv) ids = collab_dataset_list_ids (dataset, COLLAB_RECORD_KIND_REGION);
    g_autofree char *text = collab_dataset_to_data (dataset, NULL);
  }
  g_assert_cmpuint (changed, ==, 6);
}

static void
test_to_data_length (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("zhuhai-zunyi-2021.json");
  gsize length = 0;
  g_autofree char *text = collab_dataset_to_data (dataset, &length);

  g_assert_cmpuint (length, ==, strlen (text));
  g_assert_true (g_str_has_suffix (text, "}\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/dataset/load/wuxi", test_load_wuxi);
  g_test_add_func ("/collab/dataset/load/zhuhai", test_load_zhuhai);
  g_test_add_func ("/collab/dataset/load/empty-dataset", test_load_empty_dataset);
  g_test_add_func ("/collab/dataset/load/missing-file", test_load_missing_file);
  g_test_add_func ("/collab/dataset/load/replaces", test_load_replaces);
  g_test_add_func ("/collab/dataset/load/failure-keeps-records", test_load_failure_keeps_records);
  g_test_add_func ("/collab/dataset/lookup/by-id", test_lookup);
  g_test_add_func ("/collab/dataset/lookup/every-id", test_lookup_every_id);
  g_test_add_func ("/collab/dataset/list-ids", test_list_ids);
  g_test_add_func ("/collab/dataset/list-ids/optional", test_list_ids_optional);
  g_test_add_func ("/collab/dataset/get-record", test_get_record);
  g_test_add_func ("/collab/dataset/get-records", test_get_records);
  g_test_add_func ("/collab/dataset/pairings/by-program", test_pairings_by_program);
  g_test_add_func ("/collab/dataset/pairings/by-level", test_pairings_by_level);
  g_test_add_func ("/collab/dataset/pairings/by-year", test_pairings_by_year);
  g_test_add_func ("/collab/dataset/partners/wuxi", test_partners);
  g_test_add_func ("/collab/dataset/partners/zhuhai", test_partners_zhuhai);
  g_test_add_func ("/collab/dataset/partners/once", test_partners_once);
  g_test_add_func ("/collab/dataset/counties/wuxi", test_counties);
  g_test_add_func ("/collab/dataset/counties/functional-zones", test_counties_functional_zones);
  g_test_add_func ("/collab/dataset/region-side/derived", test_region_side);
  g_test_add_func ("/collab/dataset/region-side/not-written", test_region_side_not_written);
  g_test_add_func ("/collab/dataset/add/pairing", test_add_pairing);
  g_test_add_func ("/collab/dataset/add/region", test_add_region);
  g_test_add_func ("/collab/dataset/add/dangling", test_add_dangling);
  g_test_add_func ("/collab/dataset/add/duplicate-id", test_add_duplicate_id);
  g_test_add_func ("/collab/dataset/add/invalid", test_add_invalid);
  g_test_add_func ("/collab/dataset/remove/pairing", test_remove_pairing);
  g_test_add_func ("/collab/dataset/remove/referenced", test_remove_referenced);
  g_test_add_func ("/collab/dataset/remove/not-found", test_remove_not_found);
  g_test_add_func ("/collab/dataset/remove/renumbers", test_remove_renumbers);
  g_test_add_func ("/collab/dataset/merge/roster", test_merge_roster);
  g_test_add_func ("/collab/dataset/merge/file", test_merge_file);
  g_test_add_func ("/collab/dataset/merge/failure", test_merge_failure);
  g_test_add_func ("/collab/dataset/merge/into-empty", test_merge_into_empty);
  g_test_add_func ("/collab/dataset/changed", test_changed_signal);
  g_test_add_func ("/collab/dataset/to-data/length", test_to_data_length);

  return g_test_run ();
}
