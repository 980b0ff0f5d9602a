/* jsonglib-load.c: the json-glib DOM baseline for the benchmark
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   jsonglib-load FILE
 *
 * Parses FILE with json_parser_load_from_mapped_file() into a tree, counts
 * the elements of its top-level arrays, and prints the time and the peak
 * RSS (getrusage ru_maxrss) in the same "key: value" form as collab-bench.
 * The parser is created with immutable nodes off, as a DOM user would.
 */

#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include <json-glib/json-glib.h>

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  JsonNode *root;
  guint total = 0;
  double t;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE\n", argv[0]);
      return 2;
    }

  parser = json_parser_new ();
  t = now ();
  if (!json_parser_load_from_mapped_file (parser, argv[1], &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  t = now () - t;

  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (root));
      while (json_object_iter_next (&iter, &name, &member))
        if (JSON_NODE_HOLDS_ARRAY (member))
          total += json_array_get_length (json_node_get_array (member));
    }

  getrusage (RUSAGE_SELF, &usage);
  printf ("records.total: %u\n", total);
  printf ("load.seconds: %.3f\n", t);
  printf ("peak_rss.load_kb: %ld\n", usage.ru_maxrss);
  return 0;
}
