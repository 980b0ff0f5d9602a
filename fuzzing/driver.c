/* driver.c: a harness without libFuzzer, for the test suite
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Runs LLVMFuzzerTestOneInput() once on every file named, and on every
 * file of every directory named (not recursively), in name order so that
 * a failure replays the same way; prints how many it ran. Built in every
 * build, so the corpus is replayed by `meson test --suite fuzz` with gcc
 * and under ASan + UBSan, with no libFuzzer anywhere (GLib's
 * fuzzing/driver.c does the same for one file).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);

static guint n_run;

static void
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  /* Named on stderr first: a crash then says which input did it. */
  g_printerr ("%s\n", path);
  LLVMFuzzerTestOneInput ((const unsigned char *) contents, length);
  n_run++;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
run_directory (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    if (g_file_test (names->pdata[i], G_FILE_TEST_IS_REGULAR))
      run_file (names->pdata[i]);
}

int
main (int    argc,
      char **argv)
{
  if (argc < 2)
    {
      g_printerr ("usage: %s FILE-OR-DIRECTORY…\n", argv[0]);
      return EXIT_FAILURE;
    }

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        run_directory (argv[i]);
      else
        run_file (argv[i]);
    }

  if (n_run == 0)
    g_error ("no input in %s", argv[1]);
  printf ("%u inputs, no finding\n", n_run);
  return EXIT_SUCCESS;
}
