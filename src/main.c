/* main.c: the entry point of the Gongkai desktop application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <locale.h>

#include "gui/gk-application.h"
#include "pdf/gk-fonts.h"

/* Without a graphics processor (no DRM render node), GTK's GL renderer
 * runs on Mesa's llvmpipe, on the same processor cores as everything
 * else. There GTK's cairo renderer paints the first frame sooner, scrolls
 * the inbox with shorter frames and takes some 70 MB less
 * (BENCHMARKS.md), so it is the one chosen. GSK_RENDERER, when set, still
 * decides; programs started from here inherit the choice. */
static void
choose_renderer (void)
{
  g_autoptr(GDir) dri = NULL;
  const char *name;

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  dri = g_dir_open ("/dev/dri", 0, NULL);
  while (dri != NULL && (name = g_dir_read_name (dri)) != NULL)
    {
      if (g_str_has_prefix (name, "renderD"))
        return;
    }
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
}

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
  choose_renderer ();
  app = gk_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
