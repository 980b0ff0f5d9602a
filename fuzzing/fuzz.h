/* fuzz.h: what every harness shares
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GLib's pattern (glib/fuzzing/): each harness is one
 * LLVMFuzzerTestOneInput(); linked with libFuzzer (meson -Dfuzzing=true,
 * clang) it is a fuzzer, linked with driver.c it replays its corpus as an
 * ordinary test. A harness asserts what must hold for every input (a
 * failed load changes nothing, a saved dataset reloads to the same bytes):
 * an assertion, a critical, a warning or a sanitizer report is a finding.
 */

#pragma once

#include <stdlib.h>
#include <string.h>
#include <libcollab/collab.h>

int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);

/* The day every harness checks as of: fixed, so that a run replays. */
#define FUZZ_AS_OF (collab_day_new (2026, 6, 30))

/* Criticals and warnings abort (the library emits none for bad input,
 * only GErrors), with abort() and not GLib's breakpoint trap, which
 * libFuzzer would not catch and keep the input of; debug and info are
 * dropped so the fuzzer stays fast. */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_set_up (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* The input as a C string: the text parsers take one, and stop at the
 * first NUL like any caller's string would. */
static inline char *
fuzz_text (const unsigned char *data,
           size_t               size)
{
  return g_strndup ((const char *) data, size);
}

/* The record kinds, as the public enum type lists them. */
static inline guint
fuzz_n_kinds (void)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (COLLAB_TYPE_RECORD_KIND);

  return kinds->n_values;
}

/* The kind a harness's first input byte picks. */
static inline CollabRecordKind
fuzz_pick_kind (unsigned char byte)
{
  return (CollabRecordKind) (byte % fuzz_n_kinds ());
}

/* The dataset of fuzzing/base/base.json (a small program with every
 * kind of record), from the harnesses' GResource: what merge and the rule
 * sets work on. */
static inline CollabDataset *
fuzz_base_dataset (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/libcollab/fuzzing/base.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  CollabDataset *dataset = collab_dataset_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);

  collab_dataset_load_from_data (dataset, text, length, &error);
  g_assert_no_error (error);
  return dataset;
}

/* @dataset saves to exactly @before: what a failed load, merge or import
 * must leave it as. */
static inline void
fuzz_assert_saves_as (CollabDataset *dataset,
                      const char    *before,
                      gsize          before_length)
{
  gsize length;
  g_autofree char *saved = collab_dataset_to_data (dataset, &length);

  g_assert_cmpmem (before, before_length, saved, length);
}

/* What @dataset saves loads again, and saves to the same bytes. */
static inline void
fuzz_assert_round_trip (CollabDataset *dataset)
{
  g_autoptr(CollabDataset) reloaded = collab_dataset_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *saved = collab_dataset_to_data (dataset, &length);

  collab_dataset_load_from_data (reloaded, saved, length, &error);
  g_assert_no_error (error);
  fuzz_assert_saves_as (reloaded, saved, length);
}
