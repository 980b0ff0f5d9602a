/* test-barrier.h: a reusable barrier for the thread tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The parties meet at it, and none goes on until all have come; it can be
 * passed again at once. It is built on GMutex and GCond so that, under
 * TSan, glib-tsan-shim.c makes it visible: its mutex orders what each
 * party did before it against what the others do after. And how many
 * rounds the parties meet for: COLLAB_THREADS_ROUNDS, for a longer soak.
 */

#pragma once

#include <string.h>

#include <glib.h>

typedef struct
{
  GMutex mutex;
  GCond  cond;
  guint  n_parties;
  guint  arrived;
  guint  generation;
} Barrier;

static inline void
barrier_init (Barrier *barrier,
              guint    n_parties)
{
  memset (barrier, 0, sizeof *barrier);
  g_mutex_init (&barrier->mutex);
  g_cond_init (&barrier->cond);
  barrier->n_parties = n_parties;
}

static inline void
barrier_clear (Barrier *barrier)
{
  g_mutex_clear (&barrier->mutex);
  g_cond_clear (&barrier->cond);
}

static inline void
barrier_wait (Barrier *barrier)
{
  guint generation;

  g_mutex_lock (&barrier->mutex);
  generation = barrier->generation;
  if (++barrier->arrived == barrier->n_parties)
    {
      barrier->arrived = 0;
      barrier->generation++;
      g_cond_broadcast (&barrier->cond);
    }
  else
    {
      while (generation == barrier->generation)
        g_cond_wait (&barrier->cond, &barrier->mutex);
    }
  g_mutex_unlock (&barrier->mutex);
}

/* The rounds a test runs: COLLAB_THREADS_ROUNDS, else @fallback. */
static inline guint
barrier_n_rounds (guint fallback)
{
  const char *text = g_getenv ("COLLAB_THREADS_ROUNDS");
  guint64 n;

  if (text == NULL)
    return fallback;
  if (!g_ascii_string_to_unsigned (text, 10, 1, 100000, &n, NULL))
    g_error ("COLLAB_THREADS_ROUNDS=%s is not a number of rounds", text);
  return n;
}
