/* 备案: a filed catalog cannot be changed, and the difference between the
 * filed and the current version. */

#include <string.h>

#include "core/gk-catalog.h"
#include "core/gk-catalog-csv.h"
#include "core/gk-catalog-edit.h"
#include "core/gk-catalog-filing.h"
#include "core/gk-catalog-item.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"
#include "gk-test-util.h"

typedef struct
{
  GkDatabase *db;
  gint64      catalog;
  gint64      office, staff;
} Fixture;

static gboolean
setup_people (GkDatabase *db,
              gpointer    user_data,
              GError    **error)
{
  Fixture *f = user_data;

  f->office = gk_directory_add_person (db, "孙主任", NULL, NULL, error);
  f->staff = gk_directory_add_person (db, "王干事", NULL, NULL, error);
  return f->staff != 0 &&
         gk_directory_add_role (db, f->office, gk_directory_find_organization (db, "党办", NULL), "party-office", error) &&
         gk_directory_add_role (db, f->staff, gk_directory_find_organization (db, "组织部", NULL), "staff", error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = gk_test_template_db ();
  gk_database_write (f->db, setup_people, f, &error);
  g_assert_no_error (error);
  f->catalog = gk_catalog_get_default (f->db, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
}

static void
test_immutable (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkCatalogFiling) filing = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *sha256 = NULL;
  sqlite3 *handle = gk_database_get_handle (f->db);
  gint64 id;

  g_assert_null (gk_catalog_last_filing (f->db, f->catalog, &error));
  g_assert_no_error (error);

  /* Party office files; nobody else. */
  g_assert_cmpint (gk_catalog_file (f->db, f->staff, f->catalog, NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "party office"));
  g_clear_error (&error);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count (*) FROM catalog_filings"), ==, 0);

  id = gk_catalog_file (f->db, f->office, f->catalog, "2026年度备案", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  filing = gk_catalog_last_filing (f->db, f->catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (filing->id, ==, id);
  g_assert_cmpstr (filing->filed_by_name, ==, "孙主任");
  g_assert_cmpstr (filing->note, ==, "2026年度备案");
  g_assert_cmpuint (filing->changes_since, ==, 0);

  /* The snapshot is the export of that moment, with its SHA-256. */
  csv = gk_catalog_export_csv (f->db, f->catalog, NULL);
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, csv, -1);
  g_assert_cmpstr (filing->sha256, ==, sha256);

  g_assert_cmpint (sqlite3_exec (handle, "UPDATE catalog_filings SET note = 'x'", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_nonnull (strstr (sqlite3_errmsg (handle), "cannot be changed"));
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE catalog_filings SET snapshot = ''", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM catalog_filings", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_nonnull (strstr (sqlite3_errmsg (handle), "cannot be removed"));
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count (*) FROM catalog_filings"), ==, 1);

  /* Altered with the triggers dropped: the diff notices. */
  g_assert_cmpint (sqlite3_exec (handle, "DROP TRIGGER catalog_filings_no_update;"
                                         "UPDATE catalog_filings SET snapshot = replace (snapshot, '党费', '会费')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_null (gk_catalog_diff_filed (f->db, f->catalog, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_BROKEN_CHAIN);
}

static void
assert_diff (GPtrArray         *diffs,
             guint              index,
             GkCatalogDiffKind  kind,
             guint              number,
             const char        *field,
             const char        *old_value,
             const char        *new_value)
{
  GkCatalogDiff *diff = g_ptr_array_index (diffs, index);

  g_assert_cmpint (diff->kind, ==, kind);
  g_assert_cmpuint (diff->number, ==, number);
  g_assert_cmpstr (diff->field, ==, field);
  g_assert_cmpstr (diff->old_value, ==, old_value);
  g_assert_cmpstr (diff->new_value, ==, new_value);
}

static void
test_diff (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GkCatalogFiling) filing = NULL;
  g_autoptr(GArray) responsible = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) audiences = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 fees = gk_catalog_find_item (f->db, f->catalog, 21, NULL);
  g_autoptr(GkCatalogItem) filed_fees = gk_catalog_get_item (f->db, fees, NULL);
  gint64 security = gk_catalog_find_item (f->db, f->catalog, 45, NULL);
  gint64 org = gk_directory_find_organization (f->db, "党办", NULL);
  gint64 audience = gk_directory_find_audience (f->db, "全体党员", NULL);
  GkCatalogChange added = {
    .number = 46,
    .category_id = gk_catalog_find_category (f->db, f->catalog, "其他应当公开的情况", NULL),
    .content = "党务公开工作年度情况通报",
    .responsible = responsible,
    .audiences = audiences,
    .cadence = "yearly-after:01-31",
  };

  g_assert_null (gk_catalog_diff_filed (f->db, f->catalog, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  gk_catalog_file (f->db, f->office, f->catalog, NULL, &error);
  g_assert_no_error (error);
  diffs = gk_catalog_diff_filed (f->db, f->catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diffs->len, ==, 0);
  g_clear_pointer (&diffs, g_ptr_array_unref);

  g_array_append_val (responsible, org);
  g_array_append_val (audiences, audience);
  gk_catalog_edit_item (f->db, f->office, fees, 0, &(GkCatalogChange) { .cadence = "quarterly" }, "按季度", &error);
  g_assert_no_error (error);
  gk_catalog_edit_retire (f->db, f->office, security, 0, "并入第43项", &error);
  g_assert_no_error (error);
  gk_catalog_edit_add_item (f->db, f->office, f->catalog, &added, "第十八条", &error);
  g_assert_no_error (error);

  filing = gk_catalog_last_filing (f->db, f->catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (filing->changes_since, ==, 1 + 1 + 7);

  diffs = gk_catalog_diff_filed (f->db, f->catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diffs->len, ==, 3);
  assert_diff (diffs, 0, GK_CATALOG_DIFF_CHANGED, 21, "cadence", gk_catalog_item_get_cadence (filed_fees), "quarterly");
  assert_diff (diffs, 1, GK_CATALOG_DIFF_REMOVED, 45, NULL, "社会治安综合治理考评结果", NULL);
  assert_diff (diffs, 2, GK_CATALOG_DIFF_ADDED, 46, NULL, NULL, "党务公开工作年度情况通报");

  /* Filing again makes the current version the filed one. */
  gk_catalog_file (f->db, f->office, f->catalog, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&diffs, g_ptr_array_unref);
  diffs = gk_catalog_diff_filed (f->db, f->catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diffs->len, ==, 0);
  g_clear_pointer (&filing, gk_catalog_filing_free);
  filing = gk_catalog_last_filing (f->db, f->catalog, &error);
  g_assert_cmpuint (filing->changes_since, ==, 0);
}

/* Filing what was shown: a change from another desktop in between is a
 * conflict, and nothing is filed. */
static void
test_stale (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 seen = gk_catalog_last_revision (f->db, f->catalog, &error);
  gint64 filings;

  g_assert_no_error (error);
  gk_catalog_edit_item (f->db, f->office, gk_catalog_find_item (f->db, f->catalog, 2, NULL), 0,
                        &(GkCatalogChange) { .cadence = "once" }, "另一台电脑", &error);
  g_assert_no_error (error);
  filings = gk_test_query_int (f->db, "SELECT count (*) FROM catalog_filings");

  g_assert_cmpint (gk_catalog_file_version (f->db, f->office, f->catalog, seen, NULL, &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count (*) FROM catalog_filings"), ==, filings);

  /* Looked at again: filed. */
  seen = gk_catalog_last_revision (f->db, f->catalog, &error);
  g_assert_cmpint (gk_catalog_file_version (f->db, f->office, f->catalog, seen, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count (*) FROM catalog_filings"), ==, filings + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/catalog-filing/immutable", test_immutable);
  ADD ("/catalog-filing/diff", test_diff);
  ADD ("/catalog-filing/stale", test_stale);
#undef ADD

  return g_test_run ();
}
