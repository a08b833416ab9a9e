/* The preferences that live in the database: the settings table written
 * with its audit event, and the printed notice that follows the red-header
 * issuer, the document-number pattern and the signature; and the font a
 * user prefers for a role. */

#include <poppler.h>
#include <string.h>

#include "core/gk-audit.h"
#include "core/gk-directory.h"
#include "core/gk-notices.h"
#include "core/gk-workflow.h"
#include "pdf/gk-fonts.h"
#include "pdf/gk-notice-print.h"
#include "gk-test-util.h"

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static gint64
count_events (GkDatabase *db,
              const char *entity)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM audit_events WHERE entity = '%s'", entity);

  return gk_test_query_int (db, sql);
}

static char *
last_event_json (GkDatabase *db,
                 const char *column)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT %s FROM audit_events ORDER BY id DESC LIMIT 1", column);
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_set_setting (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  gint64 broken = 0;

  g_assert_null (gk_database_get_setting (db, GK_SETTING_REDHEAD_ISSUER));
  g_assert_cmpint (count_events (db, "setting:redhead-issuer"), ==, 0);

  g_assert_true (gk_database_set_setting (db, GK_SETTING_REDHEAD_ISSUER, "中共晋中学院委员会文件", &error));
  g_assert_no_error (error);
  value = gk_database_get_setting (db, GK_SETTING_REDHEAD_ISSUER);
  g_assert_cmpstr (value, ==, "中共晋中学院委员会文件");
  g_assert_cmpint (count_events (db, "setting:redhead-issuer"), ==, 1);
  old_json = last_event_json (db, "old_json");
  new_json = last_event_json (db, "new_json");
  g_assert_cmpstr (old_json, ==, "{\"value\":null}");
  g_assert_cmpstr (new_json, ==, "{\"value\":\"中共晋中学院委员会文件\"}");

  /* The same value again is no change and no event. */
  g_assert_true (gk_database_set_setting (db, GK_SETTING_REDHEAD_ISSUER, "中共晋中学院委员会文件", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (db, "setting:redhead-issuer"), ==, 1);

  /* A key the template set: changed, old value in the event. */
  g_assert_true (gk_database_set_setting (db, "application-deadline-days", "15", &error));
  g_assert_no_error (error);
  g_clear_pointer (&old_json, g_free);
  old_json = last_event_json (db, "old_json");
  g_assert_cmpstr (old_json, ==, "{\"value\":\"20\"}");
  g_clear_pointer (&value, g_free);
  value = gk_database_get_setting (db, "application-deadline-days");
  g_assert_cmpstr (value, ==, "15");

  /* Empty removes the key, so that the default applies again. */
  g_assert_true (gk_database_set_setting (db, GK_SETTING_REDHEAD_ISSUER, "", &error));
  g_assert_no_error (error);
  g_assert_null (gk_database_get_setting (db, GK_SETTING_REDHEAD_ISSUER));
  g_assert_cmpint (count_events (db, "setting:redhead-issuer"), ==, 2);
  g_clear_pointer (&new_json, g_free);
  new_json = last_event_json (db, "new_json");
  g_assert_cmpstr (new_json, ==, "{\"value\":null}");

  g_assert_true (gk_audit_verify (db, &broken, &error));
  g_assert_no_error (error);
}

static void
test_expand (void)
{
  g_autofree char *number = gk_notice_print_expand ("党办字〔{year}〕{n}号", "组织部", 2026, 3);
  g_autofree char *with_org = gk_notice_print_expand ("{org}字〔{year}〕{n}号", "组织部", 2026, 12);
  g_autofree char *unknown = gk_notice_print_expand ("{org}{month}{", NULL, 2026, 1);

  g_assert_cmpstr (number, ==, "党办字〔2026〕3号");
  g_assert_cmpstr (with_org, ==, "组织部字〔2026〕12号");
  g_assert_cmpstr (unknown, ==, "{month}{");
}

typedef struct
{
  gint64 staff;
} People;

static gboolean
add_staff (GkDatabase *db,
           gpointer    user_data,
           GError    **error)
{
  People *people = user_data;
  gint64 dept = gk_directory_find_organization (db, "组织部", error);

  if (dept == 0)
    return FALSE;
  people->staff = gk_directory_add_person (db, "王干事", NULL, NULL, error);
  return people->staff != 0 && gk_directory_add_role (db, people->staff, dept, "staff", error);
}

static gint64
first_id (GkDatabase *db,
          const char *sql)
{
  gint64 id = gk_test_query_int (db, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

static GkNoticeContent *
new_notice_content (GkDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) audiences = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) methods = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GkNotice) notice = NULL;
  GkNoticePlan plan = { 0 };
  People people = { 0 };
  gint64 audience = first_id (db, "SELECT id FROM audiences WHERE name = '全体党员'");
  gint64 method = first_id (db, "SELECT id FROM methods WHERE name = '公开栏'");
  gint64 notice_id;
  GkNoticeContent *content;

  g_assert_true (gk_database_write (db, add_staff, &people, &error));
  g_assert_no_error (error);

  g_array_append_val (audiences, audience);
  g_array_append_val (methods, method);
  plan.organization_id = gk_directory_find_organization (db, "组织部", NULL);
  plan.title = "关于发展党员工作情况的公示";
  plan.body = "现将2026年上半年发展党员工作情况公示如下。";
  plan.audience_ids = audiences;
  plan.planned_date = "2026-07-10";
  plan.method_ids = methods;
  notice_id = gk_workflow_create (db, people.staff, &plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (notice_id, >, 0);

  notice = gk_notices_get (db, notice_id, &error);
  g_assert_no_error (error);
  content = gk_notice_print_content (db, notice, &error);
  g_assert_no_error (error);
  g_assert_nonnull (content);
  return content;
}

static char *
printed_text (const GkNoticeContent *content)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = gk_notice_print_render (content, GK_NOTICE_LAYOUT_REDHEAD, NULL, NULL, &error);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  return poppler_page_get_text (page);
}

/* Poppler may put spaces or line breaks between the characters of a
 * spaced-out line: compare without them. */
static gboolean
contains_squeezed (const char *text,
                   const char *needle)
{
  g_autoptr(GString) squeezed = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (squeezed, c);
    }
  return strstr (squeezed->str, needle) != NULL;
}

static void
test_notice_defaults (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GkNoticeContent) content = new_notice_content (db);

  g_assert_cmpstr (content->issuer, ==, "党委组织部文件");
  g_assert_cmpstr (content->doc_number, ==, "组织部字〔2026〕1号");
  g_assert_cmpstr (content->signature, ==, "党委组织部");
}

static void
test_notice_follows_settings (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GkNoticeContent) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (gk_database_set_setting (db, GK_SETTING_REDHEAD_ISSUER, "中共晋中学院委员会文件", &error) &&
                 gk_database_set_setting (db, GK_SETTING_DOC_NUMBER_PATTERN, "党办字〔{year}〕{n}号", &error) &&
                 gk_database_set_setting (db, GK_SETTING_SIGNATURE, "中共晋中学院{org}", &error) &&
                 gk_database_set_setting (db, GK_SETTING_FEEDBACK_CHANNEL, "书记信箱 sj@example.edu.cn", &error));
  g_assert_no_error (error);

  content = new_notice_content (db);
  g_assert_cmpstr (content->issuer, ==, "中共晋中学院委员会文件");
  g_assert_cmpstr (content->doc_number, ==, "党办字〔2026〕1号");
  g_assert_cmpstr (content->signature, ==, "中共晋中学院党委组织部");
  g_assert_cmpstr (content->feedback, ==, "书记信箱 sj@example.edu.cn");

  /* And the printed red-header notice says so. */
  text = printed_text (content);
  g_assert_true (contains_squeezed (text, "中共晋中学院委员会文件"));
  g_assert_true (contains_squeezed (text, "党办字〔2026〕1号"));
  g_assert_true (contains_squeezed (text, "中共晋中学院党委组织部"));
  g_assert_false (contains_squeezed (text, "组织部字"));
}

static void
test_preferred_font (void)
{
  g_autoptr(GkFontChoice) listed = NULL;
  g_autoptr(GkFontChoice) missing = NULL;
  g_autoptr(GkFontChoice) cleared = NULL;
  g_autofree char *kept = NULL;

  if (g_getenv ("GONGKAI_FONT_BODY") != NULL)
    {
      g_test_skip ("GONGKAI_FONT_BODY overrides the preference");
      return;
    }

  gk_fonts_set_preferred (GK_FONT_ROLE_BODY, "No Such Font For Gongkai");
  kept = gk_fonts_dup_preferred (GK_FONT_ROLE_BODY);
  g_assert_cmpstr (kept, ==, "No Such Font For Gongkai");
  missing = gk_font_choice_new (GK_FONT_ROLE_BODY);
  /* Wanted, not installed: the role falls back to the list. */
  g_assert_cmpstr (gk_font_choice_get_wanted (missing), ==, "No Such Font For Gongkai");
  g_assert_false (gk_font_choice_is_wanted_installed (missing));
  g_assert_cmpstr (gk_font_choice_get_family (missing), !=, "No Such Font For Gongkai");

  gk_fonts_set_preferred (GK_FONT_ROLE_BODY, NULL);
  g_assert_null (gk_fonts_dup_preferred (GK_FONT_ROLE_BODY));
  cleared = gk_font_choice_new (GK_FONT_ROLE_BODY);
  g_assert_cmpstr (gk_font_choice_get_wanted (cleared), ==, gk_fonts_get_fallbacks (GK_FONT_ROLE_BODY)[0]);

  /* An installed family is used as soon as it is preferred. */
  gk_fonts_set_preferred (GK_FONT_ROLE_BODY, gk_font_choice_get_family (cleared));
  listed = gk_font_choice_new (GK_FONT_ROLE_BODY);
  g_assert_cmpstr (gk_font_choice_get_wanted (listed), ==, gk_font_choice_get_family (cleared));
  g_assert_cmpstr (gk_font_choice_get_family (listed), ==, gk_font_choice_get_family (cleared));
  g_assert_true (gk_font_choice_is_wanted_installed (listed));
  gk_fonts_set_preferred (GK_FONT_ROLE_BODY, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings/set", test_set_setting);
  g_test_add_func ("/settings/expand", test_expand);
  g_test_add_func ("/settings/notice/defaults", test_notice_defaults);
  g_test_add_func ("/settings/notice/follows-settings", test_notice_follows_settings);
  g_test_add_func ("/settings/fonts/preferred", test_preferred_font);

  return g_test_run ();
}
