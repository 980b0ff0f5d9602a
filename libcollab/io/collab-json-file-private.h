/* collab-json-file-private.h: the dataset document, read from a file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * collab_json_read_into() reads a document that is in memory whole; these
 * read it from a file a chunk at a time, so that a load needs the memory
 * of the dataset and not of the file as well. Messages are the same, line
 * and column included.
 */

#pragma once

#include "collab-json-private.h"

G_BEGIN_DECLS

/* How much of the file is read at a time. */
#define COLLAB_JSON_READ_CHUNK  (256 * 1024)

/* Appends the records of the document at @path to @store. On failure,
 * @store is left with exactly the records it had. */
gboolean     collab_json_read_file_into (CollabStore  *store,
                                         const char   *path,
                                         GError      **error);

/* The same from @fd, read @chunk_size bytes at a time; messages name the
 * document @filename. */
gboolean     collab_json_read_fd_into   (CollabStore  *store,
                                         int           fd,
                                         gsize         chunk_size,
                                         const char   *filename,
                                         GError      **error);

G_END_DECLS
