/* gk-choices.c: the short lists offered by forms */

#include <glib/gi18n-lib.h>

#include "core/gk-choices.h"

void
gk_choice_free (GkChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->name);
  g_free (choice->detail);
  g_strfreev (choice->roles);
  g_free (choice);
}

GPtrArray *
gk_choices_query (GkDatabase  *db,
                  const char  *sql,
                  gint64       id,
                  GError     **error)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_choice_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GkChoice *choice = g_new0 (GkChoice, 1);
      const char *detail = (const char *) sqlite3_column_text (stmt, 2);

      choice->id = sqlite3_column_int64 (stmt, 0);
      choice->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      choice->detail = g_strdup (detail ? detail : "");
      g_ptr_array_add (choices, choice);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the database"));
      return NULL;
    }
  return g_steal_pointer (&choices);
}

GPtrArray *
gk_choices_audiences (GkDatabase  *db,
                      GError     **error)
{
  return gk_choices_query (db, "SELECT id, name, class FROM audiences WHERE active ORDER BY id", 0, error);
}

GPtrArray *
gk_choices_methods (GkDatabase  *db,
                    GError     **error)
{
  return gk_choices_query (db, "SELECT id, name, channel FROM methods ORDER BY position", 0, error);
}

GPtrArray *
gk_choices_people (GkDatabase  *db,
                   GError     **error)
{
  g_autoptr(GPtrArray) people =
    gk_choices_query (db, "SELECT id, name, coalesce (title, '') FROM people WHERE active ORDER BY name COLLATE NOCASE, id",
                      0, error);
  g_autoptr(sqlite3_stmt) roles = NULL;

  if (people == NULL)
    return NULL;

  roles = gk_database_prepare (db,
                               "SELECT r.role || '@' || coalesce (o.short_name, o.name) FROM roles r"
                               " JOIN organizations o ON o.id = r.organization_id"
                               " WHERE r.person_id = ? ORDER BY r.id",
                               error);
  if (roles == NULL)
    return NULL;

  for (guint i = 0; i < people->len; i++)
    {
      GkChoice *person = g_ptr_array_index (people, i);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      sqlite3_reset (roles);
      sqlite3_bind_int64 (roles, 1, person->id);
      while (sqlite3_step (roles) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (roles, 0));
      person->roles = g_strv_builder_end (builder);
    }
  return g_steal_pointer (&people);
}

/* The same rule as may_propose() in gk-workflow.c, for every organization
 * at once: school level, a role in the unit or party office; a general
 * branch, a role in it or in a unit or branch under it; a branch, its
 * committee members and secretaries. */
GPtrArray *
gk_choices_proposable_organizations (GkDatabase  *db,
                                     gint64       person_id,
                                     GError     **error)
{
  return gk_choices_query (db,
                           "SELECT o.id, coalesce (o.short_name, o.name), o.name FROM organizations o"
                           " WHERE o.active AND CASE"
                           "   WHEN o.kind = 'branch' THEN EXISTS (SELECT 1 FROM roles r WHERE r.person_id = ?1"
                           "     AND r.organization_id = o.id AND r.role IN ('committee-member', 'secretary', 'deputy-secretary'))"
                           "   WHEN o.kind = 'general-branch' THEN EXISTS (SELECT 1 FROM roles r"
                           "     JOIN organizations u ON u.id = r.organization_id"
                           "     WHERE r.person_id = ?1 AND (u.id = o.id OR u.parent_id = o.id))"
                           "   ELSE EXISTS (SELECT 1 FROM roles r WHERE r.person_id = ?1"
                           "     AND (r.organization_id = o.id OR r.role = 'party-office'))"
                           " END ORDER BY o.id",
                           person_id, error);
}

static GArray *
list_ids (GkDatabase *db,
          const char *sql,
          gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL)
    return ids;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, value);
    }
  return ids;
}

GArray *
gk_choices_notice_audiences (GkDatabase *db,
                             gint64      notice_id)
{
  return list_ids (db, "SELECT audience_id FROM notice_audiences WHERE notice_id = ? ORDER BY position", notice_id);
}

GArray *
gk_choices_notice_methods (GkDatabase *db,
                           gint64      notice_id)
{
  return list_ids (db, "SELECT method_id FROM notice_methods WHERE notice_id = ? ORDER BY position", notice_id);
}

GArray *
gk_choices_item_audiences (GkDatabase *db,
                           gint64      item_id)
{
  return list_ids (db, "SELECT audience_id FROM item_audiences WHERE item_id = ? ORDER BY position", item_id);
}
