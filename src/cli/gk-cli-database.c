/* init, verify and backup: commands on the database file as a whole */

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "cli/gk-cli.h"
#include "core/gk-audit.h"
#include "core/gk-core-error.h"
#include "core/gk-template.h"

gboolean
gk_cli_init (int      argc,
             char   **argv,
             GError **error)
{
  g_autofree char *template_name = NULL;
  g_autoptr(GkDatabase) db = NULL;
  const GOptionEntry options[] = {
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_name,
      N_("jinzhong-2020 (the 2020 measures' catalog, the default) or empty"), N_("NAME") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, "init DB [--template jinzhong-2020|empty]", 1, error))
    return FALSE;

  db = gk_template_create_database (argv[1], template_name ? template_name : "jinzhong-2020", error);
  return db != NULL;
}

static gboolean
integrity_check (GkDatabase  *db,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "PRAGMA integrity_check", error);
  const char *result;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gk_database_set_error (db, error, _("Cannot check the file"));
      return FALSE;
    }
  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_DATABASE,
                   _("The file is damaged: %s"), result);
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
  if (db == NULL || !integrity_check (db, error) || !gk_audit_verify (db, NULL, error))
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
