/* bench-clock.h: the clock and the peak RSS the benchmark programs print
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <sys/resource.h>
#include <time.h>

/* Seconds on the monotonic clock. */
static inline double
bench_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The peak resident set of the process so far (getrusage), in kB. */
static inline long
bench_peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}
