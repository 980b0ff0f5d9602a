/* collab-i18n.c: binding the catalog of the domain `libcollab`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * dgettext() and not g_dgettext(): GLib's turns a library's translations
 * off when the program's own domain has none for the language, and the
 * programs using libcollab (a Python script, a notebook, `gjs`) have no
 * domain of their own. An officer who reads Chinese should read Chinese
 * there too.
 *
 * The catalogs are looked for, in order: in $COLLAB_LOCALEDIR (the test
 * suite and `meson devenv` set it); where the library is installed; and
 * in the build tree it was built in, so that `_build/libcollab/cli/collab`
 * speaks Chinese before anything is installed.
 */

#include <libintl.h>
#include <string.h>

#include "collab-i18n-private.h"

static const char *localedir;

static gboolean
has_catalog (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "zh_CN", "LC_MESSAGES",
                                            COLLAB_GETTEXT_PACKAGE ".mo", NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
bind_domain (void)
{
  static gsize bound = 0;

  if (g_once_init_enter (&bound))
    {
      const char *dir = g_getenv ("COLLAB_LOCALEDIR");

      if (dir == NULL || *dir == '\0')
        dir = has_catalog (COLLAB_LOCALEDIR) || !has_catalog (COLLAB_BUILD_LOCALEDIR)
                ? COLLAB_LOCALEDIR : COLLAB_BUILD_LOCALEDIR;
      localedir = g_intern_string (dir);
      bindtextdomain (COLLAB_GETTEXT_PACKAGE, localedir);
      /* Messages are UTF-8 whatever the locale's charset, as every
       * string of GLib is. */
      bind_textdomain_codeset (COLLAB_GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&bound, 1);
    }
}

const char *
collab_i18n_gettext (const char *msgid)
{
  bind_domain ();
  return dgettext (COLLAB_GETTEXT_PACKAGE, msgid);
}

const char *
collab_i18n_ngettext (const char *msgid,
                      const char *msgid_plural,
                      gulong      n)
{
  bind_domain ();
  return dngettext (COLLAB_GETTEXT_PACKAGE, msgid, msgid_plural, n);
}

const char *
collab_i18n_pgettext (const char *context_and_msgid,
                      gsize       msgid_offset)
{
  const char *translation;

  bind_domain ();
  translation = dgettext (COLLAB_GETTEXT_PACKAGE, context_and_msgid);
  /* Untranslated: the msgid without its context. */
  return translation == context_and_msgid ? context_and_msgid + msgid_offset : translation;
}

/* gettext keeps the catalog's header as the translation of "": its
 * `Language:` line says which catalog the messages come from, whatever
 * mix of LANGUAGE, LC_ALL and LANG chose it, and none is found when the
 * messages are untranslated. Asking gettext, rather than reading the
 * environment again, keeps the words of a spreadsheet in the language
 * of the messages beside them. */
const char *
collab_i18n_language (void)
{
  const char *header, *line;
  char language[32];
  gsize length;

  bind_domain ();
  header = dgettext (COLLAB_GETTEXT_PACKAGE, "");
  line = header != NULL ? strstr (header, "Language:") : NULL;
  if (line == NULL)
    return "en";

  line += strlen ("Language:");
  while (*line == ' ')
    line++;
  length = MIN (strcspn (line, "\n"), sizeof language - 1);
  if (length == 0)
    return "en";
  memcpy (language, line, length);
  language[length] = '\0';
  return g_intern_string (language);
}

gboolean
collab_i18n_is_chinese (void)
{
  return g_str_has_prefix (collab_i18n_language (), "zh");
}

/**
 * collab_get_locale_dir:
 *
 * Gets the directory the translations of libcollab's messages are read
 * from (the gettext domain %COLLAB_GETTEXT_PACKAGE), and binds the domain
 * to it if no message has been translated yet. A program that translates
 * strings of its own in that domain, as `collab` does, calls this first.
 *
 * The directory is `$COLLAB_LOCALEDIR` when set, else the one libcollab
 * was installed with, else (before installation) its build tree's.
 *
 * Returns: the directory of the catalogs, such as `/usr/share/locale`
 */
const char *
collab_get_locale_dir (void)
{
  bind_domain ();
  return localedir;
}

char *
collab_i18n_join_list (const char * const *items,
                       guint               n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: between the items of a list but the last two:
         * "teachers, doctors and nurses". Chinese lists use 、. */
        g_string_append (text, i + 1 < n ? _(", ")
        /* Translators: between the last two items of a list. */
                                         : _(" and "));
      g_string_append (text, items[i]);
    }
  return g_string_free (text, FALSE);
}
