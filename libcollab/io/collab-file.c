/* collab-file.c: replacing a file atomically, keeping what it replaces
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * collab-file-private.h says why, doc/saving.md what is kept.
 * g_file_set_contents() would rename a new file with the default
 * permissions over an existing one, replace a symbolic link with a
 * regular file, and leave its temporary file behind when killed; this
 * does none of that.
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "types/collab-i18n-private.h"
#include "collab-file-private.h"

/* Links followed before a save gives up, as Linux does (MAXSYMLINKS). */
#define MAX_LINKS 40
/* The bytes of NAME a temporary file's name keeps: with ".", ".collab-",
 * the pid, "-" and "XXXXXX" it stays within NAME_MAX (255). */
#define TEMP_NAME_MAX 223
#define TEMP_MARK ".collab-"

int (*collab_file_test_fault) (CollabFileStep step, const char *path) = NULL;
int collab_file_n_dir_syncs = 0;

/* The messages name the file, then the system's reason. */
#define SET_ERROR(error, errsv, format, path) \
  g_set_error ((error), G_FILE_ERROR, g_file_error_from_errno (errsv), (format), (path), g_strerror (errsv))

static int
fault (CollabFileStep  step,
       const char     *path)
{
  return collab_file_test_fault != NULL ? collab_file_test_fault (step, path) : 0;
}

/* The file a save of @path replaces: @path, or the end of the chain of
 * symbolic links that starts there, which need not exist (a dangling
 * link's target is created). A relative link is read from the folder of
 * the link. NULL with errno set for a loop, a chain longer than
 * MAX_LINKS or a link that cannot be read. */
static char *
follow_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint n = 0; n <= MAX_LINKS; n++)
    {
      char link[PATH_MAX + 1];
      struct stat st;
      ssize_t length;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      length = readlink (current, link, sizeof link - 1);
      if (length < 0)
        return NULL;
      link[length] = '\0';
      if (!g_path_is_absolute (link))
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, link, NULL);
        }
      else
        {
          g_free (current);
          current = g_strdup (link);
        }
    }

  errno = ELOOP;
  return NULL;
}

/* ".NAME.collab-", NAME cut before a UTF-8 character to TEMP_NAME_MAX
 * bytes: the start of every temporary file of a save of @target. */
static char *
temp_prefix (const char *target)
{
  g_autofree char *name = g_path_get_basename (target);
  gsize length = strlen (name);

  if (length > TEMP_NAME_MAX)
    {
      length = TEMP_NAME_MAX;
      while (length > 0 && ((guchar) name[length] & 0xC0) == 0x80)
        length--;
    }
  return g_strdup_printf (".%.*s" TEMP_MARK, (int) length, name);
}

/* Whether @rest is "PID-XXXXXX" as mkstemp() completes it; @pid is PID. */
static gboolean
parse_temp_rest (const char *rest,
                 pid_t      *pid)
{
  guint64 value = 0;
  const char *end = rest;

  while (g_ascii_isdigit (*end) && end - rest < 10)
    value = value * 10 + (guint64) (*end++ - '0');
  if (end == rest || *end != '-' || value == 0 || value > G_MAXINT || strlen (end + 1) != 6)
    return FALSE;
  for (const char *c = end + 1; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;
  *pid = (pid_t) value;
  return TRUE;
}

/* Unlinks @path when it is a regular file no one holds locked: a save in
 * progress holds its temporary file locked, even one in another PID
 * namespace, where its pid means nothing here. */
static void
remove_if_unlocked (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  struct stat st;

  if (fd < 0)
    return;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && flock (fd, LOCK_SH | LOCK_NB) == 0)
    g_unlink (path);
  close (fd);
}

/* Removes, from @dir, the temporary files that saves of the same name
 * left when they were killed: those starting with @prefix, ending as
 * mkstemp() ends them, whose process is gone (ESRCH: not merely one we
 * may not signal) and that no one holds locked. Never this process's own,
 * which another thread may be writing. */
static void
remove_stale_temps (const char *dir,
                    const char *prefix)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  gsize prefix_length = strlen (prefix);
  const char *name;

  if (folder == NULL)
    return;
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      pid_t pid;

      if (strncmp (name, prefix, prefix_length) != 0 || !parse_temp_rest (name + prefix_length, &pid) ||
          pid == getpid () || kill (pid, 0) == 0 || errno != ESRCH)
        continue;
      path = g_build_filename (dir, name, NULL);
      remove_if_unlocked (path);
    }
}

/* Gives the new file @fd the owner, group and permissions of @old.
 * Root may give any owner; anyone may give a group she belongs to; a save
 * by someone else makes the file hers, which is no error. */
static int
keep_attributes (int                fd,
                 const struct stat *old)
{
  struct stat now;

  if (fstat (fd, &now) != 0)
    return errno;
  if ((now.st_uid != old->st_uid || now.st_gid != old->st_gid) &&
      fchown (fd, old->st_uid, old->st_gid) != 0)
    {
      if (errno != EPERM && errno != EINVAL)
        return errno;
      if (now.st_gid != old->st_gid && fchown (fd, (uid_t) -1, old->st_gid) != 0 &&
          errno != EPERM && errno != EINVAL)
        return errno;
    }
  /* After fchown(), which clears the set-user-ID and set-group-ID bits. */
  return fchmod (fd, old->st_mode & 07777) == 0 ? 0 : errno;
}

static void
replace_free (CollabFileReplace *replace)
{
  replace->fd = -1;
  g_clear_pointer (&replace->path, g_free);
  g_clear_pointer (&replace->target, g_free);
  g_clear_pointer (&replace->temp, g_free);
}

/* Creates the temporary file beside @replace->target; an errno when it cannot. */
static int
create_temp (CollabFileReplace *replace)
{
  g_autofree char *dir = g_path_get_dirname (replace->target);
  g_autofree char *prefix = temp_prefix (replace->target);
  g_autofree char *name = NULL;

  remove_stale_temps (dir, prefix);
  name = g_strdup_printf ("%s%d-XXXXXX", prefix, (int) getpid ());
  replace->temp = g_build_filename (dir, name, NULL);
  /* open() applies the umask to 0666, as for any new file. */
  replace->fd = g_mkstemp_full (replace->temp, O_WRONLY | O_CLOEXEC, 0666);
  if (replace->fd < 0)
    return errno;
  /* A new file no one else has opened: the lock cannot be refused. */
  flock (replace->fd, LOCK_EX | LOCK_NB);
  return 0;
}

gboolean
collab_file_replace_begin (CollabFileReplace  *replace,
                           const char         *path,
                           GError            **error)
{
  struct stat old;
  gboolean exists;
  int errsv;

  replace->fd = -1;
  replace->temp = NULL;
  replace->path = g_strdup (path);
  replace->target = follow_links (path);
  if (replace->target == NULL)
    {
      errsv = errno;
      replace_free (replace);
      /* Translators: the first %s is a file, the second the system's reason. */
      SET_ERROR (error, errsv, _("%s: cannot follow the symbolic link: %s"), path);
      return FALSE;
    }

  exists = g_stat (replace->target, &old) == 0;
  if (exists && !S_ISREG (old.st_mode))
    {
      replace_free (replace);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   /* Translators: %s is a file name: a folder, a device or a pipe. */
                   _("%s: not a regular file; only a regular file can be replaced by a save"), path);
      return FALSE;
    }

  errsv = create_temp (replace);
  if (errsv != 0)
    {
      replace_free (replace);
      /* Translators: the first %s is a file, the second the system's reason. */
      SET_ERROR (error, errsv, _("%s: cannot create a temporary file beside it: %s"), path);
      return FALSE;
    }

  errsv = fault (COLLAB_FILE_STEP_CREATED, replace->temp);
  if (errsv == 0 && exists)
    errsv = keep_attributes (replace->fd, &old);
  if (errsv != 0)
    {
      collab_file_replace_abandon (replace);
      /* Translators: the first %s is a file, the second the system's reason. */
      SET_ERROR (error, errsv, _("%s: cannot give the new file the permissions of the old one: %s"), path);
      return FALSE;
    }
  return TRUE;
}

void
collab_file_replace_abandon (CollabFileReplace *replace)
{
  close (replace->fd);
  g_unlink (replace->temp);
  replace_free (replace);
}

/* Makes the rename into the folder of @target durable; an errno when it
 * cannot be. EINVAL is a file system that cannot sync a folder at all. */
static int
sync_folder (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  int errsv = fault (COLLAB_FILE_STEP_SYNC_DIR, dir);
  int fd;

  if (errsv != 0)
    return errsv;
  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0)
    return errno;
  if (fsync (fd) == 0)
    g_atomic_int_inc (&collab_file_n_dir_syncs);
  else if (errno != EINVAL)
    errsv = errno;
  close (fd);
  return errsv;
}

gboolean
collab_file_replace_end (CollabFileReplace  *replace,
                         int                 errsv,
                         GError            **error)
{
  if (errsv == 0)
    errsv = fault (COLLAB_FILE_STEP_SYNC, replace->temp);
  if (errsv == 0 && fsync (replace->fd) != 0)
    errsv = errno;
  if (close (replace->fd) != 0 && errsv == 0)
    errsv = errno;
  if (errsv == 0)
    errsv = fault (COLLAB_FILE_STEP_RENAME, replace->temp);
  if (errsv == 0 && g_rename (replace->temp, replace->target) != 0)
    errsv = errno;
  if (errsv != 0)
    {
      g_unlink (replace->temp);
      /* Translators: the first %s is a file, the second the system's reason. */
      SET_ERROR (error, errsv, _("%s: cannot save: %s (the file was left as it was)"), replace->path);
      replace_free (replace);
      return FALSE;
    }

  errsv = sync_folder (replace->target);
  if (errsv != 0)
    /* Translators: the first %s is a file, the second the system's reason. */
    SET_ERROR (error, errsv, _("%s: saved, but its folder could not be synced to disk: %s "
                               "(a power cut now may bring the old file back)"), replace->path);
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
