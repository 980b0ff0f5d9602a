/* test-match-degenerate.c: the matching of workers to job offers at its edges
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * collab_dataset_match() (SPEC §11.3) on what a matching rarely meets and
 * must survive: no job offers, no workers, neither; an offer of no
 * position (refused at load: positions are positive) and offers whose
 * positions are all taken; a million workers alike in everything but
 * their ids, made in the test, against fewer positions than workers and
 * more; and workers tied on everything, listed in any order. Each result
 * is checked for its count and for which workers it places: among
 * workers alike, the earliest registered, then the first by id.
 *
 * Under ASan or TSan (collab_test_sanitized()) the million becomes a
 * hundred thousand and the time bound is looser; the test always runs.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

#define AS_OF "2023-03-01"

static const char head[] =
  "{\"format\": \"libcollab-dataset\", \"version\": 1,\n"
  " \"regions\": [\n"
  "  {\"id\": \"sx\", \"name\": \"陕西省\", \"level\": \"province\", \"side\": \"west\"},\n"
  "  {\"id\": \"yanan\", \"name\": \"延安市\", \"level\": \"city\", \"parent\": \"sx\"},\n"
  "  {\"id\": \"yanchang\", \"name\": \"延长县\", \"level\": \"county\", \"parent\": \"yanan\"},\n"
  "  {\"id\": \"js\", \"name\": \"江苏省\", \"level\": \"province\", \"side\": \"east\"},\n"
  "  {\"id\": \"wuxi\", \"name\": \"无锡市\", \"level\": \"city\", \"parent\": \"js\"}],\n"
  " \"organizations\": [{\"id\": \"e1\", \"name\": \"某物流公司\", \"kind\": \"enterprise\", \"region\": \"wuxi\"}],\n"
  " \"programs\": [{\"id\": \"wuxi-yanan\", \"name\": \"x\", \"kind\": \"east_west\", \"first_year\": 2021,\n"
  "   \"last_year\": 2025, \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"]}]";

static CollabDay
day_of (const char *text)
{
  CollabDay day;

  g_assert_true (collab_day_parse (text, &day, NULL));
  return day;
}

/* The dataset of @head and @body (members after the programs), or NULL
 * with @error set. Never prints the document, which may be large. */
static CollabDataset *
load (const char  *body,
      GError     **error)
{
  g_autofree char *document = g_strconcat (head, body, "}\n", NULL);
  g_autoptr(CollabDataset) dataset = collab_dataset_new ();

  if (!collab_dataset_load_from_data (dataset, document, -1, error))
    return NULL;
  return g_steal_pointer (&dataset);
}

static CollabMatch *
match (CollabDataset *dataset,
       const char    *program)
{
  g_autoptr(GError) error = NULL;
  CollabMatch *result = collab_dataset_match (dataset, program, day_of (AS_OF), &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* A matching that places nobody: figures of zero, a table of no row
 * with its six columns, JSON with no row. */
static void
assert_empty (CollabMatch *matching)
{
  CollabTable *table = collab_match_get_table (matching);
  g_autoptr(JsonNode) json = collab_match_to_json (matching);
  g_autofree char *csv = collab_table_to_csv (table);

  g_assert_cmpuint (collab_match_get_placed (matching), ==, 0);
  g_assert_cmpuint (collab_match_get_priority_placed (matching), ==, 0);
  g_assert_cmpuint (collab_match_get_rank_sum (matching), ==, 0);
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 0);
  g_assert_cmpuint (collab_table_get_n_columns (table), ==, 6);
  g_assert_cmpstr (csv, ==, "worker,offer,employer,job_type,rank,priority\n");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (json), "rows")), ==, 0);
}

#define OFFER(id, positions) \
  "  {\"id\": \"" id "\", \"employer\": \"e1\", \"job_type\": \"logistics\", \"positions\": " positions ",\n" \
  "   \"open\": {\"first\": \"2023-01-01\", \"last\": \"2023-12-31\"}}"
#define WORKER(id) \
  "  {\"id\": \"" id "\", \"county\": \"yanchang\", \"wants\": [\"logistics\"], \"registered\": \"2023-01-01\"}"

static void
test_nothing (void)
{
  static const char * const bodies[] = {
    "",
    ",\n \"job_offers\": [],\n \"workers\": []",
    /* Workers and no offer. */
    ",\n \"workers\": [\n" WORKER ("w1") ",\n" WORKER ("w2") "]",
    /* Offers and no worker. */
    ",\n \"job_offers\": [\n" OFFER ("o1", "5") "]",
    /* Both, on a day the offer is closed: it opens after. */
    ",\n \"job_offers\": [{\"id\": \"o1\", \"employer\": \"e1\", \"job_type\": \"logistics\", \"positions\": 5,\n"
    "   \"open\": {\"first\": \"2023-06-01\", \"last\": \"2023-12-31\"}}],\n \"workers\": [\n" WORKER ("w1") "]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CollabDataset) dataset = load (bodies[i], &error);
      g_autoptr(CollabMatch) all = NULL;
      g_autoptr(CollabMatch) program = NULL;

      g_assert_no_error (error);
      all = match (dataset, NULL);
      program = match (dataset, "wuxi-yanan");
      assert_empty (all);
      assert_empty (program);
    }
}

/* An offer of no position is no offer: the load refuses it, naming
 * where it is and its id. */
static void
test_zero_positions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabDataset) dataset = load (",\n \"job_offers\": [\n" OFFER ("o-zero", "0") "],\n"
                                           " \"workers\": [\n" WORKER ("w1") "]", &error);

  g_assert_null (dataset);
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_INVALID_VALUE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "$.job_offers[0] (o-zero).positions"));
}

/* Offers whose every position a placement took, ended or not, and one
 * placement more than positions: nothing is free, nobody is placed, and
 * no count goes below zero. */
static void
test_positions_taken (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabDataset) dataset = load (
    ",\n \"job_offers\": [\n" OFFER ("o1", "1") ",\n" OFFER ("o2", "2") "],\n"
    " \"workers\": [\n" WORKER ("w1") ",\n" WORKER ("w2") ",\n" WORKER ("w3") ",\n" WORKER ("w4") "],\n"
    " \"placements\": [\n"
    "  {\"id\": \"p1\", \"worker\": \"w1\", \"employer\": \"e1\", \"offer\": \"o1\", \"kind\": \"transfer\", \"start\": \"2023-01-02\", \"end\": \"2023-01-31\"},\n"
    "  {\"id\": \"p2\", \"worker\": \"w2\", \"employer\": \"e1\", \"offer\": \"o1\", \"kind\": \"transfer\", \"start\": \"2023-02-01\", \"end\": \"2023-02-10\"},\n"
    "  {\"id\": \"p3\", \"worker\": \"w2\", \"employer\": \"e1\", \"offer\": \"o2\", \"kind\": \"transfer\", \"start\": \"2023-01-02\", \"end\": \"2023-01-10\"},\n"
    "  {\"id\": \"p4\", \"worker\": \"w1\", \"employer\": \"e1\", \"offer\": \"o2\", \"kind\": \"transfer\", \"start\": \"2023-02-11\", \"end\": \"2023-02-20\"}]",
    &error);
  g_autoptr(CollabMatch) matching = NULL;

  g_assert_no_error (error);
  matching = match (dataset, NULL);
  assert_empty (matching);
}

/* --- many workers alike -------------------------------------------------- */

/* A document of @n_workers workers alike but for their ids, w0000000 on
 * (listed backwards when @backwards), all priority when @priority, and
 * @n_offers offers of @positions each. */
static char *
crowd_body (guint    n_workers,
            guint    n_offers,
            guint    positions,
            gboolean priority,
            gboolean backwards)
{
  GString *out = g_string_sized_new ((gsize) n_workers * 100 + 4096);

  g_string_append (out, ",\n \"job_offers\": [");
  for (guint o = 0; o < n_offers; o++)
    g_string_append_printf (out, "%s\n  {\"id\": \"o%u\", \"employer\": \"e1\", \"job_type\": \"logistics\", "
                            "\"positions\": %u, \"open\": {\"first\": \"2023-01-%02u\", \"last\": \"2023-12-31\"}}",
                            o > 0 ? "," : "", o, positions, 1 + o % 28);
  g_string_append (out, "],\n \"workers\": [");
  for (guint i = 0; i < n_workers; i++)
    g_string_append_printf (out, "%s\n{\"id\":\"w%07u\",\"county\":\"yanchang\",%s\"wants\":[\"logistics\","
                            "\"catering\"],\"registered\":\"2022-06-01\"}", i > 0 ? "," : "",
                            backwards ? n_workers - 1 - i : i, priority ? "\"flags\":[\"at_risk\"]," : "");
  g_string_append (out, "]");
  return g_string_free (out, FALSE);
}

/* The rows name workers w0000000 to w(@placed - 1), each once, and the
 * offers in order of opening, each filled before the next. */
static void
assert_first_placed (CollabMatch *matching,
                     guint        placed,
                     guint        positions)
{
  CollabTable *table = collab_match_get_table (matching);
  g_autofree guint8 *seen = g_new0 (guint8, MAX (placed, 1));

  g_assert_cmpuint (collab_table_get_n_rows (table), ==, placed);
  for (guint r = 0; r < placed; r++)
    {
      const char *worker = collab_table_get_string (table, r, 0);
      const char *offer = collab_table_get_string (table, r, 1);
      guint64 number, offer_number;

      g_assert_true (worker[0] == 'w' && g_ascii_string_to_unsigned (worker + 1, 10, 0, placed - 1, &number, NULL));
      g_assert_cmpuint (seen[number], ==, 0);
      seen[number] = 1;
      g_assert_true (g_ascii_string_to_unsigned (offer + 1, 10, 0, G_MAXUINT, &offer_number, NULL));
      g_assert_cmpuint (offer_number, ==, r / positions);
      g_assert_cmpint (collab_table_get_int (table, r, 4), ==, 1);
    }
}

typedef struct
{
  guint    n_workers, n_offers, positions;
  gboolean priority;
  gboolean backwards;   /* also load the records listed backwards */
} Crowd;

static void
test_crowd (gconstpointer data)
{
  const Crowd *crowd = data;
  guint divide = collab_test_sanitized () ? 10 : 1;
  guint n_workers = crowd->n_workers / divide;
  guint positions = crowd->positions / divide;
  guint placed = MIN (n_workers, crowd->n_offers * positions);
  g_autofree char *body = crowd_body (n_workers, crowd->n_offers, positions, crowd->priority, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(CollabDataset) backwards = NULL;
  g_autoptr(CollabMatch) first = NULL;
  g_autoptr(CollabMatch) again = NULL;
  g_autoptr(CollabMatch) other = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_again = NULL;
  /* Well under 10 s, as the issue asks, with room for a loaded machine;
   * the sanitizers' tenth of the workers in as long. */
  double bound = 3.0;
  gint64 start;
  double seconds;

  start = g_get_monotonic_time ();
  dataset = load (body, &error);
  g_assert_no_error (error);
  g_test_message ("%u workers, %u offers of %u positions: loaded in %.2f s", n_workers, crowd->n_offers, positions,
                  (g_get_monotonic_time () - start) / 1e6);
  g_clear_pointer (&body, g_free);

  start = g_get_monotonic_time ();
  first = match (dataset, NULL);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("matched in %.3f s: %u placed; peak RSS %.0f MiB", seconds, collab_match_get_placed (first),
                  collab_test_peak_mib ());
  g_assert_cmpfloat (seconds, <, bound);

  g_assert_cmpuint (collab_match_get_placed (first), ==, placed);
  g_assert_cmpuint (collab_match_get_priority_placed (first), ==, crowd->priority ? placed : 0);
  g_assert_cmpuint (collab_match_get_rank_sum (first), ==, placed);
  assert_first_placed (first, placed, positions);

  /* The same again (of the program, which has every worker and offer
   * here), and the same from the records listed backwards. */
  again = match (dataset, "wuxi-yanan");
  csv = collab_table_to_csv (collab_match_get_table (first));
  csv_again = collab_table_to_csv (collab_match_get_table (again));
  g_assert_true (g_str_equal (csv, csv_again));
  g_clear_object (&dataset);
  if (crowd->backwards)
    {
      g_autofree char *csv_other = NULL;

      body = crowd_body (n_workers, crowd->n_offers, positions, crowd->priority, TRUE);
      backwards = load (body, &error);
      g_assert_no_error (error);
      other = match (backwards, NULL);
      csv_other = collab_table_to_csv (collab_match_get_table (other));
      g_assert_true (g_str_equal (csv, csv_other));
    }
}

/* The rows' workers, "a b c ". */
static char *
workers_of (CollabMatch *matching)
{
  CollabTable *table = collab_match_get_table (matching);
  GString *rows = g_string_new (NULL);

  for (guint r = 0; r < collab_table_get_n_rows (table); r++)
    g_string_append_printf (rows, "%s ", collab_table_get_string (table, r, 0));
  return g_string_free (rows, FALSE);
}

/* Workers tied on everything but the day they registered and their ids,
 * more than there are positions: the earliest registered first, then by
 * id, whatever the order of the document. A worker of another class
 * (any type of work) is placed or not by the flow, but the same way for
 * the same records in any order. */
static void
test_tied (void)
{
  static const char * const workers[] = {
    "  {\"id\": \"b\", \"county\": \"yanchang\", \"wants\": [\"logistics\"], \"registered\": \"2023-01-01\"}",
    "  {\"id\": \"late\", \"county\": \"yanchang\", \"wants\": [\"logistics\"], \"registered\": \"2023-02-01\"}",
    "  {\"id\": \"c\", \"county\": \"yanchang\", \"wants\": [\"logistics\"], \"registered\": \"2023-01-01\"}",
    "  {\"id\": \"a\", \"county\": \"yanchang\", \"wants\": [\"logistics\"], \"registered\": \"2023-01-01\"}",
    "  {\"id\": \"early\", \"county\": \"yanchang\", \"wants\": [\"logistics\"], \"registered\": \"2022-12-01\"}",
    "  {\"id\": \"any\", \"county\": \"yanchang\", \"wants\": [], \"registered\": \"2023-01-01\"}",
  };
  g_autofree char *expected = NULL;

  for (guint order = 0; order < 2; order++)
    for (guint with_any = 0; with_any < 2; with_any++)
      {
        g_autoptr(GString) body = g_string_new (",\n \"job_offers\": [\n" OFFER ("o1", "3") "],\n \"workers\": [\n");
        guint n = G_N_ELEMENTS (workers) - 1 + with_any;
        g_autoptr(GError) error = NULL;
        g_autoptr(CollabDataset) dataset = NULL;
        g_autoptr(CollabMatch) matching = NULL;
        g_autofree char *rows = NULL;

        for (guint i = 0; i < n; i++)
          g_string_append_printf (body, "%s%s", i > 0 ? ",\n" : "", workers[order == 0 ? i : n - 1 - i]);
        g_string_append (body, "]");
        dataset = load (body->str, &error);
        g_assert_no_error (error);
        matching = match (dataset, NULL);
        rows = workers_of (matching);
        g_assert_cmpuint (collab_match_get_placed (matching), ==, 3);
        g_assert_cmpuint (collab_match_get_rank_sum (matching), ==, 3);
        if (!with_any)
          g_assert_cmpstr (rows, ==, "early a b ");
        else if (expected == NULL)
          expected = g_steal_pointer (&rows);
        else
          g_assert_cmpstr (rows, ==, expected);
      }
}

int
main (int    argc,
      char **argv)
{
  /* Fewer positions than workers, as many, and more; all priority. */
  static const Crowd million = { 1000000, 3, 100000, FALSE, TRUE };
  static const Crowd enough = { 1000000, 2, 500000, FALSE, FALSE };
  static const Crowd plenty = { 1000000, 4, 1000000, TRUE, FALSE };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/match/degenerate/nothing", test_nothing);
  g_test_add_func ("/collab/match/degenerate/zero-positions", test_zero_positions);
  g_test_add_func ("/collab/match/degenerate/positions-taken", test_positions_taken);
  g_test_add_func ("/collab/match/degenerate/tied", test_tied);
  g_test_add_data_func ("/collab/match/degenerate/million-alike", &million, test_crowd);
  g_test_add_data_func ("/collab/match/degenerate/million-alike-enough", &enough, test_crowd);
  g_test_add_data_func ("/collab/match/degenerate/million-alike-plenty", &plenty, test_crowd);

  return g_test_run ();
}
