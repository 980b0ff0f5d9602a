/* collab-test-util.h: what the C tests share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Datasets from the example files of examples/data/, from the fixtures
 * of tests/data/ and from JSON text; rosters of professionals for the
 * talent tests and the money chain of the funds tests; and the findings
 * of one rule of a check, with the assertions the rule tests make on
 * them. Every helper stops the test on a failure, with the error and, for
 * a document that does not load, the document itself.
 *
 * Static inline, so that each test stays one file of its own and meson
 * builds it as it is (tests/meson.build: one executable per unit).
 */

#pragma once

#include <locale.h>
#include <stdarg.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
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

/* --- files ------------------------------------------------------------ */

/* The whole of the file @path; stops the test when it cannot be read. */
static inline char *
collab_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Removes @path and, for a folder (not a link to one), all it holds. */
static inline void
collab_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) handle = g_dir_open (path, 0, NULL);
      const char *name;

      while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          collab_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* The record @id of @kind has @member as the string @expected. */
static inline void
collab_test_assert_member (CollabDataset    *dataset,
                           CollabRecordKind  kind,
                           const char       *id,
                           const char       *member,
                           const char       *expected)
{
  g_autoptr(CollabRecord) record = collab_dataset_lookup (dataset, kind, id);

  g_assert_nonnull (record);
  g_assert_cmpstr (collab_record_get_string (record, member), ==, expected);
}

/* Imports the CSV table @csv as records of @kind, @name being the file
 * messages name. */
static inline void
collab_test_import_csv (CollabDataset    *dataset,
                        CollabRecordKind  kind,
                        const char       *name,
                        const char       *csv)
{
  g_autoptr(GError) error = NULL;

  if (!collab_dataset_import_csv_data (dataset, kind, csv, -1, name, &error))
    g_error ("%s", error->message);
}

/* The import of @csv fails with @code and @message, and leaves @dataset
 * as it was. */
static inline void
collab_test_assert_import_fails (CollabDataset    *dataset,
                                 CollabRecordKind  kind,
                                 const char       *name,
                                 const char       *csv,
                                 int               code,
                                 const char       *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = collab_dataset_to_data (dataset, NULL);
  g_autofree char *after = NULL;

  g_assert_false (collab_dataset_import_csv_data (dataset, kind, csv, -1, name, &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  after = collab_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* Messages in @language from now on. gettext caches what it found per
 * locale, not per LANGUAGE: setting the locale again empties the cache.
 * The test's main() must have called setlocale (LC_ALL, ""). */
static inline void
collab_test_set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
}

/* Adds the record of @kind that @json describes to @dataset. */
static inline void
collab_test_add_record (CollabDataset    *dataset,
                        CollabRecordKind  kind,
                        const char       *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRecord) record = collab_record_new_from_json (kind, json, &error);

  g_assert_no_error (error);
  g_assert_true (collab_dataset_add (dataset, record, &error));
  g_assert_no_error (error);
}

static inline void
collab_test_remove_record (CollabDataset    *dataset,
                           CollabRecordKind  kind,
                           const char       *id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (collab_dataset_remove (dataset, kind, id, &error));
  g_assert_no_error (error);
}

/* The index of the record @id of @kind: its place in the document, which
 * is its place in the store the private API numbers records by. */
static inline guint
collab_test_record_index (CollabDataset    *dataset,
                          CollabRecordKind  kind,
                          const char       *id)
{
  g_auto(GStrv) ids = collab_dataset_list_ids (dataset, kind);

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], id))
      return i;
  g_error ("no record %s", id);
  return G_MAXUINT;
}

/* --- the command ---------------------------------------------------- */

/* Runs the `collab` built beside the tests (tests/meson.build builds it
 * first) with @args, split as a shell would, every argument @placeholder
 * replaced by @path. Returns its exit status; its standard output in
 * @out, its standard error dropped. */
static inline int
collab_test_run_cli (const char  *args,
                     const char  *placeholder,
                     const char  *path,
                     char       **out)
{
  g_autofree char *cli = g_test_build_filename (G_TEST_BUILT, "..", "libcollab", "cli", "collab", NULL);
  g_autofree char *command = g_strdup_printf ("'%s' %s", cli, args);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_shell_parse_argv (command, NULL, &argv, NULL));
  for (guint i = 0; argv[i] != NULL; i++)
    if (g_str_equal (argv[i], placeholder))
      {
        g_free (argv[i]);
        argv[i] = g_strdup (path);
      }
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, out, NULL, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* --- fixtures -------------------------------------------------------- */

/* The path of a fixture of tests/data/ (tests/data/README.md lists
 * them): in COLLAB_TEST_SRCDIR/data, which meson test sets, else in
 * data/ beside the test as GTest finds it. */
static inline char *
collab_test_fixture_path (const char *name)
{
  const char *dir = g_getenv ("COLLAB_TEST_SRCDIR");

  if (dir == NULL)
    return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  return g_build_filename (dir, "data", name, NULL);
}

/* The text of a fixture. */
static inline char *
collab_test_fixture_contents (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = collab_test_fixture_path (name);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  return g_steal_pointer (&contents);
}

static inline CollabDataset *
collab_test_load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = collab_test_fixture_path (name);
  CollabDataset *dataset = collab_dataset_new_from_file (path, &error);

  if (dataset == NULL)
    g_error ("%s", error->message);
  return dataset;
}

/* The fixture @name without its members @drop (`"placements"`, …). */
static inline CollabDataset *
collab_test_load_fixture_without (const char         *name,
                                  const char * const *drop,
                                  gsize               n_drop)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *document = collab_test_fixture_contents (name);
  g_autofree char *text = NULL;
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, document, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  for (gsize i = 0; i < n_drop; i++)
    json_object_remove_member (root, drop[i]);
  text = json_to_string (json_parser_get_root (parser), FALSE);
  return collab_test_load_data (text);
}

/* Merges a fixture that points into @dataset (a file of tests/data/
 * that is not a dataset of its own). */
static inline void
collab_test_merge_fixture (CollabDataset *dataset,
                           const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = collab_test_fixture_path (name);

  if (!collab_dataset_merge_from_file (dataset, path, &error))
    g_error ("%s", error->message);
}

/* Merges @members ("\"dispatches\": […]", …) into @dataset. */
static inline void
collab_test_merge_members (CollabDataset *dataset,
                           const char    *members)
{
  g_autofree char *json = g_strdup_printf ("{\"format\": \"libcollab-dataset\", \"version\": 1, %s}", members);

  collab_test_merge_data (dataset, json);
}

/* wuxi-mini.json with yanan-2022.json: a program of 2022–2023 assisting
 * Yan'an, with jiangyin→yanchuan and huishan→yanchang, another program
 * of poverty-2016, and six people. */
static inline CollabDataset *
collab_test_yanan_2022_dataset (void)
{
  CollabDataset *dataset = collab_test_load_fixture ("wuxi-mini.json");

  collab_test_merge_fixture (dataset, "yanan-2022.json");
  return dataset;
}

/* wuxi-mini.json with roster-2022.json: the same program with
 * huishan→yanchang for 2022 only, and nine professionals short of every
 * 666 rule. */
static inline CollabDataset *
collab_test_roster_2022_dataset (void)
{
  CollabDataset *dataset = collab_test_load_fixture ("wuxi-mini.json");

  collab_test_merge_fixture (dataset, "roster-2022.json");
  return dataset;
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

/* --- rosters of the talent tests ------------------------------------ */

/* The day the talent tests check as of, after every period they use but
 * the longest: nothing depends on the day the tests run. */
#define COLLAB_TEST_TALENT_AS_OF "2023-12-31"

/* The regions of wuxi-mini.json with one program of @first_year to
 * @last_year assisting Yan'an and Haidong, judged by @ruleset, and its
 * county pairings jiangyin→yanchuan, huishan→ledu and huishan→pingan:
 * three pairing-years a year. */
static inline CollabDataset *
collab_test_talent_dataset (int         first_year,
                            int         last_year,
                            const char *ruleset)
{
  CollabDataset *dataset = collab_test_load_fixture ("wuxi-mini.json");
  g_autofree char *json =
    g_strdup_printf ("{\"format\": \"libcollab-dataset\", \"version\": 1,\n"
                     " \"programs\": [{\"id\": \"prog\", \"name\": \"test\", \"kind\": \"east_west\", "
                     "\"first_year\": %d, \"last_year\": %d, \"assisting\": \"wuxi\", "
                     "\"assisted\": [\"yanan\", \"haidong\"], \"ruleset\": \"%s\"}],\n"
                     " \"pairings\": [\n"
                     "  {\"id\": \"p-jy-yc\", \"program\": \"prog\", \"assisting\": \"jiangyin\", \"assisted\": \"yanchuan\", \"level\": \"county\"},\n"
                     "  {\"id\": \"p-hs-ld\", \"program\": \"prog\", \"assisting\": \"huishan\", \"assisted\": \"ledu\", \"level\": \"county\"},\n"
                     "  {\"id\": \"p-hs-pa\", \"program\": \"prog\", \"assisting\": \"huishan\", \"assisted\": \"pingan\", \"level\": \"county\"}\n"
                     " ]}\n",
                     first_year, last_year, ruleset);

  collab_test_merge_data (dataset, json);
  return dataset;
}

/* The program of 2022 under east-west-2021. */
static inline CollabDataset *
collab_test_talent_dataset_2022 (void)
{
  return collab_test_talent_dataset (2022, 2022, "east-west-2021");
}

/* A roster being written: people and dispatches as JSON lines, and
 * other members of the document (", \"adjustments\": […]"). */
typedef struct
{
  GString *people;
  GString *dispatches;
  GString *extra;
} CollabTestRoster;

/* Ids stay unique across the rosters merged into one dataset: one
 * counter per test program, for people and dispatches alike. */
static inline guint
collab_test_roster_next_id (void)
{
  static guint next_id;

  return next_id++;
}

static inline void
collab_test_roster_init (CollabTestRoster *roster)
{
  roster->people = g_string_new (NULL);
  roster->dispatches = g_string_new (NULL);
  roster->extra = g_string_new (NULL);
}

static inline void
collab_test_roster_clear (CollabTestRoster *roster)
{
  g_string_free (roster->people, TRUE);
  g_string_free (roster->dispatches, TRUE);
  g_string_free (roster->extra, TRUE);
}

/* A dispatch of the person @person (added with collab_test_roster_person());
 * @actual_end may be NULL. */
static inline void
collab_test_roster_dispatch (CollabTestRoster *roster,
                             const char       *person,
                             const char       *kind,
                             const char       *direction,
                             const char       *from,
                             const char       *to,
                             const char       *start,
                             const char       *planned_end,
                             const char       *actual_end)
{
  g_string_append_printf (roster->dispatches,
                          "%s{\"id\": \"d%04u\", \"person\": \"%s\", \"kind\": \"%s\", \"direction\": \"%s\", "
                          "\"from\": \"%s\", \"to\": \"%s\", \"start\": \"%s\", \"planned_end\": \"%s\"",
                          roster->dispatches->len > 0 ? ",\n" : "", collab_test_roster_next_id (), person, kind,
                          direction, from, to, start, planned_end);
  if (actual_end != NULL)
    g_string_append_printf (roster->dispatches, ", \"actual_end\": \"%s\"", actual_end);
  g_string_append (roster->dispatches, "}");
}

/* A new person of @profession; returns the id. */
static inline char *
collab_test_roster_person (CollabTestRoster *roster,
                           const char       *profession)
{
  char *id = g_strdup_printf ("x%04u", collab_test_roster_next_id ());

  g_string_append_printf (roster->people, "%s{\"id\": \"%s\", \"profession\": \"%s\"}",
                          roster->people->len > 0 ? ",\n" : "", id, profession);
  return id;
}

/* @n people of @profession, each with one outbound professional dispatch
 * from @from to @to. */
static inline void
collab_test_roster_add (CollabTestRoster *roster,
                        guint             n,
                        const char       *profession,
                        const char       *from,
                        const char       *to,
                        const char       *start,
                        const char       *end)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *person = collab_test_roster_person (roster, profession);

      collab_test_roster_dispatch (roster, person, "professional", "outbound", from, to, start, end, NULL);
    }
}

static inline void
collab_test_roster_merge (CollabDataset    *dataset,
                          CollabTestRoster *roster)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"libcollab-dataset\", \"version\": 1");

  if (roster->people->len > 0)
    g_string_append_printf (json, ", \"people\": [%s]", roster->people->str);
  if (roster->dispatches->len > 0)
    g_string_append_printf (json, ", \"dispatches\": [%s]", roster->dispatches->str);
  g_string_append_printf (json, "%s}", roster->extra->str);
  collab_test_merge_data (dataset, json->str);
}

/* 6 teachers and 6 doctors for 12 months, 6 in agriculture for 6 months
 * from jiangyin to yanchuan in 2022: passes every 666 rule under every
 * reading but banded (no one in [1, 6)). */
static inline void
collab_test_roster_add_compliant (CollabTestRoster *roster)
{
  collab_test_roster_add (roster, 6, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  collab_test_roster_add (roster, 6, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  collab_test_roster_add (roster, 6, "agriculture", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
}

/* SPEC §5 worked example: 18 professionals, 3 × 12 months, 3 × 6 months,
 * 12 × 1 month. */
static inline void
collab_test_roster_add_worked_example (CollabTestRoster *roster)
{
  collab_test_roster_add (roster, 3, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  collab_test_roster_add (roster, 3, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  collab_test_roster_add (roster, 3, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-03-31");
  collab_test_roster_add (roster, 3, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2022-03-31");
  collab_test_roster_add (roster, 6, "agriculture", "jiangyin", "yanchuan", "2022-03-01", "2022-03-31");
}

/* A program of 2024, a leap year, and dispatches that end on either side
 * of a month end that clamps (01-31 + 1 month = 02-29 in 2024) and of a
 * leap day's year (02-29 + 12 months = 2025-02-28). */
static inline CollabDataset *
collab_test_talent_month_ends_dataset (void)
{
  CollabDataset *dataset = collab_test_talent_dataset (2024, 2024, "east-west-2021");
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  /* One month by clamping: counted, ≥ 1 month. */
  collab_test_roster_add (&roster, 1, "agriculture", "jiangyin", "yanchuan", "2024-01-31", "2024-02-28");
  /* 2024 is a leap year: 01-31 + 1 month = 02-29, so 02-27 is short. */
  collab_test_roster_add (&roster, 1, "agriculture", "jiangyin", "yanchuan", "2024-01-31", "2024-02-27");
  /* The leap day plus 12 months is 2025-02-28: served to 02-27 is a year. */
  collab_test_roster_add (&roster, 1, "doctor", "jiangyin", "yanchuan", "2024-02-29", "2025-02-27");
  collab_test_roster_add (&roster, 1, "doctor", "jiangyin", "yanchuan", "2024-02-29", "2025-02-26");
  /* 08-31 + 6 months = 02-28 of 2025 (clamped): served to 02-27 is 6. */
  collab_test_roster_add (&roster, 1, "teacher", "jiangyin", "yanchuan", "2024-08-31", "2025-02-27");
  collab_test_roster_add (&roster, 1, "teacher", "jiangyin", "yanchuan", "2024-08-31", "2025-02-26");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);
  return dataset;
}

/* The findings of @rule as of COLLAB_TEST_TALENT_AS_OF, under each rule
 * set's reading or (a CollabInterpretation) @interpretation. */
static inline GPtrArray *
collab_test_talent_check_reading (CollabDataset *dataset,
                                  const char    *rule,
                                  int            interpretation)
{
  return collab_test_check_full (dataset, rule, interpretation, NULL, COLLAB_TEST_TALENT_AS_OF);
}

static inline GPtrArray *
collab_test_talent_check (CollabDataset *dataset,
                          const char    *rule)
{
  return collab_test_talent_check_reading (dataset, rule, COLLAB_TEST_NO_OVERRIDE);
}

/* The findings about the county @assisted only; takes @findings. */
static inline GPtrArray *
collab_test_only_assisted (GPtrArray  *findings,
                           const char *assisted)
{
  GPtrArray *selected = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (collab_finding_get_subject_string (finding, "assisted"), assisted) == 0)
        g_ptr_array_add (selected, g_object_ref (finding));
    }
  g_ptr_array_unref (findings);
  return selected;
}

/* The one finding of @findings, about the pairing-year of @assisting to
 * @assisted in @year. */
static inline CollabFinding *
collab_test_assert_pairing_year (GPtrArray  *findings,
                                 const char *assisting,
                                 const char *assisted,
                                 int         year)
{
  CollabFinding *finding = collab_test_assert_one_finding (findings);

  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisting"), ==, assisting);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, assisted);
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, year);
  return finding;
}

/* The counts of the actual tiers of a 666.tenure finding, as "a/b/c". */
static inline char *
collab_test_actual_tiers (CollabFinding *finding)
{
  g_autoptr(GVariant) tiers = g_variant_lookup_value (collab_finding_get_actual (finding), "tiers", NULL);
  GString *text = g_string_new (NULL);

  for (gsize i = 0; i < g_variant_n_children (tiers); i++)
    {
      g_autoptr(GVariant) tier = g_variant_get_child_value (tiers, i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "/" : "",
                              collab_test_member_int (tier, "count"));
    }
  return g_string_free (text, FALSE);
}

/* Whether 666.tenure fails for yanchuan under @interpretation. */
static inline gboolean
collab_test_tenure_fails (CollabDataset        *dataset,
                          CollabInterpretation  interpretation)
{
  g_autoptr(GPtrArray) findings = collab_test_talent_check_reading (dataset, "666.tenure", interpretation);

  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (collab_finding_get_subject_string (g_ptr_array_index (findings, i), "assisted"), "yanchuan") == 0)
      return TRUE;
  return FALSE;
}

/* --- money ----------------------------------------------------------- */

/* @n 万元 in fen. */
#define COLLAB_TEST_WAN(n) ((gint64) (n) * 1000000)

/* The largest amount, G_MAXINT64 fen, as a JSON member's value: two of
 * them add up past what an amount holds. */
#define COLLAB_TEST_MOST_AMOUNT "\"92233720368547758.07\""

/* funds.json with @transactions and @projects (JSON array elements, or
 * NULL) merged into it. */
static inline CollabDataset *
collab_test_funds_dataset (const char *transactions,
                           const char *projects)
{
  CollabDataset *dataset = collab_test_load_fixture ("funds.json");
  g_autofree char *json =
    g_strdup_printf ("{\"format\": \"libcollab-dataset\", \"version\": 1, "
                     "\"projects\": [%s], \"transactions\": [%s]}",
                     projects != NULL ? projects : "", transactions != NULL ? transactions : "");

  collab_test_merge_data (dataset, json);
  return dataset;
}

/* funds.json with the transactions of the fixture @name merged into it
 * ("funds-chain.json", "funds-mixed.json"). */
static inline CollabDataset *
collab_test_funds_fixture (const char *name)
{
  CollabDataset *dataset = collab_test_load_fixture ("funds.json");

  collab_test_merge_fixture (dataset, name);
  return dataset;
}

/* @value is a string, @expected: the canonical amounts and days of the
 * fund rules' expected and actual values. */
static inline void
collab_test_assert_string_value (GVariant   *value,
                                 const char *expected)
{
  g_assert_nonnull (value);
  g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING));
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, expected);
}

/* --- tables ---------------------------------------------------------- */

/* The index of the column @name, which @table has. */
static inline int
collab_test_column (CollabTable *table,
                    const char  *name)
{
  int c = collab_table_find_column (table, name);

  if (c < 0)
    g_test_message ("the table has no column %s", name);
  g_assert_cmpint (c, >=, 0);
  return c;
}

/* --- signals --------------------------------------------------------- */

/* A "notify" handler that counts, in the guint @user_data points to. */
static inline void
collab_test_count_notify (GObject    *object,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* --- sizes and bounds ------------------------------------------------ */

/* Whether the test was built with ASan or TSan, which make it several
 * times slower and bigger: tests of size then take smaller inputs and
 * looser bounds, and are never skipped. */
static inline gboolean
collab_test_sanitized (void)
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  return TRUE;
#elif defined(__has_feature)
# if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
  return TRUE;
# else
  return FALSE;
# endif
#else
  return FALSE;
#endif
}

/* The processor's time the process has taken so far, user and system,
 * in seconds: a bound that other work on a shared machine does not
 * stretch, as it does the time on the clock. */
static inline double
collab_test_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* The most memory the process has held so far, in MiB: its peak RSS
 * (VmHWM), since it started or exec()ed. getrusage()'s ru_maxrss would
 * carry the parent's peak into a subprocess of GTest. */
static inline double
collab_test_peak_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;
  struct rusage usage;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "VmHWM:")) != NULL)
    return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

G_END_DECLS
