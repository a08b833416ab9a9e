/* What 第八–十一条 require of each catalog, and which items cover it. */

#include <string.h>

#include "core/gk-catalog.h"
#include "core/gk-catalog-checklist.h"
#include "core/gk-catalog-edit.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"
#include "gk-test-util.h"

static gboolean
has_number (GkChecklistEntry *entry,
            guint             number)
{
  for (guint i = 0; i < entry->numbers->len; i++)
    if (g_array_index (entry->numbers, guint, i) == number)
      return TRUE;
  return FALSE;
}

static void
test_articles (void)
{
  const struct {
    const char *kind;
    guint       n;
    const char *first_label;
  } articles[] = {
    { "committee", 10, "第八条（一）" },
    { "general-branch", 9, "第九条（一）" },
    { "branch", 6, "第十条（一）" },
    { "discipline", 7, "第十一条（一）" },
  };
  guint n = 99;

  for (guint a = 0; a < G_N_ELEMENTS (articles); a++)
    {
      const GkRequirement *requirements = gk_requirements_for_kind (articles[a].kind, &n);
      g_autofree char *label = NULL;

      g_assert_nonnull (requirements);
      g_assert_cmpuint (n, ==, articles[a].n);
      label = gk_requirement_label (&requirements[0]);
      g_assert_cmpstr (label, ==, articles[a].first_label);
      for (guint r = 0; r < n; r++)
        {
          g_assert_cmpuint (requirements[r].point, ==, r + 1);
          /* Only the last point, 其他应当公开的党务, is the catch-all. */
          g_assert_true ((requirements[r].keywords == NULL) == (r == n - 1));
          g_assert_cmpstr (requirements[r].article, ==, requirements[0].article);
        }
    }

  g_assert_null (gk_requirements_for_kind ("department", &n));
  g_assert_cmpuint (n, ==, 0);
}

/* The school committee's template catalog against 第八条: 党费 (21) covers
 * (五); nothing in the annex speaks of 党内制度建设, so (九) is the gap. */
static void
test_template (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) gaps = g_string_new (NULL);

  entries = gk_catalog_checklist (db, gk_catalog_get_default (db, NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 10);

  for (guint i = 0; i < entries->len; i++)
    {
      GkChecklistEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *label = gk_requirement_label (entry->requirement);

      g_test_message ("%s %s: %u items", label, entry->requirement->title, entry->numbers->len);
      if (entry->gap)
        g_string_append (gaps, label);
    }
  g_assert_cmpstr (gaps->str, ==, "第八条（九）");

  g_assert_true (has_number (g_ptr_array_index (entries, 4), 21));   /* (五) 党费 */
  g_assert_true (has_number (g_ptr_array_index (entries, 4), 22));   /* (五) 党务工作经费 */
  g_assert_true (has_number (g_ptr_array_index (entries, 0), 1));    /* (一) 中央和省委方针政策 */
  g_assert_true (has_number (g_ptr_array_index (entries, 3), 10));   /* (四) 理论学习 */
  g_assert_true (has_number (g_ptr_array_index (entries, 5), 26));   /* (六) 干部推荐、选拔 */
  g_assert_true (has_number (g_ptr_array_index (entries, 7), 33));   /* (八) 党风廉政 */
  g_assert_false (has_number (g_ptr_array_index (entries, 5), 32));  /* 老干部工作 is not 干部工作制度 */
  /* (十) takes what no other point claims: 安全检查 (43), 社会治安 (45). */
  g_assert_true (has_number (g_ptr_array_index (entries, 9), 43));
  g_assert_true (has_number (g_ptr_array_index (entries, 9), 45));
  g_assert_false (has_number (g_ptr_array_index (entries, 9), 21));
  g_assert_false (((GkChecklistEntry *) g_ptr_array_index (entries, 9))->gap);
}

typedef struct
{
  gint64 gb, branch, discipline, office;
} Orgs;

static gboolean
add_orgs (GkDatabase *db,
          gpointer    user_data,
          GError    **error)
{
  Orgs *orgs = user_data;
  gint64 committee = gk_directory_find_organization (db, "党委", error);

  orgs->gb = gk_directory_add_organization (db, "计算机学院党总支", "计算机党总支", "general-branch", committee, error);
  orgs->branch = gk_directory_add_organization (db, "计算机学院教工第一党支部", "计算机教工一支部", "branch", orgs->gb, error);
  orgs->discipline = gk_directory_find_organization (db, "纪委", error);
  orgs->office = gk_directory_add_person (db, "孙主任", NULL, NULL, error);
  return orgs->office != 0 &&
         gk_directory_add_role (db, orgs->office, gk_directory_find_organization (db, "党办", NULL), "party-office", error);
}

/* A new catalog starts with one item per requirement, each covering its
 * own point and no gap; retiring one opens its gap. */
static void
test_seeded (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GError) error = NULL;
  Orgs orgs = { 0 };
  const struct {
    gint64 *org;
    guint   n;
  } cases[] = {
    { &orgs.gb, 9 },
    { &orgs.branch, 6 },
    { &orgs.discipline, 7 },
  };

  gk_database_write (db, add_orgs, &orgs, &error);
  g_assert_no_error (error);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GPtrArray) entries = NULL;
      gint64 catalog = gk_catalog_edit_create_catalog (db, orgs.office, *cases[c].org, &error);

      g_assert_no_error (error);
      entries = gk_catalog_checklist (db, catalog, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, cases[c].n);
      for (guint i = 0; i < entries->len; i++)
        {
          GkChecklistEntry *entry = g_ptr_array_index (entries, i);
          g_autofree char *label = gk_requirement_label (entry->requirement);

          g_test_message ("%s: %u items", label, entry->numbers->len);
          g_assert_false (entry->gap);
          g_assert_true (has_number (entry, i + 1));
          /* The article's own words do not spill over into other points. */
          g_assert_cmpuint (entry->numbers->len, ==, 1);
        }
    }

  /* 第九条（四）: retire the general branch's item 4 and it is a gap. */
  {
    g_autoptr(GPtrArray) entries = NULL;
    gint64 catalog = gk_catalog_get_for_organization (db, orgs.gb, NULL);
    gint64 item = gk_catalog_find_item (db, catalog, 4, NULL);

    gk_catalog_edit_retire (db, orgs.office, item, 0, "测试缺项", &error);
    g_assert_no_error (error);
    entries = gk_catalog_checklist (db, catalog, &error);
    g_assert_no_error (error);
    g_assert_true (((GkChecklistEntry *) g_ptr_array_index (entries, 3))->gap);
    g_assert_false (((GkChecklistEntry *) g_ptr_array_index (entries, 4))->gap);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog-checklist/articles", test_articles);
  g_test_add_func ("/catalog-checklist/template", test_template);
  g_test_add_func ("/catalog-checklist/seeded", test_seeded);

  return g_test_run ();
}
