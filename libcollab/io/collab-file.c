/* collab-file.c: replacing a file atomically
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * collab-file-private.h says why. g_file_set_contents() would rename a
 * new file with the default permissions over an existing one; this keeps
 * the target's.
 */

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "types/collab-i18n-private.h"
#include "collab-file-private.h"

/* The messages name the file, then the system's reason. */
#define SET_ERROR(error, errsv, format, path) \
  g_set_error ((error), G_FILE_ERROR, g_file_error_from_errno (errsv), (format), (path), g_strerror (errsv))

gboolean
collab_file_replace_begin (CollabFileReplace  *replace,
                           const char         *path,
                           GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  struct stat target;

  replace->path = g_strdup (path);
  replace->temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  /* open() applies the umask to 0666, as for any new file. */
  replace->fd = g_mkstemp_full (replace->temp, O_WRONLY | O_CLOEXEC, 0666);
  if (replace->fd < 0)
    {
      int errsv = errno;

      g_clear_pointer (&replace->path, g_free);
      g_clear_pointer (&replace->temp, g_free);
      /* Translators: the first %s is a file, the second the system's reason. */
      SET_ERROR (error, errsv, _("%s: cannot create a temporary file beside it: %s"), path);
      return FALSE;
    }

  if (g_stat (path, &target) == 0 && S_ISREG (target.st_mode) &&
      fchmod (replace->fd, target.st_mode & 07777) != 0)
    {
      int errsv = errno;

      collab_file_replace_abandon (replace);
      /* Translators: the first %s is a file, the second the system's reason. */
      SET_ERROR (error, errsv, _("%s: cannot give the new file the permissions of the old one: %s"), path);
      return FALSE;
    }

  return TRUE;
}

static void
replace_free (CollabFileReplace *replace)
{
  replace->fd = -1;
  g_clear_pointer (&replace->path, g_free);
  g_clear_pointer (&replace->temp, g_free);
}

void
collab_file_replace_abandon (CollabFileReplace *replace)
{
  close (replace->fd);
  g_unlink (replace->temp);
  replace_free (replace);
}

gboolean
collab_file_replace_end (CollabFileReplace  *replace,
                         int                 errsv,
                         GError            **error)
{
  if (errsv == 0 && fsync (replace->fd) != 0)
    errsv = errno;
  if (close (replace->fd) != 0 && errsv == 0)
    errsv = errno;
  if (errsv == 0 && g_rename (replace->temp, replace->path) != 0)
    errsv = errno;
  if (errsv != 0)
    {
      g_unlink (replace->temp);
      /* Translators: the first %s is a file, the second the system's reason. */
      SET_ERROR (error, errsv, _("%s: cannot save: %s (the file was left as it was)"), replace->path);
    }

  replace_free (replace);
  return errsv == 0;
}

gboolean
collab_file_replace_with (const char  *path,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  CollabFileReplace replace;
  gsize done = 0;
  int errsv = 0;

  if (!collab_file_replace_begin (&replace, path, error))
    return FALSE;

  while (done < length && errsv == 0)
    {
      gssize n = write (replace.fd, data + done, length - done);

      if (n >= 0)
        done += (gsize) n;
      else if (errno != EINTR)
        errsv = errno;
    }

  return collab_file_replace_end (&replace, errsv, error);
}
