/* calendar, holidays import and workday */

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "cli/gk-cli.h"
#include "core/gk-catalog.h"
#include "core/gk-core-error.h"
#include "core/gk-dates.h"
#include "core/gk-directory.h"
#include "core/gk-ical.h"
#include "core/gk-obligations.h"
#include "core/gk-workdays.h"

static gboolean
import_days (GkDatabase *db,
             gpointer    user_data,
             GError    **error)
{
  return gk_workdays_import (db, user_data, error) >= 0;
}

#define HOLIDAYS_USAGE "holidays import DB FILE | holidays set DB YYYY-MM-DD holiday|workday NAME | holidays remove DB YYYY-MM-DD"

static gboolean
holidays_import (int      argc,
                 char   **argv,
                 GError **error)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!gk_cli_parse (&argc, &argv, NULL, "holidays import DB FILE", 2, error))
    return FALSE;

  if (!g_file_get_contents (argv[2], &contents, NULL, &local_error))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }
  db = gk_cli_open (argv[1], error);
  return db != NULL && gk_database_write (db, import_days, contents, error);
}

static gboolean
holidays_set (int      argc,
              char   **argv,
              GError **error)
{
  g_autoptr(GkDatabase) db = NULL;

  if (!gk_cli_parse (&argc, &argv, NULL, "holidays set DB YYYY-MM-DD holiday|workday NAME", 4, error))
    return FALSE;
  db = gk_cli_open (argv[1], error);
  return db != NULL && gk_workdays_set_day (db, argv[2], argv[3], argv[4], error);
}

static gboolean
holidays_remove (int      argc,
                 char   **argv,
                 GError **error)
{
  g_autoptr(GkDatabase) db = NULL;

  if (!gk_cli_parse (&argc, &argv, NULL, "holidays remove DB YYYY-MM-DD", 2, error))
    return FALSE;
  db = gk_cli_open (argv[1], error);
  return db != NULL && gk_workdays_remove_day (db, argv[2], error);
}

gboolean
gk_cli_holidays (int      argc,
                 char   **argv,
                 GError **error)
{
  static const GkCliVerb verbs[] = {
    { "import", holidays_import },
    { "set", holidays_set },
    { "remove", holidays_remove },
  };
  g_autofree char *usage = g_strdup_printf (_("usage: gongkai-cli %s"), HOLIDAYS_USAGE);

  return gk_cli_run_verb (argc, argv, verbs, G_N_ELEMENTS (verbs), usage, error);
}

gboolean
gk_cli_workday (int      argc,
                char   **argv,
                GError **error)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autofree char *result_text = NULL;
  guint64 n = 0;
  GDate date, result;

  if (!gk_cli_parse (&argc, &argv, NULL, "workday DB YYYY-MM-DD N", 3, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (argv[3], 10, 0, 3650, &n, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“%s” is not a number of working days"), argv[3]);
      return FALSE;
    }

  db = gk_cli_open (argv[1], error);
  if (db == NULL || !gk_date_parse (argv[2], &date, error) ||
      !gk_workdays_add (db, &date, (guint) n, &result, error))
    return FALSE;

  result_text = gk_date_to_iso (&result);
  puts (result_text);
  return TRUE;
}

/* calendar: obligations, their waivers and the events that start them */

#define CALENDAR_USAGE "calendar DB [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--org ORG] [--mine PERSON] [--today YYYY-MM-DD] [--explain] [--ics FILE]"
#define WAIVE_USAGE "calendar waive DB NO --rule R --period P --as PERSON --reason T [--catalog ORG]"
#define EVENT_USAGE "calendar event DB NO --date YYYY-MM-DD --as PERSON --description T [--catalog ORG]"

static gint64
find_person (GkDatabase  *db,
             const char  *name,
             const char  *option,
             GError     **error)
{
  if (name == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("%s PERSON is required"), option);
      return 0;
    }
  return gk_directory_find_person (db, name, error);
}

/* The item numbered TEXT in ORG's catalog, or the school committee's. */
static gint64
find_item (GkDatabase  *db,
           const char  *org,
           const char  *text,
           GError     **error)
{
  guint64 number = 0;
  gint64 catalog_id;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &number, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“%s” is not an item number"), text);
      return 0;
    }
  if (org != NULL)
    {
      gint64 org_id = gk_directory_find_organization (db, org, error);

      if (org_id == 0)
        return 0;
      catalog_id = gk_catalog_get_for_organization (db, org_id, error);
    }
  else
    {
      catalog_id = gk_catalog_get_default (db, error);
    }
  if (catalog_id == 0)
    return 0;
  return gk_obligations_find_item (db, catalog_id, (guint) number, error);
}

static gboolean
calendar_waive (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *rule = NULL;
  g_autofree char *period = NULL;
  g_autofree char *as = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *catalog = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gint64 actor, item;
  const GOptionEntry options[] = {
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule, N_("The rule of the item’s cadence"), N_("R") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("The period: 2026, 2026-H1, 2026-Q3, 2026-07, 2026-T1, event:ID or once"), N_("P") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The person who acts"), N_("PERSON") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the obligation is waived"), N_("T") },
    { "catalog", 0, 0, G_OPTION_ARG_STRING, &catalog, N_("Whose catalog (default: the school committee’s)"), N_("ORG") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, WAIVE_USAGE, 2, error))
    return FALSE;
  if (rule == NULL || period == NULL || reason == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("usage: gongkai-cli %s"), WAIVE_USAGE);
      return FALSE;
    }

  db = gk_cli_open (argv[1], error);
  return db != NULL &&
         (actor = find_person (db, as, "--as", error)) != 0 &&
         (item = find_item (db, catalog, argv[2], error)) != 0 &&
         gk_obligations_waive (db, actor, item, rule, period, reason, error);
}

static gboolean
calendar_event (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *date = NULL;
  g_autofree char *as = NULL;
  g_autofree char *description = NULL;
  g_autofree char *catalog = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gint64 actor, item, event;
  const GOptionEntry options[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the event"), N_("YYYY-MM-DD") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The person who acts"), N_("PERSON") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What happened"), N_("T") },
    { "catalog", 0, 0, G_OPTION_ARG_STRING, &catalog, N_("Whose catalog (default: the school committee’s)"), N_("ORG") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, EVENT_USAGE, 2, error))
    return FALSE;
  if (date == NULL || description == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("usage: gongkai-cli %s"), EVENT_USAGE);
      return FALSE;
    }

  db = gk_cli_open (argv[1], error);
  if (db == NULL ||
      (actor = find_person (db, as, "--as", error)) == 0 ||
      (item = find_item (db, catalog, argv[2], error)) == 0 ||
      (event = gk_obligations_record_event (db, actor, item, date, description, error)) == 0)
    return FALSE;
  printf ("%" G_GINT64_FORMAT "\n", event);
  return TRUE;
}

/* One tab-separated row per obligation (DESIGN §9), or the .ics. */
static gboolean
calendar_list (int      argc,
               char   **argv,
               GError **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *org = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *today = NULL;
  g_autofree char *ics = NULL;
  gboolean explain = FALSE;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GkObligationQuery query = { 0 };
  const GOptionEntry options[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first due date (default: 1 January of the open year)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last due date (default: 31 December of the next year)"), N_("YYYY-MM-DD") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("Only what this organization is responsible for"), N_("ORG") },
    { "mine", 0, 0, G_OPTION_ARG_STRING, &mine, N_("Only what the organizations of this person are responsible for"), N_("PERSON") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("The day statuses are judged on (default: today)"), N_("YYYY-MM-DD") },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain, N_("Add how each due date was computed"), NULL },
    { "ics", 0, 0, G_OPTION_ARG_FILENAME, &ics, N_("Write the calendar as iCalendar to FILE instead"), N_("FILE") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, CALENDAR_USAGE, 1, error))
    return FALSE;

  db = gk_cli_open (argv[1], error);
  if (db == NULL)
    return FALSE;
  query.from = from;
  query.to = to;
  query.today = today;
  if (org != NULL && (query.organization_id = gk_directory_find_organization (db, org, error)) == 0)
    return FALSE;
  if (mine != NULL && (query.person_id = gk_directory_find_person (db, mine, error)) == 0)
    return FALSE;

  if (ics != NULL)
    {
      g_autofree char *text = gk_ical_export (db, &query, error);

      return text != NULL && gk_cli_write_output (ics, text, error);
    }

  obligations = gk_obligations_list (db, &query, error);
  if (obligations == NULL)
    return FALSE;
  for (guint i = 0; i < obligations->len; i++)
    {
      GkObligation *obligation = g_ptr_array_index (obligations, i);

      g_string_append_printf (out, "%s\t%u\t%s\t%s\t%s", obligation->due_date, obligation->item_number,
                              obligation->organizations, obligation->period,
                              gk_obligation_status_to_string (obligation->status));
      if (explain)
        g_string_append_printf (out, "\t%s", obligation->explanation);
      g_string_append_c (out, '\n');
    }
  return gk_cli_write_output (NULL, out->str, error);
}

gboolean
gk_cli_calendar (int      argc,
                 char   **argv,
                 GError **error)
{
  if (argc >= 2 && g_str_equal (argv[1], "waive"))
    return gk_cli_take_verb (&argc, &argv, "waive", WAIVE_USAGE, error) && calendar_waive (argc, argv, error);
  if (argc >= 2 && g_str_equal (argv[1], "event"))
    return gk_cli_take_verb (&argc, &argv, "event", EVENT_USAGE, error) && calendar_event (argc, argv, error);
  return calendar_list (argc, argv, error);
}
