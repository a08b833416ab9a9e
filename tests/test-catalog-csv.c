/* Catalog CSV: the byte-identical round trip, a file of good and bad rows
 * that changes nothing and names every bad line, and imports as revisions. */

#include <string.h>

#include "core/gk-catalog.h"
#include "core/gk-catalog-csv.h"
#include "core/gk-catalog-edit.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"
#include "core/gk-template.h"
#include "gk-test-util.h"

#define HEADER "no,category,content,responsible,audiences,cadence\r\n"
#define DECISIONS "党组织决议、决定及执行情况"

typedef struct
{
  const char *name;
  const char *role;
  gint64      id;
} Person;

static gboolean
add_person (GkDatabase *db,
            gpointer    user_data,
            GError    **error)
{
  Person *person = user_data;
  gint64 org = gk_directory_find_organization (db, g_str_equal (person->role, "staff") ? "组织部" : "党办", error);

  person->id = gk_directory_add_person (db, person->name, NULL, NULL, error);
  return person->id != 0 && gk_directory_add_role (db, person->id, org, person->role, error);
}

static gint64
person (GkDatabase *db,
        const char *name,
        const char *role)
{
  g_autoptr(GError) error = NULL;
  Person added = { name, role, 0 };

  gk_database_write (db, add_person, &added, &error);
  g_assert_no_error (error);
  return added.id;
}

static GkDatabase *
empty_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gk_test_tmp_path ("empty.db");
  GkDatabase *db = gk_template_create_database (path, "empty", &error);

  g_assert_no_error (error);
  return db;
}

static char *
export (GkDatabase *db)
{
  g_autoptr(GError) error = NULL;
  char *csv = gk_catalog_export_csv (db, gk_catalog_get_default (db, NULL), &error);

  g_assert_no_error (error);
  return csv;
}

static GkCatalogImport *
prepare (GkDatabase *db,
         const char *csv)
{
  g_autoptr(GError) error = NULL;
  GkCatalogImport *import = gk_catalog_import_prepare (db, gk_catalog_get_default (db, NULL), csv, strlen (csv), &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

/* Imports CSV into the committee's catalog of DB, which must be valid. */
static void
import_ok (GkDatabase *db,
           gint64      actor,
           const char *csv)
{
  g_autoptr(GkCatalogImport) import = prepare (db, csv);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (gk_catalog_import_get_problems (import)->len, ==, 0);
  gk_catalog_import_apply (import, actor, &error);
  g_assert_no_error (error);
}

/* Export → import into an empty catalog → export: the same bytes. */
static void
round_trip (GkDatabase *from)
{
  g_autoptr(GkDatabase) to = empty_db ();
  g_autoptr(GkCatalogImport) again = NULL;
  g_autofree char *first = export (from);
  g_autofree char *second = NULL;
  gint64 office = person (to, "孙主任", "party-office");

  import_ok (to, office, first);
  second = export (to);
  g_assert_cmpstr (second, ==, first);

  /* And the same file into a catalog that already matches it: nothing. */
  again = prepare (to, first);
  g_assert_cmpuint (gk_catalog_import_get_problems (again)->len, ==, 0);
  g_assert_cmpuint (gk_catalog_import_get_changes (again)->len, ==, 0);
}

static void
test_round_trip (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GkCatalogImport) import = NULL;
  g_autofree char *csv = export (db);

  round_trip (db);

  /* Into an empty catalog every item is new. */
  {
    g_autoptr(GkDatabase) empty = empty_db ();

    import = prepare (empty, csv);
    g_assert_cmpuint (gk_catalog_import_get_changes (import)->len, ==, 45);
    g_assert_cmpint (((GkCatalogDiff *) g_ptr_array_index (gk_catalog_import_get_changes (import), 0))->kind,
                     ==, GK_CATALOG_DIFF_ADDED);
  }
}

/* Fields that need quoting, doubled quotes, line breaks and spaces at
 * either end survive the trip unchanged. */
static void
test_round_trip_awkward (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GError) error = NULL;
  gint64 office = person (db, "孙主任", "party-office");
  gint64 catalog = gk_catalog_get_default (db, NULL);
  const char *contents[] = {
    " 前导空格, \"引号\" 和\r\n换行",
    "尾随空格  ",
    "只有\n换行,\"\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      gk_catalog_edit_item (db, office, gk_catalog_find_item (db, catalog, i + 1, NULL), 0,
                            &(GkCatalogChange) { .content = contents[i] }, "测试", &error);
      g_assert_no_error (error);
    }
  round_trip (db);
}

/* Good rows (one quoted, with a comma and a line break) and one of each
 * kind of bad row: every bad line is named, the file changes nothing. */
static void
test_bad_rows (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GkCatalogImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *exported = export (db);
  g_autofree char *now = NULL;
  GPtrArray *problems;
  gint64 office = person (db, "孙主任", "party-office");
  const char csv[] =
    HEADER
    "1," DECISIONS ",\"贯彻执行中央和省委方针政策,上级党组织决议、决定的情况\",党办,全体党员、全校师生,on-event:20;yearly-after:01-31\r\n"  /* 2: good */
    "2," DECISIONS ",党代会决议\r\n"                                                        /* 3: 3 fields */
    "3," DECISIONS ",\xff\xfe\xfd,党办,全体党员,once\r\n"                                   /* 4: not UTF-8 */
    "4," DECISIONS ",  ,党办,全体党员,once\r\n"                                            /* 5: empty content */
    "1," DECISIONS ",重复,党办,全体党员,once\r\n"                                          /* 6: duplicate number */
    "46,无此类别,\"多行\r\n内容, 有逗号\",党办,全体党员,once\r\n"                          /* 7-8: unknown category */
    "47," DECISIONS ",新事项,火星部,全体党员,once\r\n"                                      /* 9: unknown organization */
    "48," DECISIONS ",新事项,党办,外星人,once\r\n"                                          /* 10: unknown audience */
    "49," DECISIONS ",新事项,党办,全体党员,weekly\r\n"                                      /* 11: bad cadence */
    "50," DECISIONS ",\"好的事项, 含逗号\r\n和换行\",党办、组织部,全体党员,yearly:03-31\r\n" /* 12-13: good */
    "x1," DECISIONS ",编号错误,党办,全体党员,once\r\n";                                     /* 14: bad number */
  const struct {
    guint       line;
    const char *says;
  } expected[] = {
    { 3, "3 fields" },
    { 4, "UTF-8" },
    { 5, "empty content" },
    { 6, "also on line 2" },
    { 7, "无此类别" },
    { 9, "火星部" },
    { 10, "外星人" },
    { 11, "weekly" },
    { 14, "x1" },
  };

  before = gk_test_file_checksum (gk_database_get_path (db));
  import = gk_catalog_import_prepare (db, gk_catalog_get_default (db, NULL), csv, sizeof csv - 1, &error);
  g_assert_no_error (error);

  problems = gk_catalog_import_get_problems (import);
  for (guint i = 0; i < problems->len; i++)
    {
      GkCatalogImportProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("line %u: %s", problem->line, problem->message);
    }
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GkCatalogImportProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpuint (problem->line, ==, expected[i].line);
      if (strstr (problem->message, expected[i].says) == NULL)
        g_error ("line %u: “%s” does not say “%s”", problem->line, problem->message, expected[i].says);
    }
  g_assert_cmpuint (gk_catalog_import_get_changes (import)->len, ==, 0);

  g_assert_false (gk_catalog_import_apply (import, office, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "9"));

  after = gk_test_file_checksum (gk_database_get_path (db));
  g_assert_cmpstr (after, ==, before);
  now = export (db);
  g_assert_cmpstr (now, ==, exported);
}

/* Quoting that cannot be read stops there; lines are counted from the
 * file's start whatever its line ends, a byte order mark is skipped. */
static void
test_malformed (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  const struct {
    const char *csv;
    guint       line;
    const char *says;
  } cases[] = {
    { "", 1, "header" },
    { "no,category,content\r\n", 1, "header" },
    { "\xef\xbb\xbfno,category,content,responsible,audiences,cadence\n1,x,y\n", 2, "3 fields" },
    { HEADER "\r\n\r\n1,x,y\r\n", 4, "3 fields" },
    { HEADER "1," DECISIONS ",bad \"quote,党办,全体党员,once\r\n", 2, "quot" },
    { HEADER "1," DECISIONS ",\"never closed,党办,全体党员,once\r\n2,x\r\n", 2, "not closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GkCatalogImport) import = prepare (db, cases[i].csv);
      GPtrArray *problems = gk_catalog_import_get_problems (import);
      GkCatalogImportProblem *problem;

      g_assert_cmpuint (problems->len, >=, 1);
      problem = g_ptr_array_index (problems, 0);
      g_test_message ("case %u: line %u: %s", i, problem->line, problem->message);
      g_assert_cmpuint (problem->line, ==, cases[i].line);
      g_assert_nonnull (strstr (problem->message, cases[i].says));
    }
}

static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  g_auto(GStrv) parts = g_strsplit (text, old, -1);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoinv (new, parts);
}

/* TEXT without the row of item NUMBER. */
static char *
without_row (const char *text,
             const char *number)
{
  g_autofree char *start = g_strconcat ("\r\n", number, ",", NULL);
  g_autofree char *before = NULL;
  const char *row = strstr (text, start);

  g_assert_nonnull (row);
  before = g_strndup (text, row - text);
  return g_strconcat (before, strstr (row + 2, "\r\n"), NULL);
}

static GkCatalogDiff *
change (GkCatalogImport *import,
        guint            index)
{
  return g_ptr_array_index (gk_catalog_import_get_changes (import), index);
}

static void
test_import_changes (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GkCatalogImport) import = NULL;
  g_autoptr(GkCatalogImport) again = NULL;
  g_autoptr(GkCatalogImport) restore = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = export (db);
  g_autofree char *step1 = NULL;
  g_autofree char *step2 = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *restored = NULL;
  gint64 office = person (db, "孙主任", "party-office");
  gint64 staff = person (db, "王干事", "staff");
  gint64 catalog = gk_catalog_get_default (db, NULL);
  GkCatalogRevision *last;

  /* 21 for all members too; 45 gone; a new 46; 12's units by their full
   * names, which are the same units: no change. */
  step1 = replace (original, "党费收缴、管理和使用情况,组织部,基层党组织,",
                   "党费收缴、管理和使用情况,组织部,基层党组织、全体党员,");
  step2 = without_row (step1, "45");
  edited = replace (step2, "学工部(处)、宣传部,全校师生,", "党委学生工作部（学生处）、党委宣传部,全校师生,");
  g_free (step1);
  step1 = g_steal_pointer (&edited);
  edited = replace (step1, "cadence\r\n",
                    "cadence\r\n46,其他应当公开的情况,党务公开工作年度情况通报,党办,全体党员,yearly-after:01-31\r\n");

  import = prepare (db, edited);
  g_assert_cmpuint (gk_catalog_import_get_problems (import)->len, ==, 0);
  g_assert_cmpuint (gk_catalog_import_get_changes (import)->len, ==, 3);
  g_assert_cmpint (change (import, 0)->kind, ==, GK_CATALOG_DIFF_CHANGED);
  g_assert_cmpuint (change (import, 0)->number, ==, 21);
  g_assert_cmpstr (change (import, 0)->field, ==, "audiences");
  g_assert_cmpstr (change (import, 0)->old_value, ==, "基层党组织");
  g_assert_cmpstr (change (import, 0)->new_value, ==, "基层党组织、全体党员");
  g_assert_cmpint (change (import, 1)->kind, ==, GK_CATALOG_DIFF_REMOVED);
  g_assert_cmpuint (change (import, 1)->number, ==, 45);
  g_assert_cmpint (change (import, 2)->kind, ==, GK_CATALOG_DIFF_ADDED);
  g_assert_cmpstr (change (import, 2)->new_value, ==, "党务公开工作年度情况通报");

  /* Only those who may edit the catalog import into it. */
  g_assert_false (gk_catalog_import_apply (import, staff, &error));
  g_assert_nonnull (strstr (error->message, "party office"));
  g_clear_error (&error);

  gk_catalog_import_apply (import, office, &error);
  g_assert_no_error (error);

  history = gk_catalog_history (db, gk_catalog_find_item (db, catalog, 21, NULL), &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (last->field, ==, "audiences");
  g_assert_cmpstr (last->reason, ==, "import");
  g_assert_cmpstr (last->person, ==, "孙主任");
  g_clear_pointer (&history, g_ptr_array_unref);
  history = gk_catalog_history (db, gk_catalog_find_item (db, catalog, 45, NULL), &error);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (last->new_value, ==, "retired");
  g_assert_cmpstr (last->reason, ==, "import");

  /* The same file again changes nothing. */
  again = prepare (db, edited);
  g_assert_cmpuint (gk_catalog_import_get_changes (again)->len, ==, 0);

  /* The original file: 21 back, 45 reactivated, 46 retired. */
  restore = prepare (db, original);
  g_assert_cmpuint (gk_catalog_import_get_changes (restore)->len, ==, 3);
  g_assert_cmpint (change (restore, 1)->kind, ==, GK_CATALOG_DIFF_ADDED);
  g_assert_cmpuint (change (restore, 1)->number, ==, 45);
  gk_catalog_import_apply (restore, office, &error);
  g_assert_no_error (error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = gk_catalog_history (db, gk_catalog_find_item (db, catalog, 45, NULL), &error);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (last->old_value, ==, "retired");
  g_assert_cmpstr (last->new_value, ==, "active");
  restored = export (db);
  g_assert_cmpstr (restored, ==, original);
}

/* A change between preview and apply: the preview no longer holds. */
static void
test_import_conflict (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GkCatalogImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = export (db);
  g_autofree char *edited = replace (original, "党代会决议、决定及贯彻执行情况", "党代会决议、决定及其贯彻执行情况");
  gint64 office = person (db, "孙主任", "party-office");
  gint64 catalog = gk_catalog_get_default (db, NULL);
  gint64 revisions;

  import = prepare (db, edited);
  gk_catalog_edit_item (db, office, gk_catalog_find_item (db, catalog, 2, NULL), 0,
                        &(GkCatalogChange) { .cadence = "once" }, "同时修改", &error);
  g_assert_no_error (error);
  revisions = gk_test_query_int (db, "SELECT count (*) FROM item_revisions");

  g_assert_false (gk_catalog_import_apply (import, office, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count (*) FROM item_revisions"), ==, revisions);
}

typedef struct
{
  guint         calls;
  guint         last_done;
  guint         total;
  guint         cancel_at;    /* 0: never */
  GCancellable *cancellable;
} Progress;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >, progress->last_done);
  g_assert_cmpuint (done, <=, total);
  progress->calls++;
  progress->last_done = done;
  progress->total = total;
  if (done == progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

/* A long import reports its lines, then its changes; cancelled midway it
 * leaves the catalog as it was (new categories included), and the same
 * import then applies in full. */
static void
test_import_progress_cancel (void)
{
  g_autoptr(GkDatabase) from = gk_test_template_db ();
  g_autoptr(GkDatabase) db = empty_db ();
  g_autoptr(GkCatalogImport) import = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = export (from);
  g_autofree char *before = export (db);
  g_autofree char *after = NULL;
  gint64 office = person (db, "孙主任", "party-office");
  gint64 catalog = gk_catalog_get_default (db, NULL);
  gint64 categories = gk_test_query_int (db, "SELECT count (*) FROM categories");
  gint64 revisions = gk_test_query_int (db, "SELECT count (*) FROM item_revisions");
  gint64 events = gk_test_query_int (db, "SELECT count (*) FROM audit_events");
  Progress checked = { 0 }, applied = { 0 };

  /* Checking: every record's line, up to the last one (header is line 1). */
  import = gk_catalog_import_prepare_full (db, catalog, csv, strlen (csv), on_progress, &checked, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checked.calls, ==, 45);
  g_assert_cmpuint (checked.last_done, ==, 46);
  g_assert_cmpuint (checked.total, ==, 46);
  g_assert_cmpuint (gk_catalog_import_get_changes (import)->len, ==, 45);

  /* Applying, cancelled at the tenth change. */
  applied.cancel_at = 10;
  applied.cancellable = cancellable;
  g_assert_false (gk_catalog_import_apply_full (import, db, office, on_progress, &applied, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (applied.last_done, ==, 10);
  g_assert_cmpuint (applied.total, ==, 45);
  after = export (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count (*) FROM categories"), ==, categories);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count (*) FROM item_revisions"), ==, revisions);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count (*) FROM audit_events"), ==, events);

  /* Not cancelled: all of it, to the last change. */
  applied = (Progress) { 0 };
  g_assert_true (gk_catalog_import_apply_full (import, db, office, on_progress, &applied, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (applied.last_done, ==, 45);
  g_free (after);
  after = export (db);
  g_assert_cmpstr (after, ==, csv);

  /* Cancelled before it starts: nothing read, nothing returned. */
  g_assert_null (gk_catalog_import_prepare_full (db, catalog, csv, strlen (csv), NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_csv_diff (void)
{
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GError) error = NULL;
  GkCatalogDiff *diff;

  diffs = gk_catalog_csv_diff (HEADER "1,a,\"x,\r\ny\",o,p,once\r\n2,a,b,o,p,once\r\n",
                               HEADER "2,a,b,o,q、r,once\r\n1,a,\"x,\r\ny\",o,p,once\r\n3,a,c,o,p,once\r\n",
                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diffs->len, ==, 2);
  diff = g_ptr_array_index (diffs, 0);
  g_assert_cmpint (diff->kind, ==, GK_CATALOG_DIFF_CHANGED);
  g_assert_cmpstr (diff->field, ==, "audiences");
  g_assert_cmpstr (diff->new_value, ==, "q、r");
  diff = g_ptr_array_index (diffs, 1);
  g_assert_cmpint (diff->kind, ==, GK_CATALOG_DIFF_ADDED);
  g_assert_cmpuint (diff->number, ==, 3);

  g_assert_null (gk_catalog_csv_diff (HEADER, "nonsense", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog-csv/round-trip", test_round_trip);
  g_test_add_func ("/catalog-csv/round-trip-awkward", test_round_trip_awkward);
  g_test_add_func ("/catalog-csv/bad-rows", test_bad_rows);
  g_test_add_func ("/catalog-csv/malformed", test_malformed);
  g_test_add_func ("/catalog-csv/import-changes", test_import_changes);
  g_test_add_func ("/catalog-csv/import-conflict", test_import_conflict);
  g_test_add_func ("/catalog-csv/import-progress-cancel", test_import_progress_cancel);
  g_test_add_func ("/catalog-csv/diff", test_csv_diff);

  return g_test_run ();
}
