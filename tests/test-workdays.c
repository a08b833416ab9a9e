/* Working days: weekends, public holidays and make-up working days (调休). */

#include <string.h>

#include "core/gk-core-error.h"
#include "core/gk-dates.h"
#include "core/gk-workdays.h"
#include "gk-test-util.h"

static char *
add (GkDatabase *db,
     const char *from,
     guint       n)
{
  g_autoptr(GError) error = NULL;
  GDate date, result;

  g_assert_true (gk_date_parse (from, &date, &error));
  g_assert_true (gk_workdays_add (db, &date, n, &result, &error));
  g_assert_no_error (error);
  return gk_date_to_iso (&result);
}

#define ASSERT_ADD(db, from, n, expected) \
  G_STMT_START { \
    g_autofree char *got = add (db, from, n); \
    g_assert_cmpstr (got, ==, expected); \
  } G_STMT_END

static void
test_spring_festival (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();

  /* Friday 13 February 2026; Saturday the 14th is a make-up working day;
   * the holiday runs 15–23 February. */
  ASSERT_ADD (db, "2026-02-12", 0, "2026-02-12");
  ASSERT_ADD (db, "2026-02-13", 1, "2026-02-14");
  ASSERT_ADD (db, "2026-02-13", 2, "2026-02-24");
  ASSERT_ADD (db, "2026-02-15", 0, "2026-02-24");
  /* 20 working days from 10 February, counting both Saturdays worked. */
  ASSERT_ADD (db, "2026-02-10", 20, "2026-03-16");
  /* National Day 2026 with its make-up Saturday the 10th. */
  ASSERT_ADD (db, "2026-09-30", 1, "2026-10-08");
  ASSERT_ADD (db, "2026-10-09", 1, "2026-10-10");
}

static void
test_plain_weekends (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();

  /* 2027 is not in the shipped calendar: weekends only. */
  ASSERT_ADD (db, "2027-03-05", 1, "2027-03-08");
  ASSERT_ADD (db, "2027-03-06", 0, "2027-03-08");
  ASSERT_ADD (db, "2027-03-01", 5, "2027-03-08");
}

static gboolean
import (GkDatabase *db,
        gpointer    user_data,
        GError    **error)
{
  return gk_workdays_import (db, user_data, error) >= 0;
}

static void
test_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  gint64 before = gk_test_query_int (db, "SELECT count(*) FROM holidays");

  g_assert_cmpint (before, >, 60);

  /* A bad line names its number and nothing is imported. */
  g_assert_false (gk_database_write (db, import,
                                     "# 2027\n2027-01-01\tholiday\t元旦\n2027-02-30\tholiday\t春节\n", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_clear_error (&error);
  g_assert_false (gk_database_write (db, import, "2027-01-01\tday off\t元旦\n", &error));
  g_assert_nonnull (strstr (error->message, "Line 1"));
  g_clear_error (&error);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM holidays"), ==, before);

  g_assert_true (gk_database_write (db, import, "2027-01-01\tholiday\t元旦\n2027-03-06\tworkday\t调休\n", &error));
  g_assert_no_error (error);
  ASSERT_ADD (db, "2027-03-05", 1, "2027-03-06");
}

static void
test_set_and_remove_day (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  gint64 events = gk_test_query_int (db, "SELECT count(*) FROM audit_events");

  /* A school's own day off, then a make-up Saturday. */
  g_assert_true (gk_workdays_set_day (db, "2027-03-08", "holiday", "校庆", &error));
  g_assert_no_error (error);
  ASSERT_ADD (db, "2027-03-05", 1, "2027-03-09");
  g_assert_true (gk_workdays_set_day (db, "2027-03-06", "workday", "校庆调休", &error));
  ASSERT_ADD (db, "2027-03-05", 1, "2027-03-06");
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audit_events"), ==, events + 2);

  g_assert_true (gk_workdays_remove_day (db, "2027-03-06", &error));
  ASSERT_ADD (db, "2027-03-05", 1, "2027-03-09");

  /* Bad input changes nothing. */
  g_assert_false (gk_workdays_set_day (db, "2027-02-30", "holiday", "x", &error));
  g_clear_error (&error);
  g_assert_false (gk_workdays_set_day (db, "2027-03-10", "vacation", "x", &error));
  g_clear_error (&error);
  g_assert_false (gk_workdays_set_day (db, "2027-03-10", "holiday", "  ", &error));
  g_clear_error (&error);
  g_assert_false (gk_workdays_remove_day (db, "2027-03-11", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audit_events"), ==, events + 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workdays/spring-festival", test_spring_festival);
  g_test_add_func ("/workdays/plain-weekends", test_plain_weekends);
  g_test_add_func ("/workdays/import", test_import);
  g_test_add_func ("/workdays/set-and-remove-day", test_set_and_remove_day);

  return g_test_run ();
}
