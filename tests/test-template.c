/* The jinzhong-2020 template: the annex of the 2020 measures as data. */

#include "core/gk-catalog.h"
#include "core/gk-catalog-item.h"
#include "core/gk-core-error.h"
#include "core/gk-template.h"
#include "gk-test-util.h"

typedef struct
{
  guint       number;
  const char *category;
  const char *content;
  const char *responsible;
  const char *audiences;
  const char *cadence;
} Expected;

/* Field by field, as printed in the annex. */
static const Expected spot_checks[] = {
  { 6, "党组织决议、决定及执行情况", "年度工作计划、总结", "党办", "全体党员、全校师生",
    "yearly:03-31;yearly-after:01-31" },
  { 21, "党的组织建设情况", "党费收缴、管理和使用情况", "组织部", "基层党组织", "half-yearly" },
  { 36, "党风廉政建设情况", "专项检查和案件查处情况及处理结果",
    "纪检监察办公室、计财处、工会、审计处", "校领导班子、处以上干部", "on-event:10" },
  { 43, "其他应当公开的情况", "安全检查结果、安全事故处理结果、安全隐患整改情况",
    "保卫部(处)、后勤管理处", "根据情况在相应范围公开", "on-event:10" },
};

static GListModel *
template_items (GkDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint64 catalog_id = gk_catalog_get_default (db, &error);
  GListModel *items;

  g_assert_no_error (error);
  items = gk_catalog_list_items (db, catalog_id, &error);
  g_assert_no_error (error);
  return items;
}

static void
test_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GListModel) items = template_items (db);
  g_auto(GStrv) categories = gk_catalog_list_categories (db, gk_catalog_get_default (db, NULL), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 45);
  g_assert_cmpuint (g_strv_length (categories), ==, 9);
  g_assert_cmpstr (categories[0], ==, "党组织决议、决定及执行情况");
  g_assert_cmpstr (categories[8], ==, "其他应当公开的情况");

  /* Numbered 1 to 45 in order, every item with a responsible unit and an
   * audience. */
  for (guint i = 0; i < 45; i++)
    {
      g_autoptr(GkCatalogItem) item = g_list_model_get_item (items, i);

      g_assert_cmpuint (gk_catalog_item_get_number (item), ==, i + 1);
      g_assert_cmpstr (gk_catalog_item_get_responsible (item), !=, "");
      g_assert_cmpstr (gk_catalog_item_get_audiences (item), !=, "");
    }
}

static void
test_spot_checks (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GListModel) items = template_items (db);

  for (guint i = 0; i < G_N_ELEMENTS (spot_checks); i++)
    {
      const Expected *expected = &spot_checks[i];
      g_autoptr(GkCatalogItem) item = g_list_model_get_item (items, expected->number - 1);

      g_assert_cmpuint (gk_catalog_item_get_number (item), ==, expected->number);
      g_assert_cmpstr (gk_catalog_item_get_category (item), ==, expected->category);
      g_assert_cmpstr (gk_catalog_item_get_content (item), ==, expected->content);
      g_assert_cmpstr (gk_catalog_item_get_responsible (item), ==, expected->responsible);
      g_assert_cmpstr (gk_catalog_item_get_audiences (item), ==, expected->audiences);
      g_assert_cmpstr (gk_catalog_item_get_cadence (item), ==, expected->cadence);
    }
}

static void
test_vocabulary (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();

  /* The committee, its standing committee, the discipline commission. */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations WHERE short_name = '党委' AND kind = 'committee'"), ==, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations WHERE short_name = '党委常委会' AND kind = 'standing-committee'"), ==, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations WHERE short_name = '纪委' AND kind = 'discipline'"), ==, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations WHERE short_name = '党办' AND name = '党委办公室' AND kind = 'department'"), ==, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations WHERE short_name IN ('工会', '团委') AND kind = 'mass'"), ==, 2);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations WHERE kind = 'department'"), ==, 13);

  /* The four classes of 第七条 and case by case. */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audiences WHERE name = '社会' AND class = 'public'"), ==, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audiences WHERE name = '全体党员' AND class = 'party-wide'"), ==, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audiences WHERE name = '全校师生' AND class = 'unit'"), ==, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audiences WHERE name = '相关党组织党员' AND class = 'specific'"), ==, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audiences WHERE class = 'case-by-case'"), ==, 1);

  /* Every organization a catalog item names is one of them (foreign keys). */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM item_responsible"), >=, 45);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_empty_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gk_test_tmp_path ("empty.db");
  g_autoptr(GkDatabase) db = gk_template_create_database (path, "empty", &error);

  g_assert_no_error (error);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM catalog_items"), ==, 0);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM catalogs"), ==, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations"), ==, 18);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audiences"), ==, 17);
}

static void
test_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autofree char *other = gk_test_tmp_path ("other.db");

  /* A template only fills a new database. */
  g_assert_false (gk_template_apply (db, "jinzhong-2020", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM catalog_items"), ==, 45);

  /* An unknown template creates no file. */
  g_assert_null (gk_template_create_database (other, "jinzhong-2030", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An existing file is never overwritten. */
  g_assert_null (gk_template_create_database (gk_database_get_path (db), "empty", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_IO);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/template/jinzhong-2020/counts", test_counts);
  g_test_add_func ("/template/jinzhong-2020/spot-checks", test_spot_checks);
  g_test_add_func ("/template/jinzhong-2020/vocabulary", test_vocabulary);
  g_test_add_func ("/template/empty", test_empty_template);
  g_test_add_func ("/template/refusals", test_refusals);

  return g_test_run ();
}
