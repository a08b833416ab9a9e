/* Notice search and the paged notice list, on a generated history
 * (gk-scale, 2 000 notices): queries of one, two and three or more
 * characters must give exactly the ids a plain instr() scan gives, also
 * after an edit; the paged model must list what gk_notices_list() lists,
 * in the same order; and the generated file must keep every invariant. */

#include <glib/gstdio.h>
#include <string.h>

#include "core/gk-demo.h"
#include "core/gk-notice-list-model.h"
#include "core/gk-notice-private.h"
#include "core/gk-scale.h"
#include "core/gk-search.h"
#include "core/gk-template.h"
#include "core/gk-workflow.h"
#include "gk-test-invariants.h"
#include "gk-test-util.h"

#define N_NOTICES 2000
#define SAMPLES 25

static GkDatabase *db;

/* The reference: ids of notices whose title or body contains QUERY, by
 * the plain scan a naive implementation would run. */
static GArray *
plain_scan (const char *query)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db,
                         "SELECT n.id FROM notices n WHERE instr (lower (n.title), lower (?1))"
                         " OR instr (lower (n.body), lower (?1)) ORDER BY " GK_NOTICE_ORDER_KEY ", n.id",
                         NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static GArray *
ids_of (GListModel *notices)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (notices); i++)
    {
      g_autoptr(GkNotice) notice = g_list_model_get_item (notices, i);
      gint64 id = gk_notice_get_id (notice);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
assert_same_ids (GArray     *expected,
                 GArray     *actual,
                 const char *what,
                 const char *query)
{
  if (expected->len != actual->len)
    g_error ("“%s”: %s finds %u notices, a plain scan %u", query, what, actual->len, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (g_array_index (expected, gint64, i), ==, g_array_index (actual, gint64, i));
}

static void
check_query (const char *query)
{
  g_autoptr(GError) error = NULL;
  GkNoticeQuery search = { .search = query };
  g_autoptr(GArray) expected = plain_scan (query);
  g_autoptr(GListModel) listed = gk_notices_list (db, &search, &error);
  g_autoptr(GkNoticeListModel) paged = NULL;
  g_autoptr(GArray) listed_ids = NULL;
  g_autoptr(GArray) paged_ids = NULL;

  g_assert_no_error (error);
  listed_ids = ids_of (listed);
  assert_same_ids (expected, listed_ids, "gk_notices_list", query);

  paged = gk_notice_list_model_new (db, &search, &error);
  g_assert_no_error (error);
  paged_ids = ids_of (G_LIST_MODEL (paged));
  assert_same_ids (expected, paged_ids, "GkNoticeListModel", query);
  g_assert_cmpint (gk_notices_count (db, &search, NULL), ==, expected->len);
}

/* Substrings of LENGTH characters of the notices' titles and bodies,
 * spread over the file, plus EXTRA. */
static GPtrArray *
sample_queries (guint               length,
                const char * const *extra)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db, "SELECT title || char(10) || body FROM notices WHERE id % 53 = 0 ORDER BY id", NULL);
  guint row = 0;

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW && queries->len < SAMPLES)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      glong n = g_utf8_strlen (text, -1);
      glong start = (glong) ((row++ * 37) % (guint) MAX (1, n - (glong) length));
      g_autofree char *piece = g_utf8_substring (text, start, start + (glong) length);
      g_autofree char *trimmed = g_strstrip (g_strdup (piece));

      if (g_utf8_strlen (trimmed, -1) == (glong) length)
        g_ptr_array_add (queries, g_steal_pointer (&trimmed));
    }
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (queries, g_strdup (extra[i]));
  g_assert_cmpuint (queries->len, >=, SAMPLES / 2);
  return queries;
}

static void
check_samples (guint               length,
               const char * const *extra)
{
  g_autoptr(GPtrArray) queries = sample_queries (length, extra);
  guint with_hits = 0;

  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr(GArray) expected = plain_scan (g_ptr_array_index (queries, i));

      check_query (g_ptr_array_index (queries, i));
      with_hits += expected->len > 0;
    }
  /* Sampled from the text: most of them are there. */
  g_assert_cmpuint (with_hits, >=, queries->len / 2);
}

static void
test_one_character (void)
{
  static const char * const extra[] = { "党", "费", "Z", "2", "（", "\xe3\x80\x80", "龘", NULL };

  check_samples (1, extra);
}

static void
test_two_characters (void)
{
  static const char * const extra[] = { "党费", "公示", "20", "Oa", "oa", "党龘", "\"x", NULL };

  check_samples (2, extra);
}

static void
test_three_or_more (void)
{
  static const char * const extra[] = { "党费收缴", "民主评议党员", "学院党总支", "OA系统", "不存在的事项", NULL };

  check_samples (3, extra);
  check_samples (5, extra);
}

/* An edited title and body leave the indexes: the old words are not found
 * any more, the new ones are. */
static void
test_after_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) audiences = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) methods = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db,
                         "SELECT n.id, n.proposer_id, n.organization_id, n.planned_date, coalesce (n.item_id, 0),"
                         " n.title FROM notices n WHERE n.state = 'draft' ORDER BY n.id DESC LIMIT 1", NULL);
  const char * const queries[] = { "鼹", "鼹鼠", "鼹鼠洞", "獭", "水獭", "水獭窝" };
  gint64 id, proposer;
  GkNoticePlan plan = { 0 };
  g_autofree char *planned = NULL;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  proposer = sqlite3_column_int64 (stmt, 1);
  planned = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  g_array_append_val (audiences, (gint64) { gk_test_query_int (db, "SELECT min (id) FROM audiences") });
  g_array_append_val (methods, (gint64) { gk_test_query_int (db, "SELECT min (id) FROM methods") });

  plan = (GkNoticePlan) {
    .organization_id = sqlite3_column_int64 (stmt, 2),
    .item_id = sqlite3_column_int64 (stmt, 4),
    .title = "鼹鼠洞的公示",
    .body = "鼹鼠洞在操场东侧。",
    .audience_ids = audiences,
    .planned_date = planned,
    .method_ids = methods,
  };
  g_assert_true (gk_workflow_edit (db, proposer, id, 0, &plan, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    check_query (queries[i]);
  g_assert_cmpint (gk_notices_count (db, &(GkNoticeQuery) { .search = "鼹鼠" }, NULL), ==, 1);

  plan.title = "水獭窝的公示";
  plan.body = "水獭窝在湖边。";
  g_assert_true (gk_workflow_edit (db, proposer, id, 0, &plan, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    check_query (queries[i]);
  g_assert_cmpint (gk_notices_count (db, &(GkNoticeQuery) { .search = "鼹鼠" }, NULL), ==, 0);
  g_assert_cmpint (gk_notices_count (db, &(GkNoticeQuery) { .search = "獭" }, NULL), ==, 1);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (added, ==, g_list_model_get_n_items (model));
  (*calls)++;
}

/* The ids of MODEL's N notices read backwards (pages read from the end,
 * then from the start of the page after), forwards (from the end of the
 * page before) or by jumps of a few pages, as a fast scroll reads them
 * (by OFFSET, then from a neighbour); from a model holding no page. */
typedef enum
{
  READ_BACKWARDS,
  READ_FORWARDS,
  READ_BY_JUMPS,
} ReadOrder;

static GArray *
read_ids_in_order (GkNoticeListModel *model,
                   guint              n,
                   ReadOrder          order)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  guint jump = GK_NOTICE_LIST_MODEL_PAGE_SIZE * 3 + 7;

  g_assert_true (gk_notice_list_model_refresh (model, NULL));
  g_array_set_size (ids, n);
  /* By jumps: passes through the list, each from one row further. */
  for (guint start = 0; start < (order == READ_BY_JUMPS ? jump : 1); start++)
    for (guint k = start; k < n; k += order == READ_BY_JUMPS ? jump : 1)
      {
        guint i = order == READ_BACKWARDS ? n - 1 - k : k;
        g_autoptr(GkNotice) notice = g_list_model_get_item (G_LIST_MODEL (model), i);

        g_assert_nonnull (notice);
        g_array_index (ids, gint64, i) = gk_notice_get_id (notice);
      }
  return ids;
}

/* Every filter of the inbox: the pages hold what the whole list holds,
 * in its order, however they are read; find() gives each notice's
 * position. */
static void
test_model_pages (void)
{
  gint64 person = gk_test_query_int (db, "SELECT person_id FROM roles WHERE role = 'party-office' ORDER BY person_id LIMIT 1");
  gint64 proposer = gk_test_query_int (db, "SELECT proposer_id FROM notices GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  const GkNoticeQuery queries[] = {
    { 0 },
    { .published = TRUE },
    { .in_progress = TRUE },
    { .state = "withdrawn" },
    { .proposed_by = proposer },
    { .waiting_for = person },
    { .published = TRUE, .search = "党支部" },
    { .proposed_by = proposer, .search = "党" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GkNoticeListModel) model = gk_notice_list_model_new (db, NULL, &error);
  guint calls = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, N_NOTICES);
  /* Notices share dates: a page read from its neighbour's last notice
   * must tell them apart by id. */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM (SELECT 1 FROM notices n GROUP BY " GK_NOTICE_ORDER_KEY
                                          " HAVING count(*) > 1)"), >, 0);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &calls);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GListModel) whole = gk_notices_list (db, &queries[q], &error);
      g_autoptr(GArray) expected = NULL;
      guint n;

      g_assert_no_error (error);
      g_assert_true (gk_notice_list_model_set_query (model, &queries[q], &error));
      g_assert_no_error (error);
      n = g_list_model_get_n_items (whole);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
      g_assert_cmpuint (n, >, 0);

      expected = ids_of (whole);
      for (ReadOrder order = READ_BACKWARDS; order <= READ_BY_JUMPS; order++)
        {
          g_autoptr(GArray) actual = read_ids_in_order (model, n, order);

          assert_same_ids (expected, actual, "the pages", "(filter)");
        }
      g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));

      for (guint i = 0; i < n; i += MAX (1, n / 50))
        g_assert_cmpuint (gk_notice_list_model_find (model, g_array_index (expected, gint64, i)), ==, i);
    }
  /* Each query, then each order's refresh. */
  g_assert_cmpuint (calls, ==, G_N_ELEMENTS (queries) * 4);

  /* A notice the filter does not list has no position. */
  g_assert_true (gk_notice_list_model_set_query (model, &(GkNoticeQuery) { .state = "withdrawn" }, NULL));
  g_assert_cmpuint (gk_notice_list_model_find (model,
                                               gk_test_query_int (db, "SELECT min (id) FROM notices WHERE state = 'published'")),
                    ==, G_MAXUINT);
  g_assert_true (gk_notice_list_model_refresh (model, NULL));
  g_assert_cmpuint (calls, ==, G_N_ELEMENTS (queries) * 4 + 2);
}

static void
test_model_is_lazy (void)
{
  g_autoptr(GkNoticeListModel) model = gk_notice_list_model_new (db, NULL, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_autoptr(GkNotice) last = NULL;

  g_assert_cmpuint (gk_notice_list_model_get_pages_read (model), ==, 0);
  last = g_list_model_get_item (G_LIST_MODEL (model), n - 1);
  g_assert_nonnull (last);
  g_assert_cmpuint (gk_notice_list_model_get_pages_read (model), ==, 1);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GkNotice) other = g_list_model_get_item (G_LIST_MODEL (model), n - 1 - i);

      g_assert_nonnull (other);
    }
  g_assert_cmpuint (gk_notice_list_model_get_pages_read (model), ==, 1);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_change (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           Change     *change)
{
  *change = (Change) { position, removed, added };
}

/* A search alone matching more notices than the model counts at once:
 * the model is a lower bound of the list at first, its first page read by
 * walking the list's order; the count comes from the worker and the list
 * grows at its end; every page, the last walked from the end, holds what
 * a plain scan finds. A newer query makes an older count void. */
static void
test_model_counted_later (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkNoticeListModel) model = gk_notice_list_model_new (db, NULL, &error);
  g_autoptr(GArray) expected = plain_scan ("党");
  GkNoticeQuery search = { .search = "党" };
  Change change = { 0 };
  guint n;

  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >, 1000);
  gk_notice_list_model_set_count_limit (model, 300);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_change), &change);

  g_assert_true (gk_notice_list_model_set_query (model, &search, &error));
  g_assert_true (gk_notice_list_model_is_counting (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 301);
  for (guint i = 0; i < GK_NOTICE_LIST_MODEL_PAGE_SIZE; i++)
    {
      g_autoptr(GkNotice) notice = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (gk_notice_get_id (notice), ==, g_array_index (expected, gint64, i));
    }
  g_assert_cmpuint (gk_notice_list_model_get_pages_read (model), ==, 1);

  while (gk_notice_list_model_is_counting (model))
    g_main_context_iteration (NULL, TRUE);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, expected->len);
  g_assert_cmpuint (change.position, ==, 301);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, n - 301);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GkNotice) notice = g_list_model_get_item (G_LIST_MODEL (model), i - 1);

      g_assert_cmpint (gk_notice_get_id (notice), ==, g_array_index (expected, gint64, i - 1));
    }

  /* Superseded before its count is in. */
  g_assert_true (gk_notice_list_model_set_query (model, &search, &error));
  g_assert_true (gk_notice_list_model_set_query (model, &(GkNoticeQuery) { .search = "党支部" }, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  while (gk_notice_list_model_is_counting (model))
    g_main_context_iteration (NULL, TRUE);
  g_usleep (G_USEC_PER_SEC / 10);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    gk_notices_count (db, &(GkNoticeQuery) { .search = "党支部" }, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, n);
}

/* "Waiting for me" reads its ids once: no page evaluates the view again,
 * and positions come from the ids. */
static void
test_model_waiting (void)
{
  gint64 person = gk_test_query_int (db, "SELECT person_id FROM notice_waiting GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  GkNoticeQuery waiting = { .waiting_for = person };
  g_autoptr(GError) error = NULL;
  g_autoptr(GkNoticeListModel) model = gk_notice_list_model_new (db, &waiting, &error);
  g_autoptr(GListModel) whole = gk_notices_list (db, &waiting, &error);
  g_autoptr(GArray) expected = ids_of (whole);
  g_autoptr(GArray) actual = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_false (gk_notice_list_model_is_counting (model));
  actual = ids_of (G_LIST_MODEL (model));
  assert_same_ids (expected, actual, "the pages", "(waiting)");
  g_assert_cmpuint (gk_notice_list_model_find (model, g_array_index (expected, gint64, expected->len - 1)), ==,
                    expected->len - 1);
  g_assert_cmpuint (gk_notice_list_model_find (model, gk_test_query_int (db, "SELECT max (id) FROM notices"
                                                                             " WHERE state = 'published'")),
                    ==, G_MAXUINT);
}

static void
test_scale_invariants (void)
{
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices"), >=, N_NOTICES);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations"), >=, 90);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM catalog_items c JOIN catalogs k ON k.id = c.catalog_id"
                                          " JOIN organizations o ON o.id = k.organization_id"
                                          " WHERE o.kind = 'general-branch'"), ==, 2000);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM item_revisions"), >, 0);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(DISTINCT state) FROM notices"), >=, 8);
  gk_test_assert_invariants (db);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) base = gk_scale_base_date ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  /* One file for every test: made once, it takes a second or two. */
  dir = g_dir_make_tmp ("gongkai-search-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "scaled.db", NULL);
  db = gk_template_create_database (path, "jinzhong-2020", &error);
  g_assert_no_error (error);
  g_assert_true (gk_demo_populate (db, base, &error));
  g_assert_true (gk_scale_populate (db, N_NOTICES, &error));
  g_assert_no_error (error);

  g_test_add_func ("/search-notices/one-character", test_one_character);
  g_test_add_func ("/search-notices/two-characters", test_two_characters);
  g_test_add_func ("/search-notices/three-or-more", test_three_or_more);
  g_test_add_func ("/notice-list-model/pages", test_model_pages);
  g_test_add_func ("/notice-list-model/lazy", test_model_is_lazy);
  g_test_add_func ("/notice-list-model/counted-later", test_model_counted_later);
  g_test_add_func ("/notice-list-model/waiting", test_model_waiting);
  g_test_add_func ("/scale/invariants", test_scale_invariants);
  g_test_add_func ("/search-notices/after-edit", test_after_edit);

  result = g_test_run ();
  g_clear_object (&db);
  g_unlink (path);
  g_rmdir (dir);
  return result;
}
