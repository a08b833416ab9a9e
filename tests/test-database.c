/* The database layer: create, reopen, migrate, take the write lock up
 * front, open read-only, leave WAL, notice a moved file, check the file.
 * Files that are not ours are refused in test-hostile.c. */

/* setresuid() */
#define _GNU_SOURCE

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/gk-core-error.h"
#include "core/gk-database.h"
#include "core/gk-migrations.h"
#include "core/gk-template.h"
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

/* A version-2 file, as released, with a notice: version 3 replaces the
 * notices' indexes (gk-migrations.c) and keeps the data; the planner uses
 * the new ones for what they were made for. */
static void
test_migrate_v2_to_v3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v2.db", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 2;",
                                          GK_DATABASE_APPLICATION_ID);
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(sqlite3_stmt) plan = NULL;
  g_autoptr(GString) plans = g_string_new (NULL);
  const char *queries[] = {
    "EXPLAIN QUERY PLAN SELECT id, planned_date, published_date, obligation FROM notices"
    " WHERE item_id = 1 AND state NOT IN ('rejected', 'withdrawn')",
    "EXPLAIN QUERY PLAN SELECT notice_id FROM notice_waiting WHERE person_id = 1",
  };
  sqlite3 *raw = raw_open (path);

  raw_exec (raw, gk_migrations_get (1));
  raw_exec (raw, gk_migrations_get (2));
  raw_exec (raw, sql);
  raw_exec (raw, "INSERT INTO organizations (name, short_name, kind) VALUES ('中共晋中学院委员会', '党委', 'committee');"
                 "INSERT INTO people (name) VALUES ('王干事');"
                 "INSERT INTO notices (organization_id, title, body, planned_date, state, proposer_id, created_at, updated_at)"
                 " VALUES (1, '公示', '正文', '2026-03-01', 'draft', 1, '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z');");
  sqlite3_close (raw);

  db = gk_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_database_get_schema_version (db), ==, 3);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices"), ==, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN"
                                          " ('notices_item_match', 'notices_state_route')"), ==, 2);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN"
                                          " ('notices_item', 'notices_state', 'notices_proposer')"), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_clear_pointer (&plan, sqlite3_finalize);
      plan = gk_database_prepare (db, queries[i], &error);
      g_assert_no_error (error);
      while (sqlite3_step (plan) == SQLITE_ROW)
        g_string_append_printf (plans, "%s\n", (const char *) sqlite3_column_text (plan, 3));
    }
  g_assert_nonnull (strstr (plans->str, "COVERING INDEX notices_item_match (item_id=?)"));
  g_assert_nonnull (strstr (plans->str, "COVERING INDEX notices_state_route (state=?)"));
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

static char *
journal_mode (GkDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "PRAGMA journal_mode", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
assert_write_refused (GkDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gk_database_write (db, insert_org,
                                     "INSERT INTO organizations (name, kind) VALUES ('组织部', 'department')",
                                     &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "read-only"));
}

static void
test_read_only_flag (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) made = gk_test_template_db ();
  g_autofree char *path = g_strdup (gk_database_get_path (made));
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GkDatabase) db = NULL;

  g_clear_object (&made);
  before = gk_test_file_checksum (path);

  db = gk_database_open_full (path, NULL, GK_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (gk_database_is_read_only (db));
  g_assert_nonnull (gk_database_get_read_only_reason (db));
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM catalog_items"), ==, 45);
  assert_write_refused (db);

  /* Even SQL that bypasses gk_database_write() cannot write. */
  g_assert_false (gk_database_exec (db, "DELETE FROM holidays", &error));
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_object (&db);

  after = gk_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* A file and folder the user may not write. As root, who may write
 * anything, the test becomes "nobody" for a while (the saved uid lets it
 * come back to clean up). */
static void
test_read_only_permissions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ro.db", NULL);
  g_autofree char *old = g_build_filename (dir, "old.db", NULL);
  g_autofree char *absent = g_build_filename (dir, "new.db", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1;",
                                          GK_DATABASE_APPLICATION_ID);
  g_autoptr(GkDatabase) db = gk_template_create_database (path, "jinzhong-2020", &error);
  gboolean as_root = geteuid () == 0;
  sqlite3 *raw;

  g_assert_no_error (error);
  g_clear_object (&db);
  raw = raw_open (old);
  raw_exec (raw, gk_migrations_get (1));
  raw_exec (raw, sql);
  sqlite3_close (raw);

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (old, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  if (as_root)
    g_assert_cmpint (setresuid (65534, 65534, 0), ==, 0);

  db = gk_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gk_database_is_read_only (db));
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM catalog_items"), ==, 45);
  assert_write_refused (db);
  g_clear_object (&db);

  /* A migration would have to write: refused, with the reason. */
  db = gk_database_open (old, &error);
  g_assert_null (db);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "upgraded"));
  g_clear_error (&error);

  db = gk_database_open (absent, &error);
  g_assert_null (db);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN);
  g_clear_error (&error);

  if (as_root)
    g_assert_cmpint (setresuid (0, 0, 0), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  /* Writable again: an ordinary open. */
  db = gk_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (gk_database_is_read_only (db));
}

static void
set_wal (const char *path)
{
  sqlite3 *raw = raw_open (path);

  raw_exec (raw, "PRAGMA journal_mode = WAL");
  sqlite3_close (raw);
}

/* WAL, set by another tool, goes: the file is ours again. */
static void
test_wal_converted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autofree char *path = g_strdup (gk_database_get_path (db));
  g_autofree char *mode = NULL;

  g_clear_object (&db);
  set_wal (path);

  db = gk_database_open (path, &error);
  g_assert_no_error (error);
  mode = journal_mode (db);
  g_assert_cmpstr (mode, ==, "delete");
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM catalog_items"), ==, 45);
}

/* …unless another program has it open: then it is refused with the reason. */
static void
test_wal_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autofree char *path = g_strdup (gk_database_get_path (db));
  sqlite3 *other;

  g_clear_object (&db);
  set_wal (path);
  other = raw_open (path);
  raw_exec (other, "SELECT count(*) FROM organizations");

  db = gk_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "WAL"));
  g_assert_nonnull (strstr (error->message, "another program has it open"));
  g_clear_error (&error);

  sqlite3_close (other);
  db = gk_database_open (path, &error);
  g_assert_no_error (error);
}

static void
test_moved (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GkDatabase) again = NULL;
  g_autofree char *path = g_strdup (gk_database_get_path (db));
  g_autofree char *elsewhere = g_strconcat (path, ".moved", NULL);
  g_autofree char *replacement = g_strconcat (path, ".new", NULL);

  g_assert_false (gk_database_has_moved (db));

  /* Renamed away: noticed. */
  g_assert_cmpint (g_rename (path, elsewhere), ==, 0);
  g_assert_true (gk_database_has_moved (db));
  g_assert_cmpint (g_rename (elsewhere, path), ==, 0);
  g_assert_false (gk_database_has_moved (db));

  /* Replaced by another file of the same name, as a sync tool does. */
  g_assert_true (gk_database_backup_to (db, replacement, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (replacement, path), ==, 0);
  g_assert_true (gk_database_has_moved (db));

  gk_database_set_actor (db, 7);
  gk_database_set_busy_timeout (db, 1234);
  again = gk_database_reopen (db, &error);
  g_assert_no_error (error);
  g_assert_false (gk_database_has_moved (again));
  g_assert_cmpint (gk_database_get_actor (again), ==, 7);
  g_assert_cmpint (gk_database_get_busy_timeout (again), ==, 1234);
  g_assert_cmpint (gk_test_query_int (again, "SELECT count(*) FROM catalog_items"), ==, 45);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} CheckResult;

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CheckResult *check = user_data;

  gk_database_check_path_finish (result, &check->error);
  check->done = TRUE;
}

/* The check as the app runs it: on a worker, while the main loop turns. */
static gboolean
check_async (const char       *path,
             GkDatabaseCheck   kind,
             GError          **error)
{
  CheckResult check = { FALSE, NULL };

  gk_database_check_path_async (path, kind, NULL, on_checked, &check);
  while (!check.done)
    g_main_context_iteration (NULL, TRUE);
  if (check.error != NULL)
    {
      g_propagate_error (error, check.error);
      return FALSE;
    }
  return TRUE;
}

/* Overwrites a page in the middle with garbage. */
static void
damage (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8 * 4096);
  for (gsize i = 0; i < 4096; i++)
    contents[length / 2 / 4096 * 4096 + i] = (char) (i * 7 + 3);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
test_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autofree char *path = g_strdup (gk_database_get_path (db));

  g_assert_true (gk_database_quick_check (db, &error));
  g_assert_true (gk_database_integrity_check (db, &error));
  g_assert_true (gk_database_check_path (path, GK_DATABASE_CHECK_QUICK, &error));
  g_assert_true (gk_database_check_path (path, GK_DATABASE_CHECK_FULL, &error));
  g_assert_no_error (error);
  g_assert_true (check_async (path, GK_DATABASE_CHECK_FULL, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  damage (path);
  g_assert_false (gk_database_check_path (path, GK_DATABASE_CHECK_FULL, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);
  g_assert_false (check_async (path, GK_DATABASE_CHECK_QUICK, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_DATABASE);
}

static void
test_busy_timeout (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gk_test_tmp_path ("busy.db");
  g_autoptr(GkDatabase) db = gk_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gk_database_get_busy_timeout (db), ==, GK_DATABASE_DEFAULT_BUSY_TIMEOUT_MS);
  gk_database_set_busy_timeout (db, 500);
  g_assert_cmpint (gk_database_get_busy_timeout (db), ==, 500);
  g_clear_object (&db);

  g_setenv ("GONGKAI_BUSY_TIMEOUT", "2500", TRUE);
  db = gk_database_open (path, &error);
  g_unsetenv ("GONGKAI_BUSY_TIMEOUT");
  g_assert_no_error (error);
  g_assert_cmpint (gk_database_get_busy_timeout (db), ==, 2500);
}

/* Another desktop in the middle of a write: a plain SQLite connection
 * holding the RESERVED lock, as any other program could. */
static sqlite3 *
hold_write_lock (const char *path)
{
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return other;
}

typedef struct
{
  gint   calls;      /* atomic: the worker writes, the test reads */
  guint  last_ms;
  guint  stop_after_ms;  /* 0: never stop */
} BusyProbe;

static gboolean
on_busy (GkDatabase *db,
         guint       elapsed_ms,
         gpointer    user_data)
{
  BusyProbe *probe = user_data;

  g_assert_true (GK_IS_DATABASE (db));
  g_atomic_int_inc (&probe->calls);
  probe->last_ms = elapsed_ms;
  return probe->stop_after_ms == 0 || elapsed_ms < probe->stop_after_ms;
}

/* A write that waits for another desktop's lock tells its busy callback,
 * then fails after the timeout with a message that says what happened. */
static void
test_busy_wait (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gk_test_tmp_path ("busy-wait.db");
  g_autoptr(GkDatabase) db = gk_database_open (path, &error);
  g_autofree char *value = NULL;
  BusyProbe probe = { 0 };
  sqlite3 *other;
  gint64 start;
  double waited;

  g_assert_no_error (error);
  gk_database_set_busy_timeout (db, 1200);
  gk_database_set_busy_func (db, on_busy, &probe);
  other = hold_write_lock (path);

  start = g_get_monotonic_time ();
  g_assert_false (gk_database_set_setting (db, "busy-test", "mine", &error));
  waited = (g_get_monotonic_time () - start) / 1e6;

  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_BUSY);
  g_test_message ("%s", error->message);
  /* The callback saw the wait grow to (nearly) the timeout… */
  g_assert_cmpint (probe.calls, >, 5);
  g_assert_cmpuint (probe.last_ms, >=, 1000);
  g_assert_cmpfloat (waited, >=, 1.1);
  g_assert_cmpfloat (waited, <, 5.0);
  /* …and the message says how long, and that nothing changed. */
  g_assert_nonnull (strstr (error->message, "locked for 1 s"));
  g_assert_nonnull (strstr (error->message, "nothing was changed"));
  g_clear_error (&error);

  /* The callback may give up long before the timeout. */
  probe = (BusyProbe) { .stop_after_ms = 100 };
  gk_database_set_busy_timeout (db, 10000);
  start = g_get_monotonic_time ();
  g_assert_false (gk_database_set_setting (db, "busy-test", "mine", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_BUSY);
  g_assert_cmpfloat ((g_get_monotonic_time () - start) / 1e6, <, 2.0);
  g_clear_error (&error);

  /* Once the other desktop is done, the same write goes through. */
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  gk_database_set_busy_func (db, NULL, NULL);
  g_assert_true (gk_database_set_setting (db, "busy-test", "mine", &error));
  g_assert_no_error (error);
  value = gk_database_get_setting (db, "busy-test");
  g_assert_cmpstr (value, ==, "mine");
}

typedef struct
{
  GkDatabase *db;
  gboolean    done;
  gboolean    ok;
  GError     *error;
} RunResult;

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RunResult *run = user_data;

  run->ok = gk_database_run_finish (GK_DATABASE (source), result, &run->error);
  run->done = TRUE;
}

static gboolean
write_test_setting (GkDatabase  *db,
                    gpointer     data,
                    GError     **error)
{
  /* Its own connection, not the caller's. */
  g_assert_true (db != ((RunResult *) data)->db);
  return gk_database_set_setting (db, "run-test", "from the worker", error);
}

static void
wait_until (gboolean *flag,
            gint     *count)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while ((flag != NULL ? !*flag : g_atomic_int_get (count) == 0) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

/* Writes in a worker on a connection of their own: the caller's thread is
 * free while the worker waits for another desktop's lock. */
static void
test_run_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gk_test_tmp_path ("run.db");
  g_autoptr(GkDatabase) db = gk_database_open (path, &error);
  g_autoptr(GCancellable) cancellable = NULL;
  g_autofree char *value = NULL;
  RunResult run = { 0 };
  BusyProbe probe = { 0 };
  sqlite3 *other;

  g_assert_no_error (error);
  run.db = db;

  /* Waits while the lock is held, goes through when it is released. */
  other = hold_write_lock (path);
  gk_database_run_async (db, write_test_setting, &run, NULL, on_busy, &probe, NULL, on_run_done, &run);
  wait_until (NULL, &probe.calls);
  g_assert_cmpint (g_atomic_int_get (&probe.calls), >, 0);
  g_assert_false (run.done);
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  wait_until (&run.done, NULL);
  g_assert_no_error (run.error);
  g_assert_true (run.ok);
  value = gk_database_get_setting (db, "run-test");
  g_assert_cmpstr (value, ==, "from the worker");
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audit_events WHERE entity = 'setting:run-test'"), ==, 1);

  /* Cancelled while waiting: nothing written, and said so. */
  g_assert_true (gk_database_set_setting (db, "run-test", NULL, &error));
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  run = (RunResult) { .db = db };
  probe = (BusyProbe) { 0 };
  cancellable = g_cancellable_new ();
  gk_database_run_async (db, write_test_setting, &run, NULL, on_busy, &probe, cancellable, on_run_done, &run);
  wait_until (NULL, &probe.calls);
  g_cancellable_cancel (cancellable);
  wait_until (&run.done, NULL);
  g_assert_false (run.ok);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&run.error);

  /* Past the caller's busy timeout: the clear busy error. */
  gk_database_set_busy_timeout (db, 300);
  run = (RunResult) { .db = db };
  gk_database_run_async (db, write_test_setting, &run, NULL, NULL, NULL, NULL, on_run_done, &run);
  wait_until (&run.done, NULL);
  g_assert_false (run.ok);
  g_assert_error (run.error, GK_CORE_ERROR, GK_CORE_ERROR_BUSY);
  g_assert_nonnull (strstr (run.error->message, "nothing was changed"));
  g_clear_error (&run.error);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_clear_pointer (&value, g_free);
  value = gk_database_get_setting (db, "run-test");
  g_assert_null (value);
}

static void
test_filesystem (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autofree char *message = gk_filesystem_describe_shared_mode (GK_FILESYSTEM_NFS);
  GkFilesystemKind kind = gk_filesystem_kind_of (gk_database_get_path (db));

  g_assert_cmpint (gk_filesystem_kind_from_magic (0x6969), ==, GK_FILESYSTEM_NFS);
  g_assert_cmpint (gk_filesystem_kind_from_magic (0x517B), ==, GK_FILESYSTEM_SMB);
  g_assert_cmpint (gk_filesystem_kind_from_magic (0xFE534D42), ==, GK_FILESYSTEM_SMB);
  g_assert_cmpint (gk_filesystem_kind_from_magic (0xFF534D42), ==, GK_FILESYSTEM_SMB);
  g_assert_cmpint (gk_filesystem_kind_from_magic (0x65735546), ==, GK_FILESYSTEM_FUSE);
  g_assert_cmpint (gk_filesystem_kind_from_magic (0xEF53 /* ext4 */), ==, GK_FILESYSTEM_LOCAL);
  g_assert_cmpint (gk_filesystem_kind_from_magic (0x01021994 /* tmpfs */), ==, GK_FILESYSTEM_LOCAL);
  g_assert_true (gk_filesystem_kind_is_network (GK_FILESYSTEM_SMB));
  g_assert_false (gk_filesystem_kind_is_network (GK_FILESYSTEM_LOCAL));
  g_assert_nonnull (strstr (message, "NFS"));

  /* Whatever the test folder is on, the database reports the same. */
  g_assert_cmpint (gk_database_get_filesystem_kind (db), ==, kind);
  g_assert_cmpint (gk_database_is_on_network_share (db), ==, gk_filesystem_kind_is_network (kind));
  /* /proc is local to every machine. */
  g_assert_cmpint (gk_filesystem_kind_of ("/proc/self/status"), ==, GK_FILESYSTEM_LOCAL);
}

/* What the window's explanation of shares depends on, with the
 * filesystem type injected as a test (or a user) would. */
static void
test_filesystem_injected (void)
{
  static const struct { const char *magic; GkFilesystemKind kind; const char *name; } shares[] = {
    { "0x6969", GK_FILESYSTEM_NFS, "NFS" },
    { "0x517B", GK_FILESYSTEM_SMB, "SMB/CIFS" },
    { "0xFE534D42", GK_FILESYSTEM_SMB, "SMB/CIFS" },
    { "0xff534d42", GK_FILESYSTEM_SMB, "SMB/CIFS" },
    { "0x65735546", GK_FILESYSTEM_FUSE, "FUSE" },
    { "1702057286" /* 0x65735546 */, GK_FILESYSTEM_FUSE, "FUSE" },
    { "0x5346414F", GK_FILESYSTEM_NETWORK, "network" },
    { "0xEF53", GK_FILESYSTEM_LOCAL, "local" },
  };
  g_autoptr(GkDatabase) template = gk_test_template_db ();
  const char *path = gk_database_get_path (template);

  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GkDatabase) db = NULL;
      g_autofree char *message = NULL;

      g_setenv ("GONGKAI_FILESYSTEM_MAGIC", shares[i].magic, TRUE);
      db = gk_database_open (path, &error);
      g_unsetenv ("GONGKAI_FILESYSTEM_MAGIC");
      g_assert_no_error (error);

      g_assert_cmpint (gk_database_get_filesystem_kind (db), ==, shares[i].kind);
      g_assert_cmpstr (gk_filesystem_kind_to_string (shares[i].kind), ==, shares[i].name);
      g_assert_cmpint (gk_database_is_on_network_share (db), ==, shares[i].kind != GK_FILESYSTEM_LOCAL);
      message = gk_filesystem_describe_shared_mode (shares[i].kind);
      g_assert_nonnull (strstr (message, shares[i].name));
    }

  /* Garbage is ignored: statfs() decides. */
  g_setenv ("GONGKAI_FILESYSTEM_MAGIC", "nfs", TRUE);
  g_assert_cmpint (gk_filesystem_kind_of ("/proc/self/status"), ==, GK_FILESYSTEM_LOCAL);
  g_unsetenv ("GONGKAI_FILESYSTEM_MAGIC");
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
  g_test_add_func ("/database/migrate-v2-to-v3", test_migrate_v2_to_v3);
  g_test_add_func ("/database/write/begin-immediate", test_begin_immediate);
  g_test_add_func ("/database/write/rollback", test_rollback);
  g_test_add_func ("/database/backup", test_backup);
  g_test_add_func ("/database/read-only/flag", test_read_only_flag);
  g_test_add_func ("/database/read-only/permissions", test_read_only_permissions);
  g_test_add_func ("/database/wal/converted", test_wal_converted);
  g_test_add_func ("/database/wal/refused", test_wal_refused);
  g_test_add_func ("/database/moved", test_moved);
  g_test_add_func ("/database/check", test_check);
  g_test_add_func ("/database/filesystem", test_filesystem);
  g_test_add_func ("/database/filesystem/injected", test_filesystem_injected);
  g_test_add_func ("/database/busy-timeout", test_busy_timeout);
  g_test_add_func ("/database/busy/wait", test_busy_wait);
  g_test_add_func ("/database/busy/run-async", test_run_async);

  return g_test_run ();
}
