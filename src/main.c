/* main.c: the entry point of the Gongkai desktop application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <locale.h>

#include "gui/gk-application.h"
#include "pdf/gk-fonts.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GkApplication) app = NULL;
  const char *localedir;

  /* Lets the tests and an uninstalled build use the catalogs compiled in the
   * build tree (<dir>/zh_CN/LC_MESSAGES/gongkai.mo). */
  localedir = g_getenv ("GONGKAI_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The notice renderer needs FandolFang known to fontconfig before GTK
   * creates its Pango font map. */
  gk_fonts_init ();
  app = gk_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
