/* The audit viewer: the trail filtered by person, organization, notice
 * and date, paged, with old → new values; a changed row found by verify. */

#include <string.h>

#include "core/gk-audit.h"
#include "core/gk-audit-query.h"
#include "core/gk-core-error.h"
#include "core/gk-demo.h"
#include "core/gk-directory.h"
#include "gk-test-util.h"

static GkDatabase *
demo_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 11, 27, 10, 0, 0);
  g_autoptr(GkDatabase) db = gk_test_template_db ();

  g_assert_true (gk_demo_populate (db, today, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static GPtrArray *
list (GkDatabase         *db,
      const GkAuditQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = gk_audit_query_list (db, query, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gk_audit_query_count (db, &(GkAuditQuery) { .person_id = query->person_id,
                                                                .organization_id = query->organization_id,
                                                                .notice_id = query->notice_id,
                                                                .event_id = query->event_id,
                                                                .entity = query->entity,
                                                                .entity_id = query->entity_id,
                                                                .from = query->from,
                                                                .to = query->to }, NULL),
                   >=, entries->len);
  return entries;
}

static void
test_filters (void)
{
  g_autoptr(GkDatabase) db = demo_db ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) by_person = NULL;
  g_autoptr(GPtrArray) by_notice = NULL;
  g_autoptr(GPtrArray) by_org = NULL;
  g_autoptr(GPtrArray) by_branch = NULL;
  g_autoptr(GPtrArray) by_date = NULL;
  g_autoptr(GPtrArray) page = NULL;
  gint64 person = gk_directory_find_person (db, "张明", NULL);
  gint64 org = gk_directory_find_organization (db, "文学院党总支", NULL);
  gint64 branch = gk_directory_find_organization (db, "文学院教工党支部", NULL);
  gint64 notice = gk_test_query_int (db, "SELECT id FROM notices WHERE state = 'published' ORDER BY id LIMIT 1");
  gint64 total = gk_test_query_int (db, "SELECT count(*) FROM audit_events");
  g_autofree char *person_sql = g_strdup_printf ("SELECT count(*) FROM audit_events WHERE person_id = %" G_GINT64_FORMAT, person);
  g_autofree char *notice_sql = g_strdup_printf ("SELECT count(*) FROM notice_events WHERE notice_id = %" G_GINT64_FORMAT, notice);

  all = list (db, &(GkAuditQuery) { 0 });
  g_assert_cmpint (all->len, ==, total);
  g_assert_cmpint (gk_audit_query_count (db, NULL, NULL), ==, total);

  by_person = list (db, &(GkAuditQuery) { .person_id = person });
  g_assert_cmpuint (by_person->len, >, 0);
  g_assert_cmpint (by_person->len, ==, gk_test_query_int (db, person_sql));
  for (guint i = 0; i < by_person->len; i++)
    g_assert_cmpstr (((GkAuditEntry *) by_person->pdata[i])->person, ==, "张明");

  /* A notice's events: the same as its history, one audit event per step. */
  by_notice = list (db, &(GkAuditQuery) { .notice_id = notice });
  g_assert_cmpint (by_notice->len, ==, gk_test_query_int (db, notice_sql));
  for (guint i = 0; i < by_notice->len; i++)
    {
      GkAuditEntry *entry = by_notice->pdata[i];

      g_assert_cmpstr (entry->entity, ==, "notice");
      g_assert_cmpint (entry->entity_id, ==, notice);
    }
  /* Old → new values of a step. */
  {
    GkAuditEntry *last = by_notice->pdata[by_notice->len - 1];
    g_autoptr(GPtrArray) changes = gk_audit_entry_changes (last);
    g_autofree char *text = gk_audit_entry_describe_changes (last);
    gboolean state_seen = FALSE;

    for (guint i = 0; i < changes->len; i++)
      {
        GkAuditChange *change = changes->pdata[i];

        if (g_str_equal (change->field, "state"))
          {
            state_seen = TRUE;
            g_assert_cmpstr (change->new_value, ==, "published");
          }
      }
    g_assert_true (state_seen);
    g_assert_nonnull (strstr (text, "→ published"));
  }

  /* One record's events: an application's, as its history shows them. */
  {
    gint64 application = gk_test_query_int (db, "SELECT id FROM applications WHERE state = 'replied' ORDER BY id LIMIT 1");
    g_autofree char *application_sql =
      g_strdup_printf ("SELECT count(*) FROM audit_events WHERE entity = 'application' AND entity_id = %" G_GINT64_FORMAT,
                       application);
    g_autoptr(GPtrArray) by_record = list (db, &(GkAuditQuery) { .entity = "application", .entity_id = application });

    /* Received, then replied at least. */
    g_assert_cmpuint (by_record->len, >=, 2);
    g_assert_cmpint (by_record->len, ==, gk_test_query_int (db, application_sql));
    for (guint i = 0; i < by_record->len; i++)
      g_assert_cmpint (((GkAuditEntry *) by_record->pdata[i])->entity_id, ==, application);
    g_assert_cmpstr (((GkAuditEntry *) by_record->pdata[0])->action, ==, "add");
    g_assert_cmpstr (((GkAuditEntry *) by_record->pdata[by_record->len - 1])->action, ==, "reply");
  }

  /* An organization takes in those under it: the general branch's trail
   * holds its branch's notices, the branch's does not hold the general
   * branch's own. */
  by_org = list (db, &(GkAuditQuery) { .organization_id = org });
  by_branch = list (db, &(GkAuditQuery) { .organization_id = branch });
  g_assert_cmpuint (by_branch->len, >, 0);
  g_assert_cmpuint (by_org->len, >, by_branch->len);
  for (guint i = 0; i < by_branch->len; i++)
    {
      GkAuditEntry *entry = by_branch->pdata[i];
      g_autofree char *sql = NULL;

      if (!g_str_equal (entry->entity, "notice"))
        continue;
      sql = g_strdup_printf ("SELECT organization_id FROM notices WHERE id = %" G_GINT64_FORMAT, entry->entity_id);
      g_assert_cmpint (gk_test_query_int (db, sql), ==, branch);
    }

  /* Dates are local days, inclusive. */
  by_date = list (db, &(GkAuditQuery) { .from = "2026-06-01", .to = "2026-06-30" });
  g_assert_cmpuint (by_date->len, >, 0);
  g_assert_cmpuint (by_date->len, <, all->len);

  /* Paging: the second page of ten starts with the eleventh event. */
  page = list (db, &(GkAuditQuery) { .limit = 10, .offset = 10 });
  g_assert_cmpuint (page->len, ==, 10);
  g_assert_cmpint (((GkAuditEntry *) page->pdata[0])->id, ==, ((GkAuditEntry *) all->pdata[10])->id);
}

static gboolean
tamper (GkDatabase *db,
        gpointer    user_data,
        GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("DROP TRIGGER audit_events_no_update;"
                                          "UPDATE audit_events SET new_json = '{\"state\":\"rejected\"}'"
                                          " WHERE id = %" G_GINT64_FORMAT ";",
                                          *(gint64 *) user_data);

  return gk_database_exec (db, sql, error);
}

static void
test_verify_finds_changed_row (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = demo_db ();
  g_autoptr(GPtrArray) found = NULL;
  gint64 total = gk_test_query_int (db, "SELECT count(*) FROM audit_events");
  gint64 victim = total / 2;
  gint64 broken = 0;

  g_assert_true (gk_audit_verify (db, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);

  gk_database_write (db, tamper, &victim, &error);
  g_assert_no_error (error);

  g_assert_false (gk_audit_verify (db, &broken, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_BROKEN_CHAIN);
  g_assert_cmpint (broken, ==, victim);

  /* The viewer shows the broken row with its (forged) values. */
  found = list (db, &(GkAuditQuery) { .event_id = broken });
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((GkAuditEntry *) found->pdata[0])->new_json, ==, "{\"state\":\"rejected\"}");
}

static void
test_changes (void)
{
  GkAuditEntry entry = {
    .old_json = (char *) "{\"state\":\"draft\",\"title\":\"甲\",\"n\":1}",
    .new_json = (char *) "{\"state\":\"submitted\",\"title\":\"甲\",\"note\":null}",
  };
  GkAuditEntry added = { .new_json = (char *) "{\"name\":\"组织部\"}" };
  g_autofree char *text = gk_audit_entry_describe_changes (&entry);
  g_autofree char *added_text = gk_audit_entry_describe_changes (&added);

  /* Unchanged fields left out; a missing side is ∅; numbers as JSON. */
  g_assert_cmpstr (text, ==, "state: draft → submitted; n: 1 → ∅");
  g_assert_cmpstr (added_text, ==, "name: 组织部");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit-query/filters", test_filters);
  g_test_add_func ("/audit-query/verify-finds-changed-row", test_verify_finds_changed_row);
  g_test_add_func ("/audit-query/changes", test_changes);

  return g_test_run ();
}
