/* collab-table-findings.c: the findings of a check as a table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Findings carry subjects whose keys depend on the rule, so the
 * columns are not known in advance: a first pass finds the subject keys
 * and what each holds (all integers, or anything else), a second appends
 * the rows through the builder.
 */

#include <libcollab/collab-enum-types.h>
#include <libcollab/collab-finding.h>

#include "collab-table-private.h"

typedef enum
{
  VALUES_NONE,      /* only nulls so far */
  VALUES_INT,       /* integers only */
  VALUES_TEXT,      /* anything else: written as text */
} ValuesKind;

/* No value, or a null (a maybe holding nothing). */
static gboolean
is_null (GVariant *value)
{
  return value == NULL || (g_variant_is_of_type (value, G_VARIANT_TYPE_MAYBE) && g_variant_n_children (value) == 0);
}

static ValuesKind
values_kind_add (ValuesKind  kind,
                 GVariant   *value)
{
  if (is_null (value))
    return kind;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return kind == VALUES_TEXT ? VALUES_TEXT : VALUES_INT;
  return VALUES_TEXT;
}

static CollabColumnType
values_column_type (ValuesKind kind)
{
  return kind == VALUES_INT ? COLLAB_COLUMN_TYPE_INT : COLLAB_COLUMN_TYPE_STRING;
}

/* Appends @value to the next column, of the type values_column_type()
 * gave: strings as they are, other values as JSON text. */
static void
append_value (CollabTableBuilder *builder,
              ValuesKind          kind,
              GVariant           *value)
{
  if (is_null (value))
    collab_table_builder_append_null (builder);
  else if (kind == VALUES_INT)
    collab_table_builder_append_int (builder, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    collab_table_builder_append_string (builder, g_variant_get_string (value, NULL));
  else
    {
      g_autoptr(JsonNode) node = json_gvariant_serialize (value);
      g_autofree char *text = json_to_string (node, FALSE);

      collab_table_builder_append_string (builder, text);
    }
}

/* The columns of a table for notebooks, or (@sheet) of a sheet for an
 * officer. A sheet is read row by row and filtered in Excel: severity
 * comes first, to filter the violations out of the rest; then the rule,
 * the subject keys (program, county, year …: what to look up in her own
 * records), the message, which says it all in her language, and expected
 * and actual, the two numbers to compare. The remedy is left out: it is
 * JSON for programs, and `collab plan` writes the 666 remedies as a
 * sheet of their own. */
static CollabTable *
findings_table (GPtrArray *findings,
                gboolean   sheet);

/**
 * collab_table_new_from_findings:
 * @findings: (element-type Collab.Finding): findings, as
 *   [method@Collab.Checker.run] gives them
 *
 * Makes a table of findings, one row per finding in order, with the
 * columns
 *
 * - `rule`, `severity` (the words `info`, `warning`, `violation`) and
 *   `message`;
 * - one column per subject key met in any finding, in the order first
 *   met (`program`, `county`, `year`, `assisting`, …; SPEC §10): int
 *   where every value is an integer (`year`), string otherwise, and
 *   missing where a finding's subject has no such key;
 * - `expected` and `actual`: int where every value of the column is an
 *   integer, otherwise string, with strings as they are and any other
 *   value as JSON text;
 * - `remedy`: what would remove the finding, as JSON text, where the
 *   library knows it.
 *
 * Returns: (transfer full): a new table
 */
CollabTable *
collab_table_new_from_findings (GPtrArray *findings)
{
  g_return_val_if_fail (findings != NULL, NULL);

  return findings_table (findings, FALSE);
}

/**
 * collab_table_new_findings_sheet:
 * @findings: (element-type Collab.Finding): findings, as
 *   [method@Collab.Checker.run] gives them
 *
 * Makes the table of findings an officer reads in a spreadsheet, one row
 * per finding in order: `severity`, `rule`, one column per subject key
 * (as in [ctor@Collab.Table.new_from_findings]), `message`, `expected`
 * and `actual`. `collab check --format csv|xlsx` writes it, with the
 * columns' labels as headers and the severities in the language of the
 * messages ([method@Collab.Table.save]).
 *
 * Returns: (transfer full): a new table
 */
CollabTable *
collab_table_new_findings_sheet (GPtrArray *findings)
{
  g_return_val_if_fail (findings != NULL, NULL);

  return findings_table (findings, TRUE);
}

static CollabTable *
findings_table (GPtrArray *findings,
                gboolean   sheet)
{
  g_autoptr(CollabTableBuilder) builder = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GArray) key_kinds = NULL;
  g_autoptr(GHashTable) key_index = NULL;
  g_autoptr(GEnumClass) severities = NULL;
  ValuesKind expected_kind = VALUES_NONE, actual_kind = VALUES_NONE, remedy_kind = VALUES_TEXT;

  /* First pass: which subject keys there are, and what they hold. */
  keys = g_ptr_array_new ();
  key_kinds = g_array_new (FALSE, FALSE, sizeof (ValuesKind));
  key_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);
      GVariantIter iter;
      const char *key;
      GVariant *value;

      g_return_val_if_fail (COLLAB_IS_FINDING (finding), NULL);

      g_variant_iter_init (&iter, collab_finding_get_subject (finding));
      while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
        {
          gpointer position;
          ValuesKind kind = VALUES_NONE;

          if (!g_hash_table_lookup_extended (key_index, key, NULL, &position))
            {
              position = GUINT_TO_POINTER (keys->len);
              g_ptr_array_add (keys, (gpointer) key);
              g_array_append_val (key_kinds, kind);
              g_hash_table_insert (key_index, (gpointer) key, position);
            }
          kind = g_array_index (key_kinds, ValuesKind, GPOINTER_TO_UINT (position));
          g_array_index (key_kinds, ValuesKind, GPOINTER_TO_UINT (position)) = values_kind_add (kind, value);
        }
      expected_kind = values_kind_add (expected_kind, collab_finding_get_expected (finding));
      actual_kind = values_kind_add (actual_kind, collab_finding_get_actual (finding));
    }

  builder = collab_table_builder_new ();
  if (sheet)
    collab_table_builder_add_enum_column (builder, "severity", COLLAB_TYPE_SEVERITY);
  collab_table_builder_add_column (builder, "rule", COLLAB_COLUMN_TYPE_STRING);
  if (!sheet)
    {
      collab_table_builder_add_enum_column (builder, "severity", COLLAB_TYPE_SEVERITY);
      collab_table_builder_add_column (builder, "message", COLLAB_COLUMN_TYPE_STRING);
    }
  for (guint k = 0; k < keys->len; k++)
    collab_table_builder_add_column (builder, keys->pdata[k],
                                     values_column_type (g_array_index (key_kinds, ValuesKind, k)));
  if (sheet)
    collab_table_builder_add_column (builder, "message", COLLAB_COLUMN_TYPE_STRING);
  collab_table_builder_add_column (builder, "expected", values_column_type (expected_kind));
  collab_table_builder_add_column (builder, "actual", values_column_type (actual_kind));
  if (!sheet)
    collab_table_builder_add_column (builder, "remedy", COLLAB_COLUMN_TYPE_STRING);

  /* Second pass: the rows. */
  severities = g_type_class_ref (COLLAB_TYPE_SEVERITY);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);
      GEnumValue *severity = g_enum_get_value (severities, collab_finding_get_severity (finding));

      const char *nick = severity != NULL ? severity->value_nick : NULL;

      if (sheet)
        collab_table_builder_append_string (builder, nick);
      collab_table_builder_append_string (builder, collab_finding_get_rule (finding));
      if (!sheet)
        {
          collab_table_builder_append_string (builder, nick);
          collab_table_builder_append_string (builder, collab_finding_get_message (finding));
        }
      for (guint k = 0; k < keys->len; k++)
        {
          g_autoptr(GVariant) value = collab_finding_get_subject_value (finding, keys->pdata[k]);

          append_value (builder, g_array_index (key_kinds, ValuesKind, k), value);
        }
      if (sheet)
        collab_table_builder_append_string (builder, collab_finding_get_message (finding));
      append_value (builder, expected_kind, collab_finding_get_expected (finding));
      append_value (builder, actual_kind, collab_finding_get_actual (finding));
      if (!sheet)
        append_value (builder, remedy_kind, collab_finding_get_remedy (finding));
    }

  return collab_table_builder_end (builder);
}
