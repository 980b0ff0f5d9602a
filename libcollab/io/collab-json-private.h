/* collab-json-private.h: reading and writing JSON documents
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "model/collab-store-private.h"

G_BEGIN_DECLS

#define COLLAB_DATASET_FORMAT   "libcollab-dataset"
#define COLLAB_DATASET_VERSION  1

/* How deep a value the library keeps for the caller may nest. Far more
 * than any real document needs, far less than what would exhaust a stack. */
#define COLLAB_JSON_MAX_DEPTH   64

/* Appends the records of a document to @store. On failure, @store is
 * left with exactly the records it had. */
gboolean     collab_json_read_into      (CollabStore  *store,
                                         const char   *data,
                                         gsize         length,
                                         const char   *filename,
                                         GError      **error);

/* A message of yajl's, translated when it is one of those known. */
const char  *collab_json_yajl_message   (const char   *message);

JsonNode    *collab_json_parse_strict   (const char   *data,
                                         gsize         length,
                                         const char   *filename,
                                         GError      **error);

/* The writer: a GString that is flushed to @fd as it fills, or kept whole
 * when @fd is -1. */
typedef struct
{
  GString *buffer;
  int      fd;
  int      errsv;
} CollabJsonSink;

void         collab_json_write_dataset  (const CollabStore *store,
                                         CollabJsonSink    *sink);
gboolean     collab_json_save_dataset   (const CollabStore *store,
                                         const char        *path,
                                         GError           **error);
void         collab_json_append_string  (GString           *out,
                                         const char        *text);
void         collab_json_append_node    (GString           *out,
                                         JsonNode          *node);
void         collab_json_append_record  (GString           *out,
                                         const CollabStore *store,
                                         const CollabSchema *schema,
                                         gconstpointer      record);
JsonNode    *collab_json_record_to_node (const CollabStore *store,
                                         CollabRecordKind   kind,
                                         guint              index);

G_END_DECLS
