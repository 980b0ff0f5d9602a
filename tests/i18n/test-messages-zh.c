/* test-messages-zh.c: load and rule-set errors in Chinese (SPEC §12.1)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * With LANGUAGE=zh_CN and LC_ALL=C.UTF-8 (a system without the zh_CN
 * locale, as on most servers), a bad document's error is Chinese, and
 * what a program reads in it stays as it is: the file or "<data>", the
 * line and column of a syntax error, the JSON path, the ids and values of
 * the document, the rule ids and member names. The catalog is the one
 * just built (COLLAB_LOCALEDIR, tests/meson.build).
 */

#include <locale.h>
#include <string.h>

#include <libcollab/collab.h>

static GError *
load_error (const char *document)
{
  g_autoptr(CollabDataset) dataset = collab_dataset_new ();
  GError *error = NULL;

  g_assert_false (collab_dataset_load_from_data (dataset, document, -1, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  return error;
}

/* Whether @text holds a character of the CJK Unified Ideographs. */
static gboolean
has_chinese (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x4e00 && c <= 0x9fff)
        return TRUE;
    }
  return FALSE;
}

static void
test_dangling_reference (void)
{
  g_autoptr(GError) error = load_error (
    "{\"format\": \"libcollab-dataset\", \"version\": 1, \"regions\": ["
    "{\"id\": \"yanchuan\", \"name\": \"延川县\", \"level\": \"county\", \"parent\": \"nowhere\"}]}");

  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_DANGLING_REFERENCE);
  g_assert_cmpstr (error->message, ==,
                   "<data>: $.regions[0] (yanchuan).parent: 不存在 id 为 \"nowhere\" 的行政区划");
}

static void
test_duplicate_id (void)
{
  g_autoptr(GError) error = load_error (
    "{\"format\": \"libcollab-dataset\", \"version\": 1, \"regions\": ["
    "{\"id\": \"yanan\", \"name\": \"延安市\", \"level\": \"city\"},\n"
    "{\"id\": \"yanan\", \"name\": \"延安市\", \"level\": \"city\"}]}");

  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_DUPLICATE_ID);
  g_assert_cmpstr (error->message, ==,
                   "<data>: $.regions[1] (yanan).id: 行政区划 id \"yanan\" 已被 $.regions[0] 使用（第 2 行，第 47 列）");
}

static void
test_value_errors (void)
{
  g_autoptr(GError) amount = load_error (
    "{\"format\": \"libcollab-dataset\", \"version\": 1, \"transactions\": ["
    "{\"id\": \"t1\", \"type\": \"transfer\", \"amount\": \"1.234\", \"date\": \"2021-04-15\"}]}");
  g_autoptr(GError) date = load_error (
    "{\"format\": \"libcollab-dataset\", \"version\": 1, \"transactions\": ["
    "{\"id\": \"t1\", \"type\": \"transfer\", \"amount\": \"1920万\", \"date\": \"2021-02-29\"}]}");
  g_autoptr(GError) level = load_error (
    "{\"format\": \"libcollab-dataset\", \"version\": 1, \"regions\": ["
    "{\"id\": \"yanan\", \"name\": \"延安市\", \"level\": \"planet\"}]}");

  g_assert_true (g_str_has_prefix (amount->message, "<data>: $.transactions[0] (t1).amount: \"1.234\"："));
  g_assert_nonnull (strstr (amount->message, "金额须精确到分"));
  g_assert_true (g_str_has_prefix (date->message,
                                   "<data>: $.transactions[0] (t1).date: \"2021-02-29\" 不是日历中存在的日期："
                                   "2021 年 02 月只有 28 天（第 1 行，"));
  /* The words of the document are its own, only the sentence changes. */
  g_assert_true (g_str_has_prefix (level->message,
                                   "<data>: $.regions[0] (yanan).level: 应为 province、city、county、township、"
                                   "village 之一，实际为 \"planet\"（第 1 行，"));
}

static void
test_syntax_error (void)
{
  g_autoptr(GError) error = load_error ("{\"format\": \"libcollab-dataset\"\n  \"version\": 1}");

  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "<data>:2:5: 解析错误：对象中的键值之后应为 ',' 或 '}'");
}

static void
test_ruleset_error (void)
{
  static const char document[] =
    "{\"format\": \"libcollab-ruleset\", \"version\": 1, \"id\": \"mine\","
    " \"rules\": {\"666.nope\": {}}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRuleset) set = collab_ruleset_new_from_data (document, -1, &error);

  g_assert_null (set);
  g_assert_error (error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_UNKNOWN_RULE);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, ==,
                   "<data>: $.rules[\"666.nope\"]: 未知规则 \"666.nope\"；"
                   "可用规则见 collab_ruleset_list_known_rules()");
}

static void
test_every_message_is_chinese (void)
{
  static const char * const documents[] = {
    "[]",
    "{\"format\": \"libcollab-dataset\"}",
    "{\"format\": \"libcollab-dataset\", \"version\": 2}",
    "{\"format\": \"libcollab-dataset\", \"version\": 1, \"regions\": [{\"id\": \"a\"}]}",
    "{\"format\": \"libcollab-dataset\", \"version\": 1, \"regions\": [{\"id\": \"a\", \"name\": \"甲\","
    " \"level\": \"county\", \"code\": \"12\"}]}",
    "{\"format\": \"libcollab-dataset\", \"version\": 1, \"programs\": [{\"id\": \"p\", \"name\": \"规划\","
    " \"kind\": \"east_west\", \"first_year\": 2025, \"last_year\": 2021, \"assisting\": \"a\", \"assisted\": []}]}",
    "{\"format\": \"libcollab-dataset\", \"version\": 1, \"regions\": 3}",
    "{\"format\": \"libcollab-dataset\", \"version\": 1} x",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = load_error (documents[i]);

      g_assert_true (g_str_has_prefix (error->message, "<data>"));
      g_assert_true (has_chinese (error->message));
    }
}

int
main (int   argc,
      char *argv[])
{
  /* As an officer's server has it: the language asked for, no locale of
   * its own installed. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/messages-zh/dangling-reference", test_dangling_reference);
  g_test_add_func ("/messages-zh/duplicate-id", test_duplicate_id);
  g_test_add_func ("/messages-zh/value-errors", test_value_errors);
  g_test_add_func ("/messages-zh/syntax-error", test_syntax_error);
  g_test_add_func ("/messages-zh/ruleset-error", test_ruleset_error);
  g_test_add_func ("/messages-zh/every-message-is-chinese", test_every_message_is_chinese);

  return g_test_run ();
}
