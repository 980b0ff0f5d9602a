/* collab-rule-counts.c: parameters that are counts by name
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A counts parameter (COLLAB_RULE_PARAM_COUNTS) maps names to
 * non-negative counts, such as the events of each kind that event.annual
 * asks for a year: {"joint_meeting": 1, "visit": 1}. Its names are the
 * nicks of an enumeration, so that a misspelt kind is an error rather
 * than a count nobody checks. A rule set document and the setters both
 * come here, and both keep the map sorted by name: one value has one
 * form, and a set saved and loaded again is the same text.
 */

#include <string.h>

#include "collab-rule-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

gboolean
collab_rule_counts_check_name (const CollabRuleParam *param,
                               const char            *name,
                               char                 **problem)
{
  GEnumClass *klass;
  g_autoptr(GString) nicks = NULL;
  gboolean known;

  if (param->names == NULL)
    return TRUE;

  klass = g_type_class_ref (param->names ());
  known = g_enum_get_value_by_nick (klass, name) != NULL;
  if (!known)
    {
      g_autofree char *shown = collab_error_cut (name);

      nicks = g_string_new (NULL);
      for (guint i = 0; i < klass->n_values; i++)
        /* Translators: what separates the names of a list, such as
         * "\"months\", \"count\"". */
        g_string_append_printf (nicks, "%s%s", i > 0 ? _(", ") : "", klass->values[i].value_nick);
      /* Translators: a name the document gives, then the names it may
       * be, such as "joint_meeting, visit, park_meeting"; both stay in
       * English. */
      *problem = g_strdup_printf (_("\"%s\" is not one of %s"), shown, nicks->str);
    }
  g_type_class_unref (klass);
  return known;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GVariant *
collab_rule_counts_normalize (const CollabRuleParam *param,
                              GVariant              *value,
                              char                 **problem)
{
  /* Copies: a name borrowed with "&s" from an iterator's child need not
   * outlive the child. */
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GVariantBuilder builder;
  GVariantIter iter;
  char *name;
  gint64 count;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "{sx}", &name, &count))
    {
      g_ptr_array_add (names, name);
      if (!collab_rule_counts_check_name (param, name, problem))
        return NULL;
      if (count < 0)
        {
          g_autofree char *shown = collab_error_cut (name);

          /* Translators: a name of a count, such as "visit". */
          *problem = g_strdup_printf (_("the count of \"%s\" is negative"), shown);
          return NULL;
        }
      if (count > COLLAB_RULE_COUNT_MAX)
        {
          g_autofree char *shown = collab_error_cut (name);

          /* Translators: a name of a count, such as "visit"; 100000000 is
           * the largest count a rule set may give. */
          *problem = g_strdup_printf (_("the count of \"%s\" is above 100000000, more than a rule set may ask for"),
                                      shown);
          return NULL;
        }
      if (g_hash_table_contains (counts, name))
        {
          g_autofree char *shown = collab_error_cut (name);

          /* Translators: a name of a count, such as "visit". */
          *problem = g_strdup_printf (_("\"%s\" appears twice"), shown);
          return NULL;
        }
      g_hash_table_insert (counts, name, GINT_TO_POINTER (0));
    }

  g_ptr_array_sort (names, compare_names);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sx}"));
  for (guint i = 0; i < names->len; i++)
    {
      g_variant_lookup (value, g_ptr_array_index (names, i), "x", &count);
      g_variant_builder_add (&builder, "{sx}", (const char *) g_ptr_array_index (names, i), count);
    }
  return g_variant_builder_end (&builder);
}

guint
collab_rule_counts_get (GVariant   *counts,
                        const char *name)
{
  gint64 count = 0;

  if (!g_variant_lookup (counts, name, "x", &count))
    return 0;
  return (guint) CLAMP (count, 0, G_MAXUINT);
}
