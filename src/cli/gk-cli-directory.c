/* org add and person add */

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "cli/gk-cli.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"

typedef struct
{
  const char *name;
  const char *short_name;
  const char *kind;
  const char *parent;
  gint64      id;
} OrgAdd;

static gboolean
org_add (GkDatabase *db,
         gpointer    user_data,
         GError    **error)
{
  OrgAdd *add = user_data;
  gint64 parent_id = 0;

  if (add->parent != NULL &&
      (parent_id = gk_directory_find_organization (db, add->parent, error)) == 0)
    return FALSE;

  add->id = gk_directory_add_organization (db, add->name, add->short_name, add->kind, parent_id, error);
  return add->id != 0;
}

#define ORG_USAGE "org add DB NAME --kind KIND [--parent ORG] [--short-name SHORT]"

gboolean
gk_cli_org (int      argc,
            char   **argv,
            GError **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *short_name = NULL;
  g_autoptr(GkDatabase) db = NULL;
  OrgAdd add = { 0 };
  const GOptionEntry options[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("committee, standing-committee, discipline, department, mass, general-branch or branch"), N_("KIND") },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent, N_("The organization above it"), N_("ORG") },
    { "short-name", 0, 0, G_OPTION_ARG_STRING, &short_name, N_("The short name (党办, 组织部 …)"), N_("SHORT") },
    { NULL }
  };

  if (!gk_cli_take_verb (&argc, &argv, "add", ORG_USAGE, error) ||
      !gk_cli_parse (&argc, &argv, options, ORG_USAGE, 2, error))
    return FALSE;
  if (kind == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--kind is required: %s"), ORG_USAGE);
      return FALSE;
    }

  db = gk_cli_open (argv[1], error);
  if (db == NULL)
    return FALSE;

  add = (OrgAdd) { argv[2], short_name, kind, parent, 0 };
  if (!gk_database_write (db, org_add, &add, error))
    return FALSE;

  printf ("%" G_GINT64_FORMAT "\n", add.id);
  return TRUE;
}

typedef struct
{
  const char  *name;
  const char  *title;
  const char  *login;
  char       **roles;
  char       **oversees;
  gint64       id;
} PersonAdd;

static gboolean
person_add (GkDatabase *db,
            gpointer    user_data,
            GError    **error)
{
  PersonAdd *add = user_data;

  add->id = gk_directory_add_person (db, add->name, add->title, add->login, error);
  if (add->id == 0)
    return FALSE;

  for (guint i = 0; add->roles != NULL && add->roles[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (add->roles[i], "@", 2);
      gint64 org_id;

      if (g_strv_length (parts) != 2)
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                       _("“%s” is not ROLE@ORG (for example secretary@组织部)"), add->roles[i]);
          return FALSE;
        }
      org_id = gk_directory_find_organization (db, parts[1], error);
      if (org_id == 0 || !gk_directory_add_role (db, add->id, org_id, parts[0], error))
        return FALSE;
    }

  for (guint i = 0; add->oversees != NULL && add->oversees[i] != NULL; i++)
    {
      gint64 org_id = gk_directory_find_organization (db, add->oversees[i], error);

      if (org_id == 0 || !gk_directory_add_oversight (db, add->id, org_id, error))
        return FALSE;
    }
  return TRUE;
}

#define PERSON_USAGE "person add DB NAME [--role ROLE@ORG]… [--oversees ORG]… [--title T] [--login L]"

gboolean
gk_cli_person (int      argc,
               char   **argv,
               GError **error)
{
  g_auto(GStrv) roles = NULL;
  g_auto(GStrv) oversees = NULL;
  g_autofree char *title = NULL;
  g_autofree char *login = NULL;
  g_autoptr(GkDatabase) db = NULL;
  PersonAdd add = { 0 };
  const GOptionEntry options[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING_ARRAY, &roles,
      N_("A role in an organization, e.g. principal@组织部 (repeatable)"), N_("ROLE@ORG") },
    { "oversees", 0, 0, G_OPTION_ARG_STRING_ARRAY, &oversees,
      N_("An organization this leader oversees (repeatable)"), N_("ORG") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Job title"), N_("TITLE") },
    { "login", 0, 0, G_OPTION_ARG_STRING, &login, N_("Operating-system login name"), N_("LOGIN") },
    { NULL }
  };

  if (!gk_cli_take_verb (&argc, &argv, "add", PERSON_USAGE, error) ||
      !gk_cli_parse (&argc, &argv, options, PERSON_USAGE, 2, error))
    return FALSE;

  db = gk_cli_open (argv[1], error);
  if (db == NULL)
    return FALSE;

  add = (PersonAdd) { argv[2], title, login, roles, oversees, 0 };
  if (!gk_database_write (db, person_add, &add, error))
    return FALSE;

  printf ("%" G_GINT64_FORMAT "\n", add.id);
  return TRUE;
}
