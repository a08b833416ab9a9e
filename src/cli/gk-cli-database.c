/* init, verify, backup and restore: commands on the database file as a whole */

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "cli/gk-cli.h"
#include "core/gk-audit.h"
#include "core/gk-backups.h"
#include "core/gk-core-error.h"
#include "core/gk-demo.h"
#include "core/gk-scale.h"
#include "core/gk-template.h"

gboolean
gk_cli_init (int      argc,
             char   **argv,
             GError **error)
{
  g_autofree char *template_name = NULL;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GDateTime) now = NULL;
  gboolean demo = FALSE;
  int scale = 0;
  const GOptionEntry options[] = {
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_name,
      N_("jinzhong-2020 (the 2020 measures' catalog, the default) or empty"), N_("NAME") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      N_("Add fictional general branches, people, notices and applications to try the app with"), NULL },
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale,
      N_("With --demo: add N notices over ten years, 100 organizations and 2 000 catalog items (the same N gives the same file)"),
      N_("N") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, "init DB [--template jinzhong-2020|empty] [--demo [--scale N]]", 1, error))
    return FALSE;
  if (scale < 0 || (scale > 0 && !demo))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--scale takes a number of notices, and goes with --demo"));
      return FALSE;
    }

  db = gk_template_create_database (argv[1], template_name ? template_name : "jinzhong-2020", error);
  if (db == NULL || !demo)
    return db != NULL;

  /* At scale the history ends on a fixed day: the same N, the same file. */
  now = scale > 0 ? gk_scale_base_date () : g_date_time_new_now_local ();
  if (!gk_demo_populate (db, now, error) ||
      (scale > 0 && !gk_scale_populate (db, (guint) scale, error)))
    {
      /* Leave no half-made file behind. */
      g_clear_object (&db);
      g_unlink (argv[1]);
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_cli_verify (int      argc,
               char   **argv,
               GError **error)
{
  g_autoptr(GkDatabase) db = NULL;

  if (!gk_cli_parse (&argc, &argv, NULL, "verify DB", 1, error))
    return FALSE;

  db = gk_cli_open (argv[1], error);
  if (db == NULL || !gk_database_integrity_check (db, error) || !gk_audit_verify (db, NULL, error))
    return FALSE;

  puts ("ok");
  return TRUE;
}

gboolean
gk_cli_backup (int      argc,
               char   **argv,
               GError **error)
{
  g_autoptr(GkDatabase) db = NULL;

  if (!gk_cli_parse (&argc, &argv, NULL, "backup DB FILE", 2, error))
    return FALSE;

  db = gk_cli_open (argv[1], error);
  return db != NULL && gk_database_backup_to (db, argv[2], error);
}

/* The current content is backed up first (its path is printed); --yes
 * because everything written since the backup is replaced. */
gboolean
gk_cli_restore (int      argc,
                char   **argv,
                GError **error)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autofree char *safety_copy = NULL;
  gboolean yes = FALSE;
  const GOptionEntry options[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, N_("Replace the database’s content with the backup’s"), NULL },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, "restore DB BACKUP --yes", 2, error))
    return FALSE;
  if (!yes)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("restoring replaces everything in %s with the backup; add --yes to do it"), argv[1]);
      return FALSE;
    }

  db = gk_cli_open (argv[1], error);
  if (db == NULL || !gk_backups_restore (db, argv[2], &safety_copy, error))
    return FALSE;

  puts (safety_copy);
  return TRUE;
}
