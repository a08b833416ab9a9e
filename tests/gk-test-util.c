#include <glib/gstdio.h>

#include "core/gk-template.h"
#include "gk-test-util.h"

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_tree_and_free (char *path)
{
  remove_tree (path);
  g_free (path);
}

char *
gk_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gongkai-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_test_queue_destroy ((GDestroyNotify) remove_tree_and_free, g_strdup (dir));
  return dir;
}

char *
gk_test_tmp_path (const char *name)
{
  g_autofree char *dir = gk_test_tmpdir ();

  return g_build_filename (dir, name, NULL);
}

char *
gk_test_file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

GkDatabase *
gk_test_template_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gk_test_tmp_path ("test.db");
  GkDatabase *db = gk_template_create_database (path, "jinzhong-2020", &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

gint64
gk_test_query_int (GkDatabase *db,
                   const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}
