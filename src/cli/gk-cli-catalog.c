/* catalog export */

#include <glib/gi18n-lib.h>

#include "cli/gk-cli.h"
#include "core/gk-catalog.h"
#include "core/gk-directory.h"

#define CATALOG_USAGE "catalog export DB [--org ORG] [-o FILE]"

gboolean
gk_cli_catalog (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *org = NULL;
  g_autofree char *output = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gint64 catalog_id;
  const GOptionEntry options[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &org,
      N_("Whose catalog (default: the school committee's)"), N_("ORG") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  if (!gk_cli_take_verb (&argc, &argv, "export", CATALOG_USAGE, error) ||
      !gk_cli_parse (&argc, &argv, options, CATALOG_USAGE, 1, error))
    return FALSE;

  db = gk_cli_open (argv[1], error);
  if (db == NULL)
    return FALSE;

  if (org != NULL)
    {
      gint64 org_id = gk_directory_find_organization (db, org, error);

      if (org_id == 0)
        return FALSE;
      catalog_id = gk_catalog_get_for_organization (db, org_id, error);
    }
  else
    {
      catalog_id = gk_catalog_get_default (db, error);
    }
  if (catalog_id == 0)
    return FALSE;

  csv = gk_catalog_export_csv (db, catalog_id, error);
  return csv != NULL && gk_cli_write_output (output, csv, error);
}
