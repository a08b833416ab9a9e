/* The database layer: create, reopen, migrate, refuse what is not ours,
 * and take the write lock up front. */

#include <glib/gstdio.h>
#include <string.h>

#include "core/gk-core-error.h"
#include "core/gk-database.h"
#include "core/gk-migrations.h"
#include "gk-test-util.h"

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  return handle;
}

static void
raw_exec (sqlite3    *handle,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
test_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gk_test_tmp_path ("new.db");
  g_autoptr(GkDatabase) db = gk_database_open (path, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (gk_test_query_int (db, "PRAGMA application_id"), ==, GK_DATABASE_APPLICATION_ID);
  g_assert_cmpint (gk_test_query_int (db, "PRAGMA user_version"), ==, GK_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (gk_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (gk_test_query_int (db, "PRAGMA synchronous"), ==, 2 /* FULL */);

  stmt = gk_database_prepare (db, "PRAGMA journal_mode", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "delete");

  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'catalog_items'"), ==, 1);
}

static gboolean
insert_org (GkDatabase *db,
            gpointer    user_data,
            GError    **error)
{
  return gk_database_exec (db, user_data, error);
}

static void
test_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gk_test_tmp_path ("reopen.db");
  g_autoptr(GkDatabase) db = gk_database_open (path, &error);

  g_assert_no_error (error);
  gk_database_write (db, insert_org,
                     "INSERT INTO organizations (name, kind) VALUES ('党委', 'committee')", &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  db = gk_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations WHERE name = '党委'"), ==, 1);
}

/* A file another Gongkai created but never migrated (application id set,
 * user_version 0, no tables) is brought to the current schema. */
static void
test_migrate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gk_test_tmp_path ("old.db");
  g_autoptr(GkDatabase) db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", GK_DATABASE_APPLICATION_ID);
  sqlite3 *raw = raw_open (path);

  raw_exec (raw, sql);
  sqlite3_close (raw);

  db = gk_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_database_get_schema_version (db), ==, GK_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_events'"), ==, 1);
}

/* A version-1 file with data: migrated in place, its data kept, and a
 * backup of the old version left beside it first. */
static void
test_migrate_with_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1;",
                                          GK_DATABASE_APPLICATION_ID);
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint backups = 0;
  sqlite3 *raw = raw_open (path);

  raw_exec (raw, gk_migrations_get (1));
  raw_exec (raw, sql);
  raw_exec (raw, "INSERT INTO organizations (name, short_name, kind) VALUES ('中共晋中学院委员会', '党委', 'committee')");
  sqlite3_close (raw);

  db = gk_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_database_get_schema_version (db), ==, GK_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations WHERE short_name = '党委'"), ==, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM methods"), ==, 13);

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "v1.db.v1-") && g_str_has_suffix (name, ".bak"))
      {
        g_autofree char *backup_path = g_build_filename (dir, name, NULL);
        sqlite3 *backup = raw_open (backup_path);
        sqlite3_stmt *stmt = NULL;

        sqlite3_prepare_v2 (backup, "PRAGMA user_version", -1, &stmt, NULL);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
        sqlite3_finalize (stmt);
        sqlite3_close (backup);
        backups++;
      }
  g_assert_cmpuint (backups, ==, 1);
}

static void
assert_refused (const char  *path,
                GkCoreError  expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = gk_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(GkDatabase) db = gk_database_open (path, &error);

  g_assert_null (db);
  g_assert_error (error, GK_CORE_ERROR, (gint) expected);
  g_assert_nonnull (strstr (error->message, path));

  after = gk_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_newer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gk_test_tmp_path ("newer.db");
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", GK_DATABASE_SCHEMA_VERSION + 1);
  GkDatabase *db = gk_database_open (path, &error);
  sqlite3 *raw;

  g_assert_no_error (error);
  g_object_unref (db);

  raw = raw_open (path);
  raw_exec (raw, sql);
  sqlite3_close (raw);

  assert_refused (path, GK_CORE_ERROR_TOO_NEW);
}

static void
test_refuse_foreign (void)
{
  g_autofree char *path = gk_test_tmp_path ("foreign.db");
  sqlite3 *raw = raw_open (path);

  raw_exec (raw, "CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.org')");
  sqlite3_close (raw);

  assert_refused (path, GK_CORE_ERROR_FOREIGN);

  /* An application id of someone else's, even without tables. */
  raw = raw_open (path);
  raw_exec (raw, "DROP TABLE bookmarks; PRAGMA application_id = 1234");
  sqlite3_close (raw);
  assert_refused (path, GK_CORE_ERROR_FOREIGN);
}

static void
test_refuse_garbage (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gk_test_tmp_path ("garbage.db");
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_file_set_contents (path, (const char *) bytes, sizeof bytes, &error);
  g_assert_no_error (error);
  assert_refused (path, GK_CORE_ERROR_NOT_SQLITE);

  g_file_set_contents (path, "Not a database, a note\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (path, GK_CORE_ERROR_NOT_SQLITE);
}

/* Our header with the rest cut off: SQLite's own check must refuse it. */
static void
test_refuse_truncated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autofree char *path = g_strdup (gk_database_get_path (db));
  g_autofree char *contents = NULL;
  g_autofree char *cut = NULL;
  gsize length;

  g_clear_object (&db);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  cut = g_strconcat (path, ".cut", NULL);
  /* Header and a part of page 1: the schema cannot be read. */
  g_file_set_contents (cut, contents, 100, &error);
  g_assert_no_error (error);

  db = gk_database_open (cut, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_unlink (cut);
}

typedef struct
{
  const char *path;
  int         other_rc;
} LockProbe;

/* Inside our write transaction, before we have written anything, another
 * connection must already be unable to start a write: BEGIN IMMEDIATE took
 * the lock up front. */
static gboolean
probe_lock (GkDatabase *db,
            gpointer    user_data,
            GError    **error)
{
  LockProbe *probe = user_data;
  sqlite3 *other = raw_open (probe->path);

  probe->other_rc = sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_close (other);
  return gk_database_exec (db, "INSERT INTO audiences (name, class) VALUES ('社会', 'public')", error);
}

static void
test_begin_immediate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gk_test_tmp_path ("lock.db");
  g_autoptr(GkDatabase) db = gk_database_open (path, &error);
  LockProbe probe = { path, SQLITE_OK };
  sqlite3 *other;

  g_assert_no_error (error);
  g_assert_true (gk_database_write (db, probe_lock, &probe, &error));
  g_assert_no_error (error);
  g_assert_cmpint (probe.other_rc, ==, SQLITE_BUSY);

  /* Another desktop holds the write lock: our write waits, then fails
   * cleanly with BUSY and changes nothing. */
  other = raw_open (path);
  raw_exec (other, "BEGIN IMMEDIATE");
  gk_database_set_busy_timeout (db, 200);
  g_assert_false (gk_database_write (db, insert_org,
                                     "INSERT INTO organizations (name, kind) VALUES ('组织部', 'department')",
                                     &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_BUSY);
  g_clear_error (&error);
  raw_exec (other, "ROLLBACK");
  sqlite3_close (other);

  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations"), ==, 0);
  g_assert_true (gk_database_write (db, insert_org,
                                    "INSERT INTO organizations (name, kind) VALUES ('组织部', 'department')",
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations"), ==, 1);
}

static gboolean
write_then_fail (GkDatabase *db,
                 gpointer    user_data,
                 GError    **error)
{
  if (!gk_database_exec (db, "INSERT INTO organizations (name, kind) VALUES ('宣传部', 'department')", error))
    return FALSE;
  /* Violates the kind check: the whole transaction must roll back. */
  return gk_database_exec (db, "INSERT INTO organizations (name, kind) VALUES ('x', 'nonsense')", error);
}

static void
test_rollback (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gk_test_tmp_path ("rollback.db");
  g_autoptr(GkDatabase) db = gk_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_false (gk_database_write (db, write_then_fail, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations"), ==, 0);
  g_assert_false (gk_database_in_write (db));
}

static void
test_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autofree char *copy_path = g_strconcat (gk_database_get_path (db), ".backup", NULL);
  g_autoptr(GkDatabase) copy = NULL;

  g_assert_true (gk_database_backup_to (db, copy_path, &error));
  g_assert_no_error (error);
  copy = gk_database_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_query_int (copy, "SELECT count(*) FROM catalog_items"), ==, 45);

  /* Never overwrites. */
  g_assert_false (gk_database_backup_to (db, copy_path, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_IO);
  g_unlink (copy_path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/create", test_create);
  g_test_add_func ("/database/reopen", test_reopen);
  g_test_add_func ("/database/migrate", test_migrate);
  g_test_add_func ("/database/migrate-with-backup", test_migrate_with_backup);
  g_test_add_func ("/database/refuse/newer", test_refuse_newer);
  g_test_add_func ("/database/refuse/foreign", test_refuse_foreign);
  g_test_add_func ("/database/refuse/garbage", test_refuse_garbage);
  g_test_add_func ("/database/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/database/write/begin-immediate", test_begin_immediate);
  g_test_add_func ("/database/write/rollback", test_rollback);
  g_test_add_func ("/database/backup", test_backup);

  return g_test_run ();
}
