/* test-tsan-shim.c: what the TSan build of tests/threads/ sees, and what not
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The self-test of glib-tsan-shim.c, built only with -fsanitize=thread
 * (tests/threads/meson.build). Each case runs in a subprocess of its own
 * (g_test_trap_subprocess()) with the TSAN_OPTIONS of the caller, and the
 * parent reads its verdict and its standard error:
 *
 *  - /tsan/seen/…: code that is correct because GLib orders it — GMutex,
 *    GCond, GRecMutex, GRWLock, g_once_init_enter(), g_once(), an atomic
 *    reference count, a dataset handed to another thread through a
 *    barrier — must run without a single report. Without the shim every
 *    one of them is reported as a race.
 *
 *  - /tsan/caught/…: code with a race must be reported, with the racing
 *    function named, although it uses the same GLib primitives around the
 *    race: the shim must not order more than GLib does. Among them the
 *    pattern of libcollab 0.1's lazily built data (a cache filled on first
 *    use by whichever thread comes first, and replaced while others read).
 *
 * Also checked: that the shim's definitions are the ones every library
 * calls (they interpose libglib's), and that GSlice hands out malloc()
 * blocks (G_SLICE=always-malloc), which TSan sees.
 */

#include <dlfcn.h>
#include <string.h>
#include <unistd.h>

#include <libcollab/collab.h>

#include "../collab-test-util.h"
#include "test-barrier.h"

#define N_THREADS 4
#define N_ITERATIONS 1000

/* --- helpers -------------------------------------------------------------- */

/* Gates at the start and the end of a case: the threads start their
 * work at once, so that a race is a race in time as well. */
static Barrier start, finish;

typedef struct
{
  GThreadFunc func;
  gpointer    data;
} Case;

/* Every thread of a case stays until all have done their part: TSan may
 * lose the accesses of a thread that has ended once another takes its
 * slot, and miss a race with them. The barrier comes after the accesses,
 * so it orders none of them. */
static gpointer
run_case (gpointer data)
{
  Case *run = data;

  run->func (run->data);
  barrier_wait (&finish);
  return NULL;
}

/* Runs @func in N_THREADS threads that start together after the main
 * thread's writes, and joins them. */
static void
run_threads (GThreadFunc func,
             gpointer    data)
{
  GThread *threads[N_THREADS];
  Case run = { func, data };

  barrier_init (&start, N_THREADS);
  barrier_init (&finish, N_THREADS);
  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("tsan-case", run_case, &run);
  for (guint i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);
  barrier_clear (&start);
  barrier_clear (&finish);
}

/* Whether a report of TSan's is in the subprocess's output. */
#define TSAN_REPORT "*WARNING: ThreadSanitizer:*"

static void
assert_clean (const char *path)
{
  g_test_trap_subprocess (path, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_stderr_unmatched (TSAN_REPORT);
  g_test_trap_assert_passed ();
}

/* @pattern is in every report of the race: the thread function on the
 * side of the current access, whose stack TSan always has (the earlier
 * access's it may fail to restore), or the global's name. */
static void
assert_race (const char *path,
             const char *pattern)
{
  /* TSan can miss a race: about one run of /tsan/caught/cond in a hundred
   * exits clean (its detection depends on what the shadow memory still
   * holds when the second access comes). The shim orders nothing it should
   * not if a race is reported in any of three runs; clean in all three is
   * a failure. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_test_trap_subprocess (path, 0, G_TEST_SUBPROCESS_DEFAULT);
      if (!g_test_trap_has_passed ())
        break;
    }
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*WARNING: ThreadSanitizer: data race*");
  g_test_trap_assert_stderr (pattern);
}

/* --- the set-up ----------------------------------------------------------- */

/* dlsym() sees what the dynamic linker gives libgobject and json-glib:
 * the executable's definitions, not libglib's. */
static void
test_interposed (void)
{
  static const struct { const char *name; gpointer own; } functions[] = {
    { "g_mutex_lock", (gpointer) g_mutex_lock },
    { "g_mutex_unlock", (gpointer) g_mutex_unlock },
    { "g_rec_mutex_lock", (gpointer) g_rec_mutex_lock },
    { "g_rw_lock_writer_lock", (gpointer) g_rw_lock_writer_lock },
    { "g_rw_lock_reader_lock", (gpointer) g_rw_lock_reader_lock },
    { "g_once_init_leave", (gpointer) (g_once_init_leave) },
    { "g_atomic_ref_count_dec", (gpointer) g_atomic_ref_count_dec },
    { "g_object_new", (gpointer) g_object_new },
    { "g_type_class_ref", (gpointer) g_type_class_ref },
    { "g_intern_string", (gpointer) g_intern_string },
    { "g_object_get_qdata", (gpointer) g_object_get_qdata },
  };

  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    {
      gpointer seen = dlsym (RTLD_DEFAULT, functions[i].name);

      if (seen != functions[i].own)
        g_error ("%s: the libraries call %p, not the shim's %p: the executable does not interpose libglib",
                 functions[i].name, seen, functions[i].own);
    }
}

static void
test_slice (void)
{
  const char *slice = g_getenv ("G_SLICE");

  if (slice == NULL || strstr (slice, "always-malloc") == NULL)
    g_error ("G_SLICE=%s: without always-malloc, GSlice recycles blocks between threads under its own "
             "locks, which TSan does not see", slice != NULL ? slice : "");
}

/* --- ordered by GLib: must be clean --------------------------------------- */

static GMutex counter_mutex;
static guint counter;

static gpointer
count_locked (gpointer data)
{
  barrier_wait (&start);
  for (guint i = 0; i < N_ITERATIONS; i++)
    {
      g_mutex_lock (&counter_mutex);
      counter++;
      g_mutex_unlock (&counter_mutex);
    }
  return NULL;
}

static void
test_seen_mutex (void)
{
  if (g_test_subprocess ())
    {
      run_threads (count_locked, NULL);
      g_assert_cmpuint (counter, ==, N_THREADS * N_ITERATIONS);
      return;
    }
  assert_clean ("/tsan/seen/mutex");
}

static GRecMutex rec_mutex;

static gpointer
count_rec_locked (gpointer data)
{
  barrier_wait (&start);
  for (guint i = 0; i < N_ITERATIONS; i++)
    {
      g_rec_mutex_lock (&rec_mutex);
      g_rec_mutex_lock (&rec_mutex);
      counter++;
      g_rec_mutex_unlock (&rec_mutex);
      counter++;
      g_rec_mutex_unlock (&rec_mutex);
    }
  return NULL;
}

static void
test_seen_rec_mutex (void)
{
  if (g_test_subprocess ())
    {
      run_threads (count_rec_locked, NULL);
      g_assert_cmpuint (counter, ==, 2 * N_THREADS * N_ITERATIONS);
      return;
    }
  assert_clean ("/tsan/seen/rec-mutex");
}

static GRWLock rw_lock;
static guint rw_table[64];

/* Writers change the whole table, readers check that it is whole. */
static gpointer
read_and_write (gpointer data)
{
  barrier_wait (&start);
  for (guint i = 0; i < N_ITERATIONS; i++)
    {
      if (i % 8 == 0)
        {
          g_rw_lock_writer_lock (&rw_lock);
          for (guint j = 0; j < G_N_ELEMENTS (rw_table); j++)
            rw_table[j]++;
          g_rw_lock_writer_unlock (&rw_lock);
        }
      else
        {
          g_rw_lock_reader_lock (&rw_lock);
          for (guint j = 1; j < G_N_ELEMENTS (rw_table); j++)
            g_assert_cmpuint (rw_table[j], ==, rw_table[0]);
          g_rw_lock_reader_unlock (&rw_lock);
        }
    }
  return NULL;
}

static void
test_seen_rw_lock (void)
{
  if (g_test_subprocess ())
    {
      run_threads (read_and_write, NULL);
      return;
    }
  assert_clean ("/tsan/seen/rw-lock");
}

/* A producer fills a plain struct and hands it over under a mutex with a
 * condition; the consumer waits for it, with a time limit. */
typedef struct
{
  GMutex  mutex;
  GCond   cond;
  char   *message;
  guint   numbers[16];
} Mailbox;

static gpointer
produce (gpointer data)
{
  Mailbox *box = data;
  char *message = g_strdup ("西部");
  guint numbers[16];

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    numbers[i] = i * i;
  g_mutex_lock (&box->mutex);
  memcpy (box->numbers, numbers, sizeof numbers);
  box->message = message;
  g_cond_signal (&box->cond);
  g_mutex_unlock (&box->mutex);
  return NULL;
}

static void
test_seen_cond (void)
{
  if (g_test_subprocess ())
    {
      Mailbox box = { 0 };
      GThread *producer;
      gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

      g_mutex_init (&box.mutex);
      g_cond_init (&box.cond);
      producer = g_thread_new ("producer", produce, &box);
      g_mutex_lock (&box.mutex);
      while (box.message == NULL)
        g_assert_true (g_cond_wait_until (&box.cond, &box.mutex, end));
      g_mutex_unlock (&box.mutex);
      /* Outside the lock: the hand-off ordered it. */
      g_assert_cmpstr (box.message, ==, "西部");
      g_assert_cmpuint (box.numbers[15], ==, 225);
      g_free (box.message);
      g_thread_join (producer);

      /* And the time limit is kept. */
      g_mutex_lock (&box.mutex);
      g_assert_false (g_cond_wait_until (&box.cond, &box.mutex, g_get_monotonic_time () + 1000));
      g_mutex_unlock (&box.mutex);
      g_mutex_clear (&box.mutex);
      g_cond_clear (&box.cond);
      return;
    }
  assert_clean ("/tsan/seen/cond");
}

/* Built on first use by whichever thread comes first, as a fixed library
 * would build its derived data. */
typedef struct
{
  guint  n;
  guint *squares;
} Derived;

static Derived *
derived_new (void)
{
  Derived *derived = g_new0 (Derived, 1);

  derived->n = 100;
  derived->squares = g_new (guint, derived->n);
  for (guint i = 0; i < derived->n; i++)
    derived->squares[i] = i * i;
  return derived;
}

static void
derived_check (const Derived *derived)
{
  g_assert_cmpuint (derived->n, ==, 100);
  g_assert_cmpuint (derived->squares[99], ==, 9801);
}

static Derived *once_init_derived;

static gpointer
use_once_init (gpointer data)
{
  barrier_wait (&start);
  if (g_once_init_enter (&once_init_derived))
    g_once_init_leave (&once_init_derived, derived_new ());
  derived_check (once_init_derived);
  return NULL;
}

static void
test_seen_once_init (void)
{
  if (g_test_subprocess ())
    {
      run_threads (use_once_init, NULL);
      return;
    }
  assert_clean ("/tsan/seen/once-init");
}

static gpointer
make_derived (gpointer data)
{
  return derived_new ();
}

static GOnce once = G_ONCE_INIT;

static gpointer
use_once (gpointer data)
{
  barrier_wait (&start);
  derived_check (g_once (&once, make_derived, NULL));
  return NULL;
}

static void
test_seen_once (void)
{
  if (g_test_subprocess ())
    {
      run_threads (use_once, NULL);
      return;
    }
  assert_clean ("/tsan/seen/once");
}

/* Each thread reads the object and drops its reference; whichever drops
 * the last one frees it. */
typedef struct
{
  gatomicrefcount  ref_count;
  Derived         *derived;
} Shared;

static void
shared_unref (Shared *shared)
{
  if (g_atomic_ref_count_dec (&shared->ref_count))
    {
      g_free (shared->derived->squares);
      g_free (shared->derived);
      g_free (shared);
    }
}

static gpointer
use_and_drop (gpointer data)
{
  Shared *shared = data;

  barrier_wait (&start);
  derived_check (shared->derived);
  shared_unref (shared);
  return NULL;
}

static void
test_seen_ref_count (void)
{
  if (g_test_subprocess ())
    {
      GThread *threads[N_THREADS];

      barrier_init (&start, N_THREADS);
      for (guint round = 0; round < 50; round++)
        {
          Shared *shared = g_new0 (Shared, 1);

          g_atomic_ref_count_init (&shared->ref_count);
          shared->derived = derived_new ();
          for (guint i = 1; i < N_THREADS; i++)
            g_atomic_ref_count_inc (&shared->ref_count);
          g_assert_true (g_atomic_ref_count_compare (&shared->ref_count, N_THREADS));
          for (guint i = 0; i < N_THREADS; i++)
            threads[i] = g_thread_new ("tsan-case", use_and_drop, shared);
          for (guint i = 0; i < N_THREADS; i++)
            g_thread_join (threads[i]);
        }
      barrier_clear (&start);
      return;
    }
  assert_clean ("/tsan/seen/ref-count");
}

/* The hand-off of thread-checks.c and test-threads.c: the main thread
 * loads a dataset, one worker reads it after a barrier, the main thread
 * frees it after another. One reader, so that no race of the library's
 * own is in the way. */
static CollabDataset *handed_dataset;
static Barrier hand_off;

static gpointer
read_dataset (gpointer data)
{
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CollabTable) table = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(CollabChecker) checker = collab_checker_new ();
      g_autoptr(GError) error = NULL;

      barrier_wait (&hand_off);
      table = collab_dataset_to_table (handed_dataset, COLLAB_RECORD_KIND_PAIRING);
      g_assert_cmpuint (collab_table_get_n_rows (table), ==, 11);
      findings = collab_checker_run (checker, handed_dataset, &error);
      g_assert_no_error (error);
      g_assert_nonnull (findings);
      barrier_wait (&hand_off);
    }
  return NULL;
}

static void
test_seen_dataset_hand_off (void)
{
  if (g_test_subprocess ())
    {
      GThread *reader;

      barrier_init (&hand_off, 2);
      reader = g_thread_new ("reader", read_dataset, NULL);
      for (guint i = 0; i < 3; i++)
        {
          handed_dataset = collab_test_load_example ("wuxi-2021-2023.json");
          barrier_wait (&hand_off);
          barrier_wait (&hand_off);
          g_clear_object (&handed_dataset);
        }
      g_thread_join (reader);
      barrier_clear (&hand_off);
      return;
    }
  assert_clean ("/tsan/seen/dataset-hand-off");
}

/* The next cases hand over between threads through a relaxed atomic flag,
 * which orders nothing in TSan's eyes (nor in C's): whatever the second
 * thread may do safely then, it owes to GLib alone. */
static gint handed_over;

static void
hand_over (void)
{
  __atomic_store_n (&handed_over, 1, __ATOMIC_RELAXED);
}

static void
wait_for_hand_over (void)
{
  while (__atomic_load_n (&handed_over, __ATOMIC_RELAXED) == 0)
    g_thread_yield ();
}

/* GObject classes: the first thread initialises the class, the second
 * finds it initialised through libgobject's lock-free fast path and reads
 * it in instrumented code (the instance check, the class's own field, the
 * parent class in finalize). */
G_DECLARE_DERIVABLE_TYPE (TestThing, test_thing, TEST, THING, GObject)

struct _TestThingClass
{
  GObjectClass parent_class;
  guint        answer;
};

G_DEFINE_TYPE (TestThing, test_thing, G_TYPE_OBJECT)

static void
test_thing_finalize (GObject *object)
{
  G_OBJECT_CLASS (test_thing_parent_class)->finalize (object);
}

static void
test_thing_class_init (TestThingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_thing_finalize;
  klass->answer = 42;
}

static void
test_thing_init (TestThing *self)
{
}

static void
use_thing (void)
{
  TestThing *thing = g_object_new (test_thing_get_type (), NULL);

  g_assert_true (TEST_IS_THING (thing));
  g_assert_cmpuint (TEST_THING_GET_CLASS (thing)->answer, ==, 42);
  g_object_unref (thing);
}

static gpointer
use_thing_after_hand_over (gpointer data)
{
  wait_for_hand_over ();
  use_thing ();
  return NULL;
}

/* An enumeration registered and its class initialised by the first thread;
 * the second reads the GEnumClass inline, as libcollab's table export does. */
static const GEnumValue colours[] = {
  { 0, "COLOUR_RED", "red" },
  { 1, "COLOUR_GREEN", "green" },
  { 0, NULL, NULL },
};
static GType colour_type;

static void
use_colours (void)
{
  GEnumClass *klass = g_type_class_ref (colour_type);

  g_assert_cmpuint (klass->n_values, ==, 2);
  g_assert_cmpstr (klass->values[1].value_nick, ==, "green");
  g_type_class_unref (klass);
}

static gpointer
use_colours_after_hand_over (gpointer data)
{
  wait_for_hand_over ();
  use_colours ();
  return NULL;
}

static void
test_seen_class_init (void)
{
  if (g_test_subprocess ())
    {
      GThread *second;

      second = g_thread_new ("second", use_thing_after_hand_over, NULL);
      use_thing ();
      hand_over ();
      g_thread_join (second);

      /* Registered before the thread starts; its class is made after. */
      __atomic_store_n (&handed_over, 0, __ATOMIC_RELAXED);
      colour_type = g_enum_register_static ("TestColour", colours);
      second = g_thread_new ("second", use_colours_after_hand_over, NULL);
      use_colours ();
      hand_over ();
      g_thread_join (second);
      return;
    }
  assert_clean ("/tsan/seen/class-init");
}

/* A string interned by one thread and looked up by another (a finding's
 * rule id): GLib copies it into its own blocks and compares it there. */
static char *interned_text;

static gpointer
intern_after_hand_over (gpointer data)
{
  const char *interned;

  wait_for_hand_over ();
  interned = g_intern_string (interned_text);
  g_assert_cmpuint (strlen (interned), ==, strlen (interned_text));
  g_assert_true (g_quark_try_string (interned_text) != 0);
  g_assert_cmpstr (g_quark_to_string (g_quark_from_string (interned_text)), ==, interned);
  return NULL;
}

static void
test_seen_interned (void)
{
  if (g_test_subprocess ())
    {
      GThread *second;

      interned_text = g_strdup_printf ("collab-tsan-%d-rule", (int) getpid ());
      second = g_thread_new ("second", intern_after_hand_over, NULL);
      g_intern_string (interned_text);
      hand_over ();
      g_thread_join (second);
      g_free (interned_text);
      return;
    }
  assert_clean ("/tsan/seen/interned-string");
}

/* Derived data kept on an object, as libcollab keeps its ledger, talent
 * tally and cadre index on the dataset: built by one thread, found by
 * another through GLib's object data (ordered by GLib's bit lock). */
static GObject *holder;
static GQuark derived_quark, replaced_quark;

static void
derived_free (gpointer data)
{
  Derived *derived = data;

  g_free (derived->squares);
  g_free (derived);
}

static gpointer
find_derived (gpointer data)
{
  wait_for_hand_over ();
  derived_check (g_object_get_qdata (holder, derived_quark));
  derived_check (g_object_get_data (holder, "collab-tsan-derived"));
  derived_check (g_object_get_qdata (holder, replaced_quark));
  derived_check (g_object_dup_qdata (holder, derived_quark, NULL, NULL));
  /* And data of its own on the same object: GLib grows its array. */
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *key = g_strdup_printf ("collab-tsan-second-%u", i);

      g_object_set_data (holder, key, GUINT_TO_POINTER (i + 1));
    }
  return NULL;
}

static void
test_seen_object_data (void)
{
  if (g_test_subprocess ())
    {
      GThread *second;

      holder = g_object_new (G_TYPE_OBJECT, NULL);
      derived_quark = g_quark_from_static_string ("collab-tsan-derived-q");
      replaced_quark = g_quark_from_static_string ("collab-tsan-replaced-q");
      second = g_thread_new ("second", find_derived, NULL);
      g_object_set_qdata_full (holder, derived_quark, derived_new (), derived_free);
      g_object_set_data_full (holder, "collab-tsan-derived", derived_new (), derived_free);
      g_assert_true (g_object_replace_qdata (holder, replaced_quark, NULL, derived_new (), derived_free, NULL));
      hand_over ();
      g_thread_join (second);
      g_object_unref (holder);
      return;
    }
  assert_clean ("/tsan/seen/object-data");
}

/* A sealed JSON tree shared by reference, as a cached plan is by the
 * findings of several threads: each reads it and lets go, and whichever
 * lets go last frees it. */
static gpointer
read_and_let_go (gpointer data)
{
  JsonNode *node = data;
  JsonObject *object = json_node_get_object (node);

  barrier_wait (&start);
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "sentence")), >, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "profession"), ==, "teacher");
  json_node_unref (node);
  return NULL;
}

static void
test_seen_json_ref (void)
{
  if (g_test_subprocess ())
    {
      for (guint round = 0; round < 20; round++)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
          JsonNode *node;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "sentence");
          json_builder_add_string_value (builder, "add 2 teachers for 12 months");
          json_builder_set_member_name (builder, "profession");
          json_builder_add_string_value (builder, "teacher");
          json_builder_end_object (builder);
          node = json_builder_get_root (builder);
          g_clear_object (&builder);   /* the threads hold the only references */
          for (guint i = 1; i < N_THREADS; i++)
            json_node_ref (node);
          run_threads (read_and_let_go, node);
        }
      return;
    }
  assert_clean ("/tsan/seen/json-ref");
}

/* GLib's own data under GLib's own locks, out of the shim's reach, that
 * tsan.supp names: the cache of time zones (libcollab's checker asks for
 * today), GVariant's type information (GResource, when libcollab reads a
 * built-in rule set) and the time stamps of the log writer. Clean with
 * tsan.supp, reported without it. */
static gpointer
use_glib_caches (gpointer data)
{
  g_autoptr(CollabRuleset) ruleset = NULL;
  GTimeZone *zone;
  g_autoptr(GError) error = NULL;

  if (data != NULL)
    wait_for_hand_over ();
  g_message ("the %s thread logs", data != NULL ? "second" : "first");
  zone = g_time_zone_new_local ();
  g_assert_nonnull (g_time_zone_get_identifier (zone));
  g_time_zone_unref (zone);
  ruleset = collab_ruleset_new_builtin ("east-west-2021", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ruleset);
  g_variant_unref (g_variant_ref_sink (g_variant_new ("(us)", 6, "西部")));
  return NULL;
}

static void
test_seen_glib_caches (void)
{
  if (g_test_subprocess ())
    {
      GThread *second = g_thread_new ("second", use_glib_caches, GINT_TO_POINTER (1));

      use_glib_caches (NULL);
      hand_over ();
      g_thread_join (second);
      return;
    }
  assert_clean ("/tsan/seen/glib-caches");
}

/* --- races: must be reported ---------------------------------------------- */

/* Two mutexes are not one: each thread holds a lock of its own. */
static GMutex own_mutexes[N_THREADS];
static gint own_index;

static G_NO_INLINE void
count_under_own_lock (GMutex *mutex)
{
  g_mutex_lock (mutex);
  counter++;
  g_mutex_unlock (mutex);
}

static gpointer
count_own_locked (gpointer data)
{
  GMutex *mutex = &own_mutexes[g_atomic_int_add (&own_index, 1)];

  barrier_wait (&start);
  for (guint i = 0; i < N_ITERATIONS; i++)
    count_under_own_lock (mutex);
  return NULL;
}

static void
test_caught_other_mutex (void)
{
  if (g_test_subprocess ())
    {
      run_threads (count_own_locked, NULL);
      return;
    }
  assert_race ("/tsan/caught/other-mutex", "*count_own_locked*");
}

/* The condition is signalled under the lock, but the data was written
 * after the unlock. Volatile, so that no compiler moves either access to
 * the other side of a call (the value is static and never escapes: clang
 * knows that GLib cannot touch it, and may). */
static volatile guint late_value;

static G_NO_INLINE void
write_after_unlock (Mailbox *box)
{
  g_mutex_lock (&box->mutex);
  box->message = (char *) "ready";
  g_cond_signal (&box->cond);
  g_mutex_unlock (&box->mutex);
  late_value = 42;
}

/* Set by the consumer after its read, relaxed (it orders nothing), so that
 * the producer is still there when its write is raced. */
static gint late_value_read;

static gpointer
produce_late (gpointer data)
{
  write_after_unlock (data);
  while (__atomic_load_n (&late_value_read, __ATOMIC_RELAXED) == 0)
    g_thread_yield ();
  return NULL;
}

static void
test_caught_cond (void)
{
  if (g_test_subprocess ())
    {
      Mailbox box = { 0 };
      GThread *producer;
      guint seen;

      g_mutex_init (&box.mutex);
      g_cond_init (&box.cond);
      producer = g_thread_new ("producer", produce_late, &box);
      g_mutex_lock (&box.mutex);
      while (box.message == NULL)
        g_cond_wait (&box.cond, &box.mutex);
      g_mutex_unlock (&box.mutex);
      seen = late_value;
      __atomic_store_n (&late_value_read, 1, __ATOMIC_RELAXED);
      g_thread_join (producer);
      g_assert_cmpuint (seen, <=, 42);
      g_mutex_clear (&box.mutex);
      g_cond_clear (&box.cond);
      return;
    }
  assert_race ("/tsan/caught/cond", "*Location is global 'late_value'*");
}

/* libcollab 0.1's pattern: derived data built on first use by whichever
 * thread sees none, with no lock and no once. */
static Derived *lazy_derived;

static G_NO_INLINE Derived *
lazy_get (void)
{
  if (lazy_derived == NULL)
    lazy_derived = derived_new ();
  return lazy_derived;
}

static gpointer
use_lazy (gpointer data)
{
  barrier_wait (&start);
  for (guint i = 0; i < 10; i++)
    derived_check (lazy_get ());
  return NULL;
}

static void
test_caught_lazy (void)
{
  if (g_test_subprocess ())
    {
      run_threads (use_lazy, NULL);
      return;
    }
  assert_race ("/tsan/caught/lazy-build", "*use_lazy*");
}

/* And its other half: a cached text replaced (freed and copied anew)
 * while the others copy it, as the talent tally's plan sentences are. */
typedef struct
{
  char *sentence;
} Cache;

static G_NO_INLINE char *
cache_plan (Cache *cache,
            guint  i)
{
  g_free (cache->sentence);
  cache->sentence = g_strdup_printf ("派出 %u 名教师", i);
  return g_strdup (cache->sentence);
}

static gpointer
use_cache (gpointer data)
{
  barrier_wait (&start);
  for (guint i = 0; i < 50; i++)
    g_free (cache_plan (data, i));
  return NULL;
}

static void
test_caught_replaced (void)
{
  if (g_test_subprocess ())
    {
      Cache cache = { g_strdup ("") };

      run_threads (use_cache, &cache);
      g_free (cache.sentence);
      return;
    }
  assert_race ("/tsan/caught/replaced-while-read", "*use_cache*");
}

/* A reference count orders the frees, not what the holders do meanwhile:
 * two holders writing the shared object is a race, whoever frees it. */
static G_NO_INLINE void
write_shared (Shared *shared,
              guint   value)
{
  shared->derived->squares[1] = value;
}

static gpointer
write_and_drop (gpointer data)
{
  Shared *shared = data;

  barrier_wait (&start);
  write_shared (shared, 1);
  shared_unref (shared);
  return NULL;
}

static void
test_caught_ref_count (void)
{
  if (g_test_subprocess ())
    {
      Shared *shared = g_new0 (Shared, 1);

      g_atomic_ref_count_init (&shared->ref_count);
      shared->derived = derived_new ();
      for (guint i = 1; i < N_THREADS; i++)
        g_atomic_ref_count_inc (&shared->ref_count);
      run_threads (write_and_drop, shared);
      return;
    }
  assert_race ("/tsan/caught/under-ref-count", "*write_and_drop*");
}

/* Object data orders the finder after the setter, not the finders among
 * themselves: two threads that change what they found race. */
static G_NO_INLINE void
change_found (void)
{
  Derived *derived = g_object_get_qdata (holder, derived_quark);

  derived->squares[2] = 4;
}

static gpointer
change_found_data (gpointer data)
{
  barrier_wait (&start);
  change_found ();
  return NULL;
}

static void
test_caught_object_data (void)
{
  if (g_test_subprocess ())
    {
      holder = g_object_new (G_TYPE_OBJECT, NULL);
      derived_quark = g_quark_from_static_string ("collab-tsan-derived-q");
      g_object_set_qdata_full (holder, derived_quark, derived_new (), derived_free);
      run_threads (change_found_data, NULL);
      g_object_unref (holder);
      return;
    }
  assert_race ("/tsan/caught/object-data-readers", "*change_found_data*");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tsan/interposed", test_interposed);
  g_test_add_func ("/tsan/slice", test_slice);

  g_test_add_func ("/tsan/seen/mutex", test_seen_mutex);
  g_test_add_func ("/tsan/seen/rec-mutex", test_seen_rec_mutex);
  g_test_add_func ("/tsan/seen/rw-lock", test_seen_rw_lock);
  g_test_add_func ("/tsan/seen/cond", test_seen_cond);
  g_test_add_func ("/tsan/seen/once-init", test_seen_once_init);
  g_test_add_func ("/tsan/seen/once", test_seen_once);
  g_test_add_func ("/tsan/seen/ref-count", test_seen_ref_count);
  g_test_add_func ("/tsan/seen/class-init", test_seen_class_init);
  g_test_add_func ("/tsan/seen/interned-string", test_seen_interned);
  g_test_add_func ("/tsan/seen/object-data", test_seen_object_data);
  g_test_add_func ("/tsan/seen/json-ref", test_seen_json_ref);
  g_test_add_func ("/tsan/seen/glib-caches", test_seen_glib_caches);
  g_test_add_func ("/tsan/seen/dataset-hand-off", test_seen_dataset_hand_off);

  g_test_add_func ("/tsan/caught/other-mutex", test_caught_other_mutex);
  g_test_add_func ("/tsan/caught/cond", test_caught_cond);
  g_test_add_func ("/tsan/caught/lazy-build", test_caught_lazy);
  g_test_add_func ("/tsan/caught/replaced-while-read", test_caught_replaced);
  g_test_add_func ("/tsan/caught/under-ref-count", test_caught_ref_count);
  g_test_add_func ("/tsan/caught/object-data-readers", test_caught_object_data);

  return g_test_run ();
}
