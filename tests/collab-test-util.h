/* collab-test-util.h: what the C tests share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Datasets from the example files of examples/data/ and from JSON text,
 * and the findings of one rule of a check, with the assertions the rule
 * tests make on them. Every helper stops the test on a failure, with the
 * error and, for a document that does not load, the document itself.
 *
 * Static inline, so that each test stays one file of its own and meson
 * builds it as it is (tests/meson.build: one executable per unit).
 */

#pragma once

#include <stdarg.h>
#include <string.h>

#include <libcollab/collab.h>

G_BEGIN_DECLS

/* --- datasets -------------------------------------------------------- */

/* The path of an example dataset: in COLLAB_TEST_DATA, which meson test
 * sets, else in examples/data/ of the source tree as GTest finds it
 * (G_TEST_SRCDIR, when a test is run by hand). */
static inline char *
collab_test_example_path (const char *name)
{
  const char *dir = g_getenv ("COLLAB_TEST_DATA");

  if (dir == NULL)
    return g_test_build_filename (G_TEST_DIST, "..", "examples", "data", name, NULL);
  return g_build_filename (dir, name, NULL);
}

static inline CollabDataset *
collab_test_load_example (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = collab_test_example_path (name);
  CollabDataset *dataset = collab_dataset_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* A dataset of @document, a whole dataset document. */
static inline CollabDataset *
collab_test_load_data (const char *document)
{
  g_autoptr(GError) error = NULL;
  CollabDataset *dataset = collab_dataset_new ();

  if (!collab_dataset_load_from_data (dataset, document, -1, &error))
    g_error ("%s\n%s", error->message, document);
  return dataset;
}

/* Merges @document, a whole dataset document, into @dataset. */
static inline void
collab_test_merge_data (CollabDataset *dataset,
                        const char    *document)
{
  g_autoptr(GError) error = NULL;

  if (!collab_dataset_merge_from_data (dataset, document, -1, &error))
    g_error ("%s\n%s", error->message, document);
}

/* --- findings -------------------------------------------------------- */

/* Whether @finding is of @rule: a rule id ("666.total"), or an area with
 * its dot ("pairing."). */
static inline gboolean
collab_test_finding_is (CollabFinding *finding,
                        const char    *rule)
{
  const char *id = collab_finding_get_rule (finding);

  return g_str_has_suffix (rule, ".") ? g_str_has_prefix (id, rule) : g_str_equal (id, rule);
}

/* Runs @checker over @dataset and keeps the findings of @rule (see
 * collab_test_finding_is()), in the checker's order; all of them when
 * @rule is NULL. Looking at one rule only keeps a test to what it is
 * about when rules are added. */
static inline GPtrArray *
collab_test_run_checker (CollabChecker *checker,
                         CollabDataset *dataset,
                         const char    *rule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = collab_checker_run (checker, dataset, &error);
  GPtrArray *selected = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  g_assert_nonnull (all);
  for (guint i = 0; i < all->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (all, i);

      if (rule == NULL || collab_test_finding_is (finding, rule))
        g_ptr_array_add (selected, g_object_ref (finding));
    }
  return selected;
}

/* For collab_test_check_full(): read the tiers as each rule set says. */
#define COLLAB_TEST_NO_OVERRIDE (-1)

/* The findings of @rule in a check of @dataset as of @as_of
 * ("YYYY-MM-DD"), a fixed day so that no result depends on the day the
 * tests run; under the reading @interpretation (a CollabInterpretation,
 * or COLLAB_TEST_NO_OVERRIDE) and with every program judged by @ruleset,
 * or by its own when it is NULL. */
static inline GPtrArray *
collab_test_check_full (CollabDataset *dataset,
                        const char    *rule,
                        int            interpretation,
                        CollabRuleset *ruleset,
                        const char    *as_of)
{
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  CollabDay day;

  g_assert_true (collab_day_parse (as_of, &day, NULL));
  collab_checker_set_as_of (checker, day);
  if (interpretation != COLLAB_TEST_NO_OVERRIDE)
    collab_checker_set_interpretation (checker, interpretation);
  if (ruleset != NULL)
    collab_checker_set_ruleset (checker, ruleset);
  return collab_test_run_checker (checker, dataset, rule);
}

/* The findings of @rule in a check of @dataset as of @as_of, each
 * program judged by its own rule set and reading. */
static inline GPtrArray *
collab_test_check_as_of (CollabDataset *dataset,
                         const char    *rule,
                         const char    *as_of)
{
  return collab_test_check_full (dataset, rule, COLLAB_TEST_NO_OVERRIDE, NULL, as_of);
}

/* One year, or NULL (every year) for 0: what the API once took as an
 * int with 0 for "every year". */
#define COLLAB_TEST_YEARS(year) ((year) == 0 ? NULL : &(CollabYearRange) { (year), (year) })

static inline void
collab_test_assert_no_findings (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    g_printerr ("unexpected: %s\n", collab_finding_get_message (g_ptr_array_index (findings, i)));
  g_assert_cmpuint (findings->len, ==, 0);
}

/* The one finding of @findings. */
static inline CollabFinding *
collab_test_assert_one_finding (GPtrArray *findings)
{
  for (guint i = 0; findings->len != 1 && i < findings->len; i++)
    g_printerr ("found: %s\n", collab_finding_get_message (g_ptr_array_index (findings, i)));
  g_assert_cmpuint (findings->len, ==, 1);
  return g_ptr_array_index (findings, 0);
}

/* The keys of the subject of @finding are the arguments, in that order
 * (SPEC §10); the list ends with NULL. */
static inline void
collab_test_assert_subject_keys (CollabFinding *finding,
                                 const char    *first_key,
                                 ...)
{
  GVariant *subject = collab_finding_get_subject (finding);
  const char *key = first_key;
  va_list args;

  va_start (args, first_key);
  for (gsize i = 0; i < g_variant_n_children (subject); i++)
    {
      const char *member;

      g_variant_get_child (subject, i, "{&sv}", &member, NULL);
      g_assert_cmpstr (member, ==, key);
      key = va_arg (args, const char *);
    }
  g_assert_null (key);
  va_end (args);
}

/* @value as the compact JSON `collab check --format json` writes of it. */
static inline char *
collab_test_variant_json (GVariant *value)
{
  g_autoptr(JsonNode) node = NULL;

  g_assert_nonnull (value);
  node = json_gvariant_serialize (value);
  return json_to_string (node, FALSE);
}

static inline void
collab_test_assert_json (GVariant   *value,
                         const char *expected)
{
  g_autofree char *text = collab_test_variant_json (value);

  g_assert_cmpstr (text, ==, expected);
}

/* The int64 under @key of a dictionary. */
static inline gint64
collab_test_member_int (GVariant   *dict,
                        const char *key)
{
  gint64 value = 0;

  g_assert_true (g_variant_lookup (dict, key, "x", &value));
  return value;
}

static inline void
collab_test_assert_message_contains (CollabFinding *finding,
                                     const char    *text)
{
  const char *message = collab_finding_get_message (finding);

  if (strstr (message, text) == NULL)
    g_error ("the message \"%s\" does not say \"%s\"", message, text);
}

G_END_DECLS
