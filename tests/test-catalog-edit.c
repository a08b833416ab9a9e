/* Changing a catalog: a revision for every kind of change, conflicts,
 * who may, and retiring instead of deleting an item a notice uses. */

#include <string.h>

#include "core/gk-catalog.h"
#include "core/gk-catalog-edit.h"
#include "core/gk-catalog-item.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"
#include "core/gk-workflow.h"
#include "gk-test-util.h"

typedef struct
{
  GkDatabase *db;
  gint64      catalog;      /* the school committee's */
  gint64      gb;           /* 计算机党总支 */
  gint64      other_gb;     /* 文学院党总支 */
  gint64      office, gb_secretary, gb_deputy, other_secretary, staff;
} Fixture;

static gboolean
setup_people (GkDatabase *db,
              gpointer    user_data,
              GError    **error)
{
  Fixture *f = user_data;
  gint64 committee = gk_directory_find_organization (db, "党委", error);
  struct {
    const char *name;
    gint64     *org;
    const char *role;
    gint64     *id;
  } people[] = {
    { "孙主任", NULL, "party-office", &f->office },
    { "赵书记", &f->gb, "secretary", &f->gb_secretary },
    { "钱副书记", &f->gb, "deputy-secretary", &f->gb_deputy },
    { "李书记", &f->other_gb, "secretary", &f->other_secretary },
    { "王干事", NULL, "staff", &f->staff },
  };

  f->gb = gk_directory_add_organization (db, "计算机学院党总支", "计算机党总支", "general-branch", committee, error);
  f->other_gb = gk_directory_add_organization (db, "文学院党总支", "文学院党总支", "general-branch", committee, error);
  if (f->other_gb == 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gint64 org = people[i].org != NULL ? *people[i].org
                   : gk_directory_find_organization (db, g_str_equal (people[i].role, "staff") ? "组织部" : "党办", error);

      *people[i].id = gk_directory_add_person (db, people[i].name, NULL, NULL, error);
      if (*people[i].id == 0 || !gk_directory_add_role (db, *people[i].id, org, people[i].role, error))
        return FALSE;
    }
  return TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = gk_test_template_db ();
  gk_database_write (f->db, setup_people, f, &error);
  g_assert_no_error (error);
  f->catalog = gk_catalog_get_default (f->db, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
}

static gint64
item (Fixture *f,
      guint    number)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gk_catalog_find_item (f->db, f->catalog, number, &error);

  g_assert_no_error (error);
  return id;
}

static GArray *
ids (GkDatabase *db,
     gint64    (*find) (GkDatabase *, const char *, GError **),
     const char *first,
     ...)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      g_autoptr(GError) error = NULL;
      gint64 id = find (db, name, &error);

      g_assert_no_error (error);
      g_array_append_val (result, id);
    }
  va_end (args);
  return result;
}

static gint64
count (Fixture    *f,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);

  return gk_test_query_int (f->db, sql);
}

static void
edit_ok (Fixture               *f,
         gint64                 actor,
         gint64                 item_id,
         const GkCatalogChange *change,
         const char            *reason)
{
  g_autoptr(GError) error = NULL;
  gint64 version = gk_catalog_get_item_row_version (f->db, item_id, &error);

  g_assert_no_error (error);
  gk_catalog_edit_item (f->db, actor, item_id, version, change, reason, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_catalog_get_item_row_version (f->db, item_id, NULL), ==, version + 1);
}

/* The newest revision of the item is FIELD: OLD → NEW for REASON by PERSON. */
static void
assert_last_revision (Fixture    *f,
                      gint64      item_id,
                      const char *field,
                      const char *old_value,
                      const char *new_value,
                      const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = gk_catalog_history (f->db, item_id, &error);
  GkCatalogRevision *last;

  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >, 0);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (last->field, ==, field);
  g_assert_cmpstr (last->old_value, ==, old_value);
  g_assert_cmpstr (last->new_value, ==, new_value);
  g_assert_cmpstr (last->reason, ==, reason);
  g_assert_cmpstr (last->person, ==, "孙主任");
  g_assert_cmpint (last->person_id, ==, f->office);
  g_assert_nonnull (last->at);
}

static void
test_revisions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) responsible = ids (f->db, gk_directory_find_organization, "组织部", "党办", NULL);
  g_autoptr(GArray) audiences = ids (f->db, gk_directory_find_audience, "全体党员", NULL);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GkCatalogItem) after = NULL;
  gint64 fees = item (f, 21);
  g_autoptr(GkCatalogItem) before = gk_catalog_get_item (f->db, fees, NULL);
  const char *cadence = gk_catalog_item_get_cadence (before);
  gint64 category = gk_catalog_find_category (f->db, f->catalog, "领导班子建设情况", &error);
  gint64 audit_before, revisions_before;
  gint64 added;

  g_assert_no_error (error);

  /* add: every field it starts with, from nothing */
  {
    GkCatalogChange change = {
      .number = 46, .category_id = category, .content = "党委理论学习中心组学习情况",
      .responsible = responsible, .audiences = audiences, .cadence = "half-yearly",
    };

    added = gk_catalog_edit_add_item (f->db, f->office, f->catalog, &change, "新增", &error);
    g_assert_no_error (error);
    history = gk_catalog_history (f->db, added, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 7);
    g_assert_cmpstr (((GkCatalogRevision *) g_ptr_array_index (history, 0))->field, ==, "number");
    g_assert_null (((GkCatalogRevision *) g_ptr_array_index (history, 0))->old_value);
    g_assert_cmpstr (((GkCatalogRevision *) g_ptr_array_index (history, 3))->new_value, ==, "组织部、党办");
    g_assert_cmpstr (((GkCatalogRevision *) g_ptr_array_index (history, 6))->new_value, ==, "active");
    assert_last_revision (f, added, "state", NULL, "active", "新增");
  }

  audit_before = count (f, "audit_events");
  revisions_before = count (f, "item_revisions");

  edit_ok (f, f->office, fees, &(GkCatalogChange) { .content = "党费收缴、管理和使用情况（含补交）" }, "补充");
  assert_last_revision (f, fees, "content", "党费收缴、管理和使用情况", "党费收缴、管理和使用情况（含补交）", "补充");

  edit_ok (f, f->office, fees, &(GkCatalogChange) { .responsible = responsible }, "党办会同");
  assert_last_revision (f, fees, "responsible", "组织部", "组织部、党办", "党办会同");

  edit_ok (f, f->office, fees, &(GkCatalogChange) { .audiences = audiences }, "范围调整");
  assert_last_revision (f, fees, "audiences", "基层党组织", "全体党员", "范围调整");

  edit_ok (f, f->office, fees, &(GkCatalogChange) { .cadence = "quarterly" }, "按季度");
  assert_last_revision (f, fees, "cadence", cadence, "quarterly", "按季度");

  edit_ok (f, f->office, fees, &(GkCatalogChange) { .number = 47 }, "重新编号");
  assert_last_revision (f, fees, "number", "21", "47", "重新编号");

  edit_ok (f, f->office, fees, &(GkCatalogChange) { .category_id = category }, "移动");
  assert_last_revision (f, fees, "category", "党的组织建设情况", "领导班子建设情况", "移动");

  gk_catalog_edit_retire (f->db, f->office, fees, gk_catalog_get_item_row_version (f->db, fees, NULL), "停用", &error);
  g_assert_no_error (error);
  assert_last_revision (f, fees, "state", "active", "retired", "停用");

  gk_catalog_edit_reactivate (f->db, f->office, fees, 0, "恢复", &error);
  g_assert_no_error (error);
  assert_last_revision (f, fees, "state", "retired", "active", "恢复");

  /* Eight changes, one field each: a revision and an audit event apiece. */
  g_assert_cmpint (count (f, "item_revisions"), ==, revisions_before + 8);
  g_assert_cmpint (count (f, "audit_events"), ==, audit_before + 8);

  /* Several fields in one change: one revision per field, one reason. */
  edit_ok (f, f->office, fees, &(GkCatalogChange) { .number = 21, .cadence = cadence }, "复原");
  history = (g_ptr_array_unref (history), gk_catalog_history (f->db, fees, &error));
  g_assert_cmpstr (((GkCatalogRevision *) g_ptr_array_index (history, history->len - 2))->field, ==, "number");
  assert_last_revision (f, fees, "cadence", "quarterly", cadence, "复原");

  /* The item as read, and the search index, follow every change. */
  after = gk_catalog_get_item (f->db, fees, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gk_catalog_item_get_number (after), ==, 21);
  g_assert_cmpstr (gk_catalog_item_get_responsible (after), ==, "组织部、党办");
  found = gk_catalog_search (f->db, f->catalog, "含补交", &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (found, &fees));
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 fees = item (f, 21);
  gint64 seen = gk_catalog_get_item_row_version (f->db, fees, NULL);
  gint64 revisions;

  /* Another desktop changes the item after this one read it. */
  gk_catalog_edit_item (f->db, f->office, fees, seen, &(GkCatalogChange) { .cadence = "quarterly" }, "先改", &error);
  g_assert_no_error (error);
  revisions = count (f, "item_revisions");

  gk_catalog_edit_item (f->db, f->office, fees, seen, &(GkCatalogChange) { .content = "后改" }, "后改", &error);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "孙主任"));
  g_assert_nonnull (strstr (error->message, "21"));
  g_assert_cmpint (count (f, "item_revisions"), ==, revisions);
  g_clear_error (&error);

  gk_catalog_edit_retire (f->db, f->office, fees, seen, "停用", &error);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT);
  g_assert_cmpint (count (f, "item_revisions"), ==, revisions);
}

/* Each refusal: a message that says why, and nothing written. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) twice = ids (f->db, gk_directory_find_audience, "全体党员", "全体党员", NULL);
  gint64 fees = item (f, 21);
  struct {
    gint64          actor;
    GkCatalogChange change;
    const char     *reason;
    const char     *message;
  } cases[] = {
    { f->staff, { .cadence = "quarterly" }, "无权", "party office" },
    { f->gb_secretary, { .cadence = "quarterly" }, "无权", "party office" },
    { 0, { .cadence = "quarterly" }, "无人", "who" },
    { f->office, { .cadence = "quarterly" }, NULL, "reason" },
    { f->office, { .cadence = "quarterly" }, "  ", "reason" },
    { f->office, { .content = "党费收缴、管理和使用情况" }, "未变", "Nothing" },
    { f->office, { .cadence = "weekly" }, "错误", "weekly" },
    { f->office, { .content = " " }, "空", "content" },
    { f->office, { .number = 22 }, "重号", "22" },
    { f->office, { .responsible = none }, "无部门", "responsible" },
    { f->office, { .audiences = twice }, "重复", "twice" },
    { f->office, { .state = GK_CATALOG_STATE_REACTIVATE }, "未停用", "active" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 revisions = count (f, "item_revisions");
      gint64 events = count (f, "audit_events");
      gint64 version = gk_catalog_get_item_row_version (f->db, fees, NULL);

      g_assert_false (gk_catalog_edit_item (f->db, cases[i].actor, fees, version, &cases[i].change,
                                            cases[i].reason, &error));
      g_assert_nonnull (error);
      g_test_message ("case %u: %s", i, error->message);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
      g_assert_cmpint (count (f, "item_revisions"), ==, revisions);
      g_assert_cmpint (count (f, "audit_events"), ==, events);
      g_assert_cmpint (gk_catalog_get_item_row_version (f->db, fees, NULL), ==, version);
    }
}

static void
test_general_branch_catalog (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GkCatalogItem) first = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 catalog, department;

  /* Not someone else's secretary, not a staff member. */
  g_assert_cmpint (gk_catalog_edit_create_catalog (f->db, f->other_secretary, f->gb, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "计算机党总支"));
  g_clear_error (&error);
  g_assert_cmpint (gk_catalog_edit_create_catalog (f->db, f->staff, f->gb, &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "catalogs"), ==, 1);

  catalog = gk_catalog_edit_create_catalog (f->db, f->gb_secretary, f->gb, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_catalog_get_for_organization (f->db, f->gb, NULL), ==, catalog);

  /* One item per requirement of 第九条, the general branch responsible. */
  items = gk_catalog_list_items (f->db, catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 9);
  first = g_list_model_get_item (items, 0);
  g_assert_cmpuint (gk_catalog_item_get_number (first), ==, 1);
  g_assert_true (g_str_has_prefix (gk_catalog_item_get_content (first), "学习贯彻中央和上级决策部署"));
  g_assert_cmpstr (gk_catalog_item_get_responsible (first), ==, "计算机党总支");
  g_assert_cmpstr (gk_catalog_item_get_audiences (first), ==, "相关党组织党员");
  history = gk_catalog_history (f->db, gk_catalog_item_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 7);
  g_assert_nonnull (strstr (((GkCatalogRevision *) g_ptr_array_index (history, 0))->reason, "第九条"));

  g_assert_cmpint (gk_catalog_edit_create_catalog (f->db, f->gb_secretary, f->gb, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "already"));
  g_clear_error (&error);

  /* Its secretaries and party office edit it; another branch's secretary
   * and its own secretary on the committee's catalog do not. */
  edit_ok (f, f->gb_deputy, gk_catalog_item_get_id (first),
           &(GkCatalogChange) { .cadence = "yearly-after:01-31" }, "副书记修改");
  edit_ok (f, f->office, gk_catalog_item_get_id (first),
           &(GkCatalogChange) { .cadence = "on-event:10" }, "党办修改");
  g_assert_false (gk_catalog_edit_retire (f->db, f->other_secretary, gk_catalog_item_get_id (first), 0, "无权", &error));
  g_assert_nonnull (strstr (error->message, "计算机党总支"));
  g_clear_error (&error);
  g_assert_false (gk_catalog_edit_retire (f->db, f->gb_secretary, item (f, 21), 0, "无权", &error));
  g_assert_nonnull (strstr (error->message, "school committee"));
  g_clear_error (&error);

  gk_catalog_edit_add_category (f->db, f->gb_secretary, catalog, "师德师风建设情况", "新增类别", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_catalog_edit_add_category (f->db, f->gb_secretary, catalog, "师德师风建设情况", "重复", &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "already"));
  g_clear_error (&error);

  /* A department keeps no catalog of its own (第八–十二条). */
  department = gk_directory_find_organization (f->db, "组织部", NULL);
  g_assert_cmpint (gk_catalog_edit_create_catalog (f->db, f->office, department, &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_assert_cmpint (count (f, "catalogs"), ==, 2);
}

/* An item a notice uses is retired, never deleted: the notice keeps it. */
static void
test_retire_used_item (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) audiences = ids (f->db, gk_directory_find_audience, "全体党员", NULL);
  g_autoptr(GArray) methods = ids (f->db, gk_directory_find_method, "会议", NULL);
  g_autoptr(GkCatalogItem) retired = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *sql = NULL;
  gint64 fees = item (f, 21);
  gint64 notice;
  GkNoticePlan plan = {
    .organization_id = gk_directory_find_organization (f->db, "组织部", NULL),
    .item_id = fees,
    .title = "2026年上半年党费收缴、管理和使用情况",
    .body = "现将2026年上半年党费收缴、管理和使用情况公开如下。",
    .audience_ids = audiences,
    .planned_date = "2026-07-10",
    .method_ids = methods,
  };

  notice = gk_workflow_create (f->db, f->staff, &plan, NULL, &error);
  g_assert_no_error (error);

  gk_catalog_edit_retire (f->db, f->office, fees, 0, "并入第22项", &error);
  g_assert_no_error (error);

  retired = gk_catalog_get_item (f->db, fees, &error);
  g_assert_no_error (error);
  g_assert_false (gk_catalog_item_get_active (retired));
  sql = g_strdup_printf ("SELECT item_id FROM notices WHERE id = %" G_GINT64_FORMAT, notice);
  g_assert_cmpint (gk_test_query_int (f->db, sql), ==, fees);

  /* Out of the published catalog, in the history. */
  csv = gk_catalog_export_csv (f->db, f->catalog, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (csv, "\r\n21,"));
  g_assert_nonnull (strstr (csv, "\r\n22,"));
  assert_last_revision (f, fees, "state", "active", "retired", "并入第22项");

  /* Even behind the app's back, with its own links gone, the database
   * will not drop an item a notice refers to. */
  g_assert_cmpint (sqlite3_exec (gk_database_get_handle (f->db),
                                 "BEGIN;"
                                 "DELETE FROM item_responsible WHERE item_id = (SELECT id FROM catalog_items WHERE number = 21);"
                                 "DELETE FROM item_audiences WHERE item_id = (SELECT id FROM catalog_items WHERE number = 21);"
                                 "DELETE FROM item_revisions WHERE item_id = (SELECT id FROM catalog_items WHERE number = 21);"
                                 "DELETE FROM catalog_items_fts WHERE rowid = (SELECT id FROM catalog_items WHERE number = 21)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (gk_database_get_handle (f->db), "DELETE FROM catalog_items WHERE number = 21",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_extended_errcode (gk_database_get_handle (f->db)), ==, SQLITE_CONSTRAINT_FOREIGNKEY);
  g_assert_cmpint (sqlite3_exec (gk_database_get_handle (f->db), "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);

  gk_catalog_edit_reactivate (f->db, f->office, fees, 0, "恢复", &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/catalog-edit/revisions", test_revisions);
  ADD ("/catalog-edit/conflict", test_conflict);
  ADD ("/catalog-edit/refusals", test_refusals);
  ADD ("/catalog-edit/general-branch-catalog", test_general_branch_catalog);
  ADD ("/catalog-edit/retire-used-item", test_retire_used_item);
#undef ADD

  return g_test_run ();
}
