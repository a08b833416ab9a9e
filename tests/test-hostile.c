/* Files that are not what they claim: each is refused with a clear error
 * by the core and by `gongkai-cli verify`, nothing crashes, and the file
 * is left exactly as it was. */

#include <glib/gstdio.h>
#include <string.h>

#include "core/gk-core-error.h"
#include "core/gk-database.h"
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
write_bytes (const char   *path,
             const guint8 *bytes,
             gsize         length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) bytes, (gssize) length, &error);
  g_assert_no_error (error);
}

/* A real database of ours with the template's 45 items. */
static char *
make_ours (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();

  return g_strdup (gk_database_get_path (db));
}

static void
make_truncated (const char *path,
                gsize       keep)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ours = make_ours ();
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (ours, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keep, <, length);
  write_bytes (path, (const guint8 *) contents, keep ? keep : length / 2 + 123);
}

static void
make_zeros (const char *path)
{
  g_autofree guint8 *zeros = g_malloc0 (65536);

  write_bytes (path, zeros, 65536);
}

static void
make_random (const char *path)
{
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_test_rand_int_range (0, 256);
  write_bytes (path, bytes, sizeof bytes);
}

static void
make_foreign (const char *path,
              const char *sql)
{
  sqlite3 *raw = raw_open (path);

  raw_exec (raw, sql);
  sqlite3_close (raw);
}

static void
make_newer (const char *path)
{
  g_autofree char *ours = make_ours ();
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", GK_DATABASE_SCHEMA_VERSION + 1);
  sqlite3 *raw;

  g_assert_cmpint (g_rename (ours, path), ==, 0);
  raw = raw_open (path);
  raw_exec (raw, sql);
  sqlite3_close (raw);
}

/* The core refuses it without writing anything. */
static void
assert_core_refuses (const char  *path,
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
  g_test_message ("%s", error->message);

  /* Not even read-only, nor by the check that runs beside the app. */
  g_clear_error (&error);
  g_assert_false (gk_database_check_path (path, GK_DATABASE_CHECK_QUICK, &error));
  g_assert_error (error, GK_CORE_ERROR, (gint) expected);

  after = gk_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* `gongkai-cli verify` exits 1 with one line on stderr. */
static void
assert_cli_refuses (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = gk_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("GONGKAI_CLI"), "verify", path, NULL };
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "gongkai-cli verify: "));
  /* One line: its only newline is the last character. */
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_test_message ("%s", g_strchomp (err));

  after = gk_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
assert_refused (const char  *path,
                GkCoreError  expected)
{
  assert_core_refuses (path, expected);
  assert_cli_refuses (path);
}

static void
test_truncated (void)
{
  g_autofree char *path = gk_test_tmp_path ("truncated.db");

  /* Half of it, cut in the middle of a page. */
  make_truncated (path, 0);
  assert_refused (path, GK_CORE_ERROR_DATABASE);

  /* The header and a part of page 1. */
  make_truncated (path, 100);
  assert_refused (path, GK_CORE_ERROR_DATABASE);
}

static void
test_zero_filled (void)
{
  g_autofree char *path = gk_test_tmp_path ("zeros.db");

  make_zeros (path);
  assert_refused (path, GK_CORE_ERROR_NOT_SQLITE);
}

static void
test_random_bytes (void)
{
  g_autofree char *path = gk_test_tmp_path ("random.db");

  make_random (path);
  assert_refused (path, GK_CORE_ERROR_NOT_SQLITE);

  write_bytes (path, (const guint8 *) "Not a database, a note\n", 23);
  assert_refused (path, GK_CORE_ERROR_NOT_SQLITE);
}

static void
test_foreign (void)
{
  g_autofree char *dir = gk_test_tmpdir ();
  g_autofree char *tables = g_build_filename (dir, "bookmarks.db", NULL);
  g_autofree char *marked = g_build_filename (dir, "marked.db", NULL);

  make_foreign (tables, "CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.org')");
  assert_refused (tables, GK_CORE_ERROR_FOREIGN);

  /* Someone else's application id, even without tables. */
  make_foreign (marked, "PRAGMA application_id = 1234");
  assert_refused (marked, GK_CORE_ERROR_FOREIGN);
}

static void
test_newer (void)
{
  g_autofree char *path = gk_test_tmp_path ("newer.db");

  make_newer (path);
  assert_refused (path, GK_CORE_ERROR_TOO_NEW);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hostile/truncated", test_truncated);
  g_test_add_func ("/hostile/zero-filled", test_zero_filled);
  g_test_add_func ("/hostile/random-bytes", test_random_bytes);
  g_test_add_func ("/hostile/foreign", test_foreign);
  g_test_add_func ("/hostile/newer", test_newer);

  return g_test_run ();
}
