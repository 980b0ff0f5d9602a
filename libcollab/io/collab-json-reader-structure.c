/* collab-json-reader-structure.c: objects, arrays and member names
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The document's own structure is at most top > records > record >
 * array > sub-record > list, and each level the reader is in is a Frame:
 * the document object, an array of records of one kind, a record being
 * filled in place (in the store's scratch or in its owner), an array of
 * flags or references, an array of sub-records. The callbacks for the
 * starts and ends of objects and arrays push and pop them, and a record
 * that ends is checked and handed to the store or to its owner.
 *
 * Member names are matched where yajl has them, against the field that
 * came next last time first (FieldHints): one memcmp() for most of the
 * ten million members of a million records. The yajl callback table is
 * here too; the scalar callbacks are in collab-json-reader-values.c.
 */

#include <string.h>

#include "types/collab-error-private.h"
#include "collab-json-reader-private.h"
#include "model/collab-validate-private.h"

/* Marks a top-level member this library reads, as opposed to one it keeps. */
static const CollabField top_member = { "", COLLAB_FIELD_OBJECT, 0, 0, NULL, 0, NULL };

/* Frames ------------------------------------------------------------------- */

static Frame *
push_frame (Reader    *reader,
            FrameType  type)
{
  Frame *frame;

  /* The document's own structure is at most top > records > record >
   * array > sub-record > list: anything deeper is captured, not framed. */
  g_assert (reader->depth + 1 < MAX_FRAMES);
  reader->depth++;
  if (reader->frames[reader->depth] == NULL)
    reader->frames[reader->depth] = g_new0 (Frame, 1);

  frame = reader->frames[reader->depth];
  frame->type = type;
  frame->schema = NULL;
  frame->record = NULL;
  frame->field = NULL;
  frame->seen = 0;
  frame->hints = NULL;
  frame->after = 0;
  frame->position = 0;
  g_clear_pointer (&frame->key, g_free);
  g_clear_pointer (&frame->items, g_array_unref);

  return frame;
}

static void
pop_frame (Reader *reader)
{
  Frame *frame = top_frame (reader);

  g_clear_pointer (&frame->key, g_free);
  g_clear_pointer (&frame->items, g_array_unref);
  reader->depth--;
}

static FieldHints *
hints_for (Reader             *reader,
           const CollabSchema *schema)
{
  FieldHints *hints;

  if (reader->n_hints > 0 && reader->last_hints->schema == schema)
    return reader->last_hints;
  for (guint i = 0; i < reader->n_hints; i++)
    if (reader->hints[i].schema == schema)
      return reader->last_hints = &reader->hints[i];

  if (reader->n_hints == MAX_HINTED_SCHEMAS || schema->n_fields > 32)
    return NULL;
  for (guint i = 0; i < schema->n_fields; i++)
    if (strlen (schema->fields[i].name) >= G_MAXUINT8)
      return NULL;

  /* No guess yet: field i + 1 after field i. */
  hints = &reader->hints[reader->n_hints++];
  hints->schema = schema;
  for (guint i = 0; i <= schema->n_fields; i++)
    hints->next[i] = (guint8) (i < schema->n_fields ? i : 0);
  hints->required = 0;
  for (guint i = 0; i < schema->n_fields; i++)
    {
      hints->len[i] = (guint8) strlen (schema->fields[i].name);
      if (schema->fields[i].flags & COLLAB_FIELD_REQUIRED)
        hints->required |= 1u << i;
    }
  return reader->last_hints = hints;
}

static Frame *
push_record (Reader             *reader,
             const CollabSchema *schema,
             CollabRecordKind    kind,
             gpointer            record)
{
  Frame *frame = push_frame (reader, FRAME_RECORD);

  frame->schema = schema;
  frame->kind = kind;
  frame->hints = hints_for (reader, schema);
  if (record == NULL)
    {
      g_assert (schema->record_size <= SCRATCH_SIZE);
      memset (frame->scratch, 0, schema->record_size);
      record = frame->scratch;
    }
  frame->record = record;
  return frame;
}

/* Structure ---------------------------------------------------------------- */

/* "format" or "version" given an object or an array: the same errors as
 * for a wrong scalar there. */
static gboolean
misplaced_container (Reader     *reader,
                     const char *key,
                     gboolean    array)
{
  if (strcmp (key, "format") == 0)
    return reader_fail (reader, COLLAB_DATASET_ERROR_FORMAT,
                        /* Translators: %s is the word the member "format" must have. */
                        array ? _("expected \"%s\", found an array") : _("expected \"%s\", found an object"),
                        COLLAB_DATASET_FORMAT);
  return reader_fail (reader, COLLAB_DATASET_ERROR_TYPE,
                      array ? _("expected the integer 1, found an array") : _("expected the integer 1, found an object"));
}

static int
on_start_map (void *ctx)
{
  Reader *reader = ctx;
  Frame *frame;

  if (is_capturing (reader))
    {
      JsonNode *node = json_node_init_object (json_node_alloc (), json_object_new ());
      json_object_unref (json_node_get_object (node));
      return reader_capture_open (reader, node);
    }

  if (reader->depth < 0)
    {
      push_frame (reader, FRAME_TOP);
      return TRUE;
    }

  frame = top_frame (reader);
  switch (frame->type)
    {
    case FRAME_TOP:
      if (strcmp (frame->key, "format") == 0 || strcmp (frame->key, "version") == 0)
        return misplaced_container (reader, frame->key, FALSE);
      return reader_fail (reader, COLLAB_DATASET_ERROR_TYPE,
                          /* Translators: %s is a member of the document, in English,
                           * such as "regions". */
                          _("expected an array of %s, found an object"), frame->key);

    case FRAME_RECORDS:
      push_record (reader, frame->schema, frame->kind, NULL);
      return TRUE;

    case FRAME_SUBARRAY:
      push_record (reader, frame->schema, frame->kind, NULL);
      return TRUE;

    case FRAME_LIST:
      return reader_fail (reader, COLLAB_DATASET_ERROR_TYPE, _("expected a string, found an object"));

    case FRAME_RECORD:
      if (frame->field == NULL)
        return reader_fail (reader, COLLAB_DATASET_ERROR_TYPE, "internal: no field");
      if (frame->field->type != COLLAB_FIELD_OBJECT)
        {
          return reader_fail (reader, COLLAB_DATASET_ERROR_TYPE,
                              frame->field->type == COLLAB_FIELD_ARRAY ? _("expected an array, found an object")
                                                                       : _("expected a single value, found an object"));
        }
      push_record (reader, frame->field->sub, frame->kind, COLLAB_FIELD_PTR (frame->record, frame->field));
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* The field of @frame's schema named @key, or -1. The guess from the
 * order met so far is tried first; a name that matches is known to be
 * valid UTF-8 without NUL. */
static int
match_field (Frame      *frame,
             const char *key,
             gsize       len)
{
  const CollabSchema *schema = frame->schema;
  FieldHints *hints = frame->hints;
  guint i;

  if (hints == NULL)
    {
      for (i = 0; i < schema->n_fields; i++)
        if (strlen (schema->fields[i].name) == len && memcmp (schema->fields[i].name, key, len) == 0)
          return (int) i;
      return -1;
    }

  i = hints->next[frame->after];
  if (i < schema->n_fields && hints->len[i] == len && memcmp (schema->fields[i].name, key, len) == 0)
    goto found;
  for (i = 0; i < schema->n_fields; i++)
    if (hints->len[i] == len && memcmp (schema->fields[i].name, key, len) == 0)
      goto found;
  return -1;

found:
  hints->next[frame->after] = (guint8) i;
  frame->after = i + 1;
  return (int) i;
}

static int map_key_copied (Reader              *reader,
                           const unsigned char *key,
                           size_t               len);

static int
on_map_key (void                *ctx,
            const unsigned char *key,
            size_t               len)
{
  Reader *reader = ctx;
  Frame *frame;
  int i;

  /* The common case, without a copy: a field of a record. */
  if (reader->capture_depth > 0 || reader->depth < 0)
    return map_key_copied (reader, key, len);
  frame = top_frame (reader);
  if (frame->type != FRAME_RECORD || (i = match_field (frame, (const char *) key, len)) < 0)
    return map_key_copied (reader, key, len);

  g_clear_pointer (&frame->key, g_free);
  frame->field = &frame->schema->fields[i];
  if (frame->seen & (1u << i))
    return reader_member_twice (reader, frame->field->name);
  frame->seen |= 1u << i;
  return TRUE;
}

/* Any other member name: of the document, of a value being kept, or one
 * that a record does not know. */
static int
map_key_copied (Reader              *reader,
                const unsigned char *key,
                size_t               len)
{
  g_autofree char *name = NULL;
  Frame *frame;

  if (memchr (key, '\0', len) != NULL)
    return reader_fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, _("a member name cannot hold a NUL character"));
  if (!g_utf8_validate_len ((const char *) key, len, NULL))
    return reader_fail (reader, COLLAB_DATASET_ERROR_SYNTAX, _("a member name is not valid UTF-8"));

  name = g_strndup ((const char *) key, len);
  if (reader->capture_depth > 0)
    return reader_capture_key (reader, name);

  frame = top_frame (reader);
  g_assert (frame->type == FRAME_TOP || frame->type == FRAME_RECORD);

  if (frame->type == FRAME_TOP)
    {
      CollabRecordKind kind;

      frame->key = g_steal_pointer (&name);
      frame->field = NULL;
      if (collab_schema_kind_from_member (frame->key, &kind) ||
          strcmp (frame->key, "format") == 0 || strcmp (frame->key, "version") == 0)
        frame->field = &top_member;
      if (collab_schema_kind_from_member (frame->key, &kind))
        {
          if (reader->seen_kinds & (1u << kind))
            return reader_member_twice (reader, frame->key);
          reader->seen_kinds |= 1u << kind;
        }
      else if ((strcmp (frame->key, "format") == 0 && reader->seen_format) ||
               (strcmp (frame->key, "version") == 0 && reader->seen_version) ||
               (frame->field == NULL && !g_hash_table_add (reader->extra_read, g_strdup (frame->key))))
        return reader_member_twice (reader, frame->key);
      return TRUE;
    }
  else
    {
      /* A member this library does not know: its name is kept with it. */
      CollabRecordHeader *header = frame->record;

      frame->key = g_steal_pointer (&name);
      frame->field = NULL;
      if (header->extra != NULL && json_object_has_member (header->extra, frame->key))
        return reader_member_twice (reader, frame->key);
      return TRUE;
    }
}

static gboolean
finish_record (Reader *reader,
               Frame  *frame)
{
  const CollabSchema *schema = frame->schema;
  CollabRecordHeader *header = frame->record;
  g_autoptr(GError) error = NULL;
  const char *field_name = NULL;

  if (frame->hints == NULL || (frame->hints->required & ~header->present) != 0)
    for (guint i = 0; i < schema->n_fields; i++)
      if ((schema->fields[i].flags & COLLAB_FIELD_REQUIRED) && !COLLAB_RECORD_PRESENT (header, i))
        {
          /* English says "an investment", "an open period": the article
           * goes with the kind's English name, whatever the language. */
          if (strchr ("aeiou", schema->singular[0]) != NULL)
            return reader_fail (reader, COLLAB_DATASET_ERROR_MISSING_MEMBER,
                                /* Translators: the first %s is the kind of record, translated,
                                 * such as "investment"; the second the name of the member, in
                                 * English, such as "county". */
                                _("an %s needs the member \"%s\""), _(schema->singular), schema->fields[i].name);
          return reader_fail (reader, COLLAB_DATASET_ERROR_MISSING_MEMBER,
                              /* Translators: the first %s is the kind of record, translated,
                               * such as "dispatch"; the second the name of the member, in
                               * English, such as "planned_end". */
                              _("a %s needs the member \"%s\""), _(schema->singular), schema->fields[i].name);
        }

  if (!collab_validate_record (schema, header, &field_name, &error))
    {
      frame->key = g_strdup (field_name);
      return reader_fail (reader, error->code, "%s", error->message);
    }

  return TRUE;
}

static int
on_end_map (void *ctx)
{
  Reader *reader = ctx;
  Frame *frame, *owner;

  if (reader->capture_depth > 0)
    return reader_capture_close (reader);

  frame = top_frame (reader);
  if (frame->type == FRAME_TOP)
    {
      if (!reader->seen_format)
        return reader_fail (reader, COLLAB_DATASET_ERROR_FORMAT,
                            /* Translators: %s is the word the member "format" must have. */
                            _("missing \"format\": \"%s\""), COLLAB_DATASET_FORMAT);
      if (!reader->seen_version)
        return reader_fail (reader, COLLAB_DATASET_ERROR_VERSION, _("missing \"version\""));
      pop_frame (reader);
      return TRUE;
    }

  g_assert (frame->type == FRAME_RECORD);
  if (!finish_record (reader, frame))
    return FALSE;

  owner = reader->frames[reader->depth - 1];
  if (owner->type == FRAME_RECORDS)
    {
      CollabRecordHeader *header = frame->record;
      guint first;

      if (collab_store_count (reader->store, owner->kind) > COLLAB_REF_MAX_INDEX &&
          !(header->id != NULL && collab_store_lookup (reader->store, owner->kind, header->id, NULL)))
        return reader_fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, _("too many records of one kind"));
      if (collab_store_append_unique (reader->store, owner->kind, frame->record, &first) == NULL)
        {
          g_autofree char *id = collab_error_cut (header->id);

          frame->key = g_strdup ("id");
          return reader_fail (reader, COLLAB_DATASET_ERROR_DUPLICATE_ID,
                              /* Translators: the kind of record, translated, such as
                               * "region"; the id, as the document has it; then the
                               * JSON path of the record that has it, as $.regions[3]. */
                              _("the %s id \"%s\" is already used by $.%s[%u]"),
                              _(owner->schema->singular), id, owner->schema->member, first);
        }
      owner->position++;
    }
  else if (owner->type == FRAME_SUBARRAY)
    {
      g_array_append_vals (owner->items, frame->record, 1);
      owner->position++;
    }
  else
    {
      /* An inline sub-record: it was filled in place. */
      g_assert (owner->type == FRAME_RECORD);
      pop_frame (reader);
      mark_present (owner);
      return TRUE;
    }

  /* The record's contents now belong to the store or the array. */
  frame->record = NULL;
  pop_frame (reader);
  return TRUE;
}

static int
on_start_array (void *ctx)
{
  Reader *reader = ctx;
  Frame *frame, *list;

  if (is_capturing (reader))
    {
      JsonNode *node = json_node_init_array (json_node_alloc (), json_array_new ());
      json_array_unref (json_node_get_array (node));
      return reader_capture_open (reader, node);
    }

  if (reader->depth < 0)
    return reader_fail (reader, COLLAB_DATASET_ERROR_FORMAT, _("expected a JSON object, found an array"));

  frame = top_frame (reader);
  switch (frame->type)
    {
    case FRAME_TOP:
      {
        CollabRecordKind kind;

        /* Only "format" and "version" are framed without being a kind. */
        if (!collab_schema_kind_from_member (frame->key, &kind))
          return misplaced_container (reader, frame->key, TRUE);
        list = push_frame (reader, FRAME_RECORDS);
        list->kind = kind;
        list->schema = collab_schema_for_kind (kind);
        return TRUE;
      }

    case FRAME_RECORD:
      switch (frame->field->type)
        {
        case COLLAB_FIELD_FLAGS:
        case COLLAB_FIELD_ENUM_LIST:
          list = push_frame (reader, FRAME_LIST);
          list->items = g_array_sized_new (FALSE, TRUE, sizeof (guint), 1);
          g_array_set_size (list->items, 1);
          return TRUE;

        case COLLAB_FIELD_REF_LIST:
          list = push_frame (reader, FRAME_LIST);
          list->items = g_array_new (FALSE, FALSE, sizeof (CollabRef));
          return TRUE;

        case COLLAB_FIELD_ARRAY:
          {
            const CollabSchema *sub = frame->field->sub;
            CollabRecordKind kind = frame->kind;

            list = push_frame (reader, FRAME_SUBARRAY);
            list->schema = sub;
            list->kind = kind;
            list->items = g_array_new (FALSE, TRUE, sub->record_size);
            return TRUE;
          }

        case COLLAB_FIELD_ID:
        case COLLAB_FIELD_STRING:
        case COLLAB_FIELD_ENUM:
        case COLLAB_FIELD_REF:
        case COLLAB_FIELD_DATE:
        case COLLAB_FIELD_AMOUNT:
        case COLLAB_FIELD_INT:
        case COLLAB_FIELD_YEAR:
        case COLLAB_FIELD_BOOL:
        case COLLAB_FIELD_OBJECT:
        default:
          return reader_fail (reader, COLLAB_DATASET_ERROR_TYPE,
                              frame->field->type == COLLAB_FIELD_OBJECT ? _("expected an object, found an array")
                                                                        : _("expected a single value, found an array"));
        }

    case FRAME_RECORDS:
    case FRAME_SUBARRAY:
      return reader_fail (reader, COLLAB_DATASET_ERROR_TYPE,
                          /* Translators: %s is the kind of record, translated, such as "region". */
                          _("expected a %s object, found an array"), _(frame->schema->singular));

    case FRAME_LIST:
      return reader_fail (reader, COLLAB_DATASET_ERROR_TYPE, _("expected a string, found an array"));

    default:
      g_assert_not_reached ();
    }
}

static int
on_end_array (void *ctx)
{
  Reader *reader = ctx;
  Frame *frame, *owner;

  if (reader->capture_depth > 0)
    return reader_capture_close (reader);

  frame = top_frame (reader);
  owner = reader->frames[reader->depth - 1];
  switch (frame->type)
    {
    case FRAME_RECORDS:
      reader->closed_kinds |= 1u << frame->kind;
      pop_frame (reader);
      g_clear_pointer (&owner->key, g_free);
      owner->field = NULL;
      return TRUE;

    case FRAME_LIST:
      {
        gpointer slot = COLLAB_FIELD_PTR (owner->record, owner->field);

        if (owner->field->type == COLLAB_FIELD_FLAGS)
          *(guint8 *) slot = (guint8) g_array_index (frame->items, guint, 0);
        else if (owner->field->type == COLLAB_FIELD_ENUM_LIST)
          *(CollabEnumList *) slot = g_array_index (frame->items, guint, 0);
        else
          {
            CollabRefList *list = slot;

            list->n = frame->items->len;
            list->refs = (CollabRef *) (void *) g_array_free (g_steal_pointer (&frame->items),
                                                             frame->items == NULL && list->n == 0);
          }
        pop_frame (reader);
        mark_present (owner);
        return TRUE;
      }

    case FRAME_SUBARRAY:
      {
        CollabSubArray *array = COLLAB_FIELD_PTR (owner->record, owner->field);

        array->n = frame->items->len;
        array->items = g_array_free (g_steal_pointer (&frame->items), FALSE);
        pop_frame (reader);
        mark_present (owner);
        return TRUE;
      }

    case FRAME_TOP:
    case FRAME_RECORD:
    default:
      g_assert_not_reached ();
    }
}

const yajl_callbacks reader_callbacks = {
  reader_on_null,
  reader_on_boolean,
  NULL,
  NULL,
  reader_on_number,
  reader_on_string,
  on_start_map,
  on_map_key,
  on_end_map,
  on_start_array,
  on_end_array,
};
