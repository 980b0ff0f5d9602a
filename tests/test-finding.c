/* test-finding.c: findings (rules/collab-finding.c): their JSON form and their order (SPEC §5, §10)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdlib.h>
#include <string.h>

#include <libcollab/collab.h>

#include "io/collab-json-private.h"
#include "rules/collab-finding-private.h"

#define LIBRARY_LOG_DOMAIN "Collab"

static CollabFinding *
coverage_finding (const char *county,
                  int         year)
{
  CollabFinding *finding = collab_finding_new ("pairing.coverage", COLLAB_SEVERITY_VIOLATION);

  collab_finding_set_subject_string (finding, "program", "wuxi-2021");
  collab_finding_set_subject_string (finding, "county", county);
  collab_finding_set_subject_int (finding, "year", year);
  collab_finding_set_expected_int (finding, 1);
  collab_finding_set_actual_int (finding, 0);
  collab_finding_set_message (finding, "County %s is not covered in %d.", county, year);
  collab_finding_seal (finding);
  return finding;
}

static char *
to_text (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  collab_json_append_node (out, node);
  return g_string_free (out, FALSE);
}

static void
test_getters (void)
{
  g_autoptr(CollabFinding) finding = coverage_finding ("pingan", 2021);
  g_autoptr(GVariant) county = NULL;
  g_autoptr(GVariant) year = NULL;
  g_autoptr(GVariant) expected = NULL;
  g_autofree char *rule = NULL;
  CollabSeverity severity;

  g_assert_cmpstr (collab_finding_get_rule (finding), ==, "pairing.coverage");
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_VIOLATION);
  g_assert_cmpstr (collab_finding_get_message (finding), ==, "County pingan is not covered in 2021.");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "county"), ==, "pingan");
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2021);
  g_assert_null (collab_finding_get_subject_string (finding, "year"));
  g_assert_null (collab_finding_get_subject_string (finding, "nothing"));
  g_assert_cmpint (collab_finding_get_subject_int (finding, "county"), ==, 0);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_expected (finding)), ==, 1);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_actual (finding)), ==, 0);
  g_assert_null (collab_finding_get_remedy (finding));

  /* Typed values of the subject. */
  county = collab_finding_get_subject_value (finding, "county");
  year = collab_finding_get_subject_value (finding, "year");
  g_assert_cmpstr (g_variant_get_type_string (county), ==, "s");
  g_assert_cmpstr (g_variant_get_string (county, NULL), ==, "pingan");
  g_assert_cmpstr (g_variant_get_type_string (year), ==, "x");
  g_assert_cmpint (g_variant_get_int64 (year), ==, 2021);
  g_assert_null (collab_finding_get_subject_value (finding, "nothing"));

  /* The same through properties, as bindings see them. */
  g_object_get (finding, "rule", &rule, "severity", &severity, "expected", &expected, NULL);
  g_assert_cmpstr (rule, ==, "pairing.coverage");
  g_assert_cmpint (severity, ==, COLLAB_SEVERITY_VIOLATION);
  g_assert_cmpint (g_variant_get_int64 (expected), ==, 1);
}

static void
test_subject_keys (void)
{
  g_autoptr(CollabFinding) finding = coverage_finding ("pingan", 2021);
  GVariant *subject = collab_finding_get_subject (finding);
  const char *expected[] = { "program", "county", "year" };

  /* Exactly the keys of SPEC §10, in its order, in a dictionary. */
  g_assert_cmpstr (g_variant_get_type_string (subject), ==, "a{sv}");
  g_assert_cmpuint (g_variant_n_children (subject), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *key;

      g_variant_get_child (subject, i, "{&sv}", &key, NULL);
      g_assert_cmpstr (key, ==, expected[i]);
    }
}

static void
test_to_json (void)
{
  g_autoptr(CollabFinding) finding = coverage_finding ("pingan", 2022);
  g_autoptr(JsonNode) node = collab_finding_to_json (finding);
  g_autofree char *text = to_text (node);
  JsonNode *expected = json_object_get_member (json_node_get_object (node), "expected");

  /* The finding's own values are GVariants, which cannot change; the
   * JSON handed out is the caller's to change. */
  g_assert_false (json_node_is_immutable (expected));
  json_node_set_int (expected, 7);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_expected (finding)), ==, 1);

  g_assert_cmpstr (text, ==,
                   "{\"rule\": \"pairing.coverage\", \"severity\": \"violation\", "
                   "\"subject\": {\"program\": \"wuxi-2021\", \"county\": \"pingan\", \"year\": 2022}, "
                   "\"expected\": 1, \"actual\": 0, "
                   "\"message\": \"County pingan is not covered in 2022.\"}");
}

static void
test_to_json_nulls_and_remedy (void)
{
  g_autoptr(CollabFinding) finding = collab_finding_new ("pairing.invalid", COLLAB_SEVERITY_WARNING);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  gint64 teacher = 0;

  collab_finding_set_subject_string (finding, "pairing", "p-x");
  collab_finding_set_message (finding, "Pairing p-x is a self-pairing.");
  collab_finding_take_remedy (finding, g_variant_new_parsed ("{'teacher': <@x 2>}"));
  collab_finding_seal (finding);

  node = collab_finding_to_json (finding);
  text = to_text (node);
  g_assert_cmpstr (text, ==,
                   "{\"rule\": \"pairing.invalid\", \"severity\": \"warning\", "
                   "\"subject\": {\"pairing\": \"p-x\"}, \"expected\": null, \"actual\": null, "
                   "\"message\": \"Pairing p-x is a self-pairing.\", \"remedy\": {\"teacher\": 2}}");

  /* The JSON is the caller's own: changing it leaves the finding alone. */
  json_object_set_string_member (json_object_get_object_member (json_node_get_object (node), "subject"),
                                 "pairing", "changed");
  json_object_set_int_member (json_object_get_object_member (json_node_get_object (node), "remedy"),
                              "teacher", 9);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "pairing"), ==, "p-x");
  g_assert_true (g_variant_lookup (collab_finding_get_remedy (finding), "teacher", "x", &teacher));
  g_assert_cmpint (teacher, ==, 2);
}

static void
test_immutable (void)
{
  g_autoptr(CollabFinding) finding = coverage_finding ("pingan", 2021);

  /* What the getters hand out are GVariants, never floating: values
   * nobody can change. */
  g_assert_false (g_variant_is_floating (collab_finding_get_subject (finding)));
  g_assert_false (g_variant_is_floating (collab_finding_get_expected (finding)));

  /* No writable property either. */
  g_assert_false (g_object_class_find_property (G_OBJECT_GET_CLASS (finding), "rule")->flags & G_PARAM_WRITABLE);
  g_assert_false (g_object_class_find_property (G_OBJECT_GET_CLASS (finding), "subject")->flags & G_PARAM_WRITABLE);
}

static void
test_order (void)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  CollabFinding *invalid = collab_finding_new ("pairing.invalid", COLLAB_SEVERITY_VIOLATION);
  const char *expected[][2] = {
    { "ledu", "2021" }, { "ledu", "2025" }, { "pingan", "2009" }, { "pingan", "2010" }, { "pingan", "2021" },
  };

  collab_finding_set_subject_string (invalid, "pairing", "p-a");
  collab_finding_seal (invalid);

  /* Years compare as numbers (2009 < 2010 < 2021), ids as strings. */
  g_ptr_array_add (findings, invalid);
  g_ptr_array_add (findings, coverage_finding ("pingan", 2021));
  g_ptr_array_add (findings, coverage_finding ("ledu", 2025));
  g_ptr_array_add (findings, coverage_finding ("pingan", 2010));
  g_ptr_array_add (findings, coverage_finding ("pingan", 2009));
  g_ptr_array_add (findings, coverage_finding ("ledu", 2021));
  g_ptr_array_sort (findings, collab_finding_compare);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (collab_finding_get_rule (finding), ==, "pairing.coverage");
      g_assert_cmpstr (collab_finding_get_subject_string (finding, "county"), ==, expected[i][0]);
      g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, atoi (expected[i][1]));
    }
  g_assert_true (g_ptr_array_index (findings, 5) == invalid);
}

static void
test_findings_to_json (void)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *counts = NULL;
  CollabFinding *orphan = collab_finding_new ("pairing.orphan", COLLAB_SEVERITY_WARNING);
  JsonObject *root;

  collab_finding_set_subject_string (orphan, "program", "wuxi-2021");
  collab_finding_set_subject_string (orphan, "assisting", "binhu");
  collab_finding_seal (orphan);

  g_ptr_array_add (findings, coverage_finding ("pingan", 2021));
  g_ptr_array_add (findings, coverage_finding ("pingan", 2022));
  g_ptr_array_add (findings, orphan);

  node = collab_findings_to_json (findings);
  root = json_node_get_object (node);
  g_assert_cmpuint (json_object_get_size (root), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "findings")), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (root, "findings"), 2), "rule"),
                   ==, "pairing.orphan");

  counts = to_text (json_object_get_member (root, "counts"));
  g_assert_cmpstr (counts, ==,
                   "{\"violation\": 2, \"warning\": 1, \"info\": 0, "
                   "\"by_rule\": {\"pairing.coverage\": 2, \"pairing.orphan\": 1}}");
}

static void
test_findings_to_json_empty (void)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  g_autoptr(JsonNode) node = collab_findings_to_json (findings);
  g_autofree char *text = to_text (node);

  g_assert_cmpstr (text, ==,
                   "{\"findings\": [], \"counts\": {\"violation\": 0, \"warning\": 0, \"info\": 0, \"by_rule\": {}}}");
}

static void
test_bad_arguments (void)
{
  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*COLLAB_IS_FINDING*");
  g_assert_null (collab_finding_get_rule (NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*findings != NULL*");
  g_assert_null (collab_findings_to_json (NULL));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/finding/getters", test_getters);
  g_test_add_func ("/collab/finding/subject-keys", test_subject_keys);
  g_test_add_func ("/collab/finding/to-json", test_to_json);
  g_test_add_func ("/collab/finding/to-json/nulls-and-remedy", test_to_json_nulls_and_remedy);
  g_test_add_func ("/collab/finding/immutable", test_immutable);
  g_test_add_func ("/collab/finding/order", test_order);
  g_test_add_func ("/collab/finding/findings-to-json", test_findings_to_json);
  g_test_add_func ("/collab/finding/findings-to-json/empty", test_findings_to_json_empty);
  g_test_add_func ("/collab/finding/bad-arguments", test_bad_arguments);

  return g_test_run ();
}
