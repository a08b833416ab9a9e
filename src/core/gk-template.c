/* gk-template.c: new databases filled from the built-in catalog templates
 *
 * A template is three tab-separated files in the core's resources
 * (data/templates/NAME/): organizations, audiences and catalog items. The
 * "empty" template takes the jinzhong-2020 vocabulary without its items.
 * Both come with the official holidays the app ships.
 */

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "core/gk-catalog.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"
#include "core/gk-template.h"
#include "core/gk-workdays.h"

#define TEMPLATE_ROOT "/io/github/gongkai/Gongkai/templates/"
#define VOCABULARY_TEMPLATE "jinzhong-2020"

static const char * const templates[] = { "jinzhong-2020", "empty", NULL };

const char * const *
gk_template_list (void)
{
  return templates;
}

typedef struct
{
  const char *name;
  gboolean    with_items;
} ApplyData;

typedef gboolean (*RowFunc) (GkDatabase  *db,
                             char       **fields,
                             gpointer     user_data,
                             GError     **error);

/* Calls FUNC for every record of a template file, which must have
 * N_FIELDS tab-separated fields; errors name the file and line. */
static gboolean
for_each_row (GkDatabase  *db,
              const char  *file,
              guint        n_fields,
              RowFunc      func,
              gpointer     user_data,
              GError     **error)
{
  g_autofree char *path = g_strconcat (TEMPLATE_ROOT, VOCABULARY_TEMPLATE, "/", file, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GError) local_error = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != n_fields)
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                       _("Template %s, line %u: %u fields where %u are expected"),
                       file, i + 1, g_strv_length (fields), n_fields);
          return FALSE;
        }
      if (!func (db, fields, user_data, &local_error))
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                       _("Template %s, line %u: %s"), file, i + 1, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_organization (GkDatabase  *db,
                  char       **fields,
                  gpointer     user_data,
                  GError     **error)
{
  gint64 parent_id = 0;

  if (fields[3][0] != '\0' &&
      (parent_id = gk_directory_find_organization (db, fields[3], error)) == 0)
    return FALSE;
  return gk_directory_add_organization (db, fields[1], fields[0], fields[2], parent_id, error) != 0;
}

static gboolean
add_audience (GkDatabase  *db,
              char       **fields,
              gpointer     user_data,
              GError     **error)
{
  return gk_directory_add_audience (db, fields[0], fields[1], error) != 0;
}

/* Resolves the 、-joined names of one field to ids with FIND. */
static GArray *
resolve_names (GkDatabase  *db,
               const char  *joined,
               gint64     (*find) (GkDatabase *, const char *, GError **),
               GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) names = g_strsplit (joined, "、", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      gint64 id = find (db, names[i], error);

      if (id == 0)
        return NULL;
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static gboolean
add_item (GkDatabase  *db,
          char       **fields,
          gpointer     user_data,
          GError     **error)
{
  gint64 catalog_id = *(gint64 *) user_data;
  g_autoptr(GArray) responsible = NULL;
  g_autoptr(GArray) audiences = NULL;
  gint64 category_id;
  guint64 number;

  if (!g_ascii_string_to_unsigned (fields[0], 10, 1, G_MAXINT, &number, error))
    return FALSE;

  category_id = gk_catalog_ensure_category (db, catalog_id, fields[1], error);
  if (category_id == 0)
    return FALSE;

  responsible = resolve_names (db, fields[3], gk_directory_find_organization, error);
  if (responsible == NULL)
    return FALSE;
  audiences = resolve_names (db, fields[4], gk_directory_find_audience, error);
  if (audiences == NULL)
    return FALSE;

  return gk_catalog_add_item (db, catalog_id, category_id, (guint) number, fields[2],
                              responsible, audiences, fields[5], error) != 0;
}

static gboolean
apply_template (GkDatabase *db,
                gpointer    user_data,
                GError    **error)
{
  ApplyData *data = user_data;
  gint64 committee_id, catalog_id;

  if (!for_each_row (db, "organizations.tsv", 4, add_organization, NULL, error) ||
      !for_each_row (db, "audiences.tsv", 2, add_audience, NULL, error) ||
      gk_workdays_import_default (db, error) < 0)
    return FALSE;

  committee_id = gk_directory_find_organization (db, "党委", error);
  if (committee_id == 0)
    return FALSE;
  catalog_id = gk_catalog_create (db, committee_id, error);
  if (catalog_id == 0)
    return FALSE;

  if (data->with_items)
    return for_each_row (db, "items.tsv", 6, add_item, &catalog_id, error);
  return TRUE;
}

gboolean
gk_template_apply (GkDatabase  *db,
                   const char  *name,
                   GError     **error)
{
  ApplyData data = { name, FALSE };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_strv_contains (templates, name))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) templates);

      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Unknown template “%s”; use one of %s"), name, names);
      return FALSE;
    }
  data.with_items = g_str_equal (name, VOCABULARY_TEMPLATE);

  stmt = gk_database_prepare (db, "SELECT 1 FROM organizations LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("The database already has data; a template only fills a new database"));
      return FALSE;
    }

  return gk_database_write (db, apply_template, &data, error);
}

GkDatabase *
gk_template_create_database (const char  *path,
                             const char  *template_name,
                             GError     **error)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_IO,
                   _("“%s” already exists; a new database needs a new file"), path);
      return NULL;
    }
  if (!g_strv_contains (templates, template_name))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) templates);

      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Unknown template “%s”; use one of %s"), template_name, names);
      return NULL;
    }

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_IO,
                   _("Cannot create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  db = gk_database_open (path, error);
  if (db == NULL)
    return NULL;
  if (!gk_template_apply (db, template_name, error))
    {
      /* Leave no half-made file behind. */
      g_clear_object (&db);
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&db);
}
