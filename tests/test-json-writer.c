/* test-json-writer.c: the JSON writer (io/collab-json-writer.c): the canonical document and atomic saves (SPEC §8, §9)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The canonical form is checked by its one promise: save → load → save
 * gives the same bytes, for the examples and for a document with every
 * record kind and members this library does not know at every level.
 */

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

#define HEADER "\"format\": \"libcollab-dataset\", \"version\": 1"

/* The example of SPEC §9, completed so that every reference resolves
 * (accounts of Shaanxi, Yan'an and Yanchuan, the transfer t7, a village),
 * with every record kind, amounts in every input form, and members this
 * library does not know at the top, in records and in sub-records. */
static const char full_document[] =
  "{\n"
  "  \"_written_by\": {\"tool\": \"test\", \"versions\": [1, 2.5, -0.0, 1e300, 0.1, 100.0, 1E2, -7],"
  " \"nested\": {\"a\": {\"b\": [[], {}, [null, true, false]]}}},\n"
  "  \"format\": \"libcollab-dataset\",\n"
  "  \"version\": 1,\n"
  "  \"transactions\": [\n"
  "    {\"id\": \"t1\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"1920万\",\n"
  "     \"date\": \"2021-04-15\", \"budget_year\": 2021, \"program\": \"wuxi-2021\",\n"
  "     \"document\": \"《关于下达2021年苏陕协作项目资金计划的通知》\"},\n"
  "    {\"id\": \"t2\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-shaanxi\", \"amount\": \"1920万\",\n"
  "     \"date\": \"2021-05-10\", \"program\": \"wuxi-2021\"},\n"
  "    {\"id\": \"t5\", \"type\": \"transfer\", \"from\": \"acc-shaanxi\", \"to\": \"acc-yanan\", \"amount\": 19200000,\n"
  "     \"date\": \"2021-05-20\", \"parent\": \"t2\"},\n"
  "    {\"id\": \"t7\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\", \"amount\": \"0.06亿\",\n"
  "     \"date\": \"2021-06-01\", \"parent\": \"t5\"},\n"
  "    {\"id\": \"t8\", \"type\": \"transfer\", \"from\": \"acc-yanchuan\", \"to\": \"prj-apple\", \"amount\": \"300万\",\n"
  "     \"date\": \"2021-07-01\", \"parent\": \"t7\", \"_approved_by\": \"县乡村振兴局\"},\n"
  "    {\"id\": \"t9\", \"type\": \"expenditure\", \"from\": \"prj-apple\", \"amount\": \"1200000.5\",\n"
  "     \"date\": \"2021-09-01\", \"use\": \"seedlings\", \"payee\": \"某苗木公司\", \"parent\": \"t8\"},\n"
  "    {\"id\": \"t10\", \"type\": \"plan\", \"to\": \"acc-yanan\", \"amount\": 5, \"date\": \"2021-01-04\"}\n"
  "  ],\n"
  "  \"regions\": [\n"
  "    {\"id\": \"shaanxi\", \"name\": \"陕西省\", \"level\": \"province\", \"code\": \"610000\", \"side\": \"west\"},\n"
  "    {\"parent\": \"shaanxi\", \"id\": \"yanan\", \"name\": \"延安市\", \"level\": \"city\", \"code\": \"610600\"},\n"
  "    {\"id\": \"yanchuan\", \"name\": \"延川县\", \"level\": \"county\", \"parent\": \"yanan\", \"code\": \"610622\",\n"
  "     \"flags\": [\"revolutionary_base\", \"poverty_lifted\"], \"_note\": \"革命老区\"},\n"
  "    {\"id\": \"some-village-id\", \"name\": \"某村\", \"level\": \"village\", \"parent\": \"yanchuan\", \"flags\": []},\n"
  "    {\"id\": \"jiangsu\", \"name\": \"江苏省\", \"level\": \"province\", \"code\": \"320000\", \"side\": \"east\"},\n"
  "    {\"id\": \"wuxi\", \"name\": \"无锡市\", \"name_en\": \"Wuxi\", \"level\": \"city\", \"parent\": \"jiangsu\", \"code\": \"320200\"},\n"
  "    {\"id\": \"jiangyin\", \"name\": \"江阴市\", \"level\": \"county\", \"parent\": \"wuxi\", \"code\": \"320281\"}\n"
  "  ],\n"
  "  \"organizations\": [\n"
  "    {\"id\": \"js-finance\", \"name\": \"江苏省财政厅\", \"kind\": \"agency\", \"region\": \"jiangsu\"},\n"
  "    {\"id\": \"jy-school\", \"name\": \"江阴市某中学\", \"kind\": \"school\"}\n"
  "  ],\n"
  "  \"programs\": [\n"
  "    {\"id\": \"wuxi-2021\", \"name\": \"无锡市“十四五”东西部协作规划\", \"kind\": \"east_west\",\n"
  "     \"first_year\": 2021, \"last_year\": 2025, \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"],\n"
  "     \"ruleset\": \"east-west-2021\",\n"
  "     \"fund_base\": [{\"city\": \"yanan\", \"base\": \"1920万\", \"plan_total\": \"9600万\",\n"
  "                    \"_source\": {\"page\": 12, \"quote\": \"\\\"不低于\\\"\\t2020年\"}}]}\n"
  "  ],\n"
  "  \"pairings\": [\n"
  "    {\"id\": \"p-jy-yc\", \"program\": \"wuxi-2021\", \"assisting\": \"jiangyin\", \"assisted\": \"yanchuan\",\n"
  "     \"level\": \"county\", \"period\": {\"first_year\": 2021, \"last_year\": 2025,\n"
  "     \"_signed\": [\"2021-03-01\", {\"by\": \"双方\"}, 3.25]}},\n"
  "    {\"id\": \"p-school\", \"program\": \"wuxi-2021\", \"assisting\": \"jy-school\", \"assisted\": \"some-village-id\",\n"
  "     \"level\": \"school\"}\n"
  "  ],\n"
  "  \"accounts\": [\n"
  "    {\"id\": \"acc-js\", \"holder\": \"js-finance\", \"source\": true},\n"
  "    {\"id\": \"acc-shaanxi\", \"holder\": \"shaanxi\", \"designation\": \"陕西省财政协作资金专户\"},\n"
  "    {\"id\": \"acc-yanan\", \"holder\": \"yanan\", \"source\": false},\n"
  "    {\"id\": \"acc-yanchuan\", \"holder\": \"yanchuan\"}\n"
  "  ],\n"
  "  \"projects\": [\n"
  "    {\"id\": \"prj-apple\", \"name\": \"延川县苹果良种苗木繁育基地\", \"county\": \"yanchuan\",\n"
  "     \"category\": \"industry\", \"subcategory\": \"speciality_farming\", \"budget\": \"500万\",\n"
  "     \"in_reserve\": true, \"program\": \"wuxi-2021\",\n"
  "     \"status\": [{\"status\": \"reserve\", \"date\": \"2020-11-01\"},\n"
  "                {\"status\": \"filed\", \"date\": \"2021-06-01\", \"_by\": \"无锡市发改委\", \"_ref\": {\"no\": \"锡发改〔2021〕1号\"}}]}\n"
  "  ],\n"
  "  \"people\": [\n"
  "    {\"id\": \"x001\", \"profession\": \"teacher\", \"organization\": \"jy-school\"},\n"
  "    {\"id\": \"x002\", \"name\": \"某医生\", \"profession\": \"doctor\"}\n"
  "  ],\n"
  "  \"dispatches\": [\n"
  "    {\"id\": \"d001\", \"person\": \"x001\", \"kind\": \"professional\", \"direction\": \"outbound\",\n"
  "     \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"},\n"
  "    {\"id\": \"d002\", \"person\": \"x002\", \"kind\": \"cadre\", \"direction\": \"outbound\", \"post\": \"liaison\",\n"
  "     \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2021-01-01\", \"planned_end\": \"2022-12-31\",\n"
  "     \"actual_end\": \"2022-06-30\"}\n"
  "  ],\n"
  "  \"trainings\": [\n"
  "    {\"program\": \"wuxi-2021\", \"side\": \"west\", \"year\": 2021, \"topic\": \"乡村振兴\", \"person_times\": 320}\n"
  "  ],\n"
  "  \"adjustments\": [\n"
  "    {\"rule\": \"666.mix\", \"assisting\": \"jiangyin\", \"assisted\": \"yanchuan\", \"year\": 2022,\n"
  "     \"note\": \"county asked for more doctors\"}\n"
  "  ],\n"
  "  \"demonstration_villages\": [\n"
  "    {\"village\": \"some-village-id\", \"county\": \"yanchuan\", \"program\": \"wuxi-2021\"}\n"
  "  ],\n"
  "  \"_escapes\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f\\u00e9\\u2028\\ud83d\\ude00 é😀\",\n"
  "  \"key \\\"with\\\" escapes\\n\": {\"\": \"empty name\"}\n"
  "}\n";

/* Helpers ------------------------------------------------------------------ */

/* Saves @text's canonical form, loads it and saves again: same bytes. */
static char *
assert_round_trip (const char *text)
{
  g_autoptr(CollabDataset) first = collab_test_load_data (text);
  g_autofree char *once = collab_dataset_to_data (first, NULL);
  g_autoptr(CollabDataset) second = collab_test_load_data (once);
  g_autofree char *twice = collab_dataset_to_data (second, NULL);
  g_autoptr(CollabDataset) third = collab_test_load_data (twice);
  g_autofree char *thrice = collab_dataset_to_data (third, NULL);

  g_assert_cmpstr (twice, ==, once);
  g_assert_cmpstr (thrice, ==, once);
  g_assert_true (g_utf8_validate (once, -1, NULL));
  return g_steal_pointer (&once);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("collab-writer-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, space-separated. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) handle = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", (const char *) g_ptr_array_index (names, i));
  return g_string_free (out, FALSE);
}

/* Round trips -------------------------------------------------------------- */

static void
test_examples_canonical (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = collab_test_example_path (name);
  g_autofree char *contents = collab_test_read_file (path);
  g_autofree char *canonical = assert_round_trip (contents);

  /* The shipped examples are written in the canonical form already. */
  g_assert_cmpstr (canonical, ==, contents);
}

/* An example read from its file and written out again is the file, byte
 * for byte: the examples are kept in the canonical layout (they were
 * checked so with the money and the roster they hold). */
static void
test_examples_file_canonical (gconstpointer data)
{
  const char *name = data;
  g_autoptr(CollabDataset) dataset = collab_test_load_example (name);
  g_autofree char *path = collab_test_example_path (name);
  g_autofree char *file = NULL;
  g_autofree char *saved = NULL;
  gsize file_length, saved_length;

  g_assert_true (g_file_get_contents (path, &file, &file_length, NULL));
  saved = collab_dataset_to_data (dataset, &saved_length);
  g_assert_cmpmem (saved, saved_length, file, file_length);
}

static void
test_examples_save_load_save (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = collab_test_example_path (name);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *once = g_build_filename (dir, "once.json", NULL);
  g_autofree char *twice = g_build_filename (dir, "twice.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabDataset) dataset = collab_dataset_new_from_file (path, &error);
  g_autoptr(CollabDataset) reloaded = NULL;
  g_autofree char *once_text = NULL;
  g_autofree char *twice_text = NULL;
  g_autofree char *in_memory = NULL;

  g_assert_no_error (error);
  g_assert_true (collab_dataset_save_to_file (dataset, once, &error));
  g_assert_no_error (error);
  reloaded = collab_dataset_new_from_file (once, &error);
  g_assert_no_error (error);
  g_assert_true (collab_dataset_save_to_file (reloaded, twice, &error));
  g_assert_no_error (error);

  once_text = collab_test_read_file (once);
  twice_text = collab_test_read_file (twice);
  in_memory = collab_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (once_text, ==, twice_text);
  g_assert_cmpstr (once_text, ==, in_memory);

  collab_test_remove_tree (dir);
}

static void
test_full_document (void)
{
  g_autofree char *canonical = assert_round_trip (full_document);
  g_autoptr(CollabDataset) dataset = collab_test_load_data (canonical);

  for (CollabRecordKind k = COLLAB_RECORD_KIND_REGION; k <= COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE; k++)
    g_assert_cmpuint (collab_dataset_get_n_records (dataset, k), >, 0);

  /* Header first, kinds in their fixed order, unknown members last in the
   * order they were read. */
  g_assert_true (g_str_has_prefix (canonical, "{\n  \"format\": \"libcollab-dataset\",\n  \"version\": 1,\n  \"regions\": [\n"));
  {
    static const char *order[] = {
      "\"regions\"", "\"organizations\"", "\"programs\"", "\"pairings\"", "\"accounts\"", "\"transactions\"",
      "\"projects\"", "\"people\"", "\"dispatches\"", "\"trainings\"", "\"adjustments\"",
      "\"demonstration_villages\"", "\"_written_by\"", "\"_escapes\"", "\"key \\\"with\\\" escapes\\n\"",
    };
    const char *previous = canonical;

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        const char *at = strstr (canonical, order[i]);

        g_assert_nonnull (at);
        g_assert_true (at > previous);
        previous = at;
      }
  }

  /* One record a line, known members in the kind's order. */
  g_assert_nonnull (strstr (canonical,
    "\n    {\"id\": \"yanan\", \"name\": \"延安市\", \"level\": \"city\", \"parent\": \"shaanxi\", \"code\": \"610600\"},\n"));
  g_assert_nonnull (strstr (canonical,
    "\n    {\"id\": \"yanchuan\", \"name\": \"延川县\", \"level\": \"county\", \"parent\": \"yanan\", \"code\": \"610622\", "
    "\"flags\": [\"poverty_lifted\", \"revolutionary_base\"], \"_note\": \"革命老区\"},\n"));
  g_assert_nonnull (strstr (canonical, "\"parent\": \"yanchuan\", \"flags\": []}"));
  g_assert_nonnull (strstr (canonical, "{\"id\": \"acc-yanan\", \"holder\": \"yanan\", \"source\": false}"));
  g_assert_nonnull (strstr (canonical,
    "{\"program\": \"wuxi-2021\", \"side\": \"west\", \"year\": 2021, \"topic\": \"乡村振兴\", \"person_times\": 320}"));
}

static void
test_full_document_amounts (void)
{
  g_autofree char *canonical = assert_round_trip (full_document);

  /* Every input form comes back as yuan with two decimals. */
  g_assert_nonnull (strstr (canonical, "\"id\": \"t1\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"19200000.00\""));
  g_assert_nonnull (strstr (canonical, "\"id\": \"t5\", \"type\": \"transfer\", \"from\": \"acc-shaanxi\", \"to\": \"acc-yanan\", \"amount\": \"19200000.00\""));
  g_assert_nonnull (strstr (canonical, "\"amount\": \"6000000.00\""));    /* "0.06亿" */
  g_assert_nonnull (strstr (canonical, "\"amount\": \"3000000.00\""));    /* "300万" */
  g_assert_nonnull (strstr (canonical, "\"amount\": \"1200000.50\""));    /* "1200000.5" */
  g_assert_nonnull (strstr (canonical, "\"amount\": \"5.00\""));          /* 5 */
  g_assert_nonnull (strstr (canonical, "\"budget\": \"5000000.00\""));
  g_assert_nonnull (strstr (canonical,
    "\"fund_base\": [{\"city\": \"yanan\", \"base\": \"19200000.00\", \"plan_total\": \"96000000.00\", "
    "\"_source\": {\"page\": 12, \"quote\": \"\\\"不低于\\\"\\t2020年\"}}]"));
  g_assert_null (strstr (canonical, "万"));
  g_assert_null (strstr (canonical, "亿"));
}

static void
test_full_document_unknown_members (void)
{
  g_autofree char *canonical = assert_round_trip (full_document);

  /* In sub-records: a pairing's period, a fund base item, a status item. */
  g_assert_nonnull (strstr (canonical,
    "\"period\": {\"first_year\": 2021, \"last_year\": 2025, \"_signed\": [\"2021-03-01\", {\"by\": \"双方\"}, 3.25]}"));
  g_assert_nonnull (strstr (canonical,
    "{\"status\": \"filed\", \"date\": \"2021-06-01\", \"_by\": \"无锡市发改委\", \"_ref\": {\"no\": \"锡发改〔2021〕1号\"}}"));
  g_assert_nonnull (strstr (canonical, "\"parent\": \"t7\", \"_approved_by\": \"县乡村振兴局\"}"));

  /* Numbers keep their kind: integers stay integers, doubles stay doubles
   * and read back as the same double. */
  g_assert_nonnull (strstr (canonical,
    "\"_written_by\": {\"tool\": \"test\", \"versions\": [1, 2.5, -0.0, 1e+300, 0.1, 100.0, 100.0, -7], "
    "\"nested\": {\"a\": {\"b\": [[], {}, [null, true, false]]}}}"));

  /* Escapes: what JSON requires is escaped, the rest is written as UTF-8. */
  g_assert_nonnull (strstr (canonical,
    "\"_escapes\": \"\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\x7f" "é\u2028😀 é😀\""));
  g_assert_nonnull (strstr (canonical, "\"key \\\"with\\\" escapes\\n\": {\"\": \"empty name\"}\n}\n"));
}

static void
test_unknown_member_values (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_data (full_document);
  g_autofree char *canonical = collab_dataset_to_data (dataset, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *versions;

  /* The values themselves survive, as json-glib reads them back. */
  json_parser_load_from_data (parser, canonical, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "_escapes"), ==,
                   "\"\\/\b\f\n\r\t\001\037\177é\u2028😀 é😀");
  versions = json_object_get_array_member (json_object_get_object_member (root, "_written_by"), "versions");
  g_assert_cmpuint (json_array_get_length (versions), ==, 8);
  g_assert_cmpint (json_array_get_int_element (versions, 0), ==, 1);
  g_assert_cmpfloat (json_array_get_double_element (versions, 1), ==, 2.5);
  g_assert_cmpfloat (json_array_get_double_element (versions, 3), ==, 1e300);
  g_assert_cmpfloat (json_array_get_double_element (versions, 4), ==, 0.1);
  g_assert_cmpint (json_array_get_int_element (versions, 7), ==, -7);
}

static void
test_doubles_shortest (void)
{
  /* Doubles that need 16 or 17 digits to read back the same. */
  static const char *values[] = {
    "0.1", "0.30000000000000004", "1.7976931348623157e308", "5e-324", "2.2250738585072014e-308",
    "123456789012345678.0", "-1.5e-10", "3.141592653589793",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *document = g_strdup_printf ("{" HEADER ", \"x\": %s}", values[i]);
      g_autofree char *canonical = assert_round_trip (document);
      g_autoptr(CollabDataset) dataset = collab_test_load_data (canonical);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *x;

      g_test_message ("%s", values[i]);
      json_parser_load_from_data (parser, canonical, -1, NULL);
      x = json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "x");
      g_assert_cmpfloat (json_node_get_double (x), ==, g_ascii_strtod (values[i], NULL));
    }
}

static void
test_canonical_amount_forms (void)
{
  static const struct { const char *input; const char *output; } cases[] = {
    { "\"1920万\"", "\"19200000.00\"" },
    { "\"1920万元\"", "\"19200000.00\"" },
    { "\"1.47亿\"", "\"147000000.00\"" },
    { "\"26271300.00\"", "\"26271300.00\"" },
    { "\"5\"", "\"5.00\"" },
    { "5", "\"5.00\"" },
    { "0", "\"0.00\"" },
    { "\"0.5\"", "\"0.50\"" },
    { "\"1.230\"", "\"1.23\"" },
    { "\"0012\"", "\"12.00\"" },
    { "\"3500元\"", "\"3500.00\"" },
    { "92233720368547758", "\"92233720368547758.00\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *document = g_strdup_printf (
        "{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"county\", \"side\": \"west\"}], "
        "\"projects\": [{\"id\": \"p\", \"name\": \"P\", \"county\": \"a\", \"category\": \"labour\", \"budget\": %s}]}",
        cases[i].input);
      g_autofree char *expected = g_strdup_printf ("\"budget\": %s}", cases[i].output);
      g_autofree char *canonical = assert_round_trip (document);

      g_test_message ("%s -> %s", cases[i].input, cases[i].output);
      g_assert_nonnull (strstr (canonical, expected));
    }
}

static void
test_empty_and_minimal (void)
{
  g_autofree char *empty = assert_round_trip ("{" HEADER "}");
  g_autofree char *empty_arrays = assert_round_trip ("{" HEADER ", \"regions\": [], \"people\": []}");
  g_autofree char *spaced = assert_round_trip ("\n\n  {\"version\":1,\"format\":\"libcollab-dataset\"}  \n\n");

  g_assert_cmpstr (empty, ==, "{\n  \"format\": \"libcollab-dataset\",\n  \"version\": 1\n}\n");
  /* Empty arrays say nothing and are not written. */
  g_assert_cmpstr (empty_arrays, ==, empty);
  g_assert_cmpstr (spaced, ==, empty);
}

static void
test_null_members_dropped (void)
{
  g_autofree char *canonical = assert_round_trip (
    "{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"county\", \"parent\": null, "
    "\"side\": \"west\", \"_x\": null}], \"_y\": null}");

  /* null for a known member is "not given"; an unknown null is a value. */
  g_assert_nonnull (strstr (canonical, "{\"id\": \"a\", \"name\": \"A\", \"level\": \"county\", \"side\": \"west\", \"_x\": null}"));
  g_assert_nonnull (strstr (canonical, "\"_y\": null\n}"));
}

static void
test_after_changes (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_data (full_document);
  g_autoptr(CollabRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;

  /* A dataset that was added to and removed from saves canonically too. */
  record = collab_record_new_from_json (COLLAB_RECORD_KIND_TRANSACTION,
                                        "{\"id\": \"t11\", \"type\": \"expenditure\", \"from\": \"prj-apple\","
                                        " \"amount\": \"10万\", \"date\": \"2021-10-01\", \"use\": \"training\","
                                        " \"_x\": [1.5, {\"y\": \"z\"}]}", &error);
  g_assert_no_error (error);
  g_assert_true (collab_dataset_add (dataset, record, &error));
  g_assert_no_error (error);
  g_assert_true (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_DISPATCH, "d001", &error));
  g_assert_no_error (error);
  collab_test_merge_data (dataset,
                          "{" HEADER ", \"people\": [{\"id\": \"x003\", \"profession\": \"agriculture\"}],"
                          " \"_merged\": 1}");

  once = collab_dataset_to_data (dataset, NULL);
  twice = assert_round_trip (once);
  g_assert_cmpstr (twice, ==, once);
  g_assert_nonnull (strstr (once, "\"amount\": \"100000.00\", \"date\": \"2021-10-01\", \"use\": \"training\", \"_x\": [1.5, {\"y\": \"z\"}]}"));
  g_assert_null (strstr (once, "\"d001\""));
  g_assert_true (g_str_has_suffix (once, "\"_merged\": 1\n}\n"));
}

/* Atomic saves ------------------------------------------------------------- */

static void
test_save_missing_directory (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_data (full_document);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "no-such-dir", "out.json", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (collab_dataset_save_to_file (dataset, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, path));

  /* Nothing was left behind, and no directory was made. */
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
  collab_test_remove_tree (dir);
}

static void
test_save_replaces (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_data (full_document);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = collab_dataset_to_data (dataset, NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  g_assert_true (g_file_set_contents (path, "old contents, much shorter", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  g_assert_true (collab_dataset_save_to_file (dataset, path, &error));
  g_assert_no_error (error);

  contents = collab_test_read_file (path);
  g_assert_cmpstr (contents, ==, expected);
  /* Replaced by a rename, not rewritten in place; no temporary file left. */
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_true (before.st_ino != after.st_ino);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "out.json");

  /* And again over the new one. */
  g_assert_true (collab_dataset_save_to_file (dataset, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "out.json");

  collab_test_remove_tree (dir);
}

static void
test_save_onto_directory (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_data (full_document);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *target = g_build_filename (dir, "out.json", NULL);
  g_autofree char *inside = g_build_filename (target, "keep.txt", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  /* The target is a directory holding a file: the save fails, and what
   * was there is intact, with no temporary file beside it. */
  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "precious", -1, &error));
  g_assert_no_error (error);

  g_assert_false (collab_dataset_save_to_file (dataset, target, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_FILE_ERROR);
  g_assert_true (g_str_has_prefix (error->message, target));
  g_assert_nonnull (strstr (error->message, "not a regular file"));

  g_assert_true (g_file_test (target, G_FILE_TEST_IS_DIR));
  kept = collab_test_read_file (inside);
  g_assert_cmpstr (kept, ==, "precious");
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "out.json");

  collab_test_remove_tree (dir);
}

static void
test_save_through_a_file (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_data (full_document);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *file = g_build_filename (dir, "plain", NULL);
  g_autofree char *path = g_build_filename (file, "out.json", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (file, "x", -1, &error));
  g_assert_false (collab_dataset_save_to_file (dataset, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plain");
  collab_test_remove_tree (dir);
}

static void
test_save_fails_while_writing (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_data (full_document);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *listing = NULL;
  struct rlimit saved, small;
  void (*saved_handler) (int);
  gboolean saved_ok;

  g_assert_true (g_file_set_contents (path, "the old document", -1, &error));
  g_assert_no_error (error);

  /* While no file may grow past 64 bytes, the write of the temporary
   * file fails half-way. Only the soft limit is lowered, so that it can
   * be raised again; nothing else writes in between. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 64;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  saved_ok = collab_dataset_save_to_file (dataset, path, &error);
  setrlimit (RLIMIT_FSIZE, &saved);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (saved_ok);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "cannot save: File too large (the file was left as it was)"));

  /* The old file is whole, and the temporary one is gone. */
  kept = collab_test_read_file (path);
  g_assert_cmpstr (kept, ==, "the old document");
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "out.json");
  collab_test_remove_tree (dir);
}

static void
test_save_relative_path (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_data ("{" HEADER "}");
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  /* A bare file name saves in the current directory. */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  g_assert_true (collab_dataset_save_to_file (dataset, "out.json", &error));
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_no_error (error);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "out.json");
  collab_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/collab/json-writer/round-trip/wuxi", "wuxi-2021.json", test_examples_canonical);
  g_test_add_data_func ("/collab/json-writer/round-trip/zhuhai", "zhuhai-zunyi-2021.json", test_examples_canonical);
  g_test_add_data_func ("/collab/json-writer/round-trip/wuxi-file", "wuxi-2021.json", test_examples_save_load_save);
  g_test_add_data_func ("/collab/json-writer/round-trip/zhuhai-file", "zhuhai-zunyi-2021.json", test_examples_save_load_save);
  g_test_add_data_func ("/collab/json-writer/round-trip/funds-2021-file", "wuxi-funds-2021.json", test_examples_file_canonical);
  g_test_add_data_func ("/collab/json-writer/round-trip/2016-2020-file", "wuxi-2016-2020.json", test_examples_file_canonical);
  g_test_add_data_func ("/collab/json-writer/round-trip/roster-file", "wuxi-roster-2021-2023.json", test_examples_file_canonical);
  g_test_add_func ("/collab/json-writer/round-trip/every-kind", test_full_document);
  g_test_add_func ("/collab/json-writer/round-trip/after-changes", test_after_changes);
  g_test_add_func ("/collab/json-writer/canonical/amounts", test_full_document_amounts);
  g_test_add_func ("/collab/json-writer/canonical/amount-forms", test_canonical_amount_forms);
  g_test_add_func ("/collab/json-writer/canonical/unknown-members", test_full_document_unknown_members);
  g_test_add_func ("/collab/json-writer/canonical/unknown-values", test_unknown_member_values);
  g_test_add_func ("/collab/json-writer/canonical/doubles", test_doubles_shortest);
  g_test_add_func ("/collab/json-writer/canonical/empty", test_empty_and_minimal);
  g_test_add_func ("/collab/json-writer/canonical/null-members", test_null_members_dropped);
  g_test_add_func ("/collab/json-writer/save/missing-directory", test_save_missing_directory);
  g_test_add_func ("/collab/json-writer/save/replaces", test_save_replaces);
  g_test_add_func ("/collab/json-writer/save/onto-directory", test_save_onto_directory);
  g_test_add_func ("/collab/json-writer/save/through-a-file", test_save_through_a_file);
  g_test_add_func ("/collab/json-writer/save/fails-while-writing", test_save_fails_while_writing);
  g_test_add_func ("/collab/json-writer/save/relative-path", test_save_relative_path);

  return g_test_run ();
}
