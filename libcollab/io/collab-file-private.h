/* collab-file-private.h: replacing a file atomically
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What every file the library writes for people (a CSV table, a
 * workbook) does: write beside the target, make it durable, and rename
 * it over the target, so that a reader sees the old file or the new one
 * and a failed write leaves no half file behind. A file that is replaced
 * keeps its permissions: an officer who made a sheet readable by her
 * colleagues does not find it private after the next export.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *path;       /* the target */
  char *temp;       /* beside it: .NAME.XXXXXX */
  int   fd;         /* open on @temp, for writing */
} CollabFileReplace;

/* Creates the temporary file beside @path, with @path's permissions when
 * it exists (else the umask's); FALSE with @error when it cannot. */
gboolean  collab_file_replace_begin  (CollabFileReplace  *replace,
                                      const char         *path,
                                      GError            **error);
/* With @errsv 0 (every write went well), syncs the temporary file and
 * renames it over the target; else, or when that fails, removes it and
 * says why in @error, naming the target. Frees what begin() made. */
gboolean  collab_file_replace_end    (CollabFileReplace  *replace,
                                      int                 errsv,
                                      GError            **error);
/* Removes the temporary file, for a failure the caller has reported. */
void      collab_file_replace_abandon (CollabFileReplace *replace);
/* The whole of @data to @path, replaced as above. */
gboolean  collab_file_replace_with   (const char         *path,
                                      const char         *data,
                                      gsize               length,
                                      GError            **error);

G_END_DECLS
