/* yajl-scan.c: the floor under the library's reader
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   yajl-scan FILE
 *
 * Runs yajl over the mapped FILE with callbacks that only count events and
 * keep nothing: what a streaming parse costs before any record is built.
 * This is the "yajl" figure of the comparison in doc/design.md.
 */

#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <yajl/yajl_parse.h>

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct
{
  long events;
  int  depth;
  long objects_at_2;  /* records: objects inside the top-level arrays */
} Counts;

static int on_value (void *ctx) { ((Counts *) ctx)->events++; return 1; }
static int on_boolean (void *ctx, int b) { (void) b; return on_value (ctx); }
static int on_number (void *ctx, const char *s, size_t l) { (void) s; (void) l; return on_value (ctx); }
static int on_string (void *ctx, const unsigned char *s, size_t l) { (void) s; (void) l; return on_value (ctx); }
static int on_key (void *ctx, const unsigned char *s, size_t l) { (void) s; (void) l; return on_value (ctx); }

static int
on_start (void *ctx)
{
  Counts *c = ctx;

  if (c->depth == 2)
    c->objects_at_2++;
  c->depth++;
  return on_value (ctx);
}

static int
on_end (void *ctx)
{
  ((Counts *) ctx)->depth--;
  return on_value (ctx);
}

static const yajl_callbacks callbacks = {
  on_value, on_boolean, NULL, NULL, on_number, on_string,
  on_start, on_key, on_end, on_start, on_end,
};

int
main (int    argc,
      char **argv)
{
  Counts counts = { 0, 0, 0 };
  struct rusage usage;
  struct stat st;
  yajl_handle handle;
  const unsigned char *data;
  double t;
  int fd;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE\n", argv[0]);
      return 2;
    }
  fd = open (argv[1], O_RDONLY);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      perror (argv[1]);
      return 1;
    }
  data = mmap (NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (data == MAP_FAILED)
    {
      perror ("mmap");
      return 1;
    }

  t = now ();
  handle = yajl_alloc (&callbacks, NULL, &counts);
  if (yajl_parse (handle, data, st.st_size) != yajl_status_ok ||
      yajl_complete_parse (handle) != yajl_status_ok)
    {
      unsigned char *message = yajl_get_error (handle, 0, NULL, 0);
      fprintf (stderr, "%s\n", message);
      return 1;
    }
  yajl_free (handle);
  t = now () - t;

  getrusage (RUSAGE_SELF, &usage);
  printf ("records.total: %ld\n", counts.objects_at_2);
  printf ("events: %ld\n", counts.events);
  printf ("load.seconds: %.3f\n", t);
  printf ("peak_rss.load_kb: %ld\n", usage.ru_maxrss);
  return 0;
}
