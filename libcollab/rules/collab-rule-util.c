/* collab-rule-util.c: what several rules share: years in messages, and
 * dictionaries of numbers for expected and actual values
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What rules ask about the records themselves is in
 * model/collab-units-private.h, where the analyses and reports ask it too.
 */

#include "types/collab-day-private.h"
#include "collab-rule-private.h"

/* "2021" or "2021–2025", for messages. */
char *
collab_rule_format_years (int first_year,
                          int last_year)
{
  return collab_years_format (first_year, last_year);
}

GVariant *
collab_rule_int_dict (const char *first_key,
                      ...)
{
  GVariantBuilder builder;
  va_list args;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    g_variant_builder_add (&builder, "{sv}", key, g_variant_new_int64 (va_arg (args, gint64)));
  va_end (args);
  return g_variant_builder_end (&builder);
}
