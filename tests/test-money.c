/* test-money.c: exact amounts of money (types/collab-money.c, SPEC §3 "Money")
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <libcollab/collab-money.h>
#include <libcollab/collab-error.h>

/* The log domain the library is built with (HOUSE-STYLE: G_LOG_DOMAIN). */
#define LIBRARY_LOG_DOMAIN "Collab"

typedef struct
{
  const char *text;
  gint64      fen;
} ParseCase;

typedef struct
{
  const char *text;
  int         code;
} ErrorCase;

static void
check_parses (const ParseCase *cases,
              gsize            n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;
      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("parsing \"%s\"", escaped);
      g_assert_true (collab_money_parse (cases[i].text, &fen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fen, ==, cases[i].fen);
    }
}

static void
check_fails (const ErrorCase *cases,
             gsize            n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = 4242;
      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("parsing \"%s\"", escaped);
      g_assert_false (collab_money_parse (cases[i].text, &fen, &error));
      g_assert_error (error, COLLAB_VALUE_ERROR, cases[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      /* A failed parse leaves the output alone. */
      g_assert_cmpint (fen, ==, 4242);
    }
}

static void
test_parse_yuan (void)
{
  static const ParseCase cases[] = {
    { "19200000.00", G_GINT64_CONSTANT (1920000000) },
    { "26271300.00", G_GINT64_CONSTANT (2627130000) },
    { "0", 0 },
    { "0.00", 0 },
    { "-0", 0 },
    { "1", 100 },
    { "1.5", 150 },
    { "1.23", 123 },
    { "1.230", 123 },
    { "1.2300000000000000000000", 123 },
    { "0.01", 1 },
    { "-0.05", -5 },
    { "-1920", -192000 },
    { "0012", 1200 },
    { "00000000000000000000000000001", 100 },
    { "3500元", 350000 },
    { "1.5元", 150 },
    { "-0.01元", -1 },
  };

  check_parses (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_wan (void)
{
  static const ParseCase cases[] = {
    { "1920万", G_GINT64_CONSTANT (1920) * 10000 * 100 },
    { "9600万", G_GINT64_CONSTANT (9600) * 10000 * 100 },
    { "27000万", G_GINT64_CONSTANT (27000) * 10000 * 100 },
    { "300万", G_GINT64_CONSTANT (300) * 10000 * 100 },
    { "0万", 0 },
    { "1.5万", 1500000 },
    { "0.01万", 10000 },
    { "1.000001万", 1000001 },
    { "0.000001万", 1 },
    { "0.0000010万", 1 },
    { "-120万", G_GINT64_CONSTANT (-120) * 10000 * 100 },
  };

  check_parses (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_yi (void)
{
  static const ParseCase cases[] = {
    { "1.47亿", G_GINT64_CONSTANT (147000000) * 100 },
    { "13.5亿", G_GINT64_CONSTANT (1350000000) * 100 },
    { "1亿", G_GINT64_CONSTANT (10000000000) },
    { "0.0000000001亿", 1 },
    { "-2.5亿", G_GINT64_CONSTANT (-25000000000) },
  };

  check_parses (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_wan_yuan (void)
{
  /* The documents write 万元 and 亿元 as often as 万 and 亿. */
  static const ParseCase cases[] = {
    { "1920万元", G_GINT64_CONSTANT (1920) * 10000 * 100 },
    { "1.47亿元", G_GINT64_CONSTANT (147000000) * 100 },
    { "0.5万元", 500000 },
  };

  check_parses (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_extremes (void)
{
  static const ParseCase cases[] = {
    { "92233720368547758.07", G_MAXINT64 },
    { "-92233720368547758.08", G_MININT64 },
    { "92233720368547758.0700", G_MAXINT64 },
    { "9223372036854.7758070万", G_MAXINT64 },
    { "-9223372036854.775808万", G_MININT64 },
    { "922337203.6854775807亿", G_MAXINT64 },
    { "-922337203.6854775808亿元", G_MININT64 },
    { "00092233720368547758.07", G_MAXINT64 },
  };

  check_parses (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_overflow (void)
{
  static const ErrorCase cases[] = {
    { "92233720368547758.08", COLLAB_VALUE_ERROR_OVERFLOW },
    { "-92233720368547758.09", COLLAB_VALUE_ERROR_OVERFLOW },
    { "92233720368547759", COLLAB_VALUE_ERROR_OVERFLOW },
    { "99999999999999999999", COLLAB_VALUE_ERROR_OVERFLOW },
    { "9223372036854.7758080万", COLLAB_VALUE_ERROR_OVERFLOW },
    { "922337203.6854775808亿", COLLAB_VALUE_ERROR_OVERFLOW },
    { "-922337203.6854775809亿", COLLAB_VALUE_ERROR_OVERFLOW },
    { "1000000000000亿", COLLAB_VALUE_ERROR_OVERFLOW },
    { "184467440737095516.16", COLLAB_VALUE_ERROR_OVERFLOW },
    { "1000000000000000000000000000000000000000", COLLAB_VALUE_ERROR_OVERFLOW },
  };

  check_fails (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_inexact (void)
{
  static const ErrorCase cases[] = {
    { "1.234", COLLAB_VALUE_ERROR_INEXACT },
    { "1.2340", COLLAB_VALUE_ERROR_INEXACT },
    { "-0.001", COLLAB_VALUE_ERROR_INEXACT },
    { "0.001元", COLLAB_VALUE_ERROR_INEXACT },
    { "1.0000001万", COLLAB_VALUE_ERROR_INEXACT },
    { "0.00000000001亿", COLLAB_VALUE_ERROR_INEXACT },
    { "1.00000000000000000000000001", COLLAB_VALUE_ERROR_INEXACT },
  };

  check_fails (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_syntax (void)
{
  static const ErrorCase cases[] = {
    { "", COLLAB_VALUE_ERROR_SYNTAX },
    { "-", COLLAB_VALUE_ERROR_SYNTAX },
    { "--1", COLLAB_VALUE_ERROR_SYNTAX },
    { "+1", COLLAB_VALUE_ERROR_SYNTAX },
    { " 1", COLLAB_VALUE_ERROR_SYNTAX },
    { "1 ", COLLAB_VALUE_ERROR_SYNTAX },
    { "1.5 万", COLLAB_VALUE_ERROR_SYNTAX },
    { "1e5", COLLAB_VALUE_ERROR_SYNTAX },
    { "1,000", COLLAB_VALUE_ERROR_SYNTAX },
    { "1_000", COLLAB_VALUE_ERROR_SYNTAX },
    { ".5", COLLAB_VALUE_ERROR_SYNTAX },
    { "1.", COLLAB_VALUE_ERROR_SYNTAX },
    { "1.万", COLLAB_VALUE_ERROR_SYNTAX },
    { "1..2", COLLAB_VALUE_ERROR_SYNTAX },
    { "1.2.3", COLLAB_VALUE_ERROR_SYNTAX },
    { "0x10", COLLAB_VALUE_ERROR_SYNTAX },
    { "abc", COLLAB_VALUE_ERROR_SYNTAX },
    { "NaN", COLLAB_VALUE_ERROR_SYNTAX },
    { "万", COLLAB_VALUE_ERROR_SYNTAX },
    { "-万", COLLAB_VALUE_ERROR_SYNTAX },
    { "1万万", COLLAB_VALUE_ERROR_SYNTAX },
    { "1元万", COLLAB_VALUE_ERROR_SYNTAX },
    { "1万亿", COLLAB_VALUE_ERROR_SYNTAX },
    { "1元元", COLLAB_VALUE_ERROR_SYNTAX },
    { "1千", COLLAB_VALUE_ERROR_SYNTAX },
    { "１２", COLLAB_VALUE_ERROR_SYNTAX },   /* full-width digits */
    { "−1", COLLAB_VALUE_ERROR_SYNTAX },    /* U+2212 MINUS SIGN */
    { "1\xff", COLLAB_VALUE_ERROR_SYNTAX },  /* not UTF-8 */
    { "1\xe4\xb8", COLLAB_VALUE_ERROR_SYNTAX }, /* a cut 万 */
    /* A syntax error wins over an inexact or too large number. */
    { "1.234x", COLLAB_VALUE_ERROR_SYNTAX },
    { "99999999999999999999x", COLLAB_VALUE_ERROR_SYNTAX },
  };

  check_fails (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_messages (void)
{
  g_autoptr(GError) inexact = NULL;
  g_autoptr(GError) syntax = NULL;
  g_autoptr(GError) overflow = NULL;
  g_autoptr(GError) long_text = NULL;
  g_autofree char *garbage = g_strnfill (1000, 'x');

  g_assert_false (collab_money_parse ("1.234", NULL, &inexact));
  g_assert_cmpstr (inexact->message, ==,
                   "\"1.234\": an amount is exact to the fen (two decimals "
                   "of a yuan, six of 万, ten of 亿)");

  g_assert_false (collab_money_parse ("12 万", NULL, &syntax));
  g_assert_nonnull (strstr (syntax->message, "\"12 万\" is not an amount"));
  g_assert_nonnull (strstr (syntax->message, "\" 万\" follows the number"));
  g_assert_nonnull (strstr (syntax->message, "\"1920万\""));

  g_assert_false (collab_money_parse ("1000000000000亿", NULL, &overflow));
  g_assert_nonnull (strstr (overflow->message, "\"1000000000000亿\""));
  g_assert_nonnull (strstr (overflow->message, "92233720368547758.07"));

  /* A long text is cut short in the message. */
  g_assert_false (collab_money_parse (garbage, NULL, &long_text));
  g_assert_error (long_text, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_SYNTAX);
  g_assert_cmpuint (strlen (long_text->message), <, 400);
  g_assert_nonnull (strstr (long_text->message, "…"));
}

static void
test_parse_optional_out (void)
{
  g_assert_true (collab_money_parse ("1920万", NULL, NULL));
  g_assert_false (collab_money_parse ("1.234", NULL, NULL));
}

static void
test_from_yuan (void)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = 0;

  g_assert_true (collab_money_from_yuan (1920, &fen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fen, ==, 192000);

  g_assert_true (collab_money_from_yuan (-5, &fen, &error));
  g_assert_cmpint (fen, ==, -500);

  g_assert_true (collab_money_from_yuan (0, &fen, &error));
  g_assert_cmpint (fen, ==, 0);

  g_assert_true (collab_money_from_yuan (G_MAXINT64 / 100, &fen, &error));
  g_assert_cmpint (fen, ==, G_GINT64_CONSTANT (9223372036854775800));

  g_assert_true (collab_money_from_yuan (G_MININT64 / 100, &fen, &error));
  g_assert_cmpint (fen, ==, G_GINT64_CONSTANT (-9223372036854775800));

  fen = 4242;
  g_assert_false (collab_money_from_yuan (G_MAXINT64 / 100 + 1, &fen, &error));
  g_assert_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW);
  g_assert_nonnull (strstr (error->message, "92233720368547759 yuan"));
  g_assert_cmpint (fen, ==, 4242);
  g_clear_error (&error);

  g_assert_false (collab_money_from_yuan (G_MININT64 / 100 - 1, &fen, &error));
  g_assert_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW);
  g_clear_error (&error);

  g_assert_false (collab_money_from_yuan (G_MININT64, NULL, &error));
  g_assert_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW);
}

static void
test_format_canonical (void)
{
  static const struct { gint64 fen; const char *text; } cases[] = {
    { G_GINT64_CONSTANT (1920000000), "19200000.00" },
    { 0, "0.00" },
    { 1, "0.01" },
    { 5, "0.05" },
    { -5, "-0.05" },
    { 150, "1.50" },
    { -100, "-1.00" },
    { G_MAXINT64, "92233720368547758.07" },
    { G_MININT64, "-92233720368547758.08" },
    { G_MININT64 + 1, "-92233720368547758.07" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = collab_money_format (cases[i].fen);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_in (void)
{
  static const struct
  {
    gint64          fen;
    CollabMoneyUnit unit;
    const char     *text;
  } cases[] = {
    { G_GINT64_CONSTANT (1920000000), COLLAB_MONEY_UNIT_WAN, "1920万" },
    { G_GINT64_CONSTANT (19200000000), COLLAB_MONEY_UNIT_WAN, "19200万" },
    { G_GINT64_CONSTANT (14700000000), COLLAB_MONEY_UNIT_YI, "1.47亿" },
    { G_GINT64_CONSTANT (14700000000), COLLAB_MONEY_UNIT_WAN, "14700万" },
    { G_GINT64_CONSTANT (14700000000), COLLAB_MONEY_UNIT_YUAN, "147000000元" },
    { 150, COLLAB_MONEY_UNIT_YUAN, "1.5元" },
    { 1, COLLAB_MONEY_UNIT_YUAN, "0.01元" },
    { 1, COLLAB_MONEY_UNIT_WAN, "0.000001万" },
    { 1, COLLAB_MONEY_UNIT_YI, "0.0000000001亿" },
    { -1, COLLAB_MONEY_UNIT_YI, "-0.0000000001亿" },
    { 0, COLLAB_MONEY_UNIT_WAN, "0万" },
    { 0, COLLAB_MONEY_UNIT_YI, "0亿" },
    { 0, COLLAB_MONEY_UNIT_YUAN, "0元" },
    { 1500000, COLLAB_MONEY_UNIT_WAN, "1.5万" },
    { -1500000, COLLAB_MONEY_UNIT_WAN, "-1.5万" },
    { G_MAXINT64, COLLAB_MONEY_UNIT_YI, "922337203.6854775807亿" },
    { G_MININT64, COLLAB_MONEY_UNIT_YI, "-922337203.6854775808亿" },
    { G_MININT64, COLLAB_MONEY_UNIT_WAN, "-9223372036854.775808万" },
    { G_MININT64, COLLAB_MONEY_UNIT_YUAN, "-92233720368547758.08元" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = collab_money_format_in (cases[i].fen, cases[i].unit);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_readable (void)
{
  static const struct { gint64 fen; const char *text; } cases[] = {
    { 0, "0元" },
    { 350000, "3500元" },
    { 999999, "9999.99元" },
    { 1000000, "1万" },
    { -999999, "-9999.99元" },
    { -1000000, "-1万" },
    { G_GINT64_CONSTANT (1920000000), "1920万" },
    { G_GINT64_CONSTANT (9999999999), "9999.999999万" },
    { G_GINT64_CONSTANT (10000000000), "1亿" },
    { G_GINT64_CONSTANT (14700000000), "1.47亿" },
    { G_GINT64_CONSTANT (-14700000000), "-1.47亿" },
    { G_MININT64, "-922337203.6854775808亿" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = collab_money_format_readable (cases[i].fen);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
check_round_trip (gint64 fen)
{
  g_autofree char *canonical = collab_money_format (fen);
  g_autofree char *readable = collab_money_format_readable (fen);
  gint64 back;

  g_assert_true (collab_money_parse (canonical, &back, NULL));
  g_assert_cmpint (back, ==, fen);
  g_assert_true (collab_money_parse (readable, &back, NULL));
  g_assert_cmpint (back, ==, fen);

  for (CollabMoneyUnit unit = COLLAB_MONEY_UNIT_YUAN; unit <= COLLAB_MONEY_UNIT_YI; unit++)
    {
      g_autofree char *text = collab_money_format_in (fen, unit);

      g_assert_true (collab_money_parse (text, &back, NULL));
      g_assert_cmpint (back, ==, fen);
    }
}

static void
test_round_trip (void)
{
  static const gint64 values[] = {
    0, 1, -1, 99, 100, 101, 999999, 1000000, 1000001,
    G_GINT64_CONSTANT (1920000000), G_GINT64_CONSTANT (9999999999),
    G_GINT64_CONSTANT (10000000000), G_GINT64_CONSTANT (14700000000),
    G_MAXINT64, G_MAXINT64 - 1, G_MININT64, G_MININT64 + 1,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      check_round_trip (values[i]);
      if (values[i] != G_MININT64)
        check_round_trip (-values[i]);
    }

  for (int i = 0; i < 2000; i++)
    {
      guint64 bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
      int digits = g_test_rand_int_range (0, 20);
      gint64 value = (gint64) bits;

      /* Mostly values of every size, not only eighteen-digit ones. */
      for (int d = 0; d < digits; d++)
        value /= 10;
      check_round_trip (value);
    }

  /* Canonical text is a fixed point of parse then format. */
  {
    gint64 fen;
    g_autofree char *text = NULL;

    g_assert_true (collab_money_parse ("26271300.00", &fen, NULL));
    text = collab_money_format (fen);
    g_assert_cmpstr (text, ==, "26271300.00");
  }
}

static void
test_add (void)
{
  gint64 sum = 4242;

  g_assert_true (collab_money_add (1, 2, &sum));
  g_assert_cmpint (sum, ==, 3);
  g_assert_true (collab_money_add (G_MAXINT64, G_MININT64, &sum));
  g_assert_cmpint (sum, ==, -1);
  g_assert_true (collab_money_add (G_MAXINT64 - 1, 1, &sum));
  g_assert_cmpint (sum, ==, G_MAXINT64);
  g_assert_true (collab_money_add (G_MININT64 + 1, -1, &sum));
  g_assert_cmpint (sum, ==, G_MININT64);

  sum = 4242;
  g_assert_false (collab_money_add (G_MAXINT64, 1, &sum));
  g_assert_cmpint (sum, ==, 4242);
  g_assert_false (collab_money_add (G_MININT64, -1, &sum));
  g_assert_false (collab_money_add (G_MININT64, G_MININT64, &sum));
  g_assert_cmpint (sum, ==, 4242);

  g_assert_true (collab_money_add (1, 1, NULL));
  g_assert_false (collab_money_add (G_MAXINT64, G_MAXINT64, NULL));
}

static void
test_bad_arguments (void)
{
  gint64 fen = 4242;
  GError *error = g_error_new_literal (COLLAB_VALUE_ERROR, 0, "already set");

  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_false (collab_money_parse (NULL, &fen, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*error == NULL*");
  g_assert_false (collab_money_parse ("1", &fen, &error));
  g_test_assert_expected_messages ();

  g_assert_cmpint (fen, ==, 4242);
  g_error_free (error);
}

static void
test_bad_unit (void)
{
  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*should not be reached*");
  g_assert_null (collab_money_format_in (100, (CollabMoneyUnit) 42));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/money/parse/yuan", test_parse_yuan);
  g_test_add_func ("/collab/money/parse/wan", test_parse_wan);
  g_test_add_func ("/collab/money/parse/yi", test_parse_yi);
  g_test_add_func ("/collab/money/parse/wan-yuan-yi-yuan", test_parse_wan_yuan);
  g_test_add_func ("/collab/money/parse/extremes", test_parse_extremes);
  g_test_add_func ("/collab/money/parse/overflow", test_parse_overflow);
  g_test_add_func ("/collab/money/parse/inexact", test_parse_inexact);
  g_test_add_func ("/collab/money/parse/syntax", test_parse_syntax);
  g_test_add_func ("/collab/money/parse/messages", test_parse_messages);
  g_test_add_func ("/collab/money/parse/optional-out", test_parse_optional_out);
  g_test_add_func ("/collab/money/parse/bad-arguments", test_bad_arguments);
  g_test_add_func ("/collab/money/from-yuan", test_from_yuan);
  g_test_add_func ("/collab/money/format/canonical", test_format_canonical);
  g_test_add_func ("/collab/money/format/in-unit", test_format_in);
  g_test_add_func ("/collab/money/format/in-bad-unit", test_bad_unit);
  g_test_add_func ("/collab/money/format/readable", test_format_readable);
  g_test_add_func ("/collab/money/round-trip", test_round_trip);
  g_test_add_func ("/collab/money/add", test_add);

  return g_test_run ();
}
