/* collab-file-private.h: replacing a file atomically
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What every file the library writes (a dataset document, a CSV table, a
 * workbook) does: write beside the target, make it durable, and rename
 * it over the target, so that a reader sees the old file or the new one
 * and a failed write leaves no half file behind. A file that is replaced
 * keeps what an officer set on it: an officer who made a sheet readable
 * by her colleagues does not find it private after the next export, and
 * a symbolic link to the shared copy stays a link. doc/saving.md lists
 * exactly what is kept.
 *
 * The temporary file is `.NAME.collab-PID-XXXXXX` beside the target NAME
 * (NAME cut to 223 bytes, so that the whole fits in a file name), PID the
 * saving process's and XXXXXX mkstemp()'s. A save killed half-way leaves
 * it behind; the next save of NAME removes those whose process is gone
 * and that no one holds locked, and nothing else.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *path;       /* what the caller named, for messages */
  char *target;     /* the file replaced: @path, or its links' end */
  char *temp;       /* beside @target: .NAME.collab-PID-XXXXXX */
  int   fd;         /* open on @temp, for writing, locked */
} CollabFileReplace;

/* Creates the temporary file beside @path (beside the file its symbolic
 * links lead to, when it is one), with the owner, group and permissions
 * of the file it replaces when that exists (else the umask's), after
 * removing the stale temporary files of earlier saves. FALSE with @error
 * when it cannot, with nothing created. */
gboolean  collab_file_replace_begin  (CollabFileReplace  *replace,
                                      const char         *path,
                                      GError            **error);
/* With @errsv 0 (every write went well), syncs the temporary file,
 * renames it over the target and syncs the folder; else, or when that
 * fails, removes it and says why in @error, naming @path. Frees what
 * begin() made. FALSE also when only the folder's sync failed: the new
 * file is in place then, and the message says so. */
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

/* For tests (tests/test-save.c): the steps where a save can fail. */
typedef enum
{
  COLLAB_FILE_STEP_CREATED,   /* the temporary file exists: path is it */
  COLLAB_FILE_STEP_SYNC,      /* before its fsync(): path is it */
  COLLAB_FILE_STEP_RENAME,    /* before the rename(): path is it */
  COLLAB_FILE_STEP_SYNC_DIR,  /* before the folder's fsync(): path is the folder */
} CollabFileStep;

/* When set, called at each step; a value other than 0 is the errno that
 * step fails with. NULL but in tests, which set it with no save running. */
extern int (*collab_file_test_fault) (CollabFileStep  step,
                                      const char     *path);
/* Folders fsync()ed after a rename since the process started (atomic). */
extern int collab_file_n_dir_syncs;

G_END_DECLS
