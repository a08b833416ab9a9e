/* Daily backups, retention and restore (DESIGN §6). */

#include <glib/gstdio.h>
#include <string.h>

#include "core/gk-audit.h"
#include "core/gk-backups.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"
#include "gk-test-util.h"

static GDateTime *
day (int d,
     int hour)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 1, hour, 0, 0);

  return g_date_time_add_days (start, d);
}

static guint
n_backups (GkDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = gk_backups_list (db, &error);

  g_assert_no_error (error);
  return list->len;
}

static void
test_folder (void)
{
  g_autofree char *a = gk_backups_get_folder ("/srv/share/one/gongkai.db");
  g_autofree char *b = gk_backups_get_folder ("/srv/share/two/gongkai.db");
  g_autofree char *leaf = g_path_get_basename (a);

  /* On this computer, named after the file, apart for two files of one name. */
  g_assert_true (g_str_has_prefix (a, g_get_user_data_dir ()));
  g_assert_true (g_str_has_prefix (leaf, "gongkai.db-"));
  g_assert_cmpstr (a, !=, b);
}

static void
test_daily (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GDateTime) morning = day (0, 9);
  g_autoptr(GDateTime) evening = day (0, 18);
  g_autoptr(GDateTime) next_day = day (1, 9);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GkDatabase) copy = NULL;
  g_autofree char *made = NULL;
  GkBackupInfo *newest;

  g_assert_cmpuint (n_backups (db), ==, 0);
  g_assert_true (gk_backups_run_daily (db, morning, &made, &error));
  g_assert_no_error (error);
  g_assert_nonnull (made);
  g_assert_true (g_file_test (made, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&made, g_free);

  /* The second open of the day makes none. */
  g_assert_true (gk_backups_run_daily (db, evening, &made, &error));
  g_assert_no_error (error);
  g_assert_null (made);
  g_assert_cmpuint (n_backups (db), ==, 1);

  g_assert_true (gk_backups_run_daily (db, next_day, &made, &error));
  g_assert_nonnull (made);

  list = gk_backups_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  newest = g_ptr_array_index (list, 0);
  g_assert_cmpstr (newest->path, ==, made);
  g_assert_cmpint (newest->kind, ==, GK_BACKUP_DAILY);
  g_assert_cmpint (g_date_time_compare (newest->time, next_day), ==, 0);
  g_assert_cmpint (newest->size, >, 0);

  /* A backup is a whole database of ours. */
  copy = gk_database_open (made, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_query_int (copy, "SELECT count(*) FROM catalog_items"), ==, 45);
}

static void
test_retention (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GDateTime) now = day (10, 12);
  g_autoptr(GDateTime) much_later = day (100, 12);
  gint64 events = gk_test_query_int (db, "SELECT count(*) FROM audit_events");

  g_assert_cmpint (gk_backups_get_retention_days (db), ==, GK_BACKUPS_DEFAULT_RETENTION_DAYS);
  g_assert_false (gk_backups_set_retention_days (db, 0, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gk_backups_set_retention_days (db, 7, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gk_backups_get_retention_days (db), ==, 7);
  /* A setting is a record like any other: audited. */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audit_events"), ==, events + 1);

  for (int d = 0; d <= 10; d++)
    {
      g_autoptr(GDateTime) when = day (d, 12);
      g_autofree char *path = gk_backups_create (db, GK_BACKUP_DAILY, when, &error);

      g_assert_no_error (error);
      g_assert_nonnull (path);
    }
  g_assert_cmpuint (n_backups (db), ==, 11);

  /* Days 0, 1 and 2 are more than 7 days before day 10. */
  g_assert_cmpuint (gk_backups_prune (db, now, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpuint (n_backups (db), ==, 8);

  /* However old, the newest backup stays. */
  g_assert_cmpuint (gk_backups_prune (db, much_later, &error), ==, 7);
  g_assert_cmpuint (n_backups (db), ==, 1);
}

static gboolean
add_department (GkDatabase *db,
                gpointer    user_data,
                GError    **error)
{
  return gk_directory_add_organization (db, user_data, NULL, "department", 0, error) != 0;
}

static const char count_sql[] = "SELECT count(*) FROM organizations WHERE name = '新设部门'";

static void
test_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GkDatabase) other = NULL;
  g_autoptr(GkDatabase) safety = NULL;
  g_autofree char *backup = gk_backups_create (db, GK_BACKUP_DAILY, NULL, &error);
  g_autofree char *copy = NULL;
  gint64 other_version;

  g_assert_no_error (error);
  gk_database_write (db, add_department, "新设部门", &error);
  g_assert_no_error (error);

  /* Another desktop has the file open, idle. */
  other = gk_database_open (gk_database_get_path (db), &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_query_int (other, count_sql), ==, 1);
  other_version = gk_database_get_data_version (other);

  g_assert_true (gk_backups_restore (db, backup, &copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_query_int (db, count_sql), ==, 0);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM catalog_items"), ==, 45);
  gk_audit_verify (db, NULL, &error);
  g_assert_no_error (error);

  /* It notices at its next poll and reads the restored content. */
  g_assert_cmpint (gk_database_get_data_version (other), !=, other_version);
  g_assert_cmpint (gk_test_query_int (other, count_sql), ==, 0);

  /* What was replaced was kept first. */
  g_assert_nonnull (copy);
  safety = gk_database_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_query_int (safety, count_sql), ==, 1);
  g_assert_cmpuint (n_backups (db), ==, 2);
}

typedef struct
{
  char     *backup;
  char     *copy;       /* set by the worker */
  gboolean  done;
  gboolean  ok;
  GError   *error;
} WorkerRestore;

static gboolean
restore_in_worker (GkDatabase  *db,
                   gpointer     data,
                   GError     **error)
{
  WorkerRestore *restore = data;

  return gk_backups_restore (db, restore->backup, &restore->copy, error);
}

static void
on_restored (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  WorkerRestore *restore = user_data;

  restore->ok = gk_database_run_finish (GK_DATABASE (source), result, &restore->error);
  restore->done = TRUE;
}

/* As the window restores: in a worker on a connection of its own, which
 * waits for another desktop's write while the caller goes on; the caller's
 * connection then reads the restored content, and so does a reopen. */
static void
test_restore_in_worker (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GkDatabase) reopened = NULL;
  g_autofree char *backup = gk_backups_create (db, GK_BACKUP_DAILY, NULL, &error);
  WorkerRestore restore = { 0 };
  sqlite3 *other = NULL;
  guint iterations = 0;
  gint64 deadline;

  g_assert_no_error (error);
  gk_database_write (db, add_department, "新设部门", &error);
  g_assert_no_error (error);
  restore.backup = backup;

  /* Another desktop is writing: the worker waits, the caller does not. */
  g_assert_cmpint (sqlite3_open (gk_database_get_path (db), &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  gk_database_run_async (db, restore_in_worker, &restore, NULL, NULL, NULL, NULL, on_restored, &restore);
  deadline = g_get_monotonic_time () + 300 * 1000;
  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      iterations++;
    }
  g_assert_false (restore.done);
  g_assert_cmpuint (iterations, >, 50);
  g_assert_cmpint (gk_test_query_int (db, count_sql), ==, 1);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!restore.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (restore.error);
  g_assert_true (restore.ok);
  g_assert_nonnull (restore.copy);

  g_assert_cmpint (gk_test_query_int (db, count_sql), ==, 0);
  reopened = gk_database_reopen (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_query_int (reopened, count_sql), ==, 0);
  gk_audit_verify (reopened, NULL, &error);
  g_assert_no_error (error);
  g_free (restore.copy);
}

static void
assert_not_restored (GkDatabase  *db,
                     const char  *backup,
                     GkCoreError  expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gk_backups_restore (db, backup, NULL, &error));
  g_assert_error (error, GK_CORE_ERROR, (gint) expected);
  g_test_message ("%s", error->message);
  g_assert_cmpint (gk_test_query_int (db, count_sql), ==, 1);
}

static void
test_restore_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autofree char *backup = gk_backups_create (db, GK_BACKUP_DAILY, NULL, &error);
  g_autofree char *garbage = g_strconcat (gk_database_get_path (db), ".garbage", NULL);
  g_autofree char *foreign = g_strconcat (gk_database_get_path (db), ".foreign", NULL);
  sqlite3 *raw = NULL;
  sqlite3_stmt *reading = NULL;

  g_assert_no_error (error);
  gk_database_write (db, add_department, "新设部门", &error);
  g_assert_no_error (error);

  g_file_set_contents (garbage, "not a database", -1, &error);
  g_assert_no_error (error);
  assert_not_restored (db, garbage, GK_CORE_ERROR_NOT_SQLITE);

  g_assert_cmpint (sqlite3_open (foreign, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE t (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  assert_not_restored (db, foreign, GK_CORE_ERROR_FOREIGN);

  assert_not_restored (db, gk_database_get_path (db), GK_CORE_ERROR_INVALID);

  /* Another desktop is reading: the restore waits, then gives up. */
  g_assert_cmpint (sqlite3_open (gk_database_get_path (db), &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT * FROM organizations", -1, &reading, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (reading), ==, SQLITE_ROW);
  gk_database_set_busy_timeout (db, 200);
  assert_not_restored (db, backup, GK_CORE_ERROR_BUSY);
  sqlite3_finalize (reading);
  sqlite3_exec (raw, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (raw);

  g_assert_true (gk_backups_restore (db, backup, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_query_int (db, count_sql), ==, 0);
}

static int
run_cli (char **out,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  /* The CLI keeps its backups where this test looks for them. */
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  va_list ap;
  int status = 0;

  g_ptr_array_add (args, (char *) g_getenv ("GONGKAI_CLI"));
  g_assert_nonnull (args->pdata[0]);
  va_start (ap, out);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  const char *path = gk_database_get_path (db);
  g_autofree char *backup = g_strconcat (path, ".backup", NULL);
  g_autofree char *out = NULL;
  g_autofree char *backups_folder = gk_backups_get_folder (path);

  g_assert_cmpint (run_cli (NULL, "backup", path, backup, NULL), ==, 0);
  gk_database_write (db, add_department, "新设部门", &error);
  g_assert_no_error (error);

  /* Replacing everything needs --yes. */
  g_assert_cmpint (run_cli (NULL, "restore", path, backup, NULL), ==, 2);
  g_assert_cmpint (gk_test_query_int (db, count_sql), ==, 1);

  g_assert_cmpint (run_cli (&out, "restore", path, backup, "--yes", NULL), ==, 0);
  g_assert_cmpint (gk_test_query_int (db, count_sql), ==, 0);
  /* It prints where the replaced content was kept. */
  g_strchomp (out);
  g_assert_true (g_str_has_prefix (out, backups_folder));
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/backups/folder", test_folder);
  g_test_add_func ("/backups/daily", test_daily);
  g_test_add_func ("/backups/retention", test_retention);
  g_test_add_func ("/backups/restore", test_restore);
  g_test_add_func ("/backups/restore-refused", test_restore_refused);
  g_test_add_func ("/backups/restore-in-worker", test_restore_in_worker);
  g_test_add_func ("/backups/cli-restore", test_cli_restore);

  return g_test_run ();
}
