/* holidays import and workday */

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "cli/gk-cli.h"
#include "core/gk-core-error.h"
#include "core/gk-dates.h"
#include "core/gk-workdays.h"

static gboolean
import_days (GkDatabase *db,
             gpointer    user_data,
             GError    **error)
{
  return gk_workdays_import (db, user_data, error) >= 0;
}

gboolean
gk_cli_holidays (int      argc,
                 char   **argv,
                 GError **error)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!gk_cli_take_verb (&argc, &argv, "import", "holidays import DB FILE", error) ||
      !gk_cli_parse (&argc, &argv, NULL, "holidays import DB FILE", 2, error))
    return FALSE;

  if (!g_file_get_contents (argv[2], &contents, NULL, &local_error))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }
  db = gk_cli_open (argv[1], error);
  return db != NULL && gk_database_write (db, import_days, contents, error);
}

gboolean
gk_cli_workday (int      argc,
                char   **argv,
                GError **error)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autofree char *result_text = NULL;
  guint64 n = 0;
  GDate date, result;

  if (!gk_cli_parse (&argc, &argv, NULL, "workday DB YYYY-MM-DD N", 3, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (argv[3], 10, 0, 3650, &n, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“%s” is not a number of working days"), argv[3]);
      return FALSE;
    }

  db = gk_cli_open (argv[1], error);
  if (db == NULL || !gk_date_parse (argv[2], &date, error) ||
      !gk_workdays_add (db, &date, (guint) n, &result, error))
    return FALSE;

  result_text = gk_date_to_iso (&result);
  puts (result_text);
  return TRUE;
}
