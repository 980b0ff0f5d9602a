/* collab-zip-times.c: the one thing of a zip archive read before libgsf
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * libgsf (1.14.50, Debian 12) opens a zip entry whose MS-DOS time is no
 * time of day or whose date is no date (month 0, day 0, 25 o'clock) by
 * passing NULL to g_date_time_unref(): a GLib critical on the caller's
 * terminal, fatal under G_DEBUG=fatal-criticals, for what is only a
 * damaged file (found by fuzzing/fuzz-xlsx). So the central directory's
 * times are looked at first, and such an archive is refused as damaged
 * with a GError. Nothing else of the zip is read here; libgsf reads it.
 *
 * The layout (PKWARE APPNOTE 4.3.12, 4.3.16): the end record, "PK\5\6",
 * is within the last 22 + 65535 bytes and gives the number of entries
 * and the directory's offset; each entry, "PK\1\2", has its time at 12,
 * its date at 14, and 46 bytes plus its name, extra field and comment.
 */

#include <string.h>

#include "collab-xlsx-private.h"

#define END_SIZE 22
#define ENTRY_SIZE 46

static guint
read16 (const guint8 *p)
{
  return p[0] | (guint) p[1] << 8;
}

static guint32
read32 (const guint8 *p)
{
  return read16 (p) | (guint32) read16 (p + 2) << 16;
}

/* What libgsf's zip_make_modtime() makes a GDateTime of: 0 is "no time". */
static gboolean
dos_time_valid (guint time,
                guint date)
{
  guint month = (date >> 5) & 0x0f;
  guint day = date & 0x1f;
  guint hour = time >> 11;
  guint minute = (time >> 5) & 0x3f;
  guint second = (time & 0x1f) * 2;

  if (time == 0 && date == 0)
    return TRUE;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
    return FALSE;
  /* g_date_time_new() also refuses 31 April and 29 February of 2023. */
  return day <= g_date_get_days_in_month (month, (GDateYear) (1980 + (date >> 9)));
}

gboolean
collab_zip_times_valid (const guint8 *data,
                        gsize         length)
{
  const guint8 *end = NULL;
  guint n_entries;
  gsize offset;

  if (length < END_SIZE)
    return TRUE;
  for (gsize at = length - END_SIZE + 1; at-- > 0 && length - at <= END_SIZE + 65535;)
    if (memcmp (data + at, "PK\005\006", 4) == 0)
      {
        end = data + at;
        break;
      }
  /* No end record, or a zip64 one: libgsf says what is wrong. */
  if (end == NULL || read32 (end + 16) == 0xffffffff)
    return TRUE;

  n_entries = read16 (end + 10);
  offset = read32 (end + 16);
  for (guint i = 0; i < n_entries; i++)
    {
      const guint8 *entry = data + offset;

      if (offset > length || length - offset < ENTRY_SIZE || memcmp (entry, "PK\001\002", 4) != 0)
        return TRUE;
      if (!dos_time_valid (read16 (entry + 12), read16 (entry + 14)))
        return FALSE;
      offset += ENTRY_SIZE + (gsize) read16 (entry + 28) + read16 (entry + 30) + read16 (entry + 32);
    }
  return TRUE;
}
