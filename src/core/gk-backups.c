/* gk-backups.c: the daily backups of a database and restoring one
 *
 * A backup is a whole database made with VACUUM INTO, named after the
 * local time it was made and why: 20260710-083000-daily.db. The name is
 * all the bookkeeping there is, so a folder copied elsewhere still lists.
 */

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/gk-audit.h"
#include "core/gk-backups.h"
#include "core/gk-core-error.h"

#define RETENTION_KEY "backup-retention-days"

static const char * const kind_names[] = {
  [GK_BACKUP_DAILY] = "daily",
  [GK_BACKUP_BEFORE_RESTORE] = "before-restore",
};

void
gk_backup_info_free (GkBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info);
}

char *
gk_backups_get_folder (const char *db_path)
{
  g_autofree char *absolute = NULL;
  g_autofree char *base = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *leaf = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  absolute = g_canonicalize_filename (db_path, NULL);
  base = g_path_get_basename (absolute);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  leaf = g_strdup_printf ("%s-%.8s", base, hash);
  return g_build_filename (g_get_user_data_dir (), "gongkai", "backups", leaf, NULL);
}

/* "20260710-083000-daily.db", with "-2"… before ".db" when a name is taken. */
static GkBackupInfo *
parse_name (const char *folder,
            const char *name)
{
  g_autoptr(GkBackupInfo) info = NULL;
  int year, month, day, hour, minute, second, used = 0;
  const char *rest;

  if (sscanf (name, "%4d%2d%2d-%2d%2d%2d-%n", &year, &month, &day, &hour, &minute, &second, &used) != 6 ||
      used != 16 || !g_str_has_suffix (name, ".db"))
    return NULL;

  info = g_new0 (GkBackupInfo, 1);
  rest = name + used;
  if (g_str_has_prefix (rest, kind_names[GK_BACKUP_DAILY]))
    info->kind = GK_BACKUP_DAILY;
  else if (g_str_has_prefix (rest, kind_names[GK_BACKUP_BEFORE_RESTORE]))
    info->kind = GK_BACKUP_BEFORE_RESTORE;
  else
    return NULL;

  info->time = g_date_time_new_local (year, month, day, hour, minute, second);
  if (info->time == NULL)
    return NULL;
  info->path = g_build_filename (folder, name, NULL);
  return g_steal_pointer (&info);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const GkBackupInfo *x = *(GkBackupInfo * const *) a;
  const GkBackupInfo *y = *(GkBackupInfo * const *) b;
  int by_time = g_date_time_compare (y->time, x->time);

  return by_time != 0 ? by_time : g_strcmp0 (y->path, x->path);
}

GPtrArray *
gk_backups_list (GkDatabase  *db,
                 GError     **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_backup_info_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  folder = gk_backups_get_folder (gk_database_get_path (db));
  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_IO,
                   _("Cannot list the backups: %s"), local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      GkBackupInfo *info = parse_name (folder, name);
      GStatBuf st;

      if (info == NULL)
        continue;
      if (g_stat (info->path, &st) == 0)
        info->size = st.st_size;
      g_ptr_array_add (list, info);
    }
  g_ptr_array_sort (list, newest_first);
  return g_steal_pointer (&list);
}

char *
gk_backups_create (GkDatabase    *db,
                   GkBackupKind   kind,
                   GDateTime     *now,
                   GError       **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind == GK_BACKUP_DAILY || kind == GK_BACKUP_BEFORE_RESTORE, NULL);

  folder = gk_backups_get_folder (gk_database_get_path (db));
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_IO,
                   _("Cannot create the backup folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  local = now ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  stamp = g_date_time_format (local, "%Y%m%d-%H%M%S");

  /* Two backups in one second get -2, -3… rather than fail. */
  for (guint n = 1; n < 100; n++)
    {
      g_autofree char *name = n == 1
        ? g_strdup_printf ("%s-%s.db", stamp, kind_names[kind])
        : g_strdup_printf ("%s-%s-%u.db", stamp, kind_names[kind], n);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      if (!gk_database_backup_to (db, path, error))
        {
          /* VACUUM INTO may leave a partial file on a full disk. */
          g_unlink (path);
          return NULL;
        }
      return g_steal_pointer (&path);
    }

  g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_IO,
               _("Too many backups in “%s” made in the same second"), folder);
  return NULL;
}

int
gk_backups_get_retention_days (GkDatabase *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint64 days = GK_BACKUPS_DEFAULT_RETENTION_DAYS;

  g_return_val_if_fail (GK_IS_DATABASE (db), GK_BACKUPS_DEFAULT_RETENTION_DAYS);

  stmt = gk_database_prepare (db, "SELECT value FROM settings WHERE key = '" RETENTION_KEY "'", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW &&
      g_ascii_string_to_unsigned ((const char *) sqlite3_column_text (stmt, 0), 10, 1, 36500, &days, NULL))
    return (int) days;
  return GK_BACKUPS_DEFAULT_RETENTION_DAYS;
}

static gboolean
write_retention (GkDatabase *db,
                 gpointer    user_data,
                 GError    **error)
{
  int days = GPOINTER_TO_INT (user_data);
  g_autofree char *old_value = g_strdup_printf ("%d", gk_backups_get_retention_days (db));
  g_autofree char *new_value = g_strdup_printf ("%d", days);
  g_autofree char *old_json = gk_audit_json ("value", old_value, NULL);
  g_autofree char *new_json = gk_audit_json ("value", new_value, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = gk_database_prepare (db,
                              "INSERT INTO settings (key, value) VALUES ('" RETENTION_KEY "', ?)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, new_value, -1, SQLITE_STATIC);
  return gk_database_step_done (db, stmt, error) &&
         gk_audit_append (db, "setting:" RETENTION_KEY, 0, "update", old_json, new_json, error);
}

gboolean
gk_backups_set_retention_days (GkDatabase  *db,
                               int          days,
                               GError     **error)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  if (days < 1 || days > 36500)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Backups must be kept between 1 and 36500 days, not %d"), days);
      return FALSE;
    }
  return gk_database_write (db, write_retention, GINT_TO_POINTER (days), error);
}

guint
gk_backups_prune (GkDatabase  *db,
                  GDateTime   *now,
                  GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GDateTime) cutoff = NULL;
  guint removed = 0;

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  list = gk_backups_list (db, error);
  if (list == NULL)
    return 0;

  current = now ? g_date_time_ref (now) : g_date_time_new_now_local ();
  cutoff = g_date_time_add_days (current, -gk_backups_get_retention_days (db));

  /* The list is newest first: the newest is kept whatever its age. */
  for (guint i = 1; i < list->len; i++)
    {
      GkBackupInfo *info = g_ptr_array_index (list, i);

      if (g_date_time_compare (info->time, cutoff) >= 0)
        continue;
      if (g_unlink (info->path) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_IO,
                       _("Cannot remove the old backup “%s”: %s"), info->path, g_strerror (saved_errno));
          return removed;
        }
      removed++;
    }
  return removed;
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

gboolean
gk_backups_run_daily (GkDatabase  *db,
                      GDateTime   *now,
                      char       **made,
                      GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *path = NULL;
  GError *prune_error = NULL;
  gboolean done_today = FALSE;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  list = gk_backups_list (db, error);
  if (list == NULL)
    return FALSE;

  local = now ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  for (guint i = 0; i < list->len && !done_today; i++)
    {
      GkBackupInfo *info = g_ptr_array_index (list, i);

      done_today = info->kind == GK_BACKUP_DAILY && same_day (info->time, local);
    }

  if (!done_today)
    {
      path = gk_backups_create (db, GK_BACKUP_DAILY, local, error);
      if (path == NULL)
        return FALSE;
    }

  gk_backups_prune (db, local, &prune_error);
  if (prune_error != NULL)
    {
      g_propagate_error (error, prune_error);
      return FALSE;
    }

  if (made != NULL)
    *made = g_steal_pointer (&path);
  return TRUE;
}

gboolean
gk_backups_restore (GkDatabase  *db,
                    const char  *backup_path,
                    char       **safety_copy,
                    GError     **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  from = g_canonicalize_filename (backup_path, NULL);
  to = g_canonicalize_filename (gk_database_get_path (db), NULL);
  if (g_str_equal (from, to))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("“%s” is the database itself, not a backup of it"), backup_path);
      return FALSE;
    }
  if (gk_database_is_read_only (db))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("“%s” is open read-only (%s); nothing can be changed"),
                   gk_database_get_path (db), gk_database_get_read_only_reason (db));
      return FALSE;
    }

  copy = gk_backups_create (db, GK_BACKUP_BEFORE_RESTORE, NULL, error);
  if (copy == NULL || !gk_database_restore_from (db, backup_path, error))
    return FALSE;

  if (safety_copy != NULL)
    *safety_copy = g_steal_pointer (&copy);
  return TRUE;
}
