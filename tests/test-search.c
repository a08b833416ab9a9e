/* Catalog search: the FTS5 trigram path (3+ characters) and the scan for
 * one and two characters must both give what a plain scan gives. */

#include <string.h>

#include "core/gk-catalog.h"
#include "core/gk-catalog-item.h"
#include "gk-test-util.h"

/* The reference: every item whose searchable text contains the query,
 * case-folded, by walking the list. */
static GHashTable *
plain_scan (GListModel *items,
            const char *query)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *needle = g_utf8_casefold (query, -1);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GkCatalogItem) item = g_list_model_get_item (items, i);
      g_autofree char *text = g_strjoin ("\n",
                                         gk_catalog_item_get_content (item),
                                         gk_catalog_item_get_category (item),
                                         gk_catalog_item_get_responsible (item),
                                         gk_catalog_item_get_audiences (item),
                                         NULL);
      g_autofree char *folded = g_utf8_casefold (text, -1);

      if (strstr (folded, needle) != NULL)
        {
          gint64 *id = g_new (gint64, 1);

          *id = gk_catalog_item_get_id (item);
          g_hash_table_add (ids, id);
        }
    }
  return ids;
}

static void
assert_same_ids (GHashTable *expected,
                 GHashTable *actual,
                 const char *query)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (expected) != g_hash_table_size (actual))
    g_error ("“%s”: %u results, a plain scan finds %u", query,
             g_hash_table_size (actual), g_hash_table_size (expected));

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (actual, key));
}

static void
check_queries (const char * const *queries,
               gboolean            expect_hits)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  gint64 catalog_id = gk_catalog_get_default (db, NULL);
  g_autoptr(GListModel) items = gk_catalog_list_items (db, catalog_id, NULL);

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) expected = plain_scan (items, queries[i]);
      g_autoptr(GHashTable) actual = gk_catalog_search (db, catalog_id, queries[i], &error);

      g_assert_no_error (error);
      if (expect_hits)
        g_assert_cmpuint (g_hash_table_size (actual), >, 0);
      assert_same_ids (expected, actual, queries[i]);
    }
}

static void
test_one_character (void)
{
  const char * const queries[] = { "党", "费", "公", "果", NULL };

  check_queries (queries, TRUE);
}

static void
test_two_characters (void)
{
  const char * const queries[] = { "党费", "干部", "考核", "工会", "评优", NULL };

  check_queries (queries, TRUE);
}

static void
test_three_or_more (void)
{
  const char * const queries[] = { "党费收缴", "组织部", "全体党员", "领导班子", "民主生活会",
                                   "保卫部(处)", "根据情况在相应范围公开", NULL };

  check_queries (queries, TRUE);
}

static void
test_no_match (void)
{
  const char * const queries[] = { "火星", "xyz", "\"党费\" OR", "NEAR(", NULL };

  check_queries (queries, FALSE);
}

static void
test_specific_results (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  gint64 catalog_id = gk_catalog_get_default (db, NULL);
  g_autoptr(GHashTable) hits = gk_catalog_search (db, catalog_id, "党费", NULL);
  g_autoptr(GHashTable) all = gk_catalog_search (db, catalog_id, "  ", NULL);
  gint64 item21 = gk_test_query_int (db, "SELECT id FROM catalog_items WHERE number = 21");

  /* 党费收缴、管理和使用情况 is item 21 and the only one. */
  g_assert_cmpuint (g_hash_table_size (hits), ==, 1);
  g_assert_true (g_hash_table_contains (hits, &item21));
  /* An empty query filters nothing. */
  g_assert_cmpuint (g_hash_table_size (all), ==, 45);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/one-character", test_one_character);
  g_test_add_func ("/search/two-characters", test_two_characters);
  g_test_add_func ("/search/three-or-more", test_three_or_more);
  g_test_add_func ("/search/no-match", test_no_match);
  g_test_add_func ("/search/specific", test_specific_results);

  return g_test_run ();
}
