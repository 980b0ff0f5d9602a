/* test-rule-agreement.c: the annual agreements (SPEC §11.2): what a year
 * is measured by (analysis/collab-agreement.c), fund.agreement and
 * talent.agreement
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The regions of wuxi-mini.json with agreements.json: program `zh`
 * (Wuxi assisting Yan'an and Haidong, 2021–2025, zhuhai-2021) and
 * `other` (jiangyin assisting Yan'an, whose allocation a4 is not zh's).
 * Yan'an's 2021 is exactly its agreement: 1000万 + 200万 allocated (a3
 * passes Yan'an's own money on and is not counted again), professionals
 * p1 (two dispatches) and p2, cadres k1 (in post on 2021-01-01 only)
 * and k2 (from 2021-12-31). p3 starts in 2020, p4 and k4 go to Haidong,
 * p5 comes inbound and p6 is short-term: none of them counts for Yan'an.
 */

#include <libcollab/collab.h>
#include <libcollab/collab-error.h>

#include "analysis/collab-agreement-private.h"
#include "model/collab-dataset-private.h"
#include "collab-test-util.h"

#define AGREEMENT(id, year, city, funds, more) \
  "{\"id\": \"" id "\", \"program\": \"zh\", \"year\": " #year ", \"city\": \"" city "\", " \
  "\"funds\": \"" funds "\"" more "}"

static CollabDataset *
agreements_dataset (void)
{
  CollabDataset *dataset = collab_test_load_fixture ("wuxi-mini.json");

  collab_test_merge_fixture (dataset, "agreements.json");
  return dataset;
}

/* Replaces the agreement @id with @json. */
static void
replace_agreement (CollabDataset *dataset,
                   const char    *id,
                   const char    *json)
{
  collab_test_remove_record (dataset, COLLAB_RECORD_KIND_AGREEMENT, id);
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_AGREEMENT, json);
}

static CollabRef
ref_of (CollabDataset    *dataset,
        CollabRecordKind  kind,
        const char       *id)
{
  return COLLAB_REF (kind, collab_test_record_index (dataset, kind, id));
}

/* What collab_agreement_count() says of zh in @city in @year; it must
 * not fail. */
static CollabAgreementActuals
count (CollabDataset *dataset,
       const char    *city,
       int            year)
{
  CollabAgreementActuals actuals;
  g_autoptr(GError) error = NULL;

  g_assert_true (collab_agreement_count (collab_dataset_get_store (dataset),
                                         ref_of (dataset, COLLAB_RECORD_KIND_PROGRAM, "zh"),
                                         ref_of (dataset, COLLAB_RECORD_KIND_REGION, city), year, &actuals, &error));
  g_assert_no_error (error);
  return actuals;
}

/* --- the count ------------------------------------------------------- */

static void
test_count (void)
{
  g_autoptr(CollabDataset) dataset = agreements_dataset ();
  CollabAgreementActuals actuals;

  /* A person with two dispatches is one; a cadre in post one day of the
   * year, at either end, counts. */
  actuals = count (dataset, "yanan", 2021);
  g_assert_cmpint (actuals.allocated.fen, ==, G_GINT64_CONSTANT (1200000000));
  g_assert_cmpuint (actuals.professionals, ==, 2);
  g_assert_cmpuint (actuals.cadres, ==, 2);

  /* Haidong's people are not Yan'an's, and the other way round. */
  actuals = count (dataset, "haidong", 2021);
  g_assert_cmpint (actuals.allocated.fen, ==, G_GINT64_CONSTANT (500000000));
  g_assert_cmpuint (actuals.professionals, ==, 1);
  g_assert_cmpuint (actuals.cadres, ==, 1);

  /* 2022: k2 still in post; p1's second dispatch started in 2021. A year
   * no agreement names is counted all the same. */
  actuals = count (dataset, "yanan", 2022);
  g_assert_cmpuint (actuals.professionals, ==, 0);
  g_assert_cmpuint (actuals.cadres, ==, 1);
  actuals = count (dataset, "yanan", 2020);
  g_assert_cmpint (actuals.allocated.fen, ==, 0);
  g_assert_cmpuint (actuals.professionals, ==, 1);
  g_assert_cmpuint (actuals.cadres, ==, 2);

  /* Without k1, whose one day of 2021 was 1 January, one cadre is left. */
  collab_test_remove_record (dataset, COLLAB_RECORD_KIND_DISPATCH, "d8");
  actuals = count (dataset, "yanan", 2021);
  g_assert_cmpuint (actuals.cadres, ==, 1);
}

/* Amounts that add up past a gint64 of fen are an error, never a wrap. */
static void
test_count_overflow (void)
{
  g_autoptr(CollabDataset) dataset = agreements_dataset ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  CollabAgreementActuals actuals;
  CollabFinding *finding;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"id\": \"huge%u\", \"type\": \"allocation\", \"amount\": \"50000000000000000.00\", "
        "\"date\": \"2024-03-01\", \"from\": \"acc-js\", \"to\": \"acc-yanan\", \"program\": \"zh\"}", i);

      collab_test_add_record (dataset, COLLAB_RECORD_KIND_TRANSACTION, json);
    }
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_AGREEMENT, AGREEMENT ("ag-2024", 2024, "yanan", "1200万", ""));

  g_assert_false (collab_agreement_count (collab_dataset_get_store (dataset),
                                          ref_of (dataset, COLLAB_RECORD_KIND_PROGRAM, "zh"),
                                          ref_of (dataset, COLLAB_RECORD_KIND_REGION, "yanan"), 2024, &actuals,
                                          &error));
  g_assert_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW);
  g_assert_true (actuals.allocated.overflow);

  /* The rule says so, plainly, and asks for no allocation (2023 had
   * none: the other finding). */
  findings = collab_test_check_as_of (dataset, "fund.agreement", "2024-06-30");
  g_assert_cmpuint (findings->len, ==, 2);
  finding = g_ptr_array_index (findings, 0);
  if (collab_finding_get_subject_int (finding, "year") != 2024)
    finding = g_ptr_array_index (findings, 1);
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2024);
  g_assert_null (collab_finding_get_actual (finding));
  g_assert_null (collab_finding_get_remedy (finding));
  collab_test_assert_message_contains (finding, "add up to more than libcollab can count");
}

/* --- fund.agreement -------------------------------------------------- */

static void
test_funds_exact (void)
{
  g_autoptr(CollabDataset) dataset = agreements_dataset ();
  g_autoptr(GPtrArray) findings = NULL;

  /* 2021 and 2022 each exactly at their agreement; 2023 not begun. */
  findings = collab_test_check_as_of (dataset, "fund.agreement", "2022-12-31");
  collab_test_assert_no_findings (findings);
}

static void
test_funds_one_fen_short (void)
{
  g_autoptr(CollabDataset) dataset = agreements_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;

  replace_agreement (dataset, "ag-yanan-2021",
                     AGREEMENT ("ag-yanan-2021", 2021, "yanan", "12000000.01", ", \"professionals\": 2"));
  findings = collab_test_check_as_of (dataset, "fund.agreement", "2022-12-31");
  finding = collab_test_assert_one_finding (findings);
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_VIOLATION);
  collab_test_assert_subject_keys (finding, "program", "city", "year", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "program"), ==, "zh");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "city"), ==, "yanan");
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2021);
  collab_test_assert_json (collab_finding_get_expected (finding), "\"12000000.01\"");
  collab_test_assert_json (collab_finding_get_actual (finding), "\"12000000.00\"");
  collab_test_assert_json (collab_finding_get_remedy (finding), "{\"allocate\":\"0.01\"}");
  collab_test_assert_message_contains (finding, "Program zh allocated 1200万 to yanan (延安市) for 2021");
  collab_test_assert_message_contains (finding, "annual agreement ag-yanan-2021; allocate 0.01元 more for 2021.");
}

/* A year is judged from its first day: 2023 has nothing yet. */
static void
test_year_not_begun (void)
{
  g_autoptr(CollabDataset) dataset = agreements_dataset ();
  g_autoptr(GPtrArray) before = collab_test_check_as_of (dataset, "fund.agreement", "2022-12-31");
  g_autoptr(GPtrArray) after = collab_test_check_as_of (dataset, "fund.agreement", "2023-01-01");
  g_autoptr(GPtrArray) people_before = collab_test_check_as_of (dataset, "talent.agreement", "2022-12-31");
  g_autoptr(GPtrArray) people_after = collab_test_check_as_of (dataset, "talent.agreement", "2023-01-01");
  CollabFinding *finding;

  collab_test_assert_no_findings (before);
  finding = collab_test_assert_one_finding (after);
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2023);
  collab_test_assert_json (collab_finding_get_remedy (finding), "{\"allocate\":\"12000000.00\"}");

  collab_test_assert_no_findings (people_before);
  finding = collab_test_assert_one_finding (people_after);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "measure"), ==, "professionals");
}

/* --- talent.agreement ------------------------------------------------ */

static void
test_people_exact (void)
{
  g_autoptr(CollabDataset) dataset = agreements_dataset ();
  g_autoptr(GPtrArray) findings = collab_test_check_as_of (dataset, "talent.agreement", "2022-12-31");

  collab_test_assert_no_findings (findings);
}

static void
test_people_one_short (void)
{
  g_autoptr(CollabDataset) dataset = agreements_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;

  replace_agreement (dataset, "ag-yanan-2021",
                     AGREEMENT ("ag-yanan-2021", 2021, "yanan", "1200万", ", \"professionals\": 3, \"cadres\": 3"));
  findings = collab_test_check_as_of (dataset, "talent.agreement", "2022-12-31");
  g_assert_cmpuint (findings->len, ==, 2);

  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_VIOLATION);
  collab_test_assert_subject_keys (finding, "program", "city", "year", "measure", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "measure"), ==, "cadres");
  g_assert_cmpint (collab_test_member_int (collab_finding_get_remedy (finding), "send"), ==, 1);
  collab_test_assert_message_contains (finding, "Program zh had 2 cadres in post in yanan (延安市) in 2021, "
                                                "fewer than the 3 of the annual agreement ag-yanan-2021; "
                                                "select and send 1 more in 2021.");

  finding = g_ptr_array_index (findings, 1);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "measure"), ==, "professionals");
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_expected (finding)), ==, 3);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_actual (finding)), ==, 2);
  collab_test_assert_message_contains (finding, "Program zh sent 2 professionals to yanan (延安市) in 2021");
}

/* An agreement that names no professionals or no cadres is not judged on
 * them: Haidong's 2021 names neither and 2023's names no cadres. */
static void
test_measure_omitted (void)
{
  g_autoptr(CollabDataset) dataset = agreements_dataset ();
  g_autoptr(GPtrArray) findings = NULL;

  /* Nobody is in post in Yan'an in 2025 and nobody was sent. */
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_AGREEMENT,
                          AGREEMENT ("ag-2025", 2025, "yanan", "0.00", ", \"professionals\": 1"));
  findings = collab_test_check_as_of (dataset, "talent.agreement", "2025-12-31");
  g_assert_cmpuint (findings->len, ==, 2);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (collab_finding_get_subject_string (finding, "measure"), ==, "professionals");
      g_assert_cmpstr (collab_finding_get_subject_string (finding, "city"), ==, "yanan");
    }
}

/* Dispatches to another city do not count: Haidong's professional p4 and
 * cadre k4 fill none of Yan'an's agreement. */
static void
test_other_city (void)
{
  g_autoptr(CollabDataset) dataset = agreements_dataset ();
  g_autoptr(GPtrArray) findings = NULL;

  collab_test_add_record (dataset, COLLAB_RECORD_KIND_AGREEMENT,
                          AGREEMENT ("ag-haidong-2022", 2022, "haidong", "0.00", ", \"professionals\": 1, \"cadres\": 2"));
  findings = collab_test_check_as_of (dataset, "talent.agreement", "2022-12-31");
  g_assert_cmpuint (findings->len, ==, 2);
  /* 2022: k4 in post in ledu, k2 in Yan'an; p4 was sent in 2021. */
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_actual (g_ptr_array_index (findings, 0))), ==, 1);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_actual (g_ptr_array_index (findings, 1))), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/rules/agreement/count", test_count);
  g_test_add_func ("/collab/rules/agreement/count-overflow", test_count_overflow);
  g_test_add_func ("/collab/rules/agreement/funds-exact", test_funds_exact);
  g_test_add_func ("/collab/rules/agreement/funds-one-fen-short", test_funds_one_fen_short);
  g_test_add_func ("/collab/rules/agreement/year-not-begun", test_year_not_begun);
  g_test_add_func ("/collab/rules/agreement/people-exact", test_people_exact);
  g_test_add_func ("/collab/rules/agreement/people-one-short", test_people_one_short);
  g_test_add_func ("/collab/rules/agreement/measure-omitted", test_measure_omitted);
  g_test_add_func ("/collab/rules/agreement/other-city", test_other_city);

  return g_test_run ();
}
