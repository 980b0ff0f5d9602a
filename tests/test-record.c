/* test-record.c: one record as a value (io/collab-record.c, SPEC §4, §9)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <libcollab/collab.h>

#define HEADER "\"format\": \"libcollab-dataset\", \"version\": 1"

/* A little of every kind the getters read: strings, enums, references,
 * flags, years, amounts, booleans, sub-records and kept members. */
static const char document[] =
  "{" HEADER ",\n"
  " \"regions\": [\n"
  "  {\"id\": \"jiangsu\", \"name\": \"江苏省\", \"level\": \"province\", \"code\": \"320000\", \"side\": \"east\"},\n"
  "  {\"id\": \"wuxi\", \"name\": \"无锡市\", \"level\": \"city\", \"parent\": \"jiangsu\", \"code\": \"320200\"},\n"
  "  {\"id\": \"jiangyin\", \"name\": \"江阴市\", \"level\": \"county\", \"parent\": \"wuxi\"},\n"
  "  {\"id\": \"shaanxi\", \"name\": \"陕西省\", \"level\": \"province\", \"side\": \"west\"},\n"
  "  {\"id\": \"yanan\", \"name\": \"延安市\", \"name_en\": \"Yan'an\", \"level\": \"city\", \"parent\": \"shaanxi\"},\n"
  "  {\"id\": \"yanchuan\", \"name\": \"延川县\", \"level\": \"county\", \"parent\": \"yanan\","
  "   \"flags\": [\"national_key\", \"poverty_lifted\"], \"_survey\": {\"households\": 12, \"ok\": true}}],\n"
  " \"organizations\": [{\"id\": \"js-finance\", \"name\": \"江苏省财政厅\", \"kind\": \"agency\", \"region\": \"jiangsu\"}],\n"
  " \"programs\": [{\"id\": \"wuxi-2021\", \"name\": \"无锡市“十四五”东西部协作规划\", \"kind\": \"east_west\","
  "  \"first_year\": 2021, \"last_year\": 2025, \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"],"
  "  \"fund_base\": [{\"city\": \"yanan\", \"base\": \"1920万\", \"plan_total\": \"9600万\"}]}],\n"
  " \"accounts\": [{\"id\": \"acc-js\", \"holder\": \"js-finance\", \"source\": true},"
  "               {\"id\": \"acc-yanan\", \"holder\": \"yanan\", \"designation\": \"延安市协作资金专户\"}],\n"
  " \"transactions\": [{\"id\": \"t1\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"1920万\","
  "  \"date\": \"2021-04-15\", \"budget_year\": 2021, \"program\": \"wuxi-2021\"},"
  "  {\"id\": \"t2\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\", \"amount\": 5,"
  "   \"date\": \"2021-05-10\"}],\n"
  " \"people\": [{\"id\": \"x001\", \"profession\": \"teacher\"}],\n"
  " \"dispatches\": [{\"id\": \"d001\", \"person\": \"x001\", \"kind\": \"professional\", \"direction\": \"outbound\","
  "  \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"}]\n"
  "}\n";

static CollabDataset *
load_document (void)
{
  g_autoptr(GError) error = NULL;
  CollabDataset *dataset = collab_dataset_new ();

  collab_dataset_load_from_data (dataset, document, -1, &error);
  g_assert_no_error (error);
  return dataset;
}

static CollabRecord *
lookup (CollabDataset    *dataset,
        CollabRecordKind  kind,
        const char       *id)
{
  CollabRecord *record = collab_dataset_lookup (dataset, kind, id);

  g_assert_nonnull (record);
  return record;
}

/* new_from_json ------------------------------------------------------------ */

static void
test_new_from_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRecord) record = NULL;

  record = collab_record_new_from_json (COLLAB_RECORD_KIND_PAIRING,
                                        "{\"id\": \"p-jy-yc\", \"program\": \"wuxi-2021\", \"assisting\": \"jiangyin\","
                                        " \"assisted\": \"yanchuan\", \"level\": \"county\","
                                        " \"period\": {\"first_year\": 2021, \"last_year\": 2025}}",
                                        &error);
  g_assert_no_error (error);
  g_assert_true (COLLAB_IS_RECORD (record));
  g_assert_cmpint (collab_record_get_kind (record), ==, COLLAB_RECORD_KIND_PAIRING);
  g_assert_cmpstr (collab_record_get_id (record), ==, "p-jy-yc");
  g_assert_cmpstr (collab_record_get_string (record, "assisted"), ==, "yanchuan");
  g_assert_true (collab_record_has_field (record, "period"));
}

static void
test_new_from_json_unchecked (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRecord) record = NULL;

  /* Only the syntax is checked until the record joins a dataset. */
  record = collab_record_new_from_json (COLLAB_RECORD_KIND_REGION, "{\"level\": \"planet\", \"x\": [1, 2]}", &error);
  g_assert_no_error (error);
  g_assert_null (collab_record_get_id (record));
  g_assert_cmpstr (collab_record_get_string (record, "level"), ==, "planet");
}

static void
test_new_from_json_errors (void)
{
  static const struct { const char *json; int code; const char *message; } cases[] = {
    { "{\"id\": ", COLLAB_DATASET_ERROR_SYNTAX, "<record>:1:8: parse error: premature EOF" },
    { "", COLLAB_DATASET_ERROR_SYNTAX, "<record>:1:1: parse error: premature EOF" },
    { "{\"id\": \"a\",, }", COLLAB_DATASET_ERROR_SYNTAX, "<record>:1:12: parse error: invalid object key (must be a string)" },
    { "[1, 2]", COLLAB_DATASET_ERROR_TYPE, "<record>: $: expected a region object" },
    { "\"a\"", COLLAB_DATASET_ERROR_TYPE, "<record>: $: expected a region object" },
    { "{\"id\": \"a\", \"id\": \"b\"}", COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
      "<record>:1:16: the member \"id\" appears twice" },
    { "{\"id\": \"a\", \"x\": {\"y\": 1, \"y\": 2}}", COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
      "<record>:1:29: the member \"y\" appears twice" },
    { "{\"id\": \"a\\u0000b\"}", COLLAB_DATASET_ERROR_INVALID_VALUE,
      "<record>:1:17: a string cannot hold a NUL character" },
    { "{\"id\": \"\xc0\xaf\"}", COLLAB_DATASET_ERROR_SYNTAX, "<record>:1:10: a string is not valid UTF-8" },
    { "{\"x\": 99999999999999999999}", COLLAB_DATASET_ERROR_SYNTAX, "<record>:1:7: parse error: integer overflow" },
    { "{\"x\": 0012}", COLLAB_DATASET_ERROR_SYNTAX, "<record>:1:8: parse error: after key and value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CollabRecord) record = NULL;

      record = collab_record_new_from_json (COLLAB_RECORD_KIND_REGION, cases[i].json, &error);
      g_assert_null (record);
      g_test_message ("%s", error->message);
      g_assert_error (error, COLLAB_DATASET_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
}

static void
test_new_from_json_deep (void)
{
  GString *json = g_string_new ("{\"id\": \"a\", \"deep\": ");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRecord) record = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  text = g_string_free (json, FALSE);

  g_test_timer_start ();
  record = collab_record_new_from_json (COLLAB_RECORD_KIND_REGION, text, &error);
  g_assert_null (record);
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "values nest deeper than"));
  g_assert_cmpfloat (g_test_timer_elapsed (), <, 2.0);
}

/* Properties --------------------------------------------------------------- */

static void
test_properties (void)
{
  g_autoptr(CollabDataset) dataset = load_document ();
  g_autoptr(CollabRecord) record = lookup (dataset, COLLAB_RECORD_KIND_DISPATCH, "d001");
  g_autoptr(CollabRecord) no_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *no_id_value = NULL;
  CollabRecordKind kind = COLLAB_RECORD_KIND_REGION;
  GParamSpec *pspec;

  g_object_get (record, "kind", &kind, "id", &id, NULL);
  g_assert_cmpint (kind, ==, COLLAB_RECORD_KIND_DISPATCH);
  g_assert_cmpstr (id, ==, "d001");

  /* Read-only: a record is a value. */
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "kind");
  g_assert_nonnull (pspec);
  g_assert_true (pspec->flags & G_PARAM_READABLE);
  g_assert_false (pspec->flags & G_PARAM_WRITABLE);
  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (pspec) == COLLAB_TYPE_RECORD_KIND);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "id");
  g_assert_nonnull (pspec);
  g_assert_false (pspec->flags & G_PARAM_WRITABLE);

  no_id = collab_record_new_from_json (COLLAB_RECORD_KIND_ADJUSTMENT,
                                       "{\"rule\": \"666.mix\", \"assisted\": \"yanchuan\", \"year\": 2022}", &error);
  g_assert_no_error (error);
  g_object_get (no_id, "kind", &kind, "id", &no_id_value, NULL);
  g_assert_cmpint (kind, ==, COLLAB_RECORD_KIND_ADJUSTMENT);
  g_assert_null (no_id_value);
}

/* Getters ------------------------------------------------------------------ */

static void
test_get_string (void)
{
  g_autoptr(CollabDataset) dataset = load_document ();
  g_autoptr(CollabRecord) yanan = lookup (dataset, COLLAB_RECORD_KIND_REGION, "yanan");
  g_autoptr(CollabRecord) dispatch = lookup (dataset, COLLAB_RECORD_KIND_DISPATCH, "d001");
  g_autoptr(CollabRecord) program = lookup (dataset, COLLAB_RECORD_KIND_PROGRAM, "wuxi-2021");

  g_assert_cmpstr (collab_record_get_string (yanan, "name"), ==, "延安市");
  g_assert_cmpstr (collab_record_get_string (yanan, "name_en"), ==, "Yan'an");
  g_assert_cmpstr (collab_record_get_string (yanan, "level"), ==, "city");      /* an enum, as its word */
  g_assert_cmpstr (collab_record_get_string (yanan, "parent"), ==, "shaanxi");  /* a reference, as its id */
  g_assert_cmpstr (collab_record_get_string (dispatch, "start"), ==, "2022-03-01");
  g_assert_cmpstr (collab_record_get_string (dispatch, "kind"), ==, "professional");
  g_assert_cmpstr (collab_record_get_string (program, "name"), ==, "无锡市“十四五”东西部协作规划");

  /* Missing, or not a string. */
  g_assert_null (collab_record_get_string (yanan, "code"));
  g_assert_null (collab_record_get_string (yanan, "nothing"));
  g_assert_null (collab_record_get_string (program, "first_year"));
  g_assert_null (collab_record_get_string (program, "assisted"));
}

static void
test_get_int (void)
{
  g_autoptr(CollabDataset) dataset = load_document ();
  g_autoptr(CollabRecord) program = lookup (dataset, COLLAB_RECORD_KIND_PROGRAM, "wuxi-2021");
  g_autoptr(CollabRecord) t1 = lookup (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t1");
  g_autoptr(CollabRecord) yanchuan = lookup (dataset, COLLAB_RECORD_KIND_REGION, "yanchuan");

  g_assert_cmpint (collab_record_get_int (program, "first_year"), ==, 2021);
  g_assert_cmpint (collab_record_get_int (program, "last_year"), ==, 2025);
  g_assert_cmpint (collab_record_get_int (t1, "budget_year"), ==, 2021);
  g_assert_cmpint (collab_record_get_int (program, "name"), ==, 0);
  g_assert_cmpint (collab_record_get_int (program, "nothing"), ==, 0);
  g_assert_cmpint (collab_record_get_int (yanchuan, "_survey"), ==, 0);
}

static void
test_get_amount (void)
{
  g_autoptr(CollabDataset) dataset = load_document ();
  g_autoptr(CollabRecord) t1 = lookup (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t1");
  g_autoptr(CollabRecord) t2 = lookup (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t2");
  g_autoptr(CollabRecord) from_json = NULL;
  g_autoptr(GError) error = NULL;

  /* As written on save, and as the amount in fen. */
  g_assert_cmpstr (collab_record_get_string (t1, "amount"), ==, "19200000.00");
  g_assert_cmpint (collab_record_get_amount (t1, "amount"), ==, G_GINT64_CONSTANT (1920000000));
  g_assert_cmpstr (collab_record_get_string (t2, "amount"), ==, "5.00");
  g_assert_cmpint (collab_record_get_amount (t2, "amount"), ==, 500);
  g_assert_cmpint (collab_record_get_amount (t1, "nothing"), ==, 0);
  g_assert_cmpint (collab_record_get_amount (t1, "date"), ==, 0);

  /* A record made from JSON holds the amount as it was written. */
  from_json = collab_record_new_from_json (COLLAB_RECORD_KIND_TRANSACTION,
                                           "{\"id\": \"t3\", \"amount\": 5, \"budget\": \"1.47亿\", \"bad\": \"1.234\"}",
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpint (collab_record_get_amount (from_json, "amount"), ==, 500);
  g_assert_cmpint (collab_record_get_amount (from_json, "budget"), ==, G_GINT64_CONSTANT (14700000000));
  g_assert_cmpint (collab_record_get_amount (from_json, "bad"), ==, 0);
}

static void
test_get_boolean (void)
{
  g_autoptr(CollabDataset) dataset = load_document ();
  g_autoptr(CollabRecord) source = lookup (dataset, COLLAB_RECORD_KIND_ACCOUNT, "acc-js");
  g_autoptr(CollabRecord) plain = lookup (dataset, COLLAB_RECORD_KIND_ACCOUNT, "acc-yanan");

  g_assert_true (collab_record_get_boolean (source, "source"));
  g_assert_false (collab_record_get_boolean (plain, "source"));
  g_assert_false (collab_record_has_field (plain, "source"));
  g_assert_false (collab_record_get_boolean (source, "holder"));
  g_assert_cmpstr (collab_record_get_string (plain, "designation"), ==, "延安市协作资金专户");
}

static void
test_get_strv (void)
{
  g_autoptr(CollabDataset) dataset = load_document ();
  g_autoptr(CollabRecord) yanchuan = lookup (dataset, COLLAB_RECORD_KIND_REGION, "yanchuan");
  g_autoptr(CollabRecord) program = lookup (dataset, COLLAB_RECORD_KIND_PROGRAM, "wuxi-2021");
  g_auto(GStrv) flags = collab_record_get_strv (yanchuan, "flags");
  g_auto(GStrv) assisted = collab_record_get_strv (program, "assisted");
  g_auto(GStrv) missing = collab_record_get_strv (program, "nothing");
  g_auto(GStrv) not_array = collab_record_get_strv (program, "name");
  g_auto(GStrv) of_objects = collab_record_get_strv (program, "fund_base");

  /* Flags come back in the order of their type, whatever the input order. */
  g_assert_cmpuint (g_strv_length (flags), ==, 2);
  g_assert_cmpstr (flags[0], ==, "poverty_lifted");
  g_assert_cmpstr (flags[1], ==, "national_key");
  g_assert_cmpuint (g_strv_length (assisted), ==, 1);
  g_assert_cmpstr (assisted[0], ==, "yanan");
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
  g_assert_cmpuint (g_strv_length (not_array), ==, 0);
  g_assert_cmpuint (g_strv_length (of_objects), ==, 0);
}

static void
test_list_fields (void)
{
  g_autoptr(CollabDataset) dataset = load_document ();
  g_autoptr(CollabRecord) yanchuan = lookup (dataset, COLLAB_RECORD_KIND_REGION, "yanchuan");
  g_autoptr(CollabRecord) t1 = lookup (dataset, COLLAB_RECORD_KIND_TRANSACTION, "t1");
  g_auto(GStrv) region_fields = collab_record_list_fields (yanchuan);
  g_auto(GStrv) transaction_fields = collab_record_list_fields (t1);
  g_autofree char *region_text = g_strjoinv (" ", region_fields);
  g_autofree char *transaction_text = g_strjoinv (" ", transaction_fields);

  /* The kind's order, then the members the library keeps unread. */
  g_assert_cmpstr (region_text, ==, "id name level parent flags _survey");
  g_assert_cmpstr (transaction_text, ==, "id type to amount date budget_year program");
}

static void
test_to_json (void)
{
  g_autoptr(CollabDataset) dataset = load_document ();
  g_autoptr(CollabRecord) yanchuan = lookup (dataset, COLLAB_RECORD_KIND_REGION, "yanchuan");
  g_autoptr(JsonNode) node = collab_record_to_json (yanchuan);
  g_autoptr(JsonNode) again = collab_record_to_json (yanchuan);
  JsonObject *object;
  JsonObject *survey;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_true (node != again);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "yanchuan");
  g_assert_cmpstr (json_object_get_string_member (object, "parent"), ==, "yanan");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "flags")), ==, 2);
  survey = json_object_get_object_member (object, "_survey");
  g_assert_nonnull (survey);
  g_assert_cmpint (json_object_get_int_member (survey, "households"), ==, 12);
  g_assert_true (json_object_get_boolean_member (survey, "ok"));
}

static void
test_to_string (void)
{
  g_autoptr(CollabDataset) dataset = load_document ();
  g_autoptr(CollabRecord) yanchuan = lookup (dataset, COLLAB_RECORD_KIND_REGION, "yanchuan");
  g_autoptr(CollabRecord) program = lookup (dataset, COLLAB_RECORD_KIND_PROGRAM, "wuxi-2021");
  g_autofree char *region_text = collab_record_to_string (yanchuan);
  g_autofree char *program_text = collab_record_to_string (program);
  g_autofree char *saved = collab_dataset_to_data (dataset, NULL);

  g_assert_cmpstr (region_text, ==,
                   "{\"id\": \"yanchuan\", \"name\": \"延川县\", \"level\": \"county\", \"parent\": \"yanan\", "
                   "\"flags\": [\"poverty_lifted\", \"national_key\"], \"_survey\": {\"households\": 12, \"ok\": true}}");
  g_assert_cmpstr (program_text, ==,
                   "{\"id\": \"wuxi-2021\", \"name\": \"无锡市“十四五”东西部协作规划\", \"kind\": \"east_west\", "
                   "\"first_year\": 2021, \"last_year\": 2025, \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"], "
                   "\"fund_base\": [{\"city\": \"yanan\", \"base\": \"19200000.00\", \"plan_total\": \"96000000.00\"}]}");

  /* One line of the saved document. */
  g_assert_nonnull (strstr (saved, region_text));
  g_assert_nonnull (strstr (saved, program_text));
  g_assert_null (strchr (region_text, '\n'));
}

static void
test_to_string_from_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRecord) record = NULL;
  g_autofree char *text = NULL;

  record = collab_record_new_from_json (COLLAB_RECORD_KIND_PERSON,
                                        "{\"id\": \"x\",\"profession\":\"doctor\",\n \"note\": \"a\\\"b\\\\c\\n\\u0001é\", \"w\": 0.5}",
                                        &error);
  g_assert_no_error (error);
  text = collab_record_to_string (record);
  g_assert_cmpstr (text, ==, "{\"id\": \"x\", \"profession\": \"doctor\", \"note\": \"a\\\"b\\\\c\\n\\u0001é\", \"w\": 0.5}");
}

static void
test_snapshot (void)
{
  g_autoptr(CollabDataset) dataset = load_document ();
  g_autoptr(CollabRecord) dispatch = lookup (dataset, COLLAB_RECORD_KIND_DISPATCH, "d001");
  g_autoptr(GError) error = NULL;

  /* A record outlives changes to the dataset, and the dataset itself. */
  g_assert_true (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_DISPATCH, "d001", &error));
  g_assert_no_error (error);
  g_clear_object (&dataset);
  g_assert_cmpstr (collab_record_get_string (dispatch, "to"), ==, "yanchuan");
  g_assert_cmpstr (collab_record_get_id (dispatch), ==, "d001");
}

static void
test_deep_kept_member (void)
{
  /* A kept member 64 levels deep in a sub-record: the deepest a record
   * can hold, and it must still come out as a record. */
  GString *text = g_string_new ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"county\", \"side\": \"west\"}],"
                                " \"projects\": [{\"id\": \"p\", \"name\": \"P\", \"county\": \"a\", \"category\": \"industry\","
                                " \"status\": [{\"status\": \"reserve\", \"date\": \"2021-01-01\", \"deep\": ");
  g_autoptr(CollabDataset) dataset = collab_dataset_new ();
  g_autoptr(CollabRecord) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document_text = NULL;
  g_autofree char *record_text = NULL;

  for (guint i = 0; i < 64; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 64; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}]}]}");
  document_text = g_string_free (text, FALSE);

  g_assert_true (collab_dataset_load_from_data (dataset, document_text, -1, &error));
  g_assert_no_error (error);
  project = lookup (dataset, COLLAB_RECORD_KIND_PROJECT, "p");
  record_text = collab_record_to_string (project);
  g_assert_true (g_str_has_prefix (record_text, "{\"id\": \"p\", \"name\": \"P\""));
  g_assert_true (g_str_has_suffix (record_text, "]]]]}]}"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/record/new-from-json/valid", test_new_from_json);
  g_test_add_func ("/collab/record/new-from-json/unchecked", test_new_from_json_unchecked);
  g_test_add_func ("/collab/record/new-from-json/errors", test_new_from_json_errors);
  g_test_add_func ("/collab/record/new-from-json/deep", test_new_from_json_deep);
  g_test_add_func ("/collab/record/properties", test_properties);
  g_test_add_func ("/collab/record/get-string", test_get_string);
  g_test_add_func ("/collab/record/get-int", test_get_int);
  g_test_add_func ("/collab/record/get-amount", test_get_amount);
  g_test_add_func ("/collab/record/get-boolean", test_get_boolean);
  g_test_add_func ("/collab/record/get-strv", test_get_strv);
  g_test_add_func ("/collab/record/list-fields", test_list_fields);
  g_test_add_func ("/collab/record/to-json", test_to_json);
  g_test_add_func ("/collab/record/to-string", test_to_string);
  g_test_add_func ("/collab/record/to-string/from-json", test_to_string_from_json);
  g_test_add_func ("/collab/record/snapshot", test_snapshot);
  g_test_add_func ("/collab/record/deep-kept-member", test_deep_kept_member);

  return g_test_run ();
}
