/* collab-dataset-io.c: a dataset in and out of its document
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The methods of CollabDataset that read and write the dataset document
 * (SPEC §9): load, merge, add, save. The records themselves are model/'s;
 * these read into a store and hand it to the dataset
 * (collab_dataset_replace_store(), or collab_dataset_begin_edit() and
 * collab_dataset_end_edit() for a merge), which says ::changed.
 */

#include <string.h>

#include <libcollab/collab-dataset.h>
#include <libcollab/collab-error.h>
#include <libcollab/collab-record.h>

#include "model/collab-dataset-private.h"
#include "collab-json-file-private.h"
#include "collab-json-private.h"

/**
 * collab_dataset_new_from_file:
 * @path: (type filename): a dataset document
 * @error: return location for a #GError
 *
 * Loads a dataset document into a new dataset.
 *
 * Returns: (transfer full): the dataset, or `NULL` with @error set
 */
CollabDataset *
collab_dataset_new_from_file (const char  *path,
                              GError     **error)
{
  g_autoptr(CollabDataset) self = collab_dataset_new ();

  if (!collab_dataset_load_from_file (self, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Where a document comes from: a file, read a chunk at a time so that the
 * peak of a load is the dataset and not the file as well, or memory. */
typedef struct
{
  const char *path;    /* a file, or NULL */
  const char *data;    /* else the document */
  gsize       length;
  const char *name;    /* what messages call it */
} Source;

static gboolean
read_source (CollabStore   *store,
             const Source  *source,
             GError       **error)
{
  if (source->path != NULL)
    return collab_json_read_file_into (store, source->path, error);
  return collab_json_read_into (store, source->data, source->length, source->name, error);
}

/* A load reads into a new store and swaps it in only when the whole
 * document was good; a merge appends to the records in place, and the
 * reader takes back what it appended when the document is not good. */
static gboolean
read_into (CollabDataset  *self,
           const Source   *source,
           gboolean        replace,
           GError        **error)
{
  CollabStore *store;
  gboolean ok;

  if (replace)
    {
      store = collab_store_new ();
      ok = read_source (store, source, error);
      if (ok)
        collab_dataset_replace_store (self, store);
      collab_store_unref (store);
      return ok;
    }

  store = collab_dataset_begin_edit (self);
  ok = read_source (store, source, error);
  collab_dataset_end_edit (self, ok);
  return ok;
}

/**
 * collab_dataset_load_from_file:
 * @self: a dataset
 * @path: (type filename): a dataset document
 * @error: return location for a #GError
 *
 * Replaces the records of @self with those of the document at @path.
 * On failure @self keeps the records it had.
 *
 * Returns: whether the document was loaded
 */
gboolean
collab_dataset_load_from_file (CollabDataset  *self,
                               const char     *path,
                               GError        **error)
{
  g_return_val_if_fail (COLLAB_IS_DATASET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return read_into (self, &(Source) { .path = path }, TRUE, error);
}

/**
 * collab_dataset_load_from_data:
 * @self: a dataset
 * @data: (array length=length) (element-type guint8): a dataset document
 * @length: the length of @data in bytes, or -1 when it ends with a NUL
 * @error: return location for a #GError
 *
 * Like [method@Collab.Dataset.load_from_file], from memory; messages name
 * the document `<data>`.
 *
 * Returns: whether the document was loaded
 */
gboolean
collab_dataset_load_from_data (CollabDataset  *self,
                               const char     *data,
                               gssize          length,
                               GError        **error)
{
  g_return_val_if_fail (COLLAB_IS_DATASET (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length < 0)
    length = (gssize) strlen (data);
  return read_into (self, &(Source) { .data = data, .length = length, .name = "<data>" }, TRUE, error);
}

/**
 * collab_dataset_merge_from_file:
 * @self: a dataset
 * @path: (type filename): a dataset document
 * @error: return location for a #GError
 *
 * Adds the records of the document at @path to those @self has — a
 * roster or a year of transactions kept in its own file. The document's
 * records may refer to records @self already has; an id already taken is
 * an error. On failure @self keeps exactly the records it had.
 *
 * Returns: whether the document was merged
 */
gboolean
collab_dataset_merge_from_file (CollabDataset  *self,
                                const char     *path,
                                GError        **error)
{
  g_return_val_if_fail (COLLAB_IS_DATASET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return read_into (self, &(Source) { .path = path }, FALSE, error);
}

/**
 * collab_dataset_merge_from_data:
 * @self: a dataset
 * @data: (array length=length) (element-type guint8): a dataset document
 * @length: the length of @data in bytes, or -1 when it ends with a NUL
 * @error: return location for a #GError
 *
 * Like [method@Collab.Dataset.merge_from_file], from memory.
 *
 * Returns: whether the document was merged
 */
gboolean
collab_dataset_merge_from_data (CollabDataset  *self,
                                const char     *data,
                                gssize          length,
                                GError        **error)
{
  g_return_val_if_fail (COLLAB_IS_DATASET (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length < 0)
    length = (gssize) strlen (data);
  return read_into (self, &(Source) { .data = data, .length = length, .name = "<data>" }, FALSE, error);
}

/**
 * collab_dataset_save_to_file:
 * @self: a dataset
 * @path: (type filename): where to save
 * @error: return location for a #GError
 *
 * Writes the dataset document in its canonical form, atomically: the
 * file at @path is replaced only once the new one is complete on disk,
 * and keeps its permissions, its owner where the saver may give it, and
 * a symbolic link at @path stays a link to the file replaced. See
 * [Saving files](saving.html) for what is kept and how the temporary
 * files of killed saves are removed.
 *
 * Returns: whether the document was saved
 */
gboolean
collab_dataset_save_to_file (CollabDataset  *self,
                             const char     *path,
                             GError        **error)
{
  g_return_val_if_fail (COLLAB_IS_DATASET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return collab_json_save_dataset (collab_dataset_get_store (self), path, error);
}

/**
 * collab_dataset_to_data:
 * @self: a dataset
 * @length: (out) (optional): the length of the document in bytes
 *
 * Writes the dataset document to memory, in the form [method@Collab.Dataset.save_to_file] writes.
 *
 * Returns: (transfer full): the dataset document in its canonical form
 */
char *
collab_dataset_to_data (CollabDataset *self,
                        gsize         *length)
{
  CollabJsonSink sink = { NULL, -1, 0 };

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);

  sink.buffer = g_string_new (NULL);
  collab_json_write_dataset (collab_dataset_get_store (self), &sink);
  if (length != NULL)
    *length = sink.buffer->len;
  return g_string_free (sink.buffer, FALSE);
}

/**
 * collab_dataset_add:
 * @self: a dataset
 * @record: a record, e.g. from [ctor@Collab.Record.new_from_json]
 * @error: return location for a #GError
 *
 * Adds a record, checked exactly as a load checks it: its members, its
 * references to records of @self, and its id against those taken.
 *
 * Returns: whether the record was added
 */
gboolean
collab_dataset_add (CollabDataset  *self,
                    CollabRecord   *record,
                    GError        **error)
{
  g_autoptr(GString) document = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  CollabRecordKind kind;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), FALSE);
  g_return_val_if_fail (COLLAB_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* One path checks every record, however it arrives: the reader. */
  kind = collab_record_get_kind (record);
  node = collab_record_to_json (record);
  g_string_append_printf (document, "{\"format\": \"%s\", \"version\": %d, \"%s\": [",
                          COLLAB_DATASET_FORMAT, COLLAB_DATASET_VERSION,
                          collab_schema_for_kind (kind)->member);
  collab_json_append_node (document, node);
  g_string_append (document, "]}");

  return read_into (self, &(Source) { .data = document->str, .length = document->len, .name = "<record>" }, FALSE,
                    error);
}
