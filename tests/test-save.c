/* test-save.c: saves keep what they replace
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every file the library writes goes through libcollab/io/collab-file.c:
 * the dataset document, CSV tables and workbooks. A save keeps the
 * replaced file's permissions and, where the saver may give them, its
 * owner and group; writes through a symbolic link to its target; syncs
 * the folder after the rename; leaves nothing beside the target when it
 * fails; and removes the temporary files that killed saves of the same
 * name left, and no other file. The kill -9 test is tests/save/.
 */

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "collab-test-util.h"
#include "io/collab-file-private.h"

#define OLD "old contents\n"

/* --- the fixture: a folder of its own ---------------------------------- */

typedef struct
{
  char          *dir;
  CollabDataset *dataset;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("collab-save-XXXXXX", &error);
  g_assert_no_error (error);
  f->dataset = collab_test_load_example ("wuxi-2021.json");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  collab_file_test_fault = NULL;
  collab_test_remove_tree (f->dir);
  g_free (f->dir);
  g_clear_object (&f->dataset);
}

static char *
in_dir (Fixture    *f,
        const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* Not g_file_set_contents(), which cannot make a file of the longest names. */
static void
write_file (const char *path,
            const char *contents,
            mode_t      mode)
{
  int fd;

  g_unlink (path);
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, contents, strlen (contents)), ==, (gssize) strlen (contents));
  g_assert_cmpint (close (fd), ==, 0);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

/* The files of @dir whose name holds ".collab-": temporary files. */
static guint
count_temps (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (strstr (name, ".collab-") != NULL)
      n++;
  return n;
}

static void
save_ok (Fixture    *f,
         const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (collab_dataset_save_to_file (f->dataset, path, &error));
  g_assert_no_error (error);
}

/* A save of @path fails with @code, naming @path, and leaves no
 * temporary file. */
static void
save_fails (Fixture    *f,
            const char *path,
            int         code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (collab_dataset_save_to_file (f->dataset, path, &error));
  g_assert_error (error, G_FILE_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_cmpuint (count_temps (f->dir), ==, 0);
}

/* @path holds a saved dataset document, not OLD. */
static void
assert_saved (const char *path)
{
  g_autofree char *contents = collab_test_read_file (path);

  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\""));
}

static void
assert_old (const char *path)
{
  g_autofree char *contents = collab_test_read_file (path);

  g_assert_cmpstr (contents, ==, OLD);
}

static mode_t
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* --- permissions and owner ---------------------------------------------- */

static void
test_mode (Fixture       *f,
           gconstpointer  data)
{
  static const mode_t modes[] = { 0600, 0640, 0444, 0664 };
  g_autofree char *path = in_dir (f, "data.json");
  g_autofree char *csv = in_dir (f, "data.csv");
  g_autofree char *xlsx = in_dir (f, "data.xlsx");
  g_autofree char *fresh = in_dir (f, "fresh.json");
  g_autoptr(GError) error = NULL;
  mode_t mask;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      write_file (path, OLD, modes[i]);
      save_ok (f, path);
      assert_saved (path);
      g_assert_cmpuint (mode_of (path), ==, modes[i]);

      /* Tables go the same way. */
      write_file (csv, OLD, modes[i]);
      g_assert_true (collab_dataset_export_to_file (f->dataset, COLLAB_RECORD_KIND_PAIRING, csv,
                                                    COLLAB_SHEET_FORMAT_CSV, 0, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (mode_of (csv), ==, modes[i]);
      write_file (xlsx, OLD, modes[i]);
      g_assert_true (collab_dataset_export_to_file (f->dataset, COLLAB_RECORD_KIND_PAIRING, xlsx,
                                                    COLLAB_SHEET_FORMAT_XLSX, 0, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (mode_of (xlsx), ==, modes[i]);
    }
  g_assert_cmpuint (count_temps (f->dir), ==, 0);

  /* A new file has what the umask gives any new file. */
  mask = umask (027);
  save_ok (f, fresh);
  umask (mask);
  g_assert_cmpuint (mode_of (fresh), ==, 0640);
}

/* Saves @path as the user and group "nobody" (65534) in a child: 0 when
 * the save went well. */
static int
save_as_nobody (Fixture    *f,
                const char *path)
{
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      gboolean ok = setgroups (0, NULL) == 0 && setgid (65534) == 0 && setuid (65534) == 0 &&
                    collab_dataset_save_to_file (f->dataset, path, NULL);

      _exit (ok ? 0 : 1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_owner (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = in_dir (f, "data.json");
  struct stat st;

  if (getuid () != 0)
    {
      g_test_skip ("only root may give a file another owner");
      return;
    }

  /* Root saving a file of another user gives it back to her. */
  write_file (path, OLD, 0640);
  g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  save_ok (f, path);
  assert_saved (path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, 65534);
  g_assert_cmpuint (st.st_gid, ==, 65534);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0640);

  /* Someone who may not give the old owner saves all the same: the file
   * becomes hers, with the old permissions. */
  write_file (path, OLD, 0644);
  g_assert_cmpint (chown (path, 0, 0), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0777), ==, 0);
  g_assert_cmpint (save_as_nobody (f, path), ==, 0);
  assert_saved (path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, 65534);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0644);
  g_assert_cmpuint (count_temps (f->dir), ==, 0);
}

/* --- symbolic links ------------------------------------------------------ */

static void
set_str (char       **place,
         const char  *value)
{
  g_free (*place);
  *place = g_strdup (value);
}

static char *temp_renamed;

static int
note_rename (CollabFileStep  step,
             const char     *path)
{
  if (step == COLLAB_FILE_STEP_RENAME)
    set_str (&temp_renamed, path);
  return 0;
}

/* Saves through @link, which must stay a link to @expected, and checks
 * that @target, its end, has the new document with its mode kept, and
 * that the temporary file was beside @target. */
static void
assert_save_through (Fixture    *f,
                     const char *link,
                     const char *expected,
                     const char *target)
{
  g_autofree char *target_dir = g_path_get_dirname (target);
  g_autofree char *read = NULL;
  g_autofree char *temp_dir = NULL;
  struct stat st;

  collab_file_test_fault = note_rename;
  save_ok (f, link);
  collab_file_test_fault = NULL;

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  read = g_file_read_link (link, NULL);
  g_assert_cmpstr (read, ==, expected);
  assert_saved (target);
  g_assert_cmpint (g_lstat (target, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpuint (st.st_mode & 07777, ==, 0600);

  temp_dir = g_path_get_dirname (temp_renamed);
  g_assert_cmpstr (temp_dir, ==, target_dir);
  g_clear_pointer (&temp_renamed, g_free);
  g_assert_cmpuint (count_temps (f->dir), ==, 0);
  g_assert_cmpuint (count_temps (target_dir), ==, 0);
}

static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *shared = in_dir (f, "shared");
  g_autofree char *target = g_build_filename (shared, "data.json", NULL);
  g_autofree char *relative = in_dir (f, "relative.json");
  g_autofree char *absolute = in_dir (f, "absolute.json");
  g_autofree char *first = in_dir (f, "first.json");

  g_assert_cmpint (g_mkdir (shared, 0700), ==, 0);

  write_file (target, OLD, 0600);
  g_assert_cmpint (symlink ("shared/data.json", relative), ==, 0);
  assert_save_through (f, relative, "shared/data.json", target);

  write_file (target, OLD, 0600);
  g_assert_cmpint (symlink (target, absolute), ==, 0);
  assert_save_through (f, absolute, target, target);

  /* A chain of two: first → relative → shared/data.json. */
  write_file (target, OLD, 0600);
  g_assert_cmpint (symlink ("relative.json", first), ==, 0);
  assert_save_through (f, first, "relative.json", target);
}

static void
test_symlink_dangling (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *shared = in_dir (f, "shared");
  g_autofree char *target = g_build_filename (shared, "new.json", NULL);
  g_autofree char *link = in_dir (f, "link.json");
  g_autofree char *nowhere = in_dir (f, "nowhere.json");
  struct stat st;

  g_assert_cmpint (g_mkdir (shared, 0700), ==, 0);
  g_assert_cmpint (symlink ("shared/new.json", link), ==, 0);
  save_ok (f, link);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_saved (target);

  /* A link into a folder that does not exist: an error, nothing made. */
  g_assert_cmpint (symlink ("missing/new.json", nowhere), ==, 0);
  save_fails (f, nowhere, G_FILE_ERROR_NOENT);
  g_assert_cmpint (g_lstat (nowhere, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
}

static void
test_symlink_loop (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *a = in_dir (f, "a.json");
  g_autofree char *b = in_dir (f, "b.json");
  g_autofree char *self = in_dir (f, "self.json");

  g_assert_cmpint (symlink ("b.json", a), ==, 0);
  g_assert_cmpint (symlink ("a.json", b), ==, 0);
  g_assert_cmpint (symlink ("self.json", self), ==, 0);
  save_fails (f, a, G_FILE_ERROR_LOOP);
  save_fails (f, self, G_FILE_ERROR_LOOP);
  g_assert_false (g_file_test (b, G_FILE_TEST_EXISTS));
}

/* A folder or a pipe is not replaced by a regular file. */
static void
test_not_regular (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *fifo = in_dir (f, "pipe.json");
  g_autofree char *folder = in_dir (f, "folder.json");
  struct stat st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  save_fails (f, fifo, G_FILE_ERROR_INVAL);
  save_fails (f, folder, G_FILE_ERROR_INVAL);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

/* --- the folder's sync ---------------------------------------------------- */

static char *folder_synced;
static int fail_step = -1;
static int fail_errno;

static int
note_folder (CollabFileStep  step,
             const char     *path)
{
  if (step == COLLAB_FILE_STEP_SYNC_DIR)
    set_str (&folder_synced, path);
  return (int) step == fail_step ? fail_errno : 0;
}

static void
test_sync_dir (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = in_dir (f, "data.json");
  g_autoptr(GError) error = NULL;
  int before = g_atomic_int_get (&collab_file_n_dir_syncs);

  /* One fsync() of the target's folder that succeeded, per save. */
  collab_file_test_fault = note_folder;
  save_ok (f, path);
  g_assert_cmpint (g_atomic_int_get (&collab_file_n_dir_syncs), ==, before + 1);
  g_assert_cmpstr (folder_synced, ==, f->dir);
  save_ok (f, path);
  g_assert_cmpint (g_atomic_int_get (&collab_file_n_dir_syncs), ==, before + 2);

  /* A sync that fails is an error, which says the file was saved. */
  write_file (path, OLD, 0600);
  fail_step = COLLAB_FILE_STEP_SYNC_DIR;
  fail_errno = EIO;
  g_assert_false (collab_dataset_save_to_file (f->dataset, path, &error));
  fail_step = -1;
  collab_file_test_fault = NULL;
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "saved, but its folder could not be synced"));
  assert_saved (path);
  g_assert_cmpuint (count_temps (f->dir), ==, 0);
  g_clear_pointer (&folder_synced, g_free);
}

/* --- failures leave the old file and nothing else --------------------------- */

/* Saves @path as a dataset document, a CSV table and a workbook: each
 * save fails, with a message that names @path. */
static void
every_save_fails (Fixture    *f,
                  const char *path)
{
  static const CollabSheetFormat formats[] = { COLLAB_SHEET_FORMAT_CSV, COLLAB_SHEET_FORMAT_XLSX };
  g_autoptr(GError) error = NULL;

  g_assert_false (collab_dataset_save_to_file (f->dataset, path, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_assert_false (collab_dataset_export_to_file (f->dataset, COLLAB_RECORD_KIND_PAIRING, path,
                                                     formats[i], 0, &error));
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_clear_error (&error);
    }
}

/* With @step failing, every save of @path fails, and the old file is
 * whole with nothing beside it. */
static void
assert_fails_cleanly (Fixture    *f,
                      const char *path,
                      int         step,
                      int         errsv)
{
  write_file (path, OLD, 0640);
  fail_step = step;
  fail_errno = errsv;
  collab_file_test_fault = note_folder;
  every_save_fails (f, path);
  collab_file_test_fault = NULL;
  fail_step = -1;
  assert_old (path);
  g_assert_cmpuint (mode_of (path), ==, 0640);
  g_assert_cmpuint (count_temps (f->dir), ==, 0);
}

static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = in_dir (f, "data.json");

  assert_fails_cleanly (f, path, COLLAB_FILE_STEP_CREATED, EPERM);
  assert_fails_cleanly (f, path, COLLAB_FILE_STEP_SYNC, EIO);
  assert_fails_cleanly (f, path, COLLAB_FILE_STEP_RENAME, EXDEV);
  g_clear_pointer (&folder_synced, g_free);
}

/* A write that fails for real: files may not grow beyond 100 bytes (a full
 * disk, which root meets too), SIGXFSZ ignored so that write() says EFBIG. */
static void
test_write_fails (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = in_dir (f, "data.json");
  struct rlimit saved, small;
  void (*handler) (int) = signal (SIGXFSZ, SIG_IGN);

  write_file (path, OLD, 0640);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 100;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  every_save_fails (f, path);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, handler);
  assert_old (path);
  g_assert_cmpuint (count_temps (f->dir), ==, 0);
}

/* --- temporary files of killed saves ------------------------------------------ */

/* A process that has ended, and been waited for: its pid is free. */
static pid_t
dead_pid (void)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  return pid;
}

/* @pattern with its PID replaced by @pid. */
static char *
temp_path (Fixture    *f,
           const char *pattern,
           pid_t       pid)
{
  g_auto(GStrv) parts = g_strsplit (pattern, "PID", 2);
  g_autofree char *name = g_strdup_printf ("%s%d%s", parts[0], (int) pid, parts[1]);

  return in_dir (f, name);
}

static void
make_temp (Fixture    *f,
           const char *pattern,
           pid_t       pid)
{
  g_autofree char *path = temp_path (f, pattern, pid);

  write_file (path, "half a file", 0600);
}

static gboolean
exists (Fixture    *f,
        const char *pattern,
        pid_t       pid)
{
  g_autofree char *path = temp_path (f, pattern, pid);
  struct stat st;

  return g_lstat (path, &st) == 0;
}

static void
test_stale (Fixture       *f,
            gconstpointer  data)
{
  /* Removed: a save of data.json by a process that is gone. */
  static const char *stale[] = { ".data.json.collab-PID-aB3xY9", ".data.json.collab-PID-000000" };
  /* Kept: anything else, even with a dead pid. */
  static const char *others[] = {
    ".data.json.collab-PID-abc12", ".data.json.collab-PID-abc1234", ".data.json.collab-PID-ab.c12",
    ".data.json.collab-PIDx-abc123", ".other.json.collab-PID-abc123", "data.json.collab-PID-abc123",
    ".data.json.PID-abc123", ".data.json.collab-PID-abc123.bak", ".data.jsonx.collab-PID-abc123",
  };
  g_autofree char *path = in_dir (f, "data.json");
  g_autofree char *locked_name = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *link = NULL;
  pid_t dead = dead_pid ();
  int pipe_fds[2];
  pid_t live;
  int fd;

  /* A process alive for the time of the save. */
  g_assert_cmpint (pipe (pipe_fds), ==, 0);
  live = fork ();
  g_assert_cmpint (live, >=, 0);
  if (live == 0)
    {
      char c;

      close (pipe_fds[1]);
      _exit (read (pipe_fds[0], &c, 1) < 0);
    }
  close (pipe_fds[0]);

  write_file (path, OLD, 0600);
  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    make_temp (f, stale[i], dead);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    make_temp (f, others[i], dead);
  make_temp (f, ".data.json.collab-PID-abc123", live);
  make_temp (f, ".data.json.collab-PID-abc123", getpid ());
  make_temp (f, ".data.json.collab-PID-abc123", 0);
  /* A save in another PID namespace: its pid is dead here, but it holds
   * its file locked. */
  locked_name = g_strdup_printf (".data.json.collab-%d-locked", (int) dead);
  locked = in_dir (f, locked_name);
  write_file (locked, "half a file", 0600);
  fd = g_open (locked, O_RDWR, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);
  /* Not regular files. */
  folder = g_strdup_printf ("%s/.data.json.collab-%d-dir123", f->dir, (int) dead);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  link = g_strdup_printf ("%s/.data.json.collab-%d-lnk123", f->dir, (int) dead);
  g_assert_cmpint (symlink ("data.json", link), ==, 0);

  save_ok (f, path);
  assert_saved (path);

  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    g_assert_false (exists (f, stale[i], dead));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_true (exists (f, others[i], dead));
  g_assert_true (exists (f, ".data.json.collab-PID-abc123", live));
  g_assert_true (exists (f, ".data.json.collab-PID-abc123", getpid ()));
  g_assert_true (exists (f, ".data.json.collab-PID-abc123", 0));
  g_assert_true (g_file_test (locked, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  /* Once the lock is let go, the next save removes it. */
  close (fd);
  save_ok (f, path);
  g_assert_false (g_file_test (locked, G_FILE_TEST_EXISTS));

  close (pipe_fds[1]);
  g_assert_cmpint (waitpid (live, NULL, 0), ==, live);
}

/* Whether the temporary file was held locked while it was written. */
static gboolean temp_was_locked;

static int
try_lock (CollabFileStep  step,
          const char     *path)
{
  int fd;

  if (step != COLLAB_FILE_STEP_SYNC)
    return 0;
  fd = g_open (path, O_RDONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  temp_was_locked = flock (fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close (fd);
  return 0;
}

/* A save in progress holds its temporary file locked: what tells a save
 * in another PID namespace that the file is not stale. */
static void
test_temp_locked (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = in_dir (f, "data.json");

  temp_was_locked = FALSE;
  collab_file_test_fault = try_lock;
  save_ok (f, path);
  collab_file_test_fault = NULL;
  g_assert_true (temp_was_locked);
}

/* A name so long that the temporary file's name cuts it still saves, and
 * its stale temporary files are found by the cut name. */
static void
test_long_name (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *stale = NULL;
  gsize cut_length;

  for (guint i = 0; i < 83; i++)
    g_string_append (name, "帮");  /* 249 bytes, 3 a character */
  g_string_append (name, ".json");
  path = in_dir (f, name->str);
  write_file (path, OLD, 0600);

  /* 223 bytes is in the middle of the 75th character: cut before it. */
  cut_length = 74 * 3;
  cut = g_strndup (name->str, cut_length);
  stale = g_strdup_printf ("%s/.%s.collab-%d-abc123", f->dir, cut, (int) dead_pid ());
  write_file (stale, "half a file", 0600);

  save_ok (f, path);
  assert_saved (path);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temps (f->dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/collab/save/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("mode", test_mode);
  ADD ("owner", test_owner);
  ADD ("symlink", test_symlink);
  ADD ("symlink/dangling", test_symlink_dangling);
  ADD ("symlink/loop", test_symlink_loop);
  ADD ("not-regular", test_not_regular);
  ADD ("sync-dir", test_sync_dir);
  ADD ("failures", test_failures);
  ADD ("write-fails", test_write_fails);
  ADD ("stale", test_stale);
  ADD ("stale/locked", test_temp_locked);
  ADD ("long-name", test_long_name);
#undef ADD

  return g_test_run ();
}
