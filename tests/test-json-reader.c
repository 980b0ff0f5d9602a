/* test-json-reader.c: the JSON reader (io/collab-json-reader*.c): every way a dataset document can be wrong (SPEC §8, §9)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each case reads a small document into a fresh store and checks the error
 * code and message: `FILE:LINE:COLUMN: message` for what is not JSON,
 * `FILE: $.path: message (line L, column C)` for what JSON cannot mean
 * here, and `FILE: $.path: message` for what only the whole document can
 * tell (references, cycles). A failed read must leave the store empty.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "io/collab-json-private.h"
#include "types/collab-error-private.h"
#include "collab-test-util.h"

#define FILENAME "test.json"
#define HEADER "\"format\": \"libcollab-dataset\", \"version\": 1"

/* East: js > wx > jy; west: sx > ya > yc. A program of Wuxi's, and a
 * source account and a county account. */
#define REGIONS \
  "\"regions\": [" \
  "{\"id\": \"js\", \"name\": \"江苏省\", \"level\": \"province\", \"side\": \"east\"}, " \
  "{\"id\": \"wx\", \"name\": \"无锡市\", \"level\": \"city\", \"parent\": \"js\"}, " \
  "{\"id\": \"jy\", \"name\": \"江阴市\", \"level\": \"county\", \"parent\": \"wx\"}, " \
  "{\"id\": \"sx\", \"name\": \"陕西省\", \"level\": \"province\", \"side\": \"west\"}, " \
  "{\"id\": \"ya\", \"name\": \"延安市\", \"level\": \"city\", \"parent\": \"sx\"}, " \
  "{\"id\": \"yc\", \"name\": \"延川县\", \"level\": \"county\", \"parent\": \"ya\"}]"
#define PROGRAMS \
  "\"programs\": [{\"id\": \"prog\", \"name\": \"P\", \"kind\": \"east_west\", \"first_year\": 2021, " \
  "\"last_year\": 2025, \"assisting\": \"wx\", \"assisted\": [\"ya\"]}]"
#define ACCOUNTS \
  "\"organizations\": [{\"id\": \"js-finance\", \"name\": \"江苏省财政厅\", \"kind\": \"agency\", \"region\": \"js\"}], " \
  "\"accounts\": [{\"id\": \"acc-js\", \"holder\": \"js-finance\", \"source\": true}, " \
  "{\"id\": \"acc-yc\", \"holder\": \"yc\"}], " \
  "\"projects\": [{\"id\": \"prj\", \"name\": \"苹果基地\", \"county\": \"yc\", \"category\": \"industry\"}]"
#define PEOPLE \
  "\"people\": [{\"id\": \"x1\", \"profession\": \"teacher\"}]"
#define BASE "{" HEADER ", " REGIONS ", " PROGRAMS ", " ACCOUNTS ", " PEOPLE

/* A dispatch with the given start and end members. */
#define DISPATCH(dates) \
  BASE ", \"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"professional\", " \
  "\"direction\": \"outbound\", \"from\": \"jy\", \"to\": \"yc\", " dates "}]}"

/* A transaction with the given members. */
#define TRANSACTION(members) \
  BASE ", \"transactions\": [{\"id\": \"t1\", " members "}]}"

/* Helpers ------------------------------------------------------------------ */

static void
assert_store_empty (CollabStore *store)
{
  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    {
      g_assert_cmpuint (collab_store_count (store, k), ==, 0);
      g_assert_cmpuint (g_hash_table_size (store->tables[k].by_id), ==, 0);
    }
  g_assert_null (store->extra);
}

/* Reads @document (of @length bytes, -1 for a C string) and returns the
 * error message, having checked the code and that nothing was kept. */
static char *
read_error_len (const char *document,
                gssize      length,
                int         code)
{
  CollabStore *store = collab_store_new ();
  g_autoptr(GError) error = NULL;
  char *message;

  if (length < 0)
    length = (gssize) strlen (document);

  g_assert_false (collab_json_read_into (store, document, (gsize) length, FILENAME, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, COLLAB_DATASET_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, FILENAME ":"));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  assert_store_empty (store);
  collab_store_unref (store);

  message = g_steal_pointer (&error->message);
  return message;
}

static char *
read_error (const char *document,
            int         code)
{
  return read_error_len (document, -1, code);
}

static void
assert_error (const char *document,
              int         code,
              const char *expected)
{
  g_autofree char *message = read_error (document, code);

  g_assert_cmpstr (message, ==, expected);
}

/* The message holds each of the NULL-terminated parts. */
static void
assert_error_has (const char *document,
                  int         code,
                  ...)
{
  g_autofree char *message = read_error (document, code);
  va_list args;

  va_start (args, code);
  for (const char *part = va_arg (args, const char *); part != NULL; part = va_arg (args, const char *))
    {
      if (strstr (message, part) == NULL)
        g_error ("\"%s\" is not in \"%s\"", part, message);
    }
  va_end (args);
}

static CollabStore *
read_ok (const char *document)
{
  CollabStore *store = collab_store_new ();
  g_autoptr(GError) error = NULL;

  collab_json_read_into (store, document, strlen (document), FILENAME, &error);
  g_assert_no_error (error);
  return store;
}

/* The 1-based column of @needle's first byte in @text, in characters. */
static guint
column_of (const char *text,
           const char *needle)
{
  const char *at = strstr (text, needle);
  const char *line = at;

  g_assert_nonnull (at);
  while (line > text && line[-1] != '\n')
    line--;
  return (guint) g_utf8_strlen (line, at - line) + 1;
}

/* A document nesting @depth arrays (or objects) in the member @member of
 * the top level, or of a region when @in_record. */
static char *
deep_document (guint    depth,
               gboolean objects,
               gboolean in_record,
               gboolean closed)
{
  GString *out = g_string_new ("{" HEADER ", ");

  if (in_record)
    g_string_append (out, "\"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", ");
  g_string_append (out, "\"deep\": ");
  for (guint i = 0; i < depth; i++)
    g_string_append (out, objects ? "{\"a\": " : "[");
  if (closed)
    {
      g_string_append (out, "1");
      for (guint i = 0; i < depth; i++)
        g_string_append_c (out, objects ? '}' : ']');
      if (in_record)
        g_string_append (out, "}]");
      g_string_append (out, "}");
    }
  return g_string_free (out, FALSE);
}

/* Valid documents ---------------------------------------------------------- */

static void
test_valid_base (void)
{
  CollabStore *store = read_ok (DISPATCH ("\"start\": \"2021-03-01\", \"planned_end\": \"2021-08-31\""));

  g_assert_cmpuint (collab_store_count (store, COLLAB_RECORD_KIND_REGION), ==, 6);
  g_assert_cmpuint (collab_store_count (store, COLLAB_RECORD_KIND_DISPATCH), ==, 1);
  g_assert_cmpuint (collab_store_count (store, COLLAB_RECORD_KIND_ACCOUNT), ==, 2);
  collab_store_unref (store);
}

static void
test_valid_forward_references (void)
{
  /* A record may name one that comes later, even of a later kind. */
  CollabStore *store = read_ok (
    "{\"pairings\": [{\"id\": \"p\", \"program\": \"prog\", \"assisting\": \"jy\", \"assisted\": \"yc\", \"level\": \"county\"}], "
    PROGRAMS ", " REGIONS ", " HEADER "}");
  const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, 0);

  g_assert_cmpstr (collab_store_ref_id (store, pairing->assisted), ==, "yc");
  g_assert_cmpstr (collab_store_ref_id (store, pairing->program), ==, "prog");
  collab_store_unref (store);
}

static void
test_valid_null_optional (void)
{
  /* null is "not given" for an optional member. */
  CollabStore *store = read_ok ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\","
                                " \"parent\": null, \"code\": null, \"side\": null}]}");
  const CollabRegionRec *region = collab_store_get (store, COLLAB_RECORD_KIND_REGION, 0);

  g_assert_cmpuint (region->parent, ==, COLLAB_REF_NONE);
  g_assert_null (region->code);
  g_assert_cmpuint (region->h.present, ==, 0x1 | 0x2 | 0x8);  /* id, name, level */
  collab_store_unref (store);
}

static void
test_valid_into_filled_store (void)
{
  CollabStore *store = read_ok ("{" HEADER ", " REGIONS ", \"_a\": 1}");
  g_autoptr(GError) error = NULL;
  static const char *roster =
    "{" HEADER ", \"_b\": 2, " PEOPLE ", \"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"professional\", "
    "\"direction\": \"outbound\", \"from\": \"jy\", \"to\": \"nowhere\", \"start\": \"2021-03-01\", \"planned_end\": \"2022-02-28\"}]}";

  /* A failed read keeps exactly what the store had, and its paths count
   * from the start of the new document. */
  g_assert_false (collab_json_read_into (store, roster, strlen (roster), "roster.json", &error));
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_DANGLING_REFERENCE);
  g_assert_cmpstr (error->message, ==, "roster.json: $.dispatches[0] (d1).to: no region has the id \"nowhere\"");
  g_assert_cmpuint (collab_store_count (store, COLLAB_RECORD_KIND_REGION), ==, 6);
  g_assert_cmpuint (collab_store_count (store, COLLAB_RECORD_KIND_PERSON), ==, 0);
  g_assert_false (collab_store_lookup (store, COLLAB_RECORD_KIND_PERSON, "x1", NULL));
  g_assert_cmpuint (json_object_get_size (store->extra), ==, 1);
  g_assert_true (json_object_has_member (store->extra, "_a"));
  collab_store_unref (store);
}

/* Syntax ------------------------------------------------------------------- */

static void
test_syntax_error (void)
{
  const char *document = "{" HEADER ",, }";
  g_autofree char *expected = g_strdup_printf (FILENAME ":1:%u: parse error: invalid object key (must be a string)",
                                               column_of (document, ", }"));

  assert_error (document, COLLAB_DATASET_ERROR_SYNTAX, expected);
  assert_error ("{\"format\" \"libcollab-dataset\"}", COLLAB_DATASET_ERROR_SYNTAX,
                FILENAME ":1:29: parse error: object key and value must be separated by a colon (':')");
}

static void
test_syntax_error_multiline (void)
{
  assert_error ("{\n"
                "  \"format\": \"libcollab-dataset\",\n"
                "  \"version\": 1,\n"
                "  \"regions\": [\n"
                "    {\"id\": \"a\", \"name\": \"A\", \"level\": \"city\"},\n"
                "  ]\n"
                "}\n",
                COLLAB_DATASET_ERROR_SYNTAX,
                FILENAME ":6:3: parse error: unallowed token at this point in JSON text");
}

static void
test_syntax_error_column_in_characters (void)
{
  /* Three Chinese characters are nine bytes but three columns. */
  const char *document = "{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"江苏省\",, \"level\": \"city\"}]}";
  guint column = column_of (document, ", \"level\"");
  g_autofree char *expected = g_strdup_printf (FILENAME ":1:%u: parse error: invalid object key (must be a string)",
                                               column);

  g_assert_cmpuint (column, ==, (guint) (strstr (document, ", \"level\"") - document) + 1 - 6);
  assert_error (document, COLLAB_DATASET_ERROR_SYNTAX, expected);

  /* And on a later line, counted from that line's start. */
  assert_error ("{\n  \"名称\": \"无锡\" ]\n}", COLLAB_DATASET_ERROR_SYNTAX,
                FILENAME ":2:14: parse error: after key and value, inside map, I expect ',' or '}'");
}

static void
test_syntax_truncated (void)
{
  const char *document = "{" HEADER ", \"regions\": [{\"id\": ";
  g_autofree char *expected = g_strdup_printf (FILENAME ":1:%u: the document ends before it is complete",
                                               (guint) strlen (document) + 1);

  assert_error (document, COLLAB_DATASET_ERROR_SYNTAX, expected);
  assert_error ("{\n  \"format\": \"libcollab-dataset\",\n  \"ver", COLLAB_DATASET_ERROR_SYNTAX,
                FILENAME ":3:7: the document ends before it is complete");
  assert_error ("{" HEADER ", \"regions\": [{\"id\": \"江苏", COLLAB_DATASET_ERROR_SYNTAX,
                FILENAME ":1:69: the document ends before it is complete");
}

static void
test_syntax_empty (void)
{
  assert_error ("", COLLAB_DATASET_ERROR_SYNTAX, FILENAME ":1:1: the document ends before it is complete");
  assert_error (" \n\t\n", COLLAB_DATASET_ERROR_SYNTAX, FILENAME ":3:1: the document ends before it is complete");
}

static void
test_syntax_trailing (void)
{
  assert_error ("{" HEADER "} {}", COLLAB_DATASET_ERROR_SYNTAX, FILENAME ":1:47: parse error: trailing garbage");
  assert_error ("{" HEADER "}\nx", COLLAB_DATASET_ERROR_SYNTAX, FILENAME ":2:1: parse error: trailing garbage");
}

static void
test_syntax_not_json (void)
{
  static const char *values[] = {
    "'x'", "NaN", "Infinity", "-Infinity", "+1", ".5", "1.", "-", "tru", "/* c */ 1", "\"a\tb\"", "\"\\x\"",
    "01", "0012", "-01", "0x10", "1e999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *document = g_strdup_printf ("{" HEADER ", \"x\": %s}", values[i]);
      g_autofree char *message = read_error (document, COLLAB_DATASET_ERROR_SYNTAX);

      g_assert_true (g_str_has_prefix (message, FILENAME ":1:"));
    }
}

static void
test_syntax_leading_zero_and_hex (void)
{
  /* JSON has no leading zeros and no hexadecimal: both are rejected, in
   * a member the library reads and in one it keeps. */
  assert_error ("{" HEADER ", \"x\": 0012}", COLLAB_DATASET_ERROR_SYNTAX,
                FILENAME ":1:53: parse error: after key and value, inside map, I expect ',' or '}'");
  assert_error ("{" HEADER ", \"x\": 0x10}", COLLAB_DATASET_ERROR_SYNTAX,
                FILENAME ":1:53: lexical error: invalid char in json text.");
  g_free (read_error (TRANSACTION ("\"type\": \"allocation\", \"to\": \"acc-yc\", \"amount\": 0012, \"date\": \"2021-01-01\""),
                      COLLAB_DATASET_ERROR_SYNTAX));
  g_free (read_error (TRANSACTION ("\"type\": \"allocation\", \"to\": \"acc-yc\", \"amount\": 0x10, \"date\": \"2021-01-01\""),
                      COLLAB_DATASET_ERROR_SYNTAX));
  g_free (read_error ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"x\": [0012]}]}",
                      COLLAB_DATASET_ERROR_SYNTAX));
}

static void
test_syntax_integer_overflow (void)
{
  /* Beyond int64 is an error wherever it is, never a wrapped value. */
  assert_error ("{" HEADER ", \"x\": 99999999999999999999}", COLLAB_DATASET_ERROR_SYNTAX,
                FILENAME ":1:52: parse error: integer overflow");
  assert_error ("{" HEADER ", \"x\": {\"y\": [1, -99999999999999999999]}}", COLLAB_DATASET_ERROR_SYNTAX,
                FILENAME ":1:62: parse error: integer overflow");
  assert_error ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"x\": 9223372036854775808}]}",
                COLLAB_DATASET_ERROR_SYNTAX, FILENAME ":1:106: parse error: integer overflow");
  assert_error_has (TRANSACTION ("\"type\": \"allocation\", \"to\": \"acc-yc\", \"amount\": 99999999999999999999, \"date\": \"2021-01-01\""),
                    COLLAB_DATASET_ERROR_SYNTAX, "parse error: integer overflow", NULL);
  assert_error ("{\"format\": \"libcollab-dataset\", \"version\": 18446744073709551617}", COLLAB_DATASET_ERROR_SYNTAX,
                FILENAME ":1:44: parse error: integer overflow");
}

static void
test_syntax_invalid_utf8 (void)
{
  /* A byte that starts no character, a truncated sequence, an overlong
   * form, a surrogate, a code point past U+10FFFF: raw and escaped. */
  static const char *bad[] = { "\x80", "\xe4\xb8", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff", "\\udc00" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *in_record = g_strdup_printf ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"%s\", \"level\": \"city\"}]}", bad[i]);
      g_autofree char *kept = g_strdup_printf ("{" HEADER ", \"x\": [\"%s\"]}", bad[i]);
      g_autofree char *key = g_strdup_printf ("{" HEADER ", \"x%s\": 1}", bad[i]);
      g_autofree char *message = read_error (in_record, COLLAB_DATASET_ERROR_SYNTAX);

      g_free (read_error (kept, COLLAB_DATASET_ERROR_SYNTAX));
      g_free (read_error (key, COLLAB_DATASET_ERROR_SYNTAX));
      g_assert_true (strstr (message, "UTF8") != NULL || strstr (message, "$.regions[0] (a).name: a string is not valid UTF-8") != NULL);
    }

  assert_error ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"\xc0\xaf\", \"level\": \"city\"}]}",
                COLLAB_DATASET_ERROR_SYNTAX,
                FILENAME ": $.regions[0] (a).name: a string is not valid UTF-8 (line 1, column 81)");
  assert_error ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"\x80\", \"level\": \"city\"}]}",
                COLLAB_DATASET_ERROR_SYNTAX, FILENAME ":1:80: lexical error: invalid bytes in UTF8 string.");
}

/* The document ------------------------------------------------------------- */

static void
test_top_level_not_object (void)
{
  assert_error ("[]", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $: expected a JSON object, found an array (line 1, column 1)");
  assert_error ("[{" HEADER "}]", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $: expected a JSON object, found an array (line 1, column 1)");
  assert_error ("\"libcollab-dataset\"", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $: expected a JSON object, found a string (line 1, column 19)");
  assert_error ("null", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $: expected a JSON object, found null (line 1, column 4)");
  assert_error ("true", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $: expected a JSON object, found true (line 1, column 4)");
  /* A bare number ends only with the text. */
  assert_error ("5", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $: expected a JSON object, found an integer (line 1, column 2)");
  assert_error ("1.5", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $: expected a JSON object, found a number with a fraction (line 1, column 4)");
}

static void
test_format_wrong (void)
{
  assert_error ("{\"format\": \"geojson\", \"version\": 1}", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $.format: expected \"libcollab-dataset\", found \"geojson\" (line 1, column 20)");
  assert_error ("{\"format\": \"libcollab-dataset \", \"version\": 1}", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $.format: expected \"libcollab-dataset\", found \"libcollab-dataset \" (line 1, column 31)");
  assert_error ("{\"format\": 1, \"version\": 1}", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $.format: expected \"libcollab-dataset\", found 1 (line 1, column 12)");
  assert_error ("{\"format\": [\"libcollab-dataset\"], \"version\": 1}", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $.format: expected \"libcollab-dataset\", found an array (line 1, column 12)");
  assert_error ("{\"format\": {}, \"version\": 1}", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $.format: expected \"libcollab-dataset\", found an object (line 1, column 12)");
}

static void
test_format_missing (void)
{
  assert_error ("{\"version\": 1}", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $: missing \"format\": \"libcollab-dataset\" (line 1, column 14)");
  assert_error ("{}", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $: missing \"format\": \"libcollab-dataset\" (line 1, column 2)");
  assert_error ("{\"version\": 1, " REGIONS "}", COLLAB_DATASET_ERROR_FORMAT,
                FILENAME ": $: missing \"format\": \"libcollab-dataset\" (line 1, column 411)");
}

static void
test_version (void)
{
  assert_error ("{\"format\": \"libcollab-dataset\", \"version\": 2}", COLLAB_DATASET_ERROR_VERSION,
                FILENAME ": $.version: unsupported version 2 (this library reads version 1) (line 1, column 44)");
  assert_error ("{\"format\": \"libcollab-dataset\", \"version\": 0}", COLLAB_DATASET_ERROR_VERSION,
                FILENAME ": $.version: unsupported version 0 (this library reads version 1) (line 1, column 44)");
  assert_error ("{\"format\": \"libcollab-dataset\"}", COLLAB_DATASET_ERROR_VERSION,
                FILENAME ": $: missing \"version\" (line 1, column 31)");
  assert_error ("{\"format\": \"libcollab-dataset\", \"version\": \"1\"}", COLLAB_DATASET_ERROR_TYPE,
                FILENAME ": $.version: expected the integer 1, found \"1\" (line 1, column 46)");
  assert_error ("{\"format\": \"libcollab-dataset\", \"version\": 1.0}", COLLAB_DATASET_ERROR_TYPE,
                FILENAME ": $.version: expected the integer 1, found 1 (line 1, column 46)");
  assert_error ("{\"format\": \"libcollab-dataset\", \"version\": [1]}", COLLAB_DATASET_ERROR_TYPE,
                FILENAME ": $.version: expected the integer 1, found an array (line 1, column 44)");
}

static void
test_kind_member_types (void)
{
  assert_error ("{" HEADER ", \"regions\": {}}", COLLAB_DATASET_ERROR_TYPE,
                FILENAME ": $.regions: expected an array of regions, found an object (line 1, column 58)");
  assert_error ("{" HEADER ", \"regions\": null}", COLLAB_DATASET_ERROR_TYPE,
                FILENAME ": $.regions: expected an array of regions, found null (line 1, column 61)");
  assert_error ("{" HEADER ", \"regions\": [5]}", COLLAB_DATASET_ERROR_TYPE,
                FILENAME ": $.regions[0]: expected a region object, found 5 (line 1, column 59)");
  assert_error ("{" HEADER ", \"regions\": [[]]}", COLLAB_DATASET_ERROR_TYPE,
                FILENAME ": $.regions[0]: expected a region object, found an array (line 1, column 59)");
}

/* Values ------------------------------------------------------------------- */

static void
test_enum_unknown_word (void)
{
  assert_error ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"planet\"}]}",
                COLLAB_DATASET_ERROR_INVALID_VALUE,
                FILENAME ": $.regions[0] (a).level: expected one of province, city, county, township, village, "
                "found \"planet\" (line 1, column 100)");
  /* Words are case-sensitive, and "unknown" is no side one can write. */
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"City\"}]}",
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "found \"City\"", NULL);
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"side\": \"unknown\"}]}",
                    COLLAB_DATASET_ERROR_INVALID_VALUE,
                    "$.regions[0] (a).side: expected one of east, west, found \"unknown\"", NULL);
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": 2}]}",
                    COLLAB_DATASET_ERROR_TYPE,
                    "$.regions[0] (a).level: expected one of province, city, county, township, village, found 2", NULL);
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"flags\": [\"poverty_lifted\", \"rich\"]}]}",
                    COLLAB_DATASET_ERROR_INVALID_VALUE,
                    "$.regions[0] (a).flags[1]: expected one of poverty_lifted, national_key, revolutionary_base, "
                    "functional_zone, found \"rich\"", NULL);
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"flags\": \"poverty_lifted\"}]}",
                    COLLAB_DATASET_ERROR_TYPE, "$.regions[0] (a).flags: expected an array of flags, found \"poverty_lifted\"", NULL);
  assert_error_has (TRANSACTION ("\"type\": \"grant\", \"to\": \"acc-yc\", \"amount\": 5, \"date\": \"2021-01-01\""),
                    COLLAB_DATASET_ERROR_INVALID_VALUE,
                    "$.transactions[0] (t1).type: expected one of plan, allocation, transfer, expenditure, found \"grant\"", NULL);
}

static void
test_error_in_sub_record (void)
{
  /* An error in the second status of a project, after a first one that
   * kept a member of its own; and after the whole history was read. */
  assert_error_has ("{" HEADER ", " REGIONS ", \"projects\": [{\"id\": \"p2\", \"name\": \"P\", \"county\": \"yc\", \"category\": \"labour\", "
                    "\"_a\": [1], \"status\": [{\"status\": \"reserve\", \"date\": \"2021-01-01\", \"_by\": {\"x\": [1, 2]}}, "
                    "{\"status\": \"approved\", \"date\": \"2021-02-01\"}]}]}",
                    COLLAB_DATASET_ERROR_INVALID_VALUE,
                    "$.projects[0] (p2).status[1].status: expected one of reserve, planned, filed, implementing, completed, "
                    "evaluated, cancelled, found \"approved\"", NULL);
  assert_error_has ("{" HEADER ", " REGIONS ", \"projects\": [{\"id\": \"p2\", \"name\": \"P\", \"county\": \"yc\", \"category\": \"labour\", "
                    "\"status\": [{\"status\": \"reserve\", \"date\": \"2021-03-01\", \"_by\": {\"x\": [1, 2]}}, "
                    "{\"status\": \"filed\", \"date\": \"2021-02-01\", \"_by\": \"y\"}], \"budget\": \"1.001\"}]}",
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.projects[0] (p2).budget: \"1.001\": an amount is exact", NULL);
  assert_error_has ("{" HEADER ", " REGIONS ", \"projects\": [{\"id\": \"p2\", \"name\": \"P\", \"county\": \"yc\", \"category\": \"labour\", "
                    "\"status\": [{\"status\": \"reserve\", \"date\": \"2021-03-01\", \"_by\": {\"x\": [1, 2]}}, "
                    "{\"status\": \"filed\", \"date\": \"2021-02-01\"}]}]}",
                    COLLAB_DATASET_ERROR_INCONSISTENT,
                    "$.projects[0] (p2).status: the status history must be in date order (step 1 is earlier than step 0)", NULL);
  /* A good record with kept members, then a dangling reference. */
  assert_error_has ("{" HEADER ", " REGIONS ", \"projects\": [{\"id\": \"p2\", \"name\": \"P\", \"county\": \"nowhere\", \"category\": \"labour\", "
                    "\"status\": [{\"status\": \"reserve\", \"date\": \"2021-03-01\", \"_by\": {\"x\": [1, 2]}}], "
                    "\"_k\": {\"a\": \"b\"}}], \"_top\": [1, {\"2\": 3}]}",
                    COLLAB_DATASET_ERROR_DANGLING_REFERENCE, "$.projects[0] (p2).county: no region has the id \"nowhere\"", NULL);
}

static void
test_date_impossible (void)
{
  assert_error_has (DISPATCH ("\"start\": \"2021-02-29\", \"planned_end\": \"2022-01-01\""),
                    COLLAB_DATASET_ERROR_INVALID_VALUE,
                    FILENAME ": $.dispatches[0] (d1).start: \"2021-02-29\" is not a date in the calendar: "
                    "month 02 of 2021 has 28 days (line 1, column ", NULL);
  assert_error_has (DISPATCH ("\"start\": \"2021-04-31\", \"planned_end\": \"2022-01-01\""),
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.dispatches[0] (d1).start: \"2021-04-31\"", NULL);
  assert_error_has (DISPATCH ("\"start\": \"2021-03-01\", \"planned_end\": \"2021-13-01\""),
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.dispatches[0] (d1).planned_end: \"2021-13-01\"", NULL);
  assert_error_has (DISPATCH ("\"start\": \"2021-3-1\", \"planned_end\": \"2022-01-01\""),
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.dispatches[0] (d1).start: \"2021-3-1\"", NULL);
  assert_error_has (DISPATCH ("\"start\": 20210301, \"planned_end\": \"2022-01-01\""),
                    COLLAB_DATASET_ERROR_TYPE,
                    "$.dispatches[0] (d1).start: expected a date as \"YYYY-MM-DD\", found 20210301", NULL);
  /* 2020 was a leap year. */
  {
    CollabStore *store = read_ok (DISPATCH ("\"start\": \"2020-02-29\", \"planned_end\": \"2021-02-27\""));
    collab_store_unref (store);
  }
}

static void
test_amount_inexact (void)
{
  assert_error_has (TRANSACTION ("\"type\": \"allocation\", \"to\": \"acc-yc\", \"amount\": \"1.234\", \"date\": \"2021-01-01\""),
                    COLLAB_DATASET_ERROR_INVALID_VALUE,
                    FILENAME ": $.transactions[0] (t1).amount: \"1.234\": an amount is exact to the fen "
                    "(two decimals of a yuan, six of 万, ten of 亿) (line 1, column ", NULL);
  assert_error_has (TRANSACTION ("\"type\": \"allocation\", \"to\": \"acc-yc\", \"amount\": \"1.0000001万\", \"date\": \"2021-01-01\""),
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.transactions[0] (t1).amount: \"1.0000001万\": an amount is exact", NULL);
  assert_error_has (TRANSACTION ("\"type\": \"allocation\", \"to\": \"acc-yc\", \"amount\": \"一千万\", \"date\": \"2021-01-01\""),
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.transactions[0] (t1).amount: \"一千万\" is not an amount", NULL);
}

static void
test_amount_overflow (void)
{
  assert_error_has (TRANSACTION ("\"type\": \"allocation\", \"to\": \"acc-yc\", \"amount\": \"99999999999999999999\", \"date\": \"2021-01-01\""),
                    COLLAB_DATASET_ERROR_INVALID_VALUE,
                    "$.transactions[0] (t1).amount: \"99999999999999999999\": the amount is outside what a signed 64-bit count of fen holds",
                    NULL);
  assert_error_has (TRANSACTION ("\"type\": \"allocation\", \"to\": \"acc-yc\", \"amount\": \"1000000000亿\", \"date\": \"2021-01-01\""),
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.transactions[0] (t1).amount: \"1000000000亿\": the amount is outside", NULL);
  /* A JSON integer of yuan that fits int64 but not as fen. */
  assert_error_has (TRANSACTION ("\"type\": \"allocation\", \"to\": \"acc-yc\", \"amount\": 100000000000000000, \"date\": \"2021-01-01\""),
                    COLLAB_DATASET_ERROR_INVALID_VALUE,
                    "$.transactions[0] (t1).amount: 100000000000000000 yuan is outside what a signed 64-bit count of fen holds", NULL);
}

static void
test_amount_float (void)
{
  static const char *values[] = { "1.5", "1920.0", "1e3" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *document = g_strdup_printf (
        BASE ", \"transactions\": [{\"id\": \"t1\", \"type\": \"allocation\", \"to\": \"acc-yc\", "
        "\"amount\": %s, \"date\": \"2021-01-01\"}]}", values[i]);

      assert_error_has (document, COLLAB_DATASET_ERROR_TYPE,
                        "$.transactions[0] (t1).amount: expected an amount as a string such as \"1920万\" or an integer of yuan, found ",
                        NULL);
    }
  assert_error_has (TRANSACTION ("\"type\": \"allocation\", \"to\": \"acc-yc\", \"amount\": 1.5, \"date\": \"2021-01-01\""),
                    COLLAB_DATASET_ERROR_TYPE, "found 1.5 (line 1, column ", NULL);
  assert_error_has (TRANSACTION ("\"type\": \"allocation\", \"to\": \"acc-yc\", \"amount\": true, \"date\": \"2021-01-01\""),
                    COLLAB_DATASET_ERROR_TYPE, "found true", NULL);
}

static void
test_amount_negative (void)
{
  assert_error_has (TRANSACTION ("\"type\": \"allocation\", \"to\": \"acc-yc\", \"amount\": \"-5\", \"date\": \"2021-01-01\""),
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.transactions[0] (t1).amount: an amount cannot be negative", NULL);
}

static void
test_year_range (void)
{
  assert_error_has ("{" HEADER ", " REGIONS ", \"programs\": [{\"id\": \"prog\", \"name\": \"P\", \"kind\": \"east_west\", "
                    "\"first_year\": 21, \"last_year\": 2025, \"assisting\": \"wx\", \"assisted\": [\"ya\"]}]}",
                    COLLAB_DATASET_ERROR_INVALID_VALUE,
                    "$.programs[0] (prog).first_year: expected a year from 1900 to 2200, found 21", NULL);
  assert_error_has ("{" HEADER ", " REGIONS ", \"programs\": [{\"id\": \"prog\", \"name\": \"P\", \"kind\": \"east_west\", "
                    "\"first_year\": \"2021\", \"last_year\": 2025, \"assisting\": \"wx\", \"assisted\": [\"ya\"]}]}",
                    COLLAB_DATASET_ERROR_TYPE, "$.programs[0] (prog).first_year: expected a year, found \"2021\"", NULL);
}

static void
test_nul_in_string (void)
{
  assert_error ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"无\\u0000锡\", \"level\": \"city\"}]}",
                COLLAB_DATASET_ERROR_INVALID_VALUE,
                FILENAME ": $.regions[0] (a).name: a string cannot hold a NUL character (line 1, column 88)");
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": \"a\\u0000\", \"name\": \"A\", \"level\": \"city\"}]}",
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.regions[0].id: a string cannot hold a NUL character", NULL);
  /* In values the library keeps but does not read, too: a save would cut
   * them short. */
  assert_error_has ("{" HEADER ", \"x\": {\"y\": [\"a\\u0000b\"]}}",
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.x.y[0]: a string cannot hold a NUL character", NULL);
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"note\": \"\\u0000\"}]}",
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.regions[0] (a).note: a string cannot hold a NUL character", NULL);
  /* And in member names. */
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"n\\u0000\": 1}]}",
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.regions[0] (a): a member name cannot hold a NUL character", NULL);
  assert_error_has ("{" HEADER ", \"x\": {\"k\\u0000a\": 1, \"k\\u0000b\": 2}}",
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.x: a member name cannot hold a NUL character", NULL);
}

/* Duplicates --------------------------------------------------------------- */

static void
test_duplicate_member_in_record (void)
{
  assert_error ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"name\": \"B\", \"level\": \"city\"}]}",
                COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                FILENAME ": $.regions[0] (a).name: the member \"name\" appears twice (line 1, column 89)");
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"x\": 1, \"x\": 1}]}",
                    COLLAB_DATASET_ERROR_DUPLICATE_MEMBER, "$.regions[0] (a).x: the member \"x\" appears twice", NULL);
  /* In a sub-record. */
  assert_error_has (BASE ", \"pairings\": [{\"id\": \"p\", \"program\": \"prog\", \"assisting\": \"jy\", \"assisted\": \"yc\", "
                    "\"level\": \"county\", \"period\": {\"first_year\": 2021, \"first_year\": 2022, \"last_year\": 2025}}]}",
                    COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                    "$.pairings[0] (p).period.first_year: the member \"first_year\" appears twice", NULL);
}

static void
test_duplicate_member_top_level (void)
{
  assert_error ("{" HEADER ", \"regions\": [], \"regions\": []}", COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                FILENAME ": $.regions: the member \"regions\" appears twice (line 1, column 70)");
  assert_error ("{" HEADER ", \"format\": \"libcollab-dataset\"}", COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                FILENAME ": $.format: the member \"format\" appears twice (line 1, column 54)");
  assert_error ("{" HEADER ", \"version\": 1}", COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                FILENAME ": $.version: the member \"version\" appears twice (line 1, column 55)");
  assert_error ("{" HEADER ", \"_note\": 1, \"_note\": 2}", COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                FILENAME ": $._note: the member \"_note\" appears twice (line 1, column 65)");
}

static void
test_duplicate_member_nested (void)
{
  assert_error ("{" HEADER ", \"x\": {\"a\": {\"b\": 1, \"b\": 2}}}", COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                FILENAME ": $.x.a.b: the member \"b\" appears twice (line 1, column 69)");
  assert_error_has ("{" HEADER ", \"x\": [{}, {\"b\": 1, \"b\": 2}]}", COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                    "$.x[1].b: the member \"b\" appears twice", NULL);
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", "
                    "\"x\": {\"y\": [{\"b\": 1, \"b\": 2}]}}]}",
                    COLLAB_DATASET_ERROR_DUPLICATE_MEMBER, "$.regions[0] (a).x.y[0].b: the member \"b\" appears twice", NULL);
  /* The same name in two different objects is fine. */
  {
    CollabStore *store = read_ok ("{" HEADER ", \"x\": {\"b\": 1, \"c\": {\"b\": 2}}, \"y\": {\"b\": 3}}");
    collab_store_unref (store);
  }
}

static void
test_duplicate_id (void)
{
  assert_error ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\"}, "
                "{\"id\": \"b\", \"name\": \"B\", \"level\": \"city\"}, {\"id\": \"a\", \"name\": \"C\", \"level\": \"city\"}]}",
                COLLAB_DATASET_ERROR_DUPLICATE_ID,
                FILENAME ": $.regions[2] (a).id: the region id \"a\" is already used by $.regions[0] (line 1, column 185)");
  /* Ids are unique within a kind only. */
  {
    CollabStore *store = read_ok ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\"}], "
                                  "\"people\": [{\"id\": \"a\", \"profession\": \"doctor\"}]}");
    collab_store_unref (store);
  }
}

/* References --------------------------------------------------------------- */

static void
test_dangling_reference (void)
{
  assert_error (BASE ", \"pairings\": [{\"id\": \"p\", \"program\": \"prog\", \"assisting\": \"jy\", "
                "\"assisted\": \"nowhere\", \"level\": \"county\"}]}",
                COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                FILENAME ": $.pairings[0] (p).assisted: no region or organization has the id \"nowhere\"");
  assert_error ("{" HEADER ", " REGIONS ", \"programs\": [{\"id\": \"prog\", \"name\": \"P\", \"kind\": \"east_west\", "
                "\"first_year\": 2021, \"last_year\": 2025, \"assisting\": \"wx\", \"assisted\": [\"ya\", \"haidong\"]}]}",
                COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                FILENAME ": $.programs[0] (prog).assisted[1]: no region has the id \"haidong\"");
  assert_error ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\"}, "
                "{\"id\": \"b\", \"name\": \"B\", \"level\": \"county\", \"parent\": \"c\"}]}",
                COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                FILENAME ": $.regions[1] (b).parent: no region has the id \"c\"");
  assert_error (TRANSACTION ("\"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yc\", \"amount\": 5, "
                             "\"date\": \"2021-01-01\", \"parent\": \"t0\""),
                COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                FILENAME ": $.transactions[0] (t1).parent: no transaction has the id \"t0\"");
  /* In a sub-record. */
  assert_error_has ("{" HEADER ", " REGIONS ", \"programs\": [{\"id\": \"prog\", \"name\": \"P\", \"kind\": \"east_west\", "
                    "\"first_year\": 2021, \"last_year\": 2025, \"assisting\": \"wx\", \"assisted\": [\"ya\"], "
                    "\"fund_base\": [{\"city\": \"haidong\", \"base\": \"27000万\"}]}]}",
                    COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                    FILENAME ": $.programs[0] (prog).fund_base[0].city: no region has the id \"haidong\"", NULL);
  assert_error_has ("{" HEADER ", " REGIONS ", \"programs\": [{\"id\": \"prog\", \"name\": \"P\", \"kind\": \"east_west\", "
                    "\"first_year\": 2021, \"last_year\": 2025, \"assisting\": \"wx\", \"assisted\": [\"ya\"], "
                    "\"fund_base\": [{\"city\": \"ya\", \"base\": \"1920万\"}, {\"city\": \"hd\", \"base\": \"27000万\"}]}]}",
                    COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                    FILENAME ": $.programs[0] (prog).fund_base[1].city: no region has the id \"hd\"", NULL);
  /* An empty id is no reference. */
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"parent\": \"\"}]}",
                    COLLAB_DATASET_ERROR_TYPE, "$.regions[0] (a).parent: expected the id of a record, found \"\"", NULL);
}

static void
test_reference_wrong_kind (void)
{
  /* "jy" is a region, not a program; "prj" a project, not a region. */
  assert_error (BASE ", \"pairings\": [{\"id\": \"p\", \"program\": \"jy\", \"assisting\": \"jy\", "
                "\"assisted\": \"yc\", \"level\": \"county\"}]}",
                COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                FILENAME ": $.pairings[0] (p).program: no program has the id \"jy\"");
  assert_error (BASE ", \"dispatches\": [{\"id\": \"d1\", \"person\": \"jy\", \"kind\": \"professional\", "
                "\"direction\": \"outbound\", \"from\": \"jy\", \"to\": \"yc\", \"start\": \"2021-03-01\", \"planned_end\": \"2021-08-31\"}]}",
                COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                FILENAME ": $.dispatches[0] (d1).person: no person has the id \"jy\"");
  assert_error (BASE ", \"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"professional\", "
                "\"direction\": \"outbound\", \"from\": \"jy\", \"to\": \"prj\", \"start\": \"2021-03-01\", \"planned_end\": \"2021-08-31\"}]}",
                COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                FILENAME ": $.dispatches[0] (d1).to: no region has the id \"prj\"");
  assert_error (TRANSACTION ("\"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"yc\", \"amount\": 5, \"date\": \"2021-01-01\""),
                COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                FILENAME ": $.transactions[0] (t1).to: no account or project has the id \"yc\"");
}

static void
test_reference_type (void)
{
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"parent\": 5}]}",
                    COLLAB_DATASET_ERROR_TYPE, "$.regions[0] (a).parent: expected the id of a record, found 5", NULL);
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"parent\": {\"id\": \"b\"}}]}",
                    COLLAB_DATASET_ERROR_TYPE, "$.regions[0] (a).parent: expected a single value, found an object", NULL);
  assert_error_has ("{" HEADER ", " REGIONS ", \"programs\": [{\"id\": \"prog\", \"name\": \"P\", \"kind\": \"east_west\", "
                    "\"first_year\": 2021, \"last_year\": 2025, \"assisting\": \"wx\", \"assisted\": \"ya\"}]}",
                    COLLAB_DATASET_ERROR_TYPE, "$.programs[0] (prog).assisted: expected an array of ids, found \"ya\"", NULL);
}

/* Members ------------------------------------------------------------------ */

static void
test_missing_member (void)
{
  assert_error ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"level\": \"city\"}]}", COLLAB_DATASET_ERROR_MISSING_MEMBER,
                FILENAME ": $.regions[0] (a): a region needs the member \"name\" (line 1, column 86)");
  assert_error_has ("{" HEADER ", \"regions\": [{\"name\": \"A\", \"level\": \"city\"}]}", COLLAB_DATASET_ERROR_MISSING_MEMBER,
                    "$.regions[0]: a region needs the member \"id\"", NULL);
  assert_error_has (BASE ", \"pairings\": [{\"id\": \"p\", \"program\": \"prog\", \"assisting\": \"jy\", \"assisted\": \"yc\", "
                    "\"level\": \"county\", \"period\": {\"first_year\": 2021}}]}",
                    COLLAB_DATASET_ERROR_MISSING_MEMBER, "$.pairings[0] (p).period: a period needs the member \"last_year\"", NULL);
  assert_error_has (TRANSACTION ("\"type\": \"transfer\", \"from\": \"acc-js\", \"amount\": 5, \"date\": \"2021-01-01\""),
                    COLLAB_DATASET_ERROR_MISSING_MEMBER, "$.transactions[0] (t1).to: a transfer needs the member \"to\"", NULL);
  assert_error_has (TRANSACTION ("\"type\": \"allocation\", \"amount\": 5, \"date\": \"2021-01-01\""),
                    COLLAB_DATASET_ERROR_MISSING_MEMBER,
                    "$.transactions[0] (t1).to: a plan or an allocation needs the member \"to\"", NULL);
  assert_error_has (TRANSACTION ("\"type\": \"expenditure\", \"amount\": 5, \"date\": \"2021-01-01\""),
                    COLLAB_DATASET_ERROR_MISSING_MEMBER,
                    "$.transactions[0] (t1).from: an expenditure needs the member \"from\"", NULL);
  /* Optional ids may go; required ones may not be empty. */
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": \"\", \"name\": \"A\", \"level\": \"city\"}]}",
                    COLLAB_DATASET_ERROR_INVALID_VALUE, "$.regions[0].id: an id cannot be empty", NULL);
}

static void
test_null_required (void)
{
  assert_error ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": null, \"level\": \"city\"}]}",
                COLLAB_DATASET_ERROR_TYPE,
                FILENAME ": $.regions[0] (a).name: expected a value, found null (line 1, column 82)");
  assert_error_has ("{" HEADER ", \"regions\": [{\"id\": null, \"name\": \"A\", \"level\": \"city\"}]}",
                    COLLAB_DATASET_ERROR_TYPE, "$.regions[0].id: expected a value, found null", NULL);
  assert_error_has (DISPATCH ("\"start\": \"2021-03-01\", \"planned_end\": null"),
                    COLLAB_DATASET_ERROR_TYPE, "$.dispatches[0] (d1).planned_end: expected a value, found null", NULL);
}

/* Nesting ------------------------------------------------------------------ */

static void
assert_too_deep (const char *document,
                 const char *path)
{
  g_autofree char *message = read_error (document, COLLAB_DATASET_ERROR_TOO_DEEP);

  g_assert_true (g_str_has_prefix (message, path));
  g_assert_nonnull (strstr (message, ": values nest deeper than 64 levels (line 1, column "));
}

static void
test_deep_nesting (void)
{
  g_autofree char *in_record = deep_document (100000, FALSE, TRUE, TRUE);
  g_autofree char *at_top = deep_document (100000, FALSE, FALSE, TRUE);
  g_autofree char *unclosed = deep_document (100000, FALSE, FALSE, FALSE);
  g_autofree char *objects = deep_document (100000, TRUE, FALSE, TRUE);

  g_test_timer_start ();
  assert_too_deep (in_record, FILENAME ": $.regions[0] (a).deep[0][0]");
  assert_too_deep (at_top, FILENAME ": $.deep[0][0][0]");
  assert_too_deep (unclosed, FILENAME ": $.deep[0][0][0]");
  assert_too_deep (objects, FILENAME ": $.deep.a.a.a.a");
  /* Linear, and stopped at the limit: far under a second. */
  g_assert_cmpfloat (g_test_timer_elapsed (), <, 2.0);
}

static void
test_deep_nesting_limit (void)
{
  /* 64 levels are kept, 65 are not. */
  g_autofree char *top_64 = deep_document (64, FALSE, FALSE, TRUE);
  g_autofree char *top_65 = deep_document (65, FALSE, FALSE, TRUE);
  g_autofree char *record_64 = deep_document (64, TRUE, TRUE, TRUE);
  g_autofree char *record_65 = deep_document (65, TRUE, TRUE, TRUE);
  CollabStore *store;

  store = read_ok (top_64);
  g_assert_true (json_object_has_member (store->extra, "deep"));
  collab_store_unref (store);
  store = read_ok (record_64);
  collab_store_unref (store);

  g_free (read_error (top_65, COLLAB_DATASET_ERROR_TOO_DEEP));
  g_free (read_error (record_65, COLLAB_DATASET_ERROR_TOO_DEEP));
}

static void
test_deep_nesting_known_member (void)
{
  /* Where the library expects a string or a record, an array is a type
   * error at once, however deep it would go. */
  GString *flags = g_string_new ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"flags\": ");
  GString *records = g_string_new ("{" HEADER ", \"regions\": ");
  g_autofree char *flags_text = NULL;
  g_autofree char *records_text = NULL;

  for (guint i = 0; i < 100000; i++)
    {
      g_string_append_c (flags, '[');
      g_string_append_c (records, '[');
    }
  flags_text = g_string_free (flags, FALSE);
  records_text = g_string_free (records, FALSE);

  assert_error_has (flags_text, COLLAB_DATASET_ERROR_TYPE,
                    "$.regions[0] (a).flags[0]: expected a string, found an array", NULL);
  assert_error_has (records_text, COLLAB_DATASET_ERROR_TYPE,
                    "$.regions[0]: expected a region object, found an array", NULL);
}

/* Consistency -------------------------------------------------------------- */

static void
test_end_before_start (void)
{
  assert_error_has (DISPATCH ("\"start\": \"2021-03-01\", \"planned_end\": \"2021-02-28\""),
                    COLLAB_DATASET_ERROR_INCONSISTENT,
                    FILENAME ": $.dispatches[0] (d1).planned_end: ends on 2021-02-28, before it starts on 2021-03-01 (line 1, column ",
                    NULL);
  assert_error_has (DISPATCH ("\"start\": \"2021-03-01\", \"planned_end\": \"2021-08-31\", \"actual_end\": \"2020-12-31\""),
                    COLLAB_DATASET_ERROR_INCONSISTENT,
                    "$.dispatches[0] (d1).actual_end: ends on 2020-12-31, before it starts on 2021-03-01", NULL);
  assert_error_has ("{" HEADER ", " REGIONS ", \"programs\": [{\"id\": \"prog\", \"name\": \"P\", \"kind\": \"east_west\", "
                    "\"first_year\": 2025, \"last_year\": 2021, \"assisting\": \"wx\", \"assisted\": [\"ya\"]}]}",
                    COLLAB_DATASET_ERROR_INCONSISTENT,
                    "$.programs[0] (prog).last_year: the period ends in 2021, before it starts in 2025", NULL);
  assert_error_has (BASE ", \"pairings\": [{\"id\": \"p\", \"program\": \"prog\", \"assisting\": \"jy\", \"assisted\": \"yc\", "
                    "\"level\": \"county\", \"period\": {\"first_year\": 2023, \"last_year\": 2022}}]}",
                    COLLAB_DATASET_ERROR_INCONSISTENT,
                    "$.pairings[0] (p).period.last_year: the period ends in 2022, before it starts in 2023", NULL);
  /* One day is a service. */
  {
    CollabStore *store = read_ok (DISPATCH ("\"start\": \"2021-03-01\", \"planned_end\": \"2021-03-01\""));
    collab_store_unref (store);
  }
}

/* Messages stay short ------------------------------------------------------ */

/* A megabyte of @unit: an id, a word or a name no one would type, which
 * a message quotes cut (types/collab-error-private.h). */
#define HUGE_BYTES (1024 * 1024)

static char *
huge_text (const char *unit)
{
  gsize n = HUGE_BYTES / strlen (unit);
  GString *out = g_string_sized_new (HUGE_BYTES + 8);

  for (gsize i = 0; i < n; i++)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

/* @format has %s for each place the huge text goes (up to three); the
 * error has @code, holds each of @parts (NULL-terminated; "%s" in a part
 * is the huge text cut, "…" included) and is under 1 KB. */
static void
assert_bounded (const char *unit,
                const char *format,
                int         code,
                ...)
{
  g_autofree char *huge = huge_text (unit);
  g_autofree char *cut = NULL;
  g_autofree char *document = NULL;
  g_autofree char *message = NULL;
  GString *head = g_string_new (NULL);
  va_list args;

  for (guint i = 0; i < COLLAB_ERROR_QUOTE_MAX_CHARS; i++)
    g_string_append (head, unit);
  g_string_append (head, "…");
  cut = g_string_free (head, FALSE);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  document = g_strdup_printf (format, huge, huge, huge);
#pragma GCC diagnostic pop
  message = read_error (document, code);
  g_assert_cmpuint (strlen (message), <, 1024);

  va_start (args, code);
  for (const char *part = va_arg (args, const char *); part != NULL; part = va_arg (args, const char *))
    {
      g_autoptr(GString) expected = g_string_new (part);

      g_string_replace (expected, "%s", cut, 0);
      if (strstr (message, expected->str) == NULL)
        g_error ("\"%s\" is not in \"%s\"", expected->str, message);
    }
  va_end (args);
}

/* A value of a megabyte makes no message of a megabyte: it is quoted cut,
 * in the message and in the path, where the record is named by its id. */
static void
test_bounded_messages (void)
{
  /* A reference that names nothing, at the end of the document. */
  assert_bounded ("x", "{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", "
                  "\"parent\": \"%s\"}]}", COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                  FILENAME ": $.regions[0] (a).parent: no region has the id \"%s\"", NULL);
  assert_bounded ("x", "{" HEADER ", " REGIONS ", \"programs\": [{\"id\": \"prog\", \"name\": \"P\", "
                  "\"kind\": \"east_west\", \"first_year\": 2021, \"last_year\": 2025, \"assisting\": \"wx\", "
                  "\"assisted\": [\"ya\", \"%s\"]}]}", COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                  "$.programs[0] (prog).assisted[1]: no region has the id \"%s\"", NULL);
  /* A word that is no level, in ASCII and in Chinese (cut at a character). */
  assert_bounded ("x", "{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"%s\"}]}",
                  COLLAB_DATASET_ERROR_INVALID_VALUE,
                  "$.regions[0] (a).level: expected one of province, city, county, township, village, found \"%s\"",
                  NULL);
  assert_bounded ("县", "{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"%s\"}]}",
                  COLLAB_DATASET_ERROR_INVALID_VALUE, "found \"%s\"", NULL);
  /* An id used twice names itself in the path and in the message. */
  assert_bounded ("x", "{" HEADER ", \"regions\": [{\"id\": \"%s\", \"name\": \"A\", \"level\": \"city\"}, "
                  "{\"id\": \"%s\", \"name\": \"B\", \"level\": \"city\"}]}", COLLAB_DATASET_ERROR_DUPLICATE_ID,
                  FILENAME ": $.regions[1] (%s).id: the region id \"%s\" is already used by $.regions[0]", NULL);
  /* An impossible period of a dispatch with a huge id. */
  assert_bounded ("d", BASE ", \"dispatches\": [{\"id\": \"%s\", \"person\": \"x1\", \"kind\": \"professional\", "
                  "\"direction\": \"outbound\", \"from\": \"jy\", \"to\": \"yc\", \"start\": \"2021-03-01\", "
                  "\"planned_end\": \"2021-02-28\"}]}", COLLAB_DATASET_ERROR_INCONSISTENT,
                  FILENAME ": $.dispatches[0] (%s).planned_end: ends on 2021-02-28, before it starts on 2021-03-01",
                  NULL);
  /* A member name the record does not know, twice. */
  assert_bounded ("k", "{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", "
                  "\"%s\": 1, \"%s\": 2}]}", COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                  "$.regions[0] (a).%s: the member \"%s\" appears twice", NULL);
  /* A code that is no code; a checked transaction naming a huge account. */
  assert_bounded ("9", "{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", "
                  "\"code\": \"%s\"}]}", COLLAB_DATASET_ERROR_INVALID_VALUE, "found \"%s\"", NULL);
  assert_bounded ("a", "{" HEADER ", " REGIONS ", \"accounts\": [{\"id\": \"%s\", \"holder\": \"yc\"}], "
                  "\"transactions\": [{\"id\": \"t1\", \"type\": \"expenditure\", \"from\": \"%s\", \"amount\": 5, "
                  "\"date\": \"2021-01-01\"}]}", COLLAB_DATASET_ERROR_INCONSISTENT,
                  FILENAME ": $.transactions[0] (t1).from: an expenditure is made by a project, and \"%s\" is an account",
                  NULL);
  /* A date that is no date, an amount that is no amount. */
  assert_bounded ("2", DISPATCH ("\"start\": \"%s\""), COLLAB_DATASET_ERROR_INVALID_VALUE,
                  "$.dispatches[0] (d1).start: \"%s\"", NULL);
  assert_bounded ("万", TRANSACTION ("\"type\": \"plan\", \"to\": \"acc-yc\", \"amount\": \"%s\", "
                  "\"date\": \"2021-01-01\""), COLLAB_DATASET_ERROR_INVALID_VALUE,
                  "$.transactions[0] (t1).amount: \"%s\"", NULL);
}

static void
test_own_ancestor (void)
{
  assert_error ("{" HEADER ", \"regions\": [{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"parent\": \"a\"}]}",
                COLLAB_DATASET_ERROR_INCONSISTENT,
                FILENAME ": $.regions[0] (a).parent: the region \"a\" is its own ancestor");
  assert_error ("{" HEADER ", \"regions\": [{\"id\": \"top\", \"name\": \"T\", \"level\": \"province\"}, "
                "{\"id\": \"a\", \"name\": \"A\", \"level\": \"city\", \"parent\": \"c\"}, "
                "{\"id\": \"b\", \"name\": \"B\", \"level\": \"county\", \"parent\": \"a\"}, "
                "{\"id\": \"c\", \"name\": \"C\", \"level\": \"township\", \"parent\": \"b\"}]}",
                COLLAB_DATASET_ERROR_INCONSISTENT,
                FILENAME ": $.regions[1] (a).parent: the region \"a\" is its own ancestor");
}

static void
test_expenditure_from_account (void)
{
  assert_error (TRANSACTION ("\"type\": \"expenditure\", \"from\": \"acc-yc\", \"amount\": \"120万\", "
                             "\"date\": \"2021-09-01\", \"use\": \"seedlings\""),
                COLLAB_DATASET_ERROR_INCONSISTENT,
                FILENAME ": $.transactions[0] (t1).from: an expenditure is made by a project, and \"acc-yc\" is an account");
  assert_error (TRANSACTION ("\"type\": \"expenditure\", \"from\": \"prj\", \"to\": \"acc-yc\", \"amount\": 5, \"date\": \"2021-09-01\""),
                COLLAB_DATASET_ERROR_INCONSISTENT,
                FILENAME ": $.transactions[0] (t1).to: an expenditure leaves the program: name the payee in \"payee\", not \"to\"");
  assert_error (TRANSACTION ("\"type\": \"transfer\", \"from\": \"prj\", \"to\": \"acc-yc\", \"amount\": 5, \"date\": \"2021-09-01\""),
                COLLAB_DATASET_ERROR_INCONSISTENT,
                FILENAME ": $.transactions[0] (t1).from: a transfer is paid from an account, and \"prj\" is a project "
                "(a project spends with an expenditure)");
  assert_error (TRANSACTION ("\"type\": \"allocation\", \"to\": \"prj\", \"amount\": 5, \"date\": \"2021-09-01\""),
                COLLAB_DATASET_ERROR_INCONSISTENT,
                FILENAME ": $.transactions[0] (t1).to: a plan or an allocation is made to an account, and \"prj\" is a project");
}

static void
test_transfer_into_source (void)
{
  assert_error (TRANSACTION ("\"type\": \"transfer\", \"from\": \"acc-yc\", \"to\": \"acc-js\", \"amount\": 5, \"date\": \"2021-01-01\""),
                COLLAB_DATASET_ERROR_INCONSISTENT,
                FILENAME ": $.transactions[0] (t1).to: \"acc-js\" is a source account: money enters the program there "
                "and is never transferred into it");
  assert_error (TRANSACTION ("\"type\": \"transfer\", \"from\": \"acc-yc\", \"to\": \"acc-yc\", \"amount\": 5, \"date\": \"2021-01-01\""),
                COLLAB_DATASET_ERROR_INCONSISTENT,
                FILENAME ": $.transactions[0] (t1).to: a transfer from \"acc-yc\" to itself");
  assert_error (TRANSACTION ("\"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yc\", \"amount\": 5, "
                             "\"date\": \"2021-01-01\", \"parent\": \"t1\""),
                COLLAB_DATASET_ERROR_INCONSISTENT,
                FILENAME ": $.transactions[0] (t1).parent: a transaction cannot pass on its own money");
}

/* Records of a dataset --------------------------------------------------- */

/* Merging @roster_json (members of a document) into the talent dataset
 * of collab-test-util.h fails with an error that says @text, and changes
 * nothing. */
static void
assert_roster_error (const char *roster_json,
                     const char *text)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup_printf ("{\"format\": \"libcollab-dataset\", \"version\": 1, %s}", roster_json);
  guint before = collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_REGION);

  g_assert_false (collab_dataset_merge_from_data (dataset, json, -1, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (strstr (error->message, text) == NULL)
    g_error ("the error \"%s\" does not say \"%s\"", error->message, text);
  /* A failed load changes nothing. */
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PERSON), ==, 0);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_REGION), ==, before);
}

/* People, dispatches and adjustments a roster may get wrong. */
static void
test_records_roster (void)
{
  static const char person[] = "\"people\": [{\"id\": \"x1\", \"profession\": \"teacher\"}], ";

  /* An end before the start. */
  {
    g_autofree char *json = g_strconcat (person,
      "\"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"professional\", \"direction\": \"outbound\", "
      "\"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2022-02-28\"}]", NULL);
    assert_roster_error (json, "planned_end");
  }
  {
    g_autofree char *json = g_strconcat (person,
      "\"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"professional\", \"direction\": \"outbound\", "
      "\"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\", "
      "\"actual_end\": \"2022-01-01\"}]", NULL);
    assert_roster_error (json, "actual_end");
  }
  /* An unknown person, an unknown region. */
  assert_roster_error ("\"dispatches\": [{\"id\": \"d1\", \"person\": \"nobody\", \"kind\": \"professional\", "
                       "\"direction\": \"outbound\", \"from\": \"jiangyin\", \"to\": \"yanchuan\", "
                       "\"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"}]", "nobody");
  {
    g_autofree char *json = g_strconcat (person,
      "\"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"professional\", \"direction\": \"outbound\", "
      "\"from\": \"jiangyin\", \"to\": \"atlantis\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"}]", NULL);
    assert_roster_error (json, "atlantis");
  }
  /* A profession, a kind, a direction, a post outside the lists. */
  assert_roster_error ("\"people\": [{\"id\": \"x1\", \"profession\": \"lawyer\"}]", "lawyer");
  {
    g_autofree char *json = g_strconcat (person,
      "\"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"volunteer\", \"direction\": \"outbound\", "
      "\"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"}]", NULL);
    assert_roster_error (json, "volunteer");
  }
  {
    g_autofree char *json = g_strconcat (person,
      "\"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"professional\", \"direction\": \"sideways\", "
      "\"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"}]", NULL);
    assert_roster_error (json, "sideways");
  }
  {
    g_autofree char *json = g_strconcat (person,
      "\"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"cadre\", \"direction\": \"outbound\", "
      "\"post\": \"mayor\", \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", "
      "\"planned_end\": \"2023-02-28\"}]", NULL);
    assert_roster_error (json, "mayor");
  }
  /* An adjustment for an unknown county. */
  assert_roster_error ("\"adjustments\": [{\"rule\": \"666.mix\", \"assisted\": \"atlantis\", \"year\": 2022}]",
                       "atlantis");
}

/* Loading tests/data/funds.json with @transactions fails with an error
 * that says @expected_path and @expected_text, and keeps nothing. */
static void
assert_funds_error (const char *transactions,
                    const char *expected_path,
                    const char *expected_text)
{
  g_autofree char *base = collab_test_fixture_contents ("funds.json");
  g_autofree char *text = NULL;
  g_autoptr(CollabDataset) dataset = collab_dataset_new ();
  g_autoptr(GError) error = NULL;
  int end = (int) (strrchr (base, '}') - base);

  /* The whole document, with the transactions after the projects. */
  text = g_strdup_printf ("%.*s, \"transactions\": [%s]}\n", end, base, transactions);
  g_assert_false (collab_dataset_load_from_data (dataset, text, -1, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, expected_path) == NULL || strstr (error->message, expected_text) == NULL)
    g_error ("the error \"%s\" does not say \"%s\" and \"%s\"", error->message, expected_path, expected_text);
  /* A failed load changes nothing. */
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_TRANSACTION), ==, 0);
}

/* Transactions that cannot be: SPEC §4's rules of who pays whom. */
static void
test_records_funds (void)
{
  assert_funds_error ("{\"id\": \"x\", \"type\": \"expenditure\", \"from\": \"acc-yanan\", \"amount\": \"1\","
                      " \"date\": \"2021-01-01\"}",
                      "transactions[0] (x).from", "made by a project");
  assert_funds_error ("{\"id\": \"x\", \"type\": \"transfer\", \"from\": \"acc-sn\", \"to\": \"acc-js\", \"amount\": \"1\","
                      " \"date\": \"2021-01-01\"}",
                      "transactions[0] (x).to", "source account");
  assert_funds_error ("{\"id\": \"x\", \"type\": \"transfer\", \"from\": \"prj-apple\", \"to\": \"acc-sn\","
                      " \"amount\": \"1\", \"date\": \"2021-01-01\"}",
                      "transactions[0] (x).from", "is a project");
  assert_funds_error ("{\"id\": \"x\", \"type\": \"transfer\", \"from\": \"acc-sn\", \"to\": \"acc-nowhere\","
                      " \"amount\": \"1\", \"date\": \"2021-01-01\"}",
                      "acc-nowhere", "");
  assert_funds_error ("{\"id\": \"x\", \"type\": \"expenditure\", \"from\": \"prj-nowhere\", \"amount\": \"1\","
                      " \"date\": \"2021-01-01\"}",
                      "prj-nowhere", "");
  assert_funds_error ("{\"id\": \"x\", \"type\": \"transfer\", \"from\": \"acc-sn\", \"to\": \"acc-yanan\","
                      " \"amount\": \"-1\", \"date\": \"2021-01-01\"}",
                      "amount", "");
  assert_funds_error ("{\"id\": \"x\", \"type\": \"transfer\", \"from\": \"acc-sn\", \"amount\": \"1\","
                      " \"date\": \"2021-01-01\"}",
                      "transactions[0]", "\"to\"");
  assert_funds_error ("{\"id\": \"x\", \"type\": \"allocation\", \"to\": \"prj-apple\", \"amount\": \"1\","
                      " \"date\": \"2021-01-01\"}",
                      "transactions[0] (x).to", "is a project");
}

/* Amounts through the document (SPEC §3, §9): every form a transaction
 * may give, read exactly, and those it may not. */
static void
assert_amount (const char *written,
               const char *canonical)
{
  g_autofree char *transactions =
    g_strdup_printf ("{\"id\": \"x\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\","
                     " \"amount\": %s, \"date\": \"2021-01-01\"}", written);
  g_autoptr(CollabDataset) dataset = collab_test_funds_dataset (transactions, NULL);
  g_autoptr(CollabRecord) record = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_TRANSACTION, "x");
  g_autoptr(JsonNode) json = collab_record_to_json (record);

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "amount"), ==, canonical);
}

static void
test_amount_forms (void)
{
  assert_amount ("\"1920万\"", "19200000.00");
  assert_amount ("\"1920万元\"", "19200000.00");
  assert_amount ("\"1.47亿\"", "147000000.00");
  assert_amount ("\"7.82亿元\"", "782000000.00");
  assert_amount ("\"0.0000000001亿\"", "0.01");
  assert_amount ("\"0.000001万\"", "0.01");
  assert_amount ("\"2627.13万\"", "26271300.00");
  assert_amount ("\"0.01\"", "0.01");
  assert_amount ("\"0\"", "0.00");
  assert_amount ("1920", "1920.00");
  assert_amount ("\"92233720368547758.07\"", "92233720368547758.07");
  assert_amount ("\"922337203.6854775807亿\"", "92233720368547758.07");

  assert_funds_error ("{\"id\": \"x\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\","
                      " \"amount\": \"1.234\", \"date\": \"2021-01-01\"}",
                      "amount", "exact to the fen");
  assert_funds_error ("{\"id\": \"x\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\","
                      " \"amount\": \"0.0000001万\", \"date\": \"2021-01-01\"}",
                      "amount", "exact to the fen");
  assert_funds_error ("{\"id\": \"x\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\","
                      " \"amount\": \"1.00000000001亿\", \"date\": \"2021-01-01\"}",
                      "amount", "exact to the fen");
  assert_funds_error ("{\"id\": \"x\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\","
                      " \"amount\": \"92233720368547758.08\", \"date\": \"2021-01-01\"}",
                      "amount", "64-bit");
  assert_funds_error ("{\"id\": \"x\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\","
                      " \"amount\": \"1920.5.0万\", \"date\": \"2021-01-01\"}",
                      "amount", "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/json-reader/valid/base", test_valid_base);
  g_test_add_func ("/collab/json-reader/valid/forward-references", test_valid_forward_references);
  g_test_add_func ("/collab/json-reader/valid/null-optional", test_valid_null_optional);
  g_test_add_func ("/collab/json-reader/valid/into-filled-store", test_valid_into_filled_store);
  g_test_add_func ("/collab/json-reader/syntax/error", test_syntax_error);
  g_test_add_func ("/collab/json-reader/syntax/multiline", test_syntax_error_multiline);
  g_test_add_func ("/collab/json-reader/syntax/column-in-characters", test_syntax_error_column_in_characters);
  g_test_add_func ("/collab/json-reader/syntax/truncated", test_syntax_truncated);
  g_test_add_func ("/collab/json-reader/syntax/empty", test_syntax_empty);
  g_test_add_func ("/collab/json-reader/syntax/trailing", test_syntax_trailing);
  g_test_add_func ("/collab/json-reader/syntax/not-json", test_syntax_not_json);
  g_test_add_func ("/collab/json-reader/syntax/leading-zero-and-hex", test_syntax_leading_zero_and_hex);
  g_test_add_func ("/collab/json-reader/syntax/integer-overflow", test_syntax_integer_overflow);
  g_test_add_func ("/collab/json-reader/syntax/invalid-utf8", test_syntax_invalid_utf8);
  g_test_add_func ("/collab/json-reader/document/not-an-object", test_top_level_not_object);
  g_test_add_func ("/collab/json-reader/document/format-wrong", test_format_wrong);
  g_test_add_func ("/collab/json-reader/document/format-missing", test_format_missing);
  g_test_add_func ("/collab/json-reader/document/version", test_version);
  g_test_add_func ("/collab/json-reader/document/kind-member-types", test_kind_member_types);
  g_test_add_func ("/collab/json-reader/value/enum", test_enum_unknown_word);
  g_test_add_func ("/collab/json-reader/value/date", test_date_impossible);
  g_test_add_func ("/collab/json-reader/value/error-in-sub-record", test_error_in_sub_record);
  g_test_add_func ("/collab/json-reader/value/amount-inexact", test_amount_inexact);
  g_test_add_func ("/collab/json-reader/value/amount-overflow", test_amount_overflow);
  g_test_add_func ("/collab/json-reader/value/amount-float", test_amount_float);
  g_test_add_func ("/collab/json-reader/value/amount-negative", test_amount_negative);
  g_test_add_func ("/collab/json-reader/value/year", test_year_range);
  g_test_add_func ("/collab/json-reader/value/nul", test_nul_in_string);
  g_test_add_func ("/collab/json-reader/duplicate/member-in-record", test_duplicate_member_in_record);
  g_test_add_func ("/collab/json-reader/duplicate/member-top-level", test_duplicate_member_top_level);
  g_test_add_func ("/collab/json-reader/duplicate/member-nested", test_duplicate_member_nested);
  g_test_add_func ("/collab/json-reader/duplicate/id", test_duplicate_id);
  g_test_add_func ("/collab/json-reader/reference/dangling", test_dangling_reference);
  g_test_add_func ("/collab/json-reader/reference/wrong-kind", test_reference_wrong_kind);
  g_test_add_func ("/collab/json-reader/reference/type", test_reference_type);
  g_test_add_func ("/collab/json-reader/member/missing", test_missing_member);
  g_test_add_func ("/collab/json-reader/member/null-required", test_null_required);
  g_test_add_func ("/collab/json-reader/nesting/deep", test_deep_nesting);
  g_test_add_func ("/collab/json-reader/nesting/limit", test_deep_nesting_limit);
  g_test_add_func ("/collab/json-reader/nesting/known-member", test_deep_nesting_known_member);
  g_test_add_func ("/collab/json-reader/consistency/end-before-start", test_end_before_start);
  g_test_add_func ("/collab/json-reader/consistency/own-ancestor", test_own_ancestor);
  g_test_add_func ("/collab/json-reader/messages/bounded", test_bounded_messages);
  g_test_add_func ("/collab/json-reader/consistency/expenditure-from-account", test_expenditure_from_account);
  g_test_add_func ("/collab/json-reader/consistency/transfer-into-source", test_transfer_into_source);
  g_test_add_func ("/collab/json-reader/records/roster", test_records_roster);
  g_test_add_func ("/collab/json-reader/records/funds", test_records_funds);
  g_test_add_func ("/collab/json-reader/value/amount-forms", test_amount_forms);

  return g_test_run ();
}
