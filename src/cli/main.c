/* gongkai-cli: the headless, scriptable side of Gongkai (DESIGN §9)
 *
 * Every command takes the database file first, exits 0 on success and
 * otherwise prints one line on stderr and exits non-zero, having changed
 * nothing.
 */

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>

#include "cli/gk-cli.h"

static const struct {
  const char  *name;
  GkCliCommand run;
  const char  *summary;
} commands[] = {
  { "init", gk_cli_init, N_("Create a database from a template") },
  { "org", gk_cli_org, N_("Add organizations") },
  { "person", gk_cli_person, N_("Add people with their roles") },
  { "catalog", gk_cli_catalog, N_("Keep disclosure catalogs: edit, history, file, diff, checklist, import, export") },
  { "notice", gk_cli_notice, N_("Propose, review, approve, publish and export notices") },
  { "application", gk_cli_application, N_("Record, forward and answer applications") },
  { "calendar", gk_cli_calendar, N_("List obligations and their due dates; waive them, record events, export .ics") },
  { "holidays", gk_cli_holidays, N_("Import public holidays and make-up working days") },
  { "workday", gk_cli_workday, N_("The date N working days later") },
  { "report", gk_cli_report, N_("The annual report (通报) of disclosure as PDF and CSV") },
  { "summary", gk_cli_summary, N_("What one organization disclosed in a period, for its secretary’s report") },
  { "inspection", gk_cli_inspection, N_("Record inspections, their findings and rectifications") },
  { "feedback", gk_cli_feedback, N_("Record feedback and public opinion; issue clarifications") },
  { "dashboard", gk_cli_dashboard, N_("What is overdue or stuck, one record a line") },
  { "audit", gk_cli_audit, N_("The audit trail, filtered") },
  { "verify", gk_cli_verify, N_("Check the file and the audit chain") },
  { "backup", gk_cli_backup, N_("Copy the database to a new file") },
  { "restore", gk_cli_restore, N_("Replace the database’s content with a backup’s, keeping a copy of it first") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: gongkai-cli COMMAND DB [ARGUMENTS…]"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_set_prgname ("gongkai-cli");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GONGKAI_LOCALEDIR") ? g_getenv ("GONGKAI_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? GK_CLI_EXIT_USAGE : 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (argv[1], commands[i].name))
        continue;

      if (commands[i].run (argc - 1, argv + 1, &error))
        return 0;

      /* One line, whatever the message carried. */
      g_strdelimit (error->message, "\r\n", ' ');
      fprintf (stderr, "gongkai-cli %s: %s\n", argv[1], error->message);
      return error->domain == G_OPTION_ERROR ? GK_CLI_EXIT_USAGE : 1;
    }

  fprintf (stderr, _("gongkai-cli: unknown command “%s”\n"), argv[1]);
  print_usage (stderr);
  return GK_CLI_EXIT_USAGE;
}
