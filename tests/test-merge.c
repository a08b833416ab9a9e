/* Three-way merge of a record's fields after a row_version conflict. */

#include "core/gk-merge.h"

static void
test_field (void)
{
  /* Nobody changed it. */
  g_assert_cmpint (gk_merge_field ("a", "a", "a"), ==, GK_MERGE_SAME);
  /* One side changed it. */
  g_assert_cmpint (gk_merge_field ("a", "b", "a"), ==, GK_MERGE_MINE);
  g_assert_cmpint (gk_merge_field ("a", "a", "c"), ==, GK_MERGE_THEIRS);
  /* Both, the same way: nothing to choose. */
  g_assert_cmpint (gk_merge_field ("a", "b", "b"), ==, GK_MERGE_SAME);
  /* Both, differently. */
  g_assert_cmpint (gk_merge_field ("a", "b", "c"), ==, GK_MERGE_CONFLICT);
}

static void
test_null (void)
{
  /* NULL is a value of its own ("none"), equal only to NULL. */
  g_assert_cmpint (gk_merge_field (NULL, NULL, NULL), ==, GK_MERGE_SAME);
  g_assert_cmpint (gk_merge_field (NULL, "b", NULL), ==, GK_MERGE_MINE);
  g_assert_cmpint (gk_merge_field ("a", "a", NULL), ==, GK_MERGE_THEIRS);
  g_assert_cmpint (gk_merge_field ("a", NULL, "c"), ==, GK_MERGE_CONFLICT);
  g_assert_cmpint (gk_merge_field ("", NULL, ""), ==, GK_MERGE_MINE);
}

static void
test_fields (void)
{
  const GkMergeField fields[] = {
    { "title", "通知", "关于召开会议的通知", "通知" },
    { "date", "2026-03-01", "2026-03-01", "2026-03-05" },
    { "body", "正文", "我的正文", "他们的正文" },
    { "audiences", "1,2", "1,2,3", "1,2,3" },
    { "layout", "bulletin", "bulletin", "bulletin" },
  };
  GkMergeOutcome outcomes[G_N_ELEMENTS (fields)];
  const char *merged[G_N_ELEMENTS (fields)];
  guint n;

  n = gk_merge_fields (fields, G_N_ELEMENTS (fields), outcomes, merged);

  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (outcomes[0], ==, GK_MERGE_MINE);
  g_assert_cmpstr (merged[0], ==, "关于召开会议的通知");
  g_assert_cmpint (outcomes[1], ==, GK_MERGE_THEIRS);
  g_assert_cmpstr (merged[1], ==, "2026-03-05");
  g_assert_cmpint (outcomes[2], ==, GK_MERGE_CONFLICT);
  /* Mine until the user chooses. */
  g_assert_cmpstr (merged[2], ==, "我的正文");
  g_assert_cmpint (outcomes[3], ==, GK_MERGE_SAME);
  g_assert_cmpstr (merged[3], ==, "1,2,3");
  g_assert_cmpint (outcomes[4], ==, GK_MERGE_SAME);

  /* The choice applies to conflicts only. */
  g_assert_cmpstr (gk_merge_pick (&fields[2], outcomes[2], TRUE), ==, "他们的正文");
  g_assert_cmpstr (gk_merge_pick (&fields[2], outcomes[2], FALSE), ==, "我的正文");
  g_assert_cmpstr (gk_merge_pick (&fields[0], outcomes[0], TRUE), ==, "关于召开会议的通知");
  g_assert_cmpstr (gk_merge_pick (&fields[1], outcomes[1], FALSE), ==, "2026-03-05");

  /* Resolved: the choice for the conflict; something of mine is left. */
  {
    gboolean take[G_N_ELEMENTS (fields)] = { TRUE, TRUE, TRUE, TRUE, TRUE };
    const char *resolved[G_N_ELEMENTS (fields)];

    g_assert_true (gk_merge_resolve (fields, G_N_ELEMENTS (fields), outcomes, take, resolved));
    g_assert_cmpstr (resolved[0], ==, "关于召开会议的通知");
    g_assert_cmpstr (resolved[2], ==, "他们的正文");
  }

  /* Merged values are optional. */
  g_assert_cmpuint (gk_merge_fields (fields, G_N_ELEMENTS (fields), outcomes, NULL), ==, 1);
  g_assert_cmpuint (gk_merge_fields (NULL, 0, NULL, NULL), ==, 0);
}

/* Taking theirs wherever both changed, when only they changed anything
 * else, leaves nothing to save. */
static void
test_resolve_nothing_left (void)
{
  const GkMergeField fields[] = {
    { "title", "a", "a", "A" },
    { "body", "b", "mine", "theirs" },
    { "date", "d", "d", "d" },
  };
  GkMergeOutcome outcomes[G_N_ELEMENTS (fields)];
  const char *merged[G_N_ELEMENTS (fields)];
  gboolean take[G_N_ELEMENTS (fields)] = { FALSE, TRUE, FALSE };

  gk_merge_fields (fields, G_N_ELEMENTS (fields), outcomes, NULL);
  g_assert_false (gk_merge_resolve (fields, G_N_ELEMENTS (fields), outcomes, take, merged));
  g_assert_cmpstr (merged[0], ==, "A");
  g_assert_cmpstr (merged[1], ==, "theirs");
  g_assert_cmpstr (merged[2], ==, "d");

  take[1] = FALSE;
  g_assert_true (gk_merge_resolve (fields, G_N_ELEMENTS (fields), outcomes, take, merged));
  g_assert_cmpstr (merged[1], ==, "mine");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/field", test_field);
  g_test_add_func ("/merge/null", test_null);
  g_test_add_func ("/merge/fields", test_fields);
  g_test_add_func ("/merge/resolve", test_resolve_nothing_left);

  return g_test_run ();
}
