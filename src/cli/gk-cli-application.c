/* application new|forward|extend|reply|list */

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "cli/gk-cli.h"
#include "core/gk-directory.h"
#include "core/gk-requests.h"

static gint64
actor_and_id (GkDatabase  *db,
              const char  *as,
              const char  *id_text,
              gint64      *id,
              GError     **error)
{
  guint64 value = 0;

  if (as == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--as PERSON is required: who acts?"));
      return 0;
    }
  if (id_text != NULL && !g_ascii_string_to_unsigned (id_text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“%s” is not an application id"), id_text);
      return 0;
    }
  *id = (gint64) value;
  return gk_directory_find_person (db, as, error);
}

#define NEW_USAGE "application new DB --as PERSON --applicant NAME [--member] --to ORG --request TEXT [--received YYYY-MM-DD]"

static gboolean
application_new (int argc, char **argv, GError **error)
{
  g_autofree char *as = NULL, *applicant = NULL, *to = NULL, *request = NULL, *received = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gboolean member = FALSE;
  gint64 actor, org, id, unused;
  const GOptionEntry options[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The person who records it"), N_("PERSON") },
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, N_("Who applied"), N_("NAME") },
    { "member", 0, 0, G_OPTION_ARG_NONE, &member, N_("The applicant is a Party member"), NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The school committee or a general branch"), N_("ORG") },
    { "request", 0, 0, G_OPTION_ARG_STRING, &request, N_("What is asked to be disclosed"), N_("TEXT") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received, N_("When it was received (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, NEW_USAGE, 1, error))
    return FALSE;
  if (applicant == NULL || to == NULL || request == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--applicant, --to and --request are required: %s"), NEW_USAGE);
      return FALSE;
    }
  db = gk_cli_open (argv[1], error);
  if (db == NULL || (actor = actor_and_id (db, as, NULL, &unused, error)) == 0 ||
      (org = gk_directory_find_organization (db, to, error)) == 0 ||
      (id = gk_requests_new (db, actor, applicant, member, org, request, received, error)) == 0)
    return FALSE;
  printf ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

#define FORWARD_USAGE "application forward DB ID --as PERSON --to DEPARTMENT"

static gboolean
application_forward (int argc, char **argv, GError **error)
{
  g_autofree char *as = NULL, *to = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gint64 actor, org, id;
  const GOptionEntry options[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The party-office person who forwards it"), N_("PERSON") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The responsible department"), N_("ORG") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, FORWARD_USAGE, 2, error))
    return FALSE;
  if (to == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--to is required: %s"), FORWARD_USAGE);
      return FALSE;
    }
  db = gk_cli_open (argv[1], error);
  return db != NULL && (actor = actor_and_id (db, as, argv[2], &id, error)) != 0 &&
         (org = gk_directory_find_organization (db, to, error)) != 0 &&
         gk_requests_forward (db, actor, id, org, error);
}

static gboolean
application_extend (int argc, char **argv, GError **error)
{
  g_autofree char *as = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gint64 actor, id;
  const GOptionEntry options[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The person who extends the deadline"), N_("PERSON") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, "application extend DB ID --as PERSON", 2, error))
    return FALSE;
  db = gk_cli_open (argv[1], error);
  return db != NULL && (actor = actor_and_id (db, as, argv[2], &id, error)) != 0 &&
         gk_requests_extend (db, actor, id, error);
}

#define REPLY_USAGE "application reply DB ID --as PERSON --reply disclose|partial|refuse [--note REASON] [--date YYYY-MM-DD]"

static gboolean
application_reply (int argc, char **argv, GError **error)
{
  g_autofree char *as = NULL, *reply_text = NULL, *note = NULL, *date = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gint64 actor, id;
  GkReply reply;
  const GOptionEntry options[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The person who answers"), N_("PERSON") },
    { "reply", 0, 0, G_OPTION_ARG_STRING, &reply_text, N_("公开, 部分公开 or 不予公开"), "disclose|partial|refuse" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("The reason (required unless disclosed in full)"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date of the reply (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, REPLY_USAGE, 2, error))
    return FALSE;
  if (!gk_reply_from_string (reply_text, &reply))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--reply is disclose, partial or refuse: %s"), REPLY_USAGE);
      return FALSE;
    }
  db = gk_cli_open (argv[1], error);
  return db != NULL && (actor = actor_and_id (db, as, argv[2], &id, error)) != 0 &&
         gk_requests_reply (db, actor, id, reply, note, date, error);
}

/* id  state  deadline  applicant  request */
static gboolean
application_list (int argc, char **argv, GError **error)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GPtrArray) requests = NULL;

  if (!gk_cli_parse (&argc, &argv, NULL, "application list DB", 1, error))
    return FALSE;
  db = gk_cli_open (argv[1], error);
  if (db == NULL || (requests = gk_requests_list (db, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < requests->len; i++)
    {
      GkRequest *request = g_ptr_array_index (requests, i);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", request->id, request->state, request->deadline,
              request->applicant, request->request);
    }
  return TRUE;
}

gboolean
gk_cli_application (int      argc,
                    char   **argv,
                    GError **error)
{
  static const GkCliVerb verbs[] = {
    { "new", application_new },
    { "forward", application_forward },
    { "extend", application_extend },
    { "reply", application_reply },
    { "list", application_list },
  };

  return gk_cli_run_verb (argc, argv, verbs, G_N_ELEMENTS (verbs),
                          _("usage: gongkai-cli application new|forward|extend|reply|list DB …"), error);
}
