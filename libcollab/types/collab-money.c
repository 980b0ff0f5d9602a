/* collab-money.c: exact amounts of money, in fen
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * An amount is a signed 64-bit count of fen (0.01 yuan), never a binary
 * floating-point number (SPEC §3 "Money"). The source documents write
 * amounts in 元, 万元 (10⁴ yuan) and 亿元 (10⁸ yuan); these functions read
 * and write all three exactly. An amount that cannot be held exactly is an
 * error, never a rounding.
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autofree char *canonical = NULL;
 * g_autofree char *in_wan = NULL;
 * gint64 fen;
 *
 * if (!collab_money_parse ("1.47亿", &fen, &error))
 *   return FALSE;
 *
 * canonical = collab_money_format (fen);                   // "147000000.00"
 * in_wan = collab_money_format_in (fen, COLLAB_MONEY_UNIT_WAN);  // "14700万"
 * ```
 */

#include <string.h>

#include <libcollab/collab-money.h>
#include <libcollab/collab-error.h>

#include "collab-error-private.h"
#include "collab-i18n-private.h"

/* How many decimal places each unit moves the amount to reach fen. */
typedef struct
{
  const char *suffix;
  guint       shift;
} UnitSuffix;

/* A suffix must be the whole rest of the text, so their order does not
 * matter: "万" does not match "万元". */
static const UnitSuffix unit_suffixes[] = {
  { "",       2 },
  { "元",     2 },
  { "万",     6 },
  { "万元",   6 },
  { "亿",    10 },
  { "亿元",  10 },
};

#define FEN_PER_WAN G_GUINT64_CONSTANT (1000000)
#define FEN_PER_YI  G_GUINT64_CONSTANT (10000000000)

/* Why @text is not an amount: each a whole sentence, for translation. */
typedef enum
{
  SYNTAX_EMPTY,
  SYNTAX_NO_DIGIT,
  SYNTAX_NO_DECIMAL,
  SYNTAX_TRAILING,
} SyntaxProblem;

static gboolean
set_syntax_error (GError        **error,
                  const char     *text,
                  SyntaxProblem   problem,
                  const char     *rest)
{
  g_autofree char *quoted = collab_error_quote (text);
  g_autofree char *rest_quoted = NULL;

  switch (problem)
    {
    case SYNTAX_EMPTY:
      g_set_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_SYNTAX,
                   /* Translators: %s is the text, quoted, that should have
                    * been an amount of money. */
                   _("%s is not an amount: the text is empty; expected a decimal number of yuan "
                     "with an optional unit 元, 万, 万元, 亿 or 亿元 (such as "
                     "\"1920万\", \"1.47亿\" or \"19200000.00\")"),
                   quoted);
      break;
    case SYNTAX_NO_DIGIT:
      g_set_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_SYNTAX,
                   /* Translators: %s is the text, quoted, that should have
                    * been an amount of money. */
                   _("%s is not an amount: it does not start with a digit; expected a decimal number of yuan "
                     "with an optional unit 元, 万, 万元, 亿 or 亿元 (such as "
                     "\"1920万\", \"1.47亿\" or \"19200000.00\")"),
                   quoted);
      break;
    case SYNTAX_NO_DECIMAL:
      g_set_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_SYNTAX,
                   /* Translators: %s is the text, quoted, that should have
                    * been an amount of money. */
                   _("%s is not an amount: the decimal point is not followed by a digit; expected a decimal "
                     "number of yuan with an optional unit 元, 万, 万元, 亿 or 亿元 (such as "
                     "\"1920万\", \"1.47亿\" or \"19200000.00\")"),
                   quoted);
      break;
    case SYNTAX_TRAILING:
      rest_quoted = collab_error_quote (rest);
      g_set_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_SYNTAX,
                   /* Translators: the first %s is the text, quoted, that
                    * should have been an amount of money; the second, quoted
                    * too, is what follows its number (such as "万圆"). */
                   _("%s is not an amount: %s follows the number; expected a decimal number of yuan "
                     "with an optional unit 元, 万, 万元, 亿 or 亿元 (such as "
                     "\"1920万\", \"1.47亿\" or \"19200000.00\")"),
                   quoted, rest_quoted);
      break;
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static guint64
magnitude (gint64 fen)
{
  /* Unsigned negation is defined for G_MININT64, signed negation is not. */
  return fen < 0 ? G_GUINT64_CONSTANT (0) - (guint64) fen : (guint64) fen;
}

/**
 * collab_money_parse:
 * @text: an amount of yuan, such as `"1920万"`, `"1.47亿"` or `"19200000.00"`
 * @fen: (out) (optional): where to store the amount, in fen
 * @error: return location for a #GError, or `NULL`
 *
 * Reads an exact amount of money.
 *
 * The text is an optional `-`, one or more decimal digits, optionally a `.`
 * followed by one or more decimal digits, and optionally one of the unit
 * suffixes `元` (yuan), `万` or `万元` (10⁴ yuan), `亿` or `亿元`
 * (10⁸ yuan). Without a suffix the number counts yuan. Nothing else is
 * allowed: no spaces, no `+`, no exponent, no thousands separators, no
 * full-width digits. Leading zeros are accepted (`"0012"` is 12 yuan), and so
 * are trailing zeros after the decimal point (`"1.230"` is 123 fen).
 *
 * The amount must be a whole number of fen: `"1.234"` and `"1.0000001万"`
 * fail with %COLLAB_VALUE_ERROR_INEXACT. It must fit a #gint64 count of
 * fen, from `"-92233720368547758.08"` to `"92233720368547758.07"` yuan;
 * beyond that the parse fails with %COLLAB_VALUE_ERROR_OVERFLOW. Any other
 * text fails with %COLLAB_VALUE_ERROR_SYNTAX. On failure @fen is left
 * unchanged.
 *
 * Returns: `TRUE` if @text is an exact amount, `FALSE` with @error set
 *   otherwise
 */
gboolean
collab_money_parse (const char  *text,
                    gint64      *fen,
                    GError     **error)
{
  const char *p;
  const char *int_digits;
  const char *frac_digits = "";
  gsize int_len;
  gsize frac_len = 0;
  gboolean negative = FALSE;
  gint64 value = 0;
  guint shift = 0;
  gboolean found_unit = FALSE;
  gboolean overflow = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*text == '\0')
    return set_syntax_error (error, text, SYNTAX_EMPTY, NULL);

  p = text;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  int_digits = p;
  while (g_ascii_isdigit (*p))
    p++;
  int_len = p - int_digits;
  if (int_len == 0)
    return set_syntax_error (error, text, SYNTAX_NO_DIGIT, NULL);

  if (*p == '.')
    {
      p++;
      frac_digits = p;
      while (g_ascii_isdigit (*p))
        p++;
      frac_len = p - frac_digits;
      if (frac_len == 0)
        return set_syntax_error (error, text, SYNTAX_NO_DECIMAL, NULL);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (unit_suffixes); i++)
    {
      if (strcmp (p, unit_suffixes[i].suffix) == 0)
        {
          shift = unit_suffixes[i].shift;
          found_unit = TRUE;
          break;
        }
    }
  if (!found_unit)
    return set_syntax_error (error, text, SYNTAX_TRAILING, p);

  /* Decimals past the fen must all be zero. */
  for (gsize i = shift; i < frac_len; i++)
    {
      if (frac_digits[i] != '0')
        {
          g_autofree char *quoted = collab_error_quote (text);

          g_set_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_INEXACT,
                       /* Translators: %s is the text, quoted; 分 (fen) is a
                        * hundredth of a yuan. */
                       _("%s: an amount is exact to the fen (two decimals of a "
                         "yuan, six of 万, ten of 亿)"),
                       quoted);
          return FALSE;
        }
    }

  /* Accumulate the fen as a negative number, whose range includes the
   * magnitude of G_MININT64, then flip the sign for positive amounts. The
   * digits of fen are the integer digits followed by exactly @shift
   * decimals, padded with zeros. */
  for (gsize i = 0; i < int_len + shift && !overflow; i++)
    {
      int digit;

      if (i < int_len)
        digit = int_digits[i] - '0';
      else if (i - int_len < frac_len)
        digit = frac_digits[i - int_len] - '0';
      else
        digit = 0;

      overflow = __builtin_mul_overflow (value, 10, &value) ||
                 __builtin_sub_overflow (value, digit, &value);
    }

  if (!overflow && !negative)
    {
      if (value == G_MININT64)
        overflow = TRUE;
      else
        value = -value;
    }

  if (overflow)
    {
      g_autofree char *quoted = collab_error_quote (text);

      g_set_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW,
                   /* Translators: %s is the text, quoted. */
                   _("%s: the amount is outside what a signed 64-bit count of "
                     "fen holds (-92233720368547758.08 to 92233720368547758.07 "
                     "yuan)"),
                   quoted);
      return FALSE;
    }

  if (fen != NULL)
    *fen = value;
  return TRUE;
}

/**
 * collab_money_from_yuan:
 * @yuan: a whole number of yuan
 * @fen: (out) (optional): where to store the amount, in fen
 * @error: return location for a #GError, or `NULL`
 *
 * Converts whole yuan (the JSON integer form of an amount) to fen.
 *
 * Fails with %COLLAB_VALUE_ERROR_OVERFLOW when the amount does not fit a
 * #gint64 count of fen; @fen is then left unchanged.
 *
 * Returns: `TRUE` on success, `FALSE` with @error set on overflow
 */
gboolean
collab_money_from_yuan (gint64   yuan,
                        gint64  *fen,
                        GError **error)
{
  gint64 value;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (__builtin_mul_overflow (yuan, COLLAB_FEN_PER_YUAN, &value))
    {
      g_set_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW,
                   /* Translators: %lld is a whole number of yuan. */
                   _("%lld yuan is outside what a signed 64-bit "
                     "count of fen holds (-92233720368547758.08 to "
                     "92233720368547758.07 yuan)"),
                   (long long) yuan);
      return FALSE;
    }

  if (fen != NULL)
    *fen = value;
  return TRUE;
}

/**
 * collab_money_format:
 * @fen: an amount, in fen
 *
 * Writes an amount in the canonical form of the dataset document: yuan with
 * exactly two decimals and a `-` for a negative amount, such as
 * `"19200000.00"` or `"-0.05"`. [func@Collab.money_parse] reads it back to
 * the same amount.
 *
 * Returns: (transfer full): the amount as text
 */
char *
collab_money_format (gint64 fen)
{
  guint64 mag = magnitude (fen);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          fen < 0 ? "-" : "",
                          mag / COLLAB_FEN_PER_YUAN,
                          (guint) (mag % COLLAB_FEN_PER_YUAN));
}

/**
 * collab_money_format_in:
 * @fen: an amount, in fen
 * @unit: the unit to write the amount in
 *
 * Writes an amount exactly in the given unit, the way the source documents
 * do: as many decimals as needed and no trailing zeros, then the unit
 * (`元`, `万` or `亿`). 1920000000 fen in %COLLAB_MONEY_UNIT_WAN is
 * `"1920万"`, 14700000000 fen in %COLLAB_MONEY_UNIT_YI is `"1.47亿"`, 150
 * fen in %COLLAB_MONEY_UNIT_YUAN is `"1.5元"`, and 0 is `"0万"`.
 * [func@Collab.money_parse] reads it back to the same amount.
 *
 * Returns: (transfer full): the amount as text
 */
char *
collab_money_format_in (gint64          fen,
                        CollabMoneyUnit unit)
{
  guint64 mag = magnitude (fen);
  guint64 divisor;
  const char *suffix;
  guint decimals;
  guint64 whole;
  guint64 part;
  char frac[16];
  gsize len;

  switch (unit)
    {
    case COLLAB_MONEY_UNIT_YUAN:
      divisor = COLLAB_FEN_PER_YUAN;
      decimals = 2;
      suffix = "元";
      break;
    case COLLAB_MONEY_UNIT_WAN:
      divisor = FEN_PER_WAN;
      decimals = 6;
      suffix = "万";
      break;
    case COLLAB_MONEY_UNIT_YI:
      divisor = FEN_PER_YI;
      decimals = 10;
      suffix = "亿";
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  whole = mag / divisor;
  part = mag % divisor;

  if (part == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s",
                            fen < 0 ? "-" : "", whole, suffix);

  g_snprintf (frac, sizeof frac, "%0*" G_GUINT64_FORMAT, (int) decimals, part);
  len = strlen (frac);
  while (len > 0 && frac[len - 1] == '0')
    frac[--len] = '\0';

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%s%s",
                          fen < 0 ? "-" : "", whole, frac, suffix);
}

/**
 * collab_money_format_readable:
 * @fen: an amount, in fen
 *
 * Writes an amount exactly, in the largest unit it reaches: 亿 from one
 * 亿元 up, 万 from one 万元 up, else 元 (the sign does not matter). See
 * [func@Collab.money_format_in].
 *
 * Returns: (transfer full): the amount as text, such as `"1.47亿"`,
 *   `"1920万"` or `"3500元"`
 */
char *
collab_money_format_readable (gint64 fen)
{
  guint64 mag = magnitude (fen);
  CollabMoneyUnit unit;

  if (mag >= FEN_PER_YI)
    unit = COLLAB_MONEY_UNIT_YI;
  else if (mag >= FEN_PER_WAN)
    unit = COLLAB_MONEY_UNIT_WAN;
  else
    unit = COLLAB_MONEY_UNIT_YUAN;

  return collab_money_format_in (fen, unit);
}

/**
 * collab_money_add:
 * @a: an amount, in fen
 * @b: an amount, in fen
 * @sum: (out) (optional): where to store @a + @b
 *
 * Adds two amounts, checking for overflow. On overflow @sum is left
 * unchanged.
 *
 * Returns: `TRUE` if the sum fits a #gint64 count of fen, `FALSE` if it
 *   overflows
 */
gboolean
collab_money_add (gint64  a,
                  gint64  b,
                  gint64 *sum)
{
  gint64 result;

  if (__builtin_add_overflow (a, b, &result))
    return FALSE;

  if (sum != NULL)
    *sum = result;
  return TRUE;
}
