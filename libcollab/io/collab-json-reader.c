/* collab-json-reader.c: the dataset document, read as a stream
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The document is parsed with yajl's event (SAX) interface straight into
 * the record structs of a new store: no tree of the whole document is ever
 * built. A million dispatches load in a fraction of the time and memory a
 * json-glib DOM takes (doc/design.md has the measurements).
 *
 * yajl also closes the holes json-glib 1.6 leaves open: its parser keeps
 * an explicit stack instead of recursing, and it rejects `0012` and
 * `0x10`. What it leaves to us, we do here: numbers are converted here
 * (integers beyond int64 are errors, never wrapped values, and neither
 * depends on LC_NUMERIC), duplicate member names are errors, and values
 * this library does not know are kept as JsonNodes only down to
 * COLLAB_JSON_MAX_DEPTH levels.
 *
 * A reference to a record already read is resolved at once; one that may
 * name a record still to come is recorded by name and resolved in one
 * pass at the end, which is also where a dangling one is reported with
 * its JSON path.
 *
 * The text comes whole (collab_json_read_into()) or a chunk at a time from
 * a file (collab_json_read_file_into()), with the same messages: lines and
 * columns are counted as the chunks go by.
 *
 * The hot path is per member and per value, ten million of each for a
 * million records: member names are matched where yajl has them, against
 * the field that came next last time first; dates, amounts and enum nicks
 * are read without a copy or an allocation.
 *
 * The reader is spread over the files that collab-json-reader-private.h
 * lists; this one holds the Reader's life: it is set up with the yajl
 * callbacks, references still pending are resolved at the end, and what a
 * failed load leaves half-built is freed and the store taken back.
 */

#include "collab-json-reader-private.h"
#include "model/collab-validate-private.h"
#include "types/collab-error-private.h"

/* Resolution --------------------------------------------------------------- */

static gboolean
resolve_ref (CollabRecordKind   kind,
             guint              index,
             const CollabField *field,
             guint              position,
             CollabRef         *ref,
             gpointer           user_data)
{
  Reader *reader = user_data;
  const char *name;
  CollabRef found;

  /* Most were resolved while reading. */
  if (*ref == COLLAB_REF_NONE || COLLAB_REF_KIND (*ref) != PENDING_KIND)
    return TRUE;

  name = g_ptr_array_index (reader->pending, COLLAB_REF_INDEX (*ref));
  found = collab_store_find_ref (reader->store, field->ref_kinds, name);
  if (found == COLLAB_REF_NONE)
    {
      g_autoptr(GString) kinds = g_string_new (NULL);
      g_autoptr(GString) place = g_string_new (NULL);
      g_autoptr(GString) member = g_string_new (NULL);
      g_autofree char *cut = collab_error_cut (name);
      g_autofree char *message = NULL;

      collab_store_append_member (member, kind, field, position);
      for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
        if (field->ref_kinds & (1u << k))
          g_string_append_printf (kinds, "%s%s",
                                  /* Translators: what joins two kinds of records in
                                   * "no region or organization has the id ...". */
                                  kinds->len > 0 ? _(" or ") : "", _(collab_schema_kind_name (k)));

      /* Translators: the first %s is a kind of record, translated (or
       * two, joined by " or "), the second the id that names none. */
      message = g_strdup_printf (_("no %s has the id \"%s\""), kinds->str, cut);
      collab_store_append_place (place, reader->store, kind, index, reader->starts[kind]);
      g_set_error (&reader->error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                   "%s: %s.%s: %s", reader->filename, place->str, member->str, message);
      return FALSE;
    }

  *ref = found;
  return TRUE;
}

/* Set up and torn down ----------------------------------------------------- */

void
reader_init (Reader       *reader,
             CollabStore  *store,
             guint        *lengths,
             const char   *filename)
{
  collab_store_get_lengths (store, lengths);
  reader->store = store;
  reader->starts = lengths;
  reader->filename = filename != NULL ? filename : "<data>";
  reader->depth = -1;
  reader->extra_before = store->extra != NULL ? json_object_get_size (store->extra) : 0;
  reader->pending_names = g_string_chunk_new (16 * 1024);
  reader->pending = g_ptr_array_new ();
  reader->extra_read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->yajl = yajl_alloc (&reader_callbacks, NULL, reader);
}

/* Resolves what is left, checks the records against each other, frees the
 * reader, and on failure takes the store back to @lengths. */
gboolean
reader_finish (Reader       *reader,
               guint        *lengths,
               GError      **error)
{
  CollabStore *store = reader->store;
  gboolean ok = FALSE;

  if (reader->error == NULL &&
      (reader->pending->len == 0 || collab_store_foreach_ref_from (store, lengths, resolve_ref, reader)) &&
      collab_validate_store (store, lengths, reader->filename, &reader->error))
    {
      collab_store_derive (store);
      ok = TRUE;
    }

  /* Whatever a failed parse left half-built goes now. */
  while (reader->capture_depth > 0)
    {
      reader->capture_depth--;
      json_node_unref (reader->capture_stack[reader->capture_depth]);
      g_free (reader->capture_keys[reader->capture_depth]);
    }
  for (int i = 0; i < MAX_FRAMES; i++)
    if (reader->frames[i] != NULL)
      {
        Frame *frame = reader->frames[i];

        if (i <= reader->depth && frame->type == FRAME_RECORD && frame->record == frame->scratch)
          collab_store_free_record (frame->schema, frame->record);
        /* Sub-records read before the error hold kept members of their own. */
        if (i <= reader->depth && frame->type == FRAME_SUBARRAY && frame->items != NULL)
          for (guint j = 0; j < frame->items->len; j++)
            collab_store_free_record (frame->schema, frame->items->data + (gsize) j * frame->schema->record_size);
        g_free (frame->key);
        if (frame->items != NULL)
          g_array_unref (frame->items);
        g_free (frame);
      }
  yajl_free (reader->yajl);
  g_ptr_array_unref (reader->pending);
  g_hash_table_unref (reader->extra_read);
  g_string_chunk_free (reader->pending_names);

  if (!ok)
    {
      collab_store_truncate (store, lengths, reader->extra_before);
      g_propagate_error (error, reader->error);
    }

  return ok;
}
