/* Obligations: cadences expanded across year ends, due dates in working
 * days across the Spring Festival, waivers, overdue, an obligation
 * satisfied by a published notice, and the .ics read back by libical, an
 * iCalendar parser independent of ours. */

#include <libical/ical.h>
#include <string.h>

#include "core/gk-core-error.h"
#include "core/gk-directory.h"
#include "core/gk-ical.h"
#include "core/gk-obligations.h"
#include "core/gk-workflow.h"
#include "gk-test-util.h"

typedef struct
{
  GkDatabase *db;
  gint64      staff;      /* 组织部 */
  gint64      principal;  /* 组织部 */
  gint64      leader;     /* oversees 组织部 */
  gint64      office;     /* party office */
  gint64      student_affairs; /* staff of 学工部(处) */
} Fixture;

static gboolean
add_people (GkDatabase *db,
            gpointer    user_data,
            GError    **error)
{
  Fixture *f = user_data;
  const struct { const char *name; const char *org; const char *role; gint64 *id; } people[] = {
    { "王干事", "组织部", "staff", &f->staff },
    { "刘部长", "组织部", "principal", &f->principal },
    { "陈校长", "党委", "leader", &f->leader },
    { "孙主任", "党办", "party-office", &f->office },
    { "李老师", "学工部(处)", "staff", &f->student_affairs },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      *people[i].id = gk_directory_add_person (db, people[i].name, NULL, NULL, error);
      if (*people[i].id == 0 ||
          !gk_directory_add_role (db, *people[i].id, gk_directory_find_organization (db, people[i].org, NULL),
                                  people[i].role, error))
        return FALSE;
    }
  return gk_directory_add_oversight (db, f->leader, gk_directory_find_organization (db, "组织部", NULL), error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = gk_test_template_db ();
  gk_database_write (f->db, add_people, f, &error);
  g_assert_no_error (error);
  /* The template uses no per-term cadence; item 5 gets one here so that
   * academic terms are expanded too. */
  gk_database_exec (f->db, "UPDATE catalog_items SET cadence = 'per-term;yearly-after:01-31' WHERE number = 5", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
}

static gint64
item_id (Fixture *f,
         guint    number)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM catalog_items WHERE number = %u", number);

  return gk_test_query_int (f->db, sql);
}

static GPtrArray *
list (Fixture    *f,
      const char *from,
      const char *to,
      const char *today)
{
  g_autoptr(GError) error = NULL;
  GkObligationQuery query = { .from = from, .to = to, .today = today };
  GPtrArray *obligations = gk_obligations_list (f->db, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (obligations);
  return obligations;
}

/* The obligation of item NUMBER under RULE for PERIOD, or NULL. */
static GkObligation *
find (GPtrArray  *obligations,
      guint       number,
      const char *rule,
      const char *period)
{
  for (guint i = 0; i < obligations->len; i++)
    {
      GkObligation *obligation = g_ptr_array_index (obligations, i);

      if (obligation->item_number == number && g_str_equal (obligation->rule, rule) &&
          g_str_equal (obligation->period, period))
        return obligation;
    }
  return NULL;
}

static GkObligation *
get (GPtrArray  *obligations,
     guint       number,
     const char *rule,
     const char *period)
{
  GkObligation *obligation = find (obligations, number, rule, period);

  if (obligation == NULL)
    g_error ("no obligation %u %s@%s", number, rule, period);
  return obligation;
}

static const char *
status_of (Fixture    *f,
           guint       number,
           const char *rule,
           const char *period,
           const char *today)
{
  g_autoptr(GPtrArray) obligations = list (f, "2025-01-01", "2027-12-31", today);

  return gk_obligation_status_to_string (get (obligations, number, rule, period)->status);
}

static void
test_year_end (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) obligations = list (f, "2026-01-01", "2027-12-31", "2026-03-10");
  GkObligation *o;

  /* Sorted by due date, all inside the range. */
  for (guint i = 0; i < obligations->len; i++)
    {
      o = g_ptr_array_index (obligations, i);
      g_assert_cmpstr (o->due_date, >=, "2026-01-01");
      g_assert_cmpstr (o->due_date, <=, "2027-12-31");
      if (i > 0)
        g_assert_cmpstr (((GkObligation *) g_ptr_array_index (obligations, i - 1))->due_date, <=, o->due_date);
    }

  /* yearly-after: the year 2025 is reported on 31 January 2026, as a
   * calendar date; 2026 in 2027; 2027's falls due in 2028, outside. */
  o = get (obligations, 6, "yearly-after:01-31", "2025");
  g_assert_cmpstr (o->due_date, ==, "2026-01-31");
  g_assert_cmpstr (o->explanation, ==, "On 01-31 of the year after the period: 2026-01-31");
  g_assert_cmpstr (o->organizations, ==, "党办");
  g_assert_cmpstr (get (obligations, 6, "yearly-after:01-31", "2026")->due_date, ==, "2027-01-31");
  g_assert_null (find (obligations, 6, "yearly-after:01-31", "2027"));
  g_assert_null (find (obligations, 6, "yearly-after:01-31", "2024"));
  g_assert_cmpstr (get (obligations, 6, "yearly:03-31", "2026")->due_date, ==, "2026-03-31");
  g_assert_cmpstr (get (obligations, 6, "yearly:03-31", "2027")->due_date, ==, "2027-03-31");

  /* half-yearly: 10 working days after the half ends. 2025-H2 runs into
   * 元旦 2026 and its make-up Sunday; 2026-H2 falls due in January 2027,
   * which has no holidays in the shipped calendar (weekends only). */
  o = get (obligations, 21, "half-yearly", "2025-H2");
  g_assert_cmpstr (o->due_date, ==, "2026-01-15");
  g_assert_cmpstr (o->explanation, ==,
                   "10 working days after the period 2025-H2 ends on 2025-12-31: "
                   "skips 元旦 2026-01-01…01-03, counts the make-up working day 2026-01-04");
  g_assert_cmpstr (get (obligations, 21, "half-yearly", "2026-H1")->due_date, ==, "2026-07-14");
  g_assert_cmpstr (get (obligations, 21, "half-yearly", "2026-H2")->due_date, ==, "2027-01-14");
  g_assert_cmpstr (get (obligations, 21, "half-yearly", "2027-H1")->due_date, ==, "2027-07-14");
  g_assert_null (find (obligations, 21, "half-yearly", "2027-H2"));

  /* per-term: 20 working days after the term begins. The autumn term's
   * count meets a make-up Sunday and 中秋节. */
  g_assert_cmpstr (get (obligations, 5, "per-term", "2026-T1")->due_date, ==, "2026-03-27");
  o = get (obligations, 5, "per-term", "2026-T2");
  g_assert_cmpstr (o->due_date, ==, "2026-09-29");
  g_assert_cmpstr (o->explanation, ==,
                   "20 working days after the term 2026-T2 begins on 2026-09-01: "
                   "skips 中秋节 2026-09-25…09-27, counts the make-up working day 2026-09-20");
  g_assert_cmpstr (o->window_start, ==, "2026-09-01");
  g_assert_cmpstr (o->window_end, ==, "2027-01-31");

  /* on-event items have no obligation until an event is recorded. */
  g_assert_null (find (obligations, 14, "on-event:5", "event:1"));

  /* Statuses on 10 March 2026. */
  g_assert_cmpint (get (obligations, 6, "yearly-after:01-31", "2025")->status, ==, GK_OBLIGATION_OVERDUE);
  g_assert_cmpint (get (obligations, 6, "yearly:03-31", "2026")->status, ==, GK_OBLIGATION_OPEN);
  /* Within 5 working days of 25 March (that is, by 1 April): due soon. */
  g_assert_cmpstr (status_of (f, 6, "yearly:03-31", "2026", "2026-03-25"), ==, "due-soon");
  g_assert_cmpstr (status_of (f, 5, "per-term", "2026-T1", "2026-03-25"), ==, "due-soon");
}

static void
test_default_range (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) clock = g_date_time_new_from_iso8601 ("2026-05-20T04:00:00Z", NULL);
  g_autoptr(GPtrArray) obligations = NULL;
  GkObligationQuery query = { .from = "2026-02-01", .to = "2026-01-01" };

  /* The open year and the next, by the database clock. */
  gk_database_set_clock (f->db, clock);
  g_assert_cmpint (gk_obligations_open_year (f->db), ==, 2026);
  obligations = gk_obligations_list (f->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((GkObligation *) g_ptr_array_index (obligations, 0))->due_date, >=, "2026-01-01");
  g_assert_cmpstr (((GkObligation *) g_ptr_array_index (obligations, obligations->len - 1))->due_date, <=, "2027-12-31");
  g_assert_nonnull (find (obligations, 21, "half-yearly", "2027-H1"));
  g_assert_cmpint (get (obligations, 21, "half-yearly", "2026-H1")->status, ==, GK_OBLIGATION_OPEN);
  g_assert_cmpint (get (obligations, 21, "half-yearly", "2025-H2")->status, ==, GK_OBLIGATION_OVERDUE);

  g_assert_null (gk_obligations_list (f->db, &query, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
}

static void
test_spring_festival (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autofree char *period = NULL;
  gint64 events_before = gk_test_query_int (f->db, "SELECT count(*) FROM audit_events");
  gint64 event;
  GkObligation *o;

  /* Only a unit responsible for the item, or party office, records its events. */
  g_assert_cmpint (gk_obligations_record_event (f->db, f->staff, item_id (f, 14), "2026-02-12", "评奖结果确定", &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Item 6 has no on-event rule. */
  g_assert_cmpint (gk_obligations_record_event (f->db, f->office, item_id (f, 6), "2026-02-12", "计划", &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gk_obligations_record_event (f->db, f->student_affairs, item_id (f, 14), "2026-02-30", "x", &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM item_events"), ==, 0);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM audit_events"), ==, events_before);

  /* Item 14 (on-event:5), decided on Thursday 12 February 2026. Counted
   * by hand: Friday 13th (1), Saturday 14th, a make-up working day (2),
   * then 春节 15–23, Tuesday 24th (3), 25th (4), 26th (5). */
  event = gk_obligations_record_event (f->db, f->student_affairs, item_id (f, 14), "2026-02-12",
                                       "2025—2026学年奖学金评审结果确定", &error);
  g_assert_no_error (error);
  g_assert_cmpint (event, >, 0);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM audit_events WHERE entity = 'item-event'"), ==, 1);

  obligations = list (f, "2026-01-01", "2026-12-31", "2026-02-25");
  period = g_strdup_printf ("event:%" G_GINT64_FORMAT, event);
  o = get (obligations, 14, "on-event:5", period);
  g_assert_cmpstr (o->due_date, ==, "2026-02-26");
  g_assert_cmpstr (o->explanation, ==,
                   "5 working days after the event of 2026-02-12: "
                   "skips 春节 2026-02-15…02-23, counts the make-up working day 2026-02-14");
  g_assert_cmpstr (o->event_description, ==, "2025—2026学年奖学金评审结果确定");
  g_assert_cmpstr (o->organizations, ==, "学工部(处)");
  g_assert_cmpint (o->status, ==, GK_OBLIGATION_DUE_SOON);
  g_assert_cmpstr (status_of (f, 14, "on-event:5", period, "2026-02-27"), ==, "overdue");
}

static void
test_waiver (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  gint64 events_before = gk_test_query_int (f->db, "SELECT count(*) FROM audit_events");
  gint64 item = item_id (f, 21);
  GkObligation *o;

  /* Staff may not waive; neither may the head of an unrelated unit. */
  g_assert_false (gk_obligations_waive (f->db, f->staff, item, "half-yearly", "2026-H1", "本期无收支", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "principal"));
  g_clear_error (&error);
  /* A rule the item does not have, a period of another rule, no reason. */
  g_assert_false (gk_obligations_waive (f->db, f->principal, item, "monthly", "2026-07", "x", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_obligations_waive (f->db, f->principal, item, "half-yearly", "2026-Q1", "x", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_obligations_waive (f->db, f->principal, item, "half-yearly", "2026-H3", "x", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_obligations_waive (f->db, f->principal, item, "half-yearly", "2026-H1", "  ", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM obligation_waivers"), ==, 0);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM audit_events"), ==, events_before);

  gk_obligations_waive (f->db, f->principal, item, "half-yearly", "2026-H1", "上半年党费并入全年统一公开", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM audit_events WHERE entity = 'obligation-waiver'"), ==, 1);
  /* Once only. */
  g_assert_false (gk_obligations_waive (f->db, f->principal, item, "half-yearly", "2026-H1", "again", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Party office may waive any item's obligation. */
  gk_obligations_waive (f->db, f->office, item_id (f, 6), "yearly:03-31", "2026", "计划已在全委会上公开", &error);
  g_assert_no_error (error);

  /* A waived obligation is neither overdue nor open. */
  obligations = list (f, "2026-01-01", "2027-12-31", "2026-09-01");
  o = get (obligations, 21, "half-yearly", "2026-H1");
  g_assert_cmpint (o->status, ==, GK_OBLIGATION_WAIVED);
  g_assert_cmpstr (o->waiver_reason, ==, "上半年党费并入全年统一公开");
  g_assert_cmpint (get (obligations, 6, "yearly:03-31", "2026")->status, ==, GK_OBLIGATION_WAIVED);
  g_assert_cmpint (get (obligations, 21, "half-yearly", "2025-H2")->status, ==, GK_OBLIGATION_OVERDUE);
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attention = NULL;
  gboolean found = FALSE;

  /* Item 21's 2026-H1 falls due on Tuesday 14 July 2026. */
  g_assert_cmpstr (status_of (f, 21, "half-yearly", "2026-H1", "2026-07-06"), ==, "open");
  g_assert_cmpstr (status_of (f, 21, "half-yearly", "2026-H1", "2026-07-07"), ==, "due-soon");
  g_assert_cmpstr (status_of (f, 21, "half-yearly", "2026-H1", "2026-07-14"), ==, "due-soon");
  g_assert_cmpstr (status_of (f, 21, "half-yearly", "2026-H1", "2026-07-15"), ==, "overdue");

  /* The start-up toast of 组织部's principal on Wednesday 15 July: his
   * units' overdue obligations and those due by Sunday, nothing else. */
  attention = gk_obligations_attention (f->db, f->principal, "2026-07-15", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < attention->len; i++)
    {
      GkObligation *o = g_ptr_array_index (attention, i);

      g_assert_nonnull (strstr (o->organizations, "组织部"));
      g_assert_cmpstr (o->due_date, <=, "2026-07-19");
      g_assert_true (o->status == GK_OBLIGATION_OVERDUE || o->status == GK_OBLIGATION_DUE_SOON);
      if (o->item_number == 21 && g_str_equal (o->period, "2026-H1"))
        found = TRUE;
    }
  g_assert_true (found);
  g_clear_pointer (&attention, g_ptr_array_unref);

  /* The leader's role is at 党委, which is responsible for no item. */
  attention = gk_obligations_attention (f->db, f->leader, "2026-07-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attention->len, ==, 0);
}

static const GkStepArgs passing_review = {
  .secrecy = "ok", .necessity = "ok", .accuracy = "ok", .risk = "low",
};

static void
act (Fixture          *f,
     gint64            actor,
     gint64            notice,
     GkAction          action,
     const GkStepArgs *args)
{
  g_autoptr(GError) error = NULL;

  gk_workflow_act (f->db, actor, notice, action, args, &error);
  g_assert_no_error (error);
}

static gint64
new_notice (Fixture    *f,
            const char *planned_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) audiences = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) methods = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 audience = gk_directory_find_audience (f->db, "全体党员", NULL);
  gint64 method = gk_directory_find_method (f->db, "会议", NULL);
  GkNoticePlan plan = {
    .organization_id = gk_directory_find_organization (f->db, "组织部", NULL),
    .item_id = item_id (f, 21),
    .title = "2026年上半年党费收缴、管理和使用情况",
    .body = "现将2026年上半年党费收缴、管理和使用情况公开如下。",
    .audience_ids = audiences,
    .planned_date = planned_date,
    .method_ids = methods,
  };
  gint64 id;

  g_array_append_val (audiences, audience);
  g_array_append_val (methods, method);
  id = gk_workflow_create (f->db, f->staff, &plan, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_done_by_notice (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) named = NULL;
  gint64 id = new_notice (f, "2026-07-10");
  GkObligation *o;

  /* In progress: planned, with the notice's planned date beside it. */
  before = list (f, "2026-01-01", "2027-12-31", "2026-07-01");
  o = get (before, 21, "half-yearly", "2026-H1");
  g_assert_cmpint (o->status, ==, GK_OBLIGATION_PLANNED);
  g_assert_cmpint (o->notice_id, ==, id);
  g_assert_cmpstr (o->planned_date, ==, "2026-07-10");
  g_assert_null (o->published_date);

  act (f, f->staff, id, GK_ACTION_SUBMIT, NULL);
  act (f, f->principal, id, GK_ACTION_REVIEW, &passing_review);
  act (f, f->leader, id, GK_ACTION_APPROVE, &(GkStepArgs) { .pdf_sha256 = "feedc0de" });
  act (f, f->staff, id, GK_ACTION_PUBLISH, &(GkStepArgs) { .date = "2026-07-12" });

  /* Published inside the window of 2026-H1 (and of 2026-H2, which falls
   * due later): it fulfils 2026-H1 only. */
  after = list (f, "2026-01-01", "2027-12-31", "2026-08-01");
  o = get (after, 21, "half-yearly", "2026-H1");
  g_assert_cmpint (o->status, ==, GK_OBLIGATION_DONE);
  g_assert_cmpint (o->notice_id, ==, id);
  g_assert_cmpstr (o->published_date, ==, "2026-07-12");
  g_assert_cmpstr (o->notice_title, ==, "2026年上半年党费收缴、管理和使用情况");
  g_assert_cmpint (get (after, 21, "half-yearly", "2026-H2")->status, ==, GK_OBLIGATION_OPEN);
  g_assert_cmpint (get (after, 21, "half-yearly", "2025-H2")->status, ==, GK_OBLIGATION_OVERDUE);

  /* A notice that names its obligation fulfils that one, whatever its
   * date. (No API sets notices.obligation yet: the notice editor will.) */
  g_assert_true (gk_database_exec (f->db, "UPDATE notices SET obligation = 'half-yearly@2025-H2'", NULL));
  named = list (f, "2026-01-01", "2027-12-31", "2026-08-01");
  g_assert_cmpint (get (named, 21, "half-yearly", "2025-H2")->status, ==, GK_OBLIGATION_DONE);
  g_assert_cmpint (get (named, 21, "half-yearly", "2026-H1")->status, ==, GK_OBLIGATION_OVERDUE);
}

static void
test_by_day (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  GkObligationQuery query = { .from = "2026-07-01", .to = "2026-07-31", .today = "2026-07-01" };
  gint64 id = new_notice (f, "2026-07-10");
  gboolean seen_notice = FALSE, seen_due = FALSE;

  days = gk_obligations_by_day (f->db, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < days->len; i++)
    {
      GkCalendarDay *day = g_ptr_array_index (days, i);

      g_assert_true (day->obligations->len + day->notices->len > 0);
      if (i > 0)
        g_assert_cmpstr (((GkCalendarDay *) g_ptr_array_index (days, i - 1))->date, <, day->date);
      if (g_str_equal (day->date, "2026-07-10"))
        {
          g_assert_cmpuint (day->notices->len, ==, 1);
          g_assert_cmpint (((GkPlannedNotice *) g_ptr_array_index (day->notices, 0))->id, ==, id);
          seen_notice = TRUE;
        }
      if (g_str_equal (day->date, "2026-07-14"))
        seen_due = find (day->obligations, 21, "half-yearly", "2026-H1") != NULL;
    }
  g_assert_true (seen_notice);
  g_assert_true (seen_due);

  /* "Mine" for 学工部(处)'s staff: neither 组织部's obligations nor its notices. */
  query.from = "2026-01-01";
  query.to = "2026-12-31";
  query.person_id = f->student_affairs;
  mine = gk_obligations_by_day (f->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, >, 0);
  for (guint i = 0; i < mine->len; i++)
    {
      GkCalendarDay *day = g_ptr_array_index (mine, i);

      g_assert_cmpuint (day->notices->len, ==, 0);
      for (guint j = 0; j < day->obligations->len; j++)
        g_assert_nonnull (strstr (((GkObligation *) g_ptr_array_index (day->obligations, j))->organizations, "学工部(处)"));
    }
}

/* Every field of OBLIGATIONS (GkObligation), one line each. */
static void
describe_obligations (GString   *text,
                      GPtrArray *obligations)
{
  for (guint i = 0; i < obligations->len; i++)
    {
      GkObligation *o = g_ptr_array_index (obligations, i);

      g_string_append_printf (text, "%u %s@%s due %s [%s…%s] %s; %s; notice %" G_GINT64_FORMAT " %s %s %s; %s; %s\n",
                              o->item_number, o->rule, o->period, o->due_date, o->window_start, o->window_end,
                              gk_obligation_status_to_string (o->status), o->explanation, o->notice_id,
                              o->notice_title ? o->notice_title : "-", o->planned_date ? o->planned_date : "-",
                              o->published_date ? o->published_date : "-", o->waiver_reason ? o->waiver_reason : "-",
                              o->organizations);
    }
}

static char *
describe_days (GPtrArray *days)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < days->len; i++)
    {
      GkCalendarDay *day = g_ptr_array_index (days, i);

      g_string_append_printf (text, "%s:\n", day->date);
      describe_obligations (text, day->obligations);
      for (guint j = 0; j < day->notices->len; j++)
        {
          GkPlannedNotice *notice = g_ptr_array_index (day->notices, j);

          g_string_append_printf (text, "notice %" G_GINT64_FORMAT " %s %s\n", notice->id, notice->title, notice->state);
        }
    }
  return g_string_free (text, FALSE);
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* Off the main loop, on a connection of its own: the same obligations and
 * plans as on the caller's connection, with the caller's clock for today;
 * a cancelled computation says so. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) clock = g_date_time_new_from_iso8601 ("2026-07-20T02:00:00Z", NULL);
  const GkObligationQuery queries[] = {
    { .from = "2026-06-29", .to = "2026-08-09" },
    { .from = "2025-12-29", .to = "2026-02-08", .today = "2026-01-20" },
    { .from = "2025-01-01", .to = "2027-12-31", .person_id = f->student_affairs },
    { .from = "2026-01-01", .to = "2026-12-31", .organization_id = gk_test_query_int (f->db,
                                                  "SELECT id FROM organizations WHERE short_name = '组织部'") },
  };
  gint64 published = new_notice (f, "2026-07-10");

  /* Something of everything: an event, a waiver, a notice published, one
   * in progress, one naming its obligation. */
  gk_database_set_clock (f->db, clock);
  gk_obligations_record_event (f->db, f->office, item_id (f, 14), "2026-07-01", "评审结果确定", &error);
  g_assert_no_error (error);
  gk_obligations_waive (f->db, f->office, item_id (f, 6), "yearly:03-31", "2026", "已合并公开", &error);
  g_assert_no_error (error);
  act (f, f->staff, published, GK_ACTION_SUBMIT, NULL);
  act (f, f->principal, published, GK_ACTION_REVIEW, &passing_review);
  act (f, f->leader, published, GK_ACTION_APPROVE, &(GkStepArgs) { .pdf_sha256 = "feedc0de" });
  act (f, f->staff, published, GK_ACTION_PUBLISH, &(GkStepArgs) { .date = "2026-07-12" });
  new_notice (f, "2026-07-30");
  g_assert_true (gk_database_exec (f->db, "UPDATE notices SET obligation = 'half-yearly@2025-H2'"
                                          " WHERE id = (SELECT max (id) FROM notices)", NULL));

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) here = gk_obligations_by_day (f->db, &queries[q], &error);
      g_autoptr(GPtrArray) there = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;

      g_assert_no_error (error);
      gk_obligations_by_day_async (f->db, &queries[q], NULL, on_async_done, &result);
      there = gk_obligations_by_day_finish (wait_for_result (&result), &error);
      g_assert_no_error (error);
      expected = describe_days (here);
      actual = describe_days (there);
      g_assert_cmpstr (actual, ==, expected);
      g_assert_cmpuint (strlen (expected), >, 0);
    }

  /* The start-up toast's list, today being the database clock's. */
  {
    g_autoptr(GPtrArray) here = gk_obligations_attention (f->db, f->principal, NULL, &error);
    g_autoptr(GPtrArray) there = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GString) expected = g_string_new (NULL);
    g_autoptr(GString) actual = g_string_new (NULL);

    g_assert_no_error (error);
    gk_obligations_attention_async (f->db, f->principal, NULL, NULL, on_async_done, &result);
    there = gk_obligations_attention_finish (wait_for_result (&result), &error);
    g_assert_no_error (error);
    describe_obligations (expected, here);
    describe_obligations (actual, there);
    g_assert_cmpstr (actual->str, ==, expected->str);
    g_assert_cmpuint (here->len, >, 0);
    g_assert_nonnull (find (here, 21, "half-yearly", "2025-H2"));
  }

  /* Cancelled: no result, and a clear error. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) none = NULL;

    gk_obligations_by_day_async (f->db, &queries[2], cancellable, on_async_done, &result);
    g_cancellable_cancel (cancellable);
    none = gk_obligations_by_day_finish (wait_for_result (&result), &error);
    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
}

/* RFC 5545 §3.1 checked strictly: CRLF line ends only, at most 75 octets
 * a line, folds between UTF-8 characters. Returns the unfolded lines. */
static GPtrArray *
check_and_unfold (const char *text)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) physical = NULL;
  guint n;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      g_assert_true (p > text && p[-1] == '\r');

  physical = g_strsplit (text, "\r\n", -1);
  n = g_strv_length (physical);
  g_assert_cmpstr (physical[n - 1], ==, "");
  for (guint i = 0; i + 1 < n; i++)
    {
      const char *line = physical[i];

      g_assert_cmpuint (strlen (line), <=, 75);
      g_assert_true (g_utf8_validate (line, -1, NULL));
      g_assert_null (strchr (line, '\r'));
      if (line[0] == ' ')
        {
          char *joined;

          g_assert_cmpuint (lines->len, >, 0);
          joined = g_strconcat (g_ptr_array_index (lines, lines->len - 1), line + 1, NULL);
          g_free (g_ptr_array_index (lines, lines->len - 1));
          g_ptr_array_index (lines, lines->len - 1) = joined;
        }
      else
        {
          g_ptr_array_add (lines, g_strdup (line));
        }
    }
  return g_steal_pointer (&lines);
}

static void
test_ics (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) clock = g_date_time_new_from_iso8601 ("2026-03-10T08:30:00Z", NULL);
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *event_uid = NULL;
  const char *description = "评审结果确定, 公示期满; 路径 C:\\奖学金\n见附件";
  GkObligationQuery query = { .from = "2026-01-01", .to = "2026-12-31", .today = "2026-03-10" };
  icalcomponent *calendar;
  guint n_events = 0;
  gboolean long_line_folded = FALSE, seen_event = FALSE, seen_notice = FALSE, seen_waived = FALSE;
  gint64 event;

  gk_database_set_clock (f->db, clock);
  event = gk_obligations_record_event (f->db, f->office, item_id (f, 14), "2026-02-12", description, &error);
  g_assert_no_error (error);
  gk_obligations_waive (f->db, f->office, item_id (f, 6), "yearly:03-31", "2026", "已合并公开", &error);
  g_assert_no_error (error);
  new_notice (f, "2026-07-10");

  text = gk_ical_export (f->db, &query, &error);
  g_assert_no_error (error);
  /* The same database, the same text: DTSTAMP is the database clock. */
  again = gk_ical_export (f->db, &query, &error);
  g_assert_cmpstr (text, ==, again);

  /* Our own strict reading: line ends, folding and escaping. */
  lines = check_and_unfold (text);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, "END:VCALENDAR");
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (strlen (line) > 75)
        long_line_folded = TRUE;
      if (g_str_has_prefix (line, "DTSTAMP:"))
        g_assert_cmpstr (line, ==, "DTSTAMP:20260310T083000Z");
      if (g_str_has_prefix (line, "DESCRIPTION:") &&
          strstr (line, "评审结果确定\\, 公示期满\\; 路径 C:\\\\奖学金\\n见附件") != NULL)
        seen_event = TRUE;
    }
  g_assert_true (long_line_folded);
  g_assert_true (seen_event);

  /* libical's reading. */
  obligations = gk_obligations_list (f->db, &query, &error);
  g_assert_no_error (error);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  event_uid = g_strdup_printf ("obligation-%" G_GINT64_FORMAT "-on-event:5-event:%" G_GINT64_FORMAT "@gongkai",
                               item_id (f, 14), event);

  for (icalcomponent *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL;
       vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (vevent);
      struct icaltimetype start = icalcomponent_get_dtstart (vevent);
      struct icaltimetype stamp = icalcomponent_get_dtstamp (vevent);

      n_events++;
      g_assert_nonnull (uid);
      g_assert_false (g_hash_table_contains (uids, uid));
      g_hash_table_add (uids, g_strdup (uid));
      g_assert_true (start.is_date);
      g_assert_cmpint (stamp.year, ==, 2026);
      g_assert_cmpint (stamp.hour, ==, 8);
      g_assert_cmpint (stamp.minute, ==, 30);
      g_assert_nonnull (icalcomponent_get_summary (vevent));

      if (g_str_equal (uid, event_uid))
        {
          g_autofree char *expected_summary = g_strdup_printf ("Item 14: 大学生评奖评优结果 (event:%" G_GINT64_FORMAT ")", event);

          g_assert_cmpint (start.year, ==, 2026);
          g_assert_cmpint (start.month, ==, 2);
          g_assert_cmpint (start.day, ==, 26);
          g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, expected_summary);
          g_assert_nonnull (strstr (icalcomponent_get_description (vevent), description));
          g_assert_nonnull (strstr (icalcomponent_get_description (vevent), "skips 春节 2026-02-15…02-23"));
        }
      if (g_str_has_prefix (uid, "notice-"))
        {
          g_assert_cmpint (start.month, ==, 7);
          g_assert_cmpint (start.day, ==, 10);
          g_assert_cmpint (icalcomponent_get_status (vevent), ==, ICAL_STATUS_TENTATIVE);
          seen_notice = TRUE;
        }
      if (icalcomponent_get_status (vevent) == ICAL_STATUS_CANCELLED)
        {
          g_assert_nonnull (strstr (icalcomponent_get_description (vevent), "已合并公开"));
          seen_waived = TRUE;
        }
    }
  icalcomponent_free (calendar);

  g_assert_cmpuint (n_events, ==, obligations->len + 1);
  g_assert_true (g_hash_table_contains (uids, event_uid));
  g_assert_true (seen_notice);
  g_assert_true (seen_waived);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/obligations/year-end", test_year_end);
  ADD ("/obligations/default-range", test_default_range);
  ADD ("/obligations/spring-festival", test_spring_festival);
  ADD ("/obligations/waiver", test_waiver);
  ADD ("/obligations/overdue", test_overdue);
  ADD ("/obligations/done-by-notice", test_done_by_notice);
  ADD ("/obligations/by-day", test_by_day);
  ADD ("/obligations/async", test_async);
  ADD ("/obligations/ics", test_ics);
#undef ADD

  return g_test_run ();
}
