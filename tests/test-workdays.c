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

/* The holidays table read by SQL, day by day: what the cache stands for. */
static gboolean
sql_is_workday (GkDatabase  *db,
                const GDate *date)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "SELECT kind FROM holidays WHERE date = ?", NULL);
  g_autofree char *iso = gk_date_to_iso (date);
  GDateWeekday weekday = g_date_get_weekday (date);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "workday");
  return weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;
}

/* Every day from December 2025 to March 2027, the shipped holidays and
 * the test's own days among them. */
static void
assert_cache_agrees (GkDatabase *db)
{
  g_autoptr(GkWorkdayCalendar) calendar = gk_workday_calendar_get (db, NULL);
  GDate day;

  g_assert_nonnull (calendar);
  g_date_set_dmy (&day, 1, G_DATE_DECEMBER, 2025);
  for (guint i = 0; i < 486; i++, g_date_add_days (&day, 1))
    {
      gboolean expected = sql_is_workday (db, &day);

      g_assert_cmpint (gk_workdays_is_workday (db, &day), ==, expected);
      g_assert_cmpint (gk_workday_calendar_is_workday (calendar, &day), ==, expected);
    }
}

static gboolean
is_workday (GkDatabase *db,
            const char *iso)
{
  GDate date;

  g_assert_true (gk_date_parse (iso, &date, NULL));
  return gk_workdays_is_workday (db, &date);
}

static gboolean
insert_then_fail (GkDatabase *db,
                  gpointer    user_data,
                  GError    **error)
{
  gboolean *seen = user_data;

  g_assert_true (gk_database_exec (db, "INSERT INTO holidays VALUES ('2027-03-15', 'holiday', '回滚')", error));
  /* Read inside the transaction: the day is off here... */
  *seen = !is_workday (db, "2027-03-15");
  g_set_error_literal (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, "rolled back");
  return FALSE;
}

/* The calendar kept in memory answers what the table says, after every
 * kind of change: an edit on this connection, through the API or plain
 * SQL, a write rolled back after it was read, another connection's
 * commit, a restore; a snapshot taken before keeps its answers. */
static void
test_cache_follows_edits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GkDatabase) other = NULL;
  g_autoptr(GkWorkdayCalendar) before = NULL;
  g_autofree char *backup = gk_test_tmp_path ("before.db");
  gboolean seen = FALSE;
  GDate school_day;

  assert_cache_agrees (db);
  g_assert_true (gk_database_backup_to (db, backup, &error));
  g_assert_no_error (error);
  before = gk_workday_calendar_get (db, &error);
  g_assert_no_error (error);

  g_assert_true (gk_workdays_set_day (db, "2027-03-08", "holiday", "校庆", &error));
  g_assert_false (is_workday (db, "2027-03-08"));
  g_assert_true (gk_workdays_set_day (db, "2027-03-06", "workday", "校庆调休", &error));
  g_assert_true (is_workday (db, "2027-03-06"));
  assert_cache_agrees (db);
  g_date_set_dmy (&school_day, 8, G_DATE_MARCH, 2027);
  g_assert_true (gk_workday_calendar_is_workday (before, &school_day));

  g_assert_true (gk_workdays_remove_day (db, "2027-03-06", &error));
  g_assert_false (is_workday (db, "2027-03-06"));
  g_assert_true (gk_database_write (db, import, "2027-03-09\tholiday\t校庆\n", &error));
  g_assert_false (is_workday (db, "2027-03-09"));
  g_assert_true (gk_database_exec (db, "UPDATE holidays SET kind = 'workday' WHERE date = '2027-03-09'", &error));
  g_assert_true (is_workday (db, "2027-03-09"));
  g_assert_no_error (error);
  assert_cache_agrees (db);

  g_assert_false (gk_database_write (db, insert_then_fail, &seen, NULL));
  g_assert_true (seen);
  g_assert_true (is_workday (db, "2027-03-15"));

  other = gk_database_open (gk_database_get_path (db), &error);
  g_assert_no_error (error);
  g_assert_true (gk_workdays_set_day (other, "2027-03-16", "holiday", "另一台电脑", &error));
  g_assert_false (is_workday (db, "2027-03-16"));
  assert_cache_agrees (db);

  g_assert_true (gk_database_restore_from (db, backup, &error));
  g_assert_no_error (error);
  g_assert_true (is_workday (db, "2027-03-08"));
  g_assert_true (is_workday (db, "2027-03-16"));
  assert_cache_agrees (db);
}

/* Working days counted after one day up to another. */
static void
test_count (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GkWorkdayCalendar) calendar = gk_workday_calendar_get (db, NULL);
  GDate from, to, result;

  g_assert_true (gk_date_parse ("2026-09-30", &from, NULL));
  g_assert_true (gk_date_parse ("2026-10-09", &to, NULL));
  /* National Day: the 8th and the 9th are the first working days after it. */
  g_assert_cmpuint (gk_workday_calendar_count (calendar, &from, &to), ==, 2);
  g_assert_cmpuint (gk_workday_calendar_count (calendar, &to, &from), ==, 0);
  g_assert_cmpuint (gk_workday_calendar_count (calendar, &from, &from), ==, 0);
  /* The inverse of adding working days. */
  g_assert_true (gk_date_parse ("2026-02-10", &from, NULL));
  for (guint n = 1; n < 40; n++)
    {
      g_assert_true (gk_workday_calendar_add (calendar, &from, n, &result, NULL));
      g_assert_cmpuint (gk_workday_calendar_count (calendar, &from, &result), ==, n);
    }
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
  g_test_add_func ("/workdays/cache-follows-edits", test_cache_follows_edits);
  g_test_add_func ("/workdays/count", test_count);

  return g_test_run ();
}
