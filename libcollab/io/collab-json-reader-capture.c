/* collab-json-reader-capture.c: the values this library does not know
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A member that neither the document nor a record's schema names is not
 * an error: its value is kept as a JsonNode, in the dataset's or the
 * record's `extra`, and written back on save. Such a value is built here
 * from the same events that fill the records, down to
 * COLLAB_JSON_MAX_DEPTH levels (yajl itself keeps an explicit stack, so
 * nothing recurses), with duplicate member names turned away as they are
 * elsewhere.
 *
 * Only such a value comes here: of the per-value path, all this file
 * costs a known field is the test of whether a value is captured
 * (is_capturing(), inline in collab-json-reader-private.h).
 */

#include "collab-json-reader-private.h"

gboolean
reader_capture_add (Reader   *reader,
                    JsonNode *node)
{
  Frame *frame;

  if (reader->capture_depth > 0)
    {
      JsonNode *parent = reader->capture_stack[reader->capture_depth - 1];

      if (JSON_NODE_HOLDS_ARRAY (parent))
        json_array_add_element (json_node_get_array (parent), node);
      else
        {
          JsonObject *object = json_node_get_object (parent);
          char *key = reader->capture_keys[reader->capture_depth - 1];

          /* The key was checked for duplicates when it was read. */
          json_object_set_member (object, key, node);
          g_clear_pointer (&reader->capture_keys[reader->capture_depth - 1], g_free);
        }
      return TRUE;
    }

  /* The captured value is complete: it belongs to the member named in
   * the innermost frame. */
  frame = top_frame (reader);
  if (frame->type == FRAME_TOP)
    {
      if (reader->store->extra == NULL)
        reader->store->extra = json_object_new ();
      /* A merged document does not replace what the dataset already
       * keeps under the same name: a failed merge could not restore it. */
      if (json_object_has_member (reader->store->extra, frame->key))
        json_node_unref (node);
      else
        json_object_set_member (reader->store->extra, frame->key, node);
    }
  else
    {
      CollabRecordHeader *header = frame->record;

      g_assert (frame->type == FRAME_RECORD);
      if (header->extra == NULL)
        header->extra = json_object_new ();
      json_object_set_member (header->extra, frame->key, node);
    }
  g_clear_pointer (&frame->key, g_free);
  return TRUE;
}

gboolean
reader_capture_open (Reader   *reader,
                     JsonNode *container)
{
  if (reader->capture_depth >= COLLAB_JSON_MAX_DEPTH)
    {
      json_node_unref (container);
      return reader_fail (reader, COLLAB_DATASET_ERROR_TOO_DEEP,
                          _("values nest deeper than %d levels"), COLLAB_JSON_MAX_DEPTH);
    }

  reader->capture_stack[reader->capture_depth++] = container;
  return TRUE;
}

gboolean
reader_capture_close (Reader *reader)
{
  JsonNode *node = reader->capture_stack[--reader->capture_depth];

  reader->capture_stack[reader->capture_depth] = NULL;
  return reader_capture_add (reader, node);
}

gboolean
reader_capture_key (Reader     *reader,
                    const char *key)
{
  JsonNode *parent = reader->capture_stack[reader->capture_depth - 1];

  /* Set first, so that an error's path names the member. */
  g_free (reader->capture_keys[reader->capture_depth - 1]);
  reader->capture_keys[reader->capture_depth - 1] = g_strdup (key);

  if (json_object_has_member (json_node_get_object (parent), key))
    return reader_member_twice (reader, key);

  return TRUE;
}

JsonNode *
reader_scalar_to_node (const Scalar *value)
{
  JsonNode *node = json_node_alloc ();

  switch (value->type)
    {
    case SCALAR_NULL: return json_node_init_null (node);
    case SCALAR_BOOL: return json_node_init_boolean (node, value->boolean);
    case SCALAR_INT: return json_node_init_int (node, value->integer);
    case SCALAR_DOUBLE: return json_node_init_double (node, value->real);
    case SCALAR_STRING:
      {
        g_autofree char *text = g_strndup (value->string, value->len);
        return json_node_init_string (node, text);
      }
    default:
      g_assert_not_reached ();
    }
}
