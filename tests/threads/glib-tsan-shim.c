/* glib-tsan-shim.c: GLib's thread primitives in code that ThreadSanitizer sees
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Linked into the test programs of tests/threads/ when they are built with
 * -fsanitize=thread (tests/threads/meson.build), and only then.
 *
 * Why: Debian's GLib is not built with TSan. Its GMutex and GCond are futex
 * words, g_once_init_leave() and g_atomic_ref_count_dec() are atomic
 * instructions, GObject finds an initialised class with an atomic load,
 * all in uninstrumented code: TSan does not see the happens-before they
 * create, and reports every access they order as a race — hundreds of
 * them, starting with the test's own GMutex/GCond barrier and the hand-off
 * of the loaded dataset to the workers.
 *
 * How: this file defines the same public functions on top of what TSan
 * understands — pthread mutexes, condition variables and rwlocks, which its
 * runtime intercepts, and C11 atomics, which the compiler instruments.
 * A definition in the executable interposes the one in libglib-2.0.so or
 * libgobject-2.0.so for every caller outside that library: the test itself
 * and libcollab (linked in statically, tests/meson.build), and also
 * libgobject and json-glib, whose calls go through the PLT. Debian links
 * GLib's libraries with -Bsymbolic-functions, so libglib's calls to itself
 * keep its own futex versions; the two never meet on one object, because a
 * GMutex, GCond, GRecMutex, GRWLock or g_once location belongs to the code
 * of one library and only that code locks or waits on it (GLib passes none
 * of its own to its callers, and none of the tests' to its internals: no
 * GAsyncQueue, GThreadPool or GMainContext here). test-tsan-shim.c checks
 * that the interposition holds.
 *
 * Sound: nothing here orders more than the real functions do.
 *  - The locks and g_once are those of GLib's own gthread-posix.c without
 *    futexes (a pthread object allocated on first use and published with
 *    a compare-and-exchange, so that a zero-filled GMutex works as GLib
 *    promises) and of gthread.c.
 *  - The reference counts use the weakest orders that still make them
 *    correct (increments relaxed, a release on each decrement, an acquire
 *    by the thread that frees): fewer happens-before edges than GLib's
 *    sequentially consistent ones, so a race in libcollab that only a
 *    reference count seems to order is still reported.
 *  - The class look-ups take GObject's type lock for reading after the
 *    real call: ordered after whoever initialised the class, and after
 *    nothing else (see "GObject classes" below).
 *  - Object data (g_object_get/set_qdata(), where libcollab keeps its
 *    derived data): a getter is ordered after the setters of that object,
 *    as by GLib's lock, and getters not among themselves (see below).
 *  - json-glib's unrefs of one node are ordered, as its sequentially
 *    consistent decrement orders them; GObject's counts are left alone.
 *  - Quarks and interned strings: TSan ignores GLib's accesses inside the
 *    calls, which adds no ordering at all (see below).
 *
 * What is left unseen: what libglib does to its own data under its own
 * locks (tsan.supp names the functions that race so), GSlice's magazines
 * (G_SLICE=always-malloc makes every GSlice block a malloc() that TSan
 * sees; see below), g_object_ref/unref and the counts of GLib's own
 * containers (uninstrumented atomics; the tests share one object, the
 * dataset, and only the main thread lets go of it, after a barrier or a
 * join), g_bit_lock, GAsyncQueue and GThreadPool. Should the library come
 * to order its own data by one of those, add it here the same way, and a
 * case to test-tsan-shim.c that fails without it.
 */

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>
#include <glib-object.h>
#include <json-glib/json-glib.h>

#if !defined(__SANITIZE_THREAD__)
# if defined(__has_feature)
#  if __has_feature(thread_sanitizer)
#   define __SANITIZE_THREAD__ 1
#  endif
# endif
#endif
#if !defined(__SANITIZE_THREAD__)
# error "glib-tsan-shim.c is only for builds with -fsanitize=thread"
#endif

/* --- TSan's defaults --------------------------------------------------- */

/* So that the programs behave the same when run by hand as under
 * .ci/test, which passes all of these again in TSAN_OPTIONS (the variable
 * is read after these defaults and wins): tsan.supp (its path is the
 * source tree's, given by tests/threads/meson.build), the stacks of both
 * sides of a lock-order inversion, and a longer history, without which
 * TSan often cannot restore the stack of the earlier access of a race. */
#ifndef GLIB_TSAN_SHIM_SUPPRESSIONS
# error "tests/threads/meson.build defines GLIB_TSAN_SHIM_SUPPRESSIONS, the path of tsan.supp"
#endif

const char *__tsan_default_options (void);

const char *
__tsan_default_options (void)
{
  return "suppressions=" GLIB_TSAN_SHIM_SUPPRESSIONS ":second_deadlock_stack=1:history_size=7";
}

/* --- GSlice ------------------------------------------------------------ */

/* GSlice (GLib 2.74) hands out blocks from magazines of each thread and
 * moves them between threads under its own locks: a block that one
 * thread freed and another got back looks to TSan like two threads
 * writing the same memory. G_SLICE=always-malloc makes every block a
 * malloc(), which TSan follows. tests/threads/meson.build sets it; a
 * program started by hand without it starts itself again with it, here,
 * before main(), because GLib reads the variable once, at its first block,
 * which its own constructors may already have taken. */
static void __attribute__ ((constructor))
shim_require_slice_malloc (int    argc,
                           char **argv,
                           char **envp)
{
  const char *slice = getenv ("G_SLICE");
  char value[256];

  if (slice != NULL && strstr (slice, "always-malloc") != NULL)
    return;
  if (slice != NULL && *slice != '\0' && strlen (slice) < sizeof value - sizeof ",always-malloc")
    snprintf (value, sizeof value, "%s,always-malloc", slice);
  else
    snprintf (value, sizeof value, "always-malloc");
  setenv ("G_SLICE", value, 1);
  execv ("/proc/self/exe", argv);
  fprintf (stderr, "glib-tsan-shim: cannot start again with G_SLICE=%s: %s\n", value, strerror (errno));
  abort ();
}

/* The prototypes are GLib's (glib.h); -Wmissing-prototypes is content.
 * g_once_init_enter and g_once_init_leave are also macros there. */
#undef g_once_init_enter
#undef g_once_init_leave

/* A pthread call that fails here is a misuse (a destroyed or corrupt
 * lock): stop, as GLib does (g_thread_abort()). */
static void
shim_abort (int         status,
            const char *function)
{
  fprintf (stderr, "glib-tsan-shim: %s: %s\n", function, strerror (status));
  abort ();
}

#define CHECK(call) G_STMT_START { int status_ = (call); if (status_ != 0) shim_abort (status_, #call); } G_STMT_END

/* A pthread trylock's status as GLib's trylock says it: held elsewhere
 * (or, for a reader or a recursive mutex, held too many times) is FALSE;
 * any other error aborts. */
#define TRY(call) shim_tried ((call), #call)

static gboolean
shim_tried (int         status,
            const char *call)
{
  if (status == EBUSY || status == EAGAIN)
    return FALSE;
  if (status != 0)
    shim_abort (status, call);
  return TRUE;
}

/* Publishes a pthread object built on first use in @slot; a thread that
 * loses the race frees its own. The acquire load and the acq_rel exchange
 * order the object's initialisation before every use in TSan's eyes. */
static void *
shim_get_impl (gpointer  *slot,
               void     *(*make) (void),
               void      (*destroy) (void *))
{
  void *impl = __atomic_load_n (slot, __ATOMIC_ACQUIRE);

  if G_UNLIKELY (impl == NULL)
    {
      void *expected = NULL;

      impl = make ();
      if (!__atomic_compare_exchange_n (slot, &expected, impl, FALSE, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        {
          destroy (impl);
          impl = expected;
        }
    }
  return impl;
}

static void
shim_clear_impl (gpointer  *slot,
                 void      (*destroy) (void *))
{
  void *impl = __atomic_exchange_n (slot, NULL, __ATOMIC_ACQ_REL);

  if (impl != NULL)
    destroy (impl);
}

/* --- GMutex ------------------------------------------------------------ */

static void *
mutex_make (void)
{
  pthread_mutex_t *impl = malloc (sizeof *impl);

  if (impl == NULL)
    shim_abort (ENOMEM, "malloc");
  CHECK (pthread_mutex_init (impl, NULL));
  return impl;
}

static void
mutex_destroy (void *impl)
{
  CHECK (pthread_mutex_destroy (impl));
  free (impl);
}

static pthread_mutex_t *
mutex_impl (GMutex *mutex)
{
  return shim_get_impl (&mutex->p, mutex_make, mutex_destroy);
}

void
g_mutex_init (GMutex *mutex)
{
  __atomic_store_n (&mutex->p, mutex_make (), __ATOMIC_RELEASE);
}

void
g_mutex_clear (GMutex *mutex)
{
  shim_clear_impl (&mutex->p, mutex_destroy);
}

void
g_mutex_lock (GMutex *mutex)
{
  CHECK (pthread_mutex_lock (mutex_impl (mutex)));
}

void
g_mutex_unlock (GMutex *mutex)
{
  CHECK (pthread_mutex_unlock (mutex_impl (mutex)));
}

gboolean
g_mutex_trylock (GMutex *mutex)
{
  return TRY (pthread_mutex_trylock (mutex_impl (mutex)));
}

/* --- GRecMutex ---------------------------------------------------------- */

static void *
rec_mutex_make (void)
{
  pthread_mutex_t *impl = malloc (sizeof *impl);
  pthread_mutexattr_t attr;

  if (impl == NULL)
    shim_abort (ENOMEM, "malloc");
  CHECK (pthread_mutexattr_init (&attr));
  CHECK (pthread_mutexattr_settype (&attr, PTHREAD_MUTEX_RECURSIVE));
  CHECK (pthread_mutex_init (impl, &attr));
  CHECK (pthread_mutexattr_destroy (&attr));
  return impl;
}

static pthread_mutex_t *
rec_mutex_impl (GRecMutex *mutex)
{
  return shim_get_impl (&mutex->p, rec_mutex_make, mutex_destroy);
}

void
g_rec_mutex_init (GRecMutex *mutex)
{
  __atomic_store_n (&mutex->p, rec_mutex_make (), __ATOMIC_RELEASE);
}

void
g_rec_mutex_clear (GRecMutex *mutex)
{
  shim_clear_impl (&mutex->p, mutex_destroy);
}

void
g_rec_mutex_lock (GRecMutex *mutex)
{
  CHECK (pthread_mutex_lock (rec_mutex_impl (mutex)));
}

void
g_rec_mutex_unlock (GRecMutex *mutex)
{
  CHECK (pthread_mutex_unlock (rec_mutex_impl (mutex)));
}

gboolean
g_rec_mutex_trylock (GRecMutex *mutex)
{
  return TRY (pthread_mutex_trylock (rec_mutex_impl (mutex)));
}

/* --- GRWLock ------------------------------------------------------------ */

static void *
rw_lock_make (void)
{
  pthread_rwlock_t *impl = malloc (sizeof *impl);

  if (impl == NULL)
    shim_abort (ENOMEM, "malloc");
  CHECK (pthread_rwlock_init (impl, NULL));
  return impl;
}

static void
rw_lock_destroy (void *impl)
{
  CHECK (pthread_rwlock_destroy (impl));
  free (impl);
}

static pthread_rwlock_t *
rw_lock_impl (GRWLock *lock)
{
  return shim_get_impl (&lock->p, rw_lock_make, rw_lock_destroy);
}

void
g_rw_lock_init (GRWLock *lock)
{
  __atomic_store_n (&lock->p, rw_lock_make (), __ATOMIC_RELEASE);
}

void
g_rw_lock_clear (GRWLock *lock)
{
  shim_clear_impl (&lock->p, rw_lock_destroy);
}

void
g_rw_lock_writer_lock (GRWLock *lock)
{
  CHECK (pthread_rwlock_wrlock (rw_lock_impl (lock)));
}

gboolean
g_rw_lock_writer_trylock (GRWLock *lock)
{
  return TRY (pthread_rwlock_trywrlock (rw_lock_impl (lock)));
}

void
g_rw_lock_writer_unlock (GRWLock *lock)
{
  CHECK (pthread_rwlock_unlock (rw_lock_impl (lock)));
}

void
g_rw_lock_reader_lock (GRWLock *lock)
{
  CHECK (pthread_rwlock_rdlock (rw_lock_impl (lock)));
}

gboolean
g_rw_lock_reader_trylock (GRWLock *lock)
{
  return TRY (pthread_rwlock_tryrdlock (rw_lock_impl (lock)));
}

void
g_rw_lock_reader_unlock (GRWLock *lock)
{
  CHECK (pthread_rwlock_unlock (rw_lock_impl (lock)));
}

/* --- GCond -------------------------------------------------------------- */

/* On the monotonic clock, as g_cond_wait_until() counts its end time. */
static void *
cond_make (void)
{
  pthread_cond_t *impl = malloc (sizeof *impl);
  pthread_condattr_t attr;

  if (impl == NULL)
    shim_abort (ENOMEM, "malloc");
  CHECK (pthread_condattr_init (&attr));
  CHECK (pthread_condattr_setclock (&attr, CLOCK_MONOTONIC));
  CHECK (pthread_cond_init (impl, &attr));
  CHECK (pthread_condattr_destroy (&attr));
  return impl;
}

static void
cond_destroy (void *impl)
{
  CHECK (pthread_cond_destroy (impl));
  free (impl);
}

static pthread_cond_t *
cond_impl (GCond *cond)
{
  return shim_get_impl (&cond->p, cond_make, cond_destroy);
}

void
g_cond_init (GCond *cond)
{
  __atomic_store_n (&cond->p, cond_make (), __ATOMIC_RELEASE);
}

void
g_cond_clear (GCond *cond)
{
  shim_clear_impl (&cond->p, cond_destroy);
}

void
g_cond_wait (GCond  *cond,
             GMutex *mutex)
{
  CHECK (pthread_cond_wait (cond_impl (cond), mutex_impl (mutex)));
}

void
g_cond_signal (GCond *cond)
{
  CHECK (pthread_cond_signal (cond_impl (cond)));
}

void
g_cond_broadcast (GCond *cond)
{
  CHECK (pthread_cond_broadcast (cond_impl (cond)));
}

gboolean
g_cond_wait_until (GCond  *cond,
                   GMutex *mutex,
                   gint64  end_time)
{
  struct timespec until;
  int status;

  until.tv_sec = end_time / G_USEC_PER_SEC;
  until.tv_nsec = (end_time % G_USEC_PER_SEC) * 1000;
  status = pthread_cond_timedwait (cond_impl (cond), mutex_impl (mutex), &until);
  if (status == ETIMEDOUT)
    return FALSE;
  CHECK (status);
  return TRUE;
}

/* --- g_once ------------------------------------------------------------- */

/* As gthread.c: one lock and condition for all, and the locations being
 * initialised in a list, so that a second thread waits for the first. The
 * location and the status are only ever touched atomically, as the inline
 * fast paths of glib.h read them with __atomic_load. */
static pthread_mutex_t once_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t once_cond = PTHREAD_COND_INITIALIZER;

typedef struct OnceInit OnceInit;
struct OnceInit
{
  OnceInit            *next;
  const volatile void *location;
};
static OnceInit *once_init_list;

static gboolean
once_init_pending (const volatile void *location)
{
  for (OnceInit *l = once_init_list; l != NULL; l = l->next)
    if (l->location == location)
      return TRUE;
  return FALSE;
}

gboolean
g_once_init_enter (volatile void *location)
{
  gsize *value = (gsize *) location;
  gboolean need_init = FALSE;

  CHECK (pthread_mutex_lock (&once_mutex));
  if (__atomic_load_n (value, __ATOMIC_ACQUIRE) == 0)
    {
      if (!once_init_pending (location))
        {
          OnceInit *init = malloc (sizeof *init);

          if (init == NULL)
            shim_abort (ENOMEM, "malloc");
          init->location = location;
          init->next = once_init_list;
          once_init_list = init;
          need_init = TRUE;
        }
      else
        {
          do
            CHECK (pthread_cond_wait (&once_cond, &once_mutex));
          while (once_init_pending (location));
        }
    }
  CHECK (pthread_mutex_unlock (&once_mutex));
  return need_init;
}

void
g_once_init_leave (volatile void *location,
                   gsize          result)
{
  gsize *value = (gsize *) location;

  g_return_if_fail (__atomic_load_n (value, __ATOMIC_RELAXED) == 0);
  g_return_if_fail (result != 0);

  __atomic_store_n (value, result, __ATOMIC_RELEASE);
  CHECK (pthread_mutex_lock (&once_mutex));
  for (OnceInit **l = &once_init_list; *l != NULL; l = &(*l)->next)
    if ((*l)->location == location)
      {
        OnceInit *done = *l;

        *l = done->next;
        free (done);
        break;
      }
  CHECK (pthread_cond_broadcast (&once_cond));
  CHECK (pthread_mutex_unlock (&once_mutex));
}

gpointer
g_once_impl (GOnce       *once,
             GThreadFunc  func,
             gpointer     arg)
{
  CHECK (pthread_mutex_lock (&once_mutex));
  while (__atomic_load_n (&once->status, __ATOMIC_ACQUIRE) == G_ONCE_STATUS_PROGRESS)
    CHECK (pthread_cond_wait (&once_cond, &once_mutex));

  if (__atomic_load_n (&once->status, __ATOMIC_ACQUIRE) != G_ONCE_STATUS_READY)
    {
      gpointer retval;

      __atomic_store_n (&once->status, G_ONCE_STATUS_PROGRESS, __ATOMIC_RELAXED);
      CHECK (pthread_mutex_unlock (&once_mutex));

      retval = func (arg);

      CHECK (pthread_mutex_lock (&once_mutex));
      once->retval = retval;
      __atomic_store_n (&once->status, G_ONCE_STATUS_READY, __ATOMIC_RELEASE);
      CHECK (pthread_cond_broadcast (&once_cond));
    }
  CHECK (pthread_mutex_unlock (&once_mutex));
  return once->retval;
}

/* --- gatomicrefcount ---------------------------------------------------- */

/* Taking a reference needs no ordering: the taker already holds one. */
void
g_atomic_ref_count_init (gatomicrefcount *arc)
{
  g_return_if_fail (arc != NULL);
  __atomic_store_n (arc, 1, __ATOMIC_RELAXED);
}

void
g_atomic_ref_count_inc (gatomicrefcount *arc)
{
  int old;

  g_return_if_fail (arc != NULL);
  old = __atomic_fetch_add (arc, 1, __ATOMIC_RELAXED);
  g_return_if_fail (old > 0);
  if (old == G_MAXINT)
    g_critical ("Reference count has reached saturation");
}

/* Each release publishes what its thread did with the object; the thread
 * that drops the last reference acquires all of them before it frees. */
gboolean
g_atomic_ref_count_dec (gatomicrefcount *arc)
{
  int old;

  g_return_val_if_fail (arc != NULL, FALSE);
  old = __atomic_fetch_sub (arc, 1, __ATOMIC_RELEASE);
  g_return_val_if_fail (old > 0, FALSE);
  if (old != 1)
    return FALSE;
  (void) __atomic_load_n (arc, __ATOMIC_ACQUIRE);
  return TRUE;
}

/* Asking whether one holds the only reference is asking to see what the
 * others did before they dropped theirs. */
gboolean
g_atomic_ref_count_compare (gatomicrefcount *arc,
                            gint             val)
{
  g_return_val_if_fail (arc != NULL, FALSE);
  g_return_val_if_fail (val >= 0, FALSE);
  return __atomic_load_n (arc, __ATOMIC_ACQUIRE) == val;
}

/* --- GObject classes ---------------------------------------------------- */

/* GObject initialises a class on first use, with type_rw_lock held for
 * writing when it marks it initialised; later, a thread finds the class
 * by a lock-free atomic load of that mark in libgobject, which TSan does
 * not see. Then libcollab's inline code reads the class (the instance
 * checks of G_DECLARE_FINAL_TYPE read instance->g_class->g_type, a
 * finalize reads the parent class that class_init stored, the table
 * export reads a GEnumClass's values) and TSan reports a race with the
 * thread that initialised it.
 *
 * So each way in which libcollab and json-glib get a class or an instance
 * is wrapped: after the real call, the thread takes type_rw_lock for
 * reading (g_type_get_qdata() does, through the shim's GRWLock above) —
 * which waits for, and so comes after, the writer that marked the class
 * initialised. Only writers of the type system (registration, class and
 * interface initialisation, all at the start) are ordered before it;
 * readers of a GRWLock are not ordered among themselves, in TSan as in
 * POSIX, so this orders nothing of libcollab's own. */

static void
see_type_system (GType type)
{
  (void) g_type_get_qdata (type, 0);
}

static gpointer
real_function (gpointer   *slot,
               const char *name)
{
  gpointer function = __atomic_load_n (slot, __ATOMIC_ACQUIRE);

  if G_UNLIKELY (function == NULL)
    {
      function = dlsym (RTLD_NEXT, name);
      if (function == NULL)
        {
          fprintf (stderr, "glib-tsan-shim: no %s after the executable: %s\n", name, dlerror ());
          abort ();
        }
      __atomic_store_n (slot, function, __ATOMIC_RELEASE);
    }
  return function;
}

#define REAL(name) ((__typeof__ (&name)) real_function (&real_##name, #name))

static gpointer real_g_object_new_valist;
static gpointer real_g_object_new_with_properties;
static gpointer real_g_type_class_ref;
static gpointer real_g_type_class_peek;
static gpointer real_g_type_class_peek_static;

GObject *
g_object_new_valist (GType        object_type,
                     const gchar *first_property_name,
                     va_list      var_args)
{
  GObject *object = REAL (g_object_new_valist) (object_type, first_property_name, var_args);

  if (object != NULL)
    see_type_system (object_type);
  return object;
}

gpointer
g_object_new (GType        object_type,
              const gchar *first_property_name,
              ...)
{
  GObject *object;
  va_list var_args;

  va_start (var_args, first_property_name);
  object = g_object_new_valist (object_type, first_property_name, var_args);
  va_end (var_args);
  return object;
}

GObject *
g_object_new_with_properties (GType          object_type,
                              guint          n_properties,
                              const char    *names[],
                              const GValue   values[])
{
  GObject *object = REAL (g_object_new_with_properties) (object_type, n_properties, names, values);

  if (object != NULL)
    see_type_system (object_type);
  return object;
}

gpointer
g_type_class_ref (GType type)
{
  gpointer klass = REAL (g_type_class_ref) (type);

  see_type_system (type);
  return klass;
}

gpointer
g_type_class_peek (GType type)
{
  gpointer klass = REAL (g_type_class_peek) (type);

  if (klass != NULL)
    see_type_system (type);
  return klass;
}

gpointer
g_type_class_peek_static (GType type)
{
  gpointer klass = REAL (g_type_class_peek_static) (type);

  if (klass != NULL)
    see_type_system (type);
  return klass;
}

/* --- quarks and interned strings ---------------------------------------- */

/* GLib keeps the text of its quarks and interned strings in blocks of its
 * own, filled with memcpy() and searched with strcmp() under a lock
 * inside libglib: a finding's rule id interned by one thread and looked
 * up by another is reported as a race of GLib's memcpy() with GLib's
 * strcmp(), with no frame of GLib's to tell a suppression by. So TSan
 * ignores what the thread does inside these calls. That adds no ordering
 * (libcollab's own accesses before and after are checked as ever); what
 * it gives up is a race on the argument string while GLib reads it, which
 * the libcollab code that writes the string would still show elsewhere. */

extern void __tsan_ignore_thread_begin (void);
extern void __tsan_ignore_thread_end (void);

static gpointer real_g_intern_string;
static gpointer real_g_intern_static_string;
static gpointer real_g_quark_from_string;
static gpointer real_g_quark_from_static_string;
static gpointer real_g_quark_try_string;
static gpointer real_g_quark_to_string;

#define IGNORED(type, call) G_STMT_START { \
    type result_; \
    __tsan_ignore_thread_begin (); \
    result_ = call; \
    __tsan_ignore_thread_end (); \
    return result_; \
  } G_STMT_END

const gchar *
g_intern_string (const gchar *string)
{
  IGNORED (const gchar *, REAL (g_intern_string) (string));
}

const gchar *
g_intern_static_string (const gchar *string)
{
  IGNORED (const gchar *, REAL (g_intern_static_string) (string));
}

GQuark
g_quark_from_string (const gchar *string)
{
  IGNORED (GQuark, REAL (g_quark_from_string) (string));
}

GQuark
g_quark_from_static_string (const gchar *string)
{
  IGNORED (GQuark, REAL (g_quark_from_static_string) (string));
}

GQuark
g_quark_try_string (const gchar *string)
{
  IGNORED (GQuark, REAL (g_quark_try_string) (string));
}

const gchar *
g_quark_to_string (GQuark quark)
{
  IGNORED (const gchar *, REAL (g_quark_to_string) (quark));
}

/* --- object data -------------------------------------------------------- */

/* libcollab keeps its derived data on the dataset as object data
 * (g_object_set_qdata_full()), and GLib guards an object's data with a
 * bit lock inside libglib that TSan does not see: a ledger built by one
 * thread and found by another through g_object_get_qdata() would look
 * like a race on everything the first thread wrote into it, and two
 * threads that set data on one object like a race on GLib's array of it
 * (realloc), although GLib's lock orders both.
 *
 * So each object has a sync point of the shim's, as it has GLib's lock: a
 * setter acquires it and releases it around the real call, as the lock
 * would (after every setter before it, before every taker after it), and
 * releases it once more before the call, so that a getter that finds the
 * new data between GLib's store and the setter's return already finds it
 * published. A getter that finds data acquires the point (after every
 * setter before it). Getters do not release:
 * GLib's lock would order them among themselves too, but these are the
 * readers of a shared cache, and not pretending so keeps their races with
 * each other in view. Two objects share a point only when their hashes
 * meet in the table, which then orders a few more calls than GLib would. */

extern void __tsan_acquire (void *addr);
extern void __tsan_release (void *addr);

static char data_sync_points[1 << 14];

static void *
data_sync_point (gpointer object)
{
  guintptr hash = ((guintptr) object >> 4) * 2654435761u;

  return &data_sync_points[hash % sizeof data_sync_points];
}

static void
data_set_begin (gpointer object)
{
  __tsan_acquire (data_sync_point (object));
  __tsan_release (data_sync_point (object));
}

static void
data_set_end (gpointer object)
{
  __tsan_release (data_sync_point (object));
}

static gpointer
data_found (gpointer object,
            gpointer data)
{
  if (data != NULL)
    __tsan_acquire (data_sync_point (object));
  return data;
}

/* g_object_dup_qdata() calls @dup_func under GLib's lock with what it
 * found: acquire there, before the caller's function reads it. */
typedef struct
{
  GDuplicateFunc  func;
  gpointer        user_data;
  void           *point;
} DupCall;

static gpointer
dup_found (gpointer data,
           gpointer user_data)
{
  DupCall *call = user_data;

  if (data != NULL)
    __tsan_acquire (call->point);
  return call->func != NULL ? call->func (data, call->user_data) : data;
}

static gpointer real_g_object_get_qdata;
static gpointer real_g_object_set_qdata;
static gpointer real_g_object_set_qdata_full;
static gpointer real_g_object_steal_qdata;
static gpointer real_g_object_dup_qdata;
static gpointer real_g_object_replace_qdata;
static gpointer real_g_object_get_data;
static gpointer real_g_object_set_data;
static gpointer real_g_object_set_data_full;
static gpointer real_g_object_steal_data;
static gpointer real_g_object_dup_data;
static gpointer real_g_object_replace_data;

gpointer
g_object_get_qdata (GObject *object,
                    GQuark   quark)
{
  return data_found (object, REAL (g_object_get_qdata) (object, quark));
}

void
g_object_set_qdata (GObject  *object,
                    GQuark    quark,
                    gpointer  data)
{
  data_set_begin (object);
  REAL (g_object_set_qdata) (object, quark, data);
  data_set_end (object);
}

void
g_object_set_qdata_full (GObject        *object,
                         GQuark          quark,
                         gpointer        data,
                         GDestroyNotify  destroy)
{
  data_set_begin (object);
  REAL (g_object_set_qdata_full) (object, quark, data, destroy);
  data_set_end (object);
}

gpointer
g_object_steal_qdata (GObject *object,
                      GQuark   quark)
{
  gpointer data;

  data_set_begin (object);
  data = REAL (g_object_steal_qdata) (object, quark);
  data_set_end (object);
  return data_found (object, data);
}

gpointer
g_object_dup_qdata (GObject        *object,
                    GQuark          quark,
                    GDuplicateFunc  dup_func,
                    gpointer        user_data)
{
  DupCall call = { dup_func, user_data, data_sync_point (object) };

  return REAL (g_object_dup_qdata) (object, quark, dup_found, &call);
}

gboolean
g_object_replace_qdata (GObject        *object,
                        GQuark          quark,
                        gpointer        oldval,
                        gpointer        newval,
                        GDestroyNotify  destroy,
                        GDestroyNotify *old_destroy)
{
  gboolean replaced;

  data_set_begin (object);
  replaced = REAL (g_object_replace_qdata) (object, quark, oldval, newval, destroy, old_destroy);
  data_set_end (object);
  return replaced;
}

/* The string keys are quarks inside GLib, in the same data. */
gpointer
g_object_get_data (GObject     *object,
                   const gchar *key)
{
  return data_found (object, REAL (g_object_get_data) (object, key));
}

void
g_object_set_data (GObject     *object,
                   const gchar *key,
                   gpointer     data)
{
  data_set_begin (object);
  REAL (g_object_set_data) (object, key, data);
  data_set_end (object);
}

void
g_object_set_data_full (GObject        *object,
                        const gchar    *key,
                        gpointer        data,
                        GDestroyNotify  destroy)
{
  data_set_begin (object);
  REAL (g_object_set_data_full) (object, key, data, destroy);
  data_set_end (object);
}

gpointer
g_object_steal_data (GObject     *object,
                     const gchar *key)
{
  gpointer data;

  data_set_begin (object);
  data = REAL (g_object_steal_data) (object, key);
  data_set_end (object);
  return data_found (object, data);
}

gpointer
g_object_dup_data (GObject        *object,
                   const gchar    *key,
                   GDuplicateFunc  dup_func,
                   gpointer        user_data)
{
  DupCall call = { dup_func, user_data, data_sync_point (object) };

  return REAL (g_object_dup_data) (object, key, dup_found, &call);
}

gboolean
g_object_replace_data (GObject        *object,
                       const gchar    *key,
                       gpointer        oldval,
                       gpointer        newval,
                       GDestroyNotify  destroy,
                       GDestroyNotify *old_destroy)
{
  gboolean replaced;

  data_set_begin (object);
  replaced = REAL (g_object_replace_data) (object, key, oldval, newval, destroy, old_destroy);
  data_set_end (object);
  return replaced;
}

/* --- json-glib's reference counts --------------------------------------- */

/* json-glib counts the references to a node, an object or an array with
 * atomic instructions of its own: a JsonNode shared between threads (a
 * sealed plan that a cache hands to the findings of every thread) is freed
 * by whichever thread drops the last reference, and TSan, not seeing the
 * count, reports the free as a race with every earlier reader.
 *
 * json-glib's decrement is sequentially consistent: each unref of a node
 * comes after the unrefs before it, and the one that frees after all of
 * them. Annotations around the call cannot say so (another thread may let
 * go between this thread's acquire and its decrement), so the real unref
 * runs under a pthread mutex of the shim's, one of a table chosen by the
 * address: the unrefs of one node are ordered as json-glib orders them.
 * json-glib calls its own unrefs directly and no user code from them, so
 * no thread ever holds two of these mutexes. Two counted things share a
 * mutex only when their hashes meet in the table, which then orders a few
 * more calls than json-glib would. Taking a reference needs no ordering.
 * GObject's own counts are left alone: the tests share one object, the
 * dataset, and only the main thread lets go of it. */

static pthread_mutex_t let_go_mutexes[1024];

static pthread_mutex_t *
let_go_mutex (gconstpointer counted)
{
  guintptr hash = ((guintptr) counted >> 4) * 2654435761u;

  return &let_go_mutexes[hash % G_N_ELEMENTS (let_go_mutexes)];
}

static gpointer real_json_node_unref;
static gpointer real_json_object_unref;
static gpointer real_json_array_unref;

#define LET_GO(name, counted) G_STMT_START { \
    pthread_mutex_t *mutex_ = let_go_mutex (counted); \
    CHECK (pthread_mutex_lock (mutex_)); \
    REAL (name) (counted); \
    CHECK (pthread_mutex_unlock (mutex_)); \
  } G_STMT_END

void
json_node_unref (JsonNode *node)
{
  LET_GO (json_node_unref, node);
}

void
json_object_unref (JsonObject *object)
{
  LET_GO (json_object_unref, object);
}

void
json_array_unref (JsonArray *array)
{
  LET_GO (json_array_unref, array);
}
