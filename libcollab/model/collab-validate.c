/* collab-validate.c: load errors beyond the shape of the document
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <libcollab/collab-error.h>

#include "collab-validate-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

static gboolean
field_present (const CollabSchema *schema,
               gconstpointer       record,
               const char         *name)
{
  int i = collab_schema_find_field (schema, name);

  return i >= 0 && COLLAB_RECORD_PRESENT (record, i);
}

static gboolean G_GNUC_PRINTF (5, 6)
invalid (const char  **field,
         const char   *name,
         GError      **error,
         int           code,
         const char   *format,
         ...)
{
  va_list args;

  va_start (args, format);
  *field = name;
  g_set_error_literal (error, COLLAB_DATASET_ERROR, code, "");
  g_free ((*error)->message);
  (*error)->message = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

static gboolean
check_day_order (const CollabSchema  *schema,
                 gconstpointer        record,
                 CollabDay            start,
                 CollabDay            end,
                 const char          *end_name,
                 const char         **field,
                 GError             **error)
{
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  if (!field_present (schema, record, end_name) || end >= start)
    return TRUE;

  start_text = collab_day_format (start);
  end_text = collab_day_format (end);
  return invalid (field, end_name, error, COLLAB_DATASET_ERROR_INCONSISTENT,
                  /* Translators: two dates, YYYY-MM-DD: the end, then the start. */
                  _("ends on %s, before it starts on %s"), end_text, start_text);
}

/* Counts of people, positions and classes (SPEC §11.1), and the amounts
 * that cannot be negative (purchases, investments, donations, agreements,
 * fund bases: the fund rules subtract what was allocated from them). */
static gboolean
check_counts (const CollabSchema  *schema,
              gconstpointer        record,
              const char         **field,
              GError             **error)
{
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const CollabField *f = &schema->fields[i];
      gint32 value;

      if (!COLLAB_RECORD_PRESENT (record, i))
        continue;
      if (f->type == COLLAB_FIELD_AMOUNT && (f->flags & COLLAB_FIELD_COUNT) &&
          *(const gint64 *) COLLAB_FIELD_PTR (record, f) < 0)
        return invalid (field, f->name, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                        _("an amount cannot be negative"));
      if (f->type != COLLAB_FIELD_INT)
        continue;
      value = *(const gint32 *) COLLAB_FIELD_PTR (record, f);
      if ((f->flags & COLLAB_FIELD_POSITIVE) && value <= 0)
        return invalid (field, f->name, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                        /* Translators: %d is the number found. */
                        _("expected a count of at least 1, found %d"), value);
      if ((f->flags & COLLAB_FIELD_COUNT) && value < 0)
        return invalid (field, f->name, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                        /* Translators: %d is the number found. */
                        _("a count cannot be negative, found %d"), value);
    }

  return TRUE;
}

gboolean
collab_validate_record (const CollabSchema  *schema,
                        gconstpointer        record,
                        const char         **field,
                        GError             **error)
{
  if (schema == collab_schema_for_kind (COLLAB_RECORD_KIND_PROGRAM) ||
      g_strcmp0 (schema->member, "period") == 0)
    {
      /* Programs and periods both keep first_year and last_year, at
       * different offsets. */
      const CollabField *first = &schema->fields[collab_schema_find_field (schema, "first_year")];
      const CollabField *last = &schema->fields[collab_schema_find_field (schema, "last_year")];
      gint32 first_year = *(const gint32 *) COLLAB_FIELD_PTR (record, first);
      gint32 last_year = *(const gint32 *) COLLAB_FIELD_PTR (record, last);

      if (last_year < first_year)
        return invalid (field, "last_year", error, COLLAB_DATASET_ERROR_INCONSISTENT,
                        /* Translators: two years: the last, then the first. */
                        _("the period ends in %d, before it starts in %d"), last_year, first_year);
    }
  else if (schema == collab_schema_for_kind (COLLAB_RECORD_KIND_DISPATCH))
    {
      const CollabDispatchRec *dispatch = record;

      if (!check_day_order (schema, record, dispatch->start, dispatch->planned_end, "planned_end", field, error) ||
          !check_day_order (schema, record, dispatch->start, dispatch->actual_end, "actual_end", field, error))
        return FALSE;
    }
  else if (schema == collab_schema_for_kind (COLLAB_RECORD_KIND_TRANSACTION))
    {
      const CollabTransactionRec *transaction = record;
      gboolean has_from = field_present (schema, record, "from");
      gboolean has_to = field_present (schema, record, "to");

      if (transaction->amount < 0)
        return invalid (field, "amount", error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                        _("an amount cannot be negative"));
      switch ((CollabTransactionType) transaction->type)
        {
        case COLLAB_TRANSACTION_TYPE_PLAN:
        case COLLAB_TRANSACTION_TYPE_ALLOCATION:
          if (!has_to)
            return invalid (field, "to", error, COLLAB_DATASET_ERROR_MISSING_MEMBER,
                            _("a plan or an allocation needs the member \"to\""));
          break;
        case COLLAB_TRANSACTION_TYPE_TRANSFER:
          if (!has_from || !has_to)
            return invalid (field, has_from ? "to" : "from", error, COLLAB_DATASET_ERROR_MISSING_MEMBER,
                            /* Translators: %s is the member "to" or "from", in English. */
                            _("a transfer needs the member \"%s\""), has_from ? "to" : "from");
          break;
        case COLLAB_TRANSACTION_TYPE_EXPENDITURE:
          if (!has_from)
            return invalid (field, "from", error, COLLAB_DATASET_ERROR_MISSING_MEMBER,
                            _("an expenditure needs the member \"from\" (the project that spends)"));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  else if (schema == collab_schema_for_kind (COLLAB_RECORD_KIND_PROJECT))
    {
      const CollabProjectRec *project = record;
      const CollabStatusRec *steps = project->status.items;

      if (project->budget < 0)
        return invalid (field, "budget", error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                        _("a budget cannot be negative"));
      for (guint i = 1; i < project->status.n; i++)
        if (steps[i].date < steps[i - 1].date)
          return invalid (field, "status", error, COLLAB_DATASET_ERROR_INCONSISTENT,
                          /* Translators: two positions in the status history, counted from 0. */
                          _("the status history must be in date order (step %u is earlier than step %u)"),
                          i, i - 1);
    }
  else if (schema == collab_schema_for_kind (COLLAB_RECORD_KIND_REGION))
    {
      const CollabRegionRec *region = record;

      /* GB/T 2260 codes are six digits down to the county; the statistical
       * codes extend them to nine for townships and twelve for villages.
       * Functional zones have none. */
      gsize len = region->code != NULL ? strlen (region->code) : 0;

      if (region->code != NULL &&
          ((len != 6 && len != 9 && len != 12) || strspn (region->code, "0123456789") != len))
        {
          g_autofree char *code = collab_error_cut (region->code);

          return invalid (field, "code", error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                          /* Translators: %s is the code the record has. */
                          _("expected an administrative division code of 6 digits (GB/T 2260; 9 or 12 "
                            "for townships and villages), found \"%s\""), code);
        }
    }
  else if (schema == collab_schema_for_kind (COLLAB_RECORD_KIND_PLACEMENT))
    {
      const CollabPlacementRec *placement = record;

      if (!check_day_order (schema, record, placement->start, placement->end, "end", field, error))
        return FALSE;
    }
  else if (g_strcmp0 (schema->member, "open") == 0)
    {
      const CollabDayRangeRec *range = record;

      if (!check_day_order (schema, record, range->first, range->last, "last", field, error))
        return FALSE;
    }

  return check_counts (schema, record, field, error);
}

/* An error on the member @field of the record @index of @kind, the
 * document's records of that kind starting at @start. @format is a whole
 * sentence, translated, with at most one %s: @id, cut (or NULL). */
static gboolean
store_error (GError           **error,
             const char        *filename,
             const CollabStore *store,
             CollabRecordKind   kind,
             guint              index,
             guint              start,
             const char        *field,
             const char        *format,
             const char        *id)
{
  g_autoptr(GString) place = g_string_new (NULL);
  g_autofree char *cut = id != NULL ? collab_error_cut (id) : NULL;
  g_autofree char *message = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  message = g_strdup_printf (format, cut);
#pragma GCC diagnostic pop
  collab_store_append_place (place, store, kind, index, start);
  g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_INCONSISTENT,
               "%s: %s.%s: %s", filename, place->str, field, message);
  return FALSE;
}

static gboolean
validate_regions (const CollabStore  *store,
                  guint               start,
                  const char         *filename,
                  GError            **error)
{
  guint n = collab_store_count (store, COLLAB_RECORD_KIND_REGION);

  /* A chain longer than the number of regions must loop. Only new regions
   * can close a loop: old ones had parents that ended. */
  for (guint i = start; i < n; i++)
    {
      const CollabRegionRec *region = collab_store_get (store, COLLAB_RECORD_KIND_REGION, i);
      const CollabRegionRec *up = region;
      guint steps = 0;

      while (up != NULL && steps <= n)
        {
          up = collab_store_deref (store, up->parent);
          steps++;
        }
      if (up != NULL)
        return store_error (error, filename, store, COLLAB_RECORD_KIND_REGION, i, start, "parent",
                            /* Translators: %s is the id of a region. */
                            _("the region \"%s\" is its own ancestor"), region->h.id);
    }

  return TRUE;
}

static gboolean
validate_transactions (const CollabStore  *store,
                       guint               start,
                       const char         *filename,
                       GError            **error)
{
  guint n = collab_store_count (store, COLLAB_RECORD_KIND_TRANSACTION);

  for (guint i = start; i < n; i++)
    {
      const CollabTransactionRec *t = collab_store_get (store, COLLAB_RECORD_KIND_TRANSACTION, i);
      CollabRecordKind from_kind = COLLAB_REF_KIND (t->from);
      CollabRecordKind to_kind = COLLAB_REF_KIND (t->to);

      switch ((CollabTransactionType) t->type)
        {
        case COLLAB_TRANSACTION_TYPE_EXPENDITURE:
          if (from_kind != COLLAB_RECORD_KIND_PROJECT)
            return store_error (error, filename, store, COLLAB_RECORD_KIND_TRANSACTION, i, start, "from",
                                /* Translators: %s is the id of an account. */
                                _("an expenditure is made by a project, and \"%s\" is an account"),
                                collab_store_ref_id (store, t->from));
          if (t->to != COLLAB_REF_NONE)
            return store_error (error, filename, store, COLLAB_RECORD_KIND_TRANSACTION, i, start, "to",
                                _("an expenditure leaves the program: name the payee in \"payee\", not \"to\""), NULL);
          break;

        case COLLAB_TRANSACTION_TYPE_TRANSFER:
          if (from_kind != COLLAB_RECORD_KIND_ACCOUNT)
            return store_error (error, filename, store, COLLAB_RECORD_KIND_TRANSACTION, i, start, "from",
                                /* Translators: %s is the id of a project. */
                                _("a transfer is paid from an account, and \"%s\" is a project (a project spends with an expenditure)"),
                                collab_store_ref_id (store, t->from));
          if (to_kind == COLLAB_RECORD_KIND_ACCOUNT)
            {
              const CollabAccountRec *account = collab_store_deref (store, t->to);

              if (account->source)
                return store_error (error, filename, store, COLLAB_RECORD_KIND_TRANSACTION, i, start, "to",
                                    /* Translators: %s is the id of an account. */
                                    _("\"%s\" is a source account: money enters the program there and is never transferred into it"),
                                    account->h.id);
            }
          if (t->from == t->to)
            return store_error (error, filename, store, COLLAB_RECORD_KIND_TRANSACTION, i, start, "to",
                                /* Translators: %s is the id of an account. */
                                _("a transfer from \"%s\" to itself"), collab_store_ref_id (store, t->to));
          break;

        case COLLAB_TRANSACTION_TYPE_PLAN:
        case COLLAB_TRANSACTION_TYPE_ALLOCATION:
          if (to_kind != COLLAB_RECORD_KIND_ACCOUNT)
            return store_error (error, filename, store, COLLAB_RECORD_KIND_TRANSACTION, i, start, "to",
                                /* Translators: %s is the id of a project. */
                                _("a plan or an allocation is made to an account, and \"%s\" is a project"),
                                collab_store_ref_id (store, t->to));
          break;

        default:
          g_assert_not_reached ();
        }

      if (t->parent != COLLAB_REF_NONE && t->parent == COLLAB_REF (COLLAB_RECORD_KIND_TRANSACTION, i))
        return store_error (error, filename, store, COLLAB_RECORD_KIND_TRANSACTION, i, start, "parent",
                            _("a transaction cannot pass on its own money"), NULL);
    }

  return TRUE;
}

gboolean
collab_validate_store (const CollabStore  *store,
                       const guint        *starts,
                       const char         *filename,
                       GError            **error)
{
  return validate_regions (store, starts[COLLAB_RECORD_KIND_REGION], filename, error) &&
         validate_transactions (store, starts[COLLAB_RECORD_KIND_TRANSACTION], filename, error);
}
