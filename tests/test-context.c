/* What the widgets are handed: the current person is the database's actor,
 * "person-id" is notified only when it changes, and "data-changed" reaches
 * every listener. */

#include "core/gk-context.h"
#include "gk-test-util.h"

static void
count_emission (gpointer  instance,
                gpointer  arg,
                guint    *count)
{
  (*count)++;
}

static void
count_data_changed (GkContext *context,
                    guint     *count)
{
  (*count)++;
}

static void
test_person (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GkContext) context = gk_context_new (db);
  guint notified = 0;
  gint64 from_property = -1;

  g_assert_cmpint (gk_context_get_person_id (context), ==, 0);
  g_signal_connect (context, "notify::person-id", G_CALLBACK (count_emission), &notified);

  gk_context_set_person_id (context, 7);
  g_assert_cmpint (gk_context_get_person_id (context), ==, 7);
  g_assert_cmpint (gk_database_get_actor (db), ==, 7);
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (context, "person-id", &from_property, NULL);
  g_assert_cmpint (from_property, ==, 7);

  /* The same person again: no notification, but the actor is set back
   * after a write in someone else's name. */
  gk_database_set_actor (db, 3);
  gk_context_set_person_id (context, 7);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (gk_database_get_actor (db), ==, 7);

  g_object_set (context, "person-id", (gint64) 0, NULL);
  g_assert_cmpint (gk_context_get_person_id (context), ==, 0);
  g_assert_cmpint (gk_database_get_actor (db), ==, 0);
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_data_changed (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GkContext) context = gk_context_new (db);
  guint first = 0, second = 0;

  g_signal_connect (context, "data-changed", G_CALLBACK (count_data_changed), &first);
  g_signal_connect (context, "data-changed", G_CALLBACK (count_data_changed), &second);
  gk_context_data_changed (context);
  gk_context_data_changed (context);
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (second, ==, 2);
  g_assert_true (gk_context_get_database (context) == db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/context/person", test_person);
  g_test_add_func ("/context/data-changed", test_data_changed);

  return g_test_run ();
}
